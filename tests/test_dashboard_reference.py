"""The dashboard on the bundled corpus coded by the real pipeline: the overview shows the
USA-DZA military cooperation signal, and two clicks from it reach the reference-style story's
Townsend-Tebboune sentence with its actors and trigger highlighted."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from dyadwatch.coder import Coder
from dyadwatch.ingest import ingest

from dashboard_store import Watched, serving

pytestmark = [pytest.mark.model, pytest.mark.browser]


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory, coder: Coder) -> Iterator[str]:
    db = tmp_path_factory.mktemp("dash-sample") / "sample.duckdb"
    corpus = Path(str(resources.files("dyadwatch.samples") / "corpus.jsonl"))
    ingest([corpus], db=db, coder=coder)
    with serving(db) as base:
        yield base


def test_two_clicks_from_the_military_signal_to_townsend_and_tebboune(
    browser: Any, sample: str
) -> None:
    w = Watched(browser, sample)
    page = w.goto("/")
    page.wait_for_selector("#top-signals[data-loaded] .signal-link")
    first = page.locator(".signal-link").first
    assert "military cooperation rose" in first.inner_text()
    assert {"USA", "DZA"} <= set(first.inner_text().split()[0].split("-"))
    with page.expect_navigation():
        first.click()
    link = (
        page.locator("#period-events table.events tbody tr", has_text="Townsend")
        .filter(has_text="Tebboune")
        .locator("a")
        .first
    )
    with page.expect_navigation():
        link.click()
    sentence = page.locator("blockquote.sentence", has_text="Tebboune").first
    assert "General Stephen Townsend" in sentence.locator("mark.hl-source").inner_text()
    assert "Tebboune" in sentence.locator("mark.hl-target").inner_text()
    assert sentence.locator("mark.hl-trigger").inner_text().endswith("met")
    w.assert_clean()
    w.page.close()
