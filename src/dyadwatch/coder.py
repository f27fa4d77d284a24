"""The Coder: loads the pipeline once and codes many articles (interface; body in progress)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date as Date

from dyadwatch.records import Article, Event
from dyadwatch.settings import Settings


@dataclass(frozen=True)
class Coded:
    """The outcome of coding one article: its events, or the error that stopped it."""

    article: Article
    events: tuple[Event, ...] = ()
    error: str | None = None


class Coder:
    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.from_env()

    def code(
        self, text: str, *, date: Date | str | None = None, source: str | None = None
    ) -> list[Event]:
        raise NotImplementedError

    def code_article(self, article: Article) -> list[Event]:
        raise NotImplementedError

    def code_articles(self, articles: Iterable[Article]) -> Iterator[Coded]:
        raise NotImplementedError


_DEFAULT: Coder | None = None


def default_coder() -> Coder:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Coder()
    return _DEFAULT
