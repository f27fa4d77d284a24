"""Violence: the CAMEO code of a violent act from who does it, to whom, and with what.

The lexicon names the act ("killed", "opened fire on", "struck"); CAMEO splits the same act by
its parties and means. From the CAMEO category definitions:

- the weapon that does it, when the weapon is the clause's subject ("a roadside bomb struck a
  patrol" is a roadside bombing, 1833; "rockets hit the city" artillery and rocket fire, 194;
  "jets struck" an air attack, 195; a nerve agent or a nuclear device, 2041 and 2042);
- killing large numbers of defenceless people is mass killing (202), not combat (190);
- killing a politically prominent person is assassination (186);
- police or troops using force on protesters is violent repression (175), not a battle;
- a lone gunman or attacker turning on civilians is unconventional violence (180), since
  fighting (19) is what organised armed forces do.

Each rule reads the parse only (the subject, the victim and its quantity); it never widens
what counts as violence, it only picks the code among the violent roots.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# Codes a rule may replace: the generic and weapon codes of violent acts, and damage to property
# done by a weapon ("a car bomb tore through a market"). Abduction, blockade, occupation and
# ceasefire violations say something no rule here knows better.
_REFINABLE = frozenset({
    "171", "1712", "180", "182", "1823", "183", "190", "193", "194", "195",
})
_KILLING = frozenset({"kill", "murder", "slay", "massacre", "slaughter", "execute"})
# 'shoot' and 'gun' kill only with "dead", "down" or "to death"
_SHOOTING = frozenset({"shoot", "gun", "stab", "hack", "beat"})

# What a weapon subject makes of the act, by the subject's head lemma.
_WEAPONS: dict[str, str] = {
    "bomb": "183", "explosive": "183", "device": "183", "ied": "183", "blast": "183",
    "explosion": "183", "grenade": "183", "landmine": "183", "mine": "183",
    "rocket": "194", "missile": "194", "shell": "194", "artillery": "194", "tank": "194",
    "howitzer": "194", "barrage": "194", "salvo": "194", "mortar": "193",
    "jet": "195", "warplane": "195", "aircraft": "195", "plane": "195", "helicopter": "195",
    "gunship": "195", "drone": "195", "airstrike": "195",
}
# A modifier of a bomb that names the kind of bombing.
_BOMB_KINDS: dict[str, str] = {
    "car": "1832", "truck": "1832", "lorry": "1832", "vehicle": "1832", "motorcycle": "1832",
    "bus": "1832", "roadside": "1833", "suicide": "1831",
}
_CHEMICAL = frozenset({
    "chemical", "nerve", "sarin", "chlorine", "mustard", "toxic", "poison", "biological",
    "vx", "anthrax",
})
_NUCLEAR = frozenset({"nuclear", "atomic"})

# Victims who take no part in fighting: many of them killed is mass killing.
_CIVILIANS = frozenset({
    "civilian", "villager", "people", "person", "resident", "inhabitant", "worshipper",
    "worshiper", "student", "schoolchild", "child", "woman", "man", "refugee", "pilgrim",
    "passenger", "shopper", "family", "farmer", "fisherman", "herder", "mourner", "concertgoer",
    "citizen", "patient", "migrant", "displaced", "tribesman", "muslim", "christian", "jew",
    "hindu", "spectator", "voter",
})
# A quantity noun whose 'of' phrase names what is counted ("hundreds of civilians").
_QUANTITIES = frozenset({
    "hundred", "hundreds", "thousand", "thousands", "ten", "tens", "million", "millions", "score",
    "scores", "dozen", "dozens",
})
_BIG_WORDS = frozenset({"hundred", "hundreds", "thousand", "thousands", "million", "millions", "tens"})
# Mass killing: CAMEO gives no number; a hundred dead or more is a massacre in ordinary usage,
# while a few dozen is the toll of one attack.
MASS_KILLING = 100
# Politically prominent people: killing one is an assassination.
_PROMINENT = frozenset({
    "president", "minister", "premier", "chancellor", "mayor", "governor", "senator",
    "lawmaker", "legislator", "mp", "parliamentarian", "congressman", "congresswoman",
    "king", "queen", "prince", "emir", "sultan", "ambassador", "envoy", "leader", "candidate",
    "judge", "prosecutor", "politician", "speaker", "chairman", "head", "vice-president",
})
# Those who put down dissent, and the dissenters.
_SECURITY = frozenset({
    "police", "policeman", "policemen", "officer", "security", "force", "soldier", "troop",
    "army", "guard", "gendarme", "gendarmerie", "riot",
})
_DISSENT = frozenset({
    "protester", "protestor", "demonstrator", "marcher", "crowd", "procession", "mourner",
    "rally", "sit-in", "striker", "dissident", "rioter", "picket",
})
_DISSENT_VERBS = frozenset({"protest", "demonstrate", "march", "rally", "strike", "riot"})
# Lone attackers: not the organised armed forces of conventional fighting.
_ASSAILANTS = frozenset({
    "gunman", "gunmen", "attacker", "assailant", "knifeman", "shooter", "mob",
})
# Private people going about their day: a blockade (191) or an advance into a place (192) is
# an act of armed or state forces, so "workers sealed off the street" or "shoppers pushed into
# the market" is no event. Protesters who block a road are coded by the protest rows.
_PRIVATE_DOERS = frozenset({
    "worker", "shopper", "resident", "villager", "fan", "supporter", "driver", "tourist",
    "customer", "passenger", "farmer", "engineer", "crew", "firefighter", "rescuer", "volunteer",
    "visitor", "spectator", "commuter", "motorist", "player", "team", "buyer", "investor",
    "trader", "company", "firm", "bank", "utility", "contractor", "builder",
})
_MOVEMENT_CODES = frozenset({"191", "192"})
_NUMBER = re.compile(r"[\d,.]+")


def refine_violence(code: str, verb: Token, victim: Token | None) -> tuple[str, str] | None:
    """(code, reason) of the violent act ``verb`` with the victim ``victim`` (its direct
    object, passive subject or 'on/at' object) by the rules of the module, or None when none
    applies or ``code`` is not one the rules refine."""
    if code not in _REFINABLE:
        return None
    subject = _subject(verb)
    victims = _victims(verb, victim)
    if subject is not None and (weapon := _weapon(subject)) is not None:
        return (weapon, "weapon") if weapon != code else None
    killing = _kills(verb, victim)
    if killing and victims:
        counted, many = victims[0]
        if many and _lemma(counted, _CIVILIANS) in _CIVILIANS and not _by_weapon(verb):
            return "202", "mass-killing"
        if any(_prominent(v) for v, _ in victims):
            return "186", "prominent-victim"
    if subject is not None and _is_security(subject) and any(_dissent(v) for v, _ in victims):
        return "175", "repression"
    if (subject is not None and _lemma(subject, _ASSAILANTS) in _ASSAILANTS and code in ("190", "193")
            and victims and all(_lemma(v, _CIVILIANS) in _CIVILIANS for v, _ in victims)):
        return "180", "assailant"
    return None


def private_doer(code: str, verb: Token) -> bool:
    """Whether ``verb``, matched as a blockade or an advance, is done by private people, for
    whom it is no military act ("workers sealed off the street")."""
    if code not in _MOVEMENT_CODES:
        return False
    subject = _subject(verb)
    return subject is not None and _lemma(subject, _PRIVATE_DOERS) in _PRIVATE_DOERS


def _subject(verb: Token) -> Token | None:
    """The doer: the subject, the agent of a passive, or the subject of the verb a bare
    coordinated verb shares ("attacked and burned")."""
    node = verb
    for _ in range(3):
        for c in node.children:
            if c.dep_ == "nsubj":
                return c
            if c.dep_ == "agent":
                return next((p for p in c.children if p.dep_ == "pobj"), None)
        if node.dep_ != "conj" or any(c.dep_ == "nsubjpass" for c in node.children):
            return None
        node = node.head
    return None


def _victims(verb: Token, victim: Token | None) -> list[tuple[Token, bool]]:
    """(counted noun, whether a hundred or more) of each victim: the object and its
    conjuncts, or the objects of 'on' and 'at' ("opened fire on X", "shot at X")."""
    heads: list[Token] = []
    if victim is not None:
        heads.append(victim)
    else:
        heads.extend(p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "at", "upon")
                     for p in c.children if p.dep_ == "pobj")
    heads.extend(c for h in list(heads) for c in h.children if c.dep_ == "conj" and c.pos_ == "NOUN")
    return [_counted(h) for h in heads]


def _counted(noun: Token) -> tuple[Token, bool]:
    """What a noun counts and whether there are a hundred or more: "hundreds of civilians",
    "tens of thousands of people", "some 160 villagers", "more than a hundred people"."""
    many = False
    for _ in range(4):
        lemma = noun.lemma_.lower()
        of = next((p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                   for p in c.children if p.dep_ == "pobj"), None)
        if lemma in _QUANTITIES and of is not None:
            many = many or lemma in _BIG_WORDS
            noun = of
            continue
        break
    for c in noun.children:
        if c.dep_ == "nummod":
            many = many or _at_least(c, MASS_KILLING)
    return noun, many


def _at_least(number: Token, least: int) -> bool:
    words = {number.lower_} | {c.lower_ for c in number.children if c.dep_ in ("compound", "quantmod")}
    if words & _BIG_WORDS:
        return True
    if _NUMBER.fullmatch(number.text):
        try:
            return float(number.text.replace(",", "")) >= least
        except ValueError:
            return False
    return False


def _kills(verb: Token, victim: Token | None) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in _KILLING:
        return True
    if lemma not in _SHOOTING:
        return False
    # the parser hangs "dead" on the verb or, in "shot dead the minister", on the victim
    for c in [*verb.children, *(victim.children if victim is not None else ())]:
        if c.lower_ in ("dead", "down") and c.dep_ in ("advmod", "oprd", "acomp", "prt", "xcomp", "amod"):
            return True
        if c.dep_ == "prep" and c.lower_ == "to" and any(p.lower_ == "death" for p in c.children):
            return True
    return False


def _by_weapon(verb: Token) -> bool:
    """A killing done 'in' or 'by' a weapon's attack: the weapon's code is the event's."""
    return any(c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by", "with") and any(
        _weapon(p) is not None for p in c.children if p.dep_ == "pobj") for c in verb.children)


