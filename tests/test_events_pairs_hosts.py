"""Two sides named as a hyphen-joined pair ("U.S.-Japan talks", "Israeli-Palestinian talks"), a
host of talks between two parties, a visiting delegation of no named country, an appeal to
unnamed allies, a clause the parser reads as a noun phrase ("Taiwan scrambled jets"), and two
peoples sharing one noun ("Kyrgyz and Tajik border guards").

Each shape is tested with the rule firing and with a neighbour it must leave alone. Every
sentence was written for these tests; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

DATE = "2023-05-10"


def _sides(coder: Coder, text: str) -> set[tuple[str | None, str | None, str]]:
    """(source country, target country, CAMEO code) of the events of ``text``."""
    return {(e.source.country if e.source else None, e.target.country if e.target else None, e.cameo.code)
            for e in coder.code(text, date=DATE)}


def _codes(coder: Coder, text: str) -> set[tuple[str, str | None, str]]:
    """(source code, target code, CAMEO code) of the events of ``text``."""
    return {(e.source.cameo_code, e.target.cameo_code if e.target else None, e.cameo.code)
            for e in coder.code(text, date=DATE)}


# -- the tokenizer: a hyphen after a dotted abbreviation -------------------------------------


@pytest.mark.parametrize(("text", "words"), [
    ("U.S.-Japan talks", ["U.S.", "-", "Japan", "talks"]),
    ("the U.K.-South Korea pact", ["the", "U.K.", "-", "South", "Korea", "pact"]),
    ("U.S.-led forces", ["U.S.-led", "forces"]),  # one country's compound stays whole
    ("a U.S.-made drone", ["a", "U.S.-made", "drone"]),
])
def test_a_hyphen_after_an_abbreviation_splits_before_a_capital(coder: Coder, text: str, words: list[str]) -> None:
    assert [t.text for t in coder.nlp.make_doc(text)] == words


def test_the_split_hyphen_is_no_dateline_dash(coder: Coder) -> None:
    doc = coder.nlp("U.S.-South Korean naval drills began on Monday.")
    assert len(list(doc.sents)) == 1


# -- hyphen-joined pairs as the two sides ----------------------------------------------------


@pytest.mark.parametrize(("text", "pair"), [
    ("U.S.-India talks on defence procurement resumed in New Delhi on Wednesday.", ("USA", "IND")),
    ("U.K.-South Africa talks on trade began in Pretoria on Monday.", ("GBR", "ZAF")),
    ("A new round of Serbia-Kosovo talks opened in Brussels on Thursday.", ("SRB", "XKX")),
])
def test_a_pair_before_talks_meets_each_other(coder: Coder, text: str, pair: tuple[str, str]) -> None:
    a, b = pair
    found = {(s, t) for s, t, code in _sides(coder, text) if code[:2] == "04"}
    assert {(a, b), (b, a)} <= found


def test_a_topic_pair_is_no_meeting(coder: Coder) -> None:
    # criticising the talks is no meeting of the critic's
    found = _sides(coder, "Hungary criticised the Serbia-Kosovo talks on Friday.")
    assert not any(code[:2] == "04" and s in ("SRB", "XKX") for s, _, code in found)


def test_an_act_aimed_at_a_pair_targets_both(coder: Coder) -> None:
    found = {t for s, t, code in _sides(coder, "Beijing denounced the U.S.-Philippine naval patrols.")
             if code[:2] == "11"}
    assert {"USA", "PHL"} <= found


# -- a host of talks between two parties ------------------------------------------------------


@pytest.mark.parametrize(("text", "host", "parties"), [
    ("Qatar hosted Israeli-Palestinian talks in Doha last week.", "QAT", ("ISR", "PSE")),
    ("Norway hosted talks between Colombia and the ELN in Oslo on Monday.", "NOR", ("COL", "COL")),
    ("Switzerland hosted talks between Armenia and Azerbaijan in Geneva.", "CHE", ("ARM", "AZE")),
])
def test_a_host_of_talks_hosts_both_parties(coder: Coder, text: str, host: str, parties: tuple[str, str]) -> None:
    found = _sides(coder, text)
    assert {(host, parties[0], "043"), (host, parties[1], "043")} <= found


def test_hosted_talks_are_also_the_parties_meeting(coder: Coder) -> None:
    found = _sides(coder, "Switzerland hosted talks between Armenia and Azerbaijan in Geneva.")
    assert {("ARM", "AZE"), ("AZE", "ARM")} <= {(s, t) for s, t, code in found if code[:2] == "04"}


def test_talks_a_host_will_host_are_not_held_yet(coder: Coder) -> None:
    found = _sides(coder, "Switzerland will host talks between Armenia and Azerbaijan next month.")
    assert not any(s == "ARM" for s, _, _ in found)


# -- a visiting delegation of no named country -----------------------------------------------


@pytest.mark.parametrize("text", [
    "Lukashenko met a delegation in Minsk on Tuesday.",
    "Tokayev received a visiting delegation in Astana on Friday.",
    "In Hanoi, the prime minister met a trade delegation on Monday.",
])
def test_an_unnamed_delegation_is_not_the_hosts(coder: Coder, text: str) -> None:
    events = [e for e in coder.code(text, date=DATE) if e.cameo.code[:2] == "04"]
    assert events
    assert all(e.target is None for e in events)


def test_a_delegation_with_a_nationality_keeps_it(coder: Coder) -> None:
    found = _sides(coder, "Lukashenko met a Chinese delegation in Minsk on Tuesday.")
    assert any(s == "BLR" and t == "CHN" for s, t, _ in found)


# -- an appeal to unnamed allies -------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Lithuania's president urged allies to deploy more air defences.",
    "Poland's defence minister urged partners to send air defence systems.",
])
def test_an_appeal_to_unnamed_allies_has_no_target(coder: Coder, text: str) -> None:
    events = [e for e in coder.code(text, date=DATE) if e.cameo.code[:2] == "02"]
    assert events
    assert all(e.target is None for e in events)


def test_an_appeal_to_a_named_state_targets_it(coder: Coder) -> None:
    found = _sides(coder, "Poland's defence minister urged Germany to send air defence systems.")
    assert any(s == "POL" and t == "DEU" and code[:2] == "02" for s, t, code in found)


# -- a clause read as a noun phrase -----------------------------------------------------------


@pytest.mark.parametrize(("text", "source", "root"), [
    ("Taiwan scrambled fighter jets on Tuesday.", "TWN", "15"),
    ("Sri Lankan police sealed off the area around the temple on Sunday.", "LKACOP", "17"),
    # the same in reported speech: the clause a verb reports, or a verb with its own subject
    ("Taiwan scrambled jets on Friday, its defence ministry said.", "TWN", "15"),
    ("South Korea scrambled jets on Friday, its air force said.", "KOR", "15"),
])
def test_a_verb_read_as_a_modifier_still_has_its_doer(coder: Coder, text: str, source: str, root: str) -> None:
    found = _codes(coder, text)
    assert any(s.startswith(source) and code[:2] == root for s, _, code in found)


@pytest.mark.parametrize("text", [
    "Police officers killed in the ambush were buried on Sunday.",
    "The area sealed off by police reopened on Monday.",
])
def test_a_participle_of_the_noun_stays_one(coder: Coder, text: str) -> None:
    doc = coder.nlp(text)
    root = next(iter(doc.sents)).root
    assert root.lower_ not in ("killed", "sealed")


# -- two peoples sharing one noun --------------------------------------------------------------


@pytest.mark.parametrize(("text", "a", "b"), [
    ("Kyrgyz and Uzbek border guards exchanged fire on Monday.", "KGZ", "UZB"),
    ("Tajik and Kyrgyz border guards exchanged fire on Monday.", "TJK", "KGZ"),
])
def test_two_peoples_of_one_noun_share_its_sector(coder: Coder, text: str, a: str, b: str) -> None:
    events = [e for e in coder.code(text, date=DATE) if e.cameo.code[:2] in ("17", "18", "19")]
    pairs = {(e.source.country, e.target.country if e.target else None) for e in events}
    assert {(a, b), (b, a)} <= pairs
    assert all(e.source.sector is not None for e in events)


def test_a_country_and_a_people_stay_apart(coder: Coder) -> None:
    doc = coder.nlp("Britain and French troops held drills.")
    assert doc[0].dep_ != "amod"
