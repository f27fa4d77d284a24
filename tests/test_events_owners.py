"""Whom a concession, a refusal or an acceptance is made to when the text names the recipient
only as the owner of what is acted on: a portion of the pattern's object ("met SOME OF the
opposition's demands"), a phrase that calls the act a concession, 'aside' read as a particle
wherever the parser puts it, agreeing to a demand and the noun of accepting one. On the real
pipeline; every sentence was written for these tests, none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder
from dyadwatch.records import Event

pytestmark = pytest.mark.model

DATE = "2021-06-01"


def _coded(coder: Coder, text: str) -> set[tuple[str, str | None, str]]:
    events: list[Event] = coder.code(text, date=DATE)
    return {(e.source.code if e.source else "", e.target.code if e.target else None, e.cameo.code)
            for e in events}


def _pairs(coder: Coder, text: str) -> set[tuple[str, str | None, str]]:
    events: list[Event] = coder.code(text, date=DATE)
    return {((e.source.country or "") + (e.source.sector or "") if e.source else "",
             (e.target.country or "") + (e.target.sector or "") if e.target else None, e.cameo.code[:2])
            for e in events}


@pytest.mark.parametrize(("text", "target"), [
    ("Nepal's government met some of the opposition's demands on Monday.", "NPLOPP"),
    ("Nepal's government rejected most of the teachers' union's demands on Monday.", "NPLEDU"),
    ("Nepal's army granted many of the rebels' requests on Monday.", "NPLREB"),
])  # fmt: skip
def test_a_portion_of_the_patterns_object_is_that_object_whose_owner_is_the_target(
        coder: Coder, text: str, target: str) -> None:
    found = _pairs(coder, text)
    assert any(t == target and c in ("08", "12") for _, t, c in found), found


@pytest.mark.parametrize("phrase", ["in a concession to", "as a concession to", "in a nod to"])
def test_a_phrase_calling_the_act_a_concession_names_whom_it_yields_to(coder: Coder, phrase: str) -> None:
    found = _pairs(coder, f"The Peruvian government scrapped the fuel tax on Friday {phrase} the truckers.")
    assert ("PERGOV", "PERLAB", "08") in found, found


def test_a_concession_phrase_leaves_a_recipient_the_act_names_itself(coder: Coder) -> None:
    text = "Peru's government gave in to the miners on Thursday in a concession to the truckers."
    found = _pairs(coder, text)
    assert ("PERGOV", "PERLAB", "08") in found and len(found) == 1, found


@pytest.mark.parametrize("text", [
    "Belarusian leader Alexander Lukashenko brushed aside the opposition's demands on Sunday.",
    "Lukashenko brushed aside the opposition's demands for a new vote.",
])  # fmt: skip
def test_aside_right_after_the_verb_is_its_particle(coder: Coder, text: str) -> None:
    found = _pairs(coder, text)
    assert any(s == "BLRGOV" and t == "BLROPP" and c == "12" for s, t, c in found), found


def test_agreeing_to_a_partys_demand_is_acceding_to_it(coder: Coder) -> None:
    found = _pairs(coder, "Mali's junta agreed to the opposition's demand for a transition on Monday.")
    assert ("MLIGOV", "MLIOPP", "08") in found, found
    assert not any(c == "03" for _, _, c in found), found


def test_the_acceptance_of_a_partys_demands_is_a_concession_to_it(coder: Coder) -> None:
    text = "The Nepali government's acceptance of the Maoists' demands on Thursday ended the crisis."
    found = _pairs(coder, text)
    assert any(s == "NPLGOV" and t is not None and t.startswith("NPL") and c == "08" for s, t, c in found), found
