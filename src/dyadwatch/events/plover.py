"""PLOVER contexts: the contexts a clause, its actors and its article name, and the narrower
CAMEO code a context picks.

``PloverContexts`` finds the context words of a doc once (by lemma, else by form; look-ups are
kept across articles by string hash), the contexts named in a trigger's clause, the article's own
contexts (a keyword in the headline, or frequent in the text), and refines a code whose narrower
codes differ by context ("aid" in a clause about food is 073).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from dyadwatch.knowledge.words import (
    DYING_VERBS,
    MEMBER_NOUNS,
    PLOVER_ACCEPT_VERBS,
    PLOVER_CANCEL_WORDS,
    PLOVER_CONDITION_WORDS,
    PLOVER_CONFLICT_WORDS,
    PLOVER_CROWD_CONTROL,
    PLOVER_CROWD_FORCE,
    PLOVER_CROWD_NOUNS,
    PLOVER_CUT_VERBS,
    PLOVER_DEBT_WORDS,
    PLOVER_DEMAND_NOUNS,
    PLOVER_DISMISSAL_WORDS,
    PLOVER_DROP_VERBS,
    PLOVER_FIGHT_WORDS,
    PLOVER_FREEZE_VERBS,
    PLOVER_HALT_VERBS,
    PLOVER_HALT_WORDS,
    PLOVER_JOINT_WORDS,
    PLOVER_LETTER_WORDS,
    PLOVER_MEDIA_WORDS,
    PLOVER_MOVE_VERBS,
    PLOVER_MUTUAL_WORDS,
    PLOVER_PARDON_WORDS,
    PLOVER_PAYMENT_WORDS,
    PLOVER_PLACE_PREPS,
    PLOVER_PUSH_VERBS,
    PLOVER_RAID_VERBS,
    PLOVER_REBUFF_VERBS,
    PLOVER_RELIEF_WORDS,
    PLOVER_RESCUE_WORDS,
    PLOVER_SEARCH_VERBS,
    PLOVER_SERVICE_WORDS,
    PLOVER_THREAT_ARREST,
    PLOVER_THREAT_EXPEL,
    PLOVER_THREAT_RELATIONS,
    PLOVER_THREAT_RESTRICT,
    PLOVER_THREAT_TERRITORY,
    PLOVER_THREAT_VIOLENCE,
    PLOVER_TROOP_WORDS,
    PLOVER_WEAPON_WORDS,
    REFINABLE,
)
from dyadwatch.nlp.strings import token_texts
from dyadwatch.nlp.tree import children as children_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from dyadwatch.events.match import Match
    from dyadwatch.knowledge.ontology import CameoCode, Ontology
    from dyadwatch.records import Actor, Event

_WORD = re.compile(r"[a-z]+")
# Contexts that name where a matter is heard, not what it is about: a prosecutor or a court puts
# an inquiry in the "legal" context whatever it looks into. Such a context picks a narrower code
# only with the other contexts that code lists ("legal" and "military" for 094, war crimes), so
# that prosecutors probing bribery stay with the codes the matter itself picks (091), or 090.
SETTING_CONTEXTS: Final = frozenset({"legal"})
# Article-level PLOVER contexts: a keyword in the headline, or this many times in the text.
_ARTICLE_CONTEXT_MIN = 3


class PloverContexts:
    """The PLOVER contexts of one parsed article: ``contexts`` maps a keyword to its context,
    ``heads`` gives the head index of every token of ``doc``."""

    def __init__(
        self, doc: Doc, ontology: Ontology, contexts: dict[str, str], heads: Callable[[], list[int]],
        text: str, title: str,
    ) -> None:
        self.doc = doc
        self.ontology = ontology
        self.contexts = contexts
        self._heads = heads
        self._text = text
        self._title = title
        self._named: tuple[list[int], list[str]] | None = None  # see _context_words
        self._article_contexts = self._contexts_of_article()

    def refine(self, code: str, contexts: list[str]) -> str:
        """The narrower code a clause's context picks ("aid" + "food" -> 073), else the code."""
        if code not in REFINABLE:
            return code
        narrower = _narrower(self.ontology, code)
        named = frozenset(contexts)
        for ctx in contexts:
            for child in narrower:
                wanted = self.ontology.plover_for(child.code).context
                if ctx in wanted and (ctx not in SETTING_CONTEXTS or named.issuperset(wanted)):
                    return child.code
        return code

    def _contexts_of_article(self) -> list[str]:
        """PLOVER contexts of the whole article: a keyword in the headline, or frequent in the text."""
        counts: dict[str, int] = {}
        contexts = self.contexts
        for word in [w for w in _WORD.findall(self._text.lower()) if w in contexts]:  # few do
            if named := contexts[word]:
                counts[named] = counts.get(named, 0) + 1
        found = [c for c, n in counts.items() if n >= _ARTICLE_CONTEXT_MIN]
        for word in _WORD.findall(self._title.lower()):
            ctx = self.contexts.get(word)
            if ctx and ctx not in found:
                found.append(ctx)
        return found

    def clause_contexts(self, match: Match) -> list[str]:
        """PLOVER contexts named in the trigger's clause ("military cooperation": military)."""
        top = match.trigger.head if match.trigger.pos_ == "NOUN" else match.trigger
        # The doc's few words that name a context, and whether the clause holds them: a walk
        # up their heads, rather than a walk down the whole clause.
        if self._named is None:
            self._named = self._context_words()
        positions, names = self._named
        heads = self._heads()
        found: list[str] = []
        for k in range(bisect_left(positions, top.left_edge.i), bisect_left(positions, top.right_edge.i + 1)):
            node = positions[k]
            while node != top.i and heads[node] != node:
                node = heads[node]
            if node == top.i and names[k] not in found:
                found.append(names[k])
        if len(found) > 1:  # their order is the clause's (Token.subtree's, not the text's)
            found = []
            for tok in top.subtree:
                ctx = self.contexts.get(tok.lemma_.lower()) or self.contexts.get(tok.lower_)
                if ctx and ctx not in found:
                    found.append(ctx)
        return found

    def _context_words(self) -> tuple[list[int], list[str]]:
        """(positions, contexts) of the doc's tokens that name a PLOVER context, by lemma or
        else by form, in text order. Each distinct lemma and form is looked up once per article:
        a string and a dict look-up cost less than a memo of their answers across articles."""
        from spacy.attrs import LEMMA, LOWER

        doc, contexts = self.doc, self.contexts
        if len(doc) == 0:
            return [], []
        lemmas, forms = doc.to_array([LEMMA, LOWER]).T.tolist()
        # one look-up per distinct lemma and form, not per token; their texts from the memo of
        # every doc's strings (decoding them from the string store costs more)
        get = contexts.get
        distinct = list(set(lemmas))
        by_lemma = dict(zip(distinct, [get(text.lower()) for text in token_texts(doc, distinct)], strict=True))
        distinct = list(set(forms))
        by_form = dict(zip(distinct, [get(text) for text in token_texts(doc, distinct)], strict=True))
        positions = [i for i, (lemma, form) in enumerate(zip(lemmas, forms, strict=True))
                     if by_lemma[lemma] or by_form[form]]
        names = [by_lemma[lemmas[i]] or by_form[forms[i]] or "" for i in positions]  # (never "")
        return positions, names

    def of_event(self, clause: list[str], source: Actor, target: Actor | None) -> list[str]:
        """Contexts from the clause, the actors' sectors, then the article."""
        found = list(clause)
        military = (source is not None and source.sector == "MIL") or (target is not None and target.sector == "MIL")
        if military and "military" not in found:
            found.append("military")
        found += [c for c in self._article_contexts if c not in found]
        return found


