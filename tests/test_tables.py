"""The one TSV table reader (tables.py): every shipped table reads through it, and a
broken table gives one error naming the file and line."""

from __future__ import annotations

import shutil
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from dyadwatch.errors import DataFileError, KnowledgeError
from dyadwatch.events import modality
from dyadwatch.knowledge import discards, lexicon, load, ontology
from dyadwatch.knowledge.base import load_knowledge
from dyadwatch.tables import Table, Version, parse_table, read_table

DATA = Path(str(resources.files("dyadwatch.data")))

# Every shipped table: the name its version line must carry, its columns, the versions read.
# Built from the loaders' own constants so the test checks what they ask for.
SPECS: dict[str, tuple[str, tuple[str, ...], tuple[int, ...]]] = {
    **{f: (load.TABLES[f], load.COLUMNS[f], (1,)) for f in load.COLUMNS},
    "cameo.tsv": (ontology.CAMEO_TABLE, ontology.CAMEO_COLUMNS, (1,)),
    "cameo_plover.tsv": (ontology.CROSSWALK_TABLE, ontology.CROSSWALK_COLUMNS, (1,)),
    "verbs.tsv": (lexicon.LEXICON_TABLE, lexicon._COLUMNS, lexicon.LEXICON_VERSIONS),
    "contexts.tsv": (lexicon.CONTEXTS_TABLE, lexicon._CONTEXT_COLUMNS, (2,)),
    "frames.tsv": (lexicon.SHIFTS_TABLE, lexicon._FRAME_COLUMNS, (1,)),
    "discards.tsv": (lexicon.DISCARDS_TABLE, lexicon._DISCARD_COLUMNS, (1,)),
    "nonevent_objects.tsv": (discards.NONEVENT_TABLE, discards.NONEVENT_COLUMNS, (1,)),
    "modality.tsv": (modality.CUES_TABLE, modality._CUE_COLUMNS, (1,)),
    "fips.tsv": ("fips codes", ("iso3", "fips"), (1,)),
    "agencies.tsv": ("news agencies", ("name", "forms"), (1,)),
    "gazetteer.tsv": ("gazetteer additions", ("kind", "code", "name", "lat", "lon"), (1,)),
}
SHIPPED = sorted(p.relative_to(DATA).as_posix() for p in DATA.rglob("*.tsv"))


def _spec(name: str) -> tuple[str, tuple[str, ...], tuple[int, ...]]:
    if name.startswith("lexicon/"):
        return SPECS["verbs.tsv"]
    return SPECS[name]


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_table_reads_through_the_reader(name: str) -> None:
    table_name, columns, versions = _spec(name)
    table = read_table(DATA / name, columns, name=table_name, versions=versions)
    assert table.version is not None and table.version.table == table_name
    assert table.version.number in versions
    assert date(2026, 1, 1) <= table.version.date <= date.today()
    assert table.rows and all(len(row.cells) == len(columns) for row in table.rows)


def test_the_shipped_set_is_covered() -> None:
    # a new data file must be given a spec above (and so a version line and a loader)
    assert {n for n in SHIPPED if not n.startswith("lexicon/")} == set(SPECS)
    assert sum(n.startswith("lexicon/") for n in SHIPPED) == 20


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "pairs.tsv"
    path.write_text(text, encoding="utf-8")
    return path


def _read(path: Path) -> Table:
    return read_table(path, ("key", "value"), name="test pairs", versions=(1, 2))


GOOD = "# dyadwatch test pairs v2 (2026-12-05): a table for the tests\n# a comment\n\nkey\tvalue\n"


