"""The seam between the store and the analysis: the store's events as one flat table.

``load_events`` is a single SQL query that flattens the store into ``EventRow`` records.
Everything after it (filters, periods, series, signals, reports) works on plain sequences of
rows, so tests can build them by hand and a change of the store's schema touches one query.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import asdict, dataclass
from datetime import date as Date
from typing import Any, Literal

import duckdb

from dyadwatch.errors import StoreError
from dyadwatch.records import MODALITIES

Unit = Literal["event", "mention"]

COOPERATION = frozenset({1, 2})
CONFLICT = frozenset({3, 4})


@dataclass(frozen=True)
class EventRow:
    """One row of the flat event table: a merged event (``unit="event"``) or one report of it
    (``unit="mention"``), with the evidence of its representative report.

    Offsets (``sentence_start``, ``trigger_*``, ``*_span``) index the article's text, as in the
    coded ``Event``; ``sentence`` starts at ``sentence_start``.
    """

    key: str
    event_id: str | None
    mention_id: str
    date: Date
    source_country: str | None
    source_sector: str | None
    source_code: str | None
    source_name: str | None
    target_country: str | None
    target_sector: str | None
    target_code: str | None
    target_name: str | None
    cameo_code: str
    cameo_name: str
    cameo_root: str
    quad_class: int
    goldstein: float
    plover_type: str
    plover_mode: str | None
    plover_contexts: tuple[str, ...]
    modality: str
    n_mentions: int
    n_articles: int
    n_sources: int
    article_id: str
    outlet: str | None
    title: str | None
    url: str | None
    sentence: str
    sentence_start: int
    trigger_text: str
    trigger_start: int
    trigger_end: int
    source_span: tuple[int, int] | None = None
    target_span: tuple[int, int] | None = None
    article_ids: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["date"] = self.date.isoformat()
        for name in ("plover_contexts", "article_ids", "outlets", "source_span", "target_span"):
            value = out[name]
            out[name] = list(value) if value is not None else None
        return out


# -- the seam: the store as one flat table -------------------------------------------------------

_SPAN_JOINS = """
    LEFT JOIN actors s
           ON s.article_id = m.article_id AND s.mention_idx = m.idx AND s.role = 'source'
    LEFT JOIN actors t
           ON t.article_id = m.article_id AND t.mention_idx = m.idx AND t.role = 'target'
"""

_EVIDENCE_COLUMNS = """
    m.article_id, a.source AS outlet, a.title, a.url,
    m.evidence_sentence, m.sentence_start, m.trigger_text, m.trigger_start, m.trigger_end,
    s.start_char AS s_start, s.end_char AS s_end, t.start_char AS t_start, t.end_char AS t_end
"""

# What was coded: columns of the same name in ``mentions`` and ``events`` (table alias ``{t}``).
# Both SELECTs of ``_EVENT_SQL`` list them, and UNION ALL pairs columns by position.
_CODED_COLUMNS = """
    {t}.source_country, {t}.source_sector, {t}.source_code, {t}.source_name,
    {t}.target_country, {t}.target_sector, {t}.target_code, {t}.target_name,
    {t}.cameo_code, {t}.cameo_name, {t}.cameo_root, {t}.quad_class, {t}.goldstein,
    {t}.plover_type, {t}.plover_mode, {t}.plover_context, {t}.modality
"""

# One row per report (mention); its merged event id, when it has one, in ``event_id``.
_MENTION_ROWS = f"""
    SELECT m.article_id || '#' || m.idx AS key, m.event_id, m.id AS mention_id,
           coalesce(m.merge_date, m.event_date, a.date) AS day, {_CODED_COLUMNS.format(t="m")},
           1 AS n_mentions, 1 AS n_articles, 1 AS n_sources, {_EVIDENCE_COLUMNS},
           [m.article_id] AS article_ids, [coalesce(a.source, '#' || a.id)] AS outlets
    FROM mentions m JOIN articles a ON a.id = m.article_id
    {_SPAN_JOINS}
    WHERE list_contains(?, m.modality)
