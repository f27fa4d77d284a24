"""Wire stories coded end to end (the model): publication date, dateline place and event dates
of every story in wire_stories.py, and no actor or trigger on the dateline."""

from __future__ import annotations

from datetime import date

import pytest

from dyadwatch.coder import Coded, Coder
from dyadwatch.dateline import read_dating
from dyadwatch.records import Article
from wire_stories import STORIES, Story


def test_the_suite_is_wide() -> None:
    assert len(STORIES) >= 40
    assert len({s.id for s in STORIES}) == len(STORIES)
    agencies = {read_dating(s.text).dateline.agency for s in STORIES}  # type: ignore[union-attr]
    assert {"Reuters", "AFP", "AP", "TAP", "PTI", "APS", "Xinhua", "MAP", "dpa",
            "Anadolu"} <= agencies


@pytest.mark.parametrize("story", STORIES, ids=lambda s: s.id)
def test_dateline_and_publication_date_without_the_model(story: Story) -> None:
    dating = read_dating(story.text, name=story.id)
    assert dating.warnings == ()
    assert dating.dateline is not None and dating.dateline.place.text == story.place
    expected = date.fromisoformat(story.published) if story.published else None
    assert dating.published == expected


@pytest.fixture(scope="module")
def coded(coder: Coder) -> dict[str, Coded]:
    articles = [Article(id=s.id, text=s.text) for s in STORIES]
    return {c.article.id: c for c in coder.code_articles(articles)}


@pytest.mark.model
@pytest.mark.parametrize("story", STORIES, ids=lambda s: s.id)
def test_wire_story(coded: dict[str, Coded], story: Story, coder: Coder) -> None:
    result = coded[story.id]
    assert result.error is None and result.warnings == ()
    expected = date.fromisoformat(story.published) if story.published else None
    assert result.published == expected
    dating = coder.dating(result.article)
    assert dating.dateline is not None and dating.dateline.place.text == story.place
    line_start, line_end = dating.dateline.span.start, dating.dateline.span.end
    assert result.events, "no event coded"
    for event in result.events:
        for text, start, end in event.spans():
            assert not (start < line_end and line_start < end), f"{text!r} is on the dateline"
    found = {e.date.value.isoformat() if e.date.value else None for e in result.events}
    assert found == set(story.event_dates)