@lru_cache(maxsize=1024)
def _narrower(ontology: Ontology, code: str) -> tuple[CameoCode, ...]:
    """The codes a context may refine ``code`` into (found once: the table is scanned whole)."""
    # "070 Provide aid, not specified below": its narrower codes are its siblings 071-075
    if len(code) == 3 and code.endswith("0"):
        return tuple(c for c in ontology.children(code[:2]) if c.code != code)
    return tuple(ontology.children(code))


# -- the PLOVER manual's notes on borderline reports ----------------------------------------------
# The crosswalk gives each CAMEO code one PLOVER type; the manual's "potential ambiguities" notes
# then move some reports to another type by who acts, the modality, or a word of the clause.
# docs/events.md lists every note and whether it is followed. The words the notes test are in
# data/words.yaml (the plover_* lists, each with what it is for); the code and sector sets below
# are the notes' own logic.

# Future cooperation is a promise (AGREE); a future pull-back is announced, so a concession.
_FUTURE_TYPES = {"CONSULT": "AGREE", "SUPPORT": "AGREE", "COOPERATE": "AGREE", "AID": "AGREE",
                 "RETREAT": "CONCEDE"}
_CONFLICT_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN"})
_INTO_PREPS = PLOVER_PLACE_PREPS | {"into"}  # weapons flown into a zone: a place, not a recipient
# A crowd of protesters that damages, storms or strikes riots (PROTEST 'riot': the manual's riot
# intends injury or damage); killings and bombings by anyone stay ASSAULT.
_RIOT_CODES = frozenset({"171", "1712", "190", "192"})
_RIOT = "145"  # CAMEO's violent protest, a riot: by armed men it is an assault
_IRREGULARS = frozenset({"REB", "INS", "UAF"})
_RIOTING = frozenset({"riot", "rampage", "mutiny"})
_SECURITY = frozenset({"MIL", "COP", "SPY"})
_ARMED = frozenset({"MIL", "REB", "INS", "UAF"})
# PROTEST is civilian collective action: a road, port or area blocked by the state's own forces
# or officials is a restriction on movement (COERCE 'restrict', which covers cordoning off).
_STATE = frozenset({"GOV", "MIL", "COP", "SPY", "JUD"})
# A riot is violence aimed at another group or at the authorities: a civilian group (not only
# one named as protesters) wrecking or storming what belongs to rulers, parties, police or
# parliament riots; a mob turned on other civilians stays ASSAULT.
_CIVIL_GROUPS = frozenset({"CVL", "OPP", "AGR", "LAB", "EDU"})
_AUTHORITIES = frozenset({"GOV", "PTY", "LEG", "COP", "JUD"})
# Harm to people done in the act ("killing both", "injuring five officers"): an assault on
# people, not a riot against what the authorities own ('lose' is no harm done).
_HARM_VERBS = DYING_VERBS - {"lose"}
# The manual's COERCE 'seize' is a search or a raid: the state's forces raiding or storming
# the premises of people who are not fighters, with no harm or weapon named, coerce; a raid
# on fighters, or one that kills or wounds, stays ASSAULT.
_FIGHTERS = frozenset({"MIL", "REB", "INS", "UAF", "CRM", "PRM"})
# THREATEN's mode is what is threatened; the first list a clause's words meet names it (force
# before talks: "told the envoys at talks that the army would respond" threatens violence).
# What a threat holds out hangs from its verb as an infinitive, a clause or an object, or after
# 'with' or 'of' ("threatened X with sanctions", "warned of a response"); an 'over' or 'about'
# phrase is its topic.
_THREAT_DEPS = frozenset({"xcomp", "ccomp", "dobj"})
_THREAT_PREPS = frozenset({"with", "of"})
_TOPIC_PREPS = frozenset({"over", "about"})
# Verbs by which a creditor grants debt relief rather than promising it ("agreed to forgive").
_DECIDING = frozenset({"agree", "approve", "decide", "consent"})
# Doers whose strike is a withdrawal of labour (PROTEST), never a military strike.
_LABOUR = _CIVIL_GROUPS | {"MED", "BUS"}
# A withdrawal of labour such doers threaten: the manual's THREATEN 'restrict' names strikes
# beside boycotts and blockades.
_STOPPAGES = frozenset({"strike", "strikes", "walkout", "walkouts", "stoppage", "stoppages"})
_THREAT_CONTENTS = (
    ("expel", PLOVER_THREAT_EXPEL),
    ("arrest", PLOVER_THREAT_ARREST),
    ("territory", PLOVER_THREAT_TERRITORY),
    ("restrict", PLOVER_THREAT_RESTRICT),
    ("violence", PLOVER_THREAT_VIOLENCE),
    ("relations", PLOVER_THREAT_RELATIONS),
)
# Every word of what a threat can hold out, whatever its mode.
THREAT_CONTENT_WORDS: Final = frozenset().union(*(words for _, words in _THREAT_CONTENTS))


