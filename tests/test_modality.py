"""Modality of a trigger, one construction per test, on the real parser.

Every sentence here was written for these tests; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder
from dyadwatch.events.modality import markers, modality_of

pytestmark = pytest.mark.model


def _modality(coder: Coder, text: str, trigger: str) -> str:
    doc = coder.nlp(text)
    token = next(t for t in doc if t.text == trigger)
    return modality_of(token)


def _markers(coder: Coder, text: str, trigger: str) -> set[str]:
    doc = coder.nlp(text)
    return markers(next(t for t in doc if t.text == trigger))


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # plain report
        ("Portugal signed a fisheries deal with Morocco.", "signed", "asserted"),
        # negation
        ("Portugal did not sign the fisheries deal with Morocco.", "sign", "negated"),
        ("Portugal never signed the fisheries deal.", "signed", "negated"),
        ("Portugal failed to sign the fisheries deal.", "sign", "negated"),
        ("The Portuguese minister said she was not worried about the quotas.", "worried", "negated"),
        # hedges: modal, adverb, impersonal expectation, unnamed speakers, doubled negation
        ("Portugal may have signed a fisheries deal with Morocco.", "signed", "hedged"),
        ("Portugal reportedly signed a fisheries deal with Morocco.", "signed", "hedged"),
        ("Portugal likely signed a fisheries deal with Morocco.", "signed", "hedged"),
        ("It is expected that Portugal signed the deal last week.", "signed", "hedged"),
        ("Analysts say Portugal signed the deal in secret.", "signed", "hedged"),
        ("It is not unlikely that Lisbon hopes for Rabat to sign the deal.", "hopes", "hedged"),
        # future and intent
        ("Portugal will sign a fisheries deal with Morocco.", "sign", "future"),
        ("Portugal plans to sign a fisheries deal with Morocco.", "sign", "future"),
        ("The Portuguese minister is expected to visit Rabat in May.", "visit", "future"),
        # hypothetical: conditions and purposes
        ("Portugal would sign the deal if Morocco lowered its quotas.", "sign", "hypothetical"),
        ("Portugal sent a delegation to sign the deal.", "sign", "hypothetical"),
        ("The two countries must sign the deal, the minister said.", "sign", "hypothetical"),
        # an event noun as the subject of a verb of taking place has that verb's markers
        ("Talks between Portugal and Morocco will resume in Rabat next month.", "Talks", "future"),
        ("Officials said the talks on fishing quotas might resume in June.", "talks", "hedged"),
        ("The summit of Atlantic states will take place in Lisbon.", "summit", "future"),
        ("The vote on the fisheries deal was not held on Monday.", "vote", "negated"),
        ("Talks on fishing quotas are expected to resume in Rabat.", "Talks", "future"),
        ("Talks on fishing quotas resumed in Rabat on Monday.", "Talks", "asserted"),
        # ... and only such a verb: the raid did happen, whatever it may have caused
        ("The raid on the harbour may have killed five fishermen.", "raid", "asserted"),
        # a claim called false is denied
        ("Reports that Portugal had seized Moroccan trawlers were false, Lisbon said.", "seized", "negated"),
        ("Claims that Portugal had seized Moroccan trawlers are baseless, the ministry said.", "seized", "negated"),
        ("Reports that Portugal had seized Moroccan trawlers were confirmed by Lisbon.", "seized", "hedged"),
    ],
)
def test_modality_per_construction(coder: Coder, text: str, trigger: str, expected: str) -> None:
    assert _modality(coder, text, trigger) == expected


def test_temporal_clause_is_presupposed_under_a_hedge(coder: Coder) -> None:
    text = "Analysts say the talks may have failed after Morocco rejected the offer."
    assert _modality(coder, text, "rejected") == "asserted"
    assert _modality(coder, text, "failed") == "hedged"


def test_markers_future_negation_and_demand(coder: Coder) -> None:
    assert _markers(coder, "Spain will not accept the proposal.", "accept") == {"future", "neg"}
    assert "would" in _markers(coder, "Spain said it would accept the proposal.", "accept")
    assert "must" in _markers(coder, "Spain said Morocco must accept the proposal.", "accept")
    assert "must" in _markers(coder, "Spain said Morocco has to accept the proposal.", "accept")


def test_conjunct_shares_the_future_of_its_head(coder: Coder) -> None:
    assert "future" in _markers(coder, "The minister will visit Rabat and meet the king.", "meet")


def test_conditional_threat_marker(coder: Coder) -> None:
    text = "The union may halt its mediation if the parties refuse to talk."
    assert "if" in _markers(coder, text, "halt")