"""

# One row per merged event, evidence from its representative (root) mention; then reports that
# belong to no merged event (non-asserted ones that matched nothing) as rows of their own.
_EVENT_SQL = f"""
WITH reports AS (
    SELECT m.event_id, list(DISTINCT m.article_id) AS article_ids,
           list(DISTINCT coalesce(a.source, '#' || a.id)) AS outlets
    FROM mentions m JOIN articles a ON a.id = m.article_id
    WHERE m.event_id IS NOT NULL
    GROUP BY m.event_id
),
flat AS (
    SELECT e.event_id AS key, e.event_id, m.id AS mention_id,
           coalesce(e.first_date, m.event_date, a.date) AS day, {_CODED_COLUMNS.format(t="e")},
           e.n_mentions, e.n_articles, e.n_sources, {_EVIDENCE_COLUMNS},
           r.article_ids, r.outlets
    FROM events e
    JOIN mentions m ON m.article_id = e.root_article_id AND m.idx = e.root_idx
    JOIN articles a ON a.id = m.article_id
    {_SPAN_JOINS}
    LEFT JOIN reports r ON r.event_id = e.event_id
    WHERE list_contains(?, e.modality)
    UNION ALL
    {_MENTION_ROWS} AND m.event_id IS NULL
)
"""

_MENTION_SQL = f"WITH flat AS ({_MENTION_ROWS})"

_FILTER_SQL = """
SELECT * FROM flat
WHERE day IS NOT NULL
  AND (CAST(? AS DATE) IS NULL OR day >= ?)
  AND (CAST(? AS DATE) IS NULL OR day <= ?)
  AND (CAST(? AS VARCHAR[]) IS NULL
       OR (list_contains(?, coalesce(source_country, source_code))
           AND list_contains(?, coalesce(target_country, target_code))))
  AND (? OR (coalesce(source_code, '') <> '---' AND coalesce(target_code, '') <> '---'))
ORDER BY day, key
"""


def load_events(
    con: duckdb.DuckDBPyConnection,
    *,
    since: Date | None = None,
    until: Date | None = None,
    countries: Collection[str] | None = None,
    all_modalities: bool = False,
    unit: Unit = "event",
    include_unknown: bool = False,
) -> list[EventRow]:
    """The store's events as a flat table, by date.

    ``unit="event"`` (the default) gives one row per merged real-world event, so a meeting
    reported by ten outlets counts once (its ``n_mentions``/``n_sources`` say how often it was
    reported); ``unit="mention"`` gives one row per report. Only asserted events unless
    ``all_modalities``. ``countries`` keeps rows whose source and target country are both in it
    (``---`` standing for an unknown actor). Events of an unknown actor (``---``: "civilians were
    killed") are left out unless ``include_unknown``. Rows without any date are left out: they
    cannot be placed in a period.
    """
    modalities = list(MODALITIES) if all_modalities else ["asserted"]
    head = _EVENT_SQL if unit == "event" else _MENTION_SQL
    wanted = sorted(countries) if countries is not None else None
    params: list[Any] = [modalities] * (2 if unit == "event" else 1)
    params += [since, since, until, until, wanted, wanted, wanted, include_unknown]
    try:
        cursor = con.execute(head + _FILTER_SQL, params)
        names = [d[0] for d in cursor.description or []]
        return [event_row(dict(zip(names, values, strict=True))) for values in cursor.fetchall()]
    except duckdb.Error as exc:
        raise StoreError(f"cannot read events from the store: {exc}") from exc


def corpus_bounds(con: duckdb.DuckDBPyConnection) -> tuple[Date | None, Date | None]:
    """First and last publication date in the store: the time the corpus covers."""
    try:
        row = con.execute("SELECT min(date), max(date) FROM articles").fetchone()
    except duckdb.Error as exc:
        raise StoreError(f"cannot read the store: {exc}") from exc
    return (row[0], row[1]) if row is not None else (None, None)


def _span(start: int | None, end: int | None) -> tuple[int, int] | None:
    return (int(start), int(end)) if start is not None and end is not None else None


def event_row(r: dict[str, Any]) -> EventRow:
    """An ``EventRow`` from a result row (the SQL names its columns after the fields)."""
    r["date"] = r.pop("day")
    r["sentence"] = r.pop("evidence_sentence")
    r["plover_contexts"] = tuple(r.pop("plover_context") or ())
    r["source_span"] = _span(r.pop("s_start"), r.pop("s_end"))
    r["target_span"] = _span(r.pop("t_start"), r.pop("t_end"))
    r["article_ids"] = tuple(sorted(r["article_ids"] or ()))
    r["outlets"] = tuple(sorted(r["outlets"] or ()))
    return EventRow(**r)


