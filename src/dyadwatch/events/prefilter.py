"""A fast pass that keeps the parser away from sentences that cannot hold an event.

A sentence yields an event only if one of its words is a **trigger** (a word form whose lemma
has a lexicon pattern: a verb, frame, event noun or copula noun) and one names a possible
**actor** (a capitalised word, a pronoun, a role word such as "minister" or "army", or a word of
one of our few lower-case names). A pattern that needs something more in its clause (an object,
"hold" + "talks"; a particle, "carry out"; for a noun, its light verb, "lodge a protest") counts
only when a form of that is in the sentence too. Word forms are the inverse of the pipeline's
rule lemmatizer (its suffix rules and exceptions, by part of speech), so every form the parser
can bring back to a pattern's lemma counts. With a pipeline that has the word-vector fallback
for verbs outside the lexicon (``fallback.py``), any word may be a trigger.

Sentences an event's actors are resolved from are kept too (``context``): a quotation's
attribution, the names before "he" or "she", the other sentences that name the same person,
the dateline, and the latest earlier sentence that names a group with a country ("Rwandan rebels")
before one that names it bare ("the rebels"). Sentences come from a quick splitter whose doubtful breaks (after "U.S." or
"Lt.", before a lower-case word) do not count.

Every other sentence is blanked with spaces (the first one a line break, so that the parser
starts the next kept sentence where it did in the full text): the text keeps its length, every
offset still indexes the original article, and spaCy turns each blank run into one whitespace
token that costs the parser next to nothing. On the bundled corpus, the dev sets and the
reference article the events are the same as with a full parse (tested on the corpus and the
reference article; ``benchmarks/throughput.py`` counts differing articles).

``PreFilter.for_pipeline`` builds the filter from a pipeline, our knowledge and the lexicon;
``PreFilter.build`` from plain word lists (tests, or a pipeline without lemmatizer tables).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal, Protocol

from dyadwatch.events.fallback import fallback_for
from dyadwatch.events.prefilter_groups import group_heads, named_groups
from dyadwatch.events.prefilter_needs import Alt, Need, NeedIndex
from dyadwatch.events.references import REFERRING_WORDS
from dyadwatch.events.speech import quote_spans  # the coder's own pairing of quote marks
from dyadwatch.knowledge.words import (
    COLLECTIVE_HEADS,
    DIPLOMATIC_STEMS,
    PEOPLE_OR_SIDES,
    SPEECH_VERBS,
)
from dyadwatch.read.dateline import find_dateline

if TYPE_CHECKING:
    from spacy.language import Language

    from dyadwatch.knowledge.base import Knowledge
    from dyadwatch.knowledge.lexicon import Lexicon

# Words (letters, joined by inner hyphens and apostrophes: "re-establish", "Algeria's").
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_PART = re.compile(r"[^\W\d_]+")
# Sentence ends: terminal punctuation (and a closing quote) before space, or a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+|\n+(?![a-z])")
# A sentence "ending" in an initial, a dotted abbreviation or a short title does not end there.
_ABBREVIATION = re.compile(
    r"(?<![^\W\d_])(?:[A-Z]|[A-Za-z](?:\.[A-Za-z])+|(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Capt|Maj|Cmdr|Adm|"
    r"Brig|Sen|Rep|Gov|Pres|Prof|Rev|Hon|Amb|St|Mt|Ft|Jr|Sr|No|Nos|Vol|Jan|Feb|Mar|Apr|Jun|Jul|"
    r"Aug|Sep|Sept|Oct|Nov|Dec|Inc|Corp|Co|Ltd|Bros|vs|approx|est|etc|al))\.[\"”’)]?$"
)


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STARTS_LOWER = re.compile(r"[\"“‘(]?[a-z0-9]")
PRONOUNS = _wordset("he she they we i me his her him their them our us its it who which whom whose")
# Closed-class words that open sentences in capitals without naming anyone.
_OPENERS = _wordset(
    "the a an in on at of to for from by with as but and or nor so yet if when while after "
    "before since until although though because once during despite amid under over about "
    "according meanwhile however also still then there here this that these those some many "
    "most several all both each every such what where why how no not"
)
# Heads that stand for actors through a possessor or a collective ("their country", "both
# nations"), whatever the role list says.
_ACTOR_NOUNS = _wordset(
    "country countries nation nations state states side sides government governments"
)
# The heads a collective names its parties by ("the two neighbours", "both leaders"): a sentence
# with one holds an actor as surely as one that names a country.
_ACTOR_NOUNS |= {f for w in COLLECTIVE_HEADS | PEOPLE_OR_SIDES for f in (w, w + "s")}
# So does a word that refers back to actors named before ("the pair", "the bloc", "they").
_ACTOR_NOUNS |= REFERRING_WORDS
# Contracted forms the attribute ruler lemmatizes ("'ve" -> have).
_CONTRACTIONS = {"ve": "have", "d": "have", "s": "have", "re": "be", "m": "be", "ll": "will"}
_FUNCTION = _OPENERS | {"de", "du", "des", "la", "le", "el", "al", "da", "di", "van", "von"}


def inflections(lemma: str, irregular: Mapping[str, Iterable[str]] | None = None) -> set[str]:
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
    forms |= set((irregular or {}).get(lemma, ()))
    return forms


@dataclass(frozen=True)
class Forms:
    """The surface forms a lemmatizer can bring back to a lemma. With its tables (suffix rules
    such as ``("ies", "y")`` and exceptions, by part of speech) exactly the inverse of spaCy's
    rule lemmatizer; without them, regular inflections and the ``irregular`` forms given."""

    rules: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    exceptions: Mapping[str, Mapping[str, frozenset[str]]] = field(default_factory=dict)
    irregular: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def of(self, lemma: str, pos: Iterable[str] = ("verb", "noun", "adj")) -> set[str]:
        lemma = lemma.lower()
        if not self.rules:
            return inflections(lemma, self.irregular)
        forms = {lemma}  # the lemma itself, and any form a part of speech keeps as it is
        for tag in pos:
            for old, new in self.rules.get(tag, ()):
                if lemma.endswith(new):
                    forms.add(lemma[: len(lemma) - len(new)] + old)
            forms |= self.exceptions.get(tag, {}).get(lemma, frozenset())
        return forms

    @classmethod
    def of_pipeline(cls, nlp: Language) -> Forms:
        """The tables of the pipeline's rule lemmatizer (none: the regular inflections)."""
        lookups: Any = None
        if "lemmatizer" in nlp.pipe_names:
            lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
        if lookups is None or not lookups.has_table("lemma_rules"):
            return cls()
        rules = lookups.get_table("lemma_rules")
        exc = lookups.get_table("lemma_exc") if lookups.has_table("lemma_exc") else {}
        exceptions: dict[str, dict[str, set[str]]] = {}
        for tag in _POS:
            for form, lemmas in exc.get(tag, {}).items():
                for lemma in lemmas:
                    exceptions.setdefault(tag, {}).setdefault(lemma, set()).add(form)
        return cls(
            {tag: tuple((old, new) for old, new in rules.get(tag, [])) for tag in _POS},
            {tag: {k: frozenset(v) for k, v in t.items()} for tag, t in exceptions.items()},
        )


