"""Who does what a message's participle says ("a statement calling for talks": its author), and
who holds the talks an event noun sets the occasion of ("in talks with X, he signed")."""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

DATE = "2023-03-01"


def _rows(coder: Coder, text: str) -> set[tuple[str, str, str | None, str | None]]:
    return {(e.evidence.trigger.text, e.cameo.code[:2], e.source.cameo_code if e.source else None,
             e.target.cameo_code if e.target else None) for e in coder.code(text, date=DATE)}


@pytest.mark.parametrize(("text", "trigger", "root", "source"), [
    ("Ghana's foreign ministry issued a statement calling for talks between the government and "
     "the opposition.", "calling", "02", "GHAGOV"),
    ("Kenya said in a letter urging Uganda to release the detained fishermen that it wanted a "
     "quick solution.", "urging", "02", "KEN"),
    ("The Nigerian government on Tuesday released a statement condemning the attack on "
     "Cameroonian soldiers.", "condemning", "11", "NGAGOV"),
    ("In a speech calling for national unity, Malawi's president praised the opposition leader.",
     "calling", "02", "MWIGOV"),
])
def test_a_message_acts_for_its_author(coder: Coder, text: str, trigger: str, root: str, source: str) -> None:
    assert any(t == trigger and r == root and s == source for t, r, s, _ in _rows(coder, text))


def test_who_reacts_to_a_message_did_not_write_it(coder: Coder) -> None:
    rows = _rows(coder, "Ethiopia rejected a statement accusing Eritrea of sending troops across the border.")
    assert any(t == "rejected" for t, _, _, _ in rows)
    assert not any(t == "accusing" and s == "ETH" for t, _, s, _ in rows)


def test_talks_that_set_the_occasion_are_the_subjects(coder: Coder) -> None:
    rows = _rows(coder, "President Ruto met Ugandan officials in Kampala on Monday. In talks with "
                        "Uganda's president, he raised the border dispute.")
    assert ("talks", "04", "KENGOV", "UGAGOV") in rows


def test_talks_without_a_counterpart_are_nobodys(coder: Coder) -> None:
    rows = _rows(coder, "President Ruto met Ugandan officials in Kampala on Monday. In talks on "
                        "Tuesday, he raised the border dispute.")
    assert not any(t == "talks" for t, _, _, _ in rows)
