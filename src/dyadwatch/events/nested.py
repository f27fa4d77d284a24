"""Nested events: what a clause inside another act's clause reports, when it is no act itself.

Two constructions put an event word inside another act's words without reporting that act:

* a speaker's verdict on another party: "South Africa said Israel's offensive breached
  international law", "Azerbaijan said Armenia's statements threatened the peace process". The
  breach is not an act of defiance the report vouches for, nor the statements a threat made to
  anyone: the clause is what the speaker holds against the party, so CAMEO codes the speaker's
  verbal act (an accusation of breaking a law or norm, 112; a criticism, 111) with that party as
  its target. A clause that reports an act CAMEO has a code for ("Ukraine said Russian forces
  shelled Kharkiv", "said Russia violated the ceasefire", 196) stays the act of its own doer,
  with the speaker in the evidence;
* the content of an appeal in a gerund ("pressed Israel on allowing more aid in", "insisted on
  expelling the militants", "warned Tehran against attacking shipping"): what is asked for, or
  warned against, has not happened and is not the act of the one who asks;
* the act a permission allows ("Egypt allowed the UN envoy to visit Gaza", "let the inspectors
  see the site"): the allowing is the event (CAMEO's 08 easing codes, 086 for international
  actors let in); what it allows is only made possible, not reported as done.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dyadwatch.events.plover import THREAT_CONTENT_WORDS
from dyadwatch.events.senses import WARNING_VERBS
from dyadwatch.events.stance import speaker_self
from dyadwatch.knowledge.words import DEMANDING_VERBS, PRESS_SECTORS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dyadwatch.events.clauses import Clauses
    from dyadwatch.events.match import Match
    from dyadwatch.records import Actor, Modality

# Defying a law or norm (128) said of another party is an allegation of wrongdoing (112).
_DEFY = "128"
_ACCUSE = "112"
_CRITICIZE = "111"
# Only a clause the speaker states as fact is a verdict; a denied or doubted breach is not an
# accusation ("said Israel had not breached the law" defends it).
_VERDICT_MODALITIES = frozenset({"asserted", "hedged"})
# The prepositions by which a demanding verb takes what it asks for as a gerund: "pressed X ON
# allowing", "called FOR ending", "pushed FOR releasing".
_CONTENT_PREPS = frozenset({"on", "for", "over", "about"})
# Verbs that ask for what such a gerund names, beyond the demanding verbs of protests: "insisted
# on expelling", "lobbied for reopening", "pleaded for releasing".
_ASKING_VERBS = DEMANDING_VERBS | {"insist", "lobby", "plead", "appeal", "campaign"}
# Only the bare threat code (a threat with no content the lexicon read) can be a complaint.
_BARE_THREAT = "130"
# What a threat can hold out ("threatened sanctions", "threatened a boycott"): an object among
# these is the threat's content, a threat made, never a thing the doer endangers.
_THREAT_CONTENT = THREAT_CONTENT_WORDS | {"sanction", "sanctions", "strike", "boycott", "force"}
# Verbs of letting another act: their infinitive (or bare 'let' clause) is what is allowed.
_PERMITTING_VERBS = frozenset({"allow", "permit", "let", "authorize", "authorise"})


@dataclass(frozen=True)
class Verdict:
    """A speaker's judgment of a party, read as the speaker's own verbal act."""

    code: str
    sources: list[Actor]
    targets: list[Actor]


def _endangers(match: Match, targets: list[Actor], clauses: Clauses) -> bool:
    """A threat word with no threat made to anyone: no infinitive ("threatened to close"), no
    means ("threatened X with sanctions"), no party threatened, no content the lexicon read (the
    bare threat code) and a thing as its object that is no threat's content ("threatened the
    peace process", "threatened regional security", not "threatened sanctions"): it says the subject
    endangers something, which is the speaker's complaint, not a threat the subject made."""
    trigger = match.trigger
    if match.code != _BARE_THREAT or trigger.pos_ != "VERB" or targets:
        return False
    if any(c.dep_ in ("xcomp", "ccomp") for c in trigger.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in trigger.children):
        return False
    objects = [c for c in trigger.children if c.dep_ == "dobj"]
    return bool(objects) and all(
        clauses.actor(o) is None and not {o.lemma_.lower(), o.lower_} & _THREAT_CONTENT for o in objects)


