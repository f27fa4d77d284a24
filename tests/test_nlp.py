"""Our pipeline components, on a blank tokenizer (fast) and on the real pipeline."""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from dyadwatch.coder import Coder
from dyadwatch.nlp.pipeline import set_sentence_starts


def _starts(text: str) -> list[str]:
    """Each token with its constraint: '+' starts a sentence, '-' does not, '?' undecided."""
    doc = set_sentence_starts(spacy.blank("en").make_doc(text))
    marks = {True: "+", False: "-", None: "?"}
    return [f"{marks[t.is_sent_start]}{t.text}" for t in doc if not t.is_space][1:]


def test_a_dateline_stands_apart() -> None:
    assert _starts("ALGIERS – Algeria and Mali met.")[:3] == ["-–", "+Algeria", "-and"]


def test_a_line_break_starts_a_sentence_before_a_capital_only() -> None:
    marks = _starts("Talks ended\nLeaders left\nand went home.")
    assert "+Leaders" in marks and "-and" in marks


def test_inside_a_line_no_sentence_starts_but_after_terminal_punctuation() -> None:
    marks = _starts('Commander of US Africa Command (AFRICOM) General Ray met him. "Yes." He left.')
    assert "-General" in marks and "-met" in marks
    assert '?"' in marks and "?He" in marks  # the parser decides after a full stop


@pytest.mark.parametrize("text", ["", " ", "\n\n", "A", "ALGIERS -", "x\n\n\ny"])
def test_odd_texts_do_not_break_the_component(text: str) -> None:
    doc = set_sentence_starts(spacy.blank("en").make_doc(text))
    assert len(doc) == len(spacy.blank("en").make_doc(text))


@pytest.mark.model
def test_the_pipeline_splits_a_dateline_story(coder: Coder) -> None:
    doc = coder.nlp(
        "ALGIERS – The commander met the president.\n\nBoth sides spoke of cooperation."
    )
    assert [s.text.strip() for s in doc.sents][:2] == [
        "ALGIERS –",
        "The commander met the president.",
    ]


@pytest.mark.model
def test_the_gazetteer_ruler_does_not_count_its_patterns_for_every_doc(
    coder: Coder, monkeypatch: pytest.MonkeyPatch
) -> None:
    # spaCy's ruler counts every pattern before each doc only to warn of an empty ruler: with
    # thousands of names that cost half a millisecond per article
    ruler: Any = coder.nlp.get_pipe("dw_gazetteer")
    assert len(ruler) > 1000

    def counted(_self: object) -> int:
        raise AssertionError("the ruler's patterns were counted for a doc")

    monkeypatch.setattr(type(ruler), "__len__", counted)
    doc = coder.nlp("Mali and Niger closed their border, officials in Bamako said.")
    assert {"Mali", "Niger", "Bamako"} <= {e.text for e in doc.ents}
