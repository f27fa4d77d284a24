"""Names that do not give an actor their country: a backer's or owner's state ("a US base"),
where the other side came from ("migrants from Libya"); and places that do: the country a
force enters to fight ("entered eastern Congo to fight rebels"), a big city taken for a person."""

from __future__ import annotations

from dataclasses import replace

import pytest

from coding import code_wire
from dyadwatch.coder import Coder
from dyadwatch.geo.names import Candidate
from dyadwatch.placed import with_city_actors, with_event_place_country
from dyadwatch.records import Actor, Article, Event, Place

from fake_coder import build_event


def _event(source: Actor | None, target: Actor | None) -> Event:
    event = build_event(Article("t", "Gunmen attacked a US base."), trigger="attacked")
    return replace(event, source=source, target=target)


def test_a_state_named_as_the_owner_of_the_target_does_not_place_the_doer() -> None:
    # "gunmen attacked a US base": the event place found is the US inside the target's mention
    gunmen = Actor("Gunmen", 0, 6, "Syria gunmen", "SYR", "UAF", "SYRUAF", "group",
                   "role 'gunmen' -> UAF; no nationality; the clause is set in 'Syria' -> SYR")
    base = Actor("US base", 18, 25, "United States", "USA", "MIL", "USAMIL", "organisation", "country name 'US'")
    usa = Place("United States", 6252001, "country", "USA", None, 39.8, -98.5, start=18, end=20)
    assert with_event_place_country(_event(gunmen, base), usa).source == gunmen
    # a state standing beside the target, not inside it, still places the doer
    apart = replace(base, start=30, end=37)
    placed = with_event_place_country(_event(gunmen, apart), usa).source
    assert placed is not None and placed.country == "USA"


class _Gazetteer:
    """A resolver that knows a few names, as the place finder's gazetteer would."""

    def __init__(self, candidates: dict[str, tuple[Candidate, ...]]) -> None:
        self._candidates = candidates

    def known(self, name: str) -> tuple[Candidate, ...]:
        return self._candidates.get(name, ())


def _city(name: str, country: str, population: int, *, alternate: bool = False) -> Candidate:
    return Candidate(1, name, "city", country, None, 0.0, 0.0, population=population, alternate=alternate)


def _person(text: str, reason: str = "named person") -> Actor:
    return Actor(text, 20, 20 + len(text), text, None, None, "UNK", "person", reason)


@pytest.mark.parametrize(("actor", "candidates", "expected"), [
    (_person("Kisangani"), (_city("Kisangani", "COD", 900_000),), "COD"),
    (_person("Smalltown"), (_city("Smalltown", "USA", 4_000),), "UNK"),  # too small to be news
    (_person("Springfield"), (_city("Springfield", "USA", 160_000), _city("Springfield", "GBR", 120_000)), "UNK"),
    (_person("Mosul", "named person; title 'Mr'"), (_city("Mosul", "IRQ", 1_000_000),), "UNK"),
    (_person("Jalal Mosul"), (_city("Jalal Mosul", "IRQ", 1_000_000),), "UNK"),  # a full name
    (_person("Tarsus"), (_city("Tarsus", "TUR", 300_000, alternate=True),), "UNK"),
])
def test_a_big_city_taken_for_a_person(actor: Actor, candidates: tuple[Candidate, ...], expected: str) -> None:
    resolver = _Gazetteer({actor.text: candidates})
    event = with_city_actors(_event(None, actor), resolver)  # type: ignore[arg-type]
    assert event.target is not None and event.target.cameo_code == expected


@pytest.fixture(scope="module")
def coder(places_coder: Coder) -> Coder:
    return places_coder


def _pairs(coder: Coder, text: str) -> set[tuple[str | None, str | None]]:
    coded = code_wire(coder, text, "2024-03-12")
    return {(e.source.cameo_code if e.source else None, e.target.cameo_code if e.target else None)
            for e in coded.events}  # fmt: skip


@pytest.mark.model
@pytest.mark.parametrize(("text", "source", "target"), [
    # a backer's adjective, and a state that owns the target, are no country of the doer
    ("Iranian-backed gunmen attacked a US base in Iraq.", "IRQUAF", "USAMIL"),
    ("Turkish-backed fighters attacked a UK base in Syria.", "SYRUAF", "GBRMIL"),
    # where the people acted on came from is no country of those acting on them
    ("Police arrested refugees arriving from Eritrea.", "COP", "ERIREF"),
    ("Coast guards detained asylum seekers crossing from Vietnam.", "COP", "VNMREF"),
    # a force that enters a country to fight: the foes are that country's
    ("Kenyan troops entered Somalia to fight militants.", "KENMIL", "SOMREB"),
    ("Nigerian soldiers entered Cameroon to fight insurgents.", "NGAMIL", "CMRREB"),
])
def test_outside_names_and_entered_places(coder: Coder, text: str, source: str, target: str) -> None:
    pairs = _pairs(coder, text)
    assert (source, target) in pairs, pairs
