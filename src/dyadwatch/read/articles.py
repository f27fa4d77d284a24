"""Read articles from files, folders, globs and stdin.

``read_articles`` turns paths into ``records.Article`` values. It never stops on bad input: a file
or record that cannot be read yields an ``InputError`` naming the file (and line), and the
iteration goes on with the rest. Formats, chosen by file suffix:

* ``.txt`` (and any explicitly named file with another suffix): the whole file is one article;
  its id is the file stem, its title the first non-empty line when that line is short.
* ``.html``/``.htm``: the main text extracted by trafilatura; title, url, date and site name come
  from the page metadata when present.
* ``.json``: one JSON object, or a list of objects, each one article.
* ``.jsonl`` and ``.jsonl.gz``: one JSON object per line.

JSON records have the keys ``id``, ``text``, ``date``, ``title``, ``url``, ``source`` (and
optionally ``language``, an ISO 639-1 code); only ``text`` is required. A record without an id gets
``"<file name>:<line>"`` (for a ``.json`` list, the 1-based position in the list). A ``date``
that is no date ("2020-13-45", "yesterday") is left out with a warning in ``Article.warnings``
(naming the file and line): the text is still an article, dated from its dateline if it can be.

Texts are decoded as UTF-8 (a byte-order mark is dropped) and Windows line ends become ``\\n``,
so the character offsets of every event index ``Article.text`` as stored.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date as Date
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO, Literal

from dyadwatch.errors import InputError
from dyadwatch.limits import LIMITS, Limits
from dyadwatch.read import streams
from dyadwatch.read.html import html_text
from dyadwatch.read.streams import SUFFIXES, Source, TooLarge, decode, format_of
from dyadwatch.records import Article

StdinFormat = Literal["auto", "txt", "html", "jsonl"]

UNDETERMINED = ""
"""``Article.language`` of an article read without one: ingest detects it before coding (a
record's own ``language`` field is kept as given)."""

MAX_TEXT_BYTES = LIMITS.text_bytes
"""Largest article text accepted (UTF-8 bytes); larger texts are reported, not coded."""

TITLE_MAX_CHARS = 200
"""A .txt file's first non-empty line becomes its title only when at most this long."""

Located = tuple[str, Article | InputError]
"""An item with where it came from ("file" or "file:line")."""
_JSON_KEYS = ("id", "text", "date", "title", "url", "source", "language")


def read_articles(
    paths: Iterable[str | Path],
    *,
    stdin_format: StdinFormat = "auto",
    max_bytes: int | None = None,
    limits: Limits = LIMITS,
    follow_symlinks: bool = False,
) -> Iterator[Article | InputError]:
    """Yield an ``Article`` for every readable record and an ``InputError`` for every bad one.

    ``paths`` may hold files, folders (read recursively, in sorted order; symlinks out of the
    folder are not followed unless ``follow_symlinks``), glob patterns (``**`` allowed), pipes
    and ``-`` for stdin (its format given by ``stdin_format``; ``auto`` looks at the first
    bytes). ``limits`` bound what is read (``max_bytes`` overrides its ``text_bytes``).
    """
    for _, item in read_articles_with_origin(
        paths, stdin_format=stdin_format, max_bytes=max_bytes, limits=limits,
        follow_symlinks=follow_symlinks,
    ):
        yield item


def read_articles_with_origin(
    paths: Iterable[str | Path],
    *,
    stdin_format: StdinFormat = "auto",
    max_bytes: int | None = None,
    limits: Limits = LIMITS,
    follow_symlinks: bool = False,
) -> Iterator[tuple[str, Article | InputError]]:
    """Like ``read_articles``, each item with where it came from: the file, and the line (or
    position in a JSON list) for JSON records; ``<stdin>`` for stdin."""
    if max_bytes is not None:
        limits = replace(limits, text_bytes=max_bytes)
    for source in streams.expand(paths, follow_symlinks=follow_symlinks):
        if isinstance(source, InputError):
            yield source.where, source
        elif source.name == "-":
            fmt = "auto" if stdin_format == "auto" else stdin_format
            yield from _read_stream(sys.stdin.buffer, "<stdin>", "stdin", fmt, limits)
        elif source.stream:
            yield from _read_pipe(source, limits)
        else:
            yield from _read_file(Path(source.name), source.format, limits)


# -- reading one file or stream ----------------------------------------------------------------


def _read_file(path: Path, fmt: str, limits: Limits) -> Iterator[Located]:
    where = str(path)
    gz = path.name.lower().endswith(".gz")
    if fmt != "jsonl" and not gz:
        limit = {"html": limits.html_bytes, "json": limits.json_bytes}.get(fmt, limits.text_bytes)
        try:
            size = path.stat().st_size
        except OSError as exc:
            yield where, InputError(where, f"cannot read: {exc.strerror or exc}")
            return
        if size > limit:
            yield where, InputError(where, f"file too large ({size:,} bytes; the limit is {limit:,})")
            return
    try:
        with path.open("rb") as raw:
            yield from _read_stream(raw, where, path.stem, fmt, limits, gz=gz, name=path.name)
    except OSError as exc:
        yield where, InputError(where, f"cannot read: {exc.strerror or exc}")


def _read_pipe(source: Source, limits: Limits) -> Iterator[Located]:
    path = Path(source.name)
    try:
        with path.open("rb") as raw:
            yield from _read_stream(raw, source.name, path.stem, source.format, limits,
                                    name=path.name)
    except OSError as exc:
        yield source.name, InputError(source.name, f"cannot read: {exc.strerror or exc}")


def _read_stream(
    raw: BinaryIO, where: str, stem: str, fmt: str, limits: Limits, *, gz: bool | None = None,
    name: str | None = None,
) -> Iterator[Located]:
    """Read one file or stream within the limits. JSON Lines (named so, or recognised on a
    stream) is read record by record, so a damaged or oversized tail costs only itself."""
    name = name or where
    if gz is None:  # a stream: gzip is known by its first bytes
        raw, gz = streams.sniff_gzip(raw)
    # A plain JSON Lines file is read line by line, whatever its size; what is decompressed is
    # capped, and so is what a buffered format (text, HTML, JSON) may gather.
    parts = streams.chunks(raw, gz=gz, limit=limits.decompressed_bytes if gz else sys.maxsize)
    try:
        if fmt == "auto":
            first = next(parts, b"")
            fmt = _sniff(first)
            parts = _chain(first, parts)
        if fmt == "jsonl":
            yield from _read_jsonl(parts, where, name, limits)
            return
        limit = {"html": limits.html_bytes, "json": limits.json_bytes}.get(fmt, limits.text_bytes)
        data = _gather(parts, limit)
    except TooLarge as exc:
        yield where, InputError(where, f"too large: {exc}")
        return
    except streams.DAMAGED as exc:
        yield where, InputError(where, f"damaged gzip data: {exc}")
        return
    yield from _read_bytes(data, fmt, where, stem, name, limits)


def _chain(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    if first:
        yield first
    yield from rest


def _gather(parts: Iterable[bytes], limit: int) -> bytes:
    out = bytearray()
    for part in parts:
        out += part
        if len(out) > limit:
            raise TooLarge(f"more than {limit:,} bytes (the limit for this format)")
    return bytes(out)


def _sniff(head: bytes) -> str:
    """The format of a stream from its first chunk: JSON Lines when its first line is a whole
    JSON object, JSON when it opens with { or [, HTML with <, else text."""
    start = head.lstrip()[:1]
    if start == b"{":
        first_line = head.lstrip().split(b"\n", 1)[0]
        try:
            json.loads(first_line)
        except (ValueError, UnicodeDecodeError):
            return "json"
        return "jsonl"
    if start == b"[":
        return "json"
    return "html" if start == b"<" else "txt"


def _read_bytes(data: bytes, fmt: str, where: str, stem: str, name: str, limits: Limits) -> Iterator[Located]:
    text = decode(data, where)
    if isinstance(text, InputError):
        yield where, text
    elif fmt == "json":
        yield from _read_json(text, where, name, limits)
    elif fmt == "html":
        yield where, _read_html(text, where, stem, limits)
    else:
        yield where, _read_txt(text, where, stem, limits)


def _check_text(text: str, where: str, limits: Limits) -> InputError | None:
    if not text.strip():
        return InputError(where, "empty text")
    if len(text) > limits.text_chars:
        return InputError(
            where, f"text too long ({len(text):,} characters; the limit is {limits.text_chars:,})"
        )
    size = len(text.encode("utf-8"))
    if size > limits.text_bytes:
        return InputError(where, f"text too large ({size:,} bytes; the limit is {limits.text_bytes:,})")
    return None


def _read_txt(text: str, where: str, stem: str, limits: Limits) -> Article | InputError:
    problem = _check_text(text, where, limits)
    if problem is not None:
        return problem
    first = next(line.strip() for line in text.splitlines() if line.strip())
    title = first if len(first) <= TITLE_MAX_CHARS else None
    return Article(id=stem, text=text, title=title, language=UNDETERMINED)


def _read_html(html: str, where: str, stem: str, limits: Limits) -> Article | InputError:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception as exc:  # noqa: BLE001 - third-party parser on untrusted input
        return InputError(where, f"cannot parse HTML: {exc}")
    meta: dict[str, Any] = {} if doc is None else doc if isinstance(doc, dict) else doc.as_dict()
    text = meta.get("text") or ""
    if not text.strip():
        # trafilatura finds nothing in pages nested too deep for lxml: read them as plain text
        text, meta["title"] = html_text(html)
    if not text.strip():
        return InputError(where, "no article text found in the HTML")
    problem = _check_text(text, where, limits)
    if problem is not None:
        return problem
    date = _parse_date(meta.get("date"))
    return Article(
        id=stem,
        text=text,
        title=_clean(meta.get("title")),
        url=_clean(meta.get("url")),
        source=_clean(meta.get("sitename")) or _clean(meta.get("hostname")),
        date=date if isinstance(date, Date) else None,
        warnings=(f"{where}: {date} (ignored)",) if isinstance(date, str) else (),
        language=UNDETERMINED,
    )


def _read_json(text: str, where: str, name: str, limits: Limits) -> Iterator[Located]:
    try:
        data = json.loads(text)
    except ValueError as exc:
        yield where, InputError(where, f"malformed JSON: {exc}")
        return
    if isinstance(data, dict):
        yield where, _record(data, where, f"{name}:1", limits)
    elif isinstance(data, list):
        for number, item in enumerate(data, start=1):
            at = f"{where}:{number}"
            yield at, _record(item, at, f"{name}:{number}", limits)
    else:
        yield where, InputError(where, "expected a JSON object or a list of objects")


def _read_jsonl(parts: Iterable[bytes], where: str, name: str, limits: Limits) -> Iterator[Located]:
    try:
        for number, raw in streams.lines(parts, limits.line_bytes):
            at = f"{where}:{number}"
            if isinstance(raw, int):
                yield at, InputError(at, f"line too large ({raw:,} bytes; the limit is {limits.line_bytes:,})")
                continue
            line = decode(raw, at)
            if isinstance(line, InputError):
                yield at, line
                continue
            try:
                data = json.loads(line)
            except ValueError as exc:
                yield at, InputError(at, f"malformed JSON: {exc}")
                continue
            yield at, _record(data, at, f"{name}:{number}", limits)
    except TooLarge as exc:
        yield where, InputError(where, f"too large: {exc}; the rest is not read")
    except streams.DAMAGED as exc:
        yield where, InputError(where, f"damaged gzip data: {exc}; the records before it were read")


def _record(data: Any, where: str, default_id: str, limits: Limits) -> Article | InputError:
    """An Article from one JSON record; an error keeps the record's id when it has one, so
    batch output can answer the record by its id."""
    result = _article_of(data, where, default_id, limits)
    if isinstance(result, InputError) and isinstance(data, dict):
        rid = data.get("id")
        if isinstance(rid, str | int) and not isinstance(rid, bool) and str(rid).strip():
            return InputError(result.where, result.problem, record_id=str(rid).strip())
    return result


def _article_of(data: Any, where: str, default_id: str, limits: Limits) -> Article | InputError:
    if not isinstance(data, dict):
        return InputError(where, "expected a JSON object")
    text = data.get("text")
    if text is None:
        return InputError(where, "missing 'text'")
    if not isinstance(text, str):
        return InputError(where, "'text' is not a string")
    if "\x00" in text:
        return InputError(where, "binary data (NUL characters) in 'text'")
    text = text.replace("\r\n", "\n")
    problem = _check_text(text, where, limits)
    if problem is not None:
        return problem
    fields: dict[str, str | None] = {}
    for key in ("id", "title", "url", "source", "language"):
        value = data.get(key)
        if value is not None and not isinstance(value, str | int):
            return InputError(where, f"'{key}' is not a string")
        fields[key] = _clean(None if value is None else str(value))
    date = _parse_date(data.get("date"))
    warnings = (f"{where}: {date} (ignored)",) if isinstance(date, str) else ()
    return Article(
        id=fields["id"] or default_id,
        text=text,
        title=fields["title"],
        url=fields["url"],
        source=fields["source"],
        date=date if isinstance(date, Date) else None,
        language=fields["language"] or UNDETERMINED,
        warnings=warnings,
    )


def _parse_date(value: Any) -> Date | str | None:
    """A date from ``YYYY-MM-DD``, ``YYYYMMDD`` or an ISO timestamp; a message when invalid."""
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return f"bad date {value!r}: expected YYYY-MM-DD"
    text = value.strip()
    try:
        if len(text) > 10 and not text.isdigit():
            return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        return Date.fromisoformat(text)
    except (ValueError, OverflowError):
        return f"bad date {value!r}: expected a real date as YYYY-MM-DD"


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value or None


__all__ = [
    "MAX_TEXT_BYTES",
    "SUFFIXES",
    "UNDETERMINED",
    "format_of",
    "read_articles",
    "read_articles_with_origin",
]