_POS = ("verb", "noun", "adj")
# Parts of speech a pattern's lemma is matched in: verbs and frames as verbs or predicative
# adjectives ("ready to"), event nouns as nouns, copula words as nouns or adjectives ("responsible").
_KIND_POS = {"verb": ("verb", "adj"), "frame": ("verb", "adj"), "noun": ("noun",),
             "copula": ("noun", "adj")}  # fmt: skip


class PatternLike(Protocol):
    """What the filter reads of a lexicon pattern (``lexicon.Pattern``)."""

    @property
    def kind(self) -> str: ...
    @property
    def lemmas(self) -> frozenset[str]: ...
    @property
    def particles(self) -> frozenset[str]: ...
    @property
    def objects(self) -> frozenset[str]: ...


def needs(pattern: PatternLike, forms: Forms) -> Need:
    """What else a pattern's trigger needs in its sentence: one of its objects (every word of
    it), for a verb one of its particles, for a noun one of the light verbs it takes ("lodge a
    protest"). Empty: nothing."""
    groups: list[list[Alt]] = []
    objects = pattern.objects - {"", "-"}
    if objects and "(clause)" not in objects:
        groups.append([tuple(frozenset(forms.of(w)) for w in o.split()) for o in objects])
    particles = pattern.particles - {"", "-"}
    if particles and "-" not in pattern.particles:
        if pattern.kind == "noun":  # the light verbs the noun needs
            groups.append([(frozenset(forms.of(v, ("verb",))),) for v in particles])
        else:  # "carry out": the particle itself
            groups.append([tuple(frozenset({w}) for w in t.split()) for t in particles])
    return tuple(
        (
            frozenset().union(*(alt[0] for alt in group if len(alt) == 1)),
            tuple(alt for alt in group if len(alt) > 1),
        )
        for group in groups
    )


