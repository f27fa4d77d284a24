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

from dataclasses import dataclass, replace
from datetime import date as Date
from functools import cached_property
from typing import TYPE_CHECKING

from dyadwatch.actors.cues import (
    COUNTRYISH,
    Cue,
    collective_marker,
    conjuncts,
    coordinated,
    entity_index,
    focus_country,
    hit_of,
    is_ethnic,
    is_former,
    is_people_noun,
    is_pronoun,
    locative_place,
    modified_noun,
    names_a_body,
    place_noun,
    place_tokens,
    sentence_places,
    setting_country,
    singular_definite,
)
from dyadwatch.actors.people import ArticlePeople
from dyadwatch.records import Actor, ActorKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from dyadwatch.knowledge.base import Knowledge, NameHit, Role

__all__ = ["ArticleActors", "Resolution", "cameo_actor_code", "coordinated"]

# Children that belong to another phrase, not to the mention headed by a token.
_DETACHED = {"relcl", "acl", "conj", "cc", "appos", "advcl", "punct", "prep", "ccomp", "xcomp"}
# Role terms that say little by themselves: a more specific role beside them decides the sector
# ("rebel leaders" REB, "army spokesman" MIL, "opposition candidates" OPP).
_WEAK_TERMS = frozenset({
    "leader", "leaders", "official", "officials", "senior official", "senior officials",
    "spokesman", "spokeswoman", "spokesperson", "spokesmen", "representative", "representatives",
    "delegation", "delegate", "delegates", "adviser", "advisers", "advisor", "advisors",
    "candidate", "candidates", "commander", "commanders", "officer", "officers", "negotiator",
    "negotiators", "chief", "head", "member", "members", "figure", "figures",
})
# Heads that are part of a named body: "the UNITA militarist wing", "a Hamas faction".
_PART_NOUNS = frozenset({"wing", "faction", "branch", "unit", "units", "leadership", "side",
                         "camp", "cell", "cells", "arm", "elements", "ranks", "loyalists",
                         "supporters", "members", "militants", "fighters", "spokesman",
                         "agency", "agencies", "body", "office", "movement", "organisation",
                         "organization", "group", "forces", "delegation"})
# Roles whose place is not their country ("the embassy in Cairo", "an envoy in Bamako").
_DIPLOMATIC = ("embass", "consul", "ambassador", "envoy", "diplomat", "delegation", "mission")
_ARMED = {"MIL", "REB", "UAF"}
_MOVEMENT = {"arrive", "visit", "travel", "fly", "go", "come", "return", "head", "land", "reach"}


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


