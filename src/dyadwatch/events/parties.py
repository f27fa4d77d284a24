"""Parties of an event that the subject does not name outright: each conjunct of a coordinated
subject, the actors a collective refers back to ("the two leaders signed", "both countries"),
each country of a plural ("the presidents of Egypt and Sudan"), the leader of the operation a
passive act happened in ("captured during the U.S.-led offensive") or the doer of the attack it
happened in ("killed in an attack by X", "wounded in a Hamas rocket attack"), and the UNKNOWN doer (CAMEO
actor code ``---``) of a violent or coercive act reported without one ("nine civilians were
killed", "a roadside bomb killed one civilian"), whose victims take the country of the place,
unless the sentence tells it as part of another act whose doer it names ("rebels attacked the
town, and two soldiers were killed": ``shared_doer``); and the country of an unlisted group
doing armed violence, from the place of the act (``placed_group``).

An event noun that is only what another event is about ("denied responsibility for the attack",
"called for an end to the fighting", "condemned the bombing that killed ten") is a reference,
not a report: without a doer of its own it yields no event (see ``referenced``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from dyadwatch.actors.cues import NO_NATIONALITY, collective_marker
from dyadwatch.actors.resolve import ArticleActors, cameo_actor_code, coordinated
from dyadwatch.events.duplicates import VIOLENT_ROOTS
from dyadwatch.events.subjects import told_with, undergoer_verb
from dyadwatch.knowledge.words import (
    ASSAULTED_PREPS,
    DYING_VERBS,
    GUILT_WORDS,
    LIGHT_VERBS,
    MISHAP_VERBS,
    MUNITION_CODES,
    NOT_DOERS,
    OPERATION_NOUNS,
    OPPOSING_NOUNS,
    OWNING_VERBS,
    PEOPLE_OR_SIDES,
    RAMMED_TARGETS,
    SETTING_PREPS,
    WEAPON_NOUNS,
)
from dyadwatch.nlp.tree import children as children_of
from dyadwatch.records import Actor, Event, unknown_actor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from dyadwatch.events.clauses import Clauses
    from dyadwatch.events.triggers import Match

# Roots of acts that are events even when no doer is named ("civilians were killed", "crowds
# protested"): protest, coercion (arrests, raids), violence, mass violence; the doer is then an
# UNKNOWN actor (code ---).
UNNAMED_DOER_ROOTS = {"14", "17", "18", "19", "20"}
# Parts of speech of a subject that may stand for an unnamed doer (not "it rained").
DOER_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
# Nouns of a blast, which as the subject of a verb with an object report an explosion that hit it.
BLAST_NOUNS = frozenset({"bomb", "blast", "explosion", "explosive", "device", "grenade", "landmine", "mine",
                         "ied", "bomber"})
# Verbs of laying an act at someone's door ("blamed the attack ON X", "pinned it ON X").
BLAMING = frozenset({"blame", "pin"})
# Prepositions by which a blast reaches a thing ("tore THROUGH a market", "ripped INTO a crowd").
_REACHING_PREPS = ("through", "into", "across")
# Event nouns a passive act may happen in whose doer is the act's doer ("killed in an attack by
# X", "wounded in a Taliban ambush"): operations, and attacks by any name.
SETTING_ATTACKS = OPERATION_NOUNS | {"ambush", "bombing", "shelling", "airstrike", "bombardment", "rocket"}
# Roots of the acts whose doer did the violence reported as part of them (see shared_doer).
SHARED_ROOTS = frozenset({"17", "18", "19", "20"})
# Sectors of the armed, whose act in a 'when' clause did the violence of the clause above it.
# Police (COP) are among them, unlike roles.py's _ARMED, and so are paramilitaries on the state's
# side (PRM: "pro-government militias opened fire"), who do violence as the army does.
ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "COP", "INS", "PRM"})
# How far back (in characters: about two sentences) "the two leaders" looks for its parties.
NEARBY = 300
# Dependencies of an event noun that report it: the subject of its clause ("fighting broke out",
# "the attack killed five"), a predicate ("it was an attack"), the sentence itself (a headline).
REPORTING_DEPS = {"nsubj", "nsubjpass", "attr", "ROOT", "appos", "npadvmod"}



def _blast_reached(trigger: Token) -> bool:
    """Whether a blast noun is the subject of a verb reaching a thing ("a car bomb TORE THROUGH a
    market", "a blast ROCKED a mosque")."""
    verb = trigger.head
    if trigger.dep_ != "nsubj" or trigger.lemma_.lower() not in BLAST_NOUNS or verb.pos_ != "VERB":
        return False
    return any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in _REACHING_PREPS
                                    and any(p.dep_ == "pobj" and p.pos_ == "NOUN" for p in children_of(c)))
               for c in children_of(verb))  # fmt: skip


