"""Reports on one dyad: a self-contained HTML file (chart inline, events with their evidence
highlighted, signals) an analyst can send by email, or the same as Markdown.

>>> write_report("corpus.duckdb", "USA", "DZA", "usa-dza.html")  # doctest: +SKIP

The HTML loads nothing from elsewhere: the style is inline and the chart is a ``data:`` PNG. The
only ``http(s)`` strings are the articles' own URLs, as links to follow.
"""

from __future__ import annotations

import base64
import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from datetime import date as Date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyadwatch.errors import InvalidArgument, MissingExtra, OutputError
from dyadwatch.outputs import write_bytes, write_text
from dyadwatch.store.connect import open_connection
from dyadwatch.watch.dyads import DyadSeries, PeriodRow, dyad_series
from dyadwatch.watch.options import DEFAULT_PERIOD, REPORTS
from dyadwatch.watch.rows import EventRow
from dyadwatch.watch.selection import DIRECTIONS, ActorSpec, Direction, direction_of
from dyadwatch.watch.signals import Signal, find_signals

if TYPE_CHECKING:
    from jinja2 import Environment

TRIGGER, SOURCE, TARGET = "trigger", "source", "target"


PLOT_FORMATS = ("png", "svg", "pdf")


def plot_png(series: DyadSeries) -> bytes:
    return plot_image(series, "png")


def plot_image(series: DyadSeries, kind: str = "png") -> bytes:
    """The series as a PNG: cooperation and conflict counts per period (both directions), and
    Goldstein totals per direction."""
    import io

    try:
        import matplotlib
    except ImportError as exc:
        raise MissingExtra("drawing a chart", "plot", "matplotlib") from exc

    # Agg draws without a display; set here, not at import, so importing dyadwatch changes nothing.
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    both = series.direction("both")
    labels = [r.period for r in both]
    x = list(range(len(both)))
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(10, 6), sharex=True)
    try:
        top.bar(x, [r.cooperation for r in both], color="#2e7d32", label="cooperation (Q1+Q2)")
        top.bar(x, [-r.conflict for r in both], color="#c62828", label="conflict (Q3+Q4)")
        top.axhline(0, color="black", linewidth=0.6)
        top.set_ylabel("events (conflict below 0)")
        top.yaxis.set_major_locator(MaxNLocator(integer=True))
        top.legend(loc="upper left", fontsize=8)
        context = f" ({', '.join(series.contexts)})" if series.contexts else ""
        top.set_title(f"{series.a} - {series.b}{context}, by {series.by}")
        styles: list[tuple[Direction, str]] = [("ab", "-o"), ("ba", "-s")]
        for direction, style in styles:
            rows = series.direction(direction)
            bottom.plot(
                x,
                [r.goldstein_total for r in rows],
                style,
                markersize=3,
                label=series.label(direction),
            )
        bottom.axhline(0, color="black", linewidth=0.6)
        bottom.set_ylabel("Goldstein total")
        bottom.legend(loc="upper left", fontsize=8)
        step = max(1, len(x) // 16)  # keep tick labels legible on long series
        bottom.set_xticks(x[::step])
        bottom.set_xticklabels(labels[::step], rotation=45, ha="right", fontsize=8)
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format=kind, dpi=100)
    finally:
        plt.close(fig)
    return buffer.getvalue()


def plot_series(series: DyadSeries, path: str | Path) -> Path:
    """Draw the series into an image file: PNG, SVG or PDF by the file's suffix."""
    out = Path(path)
    kind = out.suffix.lower().lstrip(".")
    if kind not in PLOT_FORMATS:
        raise OutputError(str(out), f"a plot is .png, .svg or .pdf, not {out.suffix or 'no suffix'}")
    write_bytes(out, plot_image(series, kind))
    return out


# -- evidence highlighting ----------------------------------------------------------------------


