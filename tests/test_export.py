"""export: GDELT 2.0 layout for CSV, our own columns for Parquet and JSON Lines."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from dyadwatch.cli.export import export as export_command
from dyadwatch.errors import InvalidArgument, StoreError
from dyadwatch.records import Actor, Article, Place
from dyadwatch.store.export import GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS, export
from dyadwatch.store.store import Store

from fake_coder import build_event

PARIS = Place("Paris", 2988507, "city", "FRA", "11", 48.85, 2.35)
DAY = date(2020, 9, 25)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "c.duckdb"
    a1 = Article("a1", "Macron met Scholz in Paris.", url="https://one.example/a1", source="One")
    a2 = Article("a2", "Macron met Scholz, said officials.", source="Two", date=DAY)
    a3 = Article("a3", "NATO criticized Russia.", source="Two", date=DAY)
    nato = Actor("NATO", 0, 4, "NATO", "IGONAT", "MIL", "IGONATMIL", "igo", "test")
    with Store.open(path) as store:
        store.add(a1, [build_event(a1, when=DAY, place=PARIS, trigger="met")])
        store.add(a2, [build_event(a2, when=DAY, trigger="met")])
        event = build_event(a3, code="111", plover="DISAPPROVE", when=DAY, target=("RUS", "GOV"))
        store.add(a3, [type(event)(**{**event.__dict__, "source": nato})])
    return path


def read_tsv(path: Path, delimiter: str = "\t") -> list[dict[str, str]]:
    with path.open(newline="") as stream:
        return list(csv.DictReader(stream, delimiter=delimiter))


def test_csv_is_gdelt_event_layout(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    assert export(db, out, "csv") == 2
    header = out.read_text().splitlines()[0].split("\t")
    assert header == list(GDELT_EVENT_COLUMNS)
    assert len(header) == 61
    rows = {row["EventCode"]: row for row in read_tsv(out)}
    meeting, criticism = rows["040"], rows["111"]
    with Store.open(db, read_only=True) as store:
        [merged] = store.events(source="FRA")
    assert meeting["GLOBALEVENTID"] == str(merged["global_id"])
    assert (meeting["SQLDATE"], meeting["MonthYear"], meeting["Year"]) == (
        "20200925",
        "202009",
        "2020",
    )
    assert meeting["FractionDate"].startswith("2020.7")
    assert (meeting["Actor1Code"], meeting["Actor1CountryCode"], meeting["Actor1Type1Code"]) == (
        "FRAGOV",
        "FRA",
        "GOV",
    )
    assert (meeting["Actor2Code"], meeting["Actor2CountryCode"]) == ("DEUGOV", "DEU")
    assert (meeting["EventCode"], meeting["EventBaseCode"], meeting["EventRootCode"]) == (
        "040",
        "040",
        "04",
    )
    assert (meeting["QuadClass"], meeting["GoldsteinScale"]) == ("1", "1.0")
    assert (meeting["NumMentions"], meeting["NumSources"], meeting["NumArticles"]) == (
        "2",
        "2",
        "2",
    )
    assert meeting["AvgTone"] == ""
    assert meeting["Actor1Geo_Type"] == "" and meeting["Actor1Geo_FullName"] == ""
    assert (meeting["ActionGeo_Type"], meeting["ActionGeo_FullName"]) == ("4", "Paris")
    assert (meeting["ActionGeo_Lat"], meeting["ActionGeo_Long"]) == ("48.85", "2.35")
    assert meeting["ActionGeo_FeatureID"] == "2988507"
    assert meeting["ActionGeo_ADM1Code"] == "FRA11"
    assert meeting["IsRootEvent"] == "1"
    assert len(meeting["DATEADDED"]) == 14
    assert meeting["SOURCEURL"] == "https://one.example/a1"
    # an international organisation keeps its CAMEO code; its organisation goes to
    # KnownGroupCode, not CountryCode, and its type IGO before its sector (as in GDELT)
    assert (criticism["Actor1Code"], criticism["Actor1KnownGroupCode"]) == ("IGONATMIL", "NAT")
    assert criticism["Actor1CountryCode"] == ""
    assert (criticism["Actor1Type1Code"], criticism["Actor1Type2Code"]) == ("IGO", "MIL")
    assert (meeting["Actor1Type2Code"], criticism["Actor2Type2Code"]) == ("", "")


def test_csv_options(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    export(db, out, "csv", delimiter=",", header=False)
    lines = out.read_text().splitlines()
    assert len(lines) == 2
    assert len(next(csv.reader(lines[:1]))) == 61


def test_mentions_csv_is_gdelt_mentions_layout(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "mentions.tsv"
    assert export(db, out, "csv", table="mentions") == 3
    rows = read_tsv(out)
    assert list(rows[0]) == list(GDELT_MENTION_COLUMNS)
    [first] = [r for r in rows if r["MentionSourceName"] == "One"]
    assert (first["MentionSourceName"], first["MentionIdentifier"]) == (
        "One",
        "https://one.example/a1",
    )
    assert first["ActionCharOffset"] == str("Macron met Scholz in Paris.".index("met"))
    assert first["SentenceID"] == "1"
    assert first["Confidence"] == "100"


def test_parquet_holds_our_event_columns(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    assert export(db, out, "parquet") == 2
    con = duckdb.connect()
    rows = con.execute(f"SELECT event_id, n_mentions FROM '{out}' ORDER BY n_mentions").fetchall()
    assert [n for _, n in rows] == [1, 2]
    assert not list(tmp_path.glob(".*partial"))


def test_jsonl_one_object_per_line(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "mentions.jsonl"
    assert export(db, out, "jsonl", table="mentions") == 3
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["article_id"] for r in records] == ["a1", "a2", "a3"]
    assert records[0]["trigger_text"] == "met"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"format": "xml"}, "unknown export format"),
        ({"table": "actors"}, "unknown table"),
        ({"delimiter": "::"}, "one character"),
    ],
)
def test_bad_options(db: Path, tmp_path: Path, kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(InvalidArgument, match=message):
        export(db, tmp_path / "x", **kwargs)  # type: ignore[arg-type]


def test_missing_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        export(tmp_path / "absent.duckdb", tmp_path / "x.csv", "csv")


def test_cli_export_infers_format_from_suffix(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    result = CliRunner().invoke(export_command, [str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "wrote 2 events" in result.output
    assert out.read_text().startswith("GLOBALEVENTID\tSQLDATE")
    missing = CliRunner().invoke(export_command, [str(out), "--db", str(tmp_path / "no.duckdb")])
    assert missing.exit_code == 1 and "no such database" in missing.output


def test_cli_export_help_has_an_example() -> None:
    result = CliRunner().invoke(export_command, ["--help"])
    assert "dyadwatch export events.csv" in result.output


def test_civil_society_sector_exports_as_cameo_ngo_type(tmp_path: Path) -> None:
    db = tmp_path / "soc.duckdb"
    article = Article("s1", "Amnesty criticized Egypt.", source="One", date=DAY)
    event = build_event(article, code="111", plover="DISAPPROVE", when=DAY, source=("GBR", "SOC"),
                        target=("EGY", "GOV"))
    with Store.open(db) as store:
        store.add(article, [event])
    out = tmp_path / "events.csv"
    assert export(db, out, "csv", gdelt_strict=True) == 1
    [line] = out.read_text().splitlines()  # GDELT's layout has no header row
    row = dict(zip(GDELT_EVENT_COLUMNS, line.split("\t"), strict=True))
    # with CAMEO's codes, PLOVER's civil-society organisations are its non-governmental ones
    assert (row["Actor1Code"], row["Actor1Type1Code"]) == ("GBRNGO", "NGO")
