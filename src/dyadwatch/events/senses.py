"""Senses: where the CAMEO usage notes part neighbouring roots, read off one match's parse.

The trigger matcher (``triggers.py``) asks these for the contrasts it applies to any sentence:

* a rejection that turns down no request or offer is no refusal (12): rejecting an accusation
  or a criticism denies it (016), rejecting what another did or said objects to it (110);
* a demand paired with a penalty ("... or face sanctions") is a threat, and a deadline demand
  so paired an ultimatum (139);
* an appeal to meet whose complement names the appealer's own counterpart ("talks WITH Y") is
  the appealer's intent to meet (036), not a third party's appeal (026);
* a decision taken is the act decided, not an intent to it;
* an appeal's infinitive that the parser hangs on the calling verb is what is asked;
* a halt to any act of force or posturing ("stopped shelling", "halt the drills") de-escalates (087);
* a person seized by a state's police, court, spies, government or soldiers is detained (173),
  unless an armed party is captured; by anyone else abducted (181); property seized stays
  confiscated (1711);
* a warning that warns no one, of a danger that befalls others ("warned that the outbreak could
  spread"), is a pessimistic comment (012), not a threat (130);
* a passive 'met with' a thing ("was met with protests") is a reception, not a meeting;
* regret expressed over one's own acts ("regret over its wartime actions") or remorse is an
  apology (055), regret over another's a disapproval (110), over deaths that blame no one
  sympathy (018);
* talks a speaker says are stuck ("said the talks had made no progress") are that speaker's
  pessimistic comment (012); the same words of anything else, or told by no one, are no event;
* arms sent to a border or frontier ("sent tanks to the frontier with X") are the sender's own
  forces massed there, a show of force (154), not military aid (072) given to anyone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from dyadwatch.actors.cues import NO_NATIONALITY
from dyadwatch.events.confidence import CONFIDENCE
from dyadwatch.events.match import Match, for_clause
from dyadwatch.events.modality import markers
from dyadwatch.events.outcomes import STRIKE_WEAPONS, means_code
from dyadwatch.events.subjects import is_to_infinitive
from dyadwatch.knowledge.words import (
    CENSORED_MEDIA,
    DECIDING,
    ENACTING,
    MILITARY_CRAFT,
    MILITARY_CRAFT_MODIFIERS,
    PENALTY_VERBS,
    REJECTED_ACTS,
    WALKOUT_SECTORS,
)
from dyadwatch.nlp.tree import children as children_of
from dyadwatch.nlp.tree import marked_by

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dyadwatch.events.clauses import Clauses
    from dyadwatch.knowledge.lexicon import Pattern, Shifts


def rejection_sense(found: Match) -> Match:
    """A refusal (12) of an accusation denies it (016); of what another did or said, objects
    to it (110); any other refusal stands. CAMEO's refusals decline to cooperate or to yield."""
    if found.code[:2] != "12" or found.obj is None:
        return found
    if found.code == "129":
        return found  # a veto formally rejects whatever it blocks, a statement or a ruling too
    inner = found.inner
    of_object = inner is not None and found.obj.i in (inner.trigger.i, inner.noun.i if inner.noun else -1)
    inner_code = (inner.base or "") if inner is not None and of_object else ""
    if inner_code[:2] == "01" or (found.pattern.family == "refuse" and inner_code[:3] in ("111", "112")):
        return replace(found, code="016", base="016", rule=found.rule + "+denial")
    verdict = inner_code[:3] == "116"  # "rejected the court's ruling": objects to it
    if verdict or (inner is None and found.obj.lemma_.lower() in REJECTED_ACTS):
        return replace(found, code="110", base="110", rule=found.rule + "+objection")
    return found


# Verbs of taking hold that name no manner: whether a person or a thing was taken, and by whom,
# says which act it was.
SEIZING = frozenset({"seize", "grab", "snatch", "nab"})
# A state's own enforcers: their seizure of a person is a detention, CAMEO's 173.
STATE_SECTORS = frozenset({"COP", "JUD", "SPY", "GOV", "MIL"})
# Armed parties: their capture by a state is taken in fighting, an abduction (PLOVER's 'abduct').
ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "PRM"})
# Outlaws: what they seize by force they hijack (181), as a state confiscates (1711).
OUTLAW_SECTORS = frozenset({"CRM", "REB", "UAF"})


