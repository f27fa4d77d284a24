"""``dyadwatch watch``: poll news feeds and code new articles as they arrive; ``dyadwatch
feeds``: each watched feed's state."""

from __future__ import annotations

import contextlib
import signal
import threading
from pathlib import Path

import click

from dyadwatch.cli import errors_to_messages, run_settings
from dyadwatch.cli.options import corpus_db_option, db_file_option, model_option
from dyadwatch.terminal import console as make_console
from dyadwatch.terminal import text
from dyadwatch.watch.options import DEFAULT_PERIOD


@click.command("watch")
@click.argument("feeds_file", type=click.Path(dir_okay=False))
@db_file_option
@click.option("--once", is_flag=True, help="One cycle over the due feeds, then exit (for cron).")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Code in this many local processes (each loads the model once).",
)
@click.option("--scheduler", metavar="ADDRESS", help="Code on an existing Dask cluster.")
@model_option
@click.option(
    "--coder",
    "coder_path",
    metavar="MODULE:NAME",
    help="Advanced: import path of a picklable zero-argument coder factory.",
)
@click.option(
    "--signals-feed",
    type=click.Path(dir_okay=False),
    help="Keep the newest signals in this Atom file.",
)
@click.option(
    "--by",
    type=click.Choice(["week", "month"]),
    default=DEFAULT_PERIOD,
    show_default=True,
    help="Period of the signal test.",
)
@click.option(
    "--delay",
    type=click.FloatRange(min=0.0),
    default=1.0,
    show_default=True,
    help="Seconds between two requests to one host.",
)
def watch(
    feeds_file: str,
    db: str | None,
    once: bool,
    workers: int,
    scheduler: str | None,
    model: str | None,
    coder_path: str | None,
    signals_feed: str | None,
    by: str,
    delay: float,
) -> None:
    """Watch the feeds listed in FEEDS_FILE (YAML: RSS, Atom, JSON Feed, sitemaps) and code
    new articles into the store as they arrive. Prints each new signal as a JSON line and a log
    line per cycle on stderr. SIGTERM ends after the chunk being stored.

    \b
    Examples:
      dyadwatch watch feeds.yaml --db corpus.duckdb --signals-feed signals.atom
      dyadwatch watch feeds.yaml --db corpus.duckdb --once      # from cron
    """
    from dyadwatch.feeds.config import load_config
    from dyadwatch.feeds.fetch import Limits
    from dyadwatch.feeds.watch import watch as watch_feeds
    from dyadwatch.parallel import ModelCoderFactory, load_factory

    with errors_to_messages({"path": "--coder"}):
        settings = run_settings(db=db, model=model)
        config = load_config(feeds_file)
        factory = load_factory(coder_path) if coder_path else ModelCoderFactory(settings)
        stop = threading.Event()
        previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
        try:
            # The library makes the coding workers before anything starts a thread, so that
            # they can share one loaded coder, and ends them however the run ends: Ctrl-C is
            # then a quiet exit.
            with contextlib.suppress(KeyboardInterrupt):
                watch_feeds(
                    config,
                    settings.db,
                    factory,
                    once=once,
                    workers=workers,
                    scheduler=scheduler,
                    limits=Limits(host_delay=delay),
                    signals_feed=Path(signals_feed) if signals_feed else None,
                    signals_by=by,
                    stop=stop,
                )
        finally:
            signal.signal(signal.SIGTERM, previous)


@click.command("feeds")
@corpus_db_option
def feeds(db: str | None) -> None:
    """Each watched feed's state: last success, last error, articles stored, next poll.

    \b
    Example:
      dyadwatch feeds --db corpus.duckdb
    """
    from rich.table import Table

    from dyadwatch.feeds.state import load_states
    from dyadwatch.store.store import Store

    with errors_to_messages(), Store.open(db, read_only=True) as store:
        states = load_states(store.connection)
    table = Table(title="watched feeds", title_justify="left")
    for column in ("feed", "outlet", "last success", "last error", "articles", "next poll"):
        table.add_column(column, overflow="fold")
    for s in states.values():
        error = f"{_when(s.last_error_at)} {s.last_error}" if s.last_error else "-"
        next_poll = "disabled" if s.disabled else _when(s.next_poll)
        table.add_row(*(text(v) for v in (s.url, s.outlet, _when(s.last_success), error,
                                            f"{s.articles:,}", next_poll)))
    make_console().print(table)


def _when(moment: object) -> str:
    return "-" if moment is None else str(moment)[:19] + " UTC"
