"""Reading and validating dyadwatch's actor knowledge: the TSV files in ``dyadwatch.data`` and
user actor files in YAML.

The TSV files are read by the one table reader (:mod:`dyadwatch.tables`). Every
problem raises :class:`dyadwatch.errors.KnowledgeError` (a ``DataFileError`` for the table's
shape) naming the file and line. The
public names are re-exported by :mod:`dyadwatch.knowledge.base`; ``docs/actors.md`` describes the files.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from dyadwatch.errors import KnowledgeError
from dyadwatch.tables import Row, parse_table

SECTORS: tuple[str, ...] = (
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK",
    "AGR", "BUS", "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC",
)  # fmt: skip

COLUMNS: dict[str, tuple[str, ...]] = {
    "countries.tsv": ("iso3", "name", "aliases", "adjectives", "capitals"),
    "igos.tsv": ("code", "name", "aliases", "sector", "kind", "parent", "note"),
    "organisations.tsv": ("name", "aliases", "country", "sector", "kind", "note"),
    "roles.tsv": ("term", "sector", "kind", "note"),
    "officeholders.tsv": ("name", "aliases", "country", "sector", "role", "start", "end", "note"),
}
# The table each file's version line must name.
TABLES: dict[str, str] = {
    "countries.tsv": "countries",
    "igos.tsv": "international organisations",
    "organisations.tsv": "organisations",
    "roles.tsv": "role terms",
    "officeholders.tsv": "office holders",
}
IGO_KINDS = ("igo", "ngo")
ORGANISATION_KINDS = ("organisation", "group")
ROLE_KINDS = ("title", "body", "group", "place")
SECONDARY = "~"  # prefix of a country alias/adjective/capital shared with another country

_ISO3 = re.compile(r"^[A-Z]{3}$")
# A CAMEO IGO/NGO actor code: the type, then the organisation's code ("IGOUNO", "NGOAMN"); a
# body of an IGO extends its parent's code ("IGOUNOHCR").
_IGO_CODE = re.compile(r"^(?:IGO|NGO)[A-Z0-9]{2,12}$")
# Entities with no ISO 3166-1 code that news and statistics name as countries, under the
# user-assigned codes the EU, the IMF and the World Bank use for them; and CAMEO's regional code
# WST for "the West", which news names as one side (Western powers, governments, diplomats) and
# no one state stands for.
NON_ISO_COUNTRIES: dict[str, str] = {"XKX": "Kosovo", "WST": "the West"}
_QUOTES = str.maketrans(
    {"’": "'", "‘": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"', "–": "-", "—": "-"}
)
_TOKEN = re.compile(r"[^\W_]+")


def normalise(text: str) -> str:
    """Straight quotes, plain dashes, no accents, single spaces; case kept."""
    if text.isascii():  # most names: nothing to translate or decompose (loading stays fast)
        return " ".join(text.split())
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.split())


def fold(text: str) -> str:
    """The case- and accent-insensitive key of a name."""
    return normalise(text).casefold()


def tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """Word tokens of ``text`` as (start, end, folded token); hyphens and quotes split words."""
    for m in _TOKEN.finditer(text):
        yield m.start(), m.end(), fold(m.group())


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    capitals: tuple[str, ...]
    secondary: tuple[str, ...] = ()  # forms shared with another country (marked ``~`` in the file)


@dataclass(frozen=True)
class Igo:
    code: str
    name: str
    aliases: tuple[str, ...]
    sector: str | None
    kind: str  # "igo" | "ngo"
    parent: str | None = None
    note: str = ""


@dataclass(frozen=True)
class Organisation:
    name: str
    aliases: tuple[str, ...]
    country: str | None  # None: a transnational group
    sector: str
    kind: str  # "organisation" | "group"
    note: str = ""
    # Spans (first day, last day or None = still) a party led or sat in the national government,
    # from a note "in government 2004-05-22..2014-05-26, 2024-06-10..": GOV then, ``sector``
    # (OPP) otherwise. A party's side changes with elections, the CAMEO coding with it.
    governing: tuple[tuple[date, date | None], ...] = ()

    def sector_on(self, day: date | None) -> str:
        """The sector on ``day``; with no date, the sector of today's data (an open span: GOV)."""
        if not self.governing:
            return self.sector
        if day is None:
            return "GOV" if any(end is None for _, end in self.governing) else self.sector
        inside = any(start <= day and (end is None or day < end) for start, end in self.governing)
        return "GOV" if inside else self.sector


