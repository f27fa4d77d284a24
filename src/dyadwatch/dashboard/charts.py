"""Our own small SVG charts, computed here as shapes and drawn by the templates (so every
label passes through autoescaping). No style attributes: the CSP allows no inline style, so
fills come from CSS classes and SVG patterns."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    w: float
    h: float
    kind: str
    """CSS class and pattern: ``q1``..``q4``, ``coop``, ``conf``."""
    value: float
    label: str


@dataclass(frozen=True)
class Column:
    """One period of a chart: its bars, a link and a label."""

    x: float
    w: float
    start: str
    label: str
    bars: list[Bar] = field(default_factory=list)
    href: str | None = None
    selected: bool = False
    end: str = ""


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    columns: list[Column]
    ticks: list[tuple[float, str]]
    """(y, label) of the value axis."""
    x_labels: list[tuple[float, str]]
    extra: dict[str, Any] = field(default_factory=dict)


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000,
                 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000, 2_000_000, 5_000_000,
                 10_000_000):  # fmt: skip
        if value <= step:
            return float(step)
    return float(value)


def _x_labels(columns: list[Column], every: int) -> list[tuple[float, str]]:
    return [(c.x + c.w / 2, c.label) for i, c in enumerate(columns) if i % every == 0]


def weekly_chart(weeks: list[dict[str, Any]], width: int = 760, height: int = 220) -> Chart:
    """Stacked bars: events per week, QuadClass 1 at the bottom to 4 at the top."""
    left, top, bottom = 48, 10, 28
    plot_h = height - top - bottom
    top_value = _nice_max(max((w["total"] for w in weeks), default=0))
    step = (width - left - 8) / max(len(weeks), 1)
    columns = []
    for i, week in enumerate(weeks):
        x = left + i * step
        y = top + plot_h
        bars = []
        day: date = week["week"]
        for quad in (1, 2, 3, 4):
            n = week["counts"][quad]
            h = plot_h * n / top_value
            y -= h
            bars.append(Bar(round(x + 1, 1), round(y, 1), round(max(step - 2, 1), 1),
                            round(h, 1), f"q{quad}", n, f"week of {day}: {n} QuadClass {quad}"))  # fmt: skip
        last = (day + timedelta(days=6)).isoformat()
        columns.append(Column(round(x, 1), round(step, 1), day.isoformat(),
                              day.strftime("%d %b %y"), bars,
                              f"/events?start={day.isoformat()}&end={last}&sort=date&dir=asc",
                              end=last))  # fmt: skip
    ticks = [(round(top + plot_h * (1 - f), 1), f"{top_value * f:g}") for f in (0, 0.5, 1)]
    every = max(1, len(columns) // 8)
    return Chart(width, height, columns, ticks, _x_labels(columns, every),
                 {"baseline": top + plot_h, "left": left, "top": top})  # fmt: skip


def dyad_chart(
    rows: list[dict[str, Any]],
    direction: str,
    href: Any,
    selected: str | None,
    width: int = 760,
    height: int = 260,
) -> Chart:
    """Cooperation above the axis, conflict below, for one direction (``ab``, ``ba``); the mean
    Goldstein score of each period as a line (its own scale, -10 to 10, on the right).
    ``href(start)`` is the link of a period. (The page's script shades the signal windows,
    which are fetched after the page: the signal test runs over the whole store.)"""
    left, right, top, bottom = 48, 44, 16, 30
    plot_h = height - top - bottom
    mid = top + plot_h / 2
    mine = [r for r in rows if r["direction"] == direction]
    top_value = _nice_max(max((max(r["cooperation"], r["conflict"]) for r in mine), default=0))
    step = (width - left - right) / max(len(mine), 1)
    columns = []
    line = []
    segments: list[list[str]] = [[]]  # the Goldstein line breaks at periods without events
    for i, row in enumerate(mine):
        x = left + i * step
        up = plot_h / 2 * row["cooperation"] / top_value
        down = plot_h / 2 * row["conflict"] / top_value
        w = round(max(step * 0.8, 1), 1)
        bx = round(x + (step - w) / 2, 1)
        bars = [
            Bar(bx, round(mid - up, 1), w, round(up, 1), "coop", row["cooperation"],
                f"{row['period']} {row['dyad']}: {row['cooperation']} cooperation"),
            Bar(bx, round(mid, 1), w, round(down, 1), "conf", row["conflict"],
                f"{row['period']} {row['dyad']}: {row['conflict']} conflict"),
        ]  # fmt: skip
        columns.append(Column(round(x, 1), round(step, 1), row["start"], row["period"], bars,
                              href(row["start"]), row["start"] == selected, row["end"]))  # fmt: skip
        if row["goldstein_mean"] is not None:
            gy = mid - (plot_h / 2) * row["goldstein_mean"] / 10
            line.append(
                (round(x + step / 2, 1), round(gy, 1), row["goldstein_mean"], row["period"])
            )
            segments[-1].append(f"{round(x + step / 2, 1)},{round(gy, 1)}")
        elif segments[-1]:
            segments.append([])
    ticks = [(float(top), f"{top_value:g}"), (round(mid, 1), "0"),
             (round(top + plot_h, 1), f"{top_value:g}")]  # fmt: skip
    every = max(1, len(columns) // 8)
    return Chart(width, height, columns, ticks, _x_labels(columns, every),
                 {"mid": mid, "top": top, "bottom": top + plot_h, "left": left,
                  "right": width - right, "line": line,
                  "segments": [" ".join(p) for p in segments if len(p) > 1]})  # fmt: skip
