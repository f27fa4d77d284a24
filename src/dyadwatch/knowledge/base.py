"""Actor knowledge: countries, IGOs/NGOs, national organisations and armed groups, role terms and
dated office holders, from dyadwatch's own versioned TSV files in ``dyadwatch.data``.

>>> kb = load_knowledge()
>>> kb.country_of_adjective("Algerian")
'DZA'
>>> kb.holder("DZA", "president", date(2018, 6, 1)).name
'Abdelaziz Bouteflika'

Nothing is read at import time; :func:`load_knowledge` reads and validates the files once (cached)
and every problem raises :class:`dyadwatch.errors.KnowledgeError` naming the file and line.
``docs/actors.md`` documents the files, the sectors and the user YAML format.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from dyadwatch.errors import KnowledgeError
from dyadwatch.knowledge.load import (
    SECTORS,
    Country,
    Igo,
    OfficeHolder,
    Organisation,
    Role,
    fold,
    normalise,
    parse_countries,
    parse_igos,
    parse_officeholders,
    parse_organisations,
    parse_roles,
    parse_user_actors,
    term_key,
    tokens,
)
from dyadwatch.knowledge.words import MONARCH_TITLES, OFFICE_QUALIFIERS, STAFF_TITLE_WORDS
from dyadwatch.memo import Memo

__all__ = [
    "SECTORS",
    "CaseRule",
    "Country",
    "Igo",
    "Knowledge",
    "NameHit",
    "NameKind",
    "OfficeHolder",
    "Organisation",
    "Role",
    "canonical_role",
    "load_knowledge",
]

NameKind = Literal["country", "adjective", "capital", "igo", "organisation", "person"]
CaseRule = Literal["exact", "capitalised", "any"]
_KIND_ORDER: dict[str, int] = {
    "country": 0, "igo": 1, "organisation": 2, "adjective": 3, "capital": 4, "person": 5,
}  # fmt: skip

# Lowercase words that some of our names or acronyms spell. An all-caps form that spells one
# ("US", "IS", "WHO", "ICE") matches only in exactly that case; any other form that spells one
# ("Turkey", "Chad", "Congress", "White House") does not match all-lowercase text.
_WORDS = """a ace aid all am an and are arm art as at ban be brown by can car carter cat chad china
    cis congress dam do fox gates gnu go guernsey guinea hague he hunt ice if in is it jersey kremlin
    man may me mills mob my no now of oil on one or pan pentagon reunion sad sea set sis so sun tan
    ten to treasury truss turkey un up us wade war way we who win won pole poles swede male png ado
    amnesty commons moon raw fact quad"""
COMMON_WORDS: frozenset[str] = frozenset([*_WORDS.split(), "no 10", "number 10", "white house"])

# Query synonyms for office-holder roles: the files use the canonical (right-hand) names.
ROLE_SYNONYMS: dict[str, str] = {
    "secretary of state": "foreign minister",
    "foreign secretary": "foreign minister",
    "minister of foreign affairs": "foreign minister",
    "external affairs minister": "foreign minister",
    "defense minister": "defence minister",
    "minister of defence": "defence minister",
    "minister of defense": "defence minister",
    "defence secretary": "defence minister",
    "defense secretary": "defence minister",
    "secretary of defense": "defence minister",
    "secretary of war": "defence minister",
    "minister of the armed forces": "defence minister",
    "armed forces minister": "defence minister",
    "premier": "prime minister",
    "head of the government": "head of government",
    "chief of army staff": "army chief",
    "army chief of staff": "army chief",
    "chief of staff of the army": "army chief",
    "chief of defense staff": "chief of defence staff",
    "chief of the defence staff": "chief of defence staff",
    "chief of general staff": "chief of defence staff",
    "chief of the general staff": "chief of defence staff",
    "chairman of the joint chiefs of staff": "chief of defence staff",
    "chairman of the joint chiefs": "chief of defence staff",
    "chief of defence forces": "chief of defence staff",
    "chief of the defence forces": "chief of defence staff",
    "un secretary-general": "secretary-general",
    "secretary general": "secretary-general",
}
# Words that put a staff title in a head of state's or government's office, not an army's:
# "Kremlin deputy chief of staff", "presidential chief of staff" (GOV, while "chief of staff"
# alone is the military office).
_ADMINISTRATION = frozenset({
    ("kremlin",), ("white", "house"), ("presidential",), ("presidency",), ("president", "s"),
    ("elysee",), ("downing", "street"), ("blue", "house"), ("chancellery",), ("palace",),
    ("prime", "minister", "s"), ("administration",),
})  # fmt: skip
_CACHE_SIZE = 100_000  # answers kept per look-up (see Knowledge._cached)
ROLE_GROUPS: dict[str, frozenset[str]] = {
    "head of state": frozenset(
        ["president", "head of state", "supreme leader", "leader", "chairman", *MONARCH_TITLES]
    ),
    "head of government": frozenset(
        [
            "prime minister",
            "chancellor",
            "head of government",
            "president of the council of ministers",
        ]
    ),
    "monarch": frozenset(MONARCH_TITLES),
}


def canonical_role(role: str) -> str:
    """The files' name for an office: lowercased, synonyms mapped, qualifiers kept."""
    text = " ".join(normalise(role).lower().split())
    for qualifier in OFFICE_QUALIFIERS:
        if text.startswith(qualifier):
            return qualifier + ROLE_SYNONYMS.get(text[len(qualifier) :], text[len(qualifier) :])
    return ROLE_SYNONYMS.get(text, text)


