"""The verb repair component (nlp/verbs.py): a word tagged as a noun that the parse gives a
subject and a direct object is re-tagged as a verb. Docs built by hand (words, tags, heads and
dependency labels), so the tests need no model; sentences of our own."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from dyadwatch.nlp.verbs import VerbRepair, past_forms

_VOCAB = spacy.blank("en").vocab


def _doc(words: list[str], tags: list[str], heads: list[int], deps: list[str]) -> Doc:
    return Doc(_VOCAB, words=words, tags=tags, heads=heads, deps=deps)


REPAIR = VerbRepair(frozenset({"shot", "hit", "struck"}))


def test_a_noun_with_a_subject_and_an_object_is_a_verb() -> None:
    doc = REPAIR(_doc(["A", "sniper", "shot", "a", "soldier", "."],
                      ["DT", "NN", "NN", "DT", "NN", "."],
                      [1, 2, 2, 4, 2, 2], ["det", "nsubj", "ROOT", "det", "dobj", "punct"]))
    assert doc[2].tag_ == "VBD"
    assert [t.tag_ for i, t in enumerate(doc) if i != 2] == ["DT", "NN", "DT", "NN", "."]


def test_the_form_gives_the_tense() -> None:
    def tag(word: str) -> str:
        doc = REPAIR(_doc(["Police", word, "gas"], ["NNS", "NN", "NN"], [1, 1, 1],
                          ["nsubj", "ROOT", "dobj"]))
        return doc[1].tag_
    assert tag("shot") == "VBD"  # an irregular past of the lemmatizer's table
    assert tag("seized") == "VBD"
    assert tag("fires") == "VBZ"
    assert tag("fire") == "VBP"


def test_a_subject_or_an_object_alone_leaves_the_noun() -> None:
    # "the shot hit a wall": "shot" is a subject, not a verb; a noun heading only a subject
    # (a misattached one) or only an object stays a noun
    doc = REPAIR(_doc(["The", "shot", "hit", "a", "wall"], ["DT", "NN", "VBD", "DT", "NN"],
                      [1, 2, 2, 4, 2], ["det", "nsubj", "ROOT", "det", "dobj"]))
    assert [t.tag_ for t in doc] == ["DT", "NN", "VBD", "DT", "NN"]
    doc = REPAIR(_doc(["Sniper", "fire", "killed", "two"], ["NN", "NN", "VBD", "CD"],
                      [1, 2, 2, 2], ["compound", "nsubj", "ROOT", "dobj"]))
    assert doc[1].tag_ == "NN"


def test_past_forms_are_the_exceptions_that_differ_from_their_lemma() -> None:
    assert past_forms({"shot": ["shoot"], "hit": ["hit"], "fled": ["flee"]}) == {"shot", "fled"}