def acted_on(trigger: Token) -> bool:
    """A passive trigger whose subject is a thing or person acted on, not a measure or a cause
    ("shots were fired"; not "markets were hammered"), or a blast that hit a thing."""
    return any(c.dep_ == "nsubjpass" and c.pos_ in DOER_POS and not not_a_doer(c)
               for c in children_of(trigger)) or _blast_reached(trigger)  # fmt: skip


def blamed_on(noun: Token) -> Token | None:
    """Whom an act or a weapon is blamed on: "the strike WAS BLAMED ON Israel", "a car bomb
    BLAMED ON guerrillas", "Kyiv blamed the attack ON Moscow"; not under a negation."""
    verb = noun.head if noun.dep_ in ("nsubjpass", "dobj") else None
    verbs = [verb] if verb is not None else []
    verbs += [c for c in children_of(noun) if c.dep_ == "acl" and c.tag_ == "VBN"]
    for v in verbs:
        if v.lemma_.lower() not in BLAMING or _negated(v):
            continue
        for p in (q for c in children_of(v) if c.dep_ == "prep" and c.lower_ == "on" for q in children_of(c)):
            if p.dep_ == "pobj":
                return p
    return None


class Parties:
    """Finds the parties of one article's events; ``recent`` (the events built so far) is kept
    by the extractor."""

    def __init__(self, doc: Doc, actors: ArticleActors, clauses: Clauses) -> None:
        self.doc = doc
        self.actors = actors
        self.clauses = clauses
        self.recent: list[Event] = []  # for "the two leaders": see collective

    def source_actors(self, head: Token, speaker: Actor | None) -> list[Actor | None]:
        """The actors a subject stands for: each conjunct ("Egypt and Sudan"), the actors a
        collective refers back to ("the two leaders", "both countries"), each country of a plural
        ("the presidents of Egypt and Sudan")."""
        out: list[Actor | None] = []
        for t in coordinated(head):
            if collective_marker(t) is not None:
                out.extend(self.collective(t))
                continue
            actor = _but_means(t, self.clauses.actor(t, speaker=speaker, as_source=True) or body_of(self.clauses, t) or led(self, t))
            out.append(actor)
            if actor is not None:
                out.extend(self.plural_of(t, actor))
        return out

    def collective(self, head: Token) -> list[Actor | None]:
        """'the two leaders signed': the two parties of the last event with two parties before
        it nearby (``NEARBY`` characters), else the two countries named last (actors.py).
        A body ("the two armies", "both governments") is the countries' own: those first, unless
        a possessive ties it to the parties just named ("their two armies")."""
        bodies = list(self.actors.resolve_all(head))
        person = head.lemma_.lower() in PEOPLE_OR_SIDES
        possessed = any(c.dep_ == "poss" for c in children_of(head))
        if not person and not possessed and len(bodies) >= 2:
            return list[Actor | None](bodies)
        pair = self._last_pair(head)
        if pair is None:
            return list[Actor | None](bodies)
        sector = bodies[0].sector if bodies and not person else None
        if pair[0].country == pair[1].country:
            sector = None  # two bodies of one state stay what they are
        return [replace(a, text=head.text, start=head.idx, end=head.idx + len(head.text),
                        sector=sector or a.sector,
                        cameo_code=a.country + sector if sector and a.country else a.cameo_code,
                        reason=a.reason + f"; '{head.text}' refers back to {a.text}") for a in pair]

    def _last_pair(self, head: Token) -> tuple[Actor, Actor] | None:
        """The two parties of the last two-party event before ``head`` and near it (counted in
        characters, which a pre-filtered parse keeps, rather than in sentences)."""
        for event in reversed(self.recent):
            if event.source is None or event.target is None or event.source.unknown:
                continue
            if not 0 <= head.idx - event.evidence.trigger.start <= NEARBY:
                continue
            if not same(event.source, event.target):
                return event.source, event.target
        return None

    def plural_of(self, head: Token, first: Actor) -> list[Actor]:
        """'the presidents of Egypt and Sudan': a plural whose country is coordinated is one actor
        per country, with the plural's sector ('Egypt's president' and 'Sudan's president')."""
        if head.tag_ not in ("NNS", "NNPS") or first.country is None:
            return []
        out: list[Actor] = []
        for prep in children_of(head):
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "from"):  # "delegations FROM Sudan and South Sudan"
                continue
            for pobj in children_of(prep):
                if pobj.dep_ != "pobj":
                    continue
                for other in list(coordinated(pobj))[1:]:
                    found = self.actors.resolve(other)
                    if found is None or found.country in (None, first.country):
                        continue
                    code = found.country + (first.sector or "") if first.sector else found.cameo_code
                    out.append(replace(found, sector=first.sector or found.sector, cameo_code=code,
                                       kind=first.kind, reason=found.reason + f"; one of '{head.text}'"))
        return out

    def unnamed_doer(self, match: Match, heads: list[Token]) -> Actor | None:
        """The unknown doer of a violent or coercive act reported without one: a passive without
        'by' ("civilians were killed"), an event noun without its doer ("the bombing of X"), or
        a weapon as the subject ("a roadside bomb killed")."""
        trigger, pattern = match.trigger, match.pattern
        if match.code[:2] not in UNNAMED_DOER_ROOTS or pattern.kind not in ("verb", "noun"):
            return None
        shareable = False
        blamed = next((b for h in heads if (b := blamed_on(h)) is not None), None)
        if blamed is not None and (doer := self.clauses.actor(blamed, as_source=True)) is not None:
            return doer  # "a car bomb blamed on X exploded", "the strike, which ..., was blamed on X"
        site = next((s for h in heads if (s := launch_site(h)) is not None), None)
        if site is not None and (doer := self.clauses.actor(site, as_source=True)) is not None and doer.country:
            return doer  # "rockets fired FROM Gaza wounded two": whoever fired them from there
        if heads:
            weapons = [h for h in heads if h.lemma_.lower() in WEAPON_NOUNS
                       or any(c.dep_ == "compound" and c.lemma_.lower() in WEAPON_NOUNS for c in children_of(h))]
            if weapons:
                if trigger.dep_ == "relcl" and referenced(weapons[0]):
                    return None  # "condemned the attack that killed ten": it describes the reference
                why, shareable = f"no doer named; '{weapons[0].text}' is the means", True
            elif all(h.pos_ in DOER_POS and not not_a_doer(h) for h in heads):
                # "gunmen stormed the hotel", "they torched the building", "protesters marched":
                # someone did it, though the text does not say who in terms of an actor
                why = f"doer '{heads[0].text}' is no known actor"
            else:
                return None  # "the storm killed", "the fire destroyed": not an act of anyone
        elif pattern.kind == "noun" and match.noun is None:
            owner = self.responsible(trigger)
            if owner is not None:
                return owner  # "X claimed responsibility for the attack", "X was responsible for it"
            if referenced(trigger):
                return None  # "denied responsibility for the attack": a topic, not a report
            if retold(trigger, match.code, self.recent):
                return None  # "soldiers killed 20 militants in an assault on their camp"
            why = f"event noun '{trigger.text}' names no doer"
        elif any(c.dep_ in ("nsubjpass", "auxpass") for c in children_of(trigger)) or (
            trigger.tag_ == "VBN" and trigger.dep_ in ("acl", "relcl")
        ):
            leader = self.operation_leader(trigger)
            if leader is not None:
                return leader  # "captured during the U.S.-led offensive": the United States
            if trigger.dep_ == "relcl" and referenced(trigger.head) and _in_which(trigger):
                return None  # "condemned the attack in which five were killed": describes the topic
            why, shareable = f"passive '{trigger.text}' without an agent", True
        else:
            return None
        # a weapon or a passive told as part of another act: "two soldiers were killed when rebels
        # ambushed their convoy", "X shelled the city, and a rocket hit a school"
        return (shared_doer(self.clauses, self.recent, trigger) if shareable else None) or unknown_actor(trigger.idx, why)

    acted_on = staticmethod(acted_on)  # build asks it of the parties

    def responsible(self, noun: Token) -> Actor | None:
        """Who the sentence says did the act an event noun names: the subject of "was
        responsible (guilty) for the attack", the noun "responsible for the attack" describes
        ("the group responsible for the bombing"), the subject of "claimed (took, admitted)
        responsibility for the attack", whom it is blamed on (``blamed_on``). Not under a
        negation ("was not responsible")."""
        while noun.dep_ == "conj" and noun.head.i != noun.i:
            noun = noun.head
        prep, party = noun.head, None
        word = prep.head if noun.dep_ == "pobj" and prep.lower_ in ("for", "of") and prep.head.i != prep.i else noun
        if word.lemma_.lower() in GUILT_WORDS:
            if word.dep_ == "amod" and word.head.pos_ in ("NOUN", "PROPN"):
                party = word.head  # "the group responsible for the bombing"
            elif word.dep_ in ("acomp", "oprd") and not _negated(word.head):
                subjects, _ = self.clauses.subjects(word.head)
                party = subjects[0] if subjects else None
        elif word.lemma_.lower() in ("responsibility", "credit") and word.dep_ == "dobj":
            verb = word.head
            if verb.lemma_.lower() in OWNING_VERBS and not _negated(verb):
                subjects, _ = self.clauses.subjects(verb)
                party = subjects[0] if subjects else None
        party = party or blamed_on(noun)
        if party is None:
            return None
        actor = self.clauses.actor(party, as_source=True)
        if actor is None:
            return None
        return replace(actor, reason=actor.reason + f"; responsible for '{noun.text}'")

    def operation_leader(self, trigger: Token) -> Actor | None:
        """Who leads the operation a passive act happened in: "captured during the U.S.-led
        offensive", "killed in a NATO-led raid" (its military, or the IGO); else who carried out
        the attack it happened in: "killed in an attack BY X", "wounded in a Hamas rocket
        attack", "in X's ambush" (the act is that attack's, so its doer is the attack's)."""
        for prep in children_of(trigger):
            if prep.dep_ != "prep" or prep.lower_ not in ("during", "in", "amid"):
                continue
            for noun in children_of(prep):
                if noun.dep_ != "pobj" or noun.lemma_.lower() not in SETTING_ATTACKS:
                    continue
                for mod in children_of(noun):
                    found = self.led_by(mod) if mod.dep_ in ("amod", "compound") else None
                    if found is not None:
                        return found
                for head in self.clauses.noun_sources(noun):
                    doer = self.clauses.actor(head, as_source=True)
                    if doer is not None:
                        return replace(doer, reason=doer.reason + f"; carried out the '{noun.text}'")
        return None

    def led_by(self, mod: Token) -> Actor | None:
        """The country or IGO named before '-led' or '-backed' ("U.S.-led" as one token or three)."""
        doc = self.doc
        name_tok, prefix = mod, ""
        for suffix in ("-led", "-backed"):
            if mod.lower_.endswith(suffix) and len(mod.text) > len(suffix):
                prefix = mod.text[: -len(suffix)]
        if not prefix and mod.lower_ in ("led", "backed") and mod.i >= 2 and doc[mod.i - 1].text == "-":
            name_tok = doc[mod.i - 2]
            prefix = name_tok.text
        if not prefix:
            return None
        for hit in self.actors.knowledge.lookup(prefix):
            if hit.kind in ("country", "adjective", "igo"):
                sector = hit.sector if hit.kind == "igo" else "MIL"
                return Actor(text=prefix, start=name_tok.idx, end=name_tok.idx + len(prefix),
                             name=getattr(hit.entry, "name", prefix), country=hit.code, sector=sector,
                             cameo_code=hit.code + (sector or ""), kind="igo" if hit.kind == "igo" else "state",
                             reason=f"'{mod.text}' operation -> {hit.code}")
        return None

    def the_dead(self, noun: Token) -> list[Actor]:
        """'five soldiers died in the attack', 'were killed in the bombing': the subject of the
        verb of dying that the event noun is the circumstance of."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ not in ("in", "during") or prep.head.i == prep.i:
            return []
        verb = prep.head
        if verb.lemma_.lower() not in DYING_VERBS:
            return []
        out: list[Actor] = []
        for c in children_of(verb):
            if c.dep_ in ("nsubj", "nsubjpass"):
                out.extend(a for t in coordinated(c) if (a := self.clauses.actor(t)) is not None)
        return out

    def victims(self, match: Match, targets: list[Actor]) -> list[Actor]:
        """Victims of an unnamed doer, given the country of the place named in the clause when
        they have none of their own ("In Kabul, a bomb killed one civilian": AFG civilians); the
        dead of an event noun ("five soldiers died in the attack") are its victims; a blast
        without victims hits the country it happens in ("a grenade exploded in Mogadishu")."""
        if not targets:
            targets = self.the_dead(match.trigger)
        if targets and all(t.country is not None for t in targets):
            return targets
        located = self.place_of(match)
        if not targets:
            # the place stands for its people ("in Mogadishu": SOMCVL, see actors.py)
            return [located] if match.code[:2] == "18" and located is not None else []
        if located is None or located.country is None:
            return targets
        country = located.country
        return [t if t.country is not None or t.sector is None else
                replace(t, country=country, cameo_code=country + t.sector,
                        reason=t.reason + f"; in '{located.text}' -> {country}")
                for t in targets]

    def place_of(self, match: Match) -> Actor | None:
        """The state of the place the act happened in: in the trigger's phrase, else any place
        named after 'in', 'near' or 'across' in the sentence."""
        place = self.clauses.located_target(match.trigger, match.noun or match.obj)
        if place is None:
            for tok in match.trigger.sent:
                if tok.ent_type_ == "GPE" and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "near", "across"):
                    place = tok
                    break
        located = self.clauses.actor(place) if place is not None else None
        return located if located is not None and located.country is not None else None


def shared_doer(clauses: Clauses, recent: list[Event], trigger: Token) -> Actor | None:
    """The doer of the coercive or violent act a doerless one was part of (see ``told_with``):
    the source of its event among ``recent``, or, for a 'when' clause not yet built, its
    subject when an armed actor acting on something. Not when that doer is on the side of the
    victims ("troops attacked the camp, and two soldiers were killed": their enemy's)."""
    victims = [a for c in children_of(trigger) if c.dep_ in ("nsubjpass", "dobj")
               for a in [clauses.actor(c)] if a is not None]
    for clause in told_with(trigger):
        doer = _doer_of(clauses, recent, clause, trigger)
        if doer is None:
            continue
        if any(v.sector == doer.sector and v.country in (doer.country, None) for v in victims):
            return None
        return replace(doer, reason=doer.reason + f"; did the '{clause.text}' it was part of")
    return None


def _doer_of(clauses: Clauses, recent: list[Event], clause: Token, trigger: Token) -> Actor | None:
    """The known doer of the act ``clause`` tells, for ``shared_doer``. An event already built
    on the clause decides, its source having been found by all the rules of a source; a clause
    below the trigger with no event yet ('when', 'as', 'after') is read from the parse, and
    then only an armed actor acting on someone or something counts: a civilian's act, or one
    done to nothing ("when protesters gathered"), tells no violence done."""
    for event in reversed(recent):
        if event.evidence.trigger.start == clause.idx:
            source = event.source
            if event.cameo.code[:2] in SHARED_ROOTS and source is not None and not source.unknown:
                return source
            return None
    if clause.head.i != trigger.i or clause.dep_ != "advcl":
        return None  # an earlier clause without an event of its own tells no act
    subjects, passive = clauses.subjects(clause)
    if passive or not subjects or not any(
            c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ASSAULTED_PREPS) for c in children_of(clause)):
        return None
    actor = clauses.actor(subjects[0], as_source=True)
    return actor if actor is not None and actor.sector in ARMED_SECTORS else None


