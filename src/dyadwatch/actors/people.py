"""People named in an article: what the article says about each of them, learnt in one pass.

For every person entity the article's own cues are gathered (a title in the name's phrase or
in the name itself, "former", a nationality, an apposition, an affiliation with an organisation
or an IGO, "officials, including ..."), merged over all mentions of the same person (full name or
surname), and completed from our dated office-holder list (:mod:`dyadwatch.knowledge.base`). A title
without a nationality takes the article's focus country. Later surname-only mentions and "he"/
"she"/"his" are linked back to these people by :class:`dyadwatch.actors.resolve.ArticleActors`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyadwatch.actors.cues import COUNTRYISH, STATE_OFFICE_SECTORS, clean_name, hit_of, is_former
from dyadwatch.actors.regions import region_country
from dyadwatch.actors.scope import ActorScope, Resolution
from dyadwatch.knowledge.words import (
    CALENDAR_WORDS,
    FORMER_WORDS,
    HOLY_SEE_TITLES,
    KIN_NOUNS,
    MILITARY_RANKS,
    OTHER_POPE_WORDS,
    WEAK_ROLE_TERMS,
)
from dyadwatch.nlp.tree import children as children_of

# The reason of a person known by name alone, nothing else said of them: the placing step
# reads a bare name that is also a big city's as that city's state.
BARE_NAME = "named person"
# Sectors of armed groups outside the state: their military titles name the group's own men.
_IRREGULAR_SECTORS = frozenset({"REB", "INS", "UAF"})

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from dyadwatch.knowledge.base import Role


def _title(actors: ActorScope, words: str) -> Role | None:
    """The title in ``words``; "opposition" beside an occupation's title ("opposition
    journalist X", "opposition MP X") gives way to it, as PLOVER makes OPP a secondary code."""
    role = actors.knowledge.role(words)
    if role is None or role.sector != "OPP":
        return role
    trades = [r for _, _, r in actors.knowledge.roles_in(words)
              if r.sector not in ("OPP", "GOV", "ELI") and r.term not in WEAK_ROLE_TERMS]
    return trades[-1] if trades else role


def _opposition_title(actors: ActorScope, tokens: set[int]) -> str | None:
    """An opposition title among ``tokens`` that is not a past one ("the main opposition leader",
    not "a former opposition leader"): a former official who leads the opposition now acts for
    it, PLOVER's OPP, which outranks ELI's "no longer in office"."""
    doc = actors.doc
    for i in sorted(tokens):
        if doc[i].lower_ != "opposition" or i + 1 >= len(doc) or i + 1 not in tokens:
            continue
        title = f"opposition {doc[i + 1].lower_}"
        role = actors.knowledge.role(title)
        if role is None or role.sector != "OPP" or role.kind != "title" or role.term not in (title, title.rstrip("s")):
            continue
        if i > 0 and (doc[i - 1].lower_ in FORMER_WORDS or doc[i - 1].lower_.startswith("ex")):
            continue
        return title
    return None


def _former_sector(actors: ActorScope, tokens: set[int], reasons: list[str]) -> str:
    """A former office holder's sector: ELI, or OPP when ``tokens`` (the name's phrase and
    appositions) call them the opposition's leader now ("former prime minister X, the main
    opposition leader"); why added to ``reasons``."""
    reasons.append("former office holder -> ELI")
    leads = _opposition_title(actors, tokens)
    if leads is None:
        return "ELI"
    reasons.append(f"now '{leads}' -> OPP")
    return "OPP"


