"""Matters and messages: the other party an act names outside the places its pattern looks.

An act of disapproval, demand, rejection, threat or reduced relations often names whom it is
aimed at only in the phrase that gives its cause: "broke off relations OVER GUYANA'S oil
exploration", "recalled its ambassador over SPAIN'S decision", "demanded an apology over remarks
BY THE FRENCH PRESIDENT"; or only in the deed it has as its object ("condemned attacks on
ambulances BY THE ISRAELI MILITARY"), in an "in response to" phrase ("in response to MALAWI'S
appeal"), or in the sentence before, when its object is a bare "the move" that refers back.
CAMEO's target of such an act is the party whose deed it answers. A verbal act may name whom it is addressed to only in the phrase of the letter or the call that
carries it: "IN A LETTER TO the Secretary-General, Iran demanded action", "in a phone call WITH
his Turkish counterpart, Greece proposed talks"; the addressee is its target. An act about
something between two parties is aimed at them: "welcomed the truce BETWEEN ISRAEL AND HAMAS".

All are asked only when the pattern's own places name no one (``unnamed.unnamed_targets``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyadwatch.actors.resolve import coordinated
from dyadwatch.events.protested import armed_doer, protest_topics
from dyadwatch.events.subjects import agents, stray_agents
from dyadwatch.knowledge.words import (
    DEED_ANAPHORS,
    DOER_OF_NOUNS,
    HARMING_SECTORS,
    MATTER_PREPS,
    MATTER_ROOTS,
    MESSAGE_ROOTS,
    PRESS_SECTORS,
    RESPONSE_NOUNS,
    SEIZING_DEED_ANAPHORS,
    SEIZING_DEED_VERBS,
    SENT_MESSAGE_NOUNS,
    SPEECH_VERBS,
    TELLING_VERBS,
    VIOLENT_DEED_ANAPHORS,
    VIOLENT_DEED_VERBS,
)
from dyadwatch.nlp.tree import children as children_of

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Token

    from dyadwatch.events.match import Match
    from dyadwatch.records import Actor

# Prepositions of a deed noun whose object is whom the deed was done to or given to ("the
# killing OF protesters", "support FOR the council", "aid TO the rebels", "the raid ON the
# mosque", "sanctions AGAINST Cuba"): never whose deed it is.
_RECEIVER_PREPS = frozenset({"of", "for", "to", "on", "against"})
# How far up a chain of complements a message phrase may sit: "In a letter to X, Iran SAID it
# WOULD WITHDRAW": the letter carries the clause two verbs down.
_COMPLEMENT_DEPTH = 4


def named_elsewhere(match: Match, actor: Callable[[Token], Actor | None],
                    named: Callable[[Token], bool], doers: list[Actor]) -> list[Actor]:
    """The target of ``match`` named in the phrase of its cause (``matter_party``) or of the
    message that carries it (``addressee``), or none. ``actor`` resolves a token to its actor
    (looking inside a mention that is none), ``named`` tells whether a token is an actor itself;
    ``doers`` are the act's sources, never their own target."""
    code = match.code
    sides = between_parties([h for h in (match.obj, match.noun) if h is not None], actor, doers)
    if sides:
        return sides
    if match.obj is not None and match.obj.dep_ == "nsubjpass":
        # "SWEDEN'S decision was welcomed by Finland": whose the thing acted on is, as in the
        # active "Finland welcomed Sweden's decision"; a person or body acted on is itself the
        # target ("Haiti's president was assassinated": the president, not Haiti), each of a
        # coordination ("Armenia and Azerbaijan were urged to ...": both)
        if named(match.obj):
            acted = [a for t in coordinated(match.obj) if (a := actor(t)) is not None]
            return [a for i, a in enumerate(acted) if not any(_same(a, x) for x in doers + acted[:i])]
        owner = next((a for t in _doers_of(match.obj, venues=False) if (a := actor(t)) is not None
                      and not any(_same(a, d) for d in doers)), None)
        if owner is not None:
            return [owner]
    found: Actor | None = None
    if code[:2] in MATTER_ROOTS:
        heads = [match.trigger, match.obj, match.noun]
        if match.inner is not None:
            heads += [match.inner.trigger, match.inner.obj, match.inner.noun]
        found = matter_party([h for h in heads if h is not None], actor, doers)
    if found is None and code.startswith(DEED_CODES):
        found = deed_doer(match, actor, named, doers)
    if found is None:
        found = answered_party(match.trigger, actor, doers)
    if found is None and code[:2] in MESSAGE_ROOTS:
        found = addressee(match.trigger, actor, doers)
    return [found] if found is not None else []


