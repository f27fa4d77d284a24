"""Toponym mentions, their roles, and event places (hand-built parses, fake gazetteer)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc

from dyadwatch.errors import InputError
from dyadwatch.evaluation.places import EventLocationScores, ToponymScores, gold_kind, read_gold
from dyadwatch.geo.gazetteer import PlaceResolver, to_place
from dyadwatch.geo.places import event_place, find_place_mentions
from dyadwatch.geo.spans import inside, overlap_test
from dyadwatch.records import Span
from test_places_docs import ALGIERS, FakeGazetteer, make_doc

HOPES = [
    ("Washington", "NNP", "nsubj", 1, "GPE"),
    ("hopes", "VBZ", "ROOT", 1, "", "hope"),
    ("for", "IN", "mark", 5, ""),
    ("Algeria", "NNP", "nsubj", 5, "GPE"),
    ("to", "TO", "aux", 5, ""),
    ("allow", "VB", "advcl", 1, ""),
    ("it", "PRP", "dobj", 5, ""),
    (".", ".", "punct", 1, ""),
]
# The model tags "Mali" as a PERSON: the gazetteer scan must still find the country.
VISITED = [
    ("Boukadoum", "NNP", "nsubj", 2, "PERSON"),
    ("has", "VBZ", "aux", 2, ""),
    ("visited", "VBN", "ROOT", 2, "", "visit"),
    ("Mali", "NNP", "dobj", 2, "PERSON"),
    ("twice", "RB", "advmod", 2, ""),
    (".", ".", "punct", 2, ""),
]
SITUATION = [
    ("They", "PRP", "nsubj", 1, ""),
    ("discussed", "VBD", "ROOT", 1, "", "discuss"),
    ("the", "DT", "det", 3, ""),
    ("situation", "NN", "dobj", 1, ""),
    ("in", "IN", "prep", 3, ""),
    ("Mali", "NNP", "pobj", 4, "GPE"),
    (".", ".", "punct", 1, ""),
]
NABLUS_SHOT = [
    ("In", "IN", "prep", 11, ""),
    ("the", "DT", "det", 4, ""),
    ("West", "NNP", "compound", 3, "GPE"),
    ("Bank", "NNP", "compound", 4, "GPE"),
    ("city", "NN", "pobj", 0, ""),
    ("of", "IN", "prep", 4, ""),
    ("Nablus", "NNP", "pobj", 5, "B-GPE"),
    (",", ",", "punct", 11, ""),
    ("a", "DT", "det", 9, ""),
    ("man", "NN", "nsubjpass", 11, ""),
    ("was", "VBD", "auxpass", 11, ""),
    ("shot", "VBN", "ROOT", 11, "", "shoot"),
    (".", ".", "punct", 11, ""),
]
TROOPS = [
    ("US", "NNP", "compound", 1, "GPE"),
    ("troops", "NNS", "nsubj", 2, ""),
    ("entered", "VBD", "ROOT", 2, "", "enter"),
    ("Mali", "NNP", "dobj", 2, "GPE"),
    (".", ".", "punct", 2, ""),
]
PUSHED = [
    ("It", "PRP", "nsubj", 1, ""),
    ("pushed", "VBD", "ROOT", 1, "", "push"),
    ("Washington", "NNP", "dobj", 1, "GPE"),
    ("to", "TO", "aux", 4, ""),
    ("renew", "VB", "advcl", 1, ""),
    ("relations", "NNS", "dobj", 4, ""),
    ("with", "IN", "prep", 5, ""),
    ("Algeria", "NNP", "pobj", 6, "GPE"),
    (".", ".", "punct", 1, ""),
]
MET_ALGERIANS = [
    ("Townsend", "NNP", "nsubj", 1, "PERSON"),
    ("met", "VBD", "ROOT", 1, "", "meet"),
    ("Algerian", "JJ", "amod", 3, "NORP"),
    ("officials", "NNS", "dobj", 1, ""),
    (".", ".", "punct", 1, ""),
]

# A country owning what is no part of a map is the actor; owning a part of the map, the place.
MALI_OFFENSIVE = [
    ("Mali", "NNP", "poss", 2, "GPE"),
    ("'s", "POS", "case", 0, ""),
    ("offensive", "NN", "nsubj", 3, ""),
    ("stalled", "VBD", "ROOT", 3, "", "stall"),
    (".", ".", "punct", 3, ""),
]
MALI_NORTH = [
    ("Fighting", "NN", "nsubj", 1, "", "fighting"),
    ("spread", "VBD", "ROOT", 1, "", "spread"),
    ("across", "IN", "prep", 1, ""),
    ("Mali", "NNP", "poss", 5, "GPE"),
    ("'s", "POS", "case", 3, ""),
    ("north", "NN", "pobj", 2, ""),
    (".", ".", "punct", 1, ""),
]


@pytest.fixture
def resolver() -> PlaceResolver:
    return PlaceResolver(FakeGazetteer())


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (HOPES, [("Washington", "metonym", "USA"), ("Algeria", "metonym", "DZA")]),
        (VISITED, [("Mali", "literal", "MLI")]),
        (SITUATION, [("Mali", "literal", "MLI")]),
        (NABLUS_SHOT, [("West Bank", "literal", "PSE"), ("Nablus", "literal", "PSE")]),
        (TROOPS, [("US", "metonym", "USA"), ("Mali", "literal", "MLI")]),
        (PUSHED, [("Washington", "metonym", "USA"), ("Algeria", "metonym", "DZA")]),
        (MET_ALGERIANS, [("Algerian", "demonym", "DZA")]),
        (MALI_OFFENSIVE, [("Mali", "metonym", "MLI")]),
        (MALI_NORTH, [("Mali", "literal", "MLI")]),
    ],
)
def test_mentions_roles_and_places(
    resolver: PlaceResolver, tokens: list[tuple[str, ...]], expected: list[tuple[str, str, str]]
) -> None:
    doc = make_doc(tokens)  # type: ignore[arg-type]
    mentions = find_place_mentions(doc, resolver=resolver)
    got = [(m.text, m.role, m.place.country if m.place else None) for m in mentions]
    assert got == expected
    for m in mentions:
        assert doc.text[m.start : m.end] == m.text
        assert m.place is not None and (m.place.start, m.place.end) == (m.start, m.end)


def test_dateline_is_a_mention_and_steers_resolution(resolver: PlaceResolver) -> None:
    doc = make_doc(
        [
            ("ALGIERS", "NNP", "npadvmod", 2, ""),
            ("-", ":", "punct", 2, ""),
            ("Talks", "NNS", "nsubj", 3, ""),
            ("began", "VBD", "ROOT", 3, "", "begin"),
            (".", ".", "punct", 3, ""),
        ]
    )
    mentions = find_place_mentions(doc, resolver=resolver, dateline=Span("ALGIERS", 0, 7))
    assert [(m.text, m.role) for m in mentions] == [("ALGIERS", "literal")]
    assert mentions[0].place is not None and mentions[0].place.name == "Algiers"


@pytest.mark.parametrize(
    ("tokens", "trigger", "dateline", "expected", "from_dateline"),
    [
        (VISITED, "visited", None, "Mali", False),  # the visited place is where it happened
        (TROOPS, "entered", None, "Mali", False),
        (NABLUS_SHOT, "shot", None, "Nablus", False),  # the city, not its region
        (SITUATION, "discussed", None, None, False),  # a topic, not a venue
        (SITUATION, "discussed", ALGIERS, None, False),  # a foreign place blocks the dateline
        (MET_ALGERIANS, "met", ALGIERS, "Algiers", True),  # a demonym does not
        (MET_ALGERIANS, "met", None, None, False),
        (HOPES, "hopes", None, None, False),  # metonyms are actors, not places
    ],
)
def test_event_place(
    resolver: PlaceResolver,
    tokens: list[tuple[str, ...]],
    trigger: str,
    dateline: object,
    expected: str | None,
    from_dateline: bool,
) -> None:
    doc = make_doc(tokens)  # type: ignore[arg-type]
    mentions = find_place_mentions(doc, resolver=resolver)
    (tok,) = [t for t in doc if t.text == trigger]
    dl = to_place(dateline) if dateline is not None else None  # type: ignore[arg-type]
    place = event_place(doc, tok, mentions, dl)
    if expected is None:
        assert place is None
    else:
        assert place is not None and place.name == expected
        assert place.from_dateline is from_dateline
        if not from_dateline:
            assert place.start is not None and doc.text[place.start : place.end] in {
                expected,
                "Mali",
            }


def test_event_place_names_an_unknown_literal_place(resolver: PlaceResolver) -> None:
    doc = make_doc(
        [
            ("Rebels", "NNS", "nsubj", 1, ""),
            ("attacked", "VBD", "ROOT", 1, "", "attack"),
            ("Zzyzx", "NNP", "dobj", 1, "GPE"),
            (".", ".", "punct", 1, ""),
        ]
    )
    place = event_place(doc, doc[1], find_place_mentions(doc, resolver=resolver), None)
    assert place is not None and (place.name, place.geonames_id, place.lat) == ("Zzyzx", None, None)
    assert (place.start, place.end) == (doc[2].idx, doc[2].idx + 5)


# -- evaluation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "kind"),
    [
        ({"text": "x", "toponyms": []}, "geowebnews"),
        ({"text": "x", "events": [{"trigger": {}, "locations": []}]}, "event_location"),
    ],
)
def test_gold_kind(record: dict[str, object], kind: str) -> None:
    assert gold_kind(record) == kind


@pytest.mark.parametrize(
    ("lines", "problem"),
    [
        (['{"text": "x", "events": [{"code": "01"}]}'], "neither"),
        (["{not json"], "not JSON"),
        ([], "no records"),
        (
            ['{"toponyms": []}', '{"events": [{"trigger": {}, "locations": []}]}'],
            "not a geowebnews",
        ),
    ],
)
def test_read_gold_errors(tmp_path: Path, lines: list[str], problem: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(InputError, match=problem):
        read_gold(path)


def test_read_gold_limit(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps({"toponyms": [], "i": i}) for i in range(5)), "utf-8")
    kind, records = read_gold(path, limit=2)
    assert kind == "geowebnews" and [r["i"] for r in records] == [0, 1]


def test_scores_arithmetic() -> None:
    el = EventLocationScores(records=10, tp=6, fp=2, fn=4)
    assert (el.precision, el.recall) == (0.75, 0.6)
    assert el.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert EventLocationScores(0, 0, 0, 0).f1 == 0.0
    top = ToponymScores(
        gold=10, detected=9, found=8, within_161=6, country_known=4, right_country=3
    )
    assert (top.recall, top.acc161, top.country_share) == (0.8, 0.75, 0.75)


def test_cli_help_has_an_example() -> None:
    from dyadwatch.cli.eval_places import command

    result = CliRunner().invoke(command, ["--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and "eval-places" in result.output


def test_cli_reports_a_bad_gold_file(tmp_path: Path) -> None:
    from dyadwatch.cli.eval_places import command

    path = tmp_path / "gold.jsonl"
    path.write_text('{"text": "no gold here"}\n', encoding="utf-8")
    result = CliRunner().invoke(command, [str(path)])
    assert result.exit_code == 1
    assert "neither" in result.output and "Traceback" not in result.output


def test_gazetteer_scan_reads_runs_as_their_text() -> None:
    # A run's name is its Span.text: spaces as written, a whitespace token inside it.
    words = ["Troops", "left", "West", " ", "Bank", "for", "Mali", "."]
    spaces = [True, True, True, False, True, True, False, False]
    starts: list[bool | int | None] = [True, *([False] * 7)]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, sent_starts=starts)
    mentions = find_place_mentions(doc, resolver=PlaceResolver(FakeGazetteer()))
    assert [(m.text, m.start, m.end) for m in mentions] == [
        ("West  Bank", 12, 22),
        ("Mali", 27, 31),
    ]
    assert [m.place.name if m.place else None for m in mentions] == ["West Bank", "Mali"]


class _Span:
    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end


_RANGES = st.lists(st.tuples(st.integers(-1, 12), st.integers(-1, 12)), max_size=6)


@given(st.integers(0, 10), _RANGES)
def test_overlap_test_is_inside(length: int, ranges: list[tuple[int, int]]) -> None:
    covered = overlap_test(length, ranges)
    for start in range(length):
        for end in range(start + 1, length + 1):
            assert covered(start, end) == inside(_Span(start, end), ranges)  # type: ignore[arg-type]