def _person_title(
    actors: ActorScope, ent: Span, phrases: tuple[set[int], set[int]], titles: list[str]
) -> tuple[Role | None, bool, Token | None]:
    """The title of the person ``ent`` names, whether it is a past one, and the kin noun that
    makes it a relative's ("X, the son of Libya's late leader"). A title in the name's own
    phrase or in the name ("King X") beats one beside it (``phrases``: own, beside)."""
    doc = actors.doc
    own, beside = phrases
    for tokens, extra in ((own, titles), (beside, [])):
        toks = [doc[i] for i in sorted(tokens)]
        words = " ".join([*(t.text for t in toks), *extra])
        role = _title(actors, words.lower()) if words else None
        if role is None:
            continue
        former = is_former(toks) or any(w.lower() in ("former", "ex") for w in extra)
        kin = None
        if not extra:  # "X, the son of Libya's late leader": the title is his father's
            kin = next((c for c in children_of(ent.root) if c.dep_ == "appos"
                        and c.lemma_.lower() in KIN_NOUNS), None)
        if kin is not None:
            # "Prime Minister X, the brother of former premier Y": a title of the person's own,
            # outside the kin phrase, is theirs and current
            inside = {t.i for t in kin.subtree}
            rest = [t for t in toks if t.i not in inside]
            own_role = _title(actors, " ".join(t.text for t in rest).lower()) if rest else None
            if own_role is not None:
                return own_role, is_former(rest), None
        return role, former, kin
    return None, False, None


def misread_name(token: Token) -> bool:
    """Whether a clause's subject the tagger read as a noun, a verb or a pronoun is written as
    a name: capitalised, letters only, no function word ("He", "It"), outside any entity
    ("Sunak met ...", "Abiy urged ...", "Macron accused ..."). Only
    a name our office-holder list knows is then read as that person (see
    ``ArticlePeople._unrecognised_holders``), so "Rice prices rose" stays rice."""
    return (token.pos_ in ("NOUN", "VERB", "PRON") and token.dep_ in ("nsubj", "nsubjpass")
            and token.ent_iob_ == "O" and token.is_alpha and token.text[:1].isupper()
            and not token.is_upper and not token.is_stop and token.lower_ not in CALENDAR_WORDS)


