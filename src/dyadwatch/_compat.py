"""Former flat module paths (``dyadwatch.store_schema`` ...), kept importable for one release.

Importing an old path gives the module at its new place in the stage packages, with a
``DeprecationWarning`` that names the new path.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
import warnings
from types import ModuleType

MOVED: dict[str, str] = {
    "articles": "read.articles",
    "nlp": "nlp.pipeline",
    "attributes": "nlp.attributes",
    "knowledge_load": "knowledge.load",
    "ontology": "knowledge.ontology",
    "lexicon": "knowledge.lexicon",
    "discards": "knowledge.discards",
    "people": "actors.people",
    "actor_cues": "actors.cues",
    "clauses": "events.clauses",
    "triggers": "events.triggers",
    "modality": "events.modality",
    "fallback": "events.fallback",
    "dates": "read.dates",
    "prefilter": "events.prefilter",
    "places": "geo.places",
    "gazetteer": "geo.gazetteer",
    "gazetteer_build": "geo.build",
    "gazetteer_cache": "geo.cache",
    "store_lock": "store.lock",
    "store_schema": "store.schema",
    "store_write": "store.write",
    "merge": "store.merge",
    "export": "store.export",
    "dyads": "watch.dyads",
    "signals": "watch.signals",
    "reports": "watch.reports",
    "evaluate": "evaluation.evaluate",
    "places_eval": "evaluation.places",
}


class _Alias(importlib.abc.Loader):
    def __init__(self, target: str) -> None:
        self.target = target
        self.spec: importlib.machinery.ModuleSpec | None = None

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        warnings.warn(
            f"{spec.name} moved to {self.target}; the old path goes in the next release",
            DeprecationWarning,
            stacklevel=2,
        )
        module = importlib.import_module(self.target)
        self.spec = module.__spec__
        return module

    def exec_module(self, module: ModuleType) -> None:
        # The target is already executed; importlib has just set the alias's spec on it, so put
        # the module's own spec back (pickling and reloading go by ``__spec__``).
        module.__spec__ = self.spec


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(
        self, fullname: str, path: object = None, target: object = None
    ) -> importlib.machinery.ModuleSpec | None:
        package, _, name = fullname.rpartition(".")
        if package != "dyadwatch" or name not in MOVED:
            return None
        return importlib.machinery.ModuleSpec(fullname, _Alias(f"dyadwatch.{MOVED[name]}"))


def install() -> None:
    if not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.append(_Finder())
