"""One size policy for everything dyadwatch reads and codes (docs/limits.md).

Each limit is checked before the step it protects, so memory and time per article stay bounded
by these numbers whatever the input: bytes are counted while a file is read or decompressed, a
text is measured before it is parsed, and an over-long sentence is blanked before the parse.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    text_bytes: int = 5_000_000
    """A .txt file, or the text of one JSON record, in bytes as read."""
    html_bytes: int = 20_000_000
    """An HTML file: markup takes more room than the text it carries."""
    json_bytes: int = 250_000_000
    """A .json file (one object or a list of records), or a non-JSON-Lines stream on stdin."""
    line_bytes: int = 10_000_000
    """One line of a JSON Lines file; a longer line is reported and skipped without being held
    in memory."""
    decompressed_bytes: int = 1 << 30
    """What one gzip file or stream may expand to (1 GiB); past it the rest is reported, not
    read."""
    text_chars: int = 100_000
    """Characters of one article that are coded (about 16,000 words, several times the
    longest news story); a longer text is reported when read, before any parse."""
    sentence_chars: int = 2_000
    """A longer "sentence" (a table, a list or run-on markup) is blanked before the parse."""


LIMITS = Limits()
"""The limits in force; pass another ``Limits`` to the readers to change them."""
