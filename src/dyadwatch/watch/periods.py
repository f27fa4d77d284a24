"""Calendar periods of a series: days, ISO weeks (from Monday) and months."""

from __future__ import annotations

from datetime import date as Date
from datetime import timedelta
from typing import Literal

from dyadwatch.errors import InvalidArgument

Period = Literal["day", "week", "month"]
PERIODS: tuple[str, ...] = ("day", "week", "month")


def check_range(since: Date | None, until: Date | None) -> None:
    """An inverted date range is a mistake, not a question with an empty answer."""
    if since is not None and until is not None and since > until:
        raise InvalidArgument("until", f"the range ends ({until}) before it starts ({since})")


def check_period(by: str) -> Period:
    if by not in PERIODS:
        raise InvalidArgument("by", f"period {by!r} is not day, week or month")
    return by  # type: ignore[return-value]


def period_start(day: Date, by: str) -> Date:
    """The first day of the period holding ``day`` (weeks are ISO weeks, from Monday)."""
    if by == "day":
        return day
    if by == "week":
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


def next_period(start: Date, by: str) -> Date:
    if by == "day":
        return start + timedelta(days=1)
    if by == "week":
        return start + timedelta(days=7)
    return Date(start.year + start.month // 12, start.month % 12 + 1, 1)


def period_end(start: Date, by: str) -> Date:
    """The last day of the period that starts on ``start`` (9999-12-31 for the calendar's last
    period, which has no next one)."""
    try:
        return next_period(start, by) - timedelta(days=1)
    except (OverflowError, ValueError):
        return Date.max


def period_label(start: Date, by: str) -> str:
    if by == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if by == "month":
        return start.strftime("%Y-%m")
    return start.isoformat()


def period_range(first: Date, last: Date, by: str) -> list[Date]:
    """Start dates of every period from the one holding ``first`` to the one holding ``last``,
    empty ones included: a quiet period is data, not a gap."""
    out: list[Date] = []
    current, end = period_start(first, by), period_start(last, by)
    while current <= end:
        out.append(current)
        if current == end:
            break  # the last period may be the calendar's last: there is no next one
        current = next_period(current, by)
    return out
