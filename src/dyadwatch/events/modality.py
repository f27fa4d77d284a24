"""Modality: is an event reported as fact, hedged, negated, future or hypothetical?

The trigger's own auxiliaries and adverbs count first; then the clauses that embed it, climbing
the parse: "it is expected that ...", "analysts say ...", "This may be why ...". Climbing stops at
temporal and causal clauses ("after Tebboune confirmed ..."): what they report is presupposed as
fact even under a hedge.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyadwatch.knowledge.words import GATHERED_PROTEST_VERBS, GATHERING_VERBS
from dyadwatch.nlp.tree import children as children_of
from dyadwatch.nlp.tree import marked_by
from dyadwatch.records import Modality
from dyadwatch.tables import packaged, parse_table, read_text

if TYPE_CHECKING:
    from spacy.tokens import Token

_CLASSES = (
    "hedge_adverb", "hedge_modal", "future_modal", "hypothetical_modal", "demand_modal",
    "hedge_governor", "intent_governor", "future_frame", "negating_governor", "denial_governor",
    "report_noun", "report_verb", "negating_determiner", "pending_adverb", "unnamed_source", "presupposing_mark", "conditional_mark",
    "occurrence_verb", "falsity_adjective", "planned_passive", "asking_governor", "asking_noun",
)


CUES_TABLE = "modality cues"
_CUE_COLUMNS = ("word", "class")


def parse_cues(text: str, where: str, *, versioned: bool = False) -> dict[str, frozenset[str]]:
    """Cue words by class from ``data/modality.tsv`` (``word<TAB>class`` rows under a ``word
    class`` header, read by the one table reader); a row of an unknown class or shape is a
    ``KnowledgeError`` naming its line."""
    table = parse_table(text, where, _CUE_COLUMNS, name=CUES_TABLE, versioned=versioned)
    found: dict[str, set[str]] = {name: set() for name in _CLASSES}
    for row in table.rows:
        word, kind = row.values()
        if not word or kind not in found:
            raise row.error(f"expected 'word<TAB>class' with a class among {', '.join(_CLASSES)}; "
                            f"got {word!r}, {kind!r}")
        found[kind].add(word.lower())
    return {name: frozenset(words) for name, words in found.items()}


_ENTRY, _WHERE = packaged("modality.tsv")
_CUES = parse_cues(read_text(_ENTRY, _WHERE), _WHERE, versioned=True)
HEDGE_ADVERBS = _CUES["hedge_adverb"]
HEDGE_MODALS = _CUES["hedge_modal"]
FUTURE_MODALS = _CUES["future_modal"]
HYPOTHETICAL_MODALS = _CUES["hypothetical_modal"]
# Verbs and adjectives that put what they embed in doubt (as governors of a clause).
HEDGE_GOVERNORS = _CUES["hedge_governor"]
INTENT_GOVERNORS = _CUES["intent_governor"]
# Verbs whose infinitive is what they ask another to do: "urged X to help restore order".
ASKING_GOVERNORS = _CUES["asking_governor"]
ASKING_NOUNS = _CUES["asking_noun"]
# Frame verbs and adjectives of plans: what they frame has not happened ("plans to visit").
FUTURE_FRAMES = _CUES["future_frame"]
DEMAND_MODALS = _CUES["demand_modal"]
# Verbs whose infinitive did not happen: "failed to reach", "refrained from".
NEGATING_GOVERNORS = _CUES["negating_governor"]
# Verbs that deny what they embed: "denied that X attacked", "dismissed claims that X attacked".
DENIAL_GOVERNORS = _CUES["denial_governor"]
# Nouns whose content clause is a claim: "reports that X attacked" is hearsay.
REPORT_NOUNS = _CUES["report_noun"]
# Verbs by which a report says what it claims: "the report, which said X attacked".
REPORT_VERBS = _CUES["report_verb"]
# Determiners that deny their noun: "no evidence that", "neither X nor Y signed".
NEGATING_DETERMINERS = _CUES["negating_determiner"]
# Adverbs of what is still pending: "has yet to recognise" has not recognised.
PENDING_ADVERBS = _CUES["pending_adverb"]
# Unnamed speakers: what they say is hearsay.
UNNAMED_SOURCES = _CUES["unnamed_source"]
PRESUPPOSING_MARKS = _CUES["presupposing_mark"]
CONDITIONAL_MARKS = _CUES["conditional_mark"]
# Verbs of taking place: "talks could resume" is as uncertain as its verb says.
OCCURRENCE_VERBS = _CUES["occurrence_verb"]
# Verbs whose passive subject, an event noun, is the planned event ("talks are expected to resume").
PLANNED_PASSIVES = _CUES["planned_passive"]
# Adjectives that call a claim false: "reports that X attacked were baseless".
FALSITY_ADJECTIVES = _CUES["falsity_adjective"]
_CLIMB = {"ccomp", "xcomp", "conj", "advcl", "csubj", "pcomp", "acl", "relcl", "attr"}

Cued = tuple[Modality, "Token | None"]
"""A modality and the word that set it (``None``: asserted, or set by no single word)."""


def _own(token: Token) -> Cued | None:
    """Markers on the token itself: its negation, auxiliaries and adverbs."""
    children = list(children_of(token))
    for c in children:
        if c.dep_ == "neg" or c.lower_ == "never":
            return "negated", c
    for c in children:
        if c.lower_ in HEDGE_MODALS or c.lower_ in HEDGE_ADVERBS:
            return "hedged", c
    for c in children:
        if c.lower_ in FUTURE_MODALS or c.lower_ == "going":
            return "future", c
    for c in children:
        if c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS:
            return "hypothetical", c
    for c in children:
        if c.lower_ in HYPOTHETICAL_MODALS or c.lower_ in DEMAND_MODALS:
            return "hypothetical", c  # "would sign", "must make": not (yet) done
    return None


def _governor(token: Token, child_dep: str) -> Cued | None:
    """What a clause's governor says of the clause it embeds."""
    lemma = token.lemma_.lower()
    if lemma in NEGATING_GOVERNORS and child_dep == "xcomp":
        return "negated", token  # "failed to reach an agreement"
    if lemma in ("have", "be") and child_dep == "xcomp" and any(
        c.dep_ == "advmod" and c.lower_ in PENDING_ADVERBS for c in children_of(token)
    ):
        return "negated", next(c for c in children_of(token) if c.lower_ in PENDING_ADVERBS)  # "has yet to"
    if lemma in DENIAL_GOVERNORS and child_dep in ("ccomp", "xcomp"):
        # "denied that it had attacked", "denied attacking": the speaker says it did not
        return "negated", token
    if lemma in HEDGE_GOVERNORS and child_dep in ("ccomp", "xcomp", "csubj", "attr", "advcl"):
        # "it is expected that", "it seems that", "Washington hopes for ... to"
        if lemma in ("expect", "set", "schedule") and child_dep == "xcomp":
            return "future", token  # "X is expected to visit": a plan, not a guess
        return "hedged", token
    if lemma in INTENT_GOVERNORS and child_dep == "xcomp":
        return "future", token
    if lemma in ASKING_GOVERNORS and child_dep == "xcomp":
        # "urged Washington to help restore order": the appeal frames "help"; an act named
        # deeper down is asked for too, not done
        return "hypothetical", token
    if child_dep in ("ccomp", "xcomp"):
        for c in children_of(token):
            if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in UNNAMED_SOURCES:
                return "hedged", c
    for child in children_of(token):
        if child.dep_ == "acomp" and child.lemma_.lower() in HEDGE_GOVERNORS:
            return "hedged", child
    return None


