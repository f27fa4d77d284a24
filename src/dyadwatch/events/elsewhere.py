"""Targets named away from the verb's arguments: the place a coercive or violent act applies
to ("a curfew IN Montenegro", "struck a plant NEAR Kyiv"), an 'against' actor in the trigger's own
phrase ("a possible war AGAINST Iraq"), and, failing all else, an actor merely named in the
clause ("expressed hope ... in front of the American delegation").

Split from :class:`~dyadwatch.events.targets.Targets`, which owns the receiving side of the
clause proper (prepositions, objects, event nouns); ``Clauses`` offers both under one name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyadwatch.actors.cues import NO_NATIONALITY
from dyadwatch.events.passage import place_noun, protest_venue, setting_noun, setting_of
from dyadwatch.events.protested import suffers
from dyadwatch.knowledge.words import (
    CRISIS_NOUNS,
    EDGE_NOUNS,
    HOLDING_PARTICIPLES,
    POLICY_NOUNS,
    RELEASING_WORDS,
    SEAT_NOUNS,
    VESSEL_NOUNS,
)
from dyadwatch.nlp.tree import children as children_of
from dyadwatch.nlp.tree import marked_by
from dyadwatch.records import Actor

# Subordinators of a clause beside a protest or after it, never its motive (``_beside_clause``).
# ('as' is not among them: "protested AS the commission announced his victory" names what moved
# them, and a clause beside a protest most often names the rulers it presses.)
_BESIDE_MARKS = frozenset({"while", "before", "if", "unless", "although", "though", "whereas"})

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Token

    from dyadwatch.actors.resolve import ArticleActors
    from dyadwatch.events.mentions import Mentions


class ElsewhereTargets:
    """The targets of one parsed article's triggers found outside the verb's arguments."""

    def __init__(self, doc: Doc, actors: ArticleActors, mentions: Mentions,
                 inside: Callable[[Token], Token]) -> None:
        self.doc = doc
        self.actors = actors
        self.mentions = mentions
        self.inside = inside  # Targets.inside: the actor a target mention stands for

    def located_target(self, trigger: Token, obj: Token | None, country_only: bool = False,
                       over: bool = False) -> Token | None:
        """'lifted a curfew IN Montenegro', 'struck a plant NEAR Kyiv', 'sent troops to the border
        WITH X': the place a coercive or violent act applies to (``placed``); for protests, a
        country; with ``over``, a place things are dropped over too ("airdropped food OVER
        Gaza")."""
        def place(p: Token) -> Token | None:
            found = self.mentions.actor_inside(p)
            # the tagger often calls a town it does not know a facility ("in KHAN YOUNIS" as
            # FAC), which the places stage gives its country (not ORG: as often a real body)
            actor = self.mentions.actor(found) if found.ent_type_ in _PLACE_TAGS else None
            country = self._national_place(p) if actor is None else None
            if country is not None:
                # "near the SYRIAN town of X": the town's people, of the adjective's country
                actor = self.mentions.actor(p)
                if actor is None or actor.country != country:
                    return None
                found = p
            if actor is None or (country_only and (actor.kind != "state" or actor.sector is not None)):
                return None
            return found
        closer = [c for c in children_of(trigger) if c.dep_ == "advmod"]  # "moved troops CLOSER to X"
        return placed([trigger] + ([obj] if obj is not None else []) + closer, place,
                      (*_IN_PREPS, "over") if over else _IN_PREPS)

    def _aside_of_protest(self, trigger: Token) -> set[int]:
        """The indices of a protest's clauses beside it and of the places it is held in."""
        return {t.i for c in children_of(trigger) if _beside_clause(c) for t in c.subtree} | {
            t.i for p in children_of(trigger) if p.dep_ == "prep" for o in children_of(p)
            if protest_venue(o, self.actors.knowledge) for t in o.subtree}

    def _national_place(self, p: Token) -> str | None:
        """The country of a place noun with a state's nationality before it ("the Syrian town
        of Qamishli", "a Lebanese village"), else None: wire copy names a small place abroad so
        when it expects the name to be unknown, and the adjective then says whose it is (an
        ethnic one, "a Kurdish town", says no state's)."""
        if not place_noun(p, self.actors.knowledge) or not any(
                c.dep_ == "amod" and c.ent_type_ == "NORP" and c.i < p.i for c in children_of(p)):
            return None
        people = self.actors.resolve(p)
        if people is None or NO_NATIONALITY in people.reason:
            return None
        return people.country

    def against_target(self, trigger: Token) -> Token | None:
        """'mobilized reservists for a possible war AGAINST Iraq': an 'against' actor in the
        trigger's own phrase (not in a clause below it)."""
        stack = [c for c in children_of(trigger) if c.dep_ not in ("ccomp", "advcl", "relcl", "nsubj", "nsubjpass", "conj")]
        while stack:
            tok = stack.pop(0)
            if tok.dep_ == "prep" and (tok.lower_ == "against" or (
                tok.lower_ == "with" and tok.head.lemma_.lower() in CRISIS_NOUNS)):  # "war with X"
                for p in children_of(tok):
                    if p.dep_ == "pobj" and self.mentions.actor(self.inside(p)) is not None:
                        return self.inside(p)
            stack.extend(c for c in children_of(tok) if c.dep_ not in ("ccomp", "advcl", "relcl"))
        return None

    def clause_target(self, trigger: Token, source: Actor, same_country: bool = False,
                      after: bool = False) -> Actor | None:
        """No target where the pattern puts it: an actor of another country named in the clause
        ("expressed hope ... in front of the American delegation"); with ``same_country``, any
        other actor ("staged a hunger strike to demand the resignation of President X"); with
        ``after``, only one named after the trigger."""
        if same_country:
            seat = self._protested_at(trigger)
            if seat is not None:
                return seat
        # the words no target is read from: the subject's; for a protest, a clause beside it and
        # where it is held ("marched BEFORE parliament voted", "rallied IN dozens of Russian
        # cities"), no one it is aimed at
        subject = self._aside_of_protest(trigger) if same_country else _subject_words(trigger)
        for tok in trigger.subtree:
            if source.start <= tok.idx < source.end or tok.i in subject or (after and tok.i < trigger.i):
                continue  # the source's own words ("Palestinians of the Israeli-occupied ...")
            if tok.lemma_.lower() in CRISIS_NOUNS and tok.i > trigger.i:
                place = self.mentions.crisis_country(tok)
                actor = self.actors.resolve(place) if place is not None else None
                if actor is not None and actor.country and actor.country != source.country:
                    return actor
            if same_country and suffers(tok):
                continue  # "unrest that followed the jailing of X": a protest for X, not at X
            if same_country and tok.i > trigger.i and tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in (
                "pobj", "dobj", "poss", "nsubj"
            ) and not (tok.dep_ == "pobj" and tok.head.lower_ in _ROUTE_PREPS) \
                    and not setting_of(tok):  # "the streets of Minsk": where the act is
                actor = self.actors.resolve(tok)
                if actor is not None and actor.country == source.country and (
                    actor.sector, actor.kind) != (source.sector, source.kind):
                    return actor
            if tok.ent_iob_ != "B" or tok.ent_type_ not in ("GPE", "ORG", "NORP"):
                continue
            if tok.ent_type_ == "GPE" and _is_place(tok):
                continue  # "agreed ... in Minsk": where, not whom
            end = tok.i + 1
            while end < len(self.doc) and self.doc[end].ent_iob_ == "I":
                end += 1
            root = self.doc[tok.i:end].root
            actor = None
            if root.dep_ in ("amod", "compound", "poss") and root.head.pos_ in ("NOUN", "PROPN"):
                actor = self.actors.resolve(root.head)  # "Egyptian mediators": the mediators
            if actor is None:  # "Finland's bid": no actor in the bid, Finland itself
                actor = self.actors.resolve(root)
            if actor is not None and actor.country and actor.country != source.country:
                return actor
        return self._protested_policy(trigger, source) if same_country else None

    def _protested_policy(self, trigger: Token, source: Actor) -> Actor | None:
        """'protested against a proposed TAX increase', 'a strike over a pension REFORM': a
        protest at a public policy names no one, yet is aimed at the government that makes it,
        the protesters' own, as CAMEO codes it. Not a grievance an employer may answer ("over
        unpaid salaries", "against pay cuts"), nor a government's own protest."""
        if source.country is None or source.kind == "igo" or source.unknown or source.sector == "GOV":
            return None
        for tok in trigger.subtree:
            aimed = (tok.dep_ == "pobj" and tok.head.lower_ in _AT_PREPS) or (
                tok.dep_ == "dobj" and tok.head.lemma_.lower() == "protest")
            words = [tok] + [c for c in children_of(tok) if c.dep_ in ("compound", "amod")] if aimed else []
            if any(w.lemma_.lower() in POLICY_NOUNS or w.lower_ in POLICY_NOUNS for w in words):
                return Actor(text=tok.text, start=tok.idx, end=tok.idx + len(tok.text),
                             name=f"{source.country} government", country=source.country, sector="GOV",
                             cameo_code=source.country + "GOV", kind="state",
                             reason=f"a protest at '{tok.text}', a public policy: its maker, the "
                                    f"protesters' government ({source.country})")
        return None

    def _protested_at(self, trigger: Token) -> Actor | None:
        """'gathered outside the Chinese embassy to protest', 'rallied in front of parliament':
        the seat of a body where a protest is held stands for that body, as CAMEO reads a
        protest's location when it names whom it is aimed at; the protest may be the purpose of
        the gathering verb. A town or a square names no one."""
        for verb in (trigger, trigger.head) if trigger.dep_ in ("advcl", "xcomp") else (trigger,):
            for prep in children_of(verb):
                if prep.dep_ != "prep" or prep.lower_ not in _SEAT_PREPS:
                    continue
                for p in (c for c in children_of(prep) if c.dep_ == "pobj"):
                    if p.lower_ == "front":  # "in front of X"
                        p = next((q for c in children_of(p) if c.dep_ == "prep" and c.lower_ == "of"
                                  for q in children_of(c) if q.dep_ == "pobj"), p)
                    if p.lemma_.lower() in SEAT_NOUNS:
                        actor = self.mentions.actor(p)
                        if actor is not None and actor.sector is not None:
                            return actor
        return None


# Prepositions of where a crowd is or goes ("rallied IN Minsk", "marched THROUGH Madrid",
# "protests ACROSS Iran", "marched AROUND the capital"): a town there is the setting, never whom
# the protest is aimed at, even when its name stands for a government elsewhere ("Madrid").
_ROUTE_PREPS = ("in", "at", "near", "across", "through", "throughout", "around", "along")
# Prepositions of what a protest is aimed at ("against the reform", "over taxes", "in protest
# AT the law").
_AT_PREPS = ("against", "over", "at")
# (The word lists these phrases are tested against, policy_nouns, seat_nouns, edge_nouns,
# holding_participles and releasing_words, are in data/words.yaml with what each is for.)
# Entity tags under which a place named in a phrase of place may come ("in Khan Younis" is often
# FAC).
_PLACE_TAGS = frozenset({"GPE", "LOC", "FAC"})
# Prepositions of where a protest stands before a building ("outside", "at", "in front of").
_SEAT_PREPS = ("outside", "at", "near", "before", "in")

# Prepositions of the place an act applies to: in it ("a curfew IN X"), or by it, the thing hit
# being the place's ("a power plant NEAR Kyiv", "a depot OUTSIDE Damascus"); never a ship's,
# whose country is its flag's, not that of the waters it sails ("a frigate OFF Oman").
_IN_PREPS = ("in", "inside", "across", "near", "outside", "off", "around")
# Prepositions of where forces are sent, massed or fired ("to the border", "along the frontier").
_DESTINATION_PREPS = ("to", "into", "toward", "towards", "along", "near", "at", "on", "across")


# Codes of asking another for a release (an appeal, 0253; a demand, 1053).
RELEASE_ASKS = ("0253", "1053")


def held_by(trigger: Token, actor: Callable[[Token], Actor | None], sources: list[Actor]) -> list[Actor]:
    """'demanded the release of an American journalist HELD IN RUSSIA': a release is asked of
    whoever holds the people, which the participle after them names; the people are what is
    asked for, so they are no target then. Empty when no holder of another country than the
    askers' is named (then the people stand for it, as the pattern finds them)."""
    for tok in trigger.subtree:
        if tok.dep_ != "acl" or tok.tag_ != "VBN" or tok.lemma_.lower() not in HOLDING_PARTICIPLES \
                or not _released(tok.head):
            continue  # "at talks held in Doha": a participle of other words holds no one
        for p in (q for c in children_of(tok) if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by")
                  for q in children_of(c) if q.dep_ == "pobj"):
            found = actor(p)
            if found is not None and found.country and not found.unknown \
                    and all(s.country != found.country for s in sources):
                return [found]
    return []


def _released(people: Token) -> bool:
    """Whether ``people`` (or the first of conjoined people) are those a release is asked for:
    "the release OF journalists", "to free two sailors"."""
    while people.dep_ == "conj":
        people = people.head
    head = people.head
    if people.dep_ == "pobj" and head.lower_ == "of":
        return head.head.lemma_.lower() in RELEASING_WORDS
    return people.dep_ == "dobj" and head.lemma_.lower() in RELEASING_WORDS


def placed(heads: list[Token], place: Callable[[Token], Token | None],
           in_preps: tuple[str, ...] = ()) -> Token | None:
    """The place named by the phrases of ``heads`` (a verb and its object) where an act applies:
    a place it is in or by ("seized a tanker IN Iranian waters", "hit a plant NEAR Kyiv"), or the
    country an edge it is sent to belongs to ("moved troops to the border WITH X", "into
    positions near X'S border"; the parser may hang "with X" on the verb). A possessive pronoun
    ("ITS border") is the doer's own edge, which names no one. ``place`` gives the token of a
    place that is an actor, or None; ``in_preps`` the prepositions of a place it is in or by
    (``_IN_PREPS`` when not given)."""
    in_preps = in_preps or _IN_PREPS
    moving = any(h.lemma_.lower() in VESSEL_NOUNS for h in heads)  # a ship acted on, wherever it is
    for head in heads:
        preps = [c for c in children_of(head) if c.dep_ in ("prep", "dative")]
        for prep in preps:
            for p in (c for c in children_of(prep) if c.dep_ == "pobj"):
                found = place(p) if prep.lower_ in in_preps and not moving else None
                if found is None and prep.lower_ in in_preps and not moving:
                    # "outside a police station IN QUETTA", "in the centre OF JOS"
                    found = next((t for q in _within(p) if (t := place(q)) is not None), None)
                if found is None and prep.lower_ in _DESTINATION_PREPS and p.lemma_.lower() in EDGE_NOUNS:
                    found = _edge_owner(p, place) or next(
                        (t for w in preps if w.lower_ == "with" and w.i > p.i
                         for q in children_of(w) if q.dep_ == "pobj" and (t := place(q)) is not None), None)
                if found is not None:
                    return found
            if prep.lower_ == "out" and not moving:  # "ordered its troops OUT OF Syria": left
                for q in (p for d in children_of(prep) if d.dep_ == "prep" and d.lower_ == "of"
                          for p in children_of(d) if p.dep_ == "pobj"):
                    if (found := place(q)) is not None:
                        return found
    return None


def _within(thing: Token, depth: int = 0) -> list[Token]:
    """The places a thing is said to be in or by ("a station IN QUETTA", "the centre OF JOS"),
    nearest first, two phrases deep at most."""
    out: list[Token] = []
    for c in children_of(thing):
        if c.dep_ == "prep" and (c.lower_ in _IN_PREPS or (c.lower_ == "of" and setting_noun(thing))):
            for q in (d for d in children_of(c) if d.dep_ == "pobj"):
                out.append(q)
                if depth < 1:
                    out.extend(_within(q, depth + 1))
    return out


def _edge_owner(edge: Token, place: Callable[[Token], Token | None], depth: int = 0) -> Token | None:
    """Whose an edge is: "X's border", "the border WITH X", "waters NEAR X", "positions near
    X's border" (an edge by another edge: that one's owner)."""
    for c in children_of(edge):
        if c.dep_ == "poss" and c.pos_ != "PRON":
            return place(c)
        if c.dep_ == "prep" and c.lower_ in ("with", "near", "of", "off", "along"):
            for q in (d for d in children_of(c) if d.dep_ == "pobj"):
                found = place(q)
                if found is None and depth < 2 and q.lemma_.lower() in EDGE_NOUNS:
                    found = _edge_owner(q, place, depth + 1)
                if found is not None:
                    return found
    return None


def _subject_words(trigger: Token) -> set[int]:
    """The words of a trigger's subject phrase, which name the doer's allies or origin ("Iran,
    with Russia's backing, expressed hope"), not whom the act is aimed at. (Protesters' phrase
    may name it, "protesters outside the US embassy": protests do not ask this.)"""
    return {t.i for c in children_of(trigger) if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}


def _is_place(token: Token) -> bool:
    """A place name used as a location ("in Minsk", "at the Russia-Africa summit")."""
    node = token
    while node.dep_ in ("compound", "amod") and node.head.i != node.i:
        node = node.head
    return node.dep_ == "pobj" and node.head.lower_ in ("in", "at", "near", "from", "outside", "inside")


def _beside_clause(clause: Token) -> bool:
    """Is ``clause`` a clause of time or condition that names no act before a protest
    ("BEFORE parliament voted", "UNLESS the law is dropped")? Its actors are not whom the
    protest is aimed at (unlike those of ``motive_marks``)."""
    return clause.dep_ == "advcl" and marked_by(clause, _BESIDE_MARKS)
