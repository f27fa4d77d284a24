"""An event told only as the content or the condition of another act is part of that act.

"Russia threatened to strike Ukraine if Kyiv attacked Crimea": the threat is the event; the attack
is what would set it off. "The two sides agreed to hold talks next month": the agreement is the
event; the talks have not been held. PLOVER's manual says it of its auxiliary modes: a threat is
not an assault with a hypothetical mode, nor an agreement a meeting with a future one, and the
coder returns the single category. So an event whose modality says it has not happened (future,
hypothetical) and whose trigger stands inside the clause of another event of the same sentence
(its trigger below that event's trigger, or below a word the trigger took in, on the parse) is
left out: the governing act carries it.

A plain statement (CAMEO root 01) governs nothing away: "said it would attack" keeps the attack,
the statement's content, as its own (future) event. Negated events are kept: a denial or a
rejection of a report is information of its own ("denied that its troops had crossed"). A
relative clause tells its noun's own act ("fired on supporters who tried to march"): it stays.
What a decision or a plan is to do is the matter of the act about it ("criticised the decision
to block aid"), as CAMEO codes the criticism, not the blocking.

An act told as what came before another ("Kenyan police deployed riot units a day AFTER protesters
marched on parliament", "days after expelling 222 prisoners") is an earlier event the sentence
names as the occasion of its news, as the nominal "after the storming of parliament" is
(``references.refers_to_earlier``): it is coded ``historical``, the word "after" its cue, and the
store attaches it to the earlier report instead of counting the march again on this day (a use
of force told so is no event at all: ``background.py``).
"""


from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from dyadwatch.knowledge.words import CAUSE_PREPS
from dyadwatch.records import Span

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dyadwatch.events.match import Match
    from dyadwatch.records import Event

# the modes of an act that has not happened, which PLOVER folds into the governing category (a
# hedged, negated or historical report is a report of its own)
_MODES = frozenset({"future", "hypothetical"})
_STATEMENT_ROOT = "01"


def without_embedded(
    built: Sequence[tuple[Match, list[Event]]]
) -> list[tuple[Match, list[Event]]]:
    """``built`` (each match of a sentence with its events) less the events that are only the
    content or condition of another match's act."""
    # a host is its trigger and the words it took in: the noun under a light verb ("issued a
    # warning that ..."), a frame's complement
    hosts = {i for m, events in built if any(e.cameo.root != _STATEMENT_ROOT for e in events)
             for i in m.consumed}
    if not hosts:
        return list(built)
    out: list[tuple[Match, list[Event]]] = []
    for match, events in built:
        if any(e.modality in _MODES for e in events) and _below(match.trigger, hosts):
            events = [e for e in events if e.modality not in _MODES]
        if any(e.modality == "asserted" for e in events):
            events = _earlier(match, events, hosts - set(match.consumed))
        out.append((match, events))
    return out


def _earlier(match: Match, events: list[Event], hosts: set[int]) -> list[Event]:
    """``events`` with their asserted ones ``historical`` when the trigger's clause says it came
    before another coded act ("after protesters stormed", "days after expelling")."""
    marker = _before_marker(match.trigger)
    if marker is None or not _below(match.trigger, hosts):
        return events
    cue = Span(marker.text, marker.idx, marker.idx + len(marker.text))
    return [replace(e, modality="historical", evidence=replace(e.evidence, modality_cue=cue))
            if e.modality == "asserted" else e for e in events]


def _before_marker(trigger: Token) -> Token | None:
    """The word that puts a verb's clause before another's: its subordinator ("AFTER protesters
    stormed"), or the preposition it follows ("days AFTER expelling"). A verb joined to such a
    verb does not share it: "has visited Mali since the military overthrew the president, and
    paid a trip to Niger" is often parsed with the trip joined to the overthrow."""
    verb = trigger
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for child in verb.children:
        if child.dep_ == "mark" and child.lower_ in CAUSE_PREPS:
            return child
    if verb.dep_ == "pcomp" and verb.head.lower_ in CAUSE_PREPS:
        return verb.head
    return None


def _below(token: Token, hosts: set[int]) -> bool:
    """Whether a host governs ``token``; a relative clause on the way ("fired on supporters who
    tried to march") tells its noun's own act, which no host carries."""
    for _ in range(50):
        head = token.head
        if head.i == token.i or token.dep_ == "relcl":
            return False
        if head.i in hosts:
            return True
        token = head
    return False
