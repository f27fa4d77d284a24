"""The places stage looks at the tokens its tests can let through, read from the doc's arrays:
the same tokens the tests on spaCy's Token objects pick."""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder
from dyadwatch.geo.spans import _columns, _second_loop
from dyadwatch.knowledge.words import GEO_AREA_NOUNS, GEO_SITE_WORDS

TEXT = (
    "KABUL, March 3 (Reuters) - Police said a car bomb exploded near the Kabul airport and "
    "Taksim Square on Monday, killing two men, and the capital, Kabul, was calm. Residents of "
    "Mosul and the Sheikh Maqsoud area fled to Gao, Mali, the ministry said."
)


@pytest.mark.model
def test_the_second_loop_takes_the_tokens_its_tests_name(coder: Coder) -> None:
    doc = coder.nlp(TEXT)
    lower, orth, pos, dep, iob = _columns(doc, "LOWER", "ORTH", "POS", "DEP", "ENT_IOB")
    expected = [
        t.i
        for t in doc
        if t.text == ","
        or (t.ent_iob_ == "O" and t.dep_ in ("compound", "pobj"))
        or (t.pos_ == "PROPN" and (t.dep_ == "appos" or t.lower_ in GEO_SITE_WORDS))
        or (t.pos_ == "NOUN" and t.lower_ in GEO_AREA_NOUNS)
    ]
    assert _second_loop(lower, orth, pos, dep, iob) == expected
    assert len(expected) > 8  # commas, objects of prepositions, an appositive, a site word


@pytest.mark.model
def test_columns_of_an_empty_doc(coder: Coder) -> None:
    assert _columns(coder.nlp.make_doc(""), "LOWER", "ORTH") == [[], []]
    assert _columns(coder.nlp.make_doc("Kabul"), "ORTH")[0] == [coder.nlp.vocab.strings["Kabul"]]
