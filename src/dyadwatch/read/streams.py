"""Where articles come from, read within the size policy (``dyadwatch.limits``).

``expand`` turns the paths a user names into files to read: folders are walked without following
symlinks that lead out of them, unreadable folders and special files are reported by name.
``chunks`` reads a file or stream, gzip or not, counting bytes as they are decompressed, and
``lines`` cuts chunks into numbered lines without ever holding a line longer than the limit.
``decode`` turns bytes into text: UTF-8 (BOM dropped), UTF-16 with a BOM, and nothing else.
"""

from __future__ import annotations

import codecs
import glob
import gzip
import io
import os
import stat
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from dyadwatch.errors import InputError

CHUNK = 1 << 20
GZIP_CHUNK = 1 << 14

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


def format_of(path: Path) -> str | None:
    """The input format of a file from its suffix (``None`` when we do not know the suffix)."""
    name = path.name.lower()
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return SUFFIXES[suffix]
    return None


@dataclass(frozen=True)
class Source:
    """One thing to read: a regular file, a pipe (FIFO, ``<(...)``) or stdin (``-``)."""

    name: str
    format: str  # txt, html, json, jsonl, or "auto" (stdin and pipes without a known suffix)
    stream: bool = False  # read as a stream: its size is not known in advance


# -- expanding paths ---------------------------------------------------------------------------


def expand(paths: Iterable[str | Path], *, follow_symlinks: bool = False) -> Iterator[Source | InputError]:
    """A ``Source`` for every input to read, or an ``InputError`` naming what cannot be."""
    for raw in paths:
        text = str(raw)
        if text == "-":
            yield Source("-", "auto", stream=True)
            continue
        path = Path(text)
        try:
            info = path.stat()
        except OSError as exc:
            if _GLOB_CHARS & set(text):
                yield from _glob(text)
            elif path.is_symlink():
                yield InputError(text, f"a symlink that cannot be followed ({_reason(exc)})")
            elif isinstance(exc, FileNotFoundError):
                yield InputError(text, "no such file or folder")
            else:
                yield InputError(text, f"cannot read: {_reason(exc)}")
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk(path, follow_symlinks)
        else:
            yield _source(path, info, text, format_of(path) or "txt")


def _source(path: Path, info: os.stat_result, where: str, fmt: str) -> Source | InputError:
    if stat.S_ISREG(info.st_mode):
        return Source(where, fmt)
    if stat.S_ISFIFO(info.st_mode):
        return Source(where, fmt if format_of(path) else "auto", stream=True)
    kind = "a device" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) else "a socket"
    return InputError(where, f"not a regular file ({kind}); name a file, a folder, a pipe or -")


def _glob(pattern: str) -> Iterator[Source | InputError]:
    matches = [Path(m) for m in sorted(glob.glob(pattern, recursive=True))]
    files = [m for m in matches if m.is_file()]
    if not files:
        yield InputError(pattern, "no file matches this pattern")
    for match in files:
        yield Source(str(match), format_of(match) or "txt")


def _walk(root: Path, follow_symlinks: bool) -> Iterator[Source | InputError]:
    """The folder's files with a known suffix, in sorted order; hidden files and folders are
    skipped, and so is a symlink whose target lies outside the folder (unless followed)."""
    inside = root.resolve()
    problems: list[InputError] = []

    def unreadable(exc: OSError) -> None:
        problems.append(InputError(exc.filename or str(root), f"cannot read folder: {_reason(exc)}"))

    found: list[tuple[str, Source | InputError]] = []
    seen: set[Path] = set()
    for folder, dirs, files in os.walk(root, onerror=unreadable, followlinks=follow_symlinks):
        here = Path(folder)
        real = here.resolve()
        if real in seen:  # a symlink loop, when links are followed
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.startswith("."):
                continue
            path = here / name
            fmt = format_of(path)
            if fmt is None:
                continue
            item = _folder_file(path, fmt, inside, follow_symlinks)
            if item is not None:
                found.append((path.as_posix(), item))
    yield from problems
    for _, item in sorted(found, key=lambda pair: pair[0]):
        yield item


