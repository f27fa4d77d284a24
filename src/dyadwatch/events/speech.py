"""Speech: who says what an event is reported in.

``Speakers`` finds the speaker of the reported speech a trigger sits in: the subject of the
speech verb whose complement holds it ("Egypt said [it would ...]"), else the speaker of the
quotation around it (a speech verb with a subject just after the closing quote, or before the
opening one on the same line). ``quote_spans`` pairs the quote marks of a text.
``claim_denier`` finds whom a pronoun stands for in a claim its subject denies ("Russia
dismissed U.S. claims that it had supplied drones": Russia, not the claimant); ``claim_owner``
and ``claims_ground`` tell the claim that is its maker's own boast ("Ukraine denied Russian
claims that it had captured the town": Russia).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dyadwatch.events.modality import DENIAL_GOVERNORS, REPORT_NOUNS
from dyadwatch.knowledge.words import GROUND_NOUNS, OWN_CLAIM_NOUNS, SPEECH_VERBS, TAKING_VERBS
from dyadwatch.nlp.tree import children as children_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from dyadwatch.actors.resolve import ArticleActors
    from dyadwatch.events.clauses import Clauses
    from dyadwatch.records import Actor

_QUOTES = {"“": "”", '"': '"', "«": "»"}
_OPENING = re.compile("|".join(map(re.escape, _QUOTES)))


def quote_spans(text: str, *, unmatched: bool = False) -> list[tuple[int, int]]:
    """Character spans of quotations (curly or straight double quotes), possibly multi-sentence;
    with ``unmatched``, also a quote mark left open, where the search stops, as a one-character
    span (the pre-filter keeps its sentence)."""
    spans: list[tuple[int, int]] = []
    i = 0
    while (found := _OPENING.search(text, i)) is not None:  # jump to the next opening quote
        i = found.start()
        ch = text[i]
        close = text.find(_QUOTES[ch], i + 1)
        nxt_para = text.find("\n\n", i + 1)
        # A quote that runs on into the next paragraph reopens there ("... partner. \n\n“...")
        if close == -1:
            if unmatched:
                spans.append((i, i + 1))
            break
        if nxt_para != -1 and nxt_para < close and ch == '"':
            i += 1
            continue
        spans.append((i, close + 1))
        i = close + 1
    return spans


_CLAIM_PRONOUNS = frozenset({"it", "they", "he", "she", "we"})
# How a claim's content clause hangs on its noun: as a clause of the noun, or (the noun read as
# a verb, "U.S. claims that ...") as its complement.
_CONTENT_DEPS = frozenset({"acl", "ccomp", "relcl"})


def _clause_of(pronoun: Token) -> Token:
    """The verb of the clause ``pronoun`` is the subject of, past conjoined verbs ("that it had
    entered and captured the town": 'entered'), which a claim's content clause hangs on."""
    clause = pronoun.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    return clause


def claim_denier(pronoun: Token) -> Token | None:
    """The subject of the verb that denies a claim whose content clause has ``pronoun`` for its
    subject: "Russia dismissed U.S. claims that it had supplied drones", "the army rejected
    allegations that they fired on protesters". The claim is about the party that answers it,
    not about its maker, so the pronoun is that party. ``None`` for any other pronoun, and for a
    claim nobody is said to deny ("U.S. claims that it ..." keeps today's reading)."""
    if pronoun.lower_ not in _CLAIM_PRONOUNS or pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = _clause_of(pronoun)
    if clause.dep_ not in _CONTENT_DEPS or (
        clause.dep_ == "relcl" and not any(c.dep_ == "mark" for c in children_of(clause))
    ):
        return None  # "claims that reached us": a relative clause, not what is claimed
    noun = clause.head
    if noun.lemma_.lower() not in REPORT_NOUNS or noun.i > clause.i:
        return None
    while noun.dep_ == "conj" and noun.head.i != noun.i:  # "denied rumours and claims that"
        noun = noun.head
    denier = noun.head
    # a noun as the denial's object, or a mis-tagged plural ("U.S. claims") as its complement
    if noun.dep_ not in ("dobj", "ccomp") or denier.lemma_.lower() not in DENIAL_GOVERNORS:
        return None
    if noun.dep_ == "ccomp" and noun.tag_ != "VBZ":
        return None  # "denied it claimed that ...": a real clause, whose subject is the claimant
    subjects = [c for c in children_of(denier) if c.dep_ == "nsubj"]
    return subjects[0] if subjects else None


def claim_owner(pronoun: Token) -> Token | None:
    """Who makes the claim a pronoun's clause is the content of: the possessor ("Moscow's
    claims that it ..."), a nationality or name before the noun ("Russian claims", "Hamas
    claims") or its 'by' or 'from' phrase ("claims by Russia"). Only for a claim or an
    assertion, which may be the owner's word about itself; ``None`` otherwise."""
    clause = _clause_of(pronoun)
    noun = clause.head
    if clause.dep_ not in _CONTENT_DEPS or noun.lemma_.lower() not in OWN_CLAIM_NOUNS:
        return None
    for c in children_of(noun):
        if c.dep_ == "poss" and c.pos_ != "PRON":
            return c
        if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i and c.ent_type_ in ("NORP", "GPE", "ORG"):
            return c
        if c.dep_ == "nsubj" and noun.tag_ == "VBZ":  # "Hamas claims" mis-tagged as a verb
            return c
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            found = [p for p in children_of(c) if p.dep_ == "pobj"]
            if found:
                return found[0]
    return None


def claims_ground(pronoun: Token) -> bool:
    """Whether the clause a pronoun is the subject of takes ground: "it had captured the town",
    "it had seized two villages", "it had taken control of Bakhmut"."""
    verb = pronoun.head
    if verb.lemma_.lower() not in TAKING_VERBS:
        return False
    return any(c.dep_ == "dobj" and (c.lemma_.lower() in GROUND_NOUNS or c.ent_type_ in ("GPE", "LOC", "FAC"))
               for c in children_of(verb))


class Speakers:
    """The speakers of the reported speech of one parsed article."""

    def __init__(self, doc: Doc, text: str, actors: ArticleActors, clauses: Clauses) -> None:
        self.doc = doc
        self.actors = actors
        self.clauses = clauses
        self._doc_text = text
        self._quotes = quote_spans(text)
        self._speakers: dict[tuple[int, int], Actor | None] = {}
        self._speaker_of: dict[int, Actor | None] = {}  # speaker_for by token index

    def speaker_for(self, token: Token) -> Actor | None:
        """The speaker of the reported speech that contains ``token``, if any."""
        if token.i not in self._speaker_of:
            self._speaker_of[token.i] = self._find_speaker(token)
        return self._speaker_of[token.i]

    def _find_speaker(self, token: Token) -> Actor | None:
        head = self.clauses.speech_head(token)
        if head is not None:
            subjects, _ = self.clauses.subjects(head)
            if subjects:
                found = self.clauses.actor(subjects[0])
                if found is not None:
                    return found
        for start, end in self._quotes:
            if start <= token.idx < end:
                return self._quote_speaker(start, end)
        return None

    def _quote_speaker(self, start: int, end: int) -> Actor | None:
        if (start, end) in self._speakers:
            return self._speakers[(start, end)]
        speaker: Actor | None = None
        after = self.doc.char_span(end, min(len(self._doc_text), end + 80), alignment_mode="expand")
        before_start = self._doc_text.rfind("\n", 0, start)
        before = self.doc.char_span(max(before_start, 0), start, alignment_mode="expand")
        for window in (after, before):
            if window is None:
                continue
            for tok in window:
                if tok.lemma_.lower() in SPEECH_VERBS and tok.pos_ == "VERB":
                    subjects, _ = self.clauses.subjects(tok)
                    if subjects:
                        speaker = self.actors.resolve(subjects[0])
                        break
            if speaker is not None:
                break
        self._speakers[(start, end)] = speaker
        return speaker
