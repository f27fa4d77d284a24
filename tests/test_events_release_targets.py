"""Whom a release acts on, on the real pipeline: the people freed, even when they are of the
doer's own country (captive soldiers are not forces it moves), and a state's prisoners of no
named country are its own people. Every sentence was written for these tests; none comes from
an evaluation set.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model


def _released(coder: Coder, text: str) -> list[str | None]:
    return [e.target.cameo_code if e.target else None
            for e in coder.code(text, date="2024-03-08") if e.cameo.code == "0841"]


@pytest.mark.parametrize(("text", "target"), [
    ("Tigrayan forces released twelve Ethiopian soldiers on Tuesday.", "ETHMIL"),
    ("Cuba's government pardoned more than 500 prisoners on Thursday.", "CUBCVL"),
    ("Iran freed two French prisoners on Monday.", "FRACVL"),
])
def test_those_freed_are_the_target(coder: Coder, text: str, target: str) -> None:
    assert _released(coder, text) == [target]


def test_forces_moved_are_still_no_target(coder: Coder) -> None:
    events = coder.code("Russia deployed 2,000 Russian soldiers to the border.", date="2024-03-08")
    assert [(e.cameo.root, e.target) for e in events] == [("15", None)]


def test_prisoners_a_group_frees_have_no_country_of_its_own(coder: Coder) -> None:
    """Only a state holds its own people as prisoners; rebels freeing "prisoners" name no one."""
    assert _released(coder, "The rebels freed 20 prisoners on Sunday.") == [None]


@pytest.mark.parametrize("text", [
    "Venezuela freed 10 prisoners in a swap with the United States.",
    "The Israeli government freed 39 prisoners on Friday under the truce deal with Hamas.",
])
def test_prisoners_freed_in_a_trade_are_no_one_s_own(coder: Coder, text: str) -> None:
    """A swap or a deal frees the other side's people as likely as one's own: no target."""
    assert _released(coder, text) == [None]
