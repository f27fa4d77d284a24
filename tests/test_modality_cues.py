"""The modality cue table (data/modality.tsv) and what an attribution keeps; no spaCy."""

from __future__ import annotations

import pytest

from dyadwatch.errors import KnowledgeError
from dyadwatch.events.modality import (
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


def test_attribution_keeps_only_what_the_text_says_of_the_speaker() -> None:
    from dyadwatch.events.extract import _attributed
    from dyadwatch.records import Actor

    guessed = Actor("official", 4, 12, "Algeria official", "DZA", "GOV", "DZAGOV", "organisation",
                    "role 'official' -> GOV; no nationality; the article is about DZA")
    stated = Actor("Algerian official", 4, 21, "Algeria official", "DZA", "GOV", "DZAGOV", "organisation",
                   "role 'official' -> GOV; nationality 'Algerian' -> DZA")
    assert _attributed(stated) == stated
    assert _attributed(None) is None
    plain = _attributed(guessed)
    assert plain is not None and plain.country is None and plain.cameo_code == "GOV"
    assert plain.name == "official" and "article is about" not in plain.reason
