"""The role of a toponym mention: a location (``literal``) or a stand-in for an actor
(``metonym``), from its grammatical use (docs/places.md, "Mentions and their roles")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyadwatch.knowledge.words import (
    GEO_ACTOR_NOUNS,
    GEO_FACILITIES,
    GEO_LOCATIVE_VERBS,
    GEO_NOUNS,
    GEO_PARTY_PREPS,
)
from dyadwatch.nlp.tree import children as children_of
from dyadwatch.records import PlaceRole

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


def is_geo_noun(tok: Token) -> bool:
    return tok.lemma_.lower() in GEO_NOUNS or tok.lower_ in GEO_NOUNS


def mention_role(span: SpacySpan, feature: str | None = None) -> PlaceRole:
    """``literal`` or ``metonym`` for a toponym, from its grammatical use (see module doc).

    ``feature`` is the resolved place's: a country modifying a noun is adjectival ("a U.S.
    military vehicle", "US interests"), a town modifying one is not ("a Ramallah raid").
    """
    root = span.root
    head = root.head
    dep = root.dep_
    while dep == "conj" and head.i != root.i:  # "Algeria and the United States are ..."
        root, head, dep = head, head.head, head.dep_
    if dep == "nsubj" and head.pos_ in {"VERB", "AUX"}:
        if head.lemma_ in GEO_LOCATIVE_VERBS:
            return "literal"
        attrs = [c for c in children_of(head) if c.dep_ == "attr"]
        if head.lemma_ == "be" and attrs and is_geo_noun(attrs[0]):
            return "literal"
        return "metonym"
    if dep == "dobj" and any(
        c.dep_ in {"xcomp", "advcl"} and any(a.lower_ == "to" for a in children_of(c))
        for c in children_of(head)
    ):
        return "metonym"  # "pushed Washington to renew": the object acts
    if dep == "pobj" and head.lower_ in GEO_PARTY_PREPS:
        return "metonym"
    if dep == "poss" and (head.lemma_.lower() in GEO_FACILITIES or head.lower_ in GEO_FACILITIES):
        return "literal"  # "Bethlehem's Church of the Nativity": a building in the place
    if dep in {"poss", "compound", "nmod", "amod"} and head.pos_ in {"NOUN", "PROPN"}:
        # "US troops", "Russia's minister" stand for the state; "Baghdad's bridges" do not.
        if head.lemma_.lower() in GEO_ACTOR_NOUNS or head.lower_ in GEO_ACTOR_NOUNS:
            return "metonym"
        if head.ent_type_ == "ORG":
            return "metonym"
        # A country owning what is no part of a map ("Russia's invasion", "Iran's programme")
        # is the actor, as in "a U.S. vehicle".
        if feature == "country" and not is_geo_noun(head):
            return "metonym"
    return "literal"