class ArticlePeople:
    """The people of one article, keyed by full name; surnames point at full names."""

    def __init__(self, actors: ActorScope) -> None:
        self.actors = actors
        self.known: dict[str, Resolution] = {}
        self.surnames: dict[str, str] = {}
        self._learn()

    # -- lookups ------------------------------------------------------------------------------

    def key(self, name: str) -> str | None:
        """The full name under which ``name`` (a full name or a surname) is known."""
        if name in self.known:
            return name
        return self.surnames.get(name.split()[-1]) if name else None

    def key_of(self, token: Token) -> str | None:
        """The person a single proper-noun token names, if it is a known surname or name."""
        if self.actors.in_gazetteer_entity(token):
            return None
        return self.surnames.get(token.text) or (token.text if token.text in self.known else None)

    def person(self, text: str) -> Resolution:
        """What the article (and our office-holder list) says about the person named ``text``."""
        name, _ = clean_name(text)
        key = self.key(name)
        if key is not None:
            return self.known[key]
        return self.from_knowledge(name) or Resolution(
            name, None, None, "person", "person named in the article; no cue to country or role"
        )

    def from_knowledge(self, name: str) -> Resolution | None:
        """The office holder of that name, in office at the article's date if known."""
        published = self.actors.published
        holders = self.actors.knowledge.person(name, on=published)
        if not holders:
            return None
        h = holders[0]
        source = self.actors.knowledge.source_of(h.name)
        kind = self.actors.kind_for(h.country, "person")
        if published is None or h.holds_on(published):
            when = f" on {published.isoformat()}" if published else ""
            return Resolution(h.name, h.country, h.sector, kind,
                              f"office holder: {h.role} of {h.country}{when} ({source})")
        past = [p for p in holders if p.end is not None and p.end < published]
        if past:
            # out of office at the article's date after a term that ended: a former office
            # holder is one of the elite, whatever term may come later ("Trump" in 2022)
            h = max(past, key=lambda p: p.end or p.start)
            return Resolution(h.name, h.country, "ELI", kind,
                              f"former {h.role} of {h.country} ({h.start.year}-{h.end.year if h.end else ''}; "
                              f"out of office on {published.isoformat()}) -> ELI ({source})")
        return Resolution(h.name, h.country, h.sector, kind,
                          f"{h.role} of {h.country} from {h.start.isoformat()}, after the article's "
                          f"date {published.isoformat()} ({source})")

    def previous(self, token: Token) -> Resolution | None:
        """Who 'he' or 'his' is: the nearest person before ``token`` that was a subject, else the
        nearest person at all (within about two sentences)."""
        doc = token.doc
        window = [t for t in doc[max(0, token.i - 120):token.i] if t.pos_ == "PROPN"]
        people = [t for t in window if self.key_of(t) is not None]
        for t in reversed(people):
            if t.dep_ in ("nsubj", "nsubjpass"):
                key = self.key_of(t)
                assert key is not None
                return self.known[key]
        if people:
            key = self.key_of(people[-1])
            assert key is not None
            return self.known[key]
        return None

    # -- learning ---------------------------------------------------------------------------------

    def _learn(self) -> None:
        """First pass over the article: gather every cue about each named person."""
        for ent in [*self.actors.entities, *self._unrecognised_holders()]:
            # a person: by label, or by our gazetteer's id "person:..." (see hit_of)
            if ent.label_ != "PERSON" and ent.ent_id_[:7] != "person:":
                continue
            name, titles = clean_name(ent.text)
            if not name:
                continue
            key = self.key(name)
            known = self.known.get(key) if key else None
            cue = self._context_cue(ent, name, titles)
            self.known[key or name] = self._merge(known, cue, name)
            if key is None and len(name.split()) > 1:
                self.surnames.setdefault(name.split()[-1], name)

    def _unrecognised_holders(self) -> list[Span]:
        """Names of our office holders that NER left untagged ("Tebboune met Macron"): the
        proper noun with the proper nouns compounded to it, as PERSON spans."""
        import numpy
        from spacy.attrs import DEP, ENT_IOB, POS
        from spacy.symbols import NOUN, PRON, PROPN, VERB
        from spacy.tokens import Span

        doc, knowledge = self.actors.doc, self.actors.knowledge
        found: list[Span] = []
        # proper nouns outside entities (IOB 2: "O") that end a compound, found on the arrays;
        # and subjects the tagger took for a noun or verb, which misread_name tells apart
        table = doc.to_array([POS, ENT_IOB, DEP])
        strings = doc.vocab.strings
        compound = numpy.uint64(strings.as_int("compound"))
        outside = table[:, 1] == 2
        ends = (table[:, 0] == PROPN) & outside & (table[:, 2] != compound)
        dep, pos = table[:, 2], table[:, 0]  # compared value by value: numpy.isin costs 4x more
        subjects = (dep == numpy.uint64(strings.as_int("nsubj"))) | (dep == numpy.uint64(strings.as_int("nsubjpass")))
        misread = ((pos == NOUN) | (pos == VERB) | (pos == PRON)) & outside & subjects
        for i in numpy.flatnonzero(ends | misread).tolist():
            token = doc[i]
            if token.pos_ != "PROPN" and not misread_name(token):
                continue
            start = token.i
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound" \
                    and doc[start - 1].ent_iob_ == "O":
                start -= 1
            name, _ = clean_name(doc[start:token.i + 1].text)
            if name and knowledge.person(name):
                found.append(Span(doc, start, token.i + 1, label="PERSON"))
        return found

    def _cue_tokens(self, ent: Span) -> tuple[set[int], set[int]]:
        """Tokens of the name's own phrase ("Algerian Foreign Minister X") and, beside them, of
        its appositions and of the phrase it modifies ("X, commander of US Africa Command")."""
        actors = self.actors
        root = ent.root
        inside = set(range(ent.start, ent.end))
        own = set(actors.phrase_tokens(root)) - inside
        beside = set(own)
        for child in children_of(root):
            if child.dep_ == "appos" and child.ent_type_ != "PERSON":
                beside.update(t.i for t in child.subtree)
        if root.dep_ in ("appos", "compound") and root.head.ent_type_ != "PERSON":
            beside.update(actors.phrase_tokens(root.head))
        return own, beside - inside

    def _context_cue(self, ent: Span, name: str, titles: list[str]) -> Resolution:
        """Titles, nationality, affiliation and 'including' context around one person mention."""
        actors, doc = self.actors, self.actors.doc
        own, beside = self._cue_tokens(ent)
        reasons: list[str] = []
        role, former, kin = _person_title(actors, ent, (own, beside), titles)
        if role is not None and not former and (role.term in MILITARY_RANKS or role.sector not in STATE_OFFICE_SECTORS
                                                or (role.sector == "MIL" and role.kind == "body")) \
                and self._holds_office(name):
            # "Colonel X" or "Ayatollah X" who heads the state: the office is the primary role,
            # not the rank or the clergy title; nor is "military" ("Burkina Faso's military
            # leader X"), which says where the holder comes from and names no post in the army
            reasons.append(f"title '{role.term}' gives way to the office held")
            role = None
        sector = role.sector if role is not None else None
        if role is not None:
            reasons.append(f"title '{role.term}' -> {role.sector}")
            if kin is not None and role.sector in STATE_OFFICE_SECTORS:
                # PLOVER's ELI takes in the families of (former) officials
                sector = "ELI"
                reasons.append(f"'{kin.text}' of an office holder -> ELI")
            elif former and role.sector in STATE_OFFICE_SECTORS:
                sector = _former_sector(actors, own | beside, reasons)
        country: str | None = None
        # the entities that start beside the name, in text order (``beside`` excludes the
        # name's own tokens); looked up by token rather than by a pass over all of doc.ents
        for i in sorted(beside):
            ent2 = actors.ents.get(i)
            if ent2 is None or ent2.start != i:
                continue
            h = hit_of(ent2)
            if h is None and ent2.label_ in ("NORP", "GPE") and (area := region_country(ent2.text)):
                # "Chechen leader X", "Bavarian premier Y": the country the region lies in
                country = area
                reasons.append(f"region '{ent2.text}' lies in {area}")
                break
            if h is None:
                continue
            if h[0] in COUNTRYISH:
                country = h[1]
                reasons.append(f"nationality/affiliation '{ent2.text}' -> {country}")
                break
            if h[0] in ("organisation", "igo"):
                res = actors.entity(ent2, ent2)
                if res is not None and res.country:
                    country = res.country
                    # a weak title ("CIA director X") is the body's, as an armed group's military men are
                    if res.sector and not former and (role is None or role.term in WEAK_ROLE_TERMS or (
                            role.sector == "MIL" and res.sector in _IRREGULAR_SECTORS)):
                        sector = res.sector
                    sector = sector or res.sector
                    reasons.append(f"affiliation '{ent2.text}' -> {res.country}")
                    break
        if country is None:
            group = self._including_group(ent.root)
            if group is not None and group.country:
                country = group.country
                sector = sector or group.sector
                reasons.append(f"listed among '{group.name}'")
        if country is None and role is not None and role.term in HOLY_SEE_TITLES:
            # "Pope Francis" heads the Holy See, wherever he is and whatever the story's country;
            # "Coptic Pope Tawadros" heads another church, in its own country
            near = [t.lower_ for t in doc[max(0, ent.start - 3):ent.end]] + [w.lower() for w in titles]
            if not OTHER_POPE_WORDS.intersection(near):
                country = "VAT"
                reasons.append(f"title '{role.term}' -> the Holy See")
        return Resolution(name, country, sector, "person", "; ".join(reasons))

    def _holds_office(self, name: str) -> bool:
        """Whether our dated list has ``name`` in a civilian office on the article's date."""
        published = self.actors.published
        holders = self.actors.knowledge.person(name, on=published)
        return (bool(holders) and published is not None and holders[0].holds_on(published)
                and holders[0].sector != "MIL")

    def _including_group(self, token: Token) -> Resolution | None:
        """'senior Algerian officials, including President X, ...': X is one of them."""
        node = token
        while node.dep_ in ("conj", "appos") and node.head.i != node.i:
            node = node.head
        if node.dep_ == "pobj" and node.head.lower_ == "including":
            group_head = node.head.head
            span = self.actors.phrase(group_head)
            cue = self.actors.country_cue(span, group_head)
            role = self.actors.knowledge.role(span.text.lower())
            if cue is not None:
                return Resolution(span.text, cue.code, role.sector if role else None, "group", cue.why)
        return None

    def _merge(self, known: Resolution | None, cue: Resolution, name: str) -> Resolution:
        official = self.from_knowledge(name)
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
        focus = self.actors.focus
        if country is None and sector is not None and focus:
            country = focus
            reasons.append(f"title without nationality in an article about {focus}")
        full = official.name if official is not None else (known.name if known else name)
        kind = self.actors.kind_for(country, "person")
        return Resolution(full, country, sector, kind, "; ".join(reasons) or BARE_NAME)
