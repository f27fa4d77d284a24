"""The dashboard in a real browser (Debian's chromium driven by playwright): every page loads
without a console error or a request leaving 127.0.0.1, filters change the table and the URL
and back restores them, the dyad chart draws the API's numbers, two clicks lead from a signal
to its highlighted sentence, and no payload from the store ever runs.

One server and one browser for the whole session; every page load is bounded by a timeout."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from dashboard_store import Watched, build, serving

pytestmark = [pytest.mark.browser, pytest.mark.slow]  # a real chromium: seconds a page


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving(build(tmp_path_factory.mktemp("dash-browser"))) as base:
        yield base


@pytest.fixture
def watched(browser: Any, server: str) -> Iterator[Watched]:
    w = Watched(browser, server)
    yield w
    w.page.close()


def hostile(w: Watched) -> tuple[list[str], list[str]]:
    rows = w.page.request.get(w.base + "/api/v1/events?text=praised&limit=100").json()["data"]
    return [r["event_id"] for r in rows], sorted({r["article_id"] for r in rows})


def test_every_page_loads_clean(watched: Watched) -> None:
    events, articles = hostile(watched)
    paths = ["/", "/dyad?a=FRA&b=DEU", "/dyad?a=KEN&b=BRA&by=day", "/events",
             "/events?text=praised", "/map", "/signals", "/actors?q=Algeria&on=2020-09-25"]  # fmt: skip
    paths += [f"/event/{e}" for e in events] + [f"/article/{a}" for a in articles]
    assert len(paths) >= 14
    for path in paths:
        page = watched.goto(path)
        assert page.locator("h1").count() == 1, path
        watched.assert_clean()
    # The payloads are on screen, as text.
    watched.goto(f"/article/{articles[0]}")
    assert "<img src=x onerror=alert(1)>" in watched.page.inner_text("main")


def test_filter_changes_table_and_url_and_back_restores(watched: Watched) -> None:
    page = watched.goto("/events")
    before = page.locator("#events-summary").get_attribute("data-total")
    first_rows = page.locator("table.events tbody tr").count()
    page.select_option("select[name=quad_class]", "4")
    with page.expect_navigation():
        page.click("#events-form button[type=submit]")
    assert watched.query()["quad_class"] == ["4"]
    assert "source" not in watched.query()  # empty fields stay out of the URL
    after = page.locator("#events-summary").get_attribute("data-total")
    assert int(after or 0) == 6 < int(before or 0)
    quads = page.locator("table.events tbody td .quad").all_inner_texts()
    assert quads and all(q.strip().startswith("4") for q in quads)
    with page.expect_navigation():
        page.go_back()
    assert "quad_class" not in watched.query()
    assert page.locator("#events-summary").get_attribute("data-total") == before
    assert page.locator("table.events tbody tr").count() == first_rows
    with page.expect_navigation():
        page.go_forward()
    assert page.locator("#events-summary").get_attribute("data-total") == after
    # Sorting by a column header: the URL says so, the rows follow.
    with page.expect_navigation():
        page.click("th a[data-sort=goldstein]")
    assert watched.query()["sort"] == ["goldstein"]
    values = [
        float(v) for v in page.locator("table.events tbody td.num:nth-child(6)").all_inner_texts()
    ]
    assert values == sorted(values, reverse=True)
    watched.assert_clean()


def test_dyad_chart_draws_the_store_numbers(watched: Watched) -> None:
    page = watched.goto("/dyad?a=FRA&b=DEU&by=week")
    series = page.request.get(watched.base + "/api/v1/dyads/FRA/DEU/series?by=week").json()["data"]
    drawn = page.evaluate(
        """() => [...document.querySelectorAll('svg[data-chart=dyad] rect.bar')].map(r => [
               r.closest('svg').dataset.direction, r.closest('a').dataset.period,
               r.dataset.kind, Number(r.dataset.value), r.getBBox().height])"""
    )
    expected = {(r["direction"], r["start"], k): r[k] for r in series if r["direction"] != "both"
                for k in ("cooperation", "conflict")}  # fmt: skip
    assert {(d, p, k): v for d, p, k, v, _ in drawn} == expected
    # Heights are proportional to the numbers (same scale within a chart).
    ratios = {round(h / v, 3) for d, _, _, v, h in drawn if v and d == "ab"}
    assert len(ratios) == 1
    # The signal window, fetched after the page, is shaded on both charts over its weeks.
    page.wait_for_selector("#dyad-signals[data-loaded]", state="attached")
    shades = page.locator("rect.shade")
    assert shades.count() == 2
    # the planted rise starts in July; where its window ends depends on the bundled corpus
    assert (shades.first.get_attribute("data-window") or "").startswith("2020-07-01..")
    # The autocomplete list comes from the store.
    page.wait_for_selector("datalist#actor-codes[data-loaded]", state="attached")
    codes = page.eval_on_selector_all("datalist#actor-codes option", "os => os.map(o => o.value)")
    assert {"FRA", "DEU", "FRAGOV"} <= set(codes)
    # A period chosen by keyboard lists its events.
    period = page.locator("svg[data-direction=ab] a.period").nth(-3)
    start = period.get_attribute("data-period")
    period.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert watched.query()["period"] == [start]
    dates = page.locator("#period-events table.events tbody td.nowrap").all_inner_texts()
    assert dates and all(d >= (start or "") for d in dates)
    watched.assert_clean()


def test_two_clicks_from_a_signal_to_its_highlighted_sentence(watched: Watched) -> None:
    page = watched.goto("/")
    page.wait_for_selector("#top-signals[data-loaded] .signal-link")
    signal = page.locator(".signal-link", has_text="FRA-DEU cooperation rose")
    with page.expect_navigation():
        signal.click()  # click 1: the dyad explorer, listing the signal window's events
    assert watched.query()["window"] and watched.query()["group"] == ["cooperation"]
    with page.expect_navigation():
        page.locator("#period-events table.events tbody a").first.click()  # click 2: the event
    sentence = page.locator("blockquote.sentence").first
    text = sentence.evaluate(
        "e => { const c = e.cloneNode(true); c.querySelectorAll('.tag').forEach(t => t.remove());"
        " return c.textContent; }"
    )
    assert text.startswith("France met Germany in Berlin on 2020-")
    assert sentence.locator("mark.hl-trigger").inner_text().endswith("met")
    assert sentence.locator("mark.hl-source").count() == 1
    assert sentence.locator("mark.hl-target").count() == 1
    watched.assert_clean()


def test_map_country_and_point_list_events(watched: Watched) -> None:
    page = watched.goto("/map")
    with page.expect_navigation():
        page.locator("a.country[data-country=UKR]").click()
    assert watched.query()["place_country"] == ["UKR"]
    assert page.locator("#listed table.events tbody tr").count() == 6
    with page.expect_navigation():
        page.go_back()
    biggest = page.locator("a.point").first
    n = int(biggest.get_attribute("data-count") or 0)
    with page.expect_navigation():
        biggest.click()
    assert "near" in watched.query()
    assert page.locator("#listed table.events tbody tr").count() >= n
    watched.assert_clean()


def test_dashboard_benchmark_runs_on_a_small_store(tmp_path: Any, browser: Any) -> None:
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, str(root / "benchmarks" / "dashboard.py"), "--events", "2000",
         "--dyads", "2", "--db", str(tmp_path / "b.duckdb")],
        env={**os.environ, "PYTHONPATH": str(root / "src")}, capture_output=True, text=True,
        timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert "store: 2,000 events" in done.stdout
    assert "overview interactive, warm" in done.stdout and "dyad interactive (month)" in done.stdout
    assert done.stdout.rstrip().endswith("requests leaving 127.0.0.1           0")
