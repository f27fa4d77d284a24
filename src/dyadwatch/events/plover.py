"""PLOVER contexts: the contexts a clause, its actors and its article name, and the narrower
CAMEO code a context picks.

``PloverContexts`` finds the context words of a doc once (by lemma, else by form; look-ups are
kept across articles by string hash), the contexts named in a trigger's clause, the article's own
contexts (a keyword in the headline, or frequent in the text), and refines a code whose narrower
codes differ by context ("aid" in a clause about food is 073).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from dyadwatch.knowledge.words import REFINABLE
from dyadwatch.memo import Memo

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from dyadwatch.events.match import Match
    from dyadwatch.knowledge.ontology import CameoCode, Ontology
    from dyadwatch.records import Actor

_WORD = re.compile(r"[a-z]+")
# Context look-ups by (contexts table, lemma or form, string hash), kept across articles; a
# table is named by its id, and the entry holds the table so that id is not reused meanwhile.
_CONTEXT_ANSWERS: Memo[tuple[int, bool, int], tuple[dict[str, str], str | None]] = Memo(maxsize=100_000)
# Article-level PLOVER contexts: a keyword in the headline, or this many times in the text.
_ARTICLE_CONTEXT_MIN = 3


class PloverContexts:
    """The PLOVER contexts of one parsed article: ``contexts`` maps a keyword to its context,
    ``heads`` gives the head index of every token of ``doc``."""

    def __init__(
        self, doc: Doc, ontology: Ontology, contexts: dict[str, str], heads: Callable[[], list[int]],
        text: str, title: str,
    ) -> None:
        self.doc = doc
        self.ontology = ontology
        self.contexts = contexts
        self._heads = heads
        self._text = text
        self._title = title
        self._named: tuple[list[int], list[str]] | None = None  # see _context_words
        self._article_contexts = self._contexts_of_article()

    def refine(self, code: str, contexts: list[str]) -> str:
        """The narrower code a clause's context picks ("aid" + "food" -> 073), else the code."""
        if code not in REFINABLE:
            return code
        narrower = _narrower(self.ontology, code)
        for ctx in contexts:
            for child in narrower:
                if ctx in self.ontology.plover_for(child.code).context:
                    return child.code
        return code

    def _contexts_of_article(self) -> list[str]:
        """PLOVER contexts of the whole article: a keyword in the headline, or frequent in the text."""
        counts: dict[str, int] = {}
        contexts = self.contexts
        for word in [w for w in _WORD.findall(self._text.lower()) if w in contexts]:  # few do
            if named := contexts[word]:
                counts[named] = counts.get(named, 0) + 1
        found = [c for c, n in counts.items() if n >= _ARTICLE_CONTEXT_MIN]
        for word in _WORD.findall(self._title.lower()):
            ctx = self.contexts.get(word)
            if ctx and ctx not in found:
                found.append(ctx)
        return found

    def clause_contexts(self, match: Match) -> list[str]:
        """PLOVER contexts named in the trigger's clause ("military cooperation": military)."""
        top = match.trigger.head if match.trigger.pos_ == "NOUN" else match.trigger
        # The doc's few words that name a context, and whether the clause holds them: a walk
        # up their heads, rather than a walk down the whole clause.
        if self._named is None:
            self._named = self._context_words()
        positions, names = self._named
        heads = self._heads()
        found: list[str] = []
        for k in range(bisect_left(positions, top.left_edge.i), bisect_left(positions, top.right_edge.i + 1)):
            node = positions[k]
            while node != top.i and heads[node] != node:
                node = heads[node]
            if node == top.i and names[k] not in found:
                found.append(names[k])
        if len(found) > 1:  # their order is the clause's (Token.subtree's, not the text's)
            found = []
            for tok in top.subtree:
                ctx = self.contexts.get(tok.lemma_.lower()) or self.contexts.get(tok.lower_)
                if ctx and ctx not in found:
                    found.append(ctx)
        return found

    def _context_words(self) -> tuple[list[int], list[str]]:
        """(positions, contexts) of the doc's tokens that name a PLOVER context, by lemma or
        else by form, in text order. Each distinct lemma and form is looked up once (across
        articles: see _CONTEXT_ANSWERS)."""
        from spacy.attrs import LEMMA, LOWER

        doc, contexts = self.doc, self.contexts
        strings = doc.vocab.strings

        def context(key: int, lemma: bool) -> str | None:
            def compute() -> tuple[dict[str, str], str | None]:
                text: str = strings[key]
                return contexts, contexts.get(text.lower() if lemma else text)

            owner, found = _CONTEXT_ANSWERS.get_or_compute((id(contexts), lemma, key), compute)
            if owner is not contexts:  # an id of a table since freed: answer afresh
                owner, found = compute()
                _CONTEXT_ANSWERS.put((id(contexts), lemma, key), (owner, found))
            return found

        rows = doc.to_array([LEMMA, LOWER]).tolist()
        # one look-up per distinct lemma and form, not per token
        by_lemma = {lemma: context(lemma, True) for lemma in {lemma for lemma, _ in rows}}
        by_form = {form: context(form, False) for form in {form for _, form in rows}}
        positions = [i for i, (lemma, form) in enumerate(rows) if by_lemma[lemma] or by_form[form]]
        names = [by_lemma[rows[i][0]] or by_form[rows[i][1]] or "" for i in positions]  # (never "")
        return positions, names

    def of_event(self, clause: list[str], source: Actor, target: Actor | None) -> list[str]:
        """Contexts from the clause, the actors' sectors, then the article."""
        found = list(clause)
        military = (source is not None and source.sector == "MIL") or (target is not None and target.sector == "MIL")
        if military and "military" not in found:
            found.append("military")
        found += [c for c in self._article_contexts if c not in found]
        return found


@lru_cache(maxsize=1024)
def _narrower(ontology: Ontology, code: str) -> tuple[CameoCode, ...]:
    """The codes a context may refine ``code`` into (found once: the table is scanned whole)."""
    # "070 Provide aid, not specified below": its narrower codes are its siblings 071-075
    if len(code) == 3 and code.endswith("0"):
        return tuple(c for c in ontology.children(code[:2]) if c.code != code)
    return tuple(ontology.children(code))
