"""The ingesting process's own cost: CPU per article of screening and storing, coding aside.

    .venv/bin/python benchmarks/writer.py                          # 300 articles, 3 runs
    .venv/bin/python benchmarks/writer.py --against ../main/src    # and another checkout's code

With two or more workers, ``ingest``'s own process reads the articles, screens them (language,
near-duplicates) and stores what the workers send back (DuckDB inserts, merging, commits) while
the workers code; on a 2-core machine it takes its CPU from them. This benchmark measures that
process alone: it codes the corpus (our synthetic articles from ``corpus.py`` and the bundled
sample corpus) once with the real coder, or ``--coder``, keeps the results, then ingests the
corpus into a new database with 2 workers that only hand those results back. Each run is a fresh
process; with ``--against`` the runs of the two source trees alternate. It prints, per tree, the
median over the runs of the ingesting process's CPU time (user and system, all its threads) per
article and its wall time per article, both in the steady phase (from each worker's first stored
chunk to the end), and the whole run's CPU. The coded results are read with each tree's own
record classes, so both trees must share them.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpus import synthetic_corpus

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "src" / "dyadwatch" / "samples" / "corpus.jsonl"
WORKERS = 2


@dataclass(frozen=True)
class ReplayFactory:
    """Builds a coder that hands back the results recorded in ``path`` (a worker's part is then
    only unpickling them and sending them back)."""

    path: str

    def __call__(self) -> Any:
        return _Replay(pickle.loads(Path(self.path).read_bytes()))


class _Replay:
    def __init__(self, recorded: dict[tuple[str, str], bytes]) -> None:
        self.recorded = recorded

    def code_articles(self, articles: Any) -> Any:
        for article in articles:
            yield pickle.loads(self.recorded[(article.id, article.content_hash)])


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def record(paths: list[Path], out: Path, coder: str | None) -> int:
    """Code every article once and keep each result, pickled, by (id, content hash)."""
    from dyadwatch.parallel import ModelCoderFactory, load_factory
    from dyadwatch.read.articles import read_articles_with_origin
    from dyadwatch.records import Article

    built = (load_factory(coder) if coder else ModelCoderFactory())()
    articles = [a for _, a in read_articles_with_origin(list(paths)) if isinstance(a, Article)]
    results = {(c.article.id, c.article.content_hash): pickle.dumps(c)
               for c in built.code_articles(articles)}  # fmt: skip
    out.write_bytes(pickle.dumps(results))
    return len(results)


def run_ingest(paths: list[Path], recorded: Path, db: Path) -> dict[str, float]:
    from dyadwatch.ingest import ingest

    marks: list[tuple[float, float, int]] = []

    def on_chunk(done: int, total: int) -> None:
        if done:
            marks.append((time.monotonic(), _cpu(), done))

    began = _cpu()
    summary = ingest(list(paths), db=db, coder=ReplayFactory(str(recorded)), workers=WORKERS,
                     on_chunk=on_chunk)  # fmt: skip
    if summary.errors:
        raise SystemExit(f"ingest reported errors: {summary.errors[:2]}")
    warm = min(WORKERS, len(marks) - 1)
    (t0, c0, d0), (t1, c1, d1) = marks[warm - 1], marks[-1]
    n = max(1, d1 - d0)
    return {"cpu": (c1 - c0) / n * 1000, "wall": (t1 - t0) / n * 1000,
            "all_cpu": (_cpu() - began) / max(1, summary.new) * 1000,
            "articles": n}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, default=300, help="synthetic articles")
    parser.add_argument("--no-samples", action="store_true", help="leave out the sample corpus")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--against", type=Path, help="another source tree (its src folder)")
    parser.add_argument("--coder", help="MODULE:NAME coder factory to record with (tests)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--run", type=Path, nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run is not None:  # a child: corpus list, recorded results, database
        corpus, recorded, db = args.run
        print(json.dumps(run_ingest([Path(p) for p in json.loads(corpus.read_text())],
                                    recorded, db)))  # fmt: skip
        return

    folder = Path(tempfile.mkdtemp(prefix="dyadwatch-writer-"))
    synthetic = folder / "synthetic.jsonl"
    records = synthetic_corpus(args.articles, args.seed)
    synthetic.write_text("".join(json.dumps(r) + "\n" for r in records))
    paths = [synthetic] if args.no_samples else [SAMPLES, synthetic]
    (folder / "paths.json").write_text(json.dumps([str(p) for p in paths]))
    recorded = folder / "coded.pickle"
    coded = record(paths, recorded, args.coder)
    print(f"corpus: {coded} articles coded once and kept, in {folder}")

    trees = {"this tree": ROOT / "src"}
    if args.against is not None:
        trees[str(args.against)] = args.against.resolve()
    results: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
    for _ in range(args.repeats):
        for name, src in trees.items():  # alternating: drift hits both alike
            db = folder / "run.duckdb"
            for path in folder.glob("*run.duckdb*"):
                path.unlink()
            env = {
                **os.environ,
                "PYTHONPATH": os.pathsep.join([str(src), str(Path(__file__).parent)]),
            }
            command = [sys.executable, str(Path(__file__).resolve()), "--run",
                       str(folder / "paths.json"), str(recorded), str(db)]  # fmt: skip
            out = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
            if out.returncode != 0:
                raise SystemExit(f"run failed ({name}):\n{out.stderr}")
            results[name].append(json.loads(out.stdout.strip().splitlines()[-1]))
    print(f"\n{'source tree (medians of ' + str(args.repeats) + ' runs)':44} {'CPU ms/article':>15}"
          f" {'wall ms/article':>16} {'whole run CPU':>14}")  # fmt: skip
    for name, runs in results.items():
        cpu, wall, whole = (
            statistics.median(r[k] for r in runs) for k in ("cpu", "wall", "all_cpu")
        )
        print(f"{name:44} {cpu:15.2f} {wall:16.2f} {whole:14.2f}")
    print("\nCPU, wall: the ingesting process in the steady phase (workers replaying); whole run")
    print("CPU: its CPU over the whole ingest (reading, screening, storing, starting the workers).")


if __name__ == "__main__":
    main()
