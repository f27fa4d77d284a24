"""Settings are declared once; the README's table documents every one of them."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyadwatch.cli import main
from dyadwatch.coder import Coder
from dyadwatch.errors import SettingsError
from dyadwatch.parallel import ModelCoderFactory
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


@pytest.mark.parametrize(
    ("variable", "raw", "words"),
    [
        ("DYADWATCH_BATCH_SIZE", "abc", "whole number"),
        ("DYADWATCH_BATCH_SIZE", "0", "at least 1"),
        ("DYADWATCH_MERGE_WINDOW_DAYS", "-2", "at least 0"),
        ("DYADWATCH_PREFILTER", "maybe", "true or false"),
        ("DYADWATCH_PLACES", "", "true or false"),
    ],
)
def test_a_bad_variable_is_an_error_naming_it(variable: str, raw: str, words: str) -> None:
    with pytest.raises(SettingsError, match=f"^{variable}: .*{words}") as caught:
        Settings.from_env({variable: raw})
    assert caught.value.variable == variable


@pytest.mark.parametrize(
    ("raw", "value"), [("1", True), ("TRUE", True), (" yes ", True), ("on", True),
                       ("0", False), ("False", False), ("no", False), ("off", False)],
)  # fmt: skip
def test_booleans_are_read_strictly(raw: str, value: bool) -> None:
    assert Settings.from_env({"DYADWATCH_PREFILTER": raw}).prefilter is value


def test_overrides_win_and_none_leaves_the_environment_value() -> None:
    env = {"DYADWATCH_DB": "env.duckdb", "DYADWATCH_MODEL": "en_core_web_sm"}
    settings = Settings.from_env(env, db="given.duckdb", model=None)
    assert (settings.db, settings.model) == ("given.duckdb", "en_core_web_sm")


def test_xdg_cache_home_moves_the_gazetteer_cache(tmp_path: Path) -> None:
    assert Settings.from_env({"XDG_CACHE_HOME": str(tmp_path)}).gazetteer_cache == str(
        tmp_path / "dyadwatch"
    )
    assert Settings.from_env({"XDG_CACHE_HOME": "relative"}).gazetteer_cache is None
    both = {"XDG_CACHE_HOME": str(tmp_path), "DYADWATCH_GAZETTEER_CACHE": "off"}
    assert Settings.from_env(both).gazetteer_cache == "off"


def test_the_cli_reports_a_bad_variable_without_a_traceback(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["dyad", "USA", "DZA", "--db", str(tmp_path / "none.duckdb")],
        env={"DYADWATCH_BATCH_SIZE": "abc"},
    )
    assert result.exit_code == 1
    assert "DYADWATCH_BATCH_SIZE: expected a whole number, not 'abc'" in result.output
    assert "Traceback" not in result.output


def test_library_code_does_not_read_the_environment() -> None:
    # Only settings.py reads DYADWATCH_* variables (from_env, called by the CLI and Coder()).
    src = Path(__file__).resolve().parents[1] / "src" / "dyadwatch"
    readers = sorted(
        str(p.relative_to(src)) for p in src.rglob("*.py")
        if re.search(r"os\.environ|getenv\(", p.read_text("utf-8"))
    )  # fmt: skip
    assert readers == ["settings.py"]


def test_workers_get_the_parents_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings(model="parent-model", batch_size=3, prefilter=False)
    factory = ModelCoderFactory(settings)
    monkeypatch.setenv("DYADWATCH_MODEL", "worker-model")
    monkeypatch.setenv("DYADWATCH_BATCH_SIZE", "99")
    coder = pickle.loads(pickle.dumps(factory))()  # as a spawned worker would build it
    assert isinstance(coder, Coder) and coder.settings == settings
