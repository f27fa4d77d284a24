"""Which language an article is in: py3langid's model, which ships inside its wheel (nothing is
downloaded at run time; the model loads in about 0.6 s and classifies a 500-word article in
under a millisecond).

Only English is coded (the spaCy pipeline and the verb patterns are English). A text too short
or too mixed to tell (fewer than ``MIN_WORDS`` words, or a winning probability under
``MIN_CONFIDENCE``) is taken as English: wrongly skipping a short English wire item costs more
than trying to code a short foreign one, which simply yields no events.

Running English text is told without the model: the words English writes most and other
languages hardly at all ("the", "of", "and", "were", "said", ...) make up a sixth or more of its
words, and "the" alone one word in seventy or more. Only other texts load the model, which holds
about 130 MB in each process that loads it: an ingest of English news seldom does.
"""

from __future__ import annotations

import threading
from typing import Any

from dyadwatch.read.articles import UNDETERMINED
from dyadwatch.records import Article

SUPPORTED = frozenset({"en"})
"""Languages the coder codes (ISO 639-1)."""

DEFAULT = "en"
MIN_WORDS = 8
MIN_CONFIDENCE = 0.8
SAMPLE_CHARS = 5_000
"""Characters of the text looked at: the start of an article is plenty to tell its language."""

# English function words rarely written in other languages' running text (not "a", "in", "die",
# "an", "is", "was"... which other languages also write).
_ENGLISH = frozenset({
    "the", "of", "and", "to", "that", "with", "for", "were", "said", "has", "have", "had", "by",
    "from", "this", "which", "would", "their", "they", "he", "she", "its", "been", "are", "not",
    "but", "who", "after", "about", "also", "at", "on", "it", "be", "or", "his", "her", "will",
})  # fmt: skip
ENGLISH_SHARE = 0.15
"""Share of a text's words that are such words at or above which it is English without the model
(with enough "the": at least one, and one word in seventy)."""
THE_SHARE = 1 / 70

_IDENTIFIER: Any = None
_LOCK = threading.Lock()


def _identifier() -> Any:
    global _IDENTIFIER
    with _LOCK:
        if _IDENTIFIER is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            _IDENTIFIER = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return _IDENTIFIER


def detect(text: str) -> str:
    """The ISO 639-1 code of ``text``'s language; ``DEFAULT`` when it cannot be told."""
    sample = text[:SAMPLE_CHARS]
    words = sample.lower().split()
    if len(words) < MIN_WORDS:
        return DEFAULT
    if clearly_english(words):
        return "en"
    code, probability = _identifier().classify(sample)
    if probability < MIN_CONFIDENCE or len(code) != 2:
        return DEFAULT
    return str(code)


def clearly_english(words: list[str]) -> bool:
    """Whether lower-cased ``words`` are running English by their function words alone."""
    bare = [w.strip(".,;:!?\"'()[]") for w in words]
    common = sum(w in _ENGLISH for w in bare)
    the = bare.count("the")
    return common >= ENGLISH_SHARE * len(bare) and the >= max(1.0, THE_SHARE * len(bare))


def language_of(article: Article) -> str:
    """The article's own language when it has one (lower-cased, region dropped: ``en-GB`` is
    ``en``), else the detected one."""
    own = article.language.strip().lower()
    if own and own != UNDETERMINED:
        return own.replace("_", "-").split("-")[0]
    return detect(article.text)


def supported(language: str) -> bool:
    return language in SUPPORTED
