"""Coordinated passives share one 'by' agent: "was raided and closed by Israeli police" names
the police as the doer of the raid too. On the real pipeline; every sentence was written for
these tests, none comes from an evaluation set."""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "source", "root"), [
    ("The Jerusalem office of Al Jazeera was raided and closed by Israeli police on Sunday.", "ISRCOP", "17"),
    ("The newspaper's offices were searched and sealed by Turkish police in Istanbul.", "TURCOP", "17"),
])
def test_coordinated_passives_share_their_agent(coder: Coder, text: str, source: str, root: str) -> None:
    events = coder.code(text, date="2024-05-05")
    assert any(e.cameo.root == root and e.source is not None and e.source.cameo_code == source for e in events), [
        (e.cameo.code, e.source.cameo_code if e.source else None) for e in events]
    assert not any(e.source is not None and e.source.unknown for e in events)
