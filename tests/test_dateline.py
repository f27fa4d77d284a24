"""The dateline reader (dateline.py): datelines, date lines, publication dates, warnings and the
blanked text the parser sees. No model."""

from __future__ import annotations

from datetime import date

import pytest

from dyadwatch.read.dateline import FUTURE_LIMIT, agencies, find_dateline, read_dating

TODAY = date(2026, 12, 5)


@pytest.mark.parametrize(
    ("text", "place", "agency", "written"),
    [
        ("KYIV, March 14, 2024 (Reuters) - Russian forces", "KYIV", "Reuters", "March 14, 2024"),
        ("BAMAKO, Aug 19, 2020 (AFP) - Mutinous soldiers", "BAMAKO", "AFP", "Aug 19, 2020"),
        ("KYIV, Ukraine (AP) — Russia launched", "KYIV", "AP", None),
        ("BEIJING, Dec. 30 (Xinhua) -- China said", "BEIJING", "Xinhua", "Dec. 30"),
        ("Tunis, 3 March 2024 (TAP) - Tunisia's president", "Tunis", "TAP", "3 March 2024"),
        ("ALGIERS, March 3 (APS) - Algeria", "ALGIERS", "APS", "March 3"),
        ("Rabat, 14/03/2024 (MAP) - Morocco", "Rabat", "MAP", "14/03/2024"),
        ("New Delhi, Mar 14 (PTI) The government said", "New Delhi", "PTI", "Mar 14"),
        ("ROME, March 14 (ANSA) - Italy's premier", "ROME", "ANSA", "March 14"),
        ("Madrid, Mar 14 (EFE).- Spain said", "Madrid", "EFE", "Mar 14"),
        ("Berlin (dpa) - Germany's chancellor", "Berlin", "dpa", None),
        ("ANKARA (AA) - Turkey's foreign minister", "ANKARA", "Anadolu", None),
        ("Tehran, IRNA -- Iran's foreign minister", "Tehran", "IRNA", None),
        ("KUWAIT, March 14 (KUNA) -- Kuwait's emir", "KUWAIT", "KUNA", "March 14"),
        ("Riyadh, March 14, 2024, SPA -- Saudi Arabia", "Riyadh", "SPA", "March 14, 2024"),
        ("ABU DHABI, 14th March, 2024 (WAM) -- The UAE", "ABU DHABI", "WAM", "14th March, 2024"),
        ("DOHA, March 14 (QNA) - Qatar's emir", "DOHA", "QNA", "March 14"),
        ("CAIRO, March 14 (MENA) - Egypt's president", "CAIRO", "MENA", "March 14"),
        ("RIO DE JANEIRO (Reuters) - Brazil", "RIO DE JANEIRO", "Reuters", None),
        # a place whose name begins with the article, in capitals as datelines write it
        ("THE HAGUE, Nov 11 (Reuters) - Gambia filed", "THE HAGUE", "Reuters", "Nov 11"),
        ("THE HAGUE (AFP) - Judges at the court", "THE HAGUE", "AFP", None),
        ("Dar es Salaam, March 14 (Xinhua) -- Tanzania", "Dar es Salaam", "Xinhua", "March 14"),
        ("N'DJAMENA, Tuesday, March 12 (Reuters) - Chad", "N'DJAMENA", "Reuters", "Tuesday, March 12"),
        ("SEVERN, Md. (ABC7) — A 55-year-old man", "SEVERN", "ABC7", None),
        ("NEW YORK — Stocks fell", "NEW YORK", None, None),
        ("ALGIERS – Algeria and the United States", "ALGIERS", None, None),
        ("Rabat - The Moroccan king received", "Rabat", None, None),
        ("Headline of the story\n\nWASHINGTON (Reuters) - The Senate", "WASHINGTON", "Reuters", None),
    ],
)
def test_dateline_layouts(text: str, place: str, agency: str | None, written: str | None) -> None:
    found = find_dateline(text)
    assert found is not None
    assert (found.place.text, found.agency, found.written) == (place, agency, written)
    assert text[found.place.start : found.place.end] == place
    assert text[found.span.start : found.span.end] == found.span.text
    assert found.span.start == found.place.start


