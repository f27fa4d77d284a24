"""Two readings that widen what a pattern and an actor can see, on the real pipeline: a quantity
of a thing ("20 tonnes of medical supplies") is read as the thing in both its forms, and the
experts, inspectors and monitors an organisation sends act for it ("UN experts accused ...").
Every sentence was written for these tests; none comes from an evaluation set."""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

DATE = "2023-03-01"


def _coded(coder: Coder, text: str) -> set[tuple[str, str | None, str | None]]:
    return {(e.cameo.code, e.source.cameo_code if e.source else None, e.target.cameo_code if e.target else None)
            for e in coder.code(text, date=DATE)}


@pytest.mark.parametrize(("text", "expected"), [
    ("Turkey sent 20 tonnes of medical supplies to Libya on Monday.", ("073", "TUR", "LBY")),
    ("Qatar flew three planeloads of relief supplies to Afghanistan.", ("073", "QAT", "AFG")),
    ("Japan shipped two batches of medical supplies to Sri Lanka.", ("073", "JPN", "LKA")),
])
def test_a_quantity_of_supplies_is_the_supplies(coder: Coder, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _coded(coder, text)


@pytest.mark.parametrize(("text", "code", "target"), [
    ("The United States froze $200 million in aid to Egypt.", "16", "EGY"),
    ("Washington could suspend its $1.3 billion in annual military aid to Egypt.", "16", "EGY"),
    ("Japan pledged 5 billion yen in loans to Sri Lanka.", "0331", "LKA"),
    # "budget support" is economic aid, not the diplomatic support a bare "support" pledges
    ("Norway pledged 40 million euros in budget support to Malawi.", "0331", "MWI"),
])
def test_a_sum_in_aid_is_the_aid(coder: Coder, text: str, code: str, target: str) -> None:
    found = _coded(coder, text)
    assert any(c.startswith(code) and t == target for c, _, t in found), found


@pytest.mark.parametrize(("text", "code", "target"), [
    ("UN experts accused Eritrea of torturing detainees.", "112", "ERI"),
    ("UN investigators accused Sudan's army of war crimes in Darfur.", "112", "SDN"),
    ("EU monitors arrived in Armenia on Tuesday.", "04", "ARM"),
])
def test_an_organisation_s_experts_and_monitors_act_for_it(coder: Coder, text: str, code: str, target: str) -> None:
    found = _coded(coder, text)
    assert any(c.startswith(code) and s is not None and s.startswith("IGO") and t is not None and t.startswith(target)
               for c, s, t in found), found


def test_experts_of_no_organisation_stay_unnamed(coder: Coder) -> None:
    # the member reading needs an organisation before the noun: "independent experts" are no body
    found = _coded(coder, "Independent experts accused Eritrea of torturing detainees.")
    assert not any(s is not None and s.startswith("IGO") for _, s, _ in found)
