"""Export the store: merged events, mentions or articles to Parquet, CSV or JSON Lines.

* ``parquet`` and ``jsonl`` write the table's own columns (``docs/store.md``); events also carry
  the evidence of their representative report (sentence, trigger, outlet, title, url).
* An ``EventQuery`` chooses the events (and the mentions and articles of those events).
An actor the text does not name ("civilians were killed": code ``---``) is kept in every export;
in the GDELT layout its code, name and offset are left empty (-1), as GDELT does.

* ``csv`` writes GDELT 2.0's layout so GDELT tooling can read it: for events the 61 columns of
  the GDELT 2.0 *event table* (``GDELT_EVENT_COLUMNS``), for mentions the 16 columns of the
  GDELT 2.0 *mentions table*, each filled where dyadwatch has the corresponding field and empty
  otherwise. GDELT's own files are tab-separated without a header; we write tab-separated with a
  header row by default (``header=False`` and ``delimiter=","`` are available). ``gdelt_strict``
  writes what GDELT loaders expect: no header, no undated event (counted), FIPS 10-4 geographic
  country codes, CAMEO type codes and 3-character group codes only.

Export opens the store read-only under the store's lock protocol, so it can run while ingest
writes; the file appears complete or not at all (written beside, then renamed).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import duckdb

from dyadwatch.errors import InvalidArgument, StoreError
from dyadwatch.knowledge.base import load_knowledge
from dyadwatch.outputs import output_path
from dyadwatch.query import EventQuery, flat_sql, where_sql
from dyadwatch.store.store import Store
from dyadwatch.tables import packaged, read_table

ExportFormat = Literal["parquet", "csv", "jsonl"]
ExportTable = Literal["events", "mentions", "articles"]
FORMATS: tuple[str, ...] = ("parquet", "csv", "jsonl")
TABLES: tuple[str, ...] = ("events", "mentions", "articles")
SUFFIX_FORMATS: dict[str, ExportFormat] = {
    ".parquet": "parquet", ".csv": "csv", ".tsv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl",
}  # fmt: skip

GDELT_EVENT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
"""GDELT 2.0 event table columns, in GDELT's order."""

GDELT_MENTION_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset",
    "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
    "MentionDocTranslationInfo", "Extras",
)  # fmt: skip
"""GDELT 2.0 mentions table columns, in GDELT's order."""

_NULL = "NULL"


def _actor(n: int, role: str) -> dict[str, str]:
    """Actor{n} columns from the representative mention's actor (``a{n}``: actors row). An IGO's
    country is its CAMEO code ("IGOUNO", "NGOAMN"): as in GDELT, no country code, the
    organisation's three letters as known group, the type ("IGO"/"NGO") first, then the sector.
    A store written before IGO codes carried their type ("UNO") keeps its short code."""
    igo = f"a{n}.kind = 'igo'"
    country = f"e.{role}_country"
    typed = f"(left({country}, 3) IN ('IGO', 'NGO') AND length({country}) > 3)"
    # GDELT leaves an actor the text does not name empty; our code for it is '---'
    unknown = f"e.{role}_code = '---'"
    return {
        f"Actor{n}Code": f"CASE WHEN {unknown} THEN NULL ELSE e.{role}_code END",
        f"Actor{n}Name": f"CASE WHEN {unknown} THEN NULL ELSE e.{role}_name END",
        f"Actor{n}CountryCode": f"CASE WHEN {igo} THEN NULL ELSE {country} END",
        f"Actor{n}KnownGroupCode":
            f"CASE WHEN {igo} THEN CASE WHEN {typed} THEN substr({country}, 4, 3) ELSE {country} END END",
        f"Actor{n}Type1Code":
            f"CASE WHEN {igo} AND {typed} THEN left({country}, 3) ELSE e.{role}_sector END",
        f"Actor{n}Type2Code": f"CASE WHEN {igo} AND {typed} THEN e.{role}_sector END",
    }


_ACTION_GEO_TYPE = """CASE e.place_feature
    WHEN 'country' THEN 1
    WHEN 'admin' THEN CASE WHEN e.place_country = 'USA' THEN 2 ELSE 5 END
    WHEN 'city' THEN CASE WHEN e.place_country = 'USA' THEN 3 ELSE 4 END
END"""

