"""Evaluation against gold event files (the JSONL format of the team's eval README).

Each gold record is ``{"id", "text", "date", "events": [{"source", "target", "code", "scheme"}]}``.
Texts are coded as ``ingest`` codes them (the pre-filter on when the settings say so).
CAMEO records are scored on the primary predicted event (the one nearest the root of the
sentence's parse): exact code and root, overall and per root; where they name actors (our
challenge suite), also on (source country, target country, CAMEO root) triples over all
predicted events ("---" for an unnamed doer, "IGO" for any international organisation). PLOVER records are scored on PLOVER
type (0.5 labels mapped to 2.0), on (source, target, type) triples, and, where the gold names
actors, on the resolution of each gold actor mention to country and sector. A gold event with a
``trigger`` span ({text, start, end}) scores trigger recall: some predicted event's trigger
overlaps it. A gold event with a ``modality`` scores the primary event's modality. A record with
``expect_no_event`` or no events is a false-positive check: any predicted event is a false alarm.
A source or target written as one string ("USA") is a one-actor list.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date as Date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyadwatch.actors.resolve import ArticleActors
from dyadwatch.errors import InputError
from dyadwatch.events.mentions import Mentions
from dyadwatch.records import Actor, Article, Event

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from dyadwatch.coder import Coder

Triple = tuple[str, str, str]


@dataclass(frozen=True)
class GoldRecord:
    id: str
    text: str
    date: str | None
    scheme: str
    codes: tuple[str, ...]
    triples: frozenset[Triple]
    actors: tuple[tuple[str, str, str | None], ...]  # (text, country, sector)
    trigger: tuple[int, int] | None = None  # the first gold event's trigger span
    modality: str | None = None  # the first gold event's modality, when the gold gives one
    expect_no_event: bool = False  # a false-positive check: nothing should be coded


@dataclass(frozen=True)
class Miss:
    id: str
    text: str
    gold: str
    predicted: str


@dataclass
class Tally:
    n: int = 0
    hits: int = 0

    def add(self, ok: bool) -> None:
        self.n += 1
        self.hits += ok

    @property
    def rate(self) -> float:
        return self.hits / self.n if self.n else 0.0


@dataclass
class RootTally:
    """One CAMEO root's records: how many, how many right at the root, how many exactly."""

    n: int = 0
    root: int = 0
    exact: int = 0


