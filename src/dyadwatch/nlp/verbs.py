"""Verbs the tagger called nouns, told apart by the parse around them.

The tagger reads a word on its own neighbours and often takes a short verb that is also a
noun for the noun ("A sniper SHOT a soldier"). The parser, which runs
after it, may still hang a subject and a direct object on that word, and a noun has neither: the
parse says the word is the clause's verb. ``repair_verbs`` re-tags such a word as a verb before
the attribute ruler maps tags to parts of speech and the lemmatizer reads them, so every later
stage sees a verb with its verb lemma ("shoot"), the way it sees the correctly tagged sentence.

Only a word with both a subject and a direct object is re-tagged: one of the two alone also
fits a noun the parser misattached ("the shot", "a fire"). The other way round, a verb the
parser hung under a noun as its modifier ("Taiwan SCRAMBLED fighter jets" read as one noun
phrase) is made the clause's verb again.
This module imports spaCy: it is imported when a pipeline is loaded.
"""

from __future__ import annotations

from typing import Any, get_type_hints

from spacy.language import Language
from spacy.tokens import Doc, Token

from dyadwatch.knowledge.words import CALENDAR_WORDS


def _verb_tag(word: str, past_forms: frozenset[str]) -> str:
    """The Penn tag of a verb form: a past ("shot", "seized"), a third-person present
    ("fires"), else a present ("fire")."""
    lower = word.lower()
    if lower in past_forms or lower.endswith("ed"):
        return "VBD"
    if lower.endswith("s") and not lower.endswith("ss"):
        return "VBZ"
    return "VBP"


class VerbRepair:
    """The pipeline component (see the module docstring); ``past_forms`` are the irregular
    verb forms of the lemmatizer's exception table that differ from their lemma."""

    def __init__(self, past_forms: frozenset[str], verbs: frozenset[str] = frozenset()) -> None:
        self.past_forms = past_forms
        self.verbs = verbs  # the lemmatizer's verb lemmas: what an English verb is spelled like

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import DEP, HEAD, TAG

        if len(doc) == 0:
            return doc
        strings = doc.vocab.strings
        nsubj, dobj = strings["nsubj"], strings["dobj"]
        nouns = {strings["NN"], strings["NNS"]}
        rows = doc.to_array([TAG, DEP, HEAD]).tolist()  # HEAD: offset to the head
        oprd = strings["oprd"]
        modifiers = {strings["amod"], strings["ccomp"]}
        subjects: set[int] = set()
        objects: set[int] = set()
        predicates: list[int] = []
        # the only words the clause repairs below act on: a modifier (a verb read as one) or a
        # reported clause; no repair makes another word either, so the rest are not visited
        # (a Token made for every word cost as much as the repairs themselves)
        clausal: list[int] = []
        for i, (_, dep, head) in enumerate(rows):
            # spaCy keeps the offset as an unsigned 64-bit integer: back to a signed one
            offset = head - (1 << 64) if head >= 1 << 63 else head
            if dep == nsubj:
                subjects.add(i + offset)
            elif dep == dobj:
                objects.add(i + offset)
            elif dep == oprd:
                predicates.append(i)
            elif dep in modifiers:
                clausal.append(i)
        for i in subjects & objects:
            if rows[i][0] in nouns and doc[i].is_alpha:
                doc[i].tag_ = _verb_tag(doc[i].text, self.past_forms)
        for i in predicates:
            _lone_predicate(doc[i], objects)
        at = 0
        for sent in doc.sents:
            _name_read_as_verb(sent[0], self.verbs)
            _verb_read_as_modifier(sent.root)
            while at < len(clausal) and clausal[at] < sent.end:
                token = doc[clausal[at]]
                at += 1
                _modifier_with_subject(token)
                if token.dep_ == "ccomp":  # "Taiwan scrambled jets, its ministry said"
                    _verb_read_as_modifier(token)
        return doc