def test_a_good_table() -> None:
    text = GOOD + "a\t1\n# a comment among rows\n\n b \t 2 \r\n"
    table = parse_table(text, "p.tsv", ("key", "value"), name="test pairs", versions=(2,))
    assert table.version == Version("test pairs", 2, date(2026, 12, 5), "a table for the tests")
    assert str(table.version) == "test pairs v2 (2026-12-05)"
    assert [(r.line, r.values()) for r in table.rows] == [(5, ("a", "1")), (8, ("b", "2"))]


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("key\tvalue\na\t1\n", 1, "line 1 must be the version line '# dyadwatch test pairs v<N>"),
        ("# dyadwatch-data v1 2026-11-29\nkey\tvalue\n", 1, "is not the version line"),
        ("# dyadwatch test pairs v1 2026-11-29\nkey\tvalue\n", 1, "is not the version line"),
        ("# dyadwatch other pairs v1 (2026-11-29)\nkey\tvalue\n", 1, "names table 'other pairs'"),
        ("# dyadwatch test pairs v3 (2026-11-29)\nkey\tvalue\n", 1, "test pairs v3 is not a version"),
        ("# dyadwatch test pairs v1 (2026-02-30)\nkey\tvalue\n", 1, "not a calendar date"),
        (GOOD.replace("key\tvalue", "key"), 4, "header must be key | value, found key"),
        (GOOD.replace("key\tvalue", "value\tkey"), 4, "header must be key | value"),
        (GOOD + "a\t1\nb\n", 6, "expected 2 columns (key, value), found 1 fields"),
        (GOOD + "a\t1\t\n", 5, "found 3 fields"),
    ],
)
def test_a_broken_table_names_file_and_line(tmp_path: Path, text: str, line: int, problem: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(DataFileError) as caught:
        _read(path)
    assert caught.value.path == str(path) and caught.value.line == line
    assert problem in caught.value.problem
    assert str(caught.value).startswith(f"{path}:{line}: ")
    assert caught.value.code == "DW-DATA" and isinstance(caught.value, KnowledgeError)


def test_no_header_missing_file_and_bad_encoding(tmp_path: Path) -> None:
    cases = [
        (_write(tmp_path, "# dyadwatch test pairs v1 (2026-11-29)\n# only comments\n"), "no header line"),
        (tmp_path / "absent.tsv", "file not found"),
    ]
    binary = tmp_path / "binary.tsv"
    binary.write_bytes(b"# dyadwatch test pairs v1 (2026-11-29)\nkey\tvalue\n\xff\xfe\t1\n")
    cases.append((binary, "not valid UTF-8"))
    for path, problem in cases:
        with pytest.raises(DataFileError) as caught:
            _read(path)
        assert caught.value.line is None and caught.value.path == str(path)
        assert problem in str(caught.value)


def test_a_snippet_without_version_line_is_read_when_asked() -> None:
    text = "key\tvalue\na\t1\n"
    assert parse_table(text, "s", ("key", "value"), name="test pairs", versioned=False).version is None
    with pytest.raises(DataFileError, match="v9 is not a version"):
        parse_table("# dyadwatch test pairs v9 (2026-11-29)\n" + text, "s", ("key", "value"),
                    name="test pairs", versioned=False)


# -- the loaders report through the reader -------------------------------------------------------


def _copy(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return data


def _replace_line_1(path: Path, line: str) -> None:
    rest = path.read_text(encoding="utf-8").split("\n", 1)[1]
    path.write_text(line + "\n" + rest, encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "line_1", "problem"),
    [
        ("cameo.tsv", "# dyadwatch CAMEO event codes v2 (2026-11-29)", "v2 is not a version"),
        ("cameo_plover.tsv", "# dyadwatch crosswalk codes", "version line"),
        ("roles.tsv", "# dyadwatch countries v1 (2026-11-29)", "expected 'role terms'"),
    ],
)
def test_loaders_check_the_version_line(tmp_path: Path, name: str, line_1: str, problem: str) -> None:
    data = _copy(tmp_path)
    _replace_line_1(data / name, line_1)
    with pytest.raises(DataFileError) as caught:
        if name.startswith("cameo"):
            ontology.load_ontology(data)
        else:
            load_knowledge(data)
    assert caught.value.path == str(data / name) and caught.value.line == 1
    assert problem in caught.value.problem


def test_lexicon_folder_checks_each_files_version_line(tmp_path: Path) -> None:
    folder = _copy(tmp_path) / "lexicon"
    _replace_line_1(folder / "07_aid.tsv", "# dyadwatch trigger lexicon v4 (2026-12-05): aid")
    with pytest.raises(DataFileError) as caught:
        lexicon.load_lexicon(folder)
    assert caught.value.path == str(folder / "07_aid.tsv") and caught.value.line == 1
    assert "trigger lexicon v4 is not a version this dyadwatch reads (v2, v3)" in caught.value.problem
