"""An appeal, demand, threat, denial or refusal keeps its own type; on the real pipeline.

CAMEO and PLOVER code the one act a sentence reports: "X called on Y to halt the fighting" is an
appeal (02) whose leaf may come from what is asked (0256), never the asked act itself (a truce,
087); "X threatened to recognise the region" is a threat (13), not a recognition or an intent to
recognise; "X denied arming the rebels" denies responsibility (016), and what an appeal asks
for, a threat threatens or a denial denies is no event of its own. The tests cross frame verbs
with complements of many roots, in several forms. Every sentence was written for these tests;
none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from coding import Coded, country_codes
from dyadwatch.coder import Coder

DATE = "2023-04-12"


def _events(coder: Coder, text: str) -> list[Coded]:
    return country_codes(coder, text, DATE)


# what a frame may frame: an act of nearly every root, as a bare verb phrase
ACTS = [
    "halt construction of the new port",
    "attack rebel bases in the north",
    "recognise the breakaway province",
    "negotiate with the rebels",
    "free the jailed journalists",
    "expel the Iranian envoy",
    "send food aid to Somalia",
    "investigate the deaths of the miners",
    "arrest the former defence minister",
    "impose sanctions on Eritrea",
]

# (frame, its root): the frame's doer is Kenya, the one asked or threatened Uganda
FRAMES = [
    ("Kenya called on Uganda to {act}.", "02"),
    ("Kenya pressed Uganda to {act}.", "02"),
    ("Kenya appealed to Uganda to {act}.", "02"),
    ("Kenya called for Uganda to {act}.", "02"),
    ("Kenya urged that Uganda {act}.", "02"),
    ("Kenya demanded that Uganda {act}.", "10"),
    ("Kenya insisted that Uganda {act}.", "10"),
    ("Uganda threatened to {act}.", "13"),
    ("Uganda warned Kenya that it would {act}.", "13"),
]


@pytest.mark.model
@pytest.mark.parametrize(("frame", "root"), FRAMES)
@pytest.mark.parametrize("act", ACTS)
def test_an_appeal_demand_or_threat_keeps_its_root_whatever_it_frames(
    coder: Coder, frame: str, root: str, act: str
) -> None:
    found = _events(coder, frame.format(act=act))
    assert found, "no event"
    # the framed act is no event of its own, nor the frame's type
    assert all(c[:2] == root for _, _, c, _ in found), found


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Ethiopia denied arming the rebels fighting in Sudan's Darfur region.",
    "Uganda's army denied firing shells into Congolese villages near the border.",
    "Belarus denied expelling the Lithuanian diplomats.",
    "Qatar denied funding the militia in eastern Libya.",
    "The Russian defence ministry denied bombing the hospital in Idlib.",
    "Sudan's army denied that its aircraft had bombed the refugee camp.",
])
def test_a_denied_act_is_a_denial_not_the_act(coder: Coder, text: str) -> None:
    found = _events(coder, text)
    assert any(c == "016" for _, _, c, _ in found), found
    assert all(c[:2] == "01" for _, _, c, _ in found), found


@pytest.mark.model
@pytest.mark.parametrize(("text", "root"), [
    ("Pakistan rejected calls to bomb militant camps in Afghanistan.", "12"),
    ("Sweden renewed its call for Iran to free the jailed Swedish diplomat.", "02"),
    ("Ghana demanded that Togo stop detaining Ghanaian traders at the border.", "10"),
    ("Chile urged Peru to stop deporting Chilean workers.", "02"),
])
def test_what_is_asked_or_refused_is_no_event(coder: Coder, text: str, root: str) -> None:
    found = _events(coder, text)
    assert found, "no event"
    assert all(c[:2] == root for _, _, c, _ in found), found


@pytest.mark.model
@pytest.mark.parametrize(("text", "code"), [
    # an act another root's pattern names through a thing, not through the framed verb
    ("The rebels called a halt to the fighting in the east.", "0871"),
    # one's own refusal may be another root's idiom
    ("Kenya's foreign ministry declined to comment on the arrests.", "011"),
    # an appeal for talks with the appealer is its own intent to meet
    ("Serbia called for talks with Kosovo on the border dispute.", "036"),
    # ... but not when another party is asked to talk with a third
    ("Germany urged that Serbia negotiate with Kosovo on the border dispute.", "026"),
])
def test_the_neighbouring_readings_stay(coder: Coder, text: str, code: str) -> None:
    found = _events(coder, text)
    assert any(c == code for _, _, c, _ in found), found


@pytest.mark.model
def test_a_subjunctive_after_insist_is_a_demand_and_a_finite_clause_a_statement(coder: Coder) -> None:
    asked = _events(coder, "Egypt insisted that Ethiopia expel the Russian ambassador.")
    assert asked and all(c[:2] == "10" for _, _, c, _ in asked), asked
    stated = _events(coder, "Egypt insisted that Ethiopia expels foreign reporters every year.")
    assert not any(c[:2] == "10" for _, _, c, _ in stated), stated


@pytest.mark.model
@pytest.mark.parametrize(("text", "code"), [
    # forces committed in agreement with a partner are military cooperation ...
    ("Estonia agreed to deploy two hundred troops to Latvia.", "0312"),
    ("Defence ministers of the alliance agreed to bolster air defences in the Baltic states.", "0312"),
    # ... while a vow to send them is a threat
    ("Azerbaijan vowed to deploy more troops to the border with Armenia.", "138"),
])
def test_agreeing_to_deploy_forces_is_cooperation_vowing_to_is_a_threat(coder: Coder, text: str, code: str) -> None:
    found = _events(coder, text)
    assert found and all(c == code for _, _, c, _ in found), found
