"""Frames: what a frame verb frames and the code it gives ("urged X to withdraw" -> 0256).

A frame (an appeal, demand, threat, promise or refusal: ``kind`` frame in the lexicon) codes its
complement, a to-infinitive, a that-clause or an event noun, shifted into the frame's family by
``data/frames.tsv``. Some frames enact what they frame instead ("decided to lift the curfew",
"ordered the paper closed"), attach a penalty ("withdraw or face sanctions": a threat) or warn of
a danger no one threatens ("warned that millions face famine": a forecast). ``triggers.Matcher``
asks, and is asked back for the complement's own match.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyadwatch.events.backing import ON_BEHALF, POLICY_SUPPORT, own_backing
from dyadwatch.events.confidence import CONFIDENCE
from dyadwatch.events.match import Match, conjuncts, for_clause, for_infinitive
from dyadwatch.events.senses import (
    asked_infinitives,
    decided,
    foreseen_danger,
    own_counterpart,
    penalty,
    threat_code,
)
from dyadwatch.knowledge.words import AGREEING, ENACTING, TIME_ENTITIES
from dyadwatch.nlp.tree import children as children_of

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Token

    from dyadwatch.events.clauses import Clauses
    from dyadwatch.events.noun_triggers import NounMatcher
    from dyadwatch.knowledge.lexicon import Lexicon, Pattern, Shifts


class FrameMatcher:
    """Frame matching for one article. ``match`` is the article's trigger matcher, asked for the
    match of a complement verb at the next depth; ``nouns`` matches complement event nouns."""

    def __init__(
        self, lexicon: Lexicon, clauses: Clauses, shifts: Shifts, nouns: NounMatcher,
        match: Callable[[Token, int], Match | None],
    ) -> None:
        self.clauses = clauses
        self.shifts = shifts
        self.nouns = nouns
        self.match = match
        # what a forecast may warn of: the objects of the 'warn' patterns coded 012
        self.dangers = frozenset(o for p in lexicon.verb_candidates("warn") if p.code == "012" for o in p.objects)

    def complement(self, token: Token, frame: Pattern, depth: int) -> Match | None:
        """What a frame verb frames: a to-infinitive, a that-clause (appeals, demands, threats) or
        an event noun ('called for the withdrawal', 'demanded the release', 'threatened sanctions')."""
        if depth >= 2:
            return None
        verbs, nouns, late = _complement_heads(token, frame, self.clauses)
        for verb in _with_conjuncts(verbs):
            found = self.match(verb, depth + 1)
            if found is not None and found.base is not None:
                return found
        named: Match | None = None
        for noun in nouns:
            found = self.nouns.match(noun, "noun")
            if found is not None:
                if late is None or found.base is None or not _names_no_leaf(
                        self.shifts.shift(found.base, frame.family or "intent")):
                    return found
                named = named or found
        asked = for_clause(token)
        if late is not None and (named is not None or asked is None or self.clauses.actor(asked[0]) is not None):
            # after a 'for' noun that is no party and that no pattern codes ("called for
            # elections to be held"), the verb's own patterns for that noun judge, not the
            # infinitive; a party named there ("called for the rebels to free ...") is asked to act
            found = self.match(late, depth + 1)
            if found is not None and found.base is not None and (named is None or not _names_no_leaf(
                    self.shifts.shift(found.base, frame.family or "intent"))):
                return found
        return named

    def frame(self, token: Token, obj: Token | None, frame: Pattern, inner: Match | None) -> Match:
        """The match of frame pattern ``frame`` on ``token`` (``obj`` its direct object) with
        ``inner``, what it frames (``complement``): the framed code shifted into the frame's
        family, or the frame's own code when it frames nothing coded."""
        rule = f"pattern:{frame.id}"
        if inner is None or inner.base is None:
            if frame.code[:2] == "13" and foreseen_danger(token, self.clauses, self.dangers):
                # "the UN warned that millions face famine": a forecast, no threat
                return Match(frame, token, obj, "012", None, f"{rule}+forecast", confidence=CONFIDENCE.frame_uncoded)
            return Match(frame, token, obj, frame.code, None, rule, confidence=CONFIDENCE.frame_uncoded)
        family = frame.family or "intent"
        if family == "intent" and any(c.dep_ == "neg" for c in children_of(inner.trigger)):
            family = "refuse"  # "vowed not to return X"
        if family == "appeal" and inner.base[:2] == "04" and not _asks_another(token, inner) and (
                own_counterpart(self.clauses, token, inner)):
            family = "intent"  # "X called for talks with Y": X's intent to meet (036), not 026
        paired = penalty(inner.trigger) if family == "demand" else None
        if paired is not None:
            # "demanded that X withdraw or face sanctions": the threat of the penalty (1312)
            return Match(frame, token, obj, threat_code(paired, self.nouns.match, self.shifts), inner.base,
                         f"{rule}+{inner.rule.split(':', 1)[-1]}+or-{paired.lemma_.lower()}",
                         inner=inner, confidence=CONFIDENCE.frame_shifted)
        if family == "intent" and decided(token, inner):  # "decided to lift the curfew": lifted
            return Match(frame, token, obj, inner.base, inner.base, f"{rule}+{inner.rule.split(':', 1)[-1]}+decided",
                         inner=inner, confidence=CONFIDENCE.frame_enacted)
        if token.lemma_.lower() in ENACTING and inner.base[:2] in ("15", "16", "17", "18", "19", "20"):
            return Match(frame, token, obj, inner.base, inner.base, f"{rule}+{inner.rule.split(':', 1)[-1]}",
                         inner=inner, confidence=CONFIDENCE.frame_enacted)
        shifted = _agreed_forces(token, family, inner.base) or _own_root(frame, self.shifts.shift(inner.base, family))
        if family == "appeal" and shifted == ON_BEHALF and own_backing(self.clauses, token, inner):
            shifted = POLICY_SUPPORT  # "sought Washington's approval for strikes": its own appeal (backing.py)
        code = shifted or frame.code
        return Match(frame, token, obj, code, inner.base, f"{rule}+{inner.rule.split(':', 1)[-1]}",
                     inner=inner,
                     confidence=CONFIDENCE.frame_shifted if shifted else CONFIDENCE.frame_unshifted)


