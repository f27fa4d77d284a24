"""Where an ingested article's CPU time goes, step by step, in one process.

    .venv/bin/python benchmarks/stages.py                  # 150 synthetic articles, 3 repeats
    .venv/bin/python benchmarks/stages.py --articles 300 --repeats 5

Codes our synthetic articles (``corpus.py``) the way ``Coder`` and ``ingest`` do, but one step
at a time over the whole corpus, and times each step's CPU (``time.process_time``: other
processes on the machine do not count, this process's threads do): the duplicate screen's
MinHash, the dating and the check for an article discarded whole (not parsed), the pre-filter
(``Coder.parse_text``), the tokenizer and each pipeline component (batches of the coder's
batch size), the article context and event stage, the place stage, pickling the results there and back (what a worker sends the writing process), and
storing them in chunks of ``ingest``'s size in a new database. It prints the median
milliseconds per article of each step over the repeats and its share of the total, and checks
that the steps taken one by one code every article as ``Coder.code_articles`` does. The first
repeat starts with nothing remembered; the model is loaded (and the MinHash library imported)
before any clock starts.
"""

from __future__ import annotations

import argparse
import pickle
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from corpus import synthetic_corpus


def _clock(times: dict[str, list[float]], step: str, run: Callable[[], Any]) -> Any:
    began = time.process_time()
    out = run()
    times[step].append(time.process_time() - began)
    return out


def _run(component: Any, docs: list[Any], size: int) -> list[Any]:
    """One pipeline component over every document, as ``Language.pipe`` runs it."""
    if hasattr(component, "pipe"):
        return list(component.pipe(docs, batch_size=size))
    return [component(doc) for doc in docs]


def _repeat(
    coder: Any, articles: list[Any], times: dict[str, list[float]], chunk: int
) -> list[Any]:
    """Every step once over ``articles``, timed into ``times``; the coded articles."""
    from dyadwatch.coder import Coded
    from dyadwatch.context import ArticleContext
    from dyadwatch.feeds.dedup import signature
    from dyadwatch.knowledge.discards import is_discarded
    from dyadwatch.store.store import Store

    nlp, size = coder.nlp, coder.settings.batch_size
    _clock(times, "screen (MinHash)", lambda: [signature(a.text) for a in articles])
    datings = _clock(times, "dating", lambda: [coder.dating(a) for a in articles])
    discarded = _clock(times, "discard check", lambda: [is_discarded(a) for a in articles])
    # as the coder: with the pre-filter, an article discarded whole is not parsed
    todo = [i for i, d in enumerate(discarded) if not (d and coder.settings.prefilter)]
    texts = _clock(times, "pre-filter", lambda: [coder.parse_text(articles[i], datings[i]) for i in todo])  # fmt: skip
    docs = _clock(times, "tokenizer", lambda: [nlp.make_doc(t) for t in texts])
    for name, component in nlp.pipeline:
        docs = _clock(times, f"  {name}", partial(_run, component, docs, size))
    contexts = _clock(times, "article context", lambda: [
        ArticleContext.build(articles[i], doc, coder.knowledge, datings[i],
                             discarded=discarded[i], text=t)
        for i, doc, t in zip(todo, docs, texts, strict=True)
    ])  # fmt: skip
    events = _clock(times, "events", lambda: [coder.events_in(c) for c in contexts])
    placed = _clock(times, "places", lambda: [
        coder.places_in(c, e) for c, e in zip(contexts, events, strict=True)
    ])  # fmt: skip
    coded = [Coded(a, (), published=d.published) for a, d in zip(articles, datings, strict=True)]
    for i, (e, p) in zip(todo, placed, strict=True):
        coded[i] = Coded(articles[i], tuple(e), places=tuple(p), published=datings[i].published)
    _clock(times, "pickling (there and back)", lambda: pickle.loads(pickle.dumps(coded)))
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "s.duckdb") as store:
        items = [(c.article, c.events) for c in coded]
        _clock(times, "store", lambda: [
            store.add_many(items[i : i + chunk]) for i in range(0, len(items), chunk)
        ])  # fmt: skip
    return coded


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    from dyadwatch.coder import default_coder, make_article
    from dyadwatch.ingest import DEFAULT_CHUNK

    coder = default_coder().load()
    articles = [
        make_article(f"{r['title']}\n\n{r['text']}", id=r["id"], date=r["date"], source=r["source"])
        for r in synthetic_corpus(args.articles, args.seed)
    ]
    from dyadwatch.feeds.dedup import signature

    signature(articles[0].text)  # imports datasketch and draws the permutations: once a process
    times: dict[str, list[float]] = defaultdict(list)
    coded: list[Any] = []
    for _ in range(args.repeats):
        coded = _repeat(coder, articles, times, DEFAULT_CHUNK)
    # the steps taken one by one code what the coder codes (else the times are of something else)
    reference = list(coder.code_articles(articles))
    differ = sum(
        repr((a.events, a.places)) != repr((b.events, b.places))
        for a, b in zip(coded, reference, strict=True)
    )
    per_article = {k: statistics.median(v) / len(articles) * 1000 for k, v in times.items()}
    total = sum(per_article.values())
    print(f"{len(articles)} articles, median of {args.repeats} repeats, CPU ms per article")
    for step, ms in per_article.items():
        print(f"{step:28} {ms:7.2f}  {ms / total:6.1%}")
    print(f"{'total':28} {total:7.2f}")
    print(f"events and places as Coder.code_articles codes them: {differ} articles differ")


if __name__ == "__main__":
    main()
