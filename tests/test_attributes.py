"""The attribute ruler's index finds exactly the matches spaCy's Matcher finds."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from dyadwatch.coder import Coder
from dyadwatch.nlp.attributes import AttributeIndex, IndexedAttributeRuler, use_index

# Patterns in every form the English pipelines use: a tag, a word and a tag, lists, negated
# lists, regular expressions, whitespace, dependency labels, two tokens, a negative index.
PATTERNS: list[dict[str, Any]] = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "VBD"}]], "attrs": {"POS": "VERB", "MORPH": "Tense=Past"}},
    {"patterns": [[{"TAG": "VBD", "LOWER": "met"}]], "attrs": {"LEMMA": "meet"}},
    {"patterns": [[{"TAG": {"IN": ["PRP", "PRP$"]}}]], "attrs": {"POS": "PRON"}},
    {"patterns": [[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], "attrs": {"LEMMA": "you"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": -1},
    {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "was"]}}]], "attrs": {"POS": "VERB"},
     "index": 1},
    {"patterns": [[{"TAG": {"NOT_IN": ["NN", "VBD"]}, "DEP": {"IN": ["nsubj", "dobj"]}}]],
     "attrs": {"MORPH": "Case=Nom"}},
    {"patterns": [[{"IS_SPACE": True, "DEP": {"NOT_IN": ["dep"]}}]], "attrs": {"POS": "SPACE"}},
    {"patterns": [[{"TAG": "NN", "LOWER": "talks"}], [{"TAG": "VBD", "LOWER": "talked"}]],
     "attrs": {"LEMMA": "talk"}},
    {"patterns": [[{"ORTH": "Algeria"}, {}], [{"TEXT": "he"}]], "attrs": {"MORPH": "Case=Acc"}},
    {"patterns": [[{"NORM": "said", "IS_SPACE": False}]], "attrs": {"LEMMA": "say"}},
    {"patterns": [[{"LOWER": {"REGEX": "ll"}}]], "attrs": {"MORPH": "Foo=Bar"}},  # unanchored
    {"patterns": [[{"LOWER": {"IN": []}}]], "attrs": {"LEMMA": "never"}},
    {"patterns": [[{"TAG": "EX"}], [{"TAG": "EX"}]], "attrs": {"POS": "PRON"}},  # duplicates
]  # fmt: skip
WORDS = ["y'", "y", "all", "gon", "na", "met", "talks", "talked", "there", "is", "was", "he",
         "her", "army", "\n", "Algeria", "said", "Said", "HE", "well"]  # fmt: skip
TAGS = ["NN", "VBD", "PRP", "PRP$", "EX", "VBZ", "_SP", "NNP"]
DEPS = ["nsubj", "dobj", "expl", "ROOT", "dep", "prep"]


@pytest.fixture(scope="module")
def ruler() -> AttributeRuler:
    nlp = spacy.blank("en")
    built: Any = nlp.add_pipe("attribute_ruler")
    built.add_patterns(PATTERNS)
    return built


def _doc(vocab: Any, tokens: list[tuple[str, str, str]], parsed: bool = True) -> Doc:
    words = [w for w, _, _ in tokens]
    if not parsed:  # tags only: patterns on dependencies see none (allow_missing)
        return Doc(vocab, words=words, spaces=[False] * len(words), tags=[t for _, t, _ in tokens])
    return Doc(vocab, words=words, spaces=[False] * len(words), tags=[t for _, t, _ in tokens],
               deps=[d for _, _, d in tokens], heads=[0] * len(words))  # fmt: skip


def test_every_kind_of_pattern_is_indexed(ruler: AttributeRuler) -> None:
    index = AttributeIndex.of(ruler)
    assert index is not None
    indexed = {id(r) for by_value in index.index.values() for rules in by_value.values() for r in rules}
    # one rule per token pattern, but "IN: []", which can never match, is filed nowhere
    assert len(indexed) + len(index.others) == 17
    assert [r.number for r in index.others] == [4, 12]  # the regular expressions: everywhere


@pytest.mark.parametrize(
    "tokens",
    [
        [("y'", "PRP", "nsubj"), ("all", "NN", "ROOT")],
        [("gon", "VBD", "ROOT"), ("na", "NN", "dobj")],
        [("there", "EX", "expl"), ("is", "VBZ", "ROOT"), ("\n", "_SP", "dep")],
        [("he", "PRP", "nsubj"), ("met", "VBD", "ROOT"), ("her", "PRP$", "dobj")],
        [("talks", "NN", "nsubj"), ("\n", "_SP", "ROOT"), ("Algeria", "NNP", "dobj")],
        [("y", "NNP", "nsubj")],  # a regular expression at the last token: no second token
    ],
)
def test_the_index_finds_the_matchers_matches(
    ruler: AttributeRuler, tokens: list[tuple[str, str, str]]
) -> None:
    doc = _doc(ruler.vocab, tokens)
    index = AttributeIndex.of(ruler)
    assert index is not None
    expected = AttributeRuler.match(ruler, doc)
    assert expected  # the case tests something
    assert index.match(doc) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(TAGS), st.sampled_from(DEPS)),
                max_size=12), st.booleans())  # fmt: skip
def test_the_index_agrees_with_the_matcher_on_any_tokens(
    ruler: AttributeRuler, tokens: list[tuple[str, str, str]], parsed: bool
) -> None:
    doc = _doc(ruler.vocab, tokens, parsed)
    index = AttributeIndex.of(ruler)
    assert index is not None
    assert index.match(doc) == AttributeRuler.match(ruler, doc)


@pytest.mark.parametrize(
    "pattern",
    [
        [{"TAG": "NN", "OP": "+"}],  # operators
        [{"POS": "NOUN"}],  # an attribute the index does not read
        [{"LOWER": {"FUZZY": "meet"}}],  # a predicate it does not know
        [{"LENGTH": {">=": 3}}],
    ],
)
def test_patterns_it_cannot_check_stay_with_spacys_matcher(pattern: list[dict[str, Any]]) -> None:
    nlp = spacy.blank("en")
    ruler: Any = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns([*PATTERNS, {"patterns": [pattern], "attrs": {"LEMMA": "x"}}])
    assert AttributeIndex.of(ruler) is None
    assert use_index(nlp) is False
    assert type(nlp.get_pipe("attribute_ruler")) is AttributeRuler  # left as it was


def test_the_swapped_ruler_is_a_registered_component_in_the_same_place() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    stock: Any = nlp.add_pipe("attribute_ruler", config={"validate": True})
    nlp.add_pipe("entity_ruler")
    stock.add_patterns(PATTERNS)
    assert use_index(nlp)
    ruler: Any = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, IndexedAttributeRuler) and ruler.indexed and ruler.validate
    assert nlp.pipe_names == ["sentencizer", "attribute_ruler", "entity_ruler"]
    assert nlp.config["components"]["attribute_ruler"]["factory"] == "dw_attribute_ruler"
    assert ruler.patterns == stock.patterns
    assert use_index(nlp)  # already swapped: nothing to do


def test_the_indexed_ruler_sets_the_same_attributes(ruler: AttributeRuler) -> None:
    tokens = [("there", "EX", "expl"), ("is", "VBZ", "ROOT"), ("y'", "PRP", "nsubj"),
              ("all", "NN", "dobj"), ("met", "VBD", "ROOT"), ("\n", "_SP", "prep")]  # fmt: skip
    stock, indexed = _doc(ruler.vocab, tokens), _doc(ruler.vocab, tokens)
    ruler(stock)
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns(PATTERNS)
    assert use_index(nlp)
    fast: Any = nlp.get_pipe("attribute_ruler")
    fast(indexed)

    def attrs(doc: Doc) -> list[tuple[str, str, str]]:
        return [(t.pos_, str(t.morph), t.lemma_) for t in doc]

    assert attrs(indexed) == attrs(stock)
    assert {t.pos_ for t in stock} >= {"VERB", "PRON", "SPACE"}


@pytest.mark.model
def test_the_coders_pipeline_uses_the_index_with_the_same_matches(coder: Coder) -> None:
    """The real English pipeline: its ruler is indexed, and on text with the ruler's special
    cases every match is the Matcher's."""
    nlp = coder.nlp
    ruler: Any = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, IndexedAttributeRuler) and ruler.indexed  # swapped in at load
    text = (
        "Y'all ain't gonna believe it, the minister said. There is a deal, and there's gotta "
        "be more: let's go, c'mon! He gets it; she got it.\n\nAlgeria's army met US officials "
        "in Algiers on Friday and they talked nothin' but security."
    )
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "attribute_ruler":
            break
        doc = proc(doc)
    expected = AttributeRuler.match(ruler, doc)
    assert ruler.match(doc) == expected
    numbers = {number for number, *_ in expected}
    assert len(numbers) > 20  # many of the ruler's rules were exercised
    parsed = nlp(text)
    assert [t.lemma_ for t in parsed if t.lower_ in ("ai", "gon")] == ["be", "go"]  # in text order


