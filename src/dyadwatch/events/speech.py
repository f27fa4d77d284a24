"""Speech: who says what an event is reported in.

``Speakers`` finds the speaker of the reported speech a trigger sits in: the subject of the
speech verb whose complement holds it ("Egypt said [it would ...]"), else the speaker of the
quotation around it (a speech verb with a subject just after the closing quote, or before the
opening one on the same line). ``quote_spans`` pairs the quote marks of a text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dyadwatch.knowledge.words import SPEECH_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from dyadwatch.actors.resolve import ArticleActors
    from dyadwatch.events.clauses import Clauses
    from dyadwatch.records import Actor

_QUOTES = {"“": "”", '"': '"', "«": "»"}
_OPENING = re.compile("|".join(map(re.escape, _QUOTES)))


def quote_spans(text: str, *, unmatched: bool = False) -> list[tuple[int, int]]:
    """Character spans of quotations (curly or straight double quotes), possibly multi-sentence;
    with ``unmatched``, also a quote mark left open, where the search stops, as a one-character
    span (the pre-filter keeps its sentence)."""
    spans: list[tuple[int, int]] = []
    i = 0
    while (found := _OPENING.search(text, i)) is not None:  # jump to the next opening quote
        i = found.start()
        ch = text[i]
        close = text.find(_QUOTES[ch], i + 1)
        nxt_para = text.find("\n\n", i + 1)
        # A quote that runs on into the next paragraph reopens there ("... partner. \n\n“...")
        if close == -1:
            if unmatched:
                spans.append((i, i + 1))
            break
        if nxt_para != -1 and nxt_para < close and ch == '"':
            i += 1
            continue
        spans.append((i, close + 1))
        i = close + 1
    return spans


class Speakers:
    """The speakers of the reported speech of one parsed article."""

    def __init__(self, doc: Doc, text: str, actors: ArticleActors, clauses: Clauses) -> None:
        self.doc = doc
        self.actors = actors
        self.clauses = clauses
        self._doc_text = text
        self._quotes = quote_spans(text)
        self._speakers: dict[tuple[int, int], Actor | None] = {}
        self._speaker_of: dict[int, Actor | None] = {}  # speaker_for by token index

    def speaker_for(self, token: Token) -> Actor | None:
        """The speaker of the reported speech that contains ``token``, if any."""
        if token.i not in self._speaker_of:
            self._speaker_of[token.i] = self._find_speaker(token)
        return self._speaker_of[token.i]

    def _find_speaker(self, token: Token) -> Actor | None:
        head = self.clauses.speech_head(token)
        if head is not None:
            subjects, _ = self.clauses.subjects(head)
            if subjects:
                found = self.clauses.actor(subjects[0])
                if found is not None:
                    return found
        for start, end in self._quotes:
            if start <= token.idx < end:
                return self._quote_speaker(start, end)
        return None

    def _quote_speaker(self, start: int, end: int) -> Actor | None:
        if (start, end) in self._speakers:
            return self._speakers[(start, end)]
        speaker: Actor | None = None
        after = self.doc.char_span(end, min(len(self._doc_text), end + 80), alignment_mode="expand")
        before_start = self._doc_text.rfind("\n", 0, start)
        before = self.doc.char_span(max(before_start, 0), start, alignment_mode="expand")
        for window in (after, before):
            if window is None:
                continue
            for tok in window:
                if tok.lemma_.lower() in SPEECH_VERBS and tok.pos_ == "VERB":
                    subjects, _ = self.clauses.subjects(tok)
                    if subjects:
                        speaker = self.actors.resolve(subjects[0])
                        break
            if speaker is not None:
                break
        self._speakers[(start, end)] = speaker
        return speaker
