"""Signals over a whole store for the API: the same test as ``dyadwatch.signals``, fed from the
``events`` table alone, with the evidence of only the events shown fetched afterwards.

``signals.find_signals`` reads every event with its representative report's sentence, article
and the list of every article that reported it: several joins over all reports, which on a
store of millions of events takes longer than an HTTP client waits. The test itself needs only
each event's date, dyad, QuadClass, contexts and report count. One difference: evidence is
de-duplicated by report (article and position), not by sentence.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from dyadwatch.dyads import EventRow, corpus_bounds
from dyadwatch.query_run import fetch_dicts
from dyadwatch.signals import Signal, detect_signals

if TYPE_CHECKING:
    import duckdb

# An event's day as ``dyads.load_events`` gives it: its first date, else (an event of its own
# with a month- or year-precision date, or none) its report's date or its article's.
_LIGHT = """
WITH light AS (
    SELECT event_id, first_date AS day, source_country, target_country, source_code,
           target_code, quad_class, goldstein, plover_type, plover_context, n_mentions,
           n_articles, n_sources, root_article_id, root_idx, modality
    FROM events e WHERE first_date IS NOT NULL
    UNION ALL
    SELECT e.event_id, coalesce(m.event_date, a.date), e.source_country, e.target_country,
           e.source_code, e.target_code, e.quad_class, e.goldstein, e.plover_type,
           e.plover_context, e.n_mentions, e.n_articles, e.n_sources, e.root_article_id,
           e.root_idx, e.modality
    FROM events e
    JOIN mentions m ON m.article_id = e.root_article_id AND m.idx = e.root_idx
    JOIN articles a ON a.id = e.root_article_id
    WHERE e.first_date IS NULL
)
SELECT * EXCLUDE (modality) FROM light
WHERE day IS NOT NULL AND modality = 'asserted'
  AND source_country IS NOT NULL AND target_country IS NOT NULL
  AND source_country <> target_country
  AND (CAST(? AS DATE) IS NULL OR day >= ?) AND (CAST(? AS DATE) IS NULL OR day <= ?)
"""

_EVIDENCE = """
SELECT e.event_id, e.source_name, e.source_sector, e.target_name, e.target_sector,
       e.cameo_code, e.cameo_name, e.cameo_root, e.plover_mode, e.modality,
       m.evidence_sentence, m.sentence_start, m.trigger_text, m.trigger_start, m.trigger_end,
       a.source AS outlet, a.title, a.url
FROM events e
LEFT JOIN mentions m ON m.article_id = e.root_article_id AND m.idx = e.root_idx
LEFT JOIN articles a ON a.id = e.root_article_id
WHERE e.event_id IN (SELECT unnest(?::VARCHAR[]))
"""


def _light_row(r: tuple[Any, ...]) -> EventRow:
    (key, day, sc, tc, scode, tcode, quad, gold, ptype, contexts, nm, na, ns, art, idx) = r
    return EventRow(
        key=key, event_id=key, mention_id="", date=day,
        source_country=sc, source_sector=None, source_code=scode, source_name=None,
        target_country=tc, target_sector=None, target_code=tcode, target_name=None,
        cameo_code="", cameo_name="", cameo_root="", quad_class=quad, goldstein=gold,
        plover_type=ptype, plover_mode=None, plover_contexts=tuple(contexts or ()),
        modality="asserted", n_mentions=nm, n_articles=na, n_sources=ns, article_id=art,
        outlet=None, title=None, url=None, sentence="",
        # stands in for the sentence offset, so evidence is de-duplicated per report
        sentence_start=-1 - idx, trigger_text="", trigger_start=0, trigger_end=0,
    )  # fmt: skip


def whole_store_signals(
    con: duckdb.DuckDBPyConnection,
    *,
    by: str,
    since: date | None,
    until: date | None,
    context: tuple[str, ...],
    top: int,
    min_count: int,
    alpha: float,
) -> list[Signal]:
    """Ranked signals (at most ``top``) with full evidence."""
    cur = con.execute(_LIGHT, [since, since, until, until])
    rows: list[EventRow] = []
    while chunk := cur.fetchmany(100_000):
        rows.extend(_light_row(r) for r in chunk)
    first_day, last_day = corpus_bounds(con)
    found = detect_signals(
        rows, by=by, since=since, until=until, first_day=first_day, last_day=last_day,
        context=context, min_count=min_count, alpha=alpha,
    )[:top]  # fmt: skip
    del rows
    keys = sorted({r.key for s in found for r in s.evidence})
    details = {d["event_id"]: d for d in fetch_dicts(con, _EVIDENCE, [keys])} if keys else {}
    reports = _report_lists(con, keys)
    return [
        replace(s, evidence=tuple(_full(r, details.get(r.key), reports) for r in s.evidence))
        for s in found
    ]


def _report_lists(
    con: duckdb.DuckDBPyConnection, keys: list[str]
) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    if not keys:
        return {}
    rows = con.execute(
        "SELECT m.event_id, list(DISTINCT m.article_id ORDER BY m.article_id),"
        " list(DISTINCT coalesce(a.source, '#' || a.id) ORDER BY coalesce(a.source, '#' || a.id))"
        " FROM mentions m JOIN articles a ON a.id = m.article_id"
        " WHERE m.event_id IN (SELECT unnest(?::VARCHAR[])) GROUP BY m.event_id",
        [keys],
    ).fetchall()
    return {k: (tuple(arts), tuple(outs)) for k, arts, outs in rows}


def _full(
    row: EventRow,
    detail: dict[str, Any] | None,
    reports: dict[str, tuple[tuple[str, ...], tuple[str, ...]]],
) -> EventRow:
    if detail is None:
        return row
    articles, outlets = reports.get(row.key, ((), ()))
    return replace(
        row,
        source_name=detail["source_name"],
        source_sector=detail["source_sector"],
        target_name=detail["target_name"],
        target_sector=detail["target_sector"],
        cameo_code=detail["cameo_code"],
        cameo_name=detail["cameo_name"],
        cameo_root=detail["cameo_root"],
        plover_mode=detail["plover_mode"],
        outlet=detail["outlet"],
        title=detail["title"],
        url=detail["url"],
        sentence=detail["evidence_sentence"] or "",
        sentence_start=detail["sentence_start"] or 0,
        trigger_text=detail["trigger_text"] or "",
        trigger_start=detail["trigger_start"] or 0,
        trigger_end=detail["trigger_end"] or 0,
        article_ids=articles,
        outlets=outlets,
    )