# Tags of the finite or participle verb that follows a name misread as the clause's verb.
_NEXT_VERB_TAGS = frozenset({"VBD", "VBN", "VBZ"})


def _name_read_as_verb(first: Token, verbs: frozenset[str]) -> None:
    """"Macron called Putin on Friday": the tagger may take a sentence's first word, a name it
    does not know, for an imperative verb, and the parser then hangs the real verb under it.
    A capitalised first word that no English verb is spelled like, heading the sentence with
    the next word a past or present verb under it, is the subject of that verb: the verb
    becomes the sentence's root and takes the name's other dependents. An imperative ("Stop
    the war") starts with a verb of the lexicon and stays as it is."""
    if first.dep_ != "ROOT" or first.tag_ not in ("VB", "VBP") or not first.is_title or first.is_stop:
        return
    if first.lower_ in verbs or first.i + 1 >= len(first.doc):
        return
    verb = first.doc[first.i + 1]
    if verb.head.i != first.i or verb.tag_ not in _NEXT_VERB_TAGS:
        return
    children = [c for c in first.children if c.i != verb.i]
    verb.head, verb.dep_ = verb, "ROOT"
    first.head, first.dep_, first.tag_ = verb, "nsubj", "NNP"
    for child in children:
        child.head = verb


_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_NAME_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "PRP"})


def _verb_read_as_modifier(root: Token) -> None:
    """"Taiwan scrambled fighter jets", "Sri Lankan police sealed off the area", "Turkey hosted
    talks between ...": the parser may read a clause (a sentence, or one a verb reports: a noun
    ``root`` that stands as the root or a ccomp) with a past-tense verb as one noun phrase,
    the verb a modifier of the noun before or after it ("scrambled jets", "police sealed off").
    A sentence whose root is a noun has no other verb. The verb is taken as the clause's when
    the tagger calls it a finite past (VBD), or a participle that cannot modify the noun: one
    right after a name ("Turkey hosted talks"), or one after the noun that acts on an object
    (``_active_participle``; not "police officers killed in an attack"). It becomes the root,
    the noun before it its subject, the noun after it its object."""
    if root.tag_ not in _NOUN_TAGS:
        return
    verb = next((c for c in root.children if c.dep_ in ("amod", "acl") and (
        c.tag_ == "VBD" or (c.tag_ == "VBN" and (
            _active_participle(c) if c.i > root.i else _after_name(c))))), None)
    if verb is None:
        return
    if verb.i > root.i:  # "police SEALED off the area": the noun before is the doer
        if verb.dep_ != "acl" or any(c.dep_.startswith("nsubj") for c in verb.children):
            return
        children = [c for c in root.children if c.i > verb.i]
        _take_place(verb, root)
        root.head, root.dep_ = verb, "nsubj"
        for child in children:  # what follows the verb is the verb's
            child.head = verb
        return
    # "Taiwan SCRAMBLED jets": the name before the verb (on the noun or on the verb) is the doer
    before = [c for c in (*root.children, *verb.children) if c.i < verb.i and c.tag_ in _NAME_TAGS]
    if not before:
        return
    subject = max(before, key=lambda t: t.i)
    _take_place(verb, root)
    root.head, root.dep_ = verb, "dobj"
    subject.head, subject.dep_ = verb, "nsubj"


def _modifier_with_subject(verb: Token) -> None:
    """"South Korea scrambled jets on Tuesday, its military said": a past-tense verb hung under
    a noun as its modifier, but with a subject of its own before it, is a clause; its noun is
    its object, and the verb takes the noun's place (a root, or the clause a verb reports)."""
    if verb.tag_ != "VBD" or verb.dep_ != "amod":
        return
    noun = verb.head
    if noun.i <= verb.i or noun.tag_ not in _NOUN_TAGS:
        return
    if not any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children):
        return
    _take_place(verb, noun)
    noun.head, noun.dep_ = verb, "dobj"


