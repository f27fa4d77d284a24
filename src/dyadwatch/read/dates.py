"""When: the date of each event (the article's publication date comes from dateline.py).

Event dates come from the DATE expressions attached to the trigger's clause ("on Wednesday",
"last week", "in 2015") and a few adverbs ("recently", "yesterday"), resolved against the
publication date with the tense of the trigger. Without a cue, a past or present event in a
news report is dated to the week of publication (precision "week"): news reports what happened
in the last days, and "week" says no more than that. Future events without a cue, and any
relative cue without a publication date, stay "unknown": nothing here reads the machine's
clock, so the same text gives the same dates any day. Rules and reasons: docs/places.md.

Only DATE entity text ever reaches dateparser: given a whole sentence it reads the modal
"may" as the month of May.
"""

from __future__ import annotations

import re
from datetime import date as Date
from datetime import timedelta
from typing import TYPE_CHECKING

from dyadwatch.nlp.tree import children as children_of
from dyadwatch.records import DatePrecision, EventDate

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH_RE = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b")
_NUMERIC = re.compile(r"\b(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4})\b")
_MDY = re.compile(_MONTH_RE + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b", re.I)
_DMY = re.compile(
    r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE + r",?\s+(?P<y>\d{4})\b", re.I
)
# Compiled once: other stages may use enough patterns to push these out of re's own cache.
_MONTH = re.compile(_MONTH_RE)
_MONTH_DAY = re.compile(_MONTH_RE + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b")
_MONTH_YEAR = re.compile(r"\b" + _MONTH_RE + r"(?:\s+(?P<y>\d{4}))?\b")
_DECADE = re.compile(r"\d{4}s\b")
_AGO = re.compile(r"\b(\d+|a|one|two|three|four|five|six)\s+(day|week|month|year)s?\s+ago\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_DAY_NUMBER = re.compile(r"\b\d{1,2}\b")
_DATE_LIKE = re.compile(r"\d|" + _MONTH_RE, re.I)


def _safe_date(year: int, month: int, day: int) -> Date | None:
    try:
        return Date(year, month, day)
    except ValueError:
        return None


def _month_number(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")[:3]]


def full_dates(text: str) -> list[tuple[int, int, Date]]:
    """Every complete calendar date in ``text`` (ISO, dd/mm/yyyy, "September 25, 2020") as
    (start, end, date), in text order; impossible ones ("31/02/2020") are left out."""
    found: list[tuple[int, int, Date]] = []
    for m in _ISO.finditer(text):
        if d := _safe_date(int(m["y"]), int(m["m"]), int(m["d"])):
            found.append((m.start(), m.end(), d))
    for m in _NUMERIC.finditer(text):
        a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
        # Day first (the world's and the wires' order) unless that cannot be a date.
        if d := _safe_date(y, b, a) or _safe_date(y, a, b):
            found.append((m.start(), m.end(), d))
    for pattern in (_MDY, _DMY):
        for m in pattern.finditer(text):
            if d := _safe_date(int(m["y"]), _month_number(m["month"]), int(m["d"])):
                found.append((m.start(), m.end(), d))
    return sorted(found, key=lambda f: (f[0], -f[1]))


def parse_full_date(text: str) -> Date | None:
    """The first complete calendar date in ``text`` (see :func:`full_dates`)."""
    found = full_dates(text)
    return found[0][2] if found else None


# -- event dates -----------------------------------------------------------------------------

_RECENT = {"recently", "lately"}
_DAY_WORDS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
# A DATE behind these prepositions bounds or measures the event, it does not date it.
_NOT_A_POINT = {"for", "over", "during", "within", "since", "after", "before", "until", "by"}
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7}


def tense(trigger: Token) -> str:
    """``past``, ``present`` or ``future`` from the trigger's tag and auxiliaries."""
    children = list(children_of(trigger))
    lowers = {c.lower_ for c in children if c.dep_ in {"aux", "auxpass"}}
    if lowers & _FUTURE_AUX:
        return "future"
    if "to" in lowers and trigger.head.lemma_ == "be":  # "is to be put to a referendum"
        return "future"
    head = trigger.head
    if trigger.dep_ in {"xcomp", "conj"} and head.i != trigger.i:
        if {c.lower_ for c in children_of(head) if c.dep_ == "aux"} & _FUTURE_AUX:
            return "future"
        if head.lemma_ in {"go", "plan", "intend", "expect"} and trigger.dep_ == "xcomp":
            return "future"
    if trigger.tag_ in {"VBD", "VBN"} or lowers & {"did", "was", "were", "had", "has", "have"}:
        return "past"
    return "present"


def _clause_of(tok: Token) -> Token:
    """The verb (or the sentence root) a token's clause hangs from."""
    cur = tok
    while cur.pos_ not in {"VERB", "AUX"} and cur.head.i != cur.i:
        cur = cur.head
    return cur


def _attached(tok: Token, trigger: Token) -> bool:
    clause = _clause_of(tok.head if tok.pos_ in {"VERB", "AUX"} else tok)
    if clause.i == trigger.i:
        return True
    # A trigger noun ("the meeting on Monday") or a verb chain ("met and agreed on Monday").
    if trigger.pos_ not in {"VERB", "AUX"} and tok.head.i == trigger.i:
        return True
    return trigger.dep_ == "conj" and clause.i == trigger.head.i


def _weekday(base: Date, weekday: int, when: str) -> Date:
    if when == "future":
        return base + timedelta(days=(weekday - base.weekday()) % 7 or 7)
    return base - timedelta(days=(base.weekday() - weekday) % 7)


def _shift_month(base: Date, months: int) -> Date:
    total = base.year * 12 + base.month - 1 + months
    return Date(total // 12, total % 12 + 1, 1)


def resolve_expression(text: str, published: Date | None, when: str) -> EventDate | None:
    """A DATE expression as an ``EventDate``, or None when it says nothing usable."""
    low = " ".join(text.lower().replace(",", " ").split())
    words = low.split()
    if full := parse_full_date(text):
        return EventDate(full, "day")
    if m := _MONTH_DAY.search(low):
        month, day = _month_number(m["month"]), int(m["d"])
        year = _year_in(low) or (published.year if published else None)
        if year and (d := _safe_date(year, month, day)):
            if published and not _year_in(low):
                d = _near_year(d, published, when)
            return EventDate(d, "day")
    if m := _MONTH_YEAR.search(low):
        month = _month_number(m["month"])
        if m["y"]:
            return EventDate(Date(int(m["y"]), month, 1), "month")
        if published:
            return EventDate(_near_year(Date(published.year, month, 1), published, when), "month")
        return None
    if (year := _year_in(low)) and not _DECADE.search(low):
        return EventDate(Date(year, 1, 1), "year")
    if published is None:
        return None
    for word, shift in _DAY_WORDS.items():
        if word in words:
            return EventDate(published + timedelta(days=shift), "day")
    for i, name in enumerate(_WEEKDAYS):
        if name in words:
            return EventDate(_weekday(published, i, when), "day")
    step = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}
    for rel, sign in step.items():
        for unit in ("week", "month", "year"):
            if f"{rel} {unit}" in low:
                return _relative(published, unit, sign)
    if m := _AGO.search(low):
        n = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}.get(m[1])
        count = n if n is not None else int(m[1])
        return _ago(published, count, m[2])
    return None


def _year_in(low: str) -> int | None:
    m = _YEAR.search(low)
    return int(m[1]) if m else None


def _near_year(d: Date, published: Date, when: str) -> Date:
    """Put a yearless date in the year that makes it past (or future) of publication."""
    if when == "future" and d < published:
        return d.replace(year=d.year + 1)
    if when != "future" and d > published:
        return d.replace(year=d.year - 1)
    return d


def _relative(published: Date, unit: str, sign: int) -> EventDate:
    if unit == "week":
        return EventDate(published + timedelta(days=7 * sign), "week")
    if unit == "month":
        return EventDate(_shift_month(published, sign), "month")
    return EventDate(Date(published.year + sign, 1, 1), "year")


def _ago(published: Date, count: int, unit: str) -> EventDate:
    precision: DatePrecision
    if unit in _UNITS:
        precision = "day" if unit == "day" else "week"
        return EventDate(published - timedelta(days=_UNITS[unit] * count), precision)
    if unit == "month":
        return EventDate(_shift_month(published, -count), "month")
    return EventDate(Date(published.year - count, 1, 1), "year")


def _dateparser(text: str, published: Date | None, when: str) -> EventDate | None:
    """Last resort for DATE text our rules do not read; never given anything but DATE text."""
    import datetime as dt

    import dateparser

    settings: dict[str, object] = {
        "PREFER_DATES_FROM": "future" if when == "future" else "past",
        "DATE_ORDER": "DMY",
        "PREFER_DAY_OF_MONTH": "first",
    }
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime(published.year, published.month, published.day)
    elif (year := _year_in(text.lower())) is not None:
        # No publication date: only a text with its own year can be dated, and what it leaves
        # out is taken from that year, never from today's clock (dateparser's default base).
        settings["RELATIVE_BASE"] = dt.datetime(year, 1, 1)
    else:
        return None
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None
    low = text.lower()
    precision: DatePrecision = "day" if _DAY_NUMBER.search(low) else "month"
    if not _MONTH.search(low) and precision == "month":
        precision = "year"
    return EventDate(parsed.date(), precision)


def date_cues(sent: SpacySpan) -> list[tuple[Token, str]]:
    """The words of a sentence that may date its events, as (token, text): the roots of DATE
    entities that name a point in time, and "recently"-like adverbs. The same for every trigger
    of the sentence, so :func:`event_date` takes them computed once."""
    return _cues(sent.ents, sent)


def doc_date_cues(doc: Doc, ents: Iterable[SpacySpan] | None = None) -> list[tuple[int, int, Token, str]]:
    """:func:`date_cues` of a whole doc in one pass, as (start, end, token, text): those of a
    sentence are the ones with ``sent.start <= start`` and ``end <= sent.end`` (an entity
    across a sentence boundary belongs to neither, as with ``Span.ents``). ``ents`` are
    ``doc.ents``, if already at hand."""
    import numpy
    from spacy.attrs import LOWER

    out = [(ent.start, ent.end, ent.root, ent.text) for ent in (doc.ents if ents is None else ents)
           if ent.label_ == "DATE" and _names_a_point(ent)]  # (the label first: most are not)
    forms = doc.to_array(LOWER)  # the adverbs are found on the array of lowercase forms (hashes)
    for word in sorted(_RECENT):
        for i in numpy.flatnonzero(forms == numpy.uint64(doc.vocab.strings.as_int(word))).tolist():
            out.append((i, i + 1, doc[i], word))
    return out


def _names_a_point(ent: SpacySpan) -> bool:
    """A DATE entity that dates an event, not one that bounds or measures it ("for a week")."""
    return ent.label_ == "DATE" and not (ent.root.dep_ == "pobj" and ent.root.head.lower_ in _NOT_A_POINT)


def _cues(ents: Iterable[SpacySpan], tokens: Iterable[Token]) -> list[tuple[Token, str]]:
    cues = [(ent.root, ent.text) for ent in ents if _names_a_point(ent)]
    cues.extend((tok, tok.lower_) for tok in tokens if tok.lower_ in _RECENT)
    return cues


def event_date(
    sent: SpacySpan, trigger: Token, published: Date | None,
    cues: list[tuple[Token, str]] | None = None,
) -> EventDate:
    """The date of the event ``trigger`` names (see module doc); ``cues`` are the sentence's
    :func:`date_cues`, if already known."""
    when = tense(trigger)
    attached = [(abs(tok.i - trigger.i), text)
                for tok, text in (date_cues(sent) if cues is None else cues) if _attached(tok, trigger)]
    for _dist, text in sorted(attached):
        if text in _RECENT:
            if published is not None:
                return EventDate(published, "week")
            continue
        try:
            resolved = resolve_expression(text, published, when)
            if resolved is None and _DATE_LIKE.search(text):
                resolved = _dateparser(text, published, when)
        except (OverflowError, ValueError):
            resolved = None  # off the calendar's ends ("last week" of a story dated 0001-01-02)
        if resolved is not None:
            return resolved
    if published is not None and when != "future":
        return EventDate(published, "week")
    return EventDate(None, "unknown")
