"""Outcomes: a violent event told by what it did, with the event noun as the subject.

"The shelling killed ten", "fighting between X and Y left 12 dead", "Russia's strikes on
power plants left millions without electricity", "drone strikes damaged a refinery": the verb
tells the outcome, the noun the act. CAMEO codes the act by its doer and its means and whom it
hit, not by its outcome, so such a verb reports the noun's attack (never a withdrawal or a
seizure of property), done by the noun's parties to whom the verb names. A fight between two
sides names no single doer of its victims, who keep an unknown one.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from dyadwatch.actors.cues import FOCUS_GUESS
from dyadwatch.actors.resolve import cameo_actor_code, coordinated
from dyadwatch.events.arguments import event_gerund
from dyadwatch.knowledge.words import STATE_STRIKE_NOUNS, WEAPON_CODES
from dyadwatch.nlp.tree import children as children_of

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dyadwatch.events.clauses import Clauses
    from dyadwatch.events.match import Match
    from dyadwatch.records import Actor

# Verbs that tell what a violent act did ("the shelling KILLED ten", "air strikes LEFT the city
# without power", "the raid DESTROYED a camp"): with a violent event as their subject, they report
# that act, done by the event's parties to the people or things they name (CAMEO codes the act
# by its doer and means, and whom it hit, not by its outcome).
RESULT_VERBS = frozenset({
    "kill", "leave", "wound", "injure", "destroy", "damage", "displace", "force", "cause", "hit",
    "flatten", "raze", "level", "claim", "devastate", "ravage", "cut", "knock", "wreck",
})
# Event nouns (and gerunds) of violence that may be the subject of such a verb.
VIOLENT_EVENTS = frozenset({
    "fighting", "fight", "clash", "skirmish", "battle", "gunbattle", "firefight", "gunfight",
    "shootout", "shelling", "bombardment", "barrage", "airstrike", "strike", "raid", "ambush",
    "offensive", "attack", "assault", "bombing", "explosion", "blast", "incursion", "invasion",
    "onslaught", "crossfire", "gunfire", "hostility", "hostilities", "combat", "violence", "shoot",
    "shell", "bomb", "fire",
})
# Lemmas of the list that name an act only as a gerund ("SHELLING killed ten"): as nouns they
# are weapons ("shells hit the district"), whose code violence.py reads.
GERUND_ONLY = frozenset({"shell", "bomb", "shoot"})
# A strike is also a walkout, and fire a blaze: a strike is an attack when a weapon names it
# ("air strikes", "drone strikes"), when it is aimed 'on' or 'against' a thing or place, or
# when it killed or wounded; fire only when a weapon names it ("tank fire", "sniper fire").
STRIKE_WEAPONS = frozenset({
    "air", "drone", "missile", "rocket", "artillery", "military", "precision", "retaliatory",
    "aerial", "naval", "mortar", "cruise", "ballistic", "helicopter", "jet", "warplane", "tank",
    "sniper", "gun", "machine", "cannon", "gunship",
})
AMBIGUOUS_EVENTS = frozenset({"strike", "fire"})
# Event nouns of two sides fighting each other, whose 'with' phrase names the other side.
MUTUAL_NOUNS = frozenset({
    "fighting", "fight", "clash", "skirmish", "battle", "gunbattle", "firefight", "gunfight",
})
# The code of an attack by the means its noun or the noun's modifier names (CAMEO 183
# bombings, 194 artillery and rockets, 195 aerial weapons), beside the weapons of violence.py.
EVENT_MEANS: dict[str, str] = {
    **WEAPON_CODES, "air": "195", "aerial": "195", "shelling": "194", "bombardment": "194",
    "bombing": "183",
}
# Outcomes only an attack has: whatever killed or wrecked is no walkout.
HARMING_VERBS = frozenset({"kill", "wound", "injure", "destroy", "damage", "flatten", "raze", "wreck"})


def event_subject(match: Match) -> Token | None:
    """The violent event a verb of its outcome has as its subject ("the SHELLING killed
    ten", "FIGHTING between X and Y left 12 dead", "Russia's STRIKES on power plants left
    millions without electricity"), or None."""
    verb = match.trigger
    if match.pattern.kind != "verb" or verb.pos_ != "VERB" or verb.lemma_.lower() not in RESULT_VERBS:
        return None
    subject = next((c for c in children_of(verb) if c.dep_ in ("nsubj", "csubj")), None)
    if subject is None and verb.dep_ == "advcl" and verb.tag_ == "VBG":
        # "fighting erupted between X and Y, KILLING 15": the participle's doer is its clause's
        subject = next((c for c in children_of(verb.head) if c.dep_ in ("nsubj", "csubj")), None)
    if subject is None or subject.lemma_.lower() not in VIOLENT_EVENTS:
        return None
    if subject.pos_ == "VERB" and not event_gerund(subject):
        return None
    if subject.pos_ == "NOUN" and subject.lemma_.lower() in GERUND_ONLY:
        return None
    if subject.pos_ not in ("NOUN", "VERB"):
        return None
    if subject.lemma_.lower() in AMBIGUOUS_EVENTS and not _armed(subject, verb):
        return None  # "a general strike left commuters stranded", "the fire destroyed homes"
    return subject


def event_sides(clauses: Clauses, event: Token) -> list[Token]:
    """The parties a violent event noun names: its owner, 'by' or 'between' phrase (on the noun,
    or on the verb it is the subject of: "fighting erupted BETWEEN X and Y") or the names before
    it (each conjunct), the other side of a fight 'with' someone ("clashes WITH Y"), else the
    doer named in a modifier of its weapon ("HOUTHI missile strikes")."""
    sides = [t for h in clauses.noun_sources(event) for t in coordinated(h)]
    if not sides and event.dep_ == "nsubj":  # "fighting erupted BETWEEN X and Y": on its verb
        sides = [t for c in children_of(event.head) if c.dep_ == "prep" and c.lower_ == "between"
                 for p in children_of(c) if p.dep_ == "pobj" for t in coordinated(p)]
    if event.lemma_.lower() in MUTUAL_NOUNS:
        sides += [p for c in children_of(event) if c.dep_ == "prep" and c.lower_ == "with"
                  for p in children_of(c) if p.dep_ == "pobj"]
    if not sides and clauses.actor(event, as_source=True) is None:
        sides = [m for m in event.subtree if m.i < event.i and m.dep_ in ("compound", "amod", "poss")
                 and clauses.actor(m, as_source=True) is not None][:1]
    return sides


def struck_place(clauses: Clauses, match: Match, event: Token | None, targets: list[Actor]) -> list[Actor]:
    """'Russia's missile attack ON KYIV killed five civilians': victims given no nationality
    but the country the article is mostly about are the people of the place the attack
    struck ('on', 'at', 'against', 'the bombardment OF Gaza') or happened in ('in'), when
    that place is named."""
    guessed = [t for t in targets if t.sector is not None and FOCUS_GUESS in t.reason]
    if not guessed:
        return targets
    place: Actor | None = None
    for head in (event, match.noun, match.trigger):
        for prep in children_of(head) if head is not None else ():
            if prep.dep_ != "prep" or prep.lower_ not in ("on", "at", "against", "in", "of"):
                continue
            for p in children_of(prep):
                found = clauses.actor(p) if p.dep_ == "pobj" and p.ent_type_ == "GPE" else None
                if place is None and found is not None and found.country and FOCUS_GUESS not in found.reason:
                    place = found
    if place is None or place.country is None:
        return targets
    country = place.country
    return [replace(t, country=country, cameo_code=cameo_actor_code(country, t.sector),
                    reason=t.reason.split(FOCUS_GUESS)[0] + f"; struck in '{place.text}' -> {country}")
            if t in guessed and t.country != country else t for t in targets]


def left_in_state(match: Match) -> bool:
    """'left X dead', 'left X injured', 'left X without power', 'left X homeless': 'leave' with
    a state its object is left in tells what something did to X, not that anyone withdrew."""
    verb = match.trigger
    if verb.lemma_.lower() != "leave" or match.code[:2] != "08":
        return False
    obj = next((c for c in children_of(verb) if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    for c in children_of(verb):
        if c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "without"):
            return True
        if c.dep_ in ("ccomp", "xcomp") and not any(d.dep_ == "aux" and d.lower_ == "to" for d in children_of(c)):
            return True  # "left 20 people injured"; not "left the city to regroup"
    return any(c.dep_ in ("acl", "amod") and c.i > obj.i and c.tag_ in ("VBN", "JJ") for c in children_of(obj))


def means_code(noun: Token) -> str:
    """The code of the attack a violent event noun names by its means (``EVENT_MEANS``): its
    modifiers first ("DRONE strikes", "MISSILE attack"), then the noun ("SHELLING"); 190, the
    use of unspecified force, when it names none."""
    for c in children_of(noun):
        if c.dep_ in ("compound", "amod") and c.i < noun.i and c.lemma_.lower() in EVENT_MEANS:
            return EVENT_MEANS[c.lemma_.lower()]
    return EVENT_MEANS.get(noun.lemma_.lower(), "190")


def _armed(noun: Token, verb: Token) -> bool:
    """Whether a 'strike' is an attack, not a walkout, and 'fire' weapon fire, not a blaze (see
    ``STRIKE_WEAPONS``)."""
    if any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in STRIKE_WEAPONS for c in children_of(noun)):
        return True
    if noun.lemma_.lower() == "fire":
        return False
    if verb.lemma_.lower() in HARMING_VERBS:
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("on", "against") and any(
        p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME") for p in children_of(c)) for c in children_of(noun))


def striking_forces(actors: list[Actor], side: Token, event: Token) -> list[Actor]:
    """'A U.S. drone strike killed ...', 'Israel's air strikes killed ...': a state named only
    as whose air or artillery strike it was (a modifier or owner inside the noun's phrase) is
    its military, which delivers such strikes. An armed group keeps its own sector."""
    if event.lemma_.lower() not in STATE_STRIKE_NOUNS or not event.left_edge.i <= side.i < event.i:
        return actors
    return [a.with_sector("MIL", f"a state's '{event.text}'")
            if a.kind == "state" and a.sector is None and a.country and not a.unknown else a for a in actors]

