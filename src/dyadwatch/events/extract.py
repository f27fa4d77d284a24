"""Events: who did what to whom, from the dependency parse and our trigger lexicon.

Every verb (and adjective such as "ready to", event noun, and "X is a partner" copula in reported
speech) of a sentence is matched against the lexicon (``data/verbs.tsv``), shallowest first:

* a verb pattern names the CAMEO code and where the target sits ("met with X");
* a light verb with an event noun takes the noun's pattern ("held talks with X", "imposed a
  curfew", "launched an attack on X");
* a frame verb codes its complement and shifts the code into its own family (``data/frames.tsv``):
  "urged X to withdraw" is an appeal for de-escalation (0256), "refused to meet" a refusal to meet
  (125), "threatened to impose sanctions" a threat of sanctions (1312); the complement yields no
  event of its own;
* a future or reported conditional ("will visit", "said it would meet") is an intent (036), a
  negated one ("will not accept") a refusal, a reported "must" ("X said Y must withdraw") a
  demand of the speaker on Y;
* a verb outside the lexicon may match by word-vector similarity (``fallback.py``), flagged.

Sources and targets come from ``clauses.py``; coordinated and "including" mentions yield one event
each, sharing a group. Sport, entertainment and business stories yield nothing (``discards.py``),
nor does a sentence of such copy whose parties are no political actors (``domain.py``).

``EventExtractor`` drives one article: it screens the tokens that may trigger (``screen.py``),
matches them sentence by sentence, shallowest first (``triggers.py``, ``manner.py``), and hands
each match to the builder (``build.py``), which takes its arguments (``arguments.py``), its
speaker (``speech.py``), its stance (``stance.py``) and its PLOVER contexts (``plover.py``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from dyadwatch.events.arguments import Arguments
from dyadwatch.events.background import drop_background
from dyadwatch.events.build import EventBuilder, _attributed
from dyadwatch.events.clauses import Clauses
from dyadwatch.events.domain import DomainGate
from dyadwatch.events.duplicates import merge_restated
from dyadwatch.events.embedded import without_embedded
from dyadwatch.events.fallback import fallback_for
from dyadwatch.events.manner import with_manner
from dyadwatch.events.match import Match
from dyadwatch.events.parties import Parties
from dyadwatch.events.plover import PloverContexts, follow_notes
from dyadwatch.events.screen import TriggerScreen
from dyadwatch.events.speech import Speakers, quote_spans
from dyadwatch.events.triggers import Matcher
from dyadwatch.knowledge.discards import Discards
from dyadwatch.knowledge.lexicon import Lexicon, Shifts, load_shifts
from dyadwatch.records import Event

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from dyadwatch.actors.resolve import ArticleActors
    from dyadwatch.context import ArticleContext
    from dyadwatch.knowledge.ontology import Ontology

# Kept importable from here: the pre-filter pairs quote marks as the coder does.
__all__ = ["EventExtractor", "_attributed", "quote_spans"]

CAPTION = re.compile(r"^\W*(a |an |the )?(file )?(picture|photo|photograph|image)\b.*\bshows?\b", re.I)


def _depth(i: int, heads: list[int]) -> int:
    """How far token ``i`` is below its root (at most 50), by the heads of its doc."""
    d = 0
    while heads[i] != i and d < 50:
        i, d = heads[i], d + 1
    return d


class EventExtractor:
    """Extract events from one parsed article, as its ``context`` holds it."""

    def __init__(
        self,
        context: ArticleContext,
        actors: ArticleActors,
        lexicon: Lexicon,
        ontology: Ontology,
        contexts: dict[str, str] | None = None,
    ) -> None:
        doc = context.doc
        self.context = context
        self.doc = doc
        self.actors = actors
        self.clauses = Clauses(doc, actors)
        self.lexicon = lexicon
        self.ontology = ontology
        self.shifts = _shifts(ontology)
        # Doc.text joins the tokens anew on every access: read once, shared with the actors
        self._doc_text = actors.text if actors.doc is doc else doc.text
        self.speakers = Speakers(doc, self._doc_text, actors, self.clauses)
        fallback = fallback_for(lexicon, doc.vocab)
        self.screen = TriggerScreen(lexicon, fallback is not None)
        self.matcher = Matcher(lexicon, self.clauses, self.shifts, fallback,
                               lambda token: self.speakers.speaker_for(token) is not None)
        self._head_of: list[int] | None = None  # see _heads
        self.plover = PloverContexts(doc, ontology, contexts or {}, self._heads, context.article.text,
                                     context.title)
        self.parties = Parties(doc, actors, self.clauses)
        self.builder = EventBuilder(context, self._doc_text, ontology, self.shifts, self.clauses,
                                    self.parties, self.speakers, Arguments(actors, self.clauses),
                                    self.plover)

    # -- driver ---------------------------------------------------------------------------------

    def events(self) -> list[Event]:
        if self.context.discarded:
            return []
        discards = Discards.default()
        out: list[Event] = []
        seen: set[tuple[object, ...]] = set()
        doc = self.doc
        heads = self._heads()
        # Only tokens that may trigger are matched: sentences without any (the blanks the
        # pre-filter leaves among them) are passed by before their text is read.
        screened = self.screen.screen(doc)
        gate = DomainGate(doc, text=self._doc_text)
        first, count = 0, len(screened)
        for index, sent in enumerate(doc.sents):
            while first < count and screened[first] < sent.start:
                first += 1
            last = first
            while last < count and screened[last] < sent.end:
                last += 1
            if first == last:
                continue
            candidates = [doc[i] for i in screened[first:last]]
            text = self._doc_text[sent.start_char:sent.end_char].strip()  # sent.text, cheaper
            if not text or CAPTION.match(text) or discards.sentence(text):
                continue
            for event in self._sentence_events(index, sent, candidates, heads):
                if gate.drops(event, sent):
                    continue  # a match, a deal or a review: no political party acts
                key = (event.sentence, event.evidence.trigger.start, event.cameo.root,
                       event.source.start if event.source else None,
                       event.target.start if event.target else None,
                       event.source.country if event.source else None)  # "the two leaders" x2
                if key not in seen:
                    seen.add(key)
                    out.append(event)
        out = drop_background(out, doc)  # fights told only in passing
        return follow_notes(out, doc)  # PLOVER's own notes, once the article's fights are known

    def _sentence_events(
        self, index: int, sent: SpacySpan, candidates: list[Token], heads: list[int]
    ) -> list[Event]:
        """Events of one sentence; ``candidates`` are its tokens that may trigger (the others
        would match nothing and consume nothing), matched shallowest first."""
        consumed: set[int] = set()
        matches: list[Match] = []
        # ties broken by the token's (unique) index: the tokens themselves are never compared
        for _, _, token in sorted([(_depth(t.i, heads), t.i, t) for t in candidates]):
            if token.i in consumed:
                continue
            match = self.matcher.match(token)
            if match is None:
                continue
            consumed |= match.consumed
            matches.append(match)
        if len(matches) > 1:  # a single match has nothing to merge with, nor to be ordered by
            matches = with_manner(matches)
            matches.sort(key=lambda m: m.trigger.i)
        built = [(match, self.builder.build(index, sent, match)) for match in matches]
        if len(built) > 1:
            built = without_embedded(built)
        if len(built) > 1:  # one act named by two linked triggers is one event
            return merge_restated(built)
        return built[0][1] if built else []

    def _heads(self) -> list[int]:
        """The index of every token's head, read once per doc (a root is its own head)."""
        if self._head_of is None:
            import numpy
            from spacy.attrs import HEAD

            # stored as offsets in unsigned integers: read back as the signed numbers they are
            offsets = self.doc.to_array(HEAD).astype("int64")
            self._head_of = (numpy.arange(len(self.doc)) + offsets).tolist()
        return self._head_of


@lru_cache(maxsize=8)
def _shifts(ontology: Ontology) -> Shifts:
    """The frame shifts checked against the ontology's codes (once per ontology)."""
    return load_shifts({c.code for c in ontology.cameo_codes()})