_EVENT_FIELDS: dict[str, str] = {
    "GLOBALEVENTID": "e.global_id",
    "SQLDATE": "CAST(strftime(e.first_date, '%Y%m%d') AS INTEGER)",
    "MonthYear": "CAST(strftime(e.first_date, '%Y%m') AS INTEGER)",
    "Year": "year(e.first_date)",
    "FractionDate": "round(year(e.first_date) + dayofyear(e.first_date) / 365.0, 4)",
    **_actor(1, "source"),
    **_actor(2, "target"),
    "IsRootEvent": "CASE WHEN rm.sentence = 0 THEN 1 ELSE 0 END",
    "EventCode": "e.cameo_code",
    "EventBaseCode": "left(e.cameo_code, 3)",
    "EventRootCode": "e.cameo_root",
    "QuadClass": "e.quad_class",
    "GoldsteinScale": "e.goldstein",
    "NumMentions": "e.n_mentions",
    "NumSources": "e.n_sources",
    "NumArticles": "e.n_articles",
    "ActionGeo_Type": _ACTION_GEO_TYPE,
    # GDELT's "City, Province, Country" without the country (ActionGeo_CountryCode has it).
    "ActionGeo_FullName": (
        "concat_ws(', ', e.place_name, CASE WHEN e.place_feature = 'city'"
        " AND e.place_admin1_name <> e.place_name THEN e.place_admin1_name END)"
    ),
    "ActionGeo_CountryCode": "e.place_country",
    "ActionGeo_ADM1Code": "e.place_country || e.place_admin1",
    "ActionGeo_Lat": "e.place_lat",
    "ActionGeo_Long": "e.place_lon",
    "ActionGeo_FeatureID": "e.place_geonames_id",
    "DATEADDED": "CAST(strftime(e.added_at, '%Y%m%d%H%M%S') AS BIGINT)",
    "SOURCEURL": "ra.url",
}

_MENTION_FIELDS: dict[str, str] = {
    "GLOBALEVENTID": "e.global_id",
    "EventTimeDate": "CAST(strftime(e.added_at, '%Y%m%d%H%M%S') AS BIGINT)",
    "MentionTimeDate": "CAST(strftime(coalesce(a.date::TIMESTAMP, a.coded_at), '%Y%m%d%H%M%S')"
    " AS BIGINT)",
    "MentionType": "1",
    "MentionSourceName": "a.source",
    "MentionIdentifier": "coalesce(a.url, a.id)",
    "SentenceID": "m.sentence + 1",
    "Actor1CharOffset": "CASE WHEN s.kind = 'unknown' THEN -1 ELSE coalesce(s.start_char, -1) END",
    "Actor2CharOffset": "CASE WHEN t.kind = 'unknown' THEN -1 ELSE coalesce(t.start_char, -1) END",
    "ActionCharOffset": "m.trigger_start",
    "InRawText": "1",
    "Confidence": "CAST(round(m.confidence * 100) AS INTEGER)",
    "MentionDocLen": "length(a.text)",
}


# What --gdelt-strict changes: GDELT loaders expect FIPS 10-4 geographic country codes, CAMEO
# type codes and 3-character group codes.
_STRICT_FIELDS: dict[str, str] = {
    "ActionGeo_CountryCode": "gf.fips",
    "ActionGeo_ADM1Code": "gf.fips || coalesce(e.place_admin1, '')",
}
for _n, _role in ((1, "source"), (2, "target")):
    _STRICT_FIELDS.update(
        {
            f"Actor{_n}Code": f"CASE WHEN a{_n}.kind = 'igo' THEN g{_n}.grp"
            f" ELSE e.{_role}_country END || coalesce(t{_n}.type, '')",
            f"Actor{_n}KnownGroupCode": f"CASE WHEN a{_n}.kind = 'igo' THEN g{_n}.grp END",
            f"Actor{_n}Type1Code": f"t{_n}.type",
        }
    )

CAMEO_TYPES: dict[str, str] = {
    **{s: s for s in ["COP", "GOV", "JUD", "MIL", "OPP", "PTY", "REB", "SPY", "UAF", "AGR", "BUS", "CRM", "CVL", "EDU", "ELI", "LAB", "LEG", "REF", "REL"]},
    "MED": "HLH",  # our MED is health; CAMEO's MED is media
    "JRN": "MED",
    "SOC": "NGO",  # PLOVER's civil-society organisations are CAMEO's non-governmental ones
}  # fmt: skip
"""Our sector -> CAMEO actor type code (sectors CAMEO has no type for are left out)."""


