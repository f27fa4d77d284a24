"""SQL of an ``EventQuery``: the flat row set it filters and its filters as one parameterised
condition. Every value is a bound parameter; only the SQL's shape depends on the query."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dyadwatch.query import EventQuery

FLAT_COLUMNS = """
    {key} AS key, {event_id} AS event_id, {gid} AS global_id, {day} AS date, {last} AS last_date,
    {t}.source_name, {t}.source_country, {t}.source_sector, {t}.source_code,
    {t}.target_name, {t}.target_country, {t}.target_sector, {t}.target_code,
    {t}.cameo_code, {t}.cameo_name, {t}.cameo_root, {t}.quad_class, {t}.goldstein,
    {t}.plover_type, {t}.plover_mode, {t}.plover_context, {t}.modality, {t}.confidence,
    {t}.place_name, {t}.place_geonames_id, {t}.place_feature, {t}.place_country,
    {t}.place_admin1, {t}.place_lat, {t}.place_lon,
    {counts}, {added} AS added_at, {article} AS article_id,
    {evidence}
"""

_EVENT_ROWS = (
    "SELECT "
    + FLAT_COLUMNS.format(
        key="e.event_id",
        event_id="e.event_id",
        gid="e.global_id",
        day="e.first_date",
        last="e.last_date",
        t="e",
        counts="e.n_mentions, e.n_asserted, e.n_articles, e.n_sources",
        added="e.added_at",
        article="e.root_article_id",
        evidence="e.outlet, e.title, e.url, e.language, e.evidence_sentence, e.sentence_start,"
        " e.trigger_text, e.trigger_start, e.trigger_end",
    )
    + " FROM events e"
)

_REPORT_ROWS = (
    "SELECT "
    + FLAT_COLUMNS.format(
        key="m.article_id || '#' || m.idx",
        event_id="CAST(NULL AS VARCHAR)",
        gid="CAST(NULL AS BIGINT)",
        day="coalesce(m.merge_date, m.event_date, a.date)",
        last="coalesce(m.merge_date, m.event_date, a.date)",
        t="m",
        counts="1 AS n_mentions, 0 AS n_asserted, 1 AS n_articles, 1 AS n_sources",
        added="a.coded_at",
        article="m.article_id",
        evidence="a.source AS outlet, a.title, a.url, a.language, m.evidence_sentence,"
        " m.sentence_start, m.trigger_text, m.trigger_start, m.trigger_end",
    )
    + (
        " FROM mentions m JOIN articles a ON a.id = m.article_id"
        " WHERE m.event_id IS NULL AND list_contains(?, m.modality)"
    )
)


def flat_sql(q: EventQuery) -> tuple[str, list[Any]]:
    """The row set a query filters: merged events, plus (when ``modality`` asks for more than
    asserted reports) the unmerged reports of those modalities. Columns: ``FLAT_COLUMNS``, the
    ``ROW_COLUMNS`` of ``query_run`` (events carry their representative report's evidence, so
    a page reads the ``events`` table alone)."""
    others = [m for m in q.modality if m != "asserted"]
    parts: list[str] = []
    params: list[Any] = []
    if "asserted" in q.modality:
        parts.append(_EVENT_ROWS)
    if others:
        parts.append(_REPORT_ROWS)
        params.append(others)
    return " UNION ALL ".join(parts), params


def sort_day_sql() -> str:
    """The sort date: undated rows last (keyset pagination needs a value that is never NULL)."""
    return "coalesce(date, DATE '9999-12-31')"


def where_sql(q: EventQuery) -> tuple[str, list[Any]]:
    """The query's filters as one condition over the flat rows, with its parameters."""
    where: list[str] = []
    params: list[Any] = []

    def add(clause: str, *values: Any) -> None:
        where.append(clause)
        params.extend(values)

    for role in ("source", "target"):
        codes = q.actors[role]
        if codes:
            parts = [c.sql(role) for c in codes]
            add("(" + " OR ".join(p for p, _ in parts) + ")", *[v for _, vs in parts for v in vs])
    if "dyad" in q.actors:
        a, b = q.actors["dyad"]
        (sa, pa), (tb, pb) = a.sql("source"), b.sql("target")
        (sb, qb), (ta, qa) = b.sql("source"), a.sql("target")
        add(f"(({sa} AND {tb}) OR ({sb} AND {ta}))", *pa, *pb, *qb, *qa)
    if q.cameo:
        add("(" + " OR ".join("starts_with(cameo_code, ?)" for _ in q.cameo) + ")", *q.cameo)
    for column, values in (
        ("quad_class", q.quad_class),
        ("plover_type", q.plover_type),
        ("plover_mode", q.plover_mode),
        ("place_country", q.place_country),
        ("place_admin1", q.place_admin1),
    ):
        if values:
            add(f"list_contains(?, {column})", list(values))
    if q.plover_context:
        add("list_has_any(plover_context, ?)", list(q.plover_context))
    if q.min_confidence is not None:
        add("confidence >= ?", q.min_confidence)
    if q.min_sources > 1:
        add("n_sources >= ?", q.min_sources)
    if q.min_mentions > 1:
        add("n_mentions >= ?", q.min_mentions)
    if q.start is not None:
        add("date >= ?", q.start)
    if q.end is not None:
        add("date <= ?", q.end)
    if q.added_since is not None:
        add("added_at > ?", q.added_since)
    if q.near is not None:
        add(
            "place_lat IS NOT NULL AND 2 * 6371.0088 * asin(sqrt("
            "pow(sin(radians(place_lat - ?) / 2), 2) + cos(radians(?)) * cos(radians(place_lat))"
            " * pow(sin(radians(place_lon - ?) / 2), 2))) <= ?",
            q.near.lat,
            q.near.lat,
            q.near.lon,
            q.near.km,
        )
    report_where, report_params = _report_filters(q)
    if report_where:
        add(
            "key IN (SELECT coalesce(m.event_id, m.article_id || '#' || m.idx) FROM mentions m"
            " JOIN articles a ON a.id = m.article_id WHERE " + report_where + ")",
            *report_params,
        )
    return (" AND ".join(where) or "true"), params


def _report_filters(q: EventQuery) -> tuple[str, list[Any]]:
    """Filters on any report of an event: its article's language and outlet, its sentence."""
    where: list[str] = []
    params: list[Any] = []
    if q.language:
        where.append("list_contains(?, lower(a.language))")
        params.append(list(q.language))
    if q.outlet:
        where.append("list_contains(?, a.source)")
        params.append(list(q.outlet))
    if q.text is not None:
        escaped = q.text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        where.append("m.evidence_sentence ILIKE ? ESCAPE '\\'")
        params.append(f"%{escaped}%")
    return " AND ".join(where), params
