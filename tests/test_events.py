"""The event engine, one construction per test, on the real pipeline.

Every sentence here was written for these tests; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder, make_article
from dyadwatch.evaluation.evaluate import primary_event
from dyadwatch.records import Event

pytestmark = pytest.mark.model

DATE = "2021-03-01"


def _events(coder: Coder, text: str) -> list[Event]:
    return coder.code(text, date=DATE)


def _dyads(events: list[Event]) -> set[tuple[str, str | None, str]]:
    return {
        (e.source.country or "", e.target.country if e.target else None, e.cameo.code)
        for e in events
        if e.source is not None
    }


def _one(events: list[Event], code_prefix: str) -> Event:
    found = [e for e in events if e.cameo.code.startswith(code_prefix)]
    assert found, [(e.cameo.code, e.evidence.rule) for e in events]
    return found[0]


# -- arguments ----------------------------------------------------------------------------------


def test_passive_agent_is_the_source(coder: Coder) -> None:
    events = _events(coder, "The Kenyan embassy in Addis Ababa was attacked by Somali gunmen on Tuesday.")
    e = _one(events, "19")
    assert e.source is not None and e.source.country == "SOM"
    assert e.target is not None and e.target.country == "KEN"


def test_compound_object_yields_one_event_per_actor_in_a_group(coder: Coder) -> None:
    events = _events(
        coder,
        "Tunisian President Kais Saied met Algerian President Abdelmadjid Tebboune and "
        "Libyan Prime Minister Abdul Hamid Dbeibah.",
    )
    meets = [e for e in events if e.cameo.code == "040"]
    assert {e.target.country for e in meets if e.target} == {"DZA", "LBY"}
    assert len({e.group for e in meets}) == 1 and meets[0].group is not None


def test_compound_subject_of_a_mutual_act_is_reciprocal(coder: Coder) -> None:
    events = _events(coder, "Egypt and Sudan signed a water-sharing agreement in Khartoum on Monday.")
    assert {("EGY", "SDN", "057"), ("SDN", "EGY", "057")} <= _dyads(events)


def test_reported_speech_makes_the_speaker_the_source(coder: Coder) -> None:
    events = _events(coder, 'The Moroccan foreign minister said: "Spain is a reliable partner."')
    e = _one(events, "051")
    assert e.source is not None and e.source.country == "MAR"
    assert e.target is not None and e.target.country == "ESP"
    assert e.modality == "asserted"


def test_pronoun_in_reported_speech_stands_for_the_speaker(coder: Coder) -> None:
    events = _events(coder, "Egypt said it had halted economic aid to Eritrea.")
    e = _one(events, "162")
    assert e.source is not None and e.source.country == "EGY"
    assert e.target is not None and e.target.country == "ERI"
    assert e.cameo.code == "1621"  # 'economic' in the clause picks the narrower code


def test_organisation_subject_before_a_date(coder: Coder) -> None:
    events = _events(coder, "NATO on Monday declined to comment on the report.")
    e = _one(events, "011")
    assert e.source is not None and e.source.kind == "igo"


# -- nominal events -----------------------------------------------------------------------------


def test_nominal_event_between_two_actors(coder: Coder) -> None:
    events = _events(coder, "Talks between Ethiopia and Egypt resumed in Washington on Friday.")
    assert {("ETH", "EGY", "040"), ("EGY", "ETH", "040")} <= _dyads(events)
    assert all(e.evidence.trigger.text == "Talks" for e in events)


def test_light_verb_lends_its_subject_to_the_event_noun(coder: Coder) -> None:
    events = _events(coder, "Mali held talks with Niger on border security on Wednesday.")
    e = _one(events, "040")
    assert (e.source and e.source.country, e.target and e.target.country) == ("MLI", "NER")
    assert e.evidence.rule.startswith("pattern:hold.talks")
    assert "territory" in e.plover.context  # 'border' in the clause


def test_light_verb_with_a_coercive_noun(coder: Coder) -> None:
    events = _events(coder, "Chad imposed a curfew in the capital N'Djamena.")
    assert _one(events, "1723").source is not None


# -- frames: infinitive and clausal complements ------------------------------------------------


def test_xcomp_decline_to_comment(coder: Coder) -> None:
    events = _events(coder, "The Chilean foreign ministry declined to comment on the leaked cables.")
    assert [e.cameo.code for e in events] == ["011"]


def test_xcomp_refuse_to_meet_is_a_rejected_meeting(coder: Coder) -> None:
    events = _events(coder, "Iran refused to meet the European envoy.")
    e = _one(events, "12")
    assert e.cameo.code == "125"
    assert not [x for x in events if x.cameo.code.startswith("04")]  # the complement is consumed


def test_xcomp_threaten_to_impose_sanctions(coder: Coder) -> None:
    events = _events(coder, "Russia threatened to impose sanctions on Georgia.")
    assert [(e.cameo.code, e.target.country if e.target else None) for e in events] == [("1312", "GEO")]


def test_xcomp_agree_to_hold_talks_is_an_intent_to_meet(coder: Coder) -> None:
    events = _events(coder, "Ghana and Togo agreed to hold talks on the border dispute.")
    assert {("GHA", "TGO", "036"), ("TGO", "GHA", "036")} <= _dyads(events)


def test_appeal_frame_targets_the_addressee(coder: Coder) -> None:
    events = _events(coder, "Nigeria urged Cameroon to withdraw its troops from the disputed peninsula.")
    e = _one(events, "02")
    assert e.cameo.code == "0256"  # appeal for de-escalation
    assert e.target is not None and e.target.country == "CMR"


def test_reported_must_is_a_demand_of_the_speaker(coder: Coder) -> None:
    events = _events(coder, "Kenya said Uganda must release the detained fishermen.")
    e = _one(events, "10")
    assert e.cameo.code == "1053"
    assert (e.source and e.source.country, e.target and e.target.country) == ("KEN", "UGA")


def test_failing_to_agree_is_a_mutual_rejection(coder: Coder) -> None:
    events = _events(coder, "Peru failed to reach an agreement with Chile.")
    assert ("PER", "CHL", "127") in _dyads(events)
    assert not [e for e in events if e.cameo.code == "057" and e.modality == "asserted"]


# -- modality on events -------------------------------------------------------------------------


def test_negated_event_is_kept_and_marked(coder: Coder) -> None:
    events = _events(coder, "France did not sign the agreement with Chad.")
    e = _one(events, "057")
    assert e.modality == "negated"


def test_hedged_event_is_kept_and_marked(coder: Coder) -> None:
    events = _events(coder, "Turkey may have discussed the crisis with Greece.")
    assert _one(events, "04").modality == "hedged"


def test_future_visit_is_an_intent_to_meet(coder: Coder) -> None:
    events = _events(coder, "Brazil will visit Argentina next month.")
    e = _one(events, "036")
    assert e.modality == "future"
    assert e.evidence.rule.endswith("+future")


def test_future_refusal(coder: Coder) -> None:
    events = _events(coder, "Spain said it would not accept the proposal.")
    e = _one(events, "12")
    assert e.modality == "future" and e.source is not None and e.source.country == "ESP"


def test_old_event_is_historical(coder: Coder) -> None:
    events = _events(coder, "The United States sanctioned Venezuelan officials in 2015.")
    assert _one(events, "163").modality == "historical"


# -- discards, context, codes -------------------------------------------------------------------


def test_sport_result_yields_no_event(coder: Coder) -> None:
    assert _events(coder, "Algeria beat Mali 2-1 in a friendly in Oran on Monday.") == []


def test_sport_story_yields_no_event(coder: Coder) -> None:
    text = (
        "Senegal's national football team defeated Egypt on penalties in the final of the "
        "tournament. The coach praised his players, and the striker said the squad had "
        "learned from last season's defeat."
    )
    assert _events(coder, text) == []


def test_military_cooperation_is_findable_as_military_context(coder: Coder) -> None:
    events = _events(coder, "Germany and France held a joint military exercise near the border.")
    e = _one(events, "062")
    assert "military" in e.plover.context
    assert e.plover.type == "COOPERATE"


def test_context_refines_aid_to_humanitarian(coder: Coder) -> None:
    events = _events(coder, "Canada sent food and medicine to Haiti.")
    assert ("CAN", "HTI", "073") in _dyads(events)


@pytest.mark.parametrize(("text", "code"), [
    ("Prosecutors in Chile opened a probe into bribery at the copper regulator.", "091"),
    ("Spanish judges began investigating money laundering by a property developer.", "091"),
    ("Prosecutors in Chile opened an investigation on Monday.", "090"),
    ("The court's prosecutor opened an investigation into war crimes committed by the army.", "094"),
])
def test_a_legal_setting_alone_does_not_make_an_inquiry_one_into_war_crimes(
    coder: Coder, text: str, code: str,
) -> None:
    # "legal" says where an inquiry is heard; 094 asks for the military matter as well
    assert [e.cameo.code for e in _events(coder, text) if e.cameo.root == "09"] == [code]


def test_government_protest_is_an_official_complaint(coder: Coder) -> None:
    events = _events(coder, "Algeria summoned the French ambassador on Sunday to protest against remarks by President Macron.")
    assert [e.cameo.code for e in events] == ["114"]


def test_primary_event_skips_the_speech_verb_and_the_purpose_clause(coder: Coder) -> None:
    text = "The Chadian government said it had expelled two Sudanese diplomats to protest the raid."
    doc = coder.nlp(text)
    events = coder.events_from_doc(doc, make_article(text, date=DATE))
    top = primary_event(events, doc)
    assert top is not None and top.cameo.root == "16"


def test_fallback_is_off_with_pruned_vectors(coder: Coder) -> None:
    from dyadwatch.events.fallback import fallback_for

    # the default pipeline keeps 20,000 vector rows: below the fallback's bar
    assert fallback_for(coder.lexicon, coder.nlp.vocab) is None


def test_fallback_is_flagged_with_lower_confidence(coder: Coder, monkeypatch: pytest.MonkeyPatch) -> None:
    import dyadwatch.events.extract
    from dyadwatch.actors.resolve import ArticleActors
    from dyadwatch.context import ArticleContext
    from dyadwatch.events.extract import EventExtractor
    from dyadwatch.events.fallback import Fallback
    from dyadwatch.knowledge.lexicon import parse_lexicon

    header = "id\tkind\tlemma\tparticle\tobject\tprep\tcode\tnote\n"
    lexicon = parse_lexicon(
        header + "criticize\tverb\tcriticize\t\t\tdobj\t111\tx\n"
        "meet\tverb\tmeet\t\t\twith\t040\tx\n",
        "test.tsv",
    )
    monkeypatch.setattr(dyadwatch.events.extract, "fallback_for", lambda lex, vocab: Fallback(lex, vocab))
    doc = coder.nlp("Egypt chastised Ethiopia over the dam.")
    actors = ArticleActors(doc, coder.knowledge, None)
    events = EventExtractor(ArticleContext.bare(doc, coder.knowledge), actors, lexicon, coder.ontology,
                          coder.contexts).events()
    assert [e.cameo.code for e in events] == ["111"]
    assert events[0].evidence.rule.startswith("fallback:similar:criticize:")
    assert events[0].confidence == 0.5
    assert events[0].target is not None and events[0].target.country == "ETH"
