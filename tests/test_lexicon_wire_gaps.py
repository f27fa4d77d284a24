"""Lexicon rows for wire phrasings that came out with no event or the wrong family: trade taken up
again, people rescued at sea, concern voiced, requests sent, envoys sent, groups designated or
labelled, media blocked. Sentences of our own (none from an evaluation set); each guard shows the
neighbouring reading a new row must not take over.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

DATE = "2023-05-10"

PHRASINGS = [
    # 112: "held X responsible for": the parser hangs the adjective and its phrase on X
    ("Kenya held Uganda responsible for the attack on its border post.", "112"),
    ("The junta held the rebels accountable for the massacre.", "112"),
    # 163 and 085: a ban 'on' imports or exports is a trade ban, written either way
    ("Kenya imposed a ban on Ugandan poultry imports.", "163"),
    ("Kenya lifted its ban on Ugandan poultry imports on Monday.", "085"),
    ("Kenya imposed an import ban on Ugandan poultry.", "163"),
    # 07: a halt of aid undone resumes that aid; imposing or announcing the halt stays 16
    ("Washington lifted its suspension of military aid to Egypt on Thursday.", "072"),
    ("The Netherlands reversed the suspension of development aid to Uganda.", "071"),
    ("The United States ended its freeze of aid to Ukraine.", "070"),
    ("Washington announced the suspension of military aid to Egypt.", "1622"),
    ("The United States suspended military aid to Egypt.", "1622"),
    # organisations named with the initials spelled the way the table does not list
    ("The U.S. Treasury Department sanctioned two Hong Kong firms for supplying Iran with drone parts.", "163"),
    # 061: trade resumed or restored with a partner, as a verb or as a noun
    ("Brazil resumed chicken exports to Saudi Arabia.", "061"),
    ("China restored imports of Australian wine.", "061"),
    ("Georgia announced the resumption of trade with Russia.", "061"),
    # 073: people in peril saved by a coast guard or navy
    ("The Spanish navy rescued ninety stranded migrants near the Canary Islands.", "073"),
    # 012: concern voiced with no wrong named
    ("Japan voiced concern over the slowing economy.", "012"),
    # 02: a request sent is an appeal; a request named by what it asks takes that appeal
    ("Nepal sent a request to China for help.", "020"),
    ("Pakistan submitted a loan request to the IMF.", "0231"),
    # 042: an envoy or minister sent to a place; posting an ambassador stays recognition
    ("Egypt sent an envoy to Khartoum.", "042"),
    ("The EU sent its foreign minister to Kyiv.", "042"),
    ("Egypt appointed an ambassador to Sudan.", "054"),
    # 172 / 1721: groups designated terrorist; media or charities labelled; media blocked
    ("Britain designated the group as a terrorist organisation.", "172"),
    ("Hungary listed the charity as a foreign agent.", "1721"),
    ("Russia blocked opposition websites.", "1721"),
    ("Turkey took two channels off the air.", "1721"),
]

GUARDS = [
    # a request sent gives no aid; an envoy sent is no recognition
    ("Sri Lanka sent a request to India for an emergency credit line.", "07"),
    ("Egypt sent an envoy to Khartoum.", "054"),
    # a halt undone is no halt ("ended its freeze OF aid" does not end the aid)
    ("The United States ended its freeze of aid to Ukraine.", "16"),
    ("Germany ended the suspension of arms deliveries to Turkey.", "16"),
    # aid taken up again stays aid, not trade
    ("The UN resumed aid shipments to Gaza.", "061"),
    # anger voiced stays disapproval
    ("Japan expressed anger over the ruling.", "012"),
    # troops sent with no mission named are still a show of force, not peacekeeping
    ("Kenya sent 2,000 troops to Somalia.", "074"),
    # a court's verdict stays a verdict (116), not an accusation
    ("A Kenyan court found the former minister guilty of fraud.", "112"),
    # a ban on gatherings restricts civilians: no trade ban
    ("Kenya imposed a ban on public gatherings in Nairobi.", "163"),
]


@pytest.mark.parametrize(("text", "code"), PHRASINGS)
def test_wire_gap_phrasings_code_as_written(coder: Coder, text: str, code: str) -> None:
    codes = {e.cameo.code for e in coder.code(text, date=DATE)}
    assert code in codes, (text, codes)


@pytest.mark.parametrize(("text", "code"), GUARDS)
def test_wire_gap_guards(coder: Coder, text: str, code: str) -> None:
    codes = {e.cameo.code for e in coder.code(text, date=DATE)}
    assert codes and code not in {c[: len(code)] for c in codes}, (text, codes)
