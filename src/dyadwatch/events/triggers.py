"""Triggers: which lexicon pattern a token matches, and the code it names.

A verb matches its best verb or frame pattern (particle and object count most); a light verb
with an event noun takes the noun's pattern ("held talks", "imposed a curfew"; event nouns are
matched by ``noun_triggers.py``); a frame codes its complement (to-infinitive, that-clause or
event noun) and shifts the code into its family by ``data/frames.tsv`` ("urged X to withdraw" ->
0256; ``framing.py``); an agreement to do X is an intent to do X; a verb outside the lexicon may
match by word vector (``fallback.py``). ``Match.consumed``
(``match.py``) lists the tokens a match stands for, so they yield no event of their own. Which
tokens are worth matching is decided by ``screen.py``; how matches of one sentence merge, by
``manner.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from dyadwatch.events.confidence import CONFIDENCE
from dyadwatch.events.culprits import CULPRIT_ROOTS, culprit_spot, is_accusation
from dyadwatch.events.duplicates import VIOLENT_ROOTS
from dyadwatch.events.fallback import Fallback, fallback_match
from dyadwatch.events.figurative import figurative_fight
from dyadwatch.events.framing import FrameMatcher
from dyadwatch.events.match import Match, for_clause, hosted_talks
from dyadwatch.events.modality import DEMAND_MODALS, DENIAL_GOVERNORS, PLANNED_PASSIVES
from dyadwatch.events.nested import TOLD_OWN_ROOTS, named_wrong, reported_deed
from dyadwatch.events.noun_triggers import NounMatcher, more_specific
from dyadwatch.events.objects import predicate_adjectives
from dyadwatch.events.ordered_out import people_ordered_out
from dyadwatch.events.rallies import crowd_rally_sense
from dyadwatch.events.readings import (
    naming_call,
    ordinary_partner,
    received_act,
    standing_attitude,
    telling_without_order,
)
from dyadwatch.events.senses import (
    HALTING,
    armed_strike_sense,
    ceased_fighting,
    craft_sense,
    flight_without_craft,
    media_access_sense,
    own_forces_sense,
    posture_sense,
    reaction_not_meeting,
    regret_sense,
    rejection_sense,
    seizure_sense,
    stuck_talks,
    ultimatum,
    walkout_threat,
)
from dyadwatch.events.subjects import is_to_infinitive, undergoer_verb
from dyadwatch.events.targets import event_part
from dyadwatch.events.violence import private_doer, refine_violence
from dyadwatch.knowledge.discards import NonEventObjects
from dyadwatch.knowledge.lexicon import Lexicon, Pattern, Shifts
from dyadwatch.knowledge.words import (
    ADJECTIVE_TRIGGER_DEPS,
    AGENT_EVENT_NOUNS,
    ANSWERING_ROOTS,
    ASKING_ROOTS,
    INVERSE_VERBS,
    LIGHT_VERBS,
    PORTION_WORDS,
    SIGNING,
    SPEECH_VERBS,
    SURVIVING_VERBS,
    TOPIC_PREPS,
)
from dyadwatch.nlp.tree import children as children_of

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dyadwatch.events.clauses import Clauses

__all__ = ["Match", "Matcher"]  # Match lives in match.py; parties.py names it from here


def _states_a_fact(verb: Token) -> bool:
    """A speech verb whose that-clause reports rather than asks: a finite clause ("insisted
    Israel had not attacked", "insisted it attacked", "insisted it will not attack"), not a
    subjunctive or 'must' one ("insisted that Israel withdraw", "insisted Israel must leave")."""
    for c in children_of(verb):
        if c.dep_ != "ccomp" or c.pos_ not in ("VERB", "AUX"):
            continue
        auxes = {a.lower_ for a in children_of(c) if a.dep_ in ("aux", "auxpass")}
        if auxes & DEMAND_MODALS:
            return False
        if c.tag_ == "VBZ" and c.lower_ == c.lemma_.lower() and not auxes:
            continue  # "insisted that Ethiopia expel ...": a bare form is a subjunctive, asked for
        if auxes or c.tag_ in ("VBD", "VBZ", "VBN") or any(n.dep_ == "neg" for n in children_of(c)):
            return True
    return False


def _complement_verbs(token: Token) -> set[str]:
    """The words a verb's to-infinitive or gerund complement adds to what its patterns' object
    column can match (``Clauses.object_lemmas`` lists them beside the nouns): the act the verb
    frames, not a thing it acts on ("called on X to HALT ..." is no call for a halt)."""
    out: set[str] = set()
    for c in children_of(token):
        if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX"):
            out.add(c.lemma_.lower())
            out |= {f"{c.lemma_.lower()} {p.lower_}" for p in children_of(c) if p.dep_ == "prt"}
    return out


def _gerund_complement(token: Token) -> Token | None:
    """The gerund a denial governs ("denied ARMING the rebels"): a clause, as "denied that it
    had armed the rebels" is, whose act the speaker says did not happen."""
    if token.lemma_.lower() not in DENIAL_GOVERNORS:
        return None
    return next((c for c in children_of(token) if c.dep_ == "xcomp" and c.tag_ == "VBG"
                 and not is_to_infinitive(c)), None)


def _hyphenated_lemma(token: Token) -> str | None:
    """'test-fire' for "test-fired", which the tokenizer splits into 'test', '-', 'fired' with
    'test' hung on the verb: the lexicon names such verbs whole ('test-fire' is a missile test,
    not the 'fire' of an attack; 'tear-gas' is not 'gas')."""
    doc, i = token.doc, token.i
    if i < 2 or doc[i - 1].text != "-" or doc[i - 2].head.i != i or doc[i - 2].whitespace_ or doc[i - 1].whitespace_:
        return None
    return f"{doc[i - 2].lower_}-{token.lemma_.lower()}"


def _planned_subjects(verb: Token) -> list[Token]:
    """"talks are expected to resume", "a summit is scheduled for May": the common-noun subjects
    of a planning verb in the passive with no 'by' agent (an event noun among them is the event;
    "the minister is expected to travel" has none)."""
    if verb.lemma_.lower() not in PLANNED_PASSIVES:
        return []  # asked of every verb: the lemma first, the children only for the few it names
    children = list(children_of(verb))
    if not any(c.dep_ == "auxpass" for c in children) or any(c.dep_ == "agent" for c in children):
        return []
    return [c for c in children if c.dep_ == "nsubjpass" and c.pos_ == "NOUN"]


def _verb_lemma(lexicon: Lexicon, token: Token) -> str:
    """The lemma a verb is looked up by: its hyphenated whole when the lexicon names it."""
    joined = _hyphenated_lemma(token)
    if joined is not None and lexicon.verb_candidates(joined):
        return joined
    return token.lemma_.lower()


def _light_noun_may_win(best: tuple[float, Pattern, Match | None] | None) -> bool:
    """Whether the verb's object noun may take the verb as its light verb ("held talks"): not when
    a pattern with an object or a frame fits, nor when one needs a particle of its own, which is
    there ("stepped down after the protests": a resignation, not a protest)."""
    if best is None or best[0] < 1:
        return True
    p = best[1]
    return not p.objects and p.kind != "frame" and not (p.named_particles and "-" not in p.particles)


def _particles_fit(p: Pattern, prt: set[str], after: set[str]) -> bool:
    """Whether a verb's particles (``prt``) and the particle-like words after it (``after``)
    fit a pattern: one it names is there unless it may go without ('-'), and a particle
    the verb has is one it names ("carry out" is not "carry")."""
    named = p.named_particles
    if named and "-" not in p.particles and not (named & (prt | after)):
        return False
    return not (prt and not (named & prt))


def _out_of(verb: Token) -> list[Token]:
    """The nouns after 'out of' when the parser reads 'out' as a preposition with 'of' under
    it ("pulled out of the alliance"): what the verb and its particle leave, as 'from' names it
    ("withdrew from the alliance")."""
    return [n for out in children_of(verb) if out.dep_ == "prep" and out.lower_ == "out"
            for of in children_of(out) if of.dep_ == "prep" and of.lower_ == "of"
            for n in children_of(of) if n.dep_ == "pobj" and n.pos_ in ("NOUN", "PROPN")]


def _named_direct_object(
    clauses: Clauses, obj: Token | None, carried: set[str], candidates: list[Pattern], prt: set[str],
    after: set[str],
) -> set[str]:
    """The words of the direct object noun (with ``carried``, what an answered request or offer
    asks for) when a candidate whose particles fit names them: a pattern that matched only a
    noun elsewhere in the clause ("called off the strike after TALKS") then gives way to the one
    the object names."""
    if obj is None or obj.pos_ != "NOUN":
        return set()
    own = clauses.noun_lemmas(obj) | clauses.stopped_lemmas(obj)  # "its suspension of aid": aid suspension
    if any(p.objects & (own | _carried_for(p, carried)) and _particles_fit(p, prt, after) and not p.framed_only
           for p in candidates):
        return set(own) | carried
    return set()


def _carried_for(p: Pattern, carried: set[str]) -> set[str]:
    """What an answered request or offer asks for, as ``p`` may read it: a refusal's or a
    yielding's pattern reads it as the verb's object, another root's never ("rejected calls to
    attack X" is no rebuttal of attacks)."""
    return carried if carried and p.code[:2] in ANSWERING_ROOTS else set()


def _sequenced_for(p: Pattern, sequenced: dict[str, set[str]]) -> set[str]:
    """The objects of the time phrases whose preposition ``p`` names as its particle."""
    return {w for prep in p.particles & sequenced.keys() for w in sequenced[prep]} if sequenced else set()


def _object_lemmas(clauses: Clauses, token: Token) -> set[str]:
    """What a pattern's object column can match (``Clauses.object_lemmas``), and the subject
    of a 'for X to do Y' clause, which is what a 'for' phrase would name ("appealed for
    troops to restore order": troops)."""
    objects = clauses.object_lemmas(token)
    gerund = _gerund_complement(token)
    if gerund is not None:  # "denied sending troops": a denied clause, not a sending denied
        objects = (objects - _complement_verbs(token)) | {"(clause)"}
    asked = for_clause(token)
    if asked is not None:
        objects = objects | clauses.noun_lemmas(asked[0])
    for left in _out_of(token):  # "pulled out of the bloc": what is left is the object
        objects = objects | clauses.noun_lemmas(left)
    return objects


def _preps(token: Token, obj: Token | None) -> set[str]:
    """The prepositions of a verb and of its object: a pattern naming one scores higher."""
    preps = {c.lower_ for c in children_of(token) if c.dep_ in ("prep", "agent", "dative")}
    if obj is not None:
        preps |= {c.lower_ for c in children_of(obj) if c.dep_ == "prep"}
        # "held X responsible FOR the attack": the parser hangs the phrase on the adjective
        preps |= {p.lower_ for a in predicate_adjectives(obj) for p in children_of(a) if p.dep_ == "prep"}
    return preps


def _ordinary_object(lemma: str, obj: Token, best: Pattern | None, words: int, clauses: Clauses) -> bool:
    """A verb pattern (or none) whose direct object is a thing of business, sport, culture or
    science news (``data/nonevent_objects.tsv``): "launched a new phone" is no offensive."""
    if best is not None and best.kind != "verb":
        return False  # a frame codes its complement, whatever its object
    named = best.objects if best is not None else frozenset()
    if obj.lemma_.lower() in PORTION_WORDS:
        # "shot most of the film": the film is what was shot
        obj = next((p for c in children_of(obj) if c.dep_ == "prep" and c.lower_ == "of"
                    for p in children_of(c) if p.dep_ == "pobj"), obj)
    head = {obj.lemma_.lower(), obj.lower_}
    # the head's own forms ("advertising campaign"), not what it is 'of' ("members of the Day
    # Movement" names people, whatever the group is called)
    forms = {f for f in clauses.noun_lemmas(obj) if f.rsplit(" ", 1)[-1] in head}
    return NonEventObjects.default().drops(lemma, head, forms, named, words)


def _ordinary_noun_object(found: Match, clauses: Clauses) -> bool:
    """An event noun whose 'of' or 'on' object is such a thing: "the release of its earnings",
    "an attack on the problem" (the verb's list, by the noun's lemma)."""
    noun = found.trigger
    if found.pattern.kind != "noun" or noun.pos_ != "NOUN":
        return False
    for prep in children_of(noun):
        if prep.dep_ == "prep" and prep.lower_ in ("of", "on"):
            for obj in children_of(prep):
                if obj.dep_ == "pobj" and obj.pos_ == "NOUN" and _ordinary_object(
                        noun.lemma_.lower(), obj, None, 0, clauses):
                    return True
    return False



def _no_event(found: Match, clauses: Clauses, noun_match: Callable[[Token, str], Match | None]) -> bool:
    """A reception rather than a meeting, an event noun with an ordinary object, a thing
    received from its doer, which its noun codes ("received a loan from Qatar"), or a telling
    that orders nothing ("told reporters"), or a fight with a referee."""
    return (reaction_not_meeting(found, clauses) or _ordinary_noun_object(found, clauses)
            or received_act(found, noun_match) or telling_without_order(found) or ordinary_partner(found)
            or flight_without_craft(found) or naming_call(found) or figurative_fight(found, clauses))


class Matcher:
    """Trigger matching for one article: which kind of trigger a token may be, and the verb's
    best pattern. Event nouns go to its ``nouns`` (``NounMatcher``), what a frame frames to its
    ``frames`` (``FrameMatcher``), which asks this matcher back for a complement verb's match."""

    def __init__(
        self, lexicon: Lexicon, clauses: Clauses, shifts: Shifts, fallback: Fallback | None,
        in_speech: Callable[[Token], bool],
    ) -> None:
        self.lexicon = lexicon
        self.clauses = clauses
        self.shifts = shifts
        self.fallback = fallback
        self.in_speech = in_speech
        self.nouns = NounMatcher(lexicon, clauses)
        self.frames = FrameMatcher(lexicon, clauses, shifts, self.nouns, self.match)
        # the nouns' own light verbs, but for those whose subject undergoes the noun's act
        # ("received a warning from X"), read from the noun's side (subjects.undergoer_verb)
        self._named_light_verbs = lexicon.noun_light_verbs - INVERSE_VERBS - SURVIVING_VERBS

    def match(self, token: Token, depth: int = 0) -> Match | None:
        found = self._match(token, depth)
        if (named := named_wrong(token, found)) is not None:
            return named  # "called Israel's strikes a violation": an accusation, no walkout
        if found is None or _no_event(found, self.clauses, self.nouns.match):
            return None
        sensed = posture_sense(regret_sense(seizure_sense(rejection_sense(found), self.clauses)))
        sensed = media_access_sense(craft_sense(own_forces_sense(sensed, self.clauses)))
        sensed = people_ordered_out(sensed, self.clauses)
        sensed = walkout_threat(armed_strike_sense(sensed, self.clauses), self.clauses)
        sensed = crowd_rally_sense(sensed, self.clauses)
        return stuck_talks(sensed, self.clauses)

    def _is_act(self, word: Token) -> bool:
        """Whether ``word`` names a hostile deed by the lexicon: an event noun ("the attack",
        "the violence") or a verb ("killing") with a pattern of material conflict (roots 14-20)."""
        if word.pos_ == "VERB":  # a gerund: a pattern that needs no particular object
            return any(p.code[:2] in CULPRIT_ROOTS and not p.objects
                       for p in self.lexicon.verb_candidates(word.lemma_.lower()))
        found = self.nouns.match(word, "noun")  # with its modifiers: "tight security" is no deed
        return found is not None and found.code[:2] in CULPRIT_ROOTS

    def _match(self, token: Token, depth: int = 0) -> Match | None:
        pos, dep = token.pos_, token.dep_
        if pos == "VERB" and people_participle(token):
            return None  # "field hospitals for Gaza's WOUNDED": people, not a wounding
        spot = culprit_spot(token, self._is_act)  # "X said Y was behind the attack": X accuses Y
        if spot is not None and self.in_speech(spot):
            found = self.nouns.match(spot, "copula", framed=depth > 0)
            if found is not None and is_accusation(found.code):
                return found
        if pos == "ADJ" and dep in ADJECTIVE_TRIGGER_DEPS and standing_attitude(token):
            return None  # "the leader, who is critical of the government,": a description
        if pos == "VERB" or (pos == "ADJ" and dep in ADJECTIVE_TRIGGER_DEPS):
            return self._verb_match(token, depth)
        if pos in ("NOUN", "PROPN") and dep == "attr":
            copula = token.head
            if pos == "NOUN" and copula.lemma_ == "be" and any(c.dep_ == "expl" for c in children_of(copula)):
                # "there were protests in Dhaka", "there was heavy fighting": told as happening
                return self.nouns.match(token, "noun", framed=depth > 0)
            if copula.lemma_ == "be" and self.in_speech(token):
                found = self.nouns.match(token, "copula", framed=depth > 0)
                if found is not None:
                    return found
        if pos == "NOUN" and dep == "dobj" and (lived := undergoer_verb(token)) is not None:
            found = self.nouns.match(token, "noun", framed=depth > 0)  # "faced criticism from X"
            if found is not None and lived.lemma_.lower() in SURVIVING_VERBS and found.code[:2] not in VIOLENT_ROOTS:
                return None  # "escaped arrest": no arrest was made
            return found
        if pos == "NOUN" and dep in ("dobj", "nsubjpass") and hosted_talks(token) and token.head.tag_ in ("VBD", "VBN"):
            # "Egypt hosted Israeli-Palestinian TALKS": the parties met, beside the host's act
            # (talks a host "will host" are not held yet: the host's intent is the event)
            found = self.nouns.match(token, "noun", framed=depth > 0)
            return found if found is not None and found.code[:2] == "04" else None
        if pos == "NOUN" and dep in ("dobj", "nsubjpass") and not (
                dep == "nsubjpass" and token.head.lemma_.lower() in PLANNED_PASSIVES):
            deed, teller = reported_deed(token, self.clauses)  # "the ministry confirmed the arrest of X"
            told = self.nouns.match(token, "noun", governor=teller, framed=depth > 0) if deed else None
            if told is not None and (teller is None or told.code[:2] in TOLD_OWN_ROOTS):
                return told
            return None
        if pos == "NOUN" and dep == "oprd":
            return None  # "calling it an ATTACK on our sovereignty": what a thing is called, no act
        if pos == "NOUN" and dep in ("nsubj", "appos", "poss") and token.lemma_.lower() in AGENT_EVENT_NOUNS:
            return None  # "the UN envoy for Yemen said": a title, not an act of mediating
        if pos == "NOUN" and dep == "nsubjpass" and token.head.lemma_.lower() in PLANNED_PASSIVES:
            return self.nouns.match(token, "noun", framed=depth > 0)  # "talks are expected to resume"
        if pos == "NOUN" and dep not in ("dobj", "attr", "compound", "nsubjpass", "amod"):
            if dep == "pobj" and token.head.lower_ in TOPIC_PREPS and not event_part(token):
                return None  # a topic, not an event: "talks on a pullback", "suppression of unrest"
            return self.nouns.match(token, "noun", framed=depth > 0)
        return None

    def _verb_match(self, token: Token, depth: int) -> Match | None:
        if any(self.lexicon.candidates("noun", n.lemma_.lower()) for n in _planned_subjects(token)):
            return None  # "talks are expected to resume": the noun is the event, planned by no one
        lemma = _verb_lemma(self.lexicon, token)
        candidates = self.lexicon.verb_candidates(lemma)
        # Without candidates only a light verb's object is looked at; the object's words and
        # the prepositions are worked out when a candidate first needs them.
        # a light verb the lexicon's nouns name beyond the general list lends its noun its subject
        # only in the clause's own act ("repeated its demand"; "agreed on measures to ENFORCE a
        # ceasefire" stays the parties' agreement), and not as a participle describing the noun
        # ("ENFORCED disappearances", even when the parser makes it a verb of its own)
        light_ok = depth < 3 and (lemma in LIGHT_VERBS or (
            depth == 0 and lemma in self._named_light_verbs and token.dep_ != "amod" and not _bare_participle(token)))
        obj = self.clauses.direct_object(token) if candidates or light_ok else None
        prt, after = self.clauses.particles(token) if candidates else (set(), set())
        # passive: later prepositions are phrases ("backed by X in Y" is no "back in"); the one
        # right after the verb is still its particle ("troops were put on alert by X")
        # (without candidates nothing reads it: the passive is not looked for)
        loose = {c.lower_ for c in children_of(token) if c.dep_ == "prep" and c.i == token.i + 1} & after \
            if candidates and any(c.dep_ == "auxpass" for c in children_of(token)) else after
        objects: set[str] | None = None
        carried: set[str] = set()  # what an answered request or offer asks for (Objects.carried_lemmas)
        sequenced: dict[str, set[str]] = {}  # objects of before/after/until (Objects.sequence_lemmas)
        own: set[str] = set()  # the direct object's words, when a pattern names them
        preps: set[str] | None = None
        best: tuple[float, Pattern, Match | None] | None = None
        best_words = 0
        ceased: Match | bool | None = False  # False: not looked for yet
        # The roots of the verb's appeal, demand or threat patterns, and the words of the act
        # such a frame would frame. An appeal, demand or threat keeps its own root: another
        # root's pattern may not take the verb through the act it asks for or threatens
        # ("called on X to halt ...", "pressed X to attack ..."), only through a thing it names
        # ("called a halt"). One's own promise or refusal may be an idiom of another root
        # ("declined to comment": 011).
        frame_roots = self.lexicon.frame_roots(lemma) & ASKING_ROOTS
        framed_words = _complement_verbs(token) if frame_roots else set()
        for p in candidates:
            if p.framed_only and depth == 0:
                continue  # "held elections": an event only as what a promise or demand frames
            # (a pattern naming no particle fits a verb with none: most do, and are not asked)
            if (prt or p.named_particles) and not _particles_fit(p, prt, loose):
                continue  # "carry out" is not "carry"
            if p.kind == "frame" and lemma in SPEECH_VERBS and _states_a_fact(token):
                continue  # "X has not attacked, an official insisted": a statement, no demand
            if p.objects:
                if objects is None:
                    objects = _object_lemmas(self.clauses, token)
                    carried = self.clauses.carried_lemmas(token)
                    own = _named_direct_object(self.clauses, obj, carried, candidates, prt, after)
                    sequenced = self.clauses.sequence_lemmas(token)
                seen = objects | _carried_for(p, carried) | _sequenced_for(p, sequenced)
                if not (p.objects & seen):
                    if p.code != HALTING or depth >= 2:
                        continue
                    if ceased is False:
                        ceased = ceased_fighting(token, self.clauses, self.match, self.nouns.match, depth)
                    if ceased is None:
                        continue  # "stopped shelling the town", "halt its drills": a halt to fighting
                if own and not (p.objects & (own - carried | _carried_for(p, carried))) and not any(
                        o.startswith("from ") for o in p.objects & seen):
                    # "called off the strike after talks": the object names the act; in "barred
                    # lawmakers from entering" the act barred names it, not the people barred
                    continue
                if p.kind != "frame" and p.code[:2] not in frame_roots and framed_words and not (
                        p.objects & (seen - framed_words)):
                    continue  # matched only the framed act's verb: the frame codes it
            if preps is None:
                preps = _preps(token, obj)
            score: float = p.specificity + (1 if set(p.preps) & preps else 0)
            inner = None
            if p.kind == "frame":
                inner = self.frames.complement(token, p, depth)
                score += 1.5 if inner is not None else -1
                if p.family == "appeal" and inner is not None and inner.trigger.dep_ == "xcomp" and (
                        self.clauses.addressee(token) is None):
                    score -= 1.5  # "sought to deepen ties": one's own aim, if an intent pattern fits
            words = p.object_words(seen) if p.objects else 0
            if best is None or more_specific((score, words, p), (best[0], best_words, best[1])):
                best, best_words = (score, p, inner), words
        if best is not None and best_words == 1 and obj is not None and depth < 3:
            # "deepened defence cooperation": a generic code matched on the bare object noun
            # yields to the noun's own pattern, which names its modifier
            specific = self._named_object(token, obj, best[1], depth)
            if specific is not None:
                return specific
        if obj is not None and _ordinary_object(lemma, obj, best[1] if best else None, best_words, self.clauses):
            return None  # "released its earnings", "captured the title": no political act
        light = None
        if obj is not None and light_ok and _light_noun_may_win(best):
            light = self.nouns.match(obj, "noun", governor=token, framed=depth > 0)
        if light is not None:
            return light
        if best is None:  # a verb outside the lexicon: its nearest lexicon verb, if vectors allow
            return fallback_match(self.fallback, self.clauses, token) if depth == 0 and self.fallback else None
        _, pattern, inner = best
        if pattern.kind == "frame":
            return self.frames.frame(token, obj, pattern, inner)
        if private_doer(pattern.code, token):
            return None
        final = ultimatum(pattern, token, obj)
        if final is not None:
            return final
        noun = obj if pattern.objects and obj is not None and obj.pos_ == "NOUN" else None
        confidence = CONFIDENCE.specific_verb if pattern.specificity >= 2 else CONFIDENCE.verb
        match = Match(pattern, token, obj, pattern.code, pattern.code, f"pattern:{pattern.id}",
                      noun=noun, confidence=confidence)
        if pattern.code == HALTING and isinstance(ceased, Match) and not (pattern.objects & (objects or set())):
            match = replace(match, inner=ceased, rule=f"{match.rule}+{ceased.rule.split(':', 1)[-1]}")
        # who does it, to whom and with what picks among the violent codes; an object the
        # pattern names ("opened fire") is the means, and the victim then comes after 'on' or 'at'
        victim = obj if obj is not None and not (pattern.objects & self.clauses.noun_lemmas(obj)) else None
        refined = refine_violence(pattern.code, token, victim)
        if refined is not None:
            match = replace(match, code=refined[0], base=refined[0], rule=f"{match.rule}+{refined[1]}")
        if pattern.code == "057" and obj is not None and depth < 2 and lemma not in SIGNING:
            # "reached a consensus to exchange information": an agreement to do X is an intent
            for c in children_of(obj):
                if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and is_to_infinitive(c):
                    inner = self.match(c, depth + 1)
                    shifted = self.shifts.shift(inner.base, "intent") if inner and inner.base else None
                    if inner is not None and shifted:
                        return replace(match, code=shifted, base=inner.base, inner=inner,
                                       rule=f"{match.rule}+{inner.rule.split(':', 1)[-1]}")
        return match

    def _named_object(self, token: Token, obj: Token, verb: Pattern, depth: int) -> Match | None:
        """The object noun's own pattern, when the verb's pattern is a root's generic code that
        matched only the bare object noun and the noun's pattern matched a modifier form
        ("defence cooperation", "overflight rights") that a specific code names."""
        if verb.kind != "verb" or verb.code[2:] != "0" or obj.pos_ != "NOUN":
            return None
        if not verb.objects & {obj.lemma_.lower(), obj.lower_}:
            return None
        found = self.nouns.match(obj, "noun", governor=token, framed=depth > 0)
        if found is None or found.pattern.object_words(self.clauses.noun_lemmas(obj)) < 2:
            return None
        return found


_NOMINAL_SLOTS = frozenset({"pobj", "dobj", "nsubj", "nsubjpass"})


def people_participle(token: Token) -> bool:
    """A past participle used as a noun of the people it befell ("treated the injured", "Gaza's
    wounded"): in a noun's slot, after a determiner or a possessor, with no object or agent."""
    if token.tag_ != "VBN" or token.dep_ not in _NOMINAL_SLOTS:
        return False
    kids = list(token.children)
    if any(c.dep_ in ("dobj", "agent", "prep", "advmod", "aux", "auxpass") for c in kids):
        return False
    return any(c.dep_ == "det" or (c.dep_ in ("poss", "nsubj") and any(g.tag_ == "POS" for g in c.children))
               for c in kids)


def _bare_participle(token: Token) -> bool:
    """A past participle with no auxiliary of its own ("enforced disappearances"): a word that
    describes, not a finite verb ("has repeated its demand")."""
    return token.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in children_of(token))
