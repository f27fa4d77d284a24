"""Throughput of ``dyadwatch ingest`` against a plain full spaCy parse of the same texts.

    .venv/bin/python benchmarks/throughput.py                  # 500 articles, 1 and 2 workers
    .venv/bin/python benchmarks/throughput.py --articles 1000 --workers 1 2 4 --model en_core_web_md

It writes a synthetic corpus (our own templates: wire-style articles of about 500 words in
which a minority of sentences name political actors, the rest being the colour, numbers and
quotes that fill real news), then, in the same run and each in a fresh process:

* ``full parse``: the coder's spaCy pipeline (same model, same components) runs ``nlp.pipe`` on
  every text, every sentence, and does nothing else;
* ``ingest, N workers``: ``dyadwatch.ingest.ingest`` codes the corpus into a new database.

Model loading is left out of the rates: the full parse starts its clock after loading, ingest
after each worker has stored its first chunk (that chunk's time is mostly loading the model).

For each it prints articles/s, events/s (mentions stored), peak RSS of the whole process tree
(sampled every 50 ms with psutil) and the throughput ratio to the full parse.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

COUNTRIES = [
    ("France", "French", "Paris"),
    ("Germany", "German", "Berlin"),
    ("Algeria", "Algerian", "Algiers"),
    ("Mali", "Malian", "Bamako"),
    ("Nigeria", "Nigerian", "Abuja"),
    ("Kenya", "Kenyan", "Nairobi"),
    ("Egypt", "Egyptian", "Cairo"),
    ("Turkey", "Turkish", "Ankara"),
    ("Russia", "Russian", "Moscow"),
    ("Ukraine", "Ukrainian", "Kyiv"),
    ("China", "Chinese", "Beijing"),
    ("Japan", "Japanese", "Tokyo"),
    ("India", "Indian", "New Delhi"),
    ("Pakistan", "Pakistani", "Islamabad"),
    ("Brazil", "Brazilian", "Brasilia"),
    ("Argentina", "Argentine", "Buenos Aires"),
    ("Mexico", "Mexican", "Mexico City"),
    ("Canada", "Canadian", "Ottawa"),
    ("Iran", "Iranian", "Tehran"),
    ("Israel", "Israeli", "Jerusalem"),
]
ROLES = ["president", "foreign minister", "defence minister", "prime minister", "army chief"]
TOPICS = [
    "trade", "border security", "energy supplies", "migration", "water rights", "debt relief",
    "fishing quotas", "a ceasefire", "prisoner exchanges", "grain exports",
]  # fmt: skip
EVENT_TEMPLATES = [
    "The {adj_a} {role_a} met the {adj_b} {role_b} in {city_b} on {weekday} to discuss {topic}.",
    "{a} accused {b} of violating the agreement on {topic}.",
    "{a} condemned the attack on its embassy in {city_b}.",
    "The {adj_a} government said it would send humanitarian aid to {b}.",
    "{adj_a} troops clashed with {adj_b} forces near the border on {weekday}.",
    "{a} and {b} signed an agreement on {topic} in {city_a}.",
    "The {adj_a} {role_a} praised {b} for its role in the talks on {topic}.",
    "{a} expelled two {adj_b} diplomats, the foreign ministry in {city_a} said.",
    "{a} threatened to impose sanctions on {b} over {topic}.",
    "The {adj_a} {role_a} is expected to visit {city_b} next month.",
    "Police in {city_a} arrested dozens of protesters demanding action on {topic}.",
    "{a} reportedly offered to mediate between {b} and its neighbours.",
]
FILLER = [
    "Temperatures are expected to reach {n} degrees later in the week, forecasters said.",
    "Analysts said markets remained volatile amid uncertainty over interest rates.",
    "The report runs to {n} pages and includes several annexes with detailed tables.",
    "Residents described long queues at petrol stations and bakeries in the morning.",
    "The stadium, which seats {n},000 people, was completed {m} years ago.",
    "Prices of staple foods have risen by {m} percent since the start of the year.",
    "The agency publishes its figures every quarter and revises them twice a year.",
    "Several roads were closed after heavy rain flooded low-lying neighbourhoods.",
    "Officials declined to give further details, citing an ongoing review.",
    "The delegation arrived late on {weekday} evening after a delayed flight.",
    "Attendance at the annual book fair fell slightly compared with last year.",
    "Engineers said repairs to the bridge would take at least {m} more weeks.",
    "The central bank left its main rate unchanged at {m}.5 percent.",
    "Schools will reopen on Monday after the holiday, the education office said.",
    "A spokesman said the figures would be released at a news conference.",
    "The harvest is expected to be better than last year thanks to late rains.",
    "Hospital staff said the new wing would add {n} beds by the end of the year.",
    "Shares in the largest telecom operator rose {m} percent in early trading.",
    "The festival drew visitors from across the region despite the weather.",
    "Critics say the plan lacks funding, while supporters call it overdue.",
    '"We are working day and night," said one volunteer at the distribution centre.',
    "The ministry's budget for the coming year has not yet been approved.",
    "Traffic was heavy on the main highway into the city for most of the day.",
    "The museum will extend its opening hours during the summer months.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def synthetic_corpus(n: int, seed: int = 7) -> list[dict[str, Any]]:
    """``n`` wire-style articles of about 500 words, about a quarter of sentences with actors."""
    rng = random.Random(seed)
    start = date(2021, 1, 4)
    articles = []
    for i in range(n):
        (a, adj_a, city_a), (b, adj_b, city_b) = rng.sample(COUNTRIES, 2)
        values = {
            "a": a, "adj_a": adj_a, "city_a": city_a, "b": b, "adj_b": adj_b, "city_b": city_b,
            "role_a": rng.choice(ROLES), "role_b": rng.choice(ROLES),
            "topic": rng.choice(TOPICS), "weekday": rng.choice(WEEKDAYS),
        }  # fmt: skip
        day = start + timedelta(days=rng.randrange(300))
        sentences = [t.format(**values) for t in rng.sample(EVENT_TEMPLATES, rng.randint(5, 8))]
        sentences += [
            t.format(n=rng.randint(2, 90), m=rng.randint(2, 9), weekday=rng.choice(WEEKDAYS))
            for t in rng.choices(FILLER, k=rng.randint(30, 38))
        ]
        lead, rest = sentences[0], sentences[1:]
        rng.shuffle(rest)
        paragraphs = [" ".join(rest[k : k + 4]) for k in range(0, len(rest), 4)]
        dateline = f"{city_a.upper()}, {day:%B} {day.day} -"
        text = f"{dateline} {lead}\n\n" + "\n\n".join(paragraphs) + "\n"
        articles.append(
            {
                "id": f"bench{i:05d}",
                "title": f"{a} and {b} at odds over {values['topic']}",
                "text": text,
                "date": day.isoformat(),
                "source": f"Wire {i % 7}",
            }
        )
    return articles


# -- one measured run (in a child process) ------------------------------------------------------


def _run_full_parse(corpus: Path, model: str | None) -> dict[str, Any]:
    from dyadwatch.knowledge import load_knowledge
    from dyadwatch.nlp import load_pipeline
    from dyadwatch.settings import Settings

    settings = Settings.from_env(model=model)
    texts = [json.loads(line)["text"] for line in corpus.read_text().splitlines()]
    began = time.monotonic()
    nlp = load_pipeline(settings.model, load_knowledge())
    loaded = time.monotonic()
    sentences = 0
    for doc in nlp.pipe(texts, batch_size=settings.batch_size):
        sentences += sum(1 for _ in doc.sents)
    done = time.monotonic()
    return {"articles": len(texts), "events": 0, "load": loaded - began, "seconds": done - loaded,
            "sentences": sentences}  # fmt: skip


def _run_ingest(corpus: Path, model: str | None, workers: int, db: Path) -> dict[str, Any]:
    """Ingest the corpus; the rate leaves out the first chunk of each worker, whose time is
    mostly loading the model in that worker (the full parse leaves its loading out too)."""
    from dyadwatch.ingest import DEFAULT_CHUNK, ingest
    from dyadwatch.parallel import ModelCoderFactory

    began = time.monotonic()
    marks: list[tuple[float, int]] = []

    def on_chunk(done: int, total: int) -> None:
        marks.append((time.monotonic(), done))

    summary = ingest(
        [corpus], db=db, coder=ModelCoderFactory(model=model), workers=workers,
        progress=False, on_chunk=on_chunk,
    )  # fmt: skip
    if summary.failed or summary.errors:
        print(f"  warning: {len(summary.errors)} errors: {summary.errors[:1]}", file=sys.stderr)
    warm = min(workers, len(marks) - 1)
    start, skipped = marks[warm - 1] if warm > 0 else (began, 0)
    end, done = marks[-1]
    per_article = summary.mentions / max(1, summary.new)
    articles = done - skipped
    return {"articles": articles, "events": articles * per_article, "load": start - began,
            "seconds": end - start, "total_seconds": end - began, "chunk": DEFAULT_CHUNK,
            "merged": summary.events}  # fmt: skip


# -- the driver ---------------------------------------------------------------------------------


def _measure(args: list[str]) -> tuple[dict[str, Any], float]:
    """Run ``args`` in a child process; its JSON result and the peak RSS (MB) of its tree."""
    import psutil  # type: ignore[import-untyped]  # installed with dask.distributed

    child = subprocess.Popen(args, stdout=subprocess.PIPE, text=True)
    peak = 0.0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        try:
            root = psutil.Process(child.pid)
            while not stop.is_set():
                total = 0
                for proc in [root, *root.children(recursive=True)]:
                    with contextlib.suppress(psutil.Error):  # a child that just ended
                        total += proc.memory_info().rss
                peak = max(peak, total / 1e6)
                time.sleep(0.05)
        except psutil.Error:
            return

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = child.communicate()
    stop.set()
    sampler.join()
    if child.returncode != 0:
        raise SystemExit(f"benchmark run failed: {' '.join(args)}")
    return json.loads(out.strip().splitlines()[-1]), peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: the setting)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", metavar="DIR", help="write corpus and databases here")
    parser.add_argument("--run", choices=["parse", "ingest"], help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.run == "parse":
        print(json.dumps(_run_full_parse(Path(args.corpus), args.model)))
        return
    if args.run == "ingest":
        result = _run_ingest(Path(args.corpus), args.model, args.workers[0], Path(args.db))
        print(json.dumps(result))
        return

    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="dyadwatch-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    corpus = folder / "corpus.jsonl"
    records = synthetic_corpus(args.articles, args.seed)
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records))
    words = sum(len(r["text"].split()) for r in records) / len(records)
    print(f"corpus: {len(records)} articles, {words:.0f} words on average, in {folder}")

    base = [sys.executable, __file__, "--corpus", str(corpus)]
    if args.model:
        base += ["--model", args.model]
    runs = [("full parse (nlp.pipe, 1 process)", [*base, "--run", "parse"])]
    for n in args.workers:
        db = folder / f"ingest-{n}.duckdb"
        db.unlink(missing_ok=True)
        label = f"dyadwatch ingest, {n} worker{'s' if n > 1 else ''}"
        runs.append((label, [*base, "--run", "ingest", "--workers", str(n), "--db", str(db)]))

    rows = []
    for label, command in runs:
        result, peak = _measure(command)
        rows.append((label, result, peak))
        print(f"  done: {label} ({result['seconds']:.1f} s)", file=sys.stderr)

    baseline = rows[0][1]["articles"] / rows[0][1]["seconds"]
    print()
    print(
        f"{'run':38} {'articles/s':>11} {'events/s':>9} {'peak RSS':>9} {'ratio':>6} {'load s':>7}"
    )
    for label, result, peak in rows:
        rate = result["articles"] / result["seconds"]
        events = result["events"] / result["seconds"]
        print(
            f"{label:38} {rate:11.1f} {events:9.1f} {peak:7.0f} MB {rate / baseline:5.2f}x"
            f" {result['load']:7.1f}"
        )
    print()
    print("ratio: articles/s relative to the full parse; peak RSS: the whole process tree.")
    print("load s: model loading (and, for ingest, the first chunk of each worker), not in the")
    print("rates; events/s counts mentions stored.")


if __name__ == "__main__":
    main()
