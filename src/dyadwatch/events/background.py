"""Acts told in passing: an act a sentence names only to describe a party, to set the time of
its own act, or as what its own act answers.

Wire copy mentions fighting in passing. "Pakistan accused Kabul of sheltering militants who
attacked a police station" reports an accusation; the attack says which militants. "Somalia's
president called on the African Union to send troops after al Shabaab overran a base" reports an
appeal; the attack says when and why. The sentence's act is the accusation or the appeal; the
fight was reported when it happened, and coding it again from a passing mention gives an event
whose parties are guessed from the other act's (the militants take Pakistan's country, the
jihadists France's).

So a violent act (CAMEO roots 18-20) is background, and no event, when another event of the
sentence governs it in the parse and the path up to that event's trigger passes through

- a relative clause ("militants who attacked"): a description of one of the other act's
  parties, whatever that act is (not a clause of where or when: "the camp, where two were
  killed", tells what happened there; a participle with its doer, "schoolgirls abducted by
  Boko Haram", is coded as its own act by targets.py and stays); or
- a clause that sets the time or the condition of a non-violent act ("after ... overran",
  "since ... began shelling", "if ... attacked"): the fight is the occasion of a threat, a
  demand or a meeting. (Under a violent act such a clause is part of the same fight: "were killed
  when troops opened fire" is told by duplicates.py and parties.py.); or
- the phrase of the deed another act answers ("voiced outrage OVER Turkish air strikes on
  villages"): the strikes are what the complaint is about (``deed_topic_preps``).

The same holds for acts that are not violent, and more widely: PLOVER asks for the sentence's
event, and a deed a sentence mentions only to say who a party is ("detained students WHO HAD
SIGNED a petition", "froze the assets of a businessman WHO HAD BANKROLLED the mercenaries"), when
its own act happened ("condemned Hungary AFTER its foreign minister VISITED Moscow", also under a
fight: "fired tear gas at students after they BLOCKED a highway"), what its act answers ("voiced
support for Poland's REFUSAL to take migrants"), or which backer stands behind a party
("separatists FUNDED by Moscow shelled the town") is no event of that sentence. Its date is not
the article's, its parties are read through the other act's, and where it is news it was
reported when it happened. A protest is the exception the manual makes: its topic is no event,
but a discrete act that moved people to protest is ("rallied against Turkish AIR STRIKES",
"rallied after police DETAINED an opposition leader"), so under a protest only a description of
a party or a backer is told in passing.

A fight that is the sentence's own act, or one reported beside it ("shelled the town and killed
20"), governs itself or hangs by a conjunction, and stays; so does any act told beside another
("expelled three diplomats, accusing them of spying"; "recognised the government and called for
elections"), an act that is what a report says ("denied the report, which said its troops
attacked"), whose modality the report sets, and an attack aimed at a government or its leader (a
coup, an assassination), which changes who rules however briefly it is mentioned. A participle
with its doer stays when it is a fight ("schoolgirls abducted by Boko Haram": targets.py codes
it); only a peaceful one is a mere description of a party.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING, Final

from dyadwatch.events.duplicates import use_of_force
from dyadwatch.events.match import PROTEST_ROOT
from dyadwatch.knowledge.words import (
    BACKING_PARTICIPLES,
    DEED_TOPIC_PREPS,
    MOTIVE_MARKS,
    SPEECH_VERBS,
)
from dyadwatch.nlp.tree import children as children_of
from dyadwatch.nlp.tree import marked_by

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from dyadwatch.records import Event

# Subordinators of a clause that dates or conditions the act above it.
SETTING_MARKS: Final = frozenset({"after", "since", "before", "once", "following", "when", "while", "as",
                                  "if", "unless", "until"})
# The acts whose topic a fight can be: a statement (01: "voiced sympathy for the families of those
# killed"), a demand (10), a complaint (11), a rejection (12), a cut in relations (16) or a
# coercion (17, or what PLOVER counts as one: "closed the crossing because of air STRIKES"). Not a
# backing or a defence (05): "were defending themselves against Ukrainian ATTACKS" reports the
# attacks; nor a protest, whose motive PLOVER's manual codes (``_in_passing``).
ANSWERING_ROOTS: Final = frozenset({"01", "10", "11", "12", "16", "17"})
ASSAULT: Final = "ASSAULT"
COERCE: Final = "COERCE"
# Coercion (CAMEO 17): an arrest of a ruler is never told in passing (``_on_rulers``).
COERCION_ROOT: Final = "17"
# Acknowledge or claim responsibility (CAMEO 015): the deed claimed is told as the claimant's.
CLAIM_OF_RESPONSIBILITY: Final = "015"
# A peaceful act under "while" is most often the other half of a contrast, told as done in its own
# right ("helicopters ferried food WHILE UN agencies flew in tents").
PEACEFUL_SETTING_MARKS: Final = SETTING_MARKS - {"while"}


def drop_background(events: list[Event], doc: Doc) -> list[Event]:
    """``events`` without the acts another of them tells only in passing (see the module
    docstring)."""
    if len(events) < 2:
        return events
    from spacy.attrs import IDX

    starts: list[int] = doc.to_array(IDX).tolist()

    def index_of(offset: int) -> int | None:
        i = bisect_left(starts, offset)
        return i if i < len(starts) and starts[i] == offset else None

    # the token of each event's trigger, and the events each trigger token stands for
    at: list[int | None] = [index_of(e.evidence.trigger.start) for e in events]
    by_token: dict[int, list[Event]] = {}
    for event, i in zip(events, at, strict=True):
        if i is not None:
            by_token.setdefault(i, []).append(event)
    for event, i in zip(events, at, strict=True):
        # an event noun's light verb stands for its act too: "RECEIVED a visit after ..." dates
        # the visit, though the clause hangs from the verb
        if i is not None and doc[i].dep_ == "dobj" and doc[i].head.i not in by_token:
            by_token.setdefault(doc[i].head.i, []).append(event)
    out: list[Event] = []
    for event, i in zip(events, at, strict=True):
        violent = use_of_force(event)  # violent repression (175) too
        if i is None or ((violent or event.cameo.root == COERCION_ROOT) and _on_rulers(event)) or not _in_passing(
                doc[i], by_token, violent):
            out.append(event)
    return out


def _in_passing(trigger: Token, by_token: dict[int, list[Event]], violent: bool) -> bool:
    """Does the nearest other trigger above ``trigger`` tell it as a description of a party, as
    the deed its own act answers, or as the time or condition of its own act (a fight: only of a
    peaceful act; a fight's own clause of time is part of the same fight: "were killed when
    troops opened fire" is told by duplicates.py and parties.py)? A peaceful act is also told in
    passing as the participle that says who backs a party ("rebels ARMED by Uganda"). Only
    clauses below any reported content count: an attack inside what a report said ("denied the
    report, which said its troops attacked") is that report's content, whose denial modality.py
    reads, and so is the content clause of a noun ("the report that troops attacked")."""
    described = setting = answered = motive = False
    backed = None  # the party a peaceful participle with its doer describes ("REBELS armed by")
    if not violent and trigger.dep_ == "acl" and trigger.tag_ == "VBN" and trigger.lemma_.lower() in BACKING_PARTICIPLES and any(
            c.dep_ == "agent" for c in children_of(trigger)):
        backed = trigger.head
    marks = SETTING_MARKS if violent else PEACEFUL_SETTING_MARKS
    node = trigger
    own = True  # not yet past a clause of reported content
    while node.head.i != node.i:
        # (the parser calls a clause of time under a verb of saying a ccomp now and then: "said
        # ..., hours AFTER Trump warned Pyongyang")
        timed = node.dep_ in ("advcl", "ccomp") and marked_by(node, marks)
        if own and node.dep_ == "relcl" and not _setting(node) and (violent or not _done_to_noun(node)):
            described = True
        elif own and timed:
            setting = True
            motive = marked_by(node, MOTIVE_MARKS)
        elif own and node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.lower_ in DEED_TOPIC_PREPS:
            answered = True
        if (node.dep_ == "ccomp" and not (own and timed)) or _content_clause(node):
            # what a report says, with the act it answers or describes, is the report's content,
            # however that content is built: "said the separatists were defending themselves
            # against Ukrainian ATTACKS" reports the attacks (attributed, by parties.py)
            # (a party the content describes stays described: "the accusation that it harboured
            # militants WHO ATTACKED troops")
            own = False
            setting = answered = False
        joined = node.dep_ == "conj" and not (described or setting or answered)
        node = node.head
        governing = [e for e in by_token.get(node.i, ()) if e.evidence.trigger.start != trigger.idx]
        if not governing and (setting or answered) and node.lemma_.lower() in SPEECH_VERBS:
            # "rebels moved reinforcements, residents said, AS the coalition prepared an
            # offensive": the parser hangs the clause from the attribution; it sets the act told
            governing = [e for c in children_of(node) if c.dep_ == "ccomp" for e in by_token.get(c.i, ())
                         if e.evidence.trigger.start != trigger.idx]
        if governing and joined and violent == any(use_of_force(e) for e in governing):
            # "who had signed a petition and MARCHED": a conjunct goes where its partner goes; not
            # a conjunct of another kind, which the parser may join wrongly ("... since the army
            # toppled the president, and also PAID a visit to Sudan")
            continue
        if governing:
            if any(e.cameo.root == PROTEST_ROOT for e in governing):
                # PLOVER's manual: a discrete act that moved people to protest (an earlier arrest,
                # a strike, a visit) is coded, though the protest's topic is not
                setting = setting and not motive
                answered = False
            if answered and any(e.cameo.code[:3] == CLAIM_OF_RESPONSIBILITY for e in governing):
                answered = False  # what a party owns up to is its own act ("claimed the BOMBING")
            if not violent:
                return described or setting or answered or (backed is not None and _a_party(backed, governing))
            # a blockade or a closed crossing (191) is CAMEO's root 19 but PLOVER's coercion: no
            # fight the act below could be part of ("closed the crossing because of air STRIKES")
            peaceful = not any(use_of_force(e) and e.plover.type == ASSAULT for e in governing)
            answered = answered and any(e.cameo.root in ANSWERING_ROOTS or e.plover.type == COERCE for e in governing)
            return described or ((setting or answered) and peaceful)
    return False


def _done_to_noun(clause: Token) -> bool:
    """Is the noun a relative clause hangs from what its act is done to ("the opposition leader,
    WHOM the government accuses of treason")? That act is on the party, not a description of
    what the party did, and it stays."""
    return any(c.dep_ == "nsubj" and c.lower_ not in ("who", "which", "that") for c in children_of(clause))


def _content_clause(node: Token) -> bool:
    """Is ``node`` the verb of a noun's content clause ("reports THAT Ukraine had SHELLED the
    plant", "allegations that fighters had attacked")? What it says is reported content."""
    return node.dep_ == "acl" and node.head.pos_ == "NOUN" and marked_by(node, {"that", "whether"})


def _a_party(token: Token, events: list[Event]) -> bool:
    """Is ``token`` inside the source or target mention of one of ``events``? ("REBELS backed by
    Rwanda seized the town", not "a DEAL brokered by China", whose broker mediated an act of its own)."""
    offset = token.idx
    return any(actor is not None and actor.start <= offset < actor.end
               for e in events for actor in (e.source, e.target))


def _on_rulers(event: Event) -> bool:
    """Is the act aimed at a government or its leader ("after the army overthrew the
    president", "resigned after soldiers DETAINED him")? A coup, an assassination or the arrest
    of a ruler changes who rules, which no mention makes small."""
    return event.target is not None and event.target.sector == "GOV"


def _setting(clause: Token) -> bool:
    """Is a relative clause the scene of an act rather than a description of a party ("the
    camp, WHERE two Palestinians were killed")? What happens there is reported in its own right."""
    return any(c.dep_ == "advmod" and c.lower_ in ("where", "when") for c in children_of(clause))
