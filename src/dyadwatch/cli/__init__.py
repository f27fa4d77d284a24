"""The ``dyadwatch`` command line: thin commands over the library.

Each command lives in its own module here, parses its arguments, calls one public function and
turns ``DyadwatchError`` into a clear message (see ``errors_to_messages``).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import click

from dyadwatch import __version__
from dyadwatch.errors import DyadwatchError

F = TypeVar("F", bound=Callable[..., Any])

# (module, command attribute): each module defines one click command.
_COMMANDS: list[tuple[str, str]] = [
    ("dyadwatch.cli.code", "code"),
    ("dyadwatch.cli.eval", "command"),
    ("dyadwatch.cli.eval_places", "command"),
    ("dyadwatch.cli.ingest", "ingest"),
    ("dyadwatch.cli.export", "export"),
    ("dyadwatch.cli.explain", "command"),
    ("dyadwatch.cli.dyad", "dyad"),
    ("dyadwatch.cli.signals", "signals"),
    ("dyadwatch.cli.report", "report"),
]


@contextmanager
def errors_to_messages() -> Iterator[None]:
    """Turn our exceptions into a one-line message and exit status 1."""
    try:
        yield
    except DyadwatchError as exc:
        raise click.ClickException(str(exc)) from exc


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dyadwatch")
def main() -> None:
    """dyadwatch: code news into source-linked political events and watch dyads.

    \b
    Example:
      dyadwatch code article.txt --date 2020-09-25
    """


for _module, _attr in _COMMANDS:
    main.add_command(getattr(importlib.import_module(_module), _attr))
