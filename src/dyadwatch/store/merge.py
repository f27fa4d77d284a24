"""Merging mentions into real-world events.

A *mention* is one coded Event record (one report, in one article). An *event* is the real-world
happening that mentions from many articles report. The rules (``docs/store.md`` explains why):

* Only **asserted** mentions create events. Hedged and future mentions **attach** to a matching
  event (and count towards its mentions, articles and sources) but never create one; a hedged or
  future mention that finds no event waits, unattached, and is attached when an asserted mention
  founds a matching event later. Negated, hypothetical and historical mentions never attach.
* A mention matches an event when it has the same ``merge_key`` (source and target country and
  sector), the same CAMEO root **or** the same PLOVER type as the event's representative
  mention, a date within ``window`` days of *every* asserted mention already in the event
  (complete linkage: a merged event never spans more than ``window`` days, so the daily reports
  of a busy dyad do not chain into one endless event), and a place compatible with the event's.
  Among several matching events the one whose first date is nearest wins, then the smallest id.
  An asserted mention that matches none founds a new event.
* An asserted mention with no ``merge_key`` or no usable date is an event of its own.
* An event's representative mention is its earliest asserted one (by merge date, article id,
  position); its place is the most specific place among its asserted mentions (city over admin
  region over country), ties going to the earliest.

Merging is incremental in the order articles are stored, so the events depend on that order only
in rare borderline cases; ``MergeEngine`` is the pure-Python core, fed and written back in bulk by
``dyadwatch.store.store`` (DuckDB answers small queries in about a millisecond each, so per-mention SQL
would make the writer the bottleneck).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date as Date
from datetime import timedelta
from typing import Any

from dyadwatch.store.schema import ATTACHING_MODALITIES, CREATING_MODALITIES

SortKey = tuple[bool, Date, str, int]
"""A mention's place in the canonical order: by merge date (missing dates last), article, idx."""


@dataclass(frozen=True)
class PlaceKey:
    """The parts of a place that decide whether two reports can be of the same event."""

    name: str
    geonames_id: int | None
    feature: str | None
    country: str | None
    admin1: str | None


_CONTAINERS = frozenset({"country", "region", "continent"})


def places_compatible(a: PlaceKey | None, b: PlaceKey | None) -> bool:
    """Two places can be where one event happened: unknown, the same place, or one inside the
    other (a country and a city in it; an admin region and a city in it)."""
    if a is None or b is None:
        return True
    if a.geonames_id is not None and a.geonames_id == b.geonames_id:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if a.feature in _CONTAINERS or b.feature in _CONTAINERS:
        return True
    if a.admin1 and b.admin1 and a.admin1 != b.admin1:
        return False
    if "admin" in (a.feature, b.feature):
        return True
    if a.geonames_id is not None and b.geonames_id is not None:
        return False
    return a.name.casefold() == b.name.casefold()


_SPECIFICITY = {"city": 4, "admin": 3, "region": 2, "country": 1, "continent": 0}


def specificity(feature: str | None) -> int:
    """How precise a place is: city 4, admin region 3, region 2, country 1, continent 0, and 2
    for a feature we do not know (kept in step with ``_SPECIFICITY_SQL``)."""
    return _SPECIFICITY.get(feature or "", 2)


def event_id_for(article_id: str, idx: int) -> str:
    """A stable event id from the mention that founded the event."""
    return "ev" + hashlib.sha1(f"{article_id}\x1f{idx}".encode()).hexdigest()[:16]


def sort_key(merge_date: Date | None, article_id: str, idx: int) -> SortKey:
    return (merge_date is None, merge_date or Date.min, article_id, idx)


@dataclass(frozen=True)
class Mention:
    """What merging needs to know of one mention."""

    article_id: str
    idx: int
    modality: str
    key: str | None
    date: Date | None
    root: str
    plover: str
    place: PlaceKey | None

    @property
    def ref(self) -> tuple[str, int]:
        return (self.article_id, self.idx)

    @property
    def order(self) -> SortKey:
        return sort_key(self.date, self.article_id, self.idx)

    @property
    def place_rank(self) -> tuple[int, SortKey]:
        feature = self.place.feature if self.place is not None else None
        return (-specificity(feature), self.order)


MENTION_FIELDS = (
    "article_id, idx, modality, merge_key, merge_date, cameo_root, plover_type, "
    "place_name, place_geonames_id, place_feature, place_country, place_admin1"
)
"""The ``mentions`` columns ``mention_from_row`` reads, in order."""


def mention_from_row(row: tuple[Any, ...] | list[Any]) -> Mention:
    place = PlaceKey(*row[7:12]) if row[7] is not None else None
    article_id, idx, modality, key, day, root, plover = row[:7]
    return Mention(article_id, idx, modality, key, day, root, plover, place)


