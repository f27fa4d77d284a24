"""An appeal for approval or endorsement is CAMEO's 053 (rally support on behalf of) only when
what is to be backed is another actor's; backing for the appealer's own deed is asked of the
addressee as policy support (022), and the appeal is made, not planned. On the real pipeline;
every sentence was written for these tests; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

DATE = "2024-09-12"


def _coded(coder: Coder, text: str) -> list[tuple[str | None, str, str]]:
    return [(e.source.country if e.source else None, e.cameo.code, e.modality) for e in coder.code(text, date=DATE)]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Ukraine sought Washington's approval for long-range strikes on Russian territory.",
    "Kenya sought Britain's endorsement of its candidate for the African Union Commission.",
    "Seoul sought Beijing's approval for the visit.",
])
def test_backing_for_ones_own_deed_is_an_appeal(coder: Coder, text: str) -> None:
    found = _coded(coder, text)
    assert any(code == "022" and mode == "asserted" for _, code, mode in found), (text, found)
    assert not any(code == "053" for _, code, _ in found), (text, found)


@pytest.mark.model
def test_backing_for_another_is_rallied_on_its_behalf(coder: Coder) -> None:
    found = _coded(coder, "Poland sought Germany's approval for Ukraine's bid to join the European Union.")
    assert any(code == "053" for _, code, _ in found), found


@pytest.mark.model
def test_seeking_to_act_stays_a_plan(coder: Coder) -> None:
    found = _coded(coder, "Iran sought to meet Saudi officials in Baghdad.")
    assert found and all(mode == "future" for _, _, mode in found), found