@dataclass(frozen=True)
class Role:
    term: str
    sector: str
    kind: str  # "title" | "body" | "group"
    note: str = ""


@dataclass(frozen=True)
class OfficeHolder:
    name: str
    aliases: tuple[str, ...]
    country: str  # ISO alpha-3 or an IGO code
    sector: str
    role: str
    start: date
    end: date | None
    note: str = ""

    def holds_on(self, day: date) -> bool:
        """True if the term covers ``day``; both ends inclusive, open end = still in office."""
        return self.start <= day and (self.end is None or day <= self.end)


def read_rows(path: str, text: str, file: str) -> tuple[str, list[Row]]:
    """The version (``"countries v1 (2026-11-29)"``) and the data rows of the actor table
    ``file`` (``"countries.tsv"``), read from ``path`` through the one table reader."""
    table = parse_table(text, path, COLUMNS[file], name=TABLES[file], versions=(1,))
    return str(table.version), list(table.rows)


def split_list(row: Row, column: str) -> tuple[str, ...]:
    value = row.get(column)
    if not value:
        return ()
    items = tuple(item.strip() for item in value.split("|"))
    if any(not item or item == SECONDARY for item in items):
        raise row.error(f"empty item in the '|'-separated {column} list")
    return items


def required(row: Row, column: str) -> str:
    value = row.get(column)
    if not value:
        raise row.error(f"{column} is empty")
    return value


def sector_of(row: Row, column: str = "sector", *, optional: bool = False) -> str | None:
    value = row.get(column)
    if not value and optional:
        return None
    if value not in SECTORS:
        raise row.error(f"unknown sector {value!r}; expected one of {' '.join(SECTORS)}")
    return value


def choice(row: Row, column: str, allowed: tuple[str, ...]) -> str:
    value = row.get(column)
    if value not in allowed:
        raise row.error(f"{column} must be one of {', '.join(allowed)}, found {value!r}")
    return value


def parse_date(row: Row, column: str) -> date | None:
    value = row.get(column)
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise row.error(f"{column} {value!r} is not an ISO date (YYYY-MM-DD)") from None


def _unique(row: Row, seen: dict[Any, int], key: Any, what: str) -> None:
    if key in seen:
        raise row.error(f"duplicate {what} (first on line {seen[key]})")
    seen[key] = row.line


def known_iso3(code: str) -> bool:
    """Whether ``code`` is an ISO 3166-1 alpha-3 code (pycountry, used for validation only) or
    one of the user-assigned codes of :data:`NON_ISO_COUNTRIES` ("XKX", Kosovo)."""
    import pycountry

    if code in NON_ISO_COUNTRIES:
        return True
    return bool(_ISO3.match(code)) and pycountry.countries.get(alpha_3=code) is not None


def parse_countries(path: str, text: str) -> tuple[str, dict[str, Country]]:
    version, rows = read_rows(path, text, "countries.tsv")
    out: dict[str, Country] = {}
    seen: dict[Any, int] = {}
    for row in rows:
        iso3 = required(row, "iso3")
        if not known_iso3(iso3):
            raise row.error(
                f"{iso3!r} is not an ISO 3166 alpha-3 country code nor one of "
                f"{', '.join(NON_ISO_COUNTRIES)}"
            )
        _unique(row, seen, iso3, f"iso3 {iso3}")
        lists = {c: split_list(row, c) for c in ("aliases", "adjectives", "capitals")}
        secondary = tuple(i[1:] for items in lists.values() for i in items if i[0] == SECONDARY)
        clean = {c: tuple(i.lstrip(SECONDARY) for i in items) for c, items in lists.items()}
        out[iso3] = Country(
            iso3, required(row, "name"), clean["aliases"], clean["adjectives"], clean["capitals"],
            secondary,
        )  # fmt: skip
    return version, out


