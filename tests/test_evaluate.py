"""``dyadwatch eval`` scoring, on small hand-written gold files coded by the fake coder."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from click.testing import CliRunner

from dyadwatch.errors import InputError
from dyadwatch.evaluation.evaluate import (
    Report,
    code_gold,
    gold_article,
    read_gold,
    root_rows,
    score,
)
from dyadwatch.records import Article

from fake_coder import code_text

GOLD = Path(__file__).parent / "gold"


def _report(name: str, *, limit: int | None = None, misses: int = 0) -> Report:
    report = Report()
    for g in read_gold(GOLD / name, limit=limit):
        events = code_text(Article(id=g.id, text=g.text))
        score(report, g, events, misses=misses)
    return report


def test_cameo_root_and_exact_accuracy_per_root() -> None:
    report = _report("cameo_small.jsonl", misses=5)
    # c1 met 040 = 040; c2 attacked 190 vs 193 (root only); c3 criticized 111 = 111; c4 nothing
    assert (report.cameo_exact.n, report.cameo_exact.hits) == (4, 2)
    assert report.cameo_root.hits == 3
    rows = {root: (n, acc, exact) for root, n, acc, exact in root_rows(report)}
    assert rows["19"] == (1, 1.0, 0.0)
    assert rows["04"][0] == 2 and rows["04"][1] == 0.5  # 040 right, 042 missed (no event)
    assert [m.id for m in report.misses] == ["c4"]


def test_a_source_written_as_a_string_is_one_actor() -> None:
    records = {g.id: g for g in read_gold(GOLD / "cameo_small.jsonl")}
    assert records["c1"].triples == {("FRA", "DEU", "040")}
    assert records["c2"].triples == {("FRA", "DEU", "193")}  # a list reads the same
    plover = {g.id: g for g in read_gold(GOLD / "plover_small.jsonl")}
    assert plover["p1"].triples == {("KENGOV", "JPNGOV", "SUPPORT")}


def test_plover_type_and_triples() -> None:
    report = _report("plover_small.jsonl")
    assert report.plover_type.hits == 2
    # p1 matches; p2: the reciprocal gold has two triples, the fake coder codes one of them
    t = report.triples
    assert (t.tp, t.pred, t.gold) == (2, 2, 3)
    assert report.cameo_triples.gold == 0  # no CAMEO gold: no root triples reported
    assert "country_root_triple_f1" not in report.summary()


def test_cameo_gold_with_actors_scores_country_root_triples() -> None:
    report = _report("cameo_small.jsonl")
    # c1, c2 (193 is root 19 like the fake 190) and c3 (hedged counts) match on country and
    # root; c4 names FRA as the source of a 042 the fake coder does not find
    t = report.cameo_triples
    assert (t.tp, t.pred, t.gold) == (3, 3, 4)
    assert report.summary()["country_root_triple_recall"] == 0.75
    assert report.summary()["country_root_triple_precision"] == 1.0


def test_modality_agreement_where_the_gold_gives_one() -> None:
    report = _report("cameo_small.jsonl")
    # c1 asserted = asserted; c3 gold asserted, coded hedged; c2 and c4 give none
    assert (report.modality.n, report.modality.hits) == (2, 1)
    assert report.summary()["modality_agreement"] == 0.5


def test_trigger_recall_counts_overlapping_spans() -> None:
    report = _report("triggers_small.jsonl")
    # t1: "met" is the fake trigger; t2: the gold span is the place, not the trigger; t3: none
    assert (report.trigger.n, report.trigger.hits) == (3, 1)
    assert report.summary()["trigger_recall"] == round(1 / 3, 4)
    assert report.cameo_exact.n == 0 and report.plover_type.n == 0  # nothing else is scored
    assert _report("triggers_small.jsonl", limit=1).trigger.n == 1


def test_records_without_events_are_false_positive_checks() -> None:
    records = list(read_gold(GOLD / "no_event_small.jsonl"))
    assert [g.expect_no_event for g in records] == [True, True, True]
    report = _report("no_event_small.jsonl")
    # n2 ("China attacked Japan") is coded by the fake coder: one false alarm in three
    assert (report.false_alarm.n, report.false_alarm.hits) == (3, 1)
    assert report.summary()["false_positive_rate"] == round(1 / 3, 4)
    assert report.cameo_exact.n == 0


def test_a_malformed_record_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "x", "events": []}\n'
                   '{"id": "b", "text": "x", "events": [{"code": "040", "trigger": {"start": 5, "end": 2}}]}\n',
                   encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.jsonl:2"):
        list(read_gold(bad))
    bad.write_text('{"id": "a", "text": "x", "events": [{"code": "040", "source": 7}]}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.jsonl:1"):
        list(read_gold(bad))


def test_gold_is_coded_through_the_pre_filtered_text() -> None:
    """The eval codes what ingest codes: the parser sees ``parse_text`` (the pre-filter's
    blanked text), the event stage the original article, then the places stage."""
    parsed: list[str] = []
    seen: list[Article] = []
    placed: list[Article] = []

    def pipe(texts: list[str], batch_size: int) -> Any:
        parsed.extend(texts)
        return iter(texts)

    def events_in(context: Any) -> list[Any]:
        seen.append(context.article)
        return []

    def places_in(context: Any, events: list[Any]) -> tuple[list[Any], list[Any]]:
        placed.append(context.article)
        return events, []

    coder: Any = SimpleNamespace(
        settings=SimpleNamespace(batch_size=4, places=True),
        parse_text=lambda article: article.text.upper(),
        nlp=SimpleNamespace(pipe=pipe),
        context_of=lambda doc, article: SimpleNamespace(doc=doc, article=article),
        events_in=events_in,
        places_in=places_in,
    )
    records = list(read_gold(GOLD / "cameo_small.jsonl"))
    out = list(code_gold(coder, records))
    assert parsed == [g.text.upper() for g in records]
    assert [a.text for a in seen] == [g.text for g in records] == [a.text for a in placed]
    assert [doc for _, _, doc in out] == parsed


@pytest.mark.model
def test_eval_command_reports_triggers_and_false_positives(tmp_path: Path) -> None:
    from dyadwatch.cli.eval import command

    gold = tmp_path / "mixed.jsonl"
    text = "Russian forces shelled the Ukrainian city of Kharkiv on Monday."
    start = text.index("shelled")
    records = [
        {"id": "a", "text": text, "events": [
            {"code": None, "trigger": {"text": "shelled", "start": start, "end": start + 7}}]},
        {"id": "b", "text": "The recipe needs two eggs and some flour.", "events": []},
        {"id": "c", "text": "Germany condemned the Russian attack.", "events": [
            {"source": "DEU", "target": "RUS", "code": "111", "scheme": "CAMEO"}]},
    ]
    gold.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = CliRunner().invoke(command, [str(gold), "--format", "json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["trigger_records"] == 1 and summary["trigger_recall"] == 1.0
    assert summary["no_event_records"] == 1 and summary["false_positive_rate"] == 0.0
    assert summary["per_root"]["11"]["n"] == 1
    limited = CliRunner().invoke(command, [str(gold), "--format", "json", "--limit", "1"])
    assert json.loads(limited.output)["records"] == 1


def test_a_gold_actors_sector_is_its_first_three_letters(tmp_path: Path) -> None:
    # PLOVER may append a religion or ethnicity to the sector ("CVLalb", "GOVMOS"); the
    # sector compared is the primary one, as triples compare codes cut to country and sector
    record = {"id": "p", "text": "Ethnic Albanian villagers met the Serbian police.", "events": [
        {"source": ["SRBCVLalb"], "target": ["SRBCOP"], "code": "CONSULT", "scheme": "PLOVER",
         "source_actors": [{"actorText": "Ethnic Albanian villagers", "code": "SRB", "sector": "CVLalb"}],
         "target_actors": [{"actorText": "the Serbian police", "code": "SRB", "sector": "COP"},
                           {"actorText": "Serbia", "code": "SRB", "sector": ""}]}]}
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(record) + "\n")
    [g] = read_gold(path)
    assert g.actors == (("Ethnic Albanian villagers", "SRB", "CVL"), ("the Serbian police", "SRB", "COP"),
                        ("Serbia", "SRB", None))
    assert g.triples == {("SRBCVL", "SRBCOP", "CONSULT")}


def test_a_gold_record_is_coded_at_its_own_date(tmp_path: Path) -> None:
    # ingest gives the coder the article's date; eval must too, or dated knowledge (who held
    # an office that day, a group that became a government) is read at no date
    rows = [{"id": "d", "text": "Rebels attacked.", "date": "2016-10-11", "events": []},
            {"id": "t", "text": "Rebels attacked.", "date": "2016-10-11T08:00:00Z", "events": []},
            {"id": "x", "text": "Rebels attacked.", "date": "last Tuesday", "events": []},
            {"id": "n", "text": "Rebels attacked.", "events": []}]
    path = tmp_path / "g.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    dates = [gold_article(g).date for g in read_gold(path)]
    assert [str(d) if d else None for d in dates] == ["2016-10-11", "2016-10-11", None, None]


def _evaluate_one(coder: Any, tmp_path: Path, record: dict[str, Any]) -> Report:
    """The report of ``evaluate`` on a gold file holding ``record`` alone."""
    from dyadwatch.evaluation.evaluate import evaluate

    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(record) + "\n")
    return evaluate(coder, read_gold(path))


@pytest.mark.model
def test_plover_actors_are_resolved_at_the_record_s_date(coder: Any, tmp_path: Path) -> None:
    # the Taliban were rebels until they took Kabul in August 2021: a 2016 ambush is AFGREB's
    text = "Taliban fighters ambushed an Afghan army convoy in Helmand province on Tuesday."
    record = {"id": "p", "text": text, "date": "2016-10-11", "events": [
        {"source": ["AFGREB"], "target": ["AFGMIL"], "code": "ASSAULT", "scheme": "PLOVER",
         "source_actors": [{"actorText": "Taliban fighters", "code": "AFG", "sector": "REB"}]}]}
    report = _evaluate_one(coder, tmp_path, record)
    assert report.actor_country_sector.hits == 1
    assert report.triples.tp == 1


@pytest.mark.model
def test_a_gold_mention_headed_by_a_count_is_the_people_counted(coder: Any, tmp_path: Path) -> None:
    # the head word of "Thousands of Georgians" is the count; the event stage codes the
    # Georgians, and the gold actor is scored the same way
    text = "Thousands of Georgians rallied in Tbilisi on Sunday against the new media law."
    record = {"id": "p", "text": text, "date": "2024-04-14", "events": [
        {"source": ["GEOCVL"], "target": None, "code": "PROTEST", "scheme": "PLOVER",
         "source_actors": [{"actorText": "Thousands of Georgians", "code": "GEO", "sector": "CVL"}]}]}
    report = _evaluate_one(coder, tmp_path, record)
    assert (report.actor_resolved.hits, report.actor_country_sector.hits) == (1, 1)


@pytest.mark.model
def test_a_gold_mention_an_output_party_covers_is_scored_as_output(coder: Any, tmp_path: Path) -> None:
    # only the places stage knows Kano is in Nigeria: the police are scored as ingest outputs
    # them, NGA COP, not as the actor stage alone leaves them (no country)
    text = "Police in Kano fired tear gas at students protesting against fee rises on Monday."
    record = {"id": "p", "text": text, "date": "2019-03-11", "events": [
        {"source": ["NGACOP"], "target": ["NGAEDU"], "code": "ASSAULT", "scheme": "PLOVER",
         "source_actors": [{"actorText": "Police", "code": "NGA", "sector": "COP"}]}]}
    report = _evaluate_one(coder, tmp_path, record)
    assert report.actor_country_sector.hits == 1


@pytest.mark.model
def test_plover_triples_leave_out_events_with_no_named_actor(coder: Any, tmp_path: Path) -> None:
    # CAMEO codes the unnamed killers as '---'; PLOVER codes no event without a named actor,
    # so the killing is no PLOVER triple beside the threat (it would be a false one)
    # (the killing is the sentence's own report: one after which the threat came would be
    # background, events/background.py, and no event at all)
    text = ("An air strike killed two Iranian officers in Damascus, and Iran's foreign minister "
            "warned Israel of a harsh response.")
    record = {"id": "p", "text": text, "date": "2024-04-02", "events": [
        {"source": ["IRNGOV"], "target": ["ISR"], "code": "THREATEN", "scheme": "PLOVER"}]}
    report = _evaluate_one(coder, tmp_path, record)
    events = [e for _, evs, _ in code_gold(coder, list(read_gold(tmp_path / "g.jsonl"))) for e in evs]
    assert any(e.source is not None and e.source.unknown for e in events)  # CAMEO keeps it
    assert (report.triples.tp, report.triples.pred) == (1, 1)


@pytest.mark.model
def test_plover_triples_leave_out_events_missing_a_required_recipient(coder: Any, tmp_path: Path) -> None:
    # AID requires a recipient in PLOVER (COOPERATE and SANCTION too): aid sent to no one
    # named is CAMEO's 073 but no PLOVER triple
    text = "Japan sent emergency food aid on Monday, and China criticised the United States."
    record = {"id": "p", "text": text, "date": "2024-04-02", "events": [
        {"source": ["CHN"], "target": ["USA"], "code": "ACCUSE", "scheme": "PLOVER"}]}
    report = _evaluate_one(coder, tmp_path, record)
    events = [e for _, evs, _ in code_gold(coder, list(read_gold(tmp_path / "g.jsonl"))) for e in evs]
    assert any(e.plover.type == "AID" and e.target is None for e in events)
    assert (report.triples.tp, report.triples.pred) == (1, 1)
