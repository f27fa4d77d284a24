"""The verb-pattern lexicon and context table: loading and validation."""

from __future__ import annotations

import pytest

from dyadwatch.errors import KnowledgeError
from dyadwatch.knowledge.lexicon import load_contexts, load_lexicon, parse_contexts, parse_lexicon
from dyadwatch.knowledge.ontology import load_ontology

HEADER = "id\tkind\tlemma\tparticle\tobject\tprep\tcode\tnote\n"


def test_shipped_lexicon_codes_exist_in_ontology() -> None:
    codes = {c.code for c in load_ontology().cameo_codes()}
    lexicon = load_lexicon(known_codes=codes)
    assert lexicon.codes() <= codes


def test_shipped_lexicon_covers_every_cameo_root() -> None:
    roots = {code[:2] for code in load_lexicon().codes()}
    assert roots == {f"{i:02d}" for i in range(1, 21)}


def test_shipped_contexts_are_plover_contexts() -> None:
    table = load_contexts(set(load_ontology().plover_contexts()))
    assert table["military"] == "military"


@pytest.mark.parametrize(
    ("body", "line", "problem"),
    [
        ("meet\tverb\tmeet\t\twith\t040\tx\n", 2, "expected 8 columns"),
        ("a\tverb\tmeet\t\t\twith\t040\tx\na\tverb\tgo\t\t\t\t042\tx\n", 3, "duplicate"),
        ("a\tadverb\tmeet\t\t\t\t040\tx\n", 2, "kind"),
        ("a\tverb\tmeet\t\t\t\t99x\tx\n", 2, "bad CAMEO code"),
        ("a\tverb\tmeet\t\t\t\t999\tx\n", 2, "unknown CAMEO code"),
        ("a\tverb\t\t\t\t\t040\tx\n", 2, "empty lemma"),
    ],
)
def test_lexicon_validation_names_line(body: str, line: int, problem: str) -> None:
    with pytest.raises(KnowledgeError) as err:
        parse_lexicon(HEADER + body, "verbs.tsv", known_codes={"040", "042"})
    assert err.value.line == line
    assert problem in str(err.value)
    assert "verbs.tsv:" in str(err.value)


def test_most_specific_candidates_are_indexed_by_lemma() -> None:
    lexicon = parse_lexicon(
        HEADER + "a\tverb\tpay\t\tvisit|trip\tto\t042\tx\nb\tverb\tpay|give\t\t\t\t070\tx\n",
        "t.tsv",
    )
    assert [p.id for p in lexicon.candidates("verb", "pay")] == ["a", "b"]
    assert lexicon.candidates("verb", "give")[0].specificity == 0


def test_context_validation() -> None:
    with pytest.raises(KnowledgeError, match="unknown PLOVER context"):
        parse_contexts("lemma\tcontext\narmy\tmilitaryy\n", "c.tsv", {"military"})


# -- frames, discards, pattern markers -----------------------------------------------------------


def test_shipped_frame_shifts_load_and_follow_parents() -> None:
    from dyadwatch.knowledge.lexicon import load_shifts

    codes = {c.code for c in load_ontology().cameo_codes()}
    shifts = load_shifts(codes)
    assert shifts.shift("087", "appeal") == "0256"
    assert shifts.shift("0874", "refuse") == "1246"  # 0874 -> its parent 087
    assert shifts.shift("1831", "intent") == "1383"  # 1831 -> 183 -> root 18
    assert shifts.shift("040", "intent") == "036"
    assert shifts.shift("111", "appeal") is None  # no appeal to criticize: the frame's own code


def test_frame_shift_validation_names_line() -> None:
    from dyadwatch.knowledge.lexicon import parse_shifts

    with pytest.raises(KnowledgeError) as err:
        parse_shifts("base\tappeal\tintent\tdemand\trefuse\n040\t026\t999\t106\t125\n", "f.tsv", {"040", "026", "106", "125"})
    assert err.value.line == 2 and "unknown CAMEO code" in str(err.value)


def test_frame_code_must_name_a_family() -> None:
    with pytest.raises(KnowledgeError, match="frame's code"):
        parse_lexicon(HEADER + "f\tframe\turge\t\t\t\t040\tx\n", "verbs.tsv")
    lexicon = parse_lexicon(HEADER + "f\tframe\turge\t\t\t\t020\tx\ng\tframe\tthreaten\t\t\t\t130\tx\n", "t")
    assert [p.family for p in lexicon.patterns] == ["appeal", "intent"]


def test_optional_particle_and_required_target_markers() -> None:
    lexicon = parse_lexicon(
        HEADER + "a\tverb\twithdraw\t-|out\ttroop\tfrom\t0874\tx\nb\tverb\tcall\t\t\tdobj|!\t041\tx\n"
        "c\tverb\tagree\t\t(clause)\t\t019\tx\n",
        "t",
    )
    a, b, c = lexicon.patterns
    assert a.specificity == 3  # an optional particle does not count, the object and prep do
    assert b.needs_target and not a.needs_target
    assert c.specificity == 1  # a that-clause object counts less than a named object


def test_shipped_lexicon_reaches_most_three_digit_codes() -> None:
    from dyadwatch.knowledge.lexicon import load_shifts

    codes = {c.code for c in load_ontology().cameo_codes()}
    lexicon = load_lexicon(known_codes=codes)
    shifts = load_shifts(codes)
    direct = {c[:3] for c in lexicon.codes()}
    shifted = {v[:3] for row in shifts.table.values() for v in row.values()}
    three = {c for c in codes if len(c) == 3}
    reached = (direct | shifted) & three
    assert len(reached) / len(three) > 0.9, sorted(three - reached)


def test_discard_cues_load_and_validate() -> None:
    from dyadwatch.knowledge.lexicon import load_discards, parse_discards

    cues = load_discards()
    assert cues["football"] == "sport" and cues["festival"] == "entertainment"
    with pytest.raises(KnowledgeError, match="domain"):
        parse_discards("cue\tdomain\nmatch\tsports\n", "d.tsv")


def test_discards_spot_sport_stories_not_politics() -> None:
    from dyadwatch.knowledge.discards import Discards

    discards = Discards.default()
    assert discards.sentence("Ghana beat Togo 3-0 in a qualifier on Sunday.")
    assert not discards.sentence("Ghana and Togo signed three agreements on Sunday.")
    sport = "The striker scored twice as the club won the cup final; the coach praised the squad."
    assert discards.domain("Club Wins Cup", sport) == "sport"
    politics = ("The minister met the president and the army chief; officials said the talks on the "
                "ceasefire and the sanctions would continue, and the government praised the club's coach.")
    assert discards.domain("Minister Meets President", politics) is None


def test_context_duplicate_regardless_of_case() -> None:
    with pytest.raises(KnowledgeError, match="duplicate lemma") as err:
        parse_contexts("lemma\tcontext\narmy\tmilitary\nArmy\tmilitary\n", "c.tsv", {"military"})
    assert err.value.line == 3
