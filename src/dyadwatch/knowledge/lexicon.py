"""Our trigger lexicon (``data/verbs.tsv`` and ``data/lexicon/NN_*.tsv``), frame shifts (``data/frames.tsv``), PLOVER context
keywords (``data/contexts.tsv``) and discard cues (``data/discards.tsv``): loaders and validators."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Set
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Literal

from dyadwatch.errors import KnowledgeError
from dyadwatch.memo import Memo
from dyadwatch.tables import Table, packaged, parse_table, read_table, read_text

PatternKind = Literal["verb", "noun", "copula", "frame"]
_KINDS = ("verb", "noun", "copula", "frame")
# The CAMEO roots a frame pattern may have, and the column of frames.tsv each one reads.
FRAME_FAMILIES = {"02": "appeal", "03": "intent", "10": "demand", "12": "refuse", "13": "intent"}
_COLUMNS = ("id", "kind", "lemma", "particle", "object", "prep", "code", "note")
# A flag in the prep column: the pattern is an event only as what a frame frames ("promised to
# hold elections", "demanded the release"), never on its own ("held elections" is routine).
FRAMED = "(framed)"
# The table names the version lines must carry, and the format versions this code reads.
LEXICON_TABLE = "trigger lexicon"
LEXICON_VERSIONS = (2, 3)  # verbs.tsv is v2, the per-root files v3: the same columns


@dataclass(frozen=True)
class Pattern:
    """One trigger pattern: a head lemma, optional particle and object, the target's preposition."""

    id: str
    kind: PatternKind
    lemmas: frozenset[str]
    particles: frozenset[str]
    objects: frozenset[str]
    preps: tuple[str, ...]
    code: str
    note: str

    # Cached on first use (patterns never change): the matcher asks for each candidate.
    @cached_property
    def specificity(self) -> int:
        objects = 1 if self.objects == {"(clause)"} else 2 * bool(self.objects)
        particles = 2 * bool(self.particles) if "-" not in self.particles else 0  # '-': optional
        return particles + objects + bool(set(self.preps) - {FRAMED})

    @cached_property
    def framed_only(self) -> bool:
        """A '(framed)' flag in the prep column: an event only as a frame's complement."""
        return FRAMED in self.preps

    def object_words(self, present: Set[str]) -> int:
        """How many words the longest of the pattern's object forms found in ``present`` has:
        "overflight rights" (2) says more than "rights" (1); 0 when none is there."""
        return max((len(o.split()) for o in self.objects & present), default=0)

    @cached_property
    def named_particles(self) -> frozenset[str]:
        """The particles the pattern names, without the '-' that makes them optional."""
        return self.particles - {"-"}

    @cached_property
    def needs_target(self) -> bool:
        """A '!' in the prep column: no event without a target ("spoke to X", not "speaking")."""
        return "!" in self.preps

    @cached_property
    def family(self) -> str | None:
        """For a frame: the frames.tsv column it shifts its complement into."""
        return FRAME_FAMILIES.get(self.code[:2]) if self.kind == "frame" else None


SCREEN_ANSWERS = 100_000  # (question, string hash) answers the screen keeps: a few MB


