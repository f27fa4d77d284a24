"""Merging reports of one real-world event across articles (hand-built Event records)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from dyadwatch.records import Article, Event, Modality, Place
from dyadwatch.store.merge import PlaceKey, places_compatible
from dyadwatch.store.store import Store

from fake_coder import build_event

PARIS = Place("Paris", 2988507, "city", "FRA", "11", 48.85, 2.35)
BERLIN = Place("Berlin", 2950159, "city", "DEU", "16", 52.52, 13.41)
FRANCE = Place("France", 3017382, "country", "FRA", None, 46.0, 2.0)
RHONE = Place("Rhône", 2987410, "district", "FRA", "84", None, None)
ILE_DE_FRANCE = Place("Ile-de-France", 3012874, "admin", "FRA", "11", 48.5, 2.5)


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.open(":memory:", merge_window_days=3) as s:
        yield s


def article(aid: str, text: str, source: str, day: date | None = None) -> Article:
    return Article(id=aid, text=text, source=source, date=day)


def events(store: Store) -> list[dict[str, Any]]:
    """The ``events`` table's own rows (columns as stored), by first date."""
    cur = store.connection.execute("SELECT * FROM events ORDER BY first_date NULLS LAST, event_id")
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def event_of(store: Store, article_id: str, idx: int = 0) -> str | None:
    [row] = [m for m in store.mentions_frame(article_id=article_id) if m["idx"] == idx]
    return row["event_id"]  # type: ignore[no-any-return]


# -- one meeting, many reports ------------------------------------------------------------------


def test_one_meeting_in_different_words_is_one_event(store: Store) -> None:
    day = date(2020, 9, 25)
    a1 = article("a1", "Macron met Scholz in Paris on Friday.", "Reuters", day)
    a2 = article("a2", "French and German leaders held talks in the capital.", "AFP", day)
    a3 = article("a3", "The French president received the chancellor.", "DPA", date(2020, 9, 26))
    a4 = article("a4", "Paris and Berlin reportedly discussed energy.", "Reuters", day)
    store.add(a1, [build_event(a1, code="040", when=day, place=PARIS, trigger="met")])
    store.add(a2, [build_event(a2, code="046", when=day, place=PARIS, trigger="held")])
    store.add(a3, [build_event(a3, code="043", trigger="received")])  # no date: the article's
    store.add(a4, [build_event(a4, code="040", modality="hedged", when=day)])
    [event] = events(store)
    assert event["n_mentions"] == 4
    assert event["n_asserted"] == 3
    assert event["n_articles"] == 4
    assert event["n_sources"] == 3  # Reuters twice
    assert (event["first_date"], event["last_date"]) == (day, date(2020, 9, 26))
    assert event["place_name"] == "Paris"
    assert event["cameo_code"] == "040"  # the earliest asserted report represents the event
    assert event["root_article_id"] == "a1"
    assert {event_of(store, a) for a in ("a1", "a2", "a3", "a4")} == {event["event_id"]}


def test_same_plover_type_merges_across_cameo_roots(store: Store) -> None:
    day = date(2021, 3, 1)
    a1 = article("a1", "France met Germany.", "S1", day)
    a2 = article("a2", "France agreed to meet Germany.", "S2", day)
    store.add(a1, [build_event(a1, code="040", plover="CONSULT", when=day)])
    store.add(a2, [build_event(a2, code="036", plover="CONSULT", when=day)])
    assert len(events(store)) == 1


# -- different events stay apart ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("second", "why"),
    [
        ({"when": date(2020, 10, 5)}, "a different week"),
        ({"target": ("ITA", "GOV")}, "a different target"),
        ({"source": ("FRA", "MIL")}, "a different source sector"),
        ({"place": BERLIN}, "a different city"),
        ({"code": "111", "plover": "DISAPPROVE"}, "a different kind of event"),
    ],
)
def test_two_different_meetings_stay_apart(store: Store, second: dict[str, Any], why: str) -> None:
    day = date(2020, 9, 25)
    a1 = article("a1", "Macron met Scholz in Paris.", "Reuters", day)
    a2 = article("a2", "Macron met a leader.", "AFP", day)
    store.add(a1, [build_event(a1, when=day, place=PARIS)])
    store.add(a2, [build_event(a2, **{"when": day, "place": PARIS, **second})])
    assert len(events(store)) == 2, why
    assert event_of(store, "a1") != event_of(store, "a2")


