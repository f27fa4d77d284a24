"""Settings of the HTTP API and the versions every answer's ``meta`` carries."""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from importlib import resources
from typing import Any

from dyadwatch import __version__
from dyadwatch.store.schema import LATEST_VERSION

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765


@dataclass(frozen=True)
class ApiSettings:
    """How the API serves: page sizes, the per-query time limit, CORS."""

    page_size: int = 100
    """Rows of an events page when ``limit`` is not given."""
    max_page_size: int = 1000
    """Largest ``limit`` accepted for a page (a larger one is a 400)."""
    query_seconds: float = 10.0
    """A query running longer is interrupted (the answer is a 503)."""
    open_timeout: float = 60.0
    """Longest wait for a turn at the database while a writer stores a chunk."""
    cors_origins: tuple[str, ...] = ()
    """Origins allowed to call the API from a browser; none (no CORS headers) by default."""
    max_download_rows: int = 10_000_000
    """Most rows a streamed download (.csv, .geojson, .parquet) holds."""


_ONTOLOGY_FILES = ("cameo.tsv", "cameo_plover.tsv", "plover.json", "contexts.tsv")
# Every packaged table that decides what is coded from a sentence, besides the ontology: the
# event patterns (lexicon/*.tsv), frames, discards, modality cues, non-event objects and the word
# lists the stages test words against.
_LEXICON_FILES = ("verbs.tsv", "frames.tsv", "discards.tsv", "modality.tsv", "nonevent_objects.tsv",
                  "words.yaml")


def lexicon_files() -> tuple[str, ...]:
    """The packaged files the ``lexicon`` version hashes, as paths under ``dyadwatch.data``."""
    patterns = resources.files("dyadwatch.data") / "lexicon"
    tables = sorted(f"lexicon/{p.name}" for p in patterns.iterdir() if p.name.endswith(".tsv"))
    return (*tables, *_LEXICON_FILES)


def _digest(names: tuple[str, ...]) -> str:
    """A short content hash of packaged data files: changes whenever any of them changes."""
    h = hashlib.sha256()
    for name in names:
        h.update(name.encode())
        h.update(resources.files("dyadwatch.data").joinpath(*name.split("/")).read_bytes())
    return h.hexdigest()[:12]


@functools.cache
def versions() -> dict[str, Any]:
    """dyadwatch's version, content hashes of the ontology and lexicon it codes with, and the
    store schema version it reads."""
    return {
        "dyadwatch": __version__,
        "ontology": _digest(_ONTOLOGY_FILES),
        "lexicon": _digest(lexicon_files()),
        "store_schema": LATEST_VERSION,
    }


def meta(query: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
    """The ``meta`` object of an answer: versions, the query as understood, and ``extra``."""
    return {**versions(), "query": query or {}, **extra}
