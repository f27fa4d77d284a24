"""A crewless weapon as the subject is the means of an attack, not its doer, unless a word
says whose it is: "an armed drone struck a car near Kismayo" names no doer (``---``), neither
the army of the story's country nor that of the place it hit; "a US drone struck" is the US
military's. Every sentence was written for these tests; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", [
    "An armed drone struck a car near Kismayo on Tuesday, killing two people.",
    "Iraq's prime minister escaped unhurt when an armed drone struck his residence in Baghdad.",
])
def test_a_drone_no_word_owns_has_an_unknown_doer(coder: Coder, text: str) -> None:
    events = [e for e in coder.code(text, date="2021-11-07") if e.cameo.root == "19"]
    assert events and all(e.source.unknown for e in events), [(e.cameo.code, e.source.cameo_code) for e in events]


def test_a_drone_of_a_named_state_is_its_military(coder: Coder) -> None:
    events = [e for e in coder.code("A US drone struck a car near Kismayo on Tuesday.", date="2021-11-07")
              if e.cameo.root == "19"]
    assert [e.source.cameo_code for e in events] == ["USAMIL"]
