"""Modality: is an event reported as fact, hedged, negated, future or hypothetical?

The trigger's own auxiliaries and adverbs count first; then the clauses that embed it, climbing
the parse: "it is expected that ...", "analysts say ...", "This may be why ...". Climbing stops at
temporal and causal clauses ("after Tebboune confirmed ..."): what they report is presupposed as
fact even under a hedge.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyadwatch.records import Modality

if TYPE_CHECKING:
    from spacy.tokens import Token

HEDGE_ADVERBS = {
    "likely", "probably", "possibly", "reportedly", "allegedly", "apparently", "perhaps",
    "maybe", "supposedly", "presumably", "purportedly", "seemingly", "potentially",
}
HEDGE_MODALS = {"may", "might", "could"}
FUTURE_MODALS = {"will", "shall", "'ll", "wo"}
HYPOTHETICAL_MODALS = {"would", "should", "can"}
# Verbs and adjectives that put what they embed in doubt (as governors of a clause).
HEDGE_GOVERNORS = {
    "seem", "appear", "expect", "believe", "think", "suspect", "speculate", "rumor", "rumour",
    "unlikely", "likely", "possible", "probable", "suggest", "hope", "wonder", "claim",
}
INTENT_GOVERNORS = {
    "plan", "intend", "aim", "prepare", "seek", "want", "wish", "propose", "schedule", "set",
    "expect", "promise", "pledge", "vow", "threaten", "decide", "agree", "try", "attempt",
}
# Unnamed speakers: what they say is hearsay.
UNNAMED_SOURCES = {"analyst", "observer", "expert", "source", "commentator", "insider", "rumor"}
PRESUPPOSING_MARKS = {"after", "since", "before", "when", "because", "as", "while", "once"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}
_CLIMB = {"ccomp", "xcomp", "conj", "advcl", "csubj", "pcomp", "acl", "relcl", "attr"}


def _own(token: Token) -> Modality | None:
    """Markers on the token itself: its negation, auxiliaries and adverbs."""
    children = list(token.children)
    lowers = {c.lower_ for c in children}
    if any(c.dep_ == "neg" for c in children) or "never" in lowers:
        return "negated"
    if lowers & HEDGE_MODALS or lowers & HEDGE_ADVERBS:
        return "hedged"
    if lowers & FUTURE_MODALS or "going" in lowers:
        return "future"
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in children):
        return "hypothetical"
    if lowers & HYPOTHETICAL_MODALS:
        return "hypothetical"
    return None


def _governor(token: Token, child_dep: str) -> Modality | None:
    """What a clause's governor says of the clause it embeds."""
    lemma = token.lemma_.lower()
    if lemma in HEDGE_GOVERNORS and child_dep in ("ccomp", "xcomp", "csubj", "attr", "advcl"):
        # "it is expected that", "it seems that", "Washington hopes for ... to"
        if lemma in ("expect", "set", "schedule") and child_dep == "xcomp":
            return "future"  # "X is expected to visit": a plan, not a guess
        return "hedged"
    if lemma in INTENT_GOVERNORS and child_dep == "xcomp":
        return "future"
    if child_dep in ("ccomp", "xcomp") and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in UNNAMED_SOURCES
        for c in token.children
    ):
        return "hedged"
    for child in token.children:
        if child.dep_ == "acomp" and child.lemma_.lower() in HEDGE_GOVERNORS:
            return "hedged"
    return None


def _infinitive(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def modality_of(trigger: Token) -> Modality:
    """The modality of the event triggered by ``trigger`` (a verb or event noun)."""
    own = _own(trigger)
    if own is not None:
        return own
    if _infinitive(trigger) and trigger.dep_ in ("acl", "relcl", "advcl", "pcomp"):
        return "hypothetical"  # "opportunities to cooperate", "in order to forge": not done yet
    node = trigger
    for _ in range(8):
        dep = node.dep_
        if dep not in _CLIMB or node.head.i == node.i:
            break
        if dep == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in PRESUPPOSING_MARKS for c in node.children
        ):
            break
        if dep in ("acl", "relcl"):
            break  # a relative clause asserts on its own
        parent = node.head
        if dep == "conj":
            inherited = _own(parent)
            if inherited in ("hedged", "future", "hypothetical"):
                return inherited
        else:
            inherited = _own(parent)
            if inherited is not None and inherited != "negated":
                return inherited
            governed = _governor(parent, dep)
            if governed is not None:
                return governed
        node = parent
    return "asserted"
