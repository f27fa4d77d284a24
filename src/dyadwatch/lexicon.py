"""Verb patterns: our lexicon of event triggers (``data/verbs.tsv``), its loader and validator."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

from dyadwatch.errors import KnowledgeError

PatternKind = Literal["verb", "noun", "copula"]
_KINDS = ("verb", "noun", "copula")
_COLUMNS = ["id", "kind", "lemma", "particle", "object", "prep", "code", "note"]


@dataclass(frozen=True)
class Pattern:
    """One trigger pattern: a head lemma, optional particle and object, the target's preposition."""

    id: str
    kind: PatternKind
    lemmas: frozenset[str]
    particles: frozenset[str]
    objects: frozenset[str]
    preps: tuple[str, ...]
    code: str
    note: str

    @property
    def specificity(self) -> int:
        return 2 * bool(self.particles) + 2 * bool(self.objects) + bool(self.preps)


@dataclass(frozen=True)
class Lexicon:
    patterns: tuple[Pattern, ...]

    def candidates(self, kind: PatternKind, lemma: str) -> list[Pattern]:
        return self._index().get((kind, lemma.lower()), [])

    @cache  # noqa: B019 - a Lexicon lives as long as the process; patterns never change
    def _index(self) -> dict[tuple[str, str], list[Pattern]]:
        index: dict[tuple[str, str], list[Pattern]] = defaultdict(list)
        for p in self.patterns:
            for lemma in p.lemmas:
                index[(p.kind, lemma)].append(p)
        return dict(index)

    def codes(self) -> set[str]:
        return {p.code for p in self.patterns}


def _split(value: str) -> frozenset[str]:
    return frozenset(v.strip().lower() for v in value.split("|") if v.strip())


def parse_lexicon(text: str, path: str, known_codes: set[str] | None = None) -> Lexicon:
    """Parse and validate a verb-pattern table; errors name the file and line."""
    patterns: list[Pattern] = []
    seen: set[str] = set()
    header_seen = False
    for lineno, line in enumerate(io.StringIO(text), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        row = next(csv.reader([line.rstrip("\n")], delimiter="\t", quoting=csv.QUOTE_NONE))
        if not header_seen:
            if row != _COLUMNS:
                raise KnowledgeError(path, lineno, f"header must be {' '.join(_COLUMNS)}")
            header_seen = True
            continue
        if len(row) != len(_COLUMNS):
            raise KnowledgeError(path, lineno, f"expected {len(_COLUMNS)} columns, got {len(row)}")
        pid, kind, lemma, particle, obj, prep, code, note = row
        if pid in seen:
            raise KnowledgeError(path, lineno, f"duplicate pattern id {pid!r}")
        if kind not in _KINDS:
            raise KnowledgeError(path, lineno, f"kind must be one of {_KINDS}, got {kind!r}")
        if not _split(lemma):
            raise KnowledgeError(path, lineno, "empty lemma")
        if not code.isdigit() or not 3 <= len(code) <= 4:
            raise KnowledgeError(path, lineno, f"bad CAMEO code {code!r}")
        if known_codes is not None and code not in known_codes:
            raise KnowledgeError(path, lineno, f"unknown CAMEO code {code!r}")
        seen.add(pid)
        patterns.append(
            Pattern(
                id=pid,
                kind=kind,  # type: ignore[arg-type]  # checked against _KINDS above
                lemmas=_split(lemma),
                particles=_split(particle),
                objects=_split(obj),
                preps=tuple(sorted(_split(prep))),
                code=code,
                note=note,
            )
        )
    if not header_seen:
        raise KnowledgeError(path, None, "no header line")
    return Lexicon(tuple(patterns))


def load_lexicon(path: Path | None = None, known_codes: set[str] | None = None) -> Lexicon:
    if path is not None:
        return parse_lexicon(path.read_text(encoding="utf-8"), str(path), known_codes)
    return _default_lexicon(frozenset(known_codes) if known_codes is not None else None)


@cache
def _default_lexicon(known_codes: frozenset[str] | None) -> Lexicon:
    text = resources.files("dyadwatch.data").joinpath("verbs.tsv").read_text(encoding="utf-8")
    return parse_lexicon(text, "dyadwatch/data/verbs.tsv", set(known_codes) if known_codes else None)


def parse_contexts(text: str, path: str, known: set[str] | None = None) -> dict[str, str]:
    """Keyword -> PLOVER context table; errors name the file and line."""
    table: dict[str, str] = {}
    header_seen = False
    for lineno, line in enumerate(io.StringIO(text), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        row = line.rstrip("\n").split("\t")
        if not header_seen:
            if row != ["lemma", "context"]:
                raise KnowledgeError(path, lineno, "header must be: lemma context")
            header_seen = True
            continue
        if len(row) != 2 or not row[0] or not row[1]:
            raise KnowledgeError(path, lineno, "expected two non-empty columns: lemma, context")
        if known is not None and row[1] not in known:
            raise KnowledgeError(path, lineno, f"unknown PLOVER context {row[1]!r}")
        if row[0] in table:
            raise KnowledgeError(path, lineno, f"duplicate lemma {row[0]!r}")
        table[row[0].lower()] = row[1]
    return table


def load_contexts(known: set[str] | None = None) -> dict[str, str]:
    text = resources.files("dyadwatch.data").joinpath("contexts.tsv").read_text(encoding="utf-8")
    return parse_contexts(text, "dyadwatch/data/contexts.tsv", known)
