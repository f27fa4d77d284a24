"""Finding toponyms: the names NER cuts or mislabels, and the names that are never places.

Helpers of places.py's ``find_place_mentions`` (docs/places.md, "Mentions and their roles").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from dyadwatch.geo.gazetteer import PlaceResolver

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

BIG_CITY = 100_000

_JOINERS = {"of", "and", "&"}


def whole_names(doc: Doc, resolver: PlaceResolver) -> list[SpacySpan]:
    """Names joined by "of" or "and" that the gazetteer knows whole ("the Sea of Japan",
    "Strait of Hormuz", "Trinidad and Tobago"), which NER tends to cut ("the Sea of" +
    "Japan", "Trinidad" + "Tobago")."""
    out: list[SpacySpan] = []
    for tok in doc:
        if tok.lower_ not in _JOINERS or tok.i == 0 or not doc[tok.i - 1].text[:1].isupper():
            continue
        after = tok.i + 1 + (tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "the")
        best = None
        for left in (1, 2):
            for right in (1, 2, 3):
                start, end = tok.i - left, after + right
                if start < 0 or end > len(doc):
                    continue
                words = [*doc[start : tok.i], *doc[after:end]]
                if not all(w.text[:1].isupper() for w in words):
                    continue
                span = doc[start:end]
                known = any(not c.alternate for c in resolver.known(span.text))
                if known and (best is None or len(span) > len(best)):
                    best = span
        if best is not None and not (out and out[-1].end > best.start):
            out.append(best)
    return out


# Words before a name that make it a person's ("Foreign Minister Gabi Ashkenazi", "President
# Steinmeier"), whatever NER labelled it.
_TITLES = {
    "minister", "president", "chancellor", "secretary", "ambassador", "envoy", "spokesman",
    "spokeswoman", "spokesperson", "senator", "governor", "mayor", "general", "gen", "gen.",
    "commander", "king", "queen", "prince", "premier", "leader", "sheikh", "mr", "mr.", "mrs",
    "mrs.", "ms", "ms.", "dr", "dr.", "lt", "col", "col.", "colonel", "sen.", "rep.", "pope",
    "ayatollah", "emir", "sultan", "chief", "counterpart", "director", "judge", "lawmaker",
}  # fmt: skip


def is_actor_name(span: SpacySpan, not_place: Callable[[str], bool] | None) -> bool:
    """A person's or an organisation's name, not a place's: known to the actor knowledge, or
    following a title."""
    if span.start > 0 and span.doc[span.start - 1].lower_ in _TITLES:
        return True
    return not_place is not None and not_place(span.text)


def big_place(resolver: PlaceResolver, name: str, *, areas: bool = True) -> bool:
    """The main name of a city of 100,000 or more, or (``areas``) of a country, state or
    region."""
    return any(
        not c.alternate and (c.population >= BIG_CITY if c.feature == "city" else areas)
        for c in resolver.known(name)
    )