def _indexed_pipeline() -> Any:
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns(PATTERNS)
    assert use_index(nlp)
    return nlp


TOKENS = [("there", "EX", "expl"), ("is", "VBZ", "ROOT"), ("y'", "PRP", "nsubj"),
          ("all", "NN", "dobj"), ("Qwzxplk", "NN", "dobj")]  # fmt: skip


@pytest.mark.parametrize("copy", ["pickle", "deepcopy"])
def test_an_indexed_pipeline_pickles_and_copies(copy: str) -> None:
    """Review of the index: it read strings from the store it was built with, so a copied
    pipeline failed on new words and a pickled one did not pickle."""
    import copy as copying
    import pickle

    nlp = _indexed_pipeline()
    other = pickle.loads(pickle.dumps(nlp)) if copy == "pickle" else copying.deepcopy(nlp)
    ruler = other.get_pipe("attribute_ruler")
    doc = _doc(other.vocab, TOKENS)
    assert ruler.match(doc) == AttributeRuler.match(ruler, doc)
    assert isinstance(ruler, IndexedAttributeRuler) and ruler.indexed  # still indexed


def test_a_doc_of_another_vocab_is_matched_on_its_own_strings() -> None:
    ruler = _indexed_pipeline().get_pipe("attribute_ruler")
    doc = _doc(spacy.blank("en").vocab, [("Snorfle", "NN", "ROOT"), *TOKENS[2:4]])
    assert ruler.match(doc) == AttributeRuler.match(ruler, doc)