def test_country_level_place_is_compatible_with_a_city(store: Store) -> None:
    day = date(2020, 9, 25)
    a1 = article("a1", "France met Germany in France.", "S1", day)
    a2 = article("a2", "France met Germany in Paris.", "S2", day)
    store.add(a1, [build_event(a1, when=day, place=FRANCE)])
    store.add(a2, [build_event(a2, when=day, place=PARIS)])
    [event] = events(store)
    assert event["place_name"] == "Paris"  # the most specific place


def test_complete_linkage_bounds_an_event_to_the_window(store: Store) -> None:
    days = [date(2020, 9, 1), date(2020, 9, 3), date(2020, 9, 5)]
    for n, day in enumerate(days):
        a = article(f"a{n}", "France met Germany.", f"S{n}", day)
        store.add(a, [build_event(a, when=day)])
    spans = sorted((e["first_date"], e["last_date"]) for e in events(store))
    assert spans == [(days[0], days[1]), (days[2], days[2])]


@pytest.mark.parametrize(("window", "expected"), [(0, 2), (1, 1), (3, 1)])
def test_merge_window_setting(window: int, expected: int) -> None:
    with Store.open(":memory:", merge_window_days=window) as store:
        for n, day in enumerate([date(2020, 9, 25), date(2020, 9, 26)]):
            a = article(f"a{n}", "France met Germany.", f"S{n}", day)
            store.add(a, [build_event(a, when=day)])
        assert len(events(store)) == expected


# -- modality -----------------------------------------------------------------------------------


def test_hedged_alone_creates_no_event(store: Store) -> None:
    day = date(2020, 9, 25)
    a = article("a1", "France reportedly met Germany.", "S1", day)
    store.add(a, [build_event(a, modality="hedged", when=day)])
    assert events(store) == []
    assert event_of(store, "a1") is None


def test_waiting_hedged_report_attaches_when_an_asserted_one_arrives(store: Store) -> None:
    day = date(2020, 9, 25)
    a1 = article("a1", "France reportedly met Germany.", "S1", day)
    a2 = article("a2", "France met Germany.", "S2", day)
    store.add(a1, [build_event(a1, modality="hedged", when=day)])
    store.add(a2, [build_event(a2, when=day)])
    [event] = events(store)
    assert event["n_mentions"] == 2 and event["n_asserted"] == 1
    assert event_of(store, "a1") == event["event_id"]


@pytest.mark.parametrize(
    ("modality", "attaches"),
    [
        ("hedged", True),
        ("future", True),
        ("negated", False),
        ("hypothetical", False),
        ("historical", True),  # a reference to the stored event it names
    ],
)
def test_which_modalities_attach(store: Store, modality: Any, attaches: bool) -> None:
    day = date(2020, 9, 25)
    a1 = article("a1", "France met Germany.", "S1", day)
    a2 = article("a2", "France and Germany talked.", "S2", day)
    store.add(a1, [build_event(a1, when=day)])
    store.add(a2, [build_event(a2, modality=modality, when=day)])
    [event] = events(store)
    assert (event_of(store, "a2") == event["event_id"]) is attaches
    assert event["n_mentions"] == (2 if attaches else 1)


# -- mentions that cannot merge -----------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs",
    [
        {"target": (None, "CVL")},  # an actor with no country
        {"source": None},
        {"when": date(2020, 9, 1), "precision": "month"},  # too vague a date
    ],
)
def test_unmergeable_asserted_mentions_are_events_of_their_own(
    store: Store, kwargs: dict[str, Any]
) -> None:
    for n in range(2):
        a = article(f"a{n}", "Police dispersed protesters.", f"S{n}", date(2020, 9, 25))
        store.add(a, [build_event(a, **{"when": date(2020, 9, 25), **kwargs})])
    rows = events(store)
    assert len(rows) == 2
    assert all(not r["mergeable"] and r["n_mentions"] == 1 for r in rows)


def test_no_dates_at_all_means_no_merging(store: Store) -> None:
    for n in range(2):
        a = article(f"a{n}", "France met Germany.", f"S{n}")
        store.add(a, [build_event(a)])
    assert len(events(store)) == 2


# -- changed articles ---------------------------------------------------------------------------


