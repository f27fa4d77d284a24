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

Each rule reads the parse only (the subject, or for a passive without agent the subject of the
clause that tells the act it was part of; the victim and its quantity); it never widens
what counts as violence, it only picks the code among the violent roots.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dyadwatch.events.duplicates import VIOLENT_ROOTS
from dyadwatch.events.subjects import told_with
from dyadwatch.knowledge.words import (
    ARMED_SIDES,
    ASSAILANTS,
    ASSAULTED_PREPS,
    BOMB_KIND_CODES,
    CHEMICAL_WORDS,
    COUNT_NOUNS,
    DISSENT_VERBS,
    DISSENT_WORDS,
    HUNDREDS_WORDS,
    KILLING_VERBS,
    MOVEMENT_CODES,
    NONCOMBATANTS,
    NUCLEAR_WORDS,
    PICTURE_AND_PLAY_DOERS,
    PRIVATE_DOERS,
    PROMINENT_TITLES,
    REFINABLE_VIOLENCE,
    SECURITY_WORDS,
    SHOOTING_VERBS,
    WEAPON_CODES,
)
from dyadwatch.nlp.tree import children as children_of

if TYPE_CHECKING:
    from spacy.tokens import Token

# Mass killing: CAMEO gives no number; a hundred dead or more is a massacre in ordinary usage,
# while a few dozen is the toll of one attack.
MASS_KILLING = 100
_NUMBER = re.compile(r"[\d,.]+")


def refine_violence(code: str, verb: Token, victim: Token | None) -> tuple[str, str] | None:
    """(code, reason) of the violent act ``verb`` with the victim ``victim`` (its direct
    object, passive subject or 'on/at' object) by the rules of the module, or None when none
    applies or ``code`` is not one the rules refine."""
    if code not in REFINABLE_VIOLENCE:
        return None
    subject = _subject(verb)
    victims = _victims(verb, victim)
    if subject is not None and (weapon := _weapon(subject)) is not None:
        return (weapon, "weapon") if weapon != code else None
    killing = _kills(verb, victim)
    # a passive told as part of another act is done by that act's doer ("two demonstrators were
    # killed when security forces opened fire"): for who does it, not for the weapon
    subject = subject if subject is not None else _teller_subject(verb)
    if killing and victims:
        counted, many = victims[0]
        if many and _lemma(counted, NONCOMBATANTS) in NONCOMBATANTS and not _by_weapon(verb):
            return "202", "mass-killing"
        if any(_prominent(v) for v, _ in victims):
            return "186", "prominent-victim"
    if subject is not None and _is_security(subject) and any(_dissent(v) for v, _ in victims):
        return "175", "repression"
    if (subject is not None and _lemma(subject, ASSAILANTS) in ASSAILANTS and code in ("190", "193")
            and victims and all(_lemma(v, NONCOMBATANTS) in NONCOMBATANTS for v, _ in victims)):
        return "180", "assailant"
    return None


def private_doer(code: str, verb: Token) -> bool:
    """Whether ``verb``, matched as a blockade or an advance, is done by private people, for
    whom it is no military act ("workers sealed off the street"), or matched as a shooting or
    beating, by people who shoot pictures or balls ("the striker shot wide")."""
    if code[:2] in VIOLENT_ROOTS and verb.lemma_.lower() in SHOOTING_VERBS:
        # "the director shot the film", "the striker shot wide": a camera or a ball, no weapon
        subject = _subject(verb)
        if subject is None or _lemma(subject, PICTURE_AND_PLAY_DOERS) not in PICTURE_AND_PLAY_DOERS:
            return False
        if _lemma(subject, ARMED_SIDES) in ARMED_SIDES and verb.lemma_.lower() != "beat":
            return False  # "the Armenian side fired": a side beats as players, fires as fighters
        # "a team of gunmen shot ...": the team is its members, who carry guns
        return not any(c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" for g in children_of(c))
                       for c in children_of(subject))
    if code not in MOVEMENT_CODES:
        return False
    subject = _subject(verb)
    return subject is not None and _lemma(subject, PRIVATE_DOERS) in PRIVATE_DOERS


def _subject(verb: Token) -> Token | None:
    """The doer: the subject, the agent of a passive, or the subject of the verb a bare
    coordinated verb shares ("attacked and burned").

    Narrower than ``Subjects.subjects`` (events/subjects.py) on purpose: these rules read the
    word standing as the violent verb's own subject ("a roadside bomb", "a gunman", "riot
    police"), by its lemma and from the parse alone (see the module docstring). ``Subjects``
    looks for whoever does the act wherever the sentence says it (control, raising, a relative
    pronoun's antecedent, a 'by' phrase stray on a noun, the author of a message), asking the
    article's actors on the way; the head it finds there need not be the word that names the
    means or the kind of attacker, and it would refine codes these rules were never written for."""
    node = verb
    for _ in range(3):
        for c in children_of(node):
            if c.dep_ == "nsubj":
                return c
            if c.dep_ == "agent":
                return next((p for p in children_of(c) if p.dep_ == "pobj"), None)
        if node.dep_ != "conj" or any(c.dep_ == "nsubjpass" for c in children_of(node)):
            return None
        node = node.head
    return None


