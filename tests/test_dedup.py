"""Near-duplicate detection: MinHash signatures and the LSH ring index."""

from __future__ import annotations

import random

import numpy as np
import pytest

from dyadwatch.feeds.dedup import DedupIndex, Signature, signature
from dyadwatch.feeds.language import detect, language_of
from dyadwatch.records import Article
from dyadwatch.store.store import Store
from feed_server import GERMAN, WORDS


def text(seed: int, n: int = 120) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(n))


def rewrite(original: str, every: int) -> str:
    words = original.split()
    return " ".join("CHANGED" if i % every == 0 else w for i, w in enumerate(words))


def test_copies_and_light_rewrites_are_found_unrelated_texts_are_not() -> None:
    index = DedupIndex()
    originals = {f"a{i}": text(i) for i in range(50)}
    for key, body in originals.items():
        sig = signature(body)
        assert sig is not None and index.original_of(key, sig) is None
        index.add(key, sig)
    verbatim = signature(originals["a7"])
    light = signature(rewrite(originals["a9"], 40))
    heavy = signature(rewrite(originals["a11"], 3))
    assert verbatim is not None and light is not None and heavy is not None
    assert index.original_of("copy", verbatim) == "a7"
    assert index.original_of("copy", light) == "a9"
    assert index.original_of("copy", heavy) is None
    assert index.original_of("a7", verbatim) is None  # never its own copy
    assert signature("too short to judge") is None


def test_the_earliest_original_wins_and_the_ring_forgets_the_oldest() -> None:
    index = DedupIndex(capacity=3)
    body = text(1)
    sig = signature(body)
    assert sig is not None
    index.add("first", sig)
    index.add("second", sig)  # (a copy would not be added; this checks the order)
    assert index.original_of("x", sig) == "first"
    for i in range(3):
        other = signature(text(100 + i))
        assert other is not None
        index.add(f"o{i}", other)
    assert len(index) == 3 and index.original_of("x", sig) is None


def test_index_rebuilt_from_the_store_answers_the_same() -> None:
    with Store.open(":memory:") as store:
        con = store.connection
        index = DedupIndex()
        for i in range(30):
            sig = signature(text(i))
            assert sig is not None
            seq = index.add(f"a{i}", sig)
            con.execute(
                "INSERT INTO article_minhash VALUES (?, ?, ?)", [f"a{i}", seq, sig.to_bytes()]
            )
        again = DedupIndex.load(con)
        assert len(again) == 30 and again.next_seq == index.next_seq
        for i in (0, 13, 29):
            probe = signature(rewrite(text(i), 50))
            assert probe is not None
            assert again.original_of("p", probe) == index.original_of("p", probe) == f"a{i}"
        sig = signature(text(3))
        assert sig is not None
        assert Signature.from_bytes(sig.to_bytes()).jaccard(sig) == 1.0
        assert np.array_equal(Signature.from_bytes(sig.to_bytes()).hashvalues, sig.hashvalues)


def test_language_detection_and_a_records_own_language() -> None:
    assert detect(GERMAN) == "de"
    assert detect(text(5)) == "en"
    assert detect("Kenya praised Brazil.") == "en"  # too short to tell: taken as English
    german_said_english = Article(id="x", text=GERMAN, language="en")
    assert language_of(german_said_english) == "en"
    assert language_of(Article(id="y", text="Short.", language="fr-CA")) == "fr"
    assert language_of(Article(id="z", text=GERMAN, language="")) == "de"


FOREIGN = {
    "fr": "Le président de la République a rencontré mardi le ministre des Affaires étrangères pour "
          "discuter de la crise dans la région du Sahel, selon un communiqué publié par l'Élysée.",
    "es": "El presidente del Gobierno se reunió el martes con el ministro de Asuntos Exteriores para "
          "analizar la situación en la frontera, según un comunicado oficial publicado por la agencia.",
    "nl": "De minister van Buitenlandse Zaken heeft dinsdag in Den Haag met zijn Duitse collega "
          "gesproken over de situatie in het oosten van het land, zo meldt het ministerie.",
}


def test_running_english_is_told_without_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    from dyadwatch.feeds import language

    def no_model() -> None:
        raise AssertionError("the model was loaded for English text")

    monkeypatch.setattr(language, "_identifier", no_model)
    english = ("The foreign minister said on Tuesday that the government would not accept the terms "
               "of the agreement, which were set out by the delegation after talks in Geneva.")
    assert language.clearly_english(english.lower().split())
    assert detect(english) == "en"


def test_other_languages_still_go_to_the_model() -> None:
    from dyadwatch.feeds.language import clearly_english

    assert not clearly_english(GERMAN.lower().split())
    for code, sample in FOREIGN.items():
        assert not clearly_english(sample.lower().split())
        assert detect(sample) == code
