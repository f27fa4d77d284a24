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
from collections.abc import Callable, Collection, Iterable
from itertools import accumulate, pairwise
from typing import TYPE_CHECKING

from dyadwatch.geo.gazetteer import PlaceResolver, feature_rank, to_place
from dyadwatch.geo.spans import big_place, is_actor_name, whole_names
from dyadwatch.records import Place, PlaceMention, PlaceRole, Span

# PlaceResolver lives beside the gazetteer; callers may take it from here too.
__all__ = ["PlaceResolver", "attachment_cost", "event_place", "find_place_mentions", "mention_role"]

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Prepositions whose object is a party to the event, not its place ("relations with Algeria").
_PARTY_PREPS = {"with", "against", "by", "for", "toward", "towards"}
# Subject verbs that keep a toponym literal ("Mali borders Niger", "Gaza lies ...").
_LOCATIVE_VERBS = {
    "lie", "border", "stretch", "sit", "neighbour", "neighbor", "cover", "straddle", "extend",
    "locate", "situate", "experience", "see", "witness", "suffer", "host",
}  # fmt: skip
# Head nouns that make a modifier toponym literal ("Torkula village", "Algeria's south").
_GEO_NOUNS = {
    "city", "town", "village", "province", "region", "district", "county", "state", "area",
    "border", "borders", "coast", "capital", "territory", "strip", "north", "south", "east",
    "west", "center", "centre", "outskirts", "suburb", "suburbs", "neighbourhood", "street",
    "streets", "island", "islands", "airport", "port", "camp", "valley", "river", "mountains",
    "desert", "countryside", "heartland", "side", "part", "parts", "soil", "airspace",
    "waters", "governorate", "municipality", "department", "prefecture", "oblast", "highway",
    "road", "square", "mainland", "peninsula", "enclave", "zone", "base", "corridor",
}  # fmt: skip


# Nouns a place can be the topic of without being where anything happens.
_TOPIC_NOUNS = {
    "situation", "crisis", "conflict", "policy", "role", "stance", "stances", "issue",
    "issues", "question", "future", "relations", "relationship", "ties", "news", "report",
    "reports", "view", "views", "interest", "interests", "war", "affairs", "development",
    "developments", "problem", "problems", "history", "economy", "politics", "case",
}  # fmt: skip
_SPEECH_VERBS = {"say", "tell", "report", "announce", "state", "claim", "add", "confirm"}
# Head nouns that make a modifier toponym stand for an actor ("US troops", "Russia's minister").
_ACTOR_NOUNS = {
    "government", "governments", "minister", "ministers", "ministry", "army", "armies",
    "forces", "force", "troops", "soldiers", "military", "officials", "official", "embassy",
    "president", "presidency", "prime", "police", "authorities", "leader", "leaders",
    "leadership", "interests", "dollar", "dollars", "currency", "team", "delegation",
    "parliament", "court", "administration", "regime", "navy", "diplomats", "diplomat",
    "ambassador", "envoy", "counterpart", "counterparts", "spokesman", "spokeswoman",
    "company", "firm", "bank", "media", "intelligence", "cabinet", "state-run", "officer",
    "officers", "command", "delegates", "representatives", "representative", "king",
    "monarch", "premier", "chancellor", "senate", "congress", "junta", "coalition", "side",
    "partner", "partners", "counterterrorism", "aspirations", "stance", "position", "policy",
    "soldier", "citizen", "citizens", "nationals", "national", "airstrike", "airstrikes",
}  # fmt: skip


# -- finding mentions ------------------------------------------------------------------------

