"""The no-event gate of sport, business and entertainment sentences.

CAMEO codes what political actors do to one another. A sentence that carries a cue of sport,
business or entertainment copy (``data/discards.tsv`` and the ``copy_cues`` of ``words.yaml``,
bar its ``shared_cues``, as often words of politics: "the Arab League", "a death squad") and
whose event has no political party, neither its doer nor its target, reports a match, a deal or
a review, whatever its verb: "Spain's Alcaraz praised Italy's Sinner after the semi-final",
"Samsung plans to start production", "fans marched to celebrate the title", "investors
hammered Turkish bonds". In sport copy a state named bare is its national team when the act reads
as force ("Brazil's footballers beat Germany in a shootout", "overwhelmed Australia in the rugby
final"): a win is no attack between states; a boycott or a ban of a team stays the state's act. A party is political when its sector is one politics counts
(``POLITICAL_SECTORS``), when it is an international body, or when it is a state named bare
("China sent aid to Turkey"); a country that only qualifies someone ("Australia's bowlers",
"Chinese electric cars") or names a club ("Real Madrid") makes no one political.

The article-wide discard (``knowledge/discards.py``) needs three cues and few words of politics;
one cue and no word of politics ("minister", "protests") suffice here, because the parties must
be unpolitical as well. A violent act by someone the text does not name ("gunmen killed two fans
outside the stadium") is kept: anyone may have done it, and CAMEO codes such attacks.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from dyadwatch.events.duplicates import VIOLENT_ROOTS
from dyadwatch.knowledge.discards import Discards
from dyadwatch.knowledge.words import (
    COPY_CUES,
    POLITICAL_SECTORS,
    POLITICS_WORDS,
    SHARED_CUES,
    SPORT_COPY_CUES,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from dyadwatch.records import Actor, Event

# roots of force, which a team's win reads as ("beat", "crushed", "attacked from the first whistle")
_FORCE_ROOTS = VIOLENT_ROOTS | {"17"}
_BAN = "172"  # administrative sanctions
_WORD = re.compile(r"[a-z][a-z'-]*[a-z]|[a-z]")


class DomainGate:
    """For one parsed article: whether an event of a sentence is a match, a deal or a review."""

    def __init__(self, doc: Doc, cues: frozenset[str] | None = None, text: str | None = None) -> None:
        self.doc = doc
        # the doc's text when the caller has it: a sentence is cut from it, where
        # ``Span.text`` would join its tokens anew
        self._text = text
        # a cue as often of politics ("the Arab League", "a death squad") marks no copy alone
        self.cues = cues if cues is not None else _default_cues()
        self._cued: dict[int, bool] = {}  # sentence start -> whether it holds a cue
        self._sport: dict[int, bool] = {}  # sentence start -> whether a cue is one of sport

    def drops(self, event: Event, sent: Span) -> bool:
        """Whether ``event``, found in ``sent``, is no political event (see the module)."""
        if not self._holds_cue(sent):
            return False
        # a violent act's unnamed doer may be anyone (see the module docstring)
        if event.source is not None and event.source.unknown and event.cameo.root in VIOLENT_ROOTS:
            trigger = self.doc.char_span(event.evidence.trigger.start, event.evidence.trigger.end,
                                         alignment_mode="expand")
            if trigger is not None and trigger.root.pos_ == "VERB":
                return False
        # in sport copy a state named bare is its team: a win is no use of force between states
        # (a ban is a state's, never a team's: "Iran banned women from football stadiums")
        teams = event.cameo.root in _FORCE_ROOTS and event.cameo.code[:3] != _BAN and self._sport[sent.start]
        return not (self.political(event.source, teams) or self.political(event.target, teams))

    def _holds_cue(self, sent: Span) -> bool:
        """Whether ``sent`` reads as sport, business or entertainment copy and not as politics."""
        if sent.start not in self._cued:
            text = sent.text if self._text is None else self._text[sent.start_char:sent.end_char]
            words = _WORD.findall(text.lower())
            # a word of state affairs ("minister", "protests") makes the copy political
            cued = any(w in self.cues for w in words) and not any(w in POLITICS_WORDS for w in words)
            self._cued[sent.start] = cued
            sport = _sport_cues()
            self._sport[sent.start] = cued and any(w in sport for w in words)
        return self._cued[sent.start]

    def political(self, actor: Actor | None, teams: bool = False) -> bool:
        """Whether ``actor`` is a party to politics (see the module); with ``teams``, a state
        named bare is a national team, no party."""
        if actor is None or actor.unknown:
            return False
        if actor.kind == "igo" or (actor.country or "")[:3] in ("IGO", "NGO"):
            return True
        span = self.doc.char_span(actor.start, actor.end, alignment_mode="expand")
        bare = span is not None and bare_state(span)
        if actor.kind == "state" and bare:
            return not teams
        if actor.sector in POLITICAL_SECTORS:
            # "Real Madrid": a capital inside a club's name stands for no government
            return bare or not actor.reason.startswith("capital")
        return False


@cache
def _default_cues() -> frozenset[str]:
    """The cues of copy (built once, not per article's gate)."""
    return (frozenset(Discards.default().cues) | COPY_CUES | SPORT_COPY_CUES) - SHARED_CUES


@cache
def _sport_cues() -> frozenset[str]:
    """The cues of sport copy: ``sport_copy_cues`` and the sport cues of ``discards.tsv``."""
    return SPORT_COPY_CUES | {w for w, d in Discards.default().cues.items() if d == "sport"}


def bare_state(span: Span) -> bool:
    """A mention that is a place's name and nothing more ("China", "the United States"), not a
    possessor ("Australia's") nor a qualifier ("Chinese cars")."""
    words = [t for t in span if t.dep_ != "det" and not t.is_punct]
    return bool(words) and all(t.ent_type_ == "GPE" and t.tag_ != "POS" for t in words)