def seizure_sense(found: Match, clauses: Clauses) -> Match:
    """A seizure (181 or 1711) of a person: a detention (173) when a state's own enforcers
    seize someone who is no armed party, else an abduction (181). CAMEO keeps hostage-taking
    out of arrests; PLOVER codes combatants captured as abductions, not arrests."""
    if found.code not in ("181", "1711") or found.pattern.kind != "verb" or found.obj is None:
        return found
    if found.trigger.lemma_.lower() not in SEIZING:
        return found
    seized = clauses.actor(found.obj)
    if seized is None or seized.unknown or not seized.start <= found.obj.idx < seized.end:
        return found  # a thing a named party owns: "the rebels' weapons"
    doers, _ = clauses.subjects(found.trigger)
    doer = next((a for d in doers if (a := clauses.actor(d, as_source=True)) is not None), None)
    if seized.kind == "state" and seized.sector is None:
        # a thing named by its country ("a British tanker"): hijacked by pirates or gunmen
        # (181), confiscated by a state (1711)
        hijacked = doer is not None and doer.sector in OUTLAW_SECTORS
        return replace(found, code="181", base="181", rule=found.rule + "+hijack") if hijacked else found
    detained = doer is not None and doer.sector in STATE_SECTORS and seized.sector not in ARMED_SECTORS
    code = "173" if detained else "181"
    if code == found.code:
        return found
    return replace(found, code=code, base=code, rule=found.rule + ("+detention" if detained else "+abduction"))


# What a danger does, in a warning's that-clause: "warned that the outbreak could SPREAD". Not
# 'be' ("warned that it was ready to strike"), and 'face' or 'risk' only with a danger the
# lexicon's forecasts name ("millions FACE famine", never "Ukraine will FACE consequences").
DANGER_VERBS = frozenset({
    "starve", "die", "collapse", "worsen", "deteriorate", "spread", "spiral", "plunge", "slide",
    "descend", "erupt", "implode", "unravel",
})
FACING_VERBS = frozenset({"face", "risk", "suffer"})
WARNING_VERBS = frozenset({"warn", "caution"})
SPEAKER_PRONOUNS = frozenset({"it", "we", "they", "i"})


def foreseen_danger(frame: Token, clauses: Clauses, dangers: frozenset[str]) -> bool:
    """Whether an uncoded warning is a forecast, not a threat: it warns no one (no object,
    no addressee) and its that-clause tells of a danger befalling others (``dangers``: what a
    forecast may name), not the warner's own act. CAMEO's threats are coercive warnings of
    what the threatener may do."""
    if frame.lemma_.lower() not in WARNING_VERBS or clauses.addressee(frame) is not None:
        return False
    if any(c.dep_ in ("dobj", "dative") for c in children_of(frame)):
        return False
    said = [c for c in children_of(frame) if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
    return bool(said) and all(_danger(c, clauses, dangers) for c in said)


def _danger(verb: Token, clauses: Clauses, dangers: frozenset[str]) -> bool:
    if any(s.dep_ in ("nsubj", "nsubjpass") and s.lower_ in SPEAKER_PRONOUNS for s in children_of(verb)):
        return False  # "warned that it could ...": the warner's own act
    lemma = verb.lemma_.lower()
    if lemma in DANGER_VERBS:
        return True
    return lemma in FACING_VERBS and any(
        c.dep_ == "dobj" and clauses.noun_lemmas(c) & dangers for c in children_of(verb))


def reaction_not_meeting(found: Match, clauses: Clauses) -> bool:
    """'any attack would be met with a crushing response', 'the plan was met with protests':
    a passive 'met with' a thing (no actor) is how something was received, not a meeting."""
    trigger = found.trigger
    if found.code[:2] != "04" or trigger.lemma_.lower() != "meet":
        return False
    if not any(c.dep_ == "auxpass" for c in children_of(trigger)):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "with" and any(
        p.dep_ == "pobj" and clauses.actor(p) is None for p in children_of(c)) for c in children_of(trigger))