def follow_notes(events: list[Event], doc: Doc) -> list[Event]:
    """The article's events with the PLOVER manual's borderline notes applied (CAMEO unchanged)."""
    if not events:
        return events
    from spacy.attrs import IDX

    # the token that starts at each trigger's offset, found in the offsets (not a dict of every
    # token of the article: that cost more than the notes)
    starts: list[int] = doc.to_array(IDX).tolist()

    def token_at(offset: int) -> Token | None:
        i = bisect_left(starts, offset)
        return doc[i] if i < len(starts) and starts[i] == offset else None

    # pairs of countries one of which assaults, coerces or threatens the other in this article
    fights = {frozenset((e.source.country, e.target.country)) for e in events
              if e.plover.type in _CONFLICT_TYPES and e.target is not None and e.source is not None
              and e.source.country and e.target.country and e.source.country != e.target.country}
    out: list[Event] = []
    for event in events:
        trigger = token_at(event.evidence.trigger.start)
        if trigger is None or event.source is None:  # (an event always has its trigger in the doc)
            out.append(event)
            continue
        type_, mode = _noted(event, trigger, fights)
        if (type_, mode) != (event.plover.type, event.plover.mode):
            event = replace(event, plover=replace(event.plover, type=type_, mode=mode))
        out.append(event)
    return out