def test_patterns_added_or_cleared_after_indexing_are_seen() -> None:
    nlp = _indexed_pipeline()
    ruler = nlp.get_pipe("attribute_ruler")
    doc = _doc(nlp.vocab, TOKENS)
    ruler.add_patterns([{"patterns": [[{"LOWER": "qwzxplk"}]], "attrs": {"LEMMA": "new"}}])
    assert ruler.match(doc) == AttributeRuler.match(ruler, doc)
    assert ruler.match(doc)[-1][0] == len(PATTERNS)  # the rule just added
    ruler.add_patterns([{"patterns": [[{"LOWER": "is", "OP": "?"}]], "attrs": {"LEMMA": "x"}}])
    assert ruler.match(doc) == AttributeRuler.match(ruler, doc)  # spaCy's Matcher again
    assert not ruler.indexed
    ruler.clear()
    assert ruler.match(doc) == [] and ruler(doc) is doc


# One indexed ruler for many documents: what it remembers of a token's values from one
# document holds in the next.
_SHARED_INDEXED = _indexed_pipeline()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(TAGS), st.sampled_from(DEPS)),
                max_size=12), st.booleans())  # fmt: skip
def test_a_ruler_used_on_many_documents_keeps_finding_the_matchers_matches(
    tokens: list[tuple[str, str, str]], parsed: bool
) -> None:
    ruler = _SHARED_INDEXED.get_pipe("attribute_ruler")
    doc = _doc(_SHARED_INDEXED.vocab, tokens, parsed)
    assert ruler.match(doc) == AttributeRuler.match(ruler, doc)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(TAGS), st.sampled_from(DEPS)),
                max_size=12))  # fmt: skip
def test_the_indexed_ruler_sets_what_the_stock_ruler_sets_on_any_tokens(
    ruler: AttributeRuler, tokens: list[tuple[str, str, str]]
) -> None:
    """Its annotations go token by token, not through a Span per match ("gon na" sets the
    last token: a negative index)."""
    stock, indexed = _doc(ruler.vocab, tokens), _doc(_SHARED_INDEXED.vocab, tokens)
    ruler(stock)
    _SHARED_INDEXED.get_pipe("attribute_ruler")(indexed)
    assert [(t.pos_, str(t.morph), t.lemma_) for t in indexed] == [
        (t.pos_, str(t.morph), t.lemma_) for t in stock
    ]
