"""Dyad series: the flat event table read from a real store, periods, directions and the CLI.

The helpers at the top (``row``, ``article_with``, ``store_with``) build event tables by hand;
test_signals.py and test_reports.py import them.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from dyadwatch.cli.dyad import dyad as dyad_command
from dyadwatch.errors import InvalidArgument
from dyadwatch.records import Actor, Article, Cameo, Event, EventDate, Evidence, Plover, Span
from dyadwatch.store.store import Store
from dyadwatch.watch.dyads import build_series, dyad_series, plover_scores
from dyadwatch.watch.periods import period_label, period_range, period_start
from dyadwatch.watch.rows import EventRow, load_events
from dyadwatch.watch.selection import ActorSpec, igo_root

# -- hand-built rows ----------------------------------------------------------------------------

QUAD = {"CONSULT": 1, "COOPERATE": 2, "ACCUSE": 3, "ASSAULT": 4, "AID": 2, "THREATEN": 3}
GOLD = {
    "CONSULT": 1.0,
    "COOPERATE": 6.0,
    "ACCUSE": -2.0,
    "ASSAULT": -10.0,
    "AID": 7.0,
    "THREATEN": -4.0,
}
_counter = [0]


def row(
    day: date,
    source: str = "USA",
    target: str = "DZA",
    plover: str = "CONSULT",
    contexts: Sequence[str] = (),
    mentions: int = 1,
    article: str | None = None,
    outlet: str = "Wire",
    goldstein: float | None = None,
) -> EventRow:
    """An event row; ``source``/``target`` are CAMEO actor codes (``USAMIL``)."""
    _counter[0] += 1
    key = f"ev{_counter[0]:05d}"
    sentence = f"{source} met {target} today."
    art = article or f"art{_counter[0]:05d}"
    return EventRow(
        key=key,
        event_id=key,
        mention_id=key,
        date=day,
        source_country=source[:3],
        source_sector=source[3:] or None,
        source_code=source,
        source_name=source,
        target_country=target[:3],
        target_sector=target[3:] or None,
        target_code=target,
        target_name=target,
        cameo_code="040",
        cameo_name="Consult",
        cameo_root="04",
        quad_class=QUAD[plover],
        goldstein=GOLD[plover] if goldstein is None else goldstein,
        plover_type=plover,
        plover_mode=None,
        plover_contexts=tuple(contexts),
        modality="asserted",
        n_mentions=mentions,
        n_articles=mentions,
        n_sources=1,
        article_id=art,
        outlet=outlet,
        title=f"Title of {art}",
        url=f"https://example.org/{art}",
        sentence=sentence,
        sentence_start=100,
        trigger_text="met",
        trigger_start=100 + len(source) + 1,
        trigger_end=100 + len(source) + 4,
        source_span=(100, 100 + len(source)),
        target_span=(100 + len(source) + 5, 100 + len(source) + 5 + len(target)),
        article_ids=(art,),
        outlets=(outlet,),
    )


def _actor(code: str, text: str, start: int) -> Actor:
    return Actor(
        text, start, start + len(text), text, code[:3], code[3:] or None, code, "state", "test"
    )


def article_with(
    art_id: str,
    day: date,
    outlet: str,
    items: Sequence[tuple[str, str, str, str, str]],
) -> tuple[Article, list[Event]]:
    """An article of one sentence per item (source code, source text, verb, target code, target
    text) and its coded events; the verb decides the code: met (040), attacked (190), and a
    sentence with "reportedly" is hedged."""
    codes = {
        "met": ("040", "04", 1.0, 1, "CONSULT"),
        "attacked": ("190", "19", -10.0, 4, "ASSAULT"),
        "trained": ("062", "06", 6.0, 2, "COOPERATE"),
    }
    text, events = "", []
    for i, (src, src_text, verb, tgt, tgt_text) in enumerate(items):
        hedged = verb.startswith("reportedly ")
        word = verb.removeprefix("reportedly ")
        start = len(text)
        sentence = f"{src_text} {verb} {tgt_text} on Monday."
        text += sentence + " "
        trig = start + sentence.index(word)
        code, root, gold, quad, ptype = codes[word]
        contexts = ("military",) if "MIL" in (src[3:], tgt[3:]) else ()
        events.append(
            Event(
                id=f"{art_id}-{i}",
                article_id=art_id,
                sentence=i,
                source=_actor(src, src_text, start),
                target=_actor(tgt, tgt_text, start + sentence.index(tgt_text)),
                cameo=Cameo(code, f"name {code}", root, gold, quad),
                plover=Plover(ptype, None, contexts),
                modality="hedged" if hedged else "asserted",
                evidence=Evidence(sentence, start, Span(word, trig, trig + len(word)), "test"),
                date=EventDate(day, "day"),
            )
        )
    article = Article(
        id=art_id,
        text=text.strip(),
        title=f"Title {art_id}",
        url=f"https://example.org/{art_id}",
        source=outlet,
        date=day,
    )
    return article, events


def store_with(path: Path, articles: Sequence[tuple[Article, list[Event]]]) -> Path:
    with Store.open(path, merge_window_days=3) as store:
        for article, events in articles:
            store.add(article, events)
    return path


@pytest.fixture(scope="module")
def small_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two outlets report one meeting; a hedged attack; a later meeting the other way."""
    return store_with(
        tmp_path_factory.mktemp("db") / "small.duckdb",
        [
            article_with(
                "a1",
                date(2020, 1, 6),
                "Wire",
                [
                    ("USAMIL", "General Townsend", "met", "DZAGOV", "President Tebboune"),
                    ("DZA", "Algeria", "reportedly attacked", "MLI", "Mali"),
                ],
            ),
            article_with(
                "a2",
                date(2020, 1, 7),
                "Courier",
                [
                    ("USAMIL", "The AFRICOM chief", "met", "DZAGOV", "the Algerian president"),
                ],
            ),
            article_with(
                "a3",
                date(2020, 3, 2),
                "Courier",
                [
                    ("DZAGOV", "Tebboune", "met", "USA", "Washington"),
                ],
            ),
        ],
    )


