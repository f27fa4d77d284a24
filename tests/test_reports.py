"""Reports: evidence highlighting, a self-contained HTML file, Markdown, and the CLI."""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyadwatch.cli.report import report as report_command
from dyadwatch.errors import InvalidArgument, MissingExtra
from dyadwatch.watch.reports import (
    build_report,
    highlight_html,
    highlight_markdown,
    plot_series,
    render_html,
    sentence_spans,
    write_report,
)
from test_dyads import article_with, row, store_with


def test_highlight_marks_trigger_and_actors() -> None:
    r = row(date(2020, 9, 23), "USAMIL", "DZAGOV")
    assert highlight_html(r) == (
        '<mark class="source">USAMIL</mark> <mark class="trigger">met</mark> '
        '<mark class="target">DZAGOV</mark> today.'
    )
    assert highlight_markdown(r) == "*USAMIL* **met** *DZAGOV* today."


def test_highlight_escapes_and_skips_bad_spans() -> None:
    r = row(date(2020, 9, 23), "USA", "DZA")
    # Markup in the text is escaped; a target outside the sentence and a source overlapping the
    # trigger are left unmarked rather than marked wrongly.
    r = replace(r, sentence="USA met <DZA> & co.", target_span=(5, 8), source_span=(104, 106))
    html = highlight_html(r)
    assert html == 'USA <mark class="trigger">met</mark> &lt;DZA&gt; &amp; co.'
    assert [role for *_, role in sentence_spans(r)] == ["trigger"]
    assert highlight_markdown(replace(r, sentence="USA met a_b|c")) == r"USA **met** a\_b\|c"


@pytest.fixture(scope="module")
def thread_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Monthly US-Algeria meetings, then a burst of military training in the last month."""
    items = []
    day = date(2020, 1, 8)
    for i in range(8):
        items.append(
            article_with(f"b{i}", day, "Wire", [("USA", "Washington", "met", "DZA", "Algiers")])
        )
        day = (day.replace(day=1) + timedelta(days=32)).replace(day=8)
    items += [
        article_with(
            f"r{i}",
            date(2020, 9, 1) + timedelta(days=4 * i),
            "Courier",
            [("USAMIL", "AFRICOM <HQ>", "trained", "DZAMIL", "Algerian troops")],
        )
        for i in range(8)
    ]
    return store_with(tmp_path_factory.mktemp("db") / "thread.duckdb", items)


def test_html_report_is_self_contained(thread_db: Path, tmp_path: Path) -> None:
    out = write_report(thread_db, "USA", "DZA", tmp_path / "r.html")
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>")
    # Nothing is fetched from elsewhere: no scripts, stylesheets, remote images or CSS urls.
    assert not re.search(r"<script|<link|@import|url\(|<iframe", text, re.I)
    sources = re.findall(r'src="([^"]*)"', text)
    assert sources and all(s.startswith("data:image/png;base64,") for s in sources)
    # The only http(s) strings are links to the articles themselves.
    links = set(re.findall(r'<a href="(https?://[^"]*)"', text))
    assert links and all(u.startswith("https://example.org/") for u in links)
    assert len(re.findall(r"https?://", text)) == len(re.findall(r'<a href="https?://', text))
    # The evidence: trigger and actors highlighted, the actor's markup escaped.
    assert '<mark class="trigger">trained</mark>' in text
    assert '<mark class="source">AFRICOM &lt;HQ&gt;</mark>' in text
    assert "<HQ>" not in text
    # The signal for this dyad and its evidence.
    assert "rose" in text and "USA-DZA" in text
    assert "Title r0" in text and "Courier" in text


def test_markdown_report(thread_db: Path, tmp_path: Path) -> None:
    out = write_report(thread_db, "USAMIL", "DZA", tmp_path / "r.md", context="military")
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# USAMIL - DZA")
    assert "**trained**" in text and r"*AFRICOM \<HQ>*" in text
    assert "## Signals" in text and "rose" in text
    assert "Washington" not in text  # the consultations are neither military nor USAMIL's


def test_report_rejects_unknown_formats(thread_db: Path, tmp_path: Path) -> None:
    with pytest.raises(InvalidArgument, match=r"\.html or \.md"):
        write_report(thread_db, "USA", "DZA", tmp_path / "r.pdf")


def test_report_cli(thread_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "cli.html"
    result = CliRunner().invoke(
        report_command, ["USA", "DZA", "--db", str(thread_db), "--out", str(out), "--by", "week"]
    )
    assert result.exit_code == 0, result.output
    assert "report written" in result.output and "<mark" in out.read_text(encoding="utf-8")
    result = CliRunner().invoke(
        report_command, ["USA", "USA", "--db", str(thread_db), "--out", str(out)]
    )
    assert result.exit_code == 1 and "must differ" in result.output
    assert "Example" in CliRunner().invoke(report_command, ["--help"]).output


def test_without_matplotlib_the_report_says_so_and_a_plot_is_a_clear_error(
    thread_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # importing it now fails
    text = write_report(thread_db, "USA", "DZA", tmp_path / "r.html").read_text(encoding="utf-8")
    assert "(No chart: matplotlib is not installed.)" in text and "<img" not in text
    series = build_report(thread_db, "USA", "DZA").series
    with pytest.raises(MissingExtra, match=r"pip install 'dyadwatch\[plot\]'"):
        plot_series(series, tmp_path / "p.png")


def test_the_template_escapes_what_the_store_holds(thread_db: Path) -> None:
    report = build_report(thread_db, "USAMIL", "DZA")
    event = replace(
        report.series.events[0], title="<b>x</b>", url='https://e.org/?a="1"&b=<2>'
    )  # fmt: skip
    series = replace(report.series, events=(event,))
    text = render_html(replace(report, series=series))
    assert "&lt;b&gt;x&lt;/b&gt;" in text and "<b>x</b>" not in text
    assert '<a href="https://e.org/?a=&#34;1&#34;&amp;b=&lt;2&gt;">' in text
