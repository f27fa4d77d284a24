"""Fallback for verbs outside the lexicon: the nearest lexicon verb by word vector.

A verb with no pattern ("lambasted", "castigated") is compared, by the cosine of the pipeline's
word vectors, with every single-word lemma of a verb pattern that needs no particle or object;
above ``THRESHOLD`` the nearest lemma's pattern codes the event. The event's rule says so
(``fallback:similar:<pattern id>:<similarity>``) and its confidence is the table's lowest
(``CONFIDENCE.vector_fallback``, see confidence.py). The extractor uses it
only for main-clause verbs with a clear source and a target, or a state or IGO source.

Measured (2026-12-01) with the default pipeline, whose table keeps 20,000 vector rows for 685,000
words: over both dev sets and the bundled corpus the fallback fired 4 times (6 at threshold 0.5)
and was wrong every time ("valued relations" -> negotiate, "regarded X as a partner" ->
pessimistic), since pruned tables map unrelated rare words onto one row. It is therefore used only
with pipelines whose tables hold at least ``MIN_VECTOR_ROWS`` distinct vectors (such as
en_core_web_lg); pipelines without such vectors have no fallback.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from dyadwatch.events.confidence import CONFIDENCE
from dyadwatch.events.match import Match
from dyadwatch.knowledge.lexicon import Lexicon, Pattern
from dyadwatch.knowledge.words import SPEECH_VERBS, VAGUE_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token
    from spacy.vocab import Vocab

    from dyadwatch.events.clauses import Clauses

THRESHOLD = 0.6
# Distinct vector rows a pipeline needs for the fallback (the md model's 20,000 are too few).
MIN_VECTOR_ROWS = 100_000
# Pruned vector tables map many rare words onto one row: a cosine of 1 says nothing.
SAME_ROW = 0.98


class Fallback:
    """Nearest-lemma lookup over the lexicon's verb patterns."""

    def __init__(self, lexicon: Lexicon, vocab: Vocab) -> None:
        import numpy as np

        self._np = np
        self.vocab = vocab
        lemmas: list[str] = []
        patterns: list[Pattern] = []
        for p in lexicon.patterns:
            if p.kind != "verb" or p.particles or p.objects:
                continue
            for lemma in sorted(p.lemmas):
                if " " in lemma or lemma in lemmas or not vocab.has_vector(lemma):
                    continue
                lemmas.append(lemma)
                patterns.append(p)
        self.known = {lemma for p in lexicon.patterns for lemma in p.lemmas}
        self.lemmas = lemmas
        self.patterns = patterns
        matrix = np.array([vocab.get_vector(w) for w in lemmas], dtype="float32")
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        self.matrix: Any = matrix / np.where(norms == 0, 1, norms)

    def match(self, token: Token) -> tuple[Pattern, float] | None:
        lemma = token.lemma_.lower()
        if lemma in self.known or lemma in VAGUE_VERBS or not self.lemmas or not self.vocab.has_vector(lemma):
            return None
        vector: Any = self.vocab.get_vector(lemma)
        norm = float(self._np.linalg.norm(vector))
        if norm == 0:
            return None
        sims = self.matrix @ (vector / norm)
        best = int(sims.argmax())
        similarity = float(sims[best])
        if similarity < THRESHOLD or similarity > SAME_ROW:
            return None
        return self.patterns[best], similarity


def fallback_for(lexicon: Lexicon, vocab: Vocab, min_rows: int = MIN_VECTOR_ROWS) -> Fallback | None:
    """The fallback for a lexicon and a pipeline's vocabulary (built once, then cached); None when
    the pipeline has fewer than ``min_rows`` distinct vectors."""
    try:
        rows = int(vocab.vectors.shape[0])
    except AttributeError:
        return None
    if rows == 0 or rows < min_rows:
        return None
    return _cached(lexicon, vocab)


@cache
def _cached(lexicon: Lexicon, vocab: Vocab) -> Fallback:
    return Fallback(lexicon, vocab)


def fallback_match(fallback: Fallback, clauses: Clauses, token: Token) -> Match | None:
    """A main-clause verb outside the lexicon matched by vector, with a clear source and a
    target on the other side or a state or IGO source."""
    if token.pos_ != "VERB":
        return None
    node = token
    while node.dep_ == "conj":
        node = node.head
    main = node.dep_ == "ROOT" or (node.dep_ in ("ccomp", "parataxis")
                                   and node.head.lemma_.lower() in SPEECH_VERBS)
    if not main:
        return None  # only main-clause verbs: a subordinate clause is background
    found = fallback.match(token)
    if found is None:
        return None
    pattern, similarity = found
    if pattern.kind == "frame":
        return None
    # only with a clear source, and a target on the other side or a named source
    subjects, _ = clauses.subjects(token)
    source = clauses.actor(subjects[0]) if subjects else None
    if source is None:
        return None
    obj = clauses.direct_object(token)
    target = clauses.actor(clauses.actor_inside(obj)) if obj is not None else None
    if target is None and source.kind not in ("state", "igo"):
        return None
    return Match(pattern, token, obj, pattern.code, pattern.code,
                 f"fallback:similar:{pattern.id}:{similarity:.2f}",
                 confidence=CONFIDENCE.vector_fallback)