@dataclass(frozen=True)
class Lexicon:
    patterns: tuple[Pattern, ...]
    # Built once here: a cache keyed on the Lexicon would hash every pattern on each look-up.
    _index: dict[tuple[str, str], list[Pattern]] = field(
        init=False, repr=False, compare=False, hash=False
    )
    _lemmas: dict[str, frozenset[str]] = field(init=False, repr=False, compare=False, hash=False)
    _verbs: dict[str, list[Pattern]] = field(init=False, repr=False, compare=False, hash=False)
    _frame_roots: dict[str, frozenset[str]] = field(init=False, repr=False, compare=False, hash=False)
    screen_answers: Memo[tuple[str, int], bool] = field(
        init=False, repr=False, compare=False, hash=False,
        default_factory=lambda: Memo(maxsize=SCREEN_ANSWERS),
    )  # fmt: skip
    """The trigger screen's answers by (question, string hash), kept as long as the lexicon:
    the same words come back in every article (see ``events/screen.py``)."""

    def __post_init__(self) -> None:
        index: dict[tuple[str, str], list[Pattern]] = defaultdict(list)
        lemmas: dict[str, set[str]] = {kind: set() for kind in _KINDS}
        for p in self.patterns:
            for lemma in p.lemmas:
                index[(p.kind, lemma)].append(p)
                lemmas[p.kind].add(lemma)
        object.__setattr__(self, "_index", dict(index))
        object.__setattr__(self, "_lemmas", {k: frozenset(v) for k, v in lemmas.items()})
        verbs = {lemma: index.get(("verb", lemma), []) + index.get(("frame", lemma), [])
                 for lemma in lemmas["verb"] | lemmas["frame"]}
        object.__setattr__(self, "_verbs", verbs)
        roots = {lemma: frozenset(p.code[:2] for p in found if p.kind == "frame") for lemma, found in verbs.items()}
        object.__setattr__(self, "_frame_roots", roots)

    def candidates(self, kind: PatternKind, lemma: str) -> list[Pattern]:
        return self._index.get((kind, lemma.lower()), [])

    def verb_candidates(self, lemma: str) -> list[Pattern]:
        """``candidates("verb", lemma) + candidates("frame", lemma)`` for a lowercase lemma, in
        one look-up: the matcher asks it of every verb."""
        return self._verbs.get(lemma, [])

    def frame_roots(self, lemma: str) -> frozenset[str]:
        """The CAMEO roots of the frame patterns of a lowercase verb lemma (found once, with the
        index: the matcher asks it of every verb with candidates)."""
        return self._frame_roots.get(lemma, frozenset())

    def lemmas(self, *kinds: PatternKind) -> frozenset[str]:
        """Every (lowercase) lemma a pattern of one of ``kinds`` names: a token whose lemma is in
        none of them has no candidates, so the matcher can pass it by without a look."""
        return frozenset().union(*(self._lemmas[k] for k in kinds))

    @cached_property
    def trigger_lemmas(self) -> tuple[frozenset[str], frozenset[str]]:
        """(verb and frame lemmas, noun and copula lemmas): what the trigger screen asks of
        every token, built once per lexicon."""
        # copula lemmas are asked of verbs and adjectives too: a culprit predicate is an
        # adjective or an infinitive ("were RESPONSIBLE for", "was TO BLAME"; events.culprits)
        return self.lemmas("verb", "frame", "copula"), self.lemmas("noun", "copula")

    @cached_property
    def noun_light_verbs(self) -> frozenset[str]:
        """Every verb an event noun's pattern names as its light verb ("REPEATED its demand",
        "HURLED accusations"): the matcher looks at such a verb's object for the noun."""
        return frozenset(v for p in self.patterns if p.kind == "noun" for v in p.particles if v != "-")

    def codes(self) -> set[str]:
        return {p.code for p in self.patterns}


def _split(value: str) -> frozenset[str]:
    return frozenset(v.strip().lower() for v in value.split("|") if v.strip())


def _lines(table: Table) -> list[tuple[int, list[str]]]:
    """(line number, cells) of a table's data rows."""
    return [(row.line, list(row.values())) for row in table.rows]


def parse_lexicon(
    text: str, path: str, known_codes: set[str] | None = None, *, versioned: bool = False
) -> Lexicon:
    """Parse and validate a verb-pattern table; errors name the file and line. ``versioned``:
    the first line must be the version line (``# dyadwatch trigger lexicon v<N> (<date>)``);
    without it, line 1 is checked only if it has the version line's form."""
    return Lexicon(tuple(_parse_patterns(text, path, known_codes, {}, versioned=versioned)))


# The shipped lexicon: the hand-tuned core, then one file per CAMEO root under lexicon/, written
# code by code from the category definitions. Earlier files win ties between equal patterns.
CORE = "verbs.tsv"
ROOT_DIR = "lexicon"