# Codes (by prefix) of acts that judge or answer a deed another party did: praise (051; not
# the rest of 05: "did not sign the declaration drafted by Moscow" is no act on Moscow),
# demands, disapproval, rejection, threats, protest, reduced relations. The deed they name as
# their object is the doer's: CAMEO codes criticism or protest of "X's attacks" as aimed at X.
DEED_CODES = ("051", "10", "11", "12", "13", "14", "16")

def deed_doer(match: Match, actor: Callable[[Token], Actor | None], named: Callable[[Token], bool],
              doers: list[Actor]) -> Actor | None:
    """Whose deed an act of judging or answering has as its object: "condemned attacks on
    ambulances BY THE ISRAELI MILITARY", "criticised CHINA'S seizure of trawlers", "protested
    against the arrest of a colleague by police"; or, when the object is a bare word that refers
    back ("condemned THE STRIKES", "welcomed the move"), the doer of the previous sentence.
    None when the deed names no doer, or only the act's own doers."""
    for deed in judged_objects(match):
        if deed.pos_ != "NOUN" or named(deed):
            # an actor as object is the target already, found where the pattern looks; not an
            # actor inside the deed's own phrase ("the Chinese detention OF TWO CANADIANS",
            # whom it was done to): when they are the act's own people no target is left
            continue
        heads = _doers_of(deed, venues=False) + stray_agents(deed)
        # "to protest against the MILITARY coup"; not the protest's own noun ("a GENERAL strike")
        own = deed.i in {n.i for n in (match.obj, match.noun) if n is not None}
        armed = armed_doer(deed, actor) if match.code[:2] == "14" and not own else None
        heads += [armed] if armed is not None else []
        if deed.dep_ == "dobj" and any(c.dep_ == "nsubj" for c in children_of(match.trigger)):
            # "denounced attacks on their boats BY THE NAVY": on an active verb with a subject, a
            # 'by' phrase the parser hung on the verb is no agent of it but the deed's
            heads += [p for c in children_of(match.trigger) if c.dep_ == "prep" and c.lower_ == "by"
                      for p in children_of(c) if p.dep_ == "pobj"]
        if deed.lemma_.lower() in DEED_ANAPHORS and _bare_reference(deed):
            heads += _previous_doer(deed)  # after the deed's own ("Sunday's" is no actor)
        for tok in heads:
            found = actor(tok)
            if found is not None and not found.unknown and not any(_same(found, d) for d in doers):
                return found
    return None




def protested_doer(match: Match, actor: Callable[[Token], Actor | None], named: Callable[[Token], bool],
                   doers: list[Actor]) -> Actor | None:
    """Whose deed a protest's purpose, its 'in protest at' or its 'over' phrase names
    (``protest_topics``): "boycotted the courts to protest against PRESIDENT MUSHARRAF'S
    suspension of the chief justice", "blocked a toll gate to protest abuses BY A POLICE UNIT",
    "walked off the job to protest against the MILITARY coup". CAMEO aims a protest at the party
    it is directed against, which the deed's doer is. None when no deed there names a doer
    other than the protesters; a deed that is itself an actor ("against the government") is
    left to the pattern."""
    for deed in protest_topics(match):
        if deed.pos_ != "NOUN" or named(deed):
            continue
        armed = armed_doer(deed, actor)
        for tok in _doers_of(deed, venues=False) + ([armed] if armed is not None else []):
            found = actor(tok)
            if found is not None and not found.unknown and not any(_same(found, d) for d in doers):
                return found
    return None