def _teller_subject(verb: Token) -> Token | None:
    """The subject of the first clause that tells the act a passive without agent was part of
    (``told_with``): "were killed when security forces opened fire": the security forces."""
    if not any(c.dep_ == "nsubjpass" for c in children_of(verb)):
        return None
    for clause in told_with(verb):
        if clause.pos_ == "VERB":
            return next((c for c in children_of(clause) if c.dep_ == "nsubj"), None)
    return None


def _victims(verb: Token, victim: Token | None) -> list[tuple[Token, bool]]:
    """(counted noun, whether a hundred or more) of each victim: the object and its
    conjuncts, or the objects of 'on' and 'at' ("opened fire on X", "shot at X")."""
    heads: list[Token] = []
    if victim is not None:
        heads.append(victim)
    else:
        heads.extend(p for c in children_of(verb) if c.dep_ == "prep" and c.lower_ in ASSAULTED_PREPS
                     for p in children_of(c) if p.dep_ == "pobj")
    heads.extend(c for h in list(heads) for c in children_of(h) if c.dep_ == "conj" and c.pos_ == "NOUN")
    return [_counted(h) for h in heads]


def _counted(noun: Token) -> tuple[Token, bool]:
    """What a noun counts and whether there are a hundred or more: "hundreds of civilians",
    "tens of thousands of people", "some 160 villagers", "more than a hundred people"."""
    many = False
    for _ in range(4):
        lemma = noun.lemma_.lower()
        of = next((p for c in children_of(noun) if c.dep_ == "prep" and c.lower_ == "of"
                   for p in children_of(c) if p.dep_ == "pobj"), None)
        if lemma in COUNT_NOUNS and of is not None:
            many = many or lemma in HUNDREDS_WORDS
            noun = of
            continue
        break
    for c in children_of(noun):
        if c.dep_ == "nummod":
            many = many or _at_least(c, MASS_KILLING)
    return noun, many


def _at_least(number: Token, least: int) -> bool:
    words = {number.lower_} | {c.lower_ for c in children_of(number) if c.dep_ in ("compound", "quantmod")}
    if words & HUNDREDS_WORDS:
        return True
    if _NUMBER.fullmatch(number.text):
        try:
            return float(number.text.replace(",", "")) >= least
        except ValueError:
            return False
    return False


def _kills(verb: Token, victim: Token | None) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in KILLING_VERBS:
        return True
    if lemma not in SHOOTING_VERBS:
        return False
    # the parser hangs "dead" on the verb or, in "shot dead the minister", on the victim
    for c in [*children_of(verb), *(children_of(victim) if victim is not None else ())]:
        if c.lower_ in ("dead", "down") and c.dep_ in ("advmod", "oprd", "acomp", "prt", "xcomp", "amod"):
            return True
        if c.dep_ == "prep" and c.lower_ == "to" and any(p.lower_ == "death" for p in children_of(c)):
            return True
    return False


def _by_weapon(verb: Token) -> bool:
    """A killing done 'in' or 'by' a weapon's attack: the weapon's code is the event's."""
    return any(c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by", "with") and any(
        _weapon(p) is not None for p in children_of(c) if p.dep_ == "pobj") for c in children_of(verb))


def _weapon(noun: Token) -> str | None:
    """The code of the attack a weapon noun does, its modifiers and 'carrying ...' clause
    included: a chemical or nuclear charge outranks the rocket that carries it."""
    words = {t.lemma_.lower() for t in noun.subtree}
    lemma = _lemma(noun, WEAPON_CODES)
    if lemma == "bomber":  # a suicide bomber; a bomber alone is an aircraft
        return "1831" if "suicide" in words else "195"
    if lemma not in WEAPON_CODES:
        return None
    if words & CHEMICAL_WORDS:
        return "2041"
    if words & NUCLEAR_WORDS:
        return "2042"
    code = WEAPON_CODES[lemma]
    if code == "183":
        mods = {c.lemma_.lower() for c in children_of(noun) if c.dep_ in ("compound", "amod")}
        for mod, kind in BOMB_KIND_CODES.items():
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
    words = {noun.lemma_.lower()} | {c.lemma_.lower() for c in children_of(noun) if c.dep_ == "compound"}
    if noun.lemma_.lower() == "head" and not any(c.dep_ == "prep" for c in children_of(noun)):
        return False  # "a head of cattle"; "the head of the council" is prominent
    return bool(words & PROMINENT_TITLES)


def _is_security(noun: Token) -> bool:
    words = {noun.lemma_.lower()} | {c.lemma_.lower() for c in children_of(noun) if c.dep_ in ("compound", "amod")}
    if noun.lemma_.lower() == "force":
        return "security" in words or "riot" in words
    return bool(words & SECURITY_WORDS)


def _dissent(noun: Token) -> bool:
    if noun.lemma_.lower() in DISSENT_WORDS:
        return True
    return any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in DISSENT_VERBS for c in children_of(noun))
