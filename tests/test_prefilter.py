"""The fast pre-parse filter: which sentences the parser sees, with offsets unchanged."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dyadwatch.prefilter import PreFilter, inflections, sentence_index

FILTER = PreFilter.build(
    names=["Algeria", "Stephen Townsend", "Mali"],
    roles=["minister", "army"],
    trigger_lemmas=["meet", "visit", "plan"],
    irregular={"meet": {"met"}},
)


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("Townsend met the minister.", True),  # a name word and an irregular form
        ("He visited Mali twice.", True),
        ("The weather was fine on Tuesday.", False),  # neither actor nor trigger
        ("Algeria is a large country.", False),  # an actor, no trigger
        ("They planned a meeting.", True),  # doubled consonant: planned
        ("The army's visits were rare.", True),
    ],
)
def test_keeps_only_sentences_with_actor_and_trigger(sentence: str, kept: bool) -> None:
    assert FILTER.keeps(sentence) is kept


def test_blanked_text_keeps_offsets_and_line_breaks() -> None:
    text = "Townsend met the minister.\nThe weather was fine.\n\nHe visited Mali."
    out, share = FILTER.apply(text)
    assert len(out) == len(text)
    assert out.count("\n") == text.count("\n")
    assert "weather" not in out
    assert out.index("He visited Mali.") == text.index("He visited Mali.")
    assert 0 < share < 1


@given(st.text(alphabet=st.sampled_from(list("ab .\n!?Mali met”")), max_size=200))
def test_apply_never_changes_length_or_kept_characters(text: str) -> None:
    out, _ = FILTER.apply(text)
    assert len(out) == len(text)
    assert all(o == t or o == " " for o, t in zip(out, text, strict=True))


def test_inflections() -> None:
    assert {"visits", "visited", "visiting"} <= inflections("visit")
    assert {"urged", "urging"} <= inflections("urge")
    assert {"denies", "denied"} <= inflections("deny")


def test_sentence_index_counts_fast_splitter_sentences() -> None:
    text = "One. Two sentences here.\nThree."
    assert sentence_index(text, 0) == 0
    assert sentence_index(text, text.index("Two")) == 1
    assert sentence_index(text, text.index("Three")) == 2


@pytest.mark.model
def test_prefilter_gives_the_same_events_as_a_full_parse(coder: object) -> None:
    from dataclasses import replace

    from dyadwatch.coder import Coder

    assert isinstance(coder, Coder)
    full = Coder(replace(coder.settings, prefilter=False, places=False), nlp=coder.nlp,
                 knowledge=coder.knowledge)
    fast = Coder(replace(coder.settings, prefilter=True, places=False), nlp=coder.nlp,
                 knowledge=coder.knowledge)
    text = (
        "ALGIERS – Algerian President Abdelmadjid Tebboune received the US defence secretary "
        "on Thursday.\nThe weather in the capital was mild for the season and the streets "
        "were quiet.\n\nThe two men discussed security in the Sahel, officials said."
    )
    assert full.code(text, date="2020-10-02") == fast.code(text, date="2020-10-02")
    assert full.code(text, date="2020-10-02")
