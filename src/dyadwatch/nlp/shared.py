"""Two peoples sharing one noun, read by the parser as a people and a noun phrase.

"Kyrgyz and Tajik border guards exchanged fire": the parser may make "Kyrgyz" the subject and
"guards" its conjunct, so that Kyrgyz stands alone (a people) and only the Tajiks are guards.
"Afghan and Pakistani troops" it reads as two adjectives of one noun. ``share_noun`` gives the
first reading the second's shape: the first people's word modifies the noun, coordinated with
the second's, and the noun takes the first word's place in the clause. It runs after the
gazetteer and the recogniser, which tell a people's word (NORP) from a country's name ("Britain
and French troops" keeps Britain as a state of its own).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token


def share_noun(doc: Doc) -> Doc:
    # the first word of each people's name (the repair moves heads, never the entities); read
    # from the entities, not by making a Token for every word
    for ent in doc.ents:
        if ent.label_ == "NORP":
            _repair(ent[0])
    return doc


def _repair(first: Token) -> None:
    """``first`` ("Kyrgyz") with a conjunct noun ("guards") whose own modifier right after the
    'and' is a people's word ("Tajik"): ``first`` becomes the noun's modifier."""
    kids = list(first.children)
    cc = next((c for c in kids if c.dep_ == "cc" and c.lower_ in ("and", "or")), None)
    noun = next((c for c in kids if c.dep_ == "conj" and c.tag_ in ("NN", "NNS")), None)
    if cc is None or noun is None or len(kids) != 2 or first.i + 1 != cc.i:
        return
    second = next((m for m in noun.children if m.i == cc.i + 1 and m.dep_ in ("compound", "amod", "nmod")
                   and m.ent_type_ == "NORP"), None)
    if second is None:
        return
    head, dep = first.head, first.dep_
    root = head.i == first.i
    noun.head, noun.dep_ = (noun, "ROOT") if root else (head, dep)
    first.head, first.dep_ = noun, "amod"
    second.head, second.dep_ = first, "conj"
    cc.head = first


@cache
def register() -> None:
    from spacy.language import Language

    Language.component("dw_shared_noun", func=share_noun)


def use_shared_noun(nlp: Language) -> None:
    """Add ``dw_shared_noun`` at the end of the pipeline (after the entities are known)."""
    register()
    if "dw_shared_noun" not in nlp.pipe_names:
        nlp.add_pipe("dw_shared_noun", last=True)
