"""Plumbing shared by the dashboard's pages: the template environment (autoescaping on), the
security headers, safe links, query strings that carry a page's state, and mounting."""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Any
from urllib.parse import urlencode, urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.datastructures import QueryParams
from starlette.responses import HTMLResponse, Response

ASSETS = "/assets"

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
    " connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
"""Only the server's own scripts, styles and data: no inline script or style, no framing."""

SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}

QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


def safe_url(value: Any) -> str | None:
    """``value`` when it is an absolute http(s) URL, else None: a ``javascript:``, ``data:`` or
    relative URL from the store is shown as text, never made a link."""
    if not isinstance(value, str) or len(value) > 2000:
        return None
    text = value.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if any(ord(c) < 33 for c in text):
        return None
    return text


def qs(params: dict[str, Any] | QueryParams, **changes: Any) -> str:
    """A query string of ``params`` with ``changes`` applied (None removes a parameter; a list
    repeats it); empty values are left out so shared URLs stay short."""
    items: dict[str, list[str]] = {}
    if isinstance(params, QueryParams):
        for key in params:
            items[key] = params.getlist(key)
    else:
        for key, value in params.items():
            items[key] = (
                [str(v) for v in value] if isinstance(value, list | tuple) else [str(value)]
            )
    for key, value in changes.items():
        if value is None:
            items.pop(key, None)
        elif isinstance(value, list | tuple):
            items[key] = [str(v) for v in value]
        else:
            items[key] = [str(value)]
    pairs = [(k, v) for k, vs in items.items() for v in vs if v != ""]
    return "?" + urlencode(pairs) if pairs else "?"


def fmt_number(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        if math.isnan(value):
            return "–"
        return f"{value:,.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def fmt_date(value: Any) -> str:
    if value is None:
        return "undated"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)[:16].replace("T", " ")


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("dyadwatch.dashboard", "templates"),
        autoescape=select_autoescape(["html", "xml", "atom"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    env.filters["num"] = fmt_number
    env.filters["day"] = fmt_date
    env.globals["qs"] = qs
    env.globals["QUAD_NAMES"] = QUAD_NAMES
    env.globals["assets"] = ASSETS
    return env


TEMPLATES = _environment()


def render(name: str, status: int = 200, media_type: str = "text/html", **context: Any) -> Response:
    """A template as a response carrying the security headers."""
    body = TEMPLATES.get_template(name).render(**context)
    if media_type == "text/html":
        return HTMLResponse(body, status_code=status, headers=SECURITY_HEADERS)
    return Response(body, status_code=status, media_type=media_type, headers=SECURITY_HEADERS)

