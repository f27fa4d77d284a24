"""Targets deeper than the clause (events/deeper.py), on the real pipeline: each path read with
the words that license it, and a neighbour where the deep noun is a place, a topic or a third
party. Every sentence was written for these tests; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder
from dyadwatch.records import Event

pytestmark = pytest.mark.model


def _dyads(coder: Coder, text: str, date: str) -> set[tuple[str, str | None, str]]:
    """(source code, target code, PLOVER type) of the asserted events of ``text``."""
    events: list[Event] = coder.code(text, date=date)
    return {(e.source.cameo_code, e.target.cameo_code if e.target else None, e.plover.type)
            for e in events if e.source is not None and e.modality == "asserted"}


@pytest.mark.parametrize(("text", "date", "dyad"), [
    # a handover is asked of the 'from' party, not of whom is to be handed over
    ("Peru sought the extradition of a former minister from the United States.", "2019-04-02",
     ("PER", "USA", "REQUEST")),
    # the doer of the wrong a demand is 'for'
    ("Germany called for accountability for the crimes of the Syrian government.", "2014-05-20",
     ("DEU", "SYRGOV", "REQUEST")),
    # the doer a reaction's object names in its relative clause
    ("Iran condemned the raid that Israeli commandos carried out in Syria.", "2023-04-02",
     ("IRN", "ISRMIL", "ACCUSE")),
    ("Mali's government condemned the ambush, which was carried out by Tuareg rebels.", "2012-03-01",
     ("MLIGOV", "MLIREB", "ACCUSE")),
    # whom a measure's participle aims it at
    ("The European Union announced sanctions targeting Belarusian officials.", "2021-06-21",
     ("IGOEEC", "BLRGOV", "SANCTION")),
    ("Australia imposed travel bans aimed at Myanmar generals.", "2021-03-08", ("AUS", "MMRMIL", "SANCTION")),
    # whose deed an answering act follows
    ("Japan lodged a strong protest after North Korea fired a missile over Hokkaido.", "2017-08-29",
     ("JPN", "PRK", "ACCUSE")),
    # the counterpart of the talks an agreement follows
    ("Uganda signed a border pact after talks with Kenya.", "2016-05-10", ("UGA", "KEN", "SUPPORT")),
])
def test_a_deep_party_is_the_target(coder: Coder, text: str, date: str,
                                    dyad: tuple[str, str, str]) -> None:
    assert dyad in _dyads(coder, text, date)


@pytest.mark.parametrize(("text", "date", "dyad"), [
    # a withdrawal's 'from' is the place left; those to withdraw are asked
    ("Georgia demanded the withdrawal of Russian troops from Abkhazia.", "2008-08-20",
     ("GEO", "RUSMIL", "REQUEST")),
    # a named target keeps its place: the talks, the 'after' clause and the victims are not it
    ("Jordan sent aid to Gaza after talks with Israel.", "2014-08-12", ("JOR", "PSE", "AID")),
    ("Lebanon condemned Israel over the strike that killed three journalists.", "2022-05-12",
     ("LBN", "ISR", "ACCUSE")),
    ("Vietnam accused China of provocation after Chinese ships entered its waters.", "2014-05-07",
     ("VNM", "CHN", "ACCUSE")),
])
def test_a_deep_noun_does_not_displace_the_named_target(coder: Coder, text: str, date: str,
                                                         dyad: tuple[str, str, str]) -> None:
    dyads = _dyads(coder, text, date)
    assert dyad in dyads
    assert not [d for d in dyads if d[0] == dyad[0] and d[2] == dyad[2] and d[1] != dyad[1]]


def test_a_force_posture_is_not_aimed_at_the_doer_of_an_after_clause(coder: Coder) -> None:
    # readying one's own forces after another's deed names no one the posture is aimed at
    dyads = _dyads(coder, "India put its navy on high alert after Pakistani drones crossed the border.",
                   "2025-05-08")
    assert ("IND", None, "MOBILIZE") in dyads


def test_who_reported_the_deed_is_not_whom_the_answer_is_aimed_at(coder: Coder) -> None:
    # the subject of an 'after' clause of saying or reporting is its speaker, not the deed's doer
    dyads = _dyads(coder, "Germany condemned the crackdown after Amnesty International reported "
                          "hundreds of arrests.", "2022-10-05")
    assert not [d for d in dyads if d[1] is not None and d[1].startswith("NGO")], dyads
