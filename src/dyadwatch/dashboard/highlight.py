"""Text with coded spans marked: the pieces a template renders (each piece's text is escaped by
the template; only the markup around it is ours)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

ROLES = ("source", "target", "trigger", "cue", "speaker", "place")
"""Span roles, in the order their labels are listed."""


@dataclass(frozen=True)
class Piece:
    text: str
    roles: tuple[str, ...]
    """Roles of the spans covering this piece (empty: plain text)."""
    first: tuple[str, ...] = ()
    """Roles whose span starts with this piece (where the label goes)."""


def pieces(text: str, spans: list[dict[str, Any]], base: int = 0) -> list[Piece]:
    """``text`` cut at every span boundary. Span offsets index a longer text that ``text``
    starts at ``base`` of (an article, for a sentence); spans outside ``text`` are skipped."""
    inside: list[tuple[str, int, int]] = []
    for span in spans:
        start, end = span.get("start"), span.get("end")
        if not isinstance(start, int) or not isinstance(end, int):
            continue
        start, end = start - base, end - base
        if 0 <= start < end <= len(text):
            inside.append((str(span["role"]), start, end))
    cuts = sorted({0, len(text), *(s for _, s, _ in inside), *(e for _, _, e in inside)})
    out = []
    for lo, hi in itertools.pairwise(cuts):
        roles = tuple(r for r in ROLES if any(s <= lo and hi <= e for role, s, e in inside
                                              if role == r))  # fmt: skip
        first = tuple(r for r in ROLES if any(s == lo for role, s, _ in inside if role == r))
        out.append(Piece(text[lo:hi], roles, first))
    return out


def report_spans(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The spans of an API report (``GET /events/{id}``): source, target, trigger (and the word
    restating the act), and the modality cue and attributed speaker when present."""
    out = []
    for role, name in (("source", "source"), ("target", "target"), ("trigger", "trigger"),
                       ("trigger", "restated"), ("cue", "modality_cue"), ("speaker", "speaker")):
        part = report.get(name)
        if isinstance(part, dict):
            out.append({"role": role, "start": part.get("start"), "end": part.get("end"),
                        "text": part.get("text")})  # fmt: skip
    return out
