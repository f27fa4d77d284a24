"""Forces put on standby, on the real pipeline: police alert (151) or military alert (152) by
who is put on it. Every sentence was written for these tests; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "code"), [
    ("British police put 6,000 public-order officers on standby on Wednesday.", "151"),
    ("Police put 5,000 officers on alert ahead of the protests.", "151"),
    ("The army put two brigades on standby along the border.", "152"),
])
def test_forces_put_on_standby(coder: Coder, text: str, code: str) -> None:
    assert [e.cameo.code for e in coder.code(text, date="2024-08-07")] == [code]


def test_warplanes_deployed_are_a_deployment(coder: Coder) -> None:
    events = coder.code("China deployed dozens of warplanes around Taiwan on Thursday.", date="2024-05-23")
    assert [(e.cameo.code, e.source.country if e.source else None) for e in events] == [("154", "CHN")]
