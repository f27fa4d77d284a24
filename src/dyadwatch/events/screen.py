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

_MEMO_SIZE = 50_000  # string hashes whose screen answer is kept (a few MB)


class TriggerScreen:
    """Which tokens of a doc the matcher may match, for one lexicon."""

    def __init__(self, lexicon: Lexicon, has_fallback: bool) -> None:
        self.lexicon = lexicon
        self.has_fallback = has_fallback
        # for every article, so kept with the lexicon.
        lemmas = lexicon.memo("matcher:lemmas")
        if not lemmas:
            lemmas["verb"] = lexicon.lemmas("verb", "frame") | LIGHT_VERBS
            lemmas["noun"] = lexicon.lemmas("noun", "copula")
        self._verbish: frozenset[str] = lemmas["verb"]
        self._nounish: frozenset[str] = lemmas["noun"]

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
        deps = numpy.array([strings.as_int(d) for d in ADJECTIVE_TRIGGER_DEPS], dtype=numpy.uint64)
        adjectives = (pos == ADJ) & numpy.isin(table[:, 1], deps)
        verbs = numpy.flatnonzero((pos == VERB) | adjectives).tolist()
        nouns = numpy.flatnonzero((pos == NOUN) | (pos == PROPN)).tolist()
        # Answers by string hash (the same string in any vocab), kept with the lexicon: is the
        # lowercase lemma a verb's, a noun's; is the lowercase form a noun's.
        verbish = self.lexicon.memo("screen:verb-lemma")
        nounish = self.lexicon.memo("screen:noun-lemma")
        nounish_form = self.lexicon.memo("screen:noun-form")
        for memo in (verbish, nounish, nounish_form):
            if len(memo) > _MEMO_SIZE:
                memo.clear()  # a long run over new words stays bounded
        verb_rows = table[verbs][:, [0, 2]].tolist()
        noun_rows = table[nouns][:, 2:].tolist()
        # This doc's answers in local dicts: a coder shared by threads may see a memo cleared.
        verb_ok = {lemma: verbish.get(lemma) for _, lemma in verb_rows}
        noun_ok = {lemma: nounish.get(lemma) for lemma, _ in noun_rows}
        form_ok = {lower: nounish_form.get(lower) for _, lower in noun_rows}
        for lemma in [k for k, v in verb_ok.items() if v is None]:
            verb_ok[lemma] = verbish[lemma] = strings[lemma].lower() in self._verbish
        for lemma in [k for k, v in noun_ok.items() if v is None]:
            noun_ok[lemma] = nounish[lemma] = strings[lemma].lower() in self._nounish
        for lower in [k for k, v in form_ok.items() if v is None]:
            form_ok[lower] = nounish_form[lower] = strings[lower] in self._nounish
        fallback = self.has_fallback
        return sorted(
            [i for i, (kind, lemma) in zip(verbs, verb_rows, strict=True)
             if (fallback and kind == VERB) or verb_ok[lemma]]
            + [i for i, (lemma, lower) in zip(nouns, noun_rows, strict=True)
               if noun_ok[lemma] or form_ok[lower]]
        )
