#!/usr/bin/env python3
"""Screenshots of every dashboard page into docs/img/ (used by README and docs/dashboard.md).

    ./scripts/screenshots [--db out/sample.duckdb] [--out docs/img]

Needs a store (./scripts/demo builds out/sample.duckdb), playwright (the dev extra) and
Debian's chromium at /usr/bin/chromium (no browser is downloaded). Starts its own
`dyadwatch serve` on a free 127.0.0.1 port and refuses any request that leaves it.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]  # fmt: skip

PAGES = [
    ("overview", "/", "#top-signals[data-loaded]"),
    (
        "dyad",
        "/dyad?a=DZA&b=USA&by=month&context=military&window=2020-07-01..2020-10-31"
        "&group=cooperation",
        "#dyad-signals[data-loaded]",
    ),
    ("events", "/events?source=USA&sort=date&dir=desc", "table.events"),
    ("event", None, "blockquote.sentence"),
    ("article", None, "article.article-text"),
    ("map", "/map", "svg.map"),
    ("signals", "/signals", "ol.signals"),
    ("actors", "/actors?q=Algeria&on=2020-09-25", "#actor-results"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_up(base: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/api/v1/stats", timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the server at {base} did not answer in {seconds} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "out/sample.duckdb")
    parser.add_argument("--out", type=Path, default=ROOT / "docs/img")
    parser.add_argument("--event", default="", help="Event id of the event page shot.")
    args = parser.parse_args(argv)
    if not args.db.exists():
        print(f"{args.db}: no store; run ./scripts/demo first", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    server = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from dyadwatch.cli import main; main()",
            "serve",
            "--db",
            str(args.db),
            "--port",
            str(port),
        ],
        env=env,
    )
    outside: list[str] = []
    try:
        wait_up(base)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})

            def guard(route: object) -> None:
                url = route.request.url  # type: ignore[attr-defined]
                if url.startswith(base):
                    route.continue_()  # type: ignore[attr-defined]
                else:
                    outside.append(url)
                    route.abort()  # type: ignore[attr-defined]

            page.route("**/*", guard)
            event_url = f"/event/{args.event}" if args.event else None
            for name, path, ready in PAGES:
                if path is None and name == "event":
                    path = event_url or _townsend(page, base)
                if path is None and name == "article":
                    page.goto(base + (event_url or _townsend(page, base)))
                    path = page.locator("ol.reports a[href^='/article/']").first.get_attribute(
                        "href"
                    )
                page.goto(base + str(path))
                page.wait_for_selector(ready, timeout=20_000)
                target = args.out / f"{name}.png"
                page.screenshot(
                    path=str(target), full_page=name not in ("map", "article", "events")
                )
                print(f"{target.relative_to(ROOT)}  <- {path}")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    if outside:
        print("refused requests leaving 127.0.0.1:", *outside, sep="\n  ", file=sys.stderr)
        return 1
    return 0


def _townsend(page: object, base: str) -> str:
    """The event page of the reference-style story's Townsend-Tebboune sentence."""
    import json

    with urllib.request.urlopen(base + "/api/v1/events?text=Townsend&limit=50", timeout=10) as r:
        rows = json.load(r)["data"]
    for row in rows:
        if "Tebboune" in (row["evidence_sentence"] or "") and row["event_id"]:
            return f"/event/{row['event_id']}"
    return f"/event/{rows[0]['event_id']}" if rows else "/events"


if __name__ == "__main__":
    raise SystemExit(main())
