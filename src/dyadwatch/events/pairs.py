"""Two names joined by a hyphen as the two sides of an act or a relation: "Israeli-Palestinian
talks", "India-Pakistan clashes", "U.S.-South Korean drills" (the tokenizer splits the hyphen
after an abbreviation: nlp/pipeline.py). Either name is a side; neither alone is the pair.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dyadwatch.records import Actor


def paired_sides(noun: Token, name: Token | None = None) -> list[Token]:
    """Two hyphen-joined names modifying ``noun`` ("Israeli-Palestinian talks", "U.K.-South
    Korea talks"), first first, whichever of them the parser hung on the other; ``name``, when
    given, must be one of them. Empty when there are no such two."""
    named = [c for c in noun.children if c.i < noun.i and c.ent_type_ in ("NORP", "GPE", "ORG")]
    for first in [name] if name is not None else named:
        candidates = [d for d in first.children if d.dep_ in _PAIR_DEPS] + [c for c in named if c.i != first.i]
        partner = next((d for d in candidates if paired_names([d, first])), None)
        if partner is not None:
            return sorted([partner, first], key=lambda t: t.i)
    return []


# How the parser hangs the first of two hyphen-joined names on the second.
_PAIR_DEPS = frozenset({"amod", "compound", "npadvmod", "nmod"})


def paired_names(tokens: list[Token]) -> bool:
    """Two names joined by a hyphen, as the two sides of an act ("INDIA-PAKISTAN clashes",
    "ISRAELI-PALESTINIAN talks", "U.K.-South Korea talks"), each a place or a people, not
    "U.S.-led". A name of several words is read whole: the hyphen follows the end of the
    first's entity and precedes the start of the second's."""
    if len(tokens) != 2:
        return False
    a, b = sorted(tokens, key=lambda t: t.i)
    end, start = _entity_end(a), _entity_start(b)
    return (start == end + 2 and a.doc[end + 1].text == "-"
            and all(t.ent_type_ in ("GPE", "NORP") or t.pos_ == "PROPN" for t in (a, b)))


def _entity_end(token: Token) -> int:
    doc, i = token.doc, token.i
    while token.ent_type_ and i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I":
        i += 1
    return i


def _entity_start(token: Token) -> int:
    doc, i = token.doc, token.i
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1
    return i


def hyphen_partner(token: Token, start: int, end: int) -> Token | None:
    """The other side of the hyphen-joined pair whose one side is the actor found at ``token``
    (its characters ``start``..``end``): "condemned the U.S.-South Korean drills", whose target
    is read as South Korea alone, is aimed at both. ``token`` is the noun the pair modifies or
    one of its names; None when it is in no such pair."""
    for noun in (token, token.head):
        sides = paired_sides(noun)
        if len(sides) == 2 and (noun.i == token.i or token.i in (sides[0].i, sides[1].i)):
            others = [t for t in sides if not (start < t.idx + len(t) and t.idx < end)]
            return others[0] if len(others) == 1 else None
    return None


def distinct_pairs(pairs: list[tuple[Actor, Actor | None]]) -> list[tuple[Actor, Actor | None]]:
    """``pairs`` with each pair of the same two actors once, the first kept: one trigger's
    parties read twice (a place name the parser split into several objects) are one event; two
    people of one code ("met President Tebboune and Foreign Minister Boukadoum") are two."""
    seen: set[tuple[str, str, str, str]] = set()
    out: list[tuple[Actor, Actor | None]] = []
    for source, target in pairs:
        key = (source.cameo_code, source.name, "", "") if target is None else (
            source.cameo_code, source.name, target.cameo_code, target.name)
        if key not in seen:
            seen.add(key)
            out.append((source, target))
    return out
