"""Events of an unknown actor (code ---) and the evidence of modality, through the store, the
exports, dyads and signals: kept and queryable, never merged with a named actor, left out of
dyads and signals unless asked. Hand-built records; no spaCy.

Every sentence here was written for these tests; none comes from an evaluation set.
"""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from dyadwatch.records import (
    UNKNOWN_CODE,
    Actor,
    Article,
    Cameo,
    Event,
    EventDate,
    Evidence,
    Plover,
    Span,
    unknown_actor,
)
from dyadwatch.store.export import export
from dyadwatch.store.store import Store
from dyadwatch.watch.dyads import dyad_series
from dyadwatch.watch.rows import EventRow, load_events
from dyadwatch.watch.selection import ActorSpec
from dyadwatch.watch.signals import detect_signals, dyad_key
from test_dyads import row

DAY = date(2021, 3, 1)
UNNAMED = "In Aleppo, nine civilians were killed on Monday."
NAMED = "Turkey killed nine civilians in Aleppo on Monday."
DENIED = "Ankara denied reports that Turkey had attacked Aleppo."


def _span(text: str, word: str, offset: int = 0) -> Span:
    start = text.index(word) + offset
    return Span(word, start, start + len(word))


def _actor(text: str, word: str, code: str, offset: int = 0) -> Actor:
    span = _span(text, word, offset)
    return Actor(word, span.start, span.end, word, code[:3], code[3:] or None, code,
                 "group" if code[3:] else "state", "test")


def _attack(text: str, offset: int, source: Actor, target: Actor, idx: int, *,
            trigger: str, modality: str = "asserted", cue: Span | None = None,
            speaker: Actor | None = None) -> Event:
    return Event(
        id=f"e{idx}", article_id="a1", sentence=idx, source=source, target=target,
        cameo=Cameo("190", "Use conventional military force", "19", -10.0, 4),
        plover=Plover("ASSAULT"), modality=modality,  # type: ignore[arg-type]
        evidence=Evidence(text, offset, _span(text, trigger, offset), "test", cue, speaker),
        date=EventDate(DAY, "day"),
    )


def _coded() -> tuple[Article, list[Event]]:
    text = f"{UNNAMED} {NAMED} {DENIED}"
    second, third = len(UNNAMED) + 1, len(UNNAMED) + len(NAMED) + 2
    killed = _span(UNNAMED, "killed")
    events = [
        _attack(UNNAMED, 0, unknown_actor(killed.start, "passive without an agent"),
                _actor(UNNAMED, "civilians", "SYRCVL"), 0, trigger="killed"),
        _attack(NAMED, second, _actor(NAMED, "Turkey", "TUR", second),
                _actor(NAMED, "civilians", "SYRCVL", second), 1, trigger="killed"),
        _attack(DENIED, third, _actor(DENIED, "Turkey", "TUR", third),
                _actor(DENIED, "Aleppo", "SYR", third), 2, trigger="attacked", modality="negated",
                cue=_span(DENIED, "denied", third), speaker=_actor(DENIED, "Ankara", "TURGOV", third)),
    ]
    article = Article(id="a1", text=text, source="Wire", date=DAY)
    for event in events:  # the offsets slice the article text
        for word, start, end in event.spans():
            assert text[start:end] == word
    return article, events


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("unknown") / "corpus.duckdb"
    with Store.open(path) as store:
        store.add(*_coded())
    return path


def test_unknown_actor_record() -> None:
    actor = unknown_actor(12, "passive without an agent")
    assert actor.unknown and actor.cameo_code == UNKNOWN_CODE and actor.country is None
    assert actor.start == actor.end == 12 and actor.text == ""
    assert Actor.from_json(actor.to_json()) == actor
    assert not _actor(NAMED, "Turkey", "TUR").unknown


def test_evidence_round_trips_cue_and_speaker() -> None:
    _, events = _coded()
    denied = events[2]
    back = Event.from_json(denied.to_json())
    assert back == denied
    assert back.evidence.modality_cue is not None and back.evidence.modality_cue.text == "denied"
    assert back.evidence.attributed_to is not None and back.evidence.attributed_to.cameo_code == "TURGOV"
    assert json.loads(events[0].to_json())["evidence"]["modality_cue"] is None


