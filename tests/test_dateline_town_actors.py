"""A wire story's dateline says where it was filed: unnamed local actors ("gunmen", "police")
in a story datelined from a town take the town's country, which only the gazetteer knows (the
actor stage knows capitals and countries). An actor with a country of its own keeps it.
Sentences written for this test."""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model


def _pairs(coder: Coder, text: str) -> set[tuple[str, str]]:
    return {(e.source.cameo_code if e.source else "", e.target.cameo_code if e.target else "")
            for e in coder.code(text, date="2015-05-04")}


def test_unnamed_local_actors_take_the_dateline_town_s_country(coder: Coder) -> None:
    pairs = _pairs(coder, "QUETTA, May 4 - Gunmen shot dead two policemen on Monday, officials said.")
    assert ("PAKUAF", "PAKCOP") in pairs, pairs


def test_an_actor_with_a_country_keeps_it(coder: Coder) -> None:
    pairs = _pairs(coder, "MOMBASA, May 4 - Somali pirates attacked a cargo ship on Monday, police said.")
    assert not any(src.startswith("KEN") for src, _ in pairs), pairs