@functools.cache
def fips_codes() -> dict[str, str]:
    """ISO 3166-1 alpha-3 -> FIPS 10-4 country code (``dyadwatch/data/fips.tsv``)."""
    entry, where = packaged("fips.tsv")
    out: dict[str, str] = {}
    for row in read_table(entry, ("iso3", "fips"), name="fips codes", where=where).rows:
        iso3, fips = row.values()
        if len(iso3) != 3 or len(fips) != 2:
            raise row.error("expected ISO3<TAB>FIPS")
        out[iso3] = fips
    return out


def group_codes() -> dict[str, str]:
    """Organisation code -> its 3-character group code: the three characters after ``IGO`` or
    ``NGO`` (``IGOWAS`` -> ``WAS``); a body or mission has its parent's (``IGOUNOUNSC`` ->
    ``UNO``), as GDELT codes the UN's agencies."""
    return {
        code: code[3:6]
        for code in load_knowledge().igos
        if code[:3] in ("IGO", "NGO") and len(code) >= 6
    }


def _pairs(mapping: dict[str, str], key: str, value: str) -> tuple[str, list[Any]]:
    sql = f"(SELECT unnest(?::VARCHAR[]) AS {key}, unnest(?::VARCHAR[]) AS {value})"
    return sql, [list(mapping), list(mapping.values())]


def selection_sql(q: EventQuery | None) -> tuple[str, list[Any]]:
    """A condition on ``e.event_id`` keeping the query's events (``true`` for no query)."""
    if q is None or q == EventQuery():
        return "true", []
    if not q.is_asserted_only():
        raise InvalidArgument(
            "modality",
            "exports hold merged events (asserted); export --table mentions and filter its"
            " modality column for other reports",
        )
    flat, params = flat_sql(q)
    where, where_params = where_sql(q)
    return f"e.event_id IN (SELECT key FROM ({flat}) flat WHERE {where})", params + where_params


def gdelt_events_sql(
    q: EventQuery | None = None, *, strict: bool = False
) -> tuple[str, list[Any]]:
    """The SELECT giving merged events in GDELT 2.0 event-table layout, and its parameters."""
    fields = {**_EVENT_FIELDS, **(_STRICT_FIELDS if strict else {})}
    columns = ",\n  ".join(
        f'{fields.get(name, _NULL)} AS "{name}"' for name in GDELT_EVENT_COLUMNS
    )
    joins, params = "", []
    if strict:
        for alias, on, mapping, names in (
            ("gf", "gf.iso3 = e.place_country", fips_codes(), ("iso3", "fips")),
            ("t1", "t1.sector = e.source_sector", CAMEO_TYPES, ("sector", "type")),
            ("t2", "t2.sector = e.target_sector", CAMEO_TYPES, ("sector", "type")),
            ("g1", "g1.code = e.source_country", group_codes(), ("code", "grp")),
            ("g2", "g2.code = e.target_country", group_codes(), ("code", "grp")),
        ):
            table, values = _pairs(mapping, *names)
            joins += f"\nLEFT JOIN {table} {alias} ON {on}"
            params += values
    where, where_params = selection_sql(q)
    if strict:
        where += " AND e.first_date IS NOT NULL"
    sql = f"""
SELECT
  {columns}
FROM events e
LEFT JOIN articles ra ON ra.id = e.root_article_id
LEFT JOIN mentions rm ON rm.article_id = e.root_article_id AND rm.idx = e.root_idx
LEFT JOIN actors a1 ON a1.article_id = e.root_article_id AND a1.mention_idx = e.root_idx
  AND a1.role = 'source'
LEFT JOIN actors a2 ON a2.article_id = e.root_article_id AND a2.mention_idx = e.root_idx
  AND a2.role = 'target'{joins}
WHERE {where}
ORDER BY e.first_date NULLS LAST, e.event_id
"""
    return sql, params + where_params


def gdelt_mentions_sql(q: EventQuery | None = None) -> tuple[str, list[Any]]:
    """The SELECT giving mentions (those belonging to an event) in GDELT 2.0 mentions layout."""
    columns = ",\n  ".join(
        f'{_MENTION_FIELDS.get(name, _NULL)} AS "{name}"' for name in GDELT_MENTION_COLUMNS
    )
    where, params = selection_sql(q)
    sql = f"""
SELECT
  {columns}
FROM mentions m
JOIN events e ON e.event_id = m.event_id
JOIN articles a ON a.id = m.article_id
LEFT JOIN actors s ON s.article_id = m.article_id AND s.mention_idx = m.idx AND s.role = 'source'
LEFT JOIN actors t ON t.article_id = m.article_id AND t.mention_idx = m.idx AND t.role = 'target'
WHERE {where}
ORDER BY e.first_date NULLS LAST, e.event_id, m.article_id, m.idx
"""
    return sql, params


