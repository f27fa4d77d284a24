"""Past participles after a noun that the parser reads as a clause with that noun as its subject.

"Chad sent back 40 soldiers captured in the fighting" and "two soldiers captured near Kharkiv
were shown on television" describe the soldiers: they were captured, by someone the sentence does
not name. The parser often makes 'captured' a finite verb with 'soldiers' as its subject (a
complement clause of 'sent', or the clausal subject of 'were shown'), which would make the
soldiers the captors. ``reduced_relative`` tells such a participle, so that the noun is read as
the one acted on (the object of 'sent', the subject of 'were shown') and never as the doer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from dyadwatch.knowledge.words import SPEECH_VERBS
from dyadwatch.nlp.tree import children as children_of

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs whose complement is a real clause with its own subject ("believed rebels attacked at
# night"): there the noun before the participle is the doer. Speech verbs come from the word
# lists; these are the verbs of thinking, perceiving and knowing that take a bare clause.
_CLAUSE_TAKING: Final = frozenset({
    "believe", "think", "fear", "hope", "know", "learn", "hear", "see", "expect", "suspect",
    "feel", "find", "show", "mean", "suggest", "warn", "deny", "realise", "realize",
    "understand", "doubt", "ensure", "agree", "decide", "estimate", "guess", "assume", "accept",
    "acknowledge", "admit", "recall", "remember", "worry", "predict", "reveal", "prove",
    "notice", "demand", "recommend", "propose", "allege", "reckon", "wish",
})

# Entity types a 'by' phrase names that are no doer: a deadline, an amount.
_NOT_DOERS: Final = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL"})

# What a finite clause has and a participle describing a noun has not: an auxiliary, a
# subordinator, an object or a complement of its own.
_FINITE_MARKS: Final = frozenset({
    "aux", "auxpass", "mark", "dobj", "obj", "dative", "ccomp", "xcomp", "attr", "acomp", "oprd", "neg",
})


def reduced_relative(verb: Token) -> bool:
    """Whether ``verb`` is a past participle describing the noun parsed as its subject: a
    complement clause of a verb that takes no clause, with no object ("sent back soldiers
    captured in the fighting"), or a clausal subject ("soldiers captured near X were shown")."""
    if verb.tag_ not in ("VBD", "VBN") or any(c.dep_ in _FINITE_MARKS for c in children_of(verb)):
        return False
    noun = participle_noun(verb)
    if noun is None:
        return False
    if verb.dep_ in ("csubj", "csubjpass"):
        return True
    head = verb.head
    if verb.dep_ != "ccomp" or head.pos_ != "VERB" or head.i > noun.i:
        return False
    lemma = head.lemma_.lower()
    if lemma in SPEECH_VERBS or lemma in _CLAUSE_TAKING:
        return False
    # a comma between the verb and the noun opens a new clause ("sent troops, rebels said")
    between = verb.doc[head.i + 1:noun.i]
    return not any(c.dep_ in ("dobj", "obj") for c in children_of(head)) and not any(t.text in ",;:" for t in between)


# Nouns of a count that after "by the" say how many, not who ("were deported BY THE THOUSANDS",
# "fled by the hundreds", "arrested by the dozen").
_BULK_COUNTS = frozenset({"thousand", "hundred", "dozen", "score", "million", "busload", "truckload"})


def bulk_count(noun: Token) -> bool:
    """'by THE THOUSANDS': a count with 'the' and nothing counted after it, which says how many
    were acted on, not who acted."""
    return noun.lemma_.lower() in _BULK_COUNTS and any(c.dep_ == "det" and c.lower_ == "the" for c in children_of(noun)) \
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in children_of(noun))


def by_phrase(verb: Token) -> list[Token]:
    """The doers a participle's 'by' names, whether the parser made it the agent or a plain
    preposition ("peacekeepers deployed to Lebanon by Ireland began ..."); never a date ("by
    Friday"), a number ("by 10 percent") or a count of those acted on ("by the truckload")."""
    return [p for c in children_of(verb) if c.dep_ in ("agent", "prep") and c.lower_ == "by"
            for p in children_of(c) if p.dep_ == "pobj" and p.ent_type_ not in _NOT_DOERS and not bulk_count(p)]


def participle_noun(verb: Token) -> Token | None:
    """The noun a verb has as its subject, when it is a noun (not a pronoun) right before it."""
    for c in children_of(verb):
        if c.dep_ == "nsubj" and c.i < verb.i and c.pos_ in ("NOUN", "PROPN"):
            return c
    return None


def described_noun(verb: Token, deps: tuple[str, ...]) -> Token | None:
    """The noun a participle child of ``verb`` describes, for a child in one of ``deps``."""
    for c in children_of(verb):
        if c.dep_ in deps and reduced_relative(c):
            return participle_noun(c)
    return None