# Regret for what one did oneself is an apology (CAMEO 055; PLOVER counts expressions of regret
# as concessions); regret over what another did disapproves of it (110).
REGRET_WORDS = frozenset({"regret", "regrets"})
REMORSE_WORDS = frozenset({"remorse", "contrition", "repentance"})
# Possessives that make the regretted act the regretter's own ("its actions", "our mistakes"):
# not 'his' or 'her', which may be another person's (unlike words.OWN_POSSESSIVES, a speaker's
# "his country"); a body's own ("his country's past") takes any of them.
SELF_POSSESSIVES = frozenset({"its", "our", "my"})
BODY_POSSESSIVES = SELF_POSSESSIVES | {"his", "her"}
OWN_BODIES = frozenset({"country", "nation", "government", "army", "party", "state"})


# Losses of life: regret or sorrow over them that blames no one is sympathy (CAMEO 018,
# condolences), not disapproval of anyone's act.
LOSS_OF_LIFE = frozenset({
    "death", "deaths", "loss", "losses", "casualty", "casualties", "victim", "victims", "drowning",
    "drownings", "fatality", "fatalities", "tragedy", "passing", "killing", "killings", "dead",
})
# What names who caused a loss: "deaths CAUSED BY the strikes", "killed AT THE HANDS of police".
BLAMING_WORDS = frozenset({"by", "hands"})


def regret_sense(found: Match) -> Match:
    """A disapproval (110) that regrets the doer's own act ("expressed regret over ITS
    actions", "regretted OUR mistakes") or expresses remorse is an apology (055); one that
    regrets a loss of life blaming no one ("regret over the deaths of migrants") is sympathy
    (018)."""
    if found.code != "110":
        return found
    trigger = found.trigger
    lemma = trigger.lemma_.lower()
    noun = found.obj if found.obj is not None and found.obj.lemma_.lower() in REGRET_WORDS | REMORSE_WORDS else None
    if noun is not None and noun.lemma_.lower() in REMORSE_WORDS:
        return replace(found, code="055", base="055", rule=found.rule + "+remorse")
    if noun is None and lemma not in REGRET_WORDS:
        return found
    holders = [noun] if noun is not None else [trigger]
    regretted = [c for h in holders for c in children_of(h) if c.dep_ == "dobj"] + [
        p for h in holders for c in children_of(h) if c.dep_ == "prep" and c.lower_ in ("over", "for", "about")
        for p in children_of(c) if p.dep_ == "pobj"]
    if any(_own(r) for r in regretted):
        return replace(found, code="055", base="055", rule=found.rule + "+own-regret")
    if regretted and all(_loss_blaming_no_one(r) for r in regretted):
        return replace(found, code="018", base="018", rule=found.rule + "+sympathy")
    return found


