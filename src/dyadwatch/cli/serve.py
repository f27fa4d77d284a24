"""``dyadwatch serve``: the HTTP API over a corpus store."""

from __future__ import annotations

import click

from dyadwatch.cli import errors_to_messages


@click.command("serve")
@click.option(
    "--db", type=click.Path(dir_okay=False), help="Corpus database [default: the db setting]."
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True)
@click.option("--page-size", type=click.IntRange(1, 1000), default=100, show_default=True,
              help="Rows of an events page when the request gives no limit.")  # fmt: skip
@click.option("--query-seconds", type=click.FloatRange(0.1), default=10.0, show_default=True,
              help="Time limit of one query.")  # fmt: skip
@click.option("--cors", "cors", multiple=True, metavar="ORIGIN",
              help="Allow browser pages from ORIGIN to call the API (repeatable; off by default).")  # fmt: skip
def serve(
    db: str | None,
    host: str,
    port: int,
    page_size: int,
    query_seconds: float,
    cors: tuple[str, ...],
) -> None:
    """Serve the store read-only: the dashboard at / and JSON under /api/v1 (docs at
    /api/v1/docs).

    Runs beside `dyadwatch ingest`: the server gives the database up whenever the writer waits
    for its turn, and reads the newly stored events afterwards.

    \b
    Example:
      dyadwatch serve --db corpus.duckdb
      curl 'http://127.0.0.1:8765/api/v1/events?dyad=ECOWAS,MLI&limit=10'
    """
    with errors_to_messages():
        try:
            import uvicorn

            from dyadwatch.api import ApiSettings, create_app
        except ImportError as exc:
            raise click.ClickException(
                f"serve needs FastAPI and uvicorn (dyadwatch's dependencies): {exc}"
            ) from exc
        from dyadwatch.settings import Settings

        path = db or Settings.from_env().db
        if host not in ("127.0.0.1", "localhost", "::1"):
            click.echo(
                f"warning: listening on {host}: anyone who can reach it reads the whole store"
                " (no authentication)",
                err=True,
            )
        settings = ApiSettings(page_size=page_size, query_seconds=query_seconds, cors_origins=cors)
        app = create_app(path, settings)
        click.echo(
            f"dyadwatch dashboard on http://{host}:{port}/ and API docs at"
            f" http://{host}:{port}/api/v1/docs (store {path})",
            err=True,
        )
        uvicorn.run(app, host=host, port=port, log_level="warning")
