"""Shared fixtures. The real spaCy pipeline loads once per test session (about 4 s).

Marks: ``model`` for tests that load the real pipeline, ``slow`` for tests that take many seconds
(killed processes, benchmarks, long property tests); ``pytest -m "not model and not slow"`` is the
quick loop. A test that loads the pipeline without the ``model`` mark fails, so the quick loop
stays quick.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dyadwatch.coder import Coder
from dyadwatch.settings import Settings

SHARED = Path(os.environ.get("DYADWATCH_SHARED", Path(__file__).resolve().parents[2] / "shared"))


@pytest.fixture(scope="session")
def coder() -> Coder:
    return Coder()


@pytest.fixture(scope="session")
def places_coder() -> Coder:
    """A coder with the places stage on and no pre-filter, as the wire tests of places and
    place-given actors code: loaded once for all of them."""
    return Coder(Settings(places=True, prefilter=False))


@pytest.fixture(autouse=True)
def _model_tests_are_marked(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if request.node.get_closest_marker("model") is not None:
        return
    if "coder" in request.fixturenames:
        pytest.fail("this test uses the real pipeline (the coder fixture): mark it model")

    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        pytest.fail("this test loads the real spaCy pipeline: mark it model")

    monkeypatch.setattr("dyadwatch.nlp.pipeline._model_location", refuse)


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]  # fmt: skip


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's chromium through playwright, once per session (browsers cannot be downloaded
    here: ``.ci/run`` installs the package when it is missing)."""
    from playwright import sync_api

    if not CHROMIUM.exists():  # a failure, not a skip: the browser tests must run
        pytest.fail("Debian's chromium is not installed: apt-get install -y chromium (.ci/run does)")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