def _loss_blaming_no_one(noun: Token) -> bool:
    """'the deaths of migrants', 'the loss of life in the fire': a loss of life with no one
    named as its cause ('the deaths of protesters killed BY police', 'Israel's killing of ...'
    blame a doer)."""
    if noun.lemma_.lower() not in LOSS_OF_LIFE and noun.lower_ not in LOSS_OF_LIFE:
        return False
    if any(c.dep_ == "poss" and c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") for c in children_of(noun)):
        return False  # "Israel's killing of ...": the possessor did it
    return not any(t.lower_ in BLAMING_WORDS for t in noun.subtree)


def _own(noun: Token) -> bool:
    """'its actions', 'our mistakes', 'its own failures', 'his country's past': the doer's own."""
    for c in children_of(noun):
        if c.lower_ == "own" or (c.dep_ == "poss" and c.lower_ in SELF_POSSESSIVES):
            return True
        if c.dep_ == "poss" and c.lemma_.lower() in OWN_BODIES and any(
                g.dep_ == "poss" and g.lower_ in BODY_POSSESSIVES for g in children_of(c)):
            return True
    return False


def penalty(act: Token) -> Token | None:
    """The penalty a demanded act is paired with: "withdraw its troops OR FACE sanctions"."""
    if not any(c.dep_ == "cc" and c.lower_ == "or" for c in children_of(act)):
        return None
    return next((c for c in children_of(act) if c.dep_ == "conj" and c.lemma_.lower() in PENALTY_VERBS), None)


def threat_code(paired: Token, noun_match: Callable[[Token, str], Match | None], shifts: Shifts) -> str:
    """The threat a demand's penalty makes: the 13 code of the penalty's object ("or face
    sanctions": 1312), else a threat not otherwise specified (130)."""
    for c in children_of(paired):
        if c.dep_ == "dobj" and c.pos_ == "NOUN":
            found = noun_match(c, "noun")
            shifted = shifts.shift(found.base, "intent") if found is not None and found.base else None
            if shifted and shifted.startswith("13"):
                return shifted
    return "130"


def ultimatum(pattern: Pattern, token: Token, obj: Token | None) -> Match | None:
    """'gave X 48 hours to leave or face war': a demand pattern with a deadline whose act is
    paired with a penalty is a final demand, an ultimatum (139)."""
    if pattern.code[:2] != "10":
        return None
    heads = [token, *([obj] if obj is not None else [])]
    if not any(c.dep_ in ("advcl", "xcomp", "acl") and penalty(c) is not None for h in heads for c in children_of(h)):
        return None
    return Match(pattern, token, obj, "139", "139", f"pattern:{pattern.id}+ultimatum",
                 confidence=CONFIDENCE.specific_verb)


# What an ultimatum's time is given for: a demanded yielding (to leave, withdraw, surrender,
# hand over, comply, stop). Time given to prepare a case, visit a site or comment is no ultimatum.
_YIELDING_ACTS = frozenset({
    "leave", "withdraw", "surrender", "release", "free", "disarm", "vacate", "comply", "stop",
    "halt", "cease", "end", "evacuate", "quit", "resign", "disband", "retreat", "cede", "abandon",
    "dismantle", "reverse", "expel", "extradite", "capitulate", "depart", "relinquish", "return",
    "pull out", "pull back", "hand over", "lay down", "step down", "give up", "stand down",
    "back down", "move out", "get out", "clear out", "turn over", "call off", "hand back",
})


# What doers who are no party to politics (doctors, scientists, nurses, students) can warn they
# will do themselves: a collective action or a resignation, a threat of their own, no forecast.
_OWN_ACTIONS = frozenset({
    "strike", "walk", "walkout", "boycott", "occupy", "occupation", "protest", "resign",
    "resignation", "march", "picket", "sit", "down", "quit", "stop",
})


def warns_of_own_action(trigger: Token) -> bool:
    """Does a warning name an action its speakers would take ("warned that they would strike",
    "warned of a walkout", "warned they would occupy the university") rather than a danger ("warned
    of a heatwave", "warned that the outbreak could spread")?"""
    for c in children_of(trigger):
        if c.dep_ in ("ccomp", "xcomp") and c.lemma_.lower() in _OWN_ACTIONS:
            return True
        if c.dep_ == "prep" and c.lower_ in ("of", "about") and any(
                p.dep_ == "pobj" and p.lemma_.lower() in _OWN_ACTIONS for p in children_of(c)):
            return True
    return False


def benign_deadline(found: Match) -> bool:
    """Is ``found`` a time given ("gave X 48 hours", "until Friday") for a to-infinitive act that
    yields nothing ("to prepare its case", "to visit the plant")? Such a time is no ultimatum
    (139); with no act named ("issued an ultimatum") the ultimatum stands."""
    if found.code != "139" or "(deadline)" not in found.pattern.objects:
        return False
    heads = [found.trigger, *(c for c in children_of(found.trigger) if c.dep_ in ("dobj", "npadvmod"))]
    acts = [c for h in heads for c in children_of(h)
            if c.dep_ in ("advcl", "xcomp", "acl", "relcl") and is_to_infinitive(c)]
    if not acts:
        return False
    for act in acts:
        lemma = act.lemma_.lower()
        # the particle may be parsed as a preposition ("pull OUT of the zone")
        forms = {lemma} | {f"{lemma} {p.lower_}" for p in children_of(act) if p.dep_ in ("prt", "prep", "advmod")}
        if forms & _YIELDING_ACTS or penalty(act) is not None:
            return False  # a yielding, or any act demanded "or face" a penalty: an ultimatum
    return True


def own_counterpart(clauses: Clauses, frame: Token, inner: Match) -> bool:
    """Whether an appeal's complement names its own counterpart with 'with' ("talks WITH Y")
    and the appeal is addressed to no one else: the appealer is the other party."""
    act = inner.noun if inner.noun is not None else inner.trigger
    asked = for_clause(frame)  # "called for X to negotiate with Y": X is asked, not the appealer
    if clauses.addressee(frame) is not None or (asked is not None and asked[0].i != act.i):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "with" and any(
        p.dep_ == "pobj" and clauses.actor(p) is not None for p in children_of(c))
        for c in children_of(act))


