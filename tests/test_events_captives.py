"""Whom a hostage-taking is done to; on the real pipeline.

The parser reads "took two French tourists hostage" as one noun, "tourists hostage", with the
captives as a modifier of the pattern's own word; they are the recipient, not the place the act
happened in. Every sentence was written for these tests; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder


@pytest.mark.model
@pytest.mark.parametrize(("text", "target"), [
    ("Jihadists took two French tourists hostage in a national park in northern Benin.", "FRACVL"),
    ("Gunmen took 12 passengers hostage on a bus in Kaduna.", "NGACVL"),
])
def test_the_captives_are_the_recipient(coder: Coder, text: str, target: str) -> None:
    events = [e for e in coder.code(text, date="2019-05-03") if e.cameo.code == "181"]
    assert [e.target.cameo_code if e.target else None for e in events] == [target], text
