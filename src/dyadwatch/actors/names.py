"""Named entities as actors: countries, capitals, nationalities, peoples, organisations and IGOs,
and the nationality or affiliation inside a mention."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date as Date
from typing import TYPE_CHECKING

from dyadwatch.actors.cues import (
    AS_A_PLACE,
    COUNTRY_NAME,
    COUNTRYISH,
    NAME_ADJECTIVES,
    Cue,
    conjuncts,
    hit_of,
    is_allegiance,
    is_ethnic,
    is_outside_tie,
    is_people_noun,
    locative_place,
    place_noun,
)
from dyadwatch.actors.parties import sided
from dyadwatch.actors.regions import region_country
from dyadwatch.actors.scope import ActorScope, Resolution
from dyadwatch.knowledge.base import Organisation
from dyadwatch.knowledge.words import (
    COMPANY_NAME_ENDINGS,
    MOVEMENT_VERBS,
    NATIONAL_SOCIETY_NAMES,
    NEWSPAPER_NAME_ENDINGS,
)
from dyadwatch.nlp.tree import children as children_of
from dyadwatch.records import ActorKind

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from dyadwatch.knowledge.base import Knowledge, NameHit

# Labels the parser gives a region's name; a person's or a date's is never one.
_REGION_LABELS = frozenset({"GPE", "LOC", "ORG", "NORP"})
# A row of organisations.tsv whose sector changed on a date says so in its note: "since
# 2021-08-15; REB before then" (the Taliban: rebels, then the de facto government).
_SECTOR_BEFORE = re.compile(r"\bsince (\d{4}-\d{2}-\d{2}); ([A-Z]{3}) before then\b")


# Parts of a place: a capital after "the streets of" is a place, not its government.
_PLACE_PARTS = frozenset({"street", "outskirts", "outskirt", "centre", "center", "suburb", "heart", "edge",
                          "neighbourhood", "neighborhood", "district", "downtown", "part", "road"})


# The last word of a body's name that says what it is, whatever its other words name.
_NAME_ENDINGS = {"party": "PTY"} | dict.fromkeys(NEWSPAPER_NAME_ENDINGS, "JRN") | dict.fromkeys(COMPANY_NAME_ENDINGS, "BUS")


# Entity labels under which NER puts a bare surname it does not know as a person's; the
# labels that never name an actor are among them.
_MISLABELLED_PERSON = frozenset({"ORG", "GPE", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"})


def _role_for_people(scope: ActorScope, ent: Span) -> bool:
    """Whether the tagger took a capitalised role for a people ("Jihadists killed ...",
    "Insurgents attacked ..."): a NORP entity that is, whole, one term of the role list. It is
    that role (REB), read by the role resolver, not a people of civilians."""
    if ent.label_ != "NORP":
        return False
    lowered = ent.text.lower()
    found = scope.knowledge.roles_in(lowered)
    return len(found) == 1 and found[0][0] == 0 and found[0][1] == len(lowered)


class NameResolver:
    """What a named entity stands for as an actor, in one article."""

    def __init__(self, scope: ActorScope) -> None:
        self.scope = scope

    def entity(self, ent: Span, span: Span) -> Resolution | None:
        """What a named entity stands for as an actor."""
        hit = hit_of(ent)
        if ent.label_ == "PERSON" or (hit is not None and hit[0] == "person"):
            return self.scope.people.person(ent.text)
        if hit is None:
            return None if _role_for_people(self.scope, ent) else self._unknown_entity(ent, span)
        kind, code = hit
        role = self.scope.knowledge.role(span.text.lower())
        if kind == "country":
            sector = role.sector if role is not None and ent.root.i != span.root.i else None
            return Resolution(self.scope.country_name(code), code, sector, "state", f"{COUNTRY_NAME}{ent.text}'")
        if kind == "capital":
            country = self.scope.capital_country(ent.text) or code
            prep = locative_place(ent.root) or self._part_of(ent.root)
            if prep is not None:
                sector = None if prep.head.lemma_.lower() in MOVEMENT_VERBS else "CVL"
                return Resolution(self.scope.country_name(country), country, sector, "group" if sector else "state",
                                  f"capital '{ent.text}' {AS_A_PLACE} ('{prep.text} {ent.text}')")
            return Resolution(self.scope.country_name(country), country, "GOV", "state",
                              f"capital '{ent.text}' used as an agent -> government")
        if kind == "adjective":
            country_entry = self.scope.knowledge.countries.get(code)
            forms = country_entry.adjectives if country_entry is not None else ()
            if is_people_noun(ent, forms):
                return self._people_group(ent, code)
            sector = role.sector if role is not None else None
            return Resolution(self.scope.country_name(code), code, sector, "group" if sector else "state",
                              f"nationality '{ent.text}'")
        if kind == "igo":
            hits = self.scope.knowledge.lookup(ent.text)
            sector = next((h.sector for h in hits if h.kind == "igo"), None)
            return Resolution(ent.text, code, sector, "igo", f"international organisation '{ent.text}'")
        if kind == "organisation":
            for h in self.scope.knowledge.lookup(ent.text):
                if h.kind == "organisation":
                    return self._of_named_country(self._from_hit(h, ent.text), ent, span)
        return None

    def _of_named_country(self, res: Resolution, ent: Span, span: Span) -> Resolution:
        """A body named by a generic name after another country's name or nationality is that
        country's body: "the Brazilian Congress" is BRALEG; "Jordan's Muslim Brotherhood" Jordan's."""
        cue = self.country_cue(span, ent.root, skip=ent)
        if (cue is None or cue.kind not in COUNTRYISH or res.country in (None, cue.code)
                or not any(t.i < ent.start for t in span if self.scope.ents.get(t.i) is not None)):  # fmt: skip
            return res
        sector, why = _body_of_name(self.scope.knowledge, span, ent, res.sector)
        return replace(res, name=f"{self.scope.country_name(cue.code)} {ent.text}", country=cue.code, sector=sector,
                       reason=f"{res.reason}; but {cue.why}: that country's body of the name{why}")

    @staticmethod
    def _part_of(token: Token) -> Token | None:
        """'the streets of Beirut', 'the outskirts of Kabul': a capital after a part of a place
        is where something happens, not its government acting; the place preposition above the
        part (or the 'of') is returned for the caller to read."""
        if token.dep_ != "pobj" or token.head.lower_ != "of":
            return None
        part = token.head.head
        if part.lemma_.lower() not in _PLACE_PARTS:
            return None
        return locative_place(part) or token.head

    def _people_group(self, ent: Span, code: str) -> Resolution:
        """"Palestinians", "ethnic Albanians in Serbia", "Bosnian Serbs": a people as an actor,
        CVL, of the country they live in; beside a state ("Israel and the Palestinians") the
        state itself."""
        root = ent.root
        for other in conjuncts(root):
            other_ent = self.scope.ents.get(other.i)
            other_hit = hit_of(other_ent) if other_ent is not None else None
            if other.i != root.i and other_hit is not None and other_hit[0] in ("country", "adjective"):
                return Resolution(self.scope.country_name(code), code, None, "state",
                                  f"people '{ent.text}' named beside '{other.text}' -> the state")
        why = f"people '{ent.text}' -> {code} CVL"
        for child in children_of(root):
            child_ent = self.scope.ents.get(child.i)
            child_hit = hit_of(child_ent) if child_ent is not None else None
            if child.dep_ in ("amod", "compound") and child_hit and child_hit[0] in COUNTRYISH:
                return Resolution(self.scope.country_name(child_hit[1]), child_hit[1], "CVL", "group",
                                  f"{why}; living in {child_hit[1]} ('{child.text}')")
        if is_ethnic(ent) or any(c.dep_ == "prep" and c.lower_ == "of" for c in children_of(root)):
            cue = self.scope.roles.place_cue(root, self.scope.phrase(root), titled=False)
            if cue is not None and (cue.code != code) and (is_ethnic(ent) or cue.kind == "place"):
                return Resolution(self.scope.country_name(cue.code), cue.code, "CVL", "group",
                                  f"{why}; {cue.why}")
        return Resolution(self.scope.country_name(code), code, "CVL", "group", why)

    def _unknown_entity(self, ent: Span, span: Span) -> Resolution | None:
        """An entity our gazetteer did not tag (statistical NER): try the knowledge base by name,
        then its context: a people ("Iraqi Kurds"), a place ("Cizre, in Turkey") or a body
        named with a country ("Montenegro Municipality Association")."""
        hits = self.scope.knowledge.lookup(ent.text)
        for h in hits:
            if h.kind in ("country", "igo", "organisation"):
                return self._from_hit(h, ent.text)
        if ent.label_ in _MISLABELLED_PERSON and any(h.kind == "person" for h in hits):
            # NER takes a bare surname for a body ("Sisi met ..."), a product or a book
            # ("Tebboune met ..."): a name in our office-holder list is that person
            return self.scope.people.person(ent.text)
        root = ent.root
        if ent.label_ == "NORP" and root.pos_ in ("NOUN", "PROPN") and root.dep_ not in ("amod", "compound"):
            code = self.scope.knowledge.country_of_adjective(ent.text) or (
                self.scope.knowledge.country_of_adjective(ent.text[:-1]) if ent.text.endswith("s") else None)
            if code is not None:  # a demonym our list lacks in this form ("Iraqis")
                return self._people_group(ent, code)
            for child in children_of(root):
                child_ent = self.scope.ents.get(child.i)
                child_hit = hit_of(child_ent) if child_ent is not None else None
                if child_hit is not None and child_hit[0] in COUNTRYISH:
                    return Resolution(self.scope.country_name(child_hit[1]), child_hit[1], "CVL", "group",
                                      f"people '{ent.text}' of {child_hit[1]} ('{child.text}')")
            cue = self.scope.roles.place_cue(root, span, titled=False)
            if cue is not None:
                return Resolution(self.scope.country_name(cue.code), cue.code, "CVL", "group",
                                  f"people '{ent.text}'; {cue.why}")
        noun = place_noun(root)
        prep = locative_place(noun)
        if prep is not None and (ent.label_ in ("GPE", "FAC") or noun.i != root.i):
            cue = self.scope.roles.place_cue(noun, span, titled=False)
            if cue is not None:
                sector = None if prep.head.lemma_.lower() in MOVEMENT_VERBS else "CVL"
                return Resolution(f"{ent.text} ({cue.code})", cue.code, sector,
                                  "group" if sector else "state",
                                  f"place '{ent.text}' (not in our data); {cue.why}")
        if ent.label_ == "ORG":
            cue = self.country_cue(span, ent.root, skip=ent)
            # what the text says the body is outranks role words inside its name ("paramilitary
            # Local Defence Units"), but not a name that ends in "Party"
            sector = self.name_sector(ent.text)
            described = self.described_as(ent, span) if sector != "PTY" else None
            sector = described or sector
            if cue is None and sector in ("PTY", "JRN") and self.scope.focus:  # parties and press are domestic
                cue = Cue(self.scope.focus, f"{sector}, in an article about {self.scope.focus}", "focus")
            if cue is not None:
                said = f"; described as {described}" if described else ""
                return Resolution(ent.text, cue.code, sector, self.scope.kind_for(cue.code, "organisation"),
                                  f"organisation '{ent.text}' (not in our data){said}; {cue.why}")
        return None

    def name_sector(self, name: str) -> str | None:
        """The sector a body's own name gives: its last word if that says what it is ("Workers'
        Party" PTY, "The Washington Post" JRN: _NAME_ENDINGS); else the longest role in it."""
        words = re.sub(r"(?:'s|')$", "", name.lower().strip(" .")).split()
        if len(words) > 1 and words[-1] in _NAME_ENDINGS and not (words[-1] in COMPANY_NAME_ENDINGS and "of" in words):
            return _NAME_ENDINGS[words[-1]]  # (the "Ministry of Energy" is no company)
        found = [(s, e, r) for s, e, r in self.scope.knowledge.roles_in(name.lower())
                 if r.term not in NAME_ADJECTIVES]
        if not found:
            return None
        return max(found, key=lambda f: (f[1] - f[0], -f[0]))[2].sector

    def described_as(self, ent: Span, span: Span) -> str | None:
        """The sector of what a name our lists lack is said to be, in the words just before it
        ("mining company Southern Copper" BUS, "the paramilitary Rangers" PRM, "the opposition
        newspaper Zaman" JRN): the role term that ends where the name begins, the longest."""
        words = [t for t in span if t.i < ent.start]
        if not words or words[-1].i != ent.start - 1 or words[-1].ent_type_:
            return None
        before = self.scope.doc[words[0].i:ent.start]
        end = len(before.text)
        ending = [(s, r) for s, e, r in self.scope.knowledge.roles_in(before.text.lower()) if e == end]
        return min(ending, key=lambda f: f[0])[1].sector if ending else None

    def _from_hit(self, hit: NameHit, text: str) -> Resolution:
        if hit.kind == "igo":
            return Resolution(text, hit.code, hit.sector, "igo", f"international organisation '{text}'")
        if hit.kind == "organisation":
            country = getattr(hit.entry, "country", None)
            kind: ActorKind = "group" if getattr(hit.entry, "kind", "") == "group" else "organisation"
            name = getattr(hit.entry, "name", text)
            where = f" -> {country}" if country else " (transnational)"
            if isinstance(hit.entry, Organisation) and hit.entry.governing:
                # a party: in government (GOV) or not (its own sector) on the date (parties.py)
                sector = hit.entry.sector_on(self.scope.published)
                return Resolution(name, country, sector, self.scope.kind_for(country, kind),
                                  f"organisation '{text}'{where} ({'in' if sector == 'GOV' else 'out of'} government)")
            earlier = _sector_before(getattr(hit.entry, "note", ""), self.scope.published)
            if earlier is not None:
                where += f" ({earlier[1]} before {earlier[0]})"
                return Resolution(name, country, earlier[1], self.scope.kind_for(country, kind),
                                  f"organisation '{text}'{where}")
            if self.scope.knowledge.source_of(name) != "dyadwatch actor list":
                where += f" ({self.scope.knowledge.source_of(name)})"
            return Resolution(name, country, hit.sector, self.scope.kind_for(country, kind),
                              f"organisation '{text}'{where}")
        return Resolution(self.scope.country_name(hit.code), hit.code, None, "state", f"name '{text}'")

    def lowercase_name(self, span: Span, head: Token) -> Resolution | None:
        """A body our lists name, written with its last words in lower case: "the Kurdistan
        regional government" is the Kurdistan Regional Government. The words run from a name
        the parser found before the head to the head; only an organisation or IGO counts."""
        first = next((e for t in span if t.i < head.i and (e := self.scope.ents.get(t.i)) is not None), None)
        if first is None or first.end > head.i:
            return None
        text = self.scope.doc[first.start:head.i + 1].text
        hit = next((h for h in self.scope.knowledge.lookup(text) if h.kind in ("organisation", "igo")), None)
        return self._from_hit(hit, text) if hit is not None else None

    def affiliation(self, span: Span, head: Token) -> Resolution | None:
        """The organisation a role in ``span`` belongs to ("Boko Haram fighters", "Hamas gunmen"; not
        "Hezbollah-backed gunmen", backed from outside): the named one nearest before its head."""
        found: Resolution | None = None
        for t in span:
            ent = self.scope.ents.get(t.i)
            if t.i >= head.i or ent is None or ent.start != t.i or ent.end > head.i or is_outside_tie(ent):
                continue
            hit = hit_of(ent)
            if hit is not None and hit[0] == "organisation":
                found = sided(self.scope, named, ent, span) if (named := self.entity(ent, ent)) else found
        return found

    def country_cue(
        self, span: Span, head: Token, *, skip: Span | None = None, states_first: bool = False,
    ) -> Cue | None:
        """The nationality or affiliation inside a mention, nearest to its head first; with
        ``states_first`` (a diplomat's title) a state named before the head wins over an
        organisation: "Iran's U.N. envoy" is Iran's envoy to the U.N., not the U.N.'s own."""
        cues: list[tuple[int, Cue]] = []
        tokens = list(span)
        for t in span:  # "NATO-led": the leader's name before the hyphen, however parsed
            if t.lower_ == "led" and t.i >= 2 and self.scope.doc[t.i - 1].text == "-":
                tokens.append(self.scope.doc[t.i - 2])
        for i in {e.start for t in tokens if (e := self.scope.ents.get(t.i)) is not None}:
            ent = self.scope.ents[i]
            if skip is not None and ent.start == skip.start:
                continue
            hit = hit_of(ent)
            distance = head.i - ent.start if ent.start < head.i else 1000 + ent.start - head.i
            if hit is None and ent.label_ in _REGION_LABELS and (area := region_country(ent.text)):
                # "the Tigray regional government", "Catalonia's police": the region's country
                cues.append((distance, Cue(area, f"region '{ent.text}' lies in {area}", "region")))
            if hit is None or is_ethnic(ent) or is_allegiance(ent) or is_outside_tie(ent):
                continue
            kind, code = hit
            if kind in COUNTRYISH:
                cues.append((distance, Cue(code, f"nationality '{ent.text}' -> {code}", kind)))
            elif kind in ("organisation", "igo"):
                res = self.entity(ent, ent)
                if res is not None and res.country:
                    cues.append((distance, Cue(res.country, f"affiliation '{ent.text}' -> {res.country}", kind)))
        states = [c for c in cues if c[1].kind in COUNTRYISH and c[0] < 1000]
        if states_first and states:
            cues = states
        return min(cues, key=lambda c: c[0])[1] if cues else None


