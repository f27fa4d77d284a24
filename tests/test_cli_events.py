"""The command line over the query layer: ``events``, ``dyad`` with organisation codes, and
``export`` with filters, refused suffixes, articles, evidence and ``--gdelt-strict``."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from dyadwatch.cli import main
from dyadwatch.store.export import fips_codes

from query_store import build


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(build(tmp_path_factory.mktemp("cli") / "q.duckdb"))


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_dyad_with_organisations(db: str) -> None:
    code, out, _ = run("dyad", "ECOWAS", "MLI", "--db", db, "--format", "json")
    assert code == 0
    rows = json.loads(out)["rows"]
    both = [r for r in rows if r["direction"] == "both"]
    assert sum(r["events"] for r in both) == 2
    code, out, _ = run("dyad", "OSCE", "UKR", "--db", db, "--format", "json")
    assert code == 0 and sum(r["events"] for r in json.loads(out)["rows"]) == 2  # ab + both


def test_dyad_refuses_unknown_codes_and_inverted_ranges(db: str) -> None:
    code, _, err = run("dyad", "USA", "XYZ", "--db", db)
    assert code != 0 and "XYZ" in err
    code, _, err = run(
        "dyad", "USA", "IRQ", "--db", db, "--since", "2024-05-01", "--until", "2024-01-01"
    )
    assert code != 0 and "until" in err


def test_dyad_warns_when_the_store_never_saw_a_code(db: str) -> None:
    code, _, err = run("dyad", "USA", "FJI", "--db", db)
    assert code == 0 and "FJI" in err and "warning" in err


def test_events_formats(db: str, tmp_path: Path) -> None:
    code, out, _ = run("events", "--db", db, "--dyad", "ECOWAS", "MLI", "--format", "jsonl")
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [r["article_id"] for r in lines] == ["e1", "e2"]
    code, out, _ = run("events", "--db", db, "--cameo", "19", "--format", "csv")
    rows = list(csv.DictReader(out.splitlines()))
    assert [r["article_id"] for r in rows] == ["u1", "g1"]
    code, out, _ = run("events", "--db", db, "--format", "geojson", "--limit", "2")
    features = json.loads(out)["features"]
    assert len(features) == 2 and features[0]["geometry"]["coordinates"] == [-8.0, 12.65]
    target = tmp_path / "e.parquet"
    code, _, _ = run(
        "events", "--db", db, "--source", "USA", "--format", "parquet", "--out", str(target)
    )
    assert code == 0
    assert duckdb.sql(f"SELECT article_id FROM '{target}'").fetchall() == [("u1",)]
    code, out, _ = run("events", "--db", db, "--source", "ECOWAS")
    assert code == 0 and "ECOWAS suspended Mali" in out
    code, _, err = run("events", "--db", db, "--source", "FJI")
    assert code == 0 and "FJI" in err
    code, _, err = run("events", "--db", db, "--min-sources", "zero")
    assert code != 0 and "min_sources" in err


@pytest.mark.parametrize("name", ["events.json", "events.xlsx", "events"])
def test_export_refuses_unknown_suffixes(db: str, tmp_path: Path, name: str) -> None:
    code, _, err = run("export", str(tmp_path / name), "--db", db)
    assert code != 0 and "suffix" in err
    assert not (tmp_path / name).exists()


def test_export_events_with_evidence_and_filters(db: str, tmp_path: Path) -> None:
    out = tmp_path / "e.jsonl"
    code, _, _ = run("export", str(out), "--db", db, "--dyad", "ECOWAS", "MLI")
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert code == 0 and [r["root_article_id"] for r in rows] == ["e1", "e2"]
    assert rows[0]["evidence_sentence"] == "ECOWAS suspended Mali after the coup."
    assert (rows[0]["url"], rows[0]["title"], rows[0]["outlet"]) == (
        "https://news.example/e1",
        "Title e1",
        "Wire",
    )
    articles = tmp_path / "a.parquet"
    code, _, _ = run("export", str(articles), "--db", db, "--table", "articles", "--source", "USA")
    ids = duckdb.sql(f"SELECT id FROM '{articles}' ORDER BY id").fetchall()
    assert code == 0 and ids == [("u1",), ("u2",)]


def test_gdelt_strict(db: str, tmp_path: Path) -> None:
    out = tmp_path / "g.csv"
    code, _, err = run("export", str(out), "--db", db, "--gdelt-strict")
    assert code == 0 and "1 undated" in err
    rows = list(csv.reader(out.open(newline=""), delimiter="\t"))
    assert all(len(r) == 61 for r in rows)
    assert rows[0][0] != "GLOBALEVENTID"  # no header
    assert all(r[1] for r in rows)  # every row dated
    by_place = {r[52]: r for r in rows if r[52]}
    assert by_place["Bamako"][53] == "ML" and by_place["Bamako"][54] == "ML08"
    assert by_place["Kyiv"][53] == "UP"
    groups = {r[4 + 1]: r[8] for r in rows if r[8]}  # Actor1Code -> Actor1KnownGroupCode
    assert groups == {"WAS": "WAS", "SCE": "SCE", "UNO": "UNO"}  # the UNSC: its parent's code
    ecowas = next(r for r in rows if r[6].startswith("IGOWAS"))
    assert (ecowas[5], ecowas[7], ecowas[8]) == ("WAS", "", "WAS")  # no country code
    usa = next(r for r in rows if r[7] == "USA")
    assert (usa[5], usa[12]) == ("USAMIL", "MIL")


def test_fips_table_is_well_formed() -> None:
    codes = fips_codes()
    assert len(codes) > 240
    assert len(set(codes.values())) == len(codes)
    assert (codes["DEU"], codes["GBR"], codes["MLI"], codes["AUS"]) == ("GM", "UK", "ML", "AS")