def _take_place(verb: Token, noun: Token) -> None:
    """``verb`` where ``noun`` stood: the root, or the clause a verb above reports."""
    if noun.head.i == noun.i:
        verb.head, verb.dep_ = verb, "ROOT"
    else:
        verb.head, verb.dep_ = noun.head, "ccomp" if noun.head.tag_.startswith("VB") else noun.dep_


# Particles of a phrasal verb ("sealed OFF the area", "rounded UP activists"), which the parser
# may read as prepositions.
_PARTICLES = frozenset({"off", "up", "down", "out", "back", "away"})


def _after_name(verb: Token) -> bool:
    """A participle right after a name, with no hyphen between ("Turkey HOSTED talks"; not
    "Iran-backed militias"), which the tagger read as a participle of the noun after it."""
    return verb.i > 0 and verb.doc[verb.i - 1].tag_ in ("NNP", "NNPS") and verb.doc[verb.i - 1].whitespace_ != ""


def _active_participle(verb: Token) -> bool:
    """A participle after a noun that acts on something, so the noun did it: it has a direct
    object or a particle with a noun after it, and no 'by' agent ("police SEALED OFF the area";
    not "police officers killed in an attack", "the area sealed off by police")."""
    kids = list(verb.children)
    if any(c.dep_ == "agent" or c.lower_ == "by" for c in kids):
        return False
    return any(c.dep_ == "dobj" or (c.lower_ in _PARTICLES and c.dep_ in ("prt", "prep") and any(
        g.dep_ == "pobj" for g in c.children)) for c in kids)


def _lone_predicate(word: Token, objects: set[int]) -> None:
    """"Scholz called Erdogan on Monday": the parser may read the name as what someone is
    called ("called him a liar"), with no object beside it. A name alone after an active verb
    is its object, so it is relabelled one; "was named Victory" (passive) and "called it
    Victory" (an object beside it) keep their predicate."""
    verb = word.head
    if word.tag_ != "NNP" or verb.i in objects or verb.i == word.i or word.i < verb.i:
        return
    if word.lower_ in CALENDAR_WORDS:  # "called Netanyahu SUNDAY": a day, not the one called
        return
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return
    word.dep_ = "dobj"


def past_forms(exceptions: dict[str, list[str]]) -> frozenset[str]:
    """The irregular verb forms of a lemmatizer's verb exception table (form -> lemmas) that
    are no lemma themselves ("shot" -> "shoot", not "hit" -> "hit")."""
    return frozenset(form for form, lemmas in exceptions.items() if form not in lemmas)


def make_verb_repair(nlp: Language, name: str) -> VerbRepair:
    """The factory of ``dw_verbs``: with the irregular forms and the verb lemmas of the
    pipeline's lemmatizer (none without one: then only regular forms are told apart, and no
    first word is known as a verb)."""
    lookups: Any = None
    if "lemmatizer" in nlp.pipe_names:
        lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    table: Any = {}
    index: Any = {}
    if lookups is not None and lookups.has_table("lemma_exc"):
        table = lookups.get_table("lemma_exc")
    if lookups is not None and lookups.has_table("lemma_index"):
        index = lookups.get_table("lemma_index")
    return VerbRepair(past_forms(dict(table.get("verb", {}))), frozenset(index.get("verb", ())))


# spaCy checks a factory's arguments against its annotations (see attributes.py)
make_verb_repair.__annotations__ = get_type_hints(make_verb_repair)
Language.factory("dw_verbs", func=make_verb_repair)


def use_verb_repair(nlp: Language) -> bool:
    """Add ``dw_verbs`` right after the parser, before the attribute ruler maps tags to parts of
    speech and the lemmatizer reads them. False, and nothing added: no parser, or already there."""
    if "parser" not in nlp.pipe_names or "dw_verbs" in nlp.pipe_names:
        return False
    nlp.add_pipe("dw_verbs", after="parser")
    return True