def national_society(scope: ActorScope, span: Span, head: Token) -> Resolution | None:
    """"The Kenya Red Cross Society", "the Turkish Red Crescent": a state's name or
    nationality right before a name of the Red Cross movement names that state's national
    society, a domestic charity (SOC); the movement's bodies (ICRC, IFRC) are others."""
    doc = scope.doc
    for tok in span:
        ent = scope.ents.get(tok.i)
        if ent is None or ent.start != tok.i or ent.start == 0:
            continue
        name = ent.text.lower()
        if ent.end < len(doc) and doc[ent.end].lower_ == "society":
            name, end = f"{name} society", ent.end + 1  # "Red Cross" then a "Society" outside it
        else:
            end = ent.end
        state = scope.ents.get(ent.start - 1)
        hit = hit_of(state) if state is not None else None
        # a capital before it ("the Geneva-based Red Cross") places the movement, names no state
        if name not in NATIONAL_SOCIETY_NAMES or state is None or hit is None \
                or hit[0] not in ("country", "adjective") or not ent.start <= head.i < end:
            continue
        return Resolution(f"{scope.country_name(hit[1])} {ent.text}", hit[1], "SOC", "organisation",
                          f"'{state.text} {doc[ent.start:end].text}': {hit[1]}'s national society -> SOC")
    return None


def _sector_before(note: str, published: Date | None) -> tuple[str, str] | None:
    """(date, sector) when ``note`` dates a change of sector after ``published``."""
    found = _SECTOR_BEFORE.search(note)
    if found is None or published is None or published.isoformat() >= found.group(1):
        return None
    return found.group(1), found.group(2)


def _body_of_name(knowledge: Knowledge, span: Span, ent: Span, sector: str | None) -> tuple[str | None, str]:
    """The sector a longer role in a body's whole name gives ("the Nigeria LABOUR CONGRESS":
    unions, not the legislature 'Congress' alone names), with a note for the reason; else
    ``sector`` unchanged."""
    words = [t for t in span if t.i <= ent.root.i]
    named = knowledge.role(" ".join(t.lower_ for t in words[-3:])) if len(words) > 1 else None
    if named is None or named.kind != "body" or len(named.term.split()) < 2 or named.sector == sector:
        return sector, ""
    return named.sector, f" ('{named.term}' {named.sector})"
