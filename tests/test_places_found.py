"""How toponyms NER misses or mislabels are found, and when a resolution is refused: the rules
of docs/places.md on hand-built parses of sentences written for these tests."""

from __future__ import annotations

import pytest

from dyadwatch.geo.attach import attachment_cost
from dyadwatch.geo.gazetteer import PlaceResolver
from dyadwatch.geo.places import event_place, find_place_mentions
from dyadwatch.geo.spans import lookup_name
from test_places_docs import FakeGazetteer, _cand, make_doc

# A town of 4,000 and a city of 1.2 million, both made up for these tests.
TARVEL = _cand(101, "Tarvel", "city", "DZA", 4_000, lat=35.0, lon=2.0)
BRUSSELS = _cand(102, "Brussels", "city", "BEL", 1_200_000, lat=50.85, lon=4.35, capital=True)


@pytest.fixture
def resolver() -> PlaceResolver:
    return PlaceResolver(FakeGazetteer({"tarvel": [TARVEL], "brussels": [BRUSSELS]}))


def _found(
    resolver: PlaceResolver, tokens: list[tuple[str, ...]], **kw: object
) -> list[tuple[str, str]]:
    doc = make_doc(tokens)  # type: ignore[arg-type]
    return [(m.text, m.role) for m in find_place_mentions(doc, resolver=resolver, **kw)]  # type: ignore[arg-type]


def test_a_name_after_in_that_ner_took_for_a_person_is_a_place(resolver: PlaceResolver) -> None:
    tokens = [
        ("Clashes", "NNS", "nsubj", 1, ""),
        ("erupted", "VBD", "ROOT", 1, "", "erupt"),
        ("in", "IN", "prep", 1, ""),
        ("Kafr", "NNP", "compound", 4, "PERSON"),
        ("Zeta", "NNP", "pobj", 2, "PERSON"),
        (".", ".", "punct", 1, ""),
    ]
    assert _found(resolver, tokens) == [("Kafr Zeta", "literal")]
    doc = make_doc(tokens)  # type: ignore[arg-type]
    place = event_place(doc, doc[1], find_place_mentions(doc, resolver=resolver), None)
    assert place is not None and (place.name, place.lat) == ("Kafr Zeta", None)
    # After "with" the same entity is a person's: nothing is found.
    tokens[2] = ("with", "IN", "prep", 1, "")
    assert _found(resolver, tokens) == []


def test_a_name_after_a_lower_case_compass_word_is_a_place(resolver: PlaceResolver) -> None:
    tokens = [
        ("Shelling", "NN", "nsubj", 1, ""),
        ("hit", "VBD", "ROOT", 1, ""),
        ("eastern", "JJ", "amod", 3, ""),
        ("Qorvo", "NNP", "dobj", 1, ""),
        (".", ".", "punct", 1, ""),
    ]
    assert _found(resolver, tokens) == [("Qorvo", "literal")]
    tokens[2] = ("Eastern", "NNP", "compound", 3, "")  # part of a name, not a compass word
    assert _found(resolver, tokens) == []


def test_a_name_found_as_a_place_is_one_in_every_sentence(resolver: PlaceResolver) -> None:
    # "Gunmen attacked Tarvel and Tarvel residents fled": NER labels the second a person.
    tokens = [
        ("Gunmen", "NNS", "nsubj", 1, ""),
        ("attacked", "VBD", "ROOT", 1, "", "attack"),
        ("Tarvel", "NNP", "dobj", 1, "GPE"),
        ("and", "CC", "cc", 1, ""),
        ("Tarvel", "NNP", "compound", 5, "PERSON"),
        ("residents", "NNS", "nsubj", 6, ""),
        ("fled", "VBD", "conj", 1, "", "flee"),
        (".", ".", "punct", 1, ""),
    ]
    assert [t for t, _ in _found(resolver, tokens)] == ["Tarvel", "Tarvel"]
    # A word of a person's name in the article is no place anywhere in it ("Tarvel Mansour").
    tokens[4:6] = [
        ("Tarvel", "NNP", "compound", 5, "PERSON"),
        ("Mansour", "NNP", "nsubj", 6, "PERSON"),
    ]
    assert _found(resolver, tokens) == []


def test_an_organisation_that_is_a_towns_name_is_a_metonym(resolver: PlaceResolver) -> None:
    tokens = [
        ("Tarvel", "NNP", "nsubj", 1, "ORG"),
        ("beat", "VBD", "ROOT", 1, ""),
        ("Algiers", "NNP", "dobj", 1, "GPE"),
        (".", ".", "punct", 1, ""),
    ]
    assert _found(resolver, tokens) == [("Tarvel", "metonym"), ("Algiers", "literal")]


