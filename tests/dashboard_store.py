"""A store for the dashboard tests: the bundled corpus and planted stories ingested with the
fake coder, plus articles whose titles, texts, outlets and URLs carry injection payloads.

The planted France-Germany stories give the store a cooperation rise (a signal): one meeting a
month for a year, then one a week for four months. The payload articles each code one
event, so their strings reach every page that shows evidence."""

from __future__ import annotations

import json
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

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
    for k, fields in enumerate(hostile):
        day = date(2020, 8, 2 + 6 * k)
        text = (f"Kenya praised Brazil in Paris on {day} {PAYLOADS['text']} {PAYLOAD}. "
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
    ingest([bundled, corpus], db=db, coder=FakeCoder(), progress=False)
    return db
