"""The verb-pattern lexicon and context table: loading and validation."""

from __future__ import annotations

import pytest

from dyadwatch.errors import KnowledgeError
from dyadwatch.lexicon import load_contexts, load_lexicon, parse_contexts, parse_lexicon
from dyadwatch.ontology import load_ontology

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
