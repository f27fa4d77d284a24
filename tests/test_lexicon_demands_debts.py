"""Demands dropped and debts forgiven, from the codebooks' notes: a demand withdrawn is a
concession (CAMEO 080, PLOVER CONCEDE) and what it asked for is no act of its own; a call for an
official's dismissal asks for a change of leaders (0241, 1041), no rejection; debt forgiven is
economic aid (071), and a creditor that agrees to write a debt off gives aid (PLOVER AID) while
one that pledges to stays a promise (AGREE). Sentences of our own (none from an evaluation set).
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

DATE = "2023-05-10"

CODES = [
    ("Hamas dropped its demand for a permanent ceasefire.", "080"),
    ("Serbia abandoned its objections to the plan on Thursday.", "080"),
    ("Lawmakers demanded the dismissal of the defence minister.", "1041"),
    ("Protesters called for the dismissal of the interior minister.", "0241"),
    ("The IMF forgave Haiti's debt.", "071"),
    ("Germany forgave Ghana's debts.", "071"),
]

TYPES = [
    ("China agreed to write off $1 billion of Zambia's debt.", "AID"),
    ("Germany pledged to cancel Ghana's debt.", "AGREE"),
    ("The rebels withdrew their demand for the president's resignation.", "CONCEDE"),
]


@pytest.mark.parametrize(("text", "code"), CODES)
def test_cameo_codes(coder: Coder, text: str, code: str) -> None:
    codes = {e.cameo.code for e in coder.code(text, date=DATE)}
    assert code in codes, (text, codes)


@pytest.mark.parametrize(("text", "type_"), TYPES)
def test_plover_types(coder: Coder, text: str, type_: str) -> None:
    types = [e.plover.type for e in coder.code(text, date=DATE)]
    assert types == [type_], (text, types)


def test_what_a_dropped_demand_asked_for_is_no_act(coder: Coder) -> None:
    # the resignation asked for did not happen: one event, the rebels' concession
    events = coder.code("The rebels withdrew their demand for the president's resignation.", date=DATE)
    assert [(e.source.sector if e.source else None, e.cameo.code) for e in events] == [("REB", "080")]


def test_a_debt_forgiven_is_no_pardon(coder: Coder) -> None:
    # forgiving a neighbour is still forgiveness (056)
    codes = {e.cameo.code for e in coder.code("Rwanda forgave its former enemies.", date=DATE)}
    assert "056" in codes and "071" not in codes, codes
