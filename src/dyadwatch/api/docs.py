"""The API docs page: plain HTML rendered from the OpenAPI document, no script or stylesheet
from anywhere (FastAPI's own pages fetch Swagger UI from a CDN and stay blank offline)."""

from __future__ import annotations

from html import escape
from typing import Any

_STYLE = """
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h2{border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2rem}
code{background:#f3f3f3;padding:0 .2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
td,th{border:1px solid #ddd;padding:.2rem .4rem;text-align:left;vertical-align:top;font-size:.9rem}
.method{font-weight:bold;color:#05a}
"""


def docs_page(openapi: dict[str, Any], prefix: str) -> str:
    """One HTML page listing every path of ``openapi`` with its parameters."""
    info = openapi.get("info", {})
    parts = [
        "<!doctype html><html><head><meta charset='utf-8'>",
        f"<title>{escape(str(info.get('title', 'API')))} API</title><style>{_STYLE}</style>",
        "</head><body>",
        f"<h1>{escape(str(info.get('title', '')))} API {escape(str(info.get('version', '')))}</h1>",
        f"<p>{escape(str(info.get('description', '')))}</p>",
        f"<p>Machine-readable: <a href='{prefix}/openapi.json'><code>{prefix}/openapi.json"
        '</code></a>. Answers are JSON: <code>{"data", "next_cursor", "meta"}</code> for'
        ' lists; errors are <code>{"error": {"status", "message", "parameter"}}</code>.</p>',
    ]
    for path, operations in sorted(openapi.get("paths", {}).items()):
        for method, op in operations.items():
            parts.append(
                f"<h2><span class='method'>{escape(method.upper())}</span>"
                f" <code>{escape(path)}</code></h2>"
            )
            if op.get("summary"):
                parts.append(f"<p><b>{escape(op['summary'])}</b></p>")
            if op.get("description"):
                parts.append(f"<p>{escape(op['description'])}</p>".replace("\n\n", "</p><p>"))
            params = op.get("parameters", [])
            if params:
                parts.append("<table><tr><th>parameter</th><th>in</th><th>type</th>"
                             "<th>description</th></tr>")  # fmt: skip
                for p in params:
                    schema = p.get("schema", {})
                    kind = schema.get("type") or " | ".join(
                        str(s.get("type")) for s in schema.get("anyOf", []) if s.get("type")
                    )
                    parts.append(
                        f"<tr><td><code>{escape(str(p.get('name')))}</code></td>"
                        f"<td>{escape(str(p.get('in')))}</td><td>{escape(str(kind))}</td>"
                        f"<td>{escape(str(p.get('description', '')))}</td></tr>"
                    )
                parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts)
