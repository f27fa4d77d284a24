"""Records: JSON round trip and offsets."""

from __future__ import annotations

from datetime import date

import pytest

from dyadwatch.records import (
    Actor,
    Article,
    Cameo,
    Event,
    EventDate,
    Evidence,
    Place,
    Plover,
    Span,
    content_hash,
)


def _actor(text: str, start: int) -> Actor:
    return Actor(text=text, start=start, end=start + len(text), name=text, country="DZA",
                 sector="GOV", cameo_code="DZAGOV", kind="person", reason="test")


def _event(**changes: object) -> Event:
    base = dict(
        id="e1", article_id="a1", sentence=2, source=_actor("Tebboune", 0), target=None,
        cameo=Cameo("043", "Host a visit", "04", 2.8, 1),
        plover=Plover("CONSULT", "visit", ("military", "diplomatic")),
        modality="asserted",
        evidence=Evidence("Tebboune received Townsend.", 0, Span("received", 9, 17), "pattern:receive"),
        date=EventDate(date(2020, 9, 25), "week"),
    )
    base.update(changes)
    return Event(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "event",
    [
        _event(),
        _event(target=_actor("Townsend", 18), group="g1", confidence=0.5),
        _event(place=Place("Algiers", 2507480, "city", "DZA", "Alger", 36.7, 3.0)),
        _event(date=EventDate(None, "unknown"), modality="hedged"),
    ],
)
def test_event_json_round_trip(event: Event) -> None:
    again = Event.from_json(event.to_json())
    assert again == event
    assert isinstance(again.plover.context, tuple)


def test_article_hash_and_date_round_trip() -> None:
    article = Article(id="x", text="Algeria and Mali signed.", date=date(2020, 1, 2))
    assert article.content_hash == content_hash("Algeria and Mali signed.")
    again = Article.from_dict(article.to_dict())
    assert again == article
    assert again.date == date(2020, 1, 2)


def test_event_spans_lists_trigger_and_actors() -> None:
    event = _event(target=_actor("Townsend", 18))
    assert ("received", 9, 17) in event.spans()
    assert ("Townsend", 18, 26) in event.spans()
