"""The HTTP API's application: ``create_app(store_path, settings)`` builds a FastAPI app serving
the store read-only as JSON under ``/api/v1`` (``docs/api.md`` documents every endpoint).

Errors are JSON: a bad parameter is a 400 naming it, an unknown id a 404, a query over its time
limit or a store that cannot be read a 503; dyadwatch never answers 500 on purpose. The API docs
page (``/api/v1/docs``) is plain HTML rendered from the OpenAPI document, so it works offline.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from dyadwatch.api.access import StoreReader
from dyadwatch.api.docs import docs_page
from dyadwatch.api.meta import ApiSettings, versions
from dyadwatch.api.routes import router
from dyadwatch.dashboard import mount_dashboard
from dyadwatch.errors import DyadwatchError, InvalidArgument, NotFound, StoreError
from dyadwatch.query_run import QueryTimeout

PREFIX = "/api/v1"
log = logging.getLogger("dyadwatch.api")


def error(status: int, message: str, parameter: str | None = None) -> JSONResponse:
    body: dict[str, Any] = {"error": {"status": status, "message": message}}
    if parameter is not None:
        body["error"]["parameter"] = parameter
    return JSONResponse(body, status_code=status)


def create_app(store_path: str | Path, settings: ApiSettings | None = None) -> FastAPI:
    """The API over the store at ``store_path`` (opened read-only, lazily, on the first request;
    a missing store answers 503 until it exists).

    ``app.state.reader`` is the ``StoreReader`` the routes take cursors from, and
    ``app.state.settings`` the ``ApiSettings``; a dashboard can mount its own routes on the app
    and use both.
    """
    settings = settings or ApiSettings()

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.reader.close()

    app = FastAPI(
        lifespan=lifespan,
        title="dyadwatch",
        version=str(versions()["dyadwatch"]),
        description="Political events coded from news, with their evidence. Read-only.",
        docs_url=None,  # FastAPI's pages load Swagger UI / ReDoc from a CDN: not offline
        redoc_url=None,
        openapi_url=f"{PREFIX}/openapi.json",
    )
    app.state.settings = settings
    app.state.reader = StoreReader(
        Path(store_path), query_seconds=settings.query_seconds, open_timeout=settings.open_timeout
    )
    if settings.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware, allow_origins=list(settings.cors_origins), allow_methods=["GET"]
        )
    app.include_router(router, prefix=PREFIX)

    @app.get(f"{PREFIX}/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(docs_page(app.openapi(), PREFIX))

    mount_dashboard(app)  # the analyst's pages at / (docs/dashboard.md)

    _handlers(app)
    return app


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(InvalidArgument)
    def invalid(_request: Request, exc: InvalidArgument) -> JSONResponse:
        return error(400, str(exc), exc.parameter)

    @app.exception_handler(NotFound)
    def not_found(_request: Request, exc: NotFound) -> JSONResponse:
        return error(404, str(exc))

    @app.exception_handler(QueryTimeout)
    def timeout(_request: Request, exc: QueryTimeout) -> JSONResponse:
        return error(503, str(exc))

    @app.exception_handler(StoreError)
    def store_error(_request: Request, exc: StoreError) -> JSONResponse:
        log.warning("store error: %s", exc)
        return error(503, f"the store cannot be read now: {exc}")

    @app.exception_handler(DyadwatchError)
    def other(_request: Request, exc: DyadwatchError) -> JSONResponse:
        return error(400, str(exc))

    @app.exception_handler(RequestValidationError)
    def validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = first.get("loc", ())
        parameter = str(where[-1]) if where else None
        return error(400, f"{parameter}: {first.get('msg', 'invalid')}", parameter)

    @app.exception_handler(StarletteHTTPException)
    def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return error(exc.status_code, str(exc.detail))

    @app.exception_handler(UnicodeError)
    def bad_text(_request: Request, exc: UnicodeError) -> JSONResponse:
        return error(400, f"undecodable text in the request: {exc}")
