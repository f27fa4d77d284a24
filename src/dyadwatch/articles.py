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
``"<file name>:<line>"`` (for a ``.json`` list, the 1-based position in the list).

Texts are decoded as UTF-8 (a byte-order mark is dropped) and Windows line ends become ``\\n``,
so the character offsets of every event index ``Article.text`` as stored.
"""

from __future__ import annotations

import glob
import gzip
import json
import sys
import zlib
from collections.abc import Iterable, Iterator
from datetime import date as Date
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from dyadwatch.errors import InputError
from dyadwatch.records import Article

StdinFormat = Literal["auto", "txt", "html", "jsonl"]

UNDETERMINED = ""
"""``Article.language`` of an article read without one: ingest detects it before coding (a
record's own ``language`` field is kept as given)."""

MAX_TEXT_BYTES = 5_000_000
"""Largest article text accepted (UTF-8 bytes); larger texts are reported, not coded."""

MAX_HTML_BYTES = 4 * MAX_TEXT_BYTES
"""Largest HTML file accepted: markup takes more room than the text it carries."""

TITLE_MAX_CHARS = 200
"""A .txt file's first non-empty line becomes its title only when at most this long."""

SUFFIXES: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonl.gz": "jsonl",
    ".ndjson.gz": "jsonl",
}
"""Suffix -> format. Folders contribute only files with these suffixes."""

_GLOB_CHARS = frozenset("*?[")

Located = tuple[str, Article | InputError]
"""An item with where it came from ("file" or "file:line")."""
_JSON_KEYS = ("id", "text", "date", "title", "url", "source", "language")


def read_articles(
    paths: Iterable[str | Path],
    *,
    stdin_format: StdinFormat = "auto",
    max_bytes: int = MAX_TEXT_BYTES,
) -> Iterator[Article | InputError]:
    """Yield an ``Article`` for every readable record and an ``InputError`` for every bad one.

    ``paths`` may hold files, folders (read recursively, in sorted order), glob patterns
    (``**`` allowed) and ``-`` for stdin (its format given by ``stdin_format``; ``auto`` looks
    at the first bytes).
    """
    for _, item in read_articles_with_origin(paths, stdin_format=stdin_format, max_bytes=max_bytes):
        yield item


def read_articles_with_origin(
    paths: Iterable[str | Path],
    *,
    stdin_format: StdinFormat = "auto",
    max_bytes: int = MAX_TEXT_BYTES,
) -> Iterator[tuple[str, Article | InputError]]:
    """Like ``read_articles``, each item with where it came from: the file, and the line (or
    position in a JSON list) for JSON records; ``<stdin>`` for stdin."""
    for where, fmt in _expand(paths):
        if isinstance(where, InputError):
            yield where.where, where
        elif where == "-":
            yield from _read_stdin(stdin_format, max_bytes)
        else:
            yield from _read_file(Path(where), fmt, max_bytes)


def format_of(path: Path) -> str | None:
    """The input format of a file from its suffix (``None`` when we do not know the suffix)."""
    name = path.name.lower()
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return SUFFIXES[suffix]
    return None


# -- expanding paths ---------------------------------------------------------------------------


def _expand(paths: Iterable[str | Path]) -> Iterator[tuple[str | InputError, str]]:
    """(file or "-" or an error, format) for every input, folders and globs expanded."""
    for raw in paths:
        text = str(raw)
        if text == "-":
            yield "-", "stdin"
            continue
        path = Path(text)
        if path.is_dir():
            files = sorted(
                (p for p in path.rglob("*") if p.is_file() and not _hidden(p, path)),
                key=lambda p: p.as_posix(),
            )
            for file in files:
                fmt = format_of(file)
                if fmt is not None:
                    yield str(file), fmt
        elif path.is_file():
            yield text, format_of(path) or "txt"
        elif _GLOB_CHARS & set(text):
            matches = sorted(glob.glob(text, recursive=True))
            files_matched = [m for m in matches if Path(m).is_file()]
            if not files_matched:
                yield InputError(text, "no file matches this pattern"), ""
            for match in files_matched:
                yield match, format_of(Path(match)) or "txt"
        else:
            yield InputError(text, "no such file or folder"), ""


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


# -- reading one file --------------------------------------------------------------------------


def _read_file(path: Path, fmt: str, max_bytes: int) -> Iterator[Located]:
    where = str(path)
    try:
        if fmt == "jsonl":
            with path.open("rb") as raw:
                gz = path.name.lower().endswith(".gz")
                stream: Iterable[bytes] = gzip.GzipFile(fileobj=raw) if gz else raw
                yield from _read_jsonl(stream, where, path.name, max_bytes)
            return
        limit = MAX_HTML_BYTES if fmt == "html" else max_bytes
        if fmt == "json":
            limit = max(limit, 50 * max_bytes)
        size = path.stat().st_size
        if size > limit:
            yield where, InputError(where, f"file too large ({size} bytes; the limit is {limit})")
            return
        data = path.read_bytes()
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield where, InputError(where, f"damaged gzip file: {exc}")
        return
    except OSError as exc:
        yield where, InputError(where, f"cannot read: {exc.strerror or exc}")
        return
    yield from _read_bytes(data, fmt, where, path.stem, path.name, max_bytes)


