"""The event ontology: CAMEO codes, PLOVER types, and the crosswalk from one to the other.

The tables are data files in ``dyadwatch/data`` (``cameo.tsv``, ``plover.json``,
``cameo_plover.tsv``); ``docs/ontology.md`` describes them. Nothing is read at import time:
``load_ontology()`` reads and validates the tables on first use and caches the result, and every
problem in a table is a ``KnowledgeError`` that names the file and line. The TSV tables go
through the one table reader (``tables.py``), which checks their version lines.

Lookups of unknown codes or names raise ``KeyError`` (the ontology behaves like a mapping).
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, NoReturn

from dyadwatch.errors import KnowledgeError
from dyadwatch.records import Cameo, Plover
from dyadwatch.tables import parse_table, read_text

DATA_PACKAGE = "dyadwatch.data"
CAMEO_FILE = "cameo.tsv"
PLOVER_FILE = "plover.json"
CROSSWALK_FILE = "cameo_plover.tsv"

# The tables their version lines must name.
CAMEO_TABLE = "CAMEO event codes"
CROSSWALK_TABLE = "crosswalk"
CAMEO_COLUMNS = ("code", "name", "goldstein", "quad_class", "description")
CROSSWALK_COLUMNS = ("code", "plover_type", "mode", "context", "fit")
FITS = ("direct", "nearest")

QUAD_CLASSES: dict[int, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}

_CODE = re.compile(r"\d{2,4}")
_TYPE_NAME = re.compile(r"[A-Z][A-Z_]*")
_LABEL = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


def quad_class_for_root(root: str) -> int:
    """GDELT's QuadClass of a CAMEO root: 01-05 -> 1, 06-09 -> 2, 10-14 -> 3, 15-20 -> 4."""
    number = int(root)
    if not 1 <= number <= 20:
        raise ValueError(f"CAMEO roots run from 01 to 20, not {root!r}")
    if number <= 5:
        return 1
    if number <= 9:
        return 2
    return 3 if number <= 14 else 4


