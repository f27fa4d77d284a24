"""The HTTP API through the ASGI test client: every endpoint, errors as JSON, injection attempts
in every parameter, and the offline docs page."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import quote

import duckdb
import pytest
from fastapi.testclient import TestClient

from dyadwatch.api import ApiSettings, create_app
from dyadwatch.api.routes import FILTER_DOCS
from dyadwatch.records import Article, Span
from dyadwatch.store.details import evidence_spans

from fake_coder import build_event
from query_store import build

API = "/api/v1"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("api") / "q.duckdb")


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db, ApiSettings(page_size=3))) as c:
        yield c


def get(client: TestClient, path: str, **params: Any) -> Any:
    response = client.get(API + path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_events_page_and_meta(client: TestClient) -> None:
    body = get(client, "/events", dyad="ECOWAS,MLI")
    assert [r["article_id"] for r in body["data"]] == ["e1", "e2"]
    assert body["data"][0]["evidence_sentence"] == "ECOWAS suspended Mali after the coup."
    meta = body["meta"]
    assert {"dyadwatch", "ontology", "lexicon", "store_schema"} <= set(meta)
    assert meta["query"]["dyad"] == ["IGOWAS", "MLI"]  # as stored: the CAMEO code
    assert meta["query"]["modality"] == ["asserted"]


def test_pagination_follows_cursors(client: TestClient) -> None:
    seen: list[str] = []
    params: dict[str, Any] = {}
    for _ in range(10):
        body = get(client, "/events", **params)
        assert len(body["data"]) <= 3
        seen += [r["key"] for r in body["data"]]
        if body["next_cursor"] is None:
            break
        params = {"cursor": body["next_cursor"]}
    everything = get(client, "/events", limit=1000)["data"]
    assert seen == [r["key"] for r in everything] and len(seen) == 7


def test_since_returns_events_stored_later(client: TestClient) -> None:
    assert get(client, "/events", since="2999-01-01T00:00:00Z")["data"] == []
    assert len(get(client, "/events", since="2000-01-01T00:00:00", limit=100)["data"]) == 7


def test_event_detail(client: TestClient) -> None:
    [row] = get(client, "/events", source="USA")["data"]
    body = get(client, f"/events/{row['event_id']}")["data"]
    assert body["n_mentions"] == 2
    first, second = body["reports"]
    assert first["why_merged"].startswith("founded")
    assert second["why_merged"].startswith("merged")
    sentence = first["evidence_sentence"]
    assert sentence[first["trigger"]["start"] : first["trigger"]["end"]] == "attacked"
    assert first["source"]["start"] is not None and first["article"]["source"] == "Wire"
    assert first["modality_cue"] is None and first["restated"] is None  # asserted, one word
    hedged = get(client, "/events/h1#0".replace("#", "%23"))["data"]
    report = hedged["reports"][0]
    assert report["why_merged"].startswith("not merged")
    cue = report["modality_cue"]
    assert cue["text"] == "reportedly" and report["evidence_sentence"][cue["start"]:cue["end"]] == "reportedly"


def test_report_evidence_spans_come_from_the_stored_event() -> None:
    text = "Russia said Ukrainian troops attacked and shelled Donetsk."
    article = Article("x", text)
    event = build_event(article, trigger="attacked", cue="said", source=("UKR", "MIL"))
    speaker = replace(event.source, text="Russia", start=0, end=6, cameo_code="RUS")  # type: ignore[arg-type]
    restated = Span("shelled", text.index("shelled"), text.index("shelled") + 7)
    event = replace(event, evidence=replace(event.evidence, attributed_to=speaker, restated=restated))
    spans = evidence_spans(json.loads(event.to_json()))
    assert spans == {
        "modality_cue": {"text": "said", "start": 7, "end": 11},
        "speaker": {"text": "Russia", "start": 0, "end": 6, "code": "RUS"},
        "restated": {"text": "shelled", "start": restated.start, "end": restated.end},
    }
    # a report stored before these fields existed
    assert evidence_spans({"evidence": {"trigger": {"text": "met", "start": 0, "end": 3}}}) == {
        "modality_cue": None, "speaker": None, "restated": None}


def test_article_series_stats_actors_signals(client: TestClient) -> None:
    article = get(client, "/articles/u1")["data"]
    assert article["source"] == "Wire" and article["reports"][0]["trigger_start"] == 10
    rows = get(client, "/dyads/ECOWAS/MLI/series", by="month")["data"]
    both = {r["period"]: r["events"] for r in rows if r["direction"] == "both"}
    assert both == {"2024-01": 1, "2024-02": 1}
    ab = {r["period"]: r["events"] for r in rows if r["direction"] == "ab"}
    assert ab == {"2024-01": 1, "2024-02": 0}
    weekly = get(client, "/dyads/usa/irq/series", by="week")["data"]
    assert [r["events"] for r in weekly] == [1, 0, 1]
    stats = get(client, "/stats")["data"]
    assert (stats["articles"], stats["events"]) == (9, 7)
    people = get(client, "/actors", q="MLI", on="2024-01-01")["data"]
    assert {"kind": "country", "code": "MLI", "name": "Mali"} in people
    assert all(p.get("start", "") <= "2024-01-01" for p in people if p["kind"] == "person")
    assert isinstance(get(client, "/signals", by="week")["data"], list)


def test_downloads(client: TestClient, tmp_path: Path) -> None:
    text = client.get(API + "/events.csv", params={"cameo": "19"}).text
    assert [r["article_id"] for r in csv.DictReader(io.StringIO(text))] == ["u1", "g1"]
    geo = client.get(API + "/events.geojson", params={"source": "ECOWAS"}).json()
    assert geo["features"][0]["geometry"]["coordinates"] == [-8.0, 12.65]
    response = client.get(API + "/events.parquet", params={"limit": "2"})
    assert response.status_code == 200 and response.content[:4] == b"PAR1"
    (tmp_path / "e.parquet").write_bytes(response.content)
    assert duckdb.sql(f"SELECT count(*) FROM '{tmp_path / 'e.parquet'}'").fetchall() == [(2,)]


@pytest.mark.parametrize(
    ("path", "params", "parameter"),
    [
        ("/events", {"source": "XYZ"}, "source"),
        ("/events", {"start": "2024-05-01", "end": "2024-01-01"}, "end"),
        ("/events", {"limit": "100000"}, "limit"),
        ("/events", {"limit": "-1"}, "limit"),
        ("/events", {"cursor": "bogus"}, "cursor"),
        ("/events", {"colour": "red"}, "colour"),
        ("/events", {"near": "1,2"}, "near"),
        ("/events", {"quad_class": "9"}, "quad_class"),
        ("/events.csv", {"min_sources": "x"}, "min_sources"),
        ("/events.xml", {}, "format"),
        ("/dyads/USA/USA/series", {}, "dyad"),
        ("/dyads/USA/IRQ/series", {"by": "year"}, "by"),
        ("/dyads/USA/IRQ/series", {"dyad": "USA,IRQ"}, "dyad"),
        ("/signals", {"alpha": "2"}, "alpha"),
        ("/signals", {"source": "USA"}, "source"),
        ("/actors", {}, "q"),
        ("/actors", {"on": "yesterday"}, "on"),
        ("/stats", {"x": "1"}, "x"),
    ],
)
def test_bad_parameters_are_400_naming_them(
    client: TestClient, path: str, params: dict[str, str], parameter: str
) -> None:
    response = client.get(API + path, params=params)
    assert response.status_code == 400, response.text
    assert response.json()["error"]["parameter"] == parameter


def test_unknown_ids_are_404(client: TestClient) -> None:
    for path in ("/events/ev0000000000000000", "/events/x%23y", "/articles/nope", "/nothing"):
        response = client.get(API + path)
        assert response.status_code == 404 and "error" in response.json()


INJECTIONS = [
    "'; DROP TABLE events; --",
    "x' OR '1'='1",
    '") OR 1=1 --',
    "%",
    "_",
    "\\",
    "USA'--",
    "1; SELECT * FROM articles",
    "\u0000",
    "' UNION SELECT text FROM articles --",
    "ÉCOWAS",
    "a" * 5000,
]


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_attempts_in_every_parameter(client: TestClient, db: Path, value: str) -> None:
    names = [*FILTER_DOCS, "limit", "cursor", "since"]
    for name in names:
        response = client.get(API + "/events", params={name: value})
        assert response.status_code in (200, 400), (name, response.status_code, response.text)
        body = response.json()
        if response.status_code == 200:
            assert body["data"] == [] or name in ("text", "outlet"), (name, body)
    segment = quote(value, safe="")
    for path in (f"/events/{segment}", f"/articles/{segment}", f"/dyads/{segment}/MLI/series"):
        response = client.get(API + path)
        assert response.status_code in (400, 404), (path, response.status_code, response.text)
    for name in ("q", "on"):
        assert client.get(API + "/actors", params={name: value}).status_code in (200, 400)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM events").fetchone() == (7,)


def test_docs_page_works_offline(client: TestClient) -> None:
    page = client.get(API + "/docs")
    assert page.status_code == 200 and "/api/v1/events" in page.text
    assert "<script" not in page.text and "http://" not in page.text and "https://" not in page.text
    spec = client.get(API + "/openapi.json").json()
    assert {f"{API}/events", f"{API}/events/{{event_id}}", f"{API}/signals"} <= set(spec["paths"])
    params = {p["name"] for p in spec["paths"][f"{API}/events"]["get"]["parameters"]}
    assert {"dyad", "text", "cursor", "since"} <= params
    assert client.get("/docs").status_code == 404  # FastAPI's CDN-backed page is off
    assert client.get(API + "/events").headers.get("access-control-allow-origin") is None


def test_cors_only_when_asked(db: Path) -> None:
    settings = ApiSettings(cors_origins=("http://localhost:3000",))
    with TestClient(create_app(db, settings)) as c:
        response = c.get(API + "/stats", headers={"Origin": "http://localhost:3000"})
        assert response.headers["access-control-allow-origin"] == "http://localhost:3000"


def test_missing_store_is_503_not_500(tmp_path: Path) -> None:
    with TestClient(create_app(tmp_path / "none.duckdb")) as c:
        response = c.get(API + "/events")
        assert response.status_code == 503 and "error" in response.json()
        assert json.loads(response.text)["error"]["status"] == 503


def test_queries_past_the_time_limit_are_stopped(db: Path) -> None:
    from dyadwatch.api.access import StoreReader
    from dyadwatch.query_run import QueryTimeout, execute

    reader = StoreReader(db, query_seconds=0.2)
    try:
        with reader.cursor() as con, pytest.raises(QueryTimeout):
            execute(con, "SELECT count(*) FROM range(10000000000) t(i) WHERE i % 7 = 3", [])
        with reader.cursor() as con:  # the reader still answers afterwards
            assert execute(con, "SELECT count(*) FROM events", []).fetchall() == [(7,)]
    finally:
        reader.close()


def test_lexicon_version_covers_every_pattern_table_and_word_list() -> None:
    from importlib import resources

    from dyadwatch.api.meta import lexicon_files, versions

    names = lexicon_files()
    data = resources.files("dyadwatch.data")
    tables = {f"lexicon/{p.name}" for p in (data / "lexicon").iterdir() if p.name.endswith(".tsv")}
    assert len(tables) >= 20 and tables <= set(names)  # one table per CAMEO root, at least
    assert {"words.yaml", "verbs.tsv", "frames.tsv", "modality.tsv"} <= set(names)
    assert len(versions()["lexicon"]) == 12
