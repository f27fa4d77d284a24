"""Targets: whom a trigger acts on, on the dependency parse.

``Targets`` owns the receiving side of a clause: the pattern's preposition ("met with X",
"sanctions on X"), the direct object, indirect objects and, failing those, the first object of
with/to/against/on; the targets and sources of an event noun ("X's visit to Y", "talks between X
and Y"); and whom the act's purpose clause acts on ("fired tear gas to disperse the
protesters"). The place a coercive act applies to, an 'against' actor of the phrase and an actor
merely named in the clause are :mod:`~dyadwatch.events.elsewhere`'s.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyadwatch.actors.cues import NO_NATIONALITY
from dyadwatch.events.match import hosted_talks
from dyadwatch.events.pairs import paired_sides
from dyadwatch.events.passage import named_place, place_noun, setting_of
from dyadwatch.events.subjects import UNDERGONE_DOER_PREPS, agents, stray_agents, undergoer_verb
from dyadwatch.knowledge.words import (
    CAPTIVE_NOUNS,
    CONTESTED_PRIZES,
    DEFAULT_TARGET_PREPS,
    EVENT_PART_NOUNS,
    FACILITY_NOUNS,
    GO_BETWEEN_PARTICIPLES,
    MODAL_AIMS,
    OPPOSING_NOUNS,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Token

    from dyadwatch.actors.resolve import ArticleActors
    from dyadwatch.events.mentions import Mentions


# Verbs of a vehicle's load: "a convoy carrying officials" is an act on the officials.
_CARRYING = ("carry", "transport", "ferry")
# Prepositions that, beside an actor as a verb's direct object, give the charge or the reason
# ("accused X OF", "blamed X FOR"), not a second party acted on. Not 'with': it may name the
# charge ("charged X with murder") but as often a party or a means ("met X with Y").
_CHARGE_PREPS = ("of", "for")
_STATE_FORCES = ("MIL", "COP", "SPY")
# Nouns of aiming whose to-infinitive, under 'in', states the aim of the clause's verb ("in
# order to", "in a bid to", "in an effort to", "in an attempt to").
_AIM_NOUNS = frozenset({"order", "bid", "effort", "attempt"})
# Verbs of using a means, whose to-infinitive is always what the means serve ("used tear gas
# to disperse", "employed drones to strike"), never a complement.
_MEANS_VERBS = frozenset({"use", "employ"})
# Prepositions naming where a complaint or a case is brought ("with the UN", "to the council",
# "at the court", "before the tribunal", "in a US court").
_FORUM_PREPS = ("with", "to", "at", "before", "in")
# Prepositions of a reason ("blame FOR the attack", "sanctions OVER the crackdown"), inside whose
# phrase the parser may hang the phrase that names whom the act is aimed at.
_REASON_PREPS = ("for", "over")


# Dependencies of an event noun whose two hyphen-joined names are its sides ("India-Pakistan
# clashes killed ...", "after India-Pakistan clashes"): the subject or the head of its clause,
# or the setting of a verb; not a topic ("condemned the India-Pakistan clashes").
_REPORTED_DEPS = frozenset({"nsubj", "nsubjpass", "ROOT", "appos"})


class Targets:
    """The targets of the triggers of one parsed article."""

    def __init__(self, doc: Doc, actors: ArticleActors, mentions: Mentions) -> None:
        self.doc = doc
        self.actors = actors
        self.mentions = mentions

    def inside(self, token: Token) -> Token:
        """The actor a target mention stands for: the body a facility belongs to ("an ARMY base
        in Khartoum", "a POLICE station": the army, the police, not the place), the actor inside
        the mention ("the growing role of ECOWAS"), else the body a noun before it names
        ("OPPOSITION demands", "REBEL positions"; not "government critics"), and the place a
        place noun names ("the city of MOSUL": not the story's country a bare 'city' defaults to).
        A relative pronoun stands for the noun its clause describes ("the opposition leader,
        WHOM the government accuses of treason": the leader)."""
        if token.tag_ in ("WP", "WDT") and token.head.dep_ == "relcl" and token.head.head.i != token.i:
            token = token.head.head
        named = named_place(token, self.actors)
        if named is not None and self.mentions.actor(named) is not None:
            return named
        named = self._region_of(token)
        if named is not None:
            return named
        if token.lemma_.lower() in FACILITY_NOUNS and self.actors.resolve(token) is None:
            for c in token.children:
                if c.dep_ in ("compound", "amod") and c.i < token.i and self.actors.resolve(c) is not None:
                    return c
        inner = self.mentions.actor_inside(token)
        if inner.i == token.i and token.pos_ == "NOUN" and self.actors.resolve(token) is None:
            for c in token.children:  # "a convoy CARRYING Afghan officials": those on board
                if c.dep_ == "acl" and c.lemma_.lower() in _CARRYING:
                    aboard = next((d for d in c.children if d.dep_ == "dobj"), None)
                    if aboard is not None and self.actors.resolve(aboard) is not None:
                        return aboard
        if inner.i == token.i and token.pos_ == "NOUN" and token.lemma_.lower() not in OPPOSING_NOUNS \
                and self.actors.resolve(token) is None:
            for c in token.children:  # "accepted opposition demands", "rebel positions": theirs
                if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < token.i and self.actors.resolve(c) is not None:
                    return c
        return inner

    def _region_of(self, token: Token) -> Token | None:
        """'the WEST BANK city of Jenin', 'the DARFUR town of X': a place noun given a country
        only by default (the story's) that a place name before it locates is that place's;
        None otherwise."""
        own = self.actors.resolve(token) if place_noun(token, self.actors.knowledge) else None
        if own is None or NO_NATIONALITY not in own.reason:
            return None
        for c in token.children:
            region = self.actors.resolve(c) if c.dep_ == "compound" and c.ent_type_ in ("GPE", "LOC") else None
            if region is not None and region.country and region.country != own.country:
                return c
        return None

    def targets(self, verb: Token, obj: Token | None, preps: tuple[str, ...],
                objects: frozenset[str]) -> list[Token]:
        """Target heads of a verb event: the pattern's preposition, then the direct object."""
        heads = [verb] + ([obj] if obj is not None else [])
        wanted = [p for p in preps if p != "dobj"]
        found: list[Token] = adversary(heads, self._actor_token) if "against" in wanted else []
        accused = self._accused(verb)
        for head in heads if wanted else []:
            for c in _phrases(head):
                if c.dep_ in ("prep", "dative", "agent") and _prep_word(c) in wanted and not found:
                    if head.i != verb.i and c.lower_ == "of" and place_noun(head, self.actors.knowledge):
                        continue  # "seized the city OF Goma": the city is Goma, one target, the object
                    if accused is not None and head.i == verb.i and c.lower_ in _CHARGE_PREPS:
                        # "accused X of shelling villages", "blamed X for the attack on Y":
                        # beside an actor as direct object, the phrase is the charge or the
                        # reason; whom it names is not acted on
                        continue
                    # "pounded the town WITH ARTILLERY": the pattern's own keyword in a 'with'
                    # phrase is the means the act uses, never whom it is aimed at
                    pobjs = [p for p in prep_objects(c) if c.lower_ != "with" or not _keyword(p, objects)]
                    if c.head.i != head.i:  # "walked out of the talks in Vienna": those with whom
                        pobjs = [q for p in pobjs for q in _parties_in(p, objects)]
                    found.extend(self.inside(p) for p in pobjs if self.mentions.actor(self.inside(p)) is not None)
        if not found and accused is not None and wanted and (obj is None or obj.i != accused.i):
            return [accused]
        if (not found and obj is not None and objects and obj.dep_ == "dobj"
                and obj.lemma_.lower() not in objects and "~dobj" not in preps):
            # "accused Iran of aggression", "blamed X for the bombing": the pattern's keyword
            # sits in a complement, so the verb's own direct object, when it is an actor, is
            # whom the act is aimed at
            head = self.inside(obj)
            if self.mentions.actor(head) is not None:
                return [head]
        # "met with X, Y and Z": the parser may hang the last of a list on the verb
        if (
            obj is not None
            and "~dobj" not in preps  # "discussed Libya": the object is the topic
            and obj.dep_ != "nsubjpass"
            and (not objects or "dobj" in preps)
            and (not found or ("dobj" in preps and self.mentions.actor(obj) is not None))
        ):
            found.append(self.inside(obj))
        if obj is not None and obj.dep_ == "nsubjpass" and not objects:
            found.append(self.inside(obj))  # "the embassy was attacked": the target
        elif (obj is not None and obj.dep_ == "nsubjpass" and not found and obj.lemma_.lower() not in objects
              and self.mentions.actor(self.inside(obj)) is not None):
            # "Sweden was threatened with sanctions by Turkey": the pattern's keyword is in a
            # phrase of the passive verb, whose subject is the one acted on (not the doer a
            # 'by' phrase hung on that keyword names)
            found.append(self.inside(obj))
        if found:
            return found
        found = (misplaced_recipient(verb, obj, wanted, self._actor_token)
                 or after_reason(verb, wanted, self._actor_token))
        if found:
            return found
        if obj is None and (not objects or "dobj" in preps):
            for c in verb.children:  # "allow X to land", "force X to leave": X
                if c.dep_ == "ccomp":
                    subj = [s for s in c.children if s.dep_ == "nsubj"]
                    if subj and self.mentions.actor(self.inside(subj[0])) is not None:
                        return [self.inside(subj[0])]
        for c in verb.children:
            if c.dep_ == "dative":
                return [c]
        if obj is not None and objects:  # "the blockade of Serbia", "a ban by General X"
            for c in obj.children:
                if c.dep_ == "nmod" and self.actors.resolve(c) is not None:
                    return [c]  # "gave the Ivory Coast 5 million dollars" parsed as a modifier
                if c.dep_ == "compound" and obj.lemma_.lower() in CAPTIVE_NOUNS and self.actors.resolve(c) is not None:
                    return [c]  # "took two French TOURISTS hostage": the captives
                if c.dep_ == "poss" and anothers(self.mentions, c, verb) and (
                        self.actors.resolve(obj) is None
                        or (obj.dep_ == "dobj" and obj.lemma_.lower() in FACILITY_NOUNS)):
                    # "praised ROME'S decision": whose the step is (not 'its' own; an actor noun
                    # stands for itself: "summoned Iran's AMBASSADOR"); a place of a body stands
                    # for the body, not for the town it is in ("raided the PARTY'S offices in X";
                    # not "sealed off the streets around the president's office": a landmark)
                    return [c]
                if c.dep_ == "prep" and c.lower_ in ("of", "by", "from", "against"):
                    for p in c.children:  # not "took to the streets of Minsk": where, not whom
                        if p.dep_ == "pobj" and not setting_of(p) and self.mentions.actor(self.inside(p)) is not None:
                            return [self.inside(p)]
            doers = doers_on_verb(verb, obj, self._actor_token)
            if doers:
                return doers
            owner = named_owner(self.mentions, self.actors, obj, verb)
            if owner is not None:
                return [owner]
        for head in heads:
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ in DEFAULT_TARGET_PREPS:
                    # not "took to the streets of Minsk": a public place of a town is where
                    pobjs = [p for p in prep_objects(c) if not _a_setting(p) and not _prize(c, p)]
                    if pobjs and self.mentions.actor(self.inside(pobjs[0])) is not None:
                        return [self.inside(pobjs[0])]
        return self.aim_targets(verb)

    def _accused(self, verb: Token) -> Token | None:
        """The verb's direct object when it is an actor and the verb also has a charge or reason
        phrase ("accused X of ...", "blamed X for ..."), else None."""
        preps = {c.lower_ for c in verb.children if c.dep_ == "prep" and c.lower_ in _CHARGE_PREPS}
        direct = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if not preps or direct is None:
            return None
        actor = self.mentions.actor(self.inside(direct))
        if actor is None or (preps == {"for"} and actor.sector in _STATE_FORCES):
            # "deployed troops for a war against X", "sent police for ...": forces sent for a
            # purpose are the doer's own; the purpose names whom the act is aimed at
            return None
        return self.inside(direct)

    def aim_targets(self, verb: Token) -> list[Token]:
        """The actor an act that names no target is aimed at, read from its purpose or its
        condition (``aimed_at``)."""
        return aimed_at(verb, self._actor_token)

    def _actor_token(self, token: Token) -> Token | None:
        inner = self.inside(token)
        return inner if self.mentions.actor(inner) is not None else None

    def _victim(self, pobj: Token) -> Token:
        """The actor a noun's object stands for, not looking into a 'by' phrase the parser hung
        on it: in "the kidnapping of Italian engineers by militiamen" the militiamen did it, and
        the engineers' nationality names whom it was done to."""
        inner = self.inside(pobj)
        if inner.i == pobj.i or inner.head.lower_ != "by":
            return inner
        return next((c for c in pobj.children if c.dep_ in ("amod", "compound") and c.i < pobj.i
                     and c.ent_type_ in ("NORP", "GPE") and self.actors.resolve(c) is not None), pobj)

    def noun_targets(self, noun: Token, preps: tuple[str, ...]) -> list[Token]:
        if "against" in preps:
            found = adversary([noun], self._actor_token)  # "a complaint with the UN against Israel"
            if found:
                return found
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                pobjs = prep_objects(c)
                return [self._victim(p) for p in (_sides(pobjs) if c.lower_ == "between" else pobjs)]
        for c in noun.children:  # "sanctions imposed ON X"
            if c.dep_ == "acl" and c.tag_ == "VBN":
                for d in c.children:
                    if d.dep_ == "prep" and d.lower_ in preps and d.lower_ != "by":
                        return [self.inside(p) for p in d.children if p.dep_ == "pobj"]
        for c in noun.children:  # "a suspension of air links WITH X"
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    for d in p.children:
                        if d.dep_ == "prep" and d.lower_ in preps:
                            return [self.inside(x) for x in d.children if x.dep_ == "pobj"]
        return []

    def noun_sources(self, noun: Token) -> list[Token]:
        """'X's visit', 'a visit by X', 'talks between X and Y', 'Palestinian riots'."""
        for c in noun.children:
            if c.dep_ == "poss":
                return [c]
            if c.dep_ == "prep" and c.lower_ == "by":
                return [p for p in c.children if p.dep_ == "pobj"]
        for c in noun.children:
            if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() not in GO_BETWEEN_PARTICIPLES:
                # "sanctions imposed on X by Y", "the truce agreed between X and Y": the parties
                # of the participle that describes the act
                found = agents(c) or [p for p in stray_agents(c) if self.mentions.actor(p, as_source=True)] or [
                    p for d in c.children if d.dep_ == "prep" and d.lower_ == "between"
                    for p in d.children if p.dep_ == "pobj"]
                if found:
                    return found
        if (lived := undergoer_verb(noun)) is not None:  # "X faced criticism from Y": Y criticised
            # the parser may hang the noun's 'by' on the verb ("escaped an ambush BY insurgents")
            doers = [p for h in (noun, lived) for c in h.children
                     if c.dep_ in ("prep", "agent") and c.lower_ in UNDERGONE_DOER_PREPS
                     and (h is noun or c.lower_ == "by") for p in c.children if p.dep_ == "pobj"]
            if doers:  # else the name before the noun may say ("survived a Taliban attack")
                return doers
        stray = [p for p in stray_agents(noun) if self.mentions.actor(p, as_source=True) is not None]
        if stray:  # "the destruction of villages by militias": 'by' hung on the noun's object
            return stray
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in ("between", "among"):
                pobjs = _sides([p for p in c.children if p.dep_ == "pobj"])
                if pobjs:
                    return pobjs
        for c in noun.children:
            if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG") and c.i < noun.i:
                return _named_sides(noun, c)
        return []


def anothers(mentions: Mentions, owner: Token, verb: Token) -> bool:
    """Whether a possessor names a party other than the verb's subject ("praised ROME'S
    decision", "the opposition welcomed the COURT'S ruling"; not "its decision", nor
    "Tebboune confirmed ALGERIA'S commitment": a state named bare is its own executive)."""
    owned = mentions.actor(owner) if owner.pos_ != "PRON" else None
    subject = next((mentions.actor(c) for c in verb.children if c.dep_ == "nsubj"), None)
    if owned is None or subject is None or subject.country != owned.country:
        return owned is not None
    # one country: another body of it (its court, its army) is another party
    return owned.sector is not None and subject.sector is not None and owned.sector != subject.sector


def named_owner(mentions: Mentions, actors: ArticleActors, obj: Token, verb: Token) -> Token | None:
    """Whose the pattern's own object is when a name before it says so: "shot down RUSSIAN
    drones", "intercepted a HEZBOLLAH drone", "suspended CHINESE imports": the drones are
    Russia's forces, the imports China's trade. The object itself when it is such an actor
    (a craft of a country's forces), else the name. Only for a direct object, and not for
    the doer's own ("deployed Ukrainian drones") nor a maker ("Iranian-made drones", where
    the name sits under 'made')."""
    if obj.dep_ != "dobj":
        return None
    while verb.dep_ == "xcomp" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head  # "refused to free X": the doer is the refuser
    for c in obj.children:
        if c.dep_ in ("amod", "compound") and c.i < obj.i and c.ent_type_ in ("NORP", "GPE", "ORG") \
                and not any(d.ent_type_ == "NORP" for d in c.children) and anothers(mentions, c, verb):
            # (not "a British-Iranian worker": two names, neither says whose alone)
            owned, named = actors.resolve(obj), actors.resolve(c)
            if named is None:
                continue  # a name we do not know as an actor ("the TurkStream pipeline")
            # "a British-Iranian aid worker": the object may take the last of two names,
            # the name before it says whose it is
            same = owned is not None and named is not None and owned.country == named.country
            return obj if same else c
    return None


def misplaced_recipient(verb: Token, obj: Token | None, wanted: list[str],
                        actor_token: Callable[[Token], Token | None]) -> list[Token]:
    """Whom a giving or handing over goes to where the parser puts it away from the verb:
    the subject of a passive with an object of its own ("SRI LANKA was given $4 billion by
    India"), or a 'to' phrase hung on a word inside the object ("extradited a fugitive wanted
    on fraud charges TO MALAYSIA", "aid worth $120 million TO UKRAINE")."""
    if "to" not in wanted or obj is None or obj.dep_ != "dobj":
        return []
    for c in verb.children:
        if c.dep_ == "nsubjpass" and (found := actor_token(c)) is not None:
            return [found]
    for tok in obj.subtree:
        if tok.dep_ == "prep" and tok.lower_ == "to" and tok.head.i != obj.i:
            pobjs = [t for p in tok.children if p.dep_ == "pobj" and (t := actor_token(p)) is not None]
            if pobjs:
                return pobjs[:1]
    return []


def after_reason(verb: Token, wanted: list[str], actor_token: Callable[[Token], Token | None]) -> list[Token]:
    """The pattern's phrase closing the clause where the parser hangs it inside a reason
    phrase before it ("laid the blame FOR the shelling of a hospital ON RUSSIAN FORCES",
    "sanctions OVER the arrest of activists in Minsk ON BELARUS"): the last such phrase of
    the reason, when it names an actor. Not one on the reason's own noun: "sanctions over
    the crackdown ON PROTESTERS" names whom the crackdown hit."""
    last: list[Token] = []
    for c in verb.children:
        if c.dep_ != "prep" or c.lower_ not in _REASON_PREPS or c.lower_ in wanted:
            continue
        for tok in c.subtree:
            if tok.dep_ == "prep" and tok.lower_ in wanted and tok.i > c.i and tok.head.head.i != c.i:
                pobjs = [p for p in tok.children if p.dep_ == "pobj" and not setting_of(p)]
                last = pobjs[:1] if pobjs and tok.i == max(t.i for t in c.subtree if t.dep_ == "prep") else last
    found = actor_token(last[0]) if last else None
    return [found] if found is not None else []


def doers_on_verb(verb: Token, obj: Token, actor_token: Callable[[Token], Token | None]) -> list[Token]:
    """Those whose act the object is, named in a 'by' phrase the parser hung on the active
    verb after it ("banned all protests BY THE OPPOSITION", "condemned the attack by X"):
    an active verb's own doer is its subject, so 'by' there belongs to the object."""
    if obj.dep_ != "dobj" or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return []
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "by" and c.i > obj.i:
            pobjs = [p for p in c.children if p.dep_ == "pobj" and not setting_of(p)]
            found = actor_token(pobjs[0]) if pobjs else None
            if found is not None:
                return [found]
    return []


# Two-word prepositions that say what one word does ("pulled its troops OUT OF Gaza" is "from"):
# the first word heads the phrase, the second carries the object.
_TWO_WORD_PREPS = {("out", "of"): "from", ("away", "from"): "from", ("on", "to"): "onto"}


def _phrases(head: Token) -> list[Token]:
    """The prepositions under ``head``, a two-word one by its second word ("out OF Gaza")."""
    out: list[Token] = []
    for c in head.children:
        second = next((d for d in c.children if d.dep_ == "prep" and (c.lower_, d.lower_) in _TWO_WORD_PREPS), None)
        out.append(second if c.dep_ in ("prep", "prt", "advmod") and second is not None else c)
    return out


def prep_objects(prep: Token) -> list[Token]:
    """The objects of a preposition; where the parser reads the object and a participle after
    it as a clause ("fired tear gas at PROTESTERS marching on parliament", "opened fire on
    WORSHIPPERS leaving the mosque"), the subject of that clause, who is the one acted on."""
    pobjs = [p for p in prep.children if p.dep_ == "pobj"]
    if pobjs or prep.lower_ in ("with", "without"):
        # "signed the accords, WITH the UAE establishing ties": an absolute clause, no party
        return pobjs
    return [s for c in prep.children if c.dep_ == "pcomp" and c.tag_ == "VBG"
            for s in c.children if s.dep_ == "nsubj" and s.pos_ in ("NOUN", "PROPN")]


def _prep_word(prep: Token) -> str:
    """The one-word preposition ``prep`` stands for: "from" for the 'of' of "out of"."""
    return _TWO_WORD_PREPS.get((prep.head.lower_, prep.lower_), prep.lower_)


def _parties_in(thing: Token, objects: frozenset[str]) -> list[Token]:
    """``thing`` left "out of", or, when it is the pattern's own object (the talks walked out
    of), the parties it names ("talks WITH Colombia"), not where it is ("in Vienna")."""
    if thing.lemma_.lower() not in objects and thing.lower_ not in objects:
        return [thing]
    return [p for c in thing.children if c.dep_ == "prep" and c.lower_ in ("with", "between", "among")
            for p in c.children if p.dep_ == "pobj"]


def _keyword(noun: Token, objects: frozenset[str]) -> bool:
    """Whether ``noun`` is one of the pattern's own object words ("artillery", "tank shells"),
    alone or with the modifier before it that the word list names."""
    words = {noun.lemma_.lower(), noun.lower_}
    words |= {f"{c.lower_} {w}" for c in noun.children if c.dep_ in ("compound", "amod") and c.i == noun.i - 1
              for w in tuple(words)}
    return bool(words & objects)


def _prize(prep: Token, noun: Token) -> bool:
    """Whether ``noun`` after ``prep`` is what a fight is over ("fought FOR CONTROL of the
    town"): the place it names is the prize, no one the act is aimed at."""
    return prep.lower_ in ("for", "over") and noun.lemma_.lower() in CONTESTED_PRIZES


def _a_setting(noun: Token) -> bool:
    """Whether ``noun`` is a public place of a named town ("the streets of Minsk")."""
    return any(setting_of(p) for c in noun.children if c.dep_ == "prep" for p in c.children)


def adversary(heads: list[Token], actor_token: Callable[[Token], Token | None]) -> list[Token]:
    """The 'against' actor of a phrase whose pattern names 'against' among its places for the
    target: beside the verb or its object, or hung by the parser on the forum the act is brought
    before ("filed a complaint with the UN AGAINST Israel", "lodged a case at the court AGAINST
    Russia"): the forum hears it, the adversary is whom it is aimed at. ``actor_token`` gives the
    token an actor stands at."""
    for head in heads:
        for c in head.children:
            if c.dep_ != "prep":
                continue
            places = [c] if c.lower_ == "against" else [
                d for p in c.children if p.dep_ == "pobj" for d in p.children
                if d.dep_ == "prep" and d.lower_ == "against"] if c.lower_ in _FORUM_PREPS else []
            for place in places:
                found = [t for p in place.children if p.dep_ == "pobj" and (t := actor_token(p)) is not None]
                if found:
                    return found
    return []


def aimed_at(verb: Token, actor_token: Callable[[Token], Token | None]) -> list[Token]:
    """'fired tear gas to disperse the protesters', 'imposed tariffs to punish X', 'cut
    supplies so that X would yield': an act that names no target is aimed at the actor its
    purpose clause acts on (or, in a clause of its own, the actor it wants to act). Failing
    that, 'warned of a crushing response IF THE UNITED STATES attacked', 'said it would
    retaliate if Japan sent warships': at the actor whose deed its condition names (the active
    subject of an 'if' or 'unless' clause under the verb or under its reported complement; "if
    it is attacked" names no one else). ``actor_token`` gives the token an actor stands at."""
    for c in _aim_clauses(verb):
        aim_of = purpose_of(c)
        if aim_of is not None and aim_of.i == verb.i:
            # "so that X would yield": X; "to disperse X": X; "to help X fight the outbreak",
            # where the parser makes X the subject of the bare infinitive: X
            obj = next((d for d in c.children if d.dep_ == "nsubj"), None) or next(
                (d for d in c.children if d.dep_ == "dobj"), None) or next(
                (s for d in c.children if d.dep_ in ("ccomp", "xcomp") and _bare_infinitive(d)
                 for s in d.children if s.dep_ == "nsubj"), None)
            found = actor_token(obj) if obj is not None else None
            if found is not None:
                return [found]
    heads = [verb] + [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
    for head in heads:
        for c in head.children:
            if c.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                            for m in c.children):
                continue
            subject = next((d for d in c.children if d.dep_ == "nsubj"), None)
            if subject is None or subject.lower_ in ("it", "they", "we", "i"):
                continue
            found = actor_token(subject)
            if found is not None:
                return [found]
    return []


def purpose_of(trigger: Token) -> Token | None:
    """The verb (or noun) whose purpose clause ``trigger`` heads, or None: a to-infinitive
    clause with no subject of its own ("sent troops TO FIGHT X", "an offensive TO RETAKE the
    town", "opened the crossing IN ORDER TO DELIVER aid"), or a clause opened by "so that" ("cut
    supplies SO THAT X would yield"). A noun's clause is an aim only when the noun is an event's
    (the builder asks): "the decision to sell arms" is no event, so the sale is coded."""
    if trigger.pos_ != "VERB":
        return None
    head = trigger.head
    if trigger.dep_ in ("xcomp", "ccomp") and head.pos_ == "VERB" and head.i != trigger.i \
            and _bare_infinitive(trigger):
        # "sent troops to help Mali FIGHT the militants": the help is the sending's aim, and
        # what it is to help do is part of that aim
        return purpose_of(head)
    marks = {c.lower_ for c in trigger.children if c.dep_ == "mark"}
    if trigger.dep_ == "advcl" and head.pos_ == "VERB" and "so" in marks and (
        "that" in marks or any(c.dep_ == "aux" and c.lower_ in MODAL_AIMS for c in trigger.children)
    ):
        return head
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children):
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        return None
    if trigger.dep_ == "advcl" and head.pos_ == "VERB":
        return head
    if trigger.dep_ == "xcomp" and head.pos_ == "VERB" and head.lemma_.lower() in _MEANS_VERBS:
        return head  # "used water cannon TO DISPERSE the crowd": what the means were used for
    # "in order to", "in a bid to", "in an effort to": the clause hangs on the noun, the
    # object of 'in' under the verb
    if (trigger.dep_ == "acl" and head.lemma_.lower() in _AIM_NOUNS and head.dep_ == "pobj"
            and head.head.lower_ == "in" and head.head.head.pos_ == "VERB"):
        return head.head.head
    if trigger.dep_ == "acl" and head.pos_ == "NOUN" and head.lower_ != "order":
        return head  # "launched an offensive TO RETAKE the town": the event noun's aim
    return None


def _aim_clauses(verb: Token) -> list[Token]:
    """The clauses that may state ``verb``'s aim: its own, and the one under "in order", "in a
    bid", "in an effort" beside it."""
    out = list(verb.children)
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "in":
            out.extend(a for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in _AIM_NOUNS
                       for a in p.children if a.dep_ == "acl")
    return out


def _bare_infinitive(verb: Token) -> bool:
    """'help Mali FIGHT', 'help them REBUILD': a base form with no 'to' and no modal."""
    return verb.tag_ == "VB" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _named_sides(noun: Token, name: Token) -> list[Token]:
    """The name before an event noun, with the name hyphen-joined to it when the noun is
    reported ("India-Pakistan clashes", "Israeli-Palestinian talks": two sides)."""
    sides = paired_sides(noun, name)
    return sides if sides and reported_noun(noun) else [name]


def reported_noun(noun: Token) -> bool:
    """Is the event noun what its clause reports (its subject, root or apposition, or the
    object of "round of" standing there), not a topic ("condemned the India-Pakistan clashes")?"""
    if noun.dep_ in _REPORTED_DEPS or hosted_talks(noun):
        return True
    of = noun.head
    return event_part(noun) and of.head.dep_ in _REPORTED_DEPS


def event_part(noun: Token) -> bool:
    """Is ``noun`` the object of 'of' under a noun for a part of it ("a round OF talks")?"""
    of = noun.head
    return noun.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() in EVENT_PART_NOUNS


def _sides(pobjs: list[Token]) -> list[Token]:
    """The first side named after 'between': its object, or in "between Kenyan police and
    opposition supporters", misparsed with "police and opposition" as one modifier of
    "supporters", the coordination inside it that names the two sides ('between' needs two)."""
    if len(pobjs) != 1 or any(d.dep_ == "conj" for d in pobjs[0].children):
        return pobjs
    return [next((d for d in pobjs[0].children if d.dep_ in ("nmod", "compound") and d.i < pobjs[0].i
                  and any(e.dep_ == "conj" for e in d.children)), pobjs[0])]
