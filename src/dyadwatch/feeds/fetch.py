"""HTTP for the watcher: every response bounded, every host paced, robots.txt respected.

* Bounded: connect and read timeouts, a wall-clock deadline per response (a page that trickles
  bytes for ever ends there), a byte cap on the body checked against Content-Length and while
  reading, gzip and deflate decoded by us in bounded steps (a small compressed bomb never
  expands past the cap), at most ``max_redirects`` redirects, and content types checked.
* Paced: at most one request per ``host_delay`` seconds per host (robots.txt's Crawl-delay
  when longer), shared by every thread; a 429 or 503 answer's Retry-After pushes the host's
  next slot back.
* robots.txt: fetched once a day per site; a missing one (4xx) allows everything, an
  unreachable one (5xx, network) disallows the site until the next try (RFC 9309).
"""

from __future__ import annotations

import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Literal
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from dyadwatch.errors import DyadwatchError

Kind = Literal["feed", "page", "robots"]

FEED_TYPES = ("xml", "rss", "atom", "json", "text/plain")
PAGE_TYPES = ("text/html", "application/xhtml")


@dataclass(frozen=True)
class Limits:
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    deadline: float = 60.0
    """Seconds one response may take, first byte to last."""
    max_feed_bytes: int = 20_000_000
    max_page_bytes: int = 10_000_000
    max_robots_bytes: int = 500_000
    max_redirects: int = 5
    host_delay: float = 1.0
    max_retry_after: float = 86_400.0
    robots_ttl: float = 86_400.0
    robots_retry: float = 600.0


class FetchError(DyadwatchError):
    """A request that failed; ``status`` and ``retry_after`` (seconds) when the server said."""

    code = "DW-FETCH"

    def __init__(
        self, url: str, problem: str, status: int | None = None, retry_after: float | None = None
    ) -> None:
        super().__init__(f"{url}: {problem}")
        self.url = url
        self.problem = problem
        self.status = status
        self.retry_after = retry_after


@dataclass(frozen=True)
class Response:
    url: str
    """The final URL (after redirects)."""
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'").lower()
        return None


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Seconds from a Retry-After header (a number of seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class HostPacer:
    """One request per ``delay`` seconds per host, across threads."""

    def __init__(self, delay: float, sleep: Callable[[float], None] = time.sleep) -> None:
        self.delay = delay
        self._next: dict[str, float] = {}
        self._delays: dict[str, float] = {}
        self._lock = threading.Lock()
        self._sleep = sleep

    def wait(self, host: str) -> None:
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next.get(host, now))
            self._next[host] = slot + self._delays.get(host, self.delay)
        if slot > now:
            self._sleep(slot - now)

    def set_delay(self, host: str, delay: float) -> None:
        with self._lock:
            self._delays[host] = max(self.delay, delay)

    def push_back(self, host: str, seconds: float) -> None:
        with self._lock:
            self._next[host] = max(self._next.get(host, 0.0), time.monotonic() + seconds)

    def forget_idle(self) -> None:
        """Drop hosts whose slot has passed (keeps memory flat over months)."""
        with self._lock:
            now = time.monotonic()
            self._next = {h: t for h, t in self._next.items() if t > now}


@dataclass
class _Robots:
    parser: RobotFileParser | None
    """None: the site is disallowed until ``expires`` (robots.txt unreachable)."""
    expires: float


