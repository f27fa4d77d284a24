"""A local news site for the watch tests, demo and benchmark: feeds (RSS, Atom, JSON Feed,
sitemap), article pages and faults, served by a thread on 127.0.0.1 only.

Articles are generated from our own templates: each carries one or two sentences the fake coder
(tests/fake_coder.py) and the real pipeline both code, framed by filler. The site can add
articles between cycles (``publish``), serve syndicated copies and German articles, and answer a
path with a fault. Every response ends by itself: endless answers stop after ``MAX_SECONDS``.

Run it by hand: ``python tests/feed_server.py --port 8765 --articles 40`` (serves until Ctrl-C).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import html
import json
import random
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MAX_SECONDS = 8.0
"""Longest any response of the server lasts (the never-ending page, the hanging feed)."""

FILLER = [
    "Officials spoke to reporters after the talks and said more meetings were planned.",
    "The two governments have a long history of trade and cultural exchange in the region.",
    "Analysts said the outcome would be watched closely by neighbouring capitals this month.",
    "The statement was issued late in the evening after several hours of discussion.",
    "Both sides described the atmosphere as serious, and neither took questions afterwards.",
]
GERMAN = (
    "Die Regierung hat am Dienstag neue Maßnahmen angekündigt, die nach Angaben des Ministeriums"
    " die Wirtschaft stärken und die Preise für Energie in den kommenden Monaten senken sollen."
    " Die Opposition kritisierte den Plan als zu spät und zu wenig ehrgeizig für das ganze Land."
)
WORDS = [
    "ministers",
    "farmers",
    "harbour",
    "railway",
    "budget",
    "election",
    "court",
    "village",
    "river",
    "bridge",
    "school",
    "hospital",
    "market",
    "winter",
    "summer",
    "council",
    "treaty",
    "border",
    "port",
    "harvest",
    "factory",
    "museum",
    "university",
    "soldiers",
    "doctors",
    "teachers",
    "workers",
    "drivers",
    "engineers",
    "judges",
    "voters",
    "students",
    "quickly",
    "slowly",
    "openly",
    "quietly",
    "firmly",
    "warmly",
    "briefly",
    "again",
    "later",
    "early",
    "today",
    "yesterday",
    "northern",
    "southern",
    "eastern",
    "western",
    "coastal",
    "rural",
    "urban",
    "national",
    "regional",
    "local",
    "public",
    "private",
    "heavy",
    "light",
    "new",
    "old",
    "large",
    "small",
    "long",
    "short",
    "busy",
    "quiet",
    "crowded",
    "empty",
]
PAIRS = [("France", "Germany"), ("Russia", "Ukraine"), ("China", "Japan"), ("Kenya", "Brazil")]
VERBS = ["met", "hosted", "praised", "criticized", "attacked", "negotiated with"]


@dataclass
class Page:
    path: str
    title: str
    body: str
    published: date
    language: str = "en"


def english_text(i: int, day: date, *, pair: int | None = None, verb: str | None = None) -> str:
    a, b = PAIRS[pair if pair is not None else i % len(PAIRS)]
    v = verb or VERBS[(i // len(PAIRS)) % len(VERBS)]
    lead = f"{a} {v} {b} on {day.isoformat()}."
    extra = FILLER[i % len(FILLER)], FILLER[(i + 2) % len(FILLER)], FILLER[(i + 3) % len(FILLER)]
    rng = random.Random(i)
    colour = " ".join(rng.choice(WORDS) for _ in range(24))
    return f"{lead} Report number {i} from the desk. {' '.join(extra)} Notes: {colour}."


def page_html(page: Page) -> str:
    paragraphs = "".join(f"<p>{html.escape(s.strip())}.</p>" for s in page.body.split(". ") if s)
    return (
        f'<!DOCTYPE html><html lang="{page.language}"><head><meta charset="utf-8">'
        f"<title>{html.escape(page.title)}</title>"
        f'<meta property="article:published_time" content="{page.published.isoformat()}">'
        f"</head><body><nav>Home | World | Sport</nav><article><h1>{html.escape(page.title)}</h1>"
        f"{paragraphs}</article><footer>Copyright the site</footer></body></html>"
    )


@dataclass
class Site:
    """What the server serves; change it between cycles (thread-safe enough for tests: the
    handler reads snapshots of the dicts)."""

    pages: dict[str, Page] = field(default_factory=dict)
    feeds: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    """path -> (kind: rss, atom, json, sitemap; page paths, newest first)."""
    faults: dict[str, str] = field(default_factory=dict)
    robots: str = "User-agent: *\nDisallow: /private/\n"
    hits: dict[str, int] = field(default_factory=dict)
    base: str = ""
    window: int | None = None
    """Items a feed lists (its newest); all when None."""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add_page(self, feed: str, page: Page) -> None:
        with self.lock:
            self.pages[page.path] = page
            kind, paths = self.feeds[feed]
            self.feeds[feed] = (kind, [page.path, *paths])

    def feed_body(self, path: str) -> tuple[bytes, str]:
        kind, paths = self.feeds[path]
        pages = [self.pages[p] for p in paths[: self.window]]
        url = self.base
        if kind == "rss":
            items = "".join(
                f"<item><title>{html.escape(p.title)}</title><link>{url}{p.path}</link>"
                f"<pubDate>{format_datetime(datetime(p.published.year, p.published.month, p.published.day, tzinfo=UTC))}</pubDate></item>"
                for p in pages
            )
            body = f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title><link>{url}</link><description>d</description>{items}</channel></rss>'
            return body.encode(), "application/rss+xml"
        if kind == "atom":
            entries = "".join(
                f'<entry><title>{html.escape(p.title)}</title><link href="{url}{p.path}"/>'
                f"<id>{url}{p.path}</id><updated>{p.published.isoformat()}T12:00:00Z</updated></entry>"
                for p in pages
            )
            body = f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>{url}/a</id><updated>2020-01-01T00:00:00Z</updated>{entries}</feed>'
            return body.encode(), "application/atom+xml"
        if kind == "json":
            items_json = [
                {
                    "id": p.path,
                    "url": url + p.path,
                    "title": p.title,
                    "date_published": p.published.isoformat() + "T12:00:00Z",
                }
                for p in pages
            ]
            data = {
                "version": "https://jsonfeed.org/version/1.1",
                "title": "t",
                "items": items_json,
            }
            return json.dumps(data).encode(), "application/feed+json"
        urls = "".join(
            f"<url><loc>{url}{p.path}</loc><lastmod>{p.published.isoformat()}</lastmod></url>"
            for p in pages
        )
        body = f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        return body.encode(), "application/xml"


def build_site(n: int, *, start: date = date(2020, 5, 4), copies: int = 0, german: int = 0) -> Site:
    """``n`` English articles spread over four feeds (one of each kind), a day apart, plus
    ``copies`` syndicated copies (lightly rewritten) and ``german`` German articles."""
    site = Site()
    for kind in ("rss", "atom", "json", "sitemap"):
        site.feeds[f"/feeds/{kind}"] = (kind, [])
    kinds = list(site.feeds)
    for i in range(n):
        day = start + timedelta(days=i)
        page = Page(f"/news/{i}.html", f"Story {i}", english_text(i, day), day)
        site.add_page(kinds[i % 4], page)
    for c in range(copies):
        original = site.pages[f"/news/{c}.html"]
        text = original.body.replace("from the desk", "from our partners")
        site.add_page(
            kinds[(c + 1) % 4],
            Page(f"/syndicated/{c}.html", original.title, text, original.published),
        )
    for g in range(german):
        site.add_page(
            kinds[g % 4],
            Page(f"/de/{g}.html", f"Bericht {g}", GERMAN + f" Nummer {g}.", start, "de"),
        )
    return site


def demo_site() -> Site:
    """Six months of news for the demo: Russia and Ukraine meet monthly, then in the last month
    Russian attacks on Ukraine (a rise of conflict and a first), with syndicated copies and
    German articles in between."""
    site = Site()
    for kind in ("rss", "atom", "json", "sitemap"):
        site.feeds[f"/feeds/{kind}"] = (kind, [])
    kinds = list(site.feeds)
    n = 0

    def add(day: date, pair: int, verb: str) -> None:
        nonlocal n
        text = english_text(n, day, pair=pair, verb=verb)
        site.add_page(kinds[n % 4], Page(f"/news/{n}.html", f"Story {n}", text, day))
        n += 1

    for month in range(1, 6):
        add(date(2020, month, 3), 1, "met")
        add(date(2020, month, 12), 1, "negotiated with")
        add(date(2020, month, 20), 0, "met")
    for day in (2, 7, 12, 17, 22, 27):
        add(date(2020, 6, day), 1, "attacked")
    for c in range(3):
        original = site.pages[f"/news/{c}.html"]
        text = original.body.replace("from the desk", "from our partners")
        site.add_page(
            kinds[(c + 1) % 4],
            Page(f"/syndicated/{c}.html", original.title, text, original.published),
        )
    for g in range(2):
        site.add_page(
            kinds[g % 4],
            Page(f"/de/{g}.html", f"Bericht {g}", GERMAN + f" Nummer {g}.", date(2020, 6, 1), "de"),
        )
    return site


@functools.cache
def gzip_bomb() -> bytes:
    """60 MB of spaces in about 60 kB of gzip (built once: compressing takes a while)."""
    return gzip.compress(b"<rss>" + b" " * (60 << 20), compresslevel=9)


class _Handler(BaseHTTPRequestHandler):
    site: Site

    def log_message(self, *args: object) -> None:
        return None

    def _send(
        self, status: int, body: bytes, ctype: str, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        site = self.site
        path = self.path.split("?")[0]
        with site.lock:
            site.hits[path] = site.hits.get(path, 0) + 1
            fault = site.faults.get(path)
        try:
            if fault is not None:
                self._fault(fault, path)
            elif path == "/robots.txt":
                self._send(200, site.robots.encode(), "text/plain")
            elif path in site.feeds:
                with site.lock:
                    body, ctype = site.feed_body(path)
                etag = f'"{hash(body) & 0xFFFFFFFF:x}"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                else:
                    self._send(200, body, ctype, {"ETag": etag})
            elif path in site.pages:
                self._send(200, page_html(site.pages[path]).encode(), "text/html; charset=utf-8")
            else:
                self._send(404, b"<html><body>Not found</body></html>", "text/html")
        except (BrokenPipeError, ConnectionResetError):
            return

    def _fault(self, fault: str, path: str) -> None:
        if fault == "malformed":
            self._send(
                200,
                b'<?xml version="1.0"?><rss><channel><item><title>x</item></rss',
                "application/rss+xml",
            )
        elif fault == "html":
            self._send(
                200,
                b"<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>",
                "text/html",
            )
        elif fault == "latin1":
            self._send(
                200,
                '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Café é</title></channel></rss>'.encode(
                    "latin-1"
                ),
                "application/rss+xml",
            )
        elif fault == "huge":  # claims a gigabyte
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(1 << 30))
            self.end_headers()
            self.wfile.write(b"<rss>" + b" " * 65536)
        elif fault == "gzipbomb":
            body = gzip_bomb()
            self._send(200, body, "application/rss+xml", {"Content-Encoding": "gzip"})
        elif fault == "redirect":
            self.send_response(302)
            self.send_header("Location", path)
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif fault == "neverending":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            end = time.monotonic() + MAX_SECONDS
            while time.monotonic() < end:
                self.wfile.write(b"<p>more</p>")
                self.wfile.flush()
                time.sleep(0.05)
        elif fault == "hang":
            time.sleep(MAX_SECONDS)
        elif fault == "items100k":
            items = "".join(
                f"<item><link>{self.site.base}/x/{i}</link></item>" for i in range(100_000)
            )
            self._send(
                200,
                f'<rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode(),
                "application/rss+xml",
            )
        elif fault.isdigit():
            headers = {"Retry-After": "120"} if fault in ("429", "503") else {}
            self._send(int(fault), b"<html><body>error</body></html>", "text/html", headers)
        else:
            raise ValueError(fault)


class FeedServer:
    """The site served on 127.0.0.1 (port 0: any free port) by a daemon thread."""

    def __init__(self, site: Site, port: int = 0) -> None:
        handler = type("Handler", (_Handler,), {"site": site})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.httpd.daemon_threads = True
        self.site = site
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        site.base = self.base
        # a short poll: shutdown() waits for the loop's next poll (0.5 s by default, per test)
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> FeedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--articles", type=int, default=0, help="generated articles (default: the demo site)"
    )
    args = parser.parse_args()
    site = build_site(args.articles, copies=3, german=2) if args.articles else demo_site()
    with FeedServer(site, args.port) as server:
        print(f"serving {server.base}/feeds/{{rss,atom,json,sitemap}}", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