# A free-choice determiner: "any attack on Rafah", "any incursion" names no act that took place,
# only whatever act might ("warned that any attack would be a disaster", "ruled out any strike").
_FREE_CHOICE = frozenset({"any"})


def _any_event(trigger: Token) -> Cued | None:
    """An event noun under a free-choice determiner is hypothetical: it reports no act. Under a
    negating one it is negated: "there were NO protests", "NO talks were held"."""
    if trigger.pos_ != "NOUN":
        return None
    for c in children_of(trigger):
        if c.dep_ == "det" and c.lower_ in _FREE_CHOICE:
            return "hypothetical", c
        if c.dep_ == "det" and c.lower_ in NEGATING_DETERMINERS:
            return "negated", c
    return None


def _no_subject(trigger: Token) -> Cued | None:
    """A subject that denies its verb: "Neither Egypt nor Sudan signed", "No country signed"."""
    for subject in children_of(trigger):
        if subject.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if subject.lower_ in NEGATING_DETERMINERS:
            return "negated", subject  # "none signed"
        for c in children_of(subject):
            if c.dep_ in ("preconj", "det", "neg") and c.lower_ in NEGATING_DETERMINERS:
                return "negated", c
    return None


def _claimed(clause: Token) -> Cued | None:
    """A clause that states the content of a claim ("reports that X attacked"): negated when
    the claim is denied ("denied reports that ...", "rejected allegations that ..."), hearsay
    otherwise. ``None`` when the clause is no such content (a relative clause on its noun)."""
    noun = clause.head
    if noun.lemma_.lower() not in REPORT_NOUNS or (
        noun.pos_ != "NOUN" and noun.dep_ not in ("dobj", "nsubjpass", "attr")  # "claims" mistagged
    ):
        return None
    if clause.dep_ == "relcl" and not any(c.dep_ == "mark" for c in children_of(clause)) and (
        clause.lemma_.lower() not in REPORT_VERBS
    ):
        return None  # "reports that reached us": 'that' is the subject, the clause a relative one
    denier = noun.head
    while noun.dep_ == "conj" and noun.head.i != noun.i:  # "denied rumours and reports that"
        noun = noun.head
        denier = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and denier.lemma_.lower() in DENIAL_GOVERNORS:
        return "negated", denier
    for c in children_of(noun):  # "there is no evidence that X ...": a claim said to be unfounded
        if c.dep_ in ("det", "neg") and c.lower_ in NEGATING_DETERMINERS:
            return "negated", c
    falsity = _called_false(noun)
    if falsity is not None:
        return "negated", falsity
    return "hedged", clause.head