def test_changed_article_leaves_its_event_and_dissolves_what_it_alone_held(store: Store) -> None:
    day = date(2020, 9, 25)
    a1 = article("a1", "France met Germany.", "S1", day)
    a2 = article("a2", "France reportedly met Germany.", "S2", day)
    a3 = article("a3", "France met Germany too.", "S3", day)
    store.add(a1, [build_event(a1, when=day)])
    store.add(a2, [build_event(a2, modality="hedged", when=day)])
    [before] = events(store)
    assert before["n_mentions"] == 2
    edited = article("a1", "France did not meet Germany.", "S1", day)
    assert store.add(edited, []) == "changed"
    assert events(store) == []  # no asserted report left
    assert event_of(store, "a2") is None  # the hedged one waits again
    store.add(a3, [build_event(a3, when=day)])
    [after] = events(store)
    assert after["n_mentions"] == 2 and event_of(store, "a2") == after["event_id"]


def test_changed_article_shrinks_a_shared_event(store: Store) -> None:
    day = date(2020, 9, 25)
    a1 = article("a1", "France met Germany.", "S1", day)
    a2 = article("a2", "France met Germany again.", "S2", date(2020, 9, 26))
    store.add(a1, [build_event(a1, when=day)])
    store.add(a2, [build_event(a2, when=date(2020, 9, 26))])
    store.add(article("a2", "Nothing happened.", "S2", day), [])
    [event] = events(store)
    assert event["n_articles"] == 1 and event["last_date"] == day


# -- order --------------------------------------------------------------------------------------


def _corpus() -> list[tuple[Article, list[Event]]]:
    items = []
    for n in range(12):
        day = date(2020, 9, 1 + (n * 5) % 11)
        a = article(f"a{n:02d}", f"France met Germany, report {n}.", f"S{n % 4}", day)
        modality: Modality = "hedged" if n % 5 == 0 else "asserted"
        place = [PARIS, None, FRANCE][n % 3]
        items.append((a, [build_event(a, when=day, modality=modality, place=place)]))
    return items


def _dump(store: Store) -> tuple[list[Any], list[Any]]:
    con = store.connection
    return (
        con.execute("SELECT * EXCLUDE (added_at) FROM events ORDER BY event_id").fetchall(),
        con.execute("SELECT article_id, idx, event_id FROM mentions ORDER BY ALL").fetchall(),
    )


@pytest.mark.slow  # every order of a corpus, merged again each time
def test_remerge_makes_events_independent_of_ingestion_order() -> None:
    dumps = []
    for seed in range(4):
        items = _corpus()
        random.Random(seed).shuffle(items)
        with Store.open(":memory:", merge_window_days=3) as store:
            for a, evs in items:
                store.add(a, evs)
            store.remerge()
            dumps.append(_dump(store))
    assert all(d == dumps[0] for d in dumps[1:])
    assert len(dumps[0][0]) < 12  # something did merge


def test_ingesting_in_date_order_equals_remerge() -> None:
    items = sorted(_corpus(), key=lambda item: (item[0].date, item[0].id))
    with Store.open(":memory:", merge_window_days=3) as store:
        for a, evs in items:
            store.add(a, evs)
        incremental = _dump(store)
        store.remerge()
        assert _dump(store) == incremental


# -- places -------------------------------------------------------------------------------------


def key(place: Place) -> PlaceKey:
    return PlaceKey(place.name, place.geonames_id, place.feature, place.country, place.admin1)


@pytest.mark.parametrize(
    ("a", "b", "compatible"),
    [
        (PARIS, PARIS, True),
        (PARIS, BERLIN, False),
        (PARIS, FRANCE, True),
        (BERLIN, FRANCE, False),
        (PARIS, ILE_DE_FRANCE, True),
        (Place("Lyon", 2996944, "city", "FRA", "84", None, None), ILE_DE_FRANCE, False),
        (Place("Paris", None, "city", "FRA", None, None, None), PARIS, True),
        (Place("Lyon", 2996944, "city", "FRA", "84", None, None), PARIS, False),
        (Place("Europe", None, "continent", None, None, None, None), BERLIN, True),
        # A county and a town of its region (which county a town lies in is not known), but
        # not two counties, nor a county and a town of another region.
        (Place("Paris", 2968815, "district", "FRA", "11", None, None), PARIS, True),
        (RHONE, PARIS, False),
        (RHONE, Place("Ain", 3038422, "district", "FRA", "84", None, None), False),
    ],
)
def test_places_compatible(a: Place, b: Place, compatible: bool) -> None:
    assert places_compatible(key(a), key(b)) is compatible
    assert places_compatible(key(b), key(a)) is compatible
    assert places_compatible(None, key(a))
