"""Text from data reaches the terminal as text: no markup, no control codes."""

from __future__ import annotations

import io

from hypothesis import given
from hypothesis import strategies as st
from rich.table import Table

from dyadwatch.terminal import clean, console, text


def render(*cells: str) -> str:
    out = io.StringIO()
    table = Table()
    table.add_column("a")
    table.add_row(*(text(c) for c in cells))
    console(file=out, force_terminal=True, width=200).print(table)
    out_plain = io.StringIO()
    console(file=out_plain, width=200).print(text(cells[0]))
    return out_plain.getvalue()


def test_markup_is_printed_as_written() -> None:
    for payload in ("[/x]", "[link=https://evil.example]click[/link]", "[bold red]x", ":smile:"):
        assert render(payload).strip() == payload


def test_control_characters_are_made_visible() -> None:
    assert clean("a\x1b[31mred\x07\x9b") == "a\\x1b[31mred\\x07\\x9b"
    assert clean("tab\tand\nnewline") == "tab\tand\nnewline"


@given(st.text())
def test_any_text_prints_without_error_and_without_escape_codes(value: str) -> None:
    out = io.StringIO()
    console(file=out, width=120).print(text(value))
    printed = out.getvalue()
    assert "\x1b" not in printed and "\x9b" not in printed
