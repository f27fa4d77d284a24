"""Which events a dyad question picks: its two actors, its PLOVER contexts, the direction of
each event between them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from dyadwatch.errors import InvalidArgument
from dyadwatch.knowledge.base import load_knowledge
from dyadwatch.knowledge.ontology import load_ontology
from dyadwatch.query import ActorCode, canonical_actor
from dyadwatch.records import UNKNOWN_CODE
from dyadwatch.watch.rows import EventRow

Direction = Literal["ab", "ba", "both"]
DIRECTIONS: tuple[Direction, ...] = ("ab", "ba", "both")

_CODE = re.compile(r"^[A-Z]{3}(?:[A-Z0-9]{3})*$")
_IGO = re.compile(r"^(?:IGO|NGO)[A-Z0-9]{2,12}$")


@dataclass(frozen=True)
class ActorSpec:
    """An actor of a dyad: a country (``DZA``), a country and sector (``USAMIL``) or an
    international organisation by its CAMEO code (``IGOUNO``; it covers the organisation's
    bodies and missions, whose codes extend it: ``IGOUNOHCR``; its acronym works too:
    ``ECOWAS``), or ``---`` / ``UNKNOWN`` for an actor the text does not name."""

    code: str
    country: str
    sector: str | None

    @classmethod
    def parse(cls, text: str) -> ActorSpec:
        code = canonical_actor(text)
        if code in (UNKNOWN_CODE, "UNKNOWN"):  # unnamed doers ("civilians were killed"); the
            return cls(UNKNOWN_CODE, UNKNOWN_CODE, None)  # word spares a '--' on the command line
        ActorCode.parse(code, "actor")  # a code of no known country or organisation is refused
        if _IGO.match(code):
            return cls(code, code, None)
        if not _CODE.match(code):
            raise InvalidArgument(
                "actor",
                f"{text!r} is not a CAMEO actor code: a country (DZA), country and sector "
                "(USAMIL), an international organisation (IGOUNO) or --- / UNKNOWN (an unnamed "
                "actor)",
            )
        return cls(code, code[:3], code[3:6] if len(code) >= 6 else None)

    @property
    def is_igo(self) -> bool:
        return _IGO.match(self.code) is not None

    def covered(self) -> set[str]:
        """The actor countries this spec matches: its country, or an IGO with its bodies."""
        if not self.is_igo:
            return {self.country}
        return {self.country} | {c for c in load_knowledge().igos if c.startswith(self.country)}

    def matches(self, country: str | None, sector: str | None, code: str | None) -> bool:
        if self.code == UNKNOWN_CODE:
            return code == UNKNOWN_CODE
        if self.is_igo:
            return country is not None and country.startswith(self.country)
        if country != self.country:
            return False
        if self.sector is None:
            return True
        if len(self.code) > 6:  # a longer code (country, sector, subsector) must match exactly
            return code == self.code
        return sector == self.sector or code == self.code


def igo_root(code: str | None) -> str | None:
    """The organisation an IGO body or mission belongs to ("IGOUNOHCR" -> "IGOUNO"), so that a
    dyad counts the UN's agencies as the UN; any other code is returned unchanged."""
    if code is None or _IGO.match(code) is None:
        return code
    igos = load_knowledge().igos
    while code in igos and igos[code].parent:
        code = igos[code].parent or code
    return code


def validate_contexts(contexts: Iterable[str] | str | None) -> tuple[str, ...]:
    """Context names, checked against the ontology (``InvalidArgument`` names the unknown one)."""
    names = (contexts,) if isinstance(contexts, str) else tuple(contexts or ())
    if not names:
        return ()
    known = load_ontology().plover_contexts()
    for name in names:
        if name not in known:
            raise InvalidArgument(
                "context", f"unknown PLOVER context {name!r}; one of " + ", ".join(known)
            )
    return names


def with_context(rows: Iterable[EventRow], contexts: Sequence[str]) -> list[EventRow]:
    """Rows that carry any of ``contexts`` (all rows when there are none)."""
    if not contexts:
        return list(rows)
    wanted = set(contexts)
    return [r for r in rows if wanted.intersection(r.plover_contexts)]



def direction_of(row: EventRow, a: ActorSpec, b: ActorSpec) -> Direction | None:
    """``"ab"`` when A acts on B, ``"ba"`` when B acts on A, else ``None`` (not this dyad)."""
    if a.matches(row.source_country, row.source_sector, row.source_code) and b.matches(
        row.target_country, row.target_sector, row.target_code
    ):
        return "ab"
    if b.matches(row.source_country, row.source_sector, row.source_code) and a.matches(
        row.target_country, row.target_sector, row.target_code
    ):
        return "ba"
    return None