def words(sentence: str) -> set[str]:
    """The lower-cased words of a sentence, hyphenated and possessive words also in parts."""
    return _analyse(sentence)[0]


def _analyse(sentence: str) -> tuple[set[str], list[str]]:
    """The sentence's words (see ``words``), and its parts of words that start in capitals,
    a capitalised sentence opener ("The", "In") left out."""
    lower: set[str] = set()
    capitals: list[str] = []
    first = True
    for word in _WORD.findall(sentence):
        parts = [word] if word.isalpha() else _PART.findall(word)
        for part in parts:
            if part[0].isupper() and not (first and part.lower() in _OPENERS):
                capitals.append(part)
            first = False
        lower.add(word.lower())
        if len(parts) > 1:
            low = [part.lower() for part in parts]
            lower.update(low)
            lower.update(_CONTRACTIONS[part] for part in low[1:] if part in _CONTRACTIONS)
    return lower, capitals


@dataclass(frozen=True)
class PreFilter:
    """Word sets for the fast pass; build once per Coder (``for_pipeline`` or ``build``)."""

    actor_words: frozenset[str]  # lower-case words that may name an actor without a capital
    trigger_words: frozenset[str]  # forms that are triggers whatever else the sentence holds
    # forms that are triggers only with what one of their patterns needs (see ``needs``)
    conditional: Mapping[str, tuple[Need, ...]] = field(default_factory=dict)
    any_trigger: bool = False  # a fallback may code any verb: only the actor test filters
    # lower-case words of country, capital, nationality, IGO, organisation and role names:
    # they say nothing about a person (see ``context``)
    names: frozenset[str] = frozenset()
    speech: frozenset[str] = frozenset()  # forms of the coder's verbs of saying (none: any word)
    # keep the sentences actors are resolved from (see ``context``); False only to measure what
    # they cost: events change (benchmarks/no_context.py)
    with_context: bool = True
    # forms of the head words of group and body roles ("rebels", "army"), each to its term's
    # head word: "the rebels" takes its country from an earlier "Rwandan rebels" (see ``context``)
    group_nouns: Mapping[str, str] = field(default_factory=dict)
    # lower-case words of the names that give a group its country: countries, nationalities,
    # capitals, IGOs and organisations
    countryish: frozenset[str] = frozenset()

    @classmethod
    def build(
        cls,
        names: Iterable[str],
        roles: Iterable[str],
        trigger_lemmas: Iterable[str] = (),
        irregular: Mapping[str, Iterable[str]] | None = None,
        *,
        patterns: Iterable[PatternLike] = (),
        forms: Forms | None = None,
        any_trigger: bool = False,
        common_names: Iterable[str] = (),
        speech_verbs: Iterable[str] = (),
        group_roles: Iterable[str] = (),
    ) -> PreFilter:
        """``names``: our gazetteer's surface forms; ``roles``: role terms in every form they
        match in; ``trigger_lemmas``: lemmas that trigger by themselves (any part of speech);
        ``patterns``: lexicon patterns; ``forms``: the lemmatizer's (default: inflections and
        the ``irregular`` forms, lemma -> forms); ``common_names``: names of anything but
        people (countries, organisations...), which link no sentences, and ``speech_verbs`` the
        coder's verbs of saying (see ``context``); ``group_roles`` the role terms that are no
        title (a group or body: "rebels", "the army"), which the ``common_names`` give their
        country (see ``context``)."""
        if forms is None:
            forms = Forms(irregular={k: frozenset(v) for k, v in (irregular or {}).items()})
        actor_words: set[str] = set(PRONOUNS) | _ACTOR_NOUNS
        for name in names:
            if not any(ch.isupper() for ch in name):  # a capitalised name is caught anyway
                actor_words |= words(name) - _FUNCTION
        for role in roles:
            actor_words |= {f for w in words(role) - _FUNCTION for f in (w, w + "s")}
        triggers: set[str] = set()
        for lemma in trigger_lemmas:
            triggers |= forms.of(lemma)
        conditional: dict[str, list[Need]] = {}
        for pattern in patterns:
            need = needs(pattern, forms)
            for lemma in pattern.lemmas:
                found = forms.of(lemma, _KIND_POS.get(pattern.kind, _POS))
                if not need:
                    triggers |= found
                for form in found if need else ():
                    conditional.setdefault(form, []).append(need)
        common = set(actor_words - PRONOUNS)
        countryish: set[str] = set()
        for name in common_names:
            common |= words(name)
            countryish |= words(name) - _FUNCTION
        return cls(
            frozenset(actor_words),
            frozenset(triggers),
            {k: tuple(v) for k, v in conditional.items() if k not in triggers},
            any_trigger,
            frozenset(common),
            frozenset(f for verb in speech_verbs for f in forms.of(verb, ("verb",))),
            group_nouns=group_heads(group_roles),
            countryish=frozenset(countryish),
        )

    @classmethod
    def for_pipeline(cls, nlp: Language, knowledge: Knowledge, lexicon: Lexicon) -> PreFilter:
        """The filter for a Coder: its pipeline's lemmatizer tables, our names and role forms,
        and the lexicon's patterns."""
        role_forms = getattr(knowledge, "role_forms", None)
        roles = (
            list(role_forms())
            if callable(role_forms)
            else [role.term for role in knowledge.roles.values()]
        )
        terms = list(knowledge.gazetteer_terms())
        return cls.build(
            names=(surface for surface, _ in terms),
            roles=roles,
            patterns=lexicon.patterns,
            forms=Forms.of_pipeline(nlp),
            any_trigger=_has_fallback(nlp, lexicon),
            common_names=(surface for surface, hit in terms if hit.kind != "person"),
            speech_verbs=_speech_verbs(),
            group_roles=(
                role.term
                for role in knowledge.roles.values()
                if role.kind != "title" and not role.term.startswith(DIPLOMATIC_STEMS)
            ),
        )

    def keeps(self, sentence: str) -> bool:
        """Can the sentence hold an event (a trigger and a possible actor)?"""
        return self._keeps(*_analyse(sentence))

    def _keeps(self, found: set[str], capitals: list[str]) -> bool:
        if not capitals and found.isdisjoint(self.actor_words):
            return False
        if self.any_trigger or found & self.trigger_words:
            return True
        return self._needs.met(found)

    @cached_property
    def _needs(self) -> NeedIndex:
        # built on first use: ``conditional`` is what callers give and read
        return NeedIndex(self.conditional)

    def apply(
        self, text: str, dateline_start: int | Literal[False] | None = False
    ) -> tuple[str, float]:
        """The text with every sentence that cannot hold an event blanked (unless it is the
        context of a kept one, see ``context``), and the share of characters kept.
        ``dateline_start`` is where the article's dateline starts (None: it has none), when
        already read; by default the dateline is read here.

        A blanked sentence becomes spaces that start with a line break (its line breaks
        stay), so the sentence after it starts a sentence for the parser too, as it did in
        the full text, and a long run of spaces never joins two kept sentences into one."""
        groups = units(text)
        analysed = [_analyse(" ".join(text[s:e] for s, e in unit)) for unit in groups]
        keep = [self._keeps(found, capitals) for found, capitals in analysed]
        for i, unit in enumerate(groups):  # the dateline and capitals near the top say where
            top = min(unit[-1][1], _TOP)
            keep[i] = keep[i] or (
                unit[0][0] < top and _CAPS.search(text, unit[0][0], top) is not None
            )
        dateline = _dateline(text) if dateline_start is False else dateline_start
        if dateline is not None:
            keep = [
                k or (u[0][0] <= dateline < u[-1][1]) for k, u in zip(keep, groups, strict=True)
            ]
        names = [
            {c for c in capitals if c.lower() not in self.names and c.lower() not in _NOT_NAMES}
            for _, capitals in analysed
        ]
        found = [words for words, _ in analysed]
        speech = [not self.speech or not w.isdisjoint(self.speech) for w in found]
        cues = [not w.isdisjoint(self.names) for w in found]
        if self.with_context:
            groups_named = named_groups(text, groups, analysed, self.group_nouns, self.countryish)
            keep = context(text, groups, keep, found, names, speech, cues, groups_named)
        return blank(text, groups, keep)


