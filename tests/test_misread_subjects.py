"""A name opening a clause that the tagger misreads as an adverb, a bare noun of time or an
interjection before its verb is still the verb's subject; a real adverb or date is not."""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model


def _rows(coder: Coder, text: str) -> set[tuple[str, str]]:
    return {(e.source.cameo_code if e.source else "", e.cameo.code)
            for e in coder.code(text, date="2021-04-06")}


def test_a_country_read_as_a_noun_of_time_blocks_a_website(coder: Coder) -> None:
    rows = _rows(coder, "Turkey blocked access to Wikipedia on Saturday.")
    assert {source[:3] for source, code in rows if code == "1721"} == {"TUR"}


def test_a_country_before_a_date_phrase_is_the_subject(coder: Coder) -> None:
    rows = _rows(coder, "Chad on Tuesday blocked access to Facebook ahead of the vote.")
    assert {source[:3] for source, code in rows if code == "1721"} == {"TCD"}


def test_a_leader_read_as_an_adverb_is_the_subject(coder: Coder) -> None:
    rows = _rows(coder, "Zelensky on Wednesday condemned the missile strike on Odesa.")
    assert any(source.startswith("UKR") and code.startswith("11") for source, code in rows)


def test_weather_before_a_date_does_not_become_a_doer(coder: Coder) -> None:
    assert _rows(coder, "Heavy snow on Monday blocked roads into Ankara.") == set()