def _complement_heads(token: Token, frame: Pattern, clauses: Clauses) -> tuple[list[Token], list[Token], Token | None]:
    """Where a frame verb's complement may be, in the order tried: verbs (to-infinitive,
    that-clause, an infinitive under the addressee), event nouns (object, 'for' object), and
    last the infinitive of a 'for X to do Y' clause, which a 'for' noun naming the thing asked
    for outranks ("called for elections to be held": the elections; "called for Israel to
    withdraw": what the one named is asked to do)."""
    verbs: list[Token] = []
    nouns: list[Token] = []
    asking = frame.family in ("appeal", "demand")
    ccomp_ok = asking or frame.code[:2] == "13"
    for c in children_of(token):
        if ((c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX", "ADJ"))
                or (c.dep_ == "ccomp" and ccomp_ok and c.pos_ in ("VERB", "AUX")) or _split_infinitive(token, c)):
            verbs.append(c)
        elif c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN":
            nouns.append(c)
        elif c.dep_ == "prep" and c.lower_ in ("for", "on", "upon", "to", "against", "over"):
            nouns.extend(p for p in children_of(c) if p.dep_ == "pobj" and p.pos_ == "NOUN")
    asked = for_clause(token)
    if asked is not None:
        nouns.append(asked[0])
    addressee = clauses.addressee(token)
    if addressee is not None:  # "called on X to withdraw": the infinitive under X
        verbs.extend(c for c in children_of(addressee) if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB")
        if asking:
            verbs.extend(asked_infinitives(token, addressee))
    late = for_infinitive(token) if asking else None
    return verbs, nouns, (late if late not in verbs else None)


def _split_infinitive(frame: Token, c: Token) -> bool:
    """A to-infinitive the parser hangs on the frame as an adverbial clause because a date or
    a time phrase stands between them ("offered ON TUESDAY to hold talks"): the frame frames
    it. After an object or any other phrase it is a purpose clause ("pledged $1bn to rebuild",
    "called for a meeting to settle the row")."""
    if not (c.dep_ == "advcl" and c.pos_ == "VERB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in children_of(c))):
        return False
    between = [k for k in children_of(frame) if frame.i < k.i < c.i]
    return bool(between) and all(  # only a time between: "called FOR A MEETING to settle" stays apart
        k.dep_ in ("npadvmod", "advmod") or (k.dep_ == "prep" and any(p.ent_type_ in TIME_ENTITIES for p in children_of(k)))
        for k in between)


def _asks_another(frame: Token, inner: Match) -> bool:
    """Whether the framed act has a doer of its own ("urged that Y negotiate with Z", "called
    for Y to negotiate with Z"): Y is asked to meet Z, so the appealer is not Z's counterpart."""
    if inner.noun is not None:
        return False
    act = inner.trigger
    return for_infinitive(frame) is act or any(c.dep_ in ("nsubj", "nsubjpass") for c in children_of(act))


def _with_conjuncts(verbs: list[Token]) -> list[Token]:
    """Each complement verb followed by its conjuncts: a coordinated complement is one
    complement ("urged them to regroup and rally against X" asks for the rallying when the
    first verb codes nothing)."""
    return [v for head in verbs for v in (head, *(head.doc[i] for i in sorted(conjuncts(head))))]


MILITARY_COOPERATION_INTENT = "0312"


def _agreed_forces(frame: Token, family: str, base: str) -> str | None:
    """"Poland agreed to deploy troops to Lithuania": forces committed in agreement with a
    partner are military cooperation (0312), not the threat a vow to deploy them is (138)."""
    if family == "intent" and base[:2] == "15" and frame.lemma_.lower() in AGREEING:
        return MILITARY_COOPERATION_INTENT
    return None


def _own_root(frame: Pattern, shifted: str | None) -> str | None:
    """A shifted code a frame may take: a threat stays a threat (13) whatever it threatens
    ("threatened to withdraw its troops", "warned it would recognise the region"), where the
    intent column names a cooperative act's intent; None sends the frame to its own code."""
    if shifted and frame.code[:2] == "13" and shifted[:2] != "13":
        return None
    return shifted


def _names_no_leaf(code: str | None) -> bool:
    """Whether a shifted code is only its root's general one (020, 100): a 'for' noun that
    yields it ("called for sanctions to be eased": sanctions, 020) names less than its verb."""
    return code is None or (len(code) == 3 and code.endswith("0"))
