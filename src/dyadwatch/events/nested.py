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
* a name a speaker gives another's deed ("Jordan called Israel's strikes a violation of
  international law", "described the raid as a war crime"): the naming is the speaker's
  accusation (112; 1123 of aggression, 1124 of war crimes), not whatever the verb may mean
  with a bare object ("called a strike" is a walkout, "called the raid" no halt of it);
* a deed a reporting verb makes known ("the ministry confirmed the detention of two
  journalists", "detailed the torture of detainees by police") is that deed: by the doer the
  noun names, else, told by a state's own organ, the state's own act;
* the act a permission allows ("Egypt allowed the UN envoy to visit Gaza", "let the inspectors
  see the site"): the allowing is the event (CAMEO's 08 easing codes, 086 for international
  actors let in); what it allows is only made possible, not reported as done.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dyadwatch.events.confidence import CONFIDENCE
from dyadwatch.events.match import Match
from dyadwatch.events.plover import THREAT_CONTENT_WORDS
from dyadwatch.events.senses import STATE_SECTORS, WARNING_VERBS
from dyadwatch.events.stance import speaker_self
from dyadwatch.knowledge.lexicon import Pattern
from dyadwatch.knowledge.words import DEMANDING_VERBS, PRESS_SECTORS
from dyadwatch.nlp.tree import children as children_of

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dyadwatch.events.clauses import Clauses
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
# Nouns of asking whose 'for' phrase is the thing asked for.
_ASKING_NOUNS = frozenset({"demand", "call", "appeal", "request", "plea", "push", "clamour", "clamor"})
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
    if any(c.dep_ in ("xcomp", "ccomp") for c in children_of(trigger)):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in children_of(trigger)):
        return False
    objects = [c for c in children_of(trigger) if c.dep_ == "dobj"]
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
    if trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and trigger.head.lower_ == "for" and (
            trigger.head.head.lemma_.lower() in _ASKING_NOUNS):
        # "withdrew its demand for the president's resignation", "a call for talks": what the
        # demand asks for is not an act; the demand (or what is done to it) is the event
        return trigger.head.head
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
        objects = [c for c in children_of(head) if c.dep_ == "dobj"]
        return head if any(o.right_edge.i + 2 == trigger.i for o in objects) and any(
            c.dep_ == "aux" and c.lower_ == "to" and c.i == trigger.i - 1 for c in children_of(trigger)) else None
    if trigger.dep_ == "ccomp" and head.lemma_.lower() != "let" and not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in children_of(trigger)):
        return None  # "allowed that the talks WOULD resume"? a clause, not an infinitive
    return head


# Verbs that give a deed a name: "CALLED the strikes a violation", "DESCRIBED the raid as a crime".
_NAMING_VERBS = frozenset({"call", "describe", "term", "label", "brand", "dub", "characterize", "characterise", "deem"})
# Names that accuse a deed of a wrong (CAMEO 112), of aggression (1123) or of war crimes
# (1124); the most specific one a name holds wins.
_WRONG_NAMES: dict[str, str] = {
    "violation": "112", "breach": "112", "crime": "112", "infringement": "112", "contravention": "112",
    "illegal": "112", "unlawful": "112", "terrorism": "112", "atrocity": "112",
    "aggression": "1123", "act of aggression": "1123", "invasion": "1123",
    "war crime": "1124", "war crimes": "1124", "crime against humanity": "1124",
    "crimes against humanity": "1124", "genocide": "1124", "ethnic cleansing": "1124",
}
# Words around a name that only frame it: "an ACT of aggression", "a FORM of terrorism".
_FRAMING_NOUNS = frozenset({"act", "form", "case", "kind"})
_NAMED_WRONG = Pattern(
    id="nested.named-wrong", kind="verb", lemmas=_NAMING_VERBS, particles=frozenset(),
    objects=frozenset(), preps=("dobj",), code="112",
    note="a deed named a wrong: called X's strikes a violation of international law",
)


