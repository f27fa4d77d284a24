"""Writing output files safely: whole or not at all, and never replacing what is not a file.

A regular file, or a new one, is written beside its final name and renamed into place, so a full
disk or a kill leaves the old file (or nothing), never half a file. A symlink is followed and its
target replaced the same way, so the link stays. A FIFO, a device (``/dev/null``, a terminal) or
``-`` (stdout) is written through: renaming over it would replace the pipe or the device node
with a regular file.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

from dyadwatch.errors import OutputError


def _target(out: str | Path) -> tuple[Path, bool]:
    """(the path to write, whether it must be written through rather than replaced)."""
    if str(out) == "-":
        return Path("/dev/stdout"), True
    path = Path(out)
    try:
        info = path.stat()  # follows a symlink to what it names
    except FileNotFoundError:
        if path.is_symlink():  # a dangling link: create what it names
            return path.resolve(), False
        if not path.parent.is_dir():
            raise OutputError(str(path), f"folder {path.parent} does not exist") from None
        return path, False
    except OSError as exc:
        raise OutputError(str(path), f"cannot write: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(str(path), "is a folder, not a file")
    if stat.S_ISREG(info.st_mode):
        return path.resolve(), False
    return path, True  # FIFO, character or block device, socket


@contextlib.contextmanager
def output_path(out: str | Path) -> Iterator[Path]:
    """A path to write the whole output to; on leaving the block it becomes ``out``.

    For a regular or new file that is a temporary file beside it, renamed into place when the
    block ends without error and removed otherwise; for a FIFO, a device or ``-`` it is the
    path itself.
    """
    path, through = _target(out)
    if through:
        yield path
        return
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        yield partial
        os.replace(partial, path)
    except OSError as exc:
        raise OutputError(str(out), f"cannot write: {exc.strerror or exc}") from exc
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()


def write_bytes(out: str | Path, data: bytes) -> None:
    """Write ``data`` to ``out`` whole (see ``output_path``); stdout for ``-``."""
    if str(out) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    with output_path(out) as path:
        try:
            with path.open("wb") as fh:
                fh.write(data)
                fh.flush()
                if path.is_file():
                    os.fsync(fh.fileno())
        except OSError as exc:
            raise OutputError(str(out), f"cannot write: {exc.strerror or exc}") from exc


def write_text(out: str | Path, text: str) -> None:
    write_bytes(out, text.encode("utf-8"))
