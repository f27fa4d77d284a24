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


# A hand-built doc with heads is parsed: its sentences follow from its roots.
def _one_sentence(doc: Doc) -> Doc:
    assert len(list(doc.sents)) == 1
    return doc


def test_a_name_alone_after_an_active_verb_is_its_object() -> None:
    doc = REPAIR(_one_sentence(_doc(["Scholz", "called", "Erdogan", "on", "Monday"],
                                    ["NNP", "VBD", "NNP", "IN", "NNP"], [1, 1, 1, 1, 3],
                                    ["nsubj", "ROOT", "oprd", "prep", "pobj"])))
    assert doc[2].dep_ == "dobj"


def test_a_predicate_beside_an_object_or_after_a_passive_stays() -> None:
    beside = REPAIR(_one_sentence(_doc(["They", "called", "it", "Victory"], ["PRP", "VBD", "PRP", "NNP"],
                                       [1, 1, 1, 1], ["nsubj", "ROOT", "dobj", "oprd"])))
    assert beside[3].dep_ == "oprd"
    passive = REPAIR(_one_sentence(_doc(["It", "was", "named", "Victory"], ["PRP", "VBD", "VBN", "NNP"],
                                        [2, 2, 2, 2], ["nsubjpass", "auxpass", "ROOT", "oprd"])))
    assert passive[3].dep_ == "oprd"
    common = REPAIR(_one_sentence(_doc(["Critics", "called", "it", "a", "disaster"],
                                       ["NNS", "VBD", "PRP", "DT", "NN"], [1, 1, 1, 4, 1],
                                       ["nsubj", "ROOT", "dobj", "det", "oprd"])))
    assert common[4].dep_ == "oprd"


WITH_VERBS = VerbRepair(frozenset(), frozenset({"stop", "call", "help"}))


def test_a_first_name_read_as_the_verb_is_the_subject_of_the_verb_after_it() -> None:
    doc = WITH_VERBS(_one_sentence(_doc(["Macron", "called", "Putin", "on", "Friday", "."],
                                        ["VB", "VBN", "NNP", "IN", "NNP", "."], [0, 0, 1, 1, 3, 0],
                                        ["ROOT", "dep", "dobj", "prep", "pobj", "punct"])))
    assert (doc[1].dep_, doc[1].head.i) == ("ROOT", 1)
    assert (doc[0].dep_, doc[0].head.i, doc[0].tag_) == ("nsubj", 1, "NNP")
    assert doc[5].head.i == 1  # the name's other dependents move to the verb


def test_an_imperative_or_a_lower_case_first_word_stays_the_verb() -> None:
    imperative = WITH_VERBS(_one_sentence(_doc(["Stop", "killed", "people"], ["VB", "VBN", "NNS"],
                                               [0, 0, 1], ["ROOT", "dep", "dobj"])))
    assert imperative[0].dep_ == "ROOT"
    lower = WITH_VERBS(_one_sentence(_doc(["macron", "called", "Putin"], ["VB", "VBN", "NNP"],
                                          [0, 0, 1], ["ROOT", "dep", "dobj"])))
    assert lower[0].dep_ == "ROOT"
    no_verb_next = WITH_VERBS(_one_sentence(_doc(["Macron", "the", "war"], ["VB", "DT", "NN"],
                                                 [0, 2, 0], ["ROOT", "det", "dobj"])))
    assert no_verb_next[0].dep_ == "ROOT"


def test_a_day_after_the_verb_stays_a_predicate() -> None:
    # "called Netanyahu Sunday": the parser may make the day the predicate; a day is no one called
    doc = REPAIR(_one_sentence(_doc(["Biden", "called", "Netanyahu", "Sunday"], ["NNP", "VBD", "NNP", "NNP"],
                                    [1, 1, 3, 1], ["nsubj", "ROOT", "compound", "oprd"])))
    assert doc[3].dep_ == "oprd"
