"""The stock English rule lemmatizer against dyadwatch's (``nlp/lemmas.py``), side by side.

    .venv/bin/python benchmarks/lemmas.py                 # 300 synthetic articles
    .venv/bin/python benchmarks/lemmas.py --articles 100 --repeats 5

Parses our synthetic articles (and, when present, the bundled sample corpus and GeoWebNews's
real articles, ../shared) up to the lemmatizer, then lemmatizes copies of every document both
ways, in one process, alternating: it checks that every token's lemma is the same and prints
the median milliseconds per document of each over the repeats, and their ratio. The first
repeat of ours starts with nothing remembered (a fresh pipeline's first documents).
"""

from __future__ import annotations

import argparse
import statistics
import time
from typing import Any

from attributes import _corpora


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    from spacy.pipeline import Lemmatizer
    from spacy.tokens import Doc

    from dyadwatch.coder import Coder
    from dyadwatch.memo import Memo
    from dyadwatch.nlp.lemmas import CachedLemmatizer
    from dyadwatch.settings import Settings

    nlp = Coder(Settings.from_env()).nlp
    ours: Any = nlp.get_pipe("lemmatizer")
    if not isinstance(ours, CachedLemmatizer):
        raise SystemExit("this pipeline's lemmatizer is not dyadwatch's (another kind or mode)")
    before = nlp.pipe_names[: nlp.pipe_names.index("lemmatizer")]
    for name, texts in _corpora(args.articles, args.seed).items():
        with nlp.select_pipes(enable=before):
            docs = list(nlp.pipe(texts, batch_size=16))
        blobs = [doc.to_bytes() for doc in docs]
        ours._lemmas = Memo(maxsize=100_000)  # nothing remembered from an earlier corpus
        times: dict[str, list[float]] = {"stock": [], "ours": []}
        differ = 0
        for _ in range(args.repeats):
            stock_docs = [Doc(nlp.vocab).from_bytes(b) for b in blobs]
            our_docs = [Doc(nlp.vocab).from_bytes(b) for b in blobs]
            start = time.perf_counter()
            for doc in stock_docs:
                Lemmatizer.__call__(ours, doc)  # the stock component's loop, same tables
            middle = time.perf_counter()
            for doc in our_docs:
                ours(doc)
            end = time.perf_counter()
            times["stock"].append((middle - start) / len(docs) * 1000)
            times["ours"].append((end - middle) / len(docs) * 1000)
            differ = max(differ, sum([t.lemma for t in a] != [t.lemma for t in b]
                                     for a, b in zip(stock_docs, our_docs, strict=True)))  # fmt: skip
        stock, cached = (statistics.median(times[k]) for k in ("stock", "ours"))
        print(f"{name:26} {len(docs):4} docs, {differ} documents differ;"
              f" stock {stock:5.2f} ms/doc, ours {cached:5.2f} ms/doc: {stock / cached:4.1f}x")  # fmt: skip


if __name__ == "__main__":
    main()
