"""Verbs the tagger called nouns, told apart by the parse around them.

The tagger reads a word on its own neighbours and often takes a short verb that is also a
noun for the noun ("A sniper SHOT a soldier"). The parser, which runs
after it, may still hang a subject and a direct object on that word, and a noun has neither: the
parse says the word is the clause's verb. ``repair_verbs`` re-tags such a word as a verb before
the attribute ruler maps tags to parts of speech and the lemmatizer reads them, so every later
stage sees a verb with its verb lemma ("shoot"), the way it sees the correctly tagged sentence.

Only a word with both a subject and a direct object is re-tagged: one of the two alone also
fits a noun the parser misattached ("the shot", "a fire"). This module imports spaCy: it is
imported when a pipeline is loaded.
"""

from __future__ import annotations

from typing import Any, get_type_hints

from spacy.language import Language
from spacy.tokens import Doc


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

    def __init__(self, past_forms: frozenset[str]) -> None:
        self.past_forms = past_forms

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import DEP, HEAD, TAG

        if len(doc) == 0:
            return doc
        strings = doc.vocab.strings
        nsubj, dobj = strings["nsubj"], strings["dobj"]
        nouns = {strings["NN"], strings["NNS"]}
        rows = doc.to_array([TAG, DEP, HEAD]).tolist()  # HEAD: offset to the head
        subjects: set[int] = set()
        objects: set[int] = set()
        for i, (_, dep, head) in enumerate(rows):
            # spaCy keeps the offset as an unsigned 64-bit integer: back to a signed one
            offset = head - (1 << 64) if head >= 1 << 63 else head
            if dep == nsubj:
                subjects.add(i + offset)
            elif dep == dobj:
                objects.add(i + offset)
        for i in subjects & objects:
            if rows[i][0] in nouns and doc[i].is_alpha:
                doc[i].tag_ = _verb_tag(doc[i].text, self.past_forms)
        return doc


def past_forms(exceptions: dict[str, list[str]]) -> frozenset[str]:
    """The irregular verb forms of a lemmatizer's verb exception table (form -> lemmas) that
    are no lemma themselves ("shot" -> "shoot", not "hit" -> "hit")."""
    return frozenset(form for form, lemmas in exceptions.items() if form not in lemmas)


def make_verb_repair(nlp: Language, name: str) -> VerbRepair:
    """The factory of ``dw_verbs``: with the irregular forms of the pipeline's lemmatizer
    (none without one: then only regular forms are told apart)."""
    lookups: Any = None
    if "lemmatizer" in nlp.pipe_names:
        lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    table: Any = {}
    if lookups is not None and lookups.has_table("lemma_exc"):
        table = lookups.get_table("lemma_exc")
    return VerbRepair(past_forms(dict(table.get("verb", {}))))


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
