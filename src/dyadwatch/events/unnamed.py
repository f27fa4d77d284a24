"""Targets of an act whose pattern finds none where it looks: the owner of what it takes or
hits, the person of another country its pattern names, the place it applies to or is aimed
at, a party its cause or message names, for repression or an arrest naming no actor the
doer's own people, for a domestic group's demand for elections or protest of an arrest its own
government, and for a state's deed judged in a named country that country's government. Split from :mod:`~dyadwatch.events.build`, whose ``PartyFinder`` asks for
them last.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from dyadwatch.actors.resolve import coordinated
from dyadwatch.events.matters import judged_objects, named_elsewhere
from dyadwatch.events.parties import launch_site
from dyadwatch.events.parties import same as _same
from dyadwatch.events.protested import suffers
from dyadwatch.events.sides import venue
from dyadwatch.knowledge.words import (
    AGAINST_PREFIXES,
    ASKING_VERBS,
    FACILITY_NOUNS,
    LEADERSHIP_ASKS,
    LOCATED_ROOTS,
    OWNED_ROOTS,
    RECIPIENT_ROOTS,
    STATE_DEEDS,
)
from dyadwatch.nlp.tree import children as children_of
from dyadwatch.records import Actor

# Roots of fighting, whose object may be a weapon another side fired ("intercepted a missile").
_FIGHT_ROOTS = ("19",)


def _launched_from(clauses: Clauses, weapon: Token, sources: list[Actor]) -> Actor | None:
    """'intercepted a missile FIRED FROM Yemen', 'shot down drones launched from Russia': a
    weapon met in flight is the side's that launched it, which the place it came from names;
    the act is on that side. None for the doer's own country or none named."""
    site = launch_site(weapon)
    found = clauses.actor(site) if site is not None else None
    if found is not None and found.country and all(s.country != found.country for s in sources):
        return found
    return None


# Root of aid, whose recipients may be named only by the place it is given in.
_AID_ROOT = "07"

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Token

    from dyadwatch.events.clauses import Clauses
    from dyadwatch.events.match import Match


def unnamed_targets(clauses: Clauses, antecedents: Callable[[Token], list[Token]], match: Match,
                     speaker: Actor | None, sources: list[Actor]) -> list[Actor]:
    """The target of an act whose pattern finds none where it looks: the owner of what it takes
    or hits (``owner``), the person of another country its pattern names as its object, or the
    place it applies to or is aimed at."""
    code = match.code
    if code[:2] == PROTEST_ROOT:  # before the place: "staged anti-American protests in Karachi"
        opposed = opposed_party(clauses, match, sources, speaker)
        if opposed is not None:
            return [opposed]
    if code[:2] in OWNED_ROOTS:
        found = owner(clauses, antecedents, match, sources) or speakers_own(match, speaker, sources)
        if found:
            return found
    if match.obj is not None and match.pattern.objects and (code[:2] in RECIPIENT_ROOTS or code[:3] == "084"):
        # "summoned the Indian envoy", "expelled Iran's ambassador", "freed two French
        # prisoners": the person the pattern names is the one acted on, when of another country
        # than the doer ("deployed its troops": the doer's own)
        person = clauses.actor(match.obj, speaker=speaker)
        if person is not None and person.country and all(s.country != person.country for s in sources):
            return [person]
    if code[:2] in LOCATED_ROOTS:
        # "vowed to send troops to the border WITH X": the complement's phrases name the place
        places = [(match.trigger, match.noun or match.obj)] + (
            [(match.inner.trigger, match.inner.obj)] if match.inner is not None else [])
        extra = clauses.against_target(match.trigger) or next(
            (t for verb, obj in places if (t := clauses.located_target(verb, obj, country_only=code[:2] == "14"))
             is not None), None)
        if extra is not None and venue(extra, code, match.trigger):
            extra = None  # "signed a ceasefire IN Jeddah": where it was signed, not what it covers
        if extra is not None and code[:2] == PROTEST_ROOT and suffers(extra):
            extra = None  # "against the arrest of a cleric": whom it is for, not whom it is at
        located = clauses.actor(extra, speaker=speaker) if extra is not None else None
        if located is not None and code[:2] == PROTEST_ROOT and located.country is None:
            located = None  # a town our lists lack, most often the protesters' own ("in Lagos")
        if located is not None and not _posted_at_home(code, extra, located, sources):
            return [located]
    if code[:2] in _FIGHT_ROOTS and match.obj is not None:
        launcher = _launched_from(clauses, match.obj, sources)
        if launcher is not None:
            return [launcher]
    if code[:2] == _AID_ROOT:
        # "dropped food OVER northern Gaza", "delivered aid IN Sudan": aid handed out in a place
        # abroad goes to that country's people; at home it names no one the doer is not
        spot = clauses.located_target(match.trigger, match.noun or match.obj, over=True)
        aided = clauses.actor(spot, speaker=speaker) if spot is not None else None
        if aided is not None and aided.country and all(s.country != aided.country for s in sources):
            return [aided]
    if code[:2] in _LETTING_ROOTS:
        # "allowed fuel trucks INTO Gaza", "let aid convoys into Gaza", "allowed aid to ENTER
        # Gaza": what is let into a place abroad is let in for that place's people
        place = let_into(match)
        let = clauses.actor(place, speaker=speaker) if place is not None else None
        if let is not None and let.country and all(s.country != let.country for s in sources):
            return [let]
    if code[:2] in _AT_SIDES_ROOTS:
        sides = between_sides(clauses, match, sources, speaker)
        if sides:
            return sides
    # "recalled its ambassador over SPAIN'S decision", "in a letter TO X, Y demanded": the party
    # the act's cause or its message names
    named = named_elsewhere(match, lambda t: clauses.actor(t, speaker=speaker),
                            lambda t: clauses.actors.resolve(t) is not None, sources)
    return named or own_people(match, sources) or held_abroad(clauses, match, sources) \
        or own_government(match, sources) or state_of_place(clauses, match, sources)


