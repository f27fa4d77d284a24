"""Names listed beside a known target that no list of ours places ("Russia's two largest oil
companies, Rosneft and Lukoil") add no party: one event, on the known target. On the real
pipeline; every sentence was written for these tests, none comes from an evaluation set."""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model


def test_unplaced_names_listed_with_a_known_target_add_no_event(coder: Coder) -> None:
    events = coder.code("The United States imposed sanctions on Russia's two largest oil companies, "
                        "Rosneft and Lukoil.", date="2025-10-22")
    assert [(e.source.country if e.source else None, e.target.cameo_code if e.target else None) for e in events] \
        == [("USA", "RUSBUS")]


def test_a_listed_target_with_a_country_stays(coder: Coder) -> None:
    events = coder.code("The EU sanctioned Iran and a Chinese firm on Monday.", date="2025-10-22")
    assert {e.target.country for e in events if e.target is not None} == {"IRN", "CHN"}