@pytest.mark.parametrize(
    "text",
    [
        "The US - Algeria talks went on.",
        "A - B",
        "UPDATE 2-Russia shells Kharkiv - officials",
        "Russian forces shelled Kharkiv on Tuesday, officials said.",
        "In Kyiv, March 14 was quiet - nobody came.",
        "March 14 - a date, not a place",
        "The Hague, March 14 was quiet - nobody came.",
        "",
    ],
)
def test_no_dateline(text: str) -> None:
    assert find_dateline(text) is None
    dating = read_dating(text, today=TODAY)
    assert dating.dateline is None and dating.blank(text) == text


@pytest.mark.parametrize(
    ("text", "known", "published", "basis"),
    [
        ("KYIV, March 14, 2024 (Reuters) - Russia", None, date(2024, 3, 14), "dateline"),
        ("KYIV, March 14, 2024 (Reuters) - Russia", date(2024, 3, 15), date(2024, 3, 15), "article"),
        # a year-less dateline: the year that puts it nearest the article's date ...
        ("BEIJING, Dec. 30 (Xinhua) -- China", date(2021, 1, 2), date(2021, 1, 2), "article"),
        # ... else the nearest full date in the text ...
        ("Title\nPublished 6:10 AM EDT, June 25, 2024\n\nTUNIS, June 24 (TAP) - Tunisia",
         None, date(2024, 6, 24), "dateline"),
        ("BEIJING, Dec. 30 (Xinhua) -- China and Japan signed the accord on Jan 2, 2021.",
         None, date(2020, 12, 30), "dateline"),
        # ... else unknown.
        ("TUNIS, March 3 (TAP) - Tunisia's president met", None, None, "none"),
        ("Title\n\nFriday 25/09/2020\nALGIERS – Algeria", None, date(2020, 9, 25), "date line"),
        ("No dateline and no date here.", None, None, "none"),
    ],
)
def test_publication_date(text: str, known: date | None, published: date | None,
                          basis: str) -> None:
    dating = read_dating(text, known, today=TODAY)
    assert (dating.published, dating.basis) == (published, basis)
    assert dating.warnings == ()


def test_yearless_dateline_takes_the_year_nearest_the_articles_date() -> None:
    dating = read_dating("BEIJING, Dec. 30 (Xinhua) -- China", date(2021, 1, 2), today=TODAY)
    assert dating.dateline is not None and dating.dateline.date == date(2020, 12, 30)
    dating = read_dating("BEIJING, Jan. 2 (Xinhua) -- China", date(2020, 12, 30), today=TODAY)
    assert dating.dateline is not None and dating.dateline.date == date(2021, 1, 2)


def test_the_clock_never_dates() -> None:
    text = "TUNIS, March 3 (TAP) - Tunisia's president will visit Algiers in June."
    assert read_dating(text, today=date(2020, 1, 1)) == read_dating(text, today=date(2030, 1, 1))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("KYIV, March 45, 2024 (Reuters) - Russia", ["impossible", "March 45, 2024"]),
        ("KYIV, Feb 30 (Reuters) - Russia", ["impossible", "Feb 30"]),
        ("KYIV, March 14, 99999 (Reuters) - Russia", ["impossible", "99999"]),
        ("KYIV, 2020-13-45 (Reuters) - Russia", ["impossible", "2020-13-45"]),
        ("KYIV, Marhc 14, 2024 (Reuters) - Russia", ["cannot read the dateline"]),
        ("Title\nPublished 2020-13-45\n\nKYIV (Reuters) - Russia", ["impossible", "2020-13-45"]),
        ("KYIV, March 14, 2031 (Reuters) - Russia", ["more than a year ahead", "2031"]),
        ("Title\nUpdated June 25, 2040\n\nKYIV (Reuters) - Russia", ["more than a year ahead"]),
    ],
)
def test_bad_dates_warn_name_the_article_and_are_ignored(text: str, words: list[str]) -> None:
    dating = read_dating(text, name="wire-7", today=TODAY)
    assert dating.published is None
    [warning] = dating.warnings
    assert warning.startswith("wire-7: ")
    assert all(word in warning for word in words)
    assert dating.dateline is not None and dating.dateline.place.text == "KYIV"


