"""The lock files beside a store: a read-only folder can still be read, and a symlink planted at
a lock file's path is refused rather than written through."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from dyadwatch.errors import StoreError
from dyadwatch.records import Article
from dyadwatch.store import lock as store_lock
from dyadwatch.store.store import Store

from fake_coder import code_text


def _stored(db: Path) -> None:
    with Store.open(db) as store:
        article = Article(id="a1", text="Russia attacked Ukraine.")
        store.add(article, code_text(article))


def _refuse_creation(monkeypatch: pytest.MonkeyPatch) -> None:
    """Root may write anywhere, so a read-only folder is imitated where files are created."""
    real_open = os.open

    def fake_open(path: object, flags: int, *args: int) -> int:
        if flags & os.O_CREAT:
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(store_lock.os, "open", fake_open)


def test_read_only_folder_without_lock_files_can_be_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "c.duckdb"
    _stored(db)
    for lock in tmp_path.glob(".c.duckdb.*"):
        lock.unlink()
    _refuse_creation(monkeypatch)
    with Store.open(db, read_only=True) as store:
        assert store.article_ids() == ["a1"]
    with pytest.raises(StoreError, match="read-only"):
        Store.open(db)


def test_read_only_folder_with_lock_files_still_locks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "c.duckdb"
    _stored(db)
    _refuse_creation(monkeypatch)
    with Store.open(db, read_only=True) as store:
        assert store.article_ids() == ["a1"]


def test_planted_symlink_at_a_lock_file_is_refused(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    db = tmp_path / "c.duckdb"
    (tmp_path / ".c.duckdb.writer").symlink_to(victim)
    with pytest.raises(StoreError, match="symlink"):
        Store.open(db)
    assert victim.read_text() == "keep me"


def test_a_failed_transaction_says_what_was_stored_before_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk mid-run: the message counts the articles stored before the failing chunk
    and says the chunk itself was not stored (nothing committed is called lost)."""
    import json

    import duckdb

    from dyadwatch.ingest import ingest
    from dyadwatch.store.write import BatchWriter

    from fake_coder import FakeCoder

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text("".join(
        json.dumps({"id": f"a{i}", "text": f"Russia attacked Ukraine on 2020-09-{1 + i:02d}."}) + "\n"
        for i in range(6)))  # fmt: skip
    real_write = BatchWriter.write
    calls = {"n": 0}

    def full_disk(self: BatchWriter, *args: object, **kwargs: object) -> object:
        calls["n"] += 1
        if calls["n"] == 2:
            raise duckdb.IOException("No space left on device")
        return real_write(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(BatchWriter, "write", full_disk)
    with pytest.raises(StoreError) as caught:
        ingest([folder], db=tmp_path / "c.duckdb", coder=FakeCoder(), chunk_size=2)
    message = str(caught.value)
    assert "(not stored)" in message and "2 article(s) of this run were stored" in message
    with Store.open(tmp_path / "c.duckdb", read_only=True) as store:
        assert store.article_ids() == ["a0", "a1"]
