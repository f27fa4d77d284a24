"""Hand-built parsed sentences and a tiny fake gazetteer for the place and date tests.

No test lives here: the helpers let most tests run without the spaCy model or GeoNames data,
on parses written out by hand (so a test fails for our logic, not for a parser's whim).
"""

from __future__ import annotations

from collections.abc import Sequence

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dyadwatch.geo.gazetteer import Candidate, PlaceResolver, name_key
from dyadwatch.geo.places import find_place_mentions

_POS = {
    "NNP": "PROPN", "NNPS": "PROPN", "NN": "NOUN", "NNS": "NOUN", "VBD": "VERB", "VBZ": "VERB",
    "VBP": "VERB", "VB": "VERB", "VBN": "VERB", "VBG": "VERB", "MD": "AUX", "IN": "ADP",
    "DT": "DET", "JJ": "ADJ", "RB": "ADV", "TO": "PART", "CC": "CCONJ", "PRP": "PRON",
    ".": "PUNCT", ",": "PUNCT", "POS": "PART", "CD": "NUM", "AUX": "AUX", "PRP$": "PRON",
}  # fmt: skip

Tok = tuple[str, str, str, int, str] | tuple[str, str, str, int, str, str]


_VOCAB: list[Vocab] = []


def _vocab() -> Vocab:
    # English lexical attributes (lower_, is_punct) come with a blank English pipeline's vocab.
    if not _VOCAB:
        _VOCAB.append(spacy.blank("en").vocab)
    return _VOCAB[0]


def make_doc(tokens: Sequence[Tok]) -> Doc:
    """A parsed Doc from (word, tag, dep, head index, entity label[, lemma]) tuples.

    Neighbouring tokens with one entity label form one entity; a label written "B-X" starts
    a new one. Every token but the last is followed by a space; one sentence.
    """
    words = [t[0] for t in tokens]
    ents: list[str] = []
    prev = ""
    for t in tokens:
        label = t[4]
        if not label:
            ents.append("O")
        elif label.startswith("B-"):
            ents.append(label)
        else:
            ents.append(("I-" if label == prev else "B-") + label)
        prev = label.removeprefix("B-")
    lemmas = [t[5] if len(t) > 5 else t[0].lower() for t in tokens]
    starts: list[bool | int | None] = [True, *([False] * (len(tokens) - 1))]
    return Doc(
        _vocab(),
        words=words,
        tags=[t[1] for t in tokens],
        pos=[_POS.get(t[1], "X") for t in tokens],
        deps=[t[2] for t in tokens],
        heads=[t[3] for t in tokens],
        lemmas=lemmas,
        ents=ents,
        sent_starts=starts,
    )


def placed_names(resolver: PlaceResolver, tokens: Sequence[Tok]) -> list[tuple[str, str]]:
    """The place mentions of a hand-built sentence: (text, resolved name or "-")."""
    doc = make_doc(tokens)
    return [
        (m.text, m.place.name if m.place else "-")
        for m in find_place_mentions(doc, resolver=resolver)
    ]


def _cand(
    gid: int, name: str, feature: str, country: str | None, pop: int = 0, **kw: object
) -> Candidate:
    lat = kw.pop("lat", 0.0)
    lon = kw.pop("lon", 0.0)
    return Candidate(gid, name, feature, country, kw.pop("admin1", None), lat, lon, pop, **kw)  # type: ignore[arg-type]


