"""Dating at ingest (--date, --date-from), the undated counts and warnings, and dates at the
calendar's ends (no model: the fake coder)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyadwatch.cli.dyad import dyad as dyad_command
from dyadwatch.cli.ingest import ingest as ingest_command
from dyadwatch.cli.report import report as report_command
from dyadwatch.cli.signals import signals as signals_command
from dyadwatch.ingest import date_in_name, ingest
from dyadwatch.records import Article
from dyadwatch.store.store import Store
from dyadwatch.watch.dyads import dyad_series
from dyadwatch.watch.signals import find_signals

from fake_coder import FakeCoder, build_event

FAKE = ["--coder", "fake_coder:FakeCoderFactory", "--quiet"]


def stored_dates(db: Path) -> dict[str, date | None]:
    with Store.open(db, read_only=True) as store:
        rows = store.connection.execute("SELECT id, date FROM articles").fetchall()
    return {row[0]: row[1] for row in rows}


def corpus(folder: Path) -> Path:
    folder.mkdir()
    (folder / "2024-03-14-kyiv.txt").write_text("Russia attacked Ukraine.\n")
    (folder / "kyiv_20240315.txt").write_text("Ukraine criticized Russia.\n")
    (folder / "plain.txt").write_text("France met Germany.\n")
    (folder / "2020-13-45-bad.txt").write_text("Kenya praised Brazil.\n")
    record = {"id": "meta", "text": "China met Japan.", "date": "2019-05-01"}
    (folder / "feed.jsonl").write_text(json.dumps(record) + "\n")
    return folder


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("2024-03-14-kyiv.txt", date(2024, 3, 14)),
        ("wires/kyiv_20240314.txt", date(2024, 3, 14)),
        ("2024.03.14.html", date(2024, 3, 14)),
        ("kyiv.txt", None),
        ("report-123456789.txt", None),  # a long number is no date
    ],
)
def test_date_in_name(name: str, expected: date | None) -> None:
    assert date_in_name(name) == expected


def test_impossible_date_in_name_is_a_message() -> None:
    found = date_in_name("2020-13-45-bad.txt")
    assert isinstance(found, str) and "2020-13-45" in found


def test_date_option_dates_what_metadata_does_not(tmp_path: Path) -> None:
    db = tmp_path / "c.duckdb"
    folder = corpus(tmp_path / "in")
    result = CliRunner().invoke(ingest_command, [str(folder), "--db", str(db), "--date",
                                                 "2024-01-02", *FAKE])
    assert result.exit_code == 0, result.output
    dates = stored_dates(db)
    assert dates["meta"] == date(2019, 5, 1)  # the metadata wins
    assert {dates[k] for k in ("2024-03-14-kyiv", "plain", "kyiv_20240315")} == {date(2024, 1, 2)}


def test_date_from_name_then_date(tmp_path: Path) -> None:
    db = tmp_path / "c.duckdb"
    folder = corpus(tmp_path / "in")
    summary = ingest([folder], db=db, coder=FakeCoder(), date_from="name",
                     date=date(2024, 1, 2))
    dates = stored_dates(db)
    assert dates["2024-03-14-kyiv"] == date(2024, 3, 14)
    assert dates["kyiv_20240315"] == date(2024, 3, 15)
    assert dates["plain"] == date(2024, 1, 2)
    assert dates["2020-13-45-bad"] == date(2024, 1, 2)
    assert dates["meta"] == date(2019, 5, 1)
    [warning] = summary.warnings
    assert warning.where.endswith("2020-13-45-bad.txt") and "2020-13-45" in warning.problem
    assert summary.undated == 0


def test_summary_counts_undated_articles_and_their_mentions(tmp_path: Path) -> None:
    db = tmp_path / "c.duckdb"
    folder = corpus(tmp_path / "in")
    summary = ingest([folder], db=db, coder=FakeCoder())
    # Four .txt files without a date anywhere; the fake coder finds one event in each.
    assert (summary.undated, summary.undated_mentions) == (4, 4)
    result = CliRunner().invoke(ingest_command, [str(folder), "--db", str(tmp_path / "d.duckdb"),
                                                 "--coder", "fake_coder:FakeCoderFactory"])
    assert result.exit_code == 0
    assert "articles with no date" in result.output and "left out of series" in result.output


def test_date_options_are_checked(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "in")
    bad = CliRunner().invoke(ingest_command, [str(folder), "--date", "2020-13-45", *FAKE])
    assert bad.exit_code == 2 and "2020-13-45" in bad.output
    other = CliRunner().invoke(ingest_command, [str(folder), "--date-from", "body", *FAKE])
    assert other.exit_code == 2


def test_dyad_and_signals_warn_of_undated_mentions_and_unseen_actors(tmp_path: Path) -> None:
    db = tmp_path / "c.duckdb"
    folder = corpus(tmp_path / "in")
    ingest([folder], db=db, coder=FakeCoder())
    result = CliRunner().invoke(dyad_command, ["FRA", "DEU", "--db", str(db)])
    assert result.exit_code == 0
    assert "4 mention(s) in the store have no date" in result.stderr
    assert "actor" not in result.stderr
    unseen = CliRunner().invoke(dyad_command, ["FRA", "DZA", "--db", str(db)])
    assert unseen.exit_code == 0
    assert "actor DZA appears in no event" in unseen.stderr
    assert "actor FRA" not in unseen.stderr
    sector = CliRunner().invoke(dyad_command, ["FRAMIL", "DEU", "--db", str(db)])
    assert "actor FRAMIL appears in no event" in sector.stderr  # the fake coder's are GOV
    signals = CliRunner().invoke(signals_command, ["--db", str(db)])
    assert signals.exit_code == 0 and "have no date" in signals.stderr
    out = tmp_path / "r.md"
    report = CliRunner().invoke(report_command, ["FRA", "DZA", "--db", str(db), "--out", str(out)])
    assert report.exit_code == 0 and out.exists()
    assert "have no date" in report.stderr and "actor DZA appears in no event" in report.stderr


def test_no_warning_when_every_mention_is_dated(tmp_path: Path) -> None:
    db = tmp_path / "c.duckdb"
    folder = corpus(tmp_path / "in")
    ingest([folder], db=db, coder=FakeCoder(), date=date(2024, 1, 2))
    result = CliRunner().invoke(dyad_command, ["FRA", "DEU", "--db", str(db)])
    assert result.exit_code == 0 and result.stderr == ""


# -- the calendar's ends ------------------------------------------------------------------------


@pytest.mark.parametrize("window", [3, 10**12])
def test_dates_at_the_calendars_ends_merge_and_count(window: int) -> None:
    with Store.open(":memory:", merge_window_days=window) as store:
        for i, day in enumerate([date(1, 1, 2), date(1, 1, 1), date(9999, 12, 31),
                                 date(9999, 12, 30), date(2020, 1, 1)]):
            article = Article(id=f"a{i}", text=f"France met Germany {i}.", source=f"S{i}",
                              date=day)
            store.add(article, [build_event(article, when=None, precision="unknown")])
        store.remerge()
        counts = store.counts()
        assert counts.mentions == 5
        assert counts.events == (1 if window > 3 else 3)
        for by in ("day", "week", "month"):
            series = dyad_series(store, "FRA", "DEU", by=by, since=date(9999, 12, 1))
            assert sum(r.events for r in series.direction("both")) == (0 if window > 3 else 1)
        # a merged event counts on its first day: 0001-01-01 either way
        series = dyad_series(store, "FRA", "DEU", by="month", until=date(1, 2, 1))
        assert sum(r.events for r in series.direction("both")) == 1
        find_signals(store, by="month", since=date(9999, 1, 1))


def test_a_date_far_ahead_is_not_stored(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    records = [{"id": "far", "text": "France met Germany.", "date": "9999-12-31"},
               {"id": "near", "text": "Kenya praised Brazil.", "date": "2020-01-02"}]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    db = tmp_path / "c.duckdb"
    summary = ingest([path], db=db, coder=FakeCoder())
    assert stored_dates(db) == {"far": None, "near": date(2020, 1, 2)}
    assert summary.undated == 1
