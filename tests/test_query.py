"""EventQuery: checking filters, running them, pages, and agreement with plain SQL."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dyadwatch
from dyadwatch.errors import InvalidArgument
from dyadwatch.query import ActorCode, EventQuery, Near
from dyadwatch.query_run import Cursor, empty_warnings, iter_rows, run_page
from dyadwatch.records import Article
from dyadwatch.store.store import Store

from fake_coder import build_event
from query_store import build


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("query") / "q.duckdb")


def keys(db: Path, **filters: Any) -> list[str]:
    rows = dyadwatch.query(str(db), **filters)
    return [r["article_id"] for r in rows]


# -- actor codes ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "entity", "sectors"),
    [
        ("MLI", "MLI", ()),
        ("usamil", "USA", ("MIL",)),
        ("ECOWAS", "IGOWAS", ()),  # an acronym stands for the organisation's CAMEO code
        ("IGOWAS", "IGOWAS", ()),
        ("OSCE", "IGOSCE", ()),
        ("G5S", "IGOG5S", ()),
        ("UNSC", "IGOUNOUNSC", ()),
        ("ecowasmil", "IGOWAS", ("MIL",)),
        ("UNKNOWN", None, ()),
        ("MIL", None, ("MIL",)),
        ("---", None, ()),
        ("USAMILGOV", "USA", ("MIL", "GOV")),
    ],
)
def test_actor_codes_at_any_granularity(
    text: str, entity: str | None, sectors: tuple[str, ...]
) -> None:
    code = ActorCode.parse(text)
    assert (code.entity, code.sectors) == (entity, sectors)


@pytest.mark.parametrize("text", ["XYZ", "USAXY", "US", "ECOWASZZZ", "", "U$A", "A" * 40])
def test_unknown_actor_codes_are_refused_naming_the_parameter(text: str) -> None:
    with pytest.raises(InvalidArgument) as info:
        EventQuery(source=(text,))
    assert info.value.parameter == "source"


@pytest.mark.parametrize(
    ("changes", "parameter"),
    [
        ({"start": date(2024, 5, 1), "end": date(2024, 1, 1)}, "end"),
        ({"cameo": ("99",)}, "cameo"),
        ({"cameo": ("1a",)}, "cameo"),
        ({"quad_class": (5,)}, "quad_class"),
        ({"plover_type": ("DANCE",)}, "plover_type"),
        ({"plover_context": ("sport",)}, "plover_context"),
        ({"modality": ("sure",)}, "modality"),
        ({"modality": ()}, "modality"),
        ({"min_confidence": 1.5}, "min_confidence"),
        ({"min_sources": 0}, "min_sources"),
        ({"place_country": ("XXX",)}, "place_country"),
        ({"near": Near(95, 0, 10)}, "near"),
        ({"language": ("english!",)}, "language"),
        ({"text": "x" * 500}, "text"),
        ({"dyad": ("USA", "usa")}, "dyad"),
    ],
)
def test_impossible_filters_are_refused(changes: dict[str, Any], parameter: str) -> None:
    with pytest.raises(InvalidArgument) as info:
        EventQuery(**changes)
    assert info.value.parameter == parameter


def test_from_params_reads_strings_like_the_query_string() -> None:
    q = EventQuery.from_params(
        {
            "dyad": "ecowas,MLI",
            "cameo": ["19", "172"],
            "quad_class": "3,4",
            "start": "2024-01-01",
            "near": "12.6,-8.0,50",
            "min_sources": "2",
            "added_since": "2024-01-01T00:00:00Z",
        }
    )
    assert q.dyad == ("IGOWAS", "MLI")
    assert q.cameo == ("172", "19")
    assert q.quad_class == (3, 4)
    assert q.near == Near(12.6, -8.0, 50.0)
    assert q.added_since == datetime(2024, 1, 1)
    assert q == EventQuery.from_params(q_strings(q))
    for bad in ({"start": "2024-13-01"}, {"min_sources": "two"}, {"colour": "red"}):
        with pytest.raises(InvalidArgument) as info:
            EventQuery.from_params(bad)
        assert info.value.parameter == next(iter(bad))


def q_strings(q: EventQuery) -> dict[str, Any]:
    """A query back as query-string values."""
    out: dict[str, Any] = {}
    for name, value in q.to_dict().items():
        if value in (None, []) or (name in ("min_sources", "min_mentions") and value == 1):
            continue
        if isinstance(value, dict):
            value = f"{value['lat']},{value['lon']},{value['km']}"
        out[name] = [str(v) for v in value] if isinstance(value, list) else str(value)
    return out


# -- running ----------------------------------------------------------------------------------


def test_igo_dyads_both_directions(db: Path) -> None:
    assert keys(db, dyad=("ECOWAS", "MLI")) == ["e1", "e2"]
    assert keys(db, dyad=("MLI", "ECOWAS")) == ["e1", "e2"]
    assert keys(db, source="ECOWAS") == ["e1"]
    assert keys(db, dyad=("OSCE", "UKR")) == ["o1"]
    assert keys(db, source="MLIGOV", target="ECOWAS") == ["e2"]


def test_granularity_and_unknown_actors(db: Path) -> None:
    assert keys(db, source="USA") == ["u1"]
    assert keys(db, source="USAMIL") == ["u1"]
    assert keys(db, source="USAGOV") == []
    assert keys(db, source="---") == ["g1"]
    assert keys(db, source="UAF") == ["g1"]


def test_each_filter_narrows(db: Path) -> None:
    assert keys(db, cameo="19") == ["u1", "g1"]
    assert keys(db, cameo="172") == ["e1"]
    assert keys(db, plover_type="assault") == ["u1", "g1"]
    assert keys(db, min_sources=2) == ["u1"]
    assert keys(db, start=date(2024, 3, 1), end=date(2024, 3, 31)) == ["o1", "u1"]
    assert keys(db, place_country="MLI", place_admin1="08") == ["e1"]
    assert keys(db, near=Near(50.4, 30.5, 20)) == ["o1"]
    assert keys(db, near=Near(50.4, 30.5, 1)) == []
    assert keys(db, language="fr") == ["e2"]
    assert keys(db, outlet="Local") == ["g1"]
    assert keys(db, outlet="Daily", source="USA") == ["u1"]  # any report's outlet


def test_text_search_is_literal(db: Path) -> None:
    assert keys(db, text="CONVOY") == ["g1"]
    assert keys(db, text="100%") == ["e2"]
    assert keys(db, text="%") == ["e2"]
    assert keys(db, text="under_", modality=("hedged",)) == ["h1"]
    assert keys(db, text="under%", modality=("hedged",)) == []


def test_other_modalities_add_unmerged_reports(db: Path) -> None:
    rows = dyadwatch.query(str(db), modality=("hedged",))
    assert [(r["key"], r["event_id"], r["modality"]) for r in rows] == [("h1#0", None, "hedged")]
    both = dyadwatch.query(str(db), modality=("asserted", "hedged"))
    assert len(both) == len(dyadwatch.query(str(db))) + 1


def test_rows_carry_evidence_and_undated_come_last(db: Path) -> None:
    rows = dyadwatch.query(str(db))
    assert rows[-1]["article_id"] == "n1" and rows[-1]["date"] is None
    first = rows[0]
    assert first["evidence_sentence"].startswith("ECOWAS suspended")
    assert (first["outlet"], first["title"], first["url"]) == (
        "Wire",
        "Title e1",
        "https://news.example/e1",
    )
    text = first["evidence_sentence"]
    assert text[first["trigger_start"] - first["sentence_start"] :].startswith("suspended")


def test_frames(db: Path) -> None:
    frame = dyadwatch.query(str(db), source="USA", frame=True)
    assert list(frame["article_id"]) == ["u1"]
    with Store.open(db, read_only=True) as store:
        assert store.events_frame(source="FJI").empty
        assert "evidence_sentence" in store.events_frame(source="FJI").columns


def test_empty_answers_are_explained(db: Path) -> None:
    with Store.open(db, read_only=True) as store:
        con = store.connection
        warned = empty_warnings(con, EventQuery(dyad=("USA", "FJI"), outlet=("Nowhere",)))
        assert any("FJI" in w for w in warned) and any("Nowhere" in w for w in warned)
        assert not any("USA" in w for w in warned)
        late = empty_warnings(con, EventQuery(start=date(2030, 1, 1)))
        assert late and "2024-01-10" in late[0]


# -- pages ----------------------------------------------------------------------------------------


def test_pages_cover_every_row_once(db: Path) -> None:
    q = EventQuery(modality=("asserted", "hedged"))
    with Store.open(db, read_only=True) as store:
        everything = [r["key"] for r in iter_rows(store.connection, q)]
        seen: list[str] = []
        cursor = None
        for _ in range(20):
            page = run_page(store.connection, q, 2, cursor)
            seen += [r["key"] for r in page.rows]
            cursor = page.next_cursor
            if cursor is None:
                break
        assert seen == everything and len(seen) == 8
        with pytest.raises(InvalidArgument) as info:
            run_page(
                store.connection, EventQuery(), 2, run_page(store.connection, q, 2).next_cursor
            )
        assert info.value.parameter == "cursor"
        for bad in ("", "abc", "e30", "W10"):
            if bad:
                with pytest.raises(InvalidArgument):
                    run_page(store.connection, q, 2, bad)
        with pytest.raises(InvalidArgument):
            run_page(store.connection, q, 0)


def test_pages_are_stable_while_events_are_added(tmp_path: Path) -> None:
    db = build(tmp_path / "grow.duckdb")
    q = EventQuery()
    with Store.open(db, read_only=True) as store:
        first = run_page(store.connection, q, 3)
        before = [r["key"] for r in iter_rows(store.connection, q)]
    assert first.next_cursor is not None
    snapshot = Cursor.decode(first.next_cursor, q).snapshot
    with Store.open(db) as store:  # an early event, sorting before the cursor, and a late one
        for aid, day in (("x1", date(2023, 1, 1)), ("x2", date(2024, 4, 30))):
            article = Article(aid, "Kenya praised Brazil.", source="New", date=day)
            store.add(article, [build_event(article, when=day, source=("KEN", "GOV"),
                                            target=("BRA", "GOV"))])  # fmt: skip
    with Store.open(db, read_only=True) as store:
        rest = run_page(store.connection, q, 100, first.next_cursor)
        added = list(iter_rows(store.connection, q.replace(added_since=snapshot)))
    assert [r["key"] for r in first.rows + rest.rows] == before
    assert sorted(r["article_id"] for r in added) == ["x1", "x2"]


# -- the query layer against plain SQL ----------------------------------------------------------

_ACTORS = ["USA", "USAMIL", "MLI", "ECOWAS", "OSCE", "UKR", "IRQ", "FRA", "---", "UAF"]


def reference(con: duckdb.DuckDBPyConnection, q: EventQuery) -> list[str]:
    """The asserted-only query written out by hand, one plain condition per filter."""
    rows = con.execute(
        "SELECT e.*, list(a.source) AS outlets, list(m.evidence_sentence) AS sentences,"
        " list(a.language) AS languages FROM events e JOIN mentions m ON m.event_id = e.event_id"
        " JOIN articles a ON a.id = m.article_id GROUP BY ALL"
    ).fetchall()
    names = [d[0] for d in con.description or []]

    def actor(code: str, country: str | None, full: str | None) -> bool:
        if code == "---":
            return country is None
        spec = ActorCode.parse(code)
        if spec.entity is None:
            return country is None and (full or "").startswith(code)
        if spec.entity.startswith(("IGO", "NGO")):  # an organisation and its bodies
            return (country or "").startswith(spec.entity) and (
                not spec.sectors or (full or "").startswith(spec.code))
        return country == spec.entity and (full or "").startswith(spec.code)

    out = []
    for values in rows:
        e = dict(zip(names, values, strict=True))
        src = (e["source_country"], e["source_code"])
        tgt = (e["target_country"], e["target_code"])
        checks = [
            not q.source or any(actor(c, *src) for c in q.source),
            not q.target or any(actor(c, *tgt) for c in q.target),
            q.dyad is None
            or (actor(q.dyad[0], *src) and actor(q.dyad[1], *tgt))
            or (actor(q.dyad[1], *src) and actor(q.dyad[0], *tgt)),
            not q.cameo or any(e["cameo_code"].startswith(c) for c in q.cameo),
            not q.quad_class or e["quad_class"] in q.quad_class,
            not q.plover_type or e["plover_type"] in q.plover_type,
            e["n_sources"] >= q.min_sources,
            q.start is None or (e["first_date"] is not None and e["first_date"] >= q.start),
            q.end is None or (e["first_date"] is not None and e["first_date"] <= q.end),
            not q.place_country or e["place_country"] in q.place_country,
            not q.outlet or bool(set(q.outlet) & set(e["outlets"])),
            not q.language or bool(set(q.language) & set(e["languages"])),
            q.text is None or any(q.text.lower() in s.lower() for s in e["sentences"]),
        ]
        if all(checks):
            out.append((e["first_date"] or date.max, e["event_id"]))
    return [k for _, k in sorted(out)]


_day = st.dates(min_value=date(2023, 12, 1), max_value=date(2024, 6, 1))
queries = st.builds(
    EventQuery,
    source=st.lists(st.sampled_from(_ACTORS), max_size=2).map(tuple),
    target=st.lists(st.sampled_from(_ACTORS), max_size=2).map(tuple),
    dyad=st.none() | st.tuples(st.sampled_from(_ACTORS[:5]), st.sampled_from(_ACTORS[5:])),
    cameo=st.lists(st.sampled_from(["1", "19", "190", "04", "172", "111"]), max_size=2)
    .filter(lambda c: "1" not in c)
    .map(tuple),
    quad_class=st.lists(st.integers(1, 4), max_size=2).map(tuple),
    plover_type=st.lists(st.sampled_from(["ASSAULT", "CONSULT", "SANCTION"]), max_size=2).map(
        tuple
    ),
    min_sources=st.integers(1, 3),
    start=st.none() | _day,
    end=st.none() | _day.map(lambda d: d + timedelta(days=200)),
    place_country=st.lists(st.sampled_from(["MLI", "UKR", "FRA"]), max_size=2).map(tuple),
    outlet=st.lists(st.sampled_from(["Wire", "Daily", "Local", "x' OR 1=1 --"]), max_size=2).map(
        tuple
    ),
    language=st.lists(st.sampled_from(["en", "fr"]), max_size=1).map(tuple),
    text=st.none() | st.sampled_from(["attacked", "MET", "100%", "_", "';--", "o"]),
)


@pytest.mark.slow  # a long property run: 150 queries, each against a store twice
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(q=queries)
def test_query_layer_equals_plain_sql(db: Path, q: EventQuery) -> None:
    with Store.open(db, read_only=True) as store:
        got = [r["key"] for r in iter_rows(store.connection, q)]
        assert got == reference(store.connection, q)
