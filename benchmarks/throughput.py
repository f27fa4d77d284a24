"""Throughput of ``dyadwatch ingest`` against a plain full spaCy parse of the same texts.

    .venv/bin/python benchmarks/throughput.py                  # 500 articles, 1 and 2 workers
    .venv/bin/python benchmarks/throughput.py --repeats 3      # medians of three runs each
    .venv/bin/python benchmarks/throughput.py --corpus src/dyadwatch/samples/corpus.jsonl

It writes a synthetic corpus (``benchmarks/corpus.py``: our own templates, about 500 words of
wire copy each, events mixed with quotations, background, figures and colour) or takes a JSON
Lines corpus, then runs, side by side in the same run and each in a fresh process:

* ``full parse``: the coder's spaCy pipeline (same model, same components, batch size 16)
  runs ``nlp.pipe`` on every text, every sentence, and does nothing else;
* ``ingest``: ``dyadwatch.ingest.ingest`` codes the corpus into a new database, with the
  pre-filter (1 and N workers) and without it (1 worker, ``DYADWATCH_PREFILTER=0``).

For each it prints two rates. **Steady** leaves out loading: the full parse starts its clock
after the model is loaded and its first 64 texts are parsed, ingest after each worker has
stored its first chunk of 64 (whose time is mostly loading the model and the gazetteer in that
worker). **Overall** divides the articles by the wall time of the whole process, loading
included. Then events/s (mentions stored, steady), the peak RSS of the whole process tree and
of its largest process (sampled every 50 ms with psutil), the peak PSS of the tree (shared
pages counted once; sampled every 0.5 s) and the ratios to the full parse. With ``--repeats``
each figure is the median over the repeats.

Then it compares the events stored with and without the pre-filter, article by article; gives
the **ceiling** of any sentence pre-filter (the articles with every sentence blanked but those
that hold an event, as found without the pre-filter: their parse alone, and their parse with the
event and place stages, in one process, nothing stored); and
shows the share of sentences the pre-filter keeps on this corpus, on the bundled sample corpus,
on the reference article (../shared/seed) and on GeoWebNews's 100 real articles of every topic
(../shared/eval, when present), so a reader can judge how the synthetic corpus compares with
real text.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from corpus import synthetic_corpus

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DYADWATCH_SHARED", ROOT.parent / "shared"))
SAMPLES = ROOT / "src" / "dyadwatch" / "samples" / "corpus.jsonl"
SEED = SHARED / "seed" / "algeria-us-2020-09-25.txt"
GEOWEBNEWS = SHARED / "eval" / "dev" / "geowebnews_dev.jsonl"
WARM = 64  # texts per worker left out of the steady rates (dyadwatch.ingest.DEFAULT_CHUNK)


# -- the measured runs (each in a child process) -----------------------------------------------


def _texts(corpus: Path) -> list[str]:
    lines = corpus.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["text"] for line in lines if line.strip()]


def run_full_parse(corpus: Path, model: str | None) -> dict[str, Any]:
    """``nlp.pipe`` over every full text with the coder's pipeline; nothing else."""
    from dyadwatch.coder import Coder
    from dyadwatch.settings import Settings

    coder = Coder(Settings.from_env(model=model))
    texts = _texts(corpus)
    began = time.monotonic()
    nlp = coder.nlp  # the coder's own pipeline: same model, same components
    loaded = time.monotonic()
    start, skipped = loaded, 0
    for n, doc in enumerate(nlp.pipe(texts, batch_size=coder.settings.batch_size), 1):
        assert len(doc) > 0
        if n == min(WARM, len(texts) - 1):
            start, skipped = time.monotonic(), n
    end = time.monotonic()
    return {"articles": len(texts) - skipped, "events": 0, "load": start - began,
            "seconds": end - start, "total": len(texts)}  # fmt: skip


def run_ingest(
    corpus: Path, model: str | None, workers: int, db: Path, coder: str | None
) -> dict[str, Any]:
    """Ingest the corpus; the steady rate leaves out each worker's first chunk."""
    from dyadwatch.ingest import DEFAULT_CHUNK, ingest
    from dyadwatch.parallel import CoderFactory, ModelCoderFactory, load_factory
    from dyadwatch.settings import Settings

    factory: CoderFactory = (
        load_factory(coder) if coder else ModelCoderFactory(Settings.from_env(model=model))
    )
    began = time.monotonic()
    marks: list[tuple[float, int]] = []

    def on_chunk(done: int, total: int) -> None:
        if done:  # the call with 0 only announces the total
            marks.append((time.monotonic(), done))

    summary = ingest([corpus], db=db, coder=factory, workers=workers,
                     on_chunk=on_chunk)  # fmt: skip
    if summary.failed or summary.errors:
        print(f"  warning: {len(summary.errors)} errors: {summary.errors[:1]}", file=sys.stderr)
    warm = min(workers, len(marks) - 1)
    start, skipped = marks[warm - 1] if warm > 0 else (began, 0)
    end, done = marks[-1] if marks else (time.monotonic(), 0)
    per_article = summary.mentions / max(1, summary.new)
    articles = done - skipped
    return {"articles": articles, "events": articles * per_article, "load": start - began,
            "seconds": max(end - start, 1e-9), "chunk": DEFAULT_CHUNK, "total": done,
            "mentions": summary.mentions, "merged": summary.events}  # fmt: skip


