"""Blockades by who makes them, boycotts by what they shun.

CAMEO codes a blockade twice, as a protest that obstructs passage
(144; a threat of it is dissent, 133) and as a blockade imposed by force (191; a threat of it
1381). The lexicon picks one by the word blocked ("blocked the ports", "besieged the town");
which one a report is depends on its doer: farmers' tractors on a road protest, a state's or an
armed group's ships or troops impose.

A boycott too is coded twice: a restriction of trade (a sanction, 163; threatened, 1312) and a
refusal to take part in protest (143; threatened, 133). A threat to boycott an election, a
parliament, a summit or the games is dissent, one to boycott talks a threat to halt them (134);
a threat to boycott goods stays a trade threat.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyadwatch.nlp.tree import children as children_of

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dyadwatch.records import Actor

# Sectors whose blockades are imposed by force: the state's forces and armed groups.
_FORCEFUL = frozenset({"GOV", "MIL", "COP", "SPY", "REB", "INS", "UAF"})
# Sectors whose blockades are civilian collective action.
_CIVILIAN = frozenset({"CVL", "AGR", "LAB", "OPP", "EDU", "MED", "BUS", "REF", "HLH"})
# (protest code, force code) of a blockade done and of one threatened.
_PAIRS = (("144", "191"), ("133", "1381"))


def blockade_code(code: str, base: str | None, sources: list[Actor]) -> str | None:
    """The code of a blockade (done, or threatened by a frame over it) for its doers: the force
    code when all are states or armed, the protest code when all are civilian groups; None
    when the code is no blockade, is already the right one, or the doers are mixed or unnamed."""
    act = base if code[:2] == "13" and base is not None else code
    if act not in ("144", "191") or not sources:
        return None
    pair = _PAIRS[1] if code[:2] == "13" else _PAIRS[0]
    if code not in pair:
        return None  # a threat coded otherwise ("or face a blockade" 130) keeps its code
    if all(_forceful(a) for a in sources):
        wanted = pair[1]
    elif all(a.sector in _CIVILIAN for a in sources):
        wanted = pair[0]
    else:
        return None
    return wanted if wanted != code else None


def _forceful(actor: Actor) -> bool:
    """A state named without a sector ('China', 'Azerbaijan'), or its forces, or an armed group."""
    return (actor.kind == "state" and actor.sector is None) or actor.sector in _FORCEFUL


_BOYCOTT_WORDS = frozenset({"boycott", "shun", "snub"})
# What a boycott that is no trade restriction shuns: political and public events and bodies.
_POLITICAL_EVENTS = frozenset({
    "election", "vote", "poll", "runoff", "run-off", "referendum", "ballot", "parliament",
    "assembly", "session", "debate", "ceremony", "inauguration", "swearing-in", "parade",
    "celebration", "games", "olympics", "olympic", "cup", "tournament", "summit", "conference",
    "event", "commemoration", "anniversary", "congress", "council", "legislature", "senate",
})
_TALKS = frozenset({"talk", "talks", "negotiation", "negotiations", "dialogue", "meeting", "process"})


def boycott_threat_code(code: str, trigger: Token) -> str | None:
    """The code of a threatened boycott coded as a trade threat (1312) that shuns an event or a
    body rather than goods: dissent (133), or a threat to halt talks (134); else None."""
    if code != "1312":
        return None
    shunned: list[Token] = []
    for c in children_of(trigger):
        # "threatened TO BOYCOTT parliament": the infinitive's object
        if c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in _BOYCOTT_WORDS:
            shunned += [o for o in children_of(c) if o.dep_ == "dobj"]
        # "threatened A BOYCOTT OF the election"
        nouns = [c] if c.dep_ == "dobj" else [p for p in children_of(c) if p.dep_ == "pobj"] if c.dep_ == "prep" else []
        shunned += [p for n in nouns if n.lemma_.lower() in _BOYCOTT_WORDS for k in children_of(n)
                    if k.dep_ == "prep" and k.lower_ == "of" for p in children_of(k) if p.dep_ == "pobj"]
    lemmas = {w for o in shunned for w in (o.lemma_.lower(), o.lower_)}
    if lemmas & _TALKS:
        return "134"
    return "133" if lemmas & _POLITICAL_EVENTS else None
