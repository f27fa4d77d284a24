"""What a series over the store cannot show: undated mentions, and actors the store never saw.

``dyad``, ``signals`` and ``report`` print these on stderr after their output (and still exit
0): an empty table should say whether the dyad is quiet or the data cannot speak of it.

>>> for line in coverage_warnings("corpus.duckdb", ["USA", "DZA"]):   # doctest: +SKIP
...     print("warning:", line)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from dyadwatch.store.connect import open_connection
from dyadwatch.watch.selection import ActorSpec

# A mention's day as the series read it (dyads.py): its merge date, its own date, its article's.
_UNDATED_SQL = """
    SELECT count(*) FROM mentions m JOIN articles a ON a.id = m.article_id
    WHERE coalesce(m.merge_date, m.event_date, a.date) IS NULL
"""
_ACTORS_SQL = """
    SELECT DISTINCT source_country, source_sector, source_code FROM mentions
    WHERE source_country = ?
    UNION
    SELECT DISTINCT target_country, target_sector, target_code FROM mentions
    WHERE target_country = ?
"""


def coverage_warnings(db: Any, codes: Iterable[str] = ()) -> list[str]:
    """Warnings on the store at ``db`` (a path, ``None`` for the ``db`` setting, a ``Store`` or
    a connection): mentions with no date, and each of ``codes`` that no mention has."""
    specs = [ActorSpec.parse(code) for code in codes]
    out: list[str] = []
    with open_connection(db) as con:
        row = con.execute(_UNDATED_SQL).fetchone()
        undated = int(row[0]) if row else 0
        if undated:
            out.append(
                f"{undated:,} mention(s) in the store have no date and are in no period "
                "(ingest undated texts with --date or --date-from name)"
            )
        for spec in specs:
            seen = con.execute(_ACTORS_SQL, [spec.country, spec.country]).fetchall()
            if not any(spec.matches(country, sector, code) for country, sector, code in seen):
                out.append(f"actor {spec.code} appears in no event of the store")
    return out


__all__ = ["coverage_warnings"]
