"""A protest told without its protesters is a crowd's: civilians of the place it happens in
(events/crowds.py); on the real pipeline. Every sentence was written for these tests; none comes
from an evaluation set."""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

DATE = "2024-05-14"


def country_codes(coder: Coder, text: str, date: str) -> list[tuple[str, str, str, str]]:
    """(source code, target code, CAMEO code, modality) of each event of ``text``."""
    return [(e.source.cameo_code if e.source else "", e.target.cameo_code if e.target else "",
             e.cameo.code, e.modality) for e in coder.code(text, date=date)]  # fmt: skip


@pytest.mark.model
@pytest.mark.parametrize(("text", "source", "target"), [
    ("A march against President Javier Milei was held in Buenos Aires on Wednesday.", "ARGCVL", "ARGGOV"),
    ("Demonstrations against Russia took place in Chisinau on Sunday.", "MDACVL", "RUSGOV"),
    # the 'against' phrase hangs from the verb the protest happens by
    ("Protests erupted in Bishkek on Monday against President Sadyr Japarov.", "KGZCVL", "KGZGOV"),
    # the place the verb of happening sweeps
    ("Protests against President Nicolas Maduro gripped Caracas on Tuesday.", "VENCVL", "VENGOV"),
    # a protest told by "there were"
    ("There were demonstrations in Lima on Monday against President Dina Boluarte.", "PERCVL", "PERGOV"),
    # a town our actor lists lack: the places stage gives the crowd its country
    ("A general strike was held in Kumasi on Monday.", "GHACVL", ""),
    ("Protests broke out in Mosul on Friday.", "IRQCVL", ""),
])
def test_an_unnamed_crowd_protests_as_civilians_of_the_place(coder: Coder, text: str, source: str, target: str) -> None:
    codes = country_codes(coder, text, DATE)
    assert [(s, t, c[:2]) for s, t, c, _ in codes] == [(source, target, "14")], codes


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "A protest against the new tax law was held on Tuesday.",  # placed nowhere: still unnamed
    "Protests erupted against the war in Ukraine.",  # the place of the topic, not of the protest
    "A bomb exploded near a police station in Quetta.",  # no crowd is implied by a bomb
    # a protest named in passing tells no new act
    "The minister resigned in Lima amid protests against the pension reform.",
])
def test_no_place_or_no_protest_gives_no_crowd(coder: Coder, text: str) -> None:
    codes = country_codes(coder, text, DATE)
    assert not [s for s, _, _, _ in codes if s.endswith("CVL")], codes


@pytest.mark.model
def test_named_protesters_keep_their_own_sector(coder: Coder) -> None:
    codes = country_codes(coder, "Opposition supporters held a rally in Lusaka against President Hakainde Hichilema.", DATE)
    assert [(s, c[:2]) for s, _, c, _ in codes] == [("ZMBOPP", "14")], codes


@pytest.mark.model
def test_a_protest_denied_by_no_is_negated(coder: Coder) -> None:
    codes = country_codes(coder, "There were no protests in Almaty on Sunday, witnesses said.", DATE)
    assert [(s, c[:2], m) for s, _, c, m in codes] == [("KAZCVL", "14", "negated")], codes


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Dock workers went on strike in Mombasa on Monday over pay.",
    "Supporters of the opposition rallied in dozens of towns across Georgia on Sunday.",
    "Workers staged a general strike in Kano on Monday.",
])
def test_where_a_protest_is_held_is_no_one_it_is_aimed_at(coder: Coder, text: str) -> None:
    codes = country_codes(coder, text, DATE)
    assert [(t, c[:2]) for _, t, c, _ in codes] == [("", "14")], codes
