"""Names NER mislabels or leaves untagged in a list of places, in apposition to a place noun or
a name, or after a preposition: rules of docs/places.md on hand-built parses of sentences
written for these tests, with made-up places where the rule needs none real."""

from __future__ import annotations

import pytest

from dyadwatch.geo.gazetteer import PlaceResolver
from test_places_docs import FakeGazetteer, _cand, placed_names

TARVEL = _cand(101, "Tarvel", "city", "DZA", 4_000, lat=35.0, lon=2.0)
KORVAN = _cand(102, "Korvan", "city", "DZA", 450_000, lat=34.0, lon=3.0)


@pytest.fixture
def resolver() -> PlaceResolver:
    return PlaceResolver(FakeGazetteer({"tarvel": [TARVEL], "korvan": [KORVAN]}))


def test_a_name_listed_beside_a_place_is_a_place(resolver: PlaceResolver) -> None:
    # "Shells fell on Algiers, Tarvel and Nablus": NER took the small town for a person, and
    # the parse hangs it from the first place as an apposition, not a conjunct.
    tokens = [
        ("Shells", "NNS", "nsubj", 1, ""),
        ("fell", "VBD", "ROOT", 1, "", "fall"),
        ("on", "IN", "prep", 1, ""),
        ("Algiers", "NNP", "pobj", 2, "GPE"),
        (",", ",", "punct", 3, ""),
        ("Tarvel", "NNP", "npadvmod", 3, "PERSON"),
        ("and", "CC", "cc", 3, ""),
        ("Nablus", "NNP", "npadvmod", 3, "GPE"),
        (".", ".", "punct", 1, ""),
    ]
    assert placed_names(resolver, tokens) == [
        ("Algiers", "Algiers"), ("Tarvel", "Tarvel"), ("Nablus", "Nablus")
    ]  # fmt: skip
    # A name the gazetteer lacks stays out, as does a listed person's name.
    tokens[5] = ("Brenner", "NNP", "npadvmod", 3, "PERSON")
    assert [t for t, _ in placed_names(resolver, tokens)] == ["Algiers", "Nablus"]


def test_a_list_of_people_is_no_list_of_places(resolver: PlaceResolver) -> None:
    # "Smith, Tarvel and Jones met": no listed neighbour is a place, so no name is taken.
    tokens = [
        ("Smith", "NNP", "nsubj", 5, "PERSON"),
        (",", ",", "punct", 0, ""),
        ("Tarvel", "NNP", "conj", 0, "B-PERSON"),
        ("and", "CC", "cc", 2, ""),
        ("Jones", "NNP", "conj", 2, "B-PERSON"),
        ("met", "VBD", "ROOT", 5, "", "meet"),
    ]
    assert placed_names(resolver, tokens) == []


def test_a_name_beside_a_place_noun_names_the_place(resolver: PlaceResolver) -> None:
    # "Troops entered the town, Tarvel, on Monday": NER took the town for a person.
    tokens = [
        ("Troops", "NNS", "nsubj", 1, ""),
        ("entered", "VBD", "ROOT", 1, "", "enter"),
        ("the", "DT", "det", 3, ""),
        ("town", "NN", "dobj", 1, ""),
        (",", ",", "punct", 3, ""),
        ("Tarvel", "NNP", "appos", 3, "PERSON"),
        (",", ",", "punct", 3, ""),
    ]
    assert placed_names(resolver, tokens) == [("Tarvel", "Tarvel")]
    # Beside a noun that is no place ("the driver, Tarvel") it stays a name.
    tokens[3] = ("driver", "NN", "dobj", 1, "")
    assert placed_names(resolver, tokens) == []


def test_a_big_city_beside_a_name_is_where_the_person_is(resolver: PlaceResolver) -> None:
    # "said Amina Haddad, Korvan": a big city set beside a person's name is a place; a town of
    # 4,000 there is as likely a second name.
    tokens = [
        ("said", "VBD", "ROOT", 0, "", "say"),
        ("Amina", "NNP", "compound", 2, "PERSON"),
        ("Haddad", "NNP", "nsubj", 0, "PERSON"),
        (",", ",", "punct", 2, ""),
        ("Korvan", "NNP", "appos", 2, "B-PERSON"),
    ]
    assert placed_names(resolver, tokens) == [("Korvan", "Korvan")]
    tokens[4] = ("Tarvel", "NNP", "appos", 2, "B-PERSON")
    assert placed_names(resolver, tokens) == []


def test_a_big_city_ner_missed_after_a_preposition_is_the_city(resolver: PlaceResolver) -> None:
    # "Residents of Korvan protested": NER left the name untagged; a small town's name in the
    # same place is not taken on that evidence alone.
    tokens = [
        ("Residents", "NNS", "nsubj", 3, ""),
        ("of", "IN", "prep", 0, ""),
        ("Korvan", "NNP", "pobj", 1, ""),
        ("protested", "VBD", "ROOT", 3, "", "protest"),
    ]
    assert placed_names(resolver, tokens) == [("Korvan", "Korvan")]
    tokens[2] = ("Tarvel", "NNP", "pobj", 1, "")
    assert placed_names(resolver, tokens) == []


def test_a_province_of_the_name_is_meant_rather_than_a_stray_town() -> None:
    """GeoNames lists many provinces' English names only as alternates ("Tuscany" of Toscana),
    while a small town far away bears the name as its main one: the stray town is refused, and
    the province of the name is meant instead of nothing."""
    town = _cand(301, "Tuscany", "city", "USA", 19_700, lat=39.0, lon=-95.0)
    province = _cand(302, "Toscana", "admin", "ITA", admin1="16", lat=43.4, lon=11.0,
                     alternate=True)  # fmt: skip
    resolver = PlaceResolver(FakeGazetteer({"tuscany": [town, province]}))
    place = resolver.resolve("Tuscany", focus=["FRA"])
    assert place is not None and place.geonames_id == 302
    # Without a province of the name the stray town is still refused.
    alone = PlaceResolver(FakeGazetteer({"tuscany": [town]}))
    assert alone.resolve("Tuscany", focus=["FRA"]) is None
    # A town in the story's country is no stray: it is meant.
    assert resolver.resolve("Tuscany", focus=["USA"]) == alone.resolve("Tuscany", focus=["USA"])