def _noted(event: Event, trigger: Token, fights: set[frozenset[str]]) -> tuple[str, str | None]:
    """The (type, mode) the manual's notes give an event."""
    plover, code, source, target = event.plover, event.cameo.code, event.source, event.target
    type_, mode = plover.type, plover.mode
    if source is None:
        return type_, mode
    lemma = trigger.lemma_.lower()
    # the clause's words, read only for the types and codes whose notes below look at them
    # (a walk of the whole clause for every event cost more than the rest of the notes)
    wordy = (type_ in ("REQUEST", "RETREAT", "MOBILIZE", "THREATEN", "COERCE")
             or code in ("173", "175", "0356", "0871") or code[:3] in ("033", "035", "062", "131"))
    words: set[str] = set()
    if wordy:  # one walk of the subtree for both forms (a walk makes a token per word)
        for t in trigger.subtree:
            words.add(t.lemma_.lower())
            words.add(t.lower_)
    if event.modality == "future" and type_ in _FUTURE_TYPES:
        return _FUTURE_TYPES[type_], None
    if type_ == "REQUEST":
        halt = words & PLOVER_HALT_WORDS or (words & PLOVER_HALT_VERBS and words & PLOVER_FIGHT_WORDS)
        if halt and target is not None and _party(event, trigger, fights):
            return "AGREE", None  # a side in the fight calling to end it
        if source.sector == "JUD" and words & PLOVER_PAYMENT_WORDS:
            return "SANCTION", "convict"  # a court ordering a payment
        if words & PLOVER_DISMISSAL_WORDS:
            return type_, "change"
    if code == "173" and lemma == "sentence":
        # the manual's SANCTION 'convict' covers an entity found guilty and sentenced; the prison
        # term it adds is the secondary COERCE 'arrest' it names, so the type stays SANCTION (the
        # lexicon gives 173 only to a sentence to prison, years or death; lashes or a fine are 116)
        return "SANCTION", "convict"
    if lemma == "invite" and type_ == "REQUEST":
        return "AGREE", None  # an invitation to visit promises a meeting
    if type_ == "RETREAT" and _drops_demand(trigger):
        return "CONCEDE", None
    if type_ == "RETREAT" and lemma in ("rescue", "free", "liberate") and (
            lemma == "rescue" or (source.sector in _SECURITY and words & PLOVER_RESCUE_WORDS)):
        return "AID", None  # a rescue by force helps the captives
    if type_ == "MOBILIZE" and words & PLOVER_WEAPON_WORDS and not words & PLOVER_TROOP_WORDS and not words & PLOVER_RELIEF_WORDS:
        return type_, "weapons"
    if type_ == "ASSAULT" and mode is None and lemma == "beat":
        return type_, "beat"  # no tool named: the plain beating mode
    if type_ == "RETREAT" and (words & PLOVER_PARDON_WORDS):
        return "CONCEDE", None  # a pardon is a promise; the release itself is RETREAT
    if code == "173" and "absentia" in words:
        return "THREATEN", "arrest"  # a warrant that cannot be served yet
    if code == "173" and target is not None and source.sector in _ARMED and target.sector in _ARMED:
        return "ASSAULT", "abduct"  # combatants taken in a fight are not arrested
    if type_ == "PROTEST" and code[:3] == _RIOT and source.sector in _IRREGULARS and lemma not in _RIOTING:
        # "insurgents attacked a base and BURNED vehicles": armed men's burning is no riot; men
        # who riot ("soldiers RIOTED over unpaid wages") protest
        return "ASSAULT", None
    if type_ == "ASSAULT" and code in _RIOT_CODES and (_crowd(source, trigger) or _against_rulers(source, target, trigger)):
        return "PROTEST", "riot"
    if code == "201" and (lemma == "disperse" or (lemma in PLOVER_PUSH_VERBS and _back(trigger))):
        return "COERCE", "restrict"  # a crowd pushed or driven back, not a people expelled
    if type_ == "PROTEST" and code[:3] == "144" and source.sector in _STATE:
        return "COERCE", "restrict"  # a blockade or cordon by the state's forces
    if code == "175":
        outside = _outside(trigger, source)
        if not outside & PLOVER_CROWD_FORCE:
            return "COERCE", "restrict"  # a crowd moved on with no weapon or harm named
        if type_ == "ASSAULT" and mode is None and outside & PLOVER_CROWD_CONTROL:
            return type_, "crowd-control"
    if (type_ == "ASSAULT" and lemma in PLOVER_RAID_VERBS and source.sector in _STATE and mode is None
            and (target is None or target.sector not in _FIGHTERS)
            and not _outside(trigger, source) & (PLOVER_CROWD_FORCE - {"raid", "storm", "force"})):
        return "COERCE", "seize"  # a raid on civilians' premises with no harm named
    if type_ == "AID" and _flies_weapons(trigger) and _alone(event, trigger, _INTO_PREPS):
        return "MOBILIZE", "weapons"  # AID needs a recipient: warplanes sent into a zone are posture
    if type_ == "CONSULT" and _flies_weapons(trigger):
        return "MOBILIZE", "weapons"  # warplanes or warships sent near a border are no visit
    if code == "010" and target is not None and lemma in PLOVER_LETTER_WORDS and not any(
            c.dep_ == "dobj" for c in trigger.children):  # "wrote an op-ed" is no letter to anyone
        return "CONSULT", "phone"  # "sent a letter to X", "wrote to X": a remote consultation
    if (code[:3] == "163" and lemma in PLOVER_FREEZE_VERBS and target is not None and source.sector in _STATE
            and source.country is not None and target.country == source.country):
        return "COERCE", "seize"  # a state's own people's assets frozen: repression, no relations cut
    if code == "052" and lemma in PLOVER_REBUFF_VERBS:
        return "REJECT", None  # criticism rejected
    if code[:3] == "035" and lemma in PLOVER_ACCEPT_VERBS and (
            "reciprocal" in event.evidence.rule.split("+") or words & PLOVER_MUTUAL_WORDS):
        return "AGREE", None  # both sides agreeing to an exchange
    # a threat code the lexicon gave a future or planned cut ("will impose", "plans to cut")
    announced = "future" in event.evidence.rule.split("+")[1:] or event.evidence.rule.startswith("pattern:plan+")
    if code[:3] == "131" and announced and not words & PLOVER_CONDITION_WORDS:
        return "SANCTION", "discontinue"  # a cut announced for the future, with no condition set
    if code in ("0356", "0871") and lemma in PLOVER_ACCEPT_VERBS and words & PLOVER_HALT_WORDS:
        return "AGREE", None  # a truce agreed to, not one declared
    if (code == "0331" and lemma in _DECIDING and event.modality == "asserted" and words & PLOVER_DEBT_WORDS
            and target is not None):
        return "AID", None  # "agreed to write off Zambia's debt": the relief is granted, not pledged
    if code[:3] == "062" and not words & PLOVER_JOINT_WORDS and _alone(event, trigger) and not (
            {"joint", "partner"} & set(event.evidence.rule.split("+"))):  # two states' or a partner's
        return "MOBILIZE", "troops"  # one country's own exercise
    if type_ == "MOBILIZE" and words & PLOVER_RELIEF_WORDS:
        return "AID", None  # forces sent for relief
    if type_ == "SANCTION" and code[:3] == "164" and lemma in PLOVER_CANCEL_WORDS:
        return "REJECT", "meet"  # calling off a meeting
    if type_ == "COERCE":
        return type_, _coerce_mode(lemma, words, mode)
    if type_ == "THREATEN":
        threatened = _threatened(trigger, source)
        if source.sector in _LABOUR and threatened & _STOPPAGES:
            # a union's or nurses' strike withdraws labour: no force, a restriction
            threatened = (threatened - _STOPPAGES) | PLOVER_THREAT_RESTRICT
        return type_, _threat_mode(threatened, mode)
    return type_, mode