def test_known_date_far_ahead_is_ignored_for_the_dateline() -> None:
    far = TODAY + FUTURE_LIMIT + FUTURE_LIMIT
    dating = read_dating("KYIV, March 14, 2024 (Reuters) - Russia", far, name="a", today=TODAY)
    assert (dating.published, dating.basis) == (date(2024, 3, 14), "dateline")
    assert len(dating.warnings) == 1 and far.isoformat() in dating.warnings[0]


def test_blank_keeps_the_place_and_the_offsets() -> None:
    text = "Title\nPublished 6:10 AM EDT, June 25, 2024\n\nKYIV, June 25 (Reuters) - Russia shelled."
    dating = read_dating(text, today=TODAY)
    blanked = dating.blank(text)
    assert len(blanked) == len(text)
    assert "Reuters" not in blanked and "June" not in blanked and "Published" not in blanked
    assert blanked.startswith("Title\n")
    at = text.index("KYIV")
    assert blanked[at : at + 5] == "KYIV\n"
    assert blanked.endswith("Russia shelled.")
    assert dating.hidden() == [
        (text.index("Published"), text.index("2024") + 4),
        (at, text.index(" Russia")),  # to the dash
    ]


def test_a_date_line_with_a_few_words_is_read_not_blanked() -> None:
    text = "Algiers edition March 3, 2024\n\nALGIERS – Algeria said."
    dating = read_dating(text, today=TODAY)
    assert dating.published == date(2024, 3, 3)
    assert dating.date_line is not None and not dating.date_line.only_date
    assert dating.blank(text).startswith("Algiers edition March 3, 2024\n")


@pytest.mark.parametrize(
    "text",
    [
        "Talks on the border accord are set to resume on March 3, 2024",
        "The envoy was expelled on 4 May 1999.",
        "Mar. 3, 2004 _ Rebel forces take the northern town",
    ],
)
def test_a_sentence_with_a_date_is_no_date_line(text: str) -> None:
    dating = read_dating(text + "\n\nMore text.", today=TODAY)
    assert (dating.published, dating.date_line) == (None, None)


@pytest.mark.parametrize(
    "text",
    [
        "Last March, a 40-year-old man was arrested in the capital.",
        "Earlier Monday, a 25-member delegation arrived.",
        "Rebel Front (an armed faction) – The group said it attacked.",
        "June-August -- The dry season began.",
        "WIRE-SLUG HEADLINE   CAIRO -- Egypt said.",
        "However, Mr Karimi - the envoy - said no.",
    ],
)
def test_sentences_are_no_datelines(text: str) -> None:
    dating = read_dating(text, today=TODAY)
    assert dating.dateline is None and dating.warnings == ()


def test_modal_may_is_no_month() -> None:
    text = "Officials may meet soon, May said.\n\nKYIV - Talks may resume."
    dating = read_dating(text, today=TODAY)
    assert dating.published is None and dating.warnings == ()


def test_agencies_are_data() -> None:
    table = agencies()
    for name in ("Reuters", "AFP", "AP", "Xinhua", "TAP", "APS", "MAP", "PTI", "ANSA", "EFE",
                 "dpa", "Anadolu", "IRNA", "KUNA", "SPA", "WAM", "QNA", "MENA"):
        assert table[name.lower()] == name
    assert table["associated press"] == "AP"