@dataclass
class EventState:
    """What merging needs to know of one mergeable event; updated as mentions join."""

    event_id: str
    key: str
    root: str
    plover: str
    first: Date
    last: Date
    rep: SortKey
    place: PlaceKey | None
    place_rank: tuple[int, SortKey] | None

    @classmethod
    def founded_by(cls, mention: Mention) -> EventState:
        assert mention.key is not None and mention.date is not None
        return cls(
            event_id_for(mention.article_id, mention.idx),
            mention.key,
            mention.root,
            mention.plover,
            mention.date,
            mention.date,
            mention.order,
            mention.place,
            mention.place_rank if mention.place is not None else None,
        )

    def join(self, mention: Mention) -> None:
        """An asserted mention joins: widen the dates, maybe take its code and place."""
        assert mention.date is not None
        self.first = min(self.first, mention.date)
        self.last = max(self.last, mention.date)
        if mention.order < self.rep:
            self.rep, self.root, self.plover = mention.order, mention.root, mention.plover
        if mention.place is not None and (
            self.place_rank is None or mention.place_rank < self.place_rank
        ):
            self.place, self.place_rank = mention.place, mention.place_rank


EVENT_STATE_FIELDS = (
    "e.event_id, e.merge_key, e.cameo_root, e.plover_type, e.first_date, e.last_date, "
    "e.root_article_id, e.root_idx, e.place_name, e.place_geonames_id, e.place_feature, "
    "e.place_country, e.place_admin1, e.place_article_id, e.place_idx, pm.merge_date"
)
"""The columns ``event_state_from_row`` reads (``pm`` is the mention the place comes from)."""


def event_state_from_row(row: tuple[Any, ...] | list[Any]) -> EventState:
    (event_id, key, root, plover, first, last, rep_article, rep_idx) = row[:8]
    place = PlaceKey(*row[8:13]) if row[8] is not None else None
    rank = None
    if place is not None:
        rank = (-specificity(place.feature), sort_key(row[15], row[13], row[14]))
    rep = sort_key(first, rep_article, rep_idx)
    return EventState(event_id, key, root, plover, first, last, rep, place, rank)


_CALENDAR_DAYS = (Date.max - Date.min).days


def window_delta(window_days: int) -> timedelta:
    """The merge window as a timedelta; any window wider than the calendar is the calendar."""
    return timedelta(days=min(max(window_days, 0), _CALENDAR_DAYS))


def shift(day: Date, delta: timedelta) -> Date:
    """``day + delta`` held to the calendar's ends: a mention dated 0001-01-02 or 9999-12-31
    must merge like any other, not raise OverflowError."""
    try:
        return day + delta
    except OverflowError:
        return Date.max if delta > timedelta(0) else Date.min


class MergeEngine:
    """Assigns mentions to events in order, given the events and waiting mentions that could
    match them (``events``: mergeable events; ``waiting``: unattached hedged/future mentions)."""

    def __init__(
        self, window_days: int, events: Iterable[EventState], waiting: Iterable[Mention]
    ) -> None:
        self.window = window_delta(window_days)
        self.by_key: dict[str, list[EventState]] = {}
        for event in events:
            self.by_key.setdefault(event.key, []).append(event)
        self.waiting: dict[str, dict[tuple[str, int], Mention]] = {}
        for mention in waiting:
            self._wait(mention)
        self.assigned: dict[tuple[str, int], str] = {}
        """(article id, idx) -> event id, for every mention assigned by this engine."""
        self.touched: set[str] = set()
        """Events whose rows must be recomputed."""

    def add_article(self, mentions: Iterable[Mention]) -> None:
        """One article's new mentions: asserted ones first, then hedged and future ones."""
        ordered = sorted(mentions, key=lambda m: m.idx)
        for mention in ordered:
            if mention.modality in CREATING_MODALITIES:
                self.place_asserted(mention, sweep=True)
        for mention in ordered:
            if mention.modality in ATTACHING_MODALITIES:
                self.attach(mention)

    def place_asserted(self, mention: Mention, *, sweep: bool) -> None:
        """Place an asserted mention: join the matching event or found one."""
        if mention.key is None or mention.date is None:
            self._assign(mention, event_id_for(mention.article_id, mention.idx))
            return
        event = self._match(mention)
        if event is not None:
            event.join(mention)
            self._assign(mention, event.event_id)
            return
        event = EventState.founded_by(mention)
        self.by_key.setdefault(event.key, []).append(event)
        self._assign(mention, event.event_id)
        if sweep:
            for waiting in self._waiting_near(mention.key, mention.date):
                self.attach(waiting)

    def attach(self, mention: Mention) -> None:
        """Attach a hedged or future mention to its matching event, or let it wait."""
        if mention.ref in self.assigned or mention.key is None or mention.date is None:
            return
        event = self._match(mention)
        if event is None:
            self._wait(mention)
            return
        self.waiting.get(mention.key, {}).pop(mention.ref, None)
        self._assign(mention, event.event_id)

    def _assign(self, mention: Mention, event_id: str) -> None:
        self.assigned[mention.ref] = event_id
        self.touched.add(event_id)

    def _wait(self, mention: Mention) -> None:
        if mention.key is not None and mention.date is not None:
            self.waiting.setdefault(mention.key, {})[mention.ref] = mention

    def _waiting_near(self, key: str, day: Date) -> list[Mention]:
        near = [
            m
            for m in self.waiting.get(key, {}).values()
            if m.date is not None and abs(m.date - day) <= self.window
        ]
        return sorted(near, key=lambda m: m.order)

    def _match(self, mention: Mention) -> EventState | None:
        assert mention.key is not None and mention.date is not None
        day, window = mention.date, self.window
        candidates = [
            e
            for e in self.by_key.get(mention.key, ())
            if (e.root == mention.root or e.plover == mention.plover)
            and e.first >= shift(day, -window)
            and e.last <= shift(day, window)
        ]
        candidates.sort(key=lambda e: (abs((e.first - day).days), e.event_id))
        for event in candidates:
            if places_compatible(mention.place, event.place):
                return event
        return None