def parse_igos(path: str, text: str, countries: set[str]) -> tuple[str, dict[str, Igo]]:
    version, rows = read_rows(path, text, "igos.tsv")
    out: dict[str, Igo] = {}
    seen: dict[Any, int] = {}
    for row in rows:
        code = required(row, "code")
        if not _IGO_CODE.match(code):
            raise row.error(
                f"IGO code {code!r} must be IGO or NGO then 2-12 capital letters or digits"
            )
        if code in countries:
            raise row.error(f"IGO code {code!r} collides with a country code")
        _unique(row, seen, code, f"IGO code {code}")
        parent = row.get("parent") or None
        out[code] = Igo(
            code, required(row, "name"), split_list(row, "aliases"),
            sector_of(row, optional=True), choice(row, "kind", IGO_KINDS), parent, row.get("note"),
        )  # fmt: skip
    for row in rows:
        parent = row.get("parent")
        if parent and parent not in out:
            raise row.error(f"parent {parent!r} is not an IGO code in this file")
        if parent and not row.get("code").startswith(parent):
            raise row.error(f"code {row.get('code')!r} must extend its parent's code {parent!r}")
    return version, out


def check_country(row: Row, valid: set[str], *, optional: bool = False) -> str | None:
    value = row.get("country")
    if not value and optional:
        return None
    if value not in valid:
        raise row.error(f"country {value!r} is neither a country code nor an IGO code")
    return value


def parse_organisations(
    path: str, text: str, valid: set[str]
) -> tuple[str, dict[str, Organisation]]:
    version, rows = read_rows(path, text, "organisations.tsv")
    out: dict[str, Organisation] = {}
    seen: dict[Any, int] = {}
    for row in rows:
        name = required(row, "name")
        _unique(row, seen, fold(name), f"organisation {name!r}")
        sector = sector_of(row)
        assert sector is not None
        out[name] = Organisation(
            name, split_list(row, "aliases"), check_country(row, valid, optional=True), sector,
            choice(row, "kind", ORGANISATION_KINDS), row.get("note"), governing_spans(row),
        )  # fmt: skip
    return version, out


_IN_GOVERNMENT = re.compile(r"\bin government ((?:\d{4}-\d{2}-\d{2}\.\.(?:\d{4}-\d{2}-\d{2})?(?:, )?)+)")
_SPAN = re.compile(r"(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})?")


def governing_spans(row: Row) -> tuple[tuple[date, date | None], ...]:
    """The spans in government an organisation's note gives ("in government A..B, C.."):
    real dates, each span ending after it starts, in order, only the last one open."""
    note = row.get("note")
    found = _IN_GOVERNMENT.search(note)
    if found is None:
        if "in government" in note:
            raise row.error(f"note {note!r}: write the spans in government as 'in government YYYY-MM-DD..YYYY-MM-DD, YYYY-MM-DD..'")
        return ()
    spans: list[tuple[date, date | None]] = []
    for first, last in _SPAN.findall(found.group(1)):
        try:
            start, end = date.fromisoformat(first), (date.fromisoformat(last) if last else None)
        except ValueError as exc:
            raise row.error(f"note {note!r}: {exc}") from None
        if (end is not None and end <= start) or (spans and (spans[-1][1] is None or spans[-1][1] > start)):
            raise row.error(f"note {note!r}: spans in government must run forward, in order, only the last open")
        spans.append((start, end))
    return tuple(spans)


def term_key(term: str) -> tuple[str, ...]:
    return tuple(t for _, _, t in tokens(term))


def parse_roles(path: str, text: str) -> tuple[str, dict[str, Role]]:
    version, rows = read_rows(path, text, "roles.tsv")
    out: dict[str, Role] = {}
    seen: dict[Any, int] = {}
    for row in rows:
        term = required(row, "term")
        if term != term.lower() or not term_key(term):
            raise row.error(f"role term {term!r} must be a lowercase phrase")
        _unique(row, seen, term_key(term), f"role term {term!r}")
        sector = sector_of(row)
        assert sector is not None
        out[term] = Role(term, sector, choice(row, "kind", ROLE_KINDS), row.get("note"))
    return version, out


def _holder(row: Row, valid: set[str]) -> OfficeHolder:
    start = parse_date(row, "start")
    if start is None:
        raise row.error("start is empty")
    end = parse_date(row, "end")
    if end is not None and end < start:
        raise row.error(f"end {end} is before start {start}")
    country = check_country(row, valid)
    sector = sector_of(row)
    assert country is not None and sector is not None
    return OfficeHolder(
        required(row, "name"), split_list(row, "aliases"), country, sector,
        required(row, "role").lower(), start, end, row.get("note"),
    )  # fmt: skip


