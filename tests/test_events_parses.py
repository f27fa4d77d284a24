"""Clauses and the trigger matcher on hand-built parses: no model, so the tests say what each
step does with a given tree, whatever a parser would make of the sentence."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import spacy
from spacy.tokens import Doc, Token

from dyadwatch.events.clauses import Clauses
from dyadwatch.events.confidence import CONFIDENCE
from dyadwatch.events.manner import with_manner
from dyadwatch.events.screen import TriggerScreen
from dyadwatch.events.triggers import Matcher
from dyadwatch.knowledge.base import Knowledge, load_knowledge
from dyadwatch.knowledge.lexicon import Lexicon, load_shifts, parse_lexicon
from dyadwatch.knowledge.words import LIGHT_VERBS
from dyadwatch.records import Actor

VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower case), no model
COUNTRIES = {"Egypt": "EGY", "Sudan": "SDN", "Russia": "RUS", "China": "CHN", "Mali": "MLI"}
HEADER = "id\tkind\tlemma\tparticle\tobject\tprep\tcode\tnote\n"
ROWS = (
    "meet\tverb\tmeet\t\t\twith\t040\tmeeting\n"
    "attack\tverb\tattack\t\t\tdobj\t190\tattack\n"
    "carry-out-attack\tverb\tcarry\tout\tattack\t\t190\tcarrying out an attack\n"
    "talks\tnoun\ttalk\t\t\twith\t040\ttalks\n"
    "kill\tverb\tkill\t\t\tdobj\t190\tkilling\n"
    "bomb\tverb\tbomb\t\t\tdobj\t183\tbombing\n"
)


@cache
def _knowledge() -> Knowledge:
    return load_knowledge()


@dataclass
class _Actors:
    """The part of ArticleActors the clauses ask: a country name is a state, nothing else is."""

    doc: Doc

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def knowledge(self) -> Knowledge:  # the roles table tells a place noun ("the city of X")
        return _knowledge()

    def resolve(self, head: Token, *, speaker: Actor | None = None) -> Actor | None:
        code = COUNTRIES.get(head.text)
        if code is None:
            return None
        return Actor(text=head.text, start=head.idx, end=head.idx + len(head), name=head.text,
                     country=code, sector=None, cameo_code=code, kind="state", reason="test")

    def phrase(self, head: Token) -> Any:
        return self.doc[head.i : head.i + 1]


def _doc(spec: str) -> Doc:
    """A doc from lines of ``word lemma pos tag head dep`` (head: the 0-based index)."""
    rows = [line.split() for line in spec.strip().splitlines()]
    return Doc(
        VOCAB,
        words=[r[0] for r in rows],
        lemmas=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        tags=[r[3] for r in rows],
        heads=[int(r[4]) for r in rows],
        deps=[r[5] for r in rows],
    )


def _clauses(doc: Doc) -> Clauses:
    return Clauses(doc, _Actors(doc))  # type: ignore[arg-type]


def _lexicon() -> Lexicon:
    return parse_lexicon(HEADER + ROWS, "test rows")


def _matcher(doc: Doc, lexicon: Lexicon | None = None) -> Matcher:
    return Matcher(lexicon or _lexicon(), _clauses(doc), load_shifts(), None, lambda token: False)


URGED = _doc("""
Egypt Egypt PROPN NNP 1 nsubj
urged urge VERB VBD 1 ROOT
Sudan Sudan PROPN NNP 1 dobj
to to PART TO 4 aux
withdraw withdraw VERB VB 1 xcomp
""")

PASSIVE = _doc("""
The the DET DT 1 det
embassy embassy NOUN NN 3 nsubjpass
was be AUX VBD 3 auxpass
attacked attack VERB VBN 3 ROOT
by by ADP IN 3 agent
gunmen gunman NOUN NNS 4 pobj
""")

MET = _doc("""
Russia Russia PROPN NNP 1 nsubj
met meet VERB VBD 1 ROOT
with with ADP IN 1 prep
China China PROPN NNP 2 pobj
""")

HELD_TALKS = _doc("""
Russia Russia PROPN NNP 1 nsubj
held hold VERB VBD 1 ROOT
talks talk NOUN NNS 1 dobj
with with ADP IN 2 prep
China China PROPN NNP 3 pobj
""")

CARRIED_OUT = _doc("""
Russia Russia PROPN NNP 1 nsubj
carried carry VERB VBD 1 ROOT
out out ADP RP 1 prt
an an DET DT 4 det
attack attack NOUN NN 1 dobj
in in ADP IN 1 prep
Mali Mali PROPN NNP 5 pobj
""")

SAID = _doc("""
Egypt Egypt PROPN NNP 1 nsubj
said say VERB VBD 1 ROOT
it it PRON PRP 4 nsubj
would would AUX MD 4 aux
meet meet VERB VB 1 ccomp
Sudan Sudan PROPN NNP 4 dobj
""")

KILLED_BOMBING = _doc("""
Russia Russia PROPN NNP 1 nsubj
killed kill VERB VBD 1 ROOT
ten ten NUM CD 3 nummod
people people NOUN NNS 1 dobj
bombing bomb VERB VBG 1 advcl
Mali Mali PROPN NNP 4 dobj
""")


# -- clauses -------------------------------------------------------------------------------------


def test_the_subject_of_a_verb_is_its_source() -> None:
    clauses = _clauses(URGED)
    assert clauses.subjects(URGED[1]) == ([URGED[0]], False)


def test_the_object_of_an_appeal_is_the_subject_of_its_infinitive() -> None:
    clauses = _clauses(URGED)
    subjects, passive = clauses.subjects(URGED[4])
    assert [t.text for t in subjects] == ["Sudan"] and not passive
    addressee = clauses.addressee(URGED[1])
    assert addressee is not None and addressee.i == 2


def test_a_passive_takes_its_agent_as_subject_and_its_patient_as_object() -> None:
    clauses = _clauses(PASSIVE)
    subjects, passive = clauses.subjects(PASSIVE[3])
    assert [t.text for t in subjects] == ["gunmen"] and passive
    obj = clauses.direct_object(PASSIVE[3])
    assert obj is not None and obj.text == "embassy"


def test_a_pattern_preposition_finds_the_target() -> None:
    clauses = _clauses(MET)
    found = clauses.targets(MET[1], None, ("with",), frozenset())
    assert [t.text for t in found] == ["China"]
    # another preposition named: the first actor after with/to/against/on still is the target
    found = clauses.targets(MET[1], None, ("against",), frozenset())
    assert [t.text for t in found] == ["China"]
    assert _clauses(URGED).targets(URGED[4], None, ("with",), frozenset()) == []


def test_particles_and_object_words_are_read_from_the_tree() -> None:
    clauses = _clauses(CARRIED_OUT)
    prt, preps = clauses.particles(CARRIED_OUT[1])
    assert prt == {"out"} and preps == {"in"}
    assert "attack" in clauses.object_lemmas(CARRIED_OUT[1])
    place = clauses.located_target(CARRIED_OUT[1], CARRIED_OUT[4])
    assert place is None  # no GPE entity on a hand-built parse: not a place
    assert clauses.actor(CARRIED_OUT[6]) is not None


def test_a_clause_under_a_speech_verb_knows_its_speech_head() -> None:
    clauses = _clauses(SAID)
    head = clauses.speech_head(SAID[4])
    assert head is not None and head.i == 1
    assert clauses.speech_head(SAID[1]) is None
    # the pronoun in the reported clause stands for the speaker
    speaker = clauses.actor(SAID[0])
    assert speaker is not None
    it = clauses.actor(SAID[2], speaker=speaker)
    assert it is not None and it.country == "EGY" and it.text == "it"
    assert clauses.actor(SAID[2], speaker=speaker, for_speaker=False) is None


# -- trigger matching ----------------------------------------------------------------------------


def test_a_verb_pattern_matches_with_its_preposition() -> None:
    match = _matcher(MET).match(MET[1])
    assert match is not None
    assert (match.code, match.trigger.i, match.rule) == ("040", 1, "pattern:meet")
    assert match.confidence in (CONFIDENCE.verb, CONFIDENCE.specific_verb)
    assert _matcher(MET).match(MET[0]) is None  # a name triggers nothing


def test_a_light_verb_takes_its_event_noun_pattern() -> None:
    assert "hold" in LIGHT_VERBS
    match = _matcher(HELD_TALKS).match(HELD_TALKS[1])
    assert match is not None
    assert match.noun is not None and match.noun.i == 2 and match.rule.endswith("+light:hold")
    assert match.confidence == CONFIDENCE.light_verb_noun
    assert {1, 2} <= match.consumed  # the noun yields no event of its own


def test_a_particle_and_object_pattern_beats_the_bare_verb() -> None:
    match = _matcher(CARRIED_OUT).match(CARRIED_OUT[1])
    assert match is not None and match.pattern.id == "carry-out-attack"
    assert match.confidence == CONFIDENCE.specific_verb


def test_the_screen_keeps_every_token_the_matcher_matches() -> None:
    lexicon = _lexicon()
    for doc in (MET, HELD_TALKS, CARRIED_OUT, URGED, PASSIVE):
        matcher = _matcher(doc, lexicon)
        screened = set(TriggerScreen(lexicon, has_fallback=False).screen(doc))
        matched = {t.i for t in doc if matcher.match(t) is not None}
        assert matched <= screened
        assert all(doc[i].pos_ != "PROPN" for i in screened)


def test_a_bare_killing_takes_the_manner_of_the_violence_in_its_clause() -> None:
    matcher = _matcher(KILLED_BOMBING)
    matches = [m for t in KILLED_BOMBING if (m := matcher.match(t)) is not None]
    assert sorted(m.pattern.id for m in matches) == ["bomb", "kill"]
    merged = with_manner(matches)
    assert len(merged) == 1
    assert merged[0].trigger.i == 1 and merged[0].code == "183" and "+manner:bomb" in merged[0].rule
