"""Hostile and unusual inputs to the readers: each is reported by name, bounded in memory and
time, and never stops the rest of the run."""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import sys
import threading
from pathlib import Path

import pytest

from dyadwatch.errors import InputError
from dyadwatch.limits import Limits
from dyadwatch.read import streams
from dyadwatch.read.articles import read_articles, read_articles_with_origin
from dyadwatch.records import Article

TEXT = "Kenya sent police officers to Haiti on Monday, the ministry said."


def read(*paths: str | Path, **kwargs: object) -> list[Article | InputError]:
    return list(read_articles(list(paths), **kwargs))  # type: ignore[arg-type]


def ids(items: list[Article | InputError]) -> list[str]:
    return [i.id for i in items if isinstance(i, Article)]


def problems(items: list[Article | InputError]) -> list[str]:
    return [f"{i.where}: {i.problem}" for i in items if isinstance(i, InputError)]


def record(rid: str) -> bytes:
    return json.dumps({"id": rid, "text": TEXT}).encode() + b"\n"


def test_symlink_out_of_the_folder_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("Not news: a password file.")
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT)
    (folder / "passwd.txt").symlink_to(outside)
    found = read(folder)
    assert ids(found) == ["a"]
    [problem] = problems(found)
    assert "passwd.txt" in problem and "not followed" in problem
    assert ids(read(folder, follow_symlinks=True)) == ["a", "passwd"]


def test_symlink_inside_the_folder_is_read(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_text(TEXT)
    (folder / "b.txt").symlink_to(folder / "sub" / "a.txt")
    assert ids(read(folder)) == ["b", "a"] or ids(read(folder)) == ["a", "b"]


def test_unreadable_folder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "news"
    (folder / "locked").mkdir(parents=True)
    (folder / "a.txt").write_text(TEXT)
    real_scandir = os.scandir

    def scandir(path: object) -> object:  # root reads every folder: refuse one by hand
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    found = read(folder)
    assert ids(found) == ["a"]
    assert any("locked" in p and "cannot read folder" in p for p in problems(found))


def test_special_files_are_named_for_what_they_are(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    found = read(loop, "/dev/null", tmp_path / "missing.txt")
    messages = problems(found)
    assert "symlink that cannot be followed" in messages[0]
    assert "/dev/null" in messages[1] and "a device" in messages[1]
    assert "no such file or folder" in messages[2]


def test_a_named_pipe_is_read_as_a_stream(tmp_path: Path) -> None:
    fifo = tmp_path / "feed.jsonl"
    os.mkfifo(fifo)

    def write() -> None:
        with fifo.open("wb") as out:
            out.write(record("p1") + record("p2"))

    writer = threading.Thread(target=write)
    writer.start()
    found = read(fifo)
    writer.join(timeout=10)
    assert ids(found) == ["p1", "p2"]


def test_utf16_with_a_bom_is_text(tmp_path: Path) -> None:
    for name, data in (("le.txt", codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le")),
                       ("be.txt", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"))):
        (tmp_path / name).write_bytes(data)
    found = read(tmp_path / "le.txt", tmp_path / "be.txt")
    assert [a.text for a in found if isinstance(a, Article)] == [TEXT, TEXT]


def test_deeply_nested_html_keeps_its_text(tmp_path: Path) -> None:
    depth = 400
    page = ("<html><head><title>Deep page</title></head><body>" + "<div>" * depth
            + f"<p>{TEXT}</p>" + "</div>" * depth + "</body></html>")
    (tmp_path / "deep.html").write_text(page)
    [article] = read(tmp_path / "deep.html")
    assert isinstance(article, Article)
    assert TEXT in article.text
    assert article.title == "Deep page"


def test_a_gzip_bomb_stops_at_the_decompression_limit(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.jsonl.gz"
    with gzip.open(bomb, "wb") as out:
        out.write(record("ok"))
        out.write(b"0" * (8 << 20))  # one endless line of zeros
    limits = Limits(decompressed_bytes=4 << 20, line_bytes=1 << 20)
    found = read(bomb, limits=limits)
    assert ids(found) == ["ok"]
    assert any("too large" in p for p in problems(found))


def test_a_long_line_is_skipped_without_being_held(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    path.write_bytes(record("a") + b"x" * (3 << 20) + b"\n" + record("b"))
    found = list(read_articles_with_origin([path], limits=Limits(line_bytes=1 << 20)))
    assert [o for o, i in found if isinstance(i, Article)] == [f"{path}:1", f"{path}:3"]
    assert [o for o, i in found if isinstance(i, InputError)] == [f"{path}:2"]


def test_a_stretch_of_blank_lines_is_skipped_quickly(tmp_path: Path) -> None:
    path = tmp_path / "blank.jsonl.gz"
    with gzip.open(path, "wb", compresslevel=1) as out:
        out.write(b"\n" * (64 << 20))  # 64 million empty lines
        out.write(record("last"))
    found = list(read_articles_with_origin([path]))
    assert [o for o, _ in found] == [f"{path}:{(64 << 20) + 1}"]


def test_truncated_gzip_on_stdin_keeps_the_readable_records(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = gzip.compress(b"".join(record(f"r{i}") for i in range(2000)))
    cut = data[: len(data) * 3 // 4]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(cut)))
    found = read("-")
    assert len(ids(found)) > 100
    assert ids(found) == [f"r{i}" for i in range(len(ids(found)))]
    assert any("damaged gzip" in p for p in problems(found))


def test_text_over_the_character_limit_is_refused_before_coding(tmp_path: Path) -> None:
    (tmp_path / "long.txt").write_text("Troops moved. " * 1000)
    found = read(tmp_path / "long.txt", limits=Limits(text_chars=5000))
    assert "text too long" in problems(found)[0]


def test_lines_reports_long_lines_by_length() -> None:
    parts = [b'{"a": 1}\n', b"y" * 10, b"y" * 10 + b"\n\n", b"z\n"]
    assert list(streams.lines(parts, 15)) == [(1, b'{"a": 1}'), (2, 20), (4, b"z")]