def _coerce_mode(lemma: str, words: set[str], mode: str | None) -> str | None:
    """COERCE's mode by the act: a raid or search seizes; cutting off the internet, power or
    water withholds a public service; blocking websites or newspapers censors."""
    if lemma in PLOVER_SEARCH_VERBS:
        return "seize"
    if mode in (None, "restrict") and lemma in PLOVER_CUT_VERBS:
        if words & PLOVER_SERVICE_WORDS:
            return "withhold"
        if words & PLOVER_MEDIA_WORDS:
            return "censor"
    return mode


def _threatened(trigger: Token, source: Actor) -> set[str]:
    """The words (lemmas and forms) of what a threat holds out: its infinitive or clause ("to
    strike bases", "that the army would respond"), its object ("a general strike") and its
    'with' or 'of' object ("with sanctions", "warned of a military response"); never what it is
    'over' or 'about' ("over the army's drills" threatens no army)."""
    heads = [c for c in children_of(trigger) if c.dep_ in _THREAT_DEPS]
    heads += [p for c in children_of(trigger) if c.dep_ == "prep" and c.lower_ in _THREAT_PREPS
              for p in children_of(c) if p.dep_ == "pobj"]
    out: set[str] = set()
    for head in heads:
        for tok in head.subtree:
            if any(a.dep_ == "prep" and a.lower_ in _TOPIC_PREPS for a in _ancestors_to(tok, head)):
                continue  # "a strike over fuel prices": the topic, not the threat
            out |= {tok.lemma_.lower(), tok.lower_}
    return out


