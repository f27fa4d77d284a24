"""One article on its way through the stages: what every stage reads of it, worked out once.

The Coder reads an article's dating (dateline, publication date) and whether it is a discarded
story before the parse, and builds one :class:`ArticleContext` after it. The actors
(``ArticleActors.of``), the events (``EventExtractor``) and the places (``Coder.places_in``) take
that context rather than each reading the dateline, the entities or the discards again. It sits
at the top level, next to ``records.py``, so that every stage may import it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date
from typing import TYPE_CHECKING

from dyadwatch.records import Article, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

    from dyadwatch.knowledge.base import Knowledge
    from dyadwatch.read.dateline import Dating


@dataclass(frozen=True)
class ArticleContext:
    """A parsed article and what is known of it before any event is looked for."""

    article: Article
    doc: Doc
    knowledge: Knowledge
    published: Date | None
    """The publication date events are dated from (the article's, else its dateline's)."""
    dateline: Span | None
    """The dateline's place ("ALGIERS"), if the article has a dateline."""
    focus: str | None
    """The country of the dateline's place, if it names one (else the actors find a focus)."""
    hidden: tuple[tuple[int, int], ...]
    """Character ranges no actor or trigger may cover (the dateline, a bare date line)."""
    discarded: bool
    """A sport, entertainment or business story: the event stage codes nothing in it."""
    entities: tuple[SpacySpan, ...]
    """The doc's entities (``Doc.ents`` makes new spans on every access: read once)."""
    text: str | None = None
    """The doc's text when the caller has it (the text it parsed, which the doc's tokens join
    back into): ``Doc.text`` joins the tokens anew on every access."""

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def title(self) -> str:
        return self.article.title or ""

    @classmethod
    def build(
        cls, article: Article, doc: Doc, knowledge: Knowledge, dating: Dating, *, discarded: bool,
        text: str | None = None,
    ) -> ArticleContext:
        """The context of ``article`` parsed as ``doc``, with its ``dating`` and whether it is
        ``discarded`` (both read before the parse); ``text`` is the text parsed, if at hand."""
        dateline = dating.dateline.place if dating.dateline is not None else None
        return cls(
            article=article, doc=doc, knowledge=knowledge, published=dating.published,
            dateline=dateline, focus=dateline_country(knowledge, dateline),
            hidden=tuple(dating.hidden()), discarded=discarded, entities=tuple(doc.ents), text=text,
        )

    @classmethod
    def bare(
        cls,
        doc: Doc,
        knowledge: Knowledge,
        *,
        article_id: str = "t",
        published: Date | None = None,
        discarded: bool = False,
    ) -> ArticleContext:
        """The context of a doc parsed on its own, with no dateline and no title (tests and
        tools that parse a text themselves); ``discarded`` as ``knowledge.discards.is_discarded``
        says of its article, when that matters to the caller."""
        article = Article(id=article_id, text=doc.text)
        return cls(
            article=article, doc=doc, knowledge=knowledge, published=published, dateline=None,
            focus=None, hidden=(), discarded=discarded, entities=tuple(doc.ents),
        )


def dateline_country(knowledge: Knowledge, dateline: Span | None) -> str | None:
    """The country a dateline's place is, or is the capital of."""
    if dateline is None:
        return None
    for hit in knowledge.lookup(dateline.text.title()):
        if hit.kind in ("capital", "country"):
            return str(hit.code)
    return None
