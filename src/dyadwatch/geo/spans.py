"""Finding toponyms: the names NER cuts or mislabels, and the names that are never places.

Helpers of places.py's ``find_place_mentions`` (docs/places.md, "Mentions and their roles").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cache
from itertools import accumulate, pairwise
from typing import TYPE_CHECKING, cast

from dyadwatch.geo.gazetteer import PlaceResolver
from dyadwatch.geo.names import AREAS
from dyadwatch.knowledge.words import (
    CALENDAR_WORDS,
    GEO_AREA_NOUNS,
    GEO_COMPASS,
    GEO_COMPASS_NAMES,
    GEO_DIRECTIONS,
    GEO_INSIDE_PREPS,
    GEO_JOINERS,
    GEO_LOCAL_BODIES,
    GEO_LOCATING_PREPS,
    GEO_NAME_PARTICLES,
    GEO_NOUNS,
    GEO_SITE_WORDS,
    GEO_TITLES,
)
from dyadwatch.nlp.strings import token_texts
from dyadwatch.records import PlaceRole

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

BIG_CITY = 100_000
TOWN = 1_000
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

# A mention found: (span, role if fixed, is a demonym)
Found = tuple["SpacySpan", PlaceRole | None, bool]


def _hashes(words: Iterable[str]) -> frozenset[int]:
    """The string-store ids of ``words``: a token's ``LOWER`` or ``ORTH`` column holds them."""
    from spacy.strings import get_string_id

    return frozenset(get_string_id(w) for w in words)


_ids = cache(_hashes)  # for the fixed word lists (an article's own names are not kept)


def _columns(doc: Doc, *attrs: str) -> list[list[int]]:
    """Columns of the doc's token array (``Doc.to_array``), as lists: the loops below look at
    the few tokens whose values can matter, rather than make a ``Token`` of every one."""
    from spacy.attrs import IDS

    if len(doc) == 0:
        return [[] for _ in attrs]
    table = doc.to_array([IDS[a] for a in attrs]).reshape(len(doc), len(attrs))
    return cast("list[list[int]]", table.T.tolist())  # unsigned integers: Python ints


def whole_names(doc: Doc, resolver: PlaceResolver) -> list[SpacySpan]:
    """Names joined by "of" or "and" that the gazetteer knows whole ("the Sea of Japan",
    "Strait of Hormuz", "Trinidad and Tobago"), which NER tends to cut ("the Sea of" +
    "Japan", "Trinidad" + "Tobago")."""
    out: list[SpacySpan] = []
    [lower] = _columns(doc, "LOWER")
    joiners = _ids(GEO_JOINERS)
    for tok in (doc[i] for i, low in enumerate(lower) if low in joiners):
        if tok.lower_ not in GEO_JOINERS or tok.i == 0 or not doc[tok.i - 1].text[:1].isupper():
            continue
        after = tok.i + 1 + (tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "the")
        best = None
        for left in (1, 2):
            for right in (1, 2, 3):
                start, end = tok.i - left, after + right
                if start < 0 or end > len(doc):
                    continue
                words = [*doc[start : tok.i], *doc[after:end]]
                if not all(w.text[:1].isupper() for w in words):
                    continue
                span = doc[start:end]
                known = any(not c.alternate for c in resolver.known(span.text))
                if known and (best is None or len(span) > len(best)):
                    best = span
        if best is not None and not (out and out[-1].end > best.start):
            out.append(best)
    return out


def is_actor_name(span: SpacySpan, not_place: Callable[[str], bool] | None) -> bool:
    """A person's or an organisation's name, not a place's: known to the actor knowledge, or
    following a title."""
    if span.start > 0 and span.doc[span.start - 1].lower_ in GEO_TITLES:
        return True
    return not_place is not None and not_place(span.text)


def big_place(
    resolver: PlaceResolver, name: str, *, areas: bool = True, least: int = BIG_CITY
) -> bool:
    """The main name of a city, or a county or district, of ``least`` inhabitants or more
    (100,000), or (``areas``) of a country, state or region."""
    return any(
        not c.alternate and (c.population >= least if c.feature not in AREAS else areas)
        for c in resolver.known(name)
    )


