"""The texts of a doc's string ids, remembered across documents.

``StringStore[id]`` decodes the text anew on every call; a dict from id to text answers in a
third of the time. A string id is the hash of its text, the same in every vocab, so what one
document's tokens held serves every later one. The dict is emptied when it grows past
``_MAX`` entries (a long run meets ever new names and numbers).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

_TEXT_OF: dict[int, str] = {}
_MAX = 200_000


def token_texts(doc: Doc, orths: list[int]) -> list[str]:
    """The texts of the string ids ``orths`` (a column of ``doc.to_array``, such as ORTH)."""
    known = _TEXT_OF
    if len(known) > _MAX:
        known.clear()
    strings = doc.vocab.strings
    get = known.get
    out: list[str] = []
    for orth in orths:
        text = get(orth)
        if text is None:
            text = known[orth] = strings[orth]
        out.append(text)
    return out
