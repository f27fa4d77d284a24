"""A passive threat names its maker in a 'by' phrase the parser may hang on what is threatened
("Sweden was threatened with sanctions by Turkey"): the maker threatens the passive's subject,
and what is threatened is no sanction imposed."""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model


def _rows(coder: Coder, text: str) -> set[tuple[str, str, str]]:
    return {(e.source.country or "" if e.source else "", e.target.country or "" if e.target else "", e.cameo.code)
            for e in coder.code(text, date="2023-01-23")}


@pytest.mark.parametrize(("text", "row"), [
    ("Sweden was threatened with sanctions by Turkey.", ("TUR", "SWE", "1312")),
    ("Lithuania has been threatened with a trade embargo by Beijing.", ("CHN", "LTU", "1312")),
    ("Sweden was threatened by Turkey with sanctions.", ("TUR", "SWE", "1312")),
])
def test_the_maker_threatens_the_passive_s_subject(coder: Coder, text: str, row: tuple[str, str, str]) -> None:
    rows = _rows(coder, text)
    assert row in rows
    assert not any(code.startswith("16") for _, _, code in rows)  # nothing imposed yet


def test_sanctions_imposed_in_a_passive_stay_imposed(coder: Coder) -> None:
    rows = _rows(coder, "Sanctions were imposed on Iran by the European Union.")
    assert any(target == "IRN" and code == "163" for _, target, code in rows)
