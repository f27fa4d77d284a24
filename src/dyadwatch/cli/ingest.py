"""``dyadwatch ingest``: code articles into the corpus store (DuckDB), merging repeated events."""

from __future__ import annotations

import time
from datetime import datetime
from types import TracebackType
from typing import TYPE_CHECKING

import click

from dyadwatch.cli import errors_to_messages, run_settings
from dyadwatch.cli.options import db_file_option, model_option
from dyadwatch.cli.stop import EXIT_SOME_FAILED, EXIT_STOPPED, sigterm_stops

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, ProgressColumn, TaskID


class IngestProgress:
    """The progress display of ``dyadwatch ingest``, fed by ``ingest``'s callbacks: a spinner
    while the inputs are read (``read``), then a bar over the articles to code with their rate
    and the time left (``chunk``).

    It redraws from those callbacks, at most ``REDRAW_SECONDS`` apart, never from a thread of its
    own: ingest forks its workers only from a process with one thread (see
    ``parallel.can_fork``), so that they share the model it loaded."""

    REDRAW_SECONDS = 0.1

    def __init__(self, console: Console | None = None) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._bar: Progress = Progress(
            SpinnerColumn(),
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            _rate_column(time.monotonic()),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=console or Console(stderr=True),
            auto_refresh=False,
        )
        self._drawn = 0.0
        self._reading: TaskID = self._bar.add_task("reading", total=None)
        self._coding: TaskID | None = None

    def read(self, read: int) -> None:
        self._bar.update(self._reading, completed=read)
        self._redraw()

    def chunk(self, done: int, total: int) -> None:
        if self._coding is None:
            self._bar.update(self._reading, visible=False)
            self._coding = self._bar.add_task("coding", total=total)
        self._bar.update(self._coding, completed=done)
        self._redraw(force=True)

    def _redraw(self, *, force: bool = False) -> None:
        now = time.monotonic()
        if force or now - self._drawn >= self.REDRAW_SECONDS:
            self._drawn = now
            self._bar.refresh()

    def __enter__(self) -> IngestProgress:
        self._bar.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._bar.stop()


def _rate_column(started: float) -> ProgressColumn:
    """Articles coded per second since the run started: the rate the summary reports at the
    end (rich's own speed is a recent window, which disagreed with the summary)."""
    from rich.progress import ProgressColumn, Task
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task: Task) -> Text:
            seconds = time.monotonic() - started
            if task.total is None or seconds <= 0:
                return Text("")
            return Text(f"{task.completed / seconds:,.1f} articles/s", style="cyan")

    return RateColumn()


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@db_file_option
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Code in this many local processes (each loads the model once).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Code on an existing Dask cluster, e.g. tcp://10.0.0.5:8786 (workers need dyadwatch).",
)
@model_option
@click.option(
    "--actors",
    "actors_file",
    type=click.Path(exists=True, dir_okay=False),
    help="YAML file of extra actors (see docs/actors.md).",
)
@click.option(
    "--merge-window",
    "merge_window",
    type=click.IntRange(min=0),
    metavar="DAYS",
    help="Reports at most this many days apart can merge into one event [default: 3].",
)
@click.option(
    "--stdin-format",
    type=click.Choice(["auto", "txt", "html", "jsonl"]),
    default="auto",
    show_default=True,
    help="Format of '-' (stdin).",
)
@click.option(
    "--coder",
    "coder_path",
    metavar="MODULE:NAME",
    help="Advanced: import path of a picklable zero-argument factory that builds the coder "
    "(replaces --model and --actors).",
)
@click.option(
    "--date",
    "date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Publication date (YYYY-MM-DD) of every article its metadata does not date.",
)
@click.option(
    "--date-from",
    "date_from",
    type=click.Choice(["name"]),
    help="Take each article's date from its file name (2024-03-14-kyiv.txt), before --date.",
)
@click.option("--follow-symlinks", is_flag=True,
              help="Also read symlinks in a folder that lead out of it (reported and skipped by default).")
@click.option("--remerge", is_flag=True, help="Then rebuild every merged event in canonical order.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
def ingest(
    paths: tuple[str, ...],
    db: str | None,
    workers: int,
    scheduler: str | None,
    model: str | None,
    actors_file: str | None,
    merge_window: int | None,
    stdin_format: str,
    coder_path: str | None,
    date: datetime | None,
    date_from: str | None,
    follow_symlinks: bool,
    remerge: bool,
    quiet: bool,
) -> None:
    """Code articles from PATH... (files, folders, globs, '-' for stdin: .txt, .html, .json,
    .jsonl, .jsonl.gz) into the corpus store. Unchanged articles are skipped, changed ones
    re-coded; reports of one event from many articles merge into one event.

    An article's publication date comes from its metadata (JSON "date", HTML meta), else
    --date-from, else --date, else its dateline ("KYIV, March 14, 2024 (Reuters) -") or a
    date line near the top. The summary counts the articles left undated.

    \b
    Examples:
      dyadwatch ingest news/ feeds/*.jsonl.gz --db corpus.duckdb --workers 2
      dyadwatch ingest wires/*.txt --date-from name --date 2024-03-14
    """
    from contextlib import nullcontext

    from rich.console import Console

    from dyadwatch.ingest import ingest as run_ingest
    from dyadwatch.ingest import summary_table
    from dyadwatch.parallel import ModelCoderFactory, load_factory
    from dyadwatch.store.store import Store

    with errors_to_messages({"path": "--coder"}), sigterm_stops() as should_stop:
        settings = run_settings(
            db=db, model=model, actors=actors_file, merge_window_days=merge_window
        )
        factory = load_factory(coder_path) if coder_path else ModelCoderFactory(settings)
        with nullcontext(None) if quiet else IngestProgress() as progress:
            summary = run_ingest(
                list(paths),
                db=settings.db,
                coder=factory,
                workers=workers,
                scheduler=scheduler,
                merge_window_days=settings.merge_window_days,
                stdin_format=stdin_format,  # type: ignore[arg-type]
                on_read=progress.read if progress else None,
                on_chunk=progress.chunk if progress else None,
                should_stop=should_stop,
                date=date.date() if date is not None else None,
                date_from="name" if date_from == "name" else None,
                follow_symlinks=follow_symlinks,
            )
        if remerge:
            with Store.open(settings.db, merge_window_days=settings.merge_window_days) as store:
                store.remerge()
    if not quiet:
        Console(stderr=True).print(summary_table(summary))
    if summary.stopped:
        click.echo(
            "ingest: stopped by SIGTERM after storing the current chunk; run the same command "
            "again to code the rest",
            err=True,
        )
        raise SystemExit(EXIT_STOPPED)
    if summary.errors:
        raise SystemExit(EXIT_SOME_FAILED)
