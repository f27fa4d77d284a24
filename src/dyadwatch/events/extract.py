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
each, sharing a group. Sport, entertainment and business stories yield nothing (``discards.py``).
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from dataclasses import replace
from datetime import date as Date
from functools import lru_cache
from typing import TYPE_CHECKING

from dyadwatch.actors.resolve import ArticleActors, coordinated
from dyadwatch.events.clauses import SPEECH_VERBS, Clauses
from dyadwatch.events.fallback import fallback_for
from dyadwatch.events.modality import FUTURE_FRAMES, marker_cue, markers, modality_cue
from dyadwatch.events.parties import Parties
from dyadwatch.events.parties import same as _same
from dyadwatch.events.references import refers_to_earlier
from dyadwatch.events.triggers import Match, Matcher
from dyadwatch.knowledge.discards import Discards
from dyadwatch.knowledge.lexicon import Lexicon, Shifts, load_shifts
from dyadwatch.read.dates import doc_date_cues, event_date
from dyadwatch.records import Actor, Event, EventDate, Evidence, Modality, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from dyadwatch.knowledge.ontology import CameoCode, Ontology

# Codes a future or a reported 'must' may shift (the verbal families 01-02 and 10-13 stay;
# an intent stays an intent unless negated: "will not accept the plan" is a refusal).
_SHIFTABLE = {"03", "04", "05", "06", "07", "08", "09", "14", "15", "16", "17", "18", "19", "20"}
CAPTION = re.compile(r"^\W*(a |an |the )?(file )?(picture|photo|photograph|image)\b.*\bshows?\b", re.I)
_WORD = re.compile(r"[a-z]+")
_QUOTES = {"“": "”", '"': '"', "«": "»"}
_OPENING = re.compile("|".join(map(re.escape, _QUOTES)))
# Codes whose narrower codes differ by PLOVER context: "aid" in a clause about food is 073.
REFINABLE = {"021", "023", "024", "031", "033", "034", "060", "070", "083", "090", "101", "103",
             "104", "112", "121", "122", "123", "141", "142", "143", "144", "145", "162", "172"}
# Event nouns a place name modifies as the venue, not the doer: "the Paris summit", "the Minsk
# agreements", "the Kabul bombing" (but "US sanctions" are the United States').
PLACE_NAMED = {"04", "05", "14", "18", "19", "20"}
# Appeals whose target is the third party the complement names: "urged X to support Y" rallies
# support for Y (053), "called on Arabs to unite against Y" rallies opposition to Y (113).
THIRD_PARTY = {"053", "113"}
# Roots whose target may be any other actor named in the clause: statements and intents
# ("expressed hope ... before the American delegation") and protests ("... to demand the
# resignation of President X"). Other events keep the target the pattern names, or none.
CLAUSE_TARGET_ROOTS = {"01", "03", "14"}
# Codes that two joint sources do with each other ("X and Y met", "X and Y signed a deal"),
# and verbs that are mutual whatever their code ("X and Y exchanged prisoners").
RECIPROCAL = {"040", "041", "044", "045", "046", "050", "051", "054", "057", "060", "061", "062",
              "063", "064", "190", "193", "194", "195", "196", "112", "111"}
RECIPROCAL_LEMMAS = {"exchange", "swap", "trade", "share", "agree", "clash", "fight", "fail"}
# Verbs whose 'with' target does the same back: "X exchanged prisoners with Y", "clashed with Y".
MUTUAL_WITH = {"exchange", "swap", "clash", "fight", "skirmish", "trade"}
# Roots whose target, when the pattern names none, is an 'against' actor of the phrase or the
# place the act applies to ("imposed a curfew in X", "mobilized reservists for a war against X").
LOCATED_ROOTS = {"08", "13", "14", "15", "16", "17", "18", "19", "20"}
# Context look-ups by string hash, per contexts table (see _context_memos), and their bound.
_CONTEXT_MEMOS: dict[int, tuple[dict[str, str], dict[int, str | None], dict[int, str | None]]] = {}
_MEMO_SIZE = 50_000
# Article-level PLOVER contexts: a keyword in the headline, or this many times in the text.
_ARTICLE_CONTEXT_MIN = 3