def native_sql(table: ExportTable, q: EventQuery | None = None) -> tuple[str, list[Any]]:
    """Our own columns of ``table`` (events with their evidence), for the query's events."""
    where, params = selection_sql(q)
    if table == "events":  # the events table holds its representative report's evidence
        return (
            f"SELECT e.* FROM events e WHERE {where} ORDER BY e.first_date NULLS LAST, e.event_id"
        ), params
    if where == "true":
        mentions = "SELECT * FROM mentions"
        if table == "mentions":
            return mentions + " ORDER BY article_id, idx", []
        return "SELECT * FROM articles ORDER BY id", []
    chosen = f"SELECT e.event_id FROM events e WHERE {where}"
    if table == "mentions":
        return f"SELECT * FROM mentions WHERE event_id IN ({chosen}) ORDER BY article_id, idx", params
    return (
        "SELECT * FROM articles WHERE id IN"
        f" (SELECT article_id FROM mentions WHERE event_id IN ({chosen})) ORDER BY id"
    ), params


def format_for(out: str | Path, fmt: str | None = None) -> ExportFormat:
    """The format asked for, else the one OUT's suffix names; an unknown one is refused (a
    ``.json`` or ``.xlsx`` file must not silently receive Parquet)."""
    if fmt is not None:
        if fmt not in FORMATS:
            raise InvalidArgument("format", f"unknown export format {fmt!r} (parquet, csv or jsonl)")
        return fmt  # type: ignore[return-value]
    suffix = Path(out).suffix.lower()
    if suffix not in SUFFIX_FORMATS:
        raise InvalidArgument(
            "out",
            f"cannot tell the format from the suffix {suffix or '(none)'!r} of {out}: use"
            f" {', '.join(SUFFIX_FORMATS)}, or name it with --format",
        )
    return SUFFIX_FORMATS[suffix]


@dataclass(frozen=True)
class ExportResult:
    rows: int
    undated: int = 0
    """Events left out because they have no date (``gdelt_strict`` only)."""


def export(db: str | Path | None, out: str | Path, format: ExportFormat | None = None,
           **options: Any) -> int:
    """Write a table of the store at ``db`` to ``out``; return the number of rows written
    (``options``: the keywords of ``export_store``)."""
    return export_store(db, out, format, **options).rows


def export_store(
    db: str | Path | None,
    out: str | Path,
    format: ExportFormat | None = None,
    *,
    table: ExportTable = "events",
    delimiter: str = "\t",
    header: bool = True,
    query: EventQuery | None = None,
    gdelt_strict: bool = False,
    timeout: float = 60.0,
) -> ExportResult:
    """``export``, also counting the undated events ``gdelt_strict`` leaves out."""
    if table not in TABLES:
        raise InvalidArgument("table", f"unknown table {table!r} (events, mentions or articles)")
    if len(delimiter) != 1:
        raise InvalidArgument("delimiter", f"must be one character, not {delimiter!r}")
    chosen = format_for(out, format)
    if gdelt_strict and (chosen != "csv" or table != "events"):
        raise InvalidArgument("gdelt_strict", "applies to the events table written as csv")
    if chosen == "csv" and table != "articles":
        if table == "events":
            sql, params = gdelt_events_sql(query, strict=gdelt_strict)
        else:
            sql, params = gdelt_mentions_sql(query)
        sep = delimiter.replace("'", "''")
        with_header = header and not gdelt_strict
        options = f"FORMAT csv, DELIMITER '{sep}', HEADER {'true' if with_header else 'false'}"
    else:
        sql, params = native_sql(table, query)
        options = {"parquet": "FORMAT parquet", "jsonl": "FORMAT json"}.get(chosen, "FORMAT csv")
    undated = 0
    with Store.open(db, read_only=True, timeout=timeout) as store, output_path(out) as partial:
        con = store.connection
        try:
            path = str(partial).replace("'", "''")
            con.execute(f"COPY ({sql}) TO '{path}' ({options})", params)
            row = con.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()
            if gdelt_strict:
                where, where_params = selection_sql(query)
                left = con.execute(
                    f"SELECT count(*) FROM events e WHERE {where} AND e.first_date IS NULL",
                    where_params,
                ).fetchone()
                undated = int(left[0]) if left is not None else 0
        except duckdb.Error as exc:
            raise StoreError(f"cannot export to {out}: {exc}") from exc
    return ExportResult(int(row[0]) if row is not None else 0, undated)
