"""Dump every event (and place mention) the coder finds in some JSONL files, one JSON line per
article, for an output-identity check between two versions of the code.

A refactoring that should change nothing is checked by dumping the same inputs with both
versions and comparing the files byte for byte::

    PYTHONPATH=/path/to/old/src python scripts/dump_events.py -o /tmp/old.jsonl FILE FILE:500
    PYTHONPATH=src python scripts/dump_events.py -o /tmp/new.jsonl FILE FILE:500
    cmp /tmp/old.jsonl /tmp/new.jsonl

``FILE:N`` reads only the first N records of FILE. Articles are read as ``ingest`` reads them and
coded as ``ingest`` codes them (``Coder.code_articles``: dating, pre-filter, events, places). The
dump holds each event's full record (codes, actors, evidence, modality, rule, places): write it
to a file, never to a terminal, when the inputs are texts that must not be shown.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from itertools import islice

from dyadwatch.coder import Coder
from dyadwatch.errors import InputError
from dyadwatch.read.articles import read_articles
from dyadwatch.records import Article


def _articles(spec: str) -> Iterator[tuple[str, Article]]:
    path, _, first = spec.rpartition(":")
    if not first.isdigit():
        path, first = spec, ""
    items = read_articles([path])
    for n, item in enumerate(islice(items, int(first)) if first else items, 1):
        if isinstance(item, InputError):
            raise SystemExit(f"{path}: record {n}: {item}")
        yield f"{path}#{n}", item


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", help="JSONL files, FILE:N for the first N records")
    parser.add_argument("-o", "--output", required=True, help="where to write the dump")
    args = parser.parse_args(argv)
    import dyadwatch

    print(f"coding with {dyadwatch.__file__}", file=sys.stderr)
    coder = Coder()
    origins: list[str] = []
    articles: list[Article] = []
    for spec in args.inputs:
        for origin, article in _articles(spec):
            origins.append(origin)
            articles.append(article)
    with open(args.output, "w", encoding="utf-8") as out:
        for origin, coded in zip(origins, coder.code_articles(articles), strict=True):
            record = {
                "origin": origin,
                "id": coded.article.id,
                "error": coded.error,
                "events": [e.to_dict() for e in coded.events],
                "places": [p.to_dict() for p in coded.places],
            }
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=True, default=str) + "\n")
    print(f"{len(articles)} articles coded into {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
