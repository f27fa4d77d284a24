"""A fake coder for store and ingest tests: no spaCy, deterministic, picklable factory.

It codes sentences of the form ``<Country> <verb> <Country> [in <City>] [on YYYY-MM-DD].``, e.g.
``France met Germany in Paris on 2020-09-25.`` ``reportedly`` makes a mention hedged, ``will``
future, ``did not`` negated. A text containing ``FAILCODE`` comes back as a coding error, and
one containing ``CRASHCODE`` makes ``code_articles`` raise.

It lives at module level in an importable module so that process pools and Dask workers can
unpickle ``FakeCoderFactory``.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dyadwatch.coder import Coded
from dyadwatch.records import (
    Actor,
    Article,
    Cameo,
    Event,
    EventDate,
    Evidence,
    Modality,
    Place,
    Plover,
    Span,
)

COUNTRIES = {
    "France": ("FRA", "French government"),
    "Germany": ("DEU", "German government"),
    "Russia": ("RUS", "Russian government"),
    "Ukraine": ("UKR", "Ukrainian government"),
    "China": ("CHN", "Chinese government"),
    "Japan": ("JPN", "Japanese government"),
    "Kenya": ("KEN", "Kenyan government"),
    "Brazil": ("BRA", "Brazilian government"),
}

VERBS = {
    "met": Cameo("040", "Consult, not specified below", "04", 1.0, 1),
    "hosted": Cameo("043", "Host a visit", "04", 2.8, 1),
    "negotiated with": Cameo("046", "Engage in negotiation", "04", 7.0, 1),
    "criticized": Cameo("111", "Criticize or denounce", "11", -2.0, 3),
    "attacked": Cameo("190", "Use conventional military force", "19", -10.0, 4),
    "praised": Cameo("051", "Praise or endorse", "05", 3.4, 1),
}
PLOVER = {"04": "CONSULT", "11": "DISAPPROVE", "19": "ASSAULT", "05": "SUPPORT"}

CITIES = {
    "Paris": Place("Paris", 2988507, "city", "FRA", "11", 48.85, 2.35),
    "Berlin": Place("Berlin", 2950159, "city", "DEU", "16", 52.52, 13.41),
    "Lyon": Place("Lyon", 2996944, "city", "FRA", "84", 45.75, 4.85),
    "Kyiv": Place("Kyiv", 703448, "city", "UKR", "12", 50.45, 30.52),
}

_NAMES = "|".join(COUNTRIES)
_VERBS = "|".join(sorted(VERBS, key=len, reverse=True))
_PATTERN = re.compile(
    rf"\b(?P<src>{_NAMES})\b(?P<mod> reportedly| will| did not)? (?P<verb>{_VERBS}) "
    rf"(?P<tgt>{_NAMES})\b(?: in (?P<city>[A-Z][a-z]+))?(?: on (?P<date>\d{{4}}-\d\d-\d\d))?"
)
_SENTENCE = re.compile(r"[^.!?]+[.!?]?")
_MODALITY: dict[str | None, Modality] = {
    None: "asserted",
    " reportedly": "hedged",
    " will": "future",
    " did not": "negated",
}


def _actor(text: str, start: int) -> Actor:
    country, name = COUNTRIES[text]
    return Actor(
        text, start, start + len(text), name, country, "GOV", country + "GOV", "state", "fake"
    )


def _span_of(text: str, word: str | None) -> Span | None:
    if word is None:
        return None
    start = text.index(word)
    return Span(word, start, start + len(word))


def _cue(match: re.Match[str], base: int) -> Span | None:
    """The word that set a non-asserted modality, as the real coder records it."""
    if not match["mod"]:
        return None
    start = base + match.start("mod") + 1  # the group starts at the space before the word
    return Span(match["mod"].strip(), start, base + match.end("mod"))


def code_text(article: Article) -> list[Event]:
    """The fake coder's events for one article."""
    events: list[Event] = []
    for number, sentence in enumerate(_SENTENCE.finditer(article.text)):
        for match in _PATTERN.finditer(sentence.group()):
            base = sentence.start()
            cameo = VERBS[match["verb"].replace("verb", "")]
            when = date.fromisoformat(match["date"]) if match["date"] else None
            trigger = Span(match["verb"], base + match.start("verb"), base + match.end("verb"))
            city = CITIES.get(match["city"] or "")
            if city is not None:
                start = base + match.start("city")
                city = Place(**{**city.to_dict(), "start": start, "end": start + len(city.name)})
            events.append(
                Event(
                    id=f"{article.id}#{len(events)}",
                    article_id=article.id,
                    sentence=number,
                    source=_actor(match["src"], base + match.start("src")),
                    target=_actor(match["tgt"], base + match.start("tgt")),
                    cameo=cameo,
                    plover=Plover(PLOVER[cameo.root], None, ()),
                    modality=_MODALITY[match["mod"]],
                    evidence=Evidence(sentence.group(), base, trigger, "fake",
                                      modality_cue=_cue(match, base)),
                    place=city,
                    date=EventDate(when, "day" if when else "unknown"),
                )
            )
    return events