def harm_doer(match: Match, actor: Callable[[Token], Actor | None], targets: list[Actor],
              doers: list[Actor]) -> Actor | None:
    """The doer of a harm an act judges or an inquiry looks into, when the target found is its
    victims: "condemned the killing of protesters BY SECURITY FORCES", "opened an investigation
    into POLICE shootings of demonstrators". CAMEO aims criticism and investigation at whoever
    did the deed, not at those it was done to. None when the deed names no doer other than the
    act's own, or the target is not inside the deed's 'of' phrase."""
    if not match.code.startswith((*DEED_CODES, "09")) or not targets:
        return None
    deeds = judged_objects(match) + [p for h in (match.trigger, match.obj) if h is not None
                                     for c in children_of(h) if c.dep_ == "prep" and c.lower_ == "into"
                                     for p in children_of(c) if p.dep_ == "pobj"]
    for deed in deeds:
        victims = [p for c in children_of(deed) if c.dep_ == "prep" and c.lower_ in _RECEIVER_PREPS
                   for p in c.subtree if p.dep_ == "pobj"]
        if not any(t.start <= v.idx < t.end for t in targets for v in victims):
            continue
        heads = [h for h in _doers_of(deed) if h not in victims]
        heads += [c for c in children_of(deed) if c.dep_ == "compound" and c.i < deed.i]  # "POLICE shootings"
        for tok in heads:
            found = actor(tok)
            if found is not None and not found.unknown and not any(_same(found, d) for d in doers) and (
                    tok.ent_type_ in ("NORP", "GPE", "ORG") or found.sector in HARMING_SECTORS):
                return found
    return None


def judged_objects(match: Match) -> list[Token]:
    """What an act of judging or protest is about: its direct object ("condemned THE ARREST")
    and the object of an 'against' on its verb ("protested against THE ARREST"); for a protest,
    also what its 'over' phrase or its purpose of protesting names (``protest_topics``)."""
    deeds = [match.obj] if match.obj is not None and match.obj.dep_ == "dobj" else []
    deeds += [p for c in children_of(match.trigger) if c.dep_ == "prep" and c.lower_ == "against"
              for p in children_of(c) if p.dep_ == "pobj"]
    return deeds + [t for t in protest_topics(match) if t not in deeds]


