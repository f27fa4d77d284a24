"""The pre-filter's groups: which sentences name a group bare ("the rebels", "the army") and
which name one where a country's or organisation's name is ("Rwandan rebels", "rebels in
Mali"). The actor resolver gives a bare group the country of its latest earlier mention that has
one (``RoleResolver.antecedent_cue``), so the pre-filter keeps that mention's sentence before a
kept sentence with the bare group (``prefilter.context``); otherwise the article's focus
country stands in for it.

Cheap tests on the raw text, as the rest of the pre-filter: word sets, and for the bare groups
one regular expression run only on sentences holding "the", "these" or "those" and a group word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

# "the", "these" or "those" and the lower-case words after it (up to three): where a bare
# group's head is looked for
_DEFINITE = frozenset({"the", "these", "those"})
_BARE = re.compile(r"\b(?:[Tt]he|[Tt]hese|[Tt]hose)((?:\s+[a-z]+){1,3})")


def group_heads(terms: Iterable[str]) -> dict[str, str]:
    """Forms of the head word of each role term (singular and regular plurals), each to that
    word: the resolver matches a group's earlier mention by its head's lemma."""
    out: dict[str, str] = {}
    for term in terms:
        parts = term.lower().split()
        if not parts or not parts[-1].isalpha():
            continue
        head = parts[-1]
        forms = {head, head + "s", head + "es"}
        if head.endswith("y"):
            forms.add(head[:-1] + "ies")
        if head.endswith("s"):
            forms.add(head[:-1])
        for form in forms:
            out.setdefault(form, head)
    return out


def bare_groups(sentence: str, heads: Mapping[str, str]) -> set[str]:
    """Head words of the groups a sentence names with "the", "these" or "those" and nothing in
    capitals before the head ("the rebels", "the rebel fighters"; not "the Malian army", which
    has a country of its own)."""
    found: set[str] = set()
    for match in _BARE.finditer(sentence):
        run = match.group(1).split()
        for k, word in enumerate(run):
            if word in heads and (k + 1 == len(run) or run[k + 1] not in heads):
                found.add(heads[word])
                break
    return found


def named_groups(
    text: str,
    groups: list[list[tuple[int, int]]],
    analysed: list[tuple[set[str], list[str]]],
    heads: Mapping[str, str],
    countryish: frozenset[str],
) -> list[tuple[set[str], set[str]]]:
    """Of each sentence group (its spans, its words and its capitalised words): the head words
    of the groups it names bare, and of those it names in a sentence with a capitalised word of
    a country's or organisation's name (``countryish``)."""
    out: list[tuple[set[str], set[str]]] = []
    for unit, (found, capitals) in zip(groups, analysed, strict=True):
        named: set[str] = set()
        if any(c.lower() in countryish for c in capitals):
            named = {heads[w] for w in found if w in heads}
        bare: set[str] = set()
        # the dict's keys test the sentence's few words: ``found.isdisjoint(heads)`` would
        # go through every head form, for every sentence
        if heads and not found.isdisjoint(_DEFINITE) and not heads.keys().isdisjoint(found):
            for start, end in unit:
                bare |= bare_groups(text[start:end], heads)
        out.append((bare, named))
    return out
