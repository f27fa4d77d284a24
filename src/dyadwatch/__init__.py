"""dyadwatch: offline political event coding with source-linked evidence.

The public API is re-exported here and loaded lazily, so ``import dyadwatch`` stays cheap (the
coder pulls in spaCy, the store DuckDB):

- coding: ``code``, ``Coder``;
- the records: ``Article``, ``Actor``, ``Event``, ``Place``, ``PlaceMention`` ...;
- the corpus: ``Store``, ``ingest``;
- watching: ``dyad_series``, ``find_signals``, ``write_report``;
- knowledge: ``load_knowledge``, ``load_ontology``;
- errors: ``DyadwatchError`` and its subclasses.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from dyadwatch import _compat

__version__ = "0.1.0"

if TYPE_CHECKING:
    from datetime import date as Date

    from dyadwatch.records import Event

# public name -> module that defines it
_EXPORTS: dict[str, str] = {
    "Coder": "dyadwatch.coder",
    "Coded": "dyadwatch.coder",
    "Store": "dyadwatch.store.store",
    "ingest": "dyadwatch.ingest",
    "IngestSummary": "dyadwatch.ingest",
    "dyad_series": "dyadwatch.watch.dyads",
    "find_signals": "dyadwatch.watch.signals",
    "write_report": "dyadwatch.watch.reports",
    "load_knowledge": "dyadwatch.knowledge.base",
    "load_ontology": "dyadwatch.knowledge.ontology",
    "Settings": "dyadwatch.settings",
    "EventQuery": "dyadwatch.query",
    **{
        name: "dyadwatch.records"
        for name in (
            "Actor", "Article", "Cameo", "Event", "EventDate", "Evidence", "Place",
            "PlaceMention", "Plover", "Span",
        )
    },
    **{
        name: "dyadwatch.errors"
        for name in (
            "CoderError", "DyadwatchError", "InputError", "InvalidArgument", "KnowledgeError",
            "MissingExtra", "ModelNotFoundError", "OutputError", "SettingsError", "StoreError", "WorkerError",
        )
    },
}

__all__ = ["__version__", "code", "query", *sorted(_EXPORTS)]

_compat.install()


def code(text: str, *, date: Date | str | None = None, source: str | None = None) -> list[Event]:
    """Code one article's text into events, with a shared default ``Coder``.

    >>> events = dyadwatch.code("Algeria's president met the US Africa Command commander.")
    """
    from dyadwatch.coder import default_coder

    return default_coder().code(text, date=date, source=source)


def __getattr__(name: str) -> Any:
    if name == "query":
        # The module is callable: ``dyadwatch.query(db, dyad=("USA", "CHN"), frame=True)`` runs
        # ``dyadwatch.store.connect.query_events`` (rows as dicts, or a pandas frame).
        return import_module("dyadwatch.query")
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'dyadwatch' has no attribute {name!r}")
    return getattr(import_module(module), name)
