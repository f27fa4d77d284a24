"""The analyst's dashboard served by ``dyadwatch serve`` at ``/`` (``docs/dashboard.md``).

Server-rendered Jinja2 pages over the same query layer and store reader as the HTTP API, with
a little JavaScript of our own (``static/dash.js``): no CDN, no map tiles, nothing fetched from
anywhere but the server itself. Every page's state lives in its URL.

>>> app = create_app("corpus.duckdb")        # doctest: +SKIP
>>> mount_dashboard(app)                     # done by create_app already
"""

from __future__ import annotations

from dyadwatch.dashboard.mount import mount_dashboard

__all__ = ["mount_dashboard"]
