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

from dyadwatch.store.schema import (
    ATTACHING_MODALITIES,
    CREATING_MODALITIES,
    REFERRING_MODALITIES,
)

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
    from_dateline: bool = False  # where the story was filed, not a place the text gives

    def describe(self) -> str:
        return self.name + (" (dateline)" if self.from_dateline else "")


_CONTAINERS = frozenset({"country", "region", "continent"})


def places_compatible(a: PlaceKey | None, b: PlaceKey | None) -> bool:
    """Two places can be where one event happened: unknown or only a dateline's, the same place,
    or one inside the other (a country and a city in it; an admin region and a city in it)."""
    if a is None or b is None or a.from_dateline or b.from_dateline:
        return True  # a dateline says where the story was filed: it never splits reports
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
    # A county and a town of its state: the gazetteer does not say which county a town is in.
    if "district" in (a.feature, b.feature) and a.feature != b.feature:
        return True
    if a.geonames_id is not None and b.geonames_id is not None:
        return False
    return a.name.casefold() == b.name.casefold()


_SPECIFICITY = {"city": 5, "district": 4, "admin": 3, "region": 2, "country": 1, "continent": 0}


def specificity(feature: str | None) -> int:
    """How precise a place is: city 5, district (a county) 4, admin region 3, region 2, country
    1, continent 0, and 2 for a feature we do not know (kept in step with ``_SPECIFICITY_SQL``)."""
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
    headline: bool = False
    source_code: str | None = None
    target_code: str | None = None

    @property
    def ref(self) -> tuple[str, int]:
        return (self.article_id, self.idx)

    @property
    def dyad(self) -> str:
        """What events are looked up by: the source country (targets and sectors are compared
        at the granularity both reports share)."""
        assert self.key is not None
        return self.key.split("|", 1)[0]

    @property
    def order(self) -> SortKey:
        return sort_key(self.date, self.article_id, self.idx)

    @property
    def place_rank(self) -> PlaceRank:
        return place_rank(self.place, self.order)


PlaceRank = tuple[bool, int, SortKey]


def place_rank(place: PlaceKey | None, order: SortKey) -> PlaceRank:
    """Smaller is a better place for an event: a place the text gives over a dateline's, then
    the more specific, then the earlier report."""
    feature = place.feature if place is not None else None
    dateline = place is not None and place.from_dateline
    return (dateline, -specificity(feature), order)


MENTION_COLUMNS_READ = (
    "article_id", "idx", "modality", "merge_key", "merge_date", "cameo_root", "plover_type",
    "place_name", "place_geonames_id", "place_feature", "place_country", "place_admin1",
    "place_from_dateline", "headline", "source_code", "target_code",
)  # fmt: skip
"""The ``mentions`` columns ``mention_from_row`` reads, in order."""

MENTION_FIELDS = ", ".join(
    f"coalesce({c}, false)" if c in {"place_from_dateline", "headline"} else c
    for c in MENTION_COLUMNS_READ
)
"""``MENTION_COLUMNS_READ`` as a SELECT list (flags of rows stored before they existed: false)."""


def mention_from_row(row: tuple[Any, ...] | list[Any]) -> Mention:
    place = None
    if row[7] is not None:
        place = PlaceKey(row[7], row[8], row[9], row[10], row[11], bool(row[12]))
    article_id, idx, modality, key, day, root, plover = row[:7]
    return Mention(
        article_id, idx, modality, key, day, root, plover, place, bool(row[13]), row[14], row[15]
    )


def sectors_agree(a: str, b: str) -> bool:
    """Two merge keys name the same actors at the granularity both share: the same source
    country, a target country unless one report has none, and sectors that are equal where
    both give one ("EGY" and "EGY|GOV" agree, "EGY|GOV" and "EGY|MIL" do not)."""
    pa, pb = a.split("|"), b.split("|")
    if pa[0] != pb[0]:
        return False
    if pa[2] and pb[2] and pa[2] != pb[2]:
        return False
    same_target = pa[2] == pb[2]
    if pa[1] and pb[1] and pa[1] != pb[1]:
        return False
    return not (same_target and pa[3] and pb[3] and pa[3] != pb[3])