MALI = _cand(1, "Mali", "country", "MLI", 19_000_000, lat=17.0, lon=-4.0)
MALI_TOWN = _cand(2, "Mali", "city", "CHN", 42_000, lat=34.7, lon=104.7)
NIGER = _cand(3, "Niger", "country", "NER", 22_000_000, lat=18.0, lon=9.0)
ALGERIA = _cand(4, "Algeria", "country", "DZA", 42_000_000, lat=28.0, lon=3.0)
ALGIERS = _cand(5, "Algiers", "city", "DZA", 2_364_230, lat=36.7, lon=3.1, capital=True)
USA = _cand(6, "United States", "country", "USA", 327_000_000, lat=39.76, lon=-98.5)
DC = _cand(7, "Washington", "city", "USA", 689_545, admin1="DC", lat=38.9, lon=-77.0, capital=True)
WA_STATE = _cand(8, "Washington", "admin", "USA", admin1="WA", lat=47.4, lon=-121.1)
WA_UK = _cand(9, "Washington", "city", "GBR", 67_085, admin1="ENG", lat=54.9, lon=-1.5)
GEORGIA = _cand(10, "Georgia", "country", "GEO", 3_700_000, lat=42.0, lon=43.5)
GEORGIA_US = _cand(11, "Georgia", "admin", "USA", admin1="GA", lat=32.5, lon=-83.4)
ATLANTA = _cand(12, "Atlanta", "city", "USA", 498_000, admin1="GA", lat=33.7, lon=-84.4)
NY_STATE = _cand(13, "New York", "admin", "USA", admin1="NY", lat=42.6, lon=-75.3)
NYC = _cand(14, "New York City", "city", "USA", 8_800_000, admin1="NY", lat=40.7, lon=-74.0)
SEVERN_MD = _cand(15, "Severn", "city", "USA", 44_000, admin1="MD", lat=39.1, lon=-76.7)
SEVERN_GB = _cand(16, "Severn", "city", "GBR", 60_000, admin1="ENG", lat=51.6, lon=-2.6)
MARYLAND = _cand(17, "Maryland", "admin", "USA", admin1="MD", lat=39.0, lon=-76.8)
NABLUS = _cand(18, "Nablus", "city", "PSE", 126_000, lat=32.2, lon=35.3)
WEST_BANK = _cand(19, "West Bank", "region", "PSE", lat=32.0, lon=35.25)
SINGAPORE = _cand(20, "Singapore", "city", "SGP", 5_600_000, lat=1.3, lon=103.8)
GARDEN_CITY = _cand(21, "Garden City", "city", "USA", 22_000, lat=40.7, lon=-73.6)
LIBYA = _cand(22, "Libya", "country", "LBY", 6_700_000, lat=28.0, lon=17.0)


class FakeGazetteer:
    """A dict-backed ``Gazetteer``: names to candidates, plus demonyms and country codes."""

    def __init__(self, extra: dict[str, list[Candidate]] | None = None) -> None:
        self.names: dict[str, list[Candidate]] = {
            "mali": [MALI, MALI_TOWN],
            "niger": [NIGER],
            "algeria": [ALGERIA],
            "algiers": [ALGIERS],
            "united states": [USA],
            "us": [USA],
            "washington": [WA_STATE, DC, WA_UK],
            "georgia": [GEORGIA, GEORGIA_US],
            "atlanta": [ATLANTA],
            "new york": [NY_STATE, Candidate(**{**NYC.__dict__, "alternate": True})],
            "severn": [SEVERN_GB, SEVERN_MD],
            "md": [MARYLAND],
            "nablus": [NABLUS],
            "west bank": [WEST_BANK],
            "garden city": [GARDEN_CITY, Candidate(**{**SINGAPORE.__dict__, "alternate": True})],
            "libya": [LIBYA],
        }
        self.names.update(extra or {})
        self.demonyms = {"algerian": ALGERIA, "american": USA, "malian": MALI}

    def lookup(self, name: str) -> Sequence[Candidate]:
        return self.names.get(name_key(name), [])

    def country(self, code: str) -> Candidate | None:
        return next((c for c in (MALI, NIGER, ALGERIA, USA, LIBYA) if c.country == code), None)

    def demonym(self, word: str) -> Candidate | None:
        key = name_key(word)
        return self.demonyms.get(key) or self.demonyms.get(key.removesuffix("s"))
