"""A blockade is coded by who makes it: civilian groups obstruct passage in protest (144; a
threat of it, 133), states and armed forces impose a blockade by force (191; a threat, 1381).
A threatened boycott of a vote, a body or a summit is dissent (133), of talks a threat to halt
them (134), of goods a trade threat (1312)."""

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


@pytest.mark.parametrize(("text", "code"), [
    ("Zimbabwe's main opposition threatened to boycott parliament over the disputed election.", "133"),
    ("The opposition threatened a boycott of the presidential election.", "133"),
    ("Venezuela threatened to boycott the Summit of the Americas if Cuba was excluded.", "133"),
    ("Russia threatened to boycott the peace talks in Geneva.", "134"),
    # goods shunned: a trade threat
    ("China threatened to boycott Australian wine and beef over the inquiry.", "1312"),
])
def test_a_threatened_boycott_takes_the_code_of_what_it_shuns(coder: Coder, text: str, code: str) -> None:
    assert code in _codes(coder, text)
