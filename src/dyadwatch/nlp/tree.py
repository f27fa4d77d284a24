"""A parsed document's dependency tree, read once: the children of every token.

``Token.children`` walks the token's edges and makes a new ``Token`` for each child on every
call, and the event stage asks it of the same verbs and nouns over and over (a verb's objects,
particles, prepositions, infinitives and subjects are each looked for in its children). The
children of the last document asked about are kept here as tuples, built in one pass over its
heads, in the order ``Token.children`` gives them (left to right).

Only one document is kept (the one being coded); asking about another builds its table anew.
The table is read, never changed, so threads that code different documents only rebuild it.
The document must not be retokenized or re-parsed once asked about (no stage after the
pipeline does either).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# (document, children of each token by index) of the last document asked about
_last: tuple[Doc, tuple[tuple[Token, ...], ...]] | None = None


def children(token: Token) -> tuple[Token, ...]:
    """``tuple(token.children)``, from the table of its document."""
    doc = token.doc
    last = _last  # read once: another thread may replace it meanwhile
    if last is None or last[0] is not doc:
        last = _build(doc)
    return last[1][token.i]


def _build(doc: Doc) -> tuple[Doc, tuple[tuple[Token, ...], ...]]:
    global _last
    from spacy.attrs import HEAD

    tokens = list(doc)
    kids: list[list[Token]] = [[] for _ in tokens]
    # heads are stored as offsets in unsigned integers: read back as the signed numbers they are
    for i, offset in enumerate(doc.to_array(HEAD).astype("int64").tolist()):
        if offset:  # a root is its own head, and no child of itself
            kids[i + offset].append(tokens[i])
    _last = (doc, tuple(map(tuple, kids)))
    return _last
