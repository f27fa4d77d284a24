"""Shape checks for dyadwatch's own challenge suite (tests/data/challenge_events.jsonl).

The suite is gold for ``dyadwatch eval``: a bad code, actor or modality in it would silently
mis-score the coder, so every record is checked against the project's own tables. No model is
loaded here; measuring the coder on the suite is ``dyadwatch eval``'s job.
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
from dyadwatch.knowledge.base import SECTORS, Knowledge, load_knowledge
from dyadwatch.knowledge.ontology import load_ontology
from dyadwatch.records import MODALITIES

SUITE = Path(__file__).parent / "data" / "challenge_events.jsonl"
ROOTS = [f"{n:02d}" for n in range(1, 21)]
_ID = re.compile(r"^CH-(\d\d|NONE)-\d{3}$")
_DATE = re.compile(r"^20[0-2]\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
_CODE = re.compile(r"^\d{3,4}$")
UNKNOWN = "---"


@cache
def records() -> list[dict[str, Any]]:
    return read_suite(SUITE)


def with_events() -> list[dict[str, Any]]:
    return [r for r in records() if r["events"]]


@cache
def knowledge() -> Knowledge:
    return load_knowledge()


def actor_problem(code: object) -> str | None:
    """Why ``code`` is not an actor code the project can name, or None when it is."""
    if not isinstance(code, str):
        return f"actor {code!r} is not a string"
    if code == UNKNOWN:
        return None
    kb = knowledge()
    for prefix, kind in (("IGO", "igo"), ("NGO", "ngo")):
        if code.startswith(prefix):
            # igos.tsv holds whole CAMEO codes (IGOUNO); one may be followed by a sector
            # (IGONATMIL): try the longest code
            for cut in (len(code), len(code) - 3):
                org = kb.igos.get(code[:cut])
                if org is not None and (cut == len(code) or code[cut:] in SECTORS):
                    return None if org.kind == kind else f"{code}: {code[:cut]} is an {org.kind}"
            return f"{code}: no such {kind} in igos.tsv"
    if code[:3] not in kb.countries:
        return f"{code}: {code[:3]!r} is not in countries.tsv"
    if len(code) == 3 or code[3:] in SECTORS:
        return None
    return f"{code}: unknown sector {code[3:]!r}"


def test_every_line_is_a_gold_record_for_eval() -> None:
    # the evaluator's own reader must accept the whole file, extra keys included
    gold = list(read_gold(SUITE))
    assert len(gold) == len(records())
    assert all(g.scheme == "CAMEO" for g in gold if g.codes)


def test_ids_unique_and_well_formed() -> None:
    ids = [r["id"] for r in records()]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    bad = [i for i in ids if not _ID.match(i)]
    assert not bad, bad


def test_texts_unique_and_dated() -> None:
    texts = [r["text"] for r in records()]
    assert len(texts) == len(set(texts))
    bad = [r["id"] for r in records() if not _DATE.match(str(r.get("date")))]
    assert not bad, bad


def test_size_and_balance_per_root() -> None:
    assert len(with_events()) >= 600
    roots = Counter(r["events"][0]["code"][:2] for r in with_events())
    thin = {root: roots[root] for root in ROOTS if roots[root] < 20}
    assert not thin, thin
    assert set(roots) <= set(ROOTS)


def test_id_names_the_root_of_the_first_event() -> None:
    bad = [r["id"] for r in with_events() if r["id"].split("-")[1] != r["events"][0]["code"][:2]]
    assert not bad, bad


def test_no_event_records_are_flagged() -> None:
    empty = [r for r in records() if not r["events"]]
    assert len(empty) >= 30
    assert all(r.get("expect_no_event") is True for r in empty)
    assert not [r["id"] for r in with_events() if r.get("expect_no_event")]


def test_every_code_is_in_the_cameo_table() -> None:
    ontology = load_ontology()
    bad = [
        (r["id"], e["code"]) for r in with_events() for e in r["events"]
        if not (isinstance(e["code"], str) and _CODE.match(e["code"]) and ontology.has_cameo(e["code"]))
    ]
    assert not bad, bad
    assert all(e.get("scheme") == "CAMEO" for r in with_events() for e in r["events"])


def test_actor_codes_are_known() -> None:
    problems = []
    for r in with_events():
        for e in r["events"]:
            sources, targets = e["source"], e["target"]
            if not isinstance(sources, list) or not sources:
                problems.append(f"{r['id']}: source must be a non-empty list")
                continue
            if targets is not None and (not isinstance(targets, list) or not targets):
                problems.append(f"{r['id']}: target must be null or a non-empty list")
                continue
            for code in sources + (targets or []):
                why = actor_problem(code)
                if why:
                    problems.append(f"{r['id']}: {why}")
    assert not problems, problems


def test_modalities_are_the_coder_s_and_mostly_asserted() -> None:
    main = [r["events"][0]["modality"] for r in with_events()]
    assert not [m for r in with_events() for e in r["events"] if (m := e["modality"]) not in MODALITIES]
    unreal = sum(m != "asserted" for m in main) / len(main)
    assert 0.08 <= unreal <= 0.25, unreal


def test_forms_are_tagged() -> None:
    forms = Counter(r.get("form") for r in records())
    assert None not in forms and "" not in forms
    assert len(forms) >= 10  # the suite exists to vary the wording


@pytest.mark.parametrize(
    ("code", "ok"),
    [("USA", True), ("USAMIL", True), ("---", True), ("IGOUNO", True), ("IGONATMIL", True),
     ("NGOICRC", True), ("IGOICRC", False), ("XXX", False), ("USAXYZ", False), ("IGOXYZ", False), (7, False)],
)
def test_actor_check_itself(code: object, ok: bool) -> None:
    assert (actor_problem(code) is None) is ok
