"""Background violence: a fight a sentence names only to describe a party or to set the time of
its own act.

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
  when troops opened fire" is told by duplicates.py and parties.py.)

A fight that is the sentence's own act, or one reported beside it ("shelled the town and killed
20"), governs itself or hangs by a conjunction, and stays; so does an attack that is what a
report says ("denied the report, which said its troops attacked"), whose modality the report
sets, and an act aimed at a government or its leader (a coup, an assassination), which changes
who rules however briefly it is mentioned.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING, Final

from dyadwatch.events.duplicates import VIOLENT_ROOTS, use_of_force
from dyadwatch.nlp.tree import children as children_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from dyadwatch.records import Event

# Subordinators of a clause that dates or conditions the act above it.
SETTING_MARKS: Final = frozenset({"after", "since", "before", "once", "following", "when", "while", "as",
                                  "if", "unless"})


def drop_background(events: list[Event], doc: Doc) -> list[Event]:
    """``events`` without the violent acts another of them tells only in passing (see the module
    docstring)."""
    if len(events) < 2 or not any(e.cameo.root in VIOLENT_ROOTS for e in events):
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
    out: list[Event] = []
    for event, i in zip(events, at, strict=True):
        if i is None or event.cameo.root not in VIOLENT_ROOTS or _on_rulers(event) or not _in_passing(doc[i], by_token):
            out.append(event)
    return out


def _in_passing(trigger: Token, by_token: dict[int, list[Event]]) -> bool:
    """Does the nearest other trigger above ``trigger`` tell it as a description of a party, or
    (a non-violent one) as the time or condition of its own act? Only clauses below any
    reported content count: an attack inside what a report said ("denied the report, which
    said its troops attacked") is that report's content, whose denial modality.py reads, and so
    is the content clause of a noun ("the report that troops attacked")."""
    described = setting = False
    node = trigger
    own = True  # not yet past a clause of reported content
    while node.head.i != node.i:
        if own and node.dep_ == "relcl" and not _setting(node):
            described = True
        elif own and node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in SETTING_MARKS for c in children_of(node)):
            setting = True
        if node.dep_ == "ccomp":
            own = False
        node = node.head
        governing = by_token.get(node.i)
        if governing:
            peaceful = not any(use_of_force(e) for e in governing)
            return described or (setting and peaceful)
    return False


def _on_rulers(event: Event) -> bool:
    """Is the act aimed at a government or its leader ("after the army overthrew the
    president")? A coup or an assassination changes who rules, which no mention makes small."""
    return event.target is not None and event.target.sector == "GOV"


def _setting(clause: Token) -> bool:
    """Is a relative clause the scene of an act rather than a description of a party ("the
    camp, WHERE two Palestinians were killed")? What happens there is reported in its own right."""
    return any(c.dep_ == "advmod" and c.lower_ in ("where", "when") for c in children_of(clause))
