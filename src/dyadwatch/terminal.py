"""One way for text from data to reach the terminal: never as markup, never as control codes.

Article texts, ids, titles, outlets, file names and error messages come from untrusted input.
Printed through rich as plain strings they are parsed as markup (``[/x]`` crashes the command,
``[link=...]`` makes a clickable link); printed raw, an ANSI escape sequence in them drives the
terminal. Every command therefore prints data through ``text`` (a rich ``Text``, which rich
never parses) or ``clean`` (a plain string for click), and builds its consoles with ``console``
(markup, emoji and highlighting off).
"""

from __future__ import annotations

import re
from typing import IO, Any

from rich.console import Console
from rich.text import Text

# C0 controls but tab and newline, DEL, and the C1 controls (ESC and CSI among them).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _visible(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group()):02x}"


def clean(value: object) -> str:
    """``value`` as a string with every control character shown as ``\\xNN``."""
    return _CONTROL.sub(_visible, str(value))


def text(value: object, style: str = "") -> Text:
    """``value`` as rich text that is printed as it is (no markup), controls made visible."""
    return Text(clean(value), style=style)


def console(file: IO[str] | None = None, **options: Any) -> Console:
    """A rich console that never interprets markup, emoji codes or "highlights" in strings."""
    return Console(file=file, markup=False, emoji=False, highlight=False, **options)