# CAMEO's root of protest, whose recipient is whom the protest is directed against.
PROTEST_ROOT = "14"


def opposed_party(clauses: Clauses, match: Match, sources: list[Actor], speaker: Actor | None,
                  protesters: bool = True) -> Actor | None:
    """Whom a protest named as against a party is aimed at: the party after "anti-" before the
    protest noun, its object or its protesters ("staged ANTI-AMERICAN protests", "chanted
    anti-French slogans", "ANTI-ISRAEL protesters marched", "an anti-government rally": the
    protesters' own government). None when there is no such name, or it is the protesters' own.
    Without ``protesters``, only the protest's own nouns are read (the protesters' name says
    what they stand against, not whom one act of theirs, "clashed with police", is aimed at)."""
    doc = match.trigger.doc
    nouns = [match.trigger] + [n for n in (match.noun, match.obj) if n is not None] + [
        c for c in children_of(match.trigger) if c.dep_ == "nsubj" and protesters]
    doer = sources[0] if len(sources) == 1 else None
    for noun in (n for n in nouns if n.pos_ in ("NOUN", "PROPN")):  # a verb's left edge is its subject's
        for t in doc[noun.left_edge.i:noun.i]:
            if t.lower_ not in AGAINST_PREFIXES or t.i + 2 >= noun.i or doc[t.i + 1].text != "-":
                continue
            named = doc[t.i + 2]
            party = clauses.actor(named, speaker=speaker)
            if party is not None and party.country is not None and party.end > named.idx + len(named.text):
                # "anti-Israel PROTESTERS": the name alone, the state, not the protesters
                party = Actor(text=named.text, start=named.idx, end=named.idx + len(named.text),
                              name=party.country, country=party.country, sector=None, cameo_code=party.country,
                              kind="state", reason=f"'anti-{named.text}' -> {party.country}")
            if (party is None or party.country is None) and named.lower_ in _RULERS and doer is not None \
                    and doer.country is not None:
                # "an anti-government rally": the protesters' own government
                party = Actor(text=named.text, start=named.idx, end=named.idx + len(named.text),
                              name=f"{doer.country} government", country=doer.country, sector="GOV",
                              cameo_code=doer.country + "GOV", kind="state",
                              reason=f"'anti-{named.text}': the protesters' own government ({doer.country})")
            if party is not None and party.country is not None and all(
                    s.cameo_code != party.cameo_code for s in sources):
                return party
    return None


# Words for a government that "anti-" may oppose ("anti-government", "anti-regime").
_RULERS = frozenset({"government", "regime", "junta"})

# Roots of asking, demanding, disapproving, rejecting and threatening: an act of these about a
# matter between two parties ("called for an end to the war BETWEEN Russia AND Ukraine") is
# addressed to both.
_AT_SIDES_ROOTS = ("02", "10", "11", "12", "13")


