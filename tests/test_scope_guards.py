"""Words that must stay inside their own phrase: the doer's own name is no weapon of a crowd
dispersal ("security forces"), a participle of other words holds no one whose release is asked
("talks held in Doha"), a 'from' phrase of a thing is no origin of people ("imports from China"),
a count after 'by the' is no doer, a region's abbreviation is no region, and a foe after 'to fight
against' is met in the entered country as one after 'to fight' is."""

from __future__ import annotations

import pytest

from coding import code_wire
from dyadwatch.actors.cues import is_origin_of_mention
from dyadwatch.actors.regions import region_country
from dyadwatch.coder import Coder
from dyadwatch.events.participles import by_phrase


@pytest.fixture(scope="module")
def coder(places_coder: Coder) -> Coder:
    return places_coder


def _events(coder: Coder, text: str) -> list[tuple[str, str, str | None, str | None, str | None]]:
    coded = code_wire(coder, text, "2024-03-12")
    return [(e.cameo.code, e.plover.type, e.plover.mode, e.source.cameo_code if e.source else None,
             e.target.cameo_code if e.target else None) for e in coded.events]


def test_short_region_aliases_name_no_region() -> None:
    # "ACT" is an Australian territory's abbreviation and a New Zealand party's name
    assert region_country("ACT") is None
    assert region_country("Australian Capital Territory") == "AUS"
    assert region_country("Tigray") == "ETH"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Security forces dispersed protesters in Khartoum on Monday.",
    "Police forces pushed back demonstrators outside parliament in Nairobi.",
])
def test_a_doer_called_forces_uses_no_force_by_its_name(coder: Coder, text: str) -> None:
    found = {(c, t, m) for c, t, m, _, _ in _events(coder, text)}
    assert ("175", "COERCE", "restrict") in found, found


@pytest.mark.model
def test_a_crowd_dispersed_with_tear_gas_stays_assault(coder: Coder) -> None:
    found = {(c, t) for c, t, _, _, _ in _events(coder, "Security forces fired tear gas to disperse protesters in Khartoum.")}
    assert ("175", "ASSAULT") in found, found


@pytest.mark.model
def test_a_participle_of_another_noun_holds_no_one(coder: Coder) -> None:
    # the diplomats are not held in Doha: the talks are; Qatar is asked for nothing
    targets = {tgt for _, _, _, _, tgt in _events(coder, "Iran demanded the release of its diplomats at talks held in Doha.")}
    assert targets and not any(t and t.startswith("QAT") for t in targets), targets


@pytest.mark.model
def test_people_held_abroad_are_asked_of_their_holder(coder: Coder) -> None:
    found = _events(coder, "The United States demanded the release of an American journalist held in Russia.")
    assert any(src == "USA" and tgt == "RUS" for _, _, _, src, tgt in found), found


@pytest.mark.model
@pytest.mark.parametrize(("text", "name", "origin"), [
    ("Police arrested migrants coming from Libya.", "Libya", True),
    ("Refugees from Syria crossed the border.", "Syria", True),
    ("Customs officers seized imports from China.", "China", False),
    ("The withdrawal from Afghanistan ended in August.", "Afghanistan", False),
])
def test_only_people_come_from_a_place(coder: Coder, text: str, name: str, origin: bool) -> None:
    doc = coder.nlp(text)
    ent = next(e for e in doc.ents if e.text == name)
    assert is_origin_of_mention(ent) is origin


@pytest.mark.model
def test_a_count_after_by_the_is_no_doer(coder: Coder) -> None:
    doc = coder.nlp("Weapons delivered by the truckload reached the rebels.")
    verb = next(t for t in doc if t.lower_ == "delivered")
    assert [t.text for t in by_phrase(verb)] == []
    doc = coder.nlp("Weapons delivered by Iran reached the rebels.")
    verb = next(t for t in doc if t.lower_ == "delivered")
    assert [t.text for t in by_phrase(verb)] == ["Iran"]


@pytest.mark.model
def test_foes_fought_against_in_an_entered_country_are_its(coder: Coder) -> None:
    pairs = {(s, t) for _, _, _, s, t in _events(coder, "Kenyan troops entered Somalia to fight against militants.")}
    assert ("KENMIL", "SOMREB") in pairs, pairs
