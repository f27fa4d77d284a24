"""Events: who did what to whom, from the dependency parse and our verb-pattern lexicon.

For each sentence, every verb (and event noun, and "X is a partner" copula in reported speech)
is matched against the lexicon; the matching pattern names the CAMEO code and where the target
sits. Sources come from the subject (or the passive agent, or the controlling subject of an
infinitive), targets from the object or the pattern's preposition; coordinated and "including"
mentions yield one event each, sharing a group. Reported speech makes the speaker the source of
what is said ("Townsend said: 'Algeria is a committed partner'").
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date as Date
from typing import TYPE_CHECKING

from dyadwatch.actors import ArticleActors, coordinated
from dyadwatch.dates import event_date
from dyadwatch.lexicon import Lexicon, Pattern
from dyadwatch.modality import modality_of
from dyadwatch.records import Actor, Event, EventDate, Evidence, Modality, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from dyadwatch.ontology import Ontology

SPEECH_VERBS = {
    "say", "add", "state", "tell", "note", "declare", "announce", "stress", "affirm", "insist",
    "explain", "write", "reiterate", "emphasize", "emphasise", "underline", "express", "indicate",
}
OBJECT_CONTROL = {"urge", "ask", "call", "allow", "force", "tell", "invite", "encourage",
                  "persuade", "press", "permit", "help", "request", "pressure", "push"}
DEFAULT_TARGET_PREPS = ("with", "to", "against", "on", "at", "toward", "towards", "for", "into")
CAPTION = re.compile(r"^\W*(a |an |the )?(file )?(picture|photo|photograph|image)\b.*\bshows?\b", re.I)
CRISIS_NOUNS = {"crisis", "conflict", "war", "fighting", "standoff", "dispute", "unrest"}
_QUOTES = {"“": "”", '"': '"', "«": "»"}
# Keywords (lemmas) that put an event in a PLOVER context.
CONTEXT_WORDS: dict[str, str] = {}


@dataclass(frozen=True)
class Match:
    pattern: Pattern
    trigger: Token
    obj: Token | None


def _event_id(*parts: object) -> str:
    digest = hashlib.sha1("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return digest[:16]


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of quotations (curly or straight double quotes), possibly multi-sentence."""
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in _QUOTES:
            close = text.find(_QUOTES[ch], i + 1)
            nxt_para = text.find("\n\n", i + 1)
            # A quote that runs on into the next paragraph reopens there ("... partner. \n\n“...")
            if close == -1:
                break
            if nxt_para != -1 and nxt_para < close and ch == '"':
                i += 1
                continue
            spans.append((i, close + 1))
            i = close + 1
        else:
            i += 1
    return spans


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
        self.lexicon = lexicon
        self.ontology = ontology
        self.published = published
        self.contexts = contexts or {}
        self._quotes = quote_spans(doc.text)
        self._speakers: dict[tuple[int, int], Actor | None] = {}

    # -- driver ---------------------------------------------------------------------------------

    def events(self) -> list[Event]:
        out: list[Event] = []
        seen: set[tuple[object, ...]] = set()
        for index, sent in enumerate(self.doc.sents):
            if not sent.text.strip() or CAPTION.match(sent.text.strip()):
                continue
            for event in self._sentence_events(index, sent):
                key = (event.sentence, event.evidence.trigger.start, event.cameo.root,
                       event.source.start if event.source else None,
                       event.target.start if event.target else None)
                if key not in seen:
                    seen.add(key)
                    out.append(event)
        return out

    def _sentence_events(self, index: int, sent: SpacySpan) -> list[Event]:
        events: list[Event] = []
        for token in sent:
            match = self._match(token)
            if match is None:
                continue
            events.extend(self._build(index, sent, match))
        return events

    # -- matching -------------------------------------------------------------------------------

    def _match(self, token: Token) -> Match | None:
        if token.pos_ == "VERB":
            return self._best(token, "verb")
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "attr":
            copula = token.head
            if copula.lemma_ == "be" and self._speaker_for(token) is not None:
                found = self._best(token, "copula")
                if found is not None:
                    return found
        if token.pos_ == "NOUN" and token.dep_ not in ("dobj", "attr", "compound"):
            return self._best(token, "noun")
        return None

    def _best(self, token: Token, kind: str) -> Match | None:
        lemma = token.lemma_.lower()
        candidates = self.lexicon.candidates(kind, lemma)  # type: ignore[arg-type]
        if not candidates and kind == "noun":
            candidates = self.lexicon.candidates("noun", token.lower_)
        if not candidates:
            return None
        particles = {c.lower_ for c in token.children if c.dep_ == "prt"}
        obj = self._object(token)
        obj_lemma = obj.lemma_.lower() if obj is not None else None
        preps = {c.lower_ for c in token.children if c.dep_ in ("prep", "agent", "dative")}
        if obj is not None:
            preps |= {c.lower_ for c in obj.children if c.dep_ == "prep"}
        best: tuple[int, Pattern] | None = None
        for p in candidates:
            if p.particles and not (particles & p.particles):
                continue
            if p.objects and obj_lemma not in p.objects:
                continue
            if particles and not p.particles and kind == "verb":
                continue  # "carry out" is not "carry"
            score = p.specificity + (1 if set(p.preps) & preps else 0)
            if best is None or score > best[0]:
                best = (score, p)
        if best is None:
            return None
        return Match(best[1], token, obj)

    @staticmethod
    def _object(token: Token) -> Token | None:
        for c in token.children:
            if c.dep_ in ("dobj", "obj"):
                return c
        # "paid a trip", "expressed that": the prepositional object of a light particle verb
        for c in token.children:
            if c.dep_ == "prt":
                for d in token.children:
                    if d.dep_ == "prep":
                        for e in d.children:
                            if e.dep_ == "pobj":
                                return e
        return None

    # -- arguments ------------------------------------------------------------------------------

    def _subjects(self, verb: Token, depth: int = 0) -> tuple[list[Token], bool]:
        """(subject heads, passive) of a verb, following conjunction and control."""
        for c in verb.children:
            if c.dep_ in ("nsubj", "csubj"):
                return self._relative(c), False
        for c in verb.children:
            if c.dep_ == "nsubjpass":
                agents = [p for a in verb.children if a.dep_ == "agent" for p in a.children
                          if p.dep_ == "pobj"]
                return agents, True
        if depth > 3:
            return [], False
        if verb.dep_ == "conj":
            head = verb.head
            # "X visited Mali since the army overthrew Y, and also paid a trip to Niger": after
            # ", and" the conjunct belongs with the main clause, not with the 'since' clause
            if head.dep_ == "advcl" and any(c.dep_ == "mark" for c in head.children) and any(
                c.text == "," for c in head.children if c.i < verb.i
            ):
                return self._subjects(head.head, depth + 1)
            return self._subjects(head, depth + 1)
        if verb.dep_ in ("xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
            if verb.head.lemma_.lower() in OBJECT_CONTROL:
                objs = [c for c in verb.head.children if c.dep_ in ("dobj", "obj")]
                if objs:
                    return objs, False
            return self._subjects(verb.head, depth + 1)
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            agents = [p for a in verb.children if a.dep_ == "agent" for p in a.children
                      if p.dep_ == "pobj"]
            return agents, True
        return [], False

    @staticmethod
    def _relative(token: Token) -> list[Token]:
        """'countries that signed': the relative pronoun stands for the noun it modifies."""
        if token.lower_ in ("that", "which", "who") and token.head.dep_ == "relcl":
            return [token.head.head]
        return [token]

    def _targets(self, match: Match) -> list[Token]:
        verb, obj, pattern = match.trigger, match.obj, match.pattern
        if pattern.kind == "copula":
            return [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if pattern.kind == "noun":
            return self._noun_targets(verb, pattern)
        heads = [verb] + ([obj] if obj is not None else [])
        wanted = [p for p in pattern.preps if p != "dobj"]
        found: list[Token] = []
        for head in heads if wanted else []:
            for c in head.children:
                if c.dep_ in ("prep", "dative", "agent") and c.lower_ in wanted:
                    found.extend(self._actor_inside(p) for p in c.children if p.dep_ == "pobj")
        # "met with X, Y and Z": the parser may hang the last of a list on the verb
        if (
            obj is not None
            and (not pattern.objects or "dobj" in pattern.preps)
            and (not found or ("dobj" in pattern.preps and self.actors.resolve(obj) is not None))
        ):
            found.append(self._actor_inside(obj))
        if found:
            return found
        for c in verb.children:
            if c.dep_ == "dative":
                return [c]
        for head in heads:
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ in DEFAULT_TARGET_PREPS:
                    pobjs = [p for p in c.children if p.dep_ == "pobj"]
                    if pobjs:
                        return [self._actor_inside(pobjs[0])]
        return []

    def _crisis_country(self, token: Token) -> Token | None:
        """'mediating the crisis' after 'the conflict in Libya': a crisis noun stands for the
        country named with the nearest crisis noun before it (or in its own phrase)."""
        def country_of(noun: Token) -> Token | None:
            for c in noun.children:
                if c.dep_ in ("compound", "poss", "amod") and c.ent_type_ in ("GPE", "NORP"):
                    return c
                if c.dep_ == "prep" and c.lower_ in ("in", "of", "over"):
                    for p in c.children:
                        if p.dep_ == "pobj" and p.ent_type_ == "GPE":
                            return p
            # "resolve the conflict in Libya": the parser often hangs "in Libya" on the verb
            after = self.doc[noun.i + 1 : noun.i + 3]
            if len(after) == 2 and after[0].lower_ in ("in", "over") and after[1].ent_type_ == "GPE":
                return after[1]
            return None

        own = country_of(token)
        if own is not None:
            return own
        start = max(0, token.i - 80)
        for t in reversed(self.doc[start:token.i]):
            if t.lemma_.lower() in CRISIS_NOUNS:
                found = country_of(t)
                if found is not None:
                    return found
        return None

    def _noun_targets(self, noun: Token, pattern: Pattern) -> list[Token]:
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in pattern.preps:
                return [p for p in c.children if p.dep_ == "pobj"]
        return []

    def _actor_inside(self, token: Token) -> Token:
        """'the growing role of ECOWAS': when a noun is no actor, look for one it governs."""
        if self.actors.resolve(token) is not None:
            return token
        if token.lemma_.lower() in CRISIS_NOUNS:
            place = self._crisis_country(token)
            if place is not None:
                return place
        for c in token.children:
            if c.dep_ == "poss" and self.actors.resolve(c) is not None:
                return c
            if c.dep_ == "prep" and c.lower_ in ("of", "by"):
                for p in c.children:
                    if p.dep_ == "pobj" and self.actors.resolve(p) is not None:
                        return p
        return token

    def _noun_sources(self, noun: Token) -> list[Token]:
        for c in noun.children:
            if c.dep_ == "poss":
                return [c]
            if c.dep_ == "prep" and c.lower_ == "by":
                return [p for p in c.children if p.dep_ == "pobj"]
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "between":
                pobjs = [p for p in c.children if p.dep_ == "pobj"]
                if pobjs:
                    return pobjs
        return []

    # -- speech ---------------------------------------------------------------------------------

    def _speaker_for(self, token: Token) -> Actor | None:
        """The speaker of the reported speech that contains ``token``, if any."""
        node = token
        for _ in range(10):
            if node.head.i == node.i:
                break
            if node.dep_ in ("ccomp", "parataxis") and node.head.lemma_.lower() in SPEECH_VERBS:
                subjects, _ = self._subjects(node.head)
                if subjects:
                    return self.actors.resolve(subjects[0])
            node = node.head
        for start, end in self._quotes:
            if start <= token.idx < end:
                return self._quote_speaker(start, end)
        return None

    def _quote_speaker(self, start: int, end: int) -> Actor | None:
        if (start, end) in self._speakers:
            return self._speakers[(start, end)]
        speaker: Actor | None = None
        after = self.doc.char_span(end, min(len(self.doc.text), end + 80), alignment_mode="expand")
        before_start = self.doc.text.rfind("\n", 0, start)
        before = self.doc.char_span(max(before_start, 0), start, alignment_mode="expand")
        for window in (after, before):
            if window is None:
                continue
            for tok in window:
                if tok.lemma_.lower() in SPEECH_VERBS and tok.pos_ == "VERB":
                    subjects, _ = self._subjects(tok)
                    if subjects:
                        speaker = self.actors.resolve(subjects[0])
                        break
            if speaker is not None:
                break
        self._speakers[(start, end)] = speaker
        return speaker

    # -- building -------------------------------------------------------------------------------

    def _build(self, index: int, sent: SpacySpan, match: Match) -> list[Event]:
        trigger, pattern = match.trigger, match.pattern
        speaker = self._speaker_for(trigger)
        if pattern.kind == "copula":
            sources: list[Token] = []
            source_actors: list[Actor | None] = [speaker]
        elif pattern.kind == "noun":
            sources = self._noun_sources(trigger)
            source_actors = []
        else:
            sources, _passive = self._subjects(trigger)
            source_actors = []
        for head in sources:
            source_actors.extend(self.actors.resolve(t, speaker=speaker) for t in coordinated(head))
        targets: list[Actor | None] = []
        for head in self._targets(match):
            targets.extend(self.actors.resolve(t, speaker=speaker) for t in coordinated(head))
        real_sources = [a for a in source_actors if a is not None]
        real_targets = _inherit_country([a for a in targets if a is not None])
        rule = f"pattern:{pattern.id}"
        confidence = 0.9 if pattern.specificity >= 2 else 0.75
        pairs: list[tuple[Actor, Actor | None]] = []
        if pattern.kind == "noun" and not real_targets and len(real_sources) >= 2:
            pairs = _reciprocal(real_sources)
            rule += "+between"
        elif not real_targets and len(real_sources) >= 2 and pattern.code[:2] in ("04", "05", "03", "06"):
            pairs = _reciprocal(real_sources)
            rule += "+reciprocal"
        else:
            for s in real_sources:
                if real_targets:
                    pairs.extend((s, t) for t in real_targets if not _same(s, t))
                else:
                    fallback = self._clause_target(trigger, s)
                    if fallback is not None:
                        rule += "+clause-target"
                        confidence -= 0.25
                    pairs.append((s, fallback))
        if not pairs:
            return []
        modality: Modality = "asserted" if speaker is not None and pattern.kind == "copula" else modality_of(trigger)
        group = _event_id(self.article_id, index, trigger.i) if len(pairs) > 1 else None
        return [self._event(index, sent, match, s, t, modality, group, rule, confidence)
                for s, t in pairs]

    def _clause_target(self, trigger: Token, source: Actor) -> Actor | None:
        """No target where the pattern puts it: an actor of another country named in the clause
        ("expressed hope ... in front of the American delegation")."""
        for tok in trigger.subtree:
            if tok.lemma_.lower() in CRISIS_NOUNS and tok.i > trigger.i:
                place = self._crisis_country(tok)
                actor = self.actors.resolve(place) if place is not None else None
                if actor is not None and actor.country and actor.country != source.country:
                    return actor
            if tok.ent_iob_ != "B" or tok.ent_type_ not in ("GPE", "ORG", "NORP"):
                continue
            end = tok.i + 1
            while end < len(self.doc) and self.doc[end].ent_iob_ == "I":
                end += 1
            root = self.doc[tok.i:end].root
            if root.dep_ in ("amod", "compound", "poss") and root.head.pos_ in ("NOUN", "PROPN"):
                root = root.head
            actor = self.actors.resolve(root)
            if actor is not None and actor.country and actor.country != source.country:
                return actor
        return None

    def _context(self, sent: SpacySpan, source: Actor, target: Actor | None) -> list[str]:
        found: list[str] = []
        for tok in sent:
            ctx = self.contexts.get(tok.lemma_.lower())
            if ctx and ctx not in found:
                found.append(ctx)
        if any(a is not None and a.sector == "MIL" for a in (source, target)) and "military" not in found:
            found.append("military")
        return found

    def _event(
        self, index: int, sent: SpacySpan, match: Match, source: Actor, target: Actor | None,
        modality: Modality, group: str | None, rule: str, confidence: float,
    ) -> Event:
        trigger = match.trigger
        cameo, plover = self.ontology.records_for(match.pattern.code, self._context(sent, source, target))
        date = event_date(sent, trigger, self.published)
        if modality == "asserted" and _long_ago(date, self.published):
            modality = "historical"
        evidence = Evidence(
            sentence=sent.text,
            sentence_start=sent.start_char,
            trigger=Span(trigger.text, trigger.idx, trigger.idx + len(trigger.text)),
            rule=rule,
        )
        eid = _event_id(self.article_id, index, trigger.idx, source.start,
                        target.start if target else "", cameo.code)
        return Event(
            id=eid, article_id=self.article_id, sentence=index, source=source, target=target,
            cameo=cameo, plover=plover, modality=modality, evidence=evidence, group=group,
            date=date, confidence=round(confidence, 2),
        )


def _long_ago(date: EventDate, published: Date | None) -> bool:
    """Background events: dated more than a year before the article ("an accord signed in 2015")."""
    if date.value is None or published is None or date.precision in ("day", "week", "unknown"):
        return False
    return (published - date.value).days > 365


def _same(a: Actor, b: Actor) -> bool:
    return (a.start, a.end) == (b.start, b.end) or (
        a.kind == "person" and a.name == b.name
    ) or (a.country == b.country and a.sector == b.sector and a.kind == b.kind == "state")


def _reciprocal(actors: list[Actor]) -> list[tuple[Actor, Actor | None]]:
    return [(a, b) for a in actors for b in actors if not _same(a, b) and a.country != b.country]


def _inherit_country(actors: list[Actor]) -> list[Actor]:
    """'Algerian Foreign Minister X and Army Chief of Staff Y': Y shares X's nationality."""
    from dataclasses import replace

    out: list[Actor] = []
    last_country: str | None = None
    for a in actors:
        if a.country is None and last_country is not None and a.sector is not None:
            a = replace(a, country=last_country, cameo_code=last_country + a.sector,
                        reason=a.reason + f"; coordinated with a {last_country} actor")
        last_country = a.country or last_country
        out.append(a)
    return out
