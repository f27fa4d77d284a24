"""``dyadwatch code``: the batch contract (one output line per input line, in order; errors as
records) and the formats."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from dyadwatch.cli import main
from dyadwatch.cli.code import _record, code_stream
from dyadwatch.coder import Coded, make_article
from dyadwatch.errors import CoderError, InputError, InvalidArgument, KnowledgeError
from dyadwatch.read.articles import read_articles

from fake_coder import FakeCoder


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_code_stream_keeps_input_order_and_passes_errors(tmp_path: Path) -> None:
    src = _write(tmp_path / "in.jsonl", [
        json.dumps({"id": "a", "text": "France met Germany on 2020-01-02."}),
        "{not json",
        json.dumps({"id": "c", "text": "Russia attacked Ukraine on 2020-01-03."}),
        json.dumps({"id": "d", "text": "France met Germany. FAILCODE"}),
        json.dumps({"id": "e", "text": "Japan praised Kenya on 2020-01-04."}),
    ])
    out = [_record(r, all_modalities=False, with_places=False)
           for r in code_stream(FakeCoder(), read_articles([src]), chunk=2)]  # type: ignore[arg-type]
    assert [o["id"] for o in out] == ["a", f"{src}:2", "c", "d", "e"]
    assert "error" in out[1] and "error" in out[3]
    assert [len(o.get("events", [])) for o in out] == [1, 0, 1, 0, 1]


def test_record_hides_non_asserted_events_unless_asked(tmp_path: Path) -> None:
    src = _write(tmp_path / "in.jsonl", [
        json.dumps({"id": "h", "text": "France reportedly met Germany on 2020-01-02."}),
    ])
    coded = list(code_stream(FakeCoder(), read_articles([src])))  # type: ignore[arg-type]
    assert _record(coded[0], all_modalities=False, with_places=False)["events"] == []
    shown = _record(coded[0], all_modalities=True, with_places=False)["events"]
    assert [e["modality"] for e in shown] == ["hedged"]


def test_input_error_keeps_the_record_id() -> None:
    err = InputError("in.jsonl:3", "bad date 'yesterday'", record_id="r3")
    assert _record(err, all_modalities=False, with_places=False) == {
        "id": "r3", "error": "bad date 'yesterday'", "code": "DW-INPUT"}


def test_a_coding_error_keeps_its_code() -> None:
    article = make_article("Algeria met Mali.", id="a1")
    failed = Coded(article, error="a1: unknown actor kind", error_code=KnowledgeError.code)
    assert _record(failed, all_modalities=False, with_places=False) == {
        "id": "a1", "error": "a1: unknown actor kind", "code": "DW-KNOWLEDGE"}
    # a coder that gives no code failed unforeseen
    assert _record(Coded(article, error="boom"), False, False)["code"] == CoderError.code


def test_a_bad_date_names_the_parameter_in_the_library_and_the_option_in_the_cli(
    tmp_path: Path,
) -> None:
    with pytest.raises(InvalidArgument, match=r"^date: not an ISO date"):
        make_article("Algeria met Mali.", date="yesterday")
    src = _write(tmp_path / "a.txt", ["Algeria met Mali."])
    result = CliRunner().invoke(main, ["code", "--date", "yesterday", str(src)])
    assert result.exit_code == 1 and "Error: --date: not an ISO date" in result.output


@pytest.mark.model
def test_cli_jsonl_batch_contract_end_to_end(tmp_path: Path) -> None:
    records: list[dict[str, Any]] = [
        {"id": "r1", "date": "2021-03-04",
         "text": "Kenyan President Uhuru Kenyatta met Ethiopian Prime Minister Abiy Ahmed in "
                 "Nairobi on Tuesday."},
        {"id": "r2", "text": ""},
        {"id": "r3", "date": "2021-03-05",
         "text": "The Egyptian foreign ministry accused Ethiopia of stalling the talks."},
    ]
    src = _write(tmp_path / "in.jsonl", [json.dumps(r) for r in records])
    result = CliRunner().invoke(main, ["code", "--format", "jsonl", str(src)])
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["r1", "r2", "r3"]
    assert "error" in lines[1] and lines[1]["code"] == "DW-INPUT"
    first = lines[0]["events"][0]
    assert (first["source"]["country"], first["target"]["country"]) == ("KEN", "ETH")
    assert first["cameo"]["code"].startswith("04")
    text = records[0]["text"]
    assert text[first["source"]["start"]:first["source"]["end"]] == first["source"]["text"]
    assert lines[2]["events"][0]["cameo"]["root"] == "11"


@pytest.mark.model
def test_cli_table_and_bad_file(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text("France condemned the attack on its embassy in Bamako.", encoding="utf-8")
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\x00\x01\x02binary")
    result = CliRunner().invoke(main, ["code", str(good), str(binary)])
    assert result.exit_code == 1  # one input failed: named on stderr, the other still coded
    assert "condemned" in result.stdout
    assert "b.txt" in result.stderr and "b.txt" not in result.stdout
