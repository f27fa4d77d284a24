"""Near-duplicate articles (syndicated copies, light rewrites) by MinHash over word shingles.

Each coded article's text becomes the set of its word 3-grams (lower-cased words), summarised
by a 64-permutation MinHash (``datasketch``). An LSH index over the recent originals finds the
candidates whose estimated Jaccard similarity may pass ``THRESHOLD``; the earliest candidate that
does is the article's original, and the article is stored as its copy and not coded.

Only originals enter the index, so a copy always points at the first article of its family. The
signatures are stored in the ``article_minhash`` table in the same transaction as their article,
and the index is rebuilt from it when the store is opened: a restart loses nothing. The index
keeps the ``capacity`` most recent originals (memory stays flat over months: about 2 kB each);
syndicated copies appear within days, not months.
"""

from __future__ import annotations

import re
from collections import deque
from typing import Any

import duckdb
import numpy as np

NUM_PERM = 64
SHINGLE = 3
THRESHOLD = 0.75
"""Estimated Jaccard similarity of the shingle sets from which an article is a copy. A 400-word
article with one word in thirty changed still shares about 80% of its 3-grams."""
MIN_WORDS = 20
"""Texts shorter than this are never taken as copies: too few shingles to judge by."""
DEFAULT_CAPACITY = 50_000
SEED = 1

_WORD = re.compile(r"\w+")


class Signature:
    """A MinHash's values (uint64), all the LSH index and the similarity need."""

    __slots__ = ("hashvalues",)

    def __init__(self, hashvalues: np.ndarray[Any, Any]) -> None:
        self.hashvalues = hashvalues

    def __len__(self) -> int:
        return len(self.hashvalues)

    def jaccard(self, other: Signature) -> float:
        return float(np.mean(self.hashvalues == other.hashvalues))

    def to_bytes(self) -> bytes:
        return bytes(self.hashvalues.tobytes())

    @classmethod
    def from_bytes(cls, data: bytes) -> Signature:
        return cls(np.frombuffer(data, dtype=np.uint64).copy())


_PERMUTATIONS: Any = None


def signature(text: str) -> Signature | None:
    """The MinHash of ``text``'s word shingles; ``None`` for a text too short to judge."""
    global _PERMUTATIONS
    from datasketch import MinHash

    words = _WORD.findall(text.lower())
    if len(words) < MIN_WORDS:
        return None
    shingles = {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}
    if _PERMUTATIONS is None:  # drawing them costs more than hashing a whole article
        _PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=SEED).permutations
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=_PERMUTATIONS, scheme="affine32")
    minhash.update_batch(list(shingles))
    return Signature(np.asarray(minhash.hashvalues, dtype=np.uint64))


class DedupIndex:
    """The LSH index of recent originals, in store order."""

    def __init__(self, capacity: int = DEFAULT_CAPACITY) -> None:
        from datasketch import MinHashLSH

        self.capacity = capacity
        self._lsh = MinHashLSH(threshold=THRESHOLD - 0.1, num_perm=NUM_PERM)
        self._order: deque[str] = deque()
        self._seq: dict[str, int] = {}
        self._hashes: dict[str, Signature] = {}
        self.next_seq = 0

    @classmethod
    def load(cls, con: duckdb.DuckDBPyConnection, capacity: int = DEFAULT_CAPACITY) -> DedupIndex:
        """The index of the ``capacity`` most recent originals stored."""
        index = cls(capacity)
        rows = con.execute(
            "SELECT article_id, seq, minhash FROM (SELECT * FROM article_minhash"
            " ORDER BY seq DESC LIMIT ?) ORDER BY seq",
            [capacity],
        ).fetchall()
        for article_id, seq, data in rows:
            index._insert(str(article_id), Signature.from_bytes(bytes(data)), int(seq))
        top = con.execute("SELECT coalesce(max(seq), -1) FROM article_minhash").fetchone()
        index.next_seq = int(top[0]) + 1 if top is not None else 0
        return index

    def __len__(self) -> int:
        return len(self._order)

    def original_of(self, article_id: str, minhash: Signature) -> str | None:
        """The earliest indexed original ``minhash`` copies (never the article itself)."""
        best: tuple[int, str] | None = None
        for key in self._lsh.query(minhash):
            if key == article_id:
                continue
            if minhash.jaccard(self._hashes[key]) < THRESHOLD:
                continue
            candidate = (self._seq[key], key)
            if best is None or candidate < best:
                best = candidate
        return None if best is None else best[1]

    def add(self, article_id: str, minhash: Signature) -> int:
        """Index an original; returns its sequence number (stored with its signature)."""
        seq = self.next_seq
        self.next_seq += 1
        self._insert(article_id, minhash, seq)
        return seq

    def discard(self, article_id: str) -> None:
        """Forget an article (its text changed: it is screened again)."""
        if article_id in self._seq:
            self._lsh.remove(article_id)
            del self._seq[article_id]
            del self._hashes[article_id]
            self._order.remove(article_id)

    def _insert(self, article_id: str, minhash: Signature, seq: int) -> None:
        self.discard(article_id)
        self._lsh.insert(article_id, minhash)
        self._seq[article_id] = seq
        self._hashes[article_id] = minhash
        self._order.append(article_id)
        while len(self._order) > self.capacity:
            oldest = self._order.popleft()
            self._lsh.remove(oldest)
            del self._seq[oldest]
            del self._hashes[oldest]
