"""Publication dates, datelines and event dates (hand-built parses, no model)."""

from __future__ import annotations

from datetime import date

import pytest

from dyadwatch.read.dateline import find_dateline, read_dating
from dyadwatch.read.dates import (
    event_date,
    parse_full_date,
    resolve_expression,
    tense,
)
from dyadwatch.records import EventDate
from test_places_docs import make_doc

FRIDAY = date(2020, 9, 25)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Title\n\nFriday 25/09/2020\nALGIERS – body", date(2020, 9, 25)),
        ("Title\n03/04/2020\n", date(2020, 4, 3)),  # day first
        ("Title\n09/25/2020\n", date(2020, 9, 25)),  # day first impossible: month first
        ("Title\nSeptember 25, 2020\n", date(2020, 9, 25)),
        ("Title\nSept. 3, 2019\n", date(2019, 9, 3)),
        ("Title\n25 Sept 2020\n", date(2020, 9, 25)),
        ("2020-09-25\nTitle", date(2020, 9, 25)),
        (
            "Title\nPublished: Thursday " + "x" * 80 + " 1 October 2020 at 10:00\n",
            date(2020, 10, 1),
        ),
        # A date inside a long body sentence is no date line.
        (
            "Title\nThe accord, signed on 3 March 2015 in Algiers after long talks between the "
            "parties and mediators, still holds today.\n",
            None,
        ),
        ("Title\n31/02/2020\n", None),
        ("No date at all here.", None),
    ],
)
def test_find_publication_date(text: str, expected: date | None) -> None:
    assert read_dating(text).published == expected


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Title\n\nALGIERS – Algeria and the United States ...", "ALGIERS"),
        ("WASHINGTON (Reuters) - The U.S. Senate ...", "WASHINGTON"),
        ("PARIS, Sept 3 - France said ...", "PARIS"),
        ("Intro.\nNEW YORK — Stocks fell ...", "NEW YORK"),
        ("SEVERN, Md. (ABC7) — A 55-year-old man ...", "SEVERN"),
        ("The US - Algeria talks went on.", None),  # not at a paragraph's start
        ("A - B", None),
    ],
)
def test_find_dateline(text: str, place: str | None) -> None:
    dateline = find_dateline(text)
    if place is None:
        assert dateline is None
    else:
        assert dateline is not None
        span = dateline.place
        assert span.text == place
        assert text[span.start : span.end] == place


@pytest.mark.parametrize(
    ("text", "when", "expected"),
    [
        ("Wednesday", "past", EventDate(date(2020, 9, 23), "day")),
        ("Friday", "past", EventDate(date(2020, 9, 25), "day")),  # the day of publication
        ("Wednesday", "future", EventDate(date(2020, 9, 30), "day")),
        ("yesterday", "past", EventDate(date(2020, 9, 24), "day")),
        ("last week", "past", EventDate(date(2020, 9, 18), "week")),
        ("earlier this month", "past", EventDate(date(2020, 9, 1), "month")),
        ("last year", "past", EventDate(date(2019, 1, 1), "year")),
        ("three days ago", "past", EventDate(date(2020, 9, 22), "day")),
        ("2015", "past", EventDate(date(2015, 1, 1), "year")),
        ("November", "past", EventDate(date(2019, 11, 1), "month")),
        ("November", "future", EventDate(date(2020, 11, 1), "month")),
        ("March 2019", "past", EventDate(date(2019, 3, 1), "month")),
        ("September 3", "past", EventDate(date(2020, 9, 3), "day")),
        ("Dec. 30", "past", EventDate(date(2019, 12, 30), "day")),  # not a future date
        ("the 3rd of March 2019", "past", EventDate(date(2019, 3, 3), "day")),
        ("the 1990s", "past", None),
        ("the next few hours", "past", None),
    ],
)
def test_resolve_expression(text: str, when: str, expected: EventDate | None) -> None:
    assert resolve_expression(text, FRIDAY, when) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2015", EventDate(date(2015, 1, 1), "year")), ("last week", None), ("Wednesday", None)],
)
def test_relative_expressions_need_a_publication_date(
    text: str, expected: EventDate | None
) -> None:
    assert resolve_expression(text, None, "past") == expected


def test_parse_full_date_prefers_the_first() -> None:
    assert parse_full_date("on 2020-01-02, not 3 March 2021") == date(2020, 1, 2)


# -- event dates on hand-built parses ---------------------------------------------------------

