"""Forces sent to protect, from the CAMEO codebook's notes on 074 and 154: troops or police sent
to another state "to help", "to protect" or "as part of" a mission there provide protection (074;
0334 when only promised), while forces massed at a border or sent against someone mobilise (154).
Sentences of our own (none from an evaluation set).
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

DATE = "2023-05-10"


def _codes(coder: Coder, text: str) -> set[tuple[str, str, str]]:
    return {(e.source.country or "" if e.source else "", e.target.country or "" if e.target else "", e.cameo.code)
            for e in coder.code(text, date=DATE)}


@pytest.mark.parametrize(("text", "want"), [
    ("Kenya deployed 400 police officers to Haiti to lead a multinational security mission.", ("KEN", "HTI", "074")),
    ("Rwanda sent troops to Mozambique to help fight Islamist insurgents.", ("RWA", "MOZ", "074")),
    ("Nigeria will send troops to Guinea-Bissau as part of an ECOWAS stabilisation force.", ("NGA", "GNB", "0334")),
])
def test_forces_sent_to_help_protect(coder: Coder, text: str, want: tuple[str, str, str]) -> None:
    assert want in _codes(coder, text)


@pytest.mark.parametrize("text", [
    "Russia deployed troops along the border with Ukraine.",
    "Russia sent troops to Ukraine to seize government buildings.",
    "Kenya deployed riot police to Kisumu to protect government buildings.",  # its own soil
])
def test_other_deployments_stay_mobilisations(coder: Coder, text: str) -> None:
    codes = {c for _, _, c in _codes(coder, text)}
    assert codes and not codes & {"074", "0334"}, codes