def _read_stdin(stdin_format: StdinFormat, max_bytes: int) -> Iterator[Located]:
    data = sys.stdin.buffer.read()
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
            yield "<stdin>", InputError("<stdin>", f"damaged gzip data: {exc}")
            return
    fmt: str = stdin_format
    if fmt == "auto":
        head = data.lstrip()[:1]
        fmt = "json" if head in (b"{", b"[") else "html" if head == b"<" else "txt"
        if fmt == "json" and _looks_like_jsonl(data):
            fmt = "jsonl"
    yield from _read_bytes(data, fmt, "<stdin>", "stdin", "<stdin>", max_bytes)


def _looks_like_jsonl(data: bytes) -> bool:
    try:
        json.loads(data)
    except (ValueError, UnicodeDecodeError):
        return True
    return False


def _read_bytes(
    data: bytes, fmt: str, where: str, stem: str, name: str, max_bytes: int
) -> Iterator[Located]:
    if fmt == "jsonl":
        yield from _read_jsonl(_lines(data), where, name, max_bytes)
        return
    text = _decode(data, where)
    if isinstance(text, InputError):
        yield where, text
    elif fmt == "json":
        yield from _read_json(text, where, name, max_bytes)
    elif fmt == "html":
        yield where, _read_html(text, where, stem, max_bytes)
    else:
        yield where, _read_txt(text, where, stem, max_bytes)


def _lines(data: bytes) -> Iterator[bytes]:
    yield from data.splitlines(keepends=True)


def _decode(data: bytes, where: str) -> str | InputError:
    """UTF-8 text with the BOM dropped and ``\\r\\n`` made ``\\n``; an error for binary data."""
    if b"\x00" in data:
        return InputError(where, "binary data (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return InputError(where, f"not UTF-8 text (undecodable byte at offset {exc.start})")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _check_text(text: str, where: str, max_bytes: int) -> InputError | None:
    if not text.strip():
        return InputError(where, "empty text")
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        return InputError(where, f"text too large ({size} bytes; the limit is {max_bytes})")
    return None


def _read_txt(text: str, where: str, stem: str, max_bytes: int) -> Article | InputError:
    problem = _check_text(text, where, max_bytes)
    if problem is not None:
        return problem
    first = next(line.strip() for line in text.splitlines() if line.strip())
    title = first if len(first) <= TITLE_MAX_CHARS else None
    return Article(id=stem, text=text, title=title, language=UNDETERMINED)


def _read_html(html: str, where: str, stem: str, max_bytes: int) -> Article | InputError:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception as exc:  # noqa: BLE001 - third-party parser on untrusted input
        return InputError(where, f"cannot parse HTML: {exc}")
    if doc is None:
        return InputError(where, "no article text found in the HTML")
    meta: dict[str, Any] = doc if isinstance(doc, dict) else doc.as_dict()
    text = meta.get("text") or ""
    if not text.strip():
        return InputError(where, "no article text found in the HTML")
    problem = _check_text(text, where, max_bytes)
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
        language=UNDETERMINED,
    )


def _read_json(text: str, where: str, name: str, max_bytes: int) -> Iterator[Located]:
    try:
        data = json.loads(text)
    except ValueError as exc:
        yield where, InputError(where, f"malformed JSON: {exc}")
        return
    if isinstance(data, dict):
        yield where, _record(data, where, f"{name}:1", max_bytes)
    elif isinstance(data, list):
        for number, item in enumerate(data, start=1):
            at = f"{where}:{number}"
            yield at, _record(item, at, f"{name}:{number}", max_bytes)
    else:
        yield where, InputError(where, "expected a JSON object or a list of objects")


def _read_jsonl(lines: Iterable[bytes], where: str, name: str, max_bytes: int) -> Iterator[Located]:
    for number, raw in enumerate(lines, start=1):
        at = f"{where}:{number}"
        if not raw.strip():
            continue
        if len(raw) > 2 * max_bytes:
            yield at, InputError(at, f"line too large ({len(raw)} bytes)")
            continue
        line = _decode(raw, at)
        if isinstance(line, InputError):
            yield at, line
            continue
        try:
            data = json.loads(line)
        except ValueError as exc:
            yield at, InputError(at, f"malformed JSON: {exc}")
            continue
        yield at, _record(data, at, f"{name}:{number}", max_bytes)


def _record(data: Any, where: str, default_id: str, max_bytes: int) -> Article | InputError:
    """An Article from one JSON record; an error keeps the record's id when it has one, so
    batch output can answer the record by its id."""
    result = _article_of(data, where, default_id, max_bytes)
    if isinstance(result, InputError) and isinstance(data, dict):
        rid = data.get("id")
        if isinstance(rid, str | int) and not isinstance(rid, bool) and str(rid).strip():
            return InputError(result.where, result.problem, record_id=str(rid).strip())
    return result


def _article_of(data: Any, where: str, default_id: str, max_bytes: int) -> Article | InputError:
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
    problem = _check_text(text, where, max_bytes)
    if problem is not None:
        return problem
    fields: dict[str, str | None] = {}
    for key in ("id", "title", "url", "source", "language"):
        value = data.get(key)
        if value is not None and not isinstance(value, str | int):
            return InputError(where, f"'{key}' is not a string")
        fields[key] = _clean(None if value is None else str(value))
    date = _parse_date(data.get("date"))
    if isinstance(date, str):
        return InputError(where, date)
    return Article(
        id=fields["id"] or default_id,
        text=text,
        title=fields["title"],
        url=fields["url"],
        source=fields["source"],
        date=date,
        language=fields["language"] or UNDETERMINED,
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
    except ValueError:
        return f"bad date {value!r}: expected YYYY-MM-DD"


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
