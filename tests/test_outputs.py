"""Output files: written whole or not at all, and FIFOs, devices, stdout and symlinks are
written through rather than replaced."""

from __future__ import annotations

import errno
import os
import stat
import threading
from datetime import date
from pathlib import Path

import pytest

from dyadwatch import outputs
from dyadwatch.errors import OutputError
from dyadwatch.records import Article
from dyadwatch.store.export import export
from dyadwatch.store.store import Store

from fake_coder import build_event


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("outputs") / "c.duckdb"
    article = Article("a1", "Macron met Scholz in Paris.", date=date(2020, 9, 25))
    with Store.open(path) as store:
        store.add(article, [build_event(article, when=date(2020, 9, 25), trigger="met")])
    return path


def test_export_to_a_fifo_writes_through(db: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "out.csv"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def drain() -> None:
        with fifo.open("rb") as pipe:
            received.append(pipe.read())

    reader = threading.Thread(target=drain)
    reader.start()
    assert export(db, fifo, "csv") == 1
    reader.join(timeout=30)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert b"\t" in received[0]


def test_export_to_a_device_leaves_the_device(db: Path) -> None:
    assert export(db, "/dev/null", "jsonl") == 1
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_export_through_a_symlink_keeps_the_link(db: Path, tmp_path: Path) -> None:
    real = tmp_path / "real.jsonl"
    real.write_text("old\n")
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    export(db, link, "jsonl")
    assert link.is_symlink()
    assert '"event_id"' in real.read_text()


def test_a_failed_write_leaves_the_old_file_and_no_partial(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "r.html"
    out.write_text("the old report")

    def full_disk(src: object, dst: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(outputs.os, "replace", full_disk)
    with pytest.raises(OutputError, match="No space left"):
        outputs.write_text(out, "the new report")
    assert out.read_text() == "the old report"
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]


def test_a_folder_or_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="is a folder"):
        outputs.write_text(tmp_path, "x")
    with pytest.raises(OutputError, match="does not exist"):
        outputs.write_text(tmp_path / "nope" / "r.md", "x")


def test_dash_is_stdout(capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    outputs.write_bytes("-", b"to stdout\n")
    assert capfdbinary.readouterr().out == b"to stdout\n"


def test_plot_format_follows_the_suffix(db: Path, tmp_path: Path) -> None:
    from dyadwatch.watch.dyads import dyad_series
    from dyadwatch.watch.reports import plot_series

    series = dyad_series(db, "FRA", "DEU", by="day")
    plot_series(series, tmp_path / "p.svg")
    plot_series(series, tmp_path / "p.png")
    assert b"<svg" in (tmp_path / "p.svg").read_bytes()[:400]
    assert (tmp_path / "p.png").read_bytes()[:4] == b"\x89PNG"
    with pytest.raises(OutputError, match=r"\.png, \.svg or \.pdf"):
        plot_series(series, tmp_path / "p.txt")