@dataclass
class Triples:
    """Set overlap of predicted and gold (source, target, type) triples, summed over records."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, ours: set[Triple], gold: frozenset[Triple]) -> None:
        self.tp += len(ours & gold)
        self.pred += len(ours)
        self.gold += len(gold)

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self, prefix: str) -> dict[str, float]:
        return {f"{prefix}_precision": round(self.precision, 4),
                f"{prefix}_recall": round(self.recall, 4), f"{prefix}_f1": round(self.f1, 4)}  # fmt: skip


@dataclass
class Report:
    """Everything ``dyadwatch eval`` prints."""

    records: int = 0
    with_event: int = 0
    cameo_exact: Tally = field(default_factory=Tally)
    cameo_root: Tally = field(default_factory=Tally)
    plover_type: Tally = field(default_factory=Tally)
    triples: Triples = field(default_factory=Triples)  # PLOVER gold: (source, target, type)
    # CAMEO gold with actors (our challenge suite): (source country, target country, CAMEO root)
    cameo_triples: Triples = field(default_factory=Triples)
    actor_country: Tally = field(default_factory=Tally)
    actor_country_sector: Tally = field(default_factory=Tally)
    actor_resolved: Tally = field(default_factory=Tally)
    per_category: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    per_root: dict[str, RootTally] = field(default_factory=lambda: defaultdict(RootTally))
    trigger: Tally = field(default_factory=Tally)  # hits: a predicted trigger overlaps the gold
    false_alarm: Tally = field(default_factory=Tally)  # hits: an event where none should be
    modality: Tally = field(default_factory=Tally)
    misses: list[Miss] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        out: dict[str, Any] = {"records": self.records, "coverage": _share(self.with_event, self.records)}
        if self.cameo_exact.n:
            out["cameo_exact"] = round(self.cameo_exact.rate, 4)
            out["cameo_root"] = round(self.cameo_root.rate, 4)
        if self.plover_type.n:
            out["plover_type"] = round(self.plover_type.rate, 4)
            out.update(self.triples.summary("triple"))
        if self.cameo_triples.gold:
            out.update(self.cameo_triples.summary("country_root_triple"))
        if self.trigger.n:
            out["trigger_records"] = self.trigger.n
            out["trigger_recall"] = round(self.trigger.rate, 4)
        if self.false_alarm.n:
            out["no_event_records"] = self.false_alarm.n
            out["false_positive_rate"] = round(self.false_alarm.rate, 4)
        if self.modality.n:
            out["modality_records"] = self.modality.n
            out["modality_agreement"] = round(self.modality.rate, 4)
        if self.actor_resolved.n:
            out["actors"] = self.actor_resolved.n
            out["actor_coverage"] = round(self.actor_resolved.rate, 4)
            out["actor_country"] = round(self.actor_country.rate, 4)
            out["actor_country_sector"] = round(self.actor_country_sector.rate, 4)
        return out


def _share(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def _actor_code(code: Any) -> tuple[str, str | None]:
    text = str(code)
    return text[:3], (text[3:6] or None)


def read_gold(path: Path, *, limit: int | None = None, v05: dict[str, str] | None = None) -> Iterator[GoldRecord]:
    """Gold records from a JSONL file; a malformed line raises InputError naming it."""
    renames = v05 or {}
    with path.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, start=1):
            if limit is not None and lineno > limit:
                return
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                yield _gold(data, renames)
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise InputError(f"{path}:{lineno}", f"not a gold record ({exc})") from exc


def _codes(value: Any) -> list[str]:
    """A gold source or target as a list of actor codes: one string is one actor ("USA"), not
    a string of letters."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value[:6]] if value else []
    if not isinstance(value, list):
        raise TypeError(f"an actor list or code, got {value!r}")
    return [str(v)[:6] for v in value]


def _span(value: Any) -> tuple[int, int] | None:
    if value is None:
        return None
    start, end = int(value["start"]), int(value["end"])
    if not 0 <= start < end:
        raise TypeError(f"a trigger span needs 0 <= start < end, got {start}, {end}")
    return start, end


def _gold(data: dict[str, Any], renames: dict[str, str]) -> GoldRecord:
    events = data.get("events") or []
    if not isinstance(events, list):
        raise TypeError("events must be a list")
    first: dict[str, Any] = events[0] if events else {}
    # no code at all: an event-location record (its trigger span is the gold)
    scheme = first.get("scheme") or ("CAMEO" if first.get("code") else "")
    codes: list[str] = []
    triples: set[Triple] = set()
    actors: list[tuple[str, str, str | None]] = []
    for e in events:
        if e.get("code") is None:
            continue  # an event-location record: a trigger span, no code
        code = str(e["code"])
        code = renames.get(code, code) if scheme == "PLOVER" else code
        codes.append(code)
        sources = _codes(e.get("source"))
        targets = _codes(e.get("target"))
        if e.get("reciprocal") and not targets:
            triples.update((a, b, code) for a in sources for b in sources if a != b)
        else:
            triples.update((s, t, code) for s in sources for t in (targets or [""]))
        for a in (e.get("source_actors") or []) + (e.get("target_actors") or []):
            if a.get("actorText") and a.get("code"):
                # the sector is its first three letters: PLOVER appends a third element
                # (religion, ethnicity: "CVLalb") that no sector names, as triples cut at six
                sector = str(a["sector"])[:3] if a.get("sector") else None
                actors.append((a["actorText"], str(a["code"])[:3], sector))
    modality = first.get("modality")
    return GoldRecord(
        id=str(data["id"]), text=str(data["text"]), date=data.get("date"), scheme=scheme,
        codes=tuple(codes), triples=frozenset(triples), actors=tuple(actors),
        trigger=_span(first.get("trigger")), modality=str(modality) if modality else None,
        expect_no_event=bool(data.get("expect_no_event")) or not events,
    )


