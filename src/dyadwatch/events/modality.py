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
# Frame verbs and adjectives of plans: what they frame has not happened ("plans to visit").
FUTURE_FRAMES = {
    "plan", "intend", "aim", "prepare", "expect", "schedule", "set", "due", "seek", "want", "wish",
    "ready", "willing", "prepared", "eager", "determined", "poised", "likely", "hope", "mull",
    "consider", "weigh", "contemplate",
}
DEMAND_MODALS = {"must", "should", "ought"}
# Verbs whose infinitive did not happen: "failed to reach", "refrained from".
NEGATING_GOVERNORS = {"fail", "refuse", "decline", "neglect", "omit", "forget", "avoid", "refrain"}
# Unnamed speakers: what they say is hearsay.
UNNAMED_SOURCES = {"analyst", "observer", "expert", "source", "commentator", "insider", "rumor"}
PRESUPPOSING_MARKS = {"after", "since", "when", "because", "as", "while"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}
_CLIMB = {"ccomp", "xcomp", "conj", "advcl", "csubj", "pcomp", "acl", "relcl", "attr"}
_CONDITIONAL = {("mark", m) for m in CONDITIONAL_MARKS}


def _own(token: Token) -> Modality | None:
    """Markers on the token itself: its negation, auxiliaries and adverbs."""
    # (dependency, form) of each child, read once: a trigger's markers are looked at often
    pairs = {(c.dep_, c.lower_) for c in token.children}
    lowers = {lower for _, lower in pairs}
    if "never" in lowers or "neg" in {dep for dep, _ in pairs}:
        return "negated"
    if lowers & HEDGE_MODALS or lowers & HEDGE_ADVERBS:
        return "hedged"
    if lowers & FUTURE_MODALS or "going" in lowers:
        return "future"
    if not pairs.isdisjoint(_CONDITIONAL):
        return "hypothetical"
    if lowers & HYPOTHETICAL_MODALS or lowers & DEMAND_MODALS:
        return "hypothetical"  # "would sign", "must make": not (yet) done
    return None


def _governor(token: Token, child_dep: str) -> Modality | None:
    """What a clause's governor says of the clause it embeds."""
    lemma = token.lemma_.lower()
    if lemma in NEGATING_GOVERNORS and child_dep == "xcomp":
        return "negated"  # "failed to reach an agreement"
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
    return ("aux", "to") in {(c.dep_, c.lower_) for c in token.children}


def modality_of(trigger: Token) -> Modality:
    """The modality of the event triggered by ``trigger`` (a verb or event noun)."""
    own = _own(trigger)
    if own is None and trigger.dep_ == "acomp" and trigger.head.i != trigger.i:
        own = _own(trigger.head)  # "she was not worried": the copula carries the markers
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


def markers(trigger: Token) -> set[str]:
    """Tense and polarity markers of a trigger: 'neg', 'future' (will, shall, is going to),
    'would' and 'must' (must, should, ought to, has to, needs to); a conjunct shares its head's
    tense ("will visit Rabat and meet X")."""
    out = _own_markers(trigger)
    node = trigger
    for _ in range(3):
        if out & {"future", "would", "must"} or node.dep_ != "conj" or node.head.i == node.i:
            break
        node = node.head
        out |= _own_markers(node) - {"neg"}
    return out


def _own_markers(node: Token) -> set[str]:
    out: set[str] = set()
    children = list(node.children)
    deps = [c.dep_ for c in children]
    lowers = {c.lower_ for c, dep in zip(children, deps, strict=True) if dep in ("aux", "auxpass", "neg", "advmod")}
    if "neg" in deps or "never" in lowers:
        out.add("neg")
    if lowers & FUTURE_MODALS:
        out.add("future")
    if "would" in lowers or "'d" in lowers:
        out.add("would")
    if lowers & DEMAND_MODALS:
        out.add("must")
    if lowers & (HEDGE_MODALS | FUTURE_MODALS | {"would"}) and any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
        for c in children
    ):
        out.add("if")  # "may halt X if Y": a conditional threat or promise
    head = node.head
    if node.dep_ == "xcomp" and head.i != node.i:
        if head.lemma_.lower() in ("have", "need"):
            out |= {"must"} | (_own_markers(head) & {"neg"})
        if head.lower_ == "going":
            out.add("future")
    return out