def decided(frame: Token, inner: Match) -> bool:
    """'the cabinet decided to lift the curfew': a decision taken (not one to come, nor a
    'whether') is the act it decides."""
    return (frame.lemma_.lower() in DECIDING
            and not markers(frame) & {"future", "would", "may", "must", "neg"}
            and not marked_by(inner.trigger, {"whether", "if"}))


# The halt patterns of the lexicon (de-escalation, 087) list what is halted ("halted the
# offensive"); any act the lexicon codes as military posturing or force, halted, is as much a
# de-escalation: "stopped shelling the town", "must halt its missile launches".
HALTING = "087"
FIGHTING_ROOTS = frozenset({"15", "18", "19", "20"})


def ceased_fighting(
    verb: Token, clauses: Clauses, match: Callable[[Token, int], Match | None],
    noun_match: Callable[[Token, str], Match | None], depth: int,
) -> Match | None:
    """The act of force or posturing a halting verb halts: its gerund ("stop SHELLING the
    town") or its object noun, when that is no party ("halt the DRILLS", not "stop the rebels")."""
    for c in children_of(verb):
        if c.dep_ == "xcomp" and c.pos_ == "VERB" and c.tag_ == "VBG":
            found = match(c, depth + 1)
            if found is not None and found.code[:2] in FIGHTING_ROOTS:
                return found
        elif c.dep_ == "dobj" and c.pos_ == "NOUN" and clauses.actor(c) is None:
            found = noun_match(c, "noun")
            if found is not None and found.code[:2] in FIGHTING_ROOTS:
                return found
    return None


def asked_infinitives(frame: Token, addressee: Token) -> list[Token]:
    """'called on X | to guarantee ...', parsed as a clause of the calling verb: what X is asked
    to do, not why the call was made ("in order to", "so as to" are purposes)."""
    return [c for c in children_of(frame) if c.dep_ == "advcl" and c.pos_ == "VERB" and c.i > addressee.i
            and is_to_infinitive(c)
            and not any(m.dep_ in ("mark", "advmod") and m.lower_ in ("order", "so") for m in children_of(c))]


# Where a state's own forces stand when it shows force: an edge of its territory. Weapons sent
# TO such a place go to no recipient; they are the sender's armour massed there (CAMEO 154:
# more personnel or weapons, aimed at the country across the edge), not aid (072).
FORCE_EDGES = frozenset({"border", "frontier", "boundary"})
EDGE_PREPS = frozenset({"to", "toward", "towards", "along", "near"})


def posture_sense(found: Match) -> Match:
    """Military aid (072) whose weapons are sent to a border or frontier ("sent tanks to the
    frontier with Syria", "to its border") is the sender mobilizing its own forces (154)."""
    if found.code != "072" or found.pattern.kind != "verb":
        return found
    heads = [found.trigger, *([found.obj] if found.obj is not None else [])]
    to_edge = any(c.dep_ in ("prep", "dative") and c.lower_ in EDGE_PREPS and any(
        p.dep_ == "pobj" and p.lemma_.lower() in FORCE_EDGES for p in children_of(c))
        for h in heads for c in children_of(h))
    if not to_edge:
        return found
    return replace(found, code="154", base="154", rule=found.rule + "+posture")