def _parse_patterns(
    text: str, path: str, known_codes: set[str] | None, seen: dict[str, str], *,
    versioned: bool = False, root: str | None = None,
) -> list[Pattern]:
    """The patterns of one table. ``seen`` maps the ids of earlier tables to where they are (an
    id is unique across files); ``root``: every code must be in that CAMEO root."""
    patterns: list[Pattern] = []
    table = parse_table(
        text, path, _COLUMNS, name=LEXICON_TABLE, versions=LEXICON_VERSIONS, versioned=versioned
    )
    for lineno, row in _lines(table):
        pid, kind, lemma, particle, obj, prep, code, note = row
        if pid in seen:
            raise KnowledgeError(path, lineno, f"duplicate pattern id {pid!r} (first at {seen[pid]})")
        if kind not in _KINDS:
            raise KnowledgeError(path, lineno, f"kind must be one of {_KINDS}, got {kind!r}")
        if not _split(lemma):
            raise KnowledgeError(path, lineno, "empty lemma")
        if not code.isdigit() or not 3 <= len(code) <= 4:
            raise KnowledgeError(path, lineno, f"bad CAMEO code {code!r}")
        if known_codes is not None and code not in known_codes:
            raise KnowledgeError(path, lineno, f"unknown CAMEO code {code!r}")
        if root is not None and code[:2] != root:
            raise KnowledgeError(path, lineno, f"code {code} is not in this file's root {root}")
        if kind == "frame" and code[:2] not in FRAME_FAMILIES:
            raise KnowledgeError(path, lineno, f"a frame's code must be in roots {sorted(FRAME_FAMILIES)}")
        if FRAMED in _split(prep) and kind not in ("verb", "noun"):
            raise KnowledgeError(path, lineno, f"only a verb or noun pattern can be {FRAMED}")
        seen[pid] = f"{path}:{lineno}"
        patterns.append(
            Pattern(
                id=pid,
                kind=kind,  # type: ignore[arg-type]  # checked against _KINDS above
                lemmas=_split(lemma),
                particles=_split(particle),
                objects=_split(obj),
                preps=tuple(sorted(_split(prep))),
                code=code,
                note=note,
            )
        )
    return patterns


def parse_lexicons(sources: list[tuple[str, str]], known_codes: set[str] | None = None) -> Lexicon:
    """One lexicon from several tables, ``(path, text)`` in order: the core table, then the
    per-root files, named ``NN_name.tsv`` (their codes must be in root NN). Every table starts
    with the version line; ids are unique across them."""
    seen: dict[str, str] = {}
    patterns: list[Pattern] = []
    for path, text in sources:
        name = path.rsplit("/", 1)[-1]
        root = name[:2] if name[:2].isdigit() and name[2:3] == "_" else None
        patterns += _parse_patterns(text, path, known_codes, seen, versioned=True, root=root)
    return Lexicon(tuple(patterns))


def lexicon_sources() -> list[tuple[str, str]]:
    """The shipped tables, ``(path, text)``: the core, then ``lexicon/*.tsv`` by name."""
    entry, where = packaged(CORE)
    out = [(where, read_text(entry, where))]
    folder = resources.files("dyadwatch.data").joinpath(ROOT_DIR)
    if folder.is_dir():
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".tsv"):
                where = f"dyadwatch/data/{ROOT_DIR}/{entry.name}"
                out.append((where, read_text(entry, where)))
    return out


def load_lexicon(path: Path | None = None, known_codes: set[str] | None = None) -> Lexicon:
    """``path``: one table (or a folder of tables, read in name order); default the shipped ones."""
    if path is not None and path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix == ".tsv")
        return parse_lexicons([(str(p), read_text(p, str(p))) for p in files], known_codes)
    if path is not None:
        return parse_lexicon(read_text(path, str(path)), str(path), known_codes)
    return _default_lexicon(frozenset(known_codes) if known_codes is not None else None)


@cache
def _default_lexicon(known_codes: frozenset[str] | None) -> Lexicon:
    return parse_lexicons(lexicon_sources(), set(known_codes) if known_codes else None)


CONTEXTS_TABLE = "context keywords"
_CONTEXT_COLUMNS = ("lemma", "context")


def parse_contexts(text: str, path: str, known: set[str] | None = None) -> dict[str, str]:
    """Keyword -> PLOVER context table; errors name the file and line."""
    return _contexts(
        parse_table(text, path, _CONTEXT_COLUMNS, name=CONTEXTS_TABLE, versions=(2,), versioned=False),
        known,
    )


