"""Where a meeting is held is no party to it: a venue named after 'in' or 'at' ("resumed talks
in Kuala Lumpur", "met at a villa in Geneva", "a delegation to the talks in Geneva") is never a
target, while a visit's place still gives its host and an attack's place its victims; on the real
pipeline. Every sentence was written for these tests; none comes from an evaluation set."""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

DATE = "2021-06-16"


def _triples(coder: Coder, text: str) -> set[tuple[str, str | None, str]]:
    return {(e.source.cameo_code, e.target.cameo_code if e.target else None, e.cameo.code)
            for e in coder.code(text, date=DATE) if e.source is not None}


@pytest.mark.parametrize(("text", "venue"), [
    ("Negotiators for the Colombian government and the ELN rebels resumed peace talks in Havana on Monday.", "CUB"),
    ("Envoys of Armenia and Azerbaijan held talks at a hotel in Brussels on Friday.", "BEL"),
    ("Sudan's army did not send a delegation to the talks in Jeddah.", "SAU"),
    ("The foreign ministers of India and China met in Moscow on the sidelines of a regional summit.", "RUS"),
])
def test_a_meeting_place_is_no_target(coder: Coder, text: str, venue: str) -> None:
    triples = _triples(coder, text)
    assert triples, text
    assert not any(t is not None and t.startswith(venue) for _, t, _ in triples), (text, triples)


@pytest.mark.parametrize(("text", "expected"), [
    # a visit's place is its host; an attack's place gives whose people were hit
    ("Indian Prime Minister Narendra Modi paid a visit to Lahore on Friday.", ("INDGOV", "PAK", "042")),
    ("Gunmen attacked a hotel in Kabul on Monday.", ("AFGUAF", "AFG", "180")),
])
def test_a_visited_or_attacked_place_still_counts(coder: Coder, text: str, expected: tuple[str, str, str]) -> None:
    source, target, code = expected
    assert any(s == source and t is not None and t.startswith(target) and c.startswith(code[:2])
               for s, t, c in _triples(coder, text)), _triples(coder, text)


@pytest.mark.parametrize(("text", "expected"), [
    # the partner after 'with', wherever the parser hangs it in the act's own clause
    ("Chinese President Xi Jinping held a telephone call lasting more than two hours with U.S. President Joe Biden.",
     ("CHNGOV", "USAGOV", "041")),
    ("Saudi Crown Prince Mohammed bin Salman discussed the war in Gaza by telephone with French President Emmanuel Macron.",
     ("SAUGOV", "FRAGOV", "040")),
    # a visit made 'in' a place of another state is to that state
    ("Indian Prime Minister Narendra Modi made an unannounced stop in Islamabad on Friday.", ("INDGOV", "PAK", "042")),
])
def test_a_partner_named_deeper_in_the_clause_is_found(coder: Coder, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _triples(coder, text), _triples(coder, text)


def test_a_stop_at_home_is_no_visit_to_anyone(coder: Coder) -> None:
    assert {t for _, t, _ in _triples(coder, "Kenya's president made a stop in Mombasa on Friday.")} <= {None}


def test_a_with_under_another_matter_is_no_partner(coder: Coder) -> None:
    triples = _triples(coder, "Arab foreign ministers met in Cairo amid rising tensions with Iran.")
    assert not any(t is not None and t.startswith("IRN") for _, t, _ in triples), triples


def test_a_gathering_attacked_is_its_place_s_people(coder: Coder) -> None:
    triples = _triples(coder, "Israeli troops fired on a gathering in Gaza, killing three.")
    assert any(t is not None and t.startswith("PSE") for _, t, _ in triples), triples
