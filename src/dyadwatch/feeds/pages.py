"""A fetched page to an Article: decoded strictly, main text extracted by trafilatura.

The article's id is the page URL as the feed lists it (stable across polls, and the same id a
JSON Lines record of the page would carry); its source is the feed's outlet; title and date come
from the page, else from the feed item; its language is the feed's when the feed list says it,
else detected by the ingest pipeline.
"""

from __future__ import annotations

import re
from datetime import date as Date
from typing import Any

from dyadwatch.errors import DyadwatchError
from dyadwatch.feeds.config import FeedConfig
from dyadwatch.feeds.fetch import Response
from dyadwatch.feeds.parse import FeedItem
from dyadwatch.read.articles import MAX_TEXT_BYTES, UNDETERMINED
from dyadwatch.records import Article


class PageError(DyadwatchError):
    """A page that yields no article."""

    code = "DW-PAGE"


_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9._-]+)", re.I)


def decode_page(response: Response) -> str:
    """The page's text in its declared charset (header, then meta tag, then UTF-8)."""
    body = response.body
    if b"\x00" in body[:4096]:
        raise PageError("binary data, not an HTML page")
    charset = response.charset
    if charset is None:
        meta = _META_CHARSET.search(body[:4096])
        charset = meta.group(1).decode("ascii").lower() if meta else "utf-8"
    try:
        return body.decode(charset)
    except LookupError:
        raise PageError(f"unknown charset {charset!r}") from None
    except UnicodeDecodeError as exc:
        raise PageError(
            f"not valid {charset} text (undecodable byte at offset {exc.start})"
        ) from None


def page_article(response: Response, item: FeedItem, feed: FeedConfig) -> Article:
    """The Article of a fetched page; a ``PageError`` when there is no article text in it."""
    import trafilatura

    html = decode_page(response)
    try:
        doc = trafilatura.bare_extraction(
            html, url=response.url, with_metadata=True, include_comments=False
        )
    except Exception as exc:  # noqa: BLE001 - third-party parser on untrusted input
        raise PageError(f"cannot parse HTML: {exc}") from None
    if doc is None:
        raise PageError("no article text found in the page")
    meta: dict[str, Any] = doc if isinstance(doc, dict) else doc.as_dict()
    text = (meta.get("text") or "").replace("\r\n", "\n")
    if not text.strip():
        raise PageError("no article text found in the page")
    if len(text.encode("utf-8")) > MAX_TEXT_BYTES:
        raise PageError(f"article text larger than {MAX_TEXT_BYTES:,} bytes")
    return Article(
        id=item.url,
        text=text,
        title=_clean(meta.get("title")) or item.title,
        url=item.url,
        source=feed.outlet,
        date=_date(meta.get("date")) or item.published,
        language=feed.language or UNDETERMINED,
    )


def _date(value: Any) -> Date | None:
    if not isinstance(value, str):
        return None
    try:
        return Date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
