"""One query over the store's events, shared by the CLI, exports, the Python API and the HTTP API.

>>> q = EventQuery(dyad=("ECOWAS", "MLI"), start=date(2024, 1, 1), min_sources=2)
>>> q.to_dict()["dyad"]
['ECOWAS', 'MLI']

An ``EventQuery`` declares every filter once, as a frozen value that checks itself when built:
a malformed, unknown or impossible parameter raises ``InvalidArgument`` naming it, so no caller
gets a silently empty answer for a typo. ``EventQuery.from_params`` reads the same filters from
strings (query-string or command-line values). ``where_sql`` turns a query into one
parameterised SQL condition over the flat row set of ``flat_sql``; running it (pages, cursors,
evidence) lives in ``dyadwatch.query_run``. ``docs/api.md`` documents every filter.

Rows are merged events (one per real-world event, see ``docs/store.md``). A query whose
``modality`` names a modality other than ``asserted`` also returns the reports of that modality
that belong to no merged event, each as a row of its own (``event_id`` null, ``key``
``ARTICLE#IDX``): such reports never found an asserted event to join.
"""

from __future__ import annotations

import functools
import math
import re
import sys
import types
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime
from typing import Any

from dyadwatch.errors import InvalidArgument
from dyadwatch.knowledge.base import SECTORS, load_knowledge
from dyadwatch.knowledge.ontology import load_ontology
from dyadwatch.records import MODALITIES

UNKNOWN_ACTOR = "---"
"""The actor code that matches an actor of no known country or organisation (or none at all)."""

QUAD_CLASSES = (1, 2, 3, 4)
MAX_TEXT = 200
"""Longest text search accepted (characters)."""
MAX_VALUES = 50
"""Most values one list filter accepts (a query string is no place for a bulk look-up)."""

_CODE_TEXT = re.compile(r"^[A-Z0-9]{2,12}$")
_CAMEO = re.compile(r"^[0-9]{2,4}$")
_LANG = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{2,8})?$")
_ADMIN1 = re.compile(r"^[A-Za-z0-9]{1,8}$")


# -- actor codes --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActorCode:
    """An actor code at any granularity: a country (``MLI``), an international organisation
    (``ECOWAS``, ``OSCE``, ``G5S``), either followed by sectors (``USAMIL``, ``ECOWASMIL``), a
    sector alone (``MIL``: an actor of that sector and no known country), or ``---`` (an actor of
    no known country or organisation, or no actor at all).

    A code matches an actor whose country (or organisation) is ``entity`` and whose CAMEO actor
    code starts with ``code``: ``USA`` matches ``USAMIL`` and ``USAGOV``; ``USAMIL`` matches
    ``USAMIL`` and ``USAMILGOV``.
    """

    code: str
    entity: str | None
    sectors: tuple[str, ...] = ()

    @classmethod
    def parse(cls, text: str, parameter: str = "actor") -> ActorCode:
        raw = canonical_actor(text)
        if raw == UNKNOWN_ACTOR:
            return cls(UNKNOWN_ACTOR, None)
        if not _CODE_TEXT.match(raw):
            raise InvalidArgument(
                parameter,
                f"{text!r} is not an actor code (a country such as MLI, an organisation such as"
                " ECOWAS, optionally followed by sectors such as MIL, or --- for unknown)",
            )
        entities = _vocabulary().entities
        # The longest known country or organisation the code starts with ("UNSC" before "UNO").
        entity = next(
            (raw[:n] for n in range(len(raw), 2, -1) if raw[:n] in entities),
            None,
        )
        rest = raw[len(entity) :] if entity is not None else raw
        if len(rest) % 3:
            raise InvalidArgument(parameter, _unknown_code(raw, entity))
        sectors = tuple(rest[i : i + 3] for i in range(0, len(rest), 3))
        unknown = [s for s in sectors if s not in SECTORS]
        if unknown or (entity is None and not sectors):
            raise InvalidArgument(parameter, _unknown_code(raw, entity))
        return cls(raw, entity, sectors)

    def sql(self, role: str) -> tuple[str, list[Any]]:
        """A condition on the flat rows' ``{role}_country``/``{role}_code`` columns."""
        if self.code == UNKNOWN_ACTOR:
            return f"{role}_country IS NULL", []
        if self.entity is None:
            return f"({role}_country IS NULL AND starts_with({role}_code, ?))", [self.code]
        # an organisation covers its bodies and missions, whose codes extend its own
        same = f"starts_with({role}_country, ?)" if self.organisation else f"{role}_country = ?"
        if not self.sectors:
            return same, [self.entity]
        return f"({same} AND starts_with({role}_code, ?))", [self.entity, self.code]

    def matches(self, country: str | None, code: str | None) -> bool:
        """The same test in Python (for rows already loaded)."""
        if self.code == UNKNOWN_ACTOR:
            return country is None
        if self.organisation:
            if country is None or self.entity is None or not country.startswith(self.entity):
                return False
        elif country != self.entity:
            return False
        return not self.sectors or (code or "").startswith(self.code)

    @property
    def organisation(self) -> bool:
        return self.entity is not None and self.entity[:3] in ("IGO", "NGO")


