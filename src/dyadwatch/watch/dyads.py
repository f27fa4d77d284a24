"""Dyad time series: how events between two actors add up per day, week or month.

>>> series = dyad_series("corpus.duckdb", "USA", "DZA", context="military")  # doctest: +SKIP
>>> series.rows[0].goldstein_total                                            # doctest: +SKIP

The analysis reads the store through one narrow seam, ``load_events``: a single SQL query that
flattens the store into ``EventRow`` records. Everything after it (filters, periods, series,
signals, reports) works on plain sequences of rows, so tests can build them by hand and a change
of the store's schema touches one query. ``docs/signals.md`` documents the choices.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import date as Date
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from dyadwatch.errors import InvalidArgument, MissingExtra, StoreError
from dyadwatch.query import ActorCode, canonical_actor
from dyadwatch.records import UNKNOWN_CODE

if TYPE_CHECKING:
    import duckdb


Period = Literal["day", "week", "month"]
PERIODS: tuple[str, ...] = ("day", "week", "month")
Unit = Literal["event", "mention"]
Direction = Literal["ab", "ba", "both"]
DIRECTIONS: tuple[Direction, ...] = ("ab", "ba", "both")

COOPERATION = frozenset({1, 2})
CONFLICT = frozenset({3, 4})


@dataclass(frozen=True)
class EventRow:
    """One row of the flat event table: a merged event (``unit="event"``) or one report of it
    (``unit="mention"``), with the evidence of its representative report.

    Offsets (``sentence_start``, ``trigger_*``, ``*_span``) index the article's text, as in the
    coded ``Event``; ``sentence`` starts at ``sentence_start``.
    """

    key: str
    event_id: str | None
    mention_id: str
    date: Date
    source_country: str | None
    source_sector: str | None
    source_code: str | None
    source_name: str | None
    target_country: str | None
    target_sector: str | None
    target_code: str | None
    target_name: str | None
    cameo_code: str
    cameo_name: str
    cameo_root: str
    quad_class: int
    goldstein: float
    plover_type: str
    plover_mode: str | None
    plover_contexts: tuple[str, ...]
    modality: str
    n_mentions: int
    n_articles: int
    n_sources: int
    article_id: str
    outlet: str | None
    title: str | None
    url: str | None
    sentence: str
    sentence_start: int
    trigger_text: str
    trigger_start: int
    trigger_end: int
    source_span: tuple[int, int] | None = None
    target_span: tuple[int, int] | None = None
    article_ids: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["date"] = self.date.isoformat()
        for name in ("plover_contexts", "article_ids", "outlets", "source_span", "target_span"):
            value = out[name]
            out[name] = list(value) if value is not None else None
        return out


# -- the seam: the store as one flat table -------------------------------------------------------

_SPAN_JOINS = """
    LEFT JOIN actors s
           ON s.article_id = m.article_id AND s.mention_idx = m.idx AND s.role = 'source'
    LEFT JOIN actors t
           ON t.article_id = m.article_id AND t.mention_idx = m.idx AND t.role = 'target'
"""

_EVIDENCE_COLUMNS = """
    m.article_id, a.source AS outlet, a.title, a.url,
    m.evidence_sentence, m.sentence_start, m.trigger_text, m.trigger_start, m.trigger_end,
    s.start_char AS s_start, s.end_char AS s_end, t.start_char AS t_start, t.end_char AS t_end
"""

# What was coded: columns of the same name in ``mentions`` and ``events`` (table alias ``{t}``).
# Both SELECTs of ``_EVENT_SQL`` list them, and UNION ALL pairs columns by position.
_CODED_COLUMNS = """
    {t}.source_country, {t}.source_sector, {t}.source_code, {t}.source_name,
    {t}.target_country, {t}.target_sector, {t}.target_code, {t}.target_name,
    {t}.cameo_code, {t}.cameo_name, {t}.cameo_root, {t}.quad_class, {t}.goldstein,
    {t}.plover_type, {t}.plover_mode, {t}.plover_context, {t}.modality