# -- the seam -----------------------------------------------------------------------------------


def test_load_events_merges_reports_and_keeps_asserted_only(small_db: Path) -> None:
    with Store.open(small_db, read_only=True) as store:
        rows = load_events(store.connection)
        mentions = load_events(store.connection, unit="mention")
        everything = load_events(store.connection, all_modalities=True, unit="mention")
        march = load_events(store.connection, since=date(2020, 2, 1))
        dza_mli = load_events(store.connection, countries={"DZA", "MLI"}, all_modalities=True)
    assert len(rows) == 2  # one merged meeting (two reports) and the March meeting
    meeting = rows[0]
    assert (meeting.n_mentions, meeting.n_articles, meeting.n_sources) == (2, 2, 2)
    assert meeting.article_ids == ("a1", "a2") and meeting.outlets == ("Courier", "Wire")
    assert meeting.source_code == "USAMIL" and meeting.target_code == "DZAGOV"
    assert meeting.plover_contexts == ("military",)
    assert meeting.title == "Title a1" and meeting.outlet == "Wire"
    # Offsets index the article text, like the coded Event's.
    text = "General Townsend met President Tebboune on Monday."
    assert meeting.sentence == text and meeting.trigger_text == "met"
    assert meeting.source_span == (0, len("General Townsend"))
    assert len(mentions) == 3 and {m.modality for m in mentions} == {"asserted"}
    assert len(everything) == 4
    assert [r.date for r in march] == [date(2020, 3, 2)]
    assert [r.plover_type for r in dza_mli] == ["ASSAULT"] and dza_mli[0].modality == "hedged"


# -- periods and actors -------------------------------------------------------------------------


def test_periods() -> None:
    assert period_start(date(2020, 9, 25), "week") == date(2020, 9, 21)  # a Monday
    assert period_start(date(2020, 9, 25), "month") == date(2020, 9, 1)
    assert period_label(date(2020, 9, 21), "week") == "2020-W39"
    assert period_range(date(2019, 11, 20), date(2020, 2, 3), "month") == [
        date(2019, 11, 1),
        date(2019, 12, 1),
        date(2020, 1, 1),
        date(2020, 2, 1),
    ]
    assert len(period_range(date(2020, 1, 1), date(2020, 1, 31), "day")) == 31


