"""The feed list: a YAML file of feeds to watch, validated with errors naming file and entry.

.. code-block:: yaml

    user_agent: "dyadwatch (+mailto:me@example.org)"   # optional
    feeds:
      - url: https://example.org/world/rss.xml
        outlet: Example News
        interval: 15m                     # s, m, h or d
        language: en                      # optional: the feed's articles are in this language
        include: ["/world/"]              # optional: only page URLs matching one of these
        exclude: ["/sport/", "/video/"]   # optional: never page URLs matching one of these
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from dyadwatch.errors import InputError

DEFAULT_USER_AGENT = "dyadwatch/0.1 (news event coder; polite: robots.txt, 1 request/s per host)"
MIN_INTERVAL = 60.0
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_KEYS = {"url", "outlet", "interval", "language", "include", "exclude"}


@dataclass(frozen=True)
class FeedConfig:
    url: str
    outlet: str
    interval: float
    """Seconds between polls."""
    language: str | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def wants(self, page_url: str) -> bool:
        """Whether a page URL passes the feed's include and exclude patterns."""
        if self.include and not any(re.search(p, page_url) for p in self.include):
            return False
        return not any(re.search(p, page_url) for p in self.exclude)


@dataclass(frozen=True)
class WatchConfig:
    feeds: tuple[FeedConfig, ...]
    user_agent: str = DEFAULT_USER_AGENT


def parse_interval(value: Any) -> float:
    """Seconds from ``15m``, ``1h``, ``90s``, ``1d`` or a number of seconds."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        seconds = float(value)
    elif isinstance(value, str) and (m := re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd])\s*", value)):
        seconds = float(m[1]) * _UNITS[m[2]]
    else:
        raise ValueError(f"interval {value!r}: expected a number and a unit, like 15m or 2h")
    if seconds < MIN_INTERVAL:
        raise ValueError(f"interval {value!r}: at least {MIN_INTERVAL:g} seconds")
    return seconds


def load_config(path: str | Path) -> WatchConfig:
    """Read and validate the feed list; an ``InputError`` names the file and the entry."""
    where = str(path)
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(where, f"cannot read: {exc.strerror or exc}") from exc
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise InputError(where, f"not valid YAML: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("feeds"), list):
        raise InputError(where, "expected a mapping with a 'feeds:' list")
    unknown = set(data) - {"feeds", "user_agent"}
    if unknown:
        raise InputError(where, f"unknown key(s) {', '.join(sorted(map(str, unknown)))}")
    agent = data.get("user_agent", DEFAULT_USER_AGENT)
    if not isinstance(agent, str) or not agent.strip():
        raise InputError(where, "'user_agent' must be a non-empty string")
    feeds: list[FeedConfig] = []
    seen: set[str] = set()
    for number, entry in enumerate(data["feeds"], start=1):
        at = f"{where}: feed {number}"
        feed = _feed(entry, at)
        if feed.url in seen:
            raise InputError(at, f"{feed.url} is listed twice")
        seen.add(feed.url)
        feeds.append(feed)
    if not feeds:
        raise InputError(where, "the 'feeds:' list is empty")
    return WatchConfig(tuple(feeds), agent.strip())


def _feed(entry: Any, at: str) -> FeedConfig:
    if not isinstance(entry, dict):
        raise InputError(at, "expected a mapping with url, outlet and interval")
    unknown = set(entry) - _KEYS
    if unknown:
        raise InputError(at, f"unknown key(s) {', '.join(sorted(map(str, unknown)))}")
    url = entry.get("url")
    if not isinstance(url, str) or urlsplit(url).scheme not in ("http", "https"):
        raise InputError(at, f"'url' must be an http(s) URL, not {url!r}")
    if not urlsplit(url).hostname:
        raise InputError(at, f"'url' {url!r} has no host")
    at = f"{at} ({url})"
    outlet = entry.get("outlet")
    if not isinstance(outlet, str) or not outlet.strip():
        raise InputError(at, "'outlet' must be a non-empty string")
    if "interval" not in entry:
        raise InputError(at, "missing 'interval' (like 15m)")
    try:
        interval = parse_interval(entry["interval"])
    except ValueError as exc:
        raise InputError(at, str(exc)) from None
    language = entry.get("language")
    if language is not None and (
        not isinstance(language, str) or not re.fullmatch(r"[a-zA-Z]{2}", language)
    ):
        raise InputError(at, f"'language' must be an ISO 639-1 code like en, not {language!r}")
    patterns: dict[str, tuple[str, ...]] = {}
    for key in ("include", "exclude"):
        value = entry.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(p, str) for p in value):
            raise InputError(at, f"'{key}' must be a list of regular expressions")
        for pattern in value:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise InputError(at, f"'{key}' pattern {pattern!r}: {exc}") from None
        patterns[key] = tuple(value)
    return FeedConfig(
        url=url,
        outlet=outlet.strip(),
        interval=interval,
        language=language.lower() if isinstance(language, str) else None,
        include=patterns["include"],
        exclude=patterns["exclude"],
    )
