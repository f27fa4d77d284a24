"""Stance: an event's modality, and the shifts a future or a reported 'must' makes to its code.

A future or reported conditional ("will visit", "said it would meet") is an intent (036), a
negated one ("will not accept") a refusal, a reported "must" ("X said Y must withdraw") a demand
of the speaker on Y, who becomes the target. A speaker who says it may do a conflictual act
("said it might cut ties with X") threatens it (1313): CAMEO counts implicit threats. The modality words themselves are read by
``modality.py``; this module applies them to one match.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dyadwatch.events.modality import FUTURE_FRAMES, marker_cue, markers, modality_cue
from dyadwatch.events.parties import same as _same
from dyadwatch.events.sides import counted
from dyadwatch.knowledge.words import (
    ADVISORY_MODALS,
    OPTIONS_OF_FORCE,
    OPTIONS_OF_SANCTION,
    SHIFTABLE_ROOTS,
)
from dyadwatch.nlp.tree import children as children_of

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dyadwatch.events.clauses import Clauses
    from dyadwatch.events.match import Match
    from dyadwatch.knowledge.lexicon import Shifts
    from dyadwatch.records import Actor, Modality


@dataclass(frozen=True)
class Stance:
    """What the modality words of a clause make of a match's code and parties."""

    code: str
    rule: str
    modality: Modality
    cue: Token | None  # the word that set the modality
    sources: list[Actor]
    targets: list[Actor]


def stance_of(
    match: Match, speaker: Actor | None, code: str, rule: str, sources: list[Actor],
    targets: list[Actor], clauses: Clauses, shifts: Shifts,
) -> Stance:
    """The modality of ``match`` (whose parties are ``sources`` and ``targets``, reported by
    ``speaker`` if any) and the code, rule and parties after the shifts it makes."""
    trigger, pattern = match.trigger, match.pattern
    cue: Token | None = None
    if pattern.kind == "copula" and speaker is not None:
        modality: Modality = "asserted"
    else:
        modality, cue = modality_cue(trigger)
    if (pattern.kind == "frame" and pattern.family != "appeal" and trigger.lemma_.lower() in FUTURE_FRAMES
            and modality == "asserted"):
        # "sought to meet" is a plan; "sought Washington's approval" (the appeal frame) is made
        modality, cue = "future", trigger
    marks = markers(trigger)
    # "X said Y must agree to reforms": the speaker demands the reforms
    demanded = match.base if pattern.kind == "frame" and pattern.family == "intent" else code
    if (pattern.kind != "frame" or "must" in marks) and (demanded or "")[:2] in SHIFTABLE_ROOTS:
        in_speech = speaker is not None
        if "must" in marks and speaker is not None and sources and demanded and not any(
            _same(speaker, s) for s in sources
        ):
            # "X said Y should withdraw" advises: CAMEO reads the reporter's words, and a
            # 'should' or 'ought to' is a suggestion (an appeal), a 'must' a demand
            advice = (marker_cue(trigger, {"must"}) or trigger).lower_ in ADVISORY_MODALS
            shifted = shifts.shift(demanded, "appeal" if advice else "demand")
            speech = clauses.speech_head(trigger)
            if shifted:  # "X said Y must withdraw": X demands that Y withdraw
                code, rule = shifted, rule + ("+should" if advice else "+must")
                targets, sources = sources, [speaker]
                modality, cue = modality_cue(speech) if speech is not None else ("asserted", None)
        elif pattern.kind != "frame" and ("future" in marks or ("would" in marks and in_speech)
                                          or "if" in marks):
            shifted = shifts.shift(code, "refuse" if "neg" in marks else "intent")
            if shifted:
                code, rule, modality = shifted, rule + "+future", "future"
                cue = marker_cue(trigger, {"future", "would", "if"})
        elif pattern.kind != "frame" and "may" in marks and "neg" not in marks and speaker is not None \
                and sources and all(speaker_self(speaker, s) for s in sources):
            # "X said it might cut ties with Y": a speaker's own possible conflictual act is a
            # threat; a cooperative one ("might meet") stays a hedged report
            shifted = shifts.shift(code, "intent")
            if shifted and shifted.startswith("13"):
                code, rule, modality = shifted, rule + "+may", "future"
                cue = marker_cue(trigger, {"may"})
    kept = kept_open(match, modality)
    if kept is not None:
        code, rule, modality = kept, rule + "+kept-open", "asserted"
    return Stance(code, rule, modality, cue, sources, targets)


def kept_open(match: Match, modality: Modality) -> str | None:
    """'would not rule out the use of force', 'refused to rule out new sanctions': an option of
    force (138) or of sanctions (1312) kept open is an implicit threat to take it, not a
    rejection. None for any other match, and for an option ruled out ("ruled out military
    action" stays a refusal)."""
    ruling = match.trigger
    if match.pattern.kind == "frame" and match.inner is not None:
        # "refused to rule out": the refusal of a refusal
        if modality == "negated" or match.inner.trigger.lemma_.lower() != "rule":
            return None
        ruling = match.inner.trigger
    elif modality != "negated":
        return None
    if ruling.lemma_.lower() != "rule" or not any(c.dep_ == "prt" and c.lower_ == "out" for c in children_of(ruling)):
        return None
    # "the use OF force": the object and what it is of (sides.counted)
    objects = [t for o in children_of(ruling) if o.dep_ == "dobj" for t in counted(o)]
    # an option's own words and its modifiers ("MILITARY action", "ARMED intervention")
    options = {w for c in objects for t in (c, *(m for m in children_of(c) if m.dep_ in ("amod", "compound")))
               for w in (t.lemma_.lower(), t.lower_)}
    if options & OPTIONS_OF_FORCE:
        return "138"
    if options & OPTIONS_OF_SANCTION:
        return "1312"
    return None


def speaker_self(speaker: Actor, source: Actor) -> bool:
    """The speaker speaks of its own act: the same actor, the same organisation named again
    ("the EU said it could impose sanctions": 'it' stands for the EU, at another place), or a
    government's or organisation's official speaking of it ("Kenya's foreign minister said
    Nairobi could cut ties", "the UN envoy said the UN could halt its mediation")."""
    return _same(speaker, source) or (
        speaker.kind == source.kind and speaker.kind in ("igo", "organisation", "group")
        and speaker.name == source.name and speaker.cameo_code == source.cameo_code
    ) or (
        speaker.country is not None and speaker.country == source.country
        and speaker.sector == "GOV" and source.sector in (None, "GOV") and source.kind in ("state", "igo")
    )
