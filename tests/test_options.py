"""The defaults of signals and reports are declared once (watch/options.py): the library, the
CLI and the API all read them there, so they cannot drift apart."""

from __future__ import annotations

import inspect
from dataclasses import fields

import click

from dyadwatch.cli.signals import signals as signals_command
from dyadwatch.watch import dyads, reports, signals
from dyadwatch.watch.options import DEFAULT_PERIOD, REPORTS, SIGNALS


def _defaults(function: object) -> dict[str, object]:
    return {n: p.default for n, p in inspect.signature(function).parameters.items()}  # type: ignore[arg-type]


def test_library_functions_take_their_defaults_from_the_options() -> None:
    for function in (signals.find_signals, signals.detect_signals):
        got = _defaults(function)
        for f in fields(SIGNALS):
            if f.name in got:
                assert got[f.name] == getattr(SIGNALS, f.name), (function, f.name)
    test = _defaults(signals.shift_test)
    assert (test["max_window"], test["min_count"], test["min_history"]) == (
        SIGNALS.max_window, SIGNALS.min_count, SIGNALS.min_history)  # fmt: skip
    for function in (dyads.dyad_series, reports.build_report, reports.write_report):
        assert _defaults(function)["by"] == DEFAULT_PERIOD
    assert _defaults(reports.write_report)["max_events"] == REPORTS.max_events


def test_the_cli_shows_the_library_defaults() -> None:
    options = {p.name: p.default for p in signals_command.params if isinstance(p, click.Option)}
    for name in ("min_count", "alpha", "max_window", "min_history", "evidence"):
        assert options[name] == getattr(SIGNALS, name), name
    assert options["by"] == DEFAULT_PERIOD
