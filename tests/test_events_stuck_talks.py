"""Talks said to be stuck are the speaker's pessimistic comment; on the real pipeline.

CAMEO's 012 is a statement with an explicit negative outlook. "X said the talks with Y had made
no progress" (or had stalled, remained deadlocked, reached an impasse) is such a statement by X
about its dealings with Y. The same words about an offensive or a business, talks that made
progress, or a stall the reporter tells with no speaker, are no pessimistic comment. Every
sentence was written for these tests; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from coding import country_codes
from dyadwatch.coder import Coder

DATE = "2023-04-12"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Peru's foreign minister said the fishing talks with Ecuador had made no progress.",
    "Ghana said negotiations with Togo over the maritime border remained deadlocked.",
    "Nepal's prime minister said the boundary dialogue with India had stalled.",
    "Morocco said talks with Algeria had reached an impasse.",
    "Peru said the talks with Ecuador had made little headway this year.",
])
def test_stuck_talks_are_a_pessimistic_comment(coder: Coder, text: str) -> None:
    found = country_codes(coder, text, DATE)
    assert any(code == "012" and target is not None for _, target, code, _ in found), (text, found)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Peru said the fishing talks with Ecuador had made good progress.",
    "Ghana's army said the rebel offensive in the north had stalled.",
    "Talks between Ghana and Togo stalled on Friday.",
    "Peru's mining company said the project had made no progress since March.",
])
def test_other_stalls_are_no_pessimistic_comment(coder: Coder, text: str) -> None:
    assert "012" not in [code for _, _, code, _ in country_codes(coder, text, DATE)], text
