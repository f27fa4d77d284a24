"""The gazetteer's vocabulary: a candidate place, the lookup protocol, name keys and distances.

Kept apart from the GeoNames gazetteer so the builder and the disk cache can use these types
without importing the gazetteer that loads them.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

Feature = Literal["country", "admin", "district", "city", "continent", "region"]
# The features that are areas a capitalised name found anywhere is taken for (not towns, nor the
# tens of thousands of counties and districts, many of them ordinary words or surnames).
AREAS = frozenset({"country", "admin", "continent", "region"})


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry a name can refer to."""

    geonames_id: int | None
    name: str
    feature: Feature
    country: str | None  # ISO 3166 alpha-3
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int = 0
    alternate: bool = False  # matched through an alternate name, not the main one
    capital: bool = False  # a national capital
    admin1_name: str | None = None  # the name of the province or state it lies in


class Gazetteer(Protocol):
    """What the resolver needs from a gazetteer."""

    def lookup(self, name: str) -> Sequence[Candidate]:
        """Every place the name can refer to (case- and accent-insensitive), best known first."""

    def country(self, code: str) -> Candidate | None:
        """A country by ISO alpha-2 or alpha-3 code."""

    def demonym(self, word: str) -> Candidate | None:
        """The country (or continent) an adjective or nationality word points to ("Algerian")."""


def name_key(name: str) -> str:
    """Lookup key: accents and dots dropped, case folded, curly quotes unified, spaces squeezed."""
    if not name.isascii():
        text = unicodedata.normalize("NFKD", name.replace("’", "'"))
        name = "".join(ch for ch in text if not unicodedata.combining(ch))
    # Dots dropped: "U.S." and "US", "St. Louis" and "St Louis" are one name.
    return " ".join(name.replace(".", "").casefold().split())


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p = math.pi / 180
    a = (
        math.sin((lat2 - lat1) * p / 2) ** 2
        + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


# A district (a county) ranks with a city: both are as precise as an event place gets here.
_FEATURE_RANK: dict[str, int] = {
    "city": 0, "district": 0, "admin": 1, "region": 2, "country": 3, "continent": 4
}  # fmt: skip


def feature_rank(feature: str) -> int:
    """Smaller is more specific (a city beats its country when both fit an event)."""
    return _FEATURE_RANK.get(feature, 2)