# Verbs of ordering: only an order moves one's own forces ("urged its troops to leave" does not);
# the enacting frames, and "tell", which enacts nothing elsewhere but gives orders to troops.
_ORDERING = ENACTING | {"tell"}
# Possessives by which a doer names the forces it moves as its own ("ordered ITS troops out").
_OWN_POSSESSIVES = frozenset({"its", "their", "his", "her", "our"})


def own_forces_sense(found: Match, clauses: Clauses) -> Match:
    """Forces ordered out of a place (1056: a demand that a target de-escalate) that are the
    doer's own ("ordered ITS troops out", "the U.S. president ordered U.S. troops out of Syria")
    are withdrawn by the doer (0874), who demands nothing of anyone; others' forces ordered out
    ("the junta ordered French troops out") stay a demand."""
    if found.code != "1056" or found.obj is None or (
            found.pattern.kind != "verb" and found.trigger.lemma_.lower() not in _ORDERING):
        return found  # a verb ("ordered out") or an order's frame ("ordered ... to leave")
    obj = found.obj
    own = any(c.dep_ == "poss" and c.lower_ in _OWN_POSSESSIVES for c in children_of(obj))
    if not own:
        forces = clauses.actor(obj)
        doers, _ = clauses.subjects(found.trigger)
        doer = next((a for d in doers if (a := clauses.actor(d, as_source=True)) is not None), None)
        own = (forces is not None and doer is not None and forces.country is not None
               and (doer.kind == "state" or doer.sector in ("GOV", "MIL"))  # who commands forces
               and forces.country == doer.country  # each stated, not the story's by default
               and NO_NATIONALITY not in forces.reason and NO_NATIONALITY not in doer.reason)
    if not own:
        return found
    return replace(found, code="0874", base="0874", rule=found.rule + "+own-forces")


# Verbs by which craft move through another's sky or sea: with military craft as their
# subject or object, a show of force (150).
FLYING_VERBS = frozenset({"fly", "overfly", "circle", "buzz", "sail", "send", "dispatch", "scramble"})
# Where craft are shown rather than delivered: over, near or into a place (a recipient takes aid 'to').
SHOWING_PREPS = frozenset({"over", "near", "into", "through", "across", "around", "along", "off", "past"})
SHOW_OF_FORCE = "150"
# Where craft pass rather than stay: a deployment (154) stations forces in or near a place.
PASSING_PREPS = frozenset({"over", "through", "across", "past"})


def military_craft(noun: Token | None) -> bool:
    """Whether ``noun`` (or its first conjunct) names military aircraft or warships: a listed
    head ("warplanes", "F-16 jets"), or a generic one with a military modifier ("military
    aircraft", "air force planes")."""
    if noun is None:
        return False
    lemma, word = noun.lemma_.lower(), noun.lower_
    if lemma in MILITARY_CRAFT or word in MILITARY_CRAFT:
        return True
    return lemma in GENERIC_CRAFT and any(
        c.dep_ in ("compound", "amod") and c.lower_ in MILITARY_CRAFT_MODIFIERS for c in children_of(noun))


GENERIC_CRAFT = frozenset({"aircraft", "plane", "airplane", "helicopter", "drone", "vessel", "ship", "boat"})


def craft_subject(verb: Token) -> Token | None:
    return next((c for c in children_of(verb) if c.dep_ == "nsubj"), None)


