"""Who lives through an attack is its target, never its doer.

"X survived an assassination attempt", "escaped an ambush by insurgents", "withstood a fresh
assault", "came under heavy shelling": the subject is the one attacked; the doer is the attack's
own (its 'by' phrase, wherever the parser hangs it, or the name before the noun) or, when the
text names none, the unknown actor ``---``. Every sentence was written for these tests; none
comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder
from dyadwatch.records import Event

pytestmark = pytest.mark.model

DATE = "2023-06-04"


def _events(coder: Coder, text: str) -> list[tuple[str, str | None, str]]:
    events: list[Event] = coder.code(text, date=DATE)
    return [(e.source.cameo_code, e.target.cameo_code if e.target else None, e.cameo.code)
            for e in events]


@pytest.mark.parametrize(("text", "source", "target", "root"), [
    ("Haiti's prime minister survived an assassination attempt in Port-au-Prince on Sunday.",
     "---", "HTIGOV", "18"),
    ("Nigerian troops escaped an ambush by insurgents near Maiduguri on Friday.", "NGAREB", "NGAMIL", "19"),
    ("A Pakistani provincial governor narrowly survived a Taliban bomb attack on his convoy.",
     None, "PAKGOV", "18"),
    ("Ukrainian positions near Bakhmut came under heavy shelling overnight.", "---", "UKRMIL", "19"),
    ("The army base at El Fasher withstood a fresh assault by the Rapid Support Forces.", "SDN", "SDNMIL", "19"),
])
def test_the_one_who_lives_through_an_attack_is_its_target(
        coder: Coder, text: str, source: str | None, target: str, root: str) -> None:
    found = _events(coder, text)
    hits = [(s, t, c) for s, t, c in found if t == target and c[:2] == root]
    assert hits, found
    assert source is None or any(s.startswith(source) for s, _, _ in hits), found
    # never the survivor as the attacker
    assert not any(s == target and c[:2] in ("18", "19", "20") for s, _, c in found), found
