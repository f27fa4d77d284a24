"""One event, three outlets, three wordings: the real coder and the store merge them."""

from __future__ import annotations

from datetime import date

import pytest

from dyadwatch.coder import Coder
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
            for r in store.events_frame()
            if r["cameo_root"] == "04" and (r["source_country"], r["target_country"]) == ("EGY", "SDN")
        ]
        assert len(rows) == 1, rows
        [event] = rows
        assert event["n_sources"] == 3 and event["first_date"] == date(2024, 3, 5)
        assert event["place_name"] == "Cairo"
        ex = explain(store.connection, event["event_id"])
        assert sorted(r.source for r in ex.reports) == ["Outlet A", "Outlet B", "Outlet C"]
        assert all(r.reason != "not recorded" for r in ex.reports)