def _asked(clause: Token) -> bool:
    """Is ``clause`` what a noun of asking asks ("demands THAT he step down", "calls for the
    army TO withdraw")? A relative clause on the noun ("demands that were rejected") is none."""
    noun = clause.head
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in ASKING_NOUNS or clause.dep_ == "relcl":
        return False
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in children_of(clause)) or _infinitive(clause)


def _called_false(noun: Token) -> Token | None:
    """The word that calls a claim false: "reports that X attacked were baseless" (the claim as
    the subject of "false"), "Beijing called the reports baseless" (as the object so named)."""
    if noun.dep_ in ("nsubj", "dobj"):
        for c in children_of(noun.head):
            if c.dep_ in ("acomp", "oprd") and c.lemma_.lower() in FALSITY_ADJECTIVES:
                return c
    return None


def occurring(verb: Token) -> bool:
    """A verb that says its subject takes place ("resume", "take place", "be held", "break
    out", "erupt")."""
    lemma = verb.lemma_.lower()
    if lemma == "take":
        return any(c.dep_ == "dobj" and c.lower_ == "place" for c in children_of(verb))
    if lemma == "go":
        return any(c.lower_ in ("ahead", "forward") for c in children_of(verb))
    if lemma == "break":
        return any(c.lower_ == "out" for c in children_of(verb))
    return lemma in OCCURRENCE_VERBS


def _subject_event(trigger: Token) -> tuple[Cued | None, Token]:
    """An event noun that is the subject of a verb of taking place ("the talks could resume",
    "talks are expected to resume", "the summit will take place") has that verb's markers; the
    clause climb goes on from the verb ("officials said talks would resume"). Any other noun
    subject keeps its own reading ("the attack killed five": the attack took place)."""
    verb = trigger.head
    if trigger.pos_ not in ("NOUN", "PROPN") or trigger.dep_ not in ("nsubj", "nsubjpass") or verb.i == trigger.i:
        return None, trigger
    if occurring(verb):
        return _own(verb), verb
    if trigger.dep_ == "nsubjpass" and verb.lemma_.lower() in FUTURE_FRAMES and not any(
        c.dep_ == "xcomp" for c in children_of(verb)
    ):
        return (_own(verb) or ("future", verb)), verb  # "a meeting is scheduled for May"
    planned = next((c for c in children_of(verb) if c.dep_ == "xcomp" and occurring(c)), None)
    if planned is None:
        return None, trigger
    return _own(verb) or _own(planned) or _governor(verb, "xcomp"), verb


def _protest_by_gathering(trigger: Token) -> bool:
    """A protest that is the purpose of a gathering ("thousands gathered to protest", "drove
    their tractors into Brussels to protest"): the gathering is the protest, so it is told with
    the gathering's modality, not as an aim."""
    head = trigger.head
    return (trigger.dep_ == "advcl" and trigger.lemma_.lower() in GATHERED_PROTEST_VERBS
            and head.lemma_.lower() in GATHERING_VERBS
            and not any(c.dep_ == "neg" for c in children_of(head)))  # "did not gather": no protest


def _infinitive(token: Token) -> bool:
    return ("aux", "to") in {(c.dep_, c.lower_) for c in children_of(token)}


