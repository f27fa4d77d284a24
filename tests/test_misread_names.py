"""Known office holders named by a bare surname the model misreads, on sentences written for
this test: a first word tagged as a noun, a pronoun or an imperative verb ("Sunak met ...",
"Macron accused ...", "Macron called Putin ..."), and a surname the recogniser files as a
product or a work of art. Our dated office-holder list names them; a common word that opens a
sentence ("Rice prices", "May was") stays no one.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model


def _triples(coder: Coder, text: str, date: str) -> set[tuple[str | None, str | None, str]]:
    return {(e.source.cameo_code if e.source else None, e.target.cameo_code if e.target else None,
             e.cameo.root) for e in coder.code(text, date=date)}


@pytest.mark.parametrize(("text", "date", "expected"), [
    ("Sunak met the Kenyan president on Friday.", "2023-06-01", ("GBRGOV", "KENGOV", "04")),
    ("Abiy urged the Sudanese army chief to accept a truce.", "2023-05-10", ("ETHGOV", "SDNMIL", "02")),
    ("Macron accused the Kenyan president on Friday.", "2023-06-01", ("FRAGOV", "KENGOV", "11")),
    ("Tebboune visited the Italian prime minister in Rome.", "2023-06-01", ("DZAGOV", "ITAGOV", "04")),
    ("Aliyev praised the Turkish president on Friday.", "2023-06-01", ("AZEGOV", "TURGOV", "05")),
    ("Macron called Putin on Friday.", "2022-03-04", ("FRAGOV", "RUSGOV", "04")),
    ("Scholz called Erdogan on Monday.", "2023-02-06", ("DEUGOV", "TURGOV", "04")),
])
def test_a_misread_surname_of_an_office_holder_is_that_person(
    coder: Coder, text: str, date: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _triples(coder, text, date)


@pytest.mark.parametrize("text", [
    "Rice prices rose sharply in March, traders in Bangkok said.",
    "May was the wettest month on record in Britain.",
    "Stop the war, the crowd chanted.",
])
def test_a_common_word_that_opens_a_sentence_is_no_one(coder: Coder, text: str) -> None:
    assert not any(e.source is not None and e.source.kind == "person" for e in coder.code(text, date="2017-05-02"))
