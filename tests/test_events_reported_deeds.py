"""A deed made known by a reporting verb is coded as the deed; on the real pipeline.

"The ministry confirmed the detention of two journalists": a state's own organ tells of the
state's own act, which CAMEO codes as that act (173) with the state as its doer. "A report
detailed the torture of detainees by police" names the doer itself. A deed a newspaper or a
rights group reports with no doer named is not theirs, and a visit a ministry confirms is the
visitor's, not the ministry's. Every sentence was written for these tests; none comes from an
evaluation set.
"""

from __future__ import annotations

import pytest

from coding import country_codes
from dyadwatch.coder import Coder

DATE = "2023-04-12"


@pytest.mark.model
@pytest.mark.parametrize(("text", "source", "code"), [
    ("Algeria's interior ministry confirmed the arrest of two French nationals in Oran.", "DZA", "173"),
    ("Georgian police reported the detention of 30 protesters in Tbilisi.", "GEO", "173"),
    ("Kuwait's government announced the release of three Indian sailors.", "KWT", "084"),
    ("A rights group detailed the torture of detainees by Bolivian police.", "BOL", "1822"),
])
def test_a_reported_deed_is_coded(coder: Coder, text: str, source: str, code: str) -> None:
    found = country_codes(coder, text, DATE)
    assert any(s == source and c[:len(code)] == code for s, _, c, _ in found), (text, found)


@pytest.mark.model
@pytest.mark.parametrize(("text", "code", "reporter"), [
    ("Georgian media reported the detention of 30 protesters in Tbilisi.", "173", "GEO"),
    ("Algeria's government confirmed the visit of the French president.", "042", "DZA"),
    ("A Bolivian newspaper reported the torture of detainees.", "1822", "BOL"),
    ("Gaza's health ministry reported the killing of 40 people in Rafah.", "190", "PSE"),
    ("Nigeria's army confirmed the abduction of two engineers.", "181", "NGA"),
])
def test_no_deed_is_laid_on_whoever_reports_it(coder: Coder, text: str, code: str, reporter: str) -> None:
    found = country_codes(coder, text, DATE)
    assert (reporter, code) not in [(s, c) for s, _, c, _ in found], (text, found)
