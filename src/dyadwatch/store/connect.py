"""Reading a store from whatever the caller holds: a path, an open ``Store`` or a connection.

>>> with open_connection("corpus.duckdb") as con:                         # doctest: +SKIP
...     con.execute("SELECT count(*) FROM events").fetchone()
>>> query_events("corpus.duckdb", dyad=("ECOWAS", "MLI"), frame=True)   # doctest: +SKIP

The analysis layers (``watch``, the query entry point, the CLI) take a ``db`` argument of any of
the three kinds; this module is the one place that turns it into a connection.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from dyadwatch.errors import InvalidArgument
from dyadwatch.query import EventQuery
from dyadwatch.query_run import build_query, iter_rows, rows_to_frame
from dyadwatch.store.store import Store


@contextmanager
def open_connection(db: Any) -> Iterator[duckdb.DuckDBPyConnection]:
    """A DuckDB connection from a path (opened read-only through the store's lock protocol and
    closed afterwards), an open ``Store``, or a connection (used as is)."""
    if isinstance(db, duckdb.DuckDBPyConnection):
        yield db
    elif isinstance(db, Store):
        yield db.connection
    elif db is None or isinstance(db, str | Path):
        with Store.open(db, read_only=True) as store:
            yield store.connection
    else:
        raise InvalidArgument("db", f"not a database path, store or DuckDB connection: {db!r}")


def query_events(
    db: Any = None,
    q: EventQuery | None = None,
    *,
    limit: int | None = None,
    frame: bool = False,
    **filters: Any,
) -> Any:
    """Run a query on a store: rows as dicts (``ROW_COLUMNS``), or a pandas frame.

    ``db`` is a database path (``None``: the ``db`` setting), an open ``Store`` or a DuckDB
    connection. Filters come as an ``EventQuery``, as keywords, or both (keywords win).

    >>> dyadwatch.query("corpus.duckdb", dyad=("ECOWAS", "MLI"), frame=True)  # doctest: +SKIP
    """
    query = build_query(q, **filters)
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
        raise InvalidArgument("limit", f"expected a whole number >= 0, not {limit!r}")
    with open_connection(db) as con:
        rows = list(iter_rows(con, query, limit))
    return rows_to_frame(rows) if frame else rows