def _family(role: str) -> str:
    """An office without its acting/interim/transitional qualifier."""
    for qualifier in OFFICE_QUALIFIERS:
        if role.startswith(qualifier):
            return role[len(qualifier) :]
    return role


def _plural(word: str) -> str:
    """English plural of a role's last word, for matching "rebel leaders" to "rebel leader"."""
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _singular(word: str) -> str:
    """English singular of a role's last word ("peacekeepers" -> "peacekeeper")."""
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def case_rule(form: str) -> CaseRule:
    """How text must be cased to match ``form`` (see :data:`COMMON_WORDS`)."""
    letters = [c for c in form if c.isalpha()]
    if len(letters) >= 2 and not any(c.islower() for c in letters):
        word = fold("".join(c for c in form if c.isalnum() or c == " "))
        if len(letters) <= 2 or word in COMMON_WORDS:
            return "exact"
        return "any"
    return "capitalised" if fold(form) in COMMON_WORDS else "any"


@dataclass(frozen=True)
class NameHit:
    kind: NameKind
    code: str  # iso3 / IGO code / organisation or person name
    sector: str | None
    entry: Country | Igo | Organisation | OfficeHolder


@dataclass(frozen=True)
class _Form:
    form: str
    rule: CaseRule
    secondary: bool
    hit: NameHit


def _strip_variants(text: str) -> Iterator[str]:
    """``text`` as given, without a leading "the", without a possessive, and without both."""
    yield text
    bare = text[4:].strip() if text[:4].lower() == "the " else text
    yield bare
    for variant in (text, bare):
        if variant.endswith("'s") and len(variant) > 2:
            yield variant[:-2]
        elif variant.endswith("s'"):
            yield variant[:-1]


# Wire copy writes a country's initials with and without stops ("U.S. Treasury Department",
# "US Treasury Department"); the tables list one spelling, and each name gets both.
_INITIALS = {"US": "U.S.", "UK": "U.K.", "UN": "U.N.", "EU": "E.U."}
_INITIALS.update({dotted: bare for bare, dotted in list(_INITIALS.items())})


def _initial_spellings(*forms: str) -> Iterator[str]:
    """Each form, and after it the same form with its first word's initials spelled the other
    way ("US Senate" -> "U.S. Senate"), unless that spelling is listed too."""
    listed = set(forms)
    for form in forms:
        yield form
        first, _, rest = form.partition(" ")
        other = _INITIALS.get(first)
        if other and rest and f"{other} {rest}" not in listed:
            yield f"{other} {rest}"