def _ancestors_to(tok: Token, head: Token) -> list[Token]:
    """``tok`` and its ancestors up to (not including) ``head``."""
    out = [tok]
    for a in tok.ancestors:
        if a.i == head.i:
            break
        out.append(a)
    return out


def _threat_mode(words: set[str], mode: str | None) -> str | None:
    """THREATEN's mode is the content of the threat: a threat to expel is 'expel' whatever code
    the lexicon gave it; a threat with no mode takes the first content its clause names."""
    for content, cues in _THREAT_CONTENTS:
        if words & cues and (mode is None or content == "expel"):
            return content
    return mode


def _outside(trigger: Token, source: Actor) -> set[str]:
    """The words (lemmas and forms) of the trigger's clause outside the doer's own mention: the
    doer's name says nothing of how the act was done ("security forces" use no force by name)."""
    return {w for t in trigger.subtree if not source.start <= t.idx < source.end
            for w in (t.lemma_.lower(), t.lower_)}


def _crowd(source: Actor, trigger: Token) -> bool:
    """Is the doer named as protesters ("protesters", "rioters", "angry demonstrators")?"""
    span = trigger.doc.char_span(source.start, source.end, alignment_mode="expand")
    return span is not None and any(t.lower_ in PLOVER_CROWD_NOUNS for t in span)