def craft_sense(found: Match) -> Match:
    """Military craft flown or sailed over, near or into a place show force (150): "Chinese
    warplanes flew into Taiwan's air defence zone" is no visit (042), "sent 25 warplanes into
    the zone" no military aid (072), which hands craft to a recipient."""
    trigger = found.trigger
    if found.pattern.kind != "verb" or trigger.lemma_.lower() not in FLYING_VERBS:
        return found
    if found.code == "042" and military_craft(craft_subject(trigger)):
        return replace(found, code=SHOW_OF_FORCE, base=SHOW_OF_FORCE, rule=found.rule + "+show-of-force")
    if found.code == "072" and military_craft(found.obj) and any(
            c.dep_ == "prep" and c.lower_ in SHOWING_PREPS for c in children_of(trigger)):
        return replace(found, code=SHOW_OF_FORCE, base=SHOW_OF_FORCE, rule=found.rule + "+show-of-force")
    if found.code == "154" and military_craft(found.obj) and any(
            c.dep_ == "prep" and c.lower_ in PASSING_PREPS for c in children_of(trigger)):
        # "sent bombers over the Sea of Japan": craft passing by, no forces added anywhere
        return replace(found, code=SHOW_OF_FORCE, base=SHOW_OF_FORCE, rule=found.rule + "+show-of-force")
    return found


# A restriction's verbs ("blocked access to X") that cut a state or border (163, 191) unless
# what is cut off is a website or medium (censored_media).
ACCESS_CODES = frozenset({"16", "17", "19"})
FREE_EXPRESSION = "1721"


def media_access_sense(found: Match) -> Match:
    """Access to websites or media blocked or restricted ("blocked access to Wikipedia",
    "access to Facebook was restricted") curbs free expression (1721), not a sanction (163)
    or a closed crossing (191)."""
    obj = found.obj
    if found.code[:2] not in ACCESS_CODES or found.code == FREE_EXPRESSION or obj is None:
        return found
    if obj.lemma_.lower() != "access":
        return found
    reached = [p for c in children_of(obj) if c.dep_ == "prep" and c.lower_ == "to"
               for p in children_of(c) if p.dep_ == "pobj"]
    reached += [k for p in reached for k in p.conjuncts]
    if not any(p.lemma_.lower() in CENSORED_MEDIA or p.lower_ in CENSORED_MEDIA for p in reached):
        return found
    return replace(found, code=FREE_EXPRESSION, base=FREE_EXPRESSION, rule=found.rule + "+media")


def flight_without_craft(found: Match) -> bool:
    """A flight over or near a place (a posture pattern naming no craft: "flew over the
    Baltic") whose subject is no military craft: "the president flew over the flooded
    region" shows no force."""
    trigger = found.trigger
    return (found.code == SHOW_OF_FORCE and found.pattern.kind == "verb" and not found.pattern.objects
            and trigger.lemma_.lower() in FLYING_VERBS and not military_craft(craft_subject(trigger))
            and not military_craft(found.obj))


# Talks said to be stuck (the lexicon's 'r01.w.talks' rows: "had made no progress", "remained
# deadlocked", "have stalled") are the speaker's pessimistic comment (012), whose target is the
# talks' other party; said of anything else ("the offensive stalled", "the firm made no
# progress") or told by no one, they are no event.
STUCK_TALKS_ROWS = "r01.w.talks."
NEGOTIATION_NOUNS = frozenset({
    "talk", "talks", "negotiation", "negotiations", "dialogue", "process", "diplomacy", "mediation",
    "discussion", "discussions", "consultation", "consultations", "effort", "efforts", "round",
})
# What makes 'progress' none at all: "made NO progress", "LITTLE headway".
NONE_WORDS = frozenset({"no", "little", "scant", "scarcely", "hardly", "barely", "zero", "not"})


def stuck_talks(found: Match, clauses: Clauses) -> Match | None:
    """For a stuck-talks row: the match moved to the speech verb that tells of the talks ('X
    SAID the talks had stalled'), with the talks as its object, or None when the row's words
    are no such comment. Any other match comes back as it is."""
    if not found.pattern.id.startswith(STUCK_TALKS_ROWS):
        return found
    trigger = found.trigger
    clause = trigger.head if trigger.dep_ in ("acomp", "xcomp") else trigger
    talks = next((c for c in children_of(clause) if c.dep_ in ("nsubj", "nsubjpass")), None)
    if talks is None or talks.lemma_.lower() not in NEGOTIATION_NOUNS:
        return None
    if found.pattern.id.endswith(".progress"):
        got = found.obj
        nothing = any(c.dep_ == "neg" for c in children_of(trigger)) or (got is not None and any(
            c.dep_ in ("det", "amod", "advmod") and c.lower_ in NONE_WORDS for c in got.subtree))
        if not nothing:
            return None  # "the talks made progress": no pessimism
    speech = clauses.speech_head(clause)
    if speech is None:
        return None
    return replace(found, trigger=speech, obj=talks, rule=found.rule + "+stuck-talks")