def _our_code(actor: Actor | None) -> str:
    if actor is None:
        return ""
    country = "IGO" if actor.kind == "igo" else (actor.country or "")
    return country + (actor.sector or "")


def _country(actor: Actor | None) -> str:
    """An actor's CAMEO country: the first three letters of its code ("IGO" for any
    international organisation, "---" for a doer the text does not name)."""
    return "" if actor is None else actor.cameo_code[:3]


# Modalities of events that did not (yet) happen: a record's main event is rarely one of them.
_UNREAL = {"hypothetical", "negated"}


def primary_event(events: list[Event], doc: Doc | None = None) -> Event | None:
    """The event nearest the root of its sentence: what a one-code gold record describes.

    Depth counts clause levels above the trigger; an event noun under a light verb ("held
    talks") stands at its verb's level. Ties go to real (not hypothetical or negated) events,
    then to lexicon matches over fallback ones, then to higher confidence, then to the first.
    A bare statement (010) yields to any other event.
    """
    if not events:
        return None
    if doc is None:
        return events[0]

    def depth(e: Event) -> int:
        span = doc.char_span(e.evidence.trigger.start, e.evidence.trigger.end)
        if span is None:
            return 99
        tok, d = span.root, 0
        if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ == "VERB":
            tok = tok.head
        while tok.head.i != tok.i and d < 50:
            tok, d = tok.head, d + 1
        return d

    return min(events, key=lambda e: (
        e.cameo.code == "010", depth(e), e.modality in _UNREAL,
        e.evidence.rule.startswith("fallback"), -e.confidence, e.evidence.trigger.start,
    ))


Coded = tuple[GoldRecord, list[Event], "Doc | None"]


def gold_article(g: GoldRecord) -> Article:
    """The gold text as ``ingest`` reads an article: with the record's date as its publication
    date, which dated knowledge needs (the office holders on that day, a group whose sector
    changed). A date that is no ISO date is left out, as a feed's would be."""
    try:
        published = Date.fromisoformat(g.date[:10]) if g.date else None
    except ValueError:
        published = None
    return Article(id=g.id, text=g.text, date=published)


def code_gold(coder: Coder, records: list[GoldRecord]) -> Iterator[Coded]:
    """Each gold text coded as ``ingest`` codes it: through the pre-filter when the settings
    turn it on (sentences that cannot hold an event blanked, offsets kept), then the event stage,
    which yields nothing for a sport, entertainment or business story, then the places stage
    when the settings turn it on. The doc comes along for picking the primary event."""
    articles = [gold_article(g) for g in records]
    texts = [coder.parse_text(a) for a in articles]
    docs = coder.nlp.pipe(texts, batch_size=coder.settings.batch_size)
    for g, article, doc in zip(records, articles, docs, strict=True):
        context = coder.context_of(doc, article)
        events = coder.events_in(context)
        if coder.settings.places:  # as ingest: a town our actor lists miss takes its country
            events, _ = coder.places_in(context, events)
        yield g, events, doc


def evaluate(coder: Coder, gold: Iterable[GoldRecord], *, misses: int = 0) -> Report:
    """Code every gold text (all modalities) and score it."""
    report = Report()

    def actors(g: GoldRecord, doc: Doc, events: list[Event]) -> None:
        # a mention an output event's party covers is that party, as ingest outputs it (the
        # places stage included: "police in Lagos"); any other is resolved as the event stage
        # resolves a party: at the article's date, with its dateline, and through a noun that
        # is no actor to the actor it governs ("thousands of Armenians")
        parties = [a for e in events for a in (e.source, e.target) if a is not None]
        resolver = ArticleActors.of(coder.context_of(doc, gold_article(g)))
        mentions = Mentions(doc, resolver)

        def resolve(head: Token) -> Actor | None:
            inside = mentions.actor_inside(head)
            party = next((a for a in parties if a.start <= inside.idx < a.end), None)
            return party if party is not None else resolver.resolve(inside)

        _score_actors(report, g, doc, resolve)

    needs = frozenset(t.name for t in coder.ontology.plover_types() if t.requires_recipient)
    for g, events, doc in code_gold(coder, list(gold)):
        score(report, g, events, doc, misses=misses, actors=partial(actors, events=events),
              needs_recipient=needs)
    return report


