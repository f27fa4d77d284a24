"""Single records for the API: an event with every report of it, an article, the store's
statistics, and actors from the knowledge files."""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Any

from dyadwatch.errors import NotFound
from dyadwatch.knowledge.base import load_knowledge
from dyadwatch.query_run import fetch_dicts
from dyadwatch.query_write import json_row

if TYPE_CHECKING:
    import duckdb

_REPORT_COLUMNS = """
    m.article_id, m.idx, m.id AS mention_id, m.event_id, m.modality, m.confidence, m.event_date,
    m.date_precision, m.merge_date, m.merge_key, m.cameo_code, m.cameo_name, m.cameo_root,
    m.plover_type, m.plover_mode, m.plover_context, m.source_code, m.target_code,
    m.evidence_sentence, m.sentence, m.sentence_start, m.trigger_text, m.trigger_start,
    m.trigger_end, m.rule, m.place_name, m.place_country, m.event_json
"""


def _span(actor: dict[str, Any] | None) -> dict[str, Any] | None:
    if not actor:
        return None
    return {
        "text": actor.get("text"),
        "start": actor.get("start"),
        "end": actor.get("end"),
        "code": actor.get("cameo_code"),
        "reason": actor.get("reason"),
    }


def _plain(span: Any) -> dict[str, Any] | None:
    if not isinstance(span, dict) or not isinstance(span.get("start"), int):
        return None
    return {"text": span.get("text"), "start": span["start"], "end": span.get("end")}


def evidence_spans(coded: dict[str, Any]) -> dict[str, dict[str, Any] | None]:
    """The evidence words of a stored report beyond its trigger and actors, read from its event
    JSON (null when the report has none): ``modality_cue``, the word that set the modality;
    ``speaker``, the party whose claim it only is (with its actor code); ``restated``, the second
    word of an act told twice in the sentence. Reports stored before these fields existed give
    nulls."""
    evidence = coded.get("evidence")
    evidence = evidence if isinstance(evidence, dict) else {}
    speaker = _plain(evidence.get("attributed_to"))
    if speaker is not None:
        speaker["code"] = evidence["attributed_to"].get("cameo_code")
    return {"modality_cue": _plain(evidence.get("modality_cue")), "speaker": speaker,
            "restated": _plain(evidence.get("restated"))}  # fmt: skip


def _report(
    row: dict[str, Any], event: dict[str, Any] | None, article: dict[str, Any]
) -> dict[str, Any]:
    coded = json.loads(row.pop("event_json"))
    row["source"] = _span(coded.get("source"))
    row["target"] = _span(coded.get("target"))
    row["trigger"] = {"text": row["trigger_text"], "start": row["trigger_start"],
                      "end": row["trigger_end"]}  # fmt: skip
    row.update(evidence_spans(coded))
    row["article"] = {k: article.get(k) for k in ("title", "url", "source", "date", "language")}
    row["why_merged"] = why_merged(row, event)
    return json_row(row)


def why_merged(report: dict[str, Any], event: dict[str, Any] | None) -> str:
    """In words, why this report belongs to the event (the merge rules of docs/store.md)."""
    if event is None:
        return (
            f"not merged: a {report['modality']} report that found no asserted event to join"
            " (it stands alone)"
        )
    if (report["article_id"], report["idx"]) == (event["root_article_id"], event["root_idx"]):
        return "founded the event: its earliest asserted report (its evidence represents it)"
    kind = "same CAMEO root" if report["cameo_root"] == event["cameo_root"] else "same PLOVER type"
    dyad = report["merge_key"] or "-"
    when = report["merge_date"].isoformat() if report["merge_date"] else "no date"
    if report["modality"] != "asserted":
        return (
            f"attached: a {report['modality']} report of the same dyad ({dyad}), {kind}, dated"
            f" {when} within the merge window; counts as a report, does not move the dates"
        )
    return (
        f"merged: same dyad ({dyad}), {kind} as the event, dated {when} within the merge window"
        " of every asserted report, compatible place"
    )