def _folder_file(path: Path, fmt: str, inside: Path, follow: bool) -> Source | InputError | None:
    where = str(path)
    if path.is_symlink() and not follow:
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            return InputError(where, "a symlink that cannot be followed")
        if not target.is_relative_to(inside):
            return InputError(
                where, f"a symlink out of the folder (to {target}); not followed"
                " (follow_symlinks to read it)"
            )
    try:
        info = path.stat()
    except OSError as exc:
        return InputError(where, f"cannot read: {_reason(exc)}")
    return _source(path, info, where, fmt)


def _reason(exc: OSError | RuntimeError) -> str:
    return (exc.strerror if isinstance(exc, OSError) else None) or str(exc)


# -- reading bytes -----------------------------------------------------------------------------


class TooLarge(Exception):
    """Raised inside the readers when a limit is passed; turned into an ``InputError``."""


def chunks(raw: BinaryIO, *, gz: bool, limit: int) -> Iterator[bytes]:
    """The bytes of ``raw`` (decompressed when ``gz``) in chunks, raising ``TooLarge`` once more
    than ``limit`` bytes came out and ``gzip.BadGzipFile``/``EOFError``/``zlib.error`` on damage
    (after the chunks that could be read)."""
    reader: BinaryIO = gzip.GzipFile(fileobj=raw) if gz else raw  # type: ignore[assignment]
    # Small reads from gzip: a truncated stream raises on the read that meets its end, and
    # what that read had decompressed is lost with it.
    size = GZIP_CHUNK if gz else CHUNK
    total = 0
    while chunk := reader.read(size):
        total += len(chunk)
        if total > limit:
            raise TooLarge(f"more than {limit:,} bytes")
        yield chunk


class _Prefixed(io.RawIOBase):
    """A stream whose first bytes were already read (to tell gzip by its magic number)."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self.head, self.rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        if self.head:
            n = min(len(view), len(self.head))
            view[:n] = self.head[:n]
            self.head = self.head[n:]
            return n
        data = self.rest.read(len(view))
        view[: len(data)] = data
        return len(data)


def sniff_gzip(raw: BinaryIO) -> tuple[BinaryIO, bool]:
    """The same stream, and whether it is gzip data (by its first two bytes)."""
    head = raw.read(2)
    return io.BufferedReader(_Prefixed(head, raw)), head == b"\x1f\x8b"


DAMAGED = (EOFError, zlib.error, gzip.BadGzipFile)
"""What a damaged or truncated gzip stream raises."""


def lines(parts: Iterable[bytes], max_line: int) -> Iterator[tuple[int, bytes | int]]:
    """(line number, the line) for every non-blank line; an over-long line comes as its length
    in bytes instead, and is never held whole. Blank stretches are skipped at C speed."""
    number = 1
    pending = bytearray()
    over = 0  # bytes of the current line seen so far, once it is too long
    for chunk in parts:
        if not over and not pending and not chunk.strip():
            number += chunk.count(b"\n")
            continue
        pieces = chunk.split(b"\n")
        for i, piece in enumerate(pieces):
            last = i == len(pieces) - 1
            if over:
                over += len(piece)
            elif len(pending) + len(piece) > max_line:
                over = len(pending) + len(piece)
                pending.clear()
            else:
                pending += piece
            if last:
                break
            if over:
                yield number, over
            elif pending.strip():
                yield number, bytes(pending)
            over = 0
            pending.clear()
            number += 1
    if over:
        yield number, over
    elif pending.strip():
        yield number, bytes(pending)


def decode(data: bytes, where: str) -> str | InputError:
    """Text from UTF-8 (BOM dropped) or BOM-marked UTF-16, with ``\\r\\n`` made ``\\n``; an
    error naming ``where`` for binary data or another encoding."""
    if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            return InputError(where, f"damaged UTF-16 text (undecodable at byte {exc.start})")
    else:
        if b"\x00" in data:
            return InputError(where, "binary data (NUL bytes), not text")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            return InputError(where, f"not UTF-8 text (undecodable byte at offset {exc.start})")
    if "\x00" in text:
        return InputError(where, "binary data (NUL characters), not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")
