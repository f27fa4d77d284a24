"""The event stage's shortcuts give what the plain computations give.

Each shortcut (the trigger screen, the doc's date cues, the clause contexts by head walk, the
quote scan by search) is checked against the straightforward computation it replaces.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from dyadwatch.actors.resolve import ArticleActors
from dyadwatch.coder import Coder
from dyadwatch.context import ArticleContext
from dyadwatch.events.extract import EventExtractor, quote_spans
from dyadwatch.read.dates import date_cues, doc_date_cues

TEXT = (
    "Egypt recently said it would not meet Ethiopia over the dam, and urged Sudan to hold talks. "
    "On Monday the Algerian army launched an attack on rebels in the north, officials said. "
    "“We are ready to cooperate on military and economic aid,” the minister told reporters "
    "lately. The two countries signed a trade agreement in 2015 for ten years."
)


def _extractor(coder: Coder, text: str = TEXT) -> EventExtractor:
    doc = coder.nlp(text)
    actors = ArticleActors(doc, coder.knowledge, None)
    return EventExtractor(ArticleContext.bare(doc, coder.knowledge), actors, coder.lexicon,
                          coder.ontology, coder.contexts)


def _quote_spans_plain(text: str) -> list[tuple[int, int]]:
    """quote_spans as it read before: one character at a time."""
    pairs = {"“": "”", '"': '"', "«": "»"}
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in pairs:
            close = text.find(pairs[ch], i + 1)
            nxt_para = text.find("\n\n", i + 1)
            if close == -1:
                break
            if nxt_para != -1 and nxt_para < close and ch == '"':
                i += 1
                continue
            spans.append((i, close + 1))
            i = close + 1
        else:
            i += 1
    return spans


@pytest.mark.parametrize("text", [
    "", "no quotes", 'He said "yes" and "no".', "“Open” and “unclosed", '"a\n\nb" then "c"',
    '«x» "y\n\nz', "“a” « b » \"c\"", '"""', "“”“”",
])
def test_quote_spans_match_the_plain_scan(text: str) -> None:
    assert quote_spans(text) == _quote_spans_plain(text)


@pytest.mark.model
def test_screen_keeps_every_token_that_matches(coder: Coder) -> None:
    extractor = _extractor(coder)
    screened = set(extractor.screen.screen(extractor.doc))
    matched = {t.i for t in extractor.doc if extractor.matcher.match(t) is not None}
    assert matched
    assert matched <= screened


@pytest.mark.model
def test_doc_date_cues_are_each_sentences_cues(coder: Coder) -> None:
    doc = coder.nlp(TEXT)
    cues = doc_date_cues(doc)
    for sent in doc.sents:
        own = [(tok.i, text) for start, end, tok, text in cues if start >= sent.start and end <= sent.end]
        assert sorted(own) == sorted((tok.i, text) for tok, text in date_cues(sent))
    assert {text for *_, text in cues} >= {"recently", "lately", "Monday"}


@pytest.mark.model
def test_clause_contexts_are_the_subtrees(coder: Coder) -> None:
    extractor = _extractor(coder)
    contexts = extractor.plover.contexts
    for token in extractor.doc:
        top = token.head if token.pos_ == "NOUN" else token
        plain: list[str] = []
        for tok in top.subtree:
            ctx = contexts.get(tok.lemma_.lower()) or contexts.get(tok.lower_)
            if ctx and ctx not in plain:
                plain.append(ctx)
        assert extractor.plover.clause_contexts(SimpleNamespace(trigger=token)) == plain  # type: ignore[arg-type]