_CREATING_SQL = ", ".join(f"'{m}'" for m in sorted(CREATING_MODALITIES))
_ATTACHING_SQL = ", ".join(f"'{m}'" for m in sorted(ATTACHING_MODALITIES))

WAITING_SQL = f"modality IN ({_ATTACHING_SQL}) AND event_id IS NULL"
CREATING_SQL = f"modality IN ({_CREATING_SQL})"
ATTACHING_SQL = f"modality IN ({_ATTACHING_SQL})"

_SPECIFICITY_SQL = (
    "CASE place_feature "
    + " ".join(f"WHEN '{k}' THEN {v}" for k, v in sorted(_SPECIFICITY.items()))
    + " ELSE 2 END"
)


def refresh_sql(where: str) -> str:
    """INSERT the rows of the events whose mentions satisfy ``where`` (on ``mentions m``),
    recomputed from their mentions; an event without asserted mentions gets no row."""
    return f"""
INSERT INTO events
WITH m AS (
    SELECT m.*, a.source AS article_source, a.coded_at, a.title AS article_title,
           a.url AS article_url, a.language AS article_language
    FROM mentions m JOIN articles a ON a.id = m.article_id
    WHERE m.event_id IS NOT NULL AND ({where})
),
asserted AS (SELECT * FROM m WHERE {CREATING_SQL}),
rep AS (
    SELECT * FROM asserted
    QUALIFY row_number() OVER (
        PARTITION BY event_id ORDER BY merge_date NULLS LAST, article_id, idx) = 1
),
place AS (
    SELECT event_id, place_name, place_geonames_id, place_feature, place_country,
           place_admin1, place_lat, place_lon, article_id AS place_article_id, idx AS place_idx
    FROM asserted WHERE place_name IS NOT NULL
    QUALIFY row_number() OVER (
        PARTITION BY event_id
        ORDER BY {_SPECIFICITY_SQL} DESC, merge_date NULLS LAST, article_id, idx) = 1
),
agg AS (
    SELECT event_id,
           count(*) AS n_mentions,
           count(*) FILTER (WHERE {CREATING_SQL}) AS n_asserted,
           count(DISTINCT article_id) AS n_articles,
           count(DISTINCT coalesce(article_source, '#' || article_id)) AS n_sources,
           min(merge_date) FILTER (WHERE {CREATING_SQL}) AS first_date,
           max(merge_date) FILTER (WHERE {CREATING_SQL}) AS last_date,
           max(confidence) FILTER (WHERE {CREATING_SQL}) AS confidence,
           min(coded_at) AS added_at
    FROM m GROUP BY event_id
)
SELECT rep.event_id, ('0x' || rep.event_id[3:17])::BIGINT,
       rep.merge_key IS NOT NULL AND rep.merge_date IS NOT NULL, rep.merge_key,
       rep.article_id, rep.idx,
       rep.source_name, rep.source_country, rep.source_sector, rep.source_code,
       rep.target_name, rep.target_country, rep.target_sector, rep.target_code,
       rep.cameo_code, rep.cameo_name, rep.cameo_root, rep.quad_class, rep.goldstein,
       rep.plover_type, rep.plover_mode, rep.plover_context, rep.modality, agg.confidence,
       agg.first_date, agg.last_date,
       place.place_name, place.place_geonames_id, place.place_feature, place.place_country,
       place.place_admin1, place.place_lat, place.place_lon, place.place_article_id,
       place.place_idx,
       agg.n_mentions, agg.n_asserted, agg.n_articles, agg.n_sources, agg.added_at,
       rep.evidence_sentence, rep.sentence_start, rep.trigger_text, rep.trigger_start,
       rep.trigger_end, rep.article_source, rep.article_title, rep.article_url,
       rep.article_language
FROM rep JOIN agg USING (event_id) LEFT JOIN place USING (event_id)
"""
