"""Actors named by role alone ("police", "gunmen", "workers") take the country of the place
their event's clause names, once the places stage has resolved a town the actor lists do not
know. Sentences written for these tests, in wire style."""

from __future__ import annotations

from dataclasses import replace

import pytest

from coding import code_wire
from dyadwatch.coder import Coded, Coder
from dyadwatch.placed import with_event_place_country
from dyadwatch.records import Actor, Article, Event, Place

from fake_coder import build_event

KARACHI = Place("Karachi", 1174872, "city", "PAK", "05", 24.86, 67.01)


def _role(text: str, sector: str, country: str | None = None, reason: str = "role") -> Actor:
    code = f"{country or ''}{sector}"
    return Actor(text, 0, len(text), text, country, sector, code, "group", reason)


def _event(source: Actor | None, target: Actor | None) -> Event:
    event = build_event(Article("t", "Police arrested twelve men."), trigger="arrested")
    return replace(event, source=source, target=target)


def test_role_actors_take_the_clause_places_country() -> None:
    event = _event(_role("Police", "COP"), _role("twelve men", "CVL"))
    placed = with_event_place_country(event, KARACHI)
    assert placed.source is not None and placed.source.cameo_code == "PAKCOP"
    assert placed.target is not None and placed.target.cameo_code == "PAKCVL"
    assert "placed in 'Karachi'" in placed.source.reason


def test_a_default_country_gives_way_but_a_nationality_does_not() -> None:
    guessed = _role("Police", "COP", "USA", "role 'police' -> COP; no nationality; the article is about USA")
    stated = _role("Indian police", "COP", "IND", "nationality 'Indian'")
    placed = with_event_place_country(_event(guessed, stated), KARACHI)
    assert placed.source is not None and placed.source.country == "PAK"
    assert placed.target == stated


@pytest.mark.parametrize("why", ["dateline", "foreign", "person", "state", "no place country"])
def test_what_keeps_its_country(why: str) -> None:
    police = _role("Police", "COP")
    place = KARACHI
    other: Actor | None = None
    if why == "dateline":  # the actor stage placed it in the story's setting already
        police = _role("Police", "COP", "USA", "role 'police' -> COP; no nationality; the article is about USA")
        place = replace(KARACHI, from_dateline=True)
    elif why == "foreign":
        police = _role("Foreign fighters", "UAF")
    elif why == "person":
        police = replace(police, kind="person")
    elif why == "state":  # "troops entered Pakistan": the place is the other side's own country
        other = Actor("Pakistan", 0, 8, "Pakistan", "PAK", None, "PAK", "state", "country name")
    else:
        place = replace(KARACHI, country=None)
    event = _event(police, other)
    assert with_event_place_country(event, place).source == police


def test_a_town_acted_on_where_the_event_is_placed_gives_its_country() -> None:
    # "gunmen attacked a station in Karachi": the town is the target, not a country beside it
    gunmen = _role("Gunmen", "UAF")
    town = Actor("Karachi", 40, 47, "Karachi", "PAK", None, "PAK", "state", "the place Karachi, in PAK")
    placed = with_event_place_country(_event(gunmen, town), replace(KARACHI, start=40, end=47))
    assert placed.source is not None and placed.source.cameo_code == "PAKUAF"


@pytest.fixture(scope="module")
def coder(places_coder: Coder) -> Coder:
    return places_coder


def _coded(coder: Coder, text: str) -> Coded:
    return code_wire(coder, text, "2024-03-12")


@pytest.mark.model
@pytest.mark.parametrize(("text", "source", "target"), [
    ("Police arrested 12 suspected militants in Karachi on Tuesday.", "PAKCOP", "PAKREB"),
    ("Gunmen killed five villagers in Kaduna overnight.", "NGAUAF", "NGACVL"),
    # the article's focus (the United States) is only a default: the clause says Nigeria
    ("The United States condemned the killing of five villagers by gunmen in Kaduna.", "USA", "NGAUAF"),  # aimed at the killers (the doer of the deed condemned)
])
def test_towns_give_role_actors_their_country(coder: Coder, text: str, source: str, target: str) -> None:
    pairs = {(e.source.cameo_code if e.source else None, e.target.cameo_code if e.target else None)
             for e in _coded(coder, text).events}  # fmt: skip
    assert (source, target) in pairs, pairs


@pytest.mark.model
def test_a_strike_at_a_port_is_the_ports_countrys(coder: Coder) -> None:
    coded = _coded(coder, "Workers went on strike at the port of Antwerp.")
    assert [e.source.cameo_code for e in coded.events if e.source] == ["BELLAB"]


@pytest.mark.model
def test_foreign_fighters_stay_without_a_country(coder: Coder) -> None:
    coded = _coded(coder, "Foreign fighters attacked a checkpoint in Idlib.")
    sources = [e.source for e in coded.events if e.source is not None]
    assert sources and all(s.country is None for s in sources)


def test_a_dateline_town_places_an_actor_left_with_no_country() -> None:
    # "KARACHI - Police arrested twelve men": a town the actor stage could not place
    event = _event(_role("Police", "COP"), None)
    placed = with_event_place_country(event, replace(KARACHI, from_dateline=True))
    assert placed.source is not None and placed.source.cameo_code == "PAKCOP"
