"""Random text, ids, titles and file names through code, ingest, dyad, signals and export: no
traceback, no markup interpreted, no escape sequence reaching the terminal."""

from __future__ import annotations

import json
import string
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyadwatch.cli import main

pytestmark = pytest.mark.slow

HOSTILE = ["[/x]", "[link=https://evil.example]x[/link]", "[bold]", "\x1b[2J", "\x1b]8;;x\x07",
           "\x9b31m", ":smile:", "\u202e", "\r", "%s", "{0}", "'; DROP TABLE events; --"]  # fmt: skip
pieces = st.one_of(st.sampled_from(HOSTILE), st.text(min_size=1, max_size=8))
hostile = st.lists(pieces, min_size=1, max_size=4).map("".join)
names = st.text(string.ascii_letters + string.digits + "[]=:_-", min_size=1, max_size=20)


def check(result: Result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    assert "\x1b" not in result.output and "\x9b" not in result.output


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=hostile, rid=hostile, title=hostile, name=names)
def test_hostile_values_never_break_the_commands(
    monkeypatch: pytest.MonkeyPatch, text: str, rid: str, title: str, name: str
) -> None:
    import dyadwatch.coder

    from fake_coder import FakeCoder

    monkeypatch.setattr(dyadwatch.coder, "Coder", lambda settings: FakeCoder())
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        record = {"id": rid, "title": title, "source": title,
                  "text": f"France met Germany in Paris on 2020-09-25. {text}"}  # fmt: skip
        (folder / "in.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
        (folder / f"{name}.txt").write_text(f"Russia attacked Ukraine. {text}", encoding="utf-8")
        db = str(folder / "c.duckdb")
        check(runner.invoke(main, ["code", str(folder), "--all-modalities"]))
        check(runner.invoke(main, ["ingest", str(folder), "--db", db,
                                   "--coder", "fake_coder:FakeCoderFactory"]))  # fmt: skip
        check(runner.invoke(main, ["dyad", "FRA", "DEU", "--db", db]))
        check(runner.invoke(main, ["signals", "--db", db]))
        check(runner.invoke(main, ["export", str(folder / "out.csv"), "--db", db]))
