"""A parsed document's dependency tree, read once: the children of every token.

``Token.children`` walks the token's edges and makes a new ``Token`` for each child on every
call, and the event stage asks it of the same verbs and nouns over and over (a verb's objects,
particles, prepositions, infinitives and subjects are each looked for in its children). For
the last document asked about, the child indices of every token are found in one pass over its
heads, in the order ``Token.children`` gives them (left to right), and a token's children are
made into a tuple the first time they are asked for.

Only one document is kept (the one being coded); asking about another builds its table anew.
Threads that code different documents only rebuild it (a slot filled twice gets equal tuples).
The document must not be retokenized or re-parsed once asked about (no stage after the
pipeline does either).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Set as AbstractSet

    from spacy.tokens import Doc, Token

# (document, child indices of each token, children of each token once asked for) of the last
# document asked about
_last: tuple[Doc, list[list[int]], list[tuple[Token, ...] | None]] | None = None


def children(token: Token) -> tuple[Token, ...]:
    """``tuple(token.children)``, from the table of its document."""
    doc = token.doc
    last = _last  # read once: another thread may replace it meanwhile
    if last is None or last[0] is not doc:
        last = _build(doc)
    i = token.i
    found = last[2][i]
    if found is None:  # the tokens are made once, for the tokens asked about
        found = last[2][i] = tuple([doc[k] for k in last[1][i]])
    return found


def _build(doc: Doc) -> tuple[Doc, list[list[int]], list[tuple[Token, ...] | None]]:
    global _last
    from spacy.attrs import HEAD

    n = len(doc)
    kids: list[list[int]] = [[] for _ in range(n)]
    # heads are stored as offsets in unsigned integers: read back as the signed numbers they are
    for i, offset in enumerate(doc.to_array(HEAD).astype("int64").tolist()):
        if offset:  # a root is its own head, and no child of itself
            kids[i + offset].append(i)
    made: list[tuple[Token, ...] | None] = [None] * n
    _last = (doc, kids, made)
    return _last


def marked_by(clause: Token, words: AbstractSet[str]) -> bool:
    """Whether ``clause`` has a subordinator ('mark') among ``words`` ("AFTER they met",
    "IF it attacks"), read through the cached children."""
    return any(c.dep_ == "mark" and c.lower_ in words for c in children(clause))