def trim(span: SpacySpan) -> SpacySpan | None:
    """Drop a leading determiner and a trailing possessive or punctuation."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    while end > start and (span.doc[end - 1].tag_ == "POS" or span.doc[end - 1].is_punct):
        end -= 1
    return span.doc[start:end] if end > start else None


def inside(span: SpacySpan, ranges: Iterable[tuple[int, int]]) -> bool:
    start, end = span.start, span.end  # read once, not for every range
    return any(s < end and start < e for s, e in ranges)


def name_run(doc: Doc, start: int, limit: int = 5) -> SpacySpan | None:
    """The proper-name run starting at ``start`` ("Deir Ezzor", "Bustan al-Diwan")."""
    end = start
    while end < len(doc) and end - start < limit:
        tok = doc[end]
        if tok.pos_ == "PROPN" and tok.text[:1].isupper():
            end += 1
        elif (
            end == start
            and tok.lower_ in {"al", "el"}
            and end + 2 < len(doc)
            and doc[end + 1].text == "-"
            and doc[end + 2].pos_ == "PROPN"
        ):
            end += 2  # "al-Bab": a leading article joined by a hyphen
        elif tok.lower_ in GEO_NAME_PARTICLES and end > start and end + 1 < len(doc):
            if doc[end + 1].pos_ != "PROPN" or tok.lower_ == "of":
                break
            end += 1
        else:
            break
    if end == start or doc[start].lower_ in CALENDAR_WORDS:
        return None
    return doc[start:end]


def lookup_name(resolver: PlaceResolver, span: SpacySpan, *, whole: bool = True) -> str:
    """The text to look a mention up by: itself; else its name before a site word ("Deir Ezzor
    Airport"); else, when the gazetteer knows that, the name after a compass word ("Northern
    Kordofan"), else the longest run of its words that is the main name of an area, of a city of
    100,000 ("Kunduz-Takhar highway" -> Kunduz) or of a town of 1,000 before a local body's word
    ("Tarvel Police Station"): the mention lies in or at that place. ``whole=False`` skips the
    mention itself (the gazetteer knows it, but only as places the resolver turned down)."""
    if whole and resolver.known(span.text):
        return span.text
    doc, start, end = span.doc, span.start, span.end
    while end > start + 1 and doc[end - 1].lower_ in GEO_SITE_WORDS:
        end -= 1
    stripped = doc[start:end].text
    if end - start < 2 or (resolver.known(stripped) and (whole or end < span.end)):
        return stripped
    if doc[start].lower_ in GEO_COMPASS_NAMES and resolver.known(doc[start + 1 : end].text):
        return doc[start + 1 : end].text
    for size in range(end - start - 1, 0, -1):
        for left in range(start, end - size + 1):
            part = doc[left : left + size]
            local = left + size < end and doc[left + size].lower_ in GEO_LOCAL_BODIES
            least = TOWN if local else BIG_CITY
            if part[0].text[:1].isupper() and big_place(resolver, part.text, least=least):
                return part.text
    return stripped


def gazetteer_spans(
    doc: Doc, resolver: PlaceResolver, taken: list[tuple[int, int]], ents: Sequence[SpacySpan]
) -> list[Found]:
    """Capitalised runs naming a country, state, region or nationality (not a mere town).

    They catch what NER mislabels ("Mali" as PERSON) or leaves inside an organisation ("Air
    Zimbabwe", role metonym). Longest match first at each position.
    """
    from spacy.attrs import ORTH, SPACY

    others = [(e.start, e.end) for e in ents if e.label_ not in PLACE_LABELS]
    # The tokens' texts and trailing spaces, read once from the doc's arrays: spaCy's Token
    # objects and slices cost more than the checks, run for up to four runs at every token.
    rows = doc.to_array([ORTH, SPACY]).tolist()
    texts = token_texts(doc, [orth for orth, _ in rows])
    spaced = [bool(space) for _, space in rows]
    capital = [text[:1].isupper() for text in texts]
    length = len(texts)
    inside = overlap_test(length, taken)
    # What the resolver says of each name (an area, a demonym, neither), asked once per name
    # here: an article repeats its names, and a look-up in the resolver's shared memo costs
    # more than in a dict of its own.
    kinds: dict[str, str | None] = {}
    out: list[Found] = []
    i = 0
    while i < length:
        match: Found | None = None
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
            if n == 1:
                name = texts[i]
            else:
                name = "".join(texts[k] + " " * spaced[k] for k in range(i, end - 1)) + texts[end - 1]
            if name in kinds:
                kind = kinds[name]
            else:
                kind = kinds[name] = (
                    "area" if resolver.names_area(name)
                    else "demonym" if resolver.demonym_candidate(name) is not None
                    else None
                )
            if kind == "area":
                embedded = any(s <= i and end <= e and (s, e) != (i, end) for s, e in others)
                match = (doc[i:end], "metonym" if embedded else None, False)
            elif kind == "demonym":
                match = (doc[i:end], "demonym", True)
            if match:
                break
        if match:
            out.append(match)
            i = match[0].end
        else:
            i += 1
    return out


def overlap_test(length: int, ranges: Iterable[tuple[int, int]]) -> Callable[[int, int], bool]:
    """``inside`` for the token range [start, end) of a doc of ``length`` tokens, answered from
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
        # ``empty`` is checked before a generator is made for it: it is empty nearly always
        return count[end] > count[start] or (bool(empty) and any(s < end and start < e for s, e in empty))

    return inside


def pattern_spans(
    doc: Doc,
    resolver: PlaceResolver,
    taken: list[tuple[int, int]],
    persons: set[str],
    ents: Sequence[SpacySpan],
) -> list[Found]:
    """Names in place-like positions the model missed.

    - after "city/town/village/province... of" ("the town of Az-Zubayr"), whatever the gazetteer
      says;
    - after a locating preposition ("shot in Yala", "in eastern Ghouta") when the gazetteer knows
      a town of 1,000 or more by that main name;
    - after "in/near/outside/inside" when NER took it for a person or an organisation;
    - after a lower-case compass word ("eastern Ghouta"), whatever the gazetteer says;
    - a name ending in a site word ("Deir Ezzor Airport", "Taksim Square");
    - the leading name of an organisation when it is a big city ("Lagos Chamber of Commerce",
      role metonym).
    """
    out: list[Found] = []

    def add(span: SpacySpan | None, role: PlaceRole | None = None) -> None:
        if span is not None and not inside(span, taken) and span.text not in persons:
            out.append((span, role, False))
            taken.append((span.start, span.end))

    lower, orth, pos, dep, iob = _columns(doc, "LOWER", "ORTH", "POS", "DEP", "ENT_IOB")
    # the tokens each loop can act on (a superset of what its tests let through)
    after = _ids(frozenset({"of"}) | GEO_LOCATING_PREPS)
    compass = _ids(GEO_COMPASS)
    first = [i for i, (low, text) in enumerate(zip(lower, orth, strict=True))
             if low in after or text in compass]  # fmt: skip
    for tok in (doc[i] for i in first):
        nxt = tok.i + 1
        if tok.lower_ == "of" and tok.i > 0 and doc[tok.i - 1].lower_ in GEO_NOUNS:
            while nxt < len(doc) and doc[nxt].lower_ in {"the"}:
                nxt += 1
            add(name_run(doc, nxt))
        elif tok.lower_ in GEO_LOCATING_PREPS:
            while nxt < len(doc) and doc[nxt].lower_ in GEO_DIRECTIONS:
                nxt += 1
            span = name_run(doc, nxt)
            if span is not None and any(
                c.feature == "city" and c.population >= 1000 and not c.alternate
                for c in resolver.known(span.text)
            ):
                add(span)
            elif (
                span is not None
                and tok.lower_ in GEO_INSIDE_PREPS
                and span[0].ent_iob_ == "B"
                and span[0].ent_type_ in {"PERSON", "ORG"}
            ):
                # "clashes in Kafr Nabl", "a blast outside Wardak": NER takes many towns the
                # gazetteer lacks for persons or organisations; neither is "in" anything.
                add(span)
        if tok.text in GEO_COMPASS and nxt < len(doc):
            # "in eastern Ghouta", "across northern Mali": a name a lower-case compass word
            # qualifies is an area's, whatever the gazetteer holds.
            add(name_run(doc, nxt))
    for tok in (doc[i] for i in _second_loop(lower, orth, pos, dep, iob)):
        if tok.text == "," and tok.i > 0:
            add(town_before_area(doc, tok.i, resolver))
        elif (
            tok.ent_iob_ == "O"
            and ((tok.dep_ == "compound" and tok.head.pos_ == "NOUN") or tok.dep_ == "pobj")
            and tok.text[:1].isupper()
            and not tok.is_sent_start
            and big_place(resolver, tok.text, areas=False)
        ):
            # "a Mosul hospital", "the Kabul government": a big city's name modifying a common
            # noun that NER left untagged is the city (a metonym where the noun is an actor's);
            # so is one NER left untagged after a preposition ("residents of Mosul").
            add(doc[tok.i : tok.i + 1])
        elif tok.dep_ == "appos" and tok.pos_ == "PROPN":
            # "the capital, Kabul,", "the northern city, Mosul": a name set beside a place noun
            # names that place, whatever NER made of it, when the gazetteer knows it; beside
            # a name ("Ahmad Zia, Kabul"), only a big city's or an area's: where the person
            # is from or writes from.
            start = tok.i
            while start > 0 and doc[start - 1].pos_ == "PROPN" and tok.i - start < 3:
                start -= 1
            name = doc[start : tok.i + 1]
            known = any(not c.alternate for c in resolver.known(name.text))
            if (tok.head.lower_ in GEO_NOUNS and known) or (
                tok.head.pos_ == "PROPN" and big_place(resolver, name.text)
            ):
                add(name)
        if tok.pos_ == "PROPN" and tok.lower_ in GEO_SITE_WORDS and tok.i > 0:
            start = tok.i
            while start > 0 and doc[start - 1].pos_ == "PROPN" and tok.i - start < 4:
                start -= 1
            if start < tok.i:
                add(doc[start : tok.i + 1])
        elif tok.pos_ == "NOUN" and tok.lower_ in GEO_AREA_NOUNS and tok.i > 0:
            # "the Sheikh Maqsoud area", "the Tarvel road": a name before a lower-case area
            # word is the area's (the word itself is not part of the name).
            start = tok.i
            while (
                start > 0
                and doc[start - 1].pos_ == "PROPN"
                and doc[start - 1].dep_ in {"compound", "nmod"}
                and tok.i - start < 4
            ):
                start -= 1
            if start < tok.i and doc[start].text[:1].isupper():
                add(doc[start : tok.i])
    for ent in ents:
        if ent.label_ not in {"ORG", "EVENT", "WORK_OF_ART"}:
            continue
        start = ent.start + (ent[0].lower_ == "the")
        run = name_run(doc, start, limit=3)
        whole = doc[start : ent.end]
        if ent.label_ == "ORG" and len(whole) and big_place(resolver, whole.text):
            # An "organisation" that is just a big city's or an area's name is the place
            # (", Abuja,"), unless the actor knowledge knows it (checked by the caller).
            add(whole)
            continue
        if ent.label_ == "ORG" and len(whole) and big_place(resolver, whole.text, least=TOWN):
            # A town's name NER takes for an organisation's names one that acts: a team, a
            # council ("Wigan beat Hull"): the town, as a metonym.
            add(whole, "metonym")
            continue
        # The leading name of an organisation or event: its longest prefix naming a big city
        # ("Lagos Chamber of Commerce", "Dubai Police", "Dubai World Cup"), or any town of
        # 1,000 when a local body's word follows ("Kaduna Police", "Galway County Council").
        for end in range(min(run.end, ent.end - 1) if run is not None else 0, start, -1):
            least = TOWN if doc[end].lower_ in GEO_LOCAL_BODIES else BIG_CITY
            if big_place(resolver, doc[start:end].text, areas=False, least=least):
                add(doc[start:end], "metonym")
                break
        # A place ending it after "of" ("Ruler of Dubai", "University of Lagos").
        of = next((t.i for t in ent if t.lower_ == "of" and t.i > ent.start), None)
        if of is not None and of + 1 < ent.end:
            tail = name_run(doc, of + 1 + (doc[of + 1].lower_ == "the"))
            if tail is not None and tail.end == ent.end and big_place(resolver, tail.text):
                add(tail, "metonym")
    return out


def _second_loop(
    lower: list[int], orth: list[int], pos: list[int], dep: list[int], iob: list[int]
) -> list[int]:
    """The tokens ``pattern_spans``'s second loop can act on: a comma, an untagged compound or
    object of a preposition, a proper noun in apposition or a site word, an area noun."""
    from spacy.parts_of_speech import NOUN, PROPN

    comma = _ids(frozenset({","}))
    [compound, pobj, appos] = [_ids(frozenset({d})) for d in ("compound", "pobj", "appos")]
    untagged = compound | pobj
    sites, areas = _ids(GEO_SITE_WORDS), _ids(GEO_AREA_NOUNS)
    outside = 2  # ENT_IOB: 1 inside, 2 outside, 3 beginning an entity
    return [
        i
        for i, (low, text, p, d, b) in enumerate(zip(lower, orth, pos, dep, iob, strict=True))
        if text in comma
        or (b == outside and d in untagged)
        or (p == PROPN and (d in appos or low in sites))
        or (p == NOUN and low in areas)
    ]


def town_before_area(doc: Doc, comma: int, resolver: PlaceResolver) -> SpacySpan | None:
    """The name before ``comma`` when the name after it is a country, state or province that
    holds a town or county of that name ("Severn, Md.", "Kinsley, Kansas", "Gao, Mali"):
    whatever NER made of the first, the pair is how a writer places a town."""
    after = name_run(doc, comma + 1, limit=3)
    if after is None:
        return None
    areas = [c for c in resolver.known(after.text) if c.feature in ("country", "admin")]
    for size in (3, 2, 1):
        start = comma - size
        run = doc[max(start, 0) : comma]
        if start < 0 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in run):
            continue
        if start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper():
            continue  # not the whole name: only part of a longer run
        for cand in resolver.known(run.text):
            if cand.alternate or cand.feature not in ("city", "district"):
                continue
            if any(
                a.country == cand.country and (a.feature == "country" or a.admin1 == cand.admin1)
                for a in areas
            ):
                return run
    return None


def repeats(
    doc: Doc, found: list[Found], taken: list[tuple[int, int]], persons: set[str]
) -> list[Found]:
    """Later and earlier uses of a name found as a place elsewhere in the article, wherever NER
    labelled them (a writer keeps one sense of a name through a story: "Ramallah" is a place
    in every sentence if it is one in any). Not a word of a person's name, nor after a title."""
    names: dict[str, set[tuple[str, ...]]] = {}
    for span, role, is_demonym in found:
        if not is_demonym and role != "metonym" and span[0].text[:1].isupper():
            names.setdefault(span[0].text, set()).add(tuple(t.text for t in span))
    out: list[Found] = []
    if not names:
        return out
    [orth] = _columns(doc, "ORTH")
    first = _hashes(names)
    for tok in (doc[i] for i, text in enumerate(orth) if text in first):
        for words in sorted(names.get(tok.text, ()), key=len, reverse=True):
            span = doc[tok.i : tok.i + len(words)]
            if tuple(t.text for t in span) != words or inside(span, taken):
                continue
            if span.text in persons or (tok.i > 0 and doc[tok.i - 1].lower_ in GEO_TITLES):
                continue
            out.append((span, None, False))
            taken.append((span.start, span.end))
            break
    return out


def hyphen_parts(span: SpacySpan, resolver: PlaceResolver) -> list[SpacySpan]:
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


def conjuncts(doc: Doc, found: list[Found], taken: list[tuple[int, int]]) -> list[Found]:
    """Names coordinated with a literal place ("the towns of Al-Zorba and Khan Touman")."""
    out: list[Found] = []
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
            run = name_run(doc, start)
            if run is not None and not inside(run, taken):
                out.append((run, None, False))
                taken.append((run.start, run.end))
    return out


_LIST_SEPARATORS = frozenset({",", "and"})


def list_items(
    doc: Doc,
    found: list[Found],
    taken: list[tuple[int, int]],
    resolver: PlaceResolver,
    persons: set[str],
) -> list[Found]:
    """Names listed beside a place ("Aleppo, Idlib and Hama"; "Idlib, Hama"): a name after a
    place and a comma or "and", or before a comma and a town or before "and" and a place, that
    the gazetteer knows by its main name, whatever NER made of it (it tags many listed towns
    as persons)."""
    places = {span.start: span for span, role, is_demonym in found if not is_demonym}
    ends = {span.end: span for span in places.values()}
    out: list[Found] = []
    if not places:
        return out  # nothing to list beside
    # the separators found on the doc's array of forms: a Token for every word cost more
    separators = _ids(_LIST_SEPARATORS)
    for i, form in enumerate(_columns(doc, "ORTH")[0]):
        if form not in separators:
            continue
        sep = doc[i]
        before, after = ends.get(sep.i), sep.i + 1
        if before is not None:
            run = name_run(doc, after, limit=3)
            if run is not None and _listed(resolver, run, taken, persons):
                out.append((run, None, False))
                taken.append((run.start, run.end))
        # "X, Georgia" is the town-and-area pair town_before_area judges, not a list.
        if after in places and not (sep.text == "," and resolver.names_area(places[after].text)):
            for size in (3, 2, 1):
                start = sep.i - size
                run = doc[max(start, 0) : sep.i]
                if start < 0 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in run):
                    continue
                if start > 0 and doc[start - 1].pos_ == "PROPN":
                    continue
                if _listed(resolver, run, taken, persons):
                    out.append((run, None, False))
                    taken.append((run.start, run.end))
                break
    return out


def _listed(
    resolver: PlaceResolver, run: SpacySpan, taken: list[tuple[int, int]], persons: set[str]
) -> bool:
    if inside(run, taken) or run.text in persons or run[0].is_sent_start:
        return False
    return any(not c.alternate for c in resolver.known(run.text))


def person_words(ents: Sequence[SpacySpan]) -> set[str]:
    """Words of person names, so "Townsend said" is not taken for the town of Townsend."""
    return {t.text for e in ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
