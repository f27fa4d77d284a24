"""The word lists (data/words.yaml, read by knowledge/wordlists.py, named by knowledge/words.py):
the shipped file loads from the package, every list is used, and a broken file gives one error
naming the file, the line and the list's key."""

from __future__ import annotations

import fnmatch
import re
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from dyadwatch.errors import DataFileError, KnowledgeError
from dyadwatch.knowledge import words
from dyadwatch.knowledge.wordlists import FILE, TABLE, WordLists, load_word_lists, parse_word_lists

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "dyadwatch"
HEAD = "# dyadwatch word lists v1 (2026-12-06): test lists\n"


def _value(lists: WordLists, key: str) -> object:
    field = lists.lists[key].field
    if field == "code_of":
        return lists.code_of(key)
    if field in ("ordered", "stems"):
        return lists.ordered(key)
    return lists.words(key)


# --- the shipped file ---------------------------------------------------------------------------


def test_the_shipped_file_loads_from_the_package() -> None:
    # read through importlib.resources, as from an installed wheel
    assert resources.files("dyadwatch.data").joinpath(FILE).is_file()
    lists = load_word_lists()
    assert lists.path == f"dyadwatch/data/{FILE}"
    assert lists.version.startswith(f"{TABLE} v1 (")
    assert len(lists.lists) > 100
    assert all(entry.items and entry.why for entry in lists.lists.values())


def test_the_package_data_ships_the_file() -> None:
    # a wheel carries what pyproject's package-data patterns match
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["dyadwatch"]
    assert any(fnmatch.fnmatch(f"data/{FILE}", pattern) for pattern in patterns)


def test_each_attribute_is_its_list() -> None:
    lists = load_word_lists()
    for key in lists.lists:
        value = getattr(words, key.upper())
        expected = _value(lists, key)
        if key == "office_qualifiers":  # prefixes: each word with its space
            expected = tuple(f"{w} " for w in lists.ordered(key))
        assert value == expected, key
        assert type(value) is type(expected), key
        if not isinstance(value, frozenset):
            assert list(value) == list(expected), key  # the file's order is kept


def test_types_follow_the_field() -> None:
    assert isinstance(words.SPEECH_VERBS, frozenset)
    assert words.DEFAULT_TARGET_PREPS == ("with", "to", "against", "on", "toward", "towards", "for")
    assert (*words.GOVERNING_PREPS, "with", "in") == words.TARGET_GOVERNING_PREPS
    assert isinstance(words.DIPLOMATIC_STEMS, tuple)
    assert words.WEAPON_CODES == {**words.MUNITION_CODES, **words.CREWED_WEAPON_CODES}
    assert frozenset(words.MUNITION_CODES) < words.WEAPON_NOUNS
    assert words.GEO_FACILITIES.isdisjoint({"city", "state", "region"})
    assert "on" in words.TOPIC_PREPS and "03" in words.SHIFTABLE_ROOTS  # YAML's on and 03 stay text


def test_every_list_is_used_in_the_source() -> None:
    lists = load_word_lists()
    texts = [p.read_text(encoding="utf-8") for p in SRC.rglob("*.py")
             if p.relative_to(SRC).as_posix() != "knowledge/words.py"]

    def referenced(key: str) -> bool:
        name = re.compile(rf"\b{key.upper()}\b")
        return any(name.search(text) for text in texts)

    used = {key for key in lists.lists if referenced(key)}
    # a list that only others extend is used through them
    for key in reversed(list(lists.lists)):
        if key in used:
            used.update(lists.lists[key].extends)
    assert set(lists.lists) - used == set()


# --- a broken file ------------------------------------------------------------------------------


def _parse(body: str) -> WordLists:
    return parse_word_lists(HEAD + body, "test.yaml")


GOOD = """\
verbs:
  why: Verbs of the tests.
  words: [say, tell, on, "no"]
roots:
  why: Roots.
  roots: ["03", 14]
order:
  why: In order.
  ordered: [with, to]
weapons:
  why: Weapons.
  code_of: {bomb: "183", rocket: 194}
more:
  why: More.
  extends: [order]
  ordered: [for]
nouns:
  why: The weapons and more.
  extends: [weapons]
  except: [rocket]
  words: [bullet]
"""


def test_a_good_file() -> None:
    lists = _parse(GOOD)
    assert lists.words("verbs") == {"say", "tell", "on", "no"}
    assert lists.words("roots") == {"03", "14"}
    assert lists.ordered("more") == ("with", "to", "for")
    assert lists.code_of("weapons") == {"bomb": "183", "rocket": "194"}
    assert lists.words("nouns") == {"bomb", "bullet"}
    assert lists.lists["nouns"].extends == ("weapons",)
    lists.ordered("order")
    lists.check_all_read()