"""

# One row per report (mention); its merged event id, when it has one, in ``event_id``.
_MENTION_ROWS = f"""
    SELECT m.article_id || '#' || m.idx AS key, m.event_id, m.id AS mention_id,
           coalesce(m.merge_date, m.event_date, a.date) AS day, {_CODED_COLUMNS.format(t="m")},
           1 AS n_mentions, 1 AS n_articles, 1 AS n_sources, {_EVIDENCE_COLUMNS},
           [m.article_id] AS article_ids, [coalesce(a.source, '#' || a.id)] AS outlets
    FROM mentions m JOIN articles a ON a.id = m.article_id
    {_SPAN_JOINS}
    WHERE list_contains(?, m.modality)
"""

# One row per merged event, evidence from its representative (root) mention; then reports that
# belong to no merged event (non-asserted ones that matched nothing) as rows of their own.
_EVENT_SQL = f"""
WITH reports AS (
    SELECT m.event_id, list(DISTINCT m.article_id) AS article_ids,
           list(DISTINCT coalesce(a.source, '#' || a.id)) AS outlets
    FROM mentions m JOIN articles a ON a.id = m.article_id
    WHERE m.event_id IS NOT NULL
    GROUP BY m.event_id
),
flat AS (
    SELECT e.event_id AS key, e.event_id, m.id AS mention_id,
           coalesce(e.first_date, m.event_date, a.date) AS day, {_CODED_COLUMNS.format(t="e")},
           e.n_mentions, e.n_articles, e.n_sources, {_EVIDENCE_COLUMNS},
           r.article_ids, r.outlets
    FROM events e
    JOIN mentions m ON m.article_id = e.root_article_id AND m.idx = e.root_idx
    JOIN articles a ON a.id = m.article_id
    {_SPAN_JOINS}
    LEFT JOIN reports r ON r.event_id = e.event_id
    WHERE list_contains(?, e.modality)
    UNION ALL
    {_MENTION_ROWS} AND m.event_id IS NULL
)
"""

_MENTION_SQL = f"WITH flat AS ({_MENTION_ROWS})"

_FILTER_SQL = """
SELECT * FROM flat
WHERE day IS NOT NULL
  AND (CAST(? AS DATE) IS NULL OR day >= ?)
  AND (CAST(? AS DATE) IS NULL OR day <= ?)
  AND (CAST(? AS VARCHAR[]) IS NULL
       OR (list_contains(?, coalesce(source_country, source_code))
           AND list_contains(?, coalesce(target_country, target_code))))
  AND (? OR (coalesce(source_code, '') <> '---' AND coalesce(target_code, '') <> '---'))