@dataclass
class Fetcher:
    """GET with the limits above; thread-safe (one httpx client shared by the threads)."""

    user_agent: str
    limits: Limits = field(default_factory=Limits)
    transport: httpx.BaseTransport | None = None

    def __post_init__(self) -> None:
        self.pacer = HostPacer(self.limits.host_delay)
        self._robots: dict[str, _Robots] = {}
        self._robots_lock = threading.Lock()
        timeout = httpx.Timeout(
            self.limits.read_timeout, connect=self.limits.connect_timeout, pool=None
        )
        self._client = httpx.Client(
            timeout=timeout,
            follow_redirects=False,
            transport=self.transport,
            headers={"User-Agent": self.user_agent, "Accept-Encoding": "gzip, deflate"},
            limits=httpx.Limits(max_connections=32, max_keepalive_connections=8),
        )

    def close(self) -> None:
        self._client.close()

    def get(self, url: str, kind: Kind, headers: dict[str, str] | None = None) -> Response:
        """The response to GET ``url`` (a 304 comes back with an empty body); a ``FetchError``
        for anything else than 2xx/304, and for a body that breaks a limit."""
        current = url
        for _ in range(self.limits.max_redirects + 1):
            if kind != "robots" and not self.allowed(current):
                raise FetchError(current, "disallowed by robots.txt")
            response = self._one(current, kind, headers or {})
            if response is None:
                continue  # not reached: _one returns or raises
            if isinstance(response, str):
                current = response
                continue
            return response
        raise FetchError(url, f"more than {self.limits.max_redirects} redirects")

    def _one(self, url: str, kind: Kind, headers: dict[str, str]) -> Response | str | None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(url, "not an http(s) URL")
        host = parts.netloc.lower()
        self.pacer.wait(host)
        cap = {
            "feed": self.limits.max_feed_bytes,
            "page": self.limits.max_page_bytes,
            "robots": self.limits.max_robots_bytes,
        }[kind]
        started = time.monotonic()
        try:
            with self._client.stream("GET", url, headers=headers) as r:
                if r.status_code == 304:
                    return Response(url, 304, _headers(r), b"")
                if r.is_redirect:
                    location = r.headers.get("location")
                    if not location:
                        raise FetchError(url, f"redirect ({r.status_code}) without a Location")
                    return urljoin(url, str(location))
                if r.status_code in (429, 503):
                    wait = retry_after_seconds(r.headers.get("retry-after"))
                    if wait is not None:
                        self.pacer.push_back(host, min(wait, self.limits.max_retry_after))
                    raise FetchError(url, f"HTTP {r.status_code}", r.status_code, wait)
                if not 200 <= r.status_code < 300:
                    raise FetchError(url, f"HTTP {r.status_code}", r.status_code)
                hdrs = _headers(r)
                response = Response(url, r.status_code, hdrs, b"")
                _check_type(url, kind, response.content_type)
                declared = hdrs.get("content-length", "")
                if declared.isdigit() and int(declared) > cap:
                    raise FetchError(url, f"body of {int(declared):,} bytes; the limit is {cap:,}")
                body = _read(r, url, cap, started + self.limits.deadline)
        except httpx.TimeoutException as exc:
            raise FetchError(url, f"timed out ({type(exc).__name__})") from None
        except httpx.HTTPError as exc:
            raise FetchError(url, f"{type(exc).__name__}: {exc}") from None
        return Response(url, response.status, response.headers, body)

    # -- robots.txt ------------------------------------------------------------------------------

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc.lower()}"
        with self._robots_lock:
            entry = self._robots.get(site)
        if entry is None or entry.expires <= time.monotonic():
            entry = self._fetch_robots(site)
            with self._robots_lock:
                self._robots[site] = entry
        if entry.parser is None:
            return False
        return entry.parser.can_fetch(self.user_agent, url)

    def _fetch_robots(self, site: str) -> _Robots:
        now = time.monotonic()
        parser = RobotFileParser()
        try:
            response = self.get(site + "/robots.txt", "robots")
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500 and exc.status != 429:
                parser.parse([])
                return _Robots(parser, now + self.limits.robots_ttl)
            return _Robots(None, now + self.limits.robots_retry)
        parser.parse(response.body.decode("utf-8", "replace").splitlines())
        delay = parser.crawl_delay(self.user_agent)
        if delay is not None:
            self.pacer.set_delay(urlsplit(site).netloc.lower(), min(float(delay), 60.0))
        return _Robots(parser, now + self.limits.robots_ttl)


def _headers(r: httpx.Response) -> dict[str, str]:
    return {k.lower(): v for k, v in r.headers.items()}


def _check_type(url: str, kind: Kind, content_type: str) -> None:
    if kind == "robots" or not content_type:
        return
    # HTML served for a feed is let through here: the parser tells an error page from a feed
    # served with the wrong type (which is common).
    allowed = FEED_TYPES + PAGE_TYPES if kind == "feed" else PAGE_TYPES
    if not any(t in content_type for t in allowed):
        raise FetchError(url, f"unexpected content type {content_type!r} for a {kind}")


def _read(r: httpx.Response, url: str, cap: int, deadline: float) -> bytes:
    encoding = r.headers.get("content-encoding", "identity").strip().lower()
    if encoding in ("gzip", "x-gzip"):
        decoder: zlib._Decompress | None = zlib.decompressobj(wbits=31)
    elif encoding == "deflate":
        decoder = zlib.decompressobj()
    elif encoding in ("identity", ""):
        decoder = None
    else:
        raise FetchError(url, f"unsupported content encoding {encoding!r}")
    out = bytearray()
    try:
        # No chunk_size: a chunk as soon as it arrives, so that a trickle meets the deadline.
        for raw in r.iter_raw():
            if time.monotonic() > deadline:
                raise FetchError(url, "the response did not end in time")
            if decoder is None:
                out += raw
            else:
                data = raw
                while data:
                    # Bounded steps: never more than the room left under the cap (plus one byte).
                    out += decoder.decompress(data, cap - len(out) + 1)
                    if len(out) > cap:
                        break
                    data = decoder.unconsumed_tail
            if len(out) > cap:
                raise FetchError(url, f"body larger than {cap:,} bytes")
        if decoder is not None:
            out += decoder.flush()
    except zlib.error as exc:
        raise FetchError(url, f"damaged {encoding} body: {exc}") from None
    if len(out) > cap:
        raise FetchError(url, f"body larger than {cap:,} bytes")
    return bytes(out)
