"""Helpers shared by the tests that code sentences on the real pipeline."""

from __future__ import annotations

from dyadwatch.coder import Coder
from dyadwatch.records import Event

Coded = tuple[str | None, str | None, str, str]


def country_codes(coder: Coder, text: str, date: str) -> list[Coded]:
    """(source country, target country, CAMEO code, modality) of each event of ``text``."""
    events: list[Event] = coder.code(text, date=date)
    return [(e.source.country if e.source else None, e.target.country if e.target else None,
             e.cameo.code, e.modality) for e in events]  # fmt: skip