# Words ending a facility or district name; the name before them is looked up when the whole
# is not in the gazetteer ("Deir Ezzor Airport" -> Deir Ezzor).
_SITE_WORDS = {
    "airport", "square", "prison", "university", "camp", "district", "governorate", "suburb",
    "base", "hospital", "checkpoint", "farms", "mountains", "province", "quarter", "bridge",
    "dam", "stadium", "mosque", "church", "street", "road", "highway", "valley", "hills",
    "heights", "crossing", "airbase", "port", "market", "city", "state", "region", "county",
    "town", "village", "island", "islands", "neighborhood", "neighbourhood", "palace",
}  # fmt: skip
# Buildings and sites a possessive place contains ("Mecca's hospital", "Abuja's Centre").
_FACILITIES = _SITE_WORDS - {"city", "state", "region", "county", "province", "governorate"} | {
    "centre", "center", "hall", "cathedral", "temple", "school", "compound", "hotel", "court",
}  # fmt: skip
_LOCATING_PREPS = {
    "in", "at", "near", "outside", "to", "from", "into", "across", "throughout", "via",
    "around", "toward", "towards", "inside",
}  # fmt: skip
_DIRECTIONS = {
    "northern", "southern", "eastern", "western", "central", "north", "south", "east", "west",
    "northeastern", "northwestern", "southeastern", "southwestern", "rural", "downtown",
    "suburban", "greater", "the", "neighbouring", "neighboring", "nearby",
}  # fmt: skip
_CALENDAR = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
}  # fmt: skip
_PARTICLES = {"al", "el", "de", "du", "da", "la", "le", "bin", "ibn", "-", "of"}
_BIG_CITY = 100_000

# (span, role if fixed, is a demonym)
_Found = tuple["SpacySpan", PlaceRole | None, bool]


