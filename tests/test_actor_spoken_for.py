"""'it' as the doer in an official's words is the body the official speaks for; on the real
pipeline. Each rule is tested both ways. Every sentence was written for these tests; none comes
from an evaluation set."""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

DATE = "2021-03-01"


def _codes(coder: Coder, text: str) -> set[tuple[str, str | None, str]]:
    return {(e.source.cameo_code, e.target.cameo_code if e.target else None, e.cameo.code[:2])
            for e in coder.code(text, date=DATE) if e.source is not None}


def test_it_in_a_spokesmans_words_is_his_government(coder: Coder) -> None:
    text = "Chinese foreign ministry spokesman Zhao Lijian said it would impose sanctions on Lithuanian officials."
    assert any(s == "CHNGOV" and t == "LTUGOV" and r == "13" for s, t, r in _codes(coder, text))


def test_it_in_a_quoted_spokesmans_words_is_his_government(coder: Coder) -> None:
    text = "\"It will not negotiate with the rebels,\" Malian government spokesman Abdoulaye Maiga told reporters."
    assert any(s == "MLIGOV" and r == "12" for s, _, r in _codes(coder, text))


def test_it_in_the_words_of_someone_who_speaks_for_no_body_stays_unknown(coder: Coder) -> None:
    text = "Retired Nigerian general Ishola Williams said it would send more troops to Borno state."
    assert not any(s.startswith("NGA") for s, _, _ in _codes(coder, text))


def test_it_as_the_object_in_a_spokesmans_words_is_not_his_government(coder: Coder) -> None:
    text = "Chinese foreign ministry spokesman Zhao Lijian said Lithuania had insulted it."
    assert not any(t == "CHNGOV" and s == "LTUGOV" for s, t, _ in _codes(coder, text))
