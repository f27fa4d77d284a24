"""A blockade is coded by who makes it: civilian groups obstruct passage in protest (144; a
threat of it, 133), states and armed forces impose a blockade by force (191; a threat, 1381)."""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model


def _codes(coder: Coder, text: str) -> set[str]:
    return {e.cameo.code for e in coder.code(text, date="2023-03-01")}


@pytest.mark.parametrize(("text", "code"), [
    ("French farmers threatened to blockade Paris with their tractors over cheap imports.", "133"),
    ("Fishermen threatened to blockade Calais over the new licences.", "133"),
    ("China warned it could blockade Taiwan's ports if the island moved towards independence.", "1381"),
    ("Azerbaijan threatened to blockade the road linking Armenia with Nagorno-Karabakh.", "1381"),
    ("Russian warships blocked Ukrainian ports on the Sea of Azov.", "191"),
    ("Protesters blockaded the port of Calais.", "144"),
])
def test_a_blockade_takes_its_doer_s_code(coder: Coder, text: str, code: str) -> None:
    assert code in _codes(coder, text)
