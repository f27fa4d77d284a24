"""A bare group ("the rebels", "the army") takes its country from an earlier sentence that names
it with one, even when that sentence holds no event and the pre-filter would blank it; and a
pronoun in a claim that its subject denies stands for the denier. On the real pipeline.

Every sentence here was written for these tests; none comes from an evaluation set.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from dyadwatch.coder import Coder
from dyadwatch.records import Event

pytestmark = pytest.mark.model

DATE = "2023-05-02"
# Background that names no actor and holds no event: it pushes the antecedent past the top of
# the article, where the pre-filter keeps every sentence anyway.
FILLER = (
    "The province is rich in tin, gold and timber, and most of its roads turn to mud in the "
    "rainy season. Markets open at dawn and close before the heat of the afternoon. "
    "Many families grow cassava and beans on small plots along the river, and the harvest "
    "this year was poor after weeks of drought. Prices of maize flour have doubled since "
    "January, traders say, and the schools in the valley have been shut for a month.\n\n"
)


def _coders(coder: Coder) -> tuple[Coder, Coder]:
    full = Coder(replace(coder.settings, prefilter=False, places=False),
                 nlp=coder.nlp, knowledge=coder.knowledge)
    fast = Coder(replace(coder.settings, prefilter=True, places=False),
                 nlp=coder.nlp, knowledge=coder.knowledge)
    return full, fast


def _sources(events: list[Event]) -> set[tuple[str, str | None]]:
    return {(e.source.text, e.source.country) for e in events if e.source is not None}


@pytest.mark.parametrize(
    ("text", "group", "country"),
    [
        (
            "GOMA, Congo (Reuters) - " + FILLER
            + "Rwandan rebels are a familiar sight in the hills north of the town.\n\n"
            "Residents said the night was quiet. On Sunday the rebels attacked a village near "
            "Goma, killing four people, a local official said.",
            "rebels", "RWA",
        ),
        (
            "NIAMEY (AFP) - " + FILLER
            + "The Malian army has long been short of helicopters and fuel.\n\n"
            "Witnesses said the army shelled a market town near the border on Saturday.",
            "army", "MLI",
        ),
    ],
)
def test_a_bare_group_takes_the_country_of_its_earlier_mention(
    coder: Coder, text: str, group: str, country: str
) -> None:
    full, fast = _coders(coder)
    antecedent = text.index(FILLER) + len(FILLER)
    kept, _ = fast.prefilter.apply(text)
    assert kept[antecedent : antecedent + 20] == text[antecedent : antecedent + 20]
    events = fast.code(text, date=DATE)
    assert (group, country) in _sources(events), _sources(events)
    assert events == full.code(text, date=DATE)


def test_a_group_without_an_earlier_country_is_not_looked_for(coder: Coder) -> None:
    """The antecedent is kept only for a bare mention of the same group: an earlier sentence
    about another group stays blanked."""
    _, fast = _coders(coder)
    text = (
        "GOMA, Congo (Reuters) - " + FILLER
        + "Rwandan rebels are a familiar sight in the hills north of the town.\n\n"
        "On Sunday the police arrested three traders near Goma, a local official said."
    )
    kept, _ = fast.prefilter.apply(text)
    assert "familiar sight" not in kept
    assert "arrested three traders" in kept


@pytest.mark.parametrize(
    ("text", "pronoun", "country"),
    [
        # the denier is who the claim is about: the pronoun stands for it
        ("Russia on Tuesday dismissed U.S. claims that it had supplied drones to Iran.", "it", "RUS"),
        ("Iran denied Israeli reports that it had shipped missiles to Hezbollah.", "it", "IRN"),
        # nobody denies the claim: the claimant's own, as before
        ("Washington claims that it has shot down Iranian drones over Iraq.", "it", "USA"),
        ("Turkey said it had shelled positions of Kurdish militants in northern Syria.", "it", "TUR"),
    ],
)
def test_a_pronoun_in_a_denied_claim_is_the_denier(
    coder: Coder, text: str, pronoun: str, country: str
) -> None:
    events = coder.code(text, date=DATE)
    found = {(s, c) for s, c in _sources(events) if s == pronoun}
    assert found == {(pronoun, country)}, [(e.cameo.code, e.source) for e in events]
