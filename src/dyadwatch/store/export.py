"""Export the store: merged events (or mentions) to Parquet, CSV or JSON Lines.

* ``parquet`` and ``jsonl`` write the table's own columns (``docs/store.md``).
* ``csv`` writes GDELT 2.0's layout so GDELT tooling can read it: for events the 61 columns of
  the GDELT 2.0 *event table* (``GDELT_EVENT_COLUMNS``), for mentions the 16 columns of the
  GDELT 2.0 *mentions table*, each filled where dyadwatch has the corresponding field and empty
  otherwise. GDELT's own files are tab-separated without a header; we write tab-separated with a
  header row by default (``header=False`` and ``delimiter=","`` are available).

Export opens the store read-only under the store's lock protocol, so it can run while ingest
writes; the file appears complete or not at all (written beside, then renamed).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

import duckdb

from dyadwatch.errors import StoreError
from dyadwatch.store.store import Store

ExportFormat = Literal["parquet", "csv", "jsonl"]
ExportTable = Literal["events", "mentions"]

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
    """Actor{n} columns from the representative mention's actor (``a{n}``: actors row)."""
    igo = f"a{n}.kind = 'igo'"
    return {
        f"Actor{n}Code": f"e.{role}_code",
        f"Actor{n}Name": f"e.{role}_name",
        f"Actor{n}CountryCode": f"CASE WHEN {igo} THEN NULL ELSE e.{role}_country END",
        f"Actor{n}KnownGroupCode": f"CASE WHEN {igo} THEN e.{role}_country END",
        f"Actor{n}Type1Code": f"e.{role}_sector",
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
    "Actor1CharOffset": "coalesce(s.start_char, -1)",
    "Actor2CharOffset": "coalesce(t.start_char, -1)",
    "ActionCharOffset": "m.trigger_start",
    "InRawText": "1",
    "Confidence": "CAST(round(m.confidence * 100) AS INTEGER)",
    "MentionDocLen": "length(a.text)",
}


def gdelt_events_sql() -> str:
    """The SELECT giving merged events in GDELT 2.0 event-table layout."""
    columns = ",\n  ".join(
        f'{_EVENT_FIELDS.get(name, _NULL)} AS "{name}"' for name in GDELT_EVENT_COLUMNS
    )
    return f"""
SELECT
  {columns}
FROM events e
LEFT JOIN articles ra ON ra.id = e.root_article_id
LEFT JOIN mentions rm ON rm.article_id = e.root_article_id AND rm.idx = e.root_idx
LEFT JOIN actors a1 ON a1.article_id = e.root_article_id AND a1.mention_idx = e.root_idx
  AND a1.role = 'source'
LEFT JOIN actors a2 ON a2.article_id = e.root_article_id AND a2.mention_idx = e.root_idx
  AND a2.role = 'target'
ORDER BY e.first_date NULLS LAST, e.event_id
"""


def gdelt_mentions_sql() -> str:
    """The SELECT giving mentions (those belonging to an event) in GDELT 2.0 mentions layout."""
    columns = ",\n  ".join(
        f'{_MENTION_FIELDS.get(name, _NULL)} AS "{name}"' for name in GDELT_MENTION_COLUMNS
    )
    return f"""
SELECT
  {columns}
FROM mentions m
JOIN events e ON e.event_id = m.event_id
JOIN articles a ON a.id = m.article_id
LEFT JOIN actors s ON s.article_id = m.article_id AND s.mention_idx = m.idx AND s.role = 'source'
LEFT JOIN actors t ON t.article_id = m.article_id AND t.mention_idx = m.idx AND t.role = 'target'
ORDER BY e.first_date NULLS LAST, e.event_id, m.article_id, m.idx
"""


def _native_sql(table: ExportTable) -> str:
    if table == "events":
        return "SELECT * FROM events ORDER BY first_date NULLS LAST, event_id"
    return "SELECT * FROM mentions ORDER BY article_id, idx"


def export(
    db: str | Path | None,
    out: str | Path,
    format: ExportFormat = "parquet",
    *,
    table: ExportTable = "events",
    delimiter: str = "\t",
    header: bool = True,
    timeout: float = 60.0,
) -> int:
    """Write ``table`` of the store at ``db`` to ``out``; return the number of rows written."""
    if format not in ("parquet", "csv", "jsonl"):
        raise StoreError(f"unknown export format {format!r} (parquet, csv or jsonl)")
    if table not in ("events", "mentions"):
        raise StoreError(f"unknown table {table!r} (events or mentions)")
    if len(delimiter) != 1:
        raise StoreError(f"the delimiter must be one character, not {delimiter!r}")
    target = Path(out)
    if not target.parent.is_dir():
        raise StoreError(f"{target}: folder {target.parent} does not exist")
    if format == "csv":
        query = gdelt_events_sql() if table == "events" else gdelt_mentions_sql()
        sep = delimiter.replace("'", "''")
        options = f"FORMAT csv, DELIMITER '{sep}', HEADER {'true' if header else 'false'}"
    else:
        query = _native_sql(table)
        options = "FORMAT parquet" if format == "parquet" else "FORMAT json"
    partial = target.with_name(f".{target.name}.partial")
    with Store.open(db, read_only=True, timeout=timeout) as store:
        con = store.connection
        try:
            path = str(partial).replace("'", "''")
            con.execute(f"COPY ({query}) TO '{path}' ({options})")
            row = con.execute(f"SELECT count(*) FROM ({query})").fetchone()
        except duckdb.Error as exc:
            partial.unlink(missing_ok=True)
            raise StoreError(f"cannot export to {target}: {exc}") from exc
    os.replace(partial, target)
    return int(row[0]) if row is not None else 0