# Nouns of the party a visitor is received by ("signed a pact with HIS HOSTS").
_HOST_NOUNS = frozenset({"host", "hosts"})
# The CAMEO code of a visit, whose target is the visitor's host.
_VISIT = "042"


def visited_host(recent: list[Event], match: Match) -> list[Actor]:
    """'Kenya's president visited Ethiopia, where he signed a pact WITH HIS HOST': 'host' in a
    phrase of the act, after a visit named nearby (``NEARBY`` characters), is whom the visit was
    to; empty when the act names no host or no visit with a target came before it."""
    hosts = [p for head in (match.trigger, match.noun) if head is not None for c in children_of(head)
             if c.dep_ == "prep" for p in children_of(c) if p.dep_ == "pobj" and p.lower_ in _HOST_NOUNS]
    for token in hosts:
        for event in reversed(recent):
            if (event.cameo.code == _VISIT and event.target is not None and not event.target.unknown
                    and 0 <= token.idx - event.evidence.trigger.start <= NEARBY):
                return [replace(event.target, text=token.text, start=token.idx, end=token.idx + len(token.text),
                                reason=event.target.reason + f"; '{token.text}' of the visit to {event.target.text}")]
    return []


# Participles of sending a weapon off, whose 'from' phrase names where it was sent from.
_LAUNCHING = frozenset({"fire", "launch"})


