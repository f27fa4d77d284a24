"""Who does a gerund after a preposition: the clause's subject for time and manner prepositions,
the object for 'thanked X for' and 'accused X of'."""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

DATE = "2021-03-01"


def _rows(coder: Coder, text: str) -> set[tuple[str, str | None, str | None]]:
    return {(e.evidence.trigger.text, e.source.country if e.source else None,
             e.target.country if e.target else None) for e in coder.code(text, date=DATE)}


@pytest.mark.parametrize(("text", "row"), [
    ("Sudan signed the accord in Juba after meeting Egyptian officials on Monday.",
     ("meeting", "SDN", "EGY")),
    ("France ended the row by recalling its ambassador from Algeria.",
     ("recalling", "FRA", "DZA")),
])
def test_the_subject_does_an_adverbial_gerund(coder: Coder, text: str, row: tuple[str, str, str]) -> None:
    assert row in _rows(coder, text)


def test_a_gerund_after_for_is_not_the_subjects(coder: Coder) -> None:
    rows = _rows(coder, "The United States thanked Qatar for hosting the talks.")
    assert not any(trigger == "hosting" and source == "USA" for trigger, source, _ in rows)
