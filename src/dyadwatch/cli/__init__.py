"""The ``dyadwatch`` command line: thin commands over the library.

Each command lives in its own module here, parses its arguments, calls one public function and
turns ``DyadwatchError`` into a clear message (see ``errors_to_messages``).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

import click
import duckdb

from dyadwatch import __version__
from dyadwatch.errors import DyadwatchError, InvalidArgument
from dyadwatch.terminal import clean

if TYPE_CHECKING:
    from dyadwatch.settings import Settings

F = TypeVar("F", bound=Callable[..., Any])

# (module, command attribute): each module defines one click command.
_COMMANDS: list[tuple[str, str]] = [
    ("dyadwatch.cli.code", "code"),
    ("dyadwatch.cli.eval", "command"),
    ("dyadwatch.cli.eval_places", "command"),
    ("dyadwatch.cli.ingest", "ingest"),
    ("dyadwatch.cli.export", "export"),
    ("dyadwatch.cli.events", "events"),
    ("dyadwatch.cli.serve", "serve"),
    ("dyadwatch.cli.explain", "command"),
    ("dyadwatch.cli.dyad", "dyad"),
    ("dyadwatch.cli.signals", "signals"),
    ("dyadwatch.cli.report", "report"),
    ("dyadwatch.cli.watch", "watch"),
    ("dyadwatch.cli.watch", "feeds"),
]


@contextmanager
def errors_to_messages(flags: Mapping[str, str] | None = None) -> Iterator[None]:
    """Turn our exceptions into a one-line message and exit status 1. ``flags`` maps a library
    parameter to the option that set it, so a bad argument is reported under the option's name
    ("--date: not an ISO date" where the library says "date: ...")."""
    try:
        yield
    except InvalidArgument as exc:
        option = (flags or {}).get(exc.parameter)
        message = clean(f"{option}: {exc.problem}" if option else str(exc))
        raise click.ClickException(message) from exc
    except DyadwatchError as exc:
        raise click.ClickException(clean(exc)) from exc
    except duckdb.Error as exc:
        # The library turns the errors it expects into StoreError; a damaged file can fail
        # anywhere a page is first read, so the command line keeps a last net for it.
        raise click.ClickException(
            f"the database cannot be read or written ({clean(exc)}); it may be damaged: restore it "
            "from a copy or ingest into a new file"
        ) from exc


def warn_coverage(db: str | None, codes: tuple[str, ...] = ()) -> None:
    """After a series' output: warn on stderr of undated mentions and of actor codes the store
    never saw (see coverage.py); the command still succeeds."""
    from dyadwatch.watch.coverage import coverage_warnings

    for warning in coverage_warnings(db, codes):
        click.echo(f"warning: {clean(warning)}", err=True)


def run_settings(**options: Any) -> Settings:
    """The settings of this run: the ``DYADWATCH_*`` environment, then the command's options
    (``None``: not given). The one place the CLI reads the environment; the library is handed
    the result. Call it inside ``errors_to_messages`` (a bad variable is a ``SettingsError``)."""
    from dyadwatch.settings import Settings

    return Settings.from_env(**options)


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