def _trim(span: SpacySpan) -> SpacySpan | None:
    """Drop a leading determiner and a trailing possessive or punctuation."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    while end > start and (span.doc[end - 1].tag_ == "POS" or span.doc[end - 1].is_punct):
        end -= 1
    return span.doc[start:end] if end > start else None


def _inside(span: SpacySpan, ranges: Iterable[tuple[int, int]]) -> bool:
    return any(s < span.end and span.start < e for s, e in ranges)


def _name_run(doc: Doc, start: int, limit: int = 5) -> SpacySpan | None:
    """The proper-name run starting at ``start`` ("Deir Ezzor", "Bustan al-Diwan")."""
    end = start
    while end < len(doc) and end - start < limit:
        tok = doc[end]
        if tok.pos_ == "PROPN" and tok.text[:1].isupper():
            end += 1
        elif tok.lower_ in _PARTICLES and end > start and end + 1 < len(doc):
            if doc[end + 1].pos_ != "PROPN" or tok.lower_ == "of":
                break
            end += 1
        else:
            break
    if end == start or doc[start].lower_ in _CALENDAR:
        return None
    return doc[start:end]


def lookup_name(resolver: PlaceResolver, span: SpacySpan) -> str:
    """The text to look a mention up by: itself, or its name before a site word."""
    if resolver.known(span.text):
        return span.text
    end = span.end
    while end > span.start + 1 and span.doc[end - 1].lower_ in _SITE_WORDS:
        end -= 1
    return span.doc[span.start : end].text


def _gazetteer_spans(
    doc: Doc, resolver: PlaceResolver, taken: list[tuple[int, int]]
) -> list[_Found]:
    """Capitalised runs naming a country, state, region or nationality (not a mere town).

    They catch what NER mislabels ("Mali" as PERSON) or leaves inside an organisation ("Air
    Zimbabwe", role metonym). Longest match first at each position.
    """
    from spacy.attrs import ORTH, SPACY

    others = [(e.start, e.end) for e in doc.ents if e.label_ not in _PLACE_LABELS]
    # The tokens' texts and trailing spaces, read once from the doc's arrays: spaCy's Token
    # objects and slices cost more than the checks, run for up to four runs at every token.
    rows = doc.to_array([ORTH, SPACY]).tolist()
    texts = [doc.vocab.strings[orth] for orth, _ in rows]
    spaced = [bool(space) for _, space in rows]
    capital = [text[:1].isupper() for text in texts]
    length = len(texts)
    inside = _overlap_test(length, taken)
    out: list[_Found] = []
    i = 0
    while i < length:
        match: _Found | None = None
        for n in (4, 3, 2, 1) if capital[i] else ():
            end = i + n
            if (
                end > length
                or not capital[end - 1]
                or inside(i, end)
                or (n == 1 and doc[i].is_sent_start and doc[i].lower_ in {"us", "eu"})
            ):
                continue
            # The run's Span.text: its tokens' texts, each but the last with its space.
            name = "".join(texts[k] + " " * spaced[k] for k in range(i, end - 1)) + texts[end - 1]
            if resolver.names_area(name):
                embedded = any(s <= i and end <= e and (s, e) != (i, end) for s, e in others)
                match = (doc[i:end], "metonym" if embedded else None, False)
            elif resolver.demonym_candidate(name) is not None:
                match = (doc[i:end], "demonym", True)
            if match:
                break
        if match:
            out.append(match)
            i = match[0].end
        else:
            i += 1
    return out


def _overlap_test(length: int, ranges: Iterable[tuple[int, int]]) -> Callable[[int, int], bool]:
    """``_inside`` for the token range [start, end) of a doc of ``length`` tokens, answered from
    a running count of the tokens the ranges cover instead of a pass over the ranges."""
    covered = bytearray(length + 1)
    empty: list[tuple[int, int]] = []  # an empty range overlaps a span strictly around it
    for s, e in ranges:
        lo, hi = max(s, 0), min(e, length)
        if s >= e:
            empty.append((s, e))
        elif lo < hi:
            covered[lo + 1 : hi + 1] = b"\1" * (hi - lo)
    count = list(accumulate(covered))

    def inside(start: int, end: int) -> bool:
        return count[end] > count[start] or any(s < end and start < e for s, e in empty)

    return inside


def _pattern_spans(
    doc: Doc, resolver: PlaceResolver, taken: list[tuple[int, int]], persons: set[str]
) -> list[_Found]:
    """Names in place-like positions the model missed.

    - after "city/town/village/province... of" ("the town of Az-Zubayr"), whatever the gazetteer
      says;
    - after a locating preposition ("shot in Yala", "in eastern Ghouta") when the gazetteer knows
      a town of 1,000 or more by that main name;
    - a name ending in a site word ("Deir Ezzor Airport", "Taksim Square");
    - the leading name of an organisation when it is a big city ("Lagos Chamber of Commerce",
      role metonym).
    """
    out: list[_Found] = []

    def add(span: SpacySpan | None, role: PlaceRole | None = None) -> None:
        if span is not None and not _inside(span, taken) and span.text not in persons:
            out.append((span, role, False))
            taken.append((span.start, span.end))

    for tok in doc:
        nxt = tok.i + 1
        if tok.lower_ == "of" and tok.i > 0 and doc[tok.i - 1].lower_ in _GEO_NOUNS:
            while nxt < len(doc) and doc[nxt].lower_ in {"the"}:
                nxt += 1
            add(_name_run(doc, nxt))
        elif tok.lower_ in _LOCATING_PREPS:
            while nxt < len(doc) and doc[nxt].lower_ in _DIRECTIONS:
                nxt += 1
            span = _name_run(doc, nxt)
            if span is not None and any(
                c.feature == "city" and c.population >= 1000 and not c.alternate
                for c in resolver.known(span.text)
            ):
                add(span)
    for tok in doc:
        if tok.pos_ == "PROPN" and tok.lower_ in _SITE_WORDS and tok.i > 0:
            start = tok.i
            while start > 0 and doc[start - 1].pos_ == "PROPN" and tok.i - start < 4:
                start -= 1
            if start < tok.i:
                add(doc[start : tok.i + 1])
    for ent in doc.ents:
        if ent.label_ not in {"ORG", "EVENT", "WORK_OF_ART"}:
            continue
        start = ent.start + (ent[0].lower_ == "the")
        run = _name_run(doc, start, limit=3)
        whole = doc[start : ent.end]
        if ent.label_ == "ORG" and len(whole) and big_place(resolver, whole.text):
            # An "organisation" that is just a big city's or an area's name is the place
            # (", Abuja,"), unless the actor knowledge knows it (checked by the caller).
            add(whole)
            continue
        # The leading name of an organisation or event: its longest prefix naming a big city
        # ("Lagos Chamber of Commerce", "Dubai Police", "Dubai World Cup").
        for end in range(min(run.end, ent.end - 1) if run is not None else 0, start, -1):
            if big_place(resolver, doc[start:end].text, areas=False):
                add(doc[start:end], "metonym")
                break
        # A place ending it after "of" ("Ruler of Dubai", "University of Lagos").
        of = next((t.i for t in ent if t.lower_ == "of" and t.i > ent.start), None)
        if of is not None and of + 1 < ent.end:
            tail = _name_run(doc, of + 1 + (doc[of + 1].lower_ == "the"))
            if tail is not None and tail.end == ent.end and big_place(resolver, tail.text):
                add(tail, "metonym")
    return out


def _hyphen_parts(span: SpacySpan, resolver: PlaceResolver) -> list[SpacySpan]:
    """The parts of a hyphenated compound the gazetteer does not know whole but knows part by
    part ("Asia-Pacific", "Amsterdam-London"); empty otherwise."""
    cuts = [t.i for t in span if t.text == "-"]
    if not cuts or resolver.known(span.text):
        return []
    bounds = [span.start, *cuts, span.end]
    parts = [span.doc[a + (a in cuts) : b] for a, b in pairwise(bounds)]
    if all(len(p) and any(not c.alternate for c in resolver.known(p.text)) for p in parts):
        return parts
    return []


def _conjuncts(doc: Doc, found: list[_Found], taken: list[tuple[int, int]]) -> list[_Found]:
    """Names coordinated with a literal place ("the towns of Al-Zorba and Khan Touman")."""
    out: list[_Found] = []
    for span, role, is_demonym in list(found):
        if is_demonym or role is not None:
            continue
        root = span.root
        for other in [*root.conjuncts]:
            if other.pos_ != "PROPN":
                continue
            start = other.i
            while start > 0 and doc[start - 1].pos_ == "PROPN":
                start -= 1
            run = _name_run(doc, start)
            if run is not None and not _inside(run, taken):
                out.append((run, None, False))
                taken.append((run.start, run.end))
    return out


def _person_words(doc: Doc) -> set[str]:
    """Words of person names, so "Townsend said" is not taken for the town of Townsend."""
    return {t.text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}


def _is_geo_noun(tok: Token) -> bool:
    return tok.lemma_.lower() in _GEO_NOUNS or tok.lower_ in _GEO_NOUNS


def mention_role(span: SpacySpan, feature: str | None = None) -> PlaceRole:
    """``literal`` or ``metonym`` for a toponym, from its grammatical use (see module doc).

    ``feature`` is the resolved place's: a country modifying a noun is adjectival ("a U.S.
    military vehicle", "US interests"), a town modifying one is not ("a Ramallah raid").
    """
    root = span.root
    head = root.head
    dep = root.dep_
    while dep == "conj" and head.i != root.i:  # "Algeria and the United States are ..."
        root, head, dep = head, head.head, head.dep_
    if dep == "nsubj" and head.pos_ in {"VERB", "AUX"}:
        if head.lemma_ in _LOCATIVE_VERBS:
            return "literal"
        attrs = [c for c in head.children if c.dep_ == "attr"]
        if head.lemma_ == "be" and attrs and _is_geo_noun(attrs[0]):
            return "literal"
        return "metonym"
    if dep == "dobj" and any(
        c.dep_ in {"xcomp", "advcl"} and any(a.lower_ == "to" for a in c.children)
        for c in head.children
    ):
        return "metonym"  # "pushed Washington to renew": the object acts
    if dep == "pobj" and head.lower_ in _PARTY_PREPS:
        return "metonym"
    if dep == "poss" and (head.lemma_.lower() in _FACILITIES or head.lower_ in _FACILITIES):
        return "literal"  # "Bethlehem's Church of the Nativity": a building in the place
    if dep in {"poss", "compound", "nmod", "amod"} and head.pos_ in {"NOUN", "PROPN"}:
        # "US troops", "Russia's minister" stand for the state; "Baghdad's bridges" do not.
        if head.lemma_.lower() in _ACTOR_NOUNS or head.lower_ in _ACTOR_NOUNS:
            return "metonym"
        if head.ent_type_ == "ORG":
            return "metonym"
        if feature == "country" and dep != "poss" and not _is_geo_noun(head):
            return "metonym"
    return "literal"


def find_place_mentions(
    doc: Doc,
    *,
    resolver: PlaceResolver,
    dateline: Span | None = None,
    not_place: Callable[[str], bool] | None = None,
) -> list[PlaceMention]:
    """Every toponym mention in ``doc``, with its role and resolved place, in text order.

    ``not_place`` tells a name the actor knowledge knows as something other than a place (an
    organisation, armed group, party, IGO or person): such a name is never a toponym, whatever
    the gazetteer holds under it ("Hamas" is also an alternate name of Hamm, Germany).
    """
    found: list[_Found] = []
    taken: list[tuple[int, int]] = []
    persons = _person_words(doc)
    dates = [(e.start, e.end) for e in doc.ents if e.label_ in {"DATE", "TIME"}]
    if dateline is not None:
        span = doc.char_span(dateline.start, dateline.end, alignment_mode="expand")
        if span is not None:
            found.append((span, "literal", False))
            taken.append((span.start, span.end))
    for span in whole_names(doc, resolver):
        if not _inside(span, taken):
            found.append((span, None, False))
            taken.append((span.start, span.end))
    for ent in doc.ents:
        span = _trim(ent)
        if span is None or _inside(span, taken):
            continue
        if is_actor_name(span, not_place):
            taken.append((ent.start, ent.end))  # nothing inside it is a place either
            continue
        if ent.label_ in _PLACE_LABELS:
            if (len(span) == 1 and span.text in persons) or span.text.lower() in _CALENDAR:
                continue
            parts = _hyphen_parts(span, resolver)
            if parts:  # "Asia-Pacific", "Amsterdam-London": each part is a place
                found += [(part, None, False) for part in parts]
                taken.append((span.start, span.end))
                continue
            found.append((span, None, False))
            taken.append((span.start, span.end))
        elif ent.label_ == "NORP" and resolver.demonym_candidate(span.text) is not None:
            found.append((span, "demonym", True))
            taken.append((span.start, span.end))
    for item in _gazetteer_spans(doc, resolver, taken + dates):
        found.append(item)
        taken.append((item[0].start, item[0].end))
    found += _pattern_spans(doc, resolver, taken, persons)
    found += _conjuncts(doc, found, taken)
    found = [f for f in found if f[2] or not is_actor_name(f[0], not_place)]
    found.sort(key=lambda f: f[0].start)
    return _resolve_all(found, resolver, dateline)


def _resolve_all(
    found: list[_Found], resolver: PlaceResolver, dateline: Span | None
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
            place = to_place(cands[0]) if cands and cands[0].feature != "city" else None
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
            # Near: the sentence's other places (resolved ones as resolved), the article's US
            # states and the dateline.
            near = [
                p
                for j in sentences[sentence_of[k]]
                if found[j][0].start != span.start
                if (p := resolved.get(found[j][0].start) or first.get(found[j][0].start))
                is not None
            ]
            near += states + ([dateline_place] if dateline_place is not None else [])
            # A name cut from a facility ("Royal" of "Royal Street") is no alternate name.
            place = resolver.resolve(name, focus=focus, near=near, main_only=name != span.text)
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


# -- the place of an event -------------------------------------------------------------------

_MAX_COST = 8.0


def _ancestors(tok: Token) -> list[Token]:
    """The token and its heads up to the root."""
    out = [tok]
    while out[-1].head.i != out[-1].i:
        out.append(out[-1].head)
    return out


def attachment_cost(mention_root: Token, trigger: Token) -> float | None:
    """How loosely a place hangs from the event's clause; None when it belongs elsewhere.

    The cost is the length of the dependency path between the place and the trigger, plus
    penalties where the path leaves the event: through another verb's clause on the place's
    side (a relative clause, reported speech) or up from the trigger through a verb of saying.
    A place hanging from a topic noun is not the event's place at all ("the situation in Mali"
    is what talks were about, not where they were held). A place that is a
    party to the event (a metonym, "relations with Algeria") never gets here: only literal
    mentions are costed. The trigger's direct object is the event's place when it is a place
    ("visited Mali", "shelled Donetsk").
    """
    up = _ancestors(mention_root)
    trigger_up = _ancestors(trigger)
    common = next((t for t in up if any(t.i == u.i for u in trigger_up)), None)
    if common is None:
        return None
    place_side = up[: [t.i for t in up].index(common.i)]
    event_side = trigger_up[: [t.i for t in trigger_up].index(common.i)]
    cost = float(len(place_side) + len(event_side))
    for k, tok in enumerate(place_side[1:], 1):
        if tok.pos_ in {"VERB", "AUX"}:
            cost += 3.0  # the place sits in another clause
        elif (
            tok.pos_ in {"NOUN", "PROPN"}
            and place_side[k - 1].dep_ in {"pobj", "prep"}
            and (tok.lemma_.lower() in _TOPIC_NOUNS or tok.lower_ in _TOPIC_NOUNS)
        ):
            return None
        elif tok.dep_ in {"nsubj", "nsubjpass"} or place_side[k - 1].dep_ == "poss":
            cost += 2.0  # the place describes a participant ("Brazil's drug lord was caught")
    for tok in event_side[1:]:
        if tok.lemma_ in _SPEECH_VERBS:
            cost += 2.0  # "X said": the place belongs to the saying, not the event
    if common.pos_ not in {"VERB", "AUX"} and common.i != trigger.i:
        cost += 1.0
    return cost if cost <= _MAX_COST else None


def event_place(
    doc: Doc,
    trigger: Token,
    mentions: list[PlaceMention],
    dateline_place: Place | None,
    actor_countries: Collection[str] = (),
) -> Place | None:
    """The place of the event ``trigger`` names (see ``attachment_cost`` and module doc).

    Among literal places in the trigger's sentence the most closely attached wins, and at
    equal cost the more specific (a city over its country: "in the West Bank city of Nablus").
    With none, the dateline place is used (``from_dateline=True``) when no literal place in
    the sentence lies outside the dateline's country: a wire story's events happen where it
    was filed unless the text says otherwise.
    """
    sent = trigger.sent
    best: tuple[float, int, PlaceMention] | None = None
    foreign = False
    for m in mentions:
        if not (sent.start_char <= m.start < sent.end_char) or _is_dateline(m, dateline_place):
            continue  # the dateline is where the story was filed, not a place of the clause
        if m.place is not None and m.place.feature == "continent":
            continue  # a continent is never where an event is placed ("talks with Europe")
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        if m.role != "literal":
            continue
        if dateline_place is None or m.place is None or m.place.country != dateline_place.country:
            foreign = True
        cost = attachment_cost(span.root, trigger)
        if cost is None:
            continue
        rank = feature_rank(m.place.feature) if m.place else 2
        key = (cost + 0.5 * rank, rank, m)
        if best is None or key[:2] < best[:2]:
            best = key
    if best is not None:
        m = best[2]
        if m.place is not None:
            return m.place
        return Place(m.text, None, "unknown", None, None, None, None, start=m.start, end=m.end)
    if dateline_place is not None and actor_countries and dateline_place.country:
        # "Haitian gangs attacked police", filed from Nairobi: when no actor is of the
        # dateline's country, the event happened elsewhere than the story was filed.
        foreign = foreign or dateline_place.country not in actor_countries
    if dateline_place is not None and not foreign:
        return dataclasses.replace(dateline_place, from_dateline=True)
    return None


def _is_dateline(mention: PlaceMention, dateline_place: Place | None) -> bool:
    return dateline_place is not None and mention.start == dateline_place.start



