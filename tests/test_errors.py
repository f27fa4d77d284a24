"""Every error class has its own stable code, and docs/errors.md documents each one."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import dyadwatch
from dyadwatch.errors import DyadwatchError, InvalidArgument, OutputError, SettingsError

DOCS = Path(__file__).resolve().parents[1] / "docs" / "errors.md"


def _all_error_classes() -> list[type[DyadwatchError]]:
    """DyadwatchError and every subclass defined anywhere in the package."""
    for info in pkgutil.walk_packages(dyadwatch.__path__, "dyadwatch."):
        if info.name.startswith("dyadwatch._compat"):
            continue
        importlib.import_module(info.name)
    found: list[type[DyadwatchError]] = []
    todo: list[type[DyadwatchError]] = [DyadwatchError]
    while todo:
        cls = todo.pop()
        if cls not in found:
            found.append(cls)
            todo.extend(cls.__subclasses__())
    return [c for c in found if c.__module__.startswith("dyadwatch")]


def test_every_error_class_has_its_own_code() -> None:
    classes = _all_error_classes()
    assert len(classes) >= 10
    codes = {cls: cls.__dict__.get("code") for cls in classes}
    missing = [cls.__name__ for cls, code in codes.items() if not isinstance(code, str)]
    assert not missing, f"no code of their own: {missing}"
    assert len(set(codes.values())) == len(codes), codes
    assert all(re.fullmatch(r"DW-[A-Z]+", str(code)) for code in codes.values())


def test_every_code_is_documented() -> None:
    rows = dict(re.findall(r"^\| `(DW-[A-Z]+)` \| `(\w+)` \|", DOCS.read_text("utf-8"), re.M))
    assert rows == {str(cls.code): cls.__name__ for cls in _all_error_classes()}


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (InvalidArgument("date", "not an ISO date"), "date: not an ISO date"),
        (SettingsError("DYADWATCH_BATCH_SIZE", "expected a whole number"),
         "DYADWATCH_BATCH_SIZE: expected a whole number"),
        (OutputError("out.html", "cannot write"), "out.html: cannot write"),
    ],
)
def test_messages_name_what_is_wrong(error: DyadwatchError, message: str) -> None:
    assert str(error) == message