def sentence_spans(row: EventRow) -> list[tuple[int, int, str]]:
    """The trigger and actor spans of an event as (start, end, role) offsets in its sentence.

    Spans outside the sentence (an actor found in an earlier sentence) and spans overlapping
    one already kept (the trigger wins, then the source) are left out, so markup never nests.
    """
    wanted = [(row.trigger_start, row.trigger_end, TRIGGER)]
    for span, role in ((row.source_span, SOURCE), (row.target_span, TARGET)):
        if span is not None:
            wanted.append((span[0], span[1], role))
    kept: list[tuple[int, int, str]] = []
    for start, end, role in wanted:
        s, e = start - row.sentence_start, end - row.sentence_start
        if not 0 <= s < e <= len(row.sentence):
            continue
        if any(s < ke and ks < e for ks, ke, _ in kept):
            continue
        kept.append((s, e, role))
    return sorted(kept)


def _highlight(
    row: EventRow, escape: Callable[[str], str], mark: Callable[[str, str], str]
) -> str:
    """The sentence, each piece escaped, with ``mark(role, escaped span)`` for its spans."""
    out, at = [], 0
    for start, end, role in sentence_spans(row):
        out.append(escape(row.sentence[at:start]))
        out.append(mark(role, escape(row.sentence[start:end])))
        at = end
    out.append(escape(row.sentence[at:]))
    return "".join(out)


def highlight_html(row: EventRow) -> str:
    """The sentence, escaped, with ``<mark class="trigger|source|target">`` around its spans."""
    return _highlight(row, html.escape, lambda role, text: f'<mark class="{role}">{text}</mark>')


def _md_escape(text: str) -> str:
    for ch in "\\`*_[]|<":
        text = text.replace(ch, "\\" + ch)
    return re.sub(r"\s+", " ", text)  # a newline would end a Markdown table row


def highlight_markdown(row: EventRow) -> str:
    """The sentence with the trigger in **bold** and the actors in *italics*, table-safe."""

    def mark(role: str, text: str) -> str:
        stars = "**" if role == TRIGGER else "*"
        return f"{stars}{text}{stars}"

    return _highlight(row, _md_escape, mark)


# -- the report ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Report:
    series: DyadSeries
    signals: tuple[Signal, ...]
    database: str
    generated: datetime
    all_modalities: bool
    max_events: int

    @property
    def title(self) -> str:
        return f"dyadwatch: {self.series.a} - {self.series.b}"

    def settings_line(self) -> str:
        s = self.series
        parts = [f"by {s.by}"]
        if s.contexts:
            parts.append("context " + ", ".join(s.contexts))
        if s.since or s.until:
            parts.append(f"{s.since or '...'} to {s.until or '...'}")
        parts.append("all modalities" if self.all_modalities else "asserted events only")
        parts.append(f"database {self.database}")
        parts.append("generated " + self.generated.strftime("%Y-%m-%d %H:%M UTC"))
        return "; ".join(parts)

    def summary(self) -> list[tuple[str, int, int, int, float, float, str, str]]:
        """Per direction: label, events, cooperation, conflict, Goldstein and PLOVER score
        totals, first and last event date."""
        out = []
        for direction in DIRECTIONS:
            rows = self.series.direction(direction)
            dates = [e.date for e in self.series.events if _in_direction(self.series, e, direction)]
            out.append(
                (
                    self.series.label(direction),
                    sum(r.events for r in rows),
                    sum(r.cooperation for r in rows),
                    sum(r.conflict for r in rows),
                    sum(r.goldstein_total for r in rows),
                    sum(r.plover_score_total for r in rows),
                    min(dates).isoformat() if dates else "-",
                    max(dates).isoformat() if dates else "-",
                )
            )
        return out


def _direction(series: DyadSeries, row: EventRow) -> Direction | None:
    return direction_of(row, ActorSpec.parse(series.a), ActorSpec.parse(series.b))


def _in_direction(series: DyadSeries, row: EventRow, direction: str) -> bool:
    return direction == "both" or _direction(series, row) == direction