def named_wrong(token: Token, found: Match | None) -> Match | None:
    """The speaker's accusation when a naming verb gives its object the name of a wrong ("called
    Israel's strikes a violation of international law", "described the raid AS a war crime";
    see the module's notes), or None: no such name, or the lexicon already reads the verb as a
    disapproval ("branded the vote a sham")."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in _NAMING_VERBS:
        return None
    if found is not None and found.code[:2] == "11":
        return None
    # the parser may take the deed for a second predicate ("called [Russia's shelling] [a war
    # crime]", both 'oprd'): the first is then the object
    obj = next((c for c in children_of(token) if c.dep_ in ("dobj", "oprd")), None)
    if obj is None:
        return None
    names = [c for c in children_of(token) if c.dep_ == "oprd" and c.i > obj.i] + [
        p for c in children_of(token) if c.dep_ == "prep" and c.lower_ == "as" for p in children_of(c) if p.dep_ == "pobj"]
    codes = [code for n in names for w in _name_words(n) if (code := _WRONG_NAMES.get(w))]
    if not codes:
        return None
    code = max(codes, key=len)  # a leaf (1124) over the bare accusation (112)
    # the named deed is consumed (the noun of the match): it is what is accused, no event of its own
    return Match(_NAMED_WRONG, token, obj, code, code, f"pattern:{_NAMED_WRONG.id}", noun=obj,
                 confidence=CONFIDENCE.specific_verb)


def _name_words(name: Token) -> set[str]:
    """'violation', 'war crime', 'crimes against humanity', and through a framing noun what it
    frames ('an act of aggression': 'aggression', 'act of aggression')."""
    lemma, word = name.lemma_.lower(), name.lower_
    out = {lemma, word} | {f"{c.lower_} {f}" for c in children_of(name) if c.dep_ in ("compound", "amod") for f in (lemma, word)}
    for prep in (c for c in children_of(name) if c.dep_ == "prep"):
        for p in (p for p in children_of(prep) if p.dep_ == "pobj"):
            out |= {f"{f} {prep.lower_} {p.lower_}" for f in (lemma, word)}
            if lemma in _FRAMING_NOUNS and prep.lower_ == "of":
                out |= _name_words(p)
    return out


# The roots of the acts a state's organ tells as its own when it reports them with no doer
# named: what its authority does to others, or gives up ("confirmed the ARREST of", "announced
# the EXPULSION of", "the RELEASE of"); never violence (18-20), which a state reports of others
# ("the ministry reported the killing of 40 people", "the army confirmed the abduction of two
# engineers"), nor a visit or talks, whose 'of' phrase names their doer.
TOLD_OWN_ROOTS = frozenset({"08", "16", "17"})
REPORTING_VERBS = frozenset({
    "confirm", "report", "announce", "acknowledge", "admit", "disclose", "reveal", "detail",
    "document", "describe", "record", "verify",
})


def names_doer(noun: Token) -> bool:
    """Whether an event noun names its own doer: 'by' ("the torture of detainees BY police")
    a possessor ("Israel's strikes") or a nationality ("ISRAELI strikes"); the parser may hang the 'by' on what the noun is of
    ("the torture of [detainees by police]")."""
    ofs = [p for c in children_of(noun) if c.dep_ == "prep" and c.lower_ == "of" for p in children_of(c) if p.dep_ == "pobj"]
    return any(c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE"))
               for c in children_of(noun)) or any(
        c.dep_ == "prep" and c.lower_ == "by" for n in (noun, *ofs) for c in children_of(n))


def reported_deed(noun: Token, clauses: Clauses) -> tuple[bool, Token | None]:
    """Whether an event noun that is a reporting verb's object is the deed reported, and the
    reporting verb when that lends the deed its doer. A noun that names its own doer ("detailed
    the torture of detainees BY police") is the deed, done by that doer; one with no doer named,
    reported by a state's own organ ("the ministry confirmed the detention of ..."), is the
    state's own act, told by it, which CAMEO codes with the state as its doer (the verb lends
    its subject, as a light verb does). The press, a rights group or a family that reports a
    deed with no doer named does not make it theirs: no deed."""
    verb = noun.head
    if noun.dep_ not in ("dobj", "nsubjpass") or noun.pos_ != "NOUN" or verb.lemma_.lower() not in REPORTING_VERBS:
        return False, None
    if any(c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as") for c in children_of(verb)):
        return False, None  # "described the strikes AS a crime": a naming (nested.named_wrong)
    if names_doer(noun):
        return True, None  # also "the torture of migrants by militiamen WAS REPORTED"
    if noun.dep_ != "dobj":
        return False, None
    doers, _ = clauses.subjects(verb)
    reporter = next((a for d in doers if (a := clauses.actor(d, as_source=True)) is not None), None)
    state = reporter is not None and reporter.kind not in ("unknown", "igo", "ngo") and (
        reporter.country is not None and (reporter.sector is None or reporter.sector in STATE_SECTORS))
    return (True, verb) if state else (False, None)
