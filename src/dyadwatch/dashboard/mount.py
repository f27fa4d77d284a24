"""Mounting the dashboard on the API's application: its pages at ``/`` and its packaged assets
at ``/assets``."""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING, Any

from starlette.responses import Response
from starlette.staticfiles import StaticFiles

from dyadwatch.dashboard.pages import router as pages
from dyadwatch.dashboard.views import router as views
from dyadwatch.dashboard.web import ASSETS, SECURITY_HEADERS

if TYPE_CHECKING:
    from fastapi import FastAPI


class _Assets(StaticFiles):
    """Packaged static files, with the security headers and a short cache."""

    def file_response(self, *args: Any, **kwargs: Any) -> Response:
        response = super().file_response(*args, **kwargs)
        response.headers.update(SECURITY_HEADERS)
        response.headers["Cache-Control"] = "public, max-age=300"
        return response


def mount_dashboard(app: FastAPI) -> None:
    """Add the dashboard's pages at ``/`` and its packaged assets at ``/assets``."""
    folder = resources.files("dyadwatch.dashboard") / "static"
    app.mount(ASSETS, _Assets(directory=str(folder)), name="assets")
    app.include_router(pages)
    app.include_router(views)