def finer_key(a: str, b: str) -> str:
    """The more specific of two agreeing keys, part by part."""
    return "|".join(x or y for x, y in zip(a.split("|"), b.split("|"), strict=True))


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
    place_rank: PlaceRank | None

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
        if mention.key is not None:
            self.key = finer_key(self.key, mention.key)
        if mention.order < self.rep:
            self.rep, self.root, self.plover = mention.order, mention.root, mention.plover
        if mention.place is not None and (
            self.place_rank is None or mention.place_rank < self.place_rank
        ):
            self.place, self.place_rank = mention.place, mention.place_rank


EVENT_STATE_FIELDS = (
    "e.event_id, e.merge_key, e.cameo_root, e.plover_type, e.first_date, e.last_date, "
    "e.root_article_id, e.root_idx, e.place_name, e.place_geonames_id, e.place_feature, "
    "e.place_country, e.place_admin1, e.place_article_id, e.place_idx, pm.merge_date, "
    "coalesce(pm.place_from_dateline, false)"
)
"""The columns ``event_state_from_row`` reads (``pm`` is the mention the place comes from)."""


def event_state_from_row(row: tuple[Any, ...] | list[Any]) -> EventState:
    (event_id, key, root, plover, first, last, rep_article, rep_idx) = row[:8]
    place = None
    if row[8] is not None:
        place = PlaceKey(row[8], row[9], row[10], row[11], row[12], bool(row[16]))
    rank = None
    if place is not None:
        rank = place_rank(place, sort_key(row[15], row[13], row[14]))
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


REFERENCE_LOOKBACK_DAYS = 30
"""How far back a reference to an earlier event ("in retaliation for the sanctions") looks."""


