"""Actors: resolve a mention in a parsed article to country, sector and CAMEO actor code.

Resolution uses, in order: the mention's own words (a country, demonym, capital, organisation or
IGO name, a title or body such as "Foreign Minister" or "army"), what the article says elsewhere
about the same person (titles, appositions, "officials, including ..."), our dated list of office
holders at the article's date, and the article's focus country (its dateline). Every Actor says
which of these decided it in ``reason``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date as Date
from typing import TYPE_CHECKING

from dyadwatch.records import Actor, ActorKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from dyadwatch.knowledge import Knowledge, NameHit, Role

# Children that belong to another phrase, not to the mention headed by a token.
_DETACHED = {"relcl", "acl", "conj", "cc", "appos", "advcl", "punct", "prep", "ccomp", "xcomp"}
_PERSONAL = {"he", "she", "him", "her", "i", "me", "we", "us"}
_POSSESSIVE = {"his", "her", "its", "their", "our", "my"}
_TITLE_WORDS = {"general", "president", "minister", "gen.", "gen", "dr", "dr.", "mr", "mr.",
                "mrs", "ms", "colonel", "col.", "admiral", "prime", "foreign", "defence",
                "defense", "king", "queen", "prince", "sheikh", "commander", "chief", "lt.",
                "lieutenant", "major", "marshal", "ambassador", "senator", "secretary"}


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


def _hit_of(ent: Span) -> tuple[str, str] | None:
    """(kind, code) of an entity our gazetteer tagged, from its ent_id ``kind:code``."""
    ent_id = ent.ent_id_
    if ":" not in ent_id:
        return None
    kind, _, code = ent_id.partition(":")
    return kind, code


def _clean_name(text: str) -> str:
    words = [w for w in re.split(r"\s+", text.strip()) if w]
    while len(words) > 1 and words[0].lower().strip(",") in _TITLE_WORDS:
        words.pop(0)
    name = " ".join(words)
    return re.sub(r"[’']s$", "", name)


class ArticleActors:
    """Actor resolution for one parsed article; holds what the article says about its people."""

    def __init__(
        self, doc: Doc, knowledge: Knowledge, published: Date | None, focus: str | None = None
    ) -> None:
        self.doc = doc
        self.knowledge = knowledge
        self.published = published
        self.focus = focus or self._focus_country()
        self._people: dict[str, Resolution] = {}
        self._surnames: dict[str, str] = {}
        self._learn_people()

    # -- mentions -----------------------------------------------------------------------------

    def phrase(self, head: Token) -> Span:
        """The mention headed by ``head``: its subtree without clauses, conjuncts and appositions."""
        keep = self._phrase_tokens(head)
        start, end = min(keep), max(keep) + 1
        span = self.doc[start:end]
        while len(span) > 1 and (span[0].is_punct or span[0].dep_ == "det"):
            span = span[1:]
        while len(span) > 1 and span[-1].is_punct:
            span = span[:-1]
        return span

    def _phrase_tokens(self, head: Token) -> list[int]:
        keep = [head.i]
        for child in head.children:
            if child.dep_ in _DETACHED and not (child.dep_ == "prep" and child.lower_ == "of"):
                continue
            if child.dep_ == "prep" and child.i < head.i:
                continue
            if child.is_space:
                continue
            keep.extend(self._phrase_tokens(child))
        return keep

    def resolve(self, head: Token, *, speaker: Actor | None = None) -> Actor | None:
        """The actor a mention headed by ``head`` refers to, or None when nothing says."""
        span = self.phrase(head)
        lower = head.lower_
        if head.pos_ == "PRON" or lower in _PERSONAL:
            if lower in ("we", "us", "i", "me") and speaker is not None:
                return replace(speaker, text=head.text, start=head.idx, end=head.idx + len(head))
            if lower in ("he", "she", "him", "her"):
                found = self._previous_person(head)
                if found is not None:
                    return found.at(head.text, head.idx, head.idx + len(head))
            return None
        if head.pos_ == "PROPN" and head.ent_type_ not in ("GPE", "NORP"):
            key = self._surnames.get(head.text) or (head.text if head.text in self._people else None)
            if key is not None and not self._in_gazetteer_entity(head):
                return self._people[key].at(span.text, span.start_char, span.end_char)
        found_res = self._resolve_span(span, head, speaker)
        if found_res is None:
            return None
        return found_res.at(span.text, span.start_char, span.end_char)

    def _in_gazetteer_entity(self, token: Token) -> bool:
        return token.ent_iob_ != "O" and ":" in token.ent_id_ and not token.ent_id_.startswith("person:")

    def head_role(self, span: Span, head: Token) -> Role | None:
        """The role term that covers the mention's head word ("officials", "Chief of Staff")."""
        offset = head.idx - span.start_char
        best: Role | None = None
        best_len = -1
        for start, end, role in self.knowledge.roles_in(span.text.lower()):
            if start <= offset < end and end - start > best_len:
                best, best_len = role, end - start
        return best

    def _resolve_span(self, span: Span, head: Token, speaker: Actor | None) -> Resolution | None:
        # 1. a named entity that contains the head decides the kind of actor
        for ent in span.ents:
            if ent.start <= head.i < ent.end:
                res = self._entity(ent, span)
                if res is not None:
                    return res
        # 2. a common-noun head ("officials", "commander", "embassy") with cues around it; a head
        # that names no role ("constitution", "cooperation") is no actor, whatever modifies it
        role = self.head_role(span, head)
        country, why = self._country_cue(span, head)
        possessor = self._possessor(head, speaker)
        if head.lower_ in ("country", "nation", "government") and possessor is not None:
            if speaker is not None and possessor.country == speaker.country:
                return Resolution(speaker.name, speaker.country, speaker.sector,
                                  speaker.kind, f"the speaker's own country ({head.text})")
            sector = "GOV" if head.lower_ == "government" else None
            return Resolution(possessor.name, possessor.country, sector, "state",
                              f"'{span.text}' refers back to {possessor.name}")
        if role is None:
            return None
        if country is None and possessor is not None and possessor.country:
            country, why = possessor.country, f"possessor refers to {possessor.name}"
        kind: ActorKind = "group" if role.sector in ("REB", "UAF", "OPP", "CVL", "REF") else "organisation"
        if head.lower_ in ("government", "presidency"):
            kind = "state"
        reason = f"role '{role.term}' -> {role.sector}" + (f"; {why}" if why else "")
        name = self._country_name(country) + " " + role.term if country else role.term
        return Resolution(name, country, role.sector, kind, reason)

    def _entity(self, ent: Span, span: Span) -> Resolution | None:
        hit = _hit_of(ent)
        if ent.label_ == "PERSON" or (hit is not None and hit[0] == "person"):
            return self.person(ent.text)
        if hit is None:
            return self._unknown_entity(ent)
        kind, code = hit
        role = self.knowledge.role(span.text.lower())
        if kind == "country":
            sector = role.sector if role is not None and ent.root.i != span.root.i else None
            return Resolution(self._country_name(code), code, sector, "state", f"country name '{ent.text}'")
        if kind == "capital":
            country = self._capital_country(ent.text) or code
            return Resolution(self._country_name(country), country, "GOV", "state",
                              f"capital '{ent.text}' used as an agent -> government")
        if kind == "adjective":
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
                    org_country: str | None = getattr(h.entry, "country", None)
                    okind: ActorKind = "group" if getattr(h.entry, "kind", "") == "group" else "organisation"
                    return Resolution(getattr(h.entry, "name", ent.text), org_country, h.sector, okind,
                                      f"organisation '{ent.text}'")
        return None

    def _unknown_entity(self, ent: Span) -> Resolution | None:
        """An entity our gazetteer did not tag (statistical NER): try the knowledge base by name."""
        hits = self.knowledge.lookup(ent.text)
        for h in hits:
            if h.kind in ("country", "igo", "organisation"):
                return self._from_hit(h, ent.text)
        return None

    def _from_hit(self, hit: NameHit, text: str) -> Resolution:
        if hit.kind == "igo":
            return Resolution(text, hit.code, hit.sector, "igo", f"international organisation '{text}'")
        if hit.kind == "organisation":
            country = getattr(hit.entry, "country", None)
            return Resolution(text, country, hit.sector, "organisation", f"organisation '{text}'")
        return Resolution(self._country_name(hit.code), hit.code, None, "state", f"name '{text}'")

    # -- people ---------------------------------------------------------------------------------

    def person(self, text: str) -> Resolution:
        """What the article (and our office-holder list) says about the person named ``text``."""
        name = _clean_name(text)
        key = self._people_key(name)
        if key is not None:
            return self._people[key]
        return self._person_from_knowledge(name) or Resolution(
            name, None, None, "person", "person named in the article; no cue to country or role"
        )

    def _people_key(self, name: str) -> str | None:
        if name in self._people:
            return name
        return self._surnames.get(name.split()[-1]) if name else None

    def _person_from_knowledge(self, name: str, cue: Resolution | None = None) -> Resolution | None:
        holders = self.knowledge.person(name, on=self.published)
        if not holders:
            return None
        h = holders[0]
        when = f" on {self.published.isoformat()}" if self.published else ""
        return Resolution(h.name, h.country, h.sector, "person",
                          f"office holder: {h.role} of {h.country}{when} (dyadwatch actor list)")

    def _learn_people(self) -> None:
        """First pass over the article: gather every cue about each named person."""
        for ent in self.doc.ents:
            hit = _hit_of(ent)
            if ent.label_ != "PERSON" and not (hit is not None and hit[0] == "person"):
                continue
            name = _clean_name(ent.text)
            if not name:
                continue
            key = self._people_key(name)
            known = self._people.get(key) if key else None
            cue = self._context_cue(ent, name)
            merged = self._merge(known, cue, name)
            self._people[key or name] = merged
            if key is None and len(name.split()) > 1:
                self._surnames.setdefault(name.split()[-1], name)

    def _context_cue(self, ent: Span, name: str) -> Resolution:
        """Titles, nationality, affiliation and 'including' context around one person mention."""
        root = ent.root
        own = set(self._phrase_tokens(root)) - set(range(ent.start, ent.end))
        cue_tokens = set(own)
        for child in root.children:
            if child.dep_ == "appos" and child.ent_type_ != "PERSON":
                cue_tokens.update(t.i for t in child.subtree)
        if root.dep_ in ("appos", "compound") and root.head.ent_type_ != "PERSON":
            cue_tokens.update(self._phrase_tokens(root.head))
        cue_tokens.difference_update(range(ent.start, ent.end))
        reasons: list[str] = []
        # a title in the name's own phrase ("Foreign Minister X") beats one beside it
        role = None
        for tokens in (own, cue_tokens):
            words = " ".join(self.doc[i].text for i in sorted(tokens))
            role = self.knowledge.role(words.lower()) if words else None
            if role is not None:
                break
        sector = role.sector if role is not None else None
        if role is not None:
            reasons.append(f"title '{role.term}' -> {role.sector}")
        country: str | None = None
        for ent2 in self.doc.ents:
            if ent2.start in cue_tokens and ent2 is not ent:
                h = _hit_of(ent2)
                if h is None:
                    continue
                if h[0] in ("country", "adjective", "capital"):
                    country = h[1]
                    reasons.append(f"nationality/affiliation '{ent2.text}' -> {country}")
                    break
                if h[0] == "organisation":
                    res = self._entity(ent2, ent2)
                    if res is not None and res.country:
                        country = res.country
                        sector = sector or res.sector
                        reasons.append(f"affiliation '{ent2.text}' -> {res.country}")
                        break
        if country is None:
            group = self._including_group(root)
            if group is not None and group.country:
                country = group.country
                sector = sector or group.sector
                reasons.append(f"listed among '{group.name}'")
        kind: ActorKind = "person"
        return Resolution(name, country, sector, kind, "; ".join(reasons))

    def _including_group(self, token: Token) -> Resolution | None:
        """'senior Algerian officials, including President X, ...': X is one of them."""
        node = token
        while node.dep_ in ("conj", "appos") and node.head.i != node.i:
            node = node.head
        if node.dep_ == "pobj" and node.head.lower_ == "including":
            group_head = node.head.head
            span = self.phrase(group_head)
            country, why = self._country_cue(span, group_head)
            role = self.knowledge.role(span.text.lower())
            if country:
                return Resolution(span.text, country, role.sector if role else None, "group", why)
        return None

    def _merge(self, known: Resolution | None, cue: Resolution, name: str) -> Resolution:
        official = self._person_from_knowledge(name)
        country = (known.country if known else None) or cue.country
        sector = (known.sector if known else None) or cue.sector
        reasons = [r for r in ((known.reason if known else ""), cue.reason) if r]
        if official is not None:
            if country is None:
                country = official.country
                reasons.append(official.reason)
            if sector is None:
                sector = official.sector
                if official.reason not in reasons:
                    reasons.append(official.reason)
        if country is None and sector is not None and self.focus:
            country = self.focus
            reasons.append(f"title without nationality in an article about {self.focus}")
        full = official.name if official is not None else (known.name if known else name)
        return Resolution(full, country, sector, "person", "; ".join(reasons) or "named person")

    def _previous_person(self, token: Token) -> Resolution | None:
        """Who 'he' or 'his' is: the nearest person before ``token`` that was a subject, else the
        nearest person at all (within about two sentences)."""
        window = [t for t in self.doc[max(0, token.i - 120):token.i] if t.pos_ == "PROPN"]
        people = [t for t in window if self._person_key_of(t) is not None]
        for t in reversed(people):
            if t.dep_ in ("nsubj", "nsubjpass"):
                key = self._person_key_of(t)
                assert key is not None
                return self._people[key]
        if people:
            key = self._person_key_of(people[-1])
            assert key is not None
            return self._people[key]
        return None

    def _person_key_of(self, token: Token) -> str | None:
        if self._in_gazetteer_entity(token):
            return None
        return self._surnames.get(token.text) or (token.text if token.text in self._people else None)

    def _possessor(self, head: Token, speaker: Actor | None) -> Resolution | None:
        for child in head.children:
            if child.dep_ == "poss" and child.lower_ in _POSSESSIVE:
                if child.lower_ in ("our", "my") and speaker is not None:
                    return Resolution(speaker.name, speaker.country, speaker.sector, speaker.kind, "speaker")
                if child.lower_ in ("his", "her"):
                    return self._previous_person(child)
        return None

    # -- countries ------------------------------------------------------------------------------

    def _country_cue(self, span: Span, head: Token) -> tuple[str | None, str]:
        for ent in span.ents:
            hit = _hit_of(ent)
            if hit is None:
                continue
            kind, code = hit
            if kind in ("country", "adjective", "capital"):
                return code, f"nationality '{ent.text}' -> {code}"
            if kind in ("organisation", "igo"):
                res = self._entity(ent, ent)
                if res is not None and res.country:
                    return res.country, f"affiliation '{ent.text}' -> {res.country}"
        return None, ""

    def _capital_country(self, text: str) -> str | None:
        for h in self.knowledge.lookup(text):
            if h.kind == "capital":
                return h.code
        return None

    def _country_name(self, code: str) -> str:
        country = self.knowledge.countries.get(code)
        return country.name if country is not None else code

    def _focus_country(self) -> str | None:
        """The dateline's country, else the country named most often in the article."""
        counts: dict[str, int] = {}
        for ent in self.doc.ents:
            hit = _hit_of(ent)
            if hit is None or hit[0] not in ("country", "adjective", "capital"):
                continue
            text = ent.text
            if ent.start_char < 400 and text.isupper() and hit[0] == "capital":
                return hit[1]  # a dateline such as "ALGIERS –"
            counts[hit[1]] = counts.get(hit[1], 0) + 1
        return max(counts, key=lambda c: counts[c]) if counts else None


def coordinated(token: Token) -> list[Token]:
    """A mention and the mentions coordinated with it or listed after 'including'."""
    out = [token]
    for child in token.children:
        if (child.dep_ == "conj" and child.pos_ in ("PROPN", "NOUN", "PRON")) or (
            child.dep_ == "appos" and child.ent_type_ == "PERSON" and token.ent_type_ == "PERSON"
        ):
            out.extend(coordinated(child))
        elif child.dep_ == "prep" and child.lower_ == "including":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    out.extend(coordinated(pobj))
    return out