def modality_of(trigger: Token) -> Modality:
    """The modality of the event triggered by ``trigger`` (a verb or event noun)."""
    return modality_cue(trigger)[0]


def modality_cue(trigger: Token) -> Cued:
    """The modality of the event triggered by ``trigger`` and the word that set it."""
    own = _own(trigger)
    if own is None and trigger.dep_ == "acomp" and trigger.head.i != trigger.i:
        own = _own(trigger.head)  # "she was not worried": the copula carries the markers
    if own is None:
        own = _no_subject(trigger) or _any_event(trigger)
    if own is not None:
        return own
    if _infinitive(trigger) and trigger.dep_ in ("acl", "relcl", "advcl", "pcomp") and not _protest_by_gathering(trigger):
        # "opportunities to cooperate", "in order to forge": not done yet
        return "hypothetical", next(c for c in children_of(trigger) if c.dep_ == "aux")
    purpose = trigger.head
    if trigger.dep_ == "xcomp" and _infinitive(purpose) and purpose.dep_ in ("acl", "advcl") \
            and not _protest_by_gathering(purpose):
        # "arrived TO HELP FIGHT the insurgents": the aim of the act, not done yet
        return "hypothetical", next(c for c in children_of(purpose) if c.dep_ == "aux")
    said, node = _subject_event(trigger)
    if said is not None:
        return said
    for _ in range(8):
        dep = node.dep_
        if dep not in _CLIMB or node.head.i == node.i:
            break
        if dep == "advcl" and marked_by(node, PRESUPPOSING_MARKS):
            break
        if dep in ("acl", "relcl", "ccomp"):
            claimed = _claimed(node)
            if claimed is not None:
                return claimed
            if _asked(node):  # "rejected demands THAT he STEP DOWN": asked of him, not done
                return "hypothetical", node.head
        if dep in ("acl", "relcl"):
            break  # a relative clause asserts on its own
        parent = node.head
        if dep == "conj":
            inherited = _own(parent)
            if inherited is not None and inherited[0] in ("hedged", "future", "hypothetical"):
                return inherited
        else:
            inherited = _own(parent)
            if inherited is not None and inherited[0] != "negated":
                return inherited
            governed = _governor(parent, dep)
            if governed is not None:
                return governed
        node = parent
    return "asserted", None


def markers(trigger: Token) -> set[str]:
    """Tense and polarity markers of a trigger: 'neg', 'future' (will, shall, is going to),
    'would', 'may' (may, might, could) and 'must' (must, should, ought to, has to, needs to); a
    conjunct shares its head's
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
    children = list(children_of(node))
    deps = [c.dep_ for c in children]
    lowers = {c.lower_ for c, dep in zip(children, deps, strict=True) if dep in ("aux", "auxpass", "neg", "advmod")}
    if "neg" in deps or "never" in lowers:
        out.add("neg")
    if lowers & FUTURE_MODALS:
        out.add("future")
    if "would" in lowers or "'d" in lowers:
        out.add("would")
    if lowers & HEDGE_MODALS:
        out.add("may")
    if lowers & DEMAND_MODALS:
        out.add("must")
    if lowers & (HEDGE_MODALS | FUTURE_MODALS | {"would"}) and any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in children_of(c))
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


def marker_cue(trigger: Token, wanted: set[str]) -> Token | None:
    """The word that carries one of the ``wanted`` markers (see :func:`markers`) of a trigger or
    of the verbs it is a conjunct of: "will" for 'future', "not" for 'neg', "must" for 'must'."""
    words = {
        "neg": set[str](), "future": set(FUTURE_MODALS), "would": {"would", "'d"},
        "must": set(DEMAND_MODALS), "may": set(HEDGE_MODALS), "if": set(HEDGE_MODALS | FUTURE_MODALS) | {"would"},
    }
    node = trigger
    for _ in range(4):
        for c in children_of(node):
            if c.dep_ not in ("aux", "auxpass", "neg", "advmod"):
                continue
            if "neg" in wanted and (c.dep_ == "neg" or c.lower_ == "never"):
                return c
            if any(c.lower_ in words[w] for w in wanted if w in words):
                return c
        head = node.head
        if node.dep_ == "xcomp" and head.i != node.i and (
            head.lemma_.lower() in ("have", "need") or head.lower_ == "going"
        ):
            return head  # "has to withdraw", "is going to visit"
        if node.dep_ != "conj" or head.i == node.i:
            break
        node = head
    return None