class MergeEngine:
    """Assigns mentions to events in order, given the events and waiting mentions that could
    match them (``events``: mergeable events; ``waiting``: unattached hedged/future mentions).
    ``reasons`` says, for every mention it assigned, why (``explain`` shows them)."""

    def __init__(
        self, window_days: int, events: Iterable[EventState], waiting: Iterable[Mention]
    ) -> None:
        self.window = window_delta(window_days)
        self.lookback = timedelta(days=REFERENCE_LOOKBACK_DAYS)
        self.by_key: dict[str, list[EventState]] = {}
        for event in events:
            self.by_key.setdefault(event.key.split("|", 1)[0], []).append(event)
        self.by_id = {e.event_id: e for es in self.by_key.values() for e in es}
        self.waiting: dict[str, dict[tuple[str, int], Mention]] = {}
        for mention in waiting:
            self._wait(mention)
        self.assigned: dict[tuple[str, int], str] = {}
        """(article id, idx) -> event id, for every mention assigned by this engine."""
        self.reasons: dict[tuple[str, int], str] = {}
        """(article id, idx) -> why it was attached (or why it stands alone)."""
        self.touched: set[str] = set()
        """Events whose rows must be recomputed."""

    def add_article(self, mentions: Iterable[Mention]) -> None:
        """One article's new mentions: asserted ones first (the headline after the body, so it
        can join the lead it repeats), then hedged and future ones, then references."""
        ordered = sorted(mentions, key=lambda m: (m.headline, m.idx))
        for mention in ordered:
            if mention.modality in CREATING_MODALITIES:
                self.place_asserted(mention, sweep=True, article=ordered)
        for mention in ordered:
            if mention.modality in ATTACHING_MODALITIES:
                self.attach(mention)
        for mention in ordered:
            if mention.modality in REFERRING_MODALITIES:
                self.refer(mention)

    def place_asserted(
        self, mention: Mention, *, sweep: bool, article: Iterable[Mention] = ()
    ) -> None:
        """Place an asserted mention: join the matching event or found one."""
        if mention.key is None or mention.date is None:
            why = "no merge key (an actor without a country)" if mention.key is None else (
                "no date precise enough to merge on"
            )
            self._assign(mention, event_id_for(mention.article_id, mention.idx),
                         f"an event of its own: {why}")  # fmt: skip
            return
        if mention.headline and self._join_lead(mention, article):
            return
        found = self._match(mention)
        if found is not None:
            event, why = found
            event.join(mention)
            self._assign(mention, event.event_id, f"joined: {why}")
            return
        event = EventState.founded_by(mention)
        self.by_key.setdefault(mention.dyad, []).append(event)
        self.by_id[event.event_id] = event
        self._assign(mention, event.event_id,
                     f"founded the event: first asserted report of {_actors(mention)} "
                     f"(CAMEO root {mention.root}, PLOVER {mention.plover})")  # fmt: skip
        if sweep:
            for waiting in self._waiting_near(mention.dyad, mention.date):
                self.attach(waiting)

    def _join_lead(self, headline: Mention, article: Iterable[Mention]) -> bool:
        """A headline joins the event of a report of the body it repeats: the same kind of
        event, its actors' countries among the report's (headlines drop words: "Egypt, Sudan
        hold talks" may be coded with one actor)."""
        countries = _countries(headline.key)
        for lead in article:
            if lead.headline or lead.ref not in self.assigned:
                continue
            if lead.root != headline.root and lead.plover != headline.plover:
                continue
            if not countries or not countries <= _countries(lead.key):
                continue
            event = self.by_id.get(self.assigned[lead.ref])
            if event is None:
                continue
            event.join(headline)
            self._assign(headline, event.event_id,
                         f"headline: repeats report {lead.idx} of the same article "
                         f"({_actors(lead)}, CAMEO root {lead.root})")  # fmt: skip
            return True
        return False

    def attach(self, mention: Mention) -> None:
        """Attach a hedged or future mention to its matching event, or let it wait."""
        if mention.ref in self.assigned or mention.key is None or mention.date is None:
            return
        found = self._match(mention)
        if found is None:
            self._wait(mention)
            return
        self.waiting.get(mention.dyad, {}).pop(mention.ref, None)
        self._assign(mention, found[0].event_id,
                     f"a {mention.modality} report attached: {found[1]}")  # fmt: skip

    def refer(self, mention: Mention) -> None:
        """Attach a reference to an earlier event ("in retaliation for the sanctions") to that
        event when one of the last ``REFERENCE_LOOKBACK_DAYS`` days matches; else it stays a
        historical report of no event."""
        if mention.ref in self.assigned or mention.key is None or mention.date is None:
            return
        day = mention.date
        candidates = [
            e
            for e in self.by_key.get(mention.dyad, ())
            if (e.root == mention.root or e.plover == mention.plover)
            and e.first <= day
            and e.last >= shift(day, -self.lookback)
            and sectors_agree(e.key, mention.key)
        ]
        candidates.sort(key=lambda e: (day - e.last, e.event_id))
        for event in candidates:
            self._assign(mention, event.event_id,
                         f"a reference to this earlier event: {_actors(mention)} agree with "
                         f"{_key_codes(event.key)}, {(day - event.last).days} day(s) after "
                         f"its last report")  # fmt: skip
            return

    def _assign(self, mention: Mention, event_id: str, reason: str) -> None:
        self.assigned[mention.ref] = event_id
        self.reasons[mention.ref] = reason
        self.touched.add(event_id)

    def _wait(self, mention: Mention) -> None:
        if mention.key is not None and mention.date is not None:
            self.waiting.setdefault(mention.dyad, {})[mention.ref] = mention

    def _waiting_near(self, dyad: str, day: Date) -> list[Mention]:
        near = [
            m
            for m in self.waiting.get(dyad, {}).values()
            if m.date is not None and abs(m.date - day) <= self.window
        ]
        return sorted(near, key=lambda m: m.order)

    def _match(self, mention: Mention) -> tuple[EventState, str] | None:
        assert mention.key is not None and mention.date is not None
        day, window = mention.date, self.window
        candidates = [
            e
            for e in self.by_key.get(mention.dyad, ())
            if (e.root == mention.root or e.plover == mention.plover)
            and e.first >= shift(day, -window)
            and e.last <= shift(day, window)
            and sectors_agree(e.key, mention.key)
        ]
        candidates.sort(key=lambda e: (abs((e.first - day).days), e.event_id))
        for event in candidates:
            if places_compatible(mention.place, event.place):
                kind = (
                    f"CAMEO root {mention.root}"
                    if event.root == mention.root
                    else f"PLOVER {mention.plover}"
                )
                days = max(abs((event.first - day).days), abs((event.last - day).days))
                why = (
                    f"same actors ({_actors(mention)} agree with {_key_codes(event.key)}), "
                    f"same kind of event ({kind}), within {days} day(s) of its reports, "
                    f"{_place_reason(mention.place, event.place)}"
                )
                return event, why
        return None


def _countries(key: str | None) -> set[str]:
    if key is None:
        return set()
    parts = key.split("|")
    return {p for p in (parts[0], parts[2]) if p}


def _key_codes(key: str) -> str:
    """A merge key as actor codes: "EGY|GOV|SDN|" -> "EGYGOV->SDN"."""
    src, src_sector, tgt, tgt_sector = key.split("|")
    return f"{src}{src_sector}->{tgt}{tgt_sector}" if tgt else f"{src}{src_sector}"