def _event_id(*parts: object) -> str:
    digest = hashlib.sha1("|".join(map(str, parts)).encode("utf-8")).hexdigest()
    return digest[:16]


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


def _depth(i: int, heads: list[int]) -> int:
    """How far token ``i`` is below its root (at most 50), by the heads of its doc."""
    d = 0
    while heads[i] != i and d < 50:
        i, d = heads[i], d + 1
    return d


class EventExtractor:
    """Extract events from one parsed article."""

    def __init__(
        self,
        doc: Doc,
        article_id: str,
        actors: ArticleActors,
        lexicon: Lexicon,
        ontology: Ontology,
        published: Date | None,
        contexts: dict[str, str] | None = None,
    ) -> None:
        self.doc = doc
        self.article_id = article_id
        self.actors = actors
        self.clauses = Clauses(doc, actors)
        self.lexicon = lexicon
        self.ontology = ontology
        self.published = published
        self.contexts = contexts or {}
        self.shifts = _shifts(ontology)
        self.matcher = Matcher(lexicon, self.clauses, self.shifts, fallback_for(lexicon, doc.vocab),
                               lambda token: self._speaker_for(token) is not None)
        # Doc.text joins the tokens anew on every access: read once, shared with the actors
        self._doc_text = actors.text if actors.doc is doc else doc.text
        self._quotes = quote_spans(self._doc_text)
        self._speakers: dict[tuple[int, int], Actor | None] = {}
        self._speaker_of: dict[int, Actor | None] = {}  # _speaker_for by token index
        # Dates by trigger index (a trigger's events share it); the doc's date cues, found in
        # one pass when the first event is dated.
        self._dates: dict[int, EventDate] = {}
        self._named: tuple[list[int], list[str]] | None = None  # see _context_words
        self._head_of: list[int] | None = None  # see _heads
        self._date_cues: list[tuple[int, int, Token, str]] | None = None
        article = getattr(getattr(doc, "_", None), "dw_article", None)
        self._title: str = (getattr(article, "title", None) or "") if article is not None else ""
        self._text: str = (getattr(article, "text", None) or self._doc_text) if article is not None \
            else self._doc_text
        self._article_contexts = self._contexts_of_article()
        self.parties = Parties(doc, actors, self.clauses)

    # -- driver ---------------------------------------------------------------------------------

    def events(self) -> list[Event]:
        discards = Discards.default()
        if discards.article(self._title, self._text):
            return []
        out: list[Event] = []
        seen: set[tuple[object, ...]] = set()
        doc = self.doc
        heads = self._heads()
        # Only tokens that may trigger are matched: sentences without any (the blanks the
        # pre-filter leaves among them) are passed by before their text is read.
        screened = self.matcher.screen(doc)
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
                key = (event.sentence, event.evidence.trigger.start, event.cameo.root,
                       event.source.start if event.source else None,
                       event.target.start if event.target else None,
                       event.source.country if event.source else None)  # "the two leaders" x2
                if key not in seen:
                    seen.add(key)
                    out.append(event)
        return out

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
            matches = Matcher.with_manner(matches)
            matches.sort(key=lambda m: m.trigger.i)
        events: list[Event] = []
        for match in matches:
            events.extend(self._build(index, sent, match))
        return events

    # -- speech ---------------------------------------------------------------------------------

    def _speaker_for(self, token: Token) -> Actor | None:
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

    # -- arguments ------------------------------------------------------------------------------

    def _source_heads(self, match: Match) -> list[Token]:
        if match.pattern.kind == "noun" and match.noun is None:
            found = self.clauses.noun_sources(match.trigger)
            if match.code[:2] in PLACE_NAMED:  # "the Minsk agreements", "the Mali coup": places
                found = [t for t in found if not (t.ent_type_ == "GPE" and t.dep_ == "compound")]
            return found
        subjects, _ = self.clauses.subjects(match.trigger)
        return subjects

    def _target_heads(self, match: Match) -> list[Token]:
        trigger, pattern = match.trigger, match.pattern
        if pattern.kind == "copula":
            return [c for c in trigger.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if pattern.kind == "frame":
            return self._frame_targets(match)
        if match.noun is not None and pattern.kind == "noun":  # light verb + event noun
            found = self.clauses.noun_targets(match.noun, pattern.preps)
            if found:
                return found
            return self.clauses.targets(trigger, None, pattern.preps, frozenset({"-"}))
        if pattern.kind == "noun":
            return self.clauses.noun_targets(trigger, pattern.preps)
        found = self.clauses.targets(trigger, match.obj, pattern.preps, pattern.objects)
        if not found and match.obj is None and not pattern.objects:
            shared = self.clauses.shared_object(trigger)  # "rammed and boarded X": X for both
            if shared is not None:
                found = self.clauses.targets(trigger, shared, pattern.preps, pattern.objects)
        if not found and match.obj is None:
            for c in trigger.children:  # "attempted to assassinate X": the infinitive's object
                if c.dep_ == "xcomp" and c.lemma_.lower() in pattern.objects:
                    found = self.clauses.targets(c, self.clauses.direct_object(c), ("dobj",), frozenset())
        return found

    def _frame_targets(self, match: Match) -> list[Token]:
        frame = match.trigger
        addressee = self.clauses.addressee(frame)
        if match.inner is not None:
            inner_targets = self._target_heads(match.inner)
        else:  # "threatened to cut off electricity to X": the uncoded complement's objects
            inner_targets = [t for c in frame.children if c.dep_ == "xcomp" and c.pos_ == "VERB"
                             for t in self.clauses.targets(c, self.clauses.direct_object(c),
                                                           ("to", "against", "on", "with"), frozenset())]
        inner_targets = [t for t in inner_targets if self.clauses.actor(t) is not None]
        if match.inner is not None and match.code == match.base:
            # an enacted order: its targets are the act's, else whom the order is given
            if not inner_targets and addressee is not None and self.actors.resolve(addressee):
                return [addressee]
            return inner_targets
        if match.obj is not None and match.pattern.family == "refuse":
            for c in match.obj.children:  # "rejected an offer from X", "a request by X"
                if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
                    found = [p for p in c.children if p.dep_ == "pobj" and self.clauses.actor(p)]
                    if found:
                        return found
        if match.code in THIRD_PARTY and inner_targets:
            return inner_targets
        if match.pattern.family in ("appeal", "demand"):
            if addressee is not None:
                return [addressee]
            clause = match.inner.trigger if match.inner is not None else next(
                (c for c in frame.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
            if clause is not None and clause.dep_ == "ccomp":  # "demanded that X withdraw"
                subjects, _ = self.clauses.subjects(clause)
                if subjects and self.clauses.actor(subjects[0]) is not None:
                    return subjects
            return inner_targets
        if inner_targets:
            return inner_targets
        return [addressee] if addressee is not None else []

    # -- building -------------------------------------------------------------------------------

    def _build(self, index: int, sent: SpacySpan, match: Match) -> list[Event]:
        trigger, pattern = match.trigger, match.pattern
        speaker = self._speaker_for(trigger)
        code, rule, confidence = match.code, match.rule, match.confidence
        source_actors: list[Actor | None] = []
        if pattern.kind == "copula":
            source_actors = [speaker]
        source_heads = self._source_heads(match) if pattern.kind != "copula" else []
        for head in source_heads:
            source_actors.extend(self.parties.source_actors(head, speaker))
        real_sources = [a for a in source_actors if a is not None]
        unnamed = False
        if not real_sources:
            # no named doer: a violent or coercive act still is an event, of an unknown actor
            # ("civilians were killed", "a roadside bomb killed ..."), when it has victims
            doer = self.parties.unnamed_doer(match, source_heads)
            if doer is None:
                return []
            real_sources, unnamed = [doer], doer.unknown
            rule += "+unknown-source" if doer.unknown else "+led-by"
        targets: list[Actor | None] = []
        for head in self._target_heads(match):  # "it is a partner": 'it' is not the speaker
            targets.extend(self.clauses.actor(t, speaker=speaker, for_speaker=pattern.kind != "copula")
                           for t in coordinated(head))
        real_targets = _inherit_country([a for a in targets if a is not None])
        if not real_targets and pattern.kind != "copula" and code[:2] in LOCATED_ROOTS:
            extra = self.clauses.against_target(trigger) or self.clauses.located_target(
                trigger, match.noun or match.obj, country_only=code[:2] == "14")
            if extra is not None:
                located = self.clauses.actor(extra, speaker=speaker)
                real_targets = [located] if located is not None else []
        if unnamed:
            real_targets = self.parties.victims(match, [t for t in real_targets if not _same(t, real_sources[0])])
            if not real_targets:
                return []  # an unnamed doer and no victim: nothing to say who was hit
        # modality, and the shifts a future or a reported 'must' makes
        cue: Token | None = None
        if pattern.kind == "copula" and speaker is not None:
            modality: Modality = "asserted"
        else:
            modality, cue = modality_cue(trigger)
        if pattern.kind == "frame" and trigger.lemma_.lower() in FUTURE_FRAMES and modality == "asserted":
            modality, cue = "future", trigger
        marks = markers(trigger)
        # "X said Y must agree to reforms": the speaker demands the reforms
        demanded = match.base if pattern.kind == "frame" and pattern.family == "intent" else code
        if (pattern.kind != "frame" or "must" in marks) and (demanded or "")[:2] in _SHIFTABLE:
            in_speech = speaker is not None
            if "must" in marks and speaker is not None and real_sources and demanded and not any(
                _same(speaker, s) for s in real_sources
            ):
                shifted = self.shifts.shift(demanded, "demand")
                speech = self.clauses.speech_head(trigger)
                if shifted:  # "X said Y must withdraw": X demands that Y withdraw
                    code, rule = shifted, rule + "+must"
                    real_targets, real_sources = real_sources, [speaker]
                    modality, cue = modality_cue(speech) if speech is not None else ("asserted", None)
            elif pattern.kind != "frame" and ("future" in marks or ("would" in marks and in_speech)
                                              or "if" in marks):
                shifted = self.shifts.shift(code, "refuse" if "neg" in marks else "intent")
                if shifted:
                    code, rule, modality = shifted, rule + "+future", "future"
                    cue = marker_cue(trigger, {"future", "would", "if"})
        clause_contexts = self._clause_contexts(match)
        code = self._refine(code, clause_contexts)
        if code == "150" and len({a.country for a in real_sources if a.country}) > 1:
            code, rule = "062", rule + "+joint"  # two states' exercise: military cooperation
        if code.startswith("141") and real_sources and all(_official(a) for a in real_sources):
            code, rule = "114", rule + "+official"  # a government protests officially
        if (pattern.needs_target or pattern.kind == "copula") and not real_targets and len(real_sources) < 2:
            return []
        pairs: list[tuple[Actor, Actor | None]] = []
        if pattern.kind == "noun" and match.noun is None and not real_targets and len(real_sources) >= 2:
            pairs = _reciprocal(real_sources)
            rule += "+between"
        elif not real_targets and len(real_sources) >= 2 and (
            code[:3] in RECIPROCAL or code[:2] == "03" or trigger.lemma_.lower() in RECIPROCAL_LEMMAS
            or (match.base or "")[:3] in RECIPROCAL  # "X and Y seek to deepen their partnership"
        ):
            pairs = _reciprocal(real_sources)
            rule += "+reciprocal"
        else:
            clause_target = False
            mutual = trigger.lemma_.lower() in MUTUAL_WITH and any(
                c.dep_ == "prep" and c.lower_ == "with" for c in trigger.children)
            for s in real_sources:
                if real_targets:
                    pairs.extend((s, t) for t in real_targets if not _same(s, t))
                    if mutual:
                        pairs.extend((t, s) for t in real_targets if not _same(s, t))
                elif code[:2] not in CLAUSE_TARGET_ROOTS:
                    pairs.append((s, None))
                else:
                    fallback = self.clauses.clause_target(trigger, s, same_country=code[:2] == "14")
                    clause_target = clause_target or fallback is not None
                    pairs.append((s, fallback))
            if clause_target:
                rule += "+clause-target"
                confidence -= 0.25
        if not pairs:
            return []
        group = _event_id(self.article_id, index, trigger.i) if len(pairs) > 1 else None
        built = [self._event(index, sent, match, code, s, t, (modality, cue, _attributed(speaker)), group,
                             rule, confidence, clause_contexts)
                 for s, t in pairs]
        self.parties.recent = (self.parties.recent + built)[-8:]
        return built

    def _refine(self, code: str, contexts: list[str]) -> str:
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

    def _clause_contexts(self, match: Match) -> list[str]:
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
        articles: see _context_memos)."""
        from spacy.attrs import LEMMA, LOWER

        doc, contexts = self.doc, self.contexts
        strings = doc.vocab.strings
        by_lemma, by_form = _context_memos(contexts)
        rows = doc.to_array([LEMMA, LOWER]).tolist()
        for lemma, form in rows:
            if lemma not in by_lemma:
                by_lemma[lemma] = contexts.get(strings[lemma].lower())
            if form not in by_form:
                by_form[form] = contexts.get(strings[form])
        positions = [i for i, (lemma, form) in enumerate(rows) if by_lemma[lemma] or by_form[form]]
        names = [by_lemma[rows[i][0]] or by_form[rows[i][1]] or "" for i in positions]  # (never "")
        return positions, names

    def _heads(self) -> list[int]:
        """The index of every token's head, read once per doc (a root is its own head)."""
        if self._head_of is None:
            import numpy
            from spacy.attrs import HEAD

            # stored as offsets in unsigned integers: read back as the signed numbers they are
            offsets = self.doc.to_array(HEAD).astype("int64")
            self._head_of = (numpy.arange(len(self.doc)) + offsets).tolist()
        return self._head_of

    def _context(self, clause: list[str], source: Actor, target: Actor | None) -> list[str]:
        """Contexts from the clause, the actors' sectors, then the article."""
        found = list(clause)
        military = (source is not None and source.sector == "MIL") or (target is not None and target.sector == "MIL")
        if military and "military" not in found:
            found.append("military")
        found += [c for c in self._article_contexts if c not in found]
        return found

    def _date(self, sent: SpacySpan, trigger: Token) -> EventDate:
        if trigger.i not in self._dates:
            if self._date_cues is None:
                self._date_cues = doc_date_cues(self.doc, self.actors.entities if self.actors.doc is self.doc
                                                else None)
            cues = [(tok, text) for start, end, tok, text in self._date_cues
                    if start >= sent.start and end <= sent.end]
            self._dates[trigger.i] = event_date(sent, trigger, self.published, cues)
        return self._dates[trigger.i]

    def _event(
        self, index: int, sent: SpacySpan, match: Match, code: str, source: Actor,
        target: Actor | None, stance: tuple[Modality, Token | None, Actor | None], group: str | None,
        rule: str, confidence: float, clause_contexts: list[str],
    ) -> Event:
        """One event record; ``stance`` is its modality, the word that set it, and the speaker
        whose words report it (if any)."""
        modality, cue, speaker = stance
        trigger = match.noun if match.pattern.kind == "noun" and match.noun is not None else match.trigger
        cameo, plover = self.ontology.records_for(code, self._context(clause_contexts, source, target))
        date = self._date(sent, match.trigger)
        if modality == "asserted" and _long_ago(date, self.published):
            modality, cue = "historical", None  # the date decides, not a word
        if modality == "asserted" and refers_to_earlier(trigger):  # "in retaliation for X"
            modality = "historical"
        evidence = Evidence(
            sentence=self._doc_text[sent.start_char:sent.end_char],  # sent.text, cheaper
            sentence_start=sent.start_char,
            trigger=Span(trigger.text, trigger.idx, trigger.idx + len(trigger.text)),
            rule=rule,
            modality_cue=Span(cue.text, cue.idx, cue.idx + len(cue.text)) if cue is not None else None,
            attributed_to=speaker,
        )
        # one span for both parties ("the two leaders signed"): their codes tell the events apart
        shared = target is not None and (source.start, source.end) == (target.start, target.end)
        eid = _event_id(self.article_id, index, trigger.idx, source.start,
                        target.start if target else "", cameo.code,
                        *((source.cameo_code, target.cameo_code) if shared and target else ()))
        return Event(
            id=eid, article_id=self.article_id, sentence=index, source=source, target=target,
            cameo=cameo, plover=plover, modality=modality, evidence=evidence, group=group,
            date=date, confidence=round(max(confidence, 0.1), 2),
        )


def _context_memos(contexts: dict[str, str]) -> tuple[dict[int, str | None], dict[int, str | None]]:
    """The PLOVER context of a lowercased lemma and of a lowercase form, by string hash (the
    same string in any vocab), kept across articles for one contexts table."""
    owner, by_lemma, by_form = _CONTEXT_MEMOS.get(id(contexts), (None, {}, {}))
    if owner is not contexts or len(by_lemma) + len(by_form) > _MEMO_SIZE:
        if len(_CONTEXT_MEMOS) >= 8:  # a few tables per process at most: tests make some
            _CONTEXT_MEMOS.clear()
        by_lemma, by_form = {}, {}
        _CONTEXT_MEMOS[id(contexts)] = (contexts, by_lemma, by_form)  # holding it keeps its id
    return by_lemma, by_form


@lru_cache(maxsize=8)
def _shifts(ontology: Ontology) -> Shifts:
    """The frame shifts checked against the ontology's codes (once per ontology)."""
    return load_shifts({c.code for c in ontology.cameo_codes()})


@lru_cache(maxsize=1024)
def _narrower(ontology: Ontology, code: str) -> tuple[CameoCode, ...]:
    """The codes a context may refine ``code`` into (found once: the table is scanned whole)."""
    # "070 Provide aid, not specified below": its narrower codes are its siblings 071-075
    if len(code) == 3 and code.endswith("0"):
        return tuple(c for c in ontology.children(code[:2]) if c.code != code)
    return tuple(ontology.children(code))


def _long_ago(date: EventDate, published: Date | None) -> bool:
    """Background events: dated more than a year before the article ("an accord signed in 2015")."""
    if date.value is None or published is None or date.precision in ("day", "week", "unknown"):
        return False
    return (published - date.value).days > 365


def _attributed(speaker: Actor | None) -> Actor | None:
    """The speaker an event is attributed to, with only what the text says of them: a nationality
    guessed from the article's focus ("the official said", no country named) is left out, since
    the focus is a guess from the article's other sentences, not from the speaker's words."""
    if speaker is None or "the article is about" not in speaker.reason:
        return speaker
    said = speaker.reason.split("; the article is about")[0]
    return replace(speaker, name=speaker.text, country=None, cameo_code=speaker.sector or "UNK", reason=said)


def _official(actor: Actor) -> bool:
    """A government, army, IGO or state: who protests officially rather than in the street."""
    return actor.kind in ("state", "igo") or actor.sector in ("GOV", "MIL", "LEG", "JUD")


def _reciprocal(actors: list[Actor]) -> list[tuple[Actor, Actor | None]]:
    # two bodies of one state do things with each other too ("Sudan's army and the RSF agreed")
    return [(a, b) for a in actors for b in actors
            if not _same(a, b) and (a.country != b.country or a.sector != b.sector)]


def _inherit_country(actors: list[Actor]) -> list[Actor]:
    """'Algerian Foreign Minister X and Army Chief of Staff Y': Y shares X's nationality."""
    out: list[Actor] = []
    last_country: str | None = None
    for a in actors:
        if a.country is None and last_country is not None and a.sector is not None:
            a = replace(a, country=last_country, cameo_code=last_country + a.sector,
                        reason=a.reason + f"; coordinated with a {last_country} actor")
        last_country = a.country or last_country
        out.append(a)
    return out