def test_a_big_city_the_actor_knowledge_uses_for_an_actor_stays_a_place(
    resolver: PlaceResolver,
) -> None:
    tokens = [
        ("Brussels", "NNP", "nsubj", 1, "GPE"),
        ("warned", "VBD", "ROOT", 1, "", "warn"),
        ("Tarvel", "NNP", "dobj", 1, "GPE"),
        (".", ".", "punct", 1, ""),
    ]
    actors = {"Brussels", "Tarvel"}.__contains__  # the knowledge claims both names
    assert _found(resolver, tokens, not_place=actors) == [("Brussels", "metonym")]


def test_the_origin_of_an_actor_is_not_where_the_event_happened(resolver: PlaceResolver) -> None:
    doc = make_doc(
        [
            ("Fighters", "NNS", "nsubj", 3, ""),
            ("from", "IN", "prep", 0, ""),
            ("Algeria", "NNP", "pobj", 1, "GPE"),
            ("crossed", "VBD", "ROOT", 3, "", "cross"),
            ("at", "IN", "prep", 3, ""),
            ("Tarvel", "NNP", "pobj", 4, "GPE"),
            (".", ".", "punct", 3, ""),
        ]
    )
    mentions = find_place_mentions(doc, resolver=resolver)
    assert [m.text for m in mentions] == ["Algeria", "Tarvel"]
    place = event_place(doc, doc[3], mentions, None)
    assert place is not None and place.name == "Tarvel"
    place = event_place(doc, doc[3], mentions[:1], None)
    assert place is None


def test_a_mention_unknown_whole_is_looked_up_by_a_known_part(resolver: PlaceResolver) -> None:
    doc = make_doc(
        [
            ("Northern", "NNP", "compound", 1, "GPE"),
            ("Tarvel", "NNP", "nsubj", 4, "GPE"),
            ("and", "CC", "cc", 1, ""),
            ("Algiers", "NNP", "compound", 4, ""),
            ("Casbah", "NNP", "conj", 1, ""),
            ("Airport", "NNP", "conj", 4, ""),
        ]
    )
    assert lookup_name(resolver, doc[0:2]) == "Tarvel"  # after a compass word
    assert lookup_name(resolver, doc[3:6]) == "Algiers"  # a big city's name inside it
    assert lookup_name(resolver, doc[3:5]) == "Algiers"
    # A town of 4,000 inside an unknown name is not taken for it (only after a compass word).
    assert lookup_name(resolver, doc[1:3]) == "Tarvel and"


def test_a_small_town_far_from_everything_the_article_is_about_is_refused() -> None:
    small_dz = _cand(103, "Ostrel", "city", "DZA", 4_000, lat=36.5, lon=3.0)
    small_us = _cand(104, "Ostrel", "city", "USA", 8_000, lat=40.0, lon=-90.0)
    resolver = PlaceResolver(FakeGazetteer({"ostrel": [small_us, small_dz]}))
    # In a story about Libya neither town is likely meant: a place the gazetteer lacks is.
    assert resolver.resolve("Ostrel", focus=["LBY"]) is None
    place = resolver.resolve("Ostrel", focus=["DZA"])
    assert place is not None and place.geonames_id == 103
    # Near one of the story's places it is kept, focus or not.
    near = resolver.resolve("Algiers")
    assert near is not None
    place = resolver.resolve("Ostrel", focus=["LBY"], near=[near])
    assert place is not None and place.geonames_id == 103
    # With no focus nothing says the town is far from the story.
    place = resolver.resolve("Ostrel")
    assert place is not None and place.geonames_id == 104
    # A big city is kept wherever it lies.
    assert resolver.resolve("Algiers", focus=["USA"]) is not None


def _met_officials_of_the(noun: str) -> list[tuple[str, ...]]:
    """ "Police met officials of the <noun> in Algiers"."""
    return [
        ("Police", "NNS", "nsubj", 1, ""),
        ("met", "VBD", "ROOT", 1, "", "meet"),
        ("officials", "NNS", "dobj", 1, ""),
        ("of", "IN", "prep", 2, ""),
        ("the", "DT", "det", 5, ""),
        (noun, "NN", "pobj", 3, ""),
        ("in", "IN", "prep", 5, ""),
        ("Algiers", "NNP", "pobj", 6, "GPE"),
    ]


