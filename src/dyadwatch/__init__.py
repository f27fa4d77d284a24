"""dyadwatch: offline political event coding with source-linked evidence."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from datetime import date as Date

    from dyadwatch.records import Event

__all__ = ["Coder", "EventQuery", "__version__", "code", "query"]


def code(text: str, *, date: Date | str | None = None, source: str | None = None) -> list[Event]:
    """Code one article's text into events, with a shared default ``Coder``.

    >>> events = dyadwatch.code("Algeria's president met the US Africa Command commander.")
    """
    from dyadwatch.coder import default_coder

    return default_coder().code(text, date=date, source=source)


def __getattr__(name: str) -> Any:
    # The Coder pulls in spaCy; load it only when asked so `import dyadwatch` stays cheap.
    if name == "Coder":
        from dyadwatch.coder import Coder

        return Coder
    if name == "EventQuery":
        from dyadwatch.query import EventQuery

        return EventQuery
    if name == "query":
        # The module is callable: ``dyadwatch.query(db, dyad=("USA", "CHN"), frame=True)`` runs
        # ``dyadwatch.query_run.query_events`` (rows as dicts, or a pandas frame).
        import dyadwatch.query as query_module

        return query_module
    raise AttributeError(name)
