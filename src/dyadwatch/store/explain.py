"""Why the reports of a stored event were merged: ``explain(con, event_id)``.

Every mention the merge engine attaches carries its reason (``mentions.merge_reason``, written as
the decision is made: see merge.py). ``explain`` reads them back with the report's article and
codes, for ``dyadwatch explain`` and any other front end (an HTTP API can return the records as
JSON through ``to_dict``).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date as Date
from typing import Any

import duckdb

from dyadwatch.errors import StoreError


@dataclass(frozen=True)
class ReportReason:
    """One report (mention) of an event and why it was attached."""

    article_id: str
    idx: int
    source: str | None  # the outlet
    title: str | None
    article_date: Date | None
    modality: str
    cameo_code: str
    source_code: str | None
    target_code: str | None
    place: str | None
    place_from_dateline: bool
    sentence: str
    reason: str  # "not recorded" for reports stored before reasons were kept


@dataclass(frozen=True)
class EventExplanation:
    """A stored event and its reports, representative first, then in merge order."""

    event_id: str
    cameo_code: str
    cameo_name: str
    source_code: str | None
    target_code: str | None
    first_date: Date | None
    last_date: Date | None
    place: str | None
    n_articles: int
    n_sources: int
    reports: tuple[ReportReason, ...]

    def to_dict(self) -> dict[str, Any]:
        out = dataclasses.asdict(self)
        for item in (out, *out["reports"]):
            for key, value in item.items():
                if isinstance(value, Date):
                    item[key] = value.isoformat()
        return out


_EVENT_SQL = """
SELECT event_id, cameo_code, cameo_name, source_code, target_code, first_date, last_date,
       place_name, n_articles, n_sources, root_article_id, root_idx
FROM events WHERE event_id = ?
"""

_REPORTS_SQL = """
SELECT m.article_id, m.idx, a.source, a.title, a.date, m.modality, m.cameo_code, m.source_code,
       m.target_code, m.place_name, coalesce(m.place_from_dateline, false), m.evidence_sentence,
       coalesce(m.merge_reason, 'not recorded')
FROM mentions m JOIN articles a ON a.id = m.article_id
WHERE m.event_id = ?
ORDER BY m.merge_date NULLS LAST, m.article_id, m.idx
"""


def explain(con: duckdb.DuckDBPyConnection, event_id: str) -> EventExplanation:
    """The event ``event_id`` and why each of its reports was attached; ``StoreError`` when the
    store has no such event."""
    try:
        row = con.execute(_EVENT_SQL, [event_id]).fetchone()
        if row is None:
            raise StoreError(f"no stored event {event_id!r}")
        rows = con.execute(_REPORTS_SQL, [event_id]).fetchall()
    except duckdb.Error as exc:
        raise StoreError(f"cannot read event {event_id!r}: {exc}") from exc
    reports = [ReportReason(*r) for r in rows]
    root = (row[10], row[11])
    reports.sort(key=lambda r: (r.article_id, r.idx) != root)  # stable: keeps merge order
    (eid, code, name, source, target, first, last, place, n_articles, n_sources) = row[:10]
    return EventExplanation(
        eid, code, name, source, target, first, last, place, n_articles, n_sources, tuple(reports)
    )


def format_explanation(ex: EventExplanation) -> str:
    """The explanation as plain text, one block per report."""
    dyad = f"{ex.source_code or '?'} -> {ex.target_code or '-'}"
    dates = f"{ex.first_date}" + (f" to {ex.last_date}" if ex.last_date != ex.first_date else "")
    lines = [
        f"event {ex.event_id}: {dyad}, CAMEO {ex.cameo_code} ({ex.cameo_name}), {dates}, "
        f"place {ex.place or 'unknown'}; {len(ex.reports)} report(s) from {ex.n_articles} "
        f"article(s), {ex.n_sources} source(s)"
    ]
    for n, r in enumerate(ex.reports, 1):
        where = (r.place or "no place") + (" (dateline)" if r.place_from_dateline else "")
        lines += [
            "",
            f"{n}. {r.source or 'unknown outlet'}, {r.article_date or 'undated'}, "
            f"article {r.article_id} report {r.idx} ({r.modality})",
            f"   {r.source_code or '?'} -> {r.target_code or '-'}, CAMEO {r.cameo_code}, {where}",
            f"   \"{r.sentence.strip()}\"",
            f"   why: {r.reason}",
        ]
    return "\n".join(lines)
