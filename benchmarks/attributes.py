"""The attribute ruler through spaCy's Matcher against dyadwatch's index (``attributes.py``).

    .venv/bin/python benchmarks/attributes.py                 # 300 synthetic articles
    .venv/bin/python benchmarks/attributes.py --articles 100 --repeats 5

Parses our synthetic articles (and, when present, the bundled sample corpus, the reference
article and GeoWebNews's real articles, ../shared) up to the attribute ruler, then finds the
ruler's matches both ways on every document, side by side in one process: it checks that the
two lists are identical for every document and prints the median milliseconds per document of
each over the repeats, and their ratio.
"""

from __future__ import annotations

import argparse
import statistics
import time
from typing import Any

from corpus import synthetic_corpus
from throughput import GEOWEBNEWS, SAMPLES, SEED, _texts


def _corpora(articles: int, seed: int) -> dict[str, list[str]]:
    out = {"synthetic corpus": [r["text"] for r in synthetic_corpus(articles, seed)]}
    for name, path in (("bundled sample corpus", SAMPLES), ("GeoWebNews dev articles", GEOWEBNEWS)):
        if path.exists():
            out[name] = _texts(path)
    if SEED.exists():
        out["reference article (seed)"] = [SEED.read_text(encoding="utf-8")]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    from spacy.pipeline import AttributeRuler

    from dyadwatch.coder import Coder
    from dyadwatch.settings import Settings

    nlp = Coder(Settings.from_env()).nlp
    ruler: Any = nlp.get_pipe("attribute_ruler")
    from dyadwatch.nlp.attributes import IndexedAttributeRuler

    if not isinstance(ruler, IndexedAttributeRuler) or not ruler.indexed:
        raise SystemExit("this pipeline's attribute ruler is not indexed (patterns unsupported)")
    before = nlp.pipe_names[: nlp.pipe_names.index("attribute_ruler")]
    for name, texts in _corpora(args.articles, args.seed).items():
        with nlp.select_pipes(enable=before):
            docs = list(nlp.pipe(texts, batch_size=16))
        times: dict[str, list[float]] = {"matcher": [], "index": []}
        differ = matches = 0
        for _ in range(args.repeats):
            start = time.perf_counter()
            stock = [AttributeRuler.match(ruler, doc) for doc in docs]
            middle = time.perf_counter()
            indexed = [ruler.match(doc) for doc in docs]
            end = time.perf_counter()
            times["matcher"].append((middle - start) / len(docs) * 1000)
            times["index"].append((end - middle) / len(docs) * 1000)
            differ = max(differ, sum(a != b for a, b in zip(stock, indexed, strict=True)))
            matches = sum(len(a) for a in stock)
        matcher, index = (statistics.median(times[k]) for k in ("matcher", "index"))
        print(f"{name:26} {len(docs):4} docs, {matches:7} matches, {differ} documents differ;"
              f" matcher {matcher:5.2f} ms/doc, index {index:5.2f} ms/doc:"
              f" {matcher / index:4.1f}x")  # fmt: skip


if __name__ == "__main__":
    main()
