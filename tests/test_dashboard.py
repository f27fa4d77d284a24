"""The dashboard's pages through the ASGI client: security headers, escaping of hostile store
values, safe links, the Atom feed, sorting, bad input and the numbers the charts draw."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from dyadwatch.api import create_app
from dyadwatch.dashboard.highlight import pieces
from dyadwatch.dashboard.web import CSP, qs, safe_url

from dashboard_store import PAYLOAD, PAYLOADS, build

PAGES = ["/", "/fragments/signals", "/dyad?a=FRA&b=DEU", "/events", "/map", "/signals",
         "/actors?q=Algeria", "/events?text=praised"]  # fmt: skip


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = build(tmp_path_factory.mktemp("dash"))
    with TestClient(create_app(db)) as c:
        yield c


def html(client: TestClient, path: str, status: int = 200) -> str:
    response = client.get(path)
    assert response.status_code == status, (path, response.text[:500])
    assert response.headers["content-security-policy"] == CSP
    return response.text


def hostile_ids(client: TestClient) -> tuple[list[str], list[str]]:
    rows = client.get("/api/v1/events", params={"text": "praised", "limit": 100}).json()["data"]
    rows += client.get("/api/v1/events", params={"text": "criticized", "limit": 100}).json()["data"]
    return [r["event_id"] for r in rows], sorted({r["article_id"] for r in rows})


def assert_inert(page: str) -> None:
    """No payload survives as markup: every ``<`` of the store arrives as ``&lt;``."""
    for raw in ("<img src=x", "<script>alert", "<svg onload", "<b onmouseover", "</script><img"):
        assert raw not in page
    assert not re.search(r"href=\s*[\"']?\s*(javascript|data|vbscript):", page, re.I)
    assert len(re.findall(r"<script\b", page)) == page.count('<script src="/assets/dash.js"')


def test_pages_answer_with_security_headers(client: TestClient) -> None:
    for path in PAGES:
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-security-policy"] == CSP
        assert "'unsafe-inline'" not in response.headers["content-security-policy"]
        assert response.headers["x-content-type-options"] == "nosniff"
    asset = client.get("/assets/dash.js")
    assert asset.status_code == 200 and asset.headers["content-security-policy"] == CSP


def test_hostile_store_values_are_escaped_everywhere(client: TestClient) -> None:
    events, articles = hostile_ids(client)
    assert len(events) >= 4 and len(articles) == 4
    pages = [html(client, p) for p in PAGES]
    pages += [html(client, f"/event/{e}") for e in events]
    pages += [html(client, f"/article/{a}") for a in articles]
    for page in pages:
        assert_inert(page)
    joined = "".join(pages)
    # The payloads are shown, as text.
    for payload in (PAYLOAD, *PAYLOADS.values()):
        assert str(escape(payload)) in joined, payload
    assert "javascript:alert(5)" in joined and 'class="nolink"' in joined


def test_no_inline_script_or_style_anywhere(client: TestClient) -> None:
    for path in PAGES:
        page = html(client, path)
        assert "<style" not in page and " style=" not in page
        assert not re.search(r"<script(?![^>]*\bsrc=)", page)
        assert not re.search(r"\son[a-z]+=", page.replace("&lt;", "<!").split("<!")[0])


def test_safe_url_keeps_only_web_addresses() -> None:
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_url("HTTP://example.org") == "HTTP://example.org"
    for bad in ("javascript:alert(1)", " javascript:alert(1)", "JaVaScRiPt:x", "data:text/html,x",
                "vbscript:x", "//evil.example/x", "/relative", "https:///nohost",
                "https://example.org/\nx", None, 42, "http://" + "a" * 3000):  # fmt: skip
        assert safe_url(bad) is None, bad


def test_pieces_cut_at_every_span_boundary() -> None:
    text = "General Townsend met Tebboune."
    spans = [{"role": "source", "start": 100, "end": 116}, {"role": "trigger", "start": 117,
             "end": 120}, {"role": "target", "start": 121, "end": 129},
             {"role": "place", "start": 108, "end": 129}, {"role": "cue", "start": 5, "end": 9}]  # fmt: skip
    parts = pieces(text, spans, base=100)
    assert "".join(p.text for p in parts) == text
    by_text = {p.text: p.roles for p in parts}
    assert by_text["General "] == ("source",)
    assert by_text["Townsend"] == ("source", "place")
    assert by_text["met"] == ("trigger", "place")
    assert by_text["."] == ()
    assert all(p.first == () or p.first[0] in p.roles for p in parts)


def test_query_strings_carry_state() -> None:
    assert qs({"a": "USA", "b": ""}, page=2) == "?a=USA&page=2"
    assert (
        qs({"modality": ["asserted", "hedged"]}, page=None) == "?modality=asserted&modality=hedged"
    )
    assert qs({"text": "a&b=c"}) == "?text=a%26b%3Dc"


def test_atom_feed_is_well_formed_and_lists_the_signals(client: TestClient) -> None:
    response = client.get("/signals.atom")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [e.findtext("a:title", namespaces=ns) for e in feed.findall("a:entry", ns)]
    api = client.get("/api/v1/signals").json()["data"]
    assert titles and {s["summary"] for s in api} <= set(titles)
    assert any("FRA-DEU cooperation rose" in t for t in titles if t)


def cells(page: str, column: int) -> list[str]:
    rows = re.findall(r'<tr data-key="[^"]*">(.*?)</tr>', page, re.S)
    return [re.sub(r"<[^>]+>", "", re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)[column]).strip()
            for r in rows]  # fmt: skip


def test_events_sort_and_page(client: TestClient) -> None:
    page = html(client, "/events?sort=goldstein&dir=asc")
    values = [float(v) for v in cells(page, 5)]
    assert values == sorted(values) and len(values) > 5
    page = html(client, "/events?sort=goldstein&dir=desc&quad_class=4")
    values = [float(v) for v in cells(page, 5)]
    assert values == sorted(values, reverse=True)
    total = int(re.search(r'data-total="(\d+)"', page).group(1))  # type: ignore[union-attr]
    api = client.get("/api/v1/events", params={"quad_class": 4, "limit": 1000}).json()["data"]
    assert total == len(api) == len(values)
    assert "/api/v1/events.csv?quad_class=4" in page


def test_bad_filters_are_shown_on_the_page(client: TestClient) -> None:
    page = html(client, "/events?cameo=999", 400)
    assert "cameo" in page and 'role="alert"' in page
    assert "unknown CAMEO" in page
    page = html(client, "/events?sort=drop+table", 400)
    assert "sort" in page
    page = html(client, "/dyad?a=FRA&b=XYZQ", 400)
    assert "XYZQ" in page
    html(client, "/event/no-such-event", 404)
    html(client, "/article/no-such-article", 404)


def test_dyad_chart_draws_the_series_numbers(client: TestClient) -> None:
    page = html(client, "/dyad?a=FRA&b=DEU&by=month")
    api = client.get("/api/v1/dyads/FRA/DEU/series", params={"by": "month"}).json()["data"]
    drawn: dict[tuple[str, str, str], int] = {}
    for svg in re.findall(r'<svg class="chart"[^>]*data-direction="(\w+)">(.*?)</svg>', page, re.S):
        direction, body = svg
        for period, inner in re.findall(r'data-period="([\d-]+)"[^>]*>(.*?)</a>', body, re.S):
            for kind, value in re.findall(r'data-kind="(\w+)" data-value="(\d+)"', inner):
                drawn[(direction, period, kind)] = int(value)
    expected = {(r["direction"], r["start"], k): r[k] for r in api if r["direction"] != "both"
                for k in ("cooperation", "conflict")}  # fmt: skip
    assert drawn == expected and sum(drawn.values()) == 30
    fragment = html(client, "/fragments/dyad-signals?a=DEU&b=FRA&by=week")
    windows = re.findall(r'data-window-start="([\d-]+)" data-window-end="([\d-]+)"', fragment)
    # the planted rise starts in July; where its window ends depends on the bundled corpus
    assert len(windows) == 1 and windows[0][0] == "2020-07-01"
    start, end = windows[0]
    assert "by=week" in fragment and f"window={start}..{end}" in fragment
    assert "No signal" in html(client, "/fragments/dyad-signals?a=RUS&b=UKR")


def test_codes_for_autocomplete(client: TestClient) -> None:
    codes = {c["code"]: c for c in client.get("/dash/codes.json").json()["data"]}
    assert {"FRA", "FRAGOV", "DEU", "RUS", "UKRGOV"} <= set(codes)
    assert codes["FRA"]["n"] >= 30


def test_map_bins_and_country_choice(client: TestClient) -> None:
    page = html(client, "/map")
    counts = [int(n) for n in re.findall(r'class="point" data-count="(\d+)"', page)]
    placed = [r for r in client.get("/api/v1/events", params={"limit": 1000}).json()["data"]
              if r["place_lat"] is not None]  # fmt: skip
    assert sum(counts) == len(placed) > 0
    assert page.count('class="country"') > 150
    page = html(client, "/map?place_country=UKR")
    assert 'id="listed"' in page and [c[:6] for c in cells(page, 2)] == ["UKRGOV"] * 6


def rows_of(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    return client.get("/api/v1/events", params={**params, "limit": 1000}).json()["data"]


def test_actors_by_country_name_and_day(client: TestClient) -> None:
    page = html(client, "/actors?q=Algeria&on=2020-09-25")
    assert "Said Chengriha" in page and "Abdelmadjid Tebboune" in page
    assert "Abdelaziz Bouteflika" not in page  # not in office that day
    assert "<code>DZAMIL</code>" in page
    html(client, "/actors?on=25-09-2020", 400)


def test_events_form_offers_every_filter_of_the_query_layer(client: TestClient) -> None:
    from dyadwatch.api.routes import FILTER_DOCS
    from dyadwatch.dashboard.pages import FILTERS

    assert set(FILTERS) == set(FILTER_DOCS)
    page = html(client, "/events?min_mentions=1&plover_mode=&place_admin1=")
    for name in FILTERS:
        assert f'name="{name}"' in page, name


def test_unmerged_report_pages(client: TestClient) -> None:
    page = html(client, "/events?modality=hedged")
    links = re.findall(r'<a href="(/event/[^"]+)">', page)
    assert links and all("%23" in link for link in links)
    event = html(client, links[0])
    assert "not merged" in event
    # the word that made the report hedged is marked in its sentence
    assert re.search(r'data-roles="cue"><span class="tag tag-cue">cue</span>reportedly</mark>', event)


def test_goldstein_line_breaks_at_empty_periods() -> None:
    from dyadwatch.dashboard.charts import dyad_chart

    def row(start: str, coop: int, gold: float | None) -> dict[str, Any]:
        return {"direction": "ab", "start": start, "end": start, "period": start[:7],
                "dyad": "A->B", "cooperation": coop, "conflict": 0, "goldstein_mean": gold}  # fmt: skip

    rows = [row("2020-01-01", 2, 3.0), row("2020-02-01", 1, 1.0), row("2020-03-01", 0, None),
            row("2020-04-01", 4, -2.0), row("2020-05-01", 1, 5.0)]  # fmt: skip
    chart = dyad_chart(rows, "ab", lambda s: f"?period={s}", "2020-04-01")
    assert len(chart.extra["segments"]) == 2
    assert [c.selected for c in chart.columns] == [False, False, False, True, False]
    ups = [c.bars[0].h for c in chart.columns]
    assert ups[3] == max(ups) and ups[2] == 0 and abs(ups[0] - 2 * ups[1]) < 0.2


def test_weekly_chart_counts_and_links(client: TestClient) -> None:
    page = html(client, "/")
    weeks = re.findall(
        r'<a href="/events\?start=([\d-]+)&amp;end=([\d-]+)[^"]*" class="period" data-week="[\d-]+"'
        r' aria-label="week of [\d-]+: (\d+) events">',
        page,
    )
    assert len(weeks) > 10 and sum(int(n) for _, _, n in weeks) > 30
    for start, end, n in weeks[-12:]:
        rows = rows_of(client, start=start, end=end)
        assert len(rows) == int(n), (start, end)
