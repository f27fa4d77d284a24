"""Actors: resolve a mention in a parsed article to country, sector and CAMEO actor code.

Resolution uses, in order: the mention's own words (a country, demonym, capital, organisation or
IGO name, a title or body such as "Foreign Minister" or "army"), what the article says elsewhere
about the same person (titles, appositions, "officials, including ..."; see
:mod:`dyadwatch.actors.people`), the places the mention is put in ("rebels in Mali"), our dated list of
office holders at the article's date ("the Algerian president" -> the president on that day),
and the article's focus country (its dateline, else the country it names most). Every Actor says
which of these decided it in ``reason``. ``docs/actors.md`` lists the rules with examples.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date as Date
from typing import TYPE_CHECKING

from dyadwatch.actors.cues import (
    COUNTRYISH,
    Cue,
    collective_marker,
    conjuncts,
    coordinated,
    ex_title,
    focus_country,
    hit_of,
    is_ethnic,
    is_outside_tie,
    is_pronoun,
    modified_noun,
    named_cause,
    setting_country,
)
from dyadwatch.actors.names import NameResolver, national_society
from dyadwatch.actors.parties import named_party, restated_party
from dyadwatch.actors.people import ArticlePeople, misread_name
from dyadwatch.actors.roles import RoleResolver
from dyadwatch.actors.scope import ActorScope, Resolution, cameo_actor_code
from dyadwatch.knowledge.words import FACILITY_NOUNS, MEMBER_NOUNS, PART_NOUNS
from dyadwatch.nlp.tree import children as children_of
from dyadwatch.records import Actor, ActorKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from dyadwatch.context import ArticleContext
    from dyadwatch.knowledge.base import Knowledge

# Nouns for the holder of the same office as someone else, elsewhere ("his Turkish counterpart").
_SAME_OFFICE_NOUNS = frozenset({"counterpart", "counterparts"})

# Posts only armed forces hold: a state's are its military's ("U.S. bases", "Ukrainian
# positions"); the plural, as "the Ukrainian position" is a stance.
_MILITARY_POSTS = frozenset({"base", "bases", "airbase", "airbases", "barracks", "garrison", "garrisons",
                             "outpost", "outposts", "positions"})

# Sectors of people who speak for no body of their own: elites (former officials), civilians,
# refugees; None is a person with no role at all.
_NO_BODY_SECTORS = frozenset({None, "ELI", "CVL", "REF"})

__all__ = ["ArticleActors", "Resolution", "cameo_actor_code", "coordinated"]


class ArticleActors(ActorScope):
    """Actor resolution for one parsed article: the mention's own words and names (see
    :class:`NameResolver`), roles and titles with the cues around them (:class:`RoleResolver`),
    what the article says about its people (:class:`ArticlePeople`), pronouns, names used as
    modifiers and collectives ("both countries")."""

    def __init__(
        self, doc: Doc, knowledge: Knowledge, published: Date | None, focus: str | None = None,
        entities: tuple[Span, ...] | None = None, text: str | None = None,
    ) -> None:
        super().__init__(doc, knowledge, published, entities, text)
        # resolve() by (head index, speaker): once the people are learnt (None till then) a
        # mention resolves the same way every time, and events ask for the same ones often
        self._resolved: dict[tuple[int, Actor | None], Actor | None] | None = None
        self.names = NameResolver(self)
        self.roles = RoleResolver(self)
        self.focus = focus or focus_country(
            doc, {name: org.country for name, org in knowledge.organisations.items()}, self.entities
        )
        self.people = ArticlePeople(self)
        if self.focus is None:  # no country named: the country of the article's people
            countries = [p.country for p in self.people.known.values()
                         if p.country is not None and p.country in knowledge.countries]
            self.focus = max(countries, key=countries.count) if countries else None
        # where the story happens (a given focus is the dateline's country): whose unnamed
        # soldiers and police they are, whichever country the article names most
        self.setting = focus or setting_country(doc, self.entities) or self.focus
        self._resolved = {}

    @classmethod
    def of(cls, context: ArticleContext) -> ArticleActors:
        """The actors of the article ``context`` holds (its entities and dateline focus)."""
        return cls(context.doc, context.knowledge, context.published, context.focus,
                   context.entities, context.text)

    def resolve(self, head: Token, *, speaker: Actor | None = None) -> Actor | None:
        """The actor a mention headed by ``head`` refers to, or None when nothing says."""
        if self._resolved is None:
            return self._resolve(head, speaker)
        if (head.i, speaker) not in self._resolved:
            found = self._igo_staff(self._resolve(head, speaker))
            self._resolved[head.i, speaker] = counterpart_of(self, head, found, speaker)
        return self._resolved[head.i, speaker]

    def _igo_staff(self, actor: Actor | None) -> Actor | None:
        """'UN envoy X', 'EU officials', 'NATO's secretary-general': the officials of an
        international organisation act as the organisation, whose own sector (often none) they
        take; an office title's GOV names a national executive, which they are not. Armed and
        other roles keep theirs ("UN peacekeepers" MIL)."""
        if actor is None or actor.kind != "igo" or actor.sector != "GOV" or actor.country is None:
            return actor
        igo = self.knowledge.igos.get(actor.country)
        if igo is None or igo.sector == "GOV":
            return actor
        return replace(actor, sector=igo.sector, cameo_code=cameo_actor_code(actor.country, igo.sector),
                       reason=f"{actor.reason}; staff of {igo.name} act as it ({igo.sector or 'no sector'})")

    def _resolve(self, head: Token, speaker: Actor | None) -> Actor | None:
        if head.pos_ == "ADP":  # "in central Baghdad": the place
            objects = [c for c in children_of(head) if c.dep_ == "pobj"]
            return self.resolve(objects[0], speaker=speaker) if objects else None
        if is_pronoun(head):
            return self._pronoun(head, speaker)
        as_modifier = self._as_modifier(head, speaker)
        if as_modifier is not None:
            return as_modifier
        if head.lower_ in _MILITARY_POSTS:  # "Ukrainian positions": as its owner's name says
            owner = next((c for c in children_of(head) if c.dep_ in ("amod", "compound", "nmod") and c.i in self.ents), None)
            post = self._as_modifier(owner, speaker) if owner is not None else None
            if post is not None:
                return post
        if collective_marker(head) or named_cause(head):
            return None  # "both countries" (see resolve_all); "Typhoon Haiyan", a storm by its name
        span = self.phrase(head)
        titled = ex_title(head)
        if titled is not None:  # "the ex-president", parsed as three nouns: the title's mention
            span, head = self._span(self.doc, span.start, max(span.end, titled.i + 1)), titled
        if (head.pos_ == "PROPN" and head.ent_type_ not in ("GPE", "NORP")) or misread_name(head):
            key = self.people.key_of(head)
            if key is not None:
                return self.people.known[key].at(span.text, span.start_char, span.end_char)
        found = national_society(self, span, head) or self._resolve_span(span, head, speaker)
        return found.at(span.text, span.start_char, span.end_char) if found is not None else None

    def resolve_all(self, head: Token, *, speaker: Actor | None = None) -> list[Actor]:
        """Every actor a mention stands for: "Hungarian and Romanian officials" gives two, "both
        countries" and "the two armies" the two countries named before them in the article."""
        out: list[Actor] = []
        for token in coordinated(head):
            collective = self._collective(token)
            if collective:
                out.extend(collective)
                continue
            actor = self.resolve(token, speaker=speaker)
            if actor is not None:
                out.append(actor)
        return out

    def _pronoun(self, head: Token, speaker: Actor | None) -> Actor | None:
        lower = head.lower_
        if lower in ("we", "us", "i", "me") and speaker is not None:
            return mentioned_at(speaker, head)
        if lower in ("he", "she", "him", "her"):
            found = self.people.previous(head)
            if found is not None:
                return replace(found, reason=f"'{head.text}' refers back to {found.name}; "
                               + found.reason).at(head.text, head.idx, head.idx + len(head))
        return None

    def spoken_for(self, head: Token, speaker: Actor) -> Actor | None:
        """'it' as the subject in the words of an official ("the foreign ministry spokesman said
        it would impose sanctions", "the army spokesman said it had arrested 20"): a person is
        never 'it', and the body an official speaks for is the one that acts, the speaker's
        country with the speaker's sector. Not for someone speaking for no body: without a
        country, without a sector, or of the elite, civilians or refugees ("a retired general
        said it would ...": 'it' is then left unresolved)."""
        if (head.lower_ != "it" or head.dep_ not in ("nsubj", "nsubjpass") or speaker.country is None
                or speaker.sector in _NO_BODY_SECTORS or speaker.country not in self.knowledge.countries):
            return None
        kind: ActorKind = "state" if speaker.sector == "GOV" else "organisation"
        name = self.country_name(speaker.country)
        body = replace(speaker, name=name if kind == "state" else f"{name} {speaker.sector}", kind=kind,
                       reason=f"'{head.text}' in the words of {speaker.name}: the body they speak for; "
                              + speaker.reason)
        return mentioned_at(body, head)

    def _as_modifier(self, head: Token, speaker: Actor | None) -> Actor | None:
        """A name that modifies a noun stands for the noun's actor with the name's country:
        "Hungarian" in "Hungarian and Romanian officials" -> Hungary GOV, "NATO" in "NATO-led
        peacekeepers" -> NATO MIL, "Algerian" in "Algerian Foreign Minister X" -> X."""
        ent = self.ents.get(head.i)
        if ent is None or ent.label_ == "PERSON":
            return None
        noun = modified_noun(ent.root)
        if noun is None or ent.start <= noun.i < ent.end:
            return None
        while noun.dep_ == "compound" and noun.head.pos_ == "PROPN" and self.is_person(noun.head):
            noun = noun.head  # "Algerian Foreign Minister Sabri Boukadoum": the person
        noun_ent = self.ents.get(noun.i)
        if self.is_person(noun) or (noun_ent is not None and noun_ent.label_ == "NORP"):
            return self.resolve(noun, speaker=speaker)  # the person; a people ("Bosnian Serbs")
        if noun_ent is not None and hit_of(noun_ent) is not None:
            return None  # a name inside another name's phrase
        span = self.phrase(noun)
        start = ent.start_char
        last = conjuncts(ent.root)[-1].i == ent.root.i
        end = span.end_char if last else ent.end_char
        text = self.text[start:end]
        base = None if ent.label_ == "NORP" and hit_of(ent) is None else self.names.entity(ent, ent)
        if base is None:  # "Moslem forces", "Tamil refugees": a people, no country
            found = self.roles.from_role(span, noun, speaker, ethnic=ent.text)
            return found.at(text, start, end) if found is not None else None
        why = f"'{ent.text}' -> {base.country}"
        if len(conjuncts(ent.root)) > 1:
            first = conjuncts(ent.root)[0].idx
            why += f" (one of the compound actor '{self.text[first:span.end_char]}')"
        hint = Cue(base.country, why, "organisation" if base.kind != "state" else "country") \
            if base.country and not is_ethnic(ent) and not is_outside_tie(ent) else None
        org = base if base.kind in ("organisation", "group", "igo") and not is_outside_tie(ent) else None  # a backer owns none
        found = self.roles.from_role(span, noun, speaker, hint=hint, org=org,
                                ethnic=ent.text if is_ethnic(ent) else None)
        body = body_of_thing(noun, self.knowledge) if found is None else None
        if body is not None:  # "an Israeli army post": the Israeli army's
            found = self.roles.from_role(span, body, speaker, hint=hint, org=org)
        if found is None:
            if org is not None and noun.lemma_.lower() in PART_NOUNS:
                found = replace(base, reason=f"{base.reason}; its {noun.text}")
            elif base.kind == "state" and noun.lower_ in _MILITARY_POSTS:
                found = replace(base, sector="MIL", kind="organisation",
                                reason=f"{base.reason}; its {noun.text} are its armed forces'")
            else:
                found = replace(base, sector=None if base.kind == "state" else base.sector)
        return found.at(text, start, end)

    def _resolve_span(self, span: Span, head: Token, speaker: Actor | None) -> Resolution | None:
        # 1. a named entity that contains the head decides the kind of actor; else a listed body
        # written with its last words in lower case ("the Kurdistan regional government")
        ent = self.ents.get(head.i)
        res = self.names.entity(ent, span) if ent is not None else self.names.lowercase_name(span, head)
        if res is not None:
            return named_party(self, res, ent, span) if ent is not None else res
        # 2. "his country", "their government": the possessor's
        possessor = self.roles.possessor(head, speaker)
        if head.lower_ in ("country", "nation", "government") and possessor is not None:
            if speaker is not None and possessor.country == speaker.country:
                return Resolution(speaker.name, speaker.country, speaker.sector,
                                  speaker.kind, f"the speaker's own country ({head.text})")
            sector = "GOV" if head.lower_ == "government" else None
            return Resolution(possessor.name, possessor.country, sector, "state",
                              f"'{span.text}' refers back to {possessor.name}")
        # 3. a common-noun head ("officials", "commander", "embassy") with cues around it; a head
        # that names no role ("constitution", "cooperation") is no actor, whatever modifies it
        found = self.roles.from_role(span, head, speaker, possessor=possessor) or restated_party(self, span, head)
        if found is None and (head.lemma_.lower() in PART_NOUNS or head.lemma_.lower() in MEMBER_NOUNS):
            for child in children_of(head):
                child_ent = self.ents.get(child.i)
                if child.dep_ in ("compound", "amod", "nmod") and child_ent is not None:
                    org = self.names.entity(child_ent, child_ent)
                    if org is not None and org.kind != "state":
                        return replace(org, reason=f"{org.reason}; its {head.text}")
        if found is None and head.pos_ == "PROPN" and head.ent_type_ in ("", "ORG"):
            cue = self.names.country_cue(span, head)  # "Montenegro Municipality Association"
            if cue is not None and cue.kind in COUNTRYISH:
                return Resolution(span.text, cue.code, self.names.name_sector(span.text),
                                  self.kind_for(cue.code, "organisation"),
                                  f"named body '{span.text}' (not in our data); {cue.why}")
        return found

    def person(self, text: str) -> Resolution:
        """What the article (and our office-holder list) says about the person named ``text``."""
        return self.people.person(text)

    def _collective_antecedents(self, head: Token) -> list[tuple[str, str]]:
        """'both countries', 'the two armies': the two countries named last before ``head``."""
        if collective_marker(head) is None:
            return []
        found: list[tuple[str, str]] = []
        for ent in reversed([e for e in self.doc.ents if e.end <= head.i and e.end > head.i - 200]):
            hit = hit_of(ent)
            if hit is None or hit[0] not in COUNTRYISH or is_ethnic(ent):
                continue
            if hit[1] not in [c for c, _ in found]:
                found.append((hit[1], ent.text))
            if len(found) == 2:
                return found[::-1]
        return []

    def _collective(self, head: Token) -> list[Actor]:
        antecedents = self._collective_antecedents(head)
        if not antecedents:
            return []
        marker = collective_marker(head)
        assert marker is not None
        span = self.doc[min(marker.i, head.i):head.i + 1]
        role = self.knowledge.role(head.lemma_.lower())
        sector = role.sector if role is not None else None
        named = " and ".join(text for _, text in antecedents)
        return [
            Resolution(self.country_name(code), code, sector, "state" if sector in (None, "GOV") else "organisation",
                       f"'{span.text}' refers back to {named}").at(span.text, span.start_char, span.end_char)
            for code, _ in antecedents
        ]


