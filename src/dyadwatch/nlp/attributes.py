"""The attribute ruler's matches, found through an index instead of spaCy's Matcher.

The English pipelines' ``attribute_ruler`` maps each fine tag (and a few words: "gon na",
"ain't", "there is") to a coarse part of speech, morphology and lemma with about 180 token
patterns. spaCy's Matcher tries every pattern at every token: 12-14 ms for a 500-word article,
longer than the tagger and parser together. Nearly every pattern starts with an exact tag or
word, so ``AttributeIndex`` looks the patterns up by the token's tag and word and checks only
those, and remembers (in a ``Memo``) what a token with given values (tag, word, dependency...)
matches: most are seen again and again ("the", ","), and are checked once. It
returns the very list ``AttributeRuler.match`` returns, and applies it as the ruler's own
``set_annotations`` does (token by token, without a ``Span`` for each match), so parts of
speech, morphology and lemmas are the same:
``benchmarks/attributes.py`` compares the two lists on every document of our corpora and the
dev sets, ``tests/test_attributes.py`` on hand-made and random token sequences.

A ruler whose patterns use anything else (operators, other attributes or predicates) is left
to spaCy's Matcher: ``AttributeIndex.of`` returns ``None`` for it.

``IndexedAttributeRuler`` is spaCy's ``AttributeRuler`` with that ``match``, registered as the
component factory ``dw_attribute_ruler``; ``use_index`` swaps it into a loaded pipeline in place
of the stock ruler (``nlp.replace_pipe``), patterns and all. This module imports spaCy: it is
imported when a pipeline is loaded.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, get_type_hints

from spacy.language import Language
from spacy.pipeline import AttributeRuler

from dyadwatch.memo import Memo

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
_SEEN = 100_000  # token rows remembered (``AttributeIndex.seen``), the least recently used go first


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


Fits = tuple[tuple[tuple[int, int], ...], tuple[Rule, ...]]
"""Of a token: the (rule number, match id) of one-token rules it matches, and the longer rules
whose first token it matches."""


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
        # what a token with given values (a row of ``_ARRAY``) fits: the same in every document
        # ("the" tagged DT, ","), so found once
        self.seen: Memo[tuple[int, ...], Fits] = Memo(maxsize=_SEEN)

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
        # the tokens of each distinct row, in text order (a row tuple is hashed once here)
        at: dict[tuple[int, ...], list[int]] = {}
        for i, key in enumerate(map(tuple, rows)):
            tokens_of = at.get(key)
            if tokens_of is None:
                at[key] = [i]
            else:
                tokens_of.append(i)
        fits = self.seen.get_or_compute_many(at, lambda key: self._fits(key, strings, texts))
        # The one-token matches, gathered by rule: each distinct row's tokens under each rule
        # it matches (``_fits`` names a rule once). Rows hold different tokens, so no match
        # comes twice; listed rule by rule, each rule's tokens in order, they are nearly in
        # the order the result is sorted in, which costs the final sort next to nothing.
        by_rule: dict[tuple[int, int], list[list[int]]] = {}
        longer_found: set[Match] = set()
        n = len(rows)
        for key, tokens_of in at.items():
            singles, longer = fits[key]
            for rule_key in singles:
                runs = by_rule.get(rule_key)
                if runs is None:
                    by_rule[rule_key] = [tokens_of]
                else:
                    runs.append(tokens_of)
            for rule in longer:
                tokens = rule.tokens
                for i in tokens_of:
                    end = i + len(tokens)
                    if end > n:
                        continue
                    k = 1
                    while k < len(tokens) and self._holds(rows[i + k], tokens[k], strings, texts):
                        k += 1
                    if k == len(tokens):
                        longer_found.add((rule.number, rule.match_id, i, end))
        found: list[Match] = []
        for (number, match_id), runs in by_rule.items():
            for run in runs:
                found.extend([(number, match_id, i, i + 1) for i in run])
        found.extend(longer_found)
        found.sort()
        return found

    def _fits(self, row: Sequence[int], strings: Any, texts: dict[int, str]) -> Fits:
        """Of the rules a token with these values may start, the one-token rules it matches
        and the longer rules whose first token it matches."""
        candidates = list(self.others)
        for column, by_value in self.index.items():
            rules = by_value.get(row[column])
            if rules is not None:
                candidates += rules
        singles: list[tuple[int, int]] = []
        longer: list[Rule] = []
        for rule in candidates:
            if self._holds(row, rule.tokens[0], strings, texts):
                if len(rule.tokens) == 1:
                    singles.append((rule.number, rule.match_id))
                else:
                    longer.append(rule)
        # one entry's two patterns may both match the token: one match (see ``match``)
        return tuple(dict.fromkeys(singles)), tuple(longer)

    @staticmethod
    def _holds(
        row: Sequence[int], checks: tuple[Check, ...], strings: Any, texts: dict[int, str]
    ) -> bool:
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


class IndexedAttributeRuler(AttributeRuler):
    """spaCy's attribute ruler, finding its matches through an ``AttributeIndex`` (rebuilt when
    the patterns change: ``add``, ``clear``, loading), or through spaCy's Matcher when its
    patterns do not fit the index. It applies the matches as the stock ruler does."""

    _index: AttributeIndex | None = None
    _index_state: tuple[int, int, int] = (-1, -1, -1)

    @property
    def indexed(self) -> bool:
        """Whether the index finds the matches (else spaCy's Matcher does)."""
        self._refresh()
        return self._index is not None

    def _refresh(self) -> None:
        # ``clear`` replaces the matcher and ``add`` grows it; an unpickled ruler has a new
        # matcher too, so its index is rebuilt on first use.
        state = (id(self.matcher), len(self.matcher), len(self.attrs))
        if state != self._index_state:
            self._index, self._index_state = AttributeIndex.of(self), state

    def match(self, doc: Doc) -> list[Match]:
        self._refresh()
        if self._index is None:
            return list(super().match(doc))
        return self._index.match(doc)

    def set_annotations(self, doc: Doc, matches: Sequence[Match]) -> None:
        """As the stock ruler's, but without a ``Span`` for each match (a third of the
        component's time): a match sets the token at its rule's index in it, counted from
        its end when negative."""
        from spacy.tokens._retokenize import set_token_attrs

        for n, (number, _, start, end) in enumerate(matches):
            index = self.indices[number]
            at = (end if index < 0 else start) + index
            if not start <= at < end:  # the stock ruler raises its error
                super().set_annotations(doc, matches[n:])  # type: ignore[no-untyped-call]
                return
            set_token_attrs(doc[at], self.attrs[number])


def make_indexed_attribute_ruler(
    nlp: Language, name: str, validate: bool, scorer: Callable[..., Any] | None
) -> IndexedAttributeRuler:
    """The factory of ``dw_attribute_ruler`` (the stock ruler's settings and scorer)."""
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


# spaCy checks a factory's arguments against its annotations, which ``from __future__ import
# annotations`` leaves as strings it cannot resolve: hand it the types.
make_indexed_attribute_ruler.__annotations__ = get_type_hints(make_indexed_attribute_ruler)
Language.factory(
    "dw_attribute_ruler",
    default_config={"validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}},
    func=make_indexed_attribute_ruler,
)


def use_index(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Swap the pipeline's attribute ruler ``name`` for a ``dw_attribute_ruler`` with the same
    patterns (``nlp.replace_pipe``: same name, same place). False, and nothing changed: no
    such component, or patterns the index cannot check (the stock ruler keeps them)."""
    if name not in nlp.pipe_names:
        return False
    old: Any = nlp.get_pipe(name)
    if isinstance(old, IndexedAttributeRuler) or AttributeIndex.of(old) is None:
        return isinstance(old, IndexedAttributeRuler)
    patterns = old.patterns  # what the ruler serialises: the new one is the same ruler
    new: Any = nlp.replace_pipe(name, "dw_attribute_ruler", config={"validate": old.validate})
    new.add_patterns(patterns)
    return True
