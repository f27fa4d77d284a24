"""The verb-pattern lexicon and context table: loading and validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.coder import Coder
from dyadwatch.errors import KnowledgeError
from dyadwatch.knowledge.lexicon import load_contexts, load_lexicon, parse_contexts, parse_lexicon
from dyadwatch.knowledge.ontology import load_ontology

HEADER = "id\tkind\tlemma\tparticle\tobject\tprep\tcode\tnote\n"


def test_shipped_lexicon_codes_exist_in_ontology() -> None:
    codes = {c.code for c in load_ontology().cameo_codes()}
    lexicon = load_lexicon(known_codes=codes)
    assert lexicon.codes() <= codes


def test_shipped_lexicon_covers_every_cameo_root() -> None:
    roots = {code[:2] for code in load_lexicon().codes()}
    assert roots == {f"{i:02d}" for i in range(1, 21)}


def test_shipped_contexts_are_plover_contexts() -> None:
    table = load_contexts(set(load_ontology().plover_contexts()))
    assert table["military"] == "military"


@pytest.mark.parametrize(
    ("body", "line", "problem"),
    [
        ("meet\tverb\tmeet\t\twith\t040\tx\n", 2, "expected 8 columns"),
        ("a\tverb\tmeet\t\t\twith\t040\tx\na\tverb\tgo\t\t\t\t042\tx\n", 3, "duplicate"),
        ("a\tadverb\tmeet\t\t\t\t040\tx\n", 2, "kind"),
        ("a\tverb\tmeet\t\t\t\t99x\tx\n", 2, "bad CAMEO code"),
        ("a\tverb\tmeet\t\t\t\t999\tx\n", 2, "unknown CAMEO code"),
        ("a\tverb\t\t\t\t\t040\tx\n", 2, "empty lemma"),
    ],
)
def test_lexicon_validation_names_line(body: str, line: int, problem: str) -> None:
    with pytest.raises(KnowledgeError) as err:
        parse_lexicon(HEADER + body, "verbs.tsv", known_codes={"040", "042"})
    assert err.value.line == line
    assert problem in str(err.value)
    assert "verbs.tsv:" in str(err.value)


def test_most_specific_candidates_are_indexed_by_lemma() -> None:
    lexicon = parse_lexicon(
        HEADER + "a\tverb\tpay\t\tvisit|trip\tto\t042\tx\nb\tverb\tpay|give\t\t\t\t070\tx\n",
        "t.tsv",
    )
    assert [p.id for p in lexicon.candidates("verb", "pay")] == ["a", "b"]
    assert lexicon.candidates("verb", "give")[0].specificity == 0


def test_context_validation() -> None:
    with pytest.raises(KnowledgeError, match="unknown PLOVER context"):
        parse_contexts("lemma\tcontext\narmy\tmilitaryy\n", "c.tsv", {"military"})


# -- frames, discards, pattern markers -----------------------------------------------------------


def test_shipped_frame_shifts_load_and_follow_parents() -> None:
    from dyadwatch.knowledge.lexicon import load_shifts

    codes = {c.code for c in load_ontology().cameo_codes()}
    shifts = load_shifts(codes)
    assert shifts.shift("087", "appeal") == "0256"
    assert shifts.shift("0874", "refuse") == "1246"  # 0874 -> its parent 087
    assert shifts.shift("1831", "intent") == "1383"  # 1831 -> 183 -> root 18
    assert shifts.shift("040", "intent") == "036"
    assert shifts.shift("111", "appeal") is None  # no appeal to criticize: the frame's own code


def test_frame_shift_validation_names_line() -> None:
    from dyadwatch.knowledge.lexicon import parse_shifts

    with pytest.raises(KnowledgeError) as err:
        parse_shifts("base\tappeal\tintent\tdemand\trefuse\n040\t026\t999\t106\t125\n", "f.tsv", {"040", "026", "106", "125"})
    assert err.value.line == 2 and "unknown CAMEO code" in str(err.value)


def test_frame_code_must_name_a_family() -> None:
    with pytest.raises(KnowledgeError, match="frame's code"):
        parse_lexicon(HEADER + "f\tframe\turge\t\t\t\t040\tx\n", "verbs.tsv")
    lexicon = parse_lexicon(HEADER + "f\tframe\turge\t\t\t\t020\tx\ng\tframe\tthreaten\t\t\t\t130\tx\n", "t")
    assert [p.family for p in lexicon.patterns] == ["appeal", "intent"]


def test_optional_particle_and_required_target_markers() -> None:
    lexicon = parse_lexicon(
        HEADER + "a\tverb\twithdraw\t-|out\ttroop\tfrom\t0874\tx\nb\tverb\tcall\t\t\tdobj|!\t041\tx\n"
        "c\tverb\tagree\t\t(clause)\t\t019\tx\n",
        "t",
    )
    a, b, c = lexicon.patterns
    assert a.specificity == 3  # an optional particle does not count, the object and prep do
    assert b.needs_target and not a.needs_target
    assert c.specificity == 1  # a that-clause object counts less than a named object


def test_shipped_lexicon_reaches_most_three_digit_codes() -> None:
    from dyadwatch.knowledge.lexicon import load_shifts

    codes = {c.code for c in load_ontology().cameo_codes()}
    lexicon = load_lexicon(known_codes=codes)
    shifts = load_shifts(codes)
    direct = {c[:3] for c in lexicon.codes()}
    shifted = {v[:3] for row in shifts.table.values() for v in row.values()}
    three = {c for c in codes if len(c) == 3}
    reached = (direct | shifted) & three
    assert len(reached) / len(three) > 0.9, sorted(three - reached)


def test_discard_cues_load_and_validate() -> None:
    from dyadwatch.knowledge.lexicon import load_discards, parse_discards

    cues = load_discards()
    assert cues["football"] == "sport" and cues["festival"] == "entertainment"
    with pytest.raises(KnowledgeError, match="domain"):
        parse_discards("cue\tdomain\nmatch\tsports\n", "d.tsv")


def test_discards_spot_sport_stories_not_politics() -> None:
    from dyadwatch.knowledge.discards import Discards

    discards = Discards.default()
    assert discards.sentence("Ghana beat Togo 3-0 in a qualifier on Sunday.")
    assert not discards.sentence("Ghana and Togo signed three agreements on Sunday.")
    sport = "The striker scored twice as the club won the cup final; the coach praised the squad."
    assert discards.domain("Club Wins Cup", sport) == "sport"
    politics = ("The minister met the president and the army chief; officials said the talks on the "
                "ceasefire and the sanctions would continue, and the government praised the club's coach.")
    assert discards.domain("Minister Meets President", politics) is None


def test_context_duplicate_regardless_of_case() -> None:
    with pytest.raises(KnowledgeError, match="duplicate lemma") as err:
        parse_contexts("lemma\tcontext\narmy\tmilitary\nArmy\tmilitary\n", "c.tsv", {"military"})
    assert err.value.line == 3


# -- per-root files, and how the lexicon reaches CAMEO --------------------------------------------

VERSION = "# dyadwatch trigger lexicon v3 (2026-12-05): test\n"


def test_per_root_files_are_versioned_rooted_and_share_ids() -> None:
    from dyadwatch.knowledge.lexicon import parse_lexicons

    core = ("core.tsv", VERSION + HEADER + "a\tverb\tmeet\t\t\twith\t040\tx\n")
    ok = ("lexicon/04_consult.tsv", VERSION + HEADER + "b\tverb\tconfer\t\t\twith\t040\tx\n")
    assert [p.id for p in parse_lexicons([core, ok]).patterns] == ["a", "b"]
    cases = [
        (("lexicon/04_consult.tsv", VERSION + HEADER + "a\tverb\tconfer\t\t\t\t040\tx\n"), 3,
         "duplicate pattern id 'a' (first at core.tsv:3)"),
        (("lexicon/04_consult.tsv", VERSION + HEADER + "c\tverb\tvisit\t\t\t\t\t042\tx\n"), 3,
         "expected 8 columns"),
        (("lexicon/04_consult.tsv", VERSION + HEADER + "c\tverb\tpraise\t\t\t\t051\tx\n"), 3,
         "not in this file's root 04"),
        (("lexicon/04_consult.tsv", HEADER + "c\tverb\tconfer\t\t\t\t040\tx\n"), 1, "version line"),
    ]
    for source, line, problem in cases:
        with pytest.raises(KnowledgeError) as err:
            parse_lexicons([core, source])
        assert err.value.line == line and problem in str(err.value)
        assert "04_consult.tsv:" in str(err.value)


def test_load_lexicon_reads_a_folder_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "02_b.tsv").write_text(VERSION + HEADER + "b\tverb\turge\t\t\t\t020\tx\n", encoding="utf-8")
    (tmp_path / "01_a.tsv").write_text(VERSION + HEADER + "a\tverb\tremark\t\t\t\t010\tx\n", encoding="utf-8")
    assert [p.id for p in load_lexicon(tmp_path).patterns] == ["a", "b"]


def _reach(body: str, frames: str = "base\tappeal\tintent\tdemand\trefuse\n") -> list[str]:
    from dyadwatch.evaluation.lexicon_table import reach
    from dyadwatch.knowledge.lexicon import parse_shifts

    ontology = load_ontology()
    found = reach(parse_lexicon(HEADER + body, "t.tsv"), parse_shifts(frames, "f.tsv"), ontology,
                  {"military"}, refinable=frozenset())
    return found.missing_leaves(ontology)


def test_a_leaf_code_without_a_pattern_is_reported() -> None:
    missing = _reach("a\tverb\tmeet\t\t\twith\t040\tx\nb\tverb\tphone\t\t\t\t041\tx\n")
    assert "041" not in missing and "040" not in missing
    assert "042" in missing and "2042" in missing  # nothing names a visit or a nuclear detonation
    # an appeal frame and a frames.tsv row reach the appeal a complement is shifted into
    shifted = _reach("a\tverb\tmeet\t\t\twith\t040\tx\nu\tframe\turge\t\t\tdobj\t020\tx\n",
                     "base\tappeal\tintent\tdemand\trefuse\n040\t026\t036\t106\t125\n")
    assert "026" not in shifted and "036" in shifted  # no intent frame in that lexicon


def test_every_cameo_leaf_code_is_reached_by_the_shipped_lexicon() -> None:
    from dyadwatch.evaluation.lexicon_table import reach
    from dyadwatch.knowledge.lexicon import load_contexts, load_shifts

    ontology = load_ontology()
    codes = {c.code for c in ontology.cameo_codes()}
    contexts = set(load_contexts(set(ontology.plover_contexts())).values())
    found = reach(load_lexicon(known_codes=codes), load_shifts(codes), ontology, contexts)
    assert found.missing_leaves(ontology) == []
    # and most leaves by a pattern of their own, not only through a frame or a context
    leaves = [c.code for c in ontology.cameo_codes() if len(c.code) > 2 and not ontology.children(c.code)]
    own = [c for c in leaves if "pattern" in found.ways[c]]
    assert len(own) / len(leaves) > 0.8, sorted(set(leaves) - set(own))


def test_docs_table_is_the_generated_one() -> None:
    from dyadwatch.evaluation.lexicon_table import END, START, shipped_tables

    docs = (Path(__file__).resolve().parents[1] / "docs" / "events.md").read_text(encoding="utf-8")
    assert START in docs and END in docs
    shown = docs[docs.index(START) + len(START): docs.index(END)].strip()
    assert shown == shipped_tables().strip(), "run: python -m dyadwatch.evaluation.lexicon_table --write docs/events.md"


# Phrasings of the second coverage pass, in sentences of our own: each must come out with its code.
NEW_PHRASINGS = [
    ("Chile sent field hospitals and medical teams to Ecuador after the earthquake.", "073"),
    ("Spain delivered armoured vehicles and howitzers to Ukraine in March.", "072"),
    ("Qatar flew tents and medicine to Turkey after the earthquake.", "073"),
    ("France raised its terrorism threat level after the attack in Arras.", "151"),
    ("Japan sent two destroyers to the waters near the Senkaku islands.", "150"),
    ("Kenya turned down an offer from China to build the new port.", "120"),
    ("Serbian troops withdrew from the village of Banjska on Monday.", "0874"),
    ("Police in Lagos fired tear gas at protesters outside the governor's office.", "175"),
    ("Algeria recalled its ambassador and scaled back its diplomatic presence in Madrid.", "161"),
    ("Egypt and Sudan began joint naval drills in the Red Sea on Sunday.", "062"),
    ("A bomb went off outside a police station in Peshawar, killing two officers.", "183"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "code"), NEW_PHRASINGS)
def test_second_pass_phrasings_code_as_written(coder: Coder, text: str, code: str) -> None:
    codes = {e.cameo.code for e in coder.code(text, date="2023-10-16")}
    assert code in codes, (text, codes)


# Phrasings of the third pass (roots 01-10, leaf by leaf), in sentences of our own.
THIRD_PASS_PHRASINGS = [
    ("Canada is considering tightening rules on foreign ownership of farmland.", "014"),
    ("The Dutch government is weighing whether to extend its mission in Mali.", "014"),
    ("The Serbian president retracted his remarks about Montenegro on Wednesday.", "015"),
    ("Beijing fended off accusations of forced labour in Xinjiang on Thursday.", "016"),
    ("The Philippines sought closer military ties with Japan on Monday.", "0212"),
    ("The French president telephoned his Russian counterpart on Friday.", "041"),
    ("Biden met Xi on the sidelines of the G20 summit in Bali.", "044"),
    ("India and the EU sealed a free trade agreement after years of talks.", "057"),
    ("Spain deported the suspect to Morocco on Tuesday.", "063"),
    ("The Kenyan government reversed the decision to raise fuel taxes.", "0832"),
    ("The junta returned the country to civilian rule.", "0834"),
    ("FARC rebels handed in their weapons to UN monitors.", "0873"),
    ("Police summoned the opposition leader for questioning.", "090"),
    ("The United States demanded the immediate release of the journalists.", "1053"),
]
# Generic verbs the third pass names only with their objects: these stay without an event.
THIRD_PASS_NON_EVENTS = [
    "The new law took effect on Monday.",
    "Oil prices stopped rising after the cartel's decision.",
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "code"), THIRD_PASS_PHRASINGS)
def test_third_pass_phrasings_code_as_written(coder: Coder, text: str, code: str) -> None:
    codes = {e.cameo.code for e in coder.code(text, date="2024-03-01")}
    assert code in codes, (text, codes)


@pytest.mark.model
@pytest.mark.parametrize("text", THIRD_PASS_NON_EVENTS)
def test_third_pass_generic_verbs_need_their_objects(coder: Coder, text: str) -> None:
    assert not coder.code(text, date="2024-03-01"), text


@pytest.mark.model
def test_a_passive_victim_stays_the_target_of_a_bare_killing(coder: Coder) -> None:
    # an object-constrained pattern ("kill soldiers") would take the victims as part of its
    # trigger phrase and lose them as the target; bare killings keep them
    events = coder.code("Four Afghan soldiers were killed in Kandahar on Monday.", date="2021-03-01")
    assert [e.cameo.root for e in events] == ["19"]
    assert events[0].target is not None and events[0].target.country == "AFG"


# Phrasings of the codebook pass over roots 11-20 (one block per leaf code), in sentences of our
# own: each must come out with its code.
CODEBOOK_PASS = [
    ("Turkey's foreign minister took issue with Greece over the migrant pushbacks.", "110"),
    ("Beijing heaped scorn on the Philippine president after his speech.", "111"),
    ("Gambia referred Myanmar to the International Court of Justice over the killings.", "115"),
    ("The opposition drummed up opposition against the new constitution.", "113"),
    ("Lebanon barred UN investigators from the port.", "1245"),
    ("Armenia's prime minister vowed revenge against Azerbaijan after the border clash.", "138"),
    ("Students waved placards against the governor outside the state assembly in Kaduna.", "141"),
    ("Prisoners in the Turkish jail began an indefinite hunger strike on Monday.", "142"),
    ("Japan scrambled jets to intercept Russian bombers.", "150"),
    ("Poland pulled its envoy from Minsk after the crackdown.", "161"),
    ("The United States raised tariffs on Chinese electric vehicles.", "163"),
    ("Police fired rubber bullets at demonstrators in central Nairobi.", "175"),
    ("Soldiers bulldozed dozens of homes in the village.", "1712"),
    ("Pirates hijacked a cargo ship off the Somali coast.", "181"),
    ("Rebels encircled the provincial capital after a week of fighting.", "191"),
    ("Russian forces pounded the town with artillery overnight.", "194"),
    ("Government forces dropped barrel bombs on rebel-held districts of Aleppo.", "195"),
    ("The militia wiped out whole villages in the province.", "202"),
    ("The African Union suspended Guinea after the coup.", "160"),
    ("Government troops attacked rebel positions near the border on Sunday.", "190"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "code"), CODEBOOK_PASS)
def test_codebook_pass_phrasings_code_as_written(coder: Coder, text: str, code: str) -> None:
    codes = {e.cameo.code for e in coder.code(text, date="2023-10-16")}
    assert code in codes, (text, codes)


# Generic verbs the codebook pass uses only with a named object or a required particle: in these
# sentences of ours the verb has neither, and the code must not appear.
CODEBOOK_PASS_GUARDS = [
    ("The airline carried 3,000 passengers on the new route last month.", "181"),
    ("Villagers survived the attack and reached the border.", "185"),
    ("Leaders left the summit in Brussels on Friday evening.", "164"),
    ("The committee held its annual summit in Geneva.", "192"),
    ("The court held a trial in the capital.", "173"),
    ("The company moved into new offices in the city centre.", "192"),
    ("Workers resumed strikes at the port on Monday.", "196"),
    ("Police found a body in the river.", "202"),
    ("Floods cut off villages across the region.", "191"),
    ("The ministry cancelled the economic programme.", "1721"),
    ("Japan scrambled jets to intercept Russian bombers.", "190"),
    ("Government troops attacked rebel positions near the border on Sunday.", "111"),
    ("The league suspended the match after crowd trouble.", "160"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "code"), CODEBOOK_PASS_GUARDS)
def test_codebook_pass_guards(coder: Coder, text: str, code: str) -> None:
    codes = {e.cameo.code for e in coder.code(text, date="2023-10-16")}
    assert code not in codes, (text, codes)


# Acts the lexicon missed before the fourth pass, in wire-style sentences of our own: multi-word
# weapon systems, a halted invasion or incursion, sit-ins (tokenized 'sit - in'), cyberattacks,
# weapons delivered (also as a noun), patrol boats handed over, protected status granted, troops
# hosted, gangsters handed over, crews returned, airspace entered, olive branches, deaf
# ears, ethnic cleansing carried out, rallies attacked (repression, not a rally) and a tone struck
# (a comment, not a strike).
FOURTH_PASS = [
    ("Italy will deliver two more air defence systems to Kyiv.", "0332"),
    ("Spain shipped missile systems to Ukraine in May.", "072"),
    ("Armenia ended its incursion into Azerbaijani territory on Friday.", "087"),
    ("Nurses held a sit-in outside the Ghanaian health ministry.", "141"),
    ("Teachers ended their sit-in outside the Kenyan parliament.", "082"),
    ("Police in Harare broke up a sit-in by teachers.", "175"),
    ("Iran launched a cyberattack on Albanian government websites.", "171"),
    ("Japan hosted American troops on Okinawa for decades.", "062"),
    ("Cyprus handed over a wanted smuggler to Greece.", "063"),
    ("Iran returned the detained British crew members to London.", "0841"),
    ("Russian warplanes entered Estonian airspace for three minutes.", "150"),
    ("Moscow extended an olive branch to Tbilisi.", "050"),
    ("Seoul turned a deaf ear to Tokyo's protests.", "120"),
    ("Militias carried out ethnic cleansing in the Darfur town of Geneina.", "203"),
    # an export ban restricts commercial exchange (163), written "an export ban" or "a ban on
    # exports" alike
    ("Zambia slapped a ban on maize exports to Malawi.", "163"),
    ("Pakistani police attacked a women's march in Islamabad.", "175"),
    ("Britain's transfer of Storm Shadow missiles to Kyiv angered Moscow.", "072"),
    ("India handed over two patrol vessels to the Sri Lankan navy.", "072"),
    ("The United States granted temporary protected status to Venezuelans.", "075"),
    ("Beijing struck an upbeat tone about its trade talks with Brussels.", "013"),
    ("The German chancellor struck a gloomy tone about relations with China.", "012"),
    ("The new Japanese ambassador paid a courtesy call on the Indian president.", "042"),
    # a hyphenated verb the tokenizer splits is looked up whole: a missile test, riot control
    ("Egypt test-fired a new air defence missile during drills.", "150"),
    ("Police tear-gassed the crowd in Nairobi.", "175"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "code"), FOURTH_PASS)
def test_fourth_pass_phrasings_code_as_written(coder: Coder, text: str, code: str) -> None:
    codes = {e.cameo.code for e in coder.code(text, date="2023-10-16")}
    assert code in codes, (text, codes)


# The fourth pass's objects are what makes its verbs political: without them, no such code.
FOURTH_PASS_GUARDS = [
    ("Vietnamese fishermen entered Chinese waters near the Paracel Islands.", "150"),
    ("The Greek hotel hosted hundreds of tourists over Easter.", "062"),
    ("A Kenyan court handed over the case to a higher court.", "063"),
    ("Myanmar's army carried out ethnic cleansing against the Rohingya.", "202"),
    ("The Iranian president struck a defiant tone in his speech to parliament.", "190"),
    ("Egypt test-fired a new air defence missile during drills.", "195"),
    ("Police tear-gassed the crowd in Nairobi.", "2041"),
]
FOURTH_PASS_NON_EVENTS = [
    "Shoppers scrambled for bargains as the Lagos market reopened.",
    "Tourists entered the Chinese pavilion at the Dubai Expo in record numbers.",
    "The courier delivered the parcel to the French embassy in Nairobi.",
    "Engineers restored power to the Kenyan capital after the storm.",
    "Delays in the delivery of shells from its own factories slowed the Russian army.",
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "code"), FOURTH_PASS_GUARDS)
def test_fourth_pass_guards(coder: Coder, text: str, code: str) -> None:
    codes = {e.cameo.code for e in coder.code(text, date="2023-10-16")}
    assert code not in codes, (text, codes)


@pytest.mark.model
@pytest.mark.parametrize("text", FOURTH_PASS_NON_EVENTS)
def test_fourth_pass_non_events(coder: Coder, text: str) -> None:
    assert not coder.code(text, date="2023-10-16"), text
