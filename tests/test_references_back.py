"""Actors given by a word that refers back: an object pronoun ("charged THEM"), a word for two
parties ("the pair", "the neighbours", "the allies") and a description of a state, group or
international organisation named before ("the kingdom", "the group", "the bloc"). The mention
each stands for is the nearest one in its sentence or the one before that fits it, never the
subject of its own clause for an object.

Every sentence here was written for these tests; none comes from an evaluation set.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from dyadwatch.coder import Coder
from dyadwatch.events.references import (
    DESCRIBED_STATES,
    DESCRIPTION_KINDS,
    PAIR_NOUNS,
    REFERRING_WORDS,
    Antecedents,
)
from dyadwatch.knowledge.base import load_knowledge
from dyadwatch.records import Event

DATE = "2024-03-12"


def _pairs(events: list[Event], code: str) -> set[tuple[str | None, str | None]]:
    """(source country, target country) of the events whose CAMEO code starts with ``code``."""
    return {(e.source.country if e.source else None, e.target.country if e.target else None)
            for e in events if e.cameo.code.startswith(code)}


def test_described_states_are_countries_we_know() -> None:
    countries = load_knowledge().countries
    unknown = {code for codes in DESCRIBED_STATES.values() for code in codes if code not in countries}
    assert not unknown


def test_the_prefilter_hears_every_referring_word_in_its_plural() -> None:
    for word in ("allies", "neighbours", "militants", "rivals", "pair", "bloc", "kingdom", "them", "they"):
        assert word in REFERRING_WORDS
    assert {"ally", "neighbour"} <= PAIR_NOUNS and DESCRIPTION_KINDS["alliance"] == {"igo"}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "code", "want"),
    [
        # a plural object pronoun: the people the first verb acted on, not its subject
        ("Ugandan police arrested 12 opposition supporters in Kampala on Friday and charged them "
         "with incitement.", "11", ("UGA", "UGA")),
        # a person: the one acted on before, of another country than the doer
        ("Russian authorities arrested an American reporter in Yekaterinburg and later charged him "
         "with espionage.", "11", ("RUS", "USA")),
        # a part of them: the people fired at before ('at' names whom, not where)
        ("Kenyan riot police fired water cannon at striking nurses and detained dozens of them.",
         "173", ("KEN", "KEN")),
        # never the subject of its own clause, though a person of that country was named first
        ("Turkish President Recep Tayyip Erdogan hosted Swedish Prime Minister Ulf Kristersson in "
         "Ankara. The Turkish leader praised him for a new counter-terrorism law.", "051", ("TUR", "SWE")),
    ],
)
def test_an_object_pronoun_takes_the_party_named_before(coder: Coder, text: str, code: str,
                                                        want: tuple[str, str]) -> None:
    assert want in _pairs(coder.code(text, date=DATE), code)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "code", "want"),
    [
        ("Chinese President Xi Jinping and US President Joe Biden were in San Francisco on Wednesday. "
         "The pair met for four hours.", "04", {("CHN", "USA"), ("USA", "CHN")}),
        ("Kyrgyzstan and Tajikistan have long disputed parts of their shared frontier. The neighbours "
         "exchanged fire at a border post on Thursday.", "19", {("KGZ", "TJK"), ("TJK", "KGZ")}),
        # as a target: the two named before, not the clause's own subject
        ("Japan and the Philippines have grown closer in recent years. China on Monday criticised "
         "the allies over their joint naval patrols.", "11", {("CHN", "JPN"), ("CHN", "PHL")}),
    ],
)
def test_a_word_for_two_parties_takes_the_two_named_before(
    coder: Coder, text: str, code: str, want: set[tuple[str, str]]
) -> None:
    assert want <= _pairs(coder.code(text, date=DATE), code)


@pytest.mark.model
@pytest.mark.parametrize("prefilter", [False, True])
@pytest.mark.parametrize(
    ("text", "code", "want"),
    [
        # the kingdom is the monarchy named before, not the republic that is the subject there
        ("Iran accused Bahrain of persecuting its Shiite majority. The kingdom expelled two Iranian "
         "diplomats on Tuesday.", "16", ("BHR", "IRN")),
        ("The European Union is Serbia's largest trading partner. The bloc on Tuesday urged Belgrade "
         "to free jailed opposition activists.", "02", ("IGOEEC", "SRB")),
        ("Hayat Tahrir al-Sham controls much of Idlib province. The group attacked Syrian army "
         "positions near Aleppo on Sunday.", "19", ("SYR", "SYR")),
        ("Pakistan has the world's fifth-largest population. The Islamic republic on Monday accused "
         "India of backing separatists in Balochistan.", "11", ("PAK", "IND")),
        # a description a sentence with no event names: the pre-filter keeps that sentence
        ("The Maldives is a chain of coral atolls in the Indian Ocean. The island nation on Sunday "
         "accused India of meddling in its election.", "11", ("MDV", "IND")),
    ],
)
def test_a_description_takes_the_actor_of_its_kind_named_before(
    coder: Coder, prefilter: bool, text: str, code: str, want: tuple[str, str]
) -> None:
    fresh = Coder(replace(coder.settings, prefilter=prefilter, places=False),
                  nlp=coder.nlp, knowledge=coder.knowledge)
    assert want in _pairs(fresh.code(text, date=DATE), code)


@pytest.mark.model
def test_the_militants_are_the_group_named_before_not_a_guess_from_the_scene(coder: Coder) -> None:
    text = "Al-Shabaab is based in Somalia. The militants stormed a hotel in Nairobi on Tuesday."
    sources = {e.source.country for e in coder.code(text, date=DATE) if e.source is not None}
    assert sources == {"SOM"}



@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        ("Thousands of families were forced to leave the country last year.", "country", None),
        ("The island nation protested to the envoy.", "nation", "nation"),
        ("The group of experts met on Monday.", "group", None),
        ("The neighbours traded fire.", "neighbours", "pair"),
        ("The neighbour protested.", "neighbour", None),
    ],
)
def test_which_words_refer_back(coder: Coder, text: str, word: str, kind: str | None) -> None:
    doc = coder.nlp(text)
    references = Antecedents(doc, lambda _t: None, lambda _w: None)
    assert references.referring(next(t for t in doc if t.text == word)) == kind


@pytest.mark.model
@pytest.mark.parametrize(("text", "doer", "owner"), [
    # the subject of the clause the attack happens in owns what it hits
    ("Four Malian soldiers died when jihadists attacked their base in the centre of the country.",
     "MLIREB", "MLIMIL"),
    ("Two Nigerien soldiers were wounded when insurgents ambushed their convoy near Diffa.",
     "NERREB", "NERMIL"),
])
def test_a_possessive_may_stand_for_the_subject_of_the_clause_above(
        coder: Coder, text: str, doer: str, owner: str) -> None:
    events = coder.code(text, date=DATE)
    assert any(e.source.cameo_code == doer and e.target is not None and e.target.cameo_code == owner
               for e in events), [(e.source.cameo_code, e.target.cameo_code if e.target else None) for e in events]


@pytest.mark.model
def test_a_possessive_is_never_the_reporter_of_its_clause(coder: Coder) -> None:
    events = coder.code("Kenyan officials said gunmen had seized their vehicles near Mandera.", date=DATE)
    assert all(e.target is None or e.target.sector != "GOV" for e in events), events
