"""The Coder: loads the pipeline and knowledge once, then codes many articles with ``nlp.pipe``."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date as Date
from itertools import batched
from pathlib import Path
from typing import TYPE_CHECKING

from dyadwatch.actors.resolve import ArticleActors
from dyadwatch.context import ArticleContext
from dyadwatch.errors import DyadwatchError, InputError, InvalidArgument
from dyadwatch.events.extract import EventExtractor
from dyadwatch.events.prefilter import PreFilter, SentenceIndex, sentences
from dyadwatch.geo.cache import directory_of
from dyadwatch.geo.gazetteer import GeoNamesGazetteer, default_gazetteer
from dyadwatch.geo.places import PlaceResolver
from dyadwatch.knowledge.base import Knowledge, load_knowledge
from dyadwatch.knowledge.discards import is_discarded
from dyadwatch.knowledge.lexicon import Lexicon, load_contexts, load_lexicon
from dyadwatch.knowledge.ontology import Ontology, load_ontology
from dyadwatch.limits import LIMITS
from dyadwatch.nlp.pipeline import load_pipeline
from dyadwatch.placed import placed_events
from dyadwatch.read.dateline import Dating, read_dating
from dyadwatch.records import Article, Event, PlaceMention, content_hash
from dyadwatch.settings import Settings

if TYPE_CHECKING:  # spaCy itself loads with the pipeline, on first use
    from spacy.language import Language
    from spacy.tokens import Doc


_NOT_PLACES = frozenset({"igo", "organisation", "person"})


@dataclass(frozen=True)
class Coded:
    """The outcome of coding one article: its events, or the error that stopped it (its
    message, and the code of its class in ``dyadwatch.errors``)."""

    article: Article
    events: tuple[Event, ...] = ()
    error: str | None = None
    places: tuple[PlaceMention, ...] = ()
    error_code: str | None = None
    published: Date | None = None
    """The publication date the events were dated from (the article's, else its dateline's)."""
    warnings: tuple[str, ...] = ()
    """Problems that did not stop the coding (an impossible date, an unreadable dateline)."""


def make_article(
    text: str, *, id: str | None = None, date: Date | str | None = None, source: str | None = None
) -> Article:
    """An Article from bare text; a string date must be ISO ``YYYY-MM-DD``."""
    if isinstance(date, str):
        try:
            date = Date.fromisoformat(date)
        except ValueError as exc:
            raise InvalidArgument("date", f"not an ISO date (YYYY-MM-DD): {date!r}") from exc
    elif date is not None and not isinstance(date, Date):  # 20240314 is no date
        raise InvalidArgument("date", f"expected a datetime.date or YYYY-MM-DD, not {date!r}")
    if not isinstance(text, str):
        raise InvalidArgument("text", f"expected str, not {type(text).__name__}")
    return Article(id=id or content_hash(text)[:12], text=text, date=date, source=source)


def blank_long_sentences(text: str, limit: int) -> str:
    """``text`` with every sentence longer than ``limit`` characters blanked (offsets kept):
    a table, a list or run-on markup costs the parser time and memory and holds no event."""
    if len(text) <= limit:
        return text
    out = list(text)
    for start, end in sentences(text):
        if end - start > limit:
            out[start:end] = (" " if ch != "\n" else ch for ch in text[start:end])
    return "".join(out)


class Coder:
    """Codes articles into events. Models load on first use and are reused for every article.

    >>> coder = Coder()
    >>> for coded in coder.code_articles(articles):
    ...     print(coded.article.id, len(coded.events))
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        nlp: Language | None = None,
        knowledge: Knowledge | None = None,
        prefilter: PreFilter | None = None,
    ) -> None:
        self.settings = settings or Settings.from_env()
        self._nlp = nlp
        self._knowledge = knowledge
        self._ontology: Ontology | None = None
        self._lexicon: Lexicon | None = None
        self._contexts: dict[str, str] | None = None
        self._places: PlaceResolver | None = None
        self._prefilter = prefilter

    # -- lazily loaded resources ------------------------------------------------------------------

    @property
    def knowledge(self) -> Knowledge:
        if self._knowledge is None:
            knowledge = load_knowledge()
            if self.settings.actors:
                knowledge = knowledge.with_user_actors(Path(self.settings.actors))
            self._knowledge = knowledge
        return self._knowledge

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_pipeline(self.settings.model, self.knowledge)
        return self._nlp

    @property
    def ontology(self) -> Ontology:
        if self._ontology is None:
            self._ontology = load_ontology()
        return self._ontology

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            codes = {c.code for c in self.ontology.cameo_codes()}
            self._lexicon = load_lexicon(known_codes=codes)
        return self._lexicon

    @property
    def contexts(self) -> dict[str, str]:
        if self._contexts is None:
            self._contexts = load_contexts(set(self.ontology.plover_contexts()))
        return self._contexts

    @property
    def place_resolver(self) -> PlaceResolver:
        if self._places is None:
            folder = self.settings.gazetteer_cache
            if folder is None:
                gazetteer = default_gazetteer()
            else:
                where = directory_of(folder)
                gazetteer = GeoNamesGazetteer(cache=where is not None, cache_dir=where)
            self._places = PlaceResolver(gazetteer)
        return self._places

    @property
    def prefilter(self) -> PreFilter:
        if self._prefilter is None:
            self._prefilter = PreFilter.for_pipeline(self.nlp, self.knowledge, self.lexicon)
        return self._prefilter

    def load(self) -> Coder:
        """Load every resource now rather than on first use (a process about to fork workers
        loads them once, for all of them to share). Coding one short article also fills what
        the first call of each stage builds (the gazetteer's indexes among them)."""
        self.code("PARIS, March 2 (AFP) - France's foreign minister met his German counterpart.")
        return self

    @staticmethod
    def dating(article: Article) -> Dating:
        """Where and when the article was filed (read once per article, see dateline.py)."""
        return read_dating(article.text, article.date, name=article.id)

    def parse_text(self, article: Article, dating: Dating | None = None) -> str:
        """What the parser sees: the text, with sentences that cannot hold an event blanked
        when the ``prefilter`` setting is on, and the dateline blanked but for its place
        (offsets are unchanged)."""
        dating = dating or self.dating(article)
        text = article.text
        if self.settings.prefilter:
            at = dating.dateline.span.start if dating.dateline is not None else None
            text = self.prefilter.apply(text, dateline_start=at)[0]
        return blank_long_sentences(dating.blank(text), LIMITS.sentence_chars)

    # -- coding -------------------------------------------------------------------------------------

    def code(
        self, text: str, *, date: Date | str | None = None, source: str | None = None
    ) -> list[Event]:
        """Code one text. ``date`` is the publication date (else read from the text)."""
        return self.code_article(make_article(text, date=date, source=source))

    def code_article(self, article: Article) -> list[Event]:
        coded = next(self.code_articles([article]))
        if coded.error is not None:
            raise InputError(article.id, coded.error)
        return list(coded.events)

    def code_articles(self, articles: Iterable[Article]) -> Iterator[Coded]:
        """Code articles in order, in batches; a failing article yields ``Coded(error=...)``."""
        for batch in batched(articles, self.settings.batch_size):
            yield from self._code_batch(batch)

    def _code_batch(self, batch: Sequence[Article]) -> Iterator[Coded]:
        nlp = self.nlp
        results: dict[int, Coded] = {}
        # read once per article before the parse: its dating, and whether it is discarded
        datings: dict[int, Dating] = {}
        discarded: dict[int, bool] = {}
        for i, article in enumerate(batch):
            problem = problem_of(article)
            if problem:
                results[i] = Coded(article, error=problem, error_code=InputError.code)
                continue
            dating = datings[i] = self.dating(article)
            discarded[i] = is_discarded(article)
            if self.settings.prefilter and discarded[i]:
                # no events whatever the parse: skip it
                results[i] = Coded(article, published=dating.published,
                                   warnings=article.warnings + dating.warnings)
        texts = [self.parse_text(a, datings[i]) for i, a in enumerate(batch) if i not in results]
        docs = iter(nlp.pipe(texts, batch_size=self.settings.batch_size))
        parsed = iter(texts)  # each doc's text, as the actors read it (see ArticleContext.text)
        for i, article in enumerate(batch):
            if i in results:
                yield results[i]
                continue
            doc, text = next(docs), next(parsed)
            dating = datings[i]
            try:
                context = ArticleContext.build(article, doc, self.knowledge, dating,
                                               discarded=discarded[i], text=text)
                events = self.events_in(context)
                mentions: list[PlaceMention] = []
                if self.settings.places:
                    events, mentions = self.places_in(context, events)
                yield Coded(article, tuple(events), places=tuple(mentions),
                            published=dating.published, warnings=article.warnings + dating.warnings)
            except DyadwatchError as exc:
                yield Coded(article, error=str(exc), error_code=exc.code)

    def context_of(self, doc: Doc, article: Article, dating: Dating | None = None) -> ArticleContext:
        """The context of ``article`` parsed as ``doc`` (``dating`` is its :meth:`dating`, if
        already read)."""
        return ArticleContext.build(article, doc, self.knowledge, dating or self.dating(article),
                                    discarded=is_discarded(article))

    def events_in(self, context: ArticleContext) -> list[Event]:
        """Events of one parsed article (the stage after the spaCy pipeline)."""
        extractor = EventExtractor(
            context, ArticleActors.of(context), self.lexicon, self.ontology, self.contexts
        )
        return stable_ids(context.article, outside(extractor.events(), list(context.hidden)))

    def events_from_doc(
        self, doc: Doc, article: Article, dating: Dating | None = None
    ) -> list[Event]:
        """Events of one parsed article; ``dating`` is the article's :meth:`dating`, if
        already read."""
        return self.events_in(self.context_of(doc, article, dating))

    def places_in(
        self, context: ArticleContext, events: list[Event]
    ) -> tuple[list[Event], list[PlaceMention]]:
        """Every toponym mention of the article, and each event placed where the text says."""
        return placed_events(context, events, self.place_resolver, self._names_actor)

    def place_events(
        self, doc: Doc, article: Article, events: list[Event], dating: Dating | None = None
    ) -> tuple[list[Event], list[PlaceMention]]:
        """:meth:`places_in` for a doc and article without a context."""
        return self.places_in(self.context_of(doc, article, dating), events)

    def _names_actor(self, name: str) -> bool:
        return names_actor(self.knowledge, name)