def _actors(mention: Mention) -> str:
    if mention.source_code is not None or mention.target_code is not None:
        codes = f"{mention.source_code or '?'}->{mention.target_code or '-'}"
        return codes.removesuffix("->-")
    return _key_codes(mention.key) if mention.key is not None else "no actors"


def _place_reason(mine: PlaceKey | None, theirs: PlaceKey | None) -> str:
    if mine is None or theirs is None:
        return "place unknown on one side"
    if mine.from_dateline or theirs.from_dateline:
        return "a dateline place never separates reports"
    if mine.geonames_id is not None and mine.geonames_id == theirs.geonames_id:
        return f"same place ({mine.name})"
    return f"places compatible ({mine.name} / {theirs.name})"


_CREATING_SQL = ", ".join(f"'{m}'" for m in sorted(CREATING_MODALITIES))
_REFERRING_SQL = ", ".join(f"'{m}'" for m in sorted(REFERRING_MODALITIES))
_ATTACHING_SQL = ", ".join(f"'{m}'" for m in sorted(ATTACHING_MODALITIES))

WAITING_SQL = f"modality IN ({_ATTACHING_SQL}) AND event_id IS NULL"
CREATING_SQL = f"modality IN ({_CREATING_SQL})"
ATTACHING_SQL = f"modality IN ({_ATTACHING_SQL})"
REFERRING_SQL = f"modality IN ({_REFERRING_SQL})"

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
           place_admin1, place_lat, place_lon, article_id AS place_article_id, idx AS place_idx,
           place_admin1_name
    FROM asserted WHERE place_name IS NOT NULL
    QUALIFY row_number() OVER (
        PARTITION BY event_id
        ORDER BY coalesce(place_from_dateline, false), {_SPECIFICITY_SQL} DESC,
                 merge_date NULLS LAST, article_id, idx) = 1
),
src AS (
    SELECT event_id, source_name, source_country, source_sector, source_code
    FROM asserted WHERE source_code IS NOT NULL
    QUALIFY row_number() OVER (
        PARTITION BY event_id
        ORDER BY source_sector IS NULL, length(source_code) DESC,
                 merge_date NULLS LAST, article_id, idx) = 1
),
tgt AS (
    SELECT event_id, target_name, target_country, target_sector, target_code
    FROM asserted WHERE target_code IS NOT NULL
    QUALIFY row_number() OVER (
        PARTITION BY event_id
        ORDER BY target_sector IS NULL, length(target_code) DESC,
                 merge_date NULLS LAST, article_id, idx) = 1
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
       rep.merge_key IS NOT NULL AND rep.merge_date IS NOT NULL,
       CASE WHEN rep.merge_key IS NOT NULL THEN
           src.source_country || '|' || coalesce(src.source_sector, '') || '|'
           || coalesce(tgt.target_country, '') || '|' || coalesce(tgt.target_sector, '') END,
       rep.article_id, rep.idx,
       src.source_name, src.source_country, src.source_sector, src.source_code,
       tgt.target_name, tgt.target_country, tgt.target_sector, tgt.target_code,
       rep.cameo_code, rep.cameo_name, rep.cameo_root, rep.quad_class, rep.goldstein,
       rep.plover_type, rep.plover_mode, rep.plover_context, rep.modality, agg.confidence,
       agg.first_date, agg.last_date,
       place.place_name, place.place_geonames_id, place.place_feature, place.place_country,
       place.place_admin1, place.place_lat, place.place_lon, place.place_article_id,
       place.place_idx,
       agg.n_mentions, agg.n_asserted, agg.n_articles, agg.n_sources, agg.added_at,
       rep.evidence_sentence, rep.sentence_start, rep.trigger_text, rep.trigger_start,
       rep.trigger_end, rep.article_source, rep.article_title, rep.article_url,
       rep.article_language,
       place.place_admin1_name
FROM rep JOIN agg USING (event_id) LEFT JOIN place USING (event_id)
     LEFT JOIN src USING (event_id) LEFT JOIN tgt USING (event_id)
"""


# The explanation of an event's merges lives beside the reasons' writer's reader; it is
# re-exported here, where the merge rules are.
from dyadwatch.store.explain import EventExplanation as EventExplanation  # noqa: E402
from dyadwatch.store.explain import ReportReason as ReportReason  # noqa: E402
from dyadwatch.store.explain import explain as explain  # noqa: E402
