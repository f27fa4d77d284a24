"""A fast pass that keeps the parser away from sentences that cannot hold an event.

A sentence can yield an event only if it names an actor (a gazetteer name, a role word such as
"minister" or "army", or a pronoun that may refer back to one) and a trigger (a word form of a
lexicon verb or event noun). Other sentences are blanked out with spaces before parsing: the
text keeps its length, so every offset still indexes the original article, and spaCy turns each
blank run into a single whitespace token that costs the parser next to nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\.-]*[A-Za-z]|[A-Za-z]")
# Sentence ends: terminal punctuation (and a closing quote) before space, or a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+|\n+(?![a-z])")
_PRONOUNS = frozenset(
    [
        "he",
        "she",
        "they",
        "we",
        "i",
        "his",
        "her",
        "their",
        "our",
        "its",
        "it",
        "him",
        "them",
        "us",
        "who",
        "which",
    ]
)


def inflections(lemma: str, irregular: dict[str, set[str]] | None = None) -> set[str]:
    """Regular English inflections of a verb or noun lemma, plus known irregular forms."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing", lemma + "d"}
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if (
        len(lemma) > 2
        and lemma[-1] not in "aeiouwxy"
        and lemma[-2] in "aeiou"
        and lemma[-3] not in "aeiou"
    ):
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # "plan" -> "planned"
    forms |= (irregular or {}).get(lemma, set())
    return forms


@dataclass(frozen=True)
class PreFilter:
    """Word sets for the fast pass; build once per Coder with ``PreFilter.build``."""

    actor_words: frozenset[str]  # lower-cased single words that may start an actor mention
    trigger_words: frozenset[str]  # lower-cased word forms of lexicon lemmas

    @classmethod
    def build(
        cls,
        names: Iterable[str],
        roles: Iterable[str],
        trigger_lemmas: Iterable[str],
        irregular: dict[str, set[str]] | None = None,
    ) -> PreFilter:
        actor_words: set[str] = set(_PRONOUNS)
        for name in names:
            for word in _WORD.findall(name):
                actor_words.add(word.lower())  # any word of a name: "Tebboune" alone counts
        for role in roles:
            for word in role.split():
                actor_words.add(word.lower())
                actor_words.add(word.lower() + "s")
        triggers: set[str] = set()
        for lemma in trigger_lemmas:
            triggers |= inflections(lemma.lower(), irregular)
        return cls(frozenset(actor_words), frozenset(triggers))

    def keeps(self, sentence: str) -> bool:
        words = {w.lower().rstrip(".") for w in _WORD.findall(sentence)}
        words |= {w.replace("’s", "").replace("'s", "") for w in words}
        return bool(words & self.actor_words) and bool(words & self.trigger_words)

    def apply(self, text: str) -> tuple[str, float]:
        """The text with every sentence that cannot hold an event blanked; and the share kept."""
        pieces: list[str] = []
        kept = total = 0
        start = 0
        for match in _SENTENCE_END.finditer(text):
            sentence = text[start : match.start()]
            pieces.append(self._piece(sentence))
            pieces.append(match.group())
            total += len(sentence)
            kept += len(sentence) if pieces[-2] is sentence else 0
            start = match.end()
        tail = text[start:]
        pieces.append(self._piece(tail))
        total += len(tail)
        kept += len(tail) if pieces[-1] is tail else 0
        out = "".join(pieces)
        assert len(out) == len(text)
        return out, (kept / total if total else 1.0)

    def _piece(self, sentence: str) -> str:
        if not sentence.strip() or self.keeps(sentence):
            return sentence
        return re.sub(r"[^\n]", " ", sentence)


def sentence_index(text: str, offset: int) -> int:
    """The number of the sentence that starts at or before ``offset``, counted with the fast
    splitter (stable whatever the parser does)."""
    return sum(1 for m in _SENTENCE_END.finditer(text, 0, offset) if m.end() <= offset)
