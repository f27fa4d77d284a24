"""An act told only as the condition or content of another act is part of that act.

PLOVER's manual: a threat is not an assault in the hypothetical mode, an agreement not a meeting
in the future one; the coder returns the single category. So the condition of a warning ("if
Pyongyang tested another missile") and what two sides prepare for ("as they prepared to hold
exercises") give no event of their own under a coded act; a plain statement's content ("said it
would strike") and a hypothetical act that governs nothing coded keep theirs. Every sentence was
written for these tests; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from coding import country_codes
from dyadwatch.coder import Coder

DATE = "2023-04-12"


@pytest.mark.model
@pytest.mark.parametrize(("text", "root"), [
    ("Seoul warned that it would cut off aid if Pyongyang tested another missile.", "13"),
    ("Turkey threatened to launch a ground offensive in Syria unless Kurdish fighters withdrew "
     "from the border.", "13"),
    ("Iran threatened to close the Strait of Hormuz if the United States attacked its nuclear "
     "sites.", "13"),
    ("Venezuela welcomed Russian officers as the two countries prepared to hold joint exercises.",
     "05"),
    # what a decision is to do is the matter of the criticism
    ("Chinese officials criticised the U.S. decision to sell arms to Taiwan.", "11"),
])
def test_a_condition_or_a_prospect_under_an_act_is_no_event(coder: Coder, text: str, root: str) -> None:
    codes = country_codes(coder, text, DATE)
    assert codes, text
    assert {c[:2] for _, _, c, _ in codes} == {root}, (text, codes)
    assert all(m == "asserted" for _, _, _, m in codes), (text, codes)


@pytest.mark.model
@pytest.mark.parametrize(("text", "root", "modality"), [
    # a statement's content is the event, in its own mode
    ("North Korea said it would strike US bases in Guam.", "13", "future"),
    # a conditional act with no coded act above it stays, the condition going with it
    ("Russia will retaliate if NATO deploys troops in Finland, the Kremlin said.", "13", "future"),
])
def test_an_act_governed_by_nothing_coded_stays(coder: Coder, text: str, root: str, modality: str) -> None:
    codes = country_codes(coder, text, DATE)
    assert [(c[:2], m) for _, _, c, m in codes] == [(root, modality)], (text, codes)


@pytest.mark.model
def test_a_relative_clause_about_a_party_is_no_event(coder: Coder) -> None:
    # the march says which supporters the police fired on (events/background.py)
    text = "Police in Nairobi fired tear gas at opposition supporters who tried to march on parliament."
    codes = country_codes(coder, text, DATE)
    assert {c[:2] for _, _, c, _ in codes} == {"17"}, codes


@pytest.mark.model
@pytest.mark.parametrize(("text", "news", "earlier"), [
    ("Kenyan police deployed riot units across Nairobi a day after protesters marched on parliament.",
     "15", "14"),
    ("Mexico withdrew its ambassador from Peru after Lima expelled the Mexican envoy.", "16", "16"),
])
def test_an_act_told_as_what_came_before_a_coded_act_is_no_event(
        coder: Coder, text: str, news: str, earlier: str) -> None:
    # the earlier act dates the news; it was reported when it happened (events/background.py).
    # With nothing coded above it, it stays (the tests below)
    events = coder.code(text, date=DATE)
    modes = sorted((e.cameo.root, e.modality) for e in events)
    assert modes == [(news, "asserted")], (text, earlier, modes)


@pytest.mark.model
def test_an_earlier_act_told_by_a_gerund_is_historical(coder: Coder) -> None:
    # "days after EXPELLING": the same party's earlier act, told in its own right
    text = ("Nicaragua's government stripped 94 opposition figures of their citizenship on Wednesday, "
            "days after expelling 222 political prisoners.")
    modes = sorted((e.cameo.root, e.modality, e.evidence.modality_cue.text if e.evidence.modality_cue else None)
                   for e in coder.code(text, date=DATE))
    assert ("17", "asserted", None) in modes and ("17", "historical", "after") in modes, modes


@pytest.mark.model
def test_a_verb_joined_to_an_earlier_act_keeps_its_own_time(coder: Coder) -> None:
    # the parser may join the second visit to the coup: it is still this report's news
    text = ("Kenya's foreign minister has travelled to Chad twice since the army toppled the "
            "president, and also paid a visit to Sudan.")
    codes = country_codes(coder, text, DATE)
    assert ("KEN", "SDN", "042", "asserted") in codes, codes
    assert [m for _, _, c, m in codes if c[:2] == "18"] == ["historical"], codes


@pytest.mark.model
def test_an_act_after_which_nothing_coded_happened_is_the_news(coder: Coder) -> None:
    # "calm returned" is no coded act: the storming is what the sentence reports
    codes = country_codes(coder, "Calm returned to Kidal after French troops stormed the rebel base.", DATE)
    assert [(c[:2], m) for _, _, c, m in codes] == [("19", "asserted")], codes
