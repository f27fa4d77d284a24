"""Writing coded articles into the store in bulk, inside the caller's transaction.

DuckDB is an analytical engine: each statement costs about a millisecond however small, so the
writer spends a handful of statements per *batch* of articles, never per mention. The merge
decisions are made in Python by ``merge.MergeEngine`` on the events and waiting mentions fetched
for the batch, then written back with bulk inserts and updates.

The result is the same as adding the articles one at a time, in order: new articles go through
the engine together; an article whose text changed is handled on its own (its old mentions are
removed and their events recomputed or dissolved) at its place in the sequence.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date as Date
from datetime import datetime
from typing import Any, Literal

import duckdb

from dyadwatch.records import Article, Event
from dyadwatch.store.merge import (
    ATTACHING_SQL,
    CREATING_SQL,
    EVENT_STATE_FIELDS,
    MENTION_COLUMNS_READ,
    MENTION_FIELDS,
    REFERENCE_LOOKBACK_DAYS,
    REFERRING_SQL,
    WAITING_SQL,
    EventState,
    Mention,
    MergeEngine,
    event_state_from_row,
    mention_from_row,
    refresh_sql,
    shift,
    window_delta,
)
from dyadwatch.store.schema import (
    ACTOR_COLUMNS,
    ARTICLE_COLUMNS,
    MENTION_COLUMNS,
    MENTION_EVENT_ID,
    MENTION_REASON,
    REFERRING_MODALITIES,
    actor_rows,
    article_row,
    mention_row,
)

AddOutcome = Literal["new", "changed", "unchanged"]
Coded = tuple[Article, Sequence[Event]]

_MENTION_NAMES = [name for name, _ in MENTION_COLUMNS]
_ENGINE_POSITIONS = [_MENTION_NAMES.index(name) for name in MENTION_COLUMNS_READ]


def insert_rows(
    con: duckdb.DuckDBPyConnection,
    table: str,
    columns: Sequence[tuple[str, str]],
    rows: Sequence[Sequence[Any]],
) -> None:
    """Insert many rows with one statement (one typed list per column, unnested)."""
    if not rows:
        return
    lists = [list(column) for column in zip(*rows, strict=True)]
    select = ", ".join(f"unnest(?::{kind}[])" for _, kind in columns)
    names = ", ".join(name for name, _ in columns)
    con.execute(f"INSERT INTO {table} ({names}) SELECT {select}", lists)


def _engine_mention(row: Sequence[Any]) -> Mention:
    return mention_from_row([row[i] for i in _ENGINE_POSITIONS])


class BatchWriter:
    """Writes coded articles on one connection whose transaction the caller opened."""

    def __init__(self, con: duckdb.DuckDBPyConnection, window_days: int) -> None:
        self.con = con
        self.window_days = window_days
        self.window = window_delta(window_days)

    def write(self, items: Sequence[Coded], coded_at: datetime) -> list[AddOutcome]:
        ids = sorted({article.id for article, _ in items})
        stored: dict[str, str] = dict(
            self.con.execute(
                "SELECT id, content_hash FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                [ids],
            ).fetchall()
        )
        outcomes: list[AddOutcome] = []
        pending: list[Coded] = []
        for article, events in items:
            old = stored.get(article.id)
            if old == article.content_hash:
                outcomes.append("unchanged")
                continue
            if old is None:
                pending.append((article, events))
                outcomes.append("new")
            else:
                self._add_new(pending, coded_at)
                pending = []
                self._replace(article, events, coded_at)
                outcomes.append("changed")
            stored[article.id] = article.content_hash
        self._add_new(pending, coded_at)
        return outcomes

    # -- new and changed articles ---------------------------------------------------------------

    def _add_new(self, items: Sequence[Coded], coded_at: datetime) -> None:
        if not items:
            return
        insert_rows(
            self.con,
            "articles",
            ARTICLE_COLUMNS,
            [article_row(article, len(events), coded_at) for article, events in items],
        )
        self._merge_and_insert(items, reattach=[])

    def _replace(self, article: Article, events: Sequence[Event], coded_at: datetime) -> None:
        """An article whose text changed: drop its old mentions, then add it again."""
        touched = [
            r[0]
            for r in self.con.execute(
                "SELECT DISTINCT event_id FROM mentions WHERE article_id = ?"
                " AND event_id IS NOT NULL ORDER BY event_id",
                [article.id],
            ).fetchall()
        ]
        self.con.execute("DELETE FROM actors WHERE article_id = ?", [article.id])
        self.con.execute("DELETE FROM mentions WHERE article_id = ?", [article.id])
        row = article_row(article, len(events), coded_at)
        names = [name for name, _ in ARTICLE_COLUMNS[1:]]
        self.con.execute(
            f"UPDATE articles SET {', '.join(n + ' = ?' for n in names)} WHERE id = ?",
            [*row[1:], article.id],
        )
        self.refresh(touched)
        orphans = self.con.execute(
            f"UPDATE mentions SET event_id = NULL WHERE event_id IN (SELECT unnest(?::VARCHAR[]))"
            f" AND event_id NOT IN (SELECT event_id FROM events) RETURNING {MENTION_FIELDS}",
            [touched],
        ).fetchall()
        reattach = sorted((mention_from_row(r) for r in orphans), key=lambda m: m.ref)
        self._merge_and_insert([(article, events)], reattach=reattach)

    def _merge_and_insert(self, items: Sequence[Coded], reattach: list[Mention]) -> None:
        rows = [
            [mention_row(article, idx, event) for idx, event in enumerate(events)]
            for article, events in items
        ]
        new = [[_engine_mention(r) for r in article_rows] for article_rows in rows]
        engine = self._engine([m for ms in new for m in ms] + reattach)
        for mention in reattach:
            engine.attach(mention)
        for mentions in new:
            engine.add_article(mentions)
        fresh: set[tuple[str, int]] = set()
        for article_rows in rows:
            for r in article_rows:
                r[MENTION_EVENT_ID] = engine.assigned.get((r[0], r[1]))
                r[MENTION_REASON] = engine.reasons.get((r[0], r[1]))
                fresh.add((r[0], r[1]))
        insert_rows(self.con, "mentions", MENTION_COLUMNS, [r for rs in rows for r in rs])
        actors = [
            r
            for article, events in items
            for idx, event in enumerate(events)
            for r in actor_rows(article, idx, event)
        ]
        insert_rows(self.con, "actors", ACTOR_COLUMNS, actors)
        older = {ref: eid for ref, eid in engine.assigned.items() if ref not in fresh}
        self.set_event_ids(older, engine.reasons)
        self.refresh(sorted(engine.touched))

    def _engine(self, mentions: Iterable[Mention]) -> MergeEngine:
        """An engine loaded with the stored events and waiting mentions these could meet."""
        span: dict[str, tuple[Date, Date]] = {}
        lookback = window_delta(REFERENCE_LOOKBACK_DAYS)
        for m in mentions:
            if m.key is None or m.date is None:
                continue
            # A reference to an earlier event looks further back than the window.
            low = shift(m.date, -lookback) if m.modality in REFERRING_MODALITIES else m.date
            lo, hi = span.get(m.dyad, (low, m.date))
            span[m.dyad] = (min(lo, low), max(hi, m.date))
        if not span:
            return MergeEngine(self.window_days, [], [])
        keys = sorted(span)
        ranges = [
            keys,
            [shift(span[k][0], -self.window) for k in keys],
            [shift(span[k][1], self.window) for k in keys],
        ]
        r = "(SELECT unnest(?::VARCHAR[]) AS k, unnest(?::DATE[]) AS lo, unnest(?::DATE[]) AS hi)"
        events = self.con.execute(
            f"SELECT {EVENT_STATE_FIELDS} FROM events e JOIN {r} r"
            " ON split_part(e.merge_key, '|', 1) = r.k"
            " AND e.last_date >= r.lo AND e.first_date <= r.hi"
            " LEFT JOIN mentions pm ON pm.article_id = e.place_article_id"
            " AND pm.idx = e.place_idx WHERE e.mergeable",
            ranges,
        ).fetchall()
        waiting = self.con.execute(
            f"SELECT {MENTION_FIELDS} FROM mentions JOIN {r} r"
            f" ON split_part(merge_key, '|', 1) = r.k AND merge_date BETWEEN r.lo AND r.hi"
            f" WHERE {WAITING_SQL}",
            ranges,
        ).fetchall()
        states: list[EventState] = [event_state_from_row(row) for row in events]
        return MergeEngine(self.window_days, states, [mention_from_row(w) for w in waiting])

    # -- shared with remerge --------------------------------------------------------------------

    def set_event_ids(
        self, assigned: dict[tuple[str, int], str], reasons: dict[tuple[str, int], str]
    ) -> None:
        if not assigned:
            return
        refs = sorted(assigned)
        self.con.execute(
            "UPDATE mentions SET event_id = v.e, merge_reason = v.r FROM (SELECT"
            " unnest(?::VARCHAR[]) AS a, unnest(?::INTEGER[]) AS i, unnest(?::VARCHAR[]) AS e,"
            " unnest(?::VARCHAR[]) AS r) v"
            " WHERE mentions.article_id = v.a AND mentions.idx = v.i",
            [
                [a for a, _ in refs],
                [i for _, i in refs],
                [assigned[r] for r in refs],
                [reasons.get(r) for r in refs],
            ],
        )

    def refresh(self, event_ids: Sequence[str]) -> None:
        """Recompute these events' rows from their mentions (dropping those left without an
        asserted mention)."""
        if not event_ids:
            return
        ids = list(event_ids)
        self.con.execute(
            "DELETE FROM events WHERE event_id IN (SELECT unnest(?::VARCHAR[]))", [ids]
        )
        self.con.execute(refresh_sql("m.event_id IN (SELECT unnest(?::VARCHAR[]))"), [ids])

    def remerge(self) -> None:
        """Rebuild every event: asserted mentions in canonical order, then the others."""
        self.con.execute(
            "UPDATE mentions SET event_id = NULL, merge_reason = NULL WHERE event_id IS NOT NULL"
        )
        self.con.execute("DELETE FROM events")
        order = " ORDER BY merge_date NULLS LAST, article_id, idx"
        engine = MergeEngine(self.window_days, [], [])
        # The body's asserted reports, then headlines (each may join its own article's lead),
        # then hedged and future reports, then references to earlier events.
        passes = (
            (f"{CREATING_SQL} AND NOT coalesce(headline, false)", "assert"),
            (f"{CREATING_SQL} AND coalesce(headline, false)", "assert"),
            (ATTACHING_SQL, "attach"),
            (REFERRING_SQL, "refer"),
        )
        by_article: dict[str, list[Mention]] = {}
        for where, step in passes:
            rows = self.con.execute(f"SELECT {MENTION_FIELDS} FROM mentions WHERE {where}" + order)
            for row in rows.fetchall():
                mention = mention_from_row(row)
                if step == "assert":
                    article = by_article.setdefault(mention.article_id, [])
                    engine.place_asserted(mention, sweep=False, article=list(article))
                    article.append(mention)
                elif step == "attach":
                    engine.attach(mention)
                else:
                    engine.refer(mention)
        self.set_event_ids(engine.assigned, engine.reasons)
        self.con.execute(refresh_sql("true"))