def blank(
    text: str, groups: list[list[tuple[int, int]]], keep: list[bool]
) -> tuple[str, float]:
    """``text`` with the sentence groups not kept blanked (see ``PreFilter.apply``), and the
    share of characters kept."""
    pieces: list[str] = []
    done = kept = total = 0
    for unit, kept_unit in zip(groups, keep, strict=True):
        start, end = unit[0][0], unit[-1][1]
        total += sum(e - s for s, e in unit)
        if kept_unit:
            kept += sum(e - s for s, e in unit)
            continue
        spaces = _NOT_NEWLINE.sub(" ", text[start:end])
        if start and text[start - 1] != "\n" and "\n" not in spaces[:2] + text[end : end + 1]:
            spaces = "\n" + spaces[1:]  # never two line breaks in a row: that is a paragraph
        pieces += [text[done:start], spaces]
        done = end
    out = "".join([*pieces, text[done:]])
    assert len(out) == len(text)
    return out, (kept / total if total else 1.0)


_NOT_NEWLINE = re.compile(r"[^\n]")
_TOP = 400  # a capital's name in capitals this near the top is the article's focus
_CAPS = re.compile(r"\b[A-Z][A-Z'’.-]{3,}")


def _dateline(text: str) -> int | None:
    found = find_dateline(text)
    return found.span.start if found is not None else None