def problem_of(article: object) -> str | None:
    """Why an article cannot be coded, checked before any parse (a wrong type from a caller
    becomes this article's error, not the end of the whole run)."""
    if not isinstance(article, Article):
        return f"not an Article but {type(article).__name__}"
    if not isinstance(article.text, str):
        return f"text is {type(article.text).__name__}, not str"
    if article.date is not None and not isinstance(article.date, Date):
        return f"date is {type(article.date).__name__} {article.date!r}, not a datetime.date"
    if not article.text.strip():
        return "empty text"
    if len(article.text) > LIMITS.text_chars:
        return (f"text of {len(article.text):,} characters exceeds the limit of "
                f"{LIMITS.text_chars:,}")
    return None


def outside(events: list[Event], hidden: list[tuple[int, int]]) -> list[Event]:
    """The events with nothing in ``hidden`` (the dateline): an event whose trigger lies there
    is dropped, an actor there is left out. Blanking the dateline before the parse keeps them
    out already; this makes sure whatever the parser does."""
    if not hidden:
        return events

    def inside(start: int, end: int) -> bool:
        return any(start < h_end and h_start < end for h_start, h_end in hidden)

    out: list[Event] = []
    for e in events:
        if inside(e.evidence.trigger.start, e.evidence.trigger.end):
            continue
        source = None if e.source is not None and inside(e.source.start, e.source.end) else e.source
        target = None if e.target is not None and inside(e.target.start, e.target.end) else e.target
        out.append(e if (source, target) == (e.source, e.target) else
                   replace(e, source=source, target=target))
    return out


