"""Discards: sport, entertainment and business stories yield no state events.

"Algeria beat Mali 2-1 in a friendly" is football, not a clash of states. Cue words
(``data/discards.tsv``, each with its domain) are counted in the headline and the text; an article
with enough distinct cues of one domain, and few words of politics, is skipped whole. A sentence
with a match score ("beat Mali 2-1") is skipped wherever it appears.

Non-event objects (``data/nonevent_objects.tsv``): a verb of a political act whose direct object
is a thing of ordinary business, sport, culture or science news ("released its earnings",
"captured the title", "launched a new phone") does no political act; the trigger matcher asks
``NonEventObjects.drops`` before it codes such a verb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from dyadwatch.errors import KnowledgeError
from dyadwatch.knowledge.lexicon import load_discards
from dyadwatch.knowledge.words import POLITICS_WORDS
from dyadwatch.records import Article
from dyadwatch.tables import Table, packaged, parse_table, read_table

# Distinct cues of one domain that mark an article (the headline counts double).
ARTICLE_CUES = 3
POLITICS_MAX = 2
_WORD = re.compile(r"[a-z][a-z'-]*[a-z]|[a-z]")
_SCORE = re.compile(
    r"\b(beat|beats|beaten|defeat|defeated|defeats|drew|draw|won|win|wins|lost|lose|loses|"
    r"thrashed|edged|routed|held)\b[^.]{0,60}?\b\d{1,3}\s*[-–]\s*\d{1,3}\b",
    re.I,
)
# what every match of _SCORE holds ("2-1", "3 – 0")
_SCORE_DIGITS = re.compile(r"\d\s*[-–]\s*\d")


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
        # the score alone first: most sentences hold none, and this finds them at once
        return _SCORE_DIGITS.search(text) is not None and _SCORE.search(text) is not None


def is_discarded(article: Article) -> bool:
    """A sport, entertainment or business story, by its title and text."""
    return Discards.default().article(article.title or "", article.text)


NONEVENT_TABLE = "non-event objects"
NONEVENT_COLUMNS = ("lemma", "object", "note")


@dataclass(frozen=True)
class NonEventObjects:
    """Verb lemma -> the object forms ("report", "advertising campaign") with which it does no
    political act."""

    by_verb: dict[str, frozenset[str]]

    @staticmethod
    @cache
    def default() -> NonEventObjects:
        entry, where = packaged("nonevent_objects.tsv")
        return NonEventObjects(_nonevents(read_table(entry, NONEVENT_COLUMNS, name=NONEVENT_TABLE, where=where)))

    @staticmethod
    def parse(text: str, path: str) -> NonEventObjects:
        return NonEventObjects(_nonevents(parse_table(text, path, NONEVENT_COLUMNS, name=NONEVENT_TABLE)))

    def drops(self, lemma: str, head: set[str], present: set[str], named: frozenset[str], matched_words: int) -> bool:
        """Whether ``lemma`` with a direct object whose head's forms are ``head`` and whose forms
        are ``present`` is no event, for a pattern that names the objects ``named`` and matched
        a form of ``matched_words`` words (0: it names none). A listed form that outweighs the
        pattern's ("advertising campaign" over "campaign") drops the event, and so does a
        listed head the pattern matched past ("a video of the hostages": 'hostage' is no
        more than what the video shows)."""
        listed = self.by_verb.get(lemma.lower())
        if not listed:
            return False
        if listed & head and not named & head:
            return True
        return max((len(o.split()) for o in listed & present), default=0) > matched_words


def _nonevents(source: Table) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for row in source.rows:
        lemma, objects, _note = row.values()
        verbs = {v.strip().lower() for v in lemma.split("|") if v.strip()}
        forms = {o.strip().lower() for o in objects.split("|") if o.strip()}
        if not verbs or not forms:
            raise KnowledgeError(source.path, row.line, "expected verb lemmas and object forms")
        for verb in verbs:
            out.setdefault(verb, set()).update(forms)
    return {verb: frozenset(forms) for verb, forms in out.items()}
