"""The corpus store: schema and migrations, idempotent adds, queries, batches."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyadwatch.errors import InvalidArgument, StoreError
from dyadwatch.records import Article, Event, Place
from dyadwatch.store.schema import (
    ACTOR_COLUMNS,
    ARTICLE_COLUMNS,
    LATEST_VERSION,
    MENTION_COLUMNS,
    MENTION_EVENT_ID,
    MIGRATIONS,
)
from dyadwatch.store.store import Store, check_writable

from fake_coder import build_event, code_text

TEXT = "France met Germany in Paris on 2020-09-25. Russia reportedly attacked Ukraine."


def coded(aid: str, text: str = TEXT, **kwargs: Any) -> tuple[Article, list[Event]]:
    article = Article(id=aid, text=text, **kwargs)
    return article, code_text(article)


def test_new_file_is_migrated_once(tmp_path: Path) -> None:
    db = tmp_path / "corpus.duckdb"
    with Store.open(db) as store:
        assert store.schema_version() == LATEST_VERSION
    with Store.open(db) as store:
        rows = store.connection.execute("SELECT version FROM schema_version ORDER BY version").fetchall()
        assert rows == [(m.version,) for m in MIGRATIONS]
        tables = {
            r[0]
            for r in store.connection.execute(
                "SELECT table_name FROM information_schema.tables"
            ).fetchall()
        }
    assert {"articles", "mentions", "actors", "events", "schema_version"} <= tables


def test_column_lists_match_the_migrated_tables() -> None:
    # The *_COLUMNS lists repeat the migrations' CREATE TABLE columns (released migrations are
    # frozen SQL, so neither is derived from the other): this keeps the two in step.
    with Store.open(":memory:") as store:
        for table, columns in (
            ("articles", ARTICLE_COLUMNS),
            ("mentions", MENTION_COLUMNS),
            ("actors", ACTOR_COLUMNS),
        ):
            found = store.connection.execute(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_name = ? ORDER BY ordinal_position",
                [table],
            ).fetchall()
            assert found == list(columns), table
    assert MENTION_COLUMNS[MENTION_EVENT_ID][0] == "event_id"


def test_version_3_store_gets_the_events_evidence(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    with Store.open(db) as store:
        store.add(*coded("a1", source="Wire", title="T", url="https://x.example/a1", language="en"))
        columns = "evidence_sentence, trigger_start, outlet, title, url, language"
        before = store.connection.execute(f"SELECT {columns} FROM events").fetchall()
    con = duckdb.connect(str(db))  # back to version 3: the events columns of migrations 4 and 5 gone
    for name in ("evidence_sentence", "sentence_start", "trigger_text", "trigger_start",
                 "trigger_end", "outlet", "title", "url", "language",
                 "place_admin1_name"):  # fmt: skip
        con.execute(f"ALTER TABLE events DROP COLUMN {name}")
    con.execute("DELETE FROM schema_version WHERE version >= 4")
    con.close()
    with Store.open(db) as store:
        after = store.connection.execute(f"SELECT {columns} FROM events").fetchall()
    assert before and after == before
    assert before[0][2:] == ("Wire", "T", "https://x.example/a1", "en")


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "corpus.duckdb"
    Store.open(db).close()
    con = duckdb.connect(str(db))
    con.execute("INSERT INTO schema_version VALUES (99, 'future', now())")
    con.close()
    with pytest.raises(StoreError, match="newer"):
        Store.open(db)
    with pytest.raises(StoreError, match="version 99"):
        Store.open(db, read_only=True)


def test_read_only_needs_an_existing_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        Store.open(tmp_path / "absent.duckdb", read_only=True)


def test_missing_folder_is_reported(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(tmp_path / "no" / "such.duckdb")


def test_read_only_store_refuses_writes(tmp_path: Path) -> None:
    db = tmp_path / "c.duckdb"
    with Store.open(db) as store:
        store.add(*coded("a1"))
    with Store.open(db, read_only=True) as reader:
        assert reader.article_ids() == ["a1"]
        with pytest.raises(StoreError, match="read-only"):
            reader.add(*coded("a2"))


def test_second_writer_fails_fast(tmp_path: Path) -> None:
    db = tmp_path / "c.duckdb"
    with Store.open(db), pytest.raises(StoreError, match="another process is writing"):
        Store.open(db, timeout=1)
    Store.open(db).close()  # released on close


def test_a_writer_held_elsewhere_is_found_without_opening_the_store(tmp_path: Path) -> None:
    db = tmp_path / "c.duckdb"
    check_writable(db)  # nobody writes: fine, and nothing is created or held
    assert not db.exists()
    with Store.open(db), pytest.raises(StoreError, match="another process is writing"):
        check_writable(db)
    check_writable(db)  # the check held nothing: free again once the writer closes
    with pytest.raises(StoreError, match="does not exist"):
        check_writable(tmp_path / "missing" / "c.duckdb")


def test_watch_refuses_a_store_being_written_before_it_loads_a_coder(tmp_path: Path) -> None:
    from dyadwatch.feeds.config import FeedConfig, WatchConfig
    from dyadwatch.feeds.watch import watch

    built: list[int] = []

    def factory() -> Any:
        built.append(1)
        raise AssertionError("the coder must not be loaded for a store it cannot write")

    db = tmp_path / "w.duckdb"
    config = WatchConfig((FeedConfig("http://127.0.0.1:9/feed.xml", "Outlet", 900.0),))
    with Store.open(db), pytest.raises(StoreError, match="another process is writing"):
        watch(config, db, factory, once=True, workers=2)
    assert built == []


def test_closed_store_raises() -> None:
    store = Store.open(":memory:")
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.counts()


def test_add_is_idempotent_by_content_hash() -> None:
    with Store.open(":memory:") as store:
        assert store.add(*coded("a1", source="AP", date=date(2020, 9, 26))) == "new"
        before = store.counts()
        assert store.add(*coded("a1", source="AP", date=date(2020, 9, 26))) == "unchanged"
        assert store.counts() == before
        assert store.add(*coded("a1", text="France praised Germany.")) == "changed"
        assert store.article_events("a1")[0].cameo.code == "051"
        after = store.counts()
        assert (after.articles, after.mentions, after.actors) == (1, 1, 2)


def test_article_and_events_round_trip() -> None:
    article, events = coded("a1", title="T", url="https://x", source="AP", date=date(2020, 9, 26))
    with Store.open(":memory:") as store:
        store.add(article, events)
        assert store.article("a1") == article
        assert store.article("nope") is None
        assert store.article_events("a1") == events


def test_mentions_are_flattened_with_evidence_offsets() -> None:
    article, events = coded("a1", source="AP", date=date(2020, 9, 26))
    with Store.open(":memory:") as store:
        store.add(article, events)
        rows = store.mentions_frame(article_id="a1")
        actors = store.connection.execute(
            "SELECT role, text, start_char, end_char, country FROM actors ORDER BY mention_idx, role"
        ).fetchall()
    assert [r["modality"] for r in rows] == ["asserted", "hedged"]
    first = rows[0]
    assert set(first) == {name for name, _ in MENTION_COLUMNS} - {"event_json"}
    assert article.text[first["trigger_start"] : first["trigger_end"]] == "met"
    assert first["merge_date"] == date(2020, 9, 25)
    assert first["merge_key"] == "FRA|GOV|DEU|GOV"
    assert first["place_name"] == "Paris"
    assert rows[1]["merge_date"] == date(2020, 9, 26)  # no event date: the article's
    for role, text, start, end, _ in actors:
        assert article.text[start:end] == text, role
    assert actors[0] == ("source", "France", 0, 6, "FRA")


def test_events_frame_filters() -> None:
    with Store.open(":memory:") as store:
        for n, (text, day) in enumerate(
            [
                ("France met Germany on 2020-01-05.", date(2020, 1, 5)),
                ("France met Germany on 2020-01-06.", date(2020, 1, 6)),
                ("Russia attacked Ukraine on 2020-02-01.", date(2020, 2, 1)),
            ]
        ):
            store.add(*coded(f"a{n}", text=text, source=f"S{n}", date=day))
        assert len(store.events()) == 2
        assert [e["source_country"] for e in store.events(source="RUS")] == ["RUS"]
        assert [e["target_code"] for e in store.events(target="DEUGOV")] == ["DEUGOV"]
        assert len(store.events(start=date(2020, 1, 10))) == 1
        assert len(store.events(end=date(2020, 1, 10))) == 1
        assert [e["n_sources"] for e in store.events(min_mentions=2)] == [2]
        assert store.events(min_sources=3) == []
        assert store.counts().merged_events == 1
        assert sorted(store.stored_hashes()) == store.article_ids() == ["a0", "a1", "a2"]


# -- batches: add_many gives what adding one by one gives -----------------------------------------

_PLACES = [None, Place("Paris", 1, "city", "FRA", "11", None, None), None]
_EVENT = st.tuples(
    st.integers(0, 8),  # day
    st.sampled_from(["asserted", "asserted", "hedged", "future", "negated"]),
    st.sampled_from([("040", "CONSULT"), ("043", "CONSULT"), ("111", "DISAPPROVE")]),
    st.integers(0, 2),  # place
    st.sampled_from([("DEU", "GOV"), ("ITA", "GOV")]),
)
_ITEMS = st.lists(
    st.tuples(
        st.integers(0, 7),  # article id (repeats make changed or unchanged articles)
        st.integers(0, 1),  # text version
        st.lists(_EVENT, max_size=3),
    ),
    min_size=1,
    max_size=12,
)


def _build(spec: tuple[int, int, list[Any]]) -> Any:
    n, version, event_specs = spec
    text = f"France met a partner, version {version}: {event_specs}."
    article = Article(id=f"a{n}", text=text, source=f"S{n % 3}", date=date(2020, 9, 1))
    events = [
        build_event(
            article,
            idx,
            when=date(2020, 9, 1 + day),
            modality=modality,
            code=code,
            plover=plover,
            place=_PLACES[place],
            target=target,
        )
        for idx, (day, modality, (code, plover), place, target) in enumerate(event_specs)
    ]
    return article, events


def _dump(store: Store) -> tuple[list[Any], ...]:
    con = store.connection
    return (
        con.execute("SELECT * EXCLUDE (added_at) FROM events ORDER BY event_id").fetchall(),
        con.execute("SELECT * FROM mentions ORDER BY article_id, idx").fetchall(),
        con.execute("SELECT * FROM actors ORDER BY ALL").fetchall(),
        con.execute("SELECT * EXCLUDE (coded_at) FROM articles ORDER BY id").fetchall(),
    )


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(specs=_ITEMS, cuts=st.lists(st.integers(1, 13), max_size=4))
def test_add_many_equals_adding_one_by_one(specs: list[Any], cuts: list[int]) -> None:
    items = [_build(spec) for spec in specs]
    with Store.open(":memory:") as one:
        outcomes = [one.add(a, evs) for a, evs in items]
        expected = _dump(one)
    bounds = sorted({0, len(items), *(c for c in cuts if c < len(items))})
    with Store.open(":memory:") as many:
        batched = []
        for lo, hi in itertools.pairwise(bounds):
            batched += many.add_many(items[lo:hi])
        assert _dump(many) == expected
    assert batched == outcomes


def test_version_1_database_gains_cue_and_attribution_columns(tmp_path: Path) -> None:
    """A version-1 store is migrated on opening: its rows keep their values,
    the new mention columns are NULL for them and filled for new ones."""
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description VARCHAR NOT NULL,"
                " applied_at TIMESTAMP NOT NULL)")
    for statement in MIGRATIONS[0].statements:
        con.execute(statement)
    con.execute("INSERT INTO schema_version VALUES (1, 'v1', now())")
    con.close()
    with Store.open(db) as store:
        assert store.schema_version() == LATEST_VERSION >= 2
        article = Article(id="a", text="Russia reportedly attacked Ukraine.", date=date(2021, 3, 1))
        store.add(article, code_text(article))
        row = store.connection.execute(
            "SELECT modality, modality_cue, modality_cue_start, attributed_code FROM mentions"
        ).fetchone()
    assert row is not None and row[0] == "hedged"
    # the migrated columns are filled: the fake coder records the cue, and no speaker (NULL)
    assert row[1:3] == ("reportedly", article.text.index("reportedly")) and row[3] is None
    names = [r[0] for r in duckdb.connect(str(db), read_only=True).execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'mentions'").fetchall()]
    assert [n for n, _ in MENTION_COLUMNS] == names


def test_writer_threads_hold_across_a_readers_turn(tmp_path: Path, monkeypatch: Any) -> None:
    def threads(store: Store) -> int:
        row = store.connection.execute("SELECT current_setting('threads')").fetchone()
        assert row is not None
        return int(row[0])

    with Store.open(tmp_path / "c.duckdb", threads=1) as store:
        assert threads(store) == 1
        first = store.connection
        # a reader queues: the writer closes the file, lets it read, then connects again
        assert store._lock is not None
        monkeypatch.setattr(store._lock, "readers_waiting", lambda: True)
        monkeypatch.setattr(store._lock, "step_aside", lambda: None)
        store.yield_to_readers()
        assert store.connection is not first
        assert threads(store) == 1
    with pytest.raises(InvalidArgument, match="threads"):
        Store.open(tmp_path / "c.duckdb", threads=0)
