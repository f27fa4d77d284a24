"""An option of force or sanctions kept open ("would not rule out the use of force", "refused
to rule out new sanctions") is an implicit threat, not a negated refusal; an option ruled out
stays a refusal. On the real pipeline; every sentence was written for these tests, none comes
from an evaluation set."""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model


def _coded(coder: Coder, text: str) -> set[tuple[str, str]]:
    return {(e.cameo.code, e.modality) for e in coder.code(text, date="2023-08-02")}


@pytest.mark.parametrize(("text", "code"), [
    ("ECOWAS said it would not rule out the use of force in Niger.", "138"),
    ("The United States did not rule out military action against Iran.", "138"),
    ("Britain refused to rule out new sanctions on Russia.", "1312"),
])
def test_an_option_kept_open_is_a_threat(coder: Coder, text: str, code: str) -> None:
    assert (code, "asserted") in _coded(coder, text), _coded(coder, text)


@pytest.mark.parametrize("text", [
    "NATO ruled out military action in Libya.",
    "The minister did not rule out talks with the rebels.",
    # options that are no force or sanction
    "The government would not rule out legal action against the mining company.",
    "The central bank did not rule out further measures to support the rupee.",
    "The union did not rule out strike action.",
])
def test_an_option_ruled_out_or_no_option_of_force_is_no_threat(coder: Coder, text: str) -> None:
    assert not any(c.startswith("13") for c, _ in _coded(coder, text)), _coded(coder, text)


@pytest.mark.parametrize(("text", "code"), [
    ("Kenyan doctors threatened a strike over unpaid wages.", "133"),
    ("The Ghana Trades Union Congress threatened a strike.", "133"),
    # an attack threatened on a target stays a threat of force
    ("Israel threatened a strike on Iran's nuclear sites.", "138"),
])
def test_a_strike_threatened_by_workers_is_a_threat_of_dissent(coder: Coder, text: str, code: str) -> None:
    assert code in {c for c, _ in _coded(coder, text)}, _coded(coder, text)
