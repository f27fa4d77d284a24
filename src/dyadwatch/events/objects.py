"""Objects: what a trigger acts on, and the words a pattern's object and particle columns test.

``Objects`` owns the object side of a verb: its direct object (or the passive subject or
particle-verb object standing for it, found once per verb), the object a coordinated verb shares,
the particles and prepositions after the verb, and the lemmas of a noun and of a verb's objects
that a lexicon pattern may name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyadwatch.events.participles import described_noun, participle_noun, reduced_relative
from dyadwatch.events.subjects import is_to_infinitive, reduced_passive
from dyadwatch.knowledge.words import (
    ANSWERING_VERBS,
    CARRIER_NOUNS,
    DEMANDING_VERBS,
    NAMING_VERBS,
    OBJECT_TOPIC_PREPS,
    PROTEST_TOPIC_NOUNS,
    PROTEST_TOPIC_PREPS,
    RESTRICTION_NOUNS,
    STOPPAGE_NOUNS,
    TIME_ENTITIES,
)
from dyadwatch.nlp.tree import children as children_of

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Token

# Particles that may stand after the object or alone in the passive, where the parser reads
# them as adverbs ("drove the crowd back", "were pushed away"): still the verb's particle.
# 'aside' after a verb is only ever its particle, and the parser makes it an adverb even right
# after the verb ("brushed ASIDE the demands", "swept aside calls for talks").
MOVED_PARTICLES = frozenset({"back", "away", "aside"})
# "sent home five soldiers", "flew the hostages home": 'home' right after the verb, or after its
# object, is the particle of a return, parsed as an adverb (never 'home' of a place named after
# a preposition: "returned to their homes")
HOME = "home"


# Prepositions that name what came before or comes after the act, never what it acts on.
_SEQUENCE_PREPS = frozenset({"before", "after", "since", "until", "till", "ahead", "prior"})

class Objects:
    """The objects of the verbs of one parsed article."""

    def __init__(self) -> None:
        self._objects: dict[int, Token | None] = {}  # see direct_object
        self._noun_lemmas: dict[int, frozenset[str]] = {}  # see noun_lemmas

    def direct_object(self, token: Token) -> Token | None:
        """The direct object of a verb (or what stands for it); asked of a verb again and again
        by the matcher and the argument finders, and found once."""
        if token.i not in self._objects:
            self._objects[token.i] = self._direct_object(token)
        return self._objects[token.i]

    @staticmethod
    def _direct_object(token: Token) -> Token | None:
        children = list(children_of(token))  # with their dependencies, read once
        deps = [c.dep_ for c in children]
        for c, dep in zip(children, deps, strict=True):
            if dep in ("dobj", "obj"):
                return c
        # "found the minister guilty": the parser makes the small clause's adjective a clause
        # of its own, whose subject is the verb's object
        for c, dep in zip(children, deps, strict=True):
            if dep == "ccomp" and c.pos_ == "ADJ":
                subject = next((s for s in children_of(c) if s.dep_ == "nsubj" and s.i < c.i), None)
                if subject is not None:
                    return subject
        # "sent back soldiers captured in the fighting": the parser's clause is a participle
        # describing the object
        described = described_noun(token, ("ccomp",)) if "ccomp" in deps else None
        if described is not None:
            return described
        # "paid a trip", "expressed that": the prepositional object of a light particle verb
        if "prt" in deps:
            for d, dep in zip(children, deps, strict=True):
                if dep == "prep":
                    for e in children_of(d):
                        if e.dep_ == "pobj":
                            return e
        if "nsubjpass" in deps and token.tag_ == "VBN":
            return children[deps.index("nsubjpass")]  # "sanctions were imposed": the passive subject
        if token.dep_ == "acl" and token.tag_ in ("VBN", "VBD") and "agent" in deps and token.head.dep_ in ("nsubj", "nsubjpass"):
            # "journalists detained by police were freed", "sanctions imposed by the EU were
            # lifted": the subject a participle with its doer describes is what the doer acted on
            # (tagged as a past tense too: a 'by' agent marks the participle)
            return token.head
        if reduced_passive(token):
            # "weapons supplied to Ukraine by Germany arrived", parsed with 'supplied' as the
            # finite verb of 'weapons': the subject is what the 'by' agent (the doer
            # ``Subjects`` finds by the same test) acted on
            return children[deps.index("nsubj")]
        if token.dep_ == "csubj" and reduced_relative(token):
            return participle_noun(token)  # "peacekeepers deployed to X by Y began ...": the peacekeepers
        if "csubjpass" in deps and token.tag_ == "VBN":
            return described_noun(token, ("csubjpass",))  # "soldiers captured in X were freed"
        for c, dep in zip(children, deps, strict=True):
            if dep == "oprd" and c.pos_ == "NOUN" and any(k.dep_ == "prep" and k.lower_ == "of" for k in children_of(c)):
                # "called a nationwide day of protests": the parser takes a container noun
                # (a date to its tagger) for a predicate; it is the object, and its 'of' noun the act
                return c
        return None

    def shared_object(self, verb: Token) -> Token | None:
        """The object a verb shares with the next verb of its coordination ("rammed and boarded
        the boats"), when that one has no subject of its own."""
        for c in children_of(verb):
            if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > verb.i and not any(
                d.dep_ in ("nsubj", "nsubjpass") for d in children_of(c)
            ):
                obj = self.direct_object(c)
                return obj if obj is not None and obj.dep_ in ("dobj", "obj") else None
        return None

    @staticmethod
    def particles(token: Token) -> tuple[set[str], set[str]]:
        """(particles, prepositions after the verb): a pattern's particle may be either
        ('carry out', 'call on', 'call for'); prepositions heading a date do not count. The
        'for' of a 'for X to do Y' clause right after the verb counts as the verb's own ("called
        FOR Israel to withdraw", "pressed FOR Iran to return"): the parser hangs it on the
        infinitive as its subordinator."""
        children = [(c.dep_, c) for c in children_of(token)]  # read once: asked of every verb
        prt = {c.lower_ for dep, c in children if dep == "prt"}
        # "sent thirty soldiers back to Khartoum": the parser makes 'back' an adverb heading the
        # 'to' of the destination; sent back to where they came from is the particle verb (a
        # return), never the bare 'send' of a deployment
        if any(dep == "advmod" and c.lower_ == "back" and c.i > token.i
               and any(g.dep_ == "prep" and g.lower_ == "to" for g in children_of(c)) for dep, c in children):
            prt.add("back")
        # "drove the crowd back", "were driven back": the particle moved after the object, or
        # left alone in the passive, is parsed as an adverb
        prt |= {c.lower_ for dep, c in children if dep == "advmod" and c.i > token.i and (
            c.lower_ in MOVED_PARTICLES or (c.lower_ == HOME and _object_around(token, c)))}
        preps = {
            c.lower_ for dep, c in children
            if dep == "prep" and c.i > token.i and TIME_ENTITIES.isdisjoint({p.ent_type_ for p in children_of(c)})
        }
        if any(for_subject(c) is not None for dep, c in children if c.i > token.i):
            preps.add("for")
        return prt, preps

    def noun_lemmas(self, noun: Token) -> frozenset[str]:
        """A noun's lemma, its 'modifier noun' forms and what it quantifies ('kg of medicine');
        asked of a noun two or three times on average (by the matcher for each pattern kind,
        by the argument finders), and worked out once."""
        found = self._noun_lemmas.get(noun.i)
        if found is None:
            found = self._noun_lemmas[noun.i] = frozenset(self._lemmas_of(noun))
        return found

    @staticmethod
    def _lemmas_of(noun: Token) -> set[str]:
        heads = {noun.lemma_.lower(), noun.lower_}
        out = set(heads)
        if noun.pos_ == "PROPN":  # "Ambassador Terry Branstad": the title is what he is
            out |= {c.lemma_.lower() for c in children_of(noun) if c.dep_ == "compound" and c.pos_ != "PROPN"}
            out |= {c.lower_ for c in children_of(noun) if c.dep_ == "compound"}
        for c in children_of(noun):
            if c.dep_ in ("compound", "amod") and c.i < noun.i:
                out |= {f"{m} {h}" for m in (c.lemma_.lower(), c.lower_) for h in heads}
            if c.dep_ == "prep" and c.lower_ == "on" and noun.lemma_.lower() in RESTRICTION_NOUNS:
                # "a ban ON poultry imports" is an import ban (knowledge.words.RESTRICTION_NOUNS)
                out |= {f"{m} {h}" for p in children_of(c) if p.dep_ == "pobj"
                        for m in (p.lemma_.lower(), p.lower_) for h in heads}
            # "20 tonnes OF supplies", and a sum "$200 million IN aid": what is counted
            if c.dep_ == "prep" and (c.lower_ == "of" or (c.lower_ == "in" and noun.ent_type_ == "MONEY")):
                for p in children_of(c):
                    if p.dep_ == "pobj":
                        # the quantified noun in both its forms, as the head's ("20 tonnes of
                        # medical supplies" is read as "medical supplies" too, not only "medical
                        # supply")
                        forms = {p.lemma_.lower(), p.lower_}
                        forms |= {f"{w} {f}" for m in children_of(p) if m.dep_ in ("compound", "amod")
                                  for w in (m.lemma_.lower(), m.lower_) for f in forms}
                        out |= forms
                        if c.lower_ == "of":
                            # "a day OF rage": the phrase whole, as a pattern may name it
                            out |= {f"{h} of {f}" for h in heads for f in (p.lemma_.lower(), p.lower_)}
        return out

    def stopped_lemmas(self, noun: Token) -> set[str]:
        """A stoppage noun's 'of' phrase as the modifier of the noun ("its suspension OF military
        aid" is a military aid suspension), for the act that undoes or imposes it; the noun's own
        event reads its 'of' phrase as before ("the suspension of aid TO Egypt")."""
        if noun.lemma_.lower() not in STOPPAGE_NOUNS:
            return set()
        heads = {noun.lemma_.lower(), noun.lower_}
        of = {f for f in self._prep_objects(noun, frozenset({"of"})) if f not in heads}
        return {f"{f} {h}" for f in of for h in heads}

    def object_lemmas(self, token: Token) -> set[str]:
        """What a pattern's 'object' column can match: the direct object (with its modifiers and
        what it quantifies), the verb of a to-infinitive complement ('decline to comment'), the
        objects of the verb's prepositions ('call for a ceasefire') and a reflexive pronoun."""
        out: set[str] = set()
        obj = self.direct_object(token)
        if obj is not None:
            out |= self.noun_lemmas(obj) | self.stopped_lemmas(obj)
            # what the object is held or found to be, as an 'oprd' adjective is
            out |= {a.lemma_.lower() for a in predicate_adjectives(obj)}
        for c in children_of(token):
            if c.dep_ == "ccomp" and c.pos_ != "ADJ":
                out.add("(clause)")
            if c.dep_ == "npadvmod" and c.ent_type_ in TIME_ENTITIES and _act_after(token, c):
                # "gave France one month to withdraw": the parser takes the time given to act as
                # an adverb of the verb
                out |= self.noun_lemmas(c)
                out.add("(deadline)")
            if c.dep_ == "prep" and c.lower_ in ("until", "till") and any(
                    p.dep_ == "pobj" and p.ent_type_ in TIME_ENTITIES and (_act_after(token, c) or _act_on(p))
                    for p in children_of(c)):
                out.add("(deadline)")  # "gave the militia until Friday to pull out"
            if c.dep_ in ("ccomp", "oprd") and c.pos_ == "ADJ":
                out.add(c.lemma_.lower())  # what the object is found or declared: "found X guilty"
            if (c.dep_ in ("dobj", "oprd") and c.pos_ == "NOUN" and obj is not None and c.i > obj.i
                    and token.lemma_.lower() in NAMING_VERBS):
                out |= self.noun_lemmas(c)  # "designated Hamas a terrorist group": what X is named
            if (c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")) or (
                    c.dep_ == "ccomp" and c.pos_ == "VERB" and is_to_infinitive(c)):
                # "allowed the inspectors to visit": the parser may make the one allowed the
                # subject of a to-infinitive clause; the infinitive is the act all the same
                out.add(c.lemma_.lower())
                out |= {f"{c.lemma_.lower()} {p.lower_}" for p in children_of(c) if p.dep_ == "prt"}
            if c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in DEMANDING_VERBS and obj is None:
                # "rallied to demand X", "struck, calling for X": what an act with no object of
                # its own is for; "called Putin to urge a ceasefire" called Putin, no ceasefire
                out |= self._demanded(c)
            if c.dep_ == "prep" and not (obj is not None and c.lower_ in OBJECT_TOPIC_PREPS) \
                    and c.lower_ not in _SEQUENCE_PREPS:  # "arrived ... BEFORE a summit": another act's
                # "held talks about joint patrols": with a direct object, an 'about' phrase is
                # that object's topic, never the verb's own object (no patrol was held)
                for p in children_of(c):
                    if p.dep_ == "pobj":
                        out |= self.noun_lemmas(p)
                        if p.lemma_.lower() in PROTEST_TOPIC_NOUNS:
                            out |= self._prep_objects(p, PROTEST_TOPIC_PREPS)
                    elif p.dep_ == "pcomp" and p.pos_ == "VERB" and c.lower_ == "from":
                        # "barred X from entering": what X may not do, also as a two-word form
                        # that outweighs a row matched on X itself ("barred lawmakers")
                        out |= {p.lemma_.lower(), f"from {p.lemma_.lower()}"}
        return out

    def carried_lemmas(self, verb: Token) -> set[str]:
        """When ``verb`` answers (rejects, accepts) a request or an offer, the lemmas of what
        that asks for or offers, which a refusal's or a yielding's pattern reads as the verb's
        object (``knowledge.words.ANSWERING_ROOTS``); else nothing."""
        obj = self.direct_object(verb)
        if obj is None or obj.lemma_.lower() not in CARRIER_NOUNS or verb.lemma_.lower() not in ANSWERING_VERBS:
            return set()
        return self._carried(obj)

    def _carried(self, noun: Token) -> set[str]:
        """What a request or offer asks for or offers: its 'for' phrase ("a request for
        weapons") or its to-infinitive with that verb's object ("an offer to hold joint
        exercises": hold, joint exercise)."""
        out = self._prep_objects(noun, frozenset({"for"}))
        for c in children_of(noun):
            if c.dep_ in ("acl", "ccomp") and c.pos_ == "VERB" and any(
                    a.dep_ == "mark" and a.lower_ == "that" for a in children_of(c)):
                # "demands THAT he STEP DOWN": the act asked for, with its particle
                out.add(c.lemma_.lower())
                out |= {f"{c.lemma_.lower()} {p.lower_}" for p in children_of(c) if p.dep_ == "prt"}
            if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and any(
                    a.dep_ == "aux" and a.lower_ == "to" for a in children_of(c)):
                out.add(c.lemma_.lower())
                inner = self.direct_object(c)
                if inner is not None:
                    out |= self.noun_lemmas(inner)
        return out

    def _demanded(self, verb: Token) -> set[str]:
        """What a verb of demanding asks for, read as the object of the act it is the aim or the
        manner of ("rallied to demand the right to work": right; "calling for higher pay": pay)."""
        obj = self.direct_object(verb)
        out = self._prep_objects(verb, frozenset({"for"}))
        return out | self.noun_lemmas(obj) if obj is not None else out

    def _prep_objects(self, head: Token, preps: frozenset[str]) -> set[str]:
        """The lemmas of the objects of ``head``'s prepositions among ``preps``."""
        out: set[str] = set()
        for c in children_of(head):
            if c.dep_ == "prep" and c.lower_ in preps:
                for p in children_of(c):
                    if p.dep_ == "pobj":
                        out |= self.noun_lemmas(p)
        return out


def _act_on(time: Token) -> bool:
    """Whether a to-infinitive hangs on the time itself: "gave X until the end of August TO
    LEAVE", where the parser takes the act for a relative clause of 'end'."""
    return any(d.dep_ in ("relcl", "acl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in children_of(d))
               for d in children_of(time))


def _object_around(verb: Token, adverb: Token) -> bool:
    """Whether the verb's direct object comes right after ``adverb`` or the adverb right after
    the object: "sent HOME five soldiers", "flew the hostages HOME"."""
    return any(c.dep_ == "dobj" and (c.i > adverb.i or c.right_edge.i + 1 == adverb.i) for c in children_of(verb))


def _act_after(verb: Token, time: Token) -> bool:
    """Whether a to-infinitive clause of ``verb`` follows ``time``: the act the time is given for
    ("gave X 48 hours TO LEAVE")."""
    return any(d.dep_ == "advcl" and d.i > time.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in children_of(d))
               for d in children_of(verb))


def for_subject(clause: Token) -> Token | None:
    """The subject of a 'for X to do Y' clause ("called for ISRAEL to withdraw"): a
    to-infinitive clause opened by 'for' whose subject follows it; None for any other token."""
    if clause.dep_ not in ("advcl", "ccomp", "xcomp") or clause.pos_ not in ("VERB", "AUX"):
        return None
    kids = list(children_of(clause))
    mark = next((k for k in kids if k.dep_ == "mark" and k.lower_ == "for"), None)
    if mark is None or not any(k.dep_ == "aux" and k.lower_ == "to" for k in kids):
        return None
    return next((k for k in kids if k.dep_ in ("nsubj", "nsubjpass") and k.i > mark.i), None)


def predicate_adjectives(obj: Token) -> list[Token]:
    """The adjectives after a verb's object that say what the object is held or found to be
    ("held Uganda RESPONSIBLE for the attack", "found him GUILTY"), which the parser may hang on
    the object as modifiers: they and their phrases belong to the verb's reading."""
    return [c for c in children_of(obj) if c.dep_ == "amod" and c.i > obj.i and c.pos_ == "ADJ"]


def sequence_lemmas(token: Token, noun_lemmas: Callable[[Token], frozenset[str]]) -> dict[str, set[str]]:
    """The objects of the verb's phrases of time ('before', 'after', 'until'), by their
    preposition: no object of the verb ("arrived ... BEFORE a summit"), except for a pattern that
    names the preposition as its particle ("hauled X BEFORE the court", "rioted AFTER the
    killing", "vowed to strike UNTIL his resignation")."""
    out: dict[str, set[str]] = {}
    for c in children_of(token):
        if c.dep_ == "prep" and c.lower_ in _SEQUENCE_PREPS:
            for p in children_of(c):
                if p.dep_ == "pobj":
                    out.setdefault(c.lower_, set()).update(noun_lemmas(p))
    return out