_CAPITAL = re.compile(r"[^\W\d_a-z]")  # any capital letter: a country may be named
_CHUNK = re.compile(r"\S+")
_PERSONAL = frozenset({"he", "she", "him", "her", "his", "hers"})
_COLLECTIVE = frozenset({"both", "two"})
_CALENDAR = _wordset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday"
)
_NOT_NAMES = _CALENDAR | PRONOUNS


def context(
    text: str,
    groups: list[list[tuple[int, int]]],
    keep: list[bool],
    words: list[set[str]],
    names: list[set[str]],
    speech: list[bool],
    cues: list[bool],
    groups_named: list[tuple[set[str], set[str]]] | None = None,
) -> list[bool]:
    """``keep`` with the sentences a kept sentence's actors may be resolved from:

    * of a quotation a kept sentence is in: the sentences with its quote marks (the coder pairs
      them), all from the paragraph's start to the quote (the coder finds that start by the
      line break before it) and those with a verb of saying (``speech``) in the 80 characters
      after it (where the coder looks for the speaker);
    * before a sentence with "he", "she" or "his": those with a name in its 120 tokens (who the
      pronoun is); before one with "both" or "two", those with a capital in 200 tokens (which
      two countries "both countries" are);
    * those that share a name with a kept one (``names``: capitalised words but those of
      countries, capitals, nationalities, organisations, roles, months and days) and hold a
      role, nationality or affiliation word (``cues``): what the article says of a person
      ("Dr. Tunji Olaopa, former permanent secretary, ...") decides who "Olaopa" is;
    * before a sentence that names a group bare ("the rebels", "the army"), the latest one that
      names the same group where a country's or organisation's name is (``groups_named``, see
      ``prefilter_groups.named_groups``): the actor resolver takes the bare group's country from it
      (``RoleResolver.antecedent_cue``), where the article's focus country would stand in.

    The lists hold what is known of each sentence group.

    Token counts are counted as runs of non-space, never more than spaCy's tokens, so each
    window reaches at least as far back as the coder's. Repeated until nothing changes."""
    keep = list(keep)
    starts = [unit[0][0] for unit in groups]
    chunks = [m.start() for m in _CHUNK.finditer(text)]
    quotes = quote_spans(text, unmatched=True)
    by_name: dict[str, list[int]] = {}
    for i, found in enumerate(names):
        for name in found:
            by_name.setdefault(name, []).append(i)
    capitals = [bool(_CAPITAL.search(text, unit[0][0], unit[-1][1])) for unit in groups]
    bare = [b for b, _ in groups_named] if groups_named else [set[str]() for _ in groups]
    with_country = [n for _, n in groups_named] if groups_named else bare

    def overlapping(start: int, end: int) -> range:
        first = max(0, bisect_right(starts, start) - 1)
        return range(first, bisect_left(starts, max(end, start + 1)))

    def back(position: int, tokens: int) -> int:
        return chunks[max(0, bisect_left(chunks, position) - tokens)] if chunks else 0

    for q_start, q_end in quotes:  # where the coder stops pairing quote marks
        if q_end == q_start + 1:
            keep[overlapping(q_start, q_end)[-1]] = True
    todo = [i for i, k in enumerate(keep) if k]
    while todo:
        i = todo.pop()
        unit = groups[i]
        start, end = unit[0][0], unit[-1][1]
        lower = words[i]
        more: list[int] = []
        for q_start, q_end in quotes:
            if q_start < end and start < q_end:  # the quote marks, and who said it
                more += [*overlapping(q_start, q_start + 1), *overlapping(q_end - 1, q_end)]
                more += overlapping(text.rfind("\n", 0, q_start) + 1, q_start)
                more += [j for j in overlapping(q_end, q_end + 80) if speech[j]]
        if lower & _PERSONAL:  # a person is named with a capital
            more += [j for j in overlapping(back(start, 120), start) if names[j]]
        if lower & _COLLECTIVE:  # so are countries
            more += [j for j in overlapping(back(start, 200), start) if capitals[j]]
        if lower & REFERRING_WORDS:  # "they", "the pair", "the kingdom": the sentence before names them
            more += [j for j in overlapping(back(start, 1), start) if capitals[j]]
        for name in names[i]:
            more += [j for j in by_name[name] if cues[j]]
        for head in bare[i]:
            more += [next((j for j in range(i - 1, -1, -1) if head in with_country[j]), i)]
        for j in more:
            if not keep[j]:
                keep[j] = True
                todo.append(j)
    return keep