def launch_site(weapon: Token) -> Token | None:
    """Where a weapon was 'fired FROM' or 'launched from' ("rockets fired from Gaza"): the
    place names the side that sent it. None when the weapon has no such phrase."""
    # the tagger may call the participle a past tense ("rockets FIRED from Gaza" as VBD), and
    # the parser make it the weapon's own verb ("rockets fired from Gaza wounded two" as a
    # clause with the rockets as subject)
    verbs = [c for c in children_of(weapon) if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD")]
    if weapon.dep_ == "nsubj" and weapon.head.tag_ in ("VBN", "VBD"):
        verbs.append(weapon.head)
    for verb in (v for v in verbs if v.lemma_.lower() in _LAUNCHING):
        for p in (q for c in children_of(verb) if c.dep_ == "prep" and c.lower_ == "from"
                  for q in children_of(c) if q.dep_ == "pobj"):
            return p
    return None


def placed_group(parties: Parties, actor: Actor, match: Match) -> Actor:
    """An organisation missing from our lists that does armed violence ("the Zandu Liberation
    Front attacked a police station in central Mali") is an armed group (REB) of the country
    the act happens in, when the text gives it no country of its own."""
    if (actor.kind != "organisation" or actor.country is not None or actor.sector is not None
            or match.code[:2] not in VIOLENT_ROOTS):
        return actor
    located = parties.place_of(match)
    if located is None or located.country is None:
        return actor
    country = located.country
    return replace(actor, country=country, sector="REB", cameo_code=cameo_actor_code(country, "REB"),
                   reason=actor.reason + f"; an armed group acting in '{located.text}' -> {country}")


def led(parties: Parties, head: Token) -> Actor | None:
    """'a U.S.-led coalition bombed ...', 'the Saudi-led coalition': a group no list names that a
    named state or IGO leads acts as its leader's (its military, or the IGO). Not '-backed': a
    group one backs does its own acts."""
    if head.pos_ != "NOUN":
        return None
    for mod in children_of(head):
        if mod.dep_ in ("amod", "compound") and mod.i < head.i and mod.lower_.endswith("led"):
            found = parties.led_by(mod)
            if found is not None:
                return replace(found, reason=found.reason + f"; leads the '{head.text}'")
    return None


def body_of(clauses: Clauses, head: Token) -> Actor | None:
    """'opposition supporters clashed with police': people no actor list names, of the body a
    noun before them names (OPP); not nouns of opposing ('government critics')."""
    if head.pos_ != "NOUN" or head.lemma_.lower() in OPPOSING_NOUNS or not_a_doer(head):
        return None  # "monsoon rains lashed X": a cause, not people of a body
    for c in children_of(head):
        # (a sentence's first word the tagger took for a name: "Rebel delegates and ...")
        if c.dep_ == "compound" and c.i < head.i and (c.pos_ == "NOUN" or (c.pos_ == "PROPN" and c.is_sent_start
                                                                          and not c.ent_type_)):
            body = clauses.actor(c, as_source=True)
            if body is not None and body.sector is not None:  # a body, not a name we lack
                return replace(body, reason=body.reason + f"; its {head.text}")
    return None


def retold(noun: Token, code: str, recent: list[Event]) -> bool:
    """An event noun in an 'in' or 'during' phrase of a verb whose event of the same kind is
    already built (in ``recent``): "soldiers killed 20 militants IN AN ASSAULT on their camp",
    "five people were killed in an attack". The noun tells that act again, not a second act of
    an unknown doer."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("in", "during"):
        return False
    verb = noun.head.head
    if verb.pos_ != "VERB" or verb.i == noun.head.i:
        return False
    return any(e.evidence.trigger.start == verb.idx and _kind(e.cameo.code) == _kind(code) for e in recent)


def _in_which(clause: Token) -> bool:
    """A relative clause of an occasion: 'in which' or 'during which' ("the attack in which five
    were killed"), not of people ("the prisoners who were detained")."""
    return any(c.dep_ == "prep" and c.lower_ in ("in", "during")
               and any(p.lower_ == "which" for p in children_of(c)) for c in children_of(clause))


def _kind(code: str) -> str:
    """The kind of act a code names, for telling one act told twice: the violent roots (18-20,
    whose words overlap: "killed ... in an assault") are one kind, any other root its own."""
    return "violence" if code[:2] in VIOLENT_ROOTS else code[:2]


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in children_of(verb))


def _but_means(head: Token, actor: Actor | None) -> Actor | None:
    """``actor``, unless the subject is a means whose owner no word names ("an armed DRONE
    struck"), not the army of the story's country or of the place it struck in ("a US drone"
    is the US military's)."""
    unowned = actor is not None and head.lemma_.lower() in MUNITION_CODES and (
        actor.country is None or NO_NATIONALITY in actor.reason)
    return None if unowned else actor


def referenced(noun: Token) -> bool:
    """An event noun that another predicate is about, not one the sentence reports: the object
    of a verb that is no light verb ("condemned the bombing", not "launched an attack"), or the
    object of a preposition other than a setting one ("responsibility for the attack", "an end
    to the fighting", "blamed X for the bombing"; not "killed in the attack"). A conjunct is
    judged by the first of its chain ("condemned the bombing and the shelling")."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    dep = noun.dep_
    if dep in REPORTING_DEPS or undergoer_verb(noun) is not None:
        return False  # "X survived an assassination attempt", "came under fire": X's ordeal, reported
    if dep == "dobj":
        return noun.head.lemma_.lower() not in LIGHT_VERBS
    if dep == "pobj":
        return noun.head.lower_ not in SETTING_PREPS
    return False


def same(a: Actor, b: Actor) -> bool:
    """The same actor twice: one mention, one person, or one state's same body."""
    # one span may stand for several actors ("the two leaders"): then its countries tell them apart
    return ((a.start, a.end) == (b.start, b.end) and (a.country, a.sector) == (b.country, b.sector)) or (
        a.kind == "person" and a.name == b.name
    ) or (a.country == b.country and a.sector == b.sector and a.kind == b.kind == "state")


def listed(word: str, words: frozenset[str]) -> bool:
    """Whether ``word``, or its singular by a final 's' the lemmatiser may have left, is in ``words``."""
    return word in words or (word.endswith("s") and word[:-1] in words)


def not_a_doer(head: Token) -> bool:
    """A subject that is a cause or a measure, not an agent (``NOT_DOERS``), in any number and
    case: the parser may leave a capitalised plural unlemmatised ("Temperatures hit ...")."""
    if listed(head.lemma_.lower(), NOT_DOERS) or listed(head.lower_, NOT_DOERS):
        return True
    # "Cyclone Remal killed ten", "Hurricane Ian destroyed homes": a name titled as a cause
    if head.pos_ == "PROPN" and any(c.dep_ == "compound" and c.lower_ in NOT_DOERS for c in head.children):
        return True
    # "a bus plunged into a gorge, killing 24": the subject of a mishap causes, does not act
    verb = head.head
    return head.dep_ == "nsubj" and verb.lemma_.lower() in MISHAP_VERBS and not any(
        c.dep_ == "prep" and c.lower_ == "into" and any(  # "crashed into a crowd of protesters"
            t.lemma_.lower() in RAMMED_TARGETS or t.lower_ in RAMMED_TARGETS for t in c.subtree)
        for c in children_of(verb))