# Verbs that make known a deed already done: their object noun ("confirmed THE DETENTION of two
# journalists", "detailed THE TORTURE of protesters by police") is that deed, reported.
# A labour strike (143) is a walkout; a strike by a state or its forces, by a weapon or on a
# place is an attack (outcomes.STRIKE_WEAPONS). Words that make it a walkout whoever calls it:
LABOUR_STRIKE_WORDS = frozenset({
    "general", "national", "nationwide", "labour", "labor", "worker", "workers", "teacher",
    "teachers", "rail", "transport", "hunger", "indefinite", "warning", "token", "sympathy",
    "wildcat", "doctor", "doctors", "nurse", "nurses", "union", "day", "hour", "week",
})
STRIKING_ROOT = "143"
AIR_STRIKE = "195"


def armed_strike_sense(found: Match, clauses: Clauses) -> Match:
    """A labour strike (143) whose strike is an attack ("Israel launched strikes on Gaza",
    "Russia began new missile strikes") is a use of force, coded by the weapon that names it
    (195 from the air, 194 artillery and rockets), else as the lexicon's bare military strikes
    (195): a strike named by a weapon, aimed 'on' a place or thing, or called by a state or
    its forces, with no word of a walkout on it."""
    noun = found.obj
    if found.code != STRIKING_ROOT or noun is None or noun.lemma_.lower() != "strike":
        return found
    mods = {c.lemma_.lower() for c in children_of(noun) if c.dep_ in ("compound", "amod", "nummod", "npadvmod")}
    if mods & LABOUR_STRIKE_WORDS or any("-" in m for m in mods):  # "a 48-hour strike"
        return found
    armed = bool(mods & STRIKE_WEAPONS) or any(
        c.dep_ == "prep" and c.lower_ == "on" and any(
            p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME") for p in children_of(c))
        for c in children_of(noun))
    if not armed:
        doers, _ = clauses.subjects(found.trigger)
        parties = [clauses.actor(d, as_source=True) for d in doers]
        parties += [clauses.actor(c) for c in children_of(noun) if c.dep_ == "poss"]
        armed = any(a is not None and a.kind == "state" and a.sector in (None, "MIL", "GOV") for a in parties)
    if not armed:
        return found
    # strikes of no named means are the lexicon's strikes launched on a place, from the air
    code = means_code(noun) if mods & STRIKE_WEAPONS else AIR_STRIKE
    return replace(found, code=code, base=code, rule=found.rule + "+armed-strike")


THREATENED_FORCE = "138"
THREATENED_DISSENT = "133"


def walkout_threat(found: Match, clauses: Clauses) -> Match:
    """A strike threatened by unions, doctors or other civilians ("Kenyan doctors threatened a
    strike over pay") is a threat of dissent (133), not of military force (138), unless a
    weapon or an 'on' target makes it an attack ("threatened a strike on Iran's nuclear sites")."""
    noun = found.obj
    if not found.code.startswith(THREATENED_FORCE) or noun is None or noun.lemma_.lower() != "strike":
        return found
    mods = {c.lemma_.lower() for c in children_of(noun) if c.dep_ in ("compound", "amod", "nummod")}
    if mods & STRIKE_WEAPONS or any(c.dep_ == "prep" and c.lower_ == "on" for c in children_of(noun)):
        return found
    doers, _ = clauses.subjects(found.trigger)
    parties = [a for d in doers if (a := clauses.actor(d, as_source=True)) is not None]
    if not parties or not all(a.sector in WALKOUT_SECTORS for a in parties):
        return found
    return replace(found, code=THREATENED_DISSENT, base=THREATENED_DISSENT, rule=found.rule + "+walkout")
