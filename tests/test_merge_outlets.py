"""One event, three outlets, three wordings: the real coder and the store merge them."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from dyadwatch.coder import Coder
from dyadwatch.ingest import ingest
from dyadwatch.query_run import fetch_dicts
from dyadwatch.records import Article
from dyadwatch.settings import Settings
from dyadwatch.store.merge import explain
from dyadwatch.store.store import Store

REPORTS = [
    ("Outlet A", "CAIRO – Egypt and Sudan held talks in Cairo on Tuesday on the Nile dam."),
    ("Outlet B", "Egyptian officials held talks with Sudanese officials in Cairo on Tuesday "
                 "about water sharing."),
    ("Outlet C", "CAIRO – Egypt's foreign minister met his Sudanese counterpart in Cairo on "
                 "Tuesday."),
]  # fmt: skip


def stored_events(store: Store) -> list[dict[str, Any]]:
    return fetch_dicts(store.connection, "SELECT * FROM events ORDER BY first_date, event_id", [])


@pytest.mark.model
def test_three_outlets_give_one_consult_event() -> None:
    coder = Coder(Settings(places=True))
    articles = [
        Article(id=f"a{n}", text=text, source=source, date=date(2024, 3, 7))
        for n, (source, text) in enumerate(REPORTS)
    ]
    coded = list(coder.code_articles(articles))
    assert all(c.error is None and c.events for c in coded)
    with Store.open(":memory:") as store:
        store.add_many([(c.article, c.events) for c in coded])
        # "Egypt and Sudan held talks" is also coded the other way round (a joint action):
        # that SDN->EGY report is an event of its own direction.
        rows = [
            r
            for r in stored_events(store)
            if r["cameo_root"] == "04" and (r["source_country"], r["target_country"]) == ("EGY", "SDN")
        ]
        assert len(rows) == 1, rows
        [event] = rows
        assert event["n_sources"] == 3 and event["first_date"] == date(2024, 3, 5)
        assert event["place_name"] == "Cairo"
        ex = explain(store.connection, event["event_id"])
        assert sorted(r.source for r in ex.reports) == ["Outlet A", "Outlet B", "Outlet C"]
        assert all(r.reason != "not recorded" for r in ex.reports)


@pytest.mark.model
def test_a_tenth_of_the_sample_corpus_events_come_from_several_articles(tmp_path: Path) -> None:
    """The bundled corpus shows merging: its multi-outlet stories make at least a tenth of the
    stored events come from two or more articles (the demo prints one with its reasons)."""
    corpus = Path(__file__).resolve().parents[1] / "src" / "dyadwatch" / "samples" / "corpus.jsonl"
    db = tmp_path / "sample.duckdb"
    summary = ingest([corpus], db=db, coder=Coder(Settings(places=True)))
    assert summary.failed == 0
    with Store.open(db, read_only=True) as store:
        rows = stored_events(store)
        merged = [r for r in rows if r["n_articles"] >= 2]
        assert len(merged) >= 0.10 * len(rows), (len(merged), len(rows))
        egypt = [r for r in merged if (r["source_country"], r["target_country"]) == ("EGY", "SDN")
                 and r["first_date"] == date(2020, 11, 3) and r["cameo_root"] == "04"]  # fmt: skip
        assert egypt and egypt[0]["n_sources"] == 3