class FakeCoder:
    def __init__(self, delay: float = 0.0, pids: str | None = None) -> None:
        self.delay = delay
        self.pids = pids

    def code_articles(self, articles: Iterable[Article]) -> Iterator[Coded]:
        if self.pids is not None:  # which process codes: one line per call
            with Path(self.pids).open("a") as stream:
                stream.write(f"{os.getpid()}\n")
        for article in articles:
            if "CRASHCODE" in article.text:
                raise RuntimeError("the fake coder crashed")
            if self.delay:
                time.sleep(self.delay)
            if "FAILCODE" in article.text:
                yield Coded(article, (), "the fake coder refused this text")
            else:
                yield Coded(article, tuple(code_text(article)))


@dataclass(frozen=True)
class FakeCoderFactory:
    """Builds a FakeCoder; when ``log`` is set, appends the building process id to that file,
    and when ``pids`` is, the coder appends the id of the process coding each chunk to that."""

    delay: float = 0.0
    log: str | None = None
    pids: str | None = None

    def __call__(self) -> FakeCoder:
        if self.log is not None:
            with Path(self.log).open("a") as stream:
                stream.write(f"{os.getpid()}\n")
        return FakeCoder(self.delay, self.pids)


def build_event(
    article: Article,
    idx: int = 0,
    *,
    source: tuple[str | None, str | None] | None = ("FRA", "GOV"),
    target: tuple[str | None, str | None] | None = ("DEU", "GOV"),
    code: str = "040",
    root: str | None = None,
    plover: str = "CONSULT",
    modality: Modality = "asserted",
    when: date | None = None,
    precision: str = "day",
    place: Place | None = None,
    trigger: str | None = None,
    cue: str | None = None,
) -> Event:
    """A hand-built Event on ``article``; the trigger is the first occurrence of ``trigger``
    (default: the first word) in the text, the modality cue that of ``cue``, and actors point at
    the trigger."""
    word = trigger or article.text.split()[0]
    start = article.text.index(word)
    sentence_end = article.text.find(".", start)
    sentence = article.text[: sentence_end + 1 if sentence_end >= 0 else len(article.text)]

    def actor(pair: tuple[str | None, str | None] | None) -> Actor | None:
        if pair is None:
            return None
        country, sector = pair
        code_ = f"{country or ''}{sector or ''}" or "---"
        return Actor(
            word,
            start,
            start + len(word),
            f"{country} {sector}",
            country,
            sector,
            code_,
            "state",
            "test",
        )

    return Event(
        id=f"{article.id}#{idx}",
        article_id=article.id,
        sentence=0,
        source=actor(source),
        target=actor(target),
        cameo=Cameo(code, f"CAMEO {code}", root or code[:2], 1.0, 1),
        plover=Plover(plover, None, ()),
        modality=modality,
        evidence=Evidence(sentence, 0, Span(word, start, start + len(word)), "test",
                          modality_cue=_span_of(article.text, cue)),
        place=place,
        date=EventDate(when, precision if when else "unknown"),  # type: ignore[arg-type]
    )


@dataclass(frozen=True)
class SlowFakeCoderFactory(FakeCoderFactory):
    """A zero-argument factory of a slow fake coder, for ``--coder fake_coder:SlowFakeCoderFactory``
    in tests that stop or kill a run part way."""

    delay: float = 0.05


@dataclass(frozen=True)
class LoggingFakeCoderFactory:
    """Builds a FakeCoder that appends the id of every article it codes to ``log`` (one line
    each, flushed), to count how often each article was coded across processes."""

    log: str
    delay: float = 0.0

    def __call__(self) -> LoggingFakeCoder:
        return LoggingFakeCoder(self.log, self.delay)


class LoggingFakeCoder(FakeCoder):
    def __init__(self, log: str, delay: float = 0.0) -> None:
        super().__init__(delay)
        self.log = log

    def code_articles(self, articles: Iterable[Article]) -> Iterator[Coded]:
        for coded in super().code_articles(articles):
            with Path(self.log).open("a") as stream:
                stream.write(coded.article.id + "\n")
            yield coded


slow_logging_factory = LoggingFakeCoderFactory(
    os.environ.get("DYADWATCH_TEST_CODED_LOG", "coded.log"), delay=0.01
)
"""For ``--coder fake_coder:slow_logging_factory`` in subprocess tests."""


@dataclass(frozen=True)
class BrokenFactory:
    """A coder factory whose coder cannot be built (a model that fails to load, say)."""

    def __call__(self) -> FakeCoder:
        raise RuntimeError("the model file is damaged")
