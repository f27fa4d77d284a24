"""A town placed by the state or country after it, a big city's name modifying a noun, and a
province that shares its name with its big city: rules of docs/places.md on hand-built parses
of sentences written for these tests, with made-up places where the rule needs none real."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.geo.gazetteer import Candidate, PlaceResolver
from dyadwatch.geo.places import find_place_mentions
from test_places_docs import FakeGazetteer, _cand, make_doc, placed_names

TARVEL = _cand(101, "Tarvel", "city", "DZA", 4_000, lat=35.0, lon=2.0)
BRUSSELS = _cand(102, "Brussels", "city", "BEL", 1_200_000, lat=50.85, lon=4.35, capital=True)


@pytest.fixture
def resolver() -> PlaceResolver:
    return PlaceResolver(FakeGazetteer({"tarvel": [TARVEL], "brussels": [BRUSSELS]}))


def test_a_town_before_its_state_is_a_place_whatever_ner_made_of_it(
    resolver: PlaceResolver,
) -> None:
    # "Firefighters reached Severn, Md., on Sunday": NER took the town for a person.
    tokens = [
        ("Firefighters", "NNS", "nsubj", 1, ""),
        ("reached", "VBD", "ROOT", 1, "", "reach"),
        ("Severn", "NNP", "dobj", 1, "PERSON"),
        (",", ",", "punct", 2, ""),
        ("Md.", "NNP", "appos", 2, "GPE"),
        (".", ".", "punct", 1, ""),
    ]
    assert placed_names(resolver, tokens) == [("Severn", "Severn"), ("Md.", "Maryland")]
    place = find_place_mentions(make_doc(tokens), resolver=resolver)[0].place  # type: ignore[arg-type]
    assert place is not None and place.admin1 == "MD"  # the state beside it says which Severn
    # A state that holds no town of the name places nothing: "Severn, Georgia" is no pair.
    tokens[4] = ("Georgia", "NNP", "appos", 2, "GPE")
    assert [t for t, _ in placed_names(resolver, tokens)] == ["Georgia"]


def test_only_a_whole_name_before_the_comma_is_taken(resolver: PlaceResolver) -> None:
    # "Mayor Anne Severn, Md." is no town: the run before the comma is longer than the name.
    tokens = [
        ("Anne", "NNP", "compound", 1, ""),
        ("Severn", "NNP", "ROOT", 1, ""),
        (",", ",", "punct", 1, ""),
        ("Md.", "NNP", "appos", 1, "GPE"),
    ]
    assert [t for t, _ in placed_names(resolver, tokens)] == ["Md."]


def test_a_big_citys_name_modifying_a_noun_is_the_city(resolver: PlaceResolver) -> None:
    # "Officials said the Brussels government would reply": NER left the name untagged.
    tokens = [
        ("Officials", "NNS", "nsubj", 1, ""),
        ("said", "VBD", "ROOT", 1, "", "say"),
        ("the", "DT", "det", 4, ""),
        ("Brussels", "NNP", "compound", 4, ""),
        ("government", "NN", "nsubj", 5, ""),
        ("replied", "VBD", "ccomp", 1, "", "reply"),
    ]
    doc = make_doc(tokens)  # type: ignore[arg-type]
    mentions = find_place_mentions(doc, resolver=resolver)
    assert [(m.text, m.role) for m in mentions] == [("Brussels", "metonym")]
    # A town of 4,000 in the same position is more likely a surname or a brand than the town.
    tokens[3] = ("Tarvel", "NNP", "compound", 4, "")
    assert placed_names(resolver, tokens) == []


def _province_and_city(city_alternate: bool) -> PlaceResolver:
    province = _cand(201, "Zorvan", "admin", "SYR", admin1="07", lat=36.6, lon=41.0)
    city = Candidate(202, "Al Zorvan", "city", "SYR", "07", 36.5, 40.7, 190_000,
                     alternate=city_alternate)  # fmt: skip
    return PlaceResolver(FakeGazetteer({"zorvan": [province, city]}))


def test_a_province_gives_way_to_its_big_city_under_the_citys_other_spelling() -> None:
    """GeoNames may list the short spelling only as an alternate name of the city, while it is
    the province's main name: a name both bear is still the big city's."""
    place = _province_and_city(city_alternate=True).resolve("Zorvan", focus=["SYR"])
    assert place is not None and place.geonames_id == 202
    place = _province_and_city(city_alternate=False).resolve("Zorvan", focus=["SYR"])
    assert place is not None and place.geonames_id == 202


@pytest.mark.model
def test_adjectives_of_states_provinces_and_regions_point_to_them() -> None:
    """Adjectives such as "Texan", "Catalan", "Kashmiri" name the area, by its English name where GeoNames lists
    that only as an alternate; a demonym of our table keeps the word ("British"), while a nation's adjective the
    country table gives the whole state names the nation ("Scottish" is Scotland, in the UK)."""
    from dyadwatch.geo.build import read_additions
    from dyadwatch.geo.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    for word, feature, country in [
        ("Texan", "admin", "USA"),
        ("Catalan", "admin", "ESP"),
        ("Québécois", "admin", "CAN"),
        ("Kashmiri", "region", None),
        ("Scottish", "admin", "GBR"),
        ("Welsh", "admin", "GBR"),
        ("British", "country", "GBR"),
    ]:
        found = gazetteer.demonym(word)
        assert found is not None and (found.feature, found.country) == (feature, country), word
    # Every row of the table names an area the shipped data holds.
    for row in read_additions()["adjective"]:
        assert gazetteer.demonym(row.name.partition("=")[0]) is not None, row.name


def test_an_adjective_row_names_its_area(tmp_path: Path) -> None:
    from dyadwatch.errors import KnowledgeError
    from dyadwatch.geo.build import read_additions

    bad = tmp_path / "gazetteer.tsv"
    head = "# dyadwatch gazetteer additions v1 (2026-12-05)\nkind\tcode\tname\tlat\tlon\n"
    bad.write_text(head + "adjective\tUS\tTexan\t\t\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"gazetteer.tsv:3: an adjective row"):
        read_additions(bad)