def leaf_rank(code: str) -> int:
    """How far down the CAMEO tree an event code (3 or 4 digits) is: a root's generic code (050)
    0, a category (051) 1, a sub-category (0511) 2. CAMEO codes the most specific that applies."""
    return 2 if len(code) == 4 else int(code[2:] != "0")


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code (a 2-digit root, a 3-digit or a 4-digit code)."""

    code: str
    name: str
    description: str
    root: str
    goldstein: float
    quad_class: int

    @property
    def level(self) -> int:
        """1 for a root, 2 for a 3-digit code, 3 for a 4-digit code."""
        return len(self.code) - 1

    @property
    def parent(self) -> str | None:
        """The code one level up (root for 3-digit, 3-digit for 4-digit); None for a root."""
        return None if len(self.code) == 2 else self.code[:-1]


@dataclass(frozen=True)
class PloverType:
    """One PLOVER event type with its allowed modes, conflict/cooperation score and quad class."""

    name: str
    modes: tuple[str, ...]
    score: float
    quad_class: int
    # the manual's "Requires recipient: Yes" (COOPERATE, AID, SANCTION): without a recipient
    # an event of the type is no PLOVER event
    requires_recipient: bool = False


@dataclass(frozen=True)
class PloverMapping:
    """Where a CAMEO code lands in PLOVER. ``approximate`` marks codes PLOVER has no type for."""

    type: str
    mode: str | None
    context: tuple[str, ...]
    approximate: bool = False


class Ontology:
    """Validated CAMEO and PLOVER tables; build one with ``load_ontology()``."""

    def __init__(
        self,
        codes: dict[str, CameoCode],
        types: dict[str, PloverType],
        contexts: tuple[str, ...],
        crosswalk: dict[str, PloverMapping],
        renames_v05: dict[str, str],
    ) -> None:
        self._codes = dict(codes)
        self._types = dict(types)
        self._contexts = tuple(contexts)
        self._context_set = frozenset(contexts)
        self._crosswalk = dict(crosswalk)
        self._renames = dict(renames_v05)

    def __repr__(self) -> str:
        return f"<Ontology: {len(self._codes)} CAMEO codes, {len(self._types)} PLOVER types>"

    # CAMEO

    def cameo(self, code: str) -> CameoCode:
        """The CAMEO code ``code`` (e.g. ``"042"``); ``KeyError`` if CAMEO has no such code."""
        try:
            return self._codes[code.strip()]
        except KeyError:
            raise KeyError(f"unknown CAMEO code {code!r}") from None

    def has_cameo(self, code: str) -> bool:
        return code.strip() in self._codes

    def cameo_codes(self) -> list[CameoCode]:
        """Every code, in table order (each root, then its 3-digit and 4-digit codes)."""
        return list(self._codes.values())

    def children(self, code: str) -> list[CameoCode]:
        """The codes one level below ``code``; ``KeyError`` for an unknown code."""
        parent = self.cameo(code).code
        return [c for c in self._codes.values() if c.parent == parent]

    # PLOVER

    def plover_for(self, code: str) -> PloverMapping:
        """PLOVER type, mode and context of a CAMEO code; ``KeyError`` for an unknown code."""
        try:
            return self._crosswalk[code.strip()]
        except KeyError:
            raise KeyError(f"unknown CAMEO code {code!r}") from None

    def plover_type(self, name: str) -> PloverType:
        """The PLOVER 2.0 type ``name`` (case-insensitive); ``KeyError`` if there is none."""
        try:
            return self._types[name.strip().upper()]
        except KeyError:
            raise KeyError(f"unknown PLOVER type {name!r}") from None

    def plover_types(self) -> list[PloverType]:
        return list(self._types.values())

    def plover_contexts(self) -> tuple[str, ...]:
        return self._contexts

    def plover_from_v05(self, label: str) -> str:
        """The PLOVER 2.0 type for a PLOVER 0.5-era label (``DEMAND`` -> ``REQUEST``).

        Labels that are already 2.0 types come back unchanged; anything else (e.g. the 0.5
        ``CRIME`` type, which 2.0 dropped) raises ``KeyError``.
        """
        key = label.strip().upper()
        if key in self._renames:
            return self._renames[key]
        if key in self._types:
            return key
        raise KeyError(f"no PLOVER 2.0 type for {label!r}")

    def records_for(self, code: str, extra_context: Iterable[str] = ()) -> tuple[Cameo, Plover]:
        """The ``Cameo`` and ``Plover`` records an ``Event`` carries for a CAMEO code.

        ``extra_context`` (e.g. contexts a classifier found in the article) is appended after the
        crosswalk's contexts, without duplicates; an unknown context raises ``ValueError``.
        """
        if isinstance(extra_context, str):
            # A bare string would be iterated character by character: almost surely a mistake.
            raise TypeError("extra_context must be an iterable of context names, not a string")
        entry = self.cameo(code)
        mapping = self.plover_for(code)
        context = list(mapping.context)
        for name in extra_context:
            if name not in self._context_set:
                raise ValueError(f"unknown PLOVER context {name!r}")
            if name not in context:
                context.append(name)
        cameo = Cameo(
            code=entry.code,
            name=entry.name,
            root=entry.root,
            goldstein=entry.goldstein,
            quad_class=entry.quad_class,
        )
        return cameo, Plover(type=mapping.type, mode=mapping.mode, context=tuple(context))


def load_ontology(data_dir: Path | None = None) -> Ontology:
    """Read and validate the ontology tables; raises ``KnowledgeError`` naming file and line.

    With no ``data_dir`` the packaged tables are used and the result is cached, so every caller
    shares one ``Ontology``. A ``data_dir`` (holding the three files) is read afresh each call.
    """
    if data_dir is None:
        return _packaged_ontology()
    return _load(Path(data_dir))


@cache
def _packaged_ontology() -> Ontology:
    # importlib.resources rather than __file__ so the tables are found inside an installed wheel.
    return _load(resources.files(DATA_PACKAGE))


def _load(base: Traversable | Path) -> Ontology:
    cameo_where, cameo_text = _read(base, CAMEO_FILE)
    plover_where, plover_text = _read(base, PLOVER_FILE)
    walk_where, walk_text = _read(base, CROSSWALK_FILE)
    codes, code_lines = _parse_cameo(cameo_where, cameo_text)
    types, contexts, renames = _parse_plover(plover_where, plover_text)
    crosswalk = _parse_crosswalk(walk_where, walk_text, codes, types, contexts)
    for code in codes:
        if code not in crosswalk:
            _fail(cameo_where, code_lines[code], f"code {code} has no row in {CROSSWALK_FILE}")
    return Ontology(codes, types, contexts, crosswalk, renames)


def _read(base: Traversable | Path, name: str) -> tuple[str, str]:
    entry = base.joinpath(name)
    where = str(entry)
    return where, read_text(entry, where)


def _fail(where: str, line: int | None, problem: str) -> NoReturn:
    raise KnowledgeError(where, line, problem)


def _table(
    where: str, text: str, columns: tuple[str, ...], name: str
) -> list[tuple[int, list[str]]]:
    """Data rows of a TSV as (line number, fields), through the one table reader."""
    table = parse_table(text, where, columns, name=name, versions=(1,))
    return [(row.line, list(row.values())) for row in table.rows]


def _number(where: str, line: int | None, field: str, value: object) -> float:
    # bool is an int subclass; JSON true/false is never a valid score.
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        _fail(where, line, f"{field} must be a number, got {value!r}")
    try:
        number = float(value)
    except ValueError:
        _fail(where, line, f"{field} must be a number, got {value!r}")
    if not math.isfinite(number) or not -10.0 <= number <= 10.0:
        _fail(where, line, f"{field} {value} is outside [-10, 10]")
    return number


def _parse_cameo(where: str, text: str) -> tuple[dict[str, CameoCode], dict[str, int]]:
    codes: dict[str, CameoCode] = {}
    lines: dict[str, int] = {}
    for line, (code, name, goldstein, quad, description) in _table(where, text, CAMEO_COLUMNS, CAMEO_TABLE):
        if not _CODE.fullmatch(code):
            _fail(where, line, f"malformed CAMEO code {code!r}: expected 2 to 4 digits")
        root = code[:2]
        try:
            expected_quad = quad_class_for_root(root)
        except ValueError:
            _fail(where, line, f"code {code} has root {root}, not one of 01..20")
        if code in codes:
            _fail(where, line, f"duplicate code {code} (first on line {lines[code]})")
        if not name:
            _fail(where, line, f"code {code} has an empty name")
        if not description:
            _fail(where, line, f"code {code} has an empty description")
        score = _number(where, line, "goldstein", goldstein)
        if quad != str(expected_quad):
            _fail(
                where,
                line,
                f"quad_class {quad!r} of {code} does not match root {root} (expected {expected_quad})",
            )
        codes[code] = CameoCode(code, name, description, root, score, expected_quad)
        lines[code] = line
    for code, entry in codes.items():
        if entry.parent is not None and entry.parent not in codes:
            _fail(where, lines[code], f"code {code} has no parent code {entry.parent}")
    return codes, lines


def _line_of(text: str, needle: str) -> int | None:
    # JSON errors after parsing carry no position; point at the line that holds the entry.
    for number, raw in enumerate(text.splitlines(), start=1):
        if needle in raw:
            return number
    return None


def _json_list(where: str, text: str, data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key)
    if not isinstance(value, list):
        _fail(where, _line_of(text, f'"{key}"'), f'"{key}" must be a list')
    return value


def _parse_plover(
    where: str, text: str
) -> tuple[dict[str, PloverType], tuple[str, ...], dict[str, str]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        _fail(where, exc.lineno, f"invalid JSON: {exc.msg}")
    if not isinstance(data, dict):
        _fail(where, 1, "top level must be a JSON object")
    types: dict[str, PloverType] = {}
    for item in _json_list(where, text, data, "types"):
        name = item.get("type") if isinstance(item, dict) else None
        line = _line_of(text, f'"type": "{name}"') if isinstance(name, str) else None
        if not isinstance(name, str) or not _TYPE_NAME.fullmatch(name):
            _fail(where, line, f'each type needs an upper-case "type" name, got {item!r}')
        if name in types:
            line = _nth_line_from(text, f'"type": "{name}"', None, nth=2)
            _fail(where, line, f"duplicate PLOVER type {name}")
        quad = item.get("quad_class")
        if isinstance(quad, bool) or quad not in QUAD_CLASSES:
            _fail(where, line, f"{name}: quad_class must be 1, 2, 3 or 4, got {quad!r}")
        score = _number(where, line, f"{name}: score", item.get("score"))
        modes = _plover_modes(where, text, name, item.get("modes"), line)
        needs = item.get("requires_recipient", False)
        if not isinstance(needs, bool):
            _fail(where, line, f"{name}: requires_recipient must be true or false, got {needs!r}")
        types[name] = PloverType(name, modes, score, quad, needs)
    contexts: list[str] = []
    for item in _json_list(where, text, data, "contexts"):
        name = item.get("context") if isinstance(item, dict) else None
        line = _line_of(text, f'"context": "{name}"') if isinstance(name, str) else None
        if not isinstance(name, str) or not _LABEL.fullmatch(name):
            _fail(where, line, f'each context needs a "context" name, got {item!r}')
        if name in contexts:
            line = _nth_line_from(text, f'"context": "{name}"', None, nth=2)
            _fail(where, line, f"duplicate PLOVER context {name}")
        contexts.append(name)
    renames = data.get("renames_v05", {})
    if not isinstance(renames, dict):
        _fail(where, _line_of(text, '"renames_v05"'), '"renames_v05" must be an object')
    for old, new in renames.items():
        if not isinstance(new, str) or new not in types:
            line = _line_of(text, f'"{old}":')
            _fail(where, line, f"rename {old} -> {new!r} targets an unknown PLOVER type")
    return types, tuple(contexts), {str(k).upper(): v for k, v in renames.items()}


def _plover_modes(
    where: str, text: str, type_name: str, raw: object, type_line: int | None
) -> tuple[str, ...]:
    if not isinstance(raw, list):
        _fail(where, type_line, f'{type_name}: "modes" must be a list')
    modes: list[str] = []
    for item in raw:
        name = item.get("mode") if isinstance(item, dict) else None
        if not isinstance(name, str) or not _LABEL.fullmatch(name):
            _fail(where, type_line, f'{type_name}: each mode needs a "mode" name, got {item!r}')
        if name in modes:
            # Mode names repeat across types (REQUEST and REJECT share theirs), so search for the
            # duplicate after the type's own line.
            line = _nth_line_from(text, f'"mode": "{name}"', type_line, nth=2)
            _fail(where, line, f"{type_name}: duplicate mode {name}")
        modes.append(name)
    return tuple(modes)


def _nth_line_from(text: str, needle: str, start: int | None, nth: int) -> int | None:
    """Line of the nth occurrence of ``needle`` at or after line ``start``."""
    hits = [
        number
        for number, raw in enumerate(text.splitlines(), start=1)
        if needle in raw and (start is None or number >= start)
    ]
    return hits[nth - 1] if len(hits) >= nth else start


def _parse_crosswalk(
    where: str,
    text: str,
    codes: dict[str, CameoCode],
    types: dict[str, PloverType],
    contexts: tuple[str, ...],
) -> dict[str, PloverMapping]:
    known_contexts = frozenset(contexts)
    crosswalk: dict[str, PloverMapping] = {}
    lines: dict[str, int] = {}
    for line, (code, type_name, mode, context, fit) in _table(where, text, CROSSWALK_COLUMNS, CROSSWALK_TABLE):
        if code not in codes:
            _fail(where, line, f"unknown CAMEO code {code!r} (not in {CAMEO_FILE})")
        if code in crosswalk:
            _fail(where, line, f"duplicate row for code {code} (first on line {lines[code]})")
        plover_type = types.get(type_name)
        if plover_type is None:
            _fail(where, line, f"unknown PLOVER type {type_name!r} for code {code}")
        if mode and mode not in plover_type.modes:
            allowed = ", ".join(plover_type.modes) or "none"
            _fail(where, line, f"unknown mode {mode!r} for {type_name} (modes: {allowed})")
        names = tuple(context.split("|")) if context else ()
        for name in names:
            if name not in known_contexts:
                _fail(where, line, f"unknown PLOVER context {name!r} for code {code}")
        if len(set(names)) != len(names):
            _fail(where, line, f"repeated context in {context!r} for code {code}")
        if fit not in FITS:
            _fail(where, line, f"fit must be one of {', '.join(FITS)}, got {fit!r}")
        crosswalk[code] = PloverMapping(type_name, mode or None, names, fit == "nearest")
        lines[code] = line
    return crosswalk


def main(argv: list[str] | None = None) -> int:
    """``python -m dyadwatch.knowledge.ontology [DATA_DIR]``: validate the tables and print a summary."""
    args = sys.argv[1:] if argv is None else argv
    try:
        ontology = load_ontology(Path(args[0]) if args else None)
    except KnowledgeError as exc:
        print(f"invalid: {exc}", file=sys.stderr)
        return 1
    levels = [0, 0, 0]
    for entry in ontology.cameo_codes():
        levels[entry.level - 1] += 1
    print(
        f"ok: {sum(levels)} CAMEO codes ({levels[0]} roots, {levels[1]} 3-digit, "
        f"{levels[2]} 4-digit), {len(ontology.plover_types())} PLOVER types, "
        f"{len(ontology.plover_contexts())} contexts"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
