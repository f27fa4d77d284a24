"""A speaker who says it may do a conflictual act threatens it; a cooperative 'might' stays a
hedged report, and so does what others say a party might do."""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model


def _rows(coder: Coder, text: str) -> set[tuple[str, str]]:
    return {(e.cameo.code, e.modality) for e in coder.code(text, date="2020-11-05")}


def test_a_possible_cut_in_ties_said_by_the_cutter_is_a_threat(coder: Coder) -> None:
    rows = _rows(coder, "Russia said it might cut diplomatic ties with Moldova.")
    assert ("1313", "future") in rows


def test_a_possible_meeting_stays_a_hedged_meeting(coder: Coder) -> None:
    rows = _rows(coder, "China said it might meet Japanese officials next month.")
    assert not any(code.startswith("13") for code, _ in rows)


def test_what_analysts_say_a_state_might_do_is_no_threat(coder: Coder) -> None:
    rows = _rows(coder, "Russia might cut ties with Moldova, analysts said.")
    assert not any(code.startswith("13") for code, _ in rows)