def verdict(
    match: Match, code: str, modality: Modality, speaker: Actor | None, sources: list[Actor],
    targets: list[Actor], clauses: Clauses,
) -> Verdict | None:
    """The speaker's accusation or criticism that a clause of their speech makes of its doers
    (see the module's notes), or None when the clause reports an act of its own: no speaker, a
    speaker who speaks of its own act, an unnamed speaker or the press (who report, not accuse),
    no named doer, or a denied or unreal clause."""
    if speaker is None or not sources or modality not in _VERDICT_MODALITIES:
        return None
    if any(speaker_self(speaker, s) for s in sources):
        return None  # "Hungary said it had defied the ruling": its own act
    if speaker.unknown or (speaker.country is None and speaker.sector is None) or speaker.sector in PRESS_SECTORS:
        # "Reuters reported that X violated the law": the press, or a speaker coded as no one
        # (a wire agency with no country), reports the breach; it is no party's accusation
        return None
    if code == _DEFY:
        return Verdict(_ACCUSE, [speaker], sources)
    if _endangers(match, targets, clauses):
        return Verdict(_CRITICIZE, [speaker], sources)
    return None


def demanded_content(trigger: Token) -> Token | None:
    """The asking verb whose 'on' or 'for' gerund ``trigger`` is ("pressed Israel on ALLOWING
    aid in", "called for ENDING the blockade", "insisted on EXPELLING"), or the warning verb whose
    'against' gerund it is ("warned X against ATTACKING"), or the permitting verb whose
    infinitive it is ("allowed the envoy to VISIT Gaza"), else None: that act is asked for,
    warned against or allowed, has not happened and is not the asker's act."""
    if (permitting := permitted_content(trigger)) is not None:
        return permitting
    if trigger.tag_ != "VBG" or trigger.dep_ not in ("pcomp", "pobj"):
        return None
    prep = trigger.head
    if prep.dep_ != "prep":
        return None
    verb, lemma = prep.head, prep.head.lemma_.lower()
    if prep.lower_ in _CONTENT_PREPS and lemma in _ASKING_VERBS:
        return verb
    # a warning's 'against' gerund is what the warned party should not do ("warned Tehran
    # against attacking shipping"): no attack was made
    return verb if prep.lower_ == "against" and lemma in WARNING_VERBS else None


def permitted_content(trigger: Token) -> Token | None:
    """The permitting verb whose complement ``trigger`` is: "allowed the envoy TO VISIT Gaza",
    "permitted a team to VISIT prisoners", "let the monitors ENTER" (the parser makes the one
    allowed the subject of a clause, or the verb's object), else None. Only a verb with an
    own doer clause or object: "was allowed to visit" still lets someone act, and is the same
    permission."""
    if trigger.pos_ != "VERB" or trigger.dep_ not in ("xcomp", "ccomp", "advcl"):
        return None
    head = trigger.head
    if head.lemma_.lower() not in _PERMITTING_VERBS or head.i > trigger.i:
        return None
    if trigger.dep_ == "advcl":
        # "authorised the mediator | to travel": an infinitive right after the object is what
        # the object may do, which the parser may hang on the verb as a clause of its own
        objects = [c for c in head.children if c.dep_ == "dobj"]
        return head if any(o.right_edge.i + 2 == trigger.i for o in objects) and any(
            c.dep_ == "aux" and c.lower_ == "to" and c.i == trigger.i - 1 for c in trigger.children) else None
    if trigger.dep_ == "ccomp" and head.lemma_.lower() != "let" and not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        return None  # "allowed that the talks WOULD resume"? a clause, not an infinitive
    return head
