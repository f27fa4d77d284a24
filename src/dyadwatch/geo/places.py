"""Where: toponyms in a parsed text, resolved to GeoNames places, and the place of each event.

Three steps, each usable alone:

- ``PlaceResolver.resolve`` (in gazetteer.py) picks one candidate for a name, by population, the
  article's country focus and the places near the mention (the dateline, the same sentence).
- ``find_place_mentions`` finds every toponym (NER places, demonyms, gazetteer names the model
  missed) and gives each a role: ``literal`` (a location), ``metonym`` (the place stands for an
  actor: "Washington hopes", "US interests", "Air Zimbabwe") or ``demonym`` ("Algerian").
- ``event_place`` picks the literal place attached to an event trigger's clause, else the
  dateline place when the event is local to it, else nothing.

The rules and their reasons are in docs/places.md.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from dyadwatch.geo.attach import attachment_cost, event_place
from dyadwatch.geo.gazetteer import PlaceResolver, to_place
from dyadwatch.geo.names import AREAS
from dyadwatch.geo.roles import mention_role
from dyadwatch.geo.spans import (
    PLACE_LABELS,
    Found,
    big_place,
    conjuncts,
    gazetteer_spans,
    hyphen_parts,
    inside,
    is_actor_name,
    list_items,
    lookup_name,
    pattern_spans,
    person_words,
    repeats,
    trim,
    whole_names,
)
from dyadwatch.knowledge.words import CALENDAR_WORDS
from dyadwatch.nlp.names import tail_of_longer_name
from dyadwatch.records import Place, PlaceMention, Span

# PlaceResolver lives beside the gazetteer; callers may take it from here too.
__all__ = ["PlaceResolver", "attachment_cost", "event_place", "find_place_mentions", "mention_role"]

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan


def find_place_mentions(
    doc: Doc,
    *,
    resolver: PlaceResolver,
    dateline: Span | None = None,
    not_place: Callable[[str], bool] | None = None,
    entities: Sequence[SpacySpan] | None = None,
) -> list[PlaceMention]:
    """Every toponym mention in ``doc``, with its role and resolved place, in text order.

    ``not_place`` tells a name the actor knowledge knows as something other than a place (an
    organisation, armed group, party, IGO or person): such a name is never a toponym, whatever
    the gazetteer holds under it ("Hamas" is also an alternate name of Hamm, Germany), unless
    it is the main name of a city of 100,000 or more: "Brussels" stays a place where it also
    stands for the European Union, and its use gives its role ("Brussels warned": metonym).
    ``entities`` are the doc's named entities when the caller has them already (the article's
    context), else ``doc.ents`` is read once here.
    """
    ents = tuple(doc.ents) if entities is None else tuple(entities)
    if not_place is not None:
        actor = not_place
        # asked of most names twice (as an entity, then as a mention found): answered once
        answers: dict[str, bool] = {}

        def not_place(name: str) -> bool:
            answer = answers.get(name)
            if answer is None:
                answer = answers[name] = actor(name) and not big_place(resolver, name, areas=False)
            return answer

    found: list[Found] = []
    taken: list[tuple[int, int]] = []
    persons = person_words(ents)
    dates = [(e.start, e.end) for e in ents if e.label_ in {"DATE", "TIME"}]
    if dateline is not None:
        span = doc.char_span(dateline.start, dateline.end, alignment_mode="expand")
        if span is not None:
            found.append((span, "literal", False))
            taken.append((span.start, span.end))
    for span in whole_names(doc, resolver):
        if not inside(span, taken):
            found.append((span, None, False))
            taken.append((span.start, span.end))
    for ent in ents:
        span = trim(ent)
        if span is None or inside(span, taken):
            continue
        if is_actor_name(span, not_place):
            taken.append((ent.start, ent.end))  # nothing inside it is a place either
            continue
        if ent.label_ in PLACE_LABELS:
            if (len(span) == 1 and span.text in persons) or span.text.lower() in CALENDAR_WORDS:
                continue
            if tail_of_longer_name(span) or span.text.islower():  # (a name has a capital)
                taken.append((span.start, span.end))
                continue
            parts = hyphen_parts(span, resolver)
            if parts:  # "Asia-Pacific", "Amsterdam-London": each part is a place
                found += [(part, None, False) for part in parts]
                taken.append((span.start, span.end))
                continue
            found.append((span, None, False))
            taken.append((span.start, span.end))
        elif ent.label_ == "NORP" and resolver.demonym_candidate(span.text) is not None:
            found.append((span, "demonym", True))
            taken.append((span.start, span.end))
    for item in gazetteer_spans(doc, resolver, taken + dates, ents):
        found.append(item)
        taken.append((item[0].start, item[0].end))
    found += pattern_spans(doc, resolver, taken, persons, ents)
    found += conjuncts(doc, found, taken)
    found += list_items(doc, found, taken, resolver, persons)
    found += repeats(doc, found, taken, persons)
    found = [f for f in found if f[2] or not is_actor_name(f[0], not_place)]
    found.sort(key=lambda f: f[0].start)
    return _resolve_all(found, resolver, dateline)


def _resolve_all(
    found: list[Found], resolver: PlaceResolver, dateline: Span | None
) -> list[PlaceMention]:
    dateline_place = resolver.resolve(dateline.text) if dateline is not None else None
    # Each mention's lookup name and sentence, worked out once (Span.sent walks the tokens).
    names = [None if is_demonym else lookup_name(resolver, span) for span, _r, is_demonym in found]
    sentences: dict[int, list[int]] = {}  # the non-demonym mentions of each sentence, in order
    sentence_of: list[int] = []
    for k, (span, _role, is_demonym) in enumerate(found):
        sentence_of.append(span.sent.start)
        if not is_demonym:
            sentences.setdefault(sentence_of[-1], []).append(k)
    # First pass: what needs no context (countries, states, demonyms) gives the country focus
    # (countries named outright, by demonym, or as the dateline's) and the nearby places.
    counts: Counter[str] = Counter()
    first: dict[int, Place] = {}
    for (span, _role, _is_demonym), name in zip(found, names, strict=True):
        if name is None:
            place = resolver.demonym(span.text)
        else:
            cands = resolver.known(name)
            place = to_place(cands[0]) if cands and cands[0].feature in AREAS else None
        if place is not None:
            first[span.start] = place
            if place.country and place.feature == "country":
                counts[place.country] += 1
    if dateline_place is not None and dateline_place.country:
        counts[dateline_place.country] += 2
    focus = [code for code, _ in counts.most_common(3)]
    states = list({p.admin1: p for p in first.values() if p.feature == "admin"}.values())
    out: list[PlaceMention] = []
    resolved: dict[int, Place] = {}
    for k, (span, role, is_demonym) in enumerate(found):
        name = names[k]
        if name is None:
            place = first.get(span.start)
        else:
            # Near: the sentence's other places (resolved ones as resolved) and the dateline;
            # the article's states and provinces count apart, as weaker evidence.
            near = [
                p
                for j in sentences[sentence_of[k]]
                if found[j][0].start != span.start
                if (p := resolved.get(found[j][0].start) or first.get(found[j][0].start))
                is not None
            ]
            near += [dateline_place] if dateline_place is not None else []
            # A name cut from a facility ("Royal" of "Royal Street") is no alternate name.
            place = resolver.resolve(
                name, focus=focus, near=near, main_only=name != span.text, divisions=states
            )
            if place is None and name == span.text and len(span) > 1:
                # Known whole only as far-off towns or counties the resolver turned down ("Orange
                # County" of a Florida story): read it as a name the gazetteer lacks.
                part = lookup_name(resolver, span, whole=False)
                if part != name:
                    place = resolver.resolve(
                        part, focus=focus, near=near, main_only=True, divisions=states
                    )
        if place is not None:
            resolved[span.start] = place
            place = dataclasses.replace(place, start=span.start_char, end=span.end_char)
        out.append(
            PlaceMention(
                text=span.text,
                start=span.start_char,
                end=span.end_char,
                role=role
                or (
                    "demonym"
                    if is_demonym
                    else mention_role(span, place.feature if place else None)
                ),
                place=place,
            )
        )
    return out
