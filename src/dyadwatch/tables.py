"""The one reader of dyadwatch's TSV data tables (``dyadwatch/data/*.tsv`` and
``data/lexicon/*.tsv``).

Every table has one shape, described in ``docs/architecture.md`` ("Data files"):

* line 1 is the version line, ``# dyadwatch <table> v<N> (<YYYY-MM-DD>)``, optionally followed by
  ``: <description>``; the loader names the table it expects and the versions it reads;
* a line whose first character is ``#`` is a comment, a line of only whitespace is blank: both
  are skipped wherever they stand;
* the first other line is the column header, tab-separated, exactly the columns the loader expects;
* every later line is a row with exactly as many tab-separated cells; cells are trimmed.

A problem with that shape (no or a wrong version line, an unsupported version, a wrong header, a
wrong cell count, an unreadable file) is a :class:`dyadwatch.errors.DataFileError`; what a
loader finds wrong in a cell's value is a ``KnowledgeError`` raised through :meth:`Row.error`.
Both read ``<file>:<line>: <problem>``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from importlib.resources.abc import Traversable
from pathlib import Path

from dyadwatch.errors import DataFileError, KnowledgeError

VERSION_FORM = "# dyadwatch <table> v<N> (<YYYY-MM-DD>)"
_VERSION = re.compile(
    r"# dyadwatch (?P<table>\S.*?) v(?P<number>\d+) \((?P<date>\d{4}-\d{2}-\d{2})\)"
    r"(?:: (?P<description>.*))?"
)
# Where the version line merely looks like the form (a typo in the date, say), the message says
# which part is off rather than repeating the whole form.
_LOOSE = re.compile(r"#\s*dyadwatch\b")


@dataclass(frozen=True)
class Version:
    """A table's version line: which table, which version of its format, and when it was written."""

    table: str
    number: int
    date: date
    description: str = ""

    def __str__(self) -> str:
        return f"{self.table} v{self.number} ({self.date.isoformat()})"


@dataclass(frozen=True)
class Row:
    """One data row: its file, its line number (1-based) and its cells by column name."""

    path: str
    line: int
    cells: dict[str, str] = field(default_factory=dict)

    def get(self, column: str) -> str:
        return self.cells[column]

    def values(self) -> tuple[str, ...]:
        """The cells in column order."""
        return tuple(self.cells.values())

    def error(self, problem: str) -> KnowledgeError:
        """The error for a bad value on this row (raise it)."""
        return KnowledgeError(self.path, self.line, problem)


@dataclass(frozen=True)
class Table:
    """A table read and checked: where it came from, its version line and its data rows."""

    path: str
    version: Version | None  # None only for a text parsed with ``versioned=False``
    columns: tuple[str, ...]
    rows: tuple[Row, ...]


def parse_version(line: str, path: str, *, name: str, versions: Iterable[int]) -> Version:
    """The version line ``line`` (line 1 of ``path``), checked against the table ``name`` and
    the format ``versions`` its loader reads."""
    supported = tuple(versions)
    found = _VERSION.fullmatch(line.rstrip("\r"))
    if found is None:
        expected = VERSION_FORM.replace("<table>", name)
        what = "is not" if _LOOSE.match(line) else "must be"
        raise DataFileError(path, 1, f"line 1 {what} the version line '{expected}', found {_clip(line)!r}")
    if found["table"] != name:
        raise DataFileError(path, 1, f"the version line names table {found['table']!r}, expected {name!r}")
    try:
        day = date.fromisoformat(found["date"])
    except ValueError:
        raise DataFileError(path, 1, f"version date {found['date']!r} is not a calendar date") from None
    number = int(found["number"])
    if number not in supported:
        listed = ", ".join(f"v{n}" for n in supported)
        raise DataFileError(path, 1, f"{name} v{number} is not a version this dyadwatch reads ({listed})")
    return Version(name, number, day, (found["description"] or "").strip())


def parse_table(
    text: str,
    path: str,
    columns: Iterable[str],
    *,
    name: str,
    versions: Iterable[int] = (1,),
    versioned: bool = True,
) -> Table:
    """Check and split the text of a table read from ``path`` (see the module's docstring).

    ``versioned=False`` is for snippets built in code (tests, callers extending a table): line 1
    may then be anything, and is read as the version line only if it has the form.
    """
    wanted = tuple(columns)
    lines = text.split("\n")
    version: Version | None = None
    if versioned or _VERSION.fullmatch(lines[0].rstrip("\r")):
        version = parse_version(lines[0], path, name=name, versions=versions)
    header = False
    rows: list[Row] = []
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        cells = tuple(cell.strip() for cell in line.split("\t"))
        if not header:
            if cells != wanted:
                raise DataFileError(
                    path, number, f"header must be {' | '.join(wanted)}, found {' | '.join(cells)}"
                )
            header = True
            continue
        if len(cells) != len(wanted):
            raise DataFileError(
                path, number,
                f"expected {len(wanted)} columns ({', '.join(wanted)}), found {len(cells)} fields",
            )  # fmt: skip
        rows.append(Row(path, number, dict(zip(wanted, cells, strict=True))))
    if not header:
        raise DataFileError(path, None, "no header line")
    return Table(path, version, wanted, tuple(rows))


def read_table(
    source: Path | Traversable,
    columns: Iterable[str],
    *,
    name: str,
    versions: Iterable[int] = (1,),
    where: str | None = None,
) -> Table:
    """Read and check the table in ``source`` (a file, or a packaged resource); ``where`` is how
    errors name it (default: ``source`` itself)."""
    label = where if where is not None else str(source)
    return parse_table(read_text(source, label), label, columns, name=name, versions=versions)


def read_text(source: Path | Traversable, where: str) -> str:
    """The UTF-8 text of a data file; a missing or undecodable file is a ``DataFileError``."""
    try:
        return source.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError(where, None, "file not found") from None
    except UnicodeDecodeError as exc:
        raise DataFileError(where, None, f"not valid UTF-8 ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise DataFileError(where, None, f"cannot read: {exc}") from exc


def packaged(name: str) -> tuple[Traversable, str]:
    """A file of ``dyadwatch.data`` (``"verbs.tsv"``, ``"lexicon/01_statement.tsv"``) and how
    errors name it. importlib.resources rather than ``__file__``, so it is found in a wheel."""
    from importlib import resources

    entry = resources.files("dyadwatch.data")
    for part in name.split("/"):
        entry = entry.joinpath(part)
    return entry, f"dyadwatch/data/{name}"


def _clip(line: str, width: int = 80) -> str:
    return line if len(line) <= width else line[: width - 3] + "..."