def _back(trigger: Token) -> bool:
    """Does the verb take "back" ("pushed back", "drove the crowd back")?"""
    return any(c.lower_ == "back" and c.dep_ in ("prt", "advmod") for c in children_of(trigger))


def _against_rulers(source: Actor, target: Actor | None, trigger: Token) -> bool:
    """Is a civilian group ("farmers", "angry crowds") turned on what the authorities (a
    government, party, parliament, police or court) own, with no harm to people? Attacking
    officers themselves, or killing or injuring anyone in the act, stays an ASSAULT."""
    if not (source.kind == "group" and source.sector in _CIVIL_GROUPS
            and target is not None and target.sector in _AUTHORITIES):
        return False
    if target.kind in ("group", "person") or _rank_and_file(target, trigger):
        return False  # "attacked two police officers", "attacked ANC members": people, not premises
    return not any(t.lemma_.lower() in _HARM_VERBS for t in trigger.subtree)


def _rank_and_file(target: Actor, trigger: Token) -> bool:
    """Is the target a body's members or supporters ("ANC members", "supporters of the ruling
    party")? They are resolved as their body, but are people, not what the body owns."""
    span = trigger.doc.char_span(target.start, target.end, alignment_mode="expand")
    return span is not None and span.root.lemma_.lower() in MEMBER_NOUNS


def _flies_weapons(trigger: Token) -> bool:
    """Is the trigger a move of weapons or war vessels ("flew warplanes", "sailed warships")?
    (Hosting them is no move of one's own.)"""
    return trigger.lemma_.lower() in PLOVER_MOVE_VERBS and any(
        c.dep_ == "dobj" and (c.lemma_.lower() in PLOVER_WEAPON_WORDS or c.lower_ in PLOVER_WEAPON_WORDS)
        for c in children_of(trigger))


def _drops_demand(trigger: Token) -> bool:
    """Is the trigger, or a word it hangs from, dropping a demand ("dropped its demand for")?"""
    for tok in [trigger, *list(trigger.ancestors)[:3]]:
        if tok.lemma_.lower() in PLOVER_DROP_VERBS and any(
                c.dep_ == "dobj" and c.lemma_.lower() in PLOVER_DEMAND_NOUNS for c in children_of(tok)):
            return True
    return False


def _alone(event: Event, trigger: Token, preps: frozenset[str] = PLOVER_PLACE_PREPS) -> bool:
    """Drills (or weapons moved) with no partner: no target, the doer's own country, or only a
    place where they are held ("exercises near Taiwan", "jets flown into Taiwan's zone")."""
    source, target = event.source, event.target
    if target is None or source is None or target.country == source.country:
        return True
    for tok in trigger.subtree:
        if target.start <= tok.idx < target.end:
            return any(a.dep_ == "prep" and a.lower_ in preps for a in tok.ancestors)
    return False


def _party(event: Event, trigger: Token, fights: set[frozenset[str]]) -> bool:
    """Is the source a side of a fight with the target, by this article: an assault, coercion
    or threat between their countries; a conflict word of the sentence naming either of them
    ("Russian shelling", "fighting with Azerbaijan"); or the halt is the source's own with the
    target ("a truce with Israel")."""
    source, target = event.source, event.target
    if source is None or target is None or not source.country or not target.country or source.country == target.country:
        return False
    if frozenset((source.country, target.country)) in fights:
        return True
    spans = [(source.start, source.end), (target.start, target.end)]

    def names_side(tok: Token) -> bool:
        return any(s <= t.idx < e for t in tok.subtree for s, e in spans)

    for tok in trigger.sent:
        if tok.lemma_.lower() in PLOVER_CONFLICT_WORDS and tok.i != trigger.i and names_side(tok):
            return True
        if tok.lower_ in PLOVER_HALT_WORDS:  # "a truce with X": X is the other side
            for prep in children_of(tok):
                if prep.dep_ == "prep" and prep.lower_ == "with" and any(
                        target.start <= t.idx < target.end for t in prep.subtree):
                    return True
    return False
