"""Settings are declared once; the README's table documents every one of them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dyadwatch.settings import Settings, describe

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_setting_is_in_the_readme_table() -> None:
    rows = set(re.findall(r"^\| (\w+) \|", README.read_text(encoding="utf-8"), re.M))
    assert {name for name, _, _ in describe()} <= rows


@pytest.mark.parametrize(
    ("name", "raw", "value"),
    [("prefilter", "0", False), ("batch_size", "8", 8), ("gazetteer_cache", "off", "off")],
)
def test_environment_variables_set_settings(name: str, raw: str, value: object) -> None:
    settings = Settings.from_env({f"DYADWATCH_{name.upper()}": raw})
    assert getattr(settings, name) == value
