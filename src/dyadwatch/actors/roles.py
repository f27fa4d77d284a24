"""Common-noun actors: a role or title ("officials", "the army chief", "rebels") with the cues
around it (nationality, possessor, the place it is put in, the story's setting, the dated office
holder), and possessors ("his country", "the forces of X")."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from dyadwatch.actors.cues import (
    COUNTRYISH,
    FOCUS_GUESS,
    NAME_ADJECTIVES,
    NO_NATIONALITY,
    REGIONS,
    STATE_OFFICE_SECTORS,
    Cue,
    hit_of,
    is_ethnic,
    is_former,
    names_a_body,
    place_tokens,
    region_word,
    sentence_places,
    singular_definite,
)
from dyadwatch.actors.expeller import expeller_cue
from dyadwatch.actors.gatherings import faith_leaders, gathering_role
from dyadwatch.actors.members import (
    IDENTIFIED_ARMED,
    drawn_from,
    follower_sector,
    group_member_sector,
)
from dyadwatch.actors.offices import founded_party, of_founded_party, territory_office
from dyadwatch.actors.scope import ActorScope, Resolution
from dyadwatch.knowledge.base import Role
from dyadwatch.knowledge.words import (
    AGAINST_PREFIXES,
    COUNT_NOUNS,
    DIPLOMATIC_STEMS,
    FACILITY_NOUNS,
    HOLY_SEE_TITLES,
    INSURGENT_WORDS,
    KIN_NOUNS,
    MEMBER_BODIES,
    OTHER_POPE_WORDS,
    SETTLER_TERMS,
    VESSEL_NOUNS,
    WEAK_ROLE_TERMS,
)
from dyadwatch.nlp.tree import children as children_of
from dyadwatch.records import Actor, ActorKind

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


# An armed group fighting on the state's side ("pro-government militias", "army-backed
# vigilantes") is PLOVER's PRM, paramilitaries not in opposition to the government.
_STATE_ALIGNED = re.compile(
    r"\b(?:pro[- ]?(?:government|regime|army|state)|(?:government|state|army|regime|military)"
    r"[- ](?:backed|allied|aligned|sponsored|armed)|loyalist)\b"
)
# 'Officers' alone, who may be police or soldiers, and how far back the force they belong to
# may be named (about two sentences).
_BARE_OFFICERS = frozenset({"officer", "officers"})
_FORCE_LOOKBACK = 60
# Weapons that are an actor only when the text says whose they are ("Russian missiles struck"):
# where a missile lands or is bought says nothing of who fired it, as a ship's waters say nothing
# of its flag ("missiles slammed into Kyiv", "the purchase of cruise missiles").
_OWNED_WEAPONS = frozenset({"missile"})
# Words that put a coordinated role's people somewhere other than its partner's country.
_OTHER_PLACE_WORDS = frozenset({"local", "host", "foreign", "international", "other", "regional"})
# Combatants of some side: with a people or movement named before them that is no state's
# ("Kurdish fighters", "Druze fighters", "Tigrayan fighters") they are an armed group of that
# people (REB), not PLOVER's unidentified gunmen (UAF), which only men nobody names are.
# Compared to a role's term: only the terms roles.tsv lists.
COMBATANTS = frozenset({"fighters"})
# People and units that belong to the body word before them and have no role of their own
# ("army engineers", "government representatives", "police teams"); posts and bases too (see
# FACILITY_NOUNS).
_OF_A_BODY = frozenset({
    "engineer", "team", "representative", "agent", "personnel", "staff", "unit", "crew", "medic",
    "pilot", "employee", "expert", "investigator", "inspector", "squad", "detachment", "contingent",
})  # fmt: skip
# The state's armed and police forces, which a government word before them owns (_body_before).
_FORCE_SECTORS = frozenset({"MIL", "COP", "SPY", "PRM"})
# The sectors of office holders whose kin are ELI: state office, not the ranks of an army.
_OFFICE_SECTORS = frozenset({"GOV", "ELI", "LEG", "JUD"})


def _names_a_body_at(span: Span, starts: dict[int, Token], start: int, end: int) -> bool:
    """Whether the role found at ``start``-``end`` of ``span`` names a body: by its first word,
    or, for a role of several words, by its last ("armed FORCES", not "armed")."""
    if names_a_body(starts.get(start)):
        return True
    return any(t.idx - span.start_char + len(t.text) == end and names_a_body(t) for t in span)


class RoleResolver:
    """Actors named by a role or title, in one article."""

    def __init__(self, scope: ActorScope) -> None:
        self.scope = scope
        # By head lemma: (token index, cue) of the mentions of that role that carry a country
        # of their own, in text order; found once per lemma (see ``antecedent_cue``).
        self._named: dict[str, list[tuple[int, Cue]]] = {}

    def role_for(self, span: Span, head: Token, *, weak_ok: bool = False) -> tuple[Role, str] | None:
        """The head's role, or a more specific role beside a weak head ("rebel leaders")."""
        if counts_something(head):  # "dozens of rockets": what is counted, if anything, acts
            return None
        offset = head.idx - span.start_char
        found = self.scope.knowledge.roles_in(span.text.lower())
        covering = [(s, e, r) for s, e, r in found if s <= offset < e]
        starts = {t.idx - span.start_char: t for t in span}
        if not covering:
            return _body_before(head, found, starts) or founded_party(head) or gathering_role(head, found, starts)
        start, _, best = max(covering, key=lambda f: f[1] - f[0])
        if best.term in MEMBER_BODIES:
            members = [(s, r) for s, _, r in found if r.kind in ("group", "title")
                       and r.sector != best.sector and names_a_body(starts.get(s))
                       and r.term not in NAME_ADJECTIVES]
            if members:
                _, member = min(members, key=lambda f: abs(f[0] - start))
                return member, f"{best.term} of '{member.term}' -> {member.sector}"
        if best.sector in ("MIL", "UAF", "PRM"):
            sectors = {s: r.sector for s, _, r in found}
            aims = [t.lower_ for s, t in sorted(starts.items()) if s < start
                    and ((sectors.get(s) in ("REB", "OPP") and names_a_body(t)) or t.lower_ in INSURGENT_WORDS)
                    and not _against(t)]
            if aims:  # "rebel soldiers", "separatist fighters", "opposition gunmen": armed opposition
                return replace(best, sector="REB"), f"role '{aims[-1]} {best.term}' -> REB"
            side = _identified(span, best, start, found, starts) or _of_a_people(self.scope, span, head, best)
            if side is not None:
                return side
        if weak_ok or best.term not in WEAK_ROLE_TERMS:
            return best, f"role '{best.term}' -> {best.sector}"
        if (founded := of_founded_party(head)) is not None:  # "leaders of a newly formed party"
            return founded
        # a role word inside a name is the name's ("the chairman of the African Union Commission")
        others = [(s, r) for s, e, r in found if r is not best and r.sector != best.sector
                  and _names_a_body_at(span, starts, s, e) and not self.scope.in_gazetteer_entity(starts[s])]
        if not others:
            return faith_leaders(head, best) or (best, f"role '{best.term}' -> {best.sector}")
        _, mod = min(others, key=lambda f: (f[0] > start, abs(f[0] - start)))
        return mod, f"role '{mod.term} {best.term}' -> {mod.sector}"

    def from_role(
        self, span: Span, head: Token, speaker: Actor | None, *, hint: Cue | None = None,
        org: Resolution | None = None, possessor: Resolution | None = None,
        ethnic: str | None = None,
    ) -> Resolution | None:
        owned = owned_by(self.scope, head)
        if owned is not None:
            return owned
        found = self.role_for(span, head)
        if found is None:
            return None
        role, why = found
        sector, adjusted = self._sector_in_words(span, head, role)
        reasons = [why, *adjusted]
        force = _force_of_officers(self.scope, span, head, role) if hint is None and org is None else None
        if force is not None:  # "police said officers had arrested five": police officers
            sector = force[0]
            reasons.append(force[1])
        member_of = None
        if org is None and hint is None:  # "Boko Haram fighters": the group's, as "Boko Haram" is
            org = self.scope.names.affiliation(span, head)
            if org is None:  # "militants from Boko Haram", "a spokesman for the rebels"
                org = member_of = drawn_from(self.scope, head, speaks_for=role.term in WEAK_ROLE_TERMS)
        if org is not None and org.sector:  # "Boko Haram fighters", "FARC dissidents"
            sector = group_member_sector(span, head, role, org, sector, reasons)
        if ethnic:
            reasons.append(f"'{ethnic}' names a people, not a nationality")
        cue = hint or self.scope.names.country_cue(span, head, states_first=role.term.startswith(DIPLOMATIC_STEMS))
        if cue is None and sector == "REF":  # "refugees from Myanmar": their own country
            cue = _origin(self.scope, head)
        if cue is None and hint is None:  # "Colombian soldiers and police": Colombia's police
            cue = _shared_nationality(self.scope, head)
        if cue is None and member_of is not None and member_of.country:
            cue = Cue(member_of.country, f"of {member_of.name} -> {member_of.country}", "organisation")
        if cue is None and possessor is None:
            possessor = self.possessor(head, speaker)
        if cue is None and possessor is not None and possessor.country:
            cue = Cue(possessor.country, f"possessor refers to {possessor.name}", "person")
        sector = follower_sector(sector, head, None if org else possessor, reasons)
        if cue is None and head.lemma_.lower() in (*VESSEL_NOUNS, *_OWNED_WEAPONS):
            return None  # a ship is its flag's or owner's: the sea it sails in says nothing
        region = region_word(span, head) if cue is None else None
        if region is not None:  # "European officials": of several states, not the setting's
            reasons.append(f"'{region.text}' names a region of several states")
        elif cue is None and role.kind != "title" and not role.term.startswith(DIPLOMATIC_STEMS):
            cue = self.placed_in(head) or self.antecedent_cue(head)
        if cue is None and region is None and not role.term.startswith(DIPLOMATIC_STEMS):
            cue = self.place_cue(head, span, titled=role.kind == "title", armed=sector in ("MIL", "COP"))
        if (cue := _home_state(role, span, cue)) is not None:
            reasons.append(cue.why)
        country = cue.code if cue is not None else None
        if org is None:  # "Hong Kong's chief executive": a territory's, not a firm's
            sector = territory_office(self.scope, span, head, role, cue, sector, reasons)
        if role.kind == "title" and country and sector != "ELI" and singular_definite(span, head):
            holder = self._office_holder(country, role)
            if holder is not None:
                return replace(holder, reason="; ".join([*reasons, holder.reason]))
        kind: ActorKind = "group" if role.kind == "group" or sector in ("REB", "UAF", "OPP", "CVL", "REF") \
            else "organisation"
        if head.lower_ in ("government", "presidency") and (cue is None or cue.kind not in ("region", "organisation")):
            kind = "state"  # a region's own government is not its state's ("Tigray regional government")
        name = f"{org.name if org else self.scope.country_name(country)} {role.term}" if country else role.term
        return Resolution(name, country, sector, self.scope.kind_for(country, kind), "; ".join(reasons))

    def _sector_in_words(self, span: Span, head: Token, role: Role) -> tuple[str, list[str]]:
        """The role's sector as the mention's own words change it (a former office holder ELI,
        an irregular force on the state's side PRM, civilians against the government OPP), with
        the reasons; before any group or country is sought, which may change it again."""
        sector = role.sector
        reasons: list[str] = []
        before = [t for t in span if t.i < head.i]
        if is_former(before) and role.kind == "title" and sector in STATE_OFFICE_SECTORS:
            sector = "ELI"
            reasons.append("former office holder -> ELI")
        if sector == "UAF" and _STATE_ALIGNED.search(span.text.lower()):
            sector = "PRM"
            reasons.append("on the government's side -> PRM")
        if sector == "CVL" and any(c.dep_ in ("amod", "acl") and c.lemma_.lower() in ("displace", "displaced")
                                   for c in children_of(head)):
            sector = "REF"  # "families displaced by the floods": PLOVER's REF takes in the displaced
            reasons.append("displaced -> REF")
        if sector == "CVL":
            opposed = against_government(self.scope, span, head)
            if opposed is not None:  # PLOVER OPP: anti-government activists
                sector = "OPP"
                reasons.append(f"against '{opposed}' (the government) -> OPP")
        return sector, reasons

    def _office_holder(self, country: str, role: Role) -> Resolution | None:
        """"the Algerian president": who held the office on the article's date."""
        if self.scope.published is None:
            return None
        holder = self.scope.knowledge.holder(country, role.term, self.scope.published)
        if holder is None:
            return None
        return Resolution(holder.name, holder.country, holder.sector,
                          self.scope.kind_for(holder.country, "person"),
                          f"office holder on {self.scope.published.isoformat()}: {holder.name}, "
                          f"{holder.role} ({self.scope.knowledge.source_of(holder.name)})")

    def placed_in(self, head: Token) -> Cue | None:
        """The country a mention is placed in ("rebels in Mali", "Albanians of southern Serbia")."""
        for tok in place_tokens(head):  # nearest the place's head word first
            ent = self.scope.ents.get(tok.i)
            hit = hit_of(ent) if ent is not None else None
            if ent is not None and hit is not None and hit[0] in COUNTRYISH and not is_ethnic(ent):
                return Cue(hit[1], f"placed in '{ent.text}' -> {hit[1]}", "place")
        return None

    def antecedent_cue(self, head: Token) -> Cue | None:
        """'Colombian guerrillas ambushed a patrol ... The guerrillas also attacked ...': a
        definite mention with no country of its own ("the rebels", "these militants") refers
        back to the latest earlier mention of the same noun that had one, in an article that
        may be set elsewhere or be about another country."""
        if head.tag_ not in ("NNS", "NN") or not any(
            c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in children_of(head)
        ):
            return None
        lemma = head.lemma_.lower()
        named = self._named.get(lemma)
        if named is None:
            named = []
            for tok in self.scope.doc:
                if tok.lemma_.lower() == lemma and tok.pos_ == "NOUN":
                    cue = self.scope.names.country_cue(self.scope.phrase(tok), tok) or self.placed_in(tok)
                    if cue is not None:
                        named.append((tok.i, cue))
            self._named[lemma] = named
        earlier = [(i, cue) for i, cue in named if i < head.i]
        if not earlier:
            return None
        i, cue = earlier[-1]
        return Cue(cue.code, f"refers back to '{self.scope.phrase(self.scope.doc[i]).text}' -> {cue.code}",
                   cue.kind)

    def place_cue(self, head: Token, span: Span, *, titled: bool, armed: bool = False) -> Cue | None:
        """A mention without a nationality takes the country it is placed in ("rebels in Mali")
        or orders people out of (expeller.py), then the place of its clause, then (for soldiers
        and police) the country the story is set in, then the article's focus country."""
        placed = self.placed_in(head) or expeller_cue(head, self.scope.ents)
        if placed is not None:
            return placed
        if not titled:
            for code, ent in sentence_places(head, self.scope.ents):
                if not span.start <= ent.start < span.end:
                    return Cue(code, f"{NO_NATIONALITY}; the clause is set in '{ent.text}' -> {code}",
                               "place")
        if armed and self.scope.setting and self.scope.setting != self.scope.focus:
            return Cue(self.scope.setting, f"{NO_NATIONALITY}; the story is set in {self.scope.setting}", "focus")
        if self.scope.focus:
            return Cue(self.scope.focus, f"{NO_NATIONALITY}{FOCUS_GUESS} {self.scope.focus}", "focus")
        return None

    def _owner_of(self, pronoun: Token, head: Token, speaker: Actor | None) -> Resolution | None:
        """Whose 'its' or 'their' is: the subject of the nearest clause above the mention that
        is not the mention itself ("Uganda deployed its soldiers", "Kenya said the rebels had
        moved their camps": the rebels'), singular for 'its' ("the rebels attacked its troops"
        is not the rebels'); else the speaker of the reported speech. A state, body or group,
        never a person."""
        node = head
        for _ in range(6):
            if node.head.i == node.i:
                break
            node = node.head
            if node.pos_ not in ("VERB", "AUX"):
                continue
            subject = next((c for c in children_of(node) if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None or subject.i == head.i or subject.i > pronoun.i or subject.lower_ in ("it", "they"):
                continue
            if pronoun.lower_ == "its" and subject.tag_ in ("NNS", "NNPS"):
                continue
            found = self.scope.resolve(subject)
            if found is not None and found.kind != "person" and found.country:
                return Resolution(found.name, found.country, found.sector, found.kind,
                                  f"'{pronoun.text}' refers to '{subject.text}'")
        if speaker is not None and speaker.kind != "person" and speaker.country:
            return Resolution(speaker.name, speaker.country, speaker.sector, speaker.kind,
                              f"'{pronoun.text}' refers to the speaker")
        return None

    def possessor(self, head: Token, speaker: Actor | None) -> Resolution | None:
        for child in children_of(head):
            if child.dep_ != "poss" and not (child.dep_ == "compound" and child.pos_ == "PROPN"):
                continue
            if child.lower_ in ("our", "my") and speaker is not None:
                return Resolution(speaker.name, speaker.country, speaker.sector, speaker.kind, "speaker")
            if child.lower_ in ("his", "her"):
                return self.scope.people.previous(child)
            if child.lower_ in ("its", "their"):
                return self._owner_of(child, head, speaker)
            found = _named_owner(self.scope, child)
            if found is not None:
                return found
        for child in children_of(head):  # "the forces of eastern commander Khalifa Haftar"
            if child.dep_ == "prep" and child.lower_ == "of":
                person = next((t for t in child.subtree if t.pos_ == "PROPN" and self.scope.is_person(t)), None)
                if person is not None:
                    ent = self.scope.ents.get(person.i)
                    found = self.scope.people.person(ent.text if ent is not None else person.text)
                    return found if found.country else None
        return None


def _named_owner(scope: ActorScope, owner: Token) -> Resolution | None:
    """The person a name before a possessive is: one the article knows, or a surname of our
    office holders that the tagger took for a body's name ("Assad's forces", "Maduro's
    government"); None for any other name ("Apple's lawyers")."""
    if owner.pos_ != "PROPN":
        return None
    key = scope.people.key_of(owner)
    if key is not None:
        return scope.people.known[key]
    if owner.ent_type_ == "PERSON" or not scope.knowledge.person(owner.text):
        return None
    found = scope.people.person(owner.text)
    return found if found.country else None


# Settlers placed in the occupied Palestinian territories (or in a story about them) are
# citizens of the state that settled them there.
_OCCUPIED, _SETTLERS_STATE = "PSE", "ISR"


def _home_state(role: Role, span: Span, cue: Cue | None) -> Cue | None:
    """The state a role's holders belong to whatever the text places them in: the pope (or
    "the pontiff") heads the Holy See, though "the Coptic Pope" heads another church; settlers
    placed in the occupied Palestinian territories are Israel's. The new cue's reason drops the
    place's "no nationality", which would let the event's place take them back."""
    if role.term in HOLY_SEE_TITLES and not OTHER_POPE_WORDS.intersection(t.lower_ for t in span):
        return Cue("VAT", f"title '{role.term}' -> the Holy See", "country")
    if cue is not None and cue.code == _OCCUPIED and role.term in SETTLER_TERMS:
        return Cue(_SETTLERS_STATE, f"settlers in {_OCCUPIED} are {_SETTLERS_STATE}'s citizens", "country")
    return cue


def _force_of_officers(scope: ActorScope, span: Span, head: Token, role: Role) -> tuple[str, str] | None:
    """'Officers' named by no body of their own ("police said officers fired tear gas")
    are of the force named last before them, the police (COP) or an army (MIL); the
    army's by default, as the role list has them."""
    if role.term not in _BARE_OFFICERS or len(scope.knowledge.roles_in(span.text.lower())) > 1:
        return None
    for tok in reversed(scope.doc[max(0, head.i - _FORCE_LOOKBACK):head.i]):
        named = scope.knowledge.role(tok.lower_) if tok.pos_ == "NOUN" else None
        if named is not None and named.sector in ("COP", "MIL"):
            return named.sector, f"officers of the '{tok.text}' named before them -> {named.sector}"
    return None


def _body_before(
    head: Token, found: list[tuple[int, int, Role]], starts: dict[int, Token]
) -> tuple[Role, str] | None:
    """A head that names no role but people, units or posts of a body takes the role of
    the body word that modifies it: "army engineers" and "military medical teams" MIL,
    "government representatives" GOV, "rebel positions" REB. The outermost such word
    names the body ("military medical teams" are the military's, not doctors)."""
    if head.lemma_.lower() not in _OF_A_BODY and head.lemma_.lower() not in FACILITY_NOUNS:
        return None
    bodies = [(s, r) for s, _, r in found if (tok := starts.get(s)) is not None and tok.head.i == head.i
              and tok.i < head.i and tok.dep_ in ("compound", "amod", "nmod") and not tok.ent_type_
              and r.kind in ("body", "group") and names_a_body(tok)]
    if not bodies:
        return None
    _, body = min(bodies, key=lambda f: f[0])
    # a government before its own force owns it: "a government army post" is the army's
    forces = [f for f in bodies if f[1].sector in _FORCE_SECTORS]
    if body.sector == "GOV" and forces:
        _, body = min(forces, key=lambda f: f[0])
    return body, f"'{head.text}' of the '{body.term}' -> {body.sector}"


def _identified(span: Span, best: Role, start: int, found: list[tuple[int, int, Role]],
                starts: dict[int, Token]) -> tuple[Role, str] | None:
    """"Cartel gunmen", "army gunmen": unidentified armed men (UAF) a body names before them
    are that body's ("army-backed" and "anti-cartel" gunmen are not: see _STATE_ALIGNED and
    _against)."""
    if best.sector != "UAF" or _STATE_ALIGNED.search(span.text.lower()):
        return None
    known = [(s, r) for s, _, r in found if s < start and r.sector in IDENTIFIED_ARMED
             and names_a_body(starts.get(s)) and not _against(starts.get(s))]
    if not known:
        return None
    _, body = max(known, key=lambda f: f[0])
    return replace(best, sector=body.sector), f"role '{body.term} {best.term}' -> {body.sector}"


def _of_a_people(scope: ActorScope, span: Span, head: Token, best: Role) -> tuple[Role, str] | None:
    """"Kurdish fighters": combatants of a people or movement named before them are REB."""
    people = _people_before(scope, span, head) if best.term in COMBATANTS else None
    if people is None:
        return None
    return replace(best, sector="REB"), f"'{people.text} {best.term}': fighters of a people -> REB"


def _people_before(scope: ActorScope, span: Span, head: Token) -> Token | None:
    """The capitalised word before the head that names a people, faith or movement and no
    state, region or body ("Kurdish", "Druze", "Baloch" in "Baloch fighters"); None for a
    state's adjective ("Somali fighters" may be its army's), a region of several states, a
    side taken ("pro-Kurdish") or a fight on the state's side."""
    if _STATE_ALIGNED.search(span.text.lower()):
        return None
    for tok in span:
        if tok.i >= head.i or tok.head.i != head.i or tok.dep_ not in ("amod", "compound", "nmod"):
            continue
        if not tok.text[:1].isupper() or tok.lower_ in REGIONS or (tok.i > 0 and tok.nbor(-1).text == "-"):
            continue
        if not tok.is_alpha or (tok.ent_type_ != "NORP" and (tok.ent_type_ or tok.is_sent_start)):
            continue  # a capital that only starts the sentence ("Armed fighters") names no one
        if not scope.knowledge.lookup(tok.text):  # no state, organisation or person
            return tok
    return None


def _shared_nationality(scope: ActorScope, head: Token) -> Cue | None:
    """A role coordinated after a role with a nationality, with none of its own, shares it:
    "Colombian soldiers and police", "Venezuelan opposition leaders and government envoys",
    "Syrian rebels and government forces". Not when a word of its own says its people are
    elsewhere's ("French troops and local police": Mali's)."""
    if head.dep_ != "conj" or any(c.lower_ in _OTHER_PLACE_WORDS for c in children_of(head)):
        return None
    first = head.head
    while first.dep_ == "conj":
        first = first.head
    if first.pos_ not in ("NOUN", "PROPN") or first.ent_type_:
        return None
    cue = scope.names.country_cue(scope.phrase(first), first)
    if cue is None or cue.kind in ("focus", "place", "person"):
        return None
    return Cue(cue.code, f"shares the nationality of '{first.text}' ({cue.why})", cue.kind)


def _origin(scope: ActorScope, head: Token) -> Cue | None:
    """The country refugees come from ("Rohingya refugees from Myanmar", "people displaced
    from Syria"), which is theirs, not the one they are in."""
    holders = [head, *(c for c in children_of(head) if c.dep_ == "acl")]
    node = head  # "thousands of refugees from Eritrea": the count's
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lower_ in COUNT_NOUNS:
        node = node.head.head
        holders.append(node)
    if node.dep_ == "dobj":  # "take in refugees from Myanmar": parsed on the verb
        holders.append(node.head)
    for holder in holders:
        for prep in children_of(holder):
            if prep.dep_ != "prep" or prep.lower_ != "from":
                continue
            for obj in children_of(prep):
                ent = scope.ents.get(obj.i) if obj.dep_ == "pobj" else None
                hit = hit_of(ent) if ent is not None else None
                # a country, not a town: "deported refugees from Istanbul" is where they were
                if ent is not None and hit is not None and hit[0] == "country" and not is_ethnic(ent):
                    return Cue(hit[1], f"from '{ent.text}' -> {hit[1]}", "place")
    return None


def counts_something(head: Token) -> bool:
    """Whether a count word heads a count of something named after it ("dozens of rockets",
    "tens of thousands of people"), rather than standing for people ("thousands marched",
    "tens of thousands rallied"): its 'of' phrase, past any further count words, names a thing."""
    node = head
    while node.lower_ in COUNT_NOUNS:
        of = next((c for c in children_of(node) if c.dep_ == "prep" and c.lower_ == "of"), None)
        counted = next((c for c in children_of(of) if c.dep_ == "pobj"), None) if of is not None else None
        if counted is None:
            return False
        node = counted
    return node.i != head.i


def _against(token: Token | None) -> bool:
    """Whether a modifier is the object of "anti-" or "counter-" ("anti-rebel")."""
    if token is None or token.i < 1:
        return False
    doc = token.doc
    before = doc[token.i - 1]
    if before.lower_ in AGAINST_PREFIXES:
        return True
    return before.text == "-" and token.i >= 2 and doc[token.i - 2].lower_ in AGAINST_PREFIXES


def owned_by(scope: ActorScope, head: Token) -> Resolution | None:
    """An office holder's kin or office: "the president's son", "the wife of the prime
    minister" (ELI: PLOVER counts the families of officials among the elite), "the prime
    minister's office" (the holder's own sector). The owner is one person or title, named
    before the head ("'s") or after it ("of"), that resolves to a sector."""
    lemma = head.lemma_.lower()
    if lemma not in KIN_NOUNS and lemma != "office":
        return None
    owner = next((c for c in children_of(head) if c.dep_ == "poss"), None)
    if owner is None:
        of = next((c for c in children_of(head) if c.dep_ == "prep" and c.lower_ == "of"), None)
        owner = next((c for c in children_of(of) if c.dep_ == "pobj"), None) if of is not None else None
    if owner is None or owner.tag_ not in ("NN", "NNP", "PRP$") or owner.lower_ in ("its", "their"):
        return None
    found = scope.people.previous(owner) if owner.lower_ in ("his", "her") else scope.resolve(owner)
    if found is None or found.country is None or found.sector is None:
        return None
    if lemma == "office":
        return Resolution(f"{found.name} office", found.country, found.sector,
                          scope.kind_for(found.country, "organisation"),
                          f"office of '{owner.text}' ({found.name}) -> {found.sector}")
    if found.sector not in _OFFICE_SECTORS:
        return None
    return Resolution(f"{found.name} {lemma}", found.country, "ELI",
                      scope.kind_for(found.country, "person"),
                      f"{lemma} of '{owner.text}' ({found.name}, {found.sector}): kin of an office holder -> ELI")


def against_government(scope: ActorScope, span: Span, head: Token) -> str | None:
    """The government or its head that civilians are said to oppose ("anti-regime
    protesters", "anti-Mubarak activists", "demonstrators against the government"), or None."""
    doc = scope.doc
    targets = [doc[t.i + 2] for t in span if t.i < head.i and t.lower_ in AGAINST_PREFIXES
               and t.i + 2 < head.i and doc[t.i + 1].text == "-"]
    for prep in children_of(head):
        if prep.dep_ == "prep" and prep.lower_ == "against":
            targets.extend(c for c in children_of(prep) if c.dep_ == "pobj")
    for target in targets:
        role = scope.knowledge.role(target.lower_)
        if role is not None and role.sector == "GOV":
            return target.text
        if target.pos_ == "PROPN" and any(
            h.sector == "GOV" for h in scope.knowledge.person(target.text, on=scope.published)[:1]
        ):
            return target.text
        if target.dep_ == "pobj":
            found = scope.resolve(target)
            if found is not None and found.sector == "GOV":
                return target.text
    return None
