"""Light verbs the lexicon's event nouns name, and an armed group's military titles, on the real
pipeline. Every sentence was written for these tests; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model


def _codes(coder: Coder, text: str) -> list[tuple[str, str | None, str | None]]:
    return [(e.cameo.code, e.source.cameo_code if e.source else None, e.target.cameo_code if e.target else None)
            for e in coder.code(text, date="2024-01-12")]


@pytest.mark.parametrize("text", [
    "Russia repeated its demand for a withdrawal of Ukrainian troops.",
    "Moscow reiterated its demand that NATO halt its expansion.",
])
def test_a_repeated_demand_is_a_demand(coder: Coder, text: str) -> None:
    assert [c[:2] for c, _, _ in _codes(coder, text)][:1] == ["10"]


def test_a_warning_received_is_still_the_sender_s(coder: Coder) -> None:
    """'received' is a light verb of 'warning' in the lexicon, but its subject undergoes it."""
    codes = _codes(coder, "Iran received a warning from the United States on Monday.")
    assert all(src != "IRN" for _, src, _ in codes)


@pytest.mark.parametrize(("text", "source"), [
    ("Houthi military spokesman Yahya Saree warned that the group would target any U.S. warship.", "YEMREB"),
    ("Arakan Army spokesman Khaing Thukha accused the military of killing civilians.", "MMRREB"),
    ("Israeli army spokesman Daniel Hagari accused Hamas of hiding in hospitals.", "ISRMIL"),
])
def test_an_armed_group_s_military_men_are_the_group(coder: Coder, text: str, source: str) -> None:
    assert [src for _, src, _ in _codes(coder, text)][:1] == [source]


def test_a_participle_describing_an_event_noun_lends_it_no_doer(coder: Coder) -> None:
    """'enforced disappearances': the participle describes the noun, even parsed as a verb."""
    text = ("UN human rights investigators are looking into reports of torture and enforced "
            "disappearances by Venezuelan security forces.")
    assert not any(c[:2] == "18" for c, _, _ in _codes(coder, text))


def test_what_is_feared_is_not_asserted(coder: Coder) -> None:
    """A noun of fearing, like one of reporting, holds what is feared, not what happened."""
    text = "Ghana's army carried out operations along the border, amid fears that militants attacked a village."
    events = coder.code(text, date="2024-03-08")
    assert [e.modality for e in events if e.evidence.trigger.text == "attacked"] == ["hedged"]