def build_report(
    db: Any,
    a: str,
    b: str,
    *,
    by: str = DEFAULT_PERIOD,
    since: Date | None = None,
    until: Date | None = None,
    context: Iterable[str] | str | None = None,
    all_modalities: bool = False,
    max_events: int = REPORTS.max_events,
) -> Report:
    """The content of a dyad report: its series, its events and the signals of its countries."""
    with open_connection(db) as con:
        series = dyad_series(
            con,
            a,
            b,
            by=by,
            since=since,
            until=until,
            context=context,
            all_modalities=all_modalities,
        )
        signals = find_signals(
            con,
            by=by,
            since=since,
            until=until,
            context=context,
            dyad=(series.a, series.b),
            all_modalities=all_modalities,
        )
    label = str(db) if isinstance(db, str | Path) else ("default" if db is None else "connection")
    return Report(series, tuple(signals), label, datetime.now(UTC), all_modalities, max_events)


def write_report(
    db: Any,
    a: str,
    b: str,
    out: str | Path,
    *,
    by: str = DEFAULT_PERIOD,
    since: Date | None = None,
    until: Date | None = None,
    context: Iterable[str] | str | None = None,
    all_modalities: bool = False,
    max_events: int = REPORTS.max_events,
) -> Path:
    """Write the report on dyad A-B to ``out``: HTML (``.html``, ``.htm``) or Markdown (``.md``)."""
    path = Path(out)
    suffix = path.suffix.lower()
    if suffix not in (".html", ".htm", ".md", ".markdown"):
        raise InvalidArgument("out", f"{str(path)!r}: the report must be .html or .md")
    report = build_report(
        db,
        a,
        b,
        by=by,
        since=since,
        until=until,
        context=context,
        all_modalities=all_modalities,
        max_events=max_events,
    )
    text = render_markdown(report) if suffix in (".md", ".markdown") else render_html(report)
    write_text(path, text)
    return path


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _shown_periods(series: DyadSeries) -> list[tuple[PeriodRow, PeriodRow, PeriodRow]]:
    """(A->B, B->A, both) rows of the periods that have events: long daily series stay short."""
    ab, ba, both = (series.direction(d) for d in DIRECTIONS)
    return [(x, y, z) for x, y, z in zip(ab, ba, both, strict=True) if z.events]


def _direction_arrow(series: DyadSeries, row: EventRow) -> str:
    d = _direction(series, row)
    return series.label(d) if d is not None else "-"


def _reports(row: EventRow) -> str:
    def plural(n: int, word: str) -> str:
        return f"{n} {word}" + ("" if n == 1 else "s")

    return plural(row.n_mentions, "report") + ", " + plural(row.n_sources, "source")


def _event_label(row: EventRow) -> str:
    context = f" ({', '.join(row.plover_contexts)})" if row.plover_contexts else ""
    return f"{row.cameo_code} {row.cameo_name}; {row.plover_type}{context}"


def _article_label(row: EventRow) -> str:
    others = len(row.article_ids) - 1
    more = f" (+{others} more)" if others > 0 else ""
    return (
        f"{row.title or row.article_id}, {row.outlet or 'unknown outlet'} [{row.article_id}]{more}"
    )


# -- HTML ---------------------------------------------------------------------------------------


