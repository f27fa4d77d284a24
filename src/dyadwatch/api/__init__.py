"""dyadwatch's HTTP API: the store read-only as JSON under ``/api/v1`` (``docs/api.md``).

>>> from dyadwatch.api import ApiSettings, create_app        # doctest: +SKIP
>>> app = create_app("corpus.duckdb", ApiSettings(page_size=50))
>>> uvicorn.run(app, host="127.0.0.1", port=8765)

Built on FastAPI; ``dyadwatch serve`` runs it on uvicorn.
"""

from __future__ import annotations

from dyadwatch.api.app import PREFIX, create_app
from dyadwatch.api.meta import DEFAULT_HOST, DEFAULT_PORT, ApiSettings

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "PREFIX", "ApiSettings", "create_app"]
