"""Discards: sport, entertainment and business stories yield no state events.

"Algeria beat Mali 2-1 in a friendly" is football, not a clash of states. Cue words
(``data/discards.tsv``, each with its domain) are counted in the headline and the text; an article
with enough distinct cues of one domain, and few words of politics, is skipped whole. A sentence
with a match score ("beat Mali 2-1") is skipped wherever it appears.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from dyadwatch.knowledge.lexicon import load_discards
from dyadwatch.knowledge.words import POLITICS_WORDS
from dyadwatch.records import Article

# Distinct cues of one domain that mark an article (the headline counts double).
ARTICLE_CUES = 3
POLITICS_MAX = 2
_WORD = re.compile(r"[a-z][a-z'-]*[a-z]|[a-z]")
_SCORE = re.compile(
    r"\b(beat|beats|beaten|defeat|defeated|defeats|drew|draw|won|win|wins|lost|lose|loses|"
    r"thrashed|edged|routed|held)\b[^.]{0,60}?\b\d{1,3}\s*[-–]\s*\d{1,3}\b",
    re.I,
)


@dataclass(frozen=True)
class Discards:
    cues: dict[str, str]

    @staticmethod
    @cache
    def default() -> Discards:
        return Discards(load_discards())

    def domain(self, title: str, text: str) -> str | None:
        """The domain (sport, entertainment, business) of a story that holds no state events."""
        counts: dict[str, set[str]] = {}
        words = _WORD.findall(text.lower())
        for word in words + _WORD.findall(title.lower()) * 2:
            dom = self.cues.get(word)
            if dom:
                counts.setdefault(dom, set()).add(word)
        title_cues = {self.cues[w] for w in _WORD.findall(title.lower()) if w in self.cues}
        politics = sum(1 for w in words if w in POLITICS_WORDS)
        for dom, cues in sorted(counts.items(), key=lambda kv: -len(kv[1])):
            score = len(cues) + (1 if dom in title_cues else 0)
            if score >= ARTICLE_CUES and politics <= POLITICS_MAX:
                return dom
            if _SCORE.search(title) and dom == "sport":
                return dom
        return None

    def article(self, title: str, text: str) -> bool:
        return self.domain(title, text) is not None

    @staticmethod
    def sentence(text: str) -> bool:
        """A sentence that reports a match result ("beat Mali 2-1")."""
        return _SCORE.search(text) is not None


def is_discarded(article: Article) -> bool:
    """A sport, entertainment or business story, by its title and text."""
    return Discards.default().article(article.title or "", article.text)
