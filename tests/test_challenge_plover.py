"""Shape checks for dyadwatch's own PLOVER challenge suite (tests/data/challenge_plover.jsonl).

The suite scores PLOVER types and (source, target, type) triples whose actors carry a sector
("RUSGOV", "SYRREB", or a bare "USA" when the text names only the state), plus each named actor
mention's country and sector. A malformed code or a mention missing from its text would
silently mis-score the coder, so every record is checked against the project's own tables.
No model is loaded here; measuring the coder is ``dyadwatch eval``'s job.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from coding import read_suite
from dyadwatch.evaluation.evaluate import read_gold
from dyadwatch.knowledge.base import SECTORS, load_knowledge
from dyadwatch.knowledge.ontology import load_ontology
from dyadwatch.records import MODALITIES

SUITE = Path(__file__).parent / "data" / "challenge_plover.jsonl"
_ID = re.compile(r"^PL-([A-Z]+)-(\d{3,4})$")
_DATE = re.compile(r"^20[0-2]\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
# PLOVER's international non-state entities stand where a country would. The evaluator (like
# the dev gold) writes IGO for every international organisation, the UN, the EU and
# international NGOs alike, so that is the one non-state code a gold actor can match
NON_STATE = frozenset({"IGO"})
# the sectors a suite of wire sentences must exercise: the manual's frequently used ones that
# wire copy names (UNK only for a bomb with no named doer) and the common civilian ones
COMMON_SECTORS = frozenset({
    "GOV", "MIL", "COP", "JUD", "LEG", "PTY", "REB", "SPY", "UAF", "UNK", "PRM",
    "CVL", "JRN", "BUS", "LAB", "AGR", "MED", "EDU", "REL", "REF", "OPP", "ELI", "CRM", "SOC",
})  # fmt: skip


@cache
def records() -> list[dict[str, Any]]:
    return read_suite(SUITE)


@cache
def plover_types() -> frozenset[str]:
    return frozenset(t.name for t in load_ontology().plover_types())


def actor_problem(code: object) -> str | None:
    """Why ``code`` is not a PLOVER actor code (country or non-state entity, then an optional
    sector), or None when it is."""
    if not isinstance(code, str):
        return f"actor {code!r} is not a string"
    if len(code) not in (3, 6):
        return f"{code!r}: not three letters with an optional three-letter sector"
    if code[:3] not in NON_STATE and code[:3] not in load_knowledge().countries:
        return f"{code}: {code[:3]!r} is neither a country in countries.tsv nor a PLOVER non-state code"
    if len(code) == 6 and code[3:] not in SECTORS:
        return f"{code}: unknown sector {code[3:]!r}"
    return None


def events() -> list[tuple[str, dict[str, Any]]]:
    return [(r["id"], e) for r in records() for e in r["events"]]


def test_every_line_is_a_plover_gold_record_for_eval() -> None:
    gold = list(read_gold(SUITE))
    assert len(gold) == len(records())
    assert all(g.scheme == "PLOVER" and g.codes and g.triples for g in gold)
    assert all(e["scheme"] == "PLOVER" for _, e in events())


def test_ids_unique_and_name_the_type_of_the_first_event() -> None:
    ids = [r["id"] for r in records()]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    bad = [r["id"] for r in records() if not (m := _ID.match(r["id"])) or m.group(1) != r["events"][0]["code"]]
    assert not bad, bad


def test_texts_unique_dated_and_forms_tagged() -> None:
    texts = [r["text"] for r in records()]
    assert len(texts) == len(set(texts))
    assert not [r["id"] for r in records() if not _DATE.match(str(r.get("date")))]
    forms = Counter(r.get("form") for r in records())
    assert None not in forms and "" not in forms
    assert len(forms) >= 10


def test_size_and_every_plover_type_covered() -> None:
    assert len(records()) >= 160
    firsts = Counter(r["events"][0]["code"] for r in records())
    assert set(firsts) <= plover_types()
    thin = {t: firsts[t] for t in plover_types() if firsts[t] < 6}
    assert not thin, thin


def test_every_code_is_a_plover_2_type_and_modality_the_coder_s() -> None:
    assert not [(i, e["code"]) for i, e in events() if e["code"] not in plover_types()]
    assert not [(i, e["modality"]) for i, e in events() if e["modality"] not in MODALITIES]


def test_actor_codes_well_formed() -> None:
    problems = []
    for i, e in events():
        sources, targets = e["source"], e["target"]
        if not isinstance(sources, list) or not sources:
            problems.append(f"{i}: source must be a non-empty list")
            continue
        if targets is not None and (not isinstance(targets, list) or not targets):
            problems.append(f"{i}: target must be null or a non-empty list")
            continue
        if e.get("reciprocal") and (targets is not None or len(sources) < 2):
            problems.append(f"{i}: a reciprocal event has two or more sources and no target")
        problems += [f"{i}: {why}" for code in sources + (targets or []) if (why := actor_problem(code))]
    assert not problems, problems


def test_actor_mentions_are_in_the_text_and_match_the_event_codes() -> None:
    problems = []
    for r in records():
        for e in r["events"]:
            for side, key in (("source", "source_actors"), ("target", "target_actors")):
                codes = set(e[side] or [])
                for a in e.get(key, []):
                    if a["actorText"] not in r["text"]:
                        problems.append(f"{r['id']}: {a['actorText']!r} is not in the text")
                    if a["code"] + a["sector"] not in codes:
                        problems.append(f"{r['id']}: {a['actorText']!r} is not coded in the event's {side}")
    assert not problems, problems
    assert sum(len(e.get("source_actors", [])) + len(e.get("target_actors", [])) for _, e in events()) >= 250


def test_common_sectors_and_bare_states_covered() -> None:
    codes = [c for _, e in events() for c in e["source"] + (e["target"] or [])]
    sectors = Counter(c[3:] for c in codes if len(c) == 6)
    assert not COMMON_SECTORS - set(sectors), sorted(COMMON_SECTORS - set(sectors))
    assert sum(len(c) == 3 and c not in NON_STATE for c in codes) >= 20  # "Russia accused Ukraine"
    assert sum(c == "IGO" for c in codes) >= 5


@pytest.mark.parametrize(
    ("code", "ok"),
    [("USA", True), ("USAMIL", True), ("IGO", True), ("NGO", False), ("SYRREB", True),
     ("XXX", False), ("USAXYZ", False), ("USAM", False), ("---", False), (7, False)],
)
def test_actor_check_itself(code: object, ok: bool) -> None:
    assert (actor_problem(code) is None) is ok