def between_sides(clauses: Clauses, match: Match, sources: list[Actor], speaker: Actor | None) -> list[Actor]:
    """The parties of a 'between' phrase in the act's own words ("an end to the war BETWEEN
    RUSSIA AND UKRAINE", "condemned the clashes between X and Y"), when two or more of them are
    actors and none is the doer; not in its subject ("talks between X and Y failed")."""
    subject = {t.i for c in children_of(match.trigger) if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    for tok in match.trigger.subtree:
        if tok.dep_ != "prep" or tok.lower_ != "between" or tok.i in subject:
            continue
        named = [a for p in children_of(tok) if p.dep_ == "pobj" for q in coordinated(p)
                 if (a := clauses.actor(q, speaker=speaker)) is not None]
        if len(named) >= 2 and not any(a.cameo_code == s.cameo_code for a in named for s in sources):
            return named
    return []


# Roots of giving and of yielding (aid, 07; easing, opening, allowing, 08): what they let into
# a place is let in for its people.
_LETTING_ROOTS = ("07", "08")


def let_into(match: Match) -> Token | None:
    """The place a thing is let or sent into: the object of 'into' under the trigger or its
    object ("allowed trucks INTO Gaza"), or of 'enter' in its complement ("allowed aid to ENTER
    Gaza"); None when there is none."""
    heads = [match.trigger] + ([match.obj] if match.obj is not None else [])
    for head in heads:
        for c in children_of(head):
            if c.dep_ == "prep" and c.lower_ == "into":
                return next((p for p in children_of(c) if p.dep_ == "pobj"), None)
            if c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() == "enter":
                return next((p for p in children_of(c) if p.dep_ == "dobj"), None)
    return None


# Roots of demands and protests, and what asks a change in leadership of them: CAMEO codes
# demands for the target to resign, and demands for (new) elections, as demands for a change in
# leadership (1041, 1411), whose target is the power expected to yield.
_ASKING_ROOTS = ("10", "14")
# Roots of judging another's deed (disapproval, protest): the doer of a deed only a state does
# to people, when the text names none, is the state where it was done.
_DEED_JUDGING_ROOTS = ("11", "14")
# Sectors of those who may govern: their demand for elections is no ask of their own government.
_RULING_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "ELI"})


def own_government(match: Match, sources: list[Actor]) -> list[Actor]:
    """Whom a domestic group's demand or protest is aimed at when the text names no one: "the
    opposition demanded new elections", "students rallied to demand the minister's resignation"
    ask their own country's government to give up or share power; "journalists protested
    against the arrest of a colleague" protest an act only a state does (an arrest, a jailing)
    done, as no one else is named, by their own. Only for a group of one country outside its
    government (not a state itself, which may demand elections abroad, nor an IGO)."""
    doer = sources[0] if len(sources) == 1 else None
    if (doer is None or doer.country is None or doer.unknown or doer.kind in ("igo", "state")
            or doer.sector is None or doer.sector in _RULING_SECTORS):
        return []
    # "demanded fresh elections IN UGANDA": an ask about another place is none of its own
    ask = next((t for t in match.trigger.subtree if t.lemma_.lower() in LEADERSHIP_ASKS and _asked(t, match)
                and not _names_a_place(t)), None) if match.code[:2] in _ASKING_ROOTS else None
    ask = ask or _state_deed(match)
    if ask is None:
        return []
    return [Actor(text=ask.text, start=ask.idx, end=ask.idx + len(ask.text), name=f"{doer.country} government",
                  country=doer.country, sector="GOV", cameo_code=doer.country + "GOV", kind="state",
                  reason=f"'{ask.lemma_}' by or of a group of {doer.country} is its own government's affair")]


def held_abroad(clauses: Clauses, match: Match, sources: list[Actor]) -> list[Actor]:
    """'Palestinian prisoners IN ISRAELI JAILS went on hunger strike to protest against detention
    without trial': a group whose own mention places it in another state's hands or land,
    protesting a deed only a state does with no doer named, protests that state's deed (its
    government's), not its own government's. Empty when the mention names no other country."""
    doer = sources[0] if len(sources) == 1 else None
    if doer is None or doer.country is None or doer.unknown or _judged_state_deed(match) is None:
        return []
    words = [t for t in match.trigger.doc if doer.start <= t.idx < doer.end]
    head = next((t for t in words if not doer.start <= t.head.idx < doer.end or t.head.i == t.i), None)
    # the mention and the phrases on its head word ("prisoners IN ISRAELI JAILS"), not a clause
    phrase = [t for t in head.subtree if not any(a.dep_ in ("relcl", "acl") and a.i != head.i
                                                    for a in t.ancestors if head.is_ancestor(a))] if head else []
    for tok in (t for t in phrase if t.ent_type_ in ("GPE", "NORP")):
        host = clauses.actor(tok)
        if host is not None and host.country and host.country != doer.country and host.kind != "igo" \
                and not host.unknown:
            return [replace(host, sector="GOV", cameo_code=f"{host.country}GOV", kind="state",
                            reason=f"{host.reason}; the protesters are held or live in {host.country}")]
    return []