class Knowledge:
    """The loaded, validated actor knowledge with lookup indexes."""

    def __init__(
        self,
        countries: dict[str, Country],
        igos: dict[str, Igo],
        organisations: dict[str, Organisation],
        roles: dict[str, Role],
        officeholders: Iterable[OfficeHolder],
        versions: dict[str, str] | None = None,
        user_names: Iterable[str] = (),
    ) -> None:
        self.countries = dict(countries)
        self.igos = dict(igos)
        self.organisations = dict(organisations)
        self.roles = dict(roles)
        self.officeholders = tuple(officeholders)
        self.versions = dict(versions or {})
        self.user_names = frozenset(fold(n) for n in user_names)
        self._names: dict[str, list[_Form]] = {}
        self._terms: list[tuple[str, NameHit]] = []
        self._term_keys: set[tuple[str, str, str]] = set()
        self._people: dict[str, list[OfficeHolder]] = {}
        self._by_country: dict[str, list[OfficeHolder]] = {}  # holder() looks in one country
        for holder in self.officeholders:
            self._by_country.setdefault(holder.country, []).append(holder)
        self._role_index = {term_key(r.term): r for r in self.roles.values()}
        for key, role in list(self._role_index.items()):
            for variant in (_plural(key[-1]), _singular(key[-1])):
                if variant != key[-1]:
                    self._role_index.setdefault((*key[:-1], variant), role)
        self._role_max = max((len(k) for k in self._role_index), default=0)
        # roles_in(), lookup() and person() answers: mentions repeat within and across
        # articles, and folding their words is the costly part (see _cached).
        self._roles_memo: Memo[str, tuple[Any, ...]] = Memo(maxsize=_CACHE_SIZE)
        self._lookup_memo: Memo[str, tuple[Any, ...]] = Memo(maxsize=_CACHE_SIZE)
        self._person_memo: Memo[tuple[str, Any], tuple[Any, ...]] = Memo(maxsize=_CACHE_SIZE)
        self._build()

    # --- indexes --------------------------------------------------------------------------

    def _add(self, form: str, hit: NameHit, *, secondary: bool = False) -> None:
        forms = self._names.setdefault(fold(form), [])
        if not any(f.hit.kind == hit.kind and f.hit.code == hit.code for f in forms):
            forms.append(_Form(form, case_rule(form), secondary, hit))
        # every spelling goes to the gazetteer, which matches case-sensitively ("NATO", "Nato")
        term = (form, hit.kind, hit.code)
        if (hit.kind != "person" or len(form.split()) >= 2) and term not in self._term_keys:
            self._term_keys.add(term)
            self._terms.append((form, hit))

    def _build(self) -> None:
        for c in self.countries.values():
            shared = set(c.secondary)
            for form in (c.name, *c.aliases):
                self._add(form, NameHit("country", c.iso3, None, c), secondary=form in shared)
            for form in c.adjectives:
                self._add(form, NameHit("adjective", c.iso3, None, c), secondary=form in shared)
            for form in c.capitals:
                self._add(form, NameHit("capital", c.iso3, "GOV", c), secondary=form in shared)
        for igo in self.igos.values():
            for form in _initial_spellings(igo.name, *igo.aliases):  # "IGOUNO" is no text
                self._add(form, NameHit("igo", igo.code, igo.sector, igo))
        for org in self.organisations.values():
            for form in _initial_spellings(org.name, *org.aliases):
                self._add(form, NameHit("organisation", org.name, org.sector, org))
        for person in self.officeholders:
            for form in (person.name, *person.aliases):
                self._add(form, NameHit("person", person.name, person.sector, person))
                people = self._people.setdefault(fold(form), [])
                if person not in people:
                    people.append(person)

    # --- names ----------------------------------------------------------------------------

    def lookup(self, text: str) -> list[NameHit]:
        """Entries named exactly ``text`` (case-insensitive but see :func:`case_rule`), after
        dropping a leading "the " and a possessive "'s"; unshared forms first, then by kind."""
        return list(self._cached(self._lookup_memo, text, lambda: self._lookup(text)))

    def _lookup(self, text: str) -> list[NameHit]:
        text = normalise(text).strip(" \"',;:")
        for variant in _strip_variants(text):
            forms = [f for f in self._names.get(fold(variant), []) if _matches(f, variant)]
            if forms:
                forms.sort(key=lambda f: (f.secondary, _KIND_ORDER[f.hit.kind]))
                return [f.hit for f in forms]
        return []

    def country_of_adjective(self, text: str) -> str | None:
        """The country whose adjective or demonym ``text`` is; an unshared form beats a shared
        (``~``) one ("Dominican" -> DOM); None if unknown or still ambiguous ("Congolese")."""
        text = normalise(text).strip(" \"',;:")
        for variant in _strip_variants(text):
            forms = [
                f
                for f in self._names.get(fold(variant), [])
                if f.hit.kind == "adjective" and _matches(f, variant)
            ]
            if forms:
                primary = {f.hit.code for f in forms if not f.secondary}
                codes = primary or {f.hit.code for f in forms}
                return codes.pop() if len(codes) == 1 else None
        return None

    def case_rule(self, form: str) -> CaseRule:
        """How a surface form from :meth:`gazetteer_terms` must be cased in text to match."""
        return case_rule(form)

    def gazetteer_terms(self) -> Iterator[tuple[str, NameHit]]:
        """Every surface form with its hit: names, aliases, adjectives, capitals, IGO and
        organisation names and acronyms, and person names/aliases of two or more tokens."""
        yield from self._terms

    # --- roles ----------------------------------------------------------------------------

    def roles_in(self, phrase: str) -> list[tuple[int, int, Role]]:
        """Non-overlapping role terms in ``phrase``, leftmost-longest, as (start, end, role).
        A term also matches with its last word in the plural or singular ("rebel leaders" is
        "rebel leader"), unless that form is a term of its own."""
        return list(self._cached(self._roles_memo, phrase, lambda: self._find_roles(phrase)))

    def _find_roles(self, phrase: str) -> list[tuple[int, int, Role]]:
        toks = list(tokens(phrase))
        out: list[tuple[int, int, Role]] = []
        i = 0
        while i < len(toks):
            for n in range(min(self._role_max, len(toks) - i), 0, -1):
                role = self._role_index.get(tuple(t for _, _, t in toks[i : i + n]))
                if role is not None:
                    if role.sector == "MIL" and term_key(role.term) == STAFF_TITLE_WORDS \
                            and _administration(toks[:i]):
                        role = Role(role.term, "GOV", role.kind, "in a head of state's office")
                    out.append((toks[i][0], toks[i + n - 1][1], role))
                    i += n
                    break
            else:
                i += 1
        return out

    @staticmethod
    def _cached[K: Hashable](
        memo: Memo[K, tuple[Any, ...]], key: K, find: Callable[[], list[Any]]
    ) -> tuple[Any, ...]:
        """What ``find`` answers for ``key``, found once and kept while it is among the memo's
        most recently used (the knowledge never changes once loaded)."""
        return memo.get_or_compute(key, lambda: tuple(find()))

    def role_forms(self) -> Iterator[str]:
        """Every lowercase form a role term matches in, the plural and singular variants of
        :meth:`roles_in` included ("rebel leader", "rebel leaders")."""
        for key in self._role_index:
            yield " ".join(key)

    def role(self, phrase: str) -> Role | None:
        """The longest role term in ``phrase`` (leftmost on ties: "rebel commander" -> REB)."""
        found = self.roles_in(phrase)
        if not found:
            return None
        return max(found, key=lambda f: (len(term_key(f[2].term)), -f[0]))[2]

    # --- people ---------------------------------------------------------------------------

    def person(self, name: str, on: date | None = None) -> list[OfficeHolder]:
        """Holders named or aliased ``name``: those in office ``on`` first (or, without a date,
        those still in office), then the most recent."""
        return list(self._cached(self._person_memo, (name, on), lambda: self._person(name, on)))

    def _person(self, name: str, on: date | None) -> list[OfficeHolder]:
        text = normalise(name).strip(" \"',;:")
        for variant in _strip_variants(text):
            key = fold(variant)
            found = [
                p
                for p in self._people.get(key, [])
                if any(fold(f) == key and _matches_rule(case_rule(f), f, variant)
                       for f in (p.name, *p.aliases))
            ]  # fmt: skip
            if found:
                if on is None:
                    return sorted(found, key=lambda p: (p.end is not None, -p.start.toordinal()))
                return sorted(found, key=lambda p: (not p.holds_on(on), -p.start.toordinal()))
        return []

    def has_office(self, country: str, role: str) -> bool:
        """Whether our office list holds ``role`` in ``country`` at any date ("chief executive"
        is Hong Kong's head of government, not only a firm's head)."""
        wanted = _family(canonical_role(role))
        return any(_family(p.role) == wanted for p in self._by_country.get(country, ()))

    def holder(self, country: str, role: str, on: date) -> OfficeHolder | None:
        """Who held ``role`` in ``country`` on ``on``. Acting/interim holders count; where terms
        overlap (a handover day, an acting holder during a suspension, rival claimants) the latest
        start wins. ``role`` may be a synonym ("secretary of state") or a group: "head of state",
        "head of government", "monarch"."""
        wanted = canonical_role(role)
        serving = [p for p in self._by_country.get(country, ()) if p.holds_on(on)]
        group = ROLE_GROUPS.get(wanted)
        if group is not None:
            found = [p for p in serving if _family(p.role) in group]
        else:
            found = [p for p in serving if _family(p.role) == _family(wanted)]
            if not found and _family(wanted) == "president":
                found = [p for p in serving if _family(p.role) == "head of state"]
        if not found:
            return None
        return max(found, key=lambda p: (p.start, not p.role.startswith(OFFICE_QUALIFIERS)))

    # --- user actors ----------------------------------------------------------------------

    def source_of(self, name: str) -> str:
        """Where an organisation's or office holder's entry comes from, for an Actor's reason:
        ``"user actors FILE"`` or ``"dyadwatch actor list"``."""
        if fold(name) in self.user_names:
            return f"user actors {self.versions.get('user', '')}".strip()
        return "dyadwatch actor list"

    def with_user_actors(self, path: Path) -> Knowledge:
        """A copy with the actors of a user YAML file added; a user entry replaces every
        organisation and office holder of ours with the same name."""
        valid = set(self.countries) | set(self.igos)
        entries = parse_user_actors(Path(path), valid)
        names = {fold(e.name) for e in entries}
        organisations = {k: v for k, v in self.organisations.items() if fold(k) not in names}
        people = [p for p in self.officeholders if fold(p.name) not in names]
        for entry in entries:
            if isinstance(entry, Organisation):
                organisations[entry.name] = entry
            else:
                people.append(entry)
        versions = {**self.versions, "user": str(path)}
        return Knowledge(self.countries, self.igos, organisations, self.roles, people, versions,
                         user_names=self.user_names | {e.name for e in entries})


