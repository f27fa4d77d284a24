"""The country a named region lies in: "the Tigray regional government" is Ethiopia's, "Catalonia's
government" Spain's, as "the Ethiopian government" is.

The names are those of the first-level divisions of every country (GeoNames' provinces, states
and regions, read through :mod:`dyadwatch.geo.admin1`) and the regions and area adjectives of our
gazetteer additions that name one country ("Puntland" SO, "Tigrayan=Tigray" ET: "Tigray" and
"Tigrayan" both give ET). A name two
countries share ("Punjab", "Central") gives none, and so does a region our additions list with no
country (one across borders or disputed: "Kashmir", "Crimea", "Kurdistan"), whatever GeoNames
calls its parts.
The table is read once, the first time a mention needs it.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from dyadwatch.geo.admin1 import admin1_file, read_admin1
from dyadwatch.geo.build import alpha3_codes, read_additions
from dyadwatch.knowledge.load import fold


def region_country(name: str) -> str | None:
    """The country (ISO alpha-3) of the region named ``name``, if exactly one has that name."""
    key = fold(name).strip()
    if key.startswith("the "):
        key = key[4:]
    return _table().get(key)


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    found: dict[str, set[str]] = defaultdict(set)
    path = admin1_file()
    for row in read_admin1(path) if path is not None else []:
        # a short alias is an abbreviation ("ACT", "NSW") that names parties and firms as often
        for name in (row.name, *(a for a in row.aliases if len(a) > 3)):
            found[fold(name)].add(row.country)
    additions = read_additions()
    for region in additions["region"]:  # one with no code spans states, or is disputed: none
        found[fold(region.name)].add(region.code if len(region.code) == 2 else "")
    for adjective in additions["adjective"]:  # "Tigrayan=Tigray": the area after the sign
        word, _, area = adjective.name.partition("=")
        if len(adjective.code) == 2 and area:
            found[fold(area)].add(adjective.code)
            # the adjective too: "Tigrayan forces", "Bavarian police" are of the area's country
            found[fold(word)].add(adjective.code)
    out: dict[str, str] = {}
    for key, codes in found.items():
        if len(codes) != 1:
            continue
        (alpha2,) = codes
        if not alpha2:
            continue
        code = alpha3_codes().get(alpha2)
        if code is not None:
            out[key] = code
    return out
