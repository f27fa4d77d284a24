"""The ontology tables: completeness, pinned facts, the validator, and the records they build."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import pytest

from dyadwatch.errors import KnowledgeError
from dyadwatch.knowledge.ontology import (
    CAMEO_FILE,
    CROSSWALK_FILE,
    PLOVER_FILE,
    Ontology,
    load_ontology,
    main,
    quad_class_for_root,
)
from dyadwatch.records import Cameo, Plover

DATA = resources.files("dyadwatch.data")


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return load_ontology()


def codes_at(onto: Ontology, level: int, under: str = "") -> set[str]:
    return {c.code for c in onto.cameo_codes() if c.level == level and c.code.startswith(under)}


# Completeness


def test_counts_per_level(onto: Ontology) -> None:
    # CAMEO 1.1b3 as GDELT tabulates it: 20 roots, 147 3-digit codes, 144 4-digit codes.
    assert len(codes_at(onto, 1)) == 20
    assert len(codes_at(onto, 2)) == 147
    assert len(codes_at(onto, 3)) == 144
    assert len(onto.cameo_codes()) == 311


def test_all_twenty_roots(onto: Ontology) -> None:
    assert codes_at(onto, 1) == {f"{n:02d}" for n in range(1, 21)}


@pytest.mark.parametrize(
    ("parent", "expected"),
    [
        ("04", {f"04{d}" for d in range(7)}),
        ("19", {f"19{d}" for d in range(7)}),
        ("01", {f"01{d}" for d in range(10)}),
        ("10", {f"10{d}" for d in range(9)}),
        ("12", {f"12{d}" for d in range(10)}),
        ("20", {f"20{d}" for d in range(5)}),
        ("021", {"0211", "0212", "0213", "0214"}),
        ("025", {f"025{d}" for d in range(1, 7)}),
        ("035", {f"035{d}" for d in range(1, 7)}),
        ("087", {"0871", "0872", "0873", "0874"}),
        ("105", {f"105{d}" for d in range(1, 7)}),
        ("112", {f"112{d}" for d in range(1, 6)}),
        ("121", {"1211", "1212"}),
        ("124", {f"124{d}" for d in range(1, 7)}),
        ("138", {f"138{d}" for d in range(1, 6)}),
        ("183", {"1831", "1832", "1833"}),
        ("204", {"2041", "2042"}),
        ("042", set()),
    ],
)
def test_children(onto: Ontology, parent: str, expected: set[str]) -> None:
    assert {c.code for c in onto.children(parent)} == expected


def test_every_code_is_complete(onto: Ontology) -> None:
    for entry in onto.cameo_codes():
        assert entry.name and entry.description, entry.code
        assert entry.description != entry.name, entry.code
        assert entry.root == entry.code[:2]
        assert -10.0 <= entry.goldstein <= 10.0
        assert entry.quad_class == quad_class_for_root(entry.root)
        if entry.parent is not None:
            assert onto.has_cameo(entry.parent), entry.code
        mapping = onto.plover_for(entry.code)
        plover_type = onto.plover_type(mapping.type)
        assert mapping.mode is None or mapping.mode in plover_type.modes, entry.code
        assert set(mapping.context) <= set(onto.plover_contexts()), entry.code


@pytest.mark.parametrize(
    ("code", "goldstein"),
    [
        ("010", 0.0),
        ("011", -0.1),
        ("016", -2.0),  # GDELT; Phoenix has 3.4
        ("022", 3.2),  # GDELT; Phoenix has 3.4
        ("040", 1.0),
        ("042", 1.9),
        ("043", 2.8),
        ("044", 2.5),
        ("051", 3.4),
        ("057", 8.0),
        ("0334", 6.0),
        ("0874", 10.0),
        ("09", -2.0),
        ("124", -4.0),  # GDELT; Phoenix has -5.0
        ("130", -4.4),
        ("163", -8.0),  # GDELT; Phoenix has -6.5
        ("165", -6.5),  # GDELT; Phoenix has -7.0
        ("166", -7.0),  # GDELT; Phoenix has -8.0
        ("171", -9.2),
        ("182", -9.5),
        ("1821", -9.0),
        ("190", -10.0),
        ("201", -9.5),
    ],
)
def test_goldstein_facts(onto: Ontology, code: str, goldstein: float) -> None:
    assert onto.cameo(code).goldstein == goldstein


@pytest.mark.parametrize(
    ("root", "quad"),
    [("01", 1), ("05", 1), ("06", 2), ("09", 2), ("10", 3), ("14", 3), ("15", 4), ("20", 4)],
)
def test_quad_class_by_root(onto: Ontology, root: str, quad: int) -> None:
    assert quad_class_for_root(root) == quad
    assert {c.quad_class for c in onto.cameo_codes() if c.root == root} == {quad}


def test_quad_class_for_root_rejects_out_of_range() -> None:
    for root in ("00", "21"):
        with pytest.raises(ValueError):
            quad_class_for_root(root)


def test_header_notes_gdelt_vs_phoenix() -> None:
    comments = "\n".join(
        line
        for line in DATA.joinpath(CAMEO_FILE).read_text("utf-8").splitlines()
        if line[:1] == "#"
    )
    assert "GDELT" in comments and "Phoenix" in comments
    for code, gdelt, phoenix in [
        ("016", "-2.0", "3.4"),
        ("022", "3.2", "3.4"),
        ("163", "-8.0", "-6.5"),
        ("165", "-6.5", "-7.0"),
        ("166", "-7.0", "-8.0"),
    ]:
        assert re.search(rf"{code}: GDELT {gdelt}, Phoenix {phoenix}", comments), code


# PLOVER

PLOVER_QUADS = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "CONCEDE": 1,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "REQUEST": 3,
    "ACCUSE": 3,
    "REJECT": 3,
    "THREATEN": 3,
    "PROTEST": 4,
    "SANCTION": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
}


def test_plover_types_and_quads(onto: Ontology) -> None:
    assert {t.name: t.quad_class for t in onto.plover_types()} == PLOVER_QUADS


def test_plover_types_that_require_a_recipient(onto: Ontology) -> None:
    # the manual's "Requires recipient: Yes" sections
    assert {t.name for t in onto.plover_types() if t.requires_recipient} == {"COOPERATE", "AID", "SANCTION"}


def test_plover_scores_follow_cooperation_and_conflict(onto: Ontology) -> None:
    types = onto.plover_types()
    for t in types:
        assert (t.score > 0) == (t.quad_class <= 2), t.name
    assert min(types, key=lambda t: t.score).name == "ASSAULT"
    assert onto.plover_type("assault").score == -9.3
    assert onto.plover_type("RETREAT").score == 7.6


@pytest.mark.parametrize(
    ("name", "modes"),
    [
        ("CONSULT", {"visit", "third-party", "multilateral", "phone"}),
        ("REQUEST", {"assist", "change", "yield", "meet"}),
        ("ACCUSE", {"disapprove", "investigate", "allege"}),
        ("PROTEST", {"demo", "riot", "strike", "hunger", "boycott", "obstruct"}),
        ("ASSAULT", {"firearms", "explosives", "heavy-weapons", "unconventional", "abduct", "targeted",
                     "aerial", "drone", "crowd-control", "primitive"}),
        ("COERCE", {"seize", "restrict", "censor", "withhold", "cyber", "misinformation"}),
        ("THREATEN", {"restrict", "arrest", "relations", "expel", "territory", "violence"}),
    ],
)
def test_plover_modes(onto: Ontology, name: str, modes: set[str]) -> None:
    assert modes <= set(onto.plover_type(name).modes)


@pytest.mark.parametrize(
    ("name", "dropped"),
    [("ASSAULT", {"assassinate", "cleansing", "massacre", "execute", "sideAB"}),
     ("COERCE", {"confiscate", "ban"}), ("THREATEN", {"ban"}), ("RETREAT", {"return"})],
)
def test_modes_the_manual_renamed_or_dropped_are_gone(onto: Ontology, name: str, dropped: set[str]) -> None:
    assert not dropped & set(onto.plover_type(name).modes)


def test_plover_contexts(onto: Ontology) -> None:
    contexts = onto.plover_contexts()
    assert len(contexts) == len(set(contexts))
    core = "military intelligence executive legislative election legal cyber resource economic"
    core += " diplomatic territory pandemic disaster refugees migration terrorism crime"
    core += " human_rights gender lgbtq political_violence protest"
    assert set(core.split()) <= set(contexts)


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("DEMAND", "REQUEST"),
        ("DISAPPROVE", "ACCUSE"),
        ("INVESTIGATE", "ACCUSE"),
        ("FIGHT", "ASSAULT"),
        ("fight", "ASSAULT"),
        ("AGREE", "AGREE"),
        ("ASSAULT", "ASSAULT"),
    ],
)
def test_plover_from_v05(onto: Ontology, label: str, expected: str) -> None:
    assert onto.plover_from_v05(label) == expected


def test_plover_from_v05_unknown(onto: Ontology) -> None:
    with pytest.raises(KeyError):
        onto.plover_from_v05("CRIME")


@pytest.mark.parametrize(
    ("code", "type_", "mode", "context"),
    [
        ("041", "CONSULT", "phone", ()),
        ("042", "CONSULT", "visit", ()),
        ("043", "CONSULT", "visit", ()),
        ("044", "CONSULT", "third-party", ()),
        ("0211", "REQUEST", "assist", ("economic",)),
        ("1041", "REQUEST", "change", ("executive",)),
        ("0841", "RETREAT", "release", ()),
        ("091", "ACCUSE", "investigate", ("crime", "corruption")),
        ("116", "SANCTION", "convict", ("legal",)),
        ("1382", "THREATEN", "territory", ("military", "territory")),
        ("141", "PROTEST", "demo", ()),
        ("145", "PROTEST", "riot", ()),
        ("163", "SANCTION", "discontinue", ("economic",)),
        ("173", "COERCE", "arrest", ("legal",)),
        ("190", "ASSAULT", None, ("military",)),
        ("193", "ASSAULT", "firearms", ("military",)),
        ("2042", "ASSAULT", "unconventional", ("cbrn",)),
        # modes named as in the manual's current tables
        ("1711", "COERCE", "seize", ()),
        ("1722", "COERCE", "restrict", ("political_institutions",)),
        ("1322", "THREATEN", "restrict", ("political_institutions",)),
        ("186", "ASSAULT", "targeted", ()),
        ("202", "ASSAULT", "targeted", ()),
        ("195", "ASSAULT", "aerial", ("military",)),
        ("201", "ASSAULT", None, ()),
    ],
)
def test_crosswalk_spot_checks(
    onto: Ontology, code: str, type_: str, mode: str | None, context: tuple[str, ...]
) -> None:
    mapping = onto.plover_for(code)
    assert (mapping.type, mapping.mode, mapping.context) == (type_, mode, context)


def test_only_public_statements_are_approximate(onto: Ontology) -> None:
    approximate = {c.code for c in onto.cameo_codes() if onto.plover_for(c.code).approximate}
    assert approximate == codes_at(onto, 1, "01") | codes_at(onto, 2, "01")


def test_roots_with_one_plover_type(onto: Ontology) -> None:
    # Roots whose whole subtree lands on one type; guards against a stray row elsewhere.
    for root, type_ in [("02", "REQUEST"), ("04", "CONSULT"), ("10", "REQUEST"), ("14", "PROTEST")]:
        assert {onto.plover_for(c.code).type for c in onto.cameo_codes() if c.root == root} == {
            type_
        }


# Lookups and records


def test_unknown_lookups_raise_key_error(onto: Ontology) -> None:
    assert not onto.has_cameo("999")
    assert onto.has_cameo("042")
    for call in (onto.cameo, onto.plover_for, onto.records_for, onto.children):
        with pytest.raises(KeyError):
            call("999")
    with pytest.raises(KeyError):
        onto.plover_type("DEMAND")


def test_records_for_builds_event_records(onto: Ontology) -> None:
    cameo, plover = onto.records_for("1382", ["territory", "diplomatic", "diplomatic"])
    assert cameo == Cameo(
        code="1382", name="Threaten occupation", root="13", goldstein=-7.0, quad_class=3
    )
    assert plover == Plover(
        type="THREATEN", mode="territory", context=("military", "territory", "diplomatic")
    )
    assert Cameo.from_json(cameo.to_json()) == cameo
    assert Plover.from_json(plover.to_json()) == plover


def test_records_for_without_mode_or_context(onto: Ontology) -> None:
    cameo, plover = onto.records_for("040")
    assert (cameo.code, cameo.goldstein, cameo.quad_class) == ("040", 1.0, 1)
    assert plover == Plover(type="CONSULT", mode=None, context=())
    assert Plover.from_dict(plover.to_dict()) == plover


def test_records_for_rejects_bad_context(onto: Ontology) -> None:
    with pytest.raises(ValueError, match="nonsense"):
        onto.records_for("042", ["economic", "nonsense"])
    with pytest.raises(TypeError):
        onto.records_for("042", "economic")


def test_default_ontology_is_cached() -> None:
    assert load_ontology() is load_ontology()


def test_loads_from_a_directory(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    copy = load_ontology(data)
    assert copy is not load_ontology(data)
    assert [c.code for c in copy.cameo_codes()] == [c.code for c in load_ontology().cameo_codes()]


def test_main_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    assert "311 CAMEO codes (20 roots, 147 3-digit, 144 4-digit)" in capsys.readouterr().out
    data = copy_data(tmp_path)
    (data / PLOVER_FILE).unlink()
    assert main([str(data)]) == 1
    assert "plover.json: file not found" in capsys.readouterr().err


# Validator: each broken table must name the file and line of the problem.


def copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    target.mkdir()
    for name in (CAMEO_FILE, PLOVER_FILE, CROSSWALK_FILE):
        with resources.as_file(DATA.joinpath(name)) as source:
            shutil.copy(source, target / name)
    return target


Edit = Callable[[list[str]], list[str]]


def row(code: str, new: str | None) -> Edit:
    """Replace (or, with None, drop) the data row for ``code``."""

    def edit(lines: list[str]) -> list[str]:
        hits = [i for i, line in enumerate(lines) if line.startswith(code + "\t")]
        assert len(hits) == 1, code
        out = list(lines)
        if new is None:
            del out[hits[0]]
        else:
            out[hits[0]] = new
        return out

    return edit


def append(new: str) -> Edit:
    return lambda lines: [*lines, new]


def sub(old: str, new: str) -> Edit:
    def edit(lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        assert old in text, old
        return text.replace(old, new, 1).split("\n")

    return edit


BAD = "\t".join  # readability: BAD(["042", ...]) builds a tab-separated row

CASES: list[tuple[str, str, Edit, str, str, str]] = [
    # (id, file to edit, edit, file named in the error, marker on the error line, problem)
    ("short row", CAMEO_FILE, row("042", BAD(["042", "Make a visit", "1.9"])), CAMEO_FILE, "042\t", "fields"),
    ("bad code", CAMEO_FILE, row("043", BAD(["04x", "Host", "2.8", "1", "d"])), CAMEO_FILE, "04x\t", "malformed CAMEO code"),
    ("bad root", CAMEO_FILE, append(BAD(["21", "Extra", "0.0", "4", "d"])), CAMEO_FILE, "21\tExtra", "root 21"),
    ("duplicate", CAMEO_FILE, append(BAD(["043", "Host again", "2.8", "1", "dup marker"])), CAMEO_FILE, "dup marker", "duplicate code 043"),
    ("no 3-digit parent", CAMEO_FILE, row("021", None), CAMEO_FILE, "0211\t", "no parent code 021"),
    ("no root parent", CAMEO_FILE, row("04", None), CAMEO_FILE, "040\t", "no parent code 04"),
    ("goldstein range", CAMEO_FILE, row("057", BAD(["057", "Sign", "10.5", "1", "d"])), CAMEO_FILE, "057\t", "outside [-10, 10]"),
    ("goldstein text", CAMEO_FILE, row("057", BAD(["057", "Sign", "high", "1", "d"])), CAMEO_FILE, "057\t", "must be a number"),
    ("quad mismatch", CAMEO_FILE, row("042", BAD(["042", "Visit", "1.9", "2", "d"])), CAMEO_FILE, "042\t", "does not match root 04"),
    ("empty name", CAMEO_FILE, row("042", BAD(["042", "", "1.9", "1", "d"])), CAMEO_FILE, "042\t", "empty name"),
    ("bad header", CAMEO_FILE, sub("code\tname\tgoldstein", "code\tlabel\tgoldstein"), CAMEO_FILE, "code\tlabel", "header"),
    ("unknown type", CROSSWALK_FILE, row("042", BAD(["042", "CONSLUT", "visit", "", "direct"])), CROSSWALK_FILE, "042\t", "unknown PLOVER type 'CONSLUT'"),
    ("unknown mode", CROSSWALK_FILE, row("042", BAD(["042", "CONSULT", "teleport", "", "direct"])), CROSSWALK_FILE, "042\t", "unknown mode 'teleport'"),
    ("other type's mode", CROSSWALK_FILE, row("042", BAD(["042", "CONSULT", "riot", "", "direct"])), CROSSWALK_FILE, "042\t", "unknown mode 'riot'"),
    ("unknown context", CROSSWALK_FILE, row("042", BAD(["042", "CONSULT", "visit", "economic|sport", "direct"])), CROSSWALK_FILE, "042\t", "unknown PLOVER context 'sport'"),
    ("bad fit", CROSSWALK_FILE, row("042", BAD(["042", "CONSULT", "visit", "", "roughly"])), CROSSWALK_FILE, "042\t", "fit must be"),
    ("unknown code", CROSSWALK_FILE, append(BAD(["0999", "CONSULT", "", "", "direct"])), CROSSWALK_FILE, "0999\t", "unknown CAMEO code '0999'"),
    ("duplicate row", CROSSWALK_FILE, append(BAD(["042", "CONSULT", "phone", "", "direct"])), CROSSWALK_FILE, "042\tCONSULT\tphone", "duplicate row for code 042"),
    ("missing row", CROSSWALK_FILE, row("0211", None), CAMEO_FILE, "0211\t", "0211 has no row in cameo_plover.tsv"),
    ("json syntax", PLOVER_FILE, sub('"version": "2.0",', '"version": "2.0"'), PLOVER_FILE, '"notes"', "invalid JSON"),
    ("duplicate type", PLOVER_FILE, sub('{"type": "AID"', '{"type": "AGREE"'), PLOVER_FILE, '"score": 7.4', "duplicate PLOVER type AGREE"),
    ("score range", PLOVER_FILE, sub('"score": -9.3', '"score": -12'), PLOVER_FILE, '"type": "ASSAULT"', "outside [-10, 10]"),
    ("quad range", PLOVER_FILE, sub('"quad_class": 4, "score": -6.6', '"quad_class": 5, "score": -6.6'), PLOVER_FILE, '"type": "PROTEST"', "quad_class must be"),
    ("duplicate mode", PLOVER_FILE, sub('{"mode": "phone"', '{"mode": "visit"'), PLOVER_FILE, '"about": "held by telephone', "duplicate mode visit"),
    ("duplicate context", PLOVER_FILE, sub('{"context": "gender"', '{"context": "crime"'), PLOVER_FILE, "women's issues", "duplicate PLOVER context crime"),
    ("bad rename", PLOVER_FILE, sub('"FIGHT": "ASSAULT"', '"FIGHT": "WAR"'), PLOVER_FILE, '"FIGHT":', "unknown PLOVER type"),
    ("bad requires_recipient", PLOVER_FILE, sub('"type": "AID", "requires_recipient": true', '"type": "AID", "requires_recipient": "yes"'), PLOVER_FILE, '"type": "AID"', "requires_recipient must be true or false"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("target", "edit", "error_file", "marker", "problem"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_validator_names_file_and_line(
    tmp_path: Path, target: str, edit: Edit, error_file: str, marker: str, problem: str
) -> None:
    data = copy_data(tmp_path)
    path = data / target
    path.write_text("\n".join(edit(path.read_text("utf-8").split("\n"))), "utf-8")
    lines = (data / error_file).read_text("utf-8").split("\n")
    expected_line = next(i for i, line in enumerate(lines, start=1) if marker in line)

    with pytest.raises(KnowledgeError) as info:
        load_ontology(data)

    error = info.value
    assert Path(error.path) == data / error_file
    assert error.line == expected_line
    assert problem in error.problem
    assert f"{error_file}:{expected_line}: " in str(error)


def test_missing_file_names_the_file(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    (data / CROSSWALK_FILE).unlink()
    with pytest.raises(KnowledgeError) as info:
        load_ontology(data)
    assert Path(info.value.path) == data / CROSSWALK_FILE
    assert info.value.line is None