def test_store_keeps_unknown_apart_and_queryable(db: Path) -> None:
    with Store.open(db, read_only=True) as store:
        con = store.connection
        events = con.execute(
            "SELECT source_code, target_code, merge_key FROM events ORDER BY source_code").fetchall()
        kinds = con.execute("SELECT kind FROM actors WHERE role = 'source' ORDER BY kind").fetchall()
        cue = con.execute(
            "SELECT modality_cue, modality_cue_start, attributed_code FROM mentions WHERE idx = 2"
        ).fetchone()
        back = store.article_events("a1")
    # the unnamed and the named killing are two events, though same day, target and code
    assert (UNKNOWN_CODE, "SYRCVL", None) in events
    assert any(source == "TUR" and target == "SYRCVL" for source, target, _ in events)
    assert ("unknown",) in kinds
    assert cue is not None and cue[0] == "denied" and cue[2] == "TURGOV"
    text = _coded()[0].text
    assert text[cue[1]:cue[1] + len("denied")] == "denied"
    assert back == _coded()[1]


def test_dyads_leave_out_unknown_unless_asked(db: Path) -> None:
    with Store.open(db, read_only=True) as store:
        default = load_events(store.connection)
        everything = load_events(store.connection, include_unknown=True)
        asked = load_events(store.connection, countries={UNKNOWN_CODE, "SYR"}, include_unknown=True)
    assert UNKNOWN_CODE not in {r.source_code for r in default}
    assert UNKNOWN_CODE in {r.source_code for r in everything}
    assert len(everything) == len(default) + 1
    assert [r.source_code for r in asked] == [UNKNOWN_CODE]
    series = dyad_series(db, UNKNOWN_CODE, "SYR", include_unknown=True)
    assert sum(p.events for p in series.direction("ab")) == 1
    assert sum(p.events for p in dyad_series(db, UNKNOWN_CODE, "SYR").direction("ab")) == 0
    assert ActorSpec.parse("unknown") == ActorSpec.parse(UNKNOWN_CODE)
    spec = ActorSpec.parse("---")
    assert spec.matches(None, None, UNKNOWN_CODE) and not spec.matches("SYR", None, "SYR")
    assert not ActorSpec.parse("SYR").matches(None, None, UNKNOWN_CODE)


def test_signals_leave_out_unknown_unless_asked() -> None:
    def unnamed(day: date) -> EventRow:
        return replace(row(day, source="TUR", target="SYRCVL", plover="ASSAULT"),
                       source_country=None, source_sector=None, source_code=UNKNOWN_CODE)

    assert dyad_key(unnamed(DAY)) is None
    assert dyad_key(unnamed(DAY), include_unknown=True) == (UNKNOWN_CODE, "SYR")
    # one unnamed attack a month, then a burst of them: a signal only when asked for
    rows = [unnamed(DAY + timedelta(days=30 * k)) for k in range(6)]
    rows += [unnamed(DAY + timedelta(days=200 + k)) for k in range(12)]
    assert not detect_signals(rows, min_prior=1)
    found = detect_signals(rows, min_prior=1, include_unknown=True)
    assert found and all(UNKNOWN_CODE in (s.a, s.b) for s in found)


def test_exports_keep_unknown(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    export(db, out, "csv")
    with out.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    assert len(rows) == 2  # the negated report makes no event
    # GDELT leaves an unnamed actor empty; the target is still there
    unnamed = [r for r in rows if r["Actor1Code"] == ""]
    assert len(unnamed) == 1 and unnamed[0]["Actor2Code"] == "SYRCVL"
    native = tmp_path / "mentions.jsonl"
    export(db, native, "jsonl", table="mentions")
    lines = [json.loads(line) for line in native.read_text(encoding="utf-8").splitlines()]
    assert UNKNOWN_CODE in {line["source_code"] for line in lines}
    assert {line["modality_cue"] for line in lines} == {None, "denied"}


def test_dyad_command_with_unknown(db: Path) -> None:
    from click.testing import CliRunner

    from dyadwatch.cli.dyad import dyad

    args = ["UNKNOWN", "SYR", "--db", str(db), "--format", "csv"]
    asked = CliRunner().invoke(dyad, [*args, "--include-unknown"])
    assert asked.exit_code == 0, asked.output
    rows = list(csv.DictReader(asked.stdout.splitlines()))
    assert sum(int(r["events"]) for r in rows if r["direction"] == "ab") == 1
    default = CliRunner().invoke(dyad, args)
    assert default.exit_code == 0
    assert sum(int(r["events"]) for r in csv.DictReader(default.stdout.splitlines())) == 0