ORDER BY day, key
"""


def load_events(
    con: duckdb.DuckDBPyConnection,
    *,
    since: Date | None = None,
    until: Date | None = None,
    countries: Collection[str] | None = None,
    all_modalities: bool = False,
    unit: Unit = "event",
    include_unknown: bool = False,
) -> list[EventRow]:
    """The store's events as a flat table, by date.

    ``unit="event"`` (the default) gives one row per merged real-world event, so a meeting
    reported by ten outlets counts once (its ``n_mentions``/``n_sources`` say how often it was
    reported); ``unit="mention"`` gives one row per report. Only asserted events unless
    ``all_modalities``. ``countries`` keeps rows whose source and target country are both in it
    (``---`` standing for an unknown actor). Events of an unknown actor (``---``: "civilians were
    killed") are left out unless ``include_unknown``. Rows without any date are left out: they
    cannot be placed in a period.
    """
    from dyadwatch.records import MODALITIES

    modalities = list(MODALITIES) if all_modalities else ["asserted"]
    head = _EVENT_SQL if unit == "event" else _MENTION_SQL
    wanted = sorted(countries) if countries is not None else None
    params: list[Any] = [modalities] * (2 if unit == "event" else 1)
    params += [since, since, until, until, wanted, wanted, wanted, include_unknown]
    import duckdb

    try:
        cursor = con.execute(head + _FILTER_SQL, params)
        names = [d[0] for d in cursor.description or []]
        return [_row(dict(zip(names, values, strict=True))) for values in cursor.fetchall()]
    except duckdb.Error as exc:
        raise StoreError(f"cannot read events from the store: {exc}") from exc


def corpus_bounds(con: duckdb.DuckDBPyConnection) -> tuple[Date | None, Date | None]:
    """First and last publication date in the store: the time the corpus covers."""
    import duckdb

    try:
        row = con.execute("SELECT min(date), max(date) FROM articles").fetchone()
    except duckdb.Error as exc:
        raise StoreError(f"cannot read the store: {exc}") from exc
    return (row[0], row[1]) if row is not None else (None, None)


def _span(start: int | None, end: int | None) -> tuple[int, int] | None:
    return (int(start), int(end)) if start is not None and end is not None else None


def _row(r: dict[str, Any]) -> EventRow:
    """An ``EventRow`` from a result row (the SQL names its columns after the fields)."""
    r["date"] = r.pop("day")
    r["sentence"] = r.pop("evidence_sentence")
    r["plover_contexts"] = tuple(r.pop("plover_context") or ())
    r["source_span"] = _span(r.pop("s_start"), r.pop("s_end"))
    r["target_span"] = _span(r.pop("t_start"), r.pop("t_end"))
    r["article_ids"] = tuple(sorted(r["article_ids"] or ()))
    r["outlets"] = tuple(sorted(r["outlets"] or ()))
    return EventRow(**r)


@contextmanager
def open_connection(db: Any) -> Iterator[duckdb.DuckDBPyConnection]:
    """A DuckDB connection from a path (opened read-only through the store's lock protocol and
    closed afterwards), an open ``Store``, or a connection (used as is)."""
    import duckdb

    from dyadwatch.store.store import Store

    if isinstance(db, duckdb.DuckDBPyConnection):
        yield db
    elif isinstance(db, Store):
        yield db.connection
    elif db is None or isinstance(db, str | Path):
        with Store.open(db, read_only=True) as store:
            yield store.connection
    else:
        raise InvalidArgument("db", f"not a database path, store or DuckDB connection: {db!r}")


# -- actors, contexts, periods ------------------------------------------------------------------

_CODE = re.compile(r"^[A-Z]{3}(?:[A-Z0-9]{3})*$")
_IGO = re.compile(r"^(?:IGO|NGO)[A-Z0-9]{2,12}$")


@dataclass(frozen=True)
class ActorSpec:
    """An actor of a dyad: a country (``DZA``), a country and sector (``USAMIL``) or an
    international organisation by its CAMEO code (``IGOUNO``; it covers the organisation's
    bodies and missions, whose codes extend it: ``IGOUNOHCR``; its acronym works too:
    ``ECOWAS``), or ``---`` / ``UNKNOWN`` for an actor the text does not name."""

    code: str
    country: str
    sector: str | None

    @classmethod
    def parse(cls, text: str) -> ActorSpec:
        code = canonical_actor(text)
        if code in (UNKNOWN_CODE, "UNKNOWN"):  # unnamed doers ("civilians were killed"); the
            return cls(UNKNOWN_CODE, UNKNOWN_CODE, None)  # word spares a '--' on the command line
        ActorCode.parse(code, "actor")  # a code of no known country or organisation is refused
        if _IGO.match(code):
            return cls(code, code, None)
        if not _CODE.match(code):
            raise InvalidArgument(
                "actor",
                f"{text!r} is not a CAMEO actor code: a country (DZA), country and sector "
                "(USAMIL), an international organisation (IGOUNO) or --- / UNKNOWN (an unnamed "
                "actor)",
            )
        return cls(code, code[:3], code[3:6] if len(code) >= 6 else None)

    @property
    def is_igo(self) -> bool:
        return _IGO.match(self.code) is not None

    def covered(self) -> set[str]:
        """The actor countries this spec matches: its country, or an IGO with its bodies."""
        if not self.is_igo:
            return {self.country}
        from dyadwatch.knowledge.base import load_knowledge

        return {self.country} | {c for c in load_knowledge().igos if c.startswith(self.country)}

    def matches(self, country: str | None, sector: str | None, code: str | None) -> bool:
        if self.code == UNKNOWN_CODE:
            return code == UNKNOWN_CODE
        if self.is_igo:
            return country is not None and country.startswith(self.country)
        if country != self.country:
            return False
        if self.sector is None:
            return True
        if len(self.code) > 6:  # a longer code (country, sector, subsector) must match exactly
            return code == self.code
        return sector == self.sector or code == self.code


def igo_root(code: str | None) -> str | None:
    """The organisation an IGO body or mission belongs to ("IGOUNOHCR" -> "IGOUNO"), so that a
    dyad counts the UN's agencies as the UN; any other code is returned unchanged."""
    if code is None or _IGO.match(code) is None:
        return code
    from dyadwatch.knowledge.base import load_knowledge

    igos = load_knowledge().igos
    while code in igos and igos[code].parent:
        code = igos[code].parent or code
    return code


def validate_contexts(contexts: Iterable[str] | str | None) -> tuple[str, ...]:
    """Context names, checked against the ontology (``InvalidArgument`` names the unknown one)."""
    names = (contexts,) if isinstance(contexts, str) else tuple(contexts or ())
    if not names:
        return ()
    from dyadwatch.knowledge.ontology import load_ontology

    known = load_ontology().plover_contexts()
    for name in names:
        if name not in known:
            raise InvalidArgument(
                "context", f"unknown PLOVER context {name!r}; one of " + ", ".join(known)
            )
    return names


def with_context(rows: Iterable[EventRow], contexts: Sequence[str]) -> list[EventRow]:
    """Rows that carry any of ``contexts`` (all rows when there are none)."""
    if not contexts:
        return list(rows)
    wanted = set(contexts)
    return [r for r in rows if wanted.intersection(r.plover_contexts)]


def check_range(since: Date | None, until: Date | None) -> None:
    """An inverted date range is a mistake, not a question with an empty answer."""
    if since is not None and until is not None and since > until:
        from dyadwatch.errors import InvalidArgument

        raise InvalidArgument("until", f"the range ends ({until}) before it starts ({since})")


def check_period(by: str) -> Period:
    if by not in PERIODS:
        raise InvalidArgument("by", f"period {by!r} is not day, week or month")
    return by  # type: ignore[return-value]


def period_start(day: Date, by: str) -> Date:
    """The first day of the period holding ``day`` (weeks are ISO weeks, from Monday)."""
    if by == "day":
        return day
    if by == "week":
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


def next_period(start: Date, by: str) -> Date:
    if by == "day":
        return start + timedelta(days=1)
    if by == "week":
        return start + timedelta(days=7)
    return Date(start.year + start.month // 12, start.month % 12 + 1, 1)


def period_end(start: Date, by: str) -> Date:
    """The last day of the period that starts on ``start`` (9999-12-31 for the calendar's last
    period, which has no next one)."""
    try:
        return next_period(start, by) - timedelta(days=1)
    except (OverflowError, ValueError):
        return Date.max


def period_label(start: Date, by: str) -> str:
    if by == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if by == "month":
        return start.strftime("%Y-%m")
    return start.isoformat()


def period_range(first: Date, last: Date, by: str) -> list[Date]:
    """Start dates of every period from the one holding ``first`` to the one holding ``last``,
    empty ones included: a quiet period is data, not a gap."""
    out: list[Date] = []
    current, end = period_start(first, by), period_start(last, by)
    while current <= end:
        out.append(current)
        if current == end:
            break  # the last period may be the calendar's last: there is no next one
        current = next_period(current, by)
    return out


# -- series -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PeriodRow:
    """Events of one direction of a dyad in one period."""

    period: str
    start: Date
    end: Date
    direction: Direction
    events: int
    quad1: int
    quad2: int
    quad3: int
    quad4: int
    goldstein_total: float
    goldstein_mean: float | None
    plover_score_total: float
    plover_counts: tuple[tuple[str, int], ...]
    mentions: int
    articles: int
    sources: int

    @property
    def cooperation(self) -> int:
        return self.quad1 + self.quad2

    @property
    def conflict(self) -> int:
        return self.quad3 + self.quad4


@dataclass(frozen=True)
class DyadSeries:
    """A dyad's per-period table: for each period, rows for A->B, B->A and both directions."""

    a: str
    b: str
    by: Period
    since: Date | None
    until: Date | None
    contexts: tuple[str, ...]
    rows: tuple[PeriodRow, ...]
    events: tuple[EventRow, ...]
    """The dyad's events (either direction) behind the rows, by date."""
    plover_types: tuple[str, ...] = ()

    def label(self, direction: Direction) -> str:
        return {"ab": f"{self.a}->{self.b}", "ba": f"{self.b}->{self.a}"}.get(
            direction, f"{self.a}<->{self.b}"
        )

    def direction(self, direction: Direction) -> tuple[PeriodRow, ...]:
        return tuple(r for r in self.rows if r.direction == direction)

    def to_records(self) -> list[dict[str, Any]]:
        """Flat dicts, one per row, with one ``plover_<TYPE>`` column for every PLOVER type."""
        out = []
        for r in self.rows:
            fields = asdict(r)
            counts = dict(fields.pop("plover_counts"))
            fields.update(start=r.start.isoformat(), end=r.end.isoformat())
            record: dict[str, Any] = {}
            for name, value in fields.items():
                record[name] = round(value, 3) if isinstance(value, float) else value
                if name == "direction":
                    record["dyad"] = self.label(r.direction)
                elif name == "quad4":
                    record.update(cooperation=r.cooperation, conflict=r.conflict)
            record.update({f"plover_{t}": counts.get(t, 0) for t in self.plover_types})
            out.append(record)
        return out

    def to_pandas(self) -> Any:
        """The records as a ``pandas.DataFrame`` (needs pandas)."""
        try:
            import pandas as pd
        except ImportError as exc:
            raise MissingExtra("to_pandas", "pandas", "pandas") from exc
        return pd.DataFrame(self.to_records())


def plover_scores() -> dict[str, float]:
    """PLOVER type -> its conflict/cooperation score, from the ontology."""
    from dyadwatch.knowledge.ontology import load_ontology

    return {t.name: t.score for t in load_ontology().plover_types()}


def direction_of(row: EventRow, a: ActorSpec, b: ActorSpec) -> Direction | None:
    """``"ab"`` when A acts on B, ``"ba"`` when B acts on A, else ``None`` (not this dyad)."""
    if a.matches(row.source_country, row.source_sector, row.source_code) and b.matches(
        row.target_country, row.target_sector, row.target_code
    ):
        return "ab"
    if b.matches(row.source_country, row.source_sector, row.source_code) and a.matches(
        row.target_country, row.target_sector, row.target_code
    ):
        return "ba"
    return None


def summarize(
    rows: Sequence[EventRow], scores: dict[str, float]
) -> tuple[int, list[int], float, float, Counter[str], int, int, int]:
    """Counts of a group of rows: events, per QuadClass, Goldstein and PLOVER score totals,
    PLOVER types, mentions, distinct articles, distinct sources."""
    quads = [0, 0, 0, 0]
    for r in rows:
        if 1 <= r.quad_class <= 4:
            quads[r.quad_class - 1] += 1
    types = Counter(r.plover_type for r in rows)
    articles = {a for r in rows for a in (r.article_ids or (r.article_id,))}
    sources = {s for r in rows for s in (r.outlets or (r.outlet or "#" + r.article_id,))}
    return (
        len(rows),
        quads,
        sum((r.goldstein for r in rows), 0.0),
        # A type the ontology does not know scores 0 rather than failing the whole series.
        sum((scores.get(r.plover_type, 0.0) for r in rows), 0.0),
        types,
        sum(r.n_mentions for r in rows),
        len(articles),
        len(sources),
    )


def build_series(
    rows: Iterable[EventRow],
    a: str,
    b: str,
    *,
    by: str = "month",
    since: Date | None = None,
    until: Date | None = None,
    context: Iterable[str] | str | None = None,
    scores: dict[str, float] | None = None,
) -> DyadSeries:
    """The per-period table of dyad A-B from a flat event table (pure: no database)."""
    period = check_period(by)
    spec_a, spec_b = ActorSpec.parse(a), ActorSpec.parse(b)
    if spec_a.code == spec_b.code:
        raise InvalidArgument("b", f"the two actors of dyad {a} {b} must differ")
    contexts = validate_contexts(context)
    scores = plover_scores() if scores is None else scores
    picked: list[tuple[Direction, EventRow]] = []
    for row in with_context(rows, contexts):
        if (since is not None and row.date < since) or (until is not None and row.date > until):
            continue
        direction = direction_of(row, spec_a, spec_b)
        if direction is not None:
            picked.append((direction, row))
    picked.sort(key=lambda x: (x[1].date, x[1].key))
    events = tuple(r for _, r in picked)
    first = since or (events[0].date if events else None)
    last = until or (events[-1].date if events else None)
    starts = period_range(first, last, period) if first and last and first <= last else []
    buckets: dict[tuple[Date, Direction], list[EventRow]] = {}
    for direction, row in picked:
        buckets.setdefault((period_start(row.date, period), direction), []).append(row)
    out: list[PeriodRow] = []
    for start in starts:
        end = period_end(start, period)
        ab, ba = buckets.get((start, "ab"), []), buckets.get((start, "ba"), [])
        groups: list[tuple[Direction, list[EventRow]]] = [("ab", ab), ("ba", ba), ("both", ab + ba)]
        for direction, group in groups:
            out.append(
                _period_row(period_label(start, period), start, end, direction, group, scores)
            )
    known = list(scores)
    extra = sorted({r.plover_type for r in events} - set(known))
    return DyadSeries(
        a=spec_a.code,
        b=spec_b.code,
        by=period,
        since=since,
        until=until,
        contexts=contexts,
        rows=tuple(out),
        events=events,
        plover_types=tuple(known + extra),
    )


def _period_row(
    label: str,
    start: Date,
    end: Date,
    direction: Direction,
    rows: Sequence[EventRow],
    scores: dict[str, float],
) -> PeriodRow:
    n, quads, gold, score, types, mentions, articles, sources = summarize(rows, scores)
    return PeriodRow(
        period=label,
        start=start,
        end=end,
        direction=direction,
        events=n,
        quad1=quads[0],
        quad2=quads[1],
        quad3=quads[2],
        quad4=quads[3],
        goldstein_total=gold,
        goldstein_mean=gold / n if n else None,
        plover_score_total=score,
        plover_counts=tuple(sorted(types.items())),
        mentions=mentions,
        articles=articles,
        sources=sources,
    )


def dyad_series(
    db: Any,
    a: str,
    b: str,
    *,
    by: str = "month",
    since: Date | None = None,
    until: Date | None = None,
    context: Iterable[str] | str | None = None,
    all_modalities: bool = False,
    unit: Unit = "event",
    include_unknown: bool = False,
) -> DyadSeries:
    """The per-period table of dyad A-B from a store.

    ``db`` is a database path (``None``: the ``db`` setting), an open ``Store`` or a DuckDB
    connection. ``a`` and ``b`` are countries (``DZA``), country+sector codes (``USAMIL``),
    IGO codes (``IGOUNO``), or ``---`` for the unknown actor, which needs ``include_unknown``.
    """
    check_period(by)
    spec_a, spec_b = ActorSpec.parse(a), ActorSpec.parse(b)
    validate_contexts(context)
    check_range(since, until)
    with open_connection(db) as con:
        rows = load_events(
            con,
            since=since,
            until=until,
            countries=spec_a.covered() | spec_b.covered(),
            all_modalities=all_modalities,
            unit=unit,
            include_unknown=include_unknown,
        )
    return build_series(rows, a, b, by=by, since=since, until=until, context=context)
