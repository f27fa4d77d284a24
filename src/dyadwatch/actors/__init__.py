"""Actors: who is named in an article (country, sector, CAMEO actor code, and why)."""

from __future__ import annotations

from importlib import import_module
from typing import Any


def __getattr__(name: str) -> Any:
    # Names of the former ``dyadwatch.actors`` module, kept for one release; loaded lazily so
    # importing a sibling submodule does not pull in the resolver.
    return getattr(import_module("dyadwatch.actors.resolve"), name)
