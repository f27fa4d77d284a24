"""End to end: the sample corpus plus the reference article show the USA-DZA military
signal, with the AFRICOM commander's meeting with President Tebboune among its evidence."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.coder import Coder
from dyadwatch.ingest import ingest
from dyadwatch.watch.signals import find_signals

from conftest import SHARED

SEED = SHARED / "seed" / "algeria-us-2020-09-25.txt"
CORPUS = Path(__file__).resolve().parents[1] / "src" / "dyadwatch" / "samples" / "corpus.jsonl"

pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(not SEED.exists(), reason="../shared/seed not present"),
]


def test_military_signal_for_usa_dza_shows_the_townsend_tebboune_meeting(
    coder: Coder, tmp_path: Path
) -> None:
    seed = tmp_path / "algeria-us-2020-09-25.jsonl"
    seed.write_text(
        '{"id": "seed", "date": "2020-09-25", "source": "reference", "text": '
        + __import__("json").dumps(SEED.read_text(encoding="utf-8"))
        + "}\n",
        encoding="utf-8",
    )
    db = tmp_path / "corpus.duckdb"
    summary = ingest([CORPUS, seed], db=db, coder=coder)
    assert summary.failed == 0
    signals = find_signals(db, context="military", evidence=10)
    usa_dza = [s for s in signals if {s.a[:3], s.b[:3]} == {"USA", "DZA"}]
    assert usa_dza, [s.dyad for s in signals]
    sentences = [e.sentence for s in usa_dza for e in s.evidence]
    assert any("Tebboune" in s and ("Townsend" in s or "AFRICOM" in s) for s in sentences), sentences