def _contexts(source: Table, known: set[str] | None) -> dict[str, str]:
    path = source.path
    table: dict[str, str] = {}
    for lineno, row in _lines(source):
        if not row[0] or not row[1]:
            raise KnowledgeError(path, lineno, "expected two non-empty columns: lemma, context")
        if known is not None and row[1] not in known:
            raise KnowledgeError(path, lineno, f"unknown PLOVER context {row[1]!r}")
        if row[0].lower() in table:
            raise KnowledgeError(path, lineno, f"duplicate lemma {row[0]!r}")
        table[row[0].lower()] = row[1]
    return table


def load_contexts(known: set[str] | None = None) -> dict[str, str]:
    entry, where = packaged("contexts.tsv")
    return _contexts(
        read_table(entry, _CONTEXT_COLUMNS, name=CONTEXTS_TABLE, versions=(2,), where=where), known
    )


# -- frame shifts -------------------------------------------------------------------------------

SHIFTS_TABLE = "frame shifts"
_FRAME_COLUMNS = ("base", "appeal", "intent", "demand", "refuse")


@dataclass(frozen=True)
class Shifts:
    """CAMEO code -> its appeal, intent, demand and refuse variants (``data/frames.tsv``)."""

    table: dict[str, dict[str, str]]

    def shift(self, code: str, family: str) -> str | None:
        """The ``family`` variant of ``code``, trying the code, then its parents; None if none."""
        for key in (code, code[:3], code[:2]):
            found = self.table.get(key, {}).get(family)
            if found:
                return found
        return None


def parse_shifts(text: str, path: str, known_codes: set[str] | None = None) -> Shifts:
    return _shifts(
        parse_table(text, path, _FRAME_COLUMNS, name=SHIFTS_TABLE, versioned=False), known_codes
    )


def _shifts(source: Table, known_codes: set[str] | None) -> Shifts:
    path = source.path
    table: dict[str, dict[str, str]] = {}
    for lineno, row in _lines(source):
        for code in row:
            if code and known_codes is not None and code not in known_codes:
                raise KnowledgeError(path, lineno, f"unknown CAMEO code {code!r}")
        if row[0] in table:
            raise KnowledgeError(path, lineno, f"duplicate base code {row[0]!r}")
        table[row[0]] = {name: value for name, value in zip(_FRAME_COLUMNS[1:], row[1:], strict=True) if value}
    return Shifts(table)


def load_shifts(known_codes: set[str] | None = None) -> Shifts:
    return _default_shifts(frozenset(known_codes) if known_codes is not None else None)


@cache
def _default_shifts(known_codes: frozenset[str] | None) -> Shifts:
    entry, where = packaged("frames.tsv")
    source = read_table(entry, _FRAME_COLUMNS, name=SHIFTS_TABLE, where=where)
    return _shifts(source, set(known_codes) if known_codes else None)


# -- discard cues -------------------------------------------------------------------------------

DISCARD_DOMAINS = ("sport", "entertainment", "business")
DISCARDS_TABLE = "discard cues"
_DISCARD_COLUMNS = ("cue", "domain")


def parse_discards(text: str, path: str) -> dict[str, str]:
    """Cue word (lower case) -> domain (sport, entertainment, business)."""
    return _discards(parse_table(text, path, _DISCARD_COLUMNS, name=DISCARDS_TABLE, versioned=False))


def _discards(source: Table) -> dict[str, str]:
    path = source.path
    table: dict[str, str] = {}
    for lineno, row in _lines(source):
        if not row[0]:
            raise KnowledgeError(path, lineno, "empty cue")
        if row[1] not in DISCARD_DOMAINS:
            raise KnowledgeError(path, lineno, f"domain must be one of {DISCARD_DOMAINS}")
        if row[0].lower() in table:
            raise KnowledgeError(path, lineno, f"duplicate cue {row[0]!r}")
        table[row[0].lower()] = row[1]
    return table


@cache
def load_discards() -> dict[str, str]:
    entry, where = packaged("discards.tsv")
    return _discards(read_table(entry, _DISCARD_COLUMNS, name=DISCARDS_TABLE, where=where))
