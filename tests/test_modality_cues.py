"""The modality cue table (data/modality.tsv): its loader and its classes; no spaCy."""

from __future__ import annotations

import pytest

from dyadwatch.errors import KnowledgeError
from dyadwatch.modality import (
    DENIAL_GOVERNORS,
    FUTURE_FRAMES,
    HEDGE_MODALS,
    REPORT_NOUNS,
    parse_cues,
)


def test_shipped_table_has_every_class() -> None:
    assert "deny" in DENIAL_GOVERNORS and "report" in REPORT_NOUNS
    assert "may" in HEDGE_MODALS and "plan" in FUTURE_FRAMES


def test_parse_cues_reads_rows_and_skips_comments() -> None:
    cues = parse_cues("# a comment\nword\tclass\nRefute\tdenial_governor\n\nrumour\treport_noun\n", "t.tsv")
    assert cues["denial_governor"] == frozenset({"refute"})
    assert cues["report_noun"] == frozenset({"rumour"})
    assert cues["hedge_modal"] == frozenset()


@pytest.mark.parametrize("row", ["deny\tdenial", "deny", "\tdenial_governor", "deny\tdenial_governor\textra"])
def test_bad_row_names_file_and_line(row: str) -> None:
    with pytest.raises(KnowledgeError, match=r"t\.tsv:3"):
        parse_cues(f"# header comment\nword\tclass\n{row}\n", "t.tsv")