def _bare_reference(noun: Token) -> bool:
    """Whether ``noun`` is a definite noun with nothing of its own that says whose or which
    deed it is ("the move", "the strikes", "this step"): no phrase, clause or name on it but
    the judgement of an 'as' phrase ("criticised the move AS a step back"); a day before it is
    as definite as 'the' ("condemned SUNDAY'S strikes")."""
    det = [c for c in children_of(noun) if c.dep_ == "det"]
    day = [c for c in children_of(noun) if c.dep_ == "poss" and c.ent_type_ in ("DATE", "TIME")]
    if not day and (not det or det[0].lower_ not in ("the", "this", "that", "these", "those")):
        return False
    return not any((c.dep_ == "prep" and c.lower_ != "as") or c.dep_ in ("acl", "relcl", "compound", "nmod", "appos")
                   or (c.dep_ == "poss" and c not in day) or (c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE", "ORG")) for c in children_of(noun))


def _previous_doer(noun: Token) -> list[Token]:
    """The doer of the deed ``noun`` refers back to in the sentence before: the subject (or
    passive agent) of its main clause, or of the clause it reports ("The UN said ISRAELI JETS
    struck Damascus. Syria condemned the strikes"). A noun of a kind of deed ("the strikes", "the
    arrests") refers only to a clause that tells that kind ("Germany's chancellor met farmers.
    Ukraine condemned the strikes" refers to nothing); none when nothing fits, or ``noun`` is in
    the first sentence."""
    start = noun.sent.start
    if start == 0:
        return []
    lemma = noun.lemma_.lower()
    kind = next(((nouns, verbs) for nouns, verbs in ((VIOLENT_DEED_ANAPHORS, VIOLENT_DEED_VERBS),
                                                     (SEIZING_DEED_ANAPHORS, SEIZING_DEED_VERBS))
                 if lemma in nouns), None)
    root = noun.doc[start - 1].sent.root
    # "jets STRUCK Damascus", "troops CARRIED OUT raids": the verb or its object tells the kind
    doers = [t for verb in _told_clauses(root) if kind is None or verb.lemma_.lower() in kind[1] or any(
        c.dep_ == "dobj" and c.lemma_.lower() in kind[0] for c in children_of(verb))
             for t in [c for c in children_of(verb) if c.dep_ == "nsubj"] + agents(verb)]
    if kind is None:
        # "Russia said it would expel ten diplomats. Britain condemned the move": a move a
        # speaker announces (its own 'it' may name no one) is the speaker's
        doers += [c for c in children_of(root) if c.dep_ == "nsubj"]
    return doers


def _told_clauses(root: Token) -> list[Token]:
    """The clauses whose deed a sentence tells, in order: what it reports when its main verb is
    one of saying ("The UN SAID jets struck Damascus": the striking, not the saying), else its
    main verb; then the verbs coordinated with them."""
    told = [c for c in children_of(root) if c.dep_ == "ccomp"] if root.lemma_.lower() in SPEECH_VERBS else []
    heads = told or [root]
    return heads + [c for h in heads for c in children_of(h) if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]


def answered_party(trigger: Token, actor: Callable[[Token], Actor | None],
                   doers: list[Actor]) -> Actor | None:
    """The party an act answers, named in an "in response to", "in retaliation for", "in
    reaction to" phrase on its verb: the owner, agent or nationality of the deed answered ("in
    response to MALAWI'S appeal", "in response to AMERICAN deployments"), or a party named as
    the deed ("in response to Moscow")."""
    for prep in (c for c in children_of(trigger) if c.dep_ == "prep" and c.lower_ == "in"):
        for noun in (p for p in children_of(prep) if p.dep_ == "pobj" and p.lemma_.lower() in RESPONSE_NOUNS):
            for to in (c for c in children_of(noun) if c.dep_ == "prep" and c.lower_ in ("to", "for")):
                for deed in (p for p in children_of(to) if p.dep_ == "pobj"):
                    heads = [deed] if actor(deed) is not None and deed.pos_ == "PROPN" else _doers_of(deed)
                    for tok in heads:
                        found = actor(tok)
                        if found is not None and not found.unknown and not any(_same(found, d) for d in doers):
                            return found
    return None


def between_parties(objects: list[Token], actor: Callable[[Token], Actor | None],
                    doers: list[Actor]) -> list[Actor]:
    """The two sides an act's object names after 'between': "welcomed the truce BETWEEN ISRAEL
    AND HAMAS", "condemned the clashes between Armenian and Azerbaijani troops": the act is
    aimed at the parties to what it is about (the doer is not its own target: "Israel welcomed
    the truce between Israel and Hamas" is aimed at Hamas). A coordination the parser hangs
    inside a possessor ("between Ethiopia and Tigray's leaders") names the sides too."""
    out: list[Actor] = []
    for obj in objects:
        for prep in (c for c in children_of(obj) if c.dep_ == "prep" and c.lower_ == "between"):
            for p in (q for q in children_of(prep) if q.dep_ == "pobj"):
                heads = [p] if actor(p) is not None else [c for c in children_of(p) if c.dep_ == "poss"]
                for t in (t for h in heads for t in coordinated(h)):
                    found = actor(t)
                    # a name the actor lists do not know ("the two Koreas") is no side to code
                    if found is not None and (found.country is not None or found.kind == "igo") \
                            and not any(_same(found, x) for x in doers + out):
                        out.append(found)
    return out


def matter_party(heads: list[Token], actor: Callable[[Token], Actor | None],
                 doers: list[Actor]) -> Actor | None:
    """The party whose deed an act answers, named in an 'over' (about, regarding) phrase of the
    verb, its object or its noun: the deed's owner ("over GUYANA'S exploration"), its 'by' agent
    ("over remarks BY the French president", "over comments made BY X"), or the nationality
    before it ("over ISRAELI air strikes"). Not the deed's object ("over the arrest OF Iranian
    nationals": they are who it was done to), nor a pronoun ("over ITS handling"), nor a place
    named as the matter itself ("talks over Taiwan": the issue, not a party)."""
    seen: set[int] = set()
    for head in heads:
        for prep in children_of(head):
            if prep.dep_ != "prep" or prep.lower_ not in MATTER_PREPS or prep.i in seen:
                continue
            seen.add(prep.i)
            for deed in (p for p in children_of(prep) if p.dep_ == "pobj"):
                for tok in _doers_of(deed):
                    found = actor(tok)
                    if found is not None and not any(_same(found, d) for d in doers):
                        return found
    return None


def _doers_of(deed: Token, venues: bool = True) -> list[Token]:
    """Who did the deed a noun names: its possessor (not a pronoun), its 'by' agent, the agent
    of a participle describing it, or a nationality or name before it; without ``venues``, not
    a place name before it, which may name where a thing was made ("the Minsk agreement"). The
    'of' phrase of a deed done to no one names its doer ("the incursion OF CHINESE SHIPS")."""
    out = [c for c in children_of(deed) if c.dep_ == "poss" and c.pos_ != "PRON"]
    preps = ("by", "of") if deed.lemma_.lower() in DOER_OF_NOUNS else ("by",)
    out += [p for c in children_of(deed) if c.dep_ == "prep" and c.lower_ in preps
            for p in children_of(c) if p.dep_ == "pobj"]
    out += [p for c in children_of(deed) if c.dep_ == "acl" and c.tag_ == "VBN" for p in agents(c)]
    out += [c for c in children_of(deed) if c.dep_ in ("amod", "compound") and c.i < deed.i
            and c.ent_type_ in (("NORP", "GPE", "ORG") if venues else ("NORP", "ORG"))]
    return out


def addressee(trigger: Token, actor: Callable[[Token], Actor | None],
              doers: list[Actor]) -> Actor | None:
    """Whom a verbal act is addressed to through the message that carries it: "IN A LETTER TO
    X, Y demanded", "Y said IN A MESSAGE TO X that it would ...", "in a phone call WITH X, Y
    proposed". The phrase may hang on the trigger or on a verb whose complement it heads; so
    may the object of a verb of telling ("TOLD ERDOGAN that Russia was ready to ..."). The
    press is no addressee ("in a call with reporters", "told reporters"): it carries the words
    to everyone."""
    node = trigger
    for _ in range(_COMPLEMENT_DEPTH):
        for p in message_recipients(node):
            found = actor(p)
            if found is not None and found.sector not in PRESS_SECTORS and not any(_same(found, d) for d in doers):
                return found
        if node.dep_ not in ("ccomp", "xcomp", "acomp") or node.head.i == node.i:
            break
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in TELLING_VERBS:
            # "Putin TOLD ERDOGAN that Russia was ready to ...": whom the words are told
            for told in (c for c in children_of(node.head) if c.dep_ in ("dobj", "dative") and c.i < node.i):
                found = actor(told)
                if found is not None and found.sector not in PRESS_SECTORS \
                        and not any(_same(found, d) for d in doers):
                    return found
        node = node.head
    return None


def message_recipients(verb: Token) -> list[Token]:
    """Whom the message carrying a verb's act is sent to, by the 'in' phrase on the verb: "IN A
    LETTER TO X, Y demanded", "in an appeal to X", "in a phone call with X"."""
    return [p for prep in children_of(verb) if prep.dep_ == "prep" and prep.lower_ == "in"
            for message in children_of(prep) if message.dep_ == "pobj" and message.lemma_.lower() in SENT_MESSAGE_NOUNS
            for to in children_of(message) if to.dep_ == "prep" and to.lower_ in ("to", "with")
            for p in children_of(to) if p.dep_ == "pobj"]


def _same(a: Actor, b: Actor) -> bool:
    return a.cameo_code == b.cameo_code