class ArticleActors:
    """Actor resolution for one parsed article; holds what the article says about its people."""

    def __init__(
        self, doc: Doc, knowledge: Knowledge, published: Date | None, focus: str | None = None
    ) -> None:
        from spacy.tokens import Span

        self._span = Span  # imported once here, not on each of the many phrase() calls
        self.doc = doc
        self.knowledge = knowledge
        self.published = published
        self.entities = doc.ents  # a new Span for each entity on every access: read once
        self.ents = entity_index(doc, self.entities)
        # resolve() by (head index, speaker): once the people are learnt (None till then) a
        # mention resolves the same way every time, and events ask for the same ones often
        self._resolved: dict[tuple[int, Actor | None], Actor | None] | None = None
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

    @cached_property
    def text(self) -> str:
        """The doc's text (``Doc.text`` joins the tokens anew on every access)."""
        return self.doc.text

    # -- mentions -----------------------------------------------------------------------------

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
        for child in head.children:
            if child.dep_ in _DETACHED and not (child.dep_ == "prep" and child.lower_ == "of"):
                continue
            if child.dep_ == "prep" and child.i < head.i:
                continue
            if child.is_space:
                continue
            keep.extend(self.phrase_tokens(child))
        return keep

    def resolve(self, head: Token, *, speaker: Actor | None = None) -> Actor | None:
        """The actor a mention headed by ``head`` refers to, or None when nothing says."""
        if self._resolved is None:
            return self._resolve(head, speaker)
        if (head.i, speaker) not in self._resolved:
            self._resolved[head.i, speaker] = self._resolve(head, speaker)
        return self._resolved[head.i, speaker]

    def _resolve(self, head: Token, speaker: Actor | None) -> Actor | None:
        if head.pos_ == "ADP":  # "in central Baghdad": the place
            objects = [c for c in head.children if c.dep_ == "pobj"]
            return self.resolve(objects[0], speaker=speaker) if objects else None
        if is_pronoun(head):
            return self._pronoun(head, speaker)
        as_modifier = self._as_modifier(head, speaker)
        if as_modifier is not None:
            return as_modifier
        if collective_marker(head):
            return None  # "both countries", "the two armies": see resolve_all
        span = self.phrase(head)
        if head.pos_ == "PROPN" and head.ent_type_ not in ("GPE", "NORP"):
            key = self.people.key_of(head)
            if key is not None:
                return self.people.known[key].at(span.text, span.start_char, span.end_char)
        found = self._resolve_span(span, head, speaker)
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

    def in_gazetteer_entity(self, token: Token) -> bool:
        return token.ent_iob_ != "O" and ":" in token.ent_id_ and not token.ent_id_.startswith("person:")

    def kind_for(self, country: str | None, kind: ActorKind) -> ActorKind:
        """An actor of an IGO (its body, mission or official) has kind "igo"."""
        return "igo" if country is not None and country in self.knowledge.igos else kind

    def head_role(self, span: Span, head: Token) -> Role | None:
        """The role term that covers the mention's head word ("officials", "Chief of Staff")."""
        found = self._role_for(span, head, weak_ok=True)
        return found[0] if found is not None else None

    def _role_for(self, span: Span, head: Token, *, weak_ok: bool = False) -> tuple[Role, str] | None:
        """The head's role, or a more specific role beside a weak head ("rebel leaders")."""
        offset = head.idx - span.start_char
        found = self.knowledge.roles_in(span.text.lower())
        covering = [(s, e, r) for s, e, r in found if s <= offset < e]
        if not covering:
            return None
        start, _, best = max(covering, key=lambda f: f[1] - f[0])
        if weak_ok or best.term not in _WEAK_TERMS:
            return best, f"role '{best.term}' -> {best.sector}"
        starts = {t.idx - span.start_char: t for t in span}
        others = [(s, r) for s, _, r in found if r is not best and r.sector != best.sector
                  and names_a_body(starts.get(s))]
        if not others:
            return best, f"role '{best.term}' -> {best.sector}"
        _, mod = min(others, key=lambda f: (f[0] > start, abs(f[0] - start)))
        return mod, f"role '{mod.term} {best.term}' -> {mod.sector}"

    def _pronoun(self, head: Token, speaker: Actor | None) -> Actor | None:
        lower = head.lower_
        if lower in ("we", "us", "i", "me") and speaker is not None:
            return replace(speaker, text=head.text, start=head.idx, end=head.idx + len(head))
        if lower in ("he", "she", "him", "her"):
            found = self.people.previous(head)
            if found is not None:
                return replace(found, reason=f"'{head.text}' refers back to {found.name}; "
                               + found.reason).at(head.text, head.idx, head.idx + len(head))
        return None

    # -- names used as modifiers ----------------------------------------------------------------

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
        while noun.dep_ == "compound" and noun.head.pos_ == "PROPN" and self._is_person(noun.head):
            noun = noun.head  # "Algerian Foreign Minister Sabri Boukadoum": the person
        noun_ent = self.ents.get(noun.i)
        if self._is_person(noun) or (noun_ent is not None and noun_ent.label_ == "NORP"):
            return self.resolve(noun, speaker=speaker)  # the person; a people ("Bosnian Serbs")
        if noun_ent is not None and hit_of(noun_ent) is not None:
            return None  # a name inside another name's phrase
        span = self.phrase(noun)
        start = ent.start_char
        last = conjuncts(ent.root)[-1].i == ent.root.i
        end = span.end_char if last else ent.end_char
        text = self.text[start:end]
        base = None if ent.label_ == "NORP" and hit_of(ent) is None else self.entity(ent, ent)
        if base is None:  # "Moslem forces", "Tamil refugees": a people, no country
            found = self._from_role(span, noun, speaker, ethnic=ent.text)
            return found.at(text, start, end) if found is not None else None
        why = f"'{ent.text}' -> {base.country}"
        if len(conjuncts(ent.root)) > 1:
            first = conjuncts(ent.root)[0].idx
            why += f" (one of the compound actor '{self.text[first:span.end_char]}')"
        hint = Cue(base.country, why, "org" if base.kind != "state" else "country") \
            if base.country and not is_ethnic(ent) else None
        org = base if base.kind in ("organisation", "group", "igo") else None
        found = self._from_role(span, noun, speaker, hint=hint, org=org,
                                ethnic=ent.text if is_ethnic(ent) else None)
        if found is None:
            if org is not None and noun.lemma_.lower() in _PART_NOUNS:
                found = replace(base, reason=f"{base.reason}; its {noun.text}")
            else:
                found = replace(base, sector=None if base.kind == "state" else base.sector)
        return found.at(text, start, end)

    def _is_person(self, token: Token) -> bool:
        ent = self.ents.get(token.i)
        if ent is not None and (ent.label_ == "PERSON" or ent.ent_id_.startswith("person:")):
            return True
        return token.pos_ == "PROPN" and self.people.key_of(token) is not None

    # -- spans ------------------------------------------------------------------------------------

    def _resolve_span(self, span: Span, head: Token, speaker: Actor | None) -> Resolution | None:
        # 1. a named entity that contains the head decides the kind of actor
        ent = self.ents.get(head.i)
        if ent is not None:
            res = self.entity(ent, span)
            if res is not None:
                return res
        # 2. "his country", "their government": the possessor's
        possessor = self._possessor(head, speaker)
        if head.lower_ in ("country", "nation", "government") and possessor is not None:
            if speaker is not None and possessor.country == speaker.country:
                return Resolution(speaker.name, speaker.country, speaker.sector,
                                  speaker.kind, f"the speaker's own country ({head.text})")
            sector = "GOV" if head.lower_ == "government" else None
            return Resolution(possessor.name, possessor.country, sector, "state",
                              f"'{span.text}' refers back to {possessor.name}")
        # 3. a common-noun head ("officials", "commander", "embassy") with cues around it; a head
        # that names no role ("constitution", "cooperation") is no actor, whatever modifies it
        found = self._from_role(span, head, speaker, possessor=possessor)
        if found is None and head.lemma_.lower() in _PART_NOUNS:
            for child in head.children:
                child_ent = self.ents.get(child.i)
                if child.dep_ in ("compound", "amod", "nmod") and child_ent is not None:
                    org = self.entity(child_ent, child_ent)
                    if org is not None and org.kind != "state":
                        return replace(org, reason=f"{org.reason}; its {head.text}")
        if found is None and head.pos_ == "PROPN" and head.ent_type_ in ("", "ORG"):
            cue = self.country_cue(span, head)  # "Montenegro Municipality Association"
            if cue is not None and cue.kind in COUNTRYISH:
                return Resolution(span.text, cue.code, None, self.kind_for(cue.code, "organisation"),
                                  f"named body '{span.text}' (not in our data); {cue.why}")
        return found

    def _from_role(
        self, span: Span, head: Token, speaker: Actor | None, *, hint: Cue | None = None,
        org: Resolution | None = None, possessor: Resolution | None = None,
        ethnic: str | None = None,
    ) -> Resolution | None:
        found = self._role_for(span, head)
        if found is None:
            return None
        role, why = found
        sector = role.sector
        reasons = [why]
        before = [t for t in span if t.i < head.i]
        if is_former(before) and role.kind == "title":
            sector = "ELI"
            reasons.append("former office holder -> ELI")
        if org is not None and org.sector and (
            role.term in _WEAK_TERMS or {org.sector, sector} <= _ARMED
        ):
            sector = org.sector
            reasons.append(f"{org.name} -> {org.sector}")
        if ethnic:
            reasons.append(f"'{ethnic}' names a people, not a nationality")
        cue = hint or self.country_cue(span, head)
        if cue is None and possessor is None:
            possessor = self._possessor(head, speaker)
        if cue is None and possessor is not None and possessor.country:
            cue = Cue(possessor.country, f"possessor refers to {possessor.name}", "person")
        if cue is None and not role.term.startswith(_DIPLOMATIC):
            cue = self._place_cue(head, span, titled=role.kind == "title", armed=sector in ("MIL", "COP"))
        if cue is not None:
            reasons.append(cue.why)
        country = cue.code if cue is not None else None
        if role.kind == "title" and country and sector != "ELI" and singular_definite(span, head):
            holder = self._office_holder(country, role)
            if holder is not None:
                return replace(holder, reason="; ".join([*reasons, holder.reason]))
        kind: ActorKind = "group" if role.kind == "group" or sector in ("REB", "UAF", "OPP", "CVL", "REF") \
            else "organisation"
        if head.lower_ in ("government", "presidency"):
            kind = "state"
        name = f"{org.name if org else self._country_name(country)} {role.term}" if country else role.term
        return Resolution(name, country, sector, self.kind_for(country, kind), "; ".join(reasons))

    def _office_holder(self, country: str, role: Role) -> Resolution | None:
        """"the Algerian president": who held the office on the article's date."""
        if self.published is None:
            return None
        holder = self.knowledge.holder(country, role.term, self.published)
        if holder is None:
            return None
        return Resolution(holder.name, holder.country, holder.sector,
                          self.kind_for(holder.country, "person"),
                          f"office holder on {self.published.isoformat()}: {holder.name}, "
                          f"{holder.role} ({self.knowledge.source_of(holder.name)})")

    def _place_cue(self, head: Token, span: Span, *, titled: bool, armed: bool = False) -> Cue | None:
        """A mention without a nationality takes the country it is placed in ("rebels in Mali"),
        then (for groups) the place of its clause, then (for soldiers and police) the country
        the story is set in, then the article's focus country."""
        for tok in place_tokens(head):  # nearest the place's head word first
            ent = self.ents.get(tok.i)
            hit = hit_of(ent) if ent is not None else None
            if ent is not None and hit is not None and hit[0] in COUNTRYISH and not is_ethnic(ent):
                return Cue(hit[1], f"placed in '{ent.text}' -> {hit[1]}", "place")
        if not titled:
            for code, ent in sentence_places(head, self.ents):
                if not span.start <= ent.start < span.end:
                    return Cue(code, f"no nationality; the clause is set in '{ent.text}' -> {code}",
                               "place")
        if armed and self.setting and self.setting != self.focus:
            return Cue(self.setting, f"no nationality; the story is set in {self.setting}", "focus")
        if self.focus:
            return Cue(self.focus, f"no nationality; the article is about {self.focus}", "focus")
        return None

    def entity(self, ent: Span, span: Span) -> Resolution | None:
        """What a named entity stands for as an actor."""
        hit = hit_of(ent)
        if ent.label_ == "PERSON" or (hit is not None and hit[0] == "person"):
            return self.people.person(ent.text)
        if hit is None:
            return self._unknown_entity(ent, span)
        kind, code = hit
        role = self.knowledge.role(span.text.lower())
        if kind == "country":
            sector = role.sector if role is not None and ent.root.i != span.root.i else None
            return Resolution(self._country_name(code), code, sector, "state", f"country name '{ent.text}'")
        if kind == "capital":
            country = self._capital_country(ent.text) or code
            prep = locative_place(ent.root)
            if prep is not None:
                sector = None if prep.head.lemma_.lower() in _MOVEMENT else "CVL"
                return Resolution(self._country_name(country), country, sector, "group" if sector else "state",
                                  f"capital '{ent.text}' as a place ('{prep.text} {ent.text}')")
            return Resolution(self._country_name(country), country, "GOV", "state",
                              f"capital '{ent.text}' used as an agent -> government")
        if kind == "adjective":
            country_entry = self.knowledge.countries.get(code)
            forms = country_entry.adjectives if country_entry is not None else ()
            if is_people_noun(ent, forms):
                return self._people_group(ent, code)
            sector = role.sector if role is not None else None
            return Resolution(self._country_name(code), code, sector, "group" if sector else "state",
                              f"nationality '{ent.text}'")
        if kind == "igo":
            hits = self.knowledge.lookup(ent.text)
            sector = next((h.sector for h in hits if h.kind == "igo"), None)
            return Resolution(ent.text, code, sector, "igo", f"international organisation '{ent.text}'")
        if kind == "organisation":
            for h in self.knowledge.lookup(ent.text):
                if h.kind == "organisation":
                    return self._from_hit(h, ent.text)
        return None

    def _people_group(self, ent: Span, code: str) -> Resolution:
        """"Palestinians", "ethnic Albanians in Serbia", "Bosnian Serbs": a people as an actor,
        CVL, of the country they live in; beside a state ("Israel and the Palestinians") the
        state itself."""
        root = ent.root
        for other in conjuncts(root):
            other_ent = self.ents.get(other.i)
            other_hit = hit_of(other_ent) if other_ent is not None else None
            if other.i != root.i and other_hit is not None and other_hit[0] in ("country", "adjective"):
                return Resolution(self._country_name(code), code, None, "state",
                                  f"people '{ent.text}' named beside '{other.text}' -> the state")
        why = f"people '{ent.text}' -> {code} CVL"
        for child in root.children:
            child_ent = self.ents.get(child.i)
            child_hit = hit_of(child_ent) if child_ent is not None else None
            if child.dep_ in ("amod", "compound") and child_hit and child_hit[0] in COUNTRYISH:
                return Resolution(self._country_name(child_hit[1]), child_hit[1], "CVL", "group",
                                  f"{why}; living in {child_hit[1]} ('{child.text}')")
        if is_ethnic(ent) or any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children):
            cue = self._place_cue(root, self.phrase(root), titled=False)
            if cue is not None and (cue.code != code) and (is_ethnic(ent) or cue.kind == "place"):
                return Resolution(self._country_name(cue.code), cue.code, "CVL", "group",
                                  f"{why}; {cue.why}")
        return Resolution(self._country_name(code), code, "CVL", "group", why)

    def _unknown_entity(self, ent: Span, span: Span) -> Resolution | None:
        """An entity our gazetteer did not tag (statistical NER): try the knowledge base by name,
        then its context: a people ("Iraqi Kurds"), a place ("Cizre, in Turkey") or a body
        named with a country ("Montenegro Municipality Association")."""
        for h in self.knowledge.lookup(ent.text):
            if h.kind in ("country", "igo", "organisation"):
                return self._from_hit(h, ent.text)
        root = ent.root
        if ent.label_ == "NORP" and root.pos_ in ("NOUN", "PROPN") and root.dep_ not in ("amod", "compound"):
            code = self.knowledge.country_of_adjective(ent.text) or (
                self.knowledge.country_of_adjective(ent.text[:-1]) if ent.text.endswith("s") else None)
            if code is not None:  # a demonym our list lacks in this form ("Iraqis")
                return self._people_group(ent, code)
            for child in root.children:
                child_ent = self.ents.get(child.i)
                child_hit = hit_of(child_ent) if child_ent is not None else None
                if child_hit is not None and child_hit[0] in COUNTRYISH:
                    return Resolution(self._country_name(child_hit[1]), child_hit[1], "CVL", "group",
                                      f"people '{ent.text}' of {child_hit[1]} ('{child.text}')")
            cue = self._place_cue(root, span, titled=False)
            if cue is not None:
                return Resolution(self._country_name(cue.code), cue.code, "CVL", "group",
                                  f"people '{ent.text}'; {cue.why}")
        noun = place_noun(root)
        prep = locative_place(noun)
        if prep is not None and (ent.label_ in ("GPE", "FAC") or noun.i != root.i):
            cue = self._place_cue(noun, span, titled=False)
            if cue is not None:
                sector = None if prep.head.lemma_.lower() in _MOVEMENT else "CVL"
                return Resolution(f"{ent.text} ({cue.code})", cue.code, sector,
                                  "group" if sector else "state",
                                  f"place '{ent.text}' (not in our data); {cue.why}")
        if ent.label_ == "ORG":
            cue = self.country_cue(span, ent.root, skip=ent)
            if cue is not None:
                role = self.knowledge.role(ent.text.lower())
                sector = role.sector if role is not None else None
                return Resolution(ent.text, cue.code, sector, self.kind_for(cue.code, "organisation"),
                                  f"organisation '{ent.text}' (not in our data); {cue.why}")
        return None

    def _from_hit(self, hit: NameHit, text: str) -> Resolution:
        if hit.kind == "igo":
            return Resolution(text, hit.code, hit.sector, "igo", f"international organisation '{text}'")
        if hit.kind == "organisation":
            country = getattr(hit.entry, "country", None)
            kind: ActorKind = "group" if getattr(hit.entry, "kind", "") == "group" else "organisation"
            name = getattr(hit.entry, "name", text)
            where = f" -> {country}" if country else " (transnational)"
            if self.knowledge.source_of(name) != "dyadwatch actor list":
                where += f" ({self.knowledge.source_of(name)})"
            return Resolution(name, country, hit.sector, self.kind_for(country, kind),
                              f"organisation '{text}'{where}")
        return Resolution(self._country_name(hit.code), hit.code, None, "state", f"name '{text}'")

    # -- people and collectives ---------------------------------------------------------------------

    def person(self, text: str) -> Resolution:
        """What the article (and our office-holder list) says about the person named ``text``."""
        return self.people.person(text)

    def _possessor(self, head: Token, speaker: Actor | None) -> Resolution | None:
        for child in head.children:
            if child.dep_ != "poss":
                continue
            if child.lower_ in ("our", "my") and speaker is not None:
                return Resolution(speaker.name, speaker.country, speaker.sector, speaker.kind, "speaker")
            if child.lower_ in ("his", "her"):
                return self.people.previous(child)
            key = self.people.key_of(child) if child.pos_ == "PROPN" else None
            if key is not None:
                return self.people.known[key]
        for child in head.children:  # "the forces of eastern commander Khalifa Haftar"
            if child.dep_ == "prep" and child.lower_ == "of":
                person = next((t for t in child.subtree if t.pos_ == "PROPN" and self._is_person(t)), None)
                if person is not None:
                    ent = self.ents.get(person.i)
                    found = self.people.person(ent.text if ent is not None else person.text)
                    return found if found.country else None
        return None

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
            Resolution(self._country_name(code), code, sector, "state" if sector in (None, "GOV") else "organisation",
                       f"'{span.text}' refers back to {named}").at(span.text, span.start_char, span.end_char)
            for code, _ in antecedents
        ]

    # -- countries ------------------------------------------------------------------------------

    def country_cue(self, span: Span, head: Token, *, skip: Span | None = None) -> Cue | None:
        """The nationality or affiliation inside a mention, nearest to its head first."""
        cues: list[tuple[int, Cue]] = []
        tokens = list(span)
        for t in span:  # "NATO-led", "Saudi-backed": the name before the hyphen, however parsed
            if t.lower_ in ("led", "backed", "sponsored") and t.i >= 2 and self.doc[t.i - 1].text == "-":
                tokens.append(self.doc[t.i - 2])
        for i in {e.start for t in tokens if (e := self.ents.get(t.i)) is not None}:
            ent = self.ents[i]
            if skip is not None and ent.start == skip.start:
                continue
            hit = hit_of(ent)
            if hit is None or is_ethnic(ent):
                continue
            kind, code = hit
            distance = head.i - ent.start if ent.start < head.i else 1000 + ent.start - head.i
            if kind in COUNTRYISH:
                cues.append((distance, Cue(code, f"nationality '{ent.text}' -> {code}", kind)))
            elif kind in ("organisation", "igo"):
                res = self.entity(ent, ent)
                if res is not None and res.country:
                    cues.append((distance, Cue(res.country, f"affiliation '{ent.text}' -> {res.country}", kind)))
        return min(cues, key=lambda c: c[0])[1] if cues else None

    def _capital_country(self, text: str) -> str | None:
        for h in self.knowledge.lookup(text):
            if h.kind == "capital":
                return h.code
        return None

    def _country_name(self, code: str | None) -> str:
        if code is None:
            return ""
        country = self.knowledge.countries.get(code)
        if country is not None:
            return country.name
        igo = self.knowledge.igos.get(code)
        return igo.name if igo is not None else code
