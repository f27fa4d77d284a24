"""A leader's name before a body, possessive or not ("Assad's forces", "Maduro's government",
"the Biden administration"), gives the body the leader's country, even where the tagger took the
surname for an organisation's name; a firm's name before a role gives no country. Sentences
are our own."""

from __future__ import annotations

from datetime import date

import pytest

from coding import resolve_mention
from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

# (date, sentence, mention, country + sector)
CASES = [
    ("2015-05-01", "Assad's forces shelled rebel-held Idlib.", "Assad's forces", "SYRMIL"),
    ("2019-02-01", "Maduro's government expelled the envoy.", "Maduro's government", "VENGOV"),
    ("2019-02-01", "Apple's lawyers filed an appeal.", "Apple's lawyers", "NoneJUD"),
    # the leader's name as a modifier, in a story that names another country more
    ("2023-05-01", "The Biden administration imposed sanctions on Chinese firms.", "The Biden administration",
     "USAGOV"),
    ("2018-05-01", "The Trump administration accused China of stealing secrets from Chinese-owned firms.",
     "The Trump administration", "USAGOV"),
]


@pytest.mark.parametrize(("day", "text", "mention", "code"), CASES)
def test_possessor_surname(coder: Coder, day: str, text: str, mention: str, code: str) -> None:
    actor = resolve_mention(coder, text, mention, date.fromisoformat(day))
    assert actor is not None, mention
    assert f"{actor.country}{actor.sector}" == code, actor.reason
