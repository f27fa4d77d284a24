"""Wire stories coded end to end (the model): publication date, dateline place and event dates
of every story in wire_stories.py, and no actor or trigger on the dateline."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dyadwatch.coder import Coded, Coder
from dyadwatch.read.dateline import read_dating
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


@pytest.mark.model
def test_ingest_dates_txt_from_its_dateline(tmp_path: Path, coder: Coder) -> None:
    from dyadwatch.ingest import ingest
    from dyadwatch.store.store import Store

    folder = tmp_path / "wires"
    folder.mkdir()
    (folder / "kyiv.txt").write_text(STORIES[0].text + "\n")
    (folder / "bad.txt").write_text(
        "KYIV, March 45, 2024 (Reuters) - Russian forces shelled Kharkiv on Tuesday.\n"
    )
    db = tmp_path / "c.duckdb"
    summary = ingest([folder], db=db, coder=coder)
    with Store.open(db, read_only=True) as store:
        dates = dict(store.connection.execute("SELECT id, date FROM articles").fetchall())
    assert dates == {"kyiv": date(2024, 3, 14), "bad": None}
    assert (summary.undated, summary.undated_mentions) == (1, 1)
    [warning] = summary.warnings
    assert warning.where == "bad" and "March 45, 2024" in warning.problem


@pytest.mark.model
def test_code_prints_date_warnings_and_codes_the_article(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from dyadwatch.cli.code import code

    path = tmp_path / "wire.txt"
    path.write_text("KYIV, March 14, 2099 (Reuters) - Russian forces shelled Kharkiv.\n")
    result = CliRunner().invoke(code, [str(path), "--format", "json"])
    assert result.exit_code == 0
    assert "warning: wire: dateline date 'March 14, 2099' is more than a year ahead" in result.stderr
    [record] = json.loads(result.stdout)
    assert record["events"] and all(e["date"]["value"] is None for e in record["events"])
