"""Events: clauses, triggers, modality, dates and the extractor that turns a parse into events."""

from __future__ import annotations

from importlib import import_module
from typing import Any


def __getattr__(name: str) -> Any:
    # Names of the former ``dyadwatch.events`` module, kept for one release; loaded lazily so
    # importing a sibling submodule does not pull in the extractor.
    return getattr(import_module("dyadwatch.events.extract"), name)
