"""Whose deed or thing an act is aimed at, when the name of its owner is a word before the noun
acted on; on the real pipeline.

"Canada protested the CHINESE detention of two Canadians", "protested against SAUDI support for
the council", "froze Venezuelan GOVERNMENT assets", "criticised EU migration quotas": the state
or body named before the noun owns the deed or the thing, and is whom the act is aimed at; those
the deed was done to or given to, named in its own phrase, are not. Each shape is tested with
a neighbour it must leave alone. Every sentence was written for these tests; none comes from an
evaluation set.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder
from dyadwatch.evaluation.evaluate import _our_code
from dyadwatch.records import Event

pytestmark = pytest.mark.model


def _triples(coder: Coder, text: str, date: str) -> set[tuple[str, str, str]]:
    """(source, target, PLOVER type) of the asserted events of ``text``, as the suites score them."""
    events: list[Event] = coder.code(text, date=date)
    return {(_our_code(e.source), _our_code(e.target), e.plover.type) for e in events
            if e.modality == "asserted"}


@pytest.mark.parametrize(("text", "date", "triple"), [
    # the deed's 'of' phrase names the act's own people, dropped as its target: the owner is left
    ("Canada protested the Chinese detention of two Canadian citizens.", "2018-12-14", ("CAN", "CHN", "ACCUSE")),
    ("Mexico condemned the American detention of three Mexican fishermen.", "2019-06-03", ("MEX", "USA", "ACCUSE")),
    # neighbour: the owner was always found when the victims are someone else
    ("Britain condemned the Iranian seizure of a Swedish tanker.", "2019-07-20", ("GBR", "IRN", "ACCUSE")),
])
def test_a_deed_done_to_the_act_s_own_people_is_its_owner_s(coder: Coder, text: str, date: str,
                                                            triple: tuple[str, str, str]) -> None:
    assert triple in _triples(coder, text, date)


@pytest.mark.parametrize(("text", "date", "triple"), [
    ("Hundreds of Sudanese protested against Saudi support for the military council.", "2019-05-26",
     ("SDNCVL", "SAUGOV", "PROTEST")),
    ("Hundreds of Venezuelans protested in Caracas against American support for the opposition.", "2019-02-12",
     ("VENCVL", "USAGOV", "PROTEST")),
])
def test_whom_a_deed_is_given_for_is_not_whom_judging_it_aims_at(coder: Coder, text: str, date: str,
                                                                 triple: tuple[str, str, str]) -> None:
    found = _triples(coder, text, date)
    assert triple in found
    assert not any(t[1] in ("SDNGOV", "VENOPP") and t[2] == "PROTEST" for t in found)


@pytest.mark.parametrize(("text", "date", "triple"), [
    ("The US Treasury froze Venezuelan government assets on Monday.", "2019-01-28", ("USAGOV", "VENGOV", "SANCTION")),
    ("Jordan condemned the Israeli police raid on the Al-Aqsa mosque.", "2021-05-08", ("JOR", "ISRCOP", "ACCUSE")),
    # neighbour: an adjective before the thing describes it, and names no body
    ("Japan's government criticised Russian military drills near the Kuril Islands.", "2022-03-25",
     ("JPNGOV", "RUS", "ACCUSE")),
])
def test_a_body_noun_before_a_thing_names_the_body_that_owns_it(coder: Coder, text: str, date: str,
                                                                triple: tuple[str, str, str]) -> None:
    assert triple in _triples(coder, text, date)


@pytest.mark.parametrize(("text", "date", "triple"), [
    ("Hungary's government criticised EU migration quotas on Tuesday.", "2020-07-14", ("HUNGOV", "IGO", "ACCUSE")),
    ("Sri Lankan troops shelled Tamil Tiger positions in the northeast.", "2009-05-12", ("LKAMIL", "LKAREB", "ASSAULT")),
    # neighbour: a topic word ('nuclear') is no owner; the 'with' phrase names the other side
    ("Iran's supreme leader Ali Khamenei rejected nuclear talks with the United States.", "2018-08-13",
     ("IRNGOV", "USA", "REJECT")),
])
def test_a_name_one_noun_further_in_still_owns_the_thing(coder: Coder, text: str, date: str,
                                                        triple: tuple[str, str, str]) -> None:
    assert triple in _triples(coder, text, date)


@pytest.mark.parametrize(("text", "date", "triple"), [
    # the parser hangs a group's name as 'nmod' when an adjective follows it
    ("Turkish drones struck PKK military targets near Sinjar.", "2021-08-18", ("TURMIL", "TURREB", "ASSAULT")),
    ("British warplanes hit Houthi military targets near the capital.", "2024-01-12", ("GBRMIL", "YEMREB", "ASSAULT")),
    # neighbour: the name straight before the noun, as always
    ("Israeli jets struck Hezbollah positions in southern Lebanon.", "2024-02-12", ("ISRMIL", "LBNREB", "ASSAULT")),
])
def test_a_name_the_parser_hangs_as_nmod_owns_the_thing_struck(coder: Coder, text: str, date: str,
                                                               triple: tuple[str, str, str]) -> None:
    assert triple in _triples(coder, text, date)