def _state_deed(match: Match) -> Token | None:
    """The object of a protest or condemnation that is an act only a state does, with no doer
    named and nothing of a country in it ("protested against the arrest OF A COLLEAGUE";
    not "the arrest of a colleague IN GHANA", nor "the arrest by police": that names its doer)."""
    deed = _judged_state_deed(match)
    if deed is None or _names_a_place(deed):
        return None
    return deed


def _names_a_place(noun: Token) -> bool:
    """Whether a country, a place or a nationality is named in ``noun``'s phrase ("the arrest of
    a colleague IN GHANA", "elections in Uganda"): then the deed or the ask is of that place, not
    of the doer's own government."""
    return any(t.ent_type_ in ("GPE", "NORP") and t.i != noun.i for t in noun.subtree)


def _judged_state_deed(match: Match) -> Token | None:
    """The object (direct, or after 'against') of a protest or condemnation that is an act only
    a state does (an arrest, a crackdown), with no doer of its own named, or None."""
    if match.code[:2] not in _DEED_JUDGING_ROOTS:
        return None
    for deed in judged_objects(match):
        if deed.lemma_.lower() not in STATE_DEEDS or any(c.dep_ == "poss" for c in children_of(deed)):
            continue
        if any(t.lower_ == "by" for t in deed.subtree):
            continue
        return deed
    return None


def state_of_place(clauses: Clauses, match: Match, sources: list[Actor]) -> list[Actor]:
    """'criticised the crackdown on protesters IN GEORGIA', 'condemned the arrest of a
    journalist in Iran': an act only a state does, judged with no doer named, was done by the
    state of the one country its phrase names as a place (its government), when that is not
    the judge's own; none when it names two."""
    deed = _judged_state_deed(match)
    if deed is None:
        return []
    found = {a.country: a for t in deed.subtree if t.ent_type_ == "GPE" and t.i != deed.i
             and (a := clauses.actor(t)) is not None and a.country and a.kind != "igo" and not a.unknown}
    if len(found) != 1 or any(s.country in found for s in sources):
        return []
    state = next(iter(found.values()))
    return [replace(state, sector="GOV", cameo_code=f"{state.country}GOV",
                    reason=f"{state.reason}; only a state does '{deed.lemma_}' in its land")]


def _asked(noun: Token, match: Match) -> bool:
    """Whether ``noun`` is what the act itself asks for: the trigger's object ("demanded new
    elections"), or the object of a verb of asking in it, directly or after 'for' ("rallied to
    DEMAND a rerun", "protested, CALLING FOR early elections")."""
    if noun.dep_ == "dobj":
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ == "for":
        verb = noun.head.head
    else:
        return False
    return verb.i == match.trigger.i or (verb.pos_ == "VERB" and verb.lemma_.lower() in ASKING_VERBS)


# Those a state holds and may free ("pardoned 3,000 prisoners"), not those it may hand back.
_CAPTIVES = frozenset({"prisoner", "detainee", "inmate", "convict", "dissident"})