def run_compare(with_filter: Path, without: Path) -> dict[str, Any]:
    """Articles whose stored events differ between the two databases; and the share of the
    quick splitter's sentences that hold an event trigger (without the pre-filter)."""
    from dyadwatch.events.prefilter import _SENTENCE_END
    from dyadwatch.store.store import Store

    differing: list[str] = []
    sentences = with_event = 0
    with Store.open(with_filter, read_only=True) as a, Store.open(without, read_only=True) as b:
        ids = b.article_ids()
        for article_id in ids:
            full = b.article_events(article_id)
            if a.article_events(article_id) != full:
                differing.append(article_id)
            stored = b.article(article_id)
            text = stored.text if stored is not None else ""
            ends = [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
            sentences += len(ends)
            starts = [0, *ends[:-1]]
            triggers = {e.evidence.trigger.start for e in full}
            with_event += sum(1 for s, e in zip(starts, ends, strict=True)
                              if any(s <= t < e for t in triggers))  # fmt: skip
    return {"articles": len(ids), "differing": differing,
            "event_share": with_event / max(1, sentences)}  # fmt: skip


def run_bound(database: Path, model: str | None) -> dict[str, Any]:
    """The ceiling of any sentence pre-filter: the articles stored in ``database`` (coded
    without the pre-filter) with every sentence group blanked but those that hold an event,
    parsed, then also coded (events and places; nothing stored). Steady rates, as above."""
    from dyadwatch.coder import Coder
    from dyadwatch.events.prefilter import blank, units
    from dyadwatch.settings import Settings
    from dyadwatch.store.store import Store

    articles, texts = [], []
    with Store.open(database, read_only=True) as store:
        for article_id in store.article_ids():
            article = store.article(article_id)
            if article is None:
                continue
            triggers = [e.evidence.trigger.start for e in store.article_events(article_id)]
            groups = units(article.text)
            keep = [any(g[0][0] <= t < g[-1][1] for t in triggers) for g in groups]
            articles.append(article)
            texts.append(blank(article.text, groups, keep)[0])
    coder = Coder(Settings.from_env(model=model))
    nlp, size = coder.nlp, coder.settings.batch_size
    warm = min(WARM, len(texts) - 1)
    for doc, article in zip(nlp.pipe(texts[:warm], batch_size=size), articles, strict=False):
        coder.place_events(doc, article, coder.events_from_doc(doc, article))  # as a worker's first chunk
    start = time.monotonic()
    docs = list(nlp.pipe(texts[warm:], batch_size=size))
    parsed = time.monotonic()
    for doc, article in zip(docs, articles[warm:], strict=True):
        events = coder.events_from_doc(doc, article)
        coder.place_events(doc, article, events)
    coded = time.monotonic()
    share = sum(len(t.split()) for t in texts) / max(1, sum(len(a.text.split()) for a in articles))
    return {"articles": len(docs), "parse": parsed - start, "code": coded - start,
            "share": share}  # fmt: skip


def run_shares(corpus: Path, model: str | None) -> dict[str, Any]:
    """The share of sentences (and of characters) the Coder's pre-filter keeps, per corpus."""
    from dyadwatch.coder import Coder
    from dyadwatch.events.prefilter import _SENTENCE_END
    from dyadwatch.settings import Settings

    prefilter = Coder(Settings.from_env(model=model)).prefilter

    def share(texts: list[str]) -> tuple[float, float, int]:
        kept = total = 0
        chars = 0.0
        for text in texts:
            out, char_share = prefilter.apply(text)
            chars += char_share
            start = 0
            for m in [*_SENTENCE_END.finditer(text), None]:
                end = m.start() if m is not None else len(text)
                if text[start:end].strip():
                    total += 1
                    kept += bool(out[start:end].strip())
                start = m.end() if m is not None else start
        return kept / max(1, total), chars / max(1, len(texts)), total

    records = [json.loads(line) for line in corpus.read_text().splitlines() if line.strip()]
    out: dict[str, Any] = {"this corpus": share([r["text"] for r in records])}
    for kind in sorted({r.get("kind") for r in records if r.get("kind")}):
        out[f"  of which {kind}"] = share([r["text"] for r in records if r.get("kind") == kind])
    if corpus.resolve() != SAMPLES.resolve():
        out["bundled sample corpus"] = share(_texts(SAMPLES))
    if SEED.exists():
        out["reference article (seed)"] = share([SEED.read_text(encoding="utf-8")])
    if GEOWEBNEWS.exists():  # real news on every topic (evaluation-only, measured not copied)
        out["GeoWebNews dev articles"] = share(_texts(GEOWEBNEWS))
    return out


# -- the driver ---------------------------------------------------------------------------------


def measure(
    args: list[str], env: dict[str, str] | None = None
) -> tuple[dict[str, Any], dict[str, float]]:
    """Run ``args`` in a child process: its JSON result, and its wall time and memory peaks
    (MB): RSS of the whole tree, RSS of its largest process, PSS of the tree."""
    import psutil  # type: ignore[import-untyped]  # installed with dask.distributed

    began = time.monotonic()
    child = subprocess.Popen(args, stdout=subprocess.PIPE, text=True, env=env)
    peak = {"rss": 0.0, "process": 0.0, "pss": 0.0}
    stop = threading.Event()

    def sample() -> None:
        ticks = 0
        with contextlib.suppress(psutil.Error):
            root = psutil.Process(child.pid)
            while not stop.is_set():
                total = largest = pss = 0
                for proc in [root, *root.children(recursive=True)]:
                    with contextlib.suppress(psutil.Error):  # a child that just ended
                        rss = proc.memory_info().rss
                        total, largest = total + rss, max(largest, rss)
                        if ticks % 10 == 0:
                            pss += getattr(proc.memory_full_info(), "pss", rss)
                peak["rss"] = max(peak["rss"], total / 1e6)
                peak["process"] = max(peak["process"], largest / 1e6)
                if ticks % 10 == 0:
                    peak["pss"] = max(peak["pss"], pss / 1e6)
                ticks += 1
                time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = child.communicate()
    stop.set()
    sampler.join()
    peak["wall"] = time.monotonic() - began
    if child.returncode != 0:
        raise SystemExit(f"benchmark run failed: {' '.join(args)}")
    return json.loads(out.strip().splitlines()[-1]), peak


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeats", type=int, default=1, help="medians over this many runs")
    parser.add_argument("--corpus", type=Path, help="a JSON Lines corpus instead of ours")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: the setting)")
    parser.add_argument("--coder", help="MODULE:NAME coder factory for ingest (tests)")
    parser.add_argument(
        "--skip-model-runs",
        action="store_true",
        help="no full parse and no pre-filter shares (they load the model)",
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", metavar="DIR", help="write corpus and databases here")
    parser.add_argument("--run", choices=["parse", "ingest", "shares", "compare", "bound"],
                        help=argparse.SUPPRESS)  # fmt: skip
    parser.add_argument("--db", type=Path, nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.run is not None:
        print(json.dumps(_child(args)))
        return
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="dyadwatch-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    corpus = folder / "corpus.jsonl"
    if args.corpus is not None:
        corpus.write_text(args.corpus.read_text())
    else:
        records = synthetic_corpus(args.articles, args.seed)
        corpus.write_text("".join(json.dumps(r) + "\n" for r in records))
    texts = _texts(corpus)
    words = sum(len(t.split()) for t in texts) / max(1, len(texts))
    print(f"corpus: {len(texts)} articles, {words:.0f} words on average, in {folder}")
    report(args, folder, corpus)


def _child(args: argparse.Namespace) -> dict[str, Any]:
    corpus = Path(args.corpus)
    if args.run == "parse":
        return run_full_parse(corpus, args.model)
    if args.run == "ingest":
        return run_ingest(corpus, args.model, args.workers[0], args.db[0], args.coder)
    if args.run == "shares":
        return run_shares(corpus, args.model)
    if args.run == "bound":
        return run_bound(args.db[0], args.model)
    return run_compare(args.db[0], args.db[1])


def report(args: argparse.Namespace, folder: Path, corpus: Path) -> None:
    base = [sys.executable, str(Path(__file__).resolve()), "--corpus", str(corpus)]
    if args.model:
        base += ["--model", args.model]
    if args.coder:
        base += ["--coder", args.coder]
    plain = {**os.environ, "DYADWATCH_PREFILTER": "1"}
    runs: list[tuple[str, list[str], dict[str, str], Path | None]] = []
    if not args.skip_model_runs:
        runs.append(("full parse (nlp.pipe, 1 process)", [*base, "--run", "parse"], plain, None))
    for n in args.workers:
        db = folder / f"ingest-{n}.duckdb"
        label = f"ingest, pre-filter, {n} worker{'s' if n > 1 else ''}"
        runs.append((label, [*base, "--run", "ingest", "--workers", str(n), "--db", str(db)],
                     plain, db))  # fmt: skip
    no_filter = folder / "ingest-no-prefilter.duckdb"
    runs.append(("ingest, no pre-filter, 1 worker",
                 [*base, "--run", "ingest", "--workers", "1", "--db", str(no_filter)],
                 {**os.environ, "DYADWATCH_PREFILTER": "0"}, no_filter))  # fmt: skip

    results: dict[str, list[tuple[dict[str, Any], dict[str, float]]]] = {r[0]: [] for r in runs}
    for repeat in range(args.repeats):
        for label, command, env, store in runs:  # interleaved: drift hits every run alike
            if store is not None:
                for path in store.parent.glob(f"*{store.name}*"):
                    path.unlink()
            result, peak = measure(command, env)
            results[label].append((result, peak))
            print(f"  done: {label}, repeat {repeat + 1}: {result['seconds']:.1f} s steady,"
                  f" {peak['wall']:.1f} s in all", file=sys.stderr)  # fmt: skip
    _table(results, args.repeats)
    if 1 in args.workers:
        command = [*base, "--run", "compare", "--db", str(folder / "ingest-1.duckdb")]
        compare, _ = measure([*command, str(no_filter)])
        n, differing = compare["articles"], compare["differing"]
        print(
            f"\nevents with and without the pre-filter: {n - len(differing)} of {n} articles"
            f" identical, {len(differing)} differ {differing[:5] if differing else ''}"
        )
        print(f"sentences holding an event (full parse, this corpus): {compare['event_share']:.0%}")
    if not args.skip_model_runs:
        bound, _ = measure([*base, "--run", "bound", "--db", str(no_filter)])
        full = _median([r["articles"] / r["seconds"] for r, _ in results[runs[0][0]]])
        parse, code = (bound["articles"] / bound[k] for k in ("parse", "code"))
        print(
            f"\nceiling of any sentence pre-filter (only the sentences that hold an event,"
            f" {bound['share']:.0%} of the words, 1 process):\n"
            f"  parse only: {parse:.1f} articles/s ({parse / full:.2f}x the full parse);"
            f" parse, events and places: {code:.1f} articles/s ({code / full:.2f}x), before storing"
        )
    if not args.skip_model_runs:
        shares, _ = measure([*base, "--run", "shares"])
        print("\nkept by the pre-filter         sentences  characters  (of sentences)")
        for name, (sentences, chars, total) in shares.items():
            print(f"  {name:28} {sentences:9.0%} {chars:11.0%}  ({total})")


def _table(results: dict[str, list[tuple[dict[str, Any], dict[str, float]]]], repeats: int) -> None:
    rows = []
    for label, runs in results.items():
        steady = _median([r["articles"] / r["seconds"] for r, _ in runs])
        overall = _median([r["total"] / p["wall"] for r, p in runs])
        events = _median([r["events"] / r["seconds"] for r, _ in runs])
        memory = {k: _median([p[k] for _, p in runs]) for k in ("rss", "process", "pss")}
        load = _median([r["load"] for r, _ in runs])
        rows.append((label, steady, overall, events, memory, load))
    base_steady, base_overall = (rows[0][1], rows[0][2]) if rows else (1.0, 1.0)
    median = f"medians of {repeats} runs" if repeats > 1 else "one run each"
    print(
        f"\n{'run (' + median + ')':36} {'steady':>8} {'ratio':>6} {'overall':>8} {'ratio':>6}"
        f" {'events/s':>9} {'peak RSS':>9} {'largest':>8} {'peak PSS':>9} {'load s':>7}"
    )
    for label, steady, overall, events, memory, load in rows:
        print(f"{label:36} {steady:8.1f} {steady / base_steady:5.2f}x {overall:8.1f}"
              f" {overall / base_overall:5.2f}x {events:9.1f} {memory['rss']:6.0f} MB"
              f" {memory['process']:5.0f} MB {memory['pss']:6.0f} MB {load:7.1f}")  # fmt: skip
    print("\nsteady, overall: articles/s leaving out loading, and including it (whole process);")
    print("ratio: to the first row; peak RSS and PSS: the whole process tree; largest: its")
    print("largest process; load s: loading and, for ingest, each worker's first chunk.")


if __name__ == "__main__":
    main()
