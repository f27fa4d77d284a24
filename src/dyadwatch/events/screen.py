"""Screening: the tokens of a doc that may trigger at all, by the lexicon's pattern index.

``TriggerScreen`` holds the lemmas some pattern names (verbs, frames and light verbs; event nouns
and copula nouns) and answers, on one array of a doc's token attributes, which tokens the matcher
needs to look at. Answers by string hash are kept with the lexicon across articles.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyadwatch.knowledge.words import ADJECTIVE_TRIGGER_DEPS, LIGHT_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from dyadwatch.knowledge.lexicon import Lexicon



class TriggerScreen:
    """Which tokens of a doc the matcher may match, for one lexicon."""

    def __init__(self, lexicon: Lexicon, has_fallback: bool) -> None:
        self.lexicon = lexicon
        self.has_fallback = has_fallback
        verbs, nouns = lexicon.trigger_lemmas  # built once per lexicon
        self._verbish: frozenset[str] = verbs | LIGHT_VERBS | lexicon.noun_light_verbs
        self._nounish: frozenset[str] = nouns

    def screen(self, doc: Doc) -> list[int]:
        """Indices of the tokens of ``doc`` that :meth:`match` may match, in text order. For the
        others it is sure to find nothing, since no pattern names their lemma (a verb may still
        be a light verb, or match by vector when there is a fallback). Most tokens are such,
        and are passed by on one array of their attributes, without a look at their arguments."""
        import numpy
        from spacy.attrs import DEP, LEMMA, LOWER, POS
        from spacy.symbols import ADJ, NOUN, PROPN, VERB

        strings = doc.vocab.strings
        table = doc.to_array([POS, DEP, LEMMA, LOWER])
        pos = table[:, 0]
        # the few dependencies compared one by one: ``numpy.isin`` costs four times as much
        dep = table[:, 1]
        adjective_dep = numpy.zeros(len(dep), dtype=bool)
        for name in ADJECTIVE_TRIGGER_DEPS:
            adjective_dep |= dep == numpy.uint64(strings.as_int(name))
        adjectives = (pos == ADJ) & adjective_dep
        verbs = numpy.flatnonzero((pos == VERB) | adjectives).tolist()
        nouns = numpy.flatnonzero((pos == NOUN) | (pos == PROPN)).tolist()
        verb_rows = table[verbs][:, [0, 2]].tolist()
        noun_rows = table[nouns][:, 2:].tolist()
        # Answers by string hash (the same string in any vocab), kept with the lexicon: is the
        # lowercase lemma a verb's, a noun's; is the lowercase form a noun's.
        answers = self.lexicon.screen_answers

        def ask(question: str, keys: set[int], words: frozenset[str], fold: bool) -> dict[int, bool]:
            def compute(asked: tuple[str, int]) -> bool:
                text: str = strings[asked[1]]
                return (text.lower() if fold else text) in words

            found = answers.get_or_compute_many([(question, key) for key in keys], compute)
            return {key: found[question, key] for key in keys}

        # one question per distinct word of the doc, not per token, all under one lock (a lock
        # per question cost more than the answer)
        verb_ok = ask("verb-lemma", {lemma for _, lemma in verb_rows}, self._verbish, True)
        noun_ok = ask("noun-lemma", {lemma for lemma, _ in noun_rows}, self._nounish, True)
        form_ok = ask("noun-form", {lower for _, lower in noun_rows}, self._nounish, False)
        fallback = self.has_fallback
        return sorted(
            [i for i, (kind, lemma) in zip(verbs, verb_rows, strict=True)
             if (fallback and kind == VERB) or verb_ok[lemma]]
            + [i for i, (lemma, lower) in zip(nouns, noun_rows, strict=True)
               if noun_ok[lemma] or form_ok[lower]]
        )
