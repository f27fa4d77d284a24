"""Feed documents to items: RSS and Atom (``feedparser``), JSON Feed and XML sitemaps (ours).

A document that is not a well-formed feed (malformed XML, an HTML page, bytes that are not text
in the declared encoding, more than ``MAX_ITEMS`` items) raises a ``FeedError`` and yields no
item at all: a feed is read whole or not at all, never half.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from datetime import date as Date
from typing import Any
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

from dyadwatch.errors import DyadwatchError

MAX_ITEMS = 5_000
"""Items a feed may list. News feeds list tens; a bigger one is a mistake or an attack."""


class FeedError(DyadwatchError):
    """A feed document that cannot be read."""

    code = "DW-FEED"


@dataclass(frozen=True)
class FeedItem:
    url: str
    title: str | None = None
    published: Date | None = None


_XML_DECL = re.compile(rb"^\s*<\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)[\"']")
_HTML = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)
_ITEM_TAGS = re.compile(rb"<(?:item|entry|url|sitemap)[\s>]")


def parse_feed(
    body: bytes, url: str, content_type: str = "", charset: str | None = None
) -> list[FeedItem]:
    """The items of a feed document, in document order, with absolute http(s) URLs."""
    if not body.strip():
        raise FeedError("empty document")
    if _HTML.match(body[:2048]):
        raise FeedError("an HTML page, not a feed (an error page?)")
    head = body.lstrip()[:1]
    if "json" in content_type or head == b"{":
        return _json_feed(body, url)
    encoding = _encoding(body, charset)
    try:
        body.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        at = exc.start if isinstance(exc, UnicodeDecodeError) else 0
        raise FeedError(f"not valid {encoding} text (undecodable byte at offset {at})") from None
    if b"<!ENTITY" in body:
        raise FeedError("XML entity declarations are not accepted")
    count = len(_ITEM_TAGS.findall(body))
    if count > MAX_ITEMS:
        raise FeedError(f"lists {count:,} items; at most {MAX_ITEMS:,} are read")
    if re.search(rb"<(?:\w+:)?(?:urlset|sitemapindex)[\s>]", body[:4096]):
        return _sitemap(body, url)
    return _rss_atom(body, url, content_type or "application/xml")


def _encoding(body: bytes, charset: str | None) -> str:
    declared = _XML_DECL.match(body)
    if declared:
        return declared.group(1).decode("ascii").lower()
    if body.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    return charset or "utf-8"


def _absolute(link: Any, base: str) -> str | None:
    if not isinstance(link, str) or not link.strip():
        return None
    full = urljoin(base, link.strip())
    return full if urlsplit(full).scheme in ("http", "https") else None


def _rss_atom(body: bytes, url: str, content_type: str) -> list[FeedItem]:
    import feedparser

    headers = {"content-location": url, "content-type": content_type}
    parsed = feedparser.parse(body, response_headers=headers)
    if parsed.get("bozo"):
        problem = parsed.get("bozo_exception")
        harmless = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
        if not isinstance(problem, harmless):
            raise FeedError(f"malformed feed: {problem}")
    if not parsed.get("version"):
        raise FeedError("not an RSS or Atom feed")
    items = []
    for entry in parsed.entries:
        link = _absolute(entry.get("link"), url)
        if link is None:
            continue
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        published = Date(when.tm_year, when.tm_mon, when.tm_mday) if when else None
        items.append(FeedItem(link, _text(entry.get("title")), published))
    return items


def _json_feed(body: bytes, url: str) -> list[FeedItem]:
    try:
        data = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise FeedError(f"not valid utf-8 text (undecodable byte at offset {exc.start})") from None
    except ValueError as exc:
        raise FeedError(f"malformed JSON: {exc}") from None
    if not isinstance(data, dict) or "jsonfeed.org" not in str(data.get("version", "")):
        raise FeedError("not a JSON Feed (no jsonfeed.org version)")
    entries = data.get("items")
    if not isinstance(entries, list):
        raise FeedError("a JSON Feed without an 'items' list")
    if len(entries) > MAX_ITEMS:
        raise FeedError(f"lists {len(entries):,} items; at most {MAX_ITEMS:,} are read")
    items = []
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        link = _absolute(entry.get("url") or entry.get("external_url"), url)
        if link is not None:
            published = _iso_date(entry.get("date_published") or entry.get("date_modified"))
            items.append(FeedItem(link, _text(entry.get("title")), published))
    return items


def _sitemap(body: bytes, url: str) -> list[FeedItem]:
    try:
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError as exc:
        raise FeedError(f"malformed XML: {exc}") from None
    if _local(root.tag) == "sitemapindex":
        raise FeedError("a sitemap index: list its child sitemaps as feeds instead")
    items = []
    for node in root:
        if _local(node.tag) != "url":
            continue
        fields: dict[str, str] = {}
        for child in node.iter():
            if child.text and child.text.strip():
                fields.setdefault(_local(child.tag), child.text.strip())
        link = _absolute(fields.get("loc"), url)
        if link is not None:
            when = fields.get("publication_date") or fields.get("lastmod")
            items.append(FeedItem(link, fields.get("title"), _iso_date(when)))
    return items


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _iso_date(value: Any) -> Date | None:
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        if len(text) <= 10:
            return Date.fromisoformat(text)
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return (moment.astimezone(UTC) if moment.tzinfo else moment).date()


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
