"""Trigger matching: which pattern wins among several, and rows that are events only in a frame.

The lexicons here are small tables of our own, so the rules are tested apart from the shipped
rows (which other tests and the challenge suite cover).
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder
from dyadwatch.errors import KnowledgeError
from dyadwatch.knowledge.lexicon import Lexicon, parse_lexicon, parse_lexicons

VERSION = "# dyadwatch trigger lexicon v3 (2026-12-05): test\n"
HEADER = "id\tkind\tlemma\tparticle\tobject\tprep\tcode\tnote\n"


def _rows(*rows: str) -> str:
    return VERSION + HEADER + "".join(r.replace("|TAB|", "\t") + "\n" for r in rows)


def _coder(coder: Coder, lexicon: Lexicon) -> Coder:
    """A coder sharing the session's pipeline and knowledge, with its own lexicon."""
    own = Coder(coder.settings, nlp=coder.nlp, knowledge=coder.knowledge)
    own._lexicon = lexicon
    return own


def _codes(coder: Coder, text: str) -> list[str]:
    return [e.cameo.code for e in coder.code(text, date="2024-05-02")]


def test_framed_flag_is_read_and_does_not_count_as_a_preposition() -> None:
    lexicon = parse_lexicon(
        HEADER + "a\tverb\thold\t\telection\t(framed)\t0834\tx\nb\tverb\thold\t\telection\t\t0834\tx\n", "t"
    )
    a, b = lexicon.patterns
    assert a.framed_only and not b.framed_only
    assert a.specificity == b.specificity == 2


def test_a_frame_cannot_be_framed() -> None:
    with pytest.raises(KnowledgeError, match="only a verb or noun pattern") as err:
        parse_lexicon(HEADER + "f\tframe\turge\t\t\t(framed)\t020\tx\n", "verbs.tsv")
    assert err.value.line == 2 and "verbs.tsv:" in str(err.value)


def test_object_words_counts_the_longest_matched_form() -> None:
    (p,) = parse_lexicon(HEADER + "a\tverb\tgrant\t\tright|overflight right\tto\t0833\tx\n", "t").patterns
    assert p.object_words({"right", "overflight right"}) == 2
    assert p.object_words({"right"}) == 1
    assert p.object_words({"visa"}) == 0


@pytest.mark.model
def test_the_longer_matched_object_wins_whichever_table_it_is_in(coder: Coder) -> None:
    core = ("core.tsv", _rows("rights|TAB|verb|TAB|grant|TAB||TAB|right|TAB|to|TAB|0833|TAB|x"))
    later = ("lexicon/06_material.tsv",
             _rows("air|TAB|verb|TAB|grant|TAB||TAB|landing right|TAB|to|TAB|062|TAB|x"))
    own = _coder(coder, parse_lexicons([core, later]))
    assert _codes(own, "Greece granted landing rights to Turkey on Monday.") == ["062"]
    # other rights match only the core row's bare 'right'
    assert _codes(own, "Greece granted voting rights to Albania on Monday.") == ["0833"]


@pytest.mark.model
def test_an_equal_tie_within_a_root_goes_to_the_deeper_code(coder: Coder) -> None:
    generic = _rows("cut|TAB|verb|TAB|cut|TAB||TAB|tie|TAB|with|TAB|160|TAB|x")
    leaf = _rows("cut.dipl|TAB|verb|TAB|cut|TAB||TAB|tie|TAB|with|TAB|161|TAB|x")
    text = "Morocco cut ties with Iran on Tuesday."
    assert _codes(_coder(coder, parse_lexicons([("core.tsv", generic), ("lexicon/16_reduce.tsv", leaf)])),
                  text) == ["161"]
    # across roots an equal tie still goes to the earlier table
    other = _rows("cut.aid|TAB|verb|TAB|cut|TAB||TAB|tie|TAB|with|TAB|070|TAB|x")
    assert _codes(_coder(coder, parse_lexicons([("core.tsv", generic), ("lexicon/07_aid.tsv", other)])),
                  text) == ["160"]


@pytest.mark.model
def test_a_generic_code_on_the_bare_object_yields_to_the_nouns_modifier(coder: Coder) -> None:
    own = _coder(coder, parse_lexicons([
        ("core.tsv", _rows("ties|TAB|verb|TAB|deepen|TAB||TAB|cooperation|TAB||TAB|050|TAB|x")),
        ("lexicon/06_material.tsv",
         _rows("mil|TAB|noun|TAB|cooperation|TAB||TAB|defence cooperation|TAB||TAB|062|TAB|x")),
    ]))
    assert _codes(own, "India deepened defence cooperation with Japan on Monday.") == ["062"]
    assert _codes(own, "India deepened cooperation with Japan on Monday.") == ["050"]


@pytest.mark.model
def test_a_framed_row_is_an_event_only_inside_a_frame(coder: Coder) -> None:
    own = _coder(coder, parse_lexicons([("core.tsv", _rows(
        "pledge|TAB|frame|TAB|promise|TAB||TAB||TAB|to|TAB|030|TAB|x",
        "demand|TAB|frame|TAB|demand|TAB||TAB||TAB||TAB|100|TAB|x",
        "polls|TAB|verb|TAB|hold|TAB||TAB|election|TAB|(framed)|TAB|0834|TAB|x",
    ))]))
    assert _codes(own, "The junta promised to hold elections within a year.") == ["0344"]
    assert _codes(own, "The opposition demanded that the junta hold elections.") == ["1044"]
    assert _codes(own, "Kenya held elections on Tuesday.") == []
    assert _codes(own, "The junta will hold elections next year.") == []


@pytest.mark.model
@pytest.mark.parametrize(("text", "codes"), [
    ("The junta in Niger promised to hold elections within three years.", ["0344"]),
    ("The European Union urged Myanmar's generals to hold elections.", ["0244"]),
    ("Ecuador held elections on Sunday amid heavy security.", []),
    ("The mayor of Lagos appealed for soldiers to restore order, Nigerian media reported.", ["0234"]),
    # signing is 057 whatever the agreement is about, however specific a rival row's object
    ("Greece and Egypt signed a security agreement in Athens on Monday.", ["057"]),
])
def test_shipped_rows_framed_and_for_clauses(coder: Coder, text: str, codes: list[str]) -> None:
    assert sorted({e.cameo.code for e in coder.code(text, date="2024-05-02")}) == codes, text


@pytest.mark.model
def test_a_longer_matched_object_outweighs_a_preposition_point(coder: Coder) -> None:
    # the bomb row's preposition is in the sentence and scores a point more; the nuclear
    # row's two-word object says more about the act
    bomb = ("core.tsv", _rows("bomb|TAB|verb|TAB|detonate|TAB||TAB|device|TAB|at|TAB|183|TAB|x"))
    nuke = ("lexicon/20_massviolence.tsv",
            _rows("nuke|TAB|verb|TAB|detonate|TAB||TAB|nuclear device|TAB|on|TAB|2042|TAB|x"))
    own = _coder(coder, parse_lexicons([bomb, nuke]))
    assert _codes(own, "Pakistan detonated a nuclear device at a desert site on Monday.") == ["2042"]
    # with only the bare object matched, the preposition point still decides
    assert _codes(own, "Rebels detonated a device at a checkpoint on Monday.") == ["183"]
