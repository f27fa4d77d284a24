"""The story's first words after its dateline, on the real pipeline: the tagger often takes a
capitalised common noun there ("Rebel delegates", "Opposition delegates") for a name, and the
doer must not be lost. Every sentence was written for these tests; none comes from an
evaluation set.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model


def _pairs(coder: Coder, text: str) -> set[tuple[str | None, str | None, str]]:
    return {(e.source.cameo_code if e.source else None, e.target.cameo_code if e.target else None,
             e.cameo.code) for e in coder.code(text, date="2019-02-04")}


@pytest.mark.parametrize("opening", ["DAMASCUS, Feb 4 (AFP) - ", ""])
def test_a_body_named_before_its_people_is_the_doer(coder: Coder, opening: str) -> None:
    pairs = _pairs(coder, f"{opening}Opposition delegates held talks with the government on Monday.")
    country = "SYR" if opening else ""
    assert (f"{country}OPP", f"{country}GOV", "040") in pairs


def test_a_capitalised_first_word_read_as_a_name_still_names_a_body(coder: Coder) -> None:
    """Even when the tagger reads "Rebel" as a name, a word that opens the sentence and names no
    entity is the body its people belong to."""
    pairs = _pairs(coder, "SANAA, Dec 6 (Reuters) - Rebel delegates and government envoys agreed on a "
                          "prisoner swap on Thursday, a UN mediator said.")
    assert {("YEMREB", "YEMGOV", "0353"), ("YEMGOV", "YEMREB", "0353")} <= pairs


def test_a_name_that_opens_the_sentence_is_still_a_name(coder: Coder) -> None:
    """Not every capitalised first word is a common noun: a party's lawmakers stay lawmakers."""
    pairs = _pairs(coder, "NAIROBI, Feb 4 (Reuters) - Jubilee lawmakers accused the opposition of "
                          "inciting violence on Monday.")
    assert ("KENLEG", "KENOPP", "112") in pairs