@cache
def _templates() -> Environment:
    """The report templates (package data beside this module), escaping every value."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    return Environment(
        loader=PackageLoader("dyadwatch.watch", "templates"),
        autoescape=True,
        undefined=StrictUndefined,  # a misspelt name fails the render, not prints nothing
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _chart_png(series: DyadSeries) -> str | None:
    """The chart as base64 PNG data; None without matplotlib (the report says so)."""
    if not series.rows:
        return None
    try:
        return base64.b64encode(plot_png(series)).decode("ascii")
    except MissingExtra:
        return None


def _safe_url(row: EventRow) -> bool:
    """Only web links are written as links (never ``javascript:`` and the like)."""
    return bool(row.url and row.url.startswith(("http://", "https://")))


def render_html(report: Report) -> str:
    """The report as one self-contained HTML page (templates/report.html.j2)."""
    from markupsafe import Markup

    s = report.series
    shown = _shown_periods(s)
    return _templates().get_template("report.html.j2").render(
        report=report,
        s=s,
        chart=_chart_png(s),
        periods=shown,
        hidden=len(s.direction("both")) - len(shown),
        events=s.events[: report.max_events],
        fmt=_fmt,
        arrow=lambda row: _direction_arrow(s, row),
        reports=_reports,
        event_label=_event_label,
        article_label=_article_label,
        safe_url=_safe_url,
        plover_types=lambda row: ", ".join(f"{t} {n}" for t, n in row.plover_counts),
        highlight=lambda row: Markup(highlight_html(row)),  # escaped piece by piece there
    )


# -- Markdown -----------------------------------------------------------------------------------


def _md_row(cells: Iterable[object]) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def _md_evidence(series: DyadSeries, row: EventRow) -> str:
    return (
        f"{row.date.isoformat()} {_direction_arrow(series, row)} {row.plover_type} "
        f"({_reports(row)}): \u201c{highlight_markdown(row)}\u201d "
        f"({_md_escape(_article_label(row))})"
    )


def render_markdown(report: Report) -> str:
    s = report.series
    out = [f"# {s.a} - {s.b}", "", f"_{_md_escape(report.settings_line())}_", "", "## Summary", ""]
    out.append(
        _md_row(
            [
                "direction",
                "events",
                "cooperation",
                "conflict",
                "Goldstein total",
                "PLOVER score",
                "first",
                "last",
            ]
        )
    )
    out.append(_md_row(["---"] * 8))
    for label, n, coop, conf, gold, score, first, last in report.summary():
        out.append(
            _md_row([_md_escape(label), n, coop, conf, f"{gold:.1f}", f"{score:.1f}", first, last])
        )
    out += ["", "## Signals", ""]
    if not report.signals:
        out.append("No signal for this dyad at these settings.")
    for signal in report.signals:
        out.append(f"- **{signal.kind}**: {_md_escape(signal.summary)}")
        out += [f"    - {_md_evidence(s, r)}" for r in signal.evidence]
    out += ["", f"## Per {s.by}", ""]
    out.append(
        _md_row(
            [
                s.by,
                _md_escape(s.label("ab")),
                _md_escape(s.label("ba")),
                "Q1",
                "Q2",
                "Q3",
                "Q4",
                "Goldstein total",
                "PLOVER score",
                "articles",
                "sources",
            ]
        )
    )
    out.append(_md_row(["---"] * 11))
    for ab, ba, both in _shown_periods(s):
        out.append(
            _md_row(
                [
                    both.period,
                    ab.events,
                    ba.events,
                    both.quad1,
                    both.quad2,
                    both.quad3,
                    both.quad4,
                    _fmt(both.goldstein_total),
                    _fmt(both.plover_score_total),
                    both.articles,
                    both.sources,
                ]
            )
        )
    out += ["", f"## Events ({len(s.events)})", "", "Trigger in **bold**, actors in *italics*.", ""]
    out.append(
        _md_row(["date", "direction", "event", "modality", "reports", "evidence", "article"])
    )
    out.append(_md_row(["---"] * 7))
    for r in s.events[: report.max_events]:
        out.append(
            _md_row(
                [
                    r.date.isoformat(),
                    _md_escape(_direction_arrow(s, r)),
                    _md_escape(_event_label(r)),
                    r.modality,
                    r.n_mentions,
                    highlight_markdown(r),
                    _md_escape(_article_label(r)),
                ]
            )
        )
    if len(s.events) > report.max_events:
        out += ["", f"{len(s.events) - report.max_events} more events not shown."]
    return "\n".join(out) + "\n"