def parse_officeholders(
    path: str, text: str, valid: set[str]
) -> tuple[str, tuple[OfficeHolder, ...]]:
    version, rows = read_rows(path, text, "officeholders.tsv")
    out: list[OfficeHolder] = []
    seen: dict[Any, int] = {}
    for row in rows:
        holder = _holder(row, valid)
        key = (fold(holder.name), holder.country, holder.role, holder.start)
        _unique(row, seen, key, f"office holder {holder.name!r} ({holder.role}, {holder.start})")
        out.append(holder)
    return version, tuple(out)


# --- user actor files (YAML) ---------------------------------------------------------------

_USER_KEYS = ("name", "aliases", "country", "sector", "role", "start", "end", "kind", "note")
_NULL = "tag:yaml.org,2002:null"


def _scalar(path: str, node: yaml.Node, key: str) -> str | None:
    if isinstance(node, yaml.ScalarNode):
        return None if node.tag == _NULL else str(node.value).strip()
    raise KnowledgeError(path, node.start_mark.line + 1, f"{key} must be a single value")


def _user_row(path: str, item: yaml.Node) -> tuple[Row, dict[str, yaml.Node]]:
    line = item.start_mark.line + 1
    if not isinstance(item, yaml.MappingNode):
        raise KnowledgeError(path, line, "each actor must be a mapping with name, country, ...")
    cells = dict.fromkeys(COLUMNS["officeholders.tsv"], "")
    cells["kind"] = ""
    nodes: dict[str, yaml.Node] = {}
    for key_node, value_node in item.value:
        key = str(key_node.value)
        where = key_node.start_mark.line + 1
        if key not in _USER_KEYS:
            raise KnowledgeError(path, where, f"unknown key {key!r}; use {', '.join(_USER_KEYS)}")
        nodes[key] = value_node
        if key == "aliases" and isinstance(value_node, yaml.SequenceNode):
            items = [_scalar(path, n, key) for n in value_node.value]
            if any(not i or "|" in i for i in items):
                raise KnowledgeError(path, where, "aliases must be non-empty names without '|'")
            cells[key] = "|".join(i for i in items if i)
        else:
            cells[key] = _scalar(path, value_node, key) or ""
    return Row(path, line, cells), nodes


def _at(row: Row, nodes: dict[str, yaml.Node], key: str) -> Row:
    """``row`` re-pointed at the line of ``key``'s value, for precise error lines."""
    node = nodes.get(key)
    return Row(row.path, node.start_mark.line + 1 if node is not None else row.line, row.cells)


def parse_user_actors(path: Path, valid: set[str]) -> list[Organisation | OfficeHolder]:
    """Actors from a user YAML file: a list of mappings (see ``docs/actors.md``)."""
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise KnowledgeError(where, None, f"cannot read: {exc}") from exc
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise KnowledgeError(where, line, f"invalid YAML: {getattr(exc, 'problem', exc)}") from exc
    if root is None:
        return []
    if not isinstance(root, yaml.SequenceNode):
        raise KnowledgeError(where, root.start_mark.line + 1, "expected a list of actors")
    out: list[Organisation | OfficeHolder] = []
    for item in root.value:
        row, nodes = _user_row(where, item)

        def at(key: str) -> Row:
            return _at(row, nodes, key)  # noqa: B023 - used within this iteration only

        required(row, "name")
        kind = row.get("kind") or ("person" if row.get("role") else "organisation")
        if kind not in ("person", *ORGANISATION_KINDS):
            raise at("kind").error(f"kind must be person, organisation or group, found {kind!r}")
        sector_of(at("sector"))
        if kind == "person":
            for key in ("role", "start", "country"):
                if not row.get(key):
                    raise row.error(f"a person needs {key}")
            parse_date(at("start"), "start")
            parse_date(at("end"), "end")
            check_country(at("country"), valid)
            out.append(_holder(at("end"), valid))  # remaining check: end before start
        else:
            country = check_country(at("country"), valid, optional=True)
            sector = row.get("sector")
            out.append(
                Organisation(row.get("name"), split_list(row, "aliases"), country, sector, kind,
                             row.get("note"))
            )  # fmt: skip
    return out
