"""The coder's checks before the parse: a wrong value from a caller is that article's error, and
the size policy holds (over-long texts refused, over-long sentences blanked)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from dyadwatch.coder import Coder, blank_long_sentences
from dyadwatch.limits import LIMITS
from dyadwatch.records import Article


@pytest.mark.model
def test_wrong_types_become_errors_and_the_run_goes_on() -> None:
    coder = Coder()
    good = Article(id="ok", text="", date=date(2024, 2, 26))
    bad_date = replace(good, id="d", text="France met Germany.", date="2024-02-26")  # type: ignore[arg-type]
    bad_text = replace(good, id="t", text=b"bytes")  # type: ignore[arg-type]
    too_long = replace(good, id="l", text="x" * (LIMITS.text_chars + 1))
    coded = list(coder.code_articles([bad_date, "not an article", bad_text, too_long, good]))  # type: ignore[list-item]
    errors = [c.error for c in coded]
    assert "date is str '2024-02-26', not a datetime.date" in (errors[0] or "")
    assert "not an Article but str" in (errors[1] or "")
    assert "text is bytes" in (errors[2] or "")
    assert "exceeds the limit" in (errors[3] or "")
    assert errors[4] == "empty text"


def test_long_sentences_are_blanked_with_offsets_kept() -> None:
    text = "Troops moved. " + "Word " * 100 + "end.\nKenya met Haiti."
    out = blank_long_sentences(text, 200)
    assert len(out) == len(text)
    assert out.startswith("Troops moved. ")
    assert out.endswith("\nKenya met Haiti.")
    assert "Word" not in out
    assert blank_long_sentences("Short one.", 200) == "Short one."


def test_make_article_refuses_what_is_not_a_date() -> None:
    from dyadwatch.coder import make_article
    from dyadwatch.errors import InvalidArgument

    for bad in (20240314, 2024.0, ["2024-03-14"], "14/03/2024"):
        with pytest.raises(InvalidArgument, match="date"):
            make_article("Kenya met Haiti.", date=bad)  # type: ignore[arg-type]
    assert make_article("Kenya met Haiti.", date="2024-03-14").date == date(2024, 3, 14)
