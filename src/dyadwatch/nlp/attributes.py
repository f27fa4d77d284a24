"""The attribute ruler's matches, found through an index instead of spaCy's Matcher.

The English pipelines' ``attribute_ruler`` maps each fine tag (and a few words: "gon na",
"ain't", "there is") to a coarse part of speech, morphology and lemma with about 180 token
patterns. spaCy's Matcher tries every pattern at every token: 12-14 ms for a 500-word article,
longer than the tagger and parser together. Nearly every pattern starts with an exact tag or
word, so ``AttributeIndex`` looks the patterns up by the token's tag and word and checks only
those. It returns the very list ``AttributeRuler.match`` returns, and the ruler's own
``set_annotations`` applies it, so parts of speech, morphology and lemmas are the same:
``benchmarks/attributes.py`` compares the two lists on every document of our corpora and the
dev sets, ``tests/test_attributes.py`` on hand-made and random token sequences.

A ruler whose patterns use anything else (operators, other attributes or predicates) is left
to spaCy's Matcher: ``AttributeIndex.of`` returns ``None`` for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Token attributes the index reads, by the column it reads them from (``Doc.to_array``).
_ARRAY = ("TAG", "LOWER", "DEP", "IS_SPACE", "ORTH", "NORM")
_COLUMNS = {name: i for i, name in enumerate(_ARRAY)} | {"TEXT": _ARRAY.index("ORTH")}
_BOOLEAN = {"IS_SPACE"}
# Columns from the most to the least selective: a rule is indexed by the first it needs.
_SELECTIVITY = [_COLUMNS[a] for a in ("ORTH", "LOWER", "NORM", "DEP", "TAG", "IS_SPACE")]

Match = tuple[int, int, int, int]
"""(rule number, match id, start, end): an item of ``AttributeRuler.match``."""
Check = tuple[int, str, Any]
"""(column, "eq" | "in" | "not_in" | "regex", value): one condition on a token."""


class Unsupported(ValueError):
    """A pattern the index cannot check exactly (left to spaCy's Matcher)."""


@dataclass(frozen=True)
class Rule:
    """One token pattern of a ruler entry: its rule number, match id and tokens' conditions."""

    number: int
    match_id: int
    tokens: tuple[tuple[Check, ...], ...]


def _checks(token: Mapping[str, Any], hash_of: Callable[[str], int]) -> tuple[Check, ...]:
    """The conditions of one pattern token, values as string hashes (booleans as 0 or 1)."""
    out: list[Check] = []
    for attr, value in token.items():
        column = _COLUMNS.get(attr)
        if column is None:
            raise Unsupported(f"attribute {attr!r}")
        if attr in _BOOLEAN:
            if not isinstance(value, bool):
                raise Unsupported(f"{attr}: {value!r}")
            out.append((column, "eq", int(value)))
        elif isinstance(value, str):
            out.append((column, "eq", hash_of(value)))
        elif isinstance(value, Mapping) and len(value) == 1:
            [(kind, arg)] = value.items()
            if kind in ("IN", "NOT_IN") and isinstance(arg, list | tuple):
                if not all(isinstance(a, str) for a in arg):
                    raise Unsupported(f"{attr}: {value!r}")
                out.append((column, kind.lower(), frozenset(hash_of(a) for a in arg)))
            elif kind == "REGEX" and isinstance(arg, str):
                out.append((column, "regex", re.compile(arg)))
            else:
                raise Unsupported(f"{attr}: {value!r}")
        else:
            raise Unsupported(f"{attr}: {value!r}")
    return tuple(out)


class AttributeIndex:
    """An attribute ruler's patterns, indexed by an exact value their first token needs."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        # column -> value -> rules whose first token needs that value in that column; a rule
        # is filed under its most selective column. The rest are tried at every token.
        self.index: dict[int, dict[int, list[Rule]]] = {}
        self.others: list[Rule] = []
        for rule in rules:
            keyed = [(c, k, v) for c, k, v in rule.tokens[0] if k in ("eq", "in")]
            if not keyed:
                self.others.append(rule)
                continue
            column, kind, value = min(keyed, key=lambda check: _SELECTIVITY.index(check[0]))
            by_value = self.index.setdefault(column, {})
            for v in (value,) if kind == "eq" else value:
                by_value.setdefault(v, []).append(rule)

    @classmethod
    def of(cls, ruler: Any) -> AttributeIndex | None:
        """The index of a spaCy ``AttributeRuler`` (``None``: a pattern it cannot check)."""
        from spacy.strings import get_string_id

        rules: list[Rule] = []
        try:
            for number, entry in enumerate(ruler.patterns):
                match_id = get_string_id(str(number))  # the ruler's key for entry ``number``
                for pattern in entry["patterns"]:
                    if not pattern:
                        raise Unsupported("an empty pattern")
                    tokens = tuple(_checks(token, get_string_id) for token in pattern)
                    rules.append(Rule(number, match_id, tokens))
        except Unsupported:
            return None
        return cls(rules)

    def match(self, doc: Doc) -> list[Match]:
        """What ``AttributeRuler.match(doc)`` returns: every match, sorted by rule number."""
        from spacy.attrs import IDS

        if len(doc) == 0:
            return []
        rows: list[list[int]] = doc.to_array([IDS[a] for a in _ARRAY]).tolist()
        strings = doc.vocab.strings  # as spaCy's Matcher reads them: the doc's own
        texts: dict[int, str] = {}  # the strings a regular expression was tried on

        def holds(row: Sequence[int], checks: tuple[Check, ...]) -> bool:
            for column, kind, value in checks:
                got = row[column]
                if kind == "eq":
                    if got != value:
                        return False
                elif kind == "in":
                    if got not in value:
                        return False
                elif kind == "not_in":
                    if got in value:
                        return False
                else:
                    text = texts.get(got)
                    if text is None:
                        text = texts[got] = str(strings[got])
                    if value.search(text) is None:
                        return False
            return True

        found: set[Match] = set()
        n = len(rows)
        columns = list(self.index.items())
        for i, row in enumerate(rows):
            candidates = list(self.others)
            for column, by_value in columns:
                rules = by_value.get(row[column])
                if rules is not None:
                    candidates += rules
            for rule in candidates:
                tokens = rule.tokens
                end = i + len(tokens)
                if end > n:
                    continue
                k = 0
                while k < len(tokens) and holds(rows[i + k], tokens[k]):
                    k += 1
                if k == len(tokens):
                    found.add((rule.number, rule.match_id, i, end))
        return sorted(found)


class IndexedMatch:
    """What an indexed ruler calls as its ``match``: the index, rebuilt when the ruler's
    patterns change (``add``, ``clear``, loading), or spaCy's Matcher when they no longer fit
    it. Holds plain data only, so the pipeline still pickles and copies."""

    def __init__(self, ruler: Any, index: AttributeIndex) -> None:
        self.ruler = ruler
        self.index: AttributeIndex | None = index
        self.seen = self._state()

    def _state(self) -> tuple[int, int, int]:
        return id(self.ruler.matcher), len(self.ruler.matcher), len(self.ruler.attrs)

    def __call__(self, doc: Doc) -> list[Match]:
        from spacy.pipeline import AttributeRuler

        state = self._state()
        if state != self.seen:
            self.index, self.seen = AttributeIndex.of(self.ruler), state
        if self.index is None:
            return list(AttributeRuler.match(self.ruler, doc))
        return self.index.match(doc)

    def __getstate__(self) -> dict[str, Any]:
        return {"ruler": self.ruler, "index": self.index}  # the matcher's id is per process

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.ruler, self.index = state["ruler"], state["index"]
        self.seen = (-1, -1, -1)  # rebuilt on first use, against the unpickled matcher


def index_attribute_ruler(ruler: Any) -> bool:
    """Make ``ruler`` (a spaCy ``AttributeRuler``) find its matches through the index; the
    ruler applies them as before. False: its patterns are left to spaCy's Matcher."""
    index = AttributeIndex.of(ruler)
    if index is None:
        return False
    ruler.match = IndexedMatch(ruler, index)  # an instance attribute: __call__ looks it up there
    return True
