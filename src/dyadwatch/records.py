"""The records dyadwatch produces: one frozen dataclass per record, with JSON round-trip.

This module is the schema. ``docs/schema.md`` documents it field by field; keep both in step.
Every character offset (``start``/``end``) indexes the article text (``Article.text``), so
``article.text[actor.start:actor.end] == actor.text`` holds for every actor and trigger.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field, replace
from datetime import date as Date
from typing import Any, Literal, Self, get_args

Modality = Literal["asserted", "hedged", "negated", "future", "hypothetical", "historical"]
MODALITIES: tuple[str, ...] = get_args(Modality)

ActorKind = Literal["state", "igo", "person", "organisation", "group", "unknown"]
UNKNOWN_CODE = "---"
"""CAMEO actor code of an actor the text does not name ("civilians were killed", "a bomb
exploded"): such an actor is never merged with a named one, nor counted in dyads unless asked."""
DatePrecision = Literal["day", "week", "month", "year", "unknown"]
PlaceRole = Literal["literal", "metonym", "demonym"]


def content_hash(text: str) -> str:
    """Stable identity of an article's text (sha256 hex of its UTF-8 bytes)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class _Record:
    """JSON round-trip shared by every record; nested records are rebuilt from their field types."""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in _field_names(type(self)):
            value = getattr(self, name)
            # most fields are plain: skip the isinstance checks (storing a mention dumps ~50)
            out[name] = value if type(value) in _PLAIN else _dump(value)
        return out

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        kwargs: dict[str, Any] = {}
        for f in dataclasses.fields(cls):  # type: ignore[arg-type]
            if f.name in data:
                kwargs[f.name] = _load(_NESTED.get((cls.__name__, f.name)), data[f.name])
        return cls(**kwargs)

    @classmethod
    def from_json(cls, text: str) -> Self:
        return cls.from_dict(json.loads(text))


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
_PLAIN = frozenset({str, int, float, bool, type(None)})


def _field_names(cls: type) -> tuple[str, ...]:
    # dataclasses.fields() rebuilds its tuple on every call: a third of storing a mention
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def _dump(value: Any) -> Any:
    if isinstance(value, _Record):
        return value.to_dict()
    if isinstance(value, Date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_dump(v) for v in value]
    return value


def _load(kind: Any, value: Any) -> Any:
    if value is None or kind is None:
        return tuple(value) if isinstance(value, list) else value
    if kind is Date:
        return Date.fromisoformat(value)
    if isinstance(kind, list):  # a tuple of records
        return tuple(kind[0].from_dict(v) for v in value)
    return kind.from_dict(value)


@dataclass(frozen=True)
class Article(_Record):
    """One input text and its metadata."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    date: Date | None = None
    language: str = "en"
    content_hash: str = ""
    warnings: tuple[str, ...] = ()
    """What reading the article left out (a date that is no date), to report, not to store."""

    def __post_init__(self) -> None:
        if not self.content_hash:
            object.__setattr__(self, "content_hash", content_hash(self.text))


@dataclass(frozen=True)
class Actor(_Record):
    """A mention of an actor, resolved to country and sector.

    ``country`` is an ISO 3166 alpha-3 code, or an IGO code such as ``IGONAT``/``IGOAFU`` for
    international organisations (then ``kind == "igo"``).
    """

    text: str
    start: int
    end: int
    name: str
    country: str | None
    sector: str | None
    cameo_code: str
    kind: ActorKind
    reason: str

    @property
    def unknown(self) -> bool:
        """An actor the text does not name (``cameo_code`` ``---``)."""
        return self.kind == "unknown"

    def with_sector(self, sector: str, why: str) -> Actor:
        """This actor of a country as one of its sectors ("Israel" as the government a protest
        is aimed at), ``why`` added to its reason."""
        assert self.country, "only an actor with a country takes one of its sectors"
        return replace(self, sector=sector, cameo_code=self.country + sector, reason=f"{self.reason}; {why}")


def unknown_actor(at: int, reason: str) -> Actor:
    """The unnamed doer of an event, as an empty span at ``at`` (the trigger's start), so that
    ``text[start:end] == text`` still holds."""
    return Actor(text="", start=at, end=at, name="UNKNOWN", country=None, sector=None,
                 cameo_code=UNKNOWN_CODE, kind="unknown", reason=reason)


@dataclass(frozen=True)
class Cameo(_Record):
    code: str
    name: str
    root: str
    goldstein: float
    quad_class: int


@dataclass(frozen=True)
class Plover(_Record):
    type: str
    mode: str | None = None
    context: tuple[str, ...] = ()


@dataclass(frozen=True)
class EventDate(_Record):
    value: Date | None
    precision: DatePrecision = "unknown"


@dataclass(frozen=True)
class Span(_Record):
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Evidence(_Record):
    sentence: str
    sentence_start: int
    trigger: Span
    rule: str
    # The word that set the modality ("not", "denied", "may"); None when asserted without one.
    modality_cue: Span | None = None
    # Whose claim the event is, when it is only reported in someone's speech ("X said Y attacked").
    attributed_to: Actor | None = None
    # The second word of one act told twice in the sentence ("attacked and shelled the town"):
    # the two triggers gave one event, and both are its evidence.
    restated: Span | None = None

    def triggers(self) -> tuple[Span, ...]:
        """Every word of the sentence that reports the act: the trigger, then the restated one."""
        return (self.trigger,) if self.restated is None else (self.trigger, self.restated)


@dataclass(frozen=True)
class Place(_Record):
    """A GeoNames place."""

    name: str
    geonames_id: int | None
    feature: str  # country, admin, city
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    start: int | None = None
    end: int | None = None
    from_dateline: bool = False
    admin1_name: str | None = None  # the province or state's name (``admin1`` is its code)


@dataclass(frozen=True)
class PlaceMention(_Record):
    """A toponym in the text (``--with-places``), with its role and resolved place."""

    text: str
    start: int
    end: int
    role: PlaceRole
    place: Place | None = None


@dataclass(frozen=True)
class Event(_Record):
    """Who did what to whom, with the evidence that says so."""

    id: str
    article_id: str
    sentence: int
    source: Actor | None
    target: Actor | None
    cameo: Cameo
    plover: Plover
    modality: Modality
    evidence: Evidence
    group: str | None = None
    place: Place | None = None
    date: EventDate = field(default_factory=lambda: EventDate(None, "unknown"))
    confidence: float = 1.0

    @property
    def plover_codable(self) -> bool:
        """Whether PLOVER codes this event: it requires a named actor (the PLOVER manual's
        "Required entities": "4 people were killed in a bombing" names no actor and is not
        coded), where CAMEO codes such a report with the unknown source '---'."""
        return self.source is not None and not self.source.unknown

    def spans(self) -> list[tuple[str, int, int]]:
        """Every (text, start, end) this event claims in the article: actors and trigger."""
        out = [(self.evidence.trigger.text, self.evidence.trigger.start, self.evidence.trigger.end)]
        out += [(a.text, a.start, a.end) for a in (self.source, self.target) if a is not None and not a.unknown]
        return out


# Field types of nested records, for from_dict; kept here beside the classes they describe.
_NESTED: dict[tuple[str, str], Any] = {
    ("Article", "date"): Date,
    ("Event", "source"): Actor,
    ("Event", "target"): Actor,
    ("Event", "cameo"): Cameo,
    ("Event", "plover"): Plover,
    ("Event", "evidence"): Evidence,
    ("Event", "place"): Place,
    ("Event", "date"): EventDate,
    ("Evidence", "trigger"): Span,
    ("Evidence", "modality_cue"): Span,
    ("Evidence", "attributed_to"): Actor,
    ("Evidence", "restated"): Span,
    ("EventDate", "value"): Date,
    ("PlaceMention", "place"): Place,
}
