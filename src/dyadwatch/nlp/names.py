"""Names the tagger cut short, read from the words around an entity."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from spacy.tokens import Span

# The small words inside a place's name in Portuguese, Spanish, French or Italian ("Mocimboa DA
# Praia", "Santa Cruz DE la Sierra").
_NAME_LINKS: Final = frozenset({"da", "de", "do", "das", "dos", "del", "di", "du", "des", "la", "le"})


def tail_of_longer_name(span: Span) -> bool:
    """Whether ``span`` ends a longer name the tagger cut ("Mocimboa da PRAIA": a town in
    Mozambique, not Cape Verde's capital): a capitalised word and a linking word come right
    before it. The whole name is unknown, so neither the places stage nor the actor stage takes
    its tail for the place it names alone."""
    doc = span.doc
    if span.start < 2:
        return False
    link, before = doc[span.start - 1], doc[span.start - 2]
    return link.lower_ in _NAME_LINKS and link.text.islower() and before.text[:1].isupper() and before.is_alpha