def test_actor_spec() -> None:
    mil = ActorSpec.parse("usamil")
    assert (mil.country, mil.sector) == ("USA", "MIL")
    assert mil.matches("USA", "MIL", "USAMIL") and not mil.matches("USA", "GOV", "USAGOV")
    assert ActorSpec.parse("DZA").matches("DZA", "GOV", "DZAGOV")
    with pytest.raises(InvalidArgument):
        ActorSpec.parse("Algeria!")


def test_igo_actor_spec_covers_its_bodies() -> None:
    un = ActorSpec.parse("igouno")
    assert (un.country, un.sector, un.is_igo) == ("IGOUNO", None, True)
    assert un.matches("IGOUNO", None, "IGOUNO") and un.matches("IGOUNOHCR", "REF", "IGOUNOHCRREF")
    assert not un.matches("UNO", None, "UNO") and not un.matches("IGOEEC", None, "IGOEEC")
    assert {"IGOUNO", "IGOUNOUNSC", "IGOUNOMINUSMA"} <= un.covered()
    assert ActorSpec.parse("XKX").covered() == {"XKX"}  # Kosovo, no ISO code
    assert igo_root("IGOUNOMINUSMA") == "IGOUNO" and igo_root("MLI") == "MLI"


def test_series_of_an_igo_counts_its_agencies() -> None:
    rows = [
        replace(row(date(2020, 1, 3), "MLI", "DZA"), source_country="IGOUNO", source_code="IGOUNO"),
        replace(row(date(2020, 1, 4), "MLI", "DZA"), source_country="IGOUNOHCR", source_code="IGOUNOHCR"),
        replace(row(date(2020, 1, 5), "MLI", "DZA"), source_country="IGOEEC", source_code="IGOEEC"),
    ]
    series = build_series(rows, "IGOUNO", "DZA", by="month")
    assert sum(r.events for r in series.direction("both")) == 2


# -- series -------------------------------------------------------------------------------------


def test_directed_and_undirected_counts() -> None:
    rows = [
        row(
            date(2020, 1, 3),
            "USAMIL",
            "DZAGOV",
            "COOPERATE",
            ("military",),
            article="x1",
            outlet="A",
        ),
        row(date(2020, 1, 9), "USAGOV", "DZA", "CONSULT", article="x2", outlet="B"),
        row(date(2020, 1, 20), "DZA", "USA", "ACCUSE", article="x2", outlet="B"),
        row(date(2020, 3, 1), "DZA", "USA", "CONSULT", article="x3", outlet="A"),
        row(date(2020, 3, 2), "FRA", "DZA", "ASSAULT"),  # another dyad
    ]
    series = build_series(rows, "USA", "DZA", by="month")
    jan = {r.direction: r for r in series.rows if r.period == "2020-01"}
    assert (jan["ab"].events, jan["ba"].events, jan["both"].events) == (2, 1, 3)
    assert (jan["both"].quad1, jan["both"].quad2, jan["both"].quad3) == (1, 1, 1)
    assert jan["both"].goldstein_total == pytest.approx(6.0 + 1.0 - 2.0)
    assert jan["ab"].goldstein_mean == pytest.approx(3.5)
    scores = plover_scores()
    assert jan["both"].plover_score_total == pytest.approx(
        scores["COOPERATE"] + scores["CONSULT"] + scores["ACCUSE"]
    )
    assert dict(jan["both"].plover_counts) == {"ACCUSE": 1, "CONSULT": 1, "COOPERATE": 1}
    assert (jan["both"].articles, jan["both"].sources) == (2, 2)
    feb = {r.direction: r for r in series.rows if r.period == "2020-02"}
    assert feb["both"].events == 0 and feb["both"].goldstein_mean is None  # quiet months stay
    assert [r.period for r in series.direction("both")] == ["2020-01", "2020-02", "2020-03"]
    assert len(series.events) == 4
    # The military sector and the military context narrow it to one event.
    assert sum(r.events for r in build_series(rows, "USAMIL", "DZA").direction("both")) == 1
    military = build_series(rows, "USA", "DZA", context="military")
    assert [e.plover_type for e in military.events] == ["COOPERATE"]
    # The reverse dyad swaps the directions.
    rev = build_series(rows, "DZA", "USA")
    assert sum(r.events for r in rev.direction("ab")) == 2