def _weapon(noun: Token) -> str | None:
    """The code of the attack a weapon noun does, its modifiers and 'carrying ...' clause
    included: a chemical or nuclear charge outranks the rocket that carries it."""
    words = {t.lemma_.lower() for t in noun.subtree}
    lemma = _lemma(noun, _WEAPONS)
    if lemma == "bomber":  # a suicide bomber; a bomber alone is an aircraft
        return "1831" if "suicide" in words else "195"
    if lemma not in _WEAPONS:
        return None
    if words & _CHEMICAL:
        return "2041"
    if words & _NUCLEAR:
        return "2042"
    code = _WEAPONS[lemma]
    if code == "183":
        mods = {c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod")}
        for mod, kind in _BOMB_KINDS.items():
            if mod in mods:
                return kind
    return code


def _lemma(noun: Token, table: dict[str, str] | frozenset[str]) -> str:
    """A noun's lemma as the tables spell it: a capitalised plural ("Rockets" opening a
    sentence) keeps its form as its lemma."""
    lemma = noun.lemma_.lower()
    if lemma not in table and lemma.endswith("s") and lemma[:-1] in table:
        return lemma[:-1]
    return lemma


def _prominent(noun: Token) -> bool:
    words = {noun.lemma_.lower()} | {c.lemma_.lower() for c in noun.children if c.dep_ == "compound"}
    if noun.lemma_.lower() == "head" and not any(c.dep_ == "prep" for c in noun.children):
        return False  # "a head of cattle"; "the head of the council" is prominent
    return bool(words & _PROMINENT)


def _is_security(noun: Token) -> bool:
    words = {noun.lemma_.lower()} | {c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod")}
    if noun.lemma_.lower() == "force":
        return "security" in words or "riot" in words
    return bool(words & _SECURITY)


def _dissent(noun: Token) -> bool:
    if noun.lemma_.lower() in _DISSENT:
        return True
    return any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in _DISSENT_VERBS for c in noun.children)
