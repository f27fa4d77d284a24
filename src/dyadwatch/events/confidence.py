"""Confidence levels of events: one named table, documented in docs/events.md.

An event's confidence says how the trigger was matched (a specific pattern, a bare lemma, a
frame, a vector neighbour) and how its target was found. The levels are fixed ranks, not
calibrated probabilities: a more specific match ranks higher.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ConfidenceTable:
    """The confidence of each way a trigger is matched, and the adjustments made after."""

    specific_verb: float = 0.9
    """A verb pattern that names a particle or an object ("carry out an attack")."""
    verb: float = 0.8
    """A verb pattern on the lemma alone ("attacked")."""
    noun: float = 0.8
    """An event noun on its own ("the attack on X")."""
    light_verb_noun: float = 0.85
    """A light verb with an event noun ("held talks with X")."""
    frame_shifted: float = 0.85
    """A frame whose complement shifts the code into its family ("urged X to withdraw")."""
    frame_unshifted: float = 0.75
    """A frame whose complement was coded but has no shift into the frame's family."""
    frame_enacted: float = 0.8
    """An enacting frame coded as its coercive complement ("ordered the paper to close")."""
    frame_uncoded: float = 0.8
    """A frame whose complement codes nothing: the frame's own code ("urged restraint")."""
    vector_fallback: float = 0.5
    """A verb outside the lexicon matched by word-vector similarity (events/fallback.py)."""
    clause_target_penalty: float = 0.25
    """Taken off when the target is an actor merely named in the clause, not where the
    pattern puts it."""
    floor: float = 0.1
    """No event is reported with less."""


CONFIDENCE = ConfidenceTable()
