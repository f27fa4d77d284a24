"""The English rule lemmatizer, each distinct (word, part of speech, morphology) lemmatized once.

spaCy's rule lemmatizer goes through every token as a ``Token`` object and caches only the
lemmas its suffix rules find: a singular noun, an infinitive or a plain adjective (most words)
is checked again each time (``is_base_form``, reading the morphology as a dict). Its lemma
depends on nothing but the word, its coarse part of speech and its morphology, so
``CachedLemmatizer`` reads those three as an array, lemmatizes each distinct triple once with the
stock method (remembered in a ``Memo`` across documents) and writes every lemma back in one call. Tokens that already have a lemma (the
attribute ruler's) keep it unless the component overwrites, as in the stock component.

``use_cached_lemmas`` swaps it into a loaded pipeline in place of the stock English rule
lemmatizer (``nlp.replace_pipe``: same name, place, settings and tables). This module imports
spaCy: it is imported when a pipeline is loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, get_type_hints

from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from thinc.api import Model

from dyadwatch.memo import Memo

if TYPE_CHECKING:
    from spacy.tokens import Doc

_ANSWERS = 100_000  # distinct triples remembered (the least recently used go first)


class CachedLemmatizer(EnglishLemmatizer):
    """spaCy's English lemmatizer, lemmatizing each distinct (word, POS, morphology) once."""

    _lemmas: Memo[tuple[int, int, int], str] | None = None

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule" or len(doc) == 0:
            return super().__call__(doc)
        import numpy
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not self._validated:
            self._validate_tables()
        if self._lemmas is None:
            self._lemmas = Memo(maxsize=_ANSWERS)
        array = doc.to_array([ORTH, POS, MORPH, LEMMA])
        rows = array.tolist()
        column = [row[3] for row in rows]
        todo: dict[tuple[int, int, int], list[int]] = {}  # the tokens of each triple to lemmatize
        overwrite = self.overwrite
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if not lemma or overwrite:
                todo.setdefault((orth, pos, morph), []).append(i)
        lemmas = self._lemmas.get_or_compute_many(
            todo, lambda key: str(self.lemmatize(doc[todo[key][0]])[0])
        )
        add = doc.vocab.strings.add  # the strings of a memory zone go with it: add each time
        # filled in a list, not by numpy fancy indexing: a list index per key cost more than
        # the rest of the component
        for key, tokens in todo.items():
            lemma_id = add(lemmas[key])
            for i in tokens:
                column[i] = lemma_id
        values = numpy.array(column, dtype=array.dtype).reshape(-1, 1)
        doc.from_array([LEMMA], values)  # type: ignore[arg-type]
        return doc


def make_cached_lemmatizer(
    nlp: Language,
    model: Model[Any, Any] | None,
    name: str,
    mode: str,
    overwrite: bool,
    scorer: Callable[..., Any] | None,
) -> CachedLemmatizer:
    """The factory of ``dw_lemmatizer`` (the stock English lemmatizer's settings)."""
    return CachedLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)


# spaCy checks a factory's arguments against its annotations (see attributes.py)
make_cached_lemmatizer.__annotations__ = get_type_hints(make_cached_lemmatizer)
Language.factory(
    "dw_lemmatizer",
    assigns=["token.lemma"],
    default_config={
        "model": None,
        "mode": "rule",
        "overwrite": False,
        "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"},
    },
    func=make_cached_lemmatizer,
)


def use_cached_lemmas(nlp: Language, name: str = "lemmatizer") -> bool:
    """Swap the pipeline's English rule lemmatizer ``name`` for a ``dw_lemmatizer`` with the
    same settings and tables. False, and nothing changed: no such component, or another kind
    of lemmatizer (another language's, or another mode)."""
    if name not in nlp.pipe_names:
        return False
    old: Any = nlp.get_pipe(name)
    if isinstance(old, CachedLemmatizer):
        return True
    if type(old) is not EnglishLemmatizer or old.mode != "rule":
        return False
    config = {"mode": old.mode, "overwrite": old.overwrite}
    new: Any = nlp.replace_pipe(name, "dw_lemmatizer", config=config)
    new.lookups = old.lookups
    new.scorer = old.scorer
    new._validate_tables()
    return True