def test_a_place_that_locates_a_body_is_not_where_the_event_happened() -> None:
    costs = {}
    for noun in ("embassy", "ministry", "square"):
        doc = make_doc(_met_officials_of_the(noun))  # type: ignore[arg-type]
        costs[noun] = attachment_cost(doc[7], doc[1])
    # "the square in Algiers" is somewhere; "the embassy in Algiers" is where a body sits.
    assert costs["square"] is not None
    assert costs["embassy"] == costs["ministry"] == costs["square"] + 2


def test_an_unknown_place_counts_as_specific_as_a_city(resolver: PlaceResolver) -> None:
    # "Rebels attacked Zorvah and Algeria": equal cost, the unknown place beats the country.
    doc = make_doc(
        [
            ("Rebels", "NNS", "nsubj", 1, ""),
            ("attacked", "VBD", "ROOT", 1, "", "attack"),
            ("Zorvah", "NNP", "dobj", 1, "GPE"),
            ("and", "CC", "cc", 2, ""),
            ("Algeria", "NNP", "conj", 2, "GPE"),
        ]
    )
    mentions = find_place_mentions(doc, resolver=resolver)
    place = event_place(doc, doc[1], mentions, None)
    assert place is not None and place.name == "Zorvah" and place.geonames_id is None


def test_a_town_before_a_local_bodys_word_names_the_mention(resolver: PlaceResolver) -> None:
    doc = make_doc(
        [
            ("Tarvel", "NNP", "compound", 2, "ORG"),
            ("Police", "NNP", "compound", 2, "ORG"),
            ("Station", "NNP", "ROOT", 2, "ORG"),
        ]
    )
    assert lookup_name(resolver, doc[0:3]) == "Tarvel"
    # A town of 4,000 before any other word is not taken for the whole.
    other = make_doc([("Tarvel", "NNP", "compound", 1, "ORG"), ("Grill", "NNP", "ROOT", 1, "ORG")])
    assert lookup_name(resolver, other[0:2]) == "Tarvel Grill"


def test_a_name_before_a_lower_case_area_word_is_the_areas(resolver: PlaceResolver) -> None:
    tokens = [
        ("Shells", "NNS", "nsubj", 1, ""),
        ("fell", "VBD", "ROOT", 1, "", "fall"),
        ("on", "IN", "prep", 1, ""),
        ("the", "DT", "det", 5, ""),
        ("Qorvo", "NNP", "compound", 5, "PERSON"),
        ("area", "NN", "pobj", 2, ""),
    ]
    assert _found(resolver, tokens) == [("Qorvo", "literal")]
    tokens[5] = ("administration", "NN", "pobj", 2, "")  # not an area
    assert _found(resolver, tokens) == []


def test_a_town_name_may_begin_with_a_hyphenated_article(resolver: PlaceResolver) -> None:
    tokens = [
        ("Rebels", "NNS", "nsubj", 1, ""),
        ("seized", "VBD", "ROOT", 1, "", "seize"),
        ("the", "DT", "det", 3, ""),
        ("town", "NN", "dobj", 1, ""),
        ("of", "IN", "prep", 3, ""),
        ("al", "NNP", "compound", 7, ""),
        ("-", "HYPH", "punct", 7, ""),
        ("Zorba", "NNP", "pobj", 4, ""),
    ]
    # (make_doc puts a space after every token: the text reads "al - Zorba".)
    assert _found(resolver, tokens) == [("al - Zorba", "literal")]


def test_the_tail_of_a_longer_name_the_tagger_cut_is_no_place(resolver: PlaceResolver) -> None:
    # "Mocimboa da Praia" is a town in Mozambique, not Cape Verde's capital; here a made-up
    # "Cabo da Brussels" stands for such a name whose last word alone is a big city
    tokens = [
        ("Rebels", "NNS", "nsubj", 1, ""),
        ("raided", "VBD", "ROOT", 1, "", "raid"),
        ("Cabo", "NNP", "dobj", 1, "PERSON"),
        ("da", "NNP", "compound", 4, "PERSON"),
        ("Brussels", "NNP", "appos", 2, "GPE"),
        (".", ".", "punct", 1, ""),
    ]
    assert [text for text, _ in _found(resolver, tokens)] == []
    tokens[3] = ("and", "CC", "cc", 2, "")  # two names, the second a place
    assert [text for text, _ in _found(resolver, tokens)] == ["Brussels"]
