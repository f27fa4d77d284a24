"""Verbs whose own reading depends on what they carry.

Receiving: "Turkey received a loan FROM Qatar", "Pakistan received a stern warning FROM India".
The thing received is the act of its 'from' phrase (Qatar lends, India warns), so the event noun
is coded (``subjects.undergoer_verb``), and the verb's own reading ("received the minister":
hosting a visit, 043) stands only for what is no event noun: a person or a delegation is hosted,
a loan is not. A noun that needs a light verb ("sent a letter") takes the undergoing verb as one
("received a letter from X": X's message).

Telling: "told Moscow to withdraw" orders an act, a demand; "told reporters" or "told X that ..."
orders nothing, and a telling frame with no coded complement is no event.

Attitudes: "critical of", "wary of" are acts when a clause reports them ("Kenya was critical of
the decision on Tuesday"), and a description when a relative clause tells what someone is
("the leader, who is critical of the government, was arrested") or "has long been": a standing
stance, no dated event (``standing_attitude``).

Partners: "the striker clashed WITH the referee" fights no one political. The non-event objects
(``data/nonevent_objects.tsv``) are checked on the object of 'with' or 'against' of a verb match
that has no direct object, as they are on direct objects.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyadwatch.events.subjects import undergoer_verb
from dyadwatch.knowledge.discards import NonEventObjects
from dyadwatch.knowledge.words import PARTNER_PREPS, TELLING_VERBS
from dyadwatch.nlp.tree import children as children_of

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Token

    from dyadwatch.events.match import Match


def undergoing_lemma(noun: Token) -> str | None:
    """The lemma of the verb whose subject undergoes what ``noun`` names ("received a letter
    from X": receive), or None."""
    verb = undergoer_verb(noun)
    return verb.lemma_.lower() if verb is not None else None


def received_act(found: Match, noun_match: Callable[[Token, str], Match | None]) -> bool:
    """Whether a verb match only carries an event noun received from its doer: its direct
    object has a 'from' phrase under an undergoing verb and is coded as an event noun."""
    if found.pattern.kind != "verb" or found.trigger.pos_ != "VERB":
        return False
    obj = found.obj
    if obj is None or obj.pos_ != "NOUN":
        return False
    verb = undergoer_verb(obj)
    if verb is None or verb.i != found.trigger.i:
        return False
    return noun_match(obj, "noun") is not None


def telling_without_order(found: Match) -> bool:
    """A telling verb's frame that frames no act: "told reporters", not "told X to stop
    interfering" (a demand even when the act it orders is coded by no pattern)."""
    trigger = found.trigger
    return (found.pattern.kind == "frame" and found.inner is None and trigger.lemma_.lower() in TELLING_VERBS
            and not any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in children_of(trigger)))


def ordinary_partner(found: Match) -> bool:
    """A verb match with no direct object whose 'with' or 'against' partner is listed as an
    ordinary object of its verb: "clashed with the referee", "brawled with fans"."""
    if found.pattern.kind != "verb" or found.obj is not None or found.trigger.pos_ != "VERB":
        return False
    lemma = found.trigger.lemma_.lower()
    for prep in children_of(found.trigger):
        if prep.dep_ != "prep" or prep.lower_ not in PARTNER_PREPS:
            continue
        for obj in children_of(prep):
            if obj.dep_ == "pobj" and obj.pos_ == "NOUN" and NonEventObjects.default().drops(
                    lemma, {obj.lemma_.lower(), obj.lower_}, set(), found.pattern.objects, 0):
                return True
    return False



def naming_call(found: Match) -> bool:
    """A call matched as a telephone call whose object has a predicate of its own ("calling
    THEM DELUSIONAL", "called the plan A NON-STARTER"): the speaker names something, calls no one."""
    trigger = found.trigger
    # a call with a predicate on its object names, it rings no one up (an accusation named so is
    # nested.py's)
    if trigger.lemma_.lower() != "call" or found.code[:3] != "041":
        return False
    # (not a day the parser hangs there: "called Netanyahu SUNDAY")
    return any((c.dep_ in ("oprd", "acomp") or (c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("ADJ", "NOUN")))
               and c.ent_type_ not in ("DATE", "TIME") for c in children_of(trigger))


def standing_attitude(adjective: Token) -> bool:
    """Whether an attitude adjective describes a standing stance rather than reports an act: in
    a relative clause ("X, who is critical of the government,") or held "long" ("has long been
    wary of")."""
    clause = adjective.head if adjective.dep_ == "acomp" else adjective
    if clause.dep_ == "relcl":
        return True
    return any(c.dep_ == "advmod" and c.lower_ == "long" for c in (*children_of(adjective), *children_of(clause)))
