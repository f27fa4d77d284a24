"""The article an actor is resolved in: its parse, knowledge, date and focus, shared by the
collaborators of :class:`dyadwatch.actors.resolve.ArticleActors`.

``ActorScope`` holds what every step of actor resolution reads (the doc and its entities, the
knowledge, the publication date, the article's focus and setting) and the mention phrases;
``Resolution`` is what is known of an actor before it is pinned to a mention's offsets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date
from functools import cached_property
from typing import TYPE_CHECKING

from dyadwatch.actors.cues import entity_index
from dyadwatch.knowledge.load import term_key
from dyadwatch.nlp.names import tail_of_longer_name
from dyadwatch.nlp.tree import children as children_of
from dyadwatch.records import Actor, ActorKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from dyadwatch.actors.cues import Cue
    from dyadwatch.actors.names import NameResolver
    from dyadwatch.actors.people import ArticlePeople
    from dyadwatch.actors.roles import RoleResolver
    from dyadwatch.knowledge.base import Knowledge

# Children that belong to another phrase, not to the mention headed by a token.
_DETACHED = {"relcl", "acl", "conj", "cc", "appos", "advcl", "punct", "prep", "ccomp", "xcomp"}


@dataclass(frozen=True)
class Resolution:
    """What is known of an actor before it is pinned to a mention's offsets."""

    name: str
    country: str | None
    sector: str | None
    kind: ActorKind
    reason: str

    def at(self, text: str, start: int, end: int) -> Actor:
        return Actor(
            text=text,
            start=start,
            end=end,
            name=self.name,
            country=self.country,
            sector=self.sector,
            cameo_code=cameo_actor_code(self.country, self.sector),
            kind=self.kind,
            reason=self.reason,
        )


def cameo_actor_code(country: str | None, sector: str | None) -> str:
    """CAMEO-style actor code: country (or IGO) then sector, e.g. ``USAMIL``, ``DZA``, ``MIL``."""
    code = (country or "") + (sector or "")
    return code or "UNK"


def _role_noun_as_person(ent: Span, knowledge: Knowledge) -> bool:
    """Whether ``ent`` is a PERSON entity of common nouns only that together are a role term
    ("MPs", "lawmakers"): no name."""
    if ent.label_ != "PERSON" or any(t.pos_ != "NOUN" for t in ent):
        return False
    role = knowledge.role(ent.text.lower())
    return role is not None and term_key(role.term) == term_key(ent.text.lower())


# Labels of names of places, peoples and bodies, which are written with a capital.
_NAME_LABELS = frozenset({"GPE", "LOC", "ORG", "NORP", "FAC"})

class ActorScope:
    """One article as actor resolution sees it. The resolvers are attached by ``ArticleActors``
    once built (they need the scope, and each other, to answer)."""

    def __init__(
        self, doc: Doc, knowledge: Knowledge, published: Date | None,
        entities: tuple[Span, ...] | None = None, text: str | None = None,
    ) -> None:
        from spacy.tokens import Span

        self._span = Span  # imported once here, not on each of the many phrase() calls
        self.doc = doc
        self._text = text  # the doc's text, when the caller has it (see ``text``)
        self.knowledge = knowledge
        self.published = published
        # a new Span for each entity on every access: read once (by the article's context)
        found = doc.ents if entities is None else entities
        # NER now and then tags a role noun as a person ("Opposition MPs walked out"): common
        # nouns that are one role term name people by their role, not by their name
        # and the tail of a longer name it cut is no place ("Mocimboa da PRAIA"), nor are words
        # without a capital a name ("withdrew from THE WEST BANK of the Dnipro")
        self.entities = tuple(e for e in found if not _role_noun_as_person(e, knowledge)
                              and not (e.label_ == "GPE" and tail_of_longer_name(e))
                              and not (e.label_ in _NAME_LABELS and e.text.islower()))
        self.ents = entity_index(doc, self.entities)
        self.focus: str | None = None
        self.setting: str | None = None
        self.people: ArticlePeople
        self.names: NameResolver
        self.roles: RoleResolver

    @cached_property
    def text(self) -> str:
        """The doc's text (``Doc.text`` joins the tokens anew on every access): the text the
        caller parsed, when it gave it (the tokens join back into it), else joined once."""
        return self._text if self._text is not None else self.doc.text

    def phrase(self, head: Token) -> Span:
        """The mention headed by ``head``: its subtree without clauses, conjuncts and appositions."""
        keep = self.phrase_tokens(head)
        start, end = min(keep), max(keep) + 1
        doc = self.doc  # trimmed by index, one Span made: slicing a Doc or Span is slower
        while end - start > 1 and (doc[start].is_punct or doc[start].dep_ == "det"):
            start += 1
        while end - start > 1 and doc[end - 1].is_punct:
            end -= 1
        return self._span(doc, start, end)

    def phrase_tokens(self, head: Token) -> list[int]:
        keep = [head.i]
        for child in children_of(head):
            if child.dep_ in _DETACHED and not (child.dep_ == "prep" and child.lower_ == "of"):
                continue
            if child.dep_ == "prep" and child.i < head.i:
                continue
            if child.is_space:
                continue
            keep.extend(self.phrase_tokens(child))
        return keep

    def in_gazetteer_entity(self, token: Token) -> bool:
        return token.ent_iob_ != "O" and ":" in token.ent_id_ and not token.ent_id_.startswith("person:")

    def kind_for(self, country: str | None, kind: ActorKind) -> ActorKind:
        """An actor of an IGO (its body, mission or official) has kind "igo"."""
        return "igo" if country is not None and country in self.knowledge.igos else kind

    def entity(self, ent: Span, span: Span) -> Resolution | None:
        return self.names.entity(ent, span)

    def resolve(self, head: Token, *, speaker: Actor | None = None) -> Actor | None:
        """The actor a mention headed by ``head`` refers to: ``ArticleActors`` answers."""
        raise NotImplementedError

    def country_cue(self, span: Span, head: Token, *, skip: Span | None = None) -> Cue | None:
        return self.names.country_cue(span, head, skip=skip)

    def capital_country(self, text: str) -> str | None:
        for h in self.knowledge.lookup(text):
            if h.kind == "capital":
                return h.code
        return None

    def country_name(self, code: str | None) -> str:
        if code is None:
            return ""
        country = self.knowledge.countries.get(code)
        if country is not None:
            return country.name
        igo = self.knowledge.igos.get(code)
        return igo.name if igo is not None else code

    def is_person(self, token: Token) -> bool:
        ent = self.ents.get(token.i)
        if ent is not None and (ent.label_ == "PERSON" or ent.ent_id_.startswith("person:")):
            return True
        return token.pos_ == "PROPN" and self.people.key_of(token) is not None
