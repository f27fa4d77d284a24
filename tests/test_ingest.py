"""ingest: reading, coding (fake coder), storing, idempotency, errors, summary, CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from dyadwatch.cli.ingest import IngestProgress
from dyadwatch.cli.ingest import ingest as ingest_command
from dyadwatch.ingest import IngestSummary, ingest, summary_table
from dyadwatch.records import Article
from dyadwatch.store.store import Store

from fake_coder import FakeCoder, FakeCoderFactory

SENTENCES = [
    "France met Germany in Paris on 2020-09-{d:02d}.",
    "Russia attacked Ukraine on 2020-09-{d:02d}.",
    "China reportedly criticized Japan on 2020-09-{d:02d}.",
    "Kenya praised Brazil.",
]


def write_corpus(folder: Path, n: int = 20, *, bad: bool = True) -> Path:
    """``n`` articles as JSON lines (with a bad line), a .txt file and a .json file."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    for i in range(n):
        text = " ".join(s.format(d=1 + (i * 3) % 10) for s in SENTENCES[: 1 + i % 4])
        record = {"id": f"j{i}", "text": text, "source": f"S{i % 4}", "date": "2020-09-15"}
        lines.append(json.dumps(record))
        if bad and i == 3:
            lines.append("{not json")
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n")
    (folder / "note.txt").write_text("Japan met China on 2020-09-02.\n")
    (folder / "one.json").write_text(json.dumps({"id": "o1", "text": "Kenya met Brazil."}))
    return folder


def dump(db: Path) -> tuple[list[Any], ...]:
    with Store.open(db, read_only=True) as store:
        con = store.connection
        return (
            con.execute("SELECT * EXCLUDE (coded_at) FROM articles ORDER BY id").fetchall(),
            con.execute("SELECT * FROM mentions ORDER BY article_id, idx").fetchall(),
            con.execute("SELECT * FROM actors ORDER BY ALL").fetchall(),
            con.execute("SELECT * EXCLUDE (added_at) FROM events ORDER BY event_id").fetchall(),
        )


