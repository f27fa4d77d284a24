"""The children table of ``nlp/tree.py`` gives what ``Token.children`` gives, for any doc."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from dyadwatch.nlp.tree import children


def _doc(words: list[str], heads: list[int]) -> Doc:
    return Doc(Vocab(), words=words, heads=heads, deps=["dep"] * len(words))


def _same_as_spacy(doc: Doc) -> None:
    for token in doc:
        assert [c.i for c in children(token)] == [c.i for c in token.children]


def test_children_are_spacys_in_spacys_order() -> None:
    # "France and Germany signed a deal in Paris ." with 'signed' the root
    doc = _doc(["France", "and", "Germany", "signed", "a", "deal", "in", "Paris", "."],
               [3, 0, 0, 3, 5, 3, 3, 6, 3])
    _same_as_spacy(doc)
    assert [c.text for c in children(doc[3])] == ["France", "deal", "in", "."]
    assert children(doc[4]) == ()


def test_a_second_doc_gets_its_own_children() -> None:
    first = _doc(["troops", "left"], [1, 1])
    second = _doc(["the", "troops", "left", "the", "city"], [1, 2, 2, 4, 2])
    assert [c.text for c in children(first[1])] == ["troops"]
    _same_as_spacy(second)
    assert [c.text for c in children(second[2])] == ["troops", "city"]
    _same_as_spacy(first)  # asked again after the other: rebuilt, not stale
