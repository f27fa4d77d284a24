"""The cached lemmatizer gives the stock English rule lemmatizer's lemmas."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.lookups import Lookups
from spacy.tokens import Doc

from dyadwatch.coder import Coder
from dyadwatch.nlp.lemmas import CachedLemmatizer, use_cached_lemmas

# A few tables as the English pipelines have them: suffix rules, an index, exceptions.
TABLES: dict[str, dict[str, Any]] = {
    "lemma_rules": {
        "noun": [["s", ""], ["ies", "y"]],
        "verb": [["ed", "e"], ["ed", ""], ["ing", ""]],
        "adj": [["er", ""]],
    },
    "lemma_index": {"noun": ["talk", "army"], "verb": ["meet", "plan", "talk"], "adj": ["big"]},
    "lemma_exc": {"verb": {"met": ["meet"], "went": ["go"]}, "noun": {"men": ["man"]}},
}
WORDS = ["talks", "armies", "met", "Met", "planned", "talking", "went", "men", "bigger", "Mali"]
POS = ["NOUN", "VERB", "ADJ", "PROPN", "ADP", "SPACE"]
MORPHS = ["", "Number=Sing", "Number=Plur", "VerbForm=Inf", "Tense=Past|VerbForm=Fin",
          "Degree=Cmp", "Degree=Pos", "Tense=Pres|VerbForm=Fin"]  # fmt: skip


def _pipeline(cached: bool, overwrite: bool = False) -> Any:
    nlp = spacy.blank("en")
    lemmatizer: Any = nlp.add_pipe("lemmatizer", config={"mode": "rule", "overwrite": overwrite})
    lookups = Lookups()
    for name, table in TABLES.items():
        lookups.add_table(name, table)
    lemmatizer.initialize(lookups=lookups)
    if cached:
        assert use_cached_lemmas(nlp)
    return nlp


STOCK, CACHED = _pipeline(False), _pipeline(True)
STOCK_OVER, CACHED_OVER = _pipeline(False, True), _pipeline(True, True)


def _doc(vocab: Any, tokens: list[tuple[str, str, str, bool]]) -> Doc:
    doc = Doc(vocab, words=[w for w, *_ in tokens], pos=[p for _, p, _, _ in tokens],
              morphs=[m for _, _, m, _ in tokens])  # fmt: skip
    for token, (*_, preset) in zip(doc, tokens, strict=True):
        if preset:  # as the attribute ruler sets some ("ai" -> "be")
            token.lemma_ = "preset"
    return doc


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(POS), st.sampled_from(MORPHS),
                          st.booleans()), max_size=10), st.booleans())  # fmt: skip
def test_the_same_lemmas_as_the_stock_lemmatizer(
    tokens: list[tuple[str, str, str, bool]], overwrite: bool
) -> None:
    stock, cached = (STOCK_OVER, CACHED_OVER) if overwrite else (STOCK, CACHED)
    expected = stock.get_pipe("lemmatizer")(_doc(stock.vocab, tokens))
    got = cached.get_pipe("lemmatizer")(_doc(cached.vocab, tokens))
    assert [t.lemma_ for t in got] == [t.lemma_ for t in expected]


def test_the_swapped_lemmatizer_keeps_its_place_settings_and_tables() -> None:
    nlp = _pipeline(False)
    nlp.add_pipe("sentencizer", first=True)
    old: Any = nlp.get_pipe("lemmatizer")
    assert use_cached_lemmas(nlp)
    new: Any = nlp.get_pipe("lemmatizer")
    assert isinstance(new, CachedLemmatizer) and new.lookups is old.lookups
    assert nlp.pipe_names == ["sentencizer", "lemmatizer"]
    assert nlp.config["components"]["lemmatizer"]["factory"] == "dw_lemmatizer"
    assert use_cached_lemmas(nlp)  # already swapped


def test_a_lookup_lemmatizer_is_left_as_it_is() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert not use_cached_lemmas(nlp)
    assert not isinstance(nlp.get_pipe("lemmatizer"), CachedLemmatizer)
    assert not use_cached_lemmas(spacy.blank("en"))  # no lemmatizer at all


@pytest.mark.model
def test_the_coders_pipeline_gives_the_stock_lemmas(coder: Coder) -> None:
    nlp = coder.nlp
    lemmatizer: Any = nlp.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, CachedLemmatizer)
    text = ("Algeria's army met US officials in Algiers on Friday; they ain't gonna stop the "
            "talks, the ministers said, as rebels were shelling villages and fleeing men "
            "reported bigger attacks.\n\nThe talks went on.")  # fmt: skip
    with nlp.select_pipes(disable=["lemmatizer"]):
        doc = nlp(text)
    stock = Doc(doc.vocab).from_bytes(doc.to_bytes())
    type(lemmatizer).__mro__[1].__call__(lemmatizer, stock)  # the stock component's loop
    lemmatizer(doc)
    assert [t.lemma_ for t in doc] == [t.lemma_ for t in stock]
    assert {"meet", "minister", "shell", "go"} <= {t.lemma_ for t in doc}
