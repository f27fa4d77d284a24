"""The no-event gate of sport, business and entertainment sentences (events/domain.py): a
sentence of such copy whose parties are no political actors reports no event; the same copy with
a government, a bare state, organised labour or an unnamed killer as a party still codes.
Sentences of our own, written for these tests."""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder
from dyadwatch.events.domain import DomainGate, bare_state

DATE = "2024-05-14"

NO_POLITICAL_PARTY = [
    "Norway's Casper Ruud thanked the crowd after his win in the Roland Garros semi-final.",
    "The Indian batsman criticised the umpire for a late call in Chennai.",
    "Fans marched through Istanbul to celebrate Galatasaray's championship.",
    "Toyota plans to build a new battery plant in North Carolina, the carmaker said.",
    "Japanese lender Mizuho rejected a takeover offer from a rival bank.",
    "Critics praised the new Bollywood thriller for its pace.",
    "Russia's Daniil Medvedev beat Germany's Alexander Zverev in the quarter-finals in Miami.",
    # in sport copy a state named bare is its national team: a win reads as no use of force
    "Brazil's footballers won the Olympic title by beating Germany in a shootout in Rio de Janeiro.",
    "Argentina crushed Mexico in the semi-finals of the tournament in Doha.",
    "The Springboks attacked from the first whistle and overwhelmed England in the rugby final.",
]

STILL_EVENTS = [
    ("Iran's sports ministry condemned FIFA's decision to ban the national team.", "11"),
    ("Protesters marched to the stadium to demand the resignation of the sports minister.", "14"),
    ("China banned imports of Japanese seafood, hitting the shares of exporters.", "16"),
    ("Gunmen killed three fans outside a football stadium in Lagos.", "19"),
    ("Workers at the carmaker's plant in Ulsan went on strike over pay.", "14"),
    ("Turkey's president praised the national team after its win over Croatia in the qualifier.", "05"),
    # a state's own act about a game is no win of its team
    ("The United States announced a diplomatic boycott of the Beijing Winter Olympics.", "16"),
    ("Russian troops shelled the football stadium in Kharkiv.", "19"),
]


@pytest.mark.model
@pytest.mark.parametrize("text", NO_POLITICAL_PARTY)
def test_copy_of_sport_business_and_culture_without_a_political_party_is_no_event(
    coder: Coder, text: str
) -> None:
    events = coder.code(text, date=DATE)
    assert events == [], [(e.cameo.code, e.source, e.target, e.evidence.rule) for e in events]


@pytest.mark.model
@pytest.mark.parametrize(("text", "root"), STILL_EVENTS)
def test_such_copy_with_a_political_party_still_codes(coder: Coder, text: str, root: str) -> None:
    roots = {e.cameo.code[:2] for e in coder.code(text, date=DATE)}
    assert root in roots, (text, roots)


@pytest.mark.model
@pytest.mark.parametrize(("text", "start", "end", "bare"), [
    ("China banned the imports.", 0, 1, True),
    ("The United States imposed tariffs.", 0, 3, True),
    ("Australia's bowlers took four wickets.", 0, 2, False),
    ("Chinese carmakers cut prices.", 0, 2, False),
])
def test_a_bare_state_is_a_place_named_and_nothing_more(
    coder: Coder, text: str, start: int, end: int, bare: bool
) -> None:
    doc = coder.nlp(text)
    assert bare_state(doc[start:end]) is bare, [(t.text, t.ent_type_, t.tag_) for t in doc[start:end]]


@pytest.mark.model
def test_a_cue_shared_with_politics_marks_no_copy_alone(coder: Coder) -> None:
    gate = DomainGate(coder.nlp("The Arab League met in Cairo."))
    assert "league" not in gate.cues and "squad" not in gate.cues
    assert {"umpire", "carmaker", "football"} <= gate.cues
