"""A body our lists lack, introduced by what it is ("mining company X", "the paramilitary X",
"the opposition newspaper X"), has the sector of that description, in the country its words
give. Sentences written for this test."""

from __future__ import annotations

from datetime import date

import pytest

from coding import resolve_mention
from dyadwatch.actors.resolve import ArticleActors
from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

DAY = date(2017, 3, 14)

CASES = [
    ("Kenyan sugar company Mumias Holdings sacked 400 workers on Friday.", "Mumias Holdings", "KEN", "BUS"),
    ("Ghanaian construction firm Kofi Mensah Holdings won the contract.", "Kofi Mensah Holdings", "GHA", "BUS"),
    ("Ugandan paramilitary Local Defence Units were deployed in Kampala on Monday.",
     "Local Defence Units", "UGA", "PRM"),
    # the description outranks role words inside the name ('Defence')
    ("Nigerian paramilitary Civil Defence Corps officers were deployed in Kano.", "Civil Defence Corps", "NGA", "PRM"),
]


@pytest.mark.parametrize(("text", "mention", "country", "sector"), CASES)
def test_an_unknown_body_takes_the_sector_of_its_description(
    coder: Coder, text: str, mention: str, country: str, sector: str
) -> None:
    actor = resolve_mention(coder, text, mention, DAY)
    assert actor is not None, mention
    assert (actor.country, actor.sector) == (country, sector), actor.reason


def test_a_name_of_its_own_outranks_the_description(coder: Coder) -> None:
    # the name says it is a party whatever the words before it
    text = "Kenyan farmers' movement the Mashinani Party called for a boycott."
    actors = ArticleActors(coder.nlp(text), coder.knowledge, DAY)
    start = text.index("Mashinani Party")
    span = actors.doc.char_span(start, start + len("Mashinani Party"), alignment_mode="expand")
    assert span is not None
    actor = actors.resolve(span.root)
    assert actor is not None and actor.sector == "PTY", actor and actor.reason
