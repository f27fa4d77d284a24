"""The command line under hostile conditions: a damaged store, odd inputs; never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyadwatch.cli import main


def _ingest(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["ingest", *args, "--coder", "fake_coder:FakeCoderFactory"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def test_a_truncated_store_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "a", "text": "France met Germany."}))
    assert _ingest([str(tmp_path / "a.jsonl"), "--db", str(db), "-q"])[0] == 0
    with db.open("r+b") as fh:
        fh.truncate(db.stat().st_size // 2)
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "b", "text": "Japan met China."}))
    code, output = _ingest([str(tmp_path / "b.jsonl"), "--db", str(db), "-q"])
    assert code == 1
    assert "may be damaged" in output and "Traceback" not in output
    signals = CliRunner().invoke(main, ["signals", "--db", str(db)])
    assert signals.exit_code == 1 and "Traceback" not in signals.output


def test_missing_inputs_fail_the_run(tmp_path: Path) -> None:
    code, output = _ingest([str(tmp_path / "nothing.txt"), "--db", str(tmp_path / "s.duckdb")])
    assert code == 1
    assert "no such file or folder" in output


def test_code_prints_markup_and_escapes_from_data_as_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dyadwatch.coder

    from fake_coder import FakeCoder

    monkeypatch.setattr(dyadwatch.coder, "Coder", lambda settings: FakeCoder())
    record = {"id": "[link=https://evil.example]x[/link]", "text": "France met Germany. [/x] \x1b[2J"}
    (tmp_path / "r.jsonl").write_text(json.dumps(record))
    result = CliRunner().invoke(main, ["code", str(tmp_path / "r.jsonl"), "--all-modalities"])
    assert result.exit_code == 0, result.output
    assert "[link=https://evil.example]x[/link]" in result.output
    assert "\x1b" not in result.output
    bad = CliRunner().invoke(main, ["code", str(tmp_path / "missing.txt")])
    assert bad.exit_code == 1