def counterpart_of(
    scope: ArticleActors, head: Token, actor: Actor | None, speaker: Actor | None
) -> Actor | None:
    """'X met his Turkish counterpart', 'the Indian navy drilled with its Japanese
    counterpart': a counterpart holds the same office as the one it is the counterpart of,
    so it takes that actor's sector in its own country. The one meant is the nearest actor
    with a sector named before it in the sentence (the possessive's referent)."""
    noun = head if head.dep_ not in ("amod", "compound", "nmod", "appos") else head.head
    if noun.lemma_.lower() not in _SAME_OFFICE_NOUNS:
        return actor
    if actor is None and noun.i == head.i:  # the country is the modifier's ("Turkish")
        actor = next((scope.resolve(c, speaker=speaker) for c in children_of(head)
                      if c.dep_ in ("amod", "compound", "nmod") and c.i in scope.ents), None)
    # "his Pakistani counterpart, ISHAQ DAR": a name our lists miss, read as a private person,
    # holds the office all the same
    named = noun.i != head.i and actor is not None and actor.kind == "person" and actor.sector in (None, "CVL")
    if actor is None or (actor.sector is not None and not named) or actor.country is None or actor.kind == "igo":
        return actor
    start = scope.phrase(noun).start
    # whose counterpart: the subject of the clause first ("Colombian police shared intelligence
    # with their Ecuadorean counterparts"), then the nearest actor before
    verb = next((t for t in noun.ancestors if t.pos_ in ("VERB", "AUX")), None)
    subjects = [c for c in children_of(verb) if c.dep_ == "nsubj" and c.i < start] if verb is not None else []
    for token in [*subjects, *reversed(head.sent[: start - head.sent.start])]:
        if token.pos_ not in ("NOUN", "PROPN") or token.dep_ in ("compound", "poss"):
            continue
        other = scope.resolve(token, speaker=speaker)
        if other is not None and other.sector is not None and other.kind != "igo":
            kind: ActorKind = "state" if other.sector == "GOV" else "organisation"
            return replace(actor, sector=other.sector, kind=kind,
                           cameo_code=cameo_actor_code(actor.country, other.sector),
                           reason=f"{actor.reason}; the counterpart of {other.text} ({other.sector})")
    return actor


def mentioned_at(actor: Actor, token: Token, note: str = "") -> Actor:
    """``actor`` as a word that stands for it mentions it (a pronoun, "his country", a body's
    officer): that word's text and offsets, ``note`` added to the reason."""
    return replace(actor, text=token.text, start=token.idx, end=token.idx + len(token),
                   reason=actor.reason + note)


def body_of_thing(noun: Token, knowledge: Knowledge) -> Token | None:
    """The body word of a facility ('army' in "an Israeli army post", 'military' in "a Syrian
    military base"): a word before it, outside any name, that is a role. Of any other thing, a
    role noun compounded before it names the body whose thing it is ("Venezuelan GOVERNMENT
    assets", "an Israeli POLICE raid": the government's, the police's); an adjective there only
    describes ("Syrian military expenditure" stays Syria's)."""
    deps = ("compound", "amod") if noun.lemma_.lower() in FACILITY_NOUNS else ("compound",)
    return next((c for c in children_of(noun) if c.dep_ in deps and c.i < noun.i and c.pos_ in (
        "NOUN", "ADJ") and c.ent_type_ == "" and knowledge.role(c.lower_) is not None), None)