@pytest.mark.parametrize(
    ("body", "line", "problem"),
    [
        ("verbs:\n  why: x\n  words: []\n", 4, "verbs: words is empty"),
        ("verbs:\n  why: x\n  words: [say, tell, say]\n", 4, "verbs: 'say' is listed twice"),
        ("verbs:\n  why: x\n  words: [say, Tell]\n", 4, "verbs: 'Tell' is not a lowercase word"),
        ("verbs:\n  why: x\n  words: [say, \" tell\"]\n", 4, "is not a lowercase word"),
        ("verbs:\n  why: x\n  words: say\n", 4, "verbs: words must be a list, found 'say'"),
        ("verbs:\n  why: x\n  words: [say, [tell]]\n", 4, "verbs: an item of words, found a list"),
        ("verbs:\n  why: x\n  words: [say, {a: b}]\n", 4, "found a mapping"),
        ("verbs:\n  why: x\n  words: [say, ]\n  colour: red\n", 5, "verbs: unknown field 'colour'"),
        ("verbs:\n  words: [say]\n", 2, "verbs: no why"),
        ("verbs:\n  why: [x]\n  words: [say]\n", 3, "verbs: why, a text, found a list"),
        ("verbs:\n  why: x\n", 2, "verbs: give exactly one of"),
        ("verbs:\n  why: x\n  words: [say]\n  roots: [\"01\"]\n", 2, "give exactly one of"),
        ("verbs: [say]\n", 2, "verbs: expected a mapping with why and a list, found a list"),
        ("roots:\n  why: x\n  roots: [\"21\"]\n", 4, "roots: '21' is not a two-digit CAMEO root"),
        ("codes:\n  why: x\n  codes: [\"19a\"]\n", 4, "codes: '19a' is not a CAMEO event code"),
        ("who:\n  why: x\n  sectors: [GOV, XYZ]\n", 4, "who: 'XYZ' is not a sector"),
        ("arms:\n  why: x\n  code_of: {bomb: 1x}\n", 4, "arms: '1x' is not a CAMEO event code"),
        ("arms:\n  why: x\n  code_of: [bomb]\n", 4, "arms: code_of must be a mapping"),
        ("verbs:\n  why: x\n  words: [say]\nverbs:\n  why: y\n  words: [tell]\n", 5,
         "verbs: listed twice (first on line 2)"),
        ("Verbs:\n  why: x\n  words: [say]\n", 2, "'Verbs': a list key is a lowercase name"),
        ("more:\n  why: x\n  extends: [verbs]\n  words: [a]\n", 4, "more: extends 'verbs', which is no list above it"),
        ("verbs:\n  why: x\n  words: [say]\nmore:\n  why: y\n  extends: [verbs]\n  except: [tell]\n", 8,
         "more: except 'tell', which no list it extends has"),
        ("verbs:\n  why: x\n  words: [say]\nmore:\n  why: y\n  extends: [verbs]\n  words: [say]\n", 8,
         "more: 'say' is listed twice"),
        ("verbs:\n  why: x\n  words: [say]\nmore:\n  why: y\n  extends: [verbs]\n  ordered: [a]\n", 5,
         "more: a list of ordered cannot extend verbs, a list of words"),
        ("verbs:\n  why: x\n  words: [say]\nnone:\n  why: y\n  extends: [verbs]\n  except: [say]\n", 5,
         "none: the list is empty"),
        ("verbs:\n  why: x\n  words: [say\n", None, "invalid YAML"),
        ("- verbs\n", 2, "expected a mapping of list keys to lists"),
    ],
)
def test_a_broken_file_names_file_line_and_key(body: str, line: int | None, problem: str) -> None:
    with pytest.raises(KnowledgeError) as caught:
        _parse(body)
    where = f"test.yaml:{line}: " if line is not None else "test.yaml"
    assert str(caught.value).startswith(where), str(caught.value)
    assert problem in str(caught.value)


def test_a_list_no_module_reads_is_unknown() -> None:
    lists = _parse(GOOD + "spare:\n  why: x\n  words: [a]\n")
    for key in ("verbs", "roots", "order", "more", "nouns"):
        _value(lists, key)
    lists.code_of("weapons")
    with pytest.raises(KnowledgeError, match=r"^test\.yaml:23: spare: unknown list"):
        lists.check_all_read()


def test_a_list_the_file_lacks_is_named() -> None:
    with pytest.raises(KnowledgeError, match=r"^test\.yaml: speech_verbs: no such list"):
        _parse(GOOD).words("speech_verbs")


def test_a_list_read_as_the_wrong_kind_is_named() -> None:
    with pytest.raises(KnowledgeError, match=r"^test\.yaml:8: order: a list of ordered, expected one of words"):
        _parse(GOOD).words("order")


def test_the_version_line_is_checked() -> None:
    with pytest.raises(DataFileError, match=r"^test\.yaml:1: line 1 must be the version line"):
        parse_word_lists(GOOD, "test.yaml")
    with pytest.raises(DataFileError, match=r"v2 is not a version this dyadwatch reads"):
        parse_word_lists(HEAD.replace("v1", "v2") + GOOD, "test.yaml")
