"""Helpers shared by the tests that code sentences on the real pipeline."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from dyadwatch.actors.resolve import ArticleActors
from dyadwatch.coder import Coded as CodedArticle
from dyadwatch.coder import Coder, make_article
from dyadwatch.records import Actor, Event

Coded = tuple[str | None, str | None, str, str]


def country_codes(coder: Coder, text: str, date: str) -> list[Coded]:
    """(source country, target country, CAMEO code, modality) of each event of ``text``."""
    events: list[Event] = coder.code(text, date=date)
    return [(e.source.country if e.source else None, e.target.country if e.target else None,
             e.cameo.code, e.modality) for e in events]  # fmt: skip


def code_wire(coder: Coder, text: str, day: str) -> CodedArticle:
    """``text`` coded as ``ingest`` codes a wire article dated ``day`` (places and all)."""
    return next(iter(coder.code_articles([make_article(text, date=day, source="wire")])))


def resolve_mention(coder: Coder, text: str, mention: str, day: date) -> Actor | None:
    """The actor the first ``mention`` in ``text`` resolves to, the article dated ``day``."""
    actors = ArticleActors(coder.nlp(text), coder.knowledge, day)
    start = text.index(mention)
    span = actors.doc.char_span(start, start + len(mention), alignment_mode="expand")
    assert span is not None, mention
    return actors.resolve(span.root)


def read_suite(path: Path) -> list[dict[str, Any]]:
    """The records of a JSON Lines gold suite, each line checked to be one JSON object."""
    out = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        assert line.strip(), f"{path.name}:{lineno}: blank line"
        data = json.loads(line)
        assert isinstance(data, dict), f"{path.name}:{lineno}: not an object"
        out.append(data)
    return out