def _of_war(noun: Token) -> bool:
    """'prisoners OF WAR': captives of the other side."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(p.lemma_.lower() == "war" for p in children_of(c))
               for c in children_of(noun))


# Words of a release traded with another side, whose prisoners those freed may well be.
_TRADES = frozenset({"swap", "exchange", "deal", "trade", "truce", "ceasefire", "agreement", "accord"})


def _traded(verb: Token) -> bool:
    """'freed 10 prisoners IN A SWAP with the United States', 'under the truce DEAL with Hamas'."""
    return any(t.lemma_.lower() in _TRADES for t in verb.subtree)


def own_people(match: Match, sources: list[Actor]) -> list[Actor]:
    """Whom repression or an arrest naming no actor acts on. CAMEO's violent repression (175)
    is of collective dissent, a state's or its forces' against its own people ("cracked down on
    dissent"); those a state arrests (173) or executes with no nationality or body named
    ("detained dozens of suspects", "Iran executed two men") are its own people too: the doer's
    country's civilians."""
    doer = sources[0] if sources else None
    # a state freeing prisoners of no named country frees its own people, as it had held them
    # (one doer: two sides freeing prisoners free each other's; prisoners of war are the enemy's)
    seized = match.code[:3] == "173" or match.trigger.lemma_.lower() == "execute" or (
        match.code == "0841" and match.obj is not None and match.obj.lemma_.lower() in _CAPTIVES
        and len(sources) == 1 and not _of_war(match.obj) and not _traded(match.trigger))
    arrested = seized and match.obj is not None and match.obj.pos_ != "PRON" and (
        doer is not None and (doer.kind == "state" or doer.sector in ("GOV", "COP", "MIL", "JUD", "SPY")))
    if not (match.code[:3] == "175" or arrested) or doer is None or doer.country is None \
            or doer.unknown or doer.kind == "igo":
        return []
    at = match.obj or match.trigger
    return [Actor(text=at.text, start=at.idx, end=at.idx + len(at.text), name=f"{doer.country} civilians",
                  country=doer.country, sector="CVL", cameo_code=doer.country + "CVL", kind="group",
                  reason=f"{match.code} names no actor acted on: the people of the doer's country {doer.country}")]


def speakers_own(match: Match, speaker: Actor | None, sources: list[Actor]) -> list[Actor]:
    """'The Philippine navy said Chinese ships harassed ITS vessels': in reported speech, 'its'
    on what the act hits, when no one before it in the clause owns it, is the speaker's (or
    the speaker's state's); not when a doer is of the speaker's country ("China said its
    ships ..." names no one; rebels resolved to the speaker's country make 'its' theirs too)."""
    thing = match.obj
    if speaker is None or speaker.unknown or not speaker.country or thing is None:
        return []
    if not any(c.dep_ == "poss" and c.lower_ == "its" for c in children_of(thing)):
        return []
    return [speaker] if all(s.country != speaker.country for s in sources) else []


def owner(clauses: Clauses, antecedents: Callable[[Token], list[Token]], match: Match,
           sources: list[Actor]) -> list[Actor]:
    """'seized a British tanker', 'confiscated the rebels' weapons', 'attacked an army base',
    'fired on a police station': the owner of what a coercive or violent act takes or hits (a
    possessor or a nationality before the noun, or the body a facility belongs to) is whom it
    acts on; not when that is the doer's own state ('seized its own tankers')."""
    things = [match.obj] if match.obj is not None and (  # a bare pattern's object: "seized their notes"
        match.pattern.objects or match.obj.lemma_.lower() in FACILITY_NOUNS or match.obj.dep_ == "dobj") else []
    for head in (match.trigger, match.noun):
        for prep in children_of(head) if head is not None else ():
            if prep.dep_ == "prep" and prep.lower_ in ("on", "at", "against", "into"):
                things.extend(p for p in children_of(prep)
                              if p.dep_ == "pobj" and p.lemma_.lower() in FACILITY_NOUNS)
    for thing in things:
        owner = clauses.actor_inside(thing)
        if owner.i == thing.i:  # "arrested the journalists and seized THEIR equipment": theirs
            owner = next((a for c in children_of(thing) if c.dep_ == "poss" and c.pos_ == "PRON"
                          for a in antecedents(c)), thing)
        if owner.i == thing.i and thing.lemma_.lower() in FACILITY_NOUNS:
            owner = next((c for c in children_of(thing) if c.dep_ in ("compound", "amod") and c.i < thing.i
                          and clauses.actor(c) is not None), thing)
        if owner.i == thing.i:
            continue
        actor = clauses.actor(owner)
        if actor is None or any(_same(s, actor) or (s.country == actor.country and actor.sector is None)
                                for s in sources):
            continue
        return [actor]
    return []


def _posted_at_home(code: str, place: Token | None, located: Actor, sources: list[Actor]) -> bool:
    """Whether a show of force (15) is put in a place of the doer's own country ("police
    deployed riot units ACROSS NAIROBI"): forces posted at home face no one the text names, as
    aid handed out at home goes to no one the doer is not; abroad the place is whom the force
    faces ("massed troops near Ukraine")."""
    return (code[:2] == "15" and place is not None and place.ent_type_ in ("GPE", "LOC", "FAC")
            and located.country is not None and any(s.country == located.country for s in sources))
