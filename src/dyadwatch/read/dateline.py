"""Where and when a story was filed: its dateline, its date line and its publication date.

One reader for the top of an article, run once per article (``read_dating``) and passed along:

* the dateline, at the start of one of the first paragraphs: ``KYIV, March 14, 2024 (Reuters) -``,
  ``BAMAKO (AFP) -``, ``Tunis, 3 March 2024 (TAP) -``, ``NEW YORK —``, ``Riyadh, March 14, SPA --``,
  ``New Delhi, Mar 14 (PTI) The ...`` (agencies from ``data/agencies.tsv``);
* a date line near the top: ``Published 6:10 AM EDT, June 25, 2024``, ``Friday 25/09/2020``;
* the publication date: the article's own date (metadata, ``ingest --date``) first, then the
  dateline's date, then the date line's. A dateline without a year ("March 14") takes the year
  that puts it nearest to the article's date when known, else to the full date nearest to it in
  the text, else its date stays unknown.

Nothing here dates anything from the machine's clock. The clock only rejects: a date more than
``FUTURE_LIMIT`` after today is reported as a warning and ignored, as are impossible dates
("March 45", year 99999) and datelines that cannot be read; the article is still coded.

The dateline's characters are no actor or trigger: ``Dating.blank`` turns all of it but the
place name into a line break and spaces (offsets kept) before the parse, so the place stands
alone for the place stage and "Reuters) - Russian forces" can no longer be one actor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date as Date
from datetime import timedelta
from functools import cache
from typing import Literal

from dyadwatch.read.dates import full_dates
from dyadwatch.records import Span
from dyadwatch.tables import packaged, read_table

FUTURE_LIMIT = timedelta(days=366)
"""A date further than this after today is an error in the input, not a publication date."""

TOP_CHARS = 3000
"""Datelines and date lines are looked for in this many characters at the top of the text."""

TOP_LINES = 15
"""... and in at most this many non-blank lines."""

Basis = Literal["article", "dateline", "date line", "none"]

_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?[ \t]+)?"
_ORDINAL = r"(?:st|nd|rd|th)?"
# Days and years take more digits than a date has, so "March 45" or "99999" are read (and
# reported as impossible) rather than left in the text for the parser.
_DATE_FORMS = (
    _WEEKDAY + _MONTH + r"[ \t]+(?P<day>\d{1,3})" + _ORDINAL + r"(?:,?[ \t]*(?P<year>\d{3,6}))?",
    _WEEKDAY + r"(?P<day>\d{1,3})" + _ORDINAL + r"[ \t]+(?:of[ \t]+)?" + _MONTH
    + r"(?:,?[ \t]*(?P<year>\d{3,6}))?",
    r"(?P<year>\d{4,6})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})",
    r"(?P<day>\d{1,2})[/.](?P<mnum>\d{1,2})[/.](?P<year>\d{4,6})",
)
_DATE = [re.compile(form + r"(?![\w-])", re.I) for form in _DATE_FORMS]
_MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
           "sep": 9, "oct": 10, "nov": 11, "dec": 12}  # fmt: skip

_WORD = r"[A-Z][\w'’.\-]*"
_LINK = r"(?:de|da|do|del|des|du|la|le|al|el|es|of|ad|an|am|sur|upon)"
# One space between a place's words: a wider gap ends it ("SLUG-LINE   TORONTO --").
_PLACE = re.compile(rf"{_WORD}(?:[ \t](?:{_LINK}[ \t])?{_WORD}){{0,3}}")
_REGION = re.compile(rf"{_WORD}(?:[ \t]+(?:{_LINK}[ \t]+|the[ \t]+)?{_WORD}){{0,3}}")
_COMMA = re.compile(r"[ \t]*,[ \t]*")
_BRACKETS = re.compile(r"[ \t]*\((?P<inner>[^()\n]{1,40})\)")
_AGENCY_WORDS = re.compile(r"[A-Za-z][\w'’.\-]*(?:[ \t]+[A-Za-z][\w'’.\-]*){0,4}")
_DASH = re.compile(r"[ \t]*\.?[ \t]*(?:-{1,2}|[–—―])[ \t]*")
_AFTER_AGENCY = re.compile(r"(?:[ \t]*:)?[ \t]+(?=[\"“‘'A-Z0-9])")
# A start that has a dateline's shape (a place, a comma, a short stretch, an optional bracket,
# a dash) even when the strict reading above fails: a dateline we cannot read.
_LOOSE = re.compile(
    r"(?P<place>[A-Z][A-Z'’.\-]+(?:[ \t]+[A-Z][A-Z'’.\-]+){0,3}|[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)"
    r"[ \t]*,[^\n()]{1,50}?(?:\((?P<agency>[^()\n]{1,40})\))?"
    r"(?:[ \t]+(?:-{1,2}|[–—―])[ \t]*|[ \t]*(?:-{1,2}|[–—―])[ \t]+)"  # a dash, not "18-year"
)
_CALENDAR_WORD = re.compile(
    r"(?:" + _MONTH.replace("?P<month>", "") + r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
    r"(?![a-z])",
    re.I,
)
_DATE_LIKE = re.compile(r"\d|\b" + _MONTH + r"(?![a-z])", re.I)
# Capitalised words that start headlines and sentences, never a dateline's place.
_NOT_PLACES = frozenset(re.findall(r"\w+",
    "the a an in on at for but and or it he she we they this that these those his her its our "
    "their update updated breaking exclusive factbox analysis wrapup insight explainer timeline "
    "photo video live editorial opinion correction corrected refiled urgent flash note by "
    "published posted date dated",
))
# What else a date line may hold beside its date: labels, a time, a weekday, a time zone.
_STAMP_REST = re.compile(
    r"\b(?:published|posted|updated|last|first|date|dated|on|at|am|pm|gmt|utc|local|time"
    r"|edt|est|cdt|cst|mdt|mst|pdt|pst|bst|cet|cest|eet|eest|ist|gst|ast|msk|wat|eat|cat|sast"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d{1,2}[:.h]\d{2}(?::\d{2})?|\d{1,2})\b"
    r"|\b[ap]\.m\.|[|,:;/()\-–—.+]",
    re.I,
)
_STAMP_LABEL = re.compile(r"^\s*(?:published|posted|updated|date|dated)\b", re.I)
_ANY_MONTH = _MONTH.replace("?P<month>", "")
_LOOKS_DATED = re.compile(
    r"\b\d{4,}-\d{1,2}-\d{1,2}\b|\b\d{1,2}/\d{1,2}/\d{4,}\b|\b" + _ANY_MONTH
    + r"[ \t]+\d{1,3}(?:st|nd|rd|th)?,?[ \t]+\d{3,}\b|\b\d{1,3}(?:st|nd|rd|th)?[ \t]+"
    + _ANY_MONTH + r",?[ \t]+\d{3,}\b",
    re.I,
)


@dataclass(frozen=True)
class Dateline:
    """A dateline: its place ("KYIV"), the whole of it up to the dash and the space after it,
    the agency it names (as in ``agencies.tsv``, else as written in brackets) and its date."""

    place: Span
    span: Span
    agency: str | None = None
    written: str | None = None
    """The date as written ("March 14", "Aug 19, 2020"), if the dateline has one."""
    date: Date | None = None
    """That date, its year worked out when not written; None when unknown or invalid."""
    year_written: bool = True


@dataclass(frozen=True)
class DateLine:
    """A line near the top that dates the story ("Published 6:10 AM EDT, June 25, 2024")."""

    span: Span
    date: Date
    only_date: bool
    """The line holds nothing but the date, labels and a time (it is blanked for the parse)."""


@dataclass(frozen=True)
class Dating:
    """What the top of an article says of where and when (see the module doc)."""

    published: Date | None
    basis: Basis
    dateline: Dateline | None = None
    date_line: DateLine | None = None
    warnings: tuple[str, ...] = ()

    def hidden(self) -> list[tuple[int, int]]:
        """Character ranges no actor or trigger may cover: the dateline, a bare date line."""
        out = []
        if self.dateline is not None:
            out.append((self.dateline.span.start, self.dateline.span.end))
        if self.date_line is not None and self.date_line.only_date:
            out.append((self.date_line.span.start, self.date_line.span.end))
        return sorted(out)

    def blank(self, text: str) -> str:
        """``text`` as the parser should see it (same length): the dateline after its place
        becomes a line break and spaces, a bare date line spaces."""
        cuts: list[tuple[int, int, str]] = []  # (start, end, what replaces it)
        if self.dateline is not None:
            start, end = self.dateline.place.end, self.dateline.span.end
            if end > start:
                cuts.append((start, end, "\n" + " " * (end - start - 1)))
        if self.date_line is not None and self.date_line.only_date:
            start, end = self.date_line.span.start, self.date_line.span.end
            cuts.append((start, end, " " * (end - start)))
        pieces: list[str] = []
        done = 0
        for start, end, blank in sorted(cuts):
            if start >= done:
                pieces += [text[done:start], blank]
                done = end
        return "".join(pieces) + text[done:] if pieces else text


def beyond_horizon(day: Date, today: Date | None = None) -> bool:
    """Is ``day`` more than ``FUTURE_LIMIT`` after today: a mistake, not a publication date?"""
    return day > (today or Date.today()) + FUTURE_LIMIT


def read_dating(
    text: str, known: Date | None = None, *, name: str = "article", today: Date | None = None
) -> Dating:
    """Read the dateline and date line of ``text`` and decide its publication date.

    ``known`` is the article's own date (metadata or ``--date``); ``name`` names the article in
    warnings; ``today`` (default: the clock) only bounds dates from the future."""
    horizon = (today or Date.today()) + FUTURE_LIMIT
    warnings: list[str] = []
    if known is not None and beyond_horizon(known, today):
        warnings.append(f"{name}: date {known.isoformat()} is more than a year ahead (ignored)")
        known = None
    dateline = _find_dateline(text, name, warnings)
    date_line = _find_date_line(text, dateline, name, warnings)
    if date_line is not None and date_line.date > horizon:
        warnings.append(f"{name}: date line {date_line.span.text.strip()!r} is more than a year "
                        "ahead (ignored)")
        date_line = None
    if dateline is not None and dateline.date is not None:
        dated = _with_year(dateline, text, known, horizon)
        if dated is not None and dated > horizon:
            warnings.append(f"{name}: dateline date {dateline.written!r} is more than a year "
                            "ahead (ignored)")
            dated = None
        dateline = replace(dateline, date=dated)
    if known is not None:
        return Dating(known, "article", dateline, date_line, tuple(warnings))
    if dateline is not None and dateline.date is not None:
        return Dating(dateline.date, "dateline", dateline, date_line, tuple(warnings))
    if date_line is not None:
        return Dating(date_line.date, "date line", dateline, date_line, tuple(warnings))
    return Dating(None, "none", dateline, date_line, tuple(warnings))


def find_dateline(text: str) -> Dateline | None:
    """The dateline of ``text`` (its date's year not worked out: see :func:`read_dating`)."""
    return _find_dateline(text, "article", [])


# -- the dateline -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Raw:
    """A dateline as read: its place, end, agency, date text and (year, month, day) parts."""

    place: tuple[int, int]
    end: int
    agency: str | None
    written: tuple[int, int] | None
    parts: tuple[int | None, int, int] | None
    plain: bool
    """A mixed-case place with nothing but a dash ("Rabat - "): taken only when no better one."""


def _paragraph_starts(text: str) -> list[int]:
    """Where the first non-blank lines start (after their indentation)."""
    starts: list[int] = []
    at = 0
    top = text[:TOP_CHARS]
    for line in top.split("\n"):
        stripped = line.lstrip(" \t\ufeff")
        if stripped:
            starts.append(at + len(line) - len(stripped))
            if len(starts) >= TOP_LINES:
                break
        at += len(line) + 1
    return starts


def _find_dateline(text: str, name: str, warnings: list[str]) -> Dateline | None:
    fallback: _Raw | None = None
    for start in _paragraph_starts(text):
        raw = _read_at(text, start)
        if raw is not None and not raw.plain:
            return _dateline_of(text, raw, name, warnings)
        if raw is not None and fallback is None:
            fallback = raw
        elif raw is None and (loose := _loose_at(text, start)) is not None:
            place = loose.span("place")
            warnings.append(f"{name}: cannot read the dateline {text[start:loose.end()].strip()!r}"
                            " (its date is ignored)")
            return Dateline(_span(text, *place), _span(text, start, loose.end()), None, None, None)
    return _dateline_of(text, fallback, name, warnings) if fallback is not None else None


def _dateline_of(text: str, raw: _Raw, name: str, warnings: list[str]) -> Dateline:
    written = text[raw.written[0] : raw.written[1]] if raw.written else None
    date = None
    year_written = True
    if raw.parts is not None:
        year, month, day = raw.parts
        year_written = year is not None
        date = _valid(year if year is not None else 2000, month, day)  # 2000: 29 February exists
        if date is None or (year is not None and year < 1000):
            warnings.append(f"{name}: impossible date {written!r} in the dateline (ignored)")
            date = None
        elif year is None:
            date = Date(2000, month, day)  # a placeholder: read_dating works out the year
    return Dateline(_span(text, *raw.place), _span(text, raw.place[0], raw.end), raw.agency,
                    written, date, year_written)


def _read_at(text: str, start: int) -> _Raw | None:
    place = _PLACE.match(text, start)
    if place is None or not _place_ok(place.group()):
        return None
    pos = place.end()
    agency: str | None = None
    known_agency = False
    written: tuple[int, int] | None = None
    parts: tuple[int | None, int, int] | None = None
    regions = 0
    while True:
        if comma := _COMMA.match(text, pos):
            at = comma.end()
            if written is None and (found := _date_at(text, at)) is not None:
                written, parts, pos = (at, found[0]), found[1], found[0]
                continue
            word = _AGENCY_WORDS.match(text, at)
            if agency is None and word is not None and (canon := _agency(word.group())):
                agency, known_agency, pos = canon, True, word.end()
                continue
            region = _REGION.match(text, at)
            if written is None and agency is None and regions < 2 and region is not None:
                regions, pos = regions + 1, region.end()
                continue
            return None
        if agency is None and (brackets := _BRACKETS.match(text, pos)):
            inner = brackets["inner"].strip()
            canon = _agency(inner)
            agency, known_agency, pos = canon or inner, canon is not None, brackets.end()
            continue
        break
    dash = _DASH.match(text, pos)
    if dash is not None and dash.end() < len(text) and text[dash.end()] != "-":
        end = dash.end()
    elif known_agency and (after := _AFTER_AGENCY.match(text, pos)) is not None:
        end = after.end()  # "New Delhi, Mar 14 (PTI) The ...": no dash
    else:
        return None
    words = place.group().split()
    plain = False
    if not _all_caps(place.group()) and not known_agency and written is None:
        # "Rabat - The ...": a mixed-case start is a dateline only with nothing else in it;
        # with a region or an unknown bracket it is as likely a sentence ("However, Mr X -").
        if agency is not None or regions or len(words) > 3 or not text[end : end + 1].isupper():
            return None
        plain = True
    return _Raw((place.start(), place.end()), end, agency, written, parts, plain)


def _all_caps(place: str) -> bool:
    return all(w.upper() == w for w in place.split() if w.lower() not in _LINK_WORDS)


_LINK_WORDS = frozenset(_LINK[3:-1].split("|"))


def _not_a_place(words: list[str]) -> bool:
    """Whether a place's first word is one that starts headlines and sentences. "THE" in
    capitals before another word in capitals starts a place's name ("THE HAGUE"): datelines
    write their place so, headlines and sentences do not."""
    if words[0] == "THE" and len(words) > 1 and words[1].isupper():
        return False
    return words[0].lower().rstrip(".") in _NOT_PLACES


def _place_ok(place: str) -> bool:
    words = place.split()
    if _not_a_place(words) or sum(ch.isalpha() for ch in place) < 3:
        return False
    return _CALENDAR_WORD.match(place) is None  # "March 14 -", "May-October --" are no place


def _loose_at(text: str, start: int) -> re.Match[str] | None:
    m = _LOOSE.match(text, start)
    if m is None or _not_a_place(m["place"].split()):
        return None
    middle = text[m.end("place") : m.end()]
    known = m["agency"] is not None and _agency(m["agency"].strip()) is not None
    if known or (_all_caps(m["place"]) and _DATE_LIKE.search(middle)):
        return m
    return None


def _date_at(text: str, at: int) -> tuple[int, tuple[int | None, int, int]] | None:
    """A date starting at ``at``: its end and (year or None, month, day) as written."""
    for pattern in _DATE:
        m = pattern.match(text, at)
        if m is None:
            continue
        groups = m.groupdict()
        month = int(groups["mnum"]) if groups.get("mnum") else _MONTHS[m["month"].lower()[:3]]
        year = int(m["year"]) if m["year"] else None
        return m.end(), (year, month, int(m["day"]))
    return None


def _valid(year: int, month: int, day: int) -> Date | None:
    try:
        return Date(year, month, day)
    except ValueError:
        return None


def _with_year(dateline: Dateline, text: str, known: Date | None, horizon: Date) -> Date | None:
    """The dateline's date, with the year worked out when it was not written."""
    assert dateline.date is not None
    if dateline.year_written:
        return dateline.date
    base = known
    if base is None:
        at = dateline.span.start
        near = [(abs(start - at), d) for start, _end, d in full_dates(text) if d <= horizon]
        base = min(near, key=lambda n: n[0])[1] if near else None
    if base is None:
        return None
    month, day = dateline.date.month, dateline.date.day
    options = [d for y in (base.year - 1, base.year, base.year + 1)
               if 1 <= y <= 9999 and (d := _valid(y, month, day)) is not None]  # fmt: skip
    return min(options, key=lambda d: abs((d - base).days)) if options else None


def _span(text: str, start: int, end: int) -> Span:
    while end > start and text[end - 1] in " \t.":
        end -= 1
    return Span(text=text[start:end], start=start, end=end)


# -- agencies -----------------------------------------------------------------------------------


@cache
def agencies() -> dict[str, str]:
    """Every form of every agency in ``data/agencies.tsv`` (lower case) -> its name."""
    entry, where = packaged("agencies.tsv")
    table: dict[str, str] = {}
    for row in read_table(entry, ("name", "forms"), name="news agencies", where=where).rows:
        name, forms = row.values()
        if not name:
            raise row.error("an agency needs a name")
        for form in [name, *forms.split("|")]:
            if form.strip():
                table[form.strip().lower()] = name
    return table


def _agency(text: str) -> str | None:
    return agencies().get(" ".join(text.split()).lower())


# -- the date line ------------------------------------------------------------------------------


def _find_date_line(
    text: str, dateline: Dateline | None, name: str, warnings: list[str]
) -> DateLine | None:
    """The first line near the top that is a full date with at most three other words (labels,
    a time, a weekday aside) or is labelled ("Published ..."); bad dates are warned of."""
    at = 0
    seen = 0
    for line in text[:TOP_CHARS].split("\n"):
        start, at = at, at + len(line) + 1
        if not line.strip():
            continue
        seen += 1
        if seen > TOP_LINES:
            break
        if dateline is not None and start <= dateline.span.start < at:
            continue  # the dateline's own line: its date is the dateline's
        labelled = _STAMP_LABEL.match(line) is not None
        if len(line.strip()) > 80 and not labelled:
            continue
        found = full_dates(line)
        if found:
            first = found[0]
            rest = _STAMP_REST.sub(" ", line[: first[0]] + " " + line[first[1] :]).split()
            if len(rest) > 3 and not labelled:
                continue  # a sentence that names a date ("He was born on May 2, 1950.")
            only = not rest
            lead = len(line) - len(line.lstrip())
            span = Span(line.strip(), start + lead, start + lead + len(line.strip()))
            return DateLine(span, first[2], only)
        if (bad := _LOOKS_DATED.search(line)) is not None:
            warnings.append(f"{name}: impossible date {bad.group()!r} near the top (ignored)")
    return None


__all__ = [
    "FUTURE_LIMIT",
    "DateLine",
    "Dateline",
    "Dating",
    "agencies",
    "beyond_horizon",
    "find_dateline",
    "read_dating",
]