RECENTLY_MET = [
    ("Townsend", "NNP", "nsubj", 2, "PERSON"),
    ("recently", "RB", "advmod", 2, ""),
    ("met", "VBD", "ROOT", 2, "", "meet"),
    ("officials", "NNS", "dobj", 2, ""),
    (".", ".", "punct", 2, ""),
]
SIGNED_2015 = [
    ("They", "PRP", "nsubj", 1, ""),
    ("signed", "VBD", "ROOT", 1, "", "sign"),
    ("an", "DT", "det", 3, ""),
    ("agreement", "NN", "dobj", 1, ""),
    ("in", "IN", "prep", 1, ""),
    ("2015", "CD", "pobj", 4, "DATE"),
    (".", ".", "punct", 1, ""),
]
WILL_MEET_WEDNESDAY = [
    ("They", "PRP", "nsubj", 2, ""),
    ("will", "MD", "aux", 2, ""),
    ("meet", "VB", "ROOT", 2, ""),
    ("on", "IN", "prep", 2, ""),
    ("Wednesday", "NNP", "pobj", 3, "DATE"),
    (".", ".", "punct", 2, ""),
]
MET_WEDNESDAY = [
    ("They", "PRP", "nsubj", 1, ""),
    ("met", "VBD", "ROOT", 1, "", "meet"),
    ("on", "IN", "prep", 1, ""),
    ("Wednesday", "NNP", "pobj", 2, "DATE"),
    (".", ".", "punct", 1, ""),
]
MAY_RESUME = [
    ("Talks", "NNS", "nsubj", 2, ""),
    ("may", "MD", "aux", 2, ""),
    ("resume", "VB", "ROOT", 2, ""),
    (".", ".", "punct", 2, ""),
]
WILL_MEET = [
    ("They", "PRP", "nsubj", 2, ""),
    ("will", "MD", "aux", 2, ""),
    ("meet", "VB", "ROOT", 2, ""),
    (".", ".", "punct", 2, ""),
]
WILL_VISIT_IN_JUNE = [
    ("They", "PRP", "nsubj", 2, ""),
    ("will", "MD", "aux", 2, ""),
    ("visit", "VB", "ROOT", 2, ""),
    ("Washington", "NNP", "dobj", 2, "GPE"),
    ("in", "IN", "prep", 2, ""),
    ("June", "NNP", "pobj", 4, "DATE"),
    (".", ".", "punct", 2, ""),
]
FOUGHT_FOR_TWO_YEARS = [
    ("They", "PRP", "nsubj", 1, ""),
    ("fought", "VBD", "ROOT", 1, "", "fight"),
    ("for", "IN", "prep", 1, ""),
    ("two", "CD", "nummod", 4, "DATE"),
    ("years", "NNS", "pobj", 2, "DATE"),
    (".", ".", "punct", 1, ""),
]
URGED_CONCLUDED_2015 = [
    ("He", "PRP", "nsubj", 1, ""),
    ("urged", "VBD", "ROOT", 1, "", "urge"),
    ("parties", "NNS", "dobj", 1, ""),
    ("to", "TO", "aux", 4, ""),
    ("respect", "VB", "xcomp", 1, ""),
    ("an", "DT", "det", 6, ""),
    ("agreement", "NN", "dobj", 4, ""),
    ("concluded", "VBN", "acl", 6, "", "conclude"),
    ("in", "IN", "prep", 7, ""),
    ("2015", "CD", "pobj", 8, "DATE"),
    (".", ".", "punct", 1, ""),
]


@pytest.mark.parametrize(
    ("tokens", "trigger", "published", "expected"),
    [
        (RECENTLY_MET, "met", FRIDAY, EventDate(FRIDAY, "week")),
        (SIGNED_2015, "signed", FRIDAY, EventDate(date(2015, 1, 1), "year")),
        (SIGNED_2015, "signed", None, EventDate(date(2015, 1, 1), "year")),
        (WILL_MEET_WEDNESDAY, "meet", FRIDAY, EventDate(date(2020, 9, 30), "day")),
        (MET_WEDNESDAY, "met", FRIDAY, EventDate(date(2020, 9, 23), "day")),
        (MET_WEDNESDAY, "met", None, EventDate(None, "unknown")),
        # "may" is a modal, never the month: no DATE entity, so the no-cue rule.
        (MAY_RESUME, "resume", FRIDAY, EventDate(FRIDAY, "week")),
        (WILL_MEET, "meet", FRIDAY, EventDate(None, "unknown")),
        # No publication date: "in June" is no date whatever today's date (it was dated from
        # the machine's clock); with one it is the next June.
        (WILL_VISIT_IN_JUNE, "visit", None, EventDate(None, "unknown")),
        (WILL_VISIT_IN_JUNE, "visit", FRIDAY, EventDate(date(2021, 6, 1), "month")),
        (FOUGHT_FOR_TWO_YEARS, "fought", FRIDAY, EventDate(FRIDAY, "week")),
        # 2015 dates the concluding, not the urging.
        (URGED_CONCLUDED_2015, "urged", FRIDAY, EventDate(FRIDAY, "week")),
        (URGED_CONCLUDED_2015, "concluded", FRIDAY, EventDate(date(2015, 1, 1), "year")),
    ],
)
def test_event_date(
    tokens: list[tuple[str, ...]], trigger: str, published: date | None, expected: EventDate
) -> None:
    doc = make_doc(tokens)  # type: ignore[arg-type]
    (tok,) = [t for t in doc if t.text == trigger]
    assert event_date(doc[:], tok, published) == expected


@pytest.mark.parametrize(
    ("tokens", "trigger", "expected"),
    [
        (WILL_MEET, "meet", "future"),
        (MET_WEDNESDAY, "met", "past"),
        (MAY_RESUME, "resume", "present"),
        (URGED_CONCLUDED_2015, "concluded", "past"),
    ],
)
def test_tense(tokens: list[tuple[str, ...]], trigger: str, expected: str) -> None:
    doc = make_doc(tokens)  # type: ignore[arg-type]
    (tok,) = [t for t in doc if t.text == trigger]
    assert tense(tok) == expected