def overlaps(event: Event, span: tuple[int, int]) -> bool:
    """Whether a word that reports the event (its trigger, or the one that restates the act)
    overlaps ``span``."""
    return any(t.start < span[1] and span[0] < t.end for t in event.evidence.triggers())


def score(
    report: Report,
    g: GoldRecord,
    events: list[Event],
    doc: Doc | None = None,
    *,
    misses: int = 0,
    actors: Callable[[GoldRecord, Doc], None] | None = None,
    needs_recipient: frozenset[str] = frozenset(),
) -> None:
    """Add one coded gold record to ``report``: the events predicted for its text (any coder's)
    and, when there is one, the doc they came from (it picks the primary event; ``actors``
    scores the gold actor mentions on it). PLOVER triples count only PLOVER events: with a
    named actor, and with a recipient for the types in ``needs_recipient``."""
    report.records += 1
    report.with_event += bool(events)
    if g.trigger is not None:
        span = g.trigger
        report.trigger.add(any(overlaps(e, span) for e in events))
    if g.expect_no_event:
        report.false_alarm.add(bool(events))
        return
    if not g.codes:
        return  # a trigger-span record: nothing more to score
    top = primary_event(events, doc)
    if g.modality is not None and top is not None:
        report.modality.add(top.modality == g.modality)
    predicted = top.cameo.code if top else "-"
    if g.scheme == "CAMEO":
        want = g.codes[0]
        report.cameo_exact.add(predicted == want)
        ok = predicted[:2] == want[:2]
        report.cameo_root.add(ok)
        report.per_category[want[:2]].add(ok)
        row = report.per_root[want[:2]]
        row.n += 1
        row.root += ok
        row.exact += predicted == want
        if g.triples:
            report.cameo_triples.add({(_country(e.source), _country(e.target), e.cameo.root)
                                      for e in events},
                                     frozenset((s[:3], t[:3], c[:2]) for s, t, c in g.triples))  # fmt: skip
    else:
        got = top.plover.type if top else "-"
        ok = got in g.codes
        report.plover_type.add(ok)
        report.per_category[g.codes[0]].add(ok)
        predicted = got
        # an event with no named actor is CAMEO's ('---'), never PLOVER's (Event.plover_codable)
        ours = {(_our_code(e.source), _our_code(e.target), e.plover.type) for e in events
                if e.plover_codable and (e.target is not None or e.plover.type not in needs_recipient)}
        report.triples.add(ours, g.triples)
        if actors is not None and doc is not None:
            actors(g, doc)
    if not ok and len(report.misses) < misses:
        report.misses.append(Miss(g.id, g.text, ",".join(g.codes), predicted))


def _score_actors(report: Report, g: GoldRecord, doc: Doc, resolve: Callable[[Token], Actor | None]) -> None:
    for text, country, sector in g.actors:
        start = g.text.find(text)
        if start < 0:
            start = g.text.lower().find(text.lower())
        span = doc.char_span(start, start + len(text), alignment_mode="expand") if start >= 0 else None
        actor = resolve(span.root) if span is not None else None
        report.actor_resolved.add(actor is not None)
        ours = ("IGO" if actor is not None and actor.kind == "igo" else actor.country) if actor else None
        report.actor_country.add(ours == country)
        report.actor_country_sector.add(ours == country and (actor.sector if actor else None) == sector)


def category_rows(report: Report) -> list[tuple[str, int, float]]:
    return sorted((k, t.n, t.rate) for k, t in report.per_category.items())


def root_rows(report: Report) -> list[tuple[str, int, float, float]]:
    """(CAMEO root, records, root accuracy, exact accuracy), by root."""
    return sorted((k, t.n, t.root / t.n, t.exact / t.n) for k, t in report.per_root.items() if t.n)


def counts_by_code(records: Iterable[GoldRecord]) -> Counter[str]:
    return Counter(c for r in records for c in r.codes)