def event_detail(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any]:
    if len(event_id) > 300:
        raise NotFound("no such event")
    if "#" in event_id:
        return _unmerged(con, event_id)
    events = fetch_dicts(con, "SELECT * FROM events WHERE event_id = ?", [event_id])
    if not events:
        raise NotFound(f"no event {event_id!r} in the store")
    event = events[0]
    reports = fetch_dicts(
        con,
        f"SELECT {_REPORT_COLUMNS} FROM mentions m WHERE m.event_id = ?"
        " ORDER BY m.merge_date NULLS LAST, m.article_id, m.idx",
        [event_id],
    )
    articles = _articles(con, [r["article_id"] for r in reports])
    out = json_row(event)
    out["reports"] = [_report(r, event, articles.get(r["article_id"], {})) for r in reports]
    return out


def _unmerged(con: duckdb.DuckDBPyConnection, key: str) -> dict[str, Any]:
    article_id, _, idx = key.rpartition("#")
    if not idx.isdigit() or len(idx) > 9:
        raise NotFound(f"no report {key!r} in the store")
    reports = fetch_dicts(
        con,
        f"SELECT {_REPORT_COLUMNS} FROM mentions m WHERE m.article_id = ? AND m.idx = ?"
        " AND m.event_id IS NULL",
        [article_id, int(idx)],
    )
    if not reports:
        raise NotFound(f"no unmerged report {key!r} in the store")
    report = reports[0]
    articles = _articles(con, [article_id])
    return {"key": key, "event_id": None,
            "reports": [_report(report, None, articles.get(article_id, {}))]}  # fmt: skip


def _articles(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Articles by id: one equality look-up each (DuckDB answers those from the primary-key
    index; an IN list would scan the table)."""
    out: dict[str, dict[str, Any]] = {}
    for article_id in sorted(set(ids)):
        rows = fetch_dicts(
            con,
            "SELECT id, title, url, source, date, language FROM articles WHERE id = ?",
            [article_id],
        )
        if rows:
            out[article_id] = rows[0]
    return out


def article_detail(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any]:
    rows = fetch_dicts(
        con,
        "SELECT id, title, url, source, date, language, content_hash, n_mentions, coded_at, text"
        " FROM articles WHERE id = ?",
        [article_id],
    )
    if not rows:
        raise NotFound(f"no article {article_id!r} in the store")
    reports = fetch_dicts(
        con,
        "SELECT idx, id AS mention_id, event_id, modality, cameo_code, plover_type, source_code,"
        " target_code, evidence_sentence, sentence_start, trigger_start, trigger_end"
        " FROM mentions WHERE article_id = ? ORDER BY idx",
        [article_id],
    )
    out = json_row(rows[0])
    out["reports"] = [json_row(r) for r in reports]
    return out


def stats(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    row = fetch_dicts(
        con,
        """SELECT (SELECT count(*) FROM articles) AS articles,
                  (SELECT count(*) FROM mentions) AS mentions,
                  (SELECT count(*) FROM events) AS events,
                  (SELECT min(first_date) FROM events) AS first_date,
                  (SELECT max(first_date) FROM events) AS last_date,
                  (SELECT max(added_at) FROM events) AS last_added,
                  (SELECT count(DISTINCT source) FROM articles) AS outlets""",
        [],
    )[0]
    version = fetch_dicts(con, "SELECT max(version) AS v FROM schema_version", [])[0]["v"]
    return json_row({**row, "schema_version": version})


def find_actors(text: str, on: date | None) -> list[dict[str, Any]]:
    """Countries and organisations whose code, name or alias contains ``text``, and office
    holders whose name, alias or country matches it (in office ``on`` when a date is given)."""
    kb = load_knowledge()
    needle = text.casefold()
    out: list[dict[str, Any]] = []

    def hit(*names: str) -> bool:
        return bool(needle) and any(needle in n.casefold() for n in names)

    if needle:
        for c in kb.countries.values():
            if hit(c.iso3, c.name, *c.aliases):
                out.append({"kind": "country", "code": c.iso3, "name": c.name})
        for g in kb.igos.values():
            if hit(g.code, g.name, *g.aliases):
                out.append({"kind": g.kind, "code": g.code, "name": g.name, "parent": g.parent})
    for p in kb.officeholders:
        if on is not None and not p.holds_on(on):
            continue
        if needle and not (hit(p.name, *p.aliases) or p.country.casefold() == needle):
            continue
        out.append(
            {
                "kind": "person", "name": p.name, "country": p.country, "sector": p.sector,
                "role": p.role, "code": p.country + p.sector, "start": p.start.isoformat(),
                "end": p.end.isoformat() if p.end else None,
            }
        )  # fmt: skip
    return out[:500]
