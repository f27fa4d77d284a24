"""Triggers: which lexicon pattern a token matches, and the code it names.

A verb matches its best verb or frame pattern (particle and object count most); a light verb
with an event noun takes the noun's pattern ("held talks", "imposed a curfew"); a frame codes its
complement (to-infinitive, that-clause or event noun) and shifts the code into its family by
``data/frames.tsv`` ("urged X to withdraw" -> 0256); an agreement to do X is an intent to do X; a
verb outside the lexicon may match by word vector (``fallback.py``). ``Match.consumed`` lists the
tokens a match stands for, so they yield no event of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from dyadwatch.events.clauses import SPEECH_VERBS, Clauses
from dyadwatch.events.fallback import Fallback
from dyadwatch.events.modality import DEMAND_MODALS
from dyadwatch.knowledge.lexicon import Lexicon, Pattern, Shifts

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Dependencies under which an adjective is matched as a verb ("ready to", "willing to").
_ADJ_DEPS = ("acomp", "xcomp", "ccomp")
_MEMO_SIZE = 50_000  # string hashes whose screen answer is kept (a few MB)
# Verbs that lend their subject to an event noun: "held talks", "imposed a curfew".
LIGHT_VERBS = {
    "hold", "have", "conduct", "launch", "carry", "stage", "begin", "start", "continue", "resume",
    "renew", "open", "make", "pay", "give", "issue", "announce", "impose", "lodge", "file",
    "declare", "order", "mount", "organize", "organise", "initiate", "undertake", "complete",
    "sign", "reach", "extend", "step", "intensify", "escalate", "join", "lead", "attend", "host",
    "deliver", "register", "submit", "send", "offer", "unleash", "wage", "perform",
    "commit", "keep", "maintain", "seek", "express", "voice", "convey", "pledge", "promise",
}

# Patterns of bare killing and wounding, which take the manner a clause gives them ("killed ...
# when they blew themselves up" is a suicide bombing).
MANNERLESS = {"kill"}
# Prepositions that introduce what a verb is about ("accused X OF violating", "thanked X FOR
# helping"), and nouns that are the topic of another event ("talks ON a troop pullback").
_ABOUT_PREPS = {"of", "for", "over", "about"}
_TOPIC_PREPS = {"on", "about", "over", "regarding", "concerning", "into", "of",
                # and background: "during a summit", "after days of fighting"
                "during", "at", "before", "after", "since", "until", "following", "amid",
                "despite", "ahead", "throughout"}
# Verbs of a completed formal agreement: "signed an accord to X" is 057, not an intent to X.
SIGNING = {"sign", "ink", "conclude", "ratify", "initial", "seal"}
# Frames that enact a coercive complement rather than ask for it: "ordered the newspaper to
# close" is the closure (1721) itself, "ordered X to appear" a demand.
ENACTING = {"order", "instruct", "direct", "command"}


@dataclass(frozen=True)
class Match:
    """One trigger matched: the pattern, the token whose clause gives the source, the code."""

    pattern: Pattern
    trigger: Token
    obj: Token | None
    code: str
    base: str | None  # the complement's code before a frame shift; None: nothing coded under it
    rule: str
    noun: Token | None = None  # the event noun under a light verb
    inner: Match | None = None  # a frame's complement
    confidence: float = 0.9

    @property
    def consumed(self) -> set[int]:
        """Tokens that yield no event of their own: the trigger, its event noun, a frame's
        complement, and what an accusation or a praise is about ("accused X of violating")."""
        out = {self.trigger.i}
        if self.noun is not None:
            out.add(self.noun.i)
        if self.inner is not None:
            out |= self.inner.consumed
        for prep in self.trigger.children:
            if prep.dep_ == "prep" and prep.lower_ in _ABOUT_PREPS:
                for c in prep.children:
                    if c.dep_ == "pcomp":
                        out |= {c.i} | _conjuncts(c)
        for c in self.trigger.children:  # "declined to comment": the infinitive is the object
            if c.dep_ == "xcomp" and c.lemma_.lower() in self.pattern.objects:
                out.add(c.i)
        if self.inner is not None and self.inner.trigger.pos_ == "VERB":
            out |= _conjuncts(self.inner.trigger)  # "urged X to unite and mobilize"
        return out


def _states_a_fact(verb: Token) -> bool:
    """A speech verb whose that-clause reports rather than asks: a finite clause ("insisted
    Israel had not attacked", "insisted it attacked", "insisted it will not attack"), not a
    subjunctive or 'must' one ("insisted that Israel withdraw", "insisted Israel must leave")."""
    for c in verb.children:
        if c.dep_ != "ccomp" or c.pos_ not in ("VERB", "AUX"):
            continue
        auxes = {a.lower_ for a in c.children if a.dep_ in ("aux", "auxpass")}
        if auxes & DEMAND_MODALS:
            return False
        if auxes or c.tag_ in ("VBD", "VBZ", "VBN") or any(n.dep_ == "neg" for n in c.children):
            return True
    return False


def _conjuncts(token: Token) -> set[int]:
    out: set[int] = set()
    for c in token.children:
        if c.dep_ == "conj" and c.pos_ == token.pos_:
            out |= {c.i} | _conjuncts(c)
    return out


class Matcher:
    """Trigger matching for one article."""

    def __init__(
        self, lexicon: Lexicon, clauses: Clauses, shifts: Shifts, fallback: Fallback | None,
        in_speech: Callable[[Token], bool],
    ) -> None:
        self.lexicon = lexicon
        self.clauses = clauses
        self.shifts = shifts
        self.fallback = fallback
        self.in_speech = in_speech
        # What a token's lemma must be for match() to find anything (see screen); the same
        # for every article, so kept with the lexicon.
        lemmas = lexicon.memo("matcher:lemmas")
        if not lemmas:
            lemmas["verb"] = lexicon.lemmas("verb", "frame") | LIGHT_VERBS
            lemmas["noun"] = lexicon.lemmas("noun", "copula")
        self._verbish: frozenset[str] = lemmas["verb"]
        self._nounish: frozenset[str] = lemmas["noun"]

    def screen(self, doc: Doc) -> list[int]:
        """Indices of the tokens of ``doc`` that :meth:`match` may match, in text order. For the
        others it is sure to find nothing, since no pattern names their lemma (a verb may still
        be a light verb, or match by vector when there is a fallback). Most tokens are such,
        and are passed by on one array of their attributes, without a look at their arguments."""
        import numpy
        from spacy.attrs import DEP, LEMMA, LOWER, POS
        from spacy.symbols import ADJ, NOUN, PROPN, VERB

        strings = doc.vocab.strings
        table = doc.to_array([POS, DEP, LEMMA, LOWER])
        pos = table[:, 0]
        deps = numpy.array([strings.as_int(d) for d in _ADJ_DEPS], dtype=numpy.uint64)
        adjectives = (pos == ADJ) & numpy.isin(table[:, 1], deps)
        verbs = numpy.flatnonzero((pos == VERB) | adjectives).tolist()
        nouns = numpy.flatnonzero((pos == NOUN) | (pos == PROPN)).tolist()
        # Answers by string hash (the same string in any vocab), kept with the lexicon: is the
        # lowercase lemma a verb's, a noun's; is the lowercase form a noun's.
        verbish = self.lexicon.memo("screen:verb-lemma")
        nounish = self.lexicon.memo("screen:noun-lemma")
        nounish_form = self.lexicon.memo("screen:noun-form")
        for memo in (verbish, nounish, nounish_form):
            if len(memo) > _MEMO_SIZE:
                memo.clear()  # a long run over new words stays bounded
        verb_rows = table[verbs][:, [0, 2]].tolist()
        noun_rows = table[nouns][:, 2:].tolist()
        # This doc's answers in local dicts: a coder shared by threads may see a memo cleared.
        verb_ok = {lemma: verbish.get(lemma) for _, lemma in verb_rows}
        noun_ok = {lemma: nounish.get(lemma) for lemma, _ in noun_rows}
        form_ok = {lower: nounish_form.get(lower) for _, lower in noun_rows}
        for lemma in [k for k, v in verb_ok.items() if v is None]:
            verb_ok[lemma] = verbish[lemma] = strings[lemma].lower() in self._verbish
        for lemma in [k for k, v in noun_ok.items() if v is None]:
            noun_ok[lemma] = nounish[lemma] = strings[lemma].lower() in self._nounish
        for lower in [k for k, v in form_ok.items() if v is None]:
            form_ok[lower] = nounish_form[lower] = strings[lower] in self._nounish
        fallback = self.fallback is not None
        return sorted(
            [i for i, (kind, lemma) in zip(verbs, verb_rows, strict=True)
             if (fallback and kind == VERB) or verb_ok[lemma]]
            + [i for i, (lemma, lower) in zip(nouns, noun_rows, strict=True)
               if noun_ok[lemma] or form_ok[lower]]
        )

    @staticmethod
    def with_manner(matches: list[Match]) -> list[Match]:
        """A bare 'killed' takes the code of a violent event in its own clause ("in a bomb
        attack", "when they blew themselves up"), which yields no event of its own; a killing
        that reports the toll of another violent event ("shelled X, killing 20") is part of it;
        so is the demand a protest is staged for ("a hunger strike to demand X's resignation")."""
        triggers = {m.trigger.i: m for m in matches}
        out = []
        for m in matches:
            head = triggers.get(m.trigger.head.i)
            if head is not None and head is not m and (
                (m.pattern.id in MANNERLESS and m.trigger.dep_ in ("advcl", "conj")
                 and m.trigger.tag_ == "VBG" and head.code[:2] in ("18", "19", "20"))
                or (head.code[:2] in ("14", "11") and m.code[:2] in ("02", "10", "11", "14")
                    and m.trigger.dep_ in ("advcl", "xcomp") and Clauses.is_to_infinitive(m.trigger))
            ):
                continue
            out.append(m)
        matches = list(out)
        for m in matches:
            if m.pattern.id not in MANNERLESS or m not in out:
                continue
            subtree = {t.i for t in m.trigger.subtree}
            for o in matches:
                if (o is not m and o in out and o.trigger.i in subtree and o.code[:2] in ("18", "19", "20")
                        and o.code not in (m.code, "190")):
                    out[out.index(m)] = replace(m, code=o.code, base=o.code, rule=f"{m.rule}+manner:{o.pattern.id}")
                    out.remove(o)
                    break
        return out

    # -- matching -------------------------------------------------------------------------------

    def match(self, token: Token, depth: int = 0) -> Match | None:
        pos, dep = token.pos_, token.dep_
        if pos == "VERB" or (pos == "ADJ" and dep in _ADJ_DEPS):
            return self._verb_match(token, depth)
        if pos in ("NOUN", "PROPN") and dep == "attr":
            copula = token.head
            if copula.lemma_ == "be" and self.in_speech(token):
                found = self._noun_match(token, "copula")
                if found is not None:
                    return found
        if pos == "NOUN" and dep not in ("dobj", "attr", "compound", "nsubjpass", "amod"):
            if dep == "pobj" and token.head.lower_ in _TOPIC_PREPS:
                return None  # a topic, not an event: "talks on a pullback", "suppression of unrest"
            return self._noun_match(token, "noun")
        return None

    def _verb_match(self, token: Token, depth: int) -> Match | None:
        lemma = token.lemma_.lower()
        candidates = self.lexicon.verb_candidates(lemma)
        # Without candidates only a light verb's object is looked at; the object's words and
        # the prepositions are worked out when a candidate first needs them.
        light_ok = lemma in LIGHT_VERBS and depth < 3
        obj = self.clauses.direct_object(token) if candidates or light_ok else None
        prt, after = self.clauses.particles(token) if candidates else (set(), set())
        objects: set[str] | None = None
        preps: set[str] | None = None
        best: tuple[float, Pattern, Match | None] | None = None
        for p in candidates:
            named = p.named_particles
            if named and "-" not in p.particles and not (named & (prt | after)):
                continue
            if prt and not (named & prt):
                continue  # "carry out" is not "carry"
            if p.kind == "frame" and lemma in SPEECH_VERBS and _states_a_fact(token):
                continue  # "X has not attacked, an official insisted": a statement, no demand
            if p.objects:
                if objects is None:
                    objects = self.clauses.object_lemmas(token)
                if not (p.objects & objects):
                    continue
            if preps is None:
                preps = self._preps(token, obj)
            score: float = p.specificity + (1 if set(p.preps) & preps else 0)
            inner = None
            if p.kind == "frame":
                inner = self._complement(token, p, depth)
                score += 1.5 if inner is not None else -1
                if p.family == "appeal" and inner is not None and inner.trigger.dep_ == "xcomp" and (
                        self.clauses.addressee(token) is None):
                    score -= 1.5  # "sought to deepen ties": one's own aim, if an intent pattern fits
            if best is None or score > best[0]:
                best = (score, p, inner)
        light = None
        if obj is not None and light_ok and (
            best is None or (not best[1].objects and best[1].kind != "frame") or best[0] < 1
        ):
            light = self._noun_match(obj, "noun", governor=token)
        if light is not None:
            return light
        if best is None:
            if depth == 0:
                return self._fallback(token)
            return None
        _, pattern, inner = best
        if pattern.kind == "frame":
            return self._frame(token, obj, pattern, inner)
        noun = obj if pattern.objects and obj is not None and obj.pos_ == "NOUN" else None
        confidence = 0.9 if pattern.specificity >= 2 else 0.8
        match = Match(pattern, token, obj, pattern.code, pattern.code, f"pattern:{pattern.id}",
                      noun=noun, confidence=confidence)
        if pattern.code == "057" and obj is not None and depth < 2 and lemma not in SIGNING:
            # "reached a consensus to exchange information": an agreement to do X is an intent
            for c in obj.children:
                if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and self.clauses.is_to_infinitive(c):
                    inner = self.match(c, depth + 1)
                    shifted = self.shifts.shift(inner.base, "intent") if inner and inner.base else None
                    if inner is not None and shifted:
                        return replace(match, code=shifted, base=inner.base, inner=inner,
                                       rule=f"{match.rule}+{inner.rule.split(':', 1)[-1]}")
        return match

    @staticmethod
    def _preps(token: Token, obj: Token | None) -> set[str]:
        """The prepositions of a verb and of its object: a pattern naming one scores higher."""
        preps = {c.lower_ for c in token.children if c.dep_ in ("prep", "agent", "dative")}
        if obj is not None:
            preps |= {c.lower_ for c in obj.children if c.dep_ == "prep"}
        return preps

    def _noun_match(self, noun: Token, kind: str, governor: Token | None = None) -> Match | None:
        candidates = self.lexicon.candidates(kind, noun.lemma_.lower())  # type: ignore[arg-type]
        if not candidates:
            candidates = self.lexicon.candidates(kind, noun.lower_)  # type: ignore[arg-type]
        if not candidates:
            return None
        mods = self.clauses.noun_lemmas(noun)
        preps = {c.lower_ for c in noun.children if c.dep_ == "prep"}
        if governor is not None:
            preps |= {c.lower_ for c in governor.children if c.dep_ == "prep"}
        gov_lemma = governor.lemma_.lower() if governor is not None else None
        best: tuple[float, Pattern] | None = None
        for p in candidates:
            if p.objects and not (p.objects & mods):
                continue
            if p.particles and gov_lemma not in p.particles:
                continue  # a noun pattern's 'particle' names the light verbs it needs
            score = 3 * bool(p.objects) + 2 * bool(p.particles) + (1 if set(p.preps) & preps else 0)
            if best is None or score > best[0]:
                best = (score, p)
        if best is None:
            return None
        p = best[1]
        if governor is None:
            return Match(p, noun, None, p.code, p.code, f"pattern:{p.id}", confidence=0.8)
        return Match(p, governor, noun, p.code, p.code, f"pattern:{p.id}+light:{gov_lemma}",
                     noun=noun, confidence=0.85)

    def _complement(self, token: Token, frame: Pattern, depth: int) -> Match | None:
        """What a frame verb frames: a to-infinitive, a that-clause (appeals, demands, threats) or
        an event noun ('called for the withdrawal', 'demanded the release', 'threatened sanctions')."""
        if depth >= 2:
            return None
        verbs: list[Token] = []
        nouns: list[Token] = []
        ccomp_ok = frame.family in ("appeal", "demand") or frame.code[:2] == "13"
        for c in token.children:
            if (c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX", "ADJ")) or (c.dep_ == "ccomp" and ccomp_ok and c.pos_ in ("VERB", "AUX")):
                verbs.append(c)
            elif c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN":
                nouns.append(c)
            elif c.dep_ == "prep" and c.lower_ in ("for", "on", "upon", "to", "against", "over"):
                nouns.extend(p for p in c.children if p.dep_ == "pobj" and p.pos_ == "NOUN")
        addressee = self.clauses.addressee(token)
        if addressee is not None:  # "called on X to withdraw": the infinitive under X
            verbs.extend(c for c in addressee.children
                         if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB")
        for verb in verbs:
            found = self.match(verb, depth + 1)
            if found is not None and found.base is not None:
                return found
        for noun in nouns:
            found = self._noun_match(noun, "noun")
            if found is not None:
                return found
        return None

    def _frame(self, token: Token, obj: Token | None, frame: Pattern, inner: Match | None) -> Match:
        rule = f"pattern:{frame.id}"
        if inner is None or inner.base is None:
            return Match(frame, token, obj, frame.code, None, rule, confidence=0.8)
        family = frame.family or "intent"
        if family == "intent" and any(c.dep_ == "neg" for c in inner.trigger.children):
            family = "refuse"  # "vowed not to return X"
        if token.lemma_.lower() in ENACTING and inner.base[:2] in ("15", "16", "17", "18", "19", "20"):
            return Match(frame, token, obj, inner.base, inner.base, f"{rule}+{inner.rule.split(':', 1)[-1]}",
                         inner=inner, confidence=0.8)
        shifted = self.shifts.shift(inner.base, family)
        code = shifted or frame.code
        return Match(frame, token, obj, code, inner.base, f"{rule}+{inner.rule.split(':', 1)[-1]}",
                     inner=inner, confidence=0.85 if shifted else 0.75)

    def _fallback(self, token: Token) -> Match | None:
        if self.fallback is None or token.pos_ != "VERB":
            return None
        node = token
        while node.dep_ == "conj":
            node = node.head
        main = node.dep_ == "ROOT" or (node.dep_ in ("ccomp", "parataxis")
                                       and node.head.lemma_.lower() in SPEECH_VERBS)
        if not main:
            return None  # only main-clause verbs: a subordinate clause is background
        found = self.fallback.match(token)
        if found is None:
            return None
        pattern, similarity = found
        if pattern.kind == "frame":
            return None
        # only with a clear source, and a target on the other side or a named source
        subjects, _ = self.clauses.subjects(token)
        source = self.clauses.actor(subjects[0]) if subjects else None
        if source is None:
            return None
        obj = self.clauses.direct_object(token)
        target = self.clauses.actor(self.clauses.actor_inside(obj)) if obj is not None else None
        if target is None and source.kind not in ("state", "igo"):
            return None
        return Match(pattern, token, obj, pattern.code, pattern.code,
                     f"fallback:similar:{pattern.id}:{similarity:.2f}", confidence=0.5)
