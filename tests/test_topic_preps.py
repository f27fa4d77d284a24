"""An 'about' phrase after a verb's direct object is the object's topic, not the verb's object."""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model


def _codes(coder: Coder, text: str) -> set[str]:
    return {e.cameo.code for e in coder.code(text, date="2020-11-05")}


def test_talks_about_patrols_are_talks(coder: Coder) -> None:
    codes = _codes(coder, "Ghana and Togo held talks in Accra on Thursday about joint naval patrols.")
    assert "040" in codes and "062" not in codes


def test_patrols_held_are_still_cooperation(coder: Coder) -> None:
    assert "062" in _codes(coder, "Ghana and Togo held joint naval patrols in the gulf.")