def test_series_errors() -> None:
    with pytest.raises(InvalidArgument, match="context"):
        build_series([], "USA", "DZA", context="militry")
    with pytest.raises(InvalidArgument, match="differ"):
        build_series([], "USA", "usa")
    with pytest.raises(InvalidArgument, match="period"):
        build_series([], "USA", "DZA", by="year")


def test_records_and_pandas(small_db: Path) -> None:
    series = dyad_series(small_db, "USA", "DZA", by="month")
    records = series.to_records()
    assert [(r["period"], r["dyad"], r["events"]) for r in records if r["events"]] == [
        ("2020-01", "USA->DZA", 1),
        ("2020-01", "USA<->DZA", 1),
        ("2020-03", "DZA->USA", 1),
        ("2020-03", "USA<->DZA", 1),
    ]
    assert records[0]["mentions"] == 2 and records[0]["sources"] == 2
    assert {f"plover_{t}" for t in plover_scores()} <= set(records[0])
    assert len({tuple(r) for r in records}) == 1  # every record has the same columns
    import pandas as pd
    frame = series.to_pandas()
    assert isinstance(frame, pd.DataFrame) and len(frame) == len(records)


def test_series_bounds_and_all_modalities(small_db: Path) -> None:
    bounded = dyad_series(small_db, "DZA", "MLI", since=date(2020, 1, 1), until=date(2020, 1, 31))
    assert sum(r.events for r in bounded.rows) == 0
    hedged = dyad_series(small_db, "DZA", "MLI", all_modalities=True, by="week")
    assert [r.events for r in hedged.direction("ab")] == [1]


# -- CLI ----------------------------------------------------------------------------------------


def _run(args: list[str]) -> Any:
    result = CliRunner().invoke(dyad_command, args)
    return result


def test_cli_formats(small_db: Path, tmp_path: Path) -> None:
    out = _run(["USA", "DZA", "--db", str(small_db), "--format", "csv"])
    assert out.exit_code == 0, out.output
    table = list(csv.DictReader(io.StringIO(out.output)))
    assert len(table) == 9 and table[2]["dyad"] == "USA<->DZA" and table[2]["mentions"] == "2"
    out = _run(["USA", "DZA", "--db", str(small_db), "--format", "json", "--context", "military"])
    payload = json.loads(out.output)
    assert payload["contexts"] == ["military"] and len(payload["rows"]) == 3
    plot = tmp_path / "plot.png"
    out = _run(["USA", "DZA", "--db", str(small_db), "--plot", str(plot)])
    assert out.exit_code == 0, out.output
    assert "2020-01" in out.output and "USA<->DZA" in out.output
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_cli_dates(small_db: Path) -> None:
    args = ["USA", "DZA", "--db", str(small_db), "--format", "json"]
    out = _run([*args, "--since", "2020-01-01", "--until", "2020-01-31"])
    assert out.exit_code == 0, out.output
    payload = json.loads(out.output)
    assert (payload["since"], payload["until"]) == ("2020-01-01", "2020-01-31")
    out = _run([*args, "--since", "2020-13-01"])
    assert out.exit_code == 2 and "'--since'" in out.output


def test_cli_errors(small_db: Path, tmp_path: Path) -> None:
    out = _run(["USA", "DZA", "--db", str(small_db), "--context", "nonsense"])
    assert out.exit_code == 1 and "unknown PLOVER context" in out.output
    out = _run(["USA", "DZA", "--db", str(tmp_path / "missing.duckdb")])
    assert out.exit_code == 1 and "no such database" in out.output
    assert "Example" in _run(["--help"]).output


def test_row_helper_is_consistent() -> None:
    r = row(date(2020, 1, 1), "USAMIL", "DZA")
    assert (
        r.sentence[r.trigger_start - r.sentence_start : r.trigger_end - r.sentence_start] == "met"
    )
    assert replace(r, n_mentions=3).n_mentions == 3
