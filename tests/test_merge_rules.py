"""Merge rules for wire copy: actor granularity, dateline places, headlines, references to
earlier events, and the recorded reasons (``explain``), on hand-built Event records."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from dyadwatch.cli import main
from dyadwatch.errors import StoreError
from dyadwatch.query_run import fetch_dicts
from dyadwatch.records import Article, Place
from dyadwatch.store.merge import explain, sectors_agree
from dyadwatch.store.store import Store

from fake_coder import build_event

DAY = date(2024, 3, 5)
CAIRO = Place("Cairo", 360630, "city", "EGY", "11", 30.06, 31.25)
ALEXANDRIA = Place("Alexandria", 361058, "city", "EGY", "06", 31.2, 29.92)
KHARTOUM_DATELINE = dataclasses.replace(
    Place("Khartoum", 379252, "city", "SDN", "29", 15.55, 32.53), from_dateline=True
)


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.open(":memory:", merge_window_days=3) as s:
        yield s


def article(aid: str, text: str, source: str, day: date = DAY) -> Article:
    return Article(id=aid, text=text, source=source, date=day)


def events(store: Store) -> list[dict[str, Any]]:
    return fetch_dicts(store.connection, "SELECT * FROM events ORDER BY first_date, event_id", [])


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ("EGY|||", "EGY|GOV||", True),
        ("EGY||SDN|", "EGY|GOV|SDN|GOV", True),
        ("EGY|GOV|SDN|", "EGY|MIL|SDN|", False),
        ("EGY||SDN|GOV", "EGY||SDN|MIL", False),
        ("EGY||SDN|", "EGY||ETH|", False),
        ("EGY||SDN|", "SDN||EGY|", False),  # directed
        ("EGY|GOV||", "EGY||SDN|", True),  # a report with no target names fewer actors
    ],
)
def test_sectors_agree(a: str, b: str, agree: bool) -> None:
    assert sectors_agree(a, b) is agree
    assert sectors_agree(b, a) is agree


def test_country_and_government_reports_merge_keeping_the_finest_codes(store: Store) -> None:
    a1 = article("a1", "Egypt held talks with Sudan.", "Outlet A")
    a2 = article("a2", "Egyptian officials held talks with Sudanese officials.", "Outlet B")
    store.add(a1, [build_event(a1, source=("EGY", None), target=("SDN", None), when=DAY)])
    store.add(a2, [build_event(a2, source=("EGY", "GOV"), target=("SDN", "GOV"), when=DAY)])
    [event] = events(store)
    assert (event["source_code"], event["target_code"]) == ("EGYGOV", "SDNGOV")
    assert event["merge_key"] == "EGY|GOV|SDN|GOV"
    assert event["n_articles"] == 2


def test_different_sectors_stay_apart(store: Store) -> None:
    a1 = article("a1", "Egyptian troops met Sudanese troops.", "Outlet A")
    a2 = article("a2", "Egyptian officials met Sudanese officials.", "Outlet B")
    store.add(a1, [build_event(a1, source=("EGY", "MIL"), target=("SDN", None), when=DAY)])
    store.add(a2, [build_event(a2, source=("EGY", "GOV"), target=("SDN", None), when=DAY)])
    assert len(events(store)) == 2


def test_a_dateline_place_never_blocks_a_merge(store: Store) -> None:
    a1 = article("a1", "Egypt met Sudan in Cairo.", "Outlet A")
    a2 = article("a2", "KHARTOUM - Egypt met Sudan.", "Outlet B")
    store.add(a1, [build_event(a1, source=("EGY", None), target=("SDN", None), when=DAY,
                               place=CAIRO)])  # fmt: skip
    store.add(a2, [build_event(a2, source=("EGY", None), target=("SDN", None), when=DAY,
                               place=KHARTOUM_DATELINE)])  # fmt: skip
    [event] = events(store)
    assert event["place_name"] == "Cairo"  # the text's place wins over a dateline's
    # Two places the texts themselves give still separate two meetings.
    a3 = article("a3", "Egypt met Sudan in Alexandria.", "Outlet C")
    store.add(a3, [build_event(a3, source=("EGY", None), target=("SDN", None), when=DAY,
                               place=ALEXANDRIA)])  # fmt: skip
    assert len(events(store)) == 2


def test_a_headline_merges_with_the_lead_that_repeats_it(store: Store) -> None:
    text = "Sudan, Egypt hold talks\nEgypt held talks with Sudan in Cairo on Tuesday."
    a = article("a1", text, "Outlet A")
    headline = build_event(a, 0, source=("SDN", None), target=None, when=DAY + date.resolution * 2,
                           precision="week", trigger="hold")  # fmt: skip
    lead = build_event(a, 1, source=("EGY", "GOV"), target=("SDN", None), when=DAY,
                       trigger="held", place=CAIRO)  # fmt: skip
    lead = dataclasses.replace(
        lead, evidence=dataclasses.replace(lead.evidence, sentence_start=text.index("Egypt held"))
    )
    store.add(a, [headline, lead])
    [event] = events(store)
    assert event["n_mentions"] == 2
    reasons = {m["idx"]: m["merge_reason"] for m in store.mentions_frame(article_id="a1")}
    assert reasons[0].startswith("headline: repeats report 1")
    # Without the line break the same first sentence is a lead, not a headline: two events.
    with Store.open(":memory:") as other:
        plain = article("a2", text.replace("\n", ". "), "Outlet A")
        other.add(plain, [dataclasses.replace(headline, article_id="a2"), lead])
        assert len(events(other)) == 2


def test_a_reference_attaches_to_the_stored_earlier_event(store: Store) -> None:
    a1 = article("a1", "The US sanctioned Chinese officials.", "Outlet A", date(2024, 3, 1))
    store.add(a1, [build_event(a1, source=("USA", None), target=("CHN", "GOV"), code="163",
                               plover="SANCTION", when=date(2024, 3, 1))])  # fmt: skip
    a2 = article("a2", "China retaliated for American sanctions on Chinese officials.", "B")
    store.add(a2, [build_event(a2, source=("USA", None), target=("CHN", "GOV"), code="163",
                               plover="SANCTION", modality="historical", when=DAY,
                               precision="week")])  # fmt: skip
    [event] = events(store)
    assert event["n_articles"] == 2 and event["n_asserted"] == 1
    assert event["last_date"] == date(2024, 3, 1)  # a reference moves no date
    [m] = store.mentions_frame(article_id="a2")
    assert m["merge_reason"].startswith("a reference to this earlier event")


def test_a_reference_without_its_event_stays_historical_and_creates_none(store: Store) -> None:
    a = article("a1", "China retaliated for American sanctions.", "B")
    store.add(a, [build_event(a, source=("USA", None), target=("CHN", None), code="163",
                              plover="SANCTION", modality="historical", when=DAY)])  # fmt: skip
    assert events(store) == []
    [m] = store.mentions_frame(article_id="a1")
    assert (m["event_id"], m["modality"]) == (None, "historical")


def test_remerge_keeps_headline_and_reference_decisions(store: Store) -> None:
    test_a_reference_attaches_to_the_stored_earlier_event(store)
    before = {(m["article_id"], m["idx"]): m["event_id"] for m in store.mentions_frame()}
    store.remerge()
    after = {(m["article_id"], m["idx"]): m["event_id"] for m in store.mentions_frame()}
    assert before == after


def test_explain_lists_each_report_and_why(store: Store, tmp_path: Path) -> None:
    a1 = article("a1", "Egypt held talks with Sudan.", "Outlet A")
    a2 = article("a2", "Egyptian officials held talks with Sudanese officials.", "Outlet B")
    store.add(a1, [build_event(a1, source=("EGY", None), target=("SDN", None), when=DAY)])
    store.add(a2, [build_event(a2, source=("EGY", "GOV"), target=("SDN", "GOV"), when=DAY)])
    [event] = events(store)
    ex = explain(store.connection, event["event_id"])
    assert [r.article_id for r in ex.reports] == ["a1", "a2"]
    assert ex.reports[0].reason.startswith("founded the event")
    assert ex.reports[1].reason.startswith("joined: same actors (EGYGOV->SDNGOV agree with")
    assert json.loads(json.dumps(ex.to_dict()))["reports"][1]["source"] == "Outlet B"
    with pytest.raises(StoreError, match="no stored event"):
        explain(store.connection, "ev0000000000000000")


def test_explain_command(tmp_path: Path) -> None:
    db = tmp_path / "c.duckdb"
    with Store.open(db) as store:
        a1 = article("a1", "Egypt held talks with Sudan.", "Outlet A")
        store.add(a1, [build_event(a1, source=("EGY", None), target=("SDN", None), when=DAY)])
        [event] = events(store)
    runner = CliRunner()
    result = runner.invoke(main, ["explain", event["event_id"], "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "Outlet A" in result.output and "why: founded the event" in result.output
    missing = runner.invoke(main, ["explain", "evnothere", "--db", str(db)])
    assert missing.exit_code == 1 and "no stored event" in missing.output


def test_province_names_reach_the_event_and_the_gdelt_export(tmp_path: Path) -> None:
    from dyadwatch.store.export import export

    db = tmp_path / "c.duckdb"
    odesa = Place("Odesa", 698740, "city", "UKR", "17", 46.48, 30.73, admin1_name="Odessa")
    with Store.open(db) as store:
        a = article("a1", "Russia attacked Ukraine in Odesa.", "Outlet A")
        store.add(a, [build_event(a, source=("RUS", None), target=("UKR", None), when=DAY,
                                  code="190", plover="ASSAULT", place=odesa)])  # fmt: skip
        [event] = events(store)
        assert event["place_admin1_name"] == "Odessa"
    out = tmp_path / "events.csv"
    assert export(db, out, "csv") == 1
    header, row = out.read_text(encoding="utf-8").splitlines()
    fields = dict(zip(header.split("\t"), row.split("\t"), strict=True))
    assert fields["ActionGeo_FullName"] == "Odesa, Odessa"
    assert fields["ActionGeo_ADM1Code"] == "UKR17"