def _administration(before: list[tuple[int, int, str]]) -> bool:
    """Whether the words before a staff title name a presidential or prime-ministerial office."""
    words = [w for _, _, w in before]
    return any(tuple(words[i : i + len(k)]) == k for k in _ADMINISTRATION for i in range(len(words)))


def _matches(form: _Form, text: str) -> bool:
    return _matches_rule(form.rule, form.form, text)


def _matches_rule(rule: CaseRule, form: str, text: str) -> bool:
    if rule == "exact":
        return normalise(form) == text
    if rule == "capitalised":
        return text != text.lower()
    return True


def _read(base: Path | None, name: str) -> tuple[str, str]:
    if base is not None:
        path = base / name
        try:
            return str(path), path.read_text(encoding="utf-8")
        except OSError as exc:
            raise KnowledgeError(str(path), None, f"cannot read: {exc}") from exc
    resource = resources.files("dyadwatch.data") / name
    try:
        return f"dyadwatch/data/{name}", resource.read_text(encoding="utf-8")
    except OSError as exc:
        raise KnowledgeError(f"dyadwatch/data/{name}", None, f"cannot read: {exc}") from exc


@functools.cache
def load_knowledge(data_dir: Path | None = None) -> Knowledge:
    """Read and validate the knowledge files (from ``data_dir``, or the packaged ones)."""
    base = Path(data_dir) if data_dir is not None else None
    versions: dict[str, str] = {}
    path, text = _read(base, "countries.tsv")
    versions["countries.tsv"], countries = parse_countries(path, text)
    path, text = _read(base, "igos.tsv")
    versions["igos.tsv"], igos = parse_igos(path, text, set(countries))
    valid = set(countries) | set(igos)
    path, text = _read(base, "organisations.tsv")
    versions["organisations.tsv"], organisations = parse_organisations(path, text, valid)
    path, text = _read(base, "roles.tsv")
    versions["roles.tsv"], roles = parse_roles(path, text)
    path, text = _read(base, "officeholders.tsv")
    versions["officeholders.tsv"], people = parse_officeholders(path, text, valid)
    return Knowledge(countries, igos, organisations, roles, people, versions)