def test_ingest_counts_and_errors(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in")
    summary = ingest([corpus], db=tmp_path / "c.duckdb", coder=FakeCoder())
    assert isinstance(summary, IngestSummary)
    assert (summary.seen, summary.new, summary.changed, summary.unchanged) == (22, 22, 0, 0)
    assert summary.failed == 0
    [error] = summary.errors
    assert error.where == f"{corpus / 'feed.jsonl'}:5"
    assert "malformed JSON" in error.problem
    with Store.open(tmp_path / "c.duckdb", read_only=True) as store:
        counts = store.counts()
        assert store.article_ids()[:3] == ["j0", "j1", "j10"]
    assert summary.mentions == counts.mentions > 0
    assert summary.events == counts.events
    assert 0 < summary.merged_events == counts.merged_events


def test_second_run_changes_nothing(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in")
    db = tmp_path / "c.duckdb"
    ingest([corpus], db=db, coder=FakeCoder())
    before = dump(db)
    again = ingest([corpus], db=db, coder=FakeCoderFactory())
    assert (again.new, again.changed, again.unchanged, again.mentions) == (0, 0, 22, 0)
    assert dump(db) == before


def test_changed_article_is_recoded(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in")
    db = tmp_path / "c.duckdb"
    ingest([corpus], db=db, coder=FakeCoder())
    (corpus / "note.txt").write_text("Japan attacked China on 2020-09-02.\n")
    summary = ingest([corpus], db=db, coder=FakeCoder())
    assert (summary.new, summary.changed, summary.unchanged) == (0, 1, 21)
    with Store.open(db, read_only=True) as store:
        [event] = store.article_events("note")
    assert event.cameo.code == "190"


def test_coding_failures_are_reported_not_stored(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("France met Germany.")
    (folder / "b.txt").write_text("FAILCODE France met Germany.")
    (folder / "c.txt").write_text("CRASHCODE Russia attacked Ukraine.")
    db = tmp_path / "c.duckdb"
    summary = ingest([folder], db=db, coder=FakeCoder())
    assert (summary.new, summary.failed) == (1, 2)
    problems = {Path(p.where).name: p.problem for p in summary.errors}
    assert problems["b.txt"] == "the fake coder refused this text"
    assert "the fake coder crashed" in problems["c.txt"]
    # failed articles are not stored, so the next run tries them again
    again = ingest([folder], db=db, coder=FakeCoder())
    assert (again.unchanged, again.failed) == (1, 2)


def test_duplicate_ids_in_one_run(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    rows = [
        {"id": "x", "text": "France met Germany."},
        {"id": "x", "text": "France met Germany."},
        {"id": "x", "text": "France praised Germany."},
    ]
    (folder / "d.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    db = tmp_path / "c.duckdb"
    summary = ingest([folder], db=db, coder=FakeCoder(), )
    # the last record of an id wins, and each replaced record is reported, never dropped silently
    assert (summary.seen, summary.new, summary.changed, summary.unchanged) == (1, 1, 0, 0)
    assert [e.where for e in summary.errors] == [f"{folder / 'd.jsonl'}:2", f"{folder / 'd.jsonl'}:3"]
    assert all("duplicate id 'x'" in e.problem for e in summary.errors)
    assert summary.mentions == 1
    with Store.open(db, read_only=True) as store:
        assert [e.cameo.code for e in store.article_events("x")] == ["051"]
    again = ingest([folder], db=db, coder=FakeCoder(), )
    assert (again.seen, again.new, again.unchanged) == (1, 0, 1)


def test_memory_budget_falls_back_to_reading_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = write_corpus(tmp_path / "in")
    reference = ingest([corpus], db=tmp_path / "a.duckdb", coder=FakeCoder())
    monkeypatch.setattr("dyadwatch.ingest.MEMORY_BUDGET", 10)
    reread = ingest([corpus], db=tmp_path / "b.duckdb", coder=FakeCoder())
    assert reread.new == reference.new
    assert dump(tmp_path / "a.duckdb") == dump(tmp_path / "b.duckdb")


def test_stdin_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    data = json.dumps({"id": "s1", "text": "France met Germany."}) + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    monkeypatch.setattr("dyadwatch.ingest.MEMORY_BUDGET", 0)
    (tmp_path / "a.txt").write_text("Russia attacked Ukraine.")
    summary = ingest(
        ["-", tmp_path / "a.txt"], db=tmp_path / "c.duckdb", coder=FakeCoder()
    )
    assert summary.new == 2
    with Store.open(tmp_path / "c.duckdb", read_only=True) as store:
        assert store.article_ids() == ["a", "s1"]


def test_small_chunks_give_the_same_store(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in")
    ingest([corpus], db=tmp_path / "a.duckdb", coder=FakeCoder())
    ingest([corpus], db=tmp_path / "b.duckdb", coder=FakeCoder(), chunk_size=3)
    assert dump(tmp_path / "a.duckdb") == dump(tmp_path / "b.duckdb")


def test_progress_and_summary_render(tmp_path: Path) -> None:
    from rich.console import Console

    corpus = write_corpus(tmp_path / "in", n=4)
    console = Console(record=True, width=100)
    calls: list[tuple[int, int]] = []
    with IngestProgress(console) as progress:

        def on_chunk(done: int, total: int) -> None:
            calls.append((done, total))
            progress.chunk(done, total)

        summary = ingest(
            [corpus], db=tmp_path / "c.duckdb", coder=FakeCoder(), chunk_size=4,
            on_read=progress.read, on_chunk=on_chunk,
        )  # fmt: skip
    console.print(summary_table(summary))
    text = console.export_text()
    assert "articles/s" in text and "coding" in text
    assert "articles read" in text and "feed.jsonl:5" in text
    coded = summary.coded
    assert calls[0] == (0, coded) and calls[-1] == (coded, coded)  # the total first, then chunks
    assert [done for done, _ in calls] == sorted({*range(0, coded, 4), coded})


def test_ingest_draws_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ingest([write_corpus(tmp_path / "in", n=4)], db=tmp_path / "c.duckdb", coder=FakeCoder())
    assert capsys.readouterr() == ("", "")


def test_cli_ingest(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in", n=5)
    db = tmp_path / "c.duckdb"
    args = [str(corpus), "--db", str(db), "--coder", "fake_coder:FakeCoderFactory"]
    result = CliRunner().invoke(ingest_command, args)
    assert result.exit_code == 1, result.output  # the corpus holds one malformed line
    assert "events in store" in result.output and "malformed JSON" in result.output
    with Store.open(db, read_only=True) as store:
        assert len(store.article_ids()) == 7
    good = write_corpus(tmp_path / "good", n=5, bad=False)
    args = [str(good), "--db", str(db), "--coder", "fake_coder:FakeCoderFactory"]
    assert CliRunner().invoke(ingest_command, args).exit_code == 0
    quiet = CliRunner().invoke(ingest_command, [*args, "--quiet", "--remerge"])
    assert quiet.exit_code == 0 and quiet.output == ""


def test_cli_ingest_help_has_an_example() -> None:
    result = CliRunner().invoke(ingest_command, ["--help"])
    assert result.exit_code == 0
    assert "dyadwatch ingest news/" in result.output


def test_cli_ingest_reports_errors_as_messages(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("France met Germany.")
    args = [str(tmp_path / "a.txt"), "--db", str(tmp_path / "no" / "c.duckdb")]
    result = CliRunner().invoke(ingest_command, [*args, "--coder", "fake_coder:FakeCoder"])
    assert result.exit_code == 1
    assert "does not exist" in result.output
    bad = CliRunner().invoke(ingest_command, [str(tmp_path), "--coder", "nope:Nothing"])
    assert bad.exit_code == 1 and "--coder: 'nope:Nothing'" in bad.output


def test_article_records_survive(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(
        json.dumps(
            {"id": "k", "text": "France met Germany.", "title": "T", "url": "u", "source": "S"}
        )
    )
    ingest([tmp_path / "a.json"], db=tmp_path / "c.duckdb", coder=FakeCoder())
    with Store.open(tmp_path / "c.duckdb", read_only=True) as store:
        assert store.article("k") == Article(
            id="k", text="France met Germany.", title="T", url="u", source="S"
        )


def test_progress_rate_is_the_run_average() -> None:
    """The bar's rate is articles coded per second since the run started, as in the summary."""
    import time

    from rich.progress import Progress

    from dyadwatch.cli.ingest import _rate_column

    column = _rate_column(time.monotonic() - 10.0)
    with Progress(column, auto_refresh=False) as bar:
        task = bar.add_task("coding", total=100)
        bar.update(task, completed=50)
        rendered = column.render(bar.tasks[0]).plain
    assert rendered.endswith("articles/s") and 4.5 <= float(rendered.split()[0]) <= 5.0
