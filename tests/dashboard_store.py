"""Support for the dashboard tests. A store: the bundled corpus and planted stories ingested with the
fake coder, plus articles whose titles, texts, outlets and URLs carry injection payloads.

The planted France-Germany stories give the store a cooperation rise (a signal): one meeting a
month for a year, then one a week for four months. The payload articles each code one
event, so their strings reach every page that shows evidence. A server on a free 127.0.0.1
port (``serving``) and a browser page that records what must not happen (``Watched``)."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from dyadwatch.api import create_app
from dyadwatch.ingest import ingest

from fake_coder import FakeCoder

PAYLOAD = "<img src=x onerror=alert(1)>"
PAYLOADS = {
    "title": '"><script>alert("title")</script><svg onload=alert(2)>',
    "outlet": "</script><img src=x onerror=alert(3)> Outlet",
    "text": '<b onmouseover=alert(4)>bold</b><script>alert("text")</script>',
    "url": "javascript:alert(5)",
}
"""Strings a hostile feed could put in each field."""


def _story(i: int, day: date, text: str, **extra: str) -> dict[str, str]:
    return {"id": f"planted-{i:03d}", "date": day.isoformat(), "source": "Planted Wire",
            "title": f"Planted story {i}", "url": f"https://example.org/planted/{i}",
            "text": text, **extra}  # fmt: skip


def planted() -> list[dict[str, str]]:
    stories = []
    n = 0
    start = date(2019, 7, 3)
    for month in range(12):
        day = start + timedelta(days=31 * month)
        stories.append(_story(n, day, f"France met Germany in Paris on {day}."))
        n += 1
    for week in range(18):  # a week apart: the merge window keeps them separate events
        day = date(2020, 7, 1) + timedelta(weeks=week)
        stories.append(_story(n, day, f"France met Germany in Berlin on {day}."))
        n += 1
    for k in range(6):
        day = date(2020, 3 + k, 10)
        stories.append(_story(n, day, f"Russia attacked Ukraine in Kyiv on {day}."))
        n += 1
    day = date(2020, 9, 14)
    stories.append(_story(n, day, f"Russia reportedly attacked Ukraine in Kyiv on {day}."))
    n += 1
    hostile = [
        {"title": PAYLOADS["title"], "url": PAYLOADS["url"]},
        {"source": PAYLOADS["outlet"], "url": "data:text/html,<script>alert(6)</script>"},
        {"title": "Payload in text", "url": "  javascript:alert(7)"},
        {"title": PAYLOAD, "source": PAYLOAD, "url": "vbscript:msgbox(8)"},
    ]
    # each story told differently: alike texts would be stored as copies and not coded
    openings = ["Officials said on the record that", "In a statement read out in the capital,",
                "Diplomats confirmed late in the evening that", "Reporters at the summit learnt that"]
    for k, fields in enumerate(hostile):
        day = date(2020, 8, 2 + 6 * k)
        text = (f"{openings[k]} Kenya praised Brazil in Paris on {day} {PAYLOADS['text']} "
                f"{PAYLOAD}. {' '.join(['Week', 'Month', 'Season', 'Year'][k:])} of talks. "
                f"{PAYLOADS['title']} Japan criticized China on {day}.")  # fmt: skip
        stories.append(_story(n, day, text, **fields))
        n += 1
    return stories


def build(folder: Path) -> Path:
    """Ingest the bundled corpus and the planted stories into ``folder/dash.duckdb``."""
    corpus = folder / "planted.jsonl"
    corpus.write_text("".join(json.dumps(s) + "\n" for s in planted()), encoding="utf-8")
    bundled = Path(str(resources.files("dyadwatch.samples") / "corpus.jsonl"))
    db = folder / "dash.duckdb"
    ingest([bundled, corpus], db=db, coder=FakeCoder())
    return db


TIMEOUT_MS = 15_000
"""Longest wait for any page, element or navigation in the browser tests."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(db: Path) -> Iterator[str]:
    """``dyadwatch serve``'s app over ``db`` on a free 127.0.0.1 port, in a thread; yields the
    base URL."""
    import uvicorn

    port = free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    assert server.started, "the dashboard server did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


class Watched:
    """A browser page with everything that must not happen recorded: console errors, uncaught
    exceptions, dialogs (an ``alert`` from a payload) and requests leaving the server (refused)."""

    def __init__(self, browser: Any, base: str) -> None:
        self.base = base
        self.page = browser.new_page()
        self.page.set_default_timeout(TIMEOUT_MS)
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.outside: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.route("**/*", self._route)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(self.base + "/"):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def goto(self, path: str) -> Any:
        self.page.goto(self.base + path, wait_until="load")
        self.page.wait_for_load_state("networkidle")
        return self.page

    def query(self) -> dict[str, list[str]]:
        return parse_qs(urlsplit(self.page.url).query)

    def assert_clean(self) -> None:
        """Nothing went wrong, nothing was injected, and every link is http(s)."""
        assert self.errors == [] and self.dialogs == [] and self.outside == []
        injected = self.page.evaluate(
            """() => [...document.querySelectorAll('*')].filter(e =>
                   [...e.attributes].some(a => a.name.startsWith('on'))
                   || (e.tagName === 'SCRIPT' && !e.src)
                   || (e.tagName === 'IMG')).length"""
        )
        assert injected == 0
        bad = self.page.evaluate(
            """() => [...document.querySelectorAll('a[href]')]
                   .map(a => new URL(a.getAttribute('href'), document.baseURI).href)
                   .filter(h => !/^https?:/i.test(h))"""
        )
        assert bad == []