def _speech_verbs() -> frozenset[str]:
    """The verbs of saying the coder finds speakers by."""
    return frozenset(SPEECH_VERBS)


def _has_fallback(nlp: Language, lexicon: Lexicon) -> bool:
    return fallback_for(lexicon, nlp.vocab) is not None


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank sentence of the quick splitter; the end includes a
    closing quote or bracket after the terminal punctuation."""
    out: list[tuple[int, int]] = []
    start = 0
    for match in [*_SENTENCE_END.finditer(text), None]:
        end = match.start() if match is not None else len(text)
        if match is not None and match.group()[:1] in '"”’)':
            end += 1
        if text[start:end].strip():
            out.append((start, end))
        if match is not None:
            start = match.end()
    return out


def units(text: str) -> list[list[tuple[int, int]]]:
    """Sentences grouped where the quick splitter's break is doubtful (see module doc); a
    "sentence" without a word (a stray quote, "--") goes with the one before."""
    out: list[list[tuple[int, int]]] = []
    for start, end in sentences(text):
        if out:
            last_end = out[-1][-1][1]
            gap = text[last_end:start]
            if _PART.search(text, start, end) is None or (
                "\n" not in gap
                and (
                    _ABBREVIATION.search(text[max(0, last_end - 12) : last_end])
                    or _STARTS_LOWER.match(text, start)
                )
            ):
                out[-1].append((start, end))
                continue
        out.append([(start, end)])
    return out


def sentence_index(text: str, offset: int) -> int:
    """The number of the sentence that starts at or before ``offset``, counted with the fast
    splitter (stable whatever the parser does): its sentence ends in ``text[:offset]``."""
    return sum(1 for m in _SENTENCE_END.finditer(text, 0, offset) if m.end() <= offset)


class SentenceIndex:
    """``sentence_index`` for many offsets of one text, scanning the text once.

    A sentence end found in the whole text is found the same way in ``text[:offset]`` when a
    non-space character follows it before ``offset``: the scan up to it read nothing at or past
    ``offset`` (a break is a run of spaces or line breaks, and the scan stops at the first
    character after the run). From the last such end on, the cut text is scanned as
    ``sentence_index`` scans it: there the cut may lengthen, let through or add a break."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.ends = [m.end() for m in _SENTENCE_END.finditer(text)]

    def __call__(self, offset: int) -> int:
        text, ends = self.text, self.ends
        count = bisect_right(ends, offset)
        while count and not text[ends[count - 1] : offset].strip():
            count -= 1
        last = ends[count - 1] if count else 0
        return count + sum(1 for _ in _SENTENCE_END.finditer(text, last, offset))