def _unknown_code(raw: str, entity: str | None) -> str:
    head = f"{entity} followed by " if entity else ""
    return (
        f"unknown actor code {raw!r}: not a known country or organisation code"
        f" ({head}sectors must be from {', '.join(SECTORS)})"
    )


# -- the query ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Near:
    """A point and a radius: events whose place lies within ``km`` of (``lat``, ``lon``)."""

    lat: float
    lon: float
    km: float


@dataclass(frozen=True)
class EventQuery:
    """Filters over the store's events; every field narrows the answer (empty: no filter).

    List fields (tuples) match any of their values. Building one checks and normalises every
    field (codes upper-cased, values de-duplicated and sorted), so two equal queries compare
    and hash equal. ``start``/``end`` bound the event's first date, inclusive.
    """

    source: tuple[str, ...] = ()
    """Actor codes of the source (any granularity, see ``ActorCode``)."""
    target: tuple[str, ...] = ()
    dyad: tuple[str, str] | None = None
    """Two actor codes: events between them, in either direction."""
    cameo: tuple[str, ...] = ()
    """CAMEO event codes or prefixes: ``19`` is the root and all below it, ``190`` one code."""
    quad_class: tuple[int, ...] = ()
    plover_type: tuple[str, ...] = ()
    plover_mode: tuple[str, ...] = ()
    plover_context: tuple[str, ...] = ()
    modality: tuple[str, ...] = ("asserted",)
    min_confidence: float | None = None
    min_sources: int = 1
    min_mentions: int = 1
    start: date | None = None
    end: date | None = None
    place_country: tuple[str, ...] = ()
    place_admin1: tuple[str, ...] = ()
    """Admin1 codes as stored (GeoNames admin1, e.g. ``11`` for Ile-de-France in ``FRA``)."""
    near: Near | None = None
    language: tuple[str, ...] = ()
    """Language of a report's article (any report of the event)."""
    outlet: tuple[str, ...] = ()
    """Outlet (``articles.source``) of any report of the event, exact and case-sensitive."""
    text: str | None = None
    """Words any report's evidence sentence contains (case-insensitive, SQL ILIKE)."""
    added_since: datetime | None = None
    """Only events first stored after this time (UTC, naive)."""

    actors: dict[str, tuple[ActorCode, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

    def __post_init__(self) -> None:
        _normalise(self)

    # -- building from strings ------------------------------------------------------------------

    @classmethod
    def from_params(cls, params: Mapping[str, str | Sequence[str] | None]) -> EventQuery:
        """A query from string values (a query string, command-line options): lists may repeat
        a parameter or separate values with commas; dates are ``YYYY-MM-DD``; ``near`` is
        ``LAT,LON,KM``. Unknown parameter names are refused."""
        known = {f.name for f in fields(cls) if f.init}
        kwargs: dict[str, Any] = {}
        for name, value in params.items():
            if value is None or value == () or value == []:
                continue
            if name not in known:
                raise InvalidArgument(name, "unknown filter; one of " + ", ".join(sorted(known)))
            values = _split(value)
            kwargs[name] = _convert(name, values)
        return cls(**kwargs)

    def replace(self, **changes: Any) -> EventQuery:
        current = {f.name: getattr(self, f.name) for f in fields(self) if f.init}
        return EventQuery(**{**current, **changes})

    def to_dict(self) -> dict[str, Any]:
        """The query as understood: every field, JSON-ready (dates ISO, tuples as lists)."""
        out: dict[str, Any] = {}
        for f in fields(self):
            if not f.init:
                continue
            value = getattr(self, f.name)
            if isinstance(value, date | datetime):
                value = value.isoformat()
            elif isinstance(value, Near):
                value = asdict(value)
            elif isinstance(value, tuple):
                value = list(value)
            out[f.name] = value
        return out

    def is_asserted_only(self) -> bool:
        return self.modality == ("asserted",)


def _split(value: str | Sequence[str]) -> list[str]:
    items = [value] if isinstance(value, str) else list(value)
    return [part.strip() for item in items for part in str(item).split(",") if part.strip()]


def _convert(name: str, values: list[str]) -> Any:
    """One parameter's string values as the field's type (``InvalidArgument`` when they do not
    parse)."""
    if not values:
        return None
    if name in ("start", "end"):
        return _one(name, values, _parse_date)
    if name == "added_since":
        return _one(name, values, _parse_datetime)
    if name in ("min_sources", "min_mentions"):
        return _one(name, values, int)
    if name == "min_confidence":
        return _one(name, values, float)
    if name == "quad_class":
        return tuple(_one(name, [v], int) for v in values)
    if name == "near":
        if len(values) != 3:
            raise InvalidArgument(name, "expected LAT,LON,KM")
        lat, lon, km = (_one(name, [v], float) for v in values)
        return Near(lat, lon, km)
    if name == "dyad":
        if len(values) != 2:
            raise InvalidArgument(name, "expected two actor codes, A,B")
        return (values[0], values[1])
    if name == "text":
        return ",".join(values)
    return tuple(values)


def _one(name: str, values: list[str], parse: Any) -> Any:
    if len(values) != 1:
        raise InvalidArgument(name, f"expected one value, not {len(values)}")
    try:
        return parse(values[0])
    except (ValueError, OverflowError):
        raise InvalidArgument(name, f"cannot read {values[0]!r}") from None


def _parse_date(text: str) -> date:
    return date.fromisoformat(text) if len(text) == 10 else _bad(text)


def _parse_datetime(text: str) -> datetime:
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if value.tzinfo is not None:
        from datetime import UTC

        value = value.astimezone(UTC).replace(tzinfo=None)
    return value


def _bad(text: str) -> Any:
    raise ValueError(text)


# -- validation ---------------------------------------------------------------------------------


def _set(q: EventQuery, name: str, value: Any) -> None:
    object.__setattr__(q, name, value)


def _strings(q: EventQuery, name: str, *, upper: bool = False) -> tuple[str, ...]:
    value = getattr(q, name)
    if isinstance(value, str):
        value = (value,)
    try:
        items = tuple(value)
    except TypeError:
        raise InvalidArgument(name, f"expected a list of strings, not {value!r}") from None
    if len(items) > MAX_VALUES:
        raise InvalidArgument(name, f"at most {MAX_VALUES} values")
    out = []
    for item in items:
        if not isinstance(item, str) or not item.strip():
            raise InvalidArgument(name, f"expected non-empty strings, not {item!r}")
        out.append(item.strip().upper() if upper else item.strip())
    return tuple(sorted(set(out)))


@dataclass(frozen=True)
class _Vocabulary:
    """The values filters are checked against, from the packaged ontology and knowledge."""

    cameo_prefixes: frozenset[str]
    plover_types: frozenset[str]
    plover_modes: frozenset[str]
    plover_contexts: frozenset[str]
    modalities: frozenset[str]
    countries: frozenset[str]
    entities: frozenset[str]
    aliases: dict[str, str]
    """An organisation's acronym or name (``ECOWAS``, ``OSCE``, ``G5S``, ``UN``), upper-cased
    without spaces, to its CAMEO code (``IGOWAS``, ``IGOSCE``, ``IGOG5S``, ``IGOUNO``)."""


@functools.cache
def _vocabulary() -> _Vocabulary:
    onto, kb = load_ontology(), load_knowledge()
    codes = [c.code for c in onto.cameo_codes()]
    return _Vocabulary(
        cameo_prefixes=frozenset(c[:n] for c in codes for n in range(2, len(c) + 1)),
        plover_types=frozenset(t.name for t in onto.plover_types()),
        plover_modes=frozenset(m for t in onto.plover_types() for m in t.modes),
        plover_contexts=frozenset(onto.plover_contexts()),
        modalities=frozenset(MODALITIES),
        countries=frozenset(kb.countries),
        entities=frozenset(kb.countries) | frozenset(kb.igos),
        aliases=_organisation_aliases(kb.igos),
    )


def _organisation_aliases(igos: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    for code, igo in igos.items():
        for form in (code[3:], igo.name, *igo.aliases):  # "WAS" too: GDELT's known-group code
            key = "".join(form.upper().split())
            if key and _CODE_TEXT.match(key):
                out.setdefault(key, code)
    return out


def canonical_actor(text: str) -> str:
    """An actor code as stored: organisation names and acronyms become their CAMEO code
    (``ECOWAS`` -> ``IGOWAS``, ``ECOWASMIL`` -> ``IGOWASMIL``), ``UNKNOWN`` becomes ``---``;
    anything else is returned upper-cased."""
    raw = text.strip().upper()
    if raw == "UNKNOWN":
        return UNKNOWN_ACTOR
    vocab = _vocabulary()
    if raw in vocab.entities:
        return raw
    for cut in range(len(raw), 1, -1):  # the longest name first, then sectors after it
        code = vocab.aliases.get(raw[:cut])
        if code is not None:
            return code + raw[cut:]
    return raw


def _normalise(q: EventQuery) -> None:
    vocab = _vocabulary()
    actors: dict[str, tuple[ActorCode, ...]] = {}
    for role in ("source", "target"):
        codes = _strings(q, role, upper=True)
        _set(q, role, codes)
        actors[role] = tuple(ActorCode.parse(c, role) for c in codes)
    if q.dyad is not None:
        pair = tuple(q.dyad)
        if len(pair) != 2 or not all(isinstance(c, str) for c in pair):
            raise InvalidArgument("dyad", "expected two actor codes")
        a, b = (ActorCode.parse(c, "dyad") for c in pair)
        if a.code == b.code:
            raise InvalidArgument("dyad", f"the two actors must differ (both {a.code})")
        _set(q, "dyad", (a.code, b.code))
        actors["dyad"] = (a, b)
    cameo = _strings(q, "cameo")
    for code in cameo:
        if not _CAMEO.match(code) or code not in vocab.cameo_prefixes:
            raise InvalidArgument("cameo", f"unknown CAMEO event code or prefix {code!r}")
    _set(q, "cameo", cameo)
    quads = tuple(sorted(set(q.quad_class)))
    if any(isinstance(v, bool) or v not in QUAD_CLASSES for v in quads):
        raise InvalidArgument("quad_class", f"QuadClass is 1, 2, 3 or 4, not {list(quads)}")
    _set(q, "quad_class", quads)
    checks: list[tuple[str, Any, bool]] = [
        ("plover_type", vocab.plover_types, True),
        ("plover_mode", vocab.plover_modes, False),
        ("plover_context", vocab.plover_contexts, False),
        ("modality", vocab.modalities, False),
    ]
    for name, known, upper in checks:
        values = _strings(q, name, upper=upper)
        for v in values:
            if v not in known:
                raise InvalidArgument(
                    name, f"unknown value {v!r}; one of {', '.join(sorted(known))}"
                )
        _set(q, name, values)
    if not q.modality:
        raise InvalidArgument("modality", "name at least one modality")
    _check_numbers(q)
    if q.start is not None and q.end is not None and q.start > q.end:
        raise InvalidArgument("end", f"the range ends ({q.end}) before it starts ({q.start})")
    countries = _strings(q, "place_country", upper=True)

    known_countries = vocab.countries
    for c in countries:
        if c not in known_countries:
            raise InvalidArgument("place_country", f"unknown ISO alpha-3 country code {c!r}")
    _set(q, "place_country", countries)
    admin1 = _strings(q, "place_admin1")
    if any(not _ADMIN1.match(a) for a in admin1):
        raise InvalidArgument("place_admin1", "admin1 codes are 1 to 8 letters or digits")
    _set(q, "place_admin1", admin1)
    languages = tuple(v.lower() for v in _strings(q, "language"))
    if any(not _LANG.match(v) for v in languages):
        raise InvalidArgument("language", "expected language codes such as en, fr, pt-br")
    _set(q, "language", languages)
    _set(q, "outlet", _strings(q, "outlet"))
    if q.text is not None:
        if not isinstance(q.text, str) or not q.text.strip():
            raise InvalidArgument("text", "expected words to search for")
        if len(q.text) > MAX_TEXT:
            raise InvalidArgument("text", f"at most {MAX_TEXT} characters")
        _set(q, "text", q.text.strip())
    object.__setattr__(q, "actors", actors)


def whole_number(name: str, text: str | None, default: int, lo: int, hi: int) -> int:
    """A query-string value as a whole number from ``lo`` to ``hi`` (``default`` when absent or
    blank); the API and the dashboard read their paging and count parameters with it."""
    text = text.strip() if text is not None else ""
    if not text:
        return default
    try:
        value = int(text)
    except ValueError:
        raise InvalidArgument(name, f"expected a whole number, not {text!r}") from None
    if not lo <= value <= hi:
        raise InvalidArgument(name, f"expected {lo} to {hi}, not {value}")
    return value


def _check_numbers(q: EventQuery) -> None:
    for name in ("min_sources", "min_mentions"):
        value = getattr(q, name)
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise InvalidArgument(name, f"expected a whole number >= 1, not {value!r}")
    if q.min_confidence is not None:
        value = q.min_confidence
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            raise InvalidArgument("min_confidence", f"expected a number from 0 to 1, not {value!r}")
    for name in ("start", "end"):
        value = getattr(q, name)
        if value is not None and (not isinstance(value, date) or isinstance(value, datetime)):
            raise InvalidArgument(name, f"expected a date, not {value!r}")
    if q.added_since is not None and not isinstance(q.added_since, datetime):
        raise InvalidArgument("added_since", f"expected a timestamp, not {q.added_since!r}")
    if q.near is not None:
        n = q.near
        if not isinstance(n, Near) or not all(
            isinstance(v, int | float) and math.isfinite(v) for v in (n.lat, n.lon, n.km)
        ):
            raise InvalidArgument("near", "expected LAT,LON,KM")
        if not (-90 <= n.lat <= 90 and -180 <= n.lon <= 180 and 0 < n.km <= 20_040):
            raise InvalidArgument("near", "latitude -90..90, longitude -180..180, 0 < km <= 20040")


# The SQL lives in ``query_sql``; these names stay importable from here.
from dyadwatch.query_sql import FLAT_COLUMNS, flat_sql, sort_day_sql, where_sql  # noqa: E402

__all__ = [
    "FLAT_COLUMNS",
    "UNKNOWN_ACTOR",
    "ActorCode",
    "EventQuery",
    "Near",
    "flat_sql",
    "sort_day_sql",
    "where_sql",
]


# -- ``dyadwatch.query(...)`` ---------------------------------------------------------------------


class _CallableModule(types.ModuleType):
    """Lets ``dyadwatch.query(...)`` run a query although ``dyadwatch.query`` is this module
    (importing a submodule sets the package attribute of its name, so a function of that name
    would be replaced by the module)."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from dyadwatch.store.connect import query_events

        return query_events(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
