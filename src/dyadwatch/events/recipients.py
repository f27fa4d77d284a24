"""Recipients a clause names outside the pattern's own slots: the acted-on passive subject of a
pattern whose keyword is an actor, and the addressee of the message an appeal is made in.

Kept apart from :mod:`~dyadwatch.events.arguments`, whose class is at its size limit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyadwatch.events.matters import message_recipients

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Token

    from dyadwatch.events.match import Match
    from dyadwatch.records import Actor


def acted_on_subject(match: Match, actor: Callable[[Token], Actor | None]) -> list[Token]:
    """"Russian DIPLOMATS were ordered out of Estonia": a passive subject that is the pattern's
    own object word and an actor is whom the act is done to, as the active's direct object is
    ("expelled Russian diplomats"); the place they were sent from is where the act was done,
    not a second party. [] for any other match."""
    obj, pattern = match.obj, match.pattern
    if (obj is not None and obj.dep_ == "nsubjpass" and "dobj" in pattern.preps
            and obj.lemma_.lower() in pattern.objects and actor(obj) is not None):
        return [obj]
    return []


def appealed_to(frame: Token, actor: Callable[[Token], Actor | None]) -> list[Token]:
    """"IN AN APPEAL TO WASHINGTON, X asked for ...": whom the message an appeal is made in is
    sent to, when the appeal names no addressee of its own; its first actor, or []."""
    return next(([p] for p in message_recipients(frame) if actor(p) is not None), [])
