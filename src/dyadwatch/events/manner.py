"""Manner: matches of one sentence that belong to another match of it.

A bare "killed" takes the code of a violent event in its own clause; a killing that reports the
toll of another violent event is part of it; so is the demand a protest is staged for.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from dyadwatch.events.duplicates import VIOLENT_ROOTS, clause_of_its_own
from dyadwatch.events.match import Match
from dyadwatch.events.subjects import is_to_infinitive
from dyadwatch.knowledge.words import MANNERLESS
from dyadwatch.nlp.tree import marked_by

if TYPE_CHECKING:
    from spacy.tokens import Token


def with_manner(matches: list[Match]) -> list[Match]:
    """A bare 'killed' takes the code of a violent event in its own clause ("in a bomb
    attack", "when they blew themselves up"), which yields no event of its own; a killing
    that reports the toll of another violent event ("shelled X, killing 20") is part of it;
    so is the demand a protest is staged for ("a hunger strike to demand X's resignation")."""
    triggers = {m.trigger.i: m for m in matches}
    out = []
    for m in matches:
        head = triggers.get(m.trigger.head.i)
        if head is not None and head is not m and (
            (m.pattern.id in MANNERLESS and m.trigger.dep_ in ("advcl", "conj")
             and m.trigger.tag_ == "VBG" and head.code[:2] in VIOLENT_ROOTS)
            or (head.code[:2] in ("14", "11") and m.code[:2] in ("02", "10", "11", "14")
                and m.trigger.dep_ in ("advcl", "xcomp") and is_to_infinitive(m.trigger))
        ):
            continue
        out.append(m)
    matches = list(out)
    for m in matches:
        if m.pattern.id not in MANNERLESS or m not in out:
            continue
        subtree = {t.i for t in m.trigger.subtree}
        for o in matches:
            # a generic attack (190) stays its own event, also when violence.py refined its code
            if (o is not m and o in out and o.trigger.i in subtree and o.code[:2] in VIOLENT_ROOTS
                    and o.code not in (m.code, "190") and o.pattern.code != "190"
                    # a clause with its own subject is an act of its own, not the killing's manner
                    # (a clause of time, "when they blew themselves up", is adverbial and stays)
                    and not clause_of_its_own(o.trigger) and not _before_or_after(o.trigger)):
                out[out.index(m)] = replace(m, code=o.code, base=o.code, rule=f"{m.rule}+manner:{o.pattern.id}")
                out.remove(o)
                break
    return out


# Words that put an act before or after another: "killed 20 AFTER overrunning a base" tells two
# acts in turn, the second no manner of the first.
_SEQUENCE = frozenset({"after", "before", "since", "following", "prior", "until"})


def _before_or_after(trigger: Token) -> bool:
    """Is ``trigger`` an act told as coming before or after another ("after OVERRUNNING a
    base", "before they SEIZED the town")?"""
    if trigger.dep_ == "pcomp":
        return trigger.head.lower_ in _SEQUENCE
    return trigger.dep_ == "advcl" and marked_by(trigger, _SEQUENCE)