def names_actor(knowledge: Knowledge, name: str) -> bool:
    """Whether the actor knowledge knows ``name`` only as an organisation, armed group, party,
    IGO or person: never a place then (see geo/places.py)."""
    hits = knowledge.lookup(name)
    return bool(hits) and all(h.kind in _NOT_PLACES for h in hits)


def stable_ids(article: Article, events: list[Event]) -> list[Event]:
    """Sentence numbers, event ids and group ids that depend on the text alone, not on how the
    parser segmented it (so a pre-filtered parse gives the very same records)."""

    def digest(*parts: object) -> str:
        return hashlib.sha1("|".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]

    groups: dict[str, str] = {}
    sentence_index = SentenceIndex(article.text)
    out: list[Event] = []
    for e in events:
        trig = e.evidence.trigger
        group = None
        if e.group is not None:
            group = groups.setdefault(e.group, digest(article.id, "group", trig.start))
        start = e.evidence.sentence_start
        sentence = article.text[start:start + len(e.evidence.sentence.rstrip())]
        # the parsed sentence differs from the article's only where the parse text was
        # blanked: the evidence is copied only then (a record's copy costs more than the rest)
        evidence = e.evidence if sentence == e.evidence.sentence else replace(e.evidence, sentence=sentence)
        out.append(replace(
            e,
            evidence=evidence,
            sentence=sentence_index(start),
            id=digest(article.id, trig.start, e.source.start if e.source else "",
                      e.target.start if e.target else "", e.cameo.code),
            group=group,
        ))
    return out


_DEFAULT: Coder | None = None


def default_coder() -> Coder:
    """The process-wide Coder behind ``dyadwatch.code``."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Coder()
    return _DEFAULT
