"""The fast pre-parse filter: which sentences the parser sees, with offsets unchanged."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dyadwatch.events.prefilter import (
    Forms,
    PreFilter,
    SentenceIndex,
    inflections,
    sentence_index,
    units,
    words,
)
from dyadwatch.events.prefilter_groups import bare_groups

FILTER = PreFilter.build(
    names=["Algeria", "Stephen Townsend", "Mali", "al-shabaab"],
    roles=["minister", "army", "foreign minister"],
    trigger_lemmas=["meet", "visit", "plan"],
    irregular={"meet": {"met"}},
)


@dataclass(frozen=True)
class Pattern:
    kind: str
    lemmas: frozenset[str]
    particles: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()


# A lemmatizer's tables as spaCy's English rule lemmatizer has them (a few exceptions).
FORMS = Forms(
    rules={
        "verb": (
            ("s", ""),
            ("ies", "y"),
            ("es", "e"),
            ("es", ""),
            ("ed", "e"),
            ("ed", ""),
            ("ing", "e"),
            ("ing", ""),
        ),
        "noun": (("s", ""), ("ses", "s"), ("ies", "y")),
        "adj": (("er", ""), ("est", "")),
    },
    exceptions={"verb": {"hold": frozenset({"held"}), "carry": frozenset({"carried"})}},
)
PATTERNS = PreFilter.build(
    names=["Egypt"],
    roles=["police"],
    patterns=[
        Pattern("verb", frozenset({"condemn"})),
        Pattern("verb", frozenset({"hold"}), objects=frozenset({"talk", "peace conference"})),
        Pattern("verb", frozenset({"carry"}), particles=frozenset({"out"})),
        Pattern("noun", frozenset({"protest"}), particles=frozenset({"lodge", "file"})),
        Pattern("noun", frozenset({"accord"})),
    ],
    forms=FORMS,
)


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("Townsend met the minister.", True),  # a name word and an irregular form
        ("He visited Mali twice.", True),
        ("The weather was fine on Tuesday.", False),  # neither actor nor trigger
        ("Algeria is a large country.", False),  # an actor, no trigger
        ("They planned a meeting.", True),  # doubled consonant: planned
        ("The army's visits were rare.", True),
        ("the minister's plans were leaked.", True),  # a role word is an actor without capital
        ("prices met expectations on the day.", False),  # a trigger, but no one to do it
        ("fighters of al-shabaab met at dawn.", True),  # a lower-case name of ours
        ("fighters of al-qaeda met at dawn.", False),  # a name NER would not see either
    ],
)
def test_keeps_only_sentences_with_actor_and_trigger(sentence: str, kept: bool) -> None:
    assert FILTER.keeps(sentence) is kept


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("Egypt condemned the raid.", True),
        ("Egypt held talks with Sudan.", True),  # "hold" with its object
        ("Egypt held its breath.", False),  # "hold" without one
        ("Egypt will hold a peace conference.", True),  # every word of a longer object
        ("Egypt will hold a conference.", False),
        ("Police carried out raids.", True),  # the particle a pattern names
        ("Police carried the boxes.", False),
        ("Egypt lodged a protest.", True),  # a noun with the light verb it takes
        ("Egypt staged a protest.", False),
        ("Egypt signed the accords.", True),  # a noun in the plural
        ("Egypt went there, according to Cairo.", False),  # "according" is no form of a noun
    ],
)
def test_pattern_needs(sentence: str, kept: bool) -> None:
    assert PATTERNS.keeps(sentence) is kept


def test_forms_invert_the_lemmatizer_rules() -> None:
    assert {"condemns", "condemned", "condemning", "condemn"} <= FORMS.of("condemn", ("verb",))
    assert "held" in FORMS.of("hold", ("verb",))
    assert {"accords", "accord"} <= FORMS.of("accord", ("noun",))
    assert "according" not in FORMS.of("accord", ("noun",))
    assert "denies" in FORMS.of("deny", ("verb",))  # ("ies", "y")


def test_words_split_hyphens_and_possessives() -> None:
    assert {"re-establish", "re", "establish", "u", "s", "led", "algeria's", "algeria"} <= words(
        "They re-establish U.S.-led ties with Algeria's army."
    )


def test_units_keep_doubtful_breaks_together() -> None:
    text = (
        "The U.S. Army said so. Lt. Gen. Prosper Avril resigned. S. Jaishankar met him.\n"
        'It rose in Nov. He left. "\nNew line.'
    )
    got = [[text[s:e] for s, e in unit] for unit in units(text)]
    assert got == [
        ["The U.S.", "Army said so."],
        ["Lt.", "Gen.", "Prosper Avril resigned."],
        ["S.", "Jaishankar met him."],
        ["It rose in Nov.", "He left.", '"'],  # a break after "Nov."; a stray quote mark
        ["New line."],
    ]


def test_blanked_text_keeps_offsets_and_paragraphs() -> None:
    text = "Townsend met the minister.\nThe weather was fine.\n\nHe visited Mali."
    out, share = FILTER.apply(text)
    assert len(out) == len(text)
    assert out.count("\n") == text.count("\n")
    assert "weather" not in out
    assert out.index("He visited Mali.") == text.index("He visited Mali.")
    assert 0 < share < 1


def test_a_blanked_sentence_starts_with_a_line_break() -> None:
    """So the parser starts the next kept sentence there, as it did in the full text."""
    text = "Townsend met the minister. The weather was fine. He visited Mali."
    out, _ = FILTER.apply(text)
    start = text.index("The weather")
    assert out[start] == "\n" and out[start + 1 : text.index("He visited")].strip() == ""


@given(st.text(alphabet=st.sampled_from(list('ab .\n!?Mali met”“"')), max_size=200))
def test_apply_never_changes_length_or_kept_characters(text: str) -> None:
    out, _ = FILTER.apply(text)
    assert len(out) == len(text)
    assert all(o == t or o in " \n" for o, t in zip(out, text, strict=True))
    # no new paragraph break, and quote marks stay where the coder pairs them
    assert all(text[i : i + 2] == "\n\n" for i in range(len(out)) if out[i : i + 2] == "\n\n")


def test_quotation_keeps_its_attribution() -> None:
    text = (
        "Townsend met the minister in Algiers.\n\n"
        "“Algeria is a committed partner. Stability is a mutual must,” he added.\n\n"
        "Prices were stable. Shops were open late, and the streets were quiet all evening.\n\n"
        "The weather was fine."
    )
    f = PreFilter.build(
        names=["Algeria"], roles=[], trigger_lemmas=["meet", "partner"], speech_verbs=["add"]
    )
    out, _ = f.apply(text)
    assert "he added" in out  # where the coder finds the speaker
    assert "Prices were stable" not in out  # no verb of saying: no speaker there
    assert "weather" not in out
    out, _ = f.apply(text.replace("Prices were stable.", "Aides added more."))
    assert "Aides added more." in out  # within 80 characters of the quote: looked at too


def test_pronoun_keeps_the_names_before_it() -> None:
    text = (
        "Sabri Boukadoum is a veteran diplomat. The weather was fine. He met the minister.\n"
        "Prices rose. The weather was fine again."
    )
    out, _ = FILTER.apply(text)
    assert "Boukadoum" in out  # whom "He" refers back to
    assert "weather was fine." not in out and "again" not in out


def test_without_context_only_the_event_sentences_are_kept() -> None:
    """``with_context=False`` (benchmarks/no_context.py measures what context costs)."""
    text = "Sabri Boukadoum is a veteran diplomat. The weather was fine. He met the minister."
    out, share = replace(FILTER, with_context=False).apply(text)
    assert "He met the minister." in out and "Boukadoum" not in out
    assert share < FILTER.apply(text)[1]


def test_sentences_naming_the_same_person_are_kept() -> None:
    text = "Dr. Tunji Olaopa is a former army officer. Olaopa smiled. Olaopa met the minister."
    out, _ = FILTER.apply(text)
    assert "Tunji Olaopa is a former army officer." in out  # what the article says of him
    assert "smiled" not in out  # says nothing of who he is


def test_dateline_is_kept() -> None:
    text = "ALGIERS – The weather was fine on Tuesday. Townsend met the minister."
    out, _ = FILTER.apply(text)
    assert out.startswith("ALGIERS – The weather")


def test_inflections() -> None:
    assert {"visits", "visited", "visiting"} <= inflections("visit")
    assert {"urged", "urging"} <= inflections("urge")
    assert {"denies", "denied"} <= inflections("deny")


def test_sentence_index_counts_fast_splitter_sentences() -> None:
    text = "One. Two sentences here.\nThree."
    assert sentence_index(text, 0) == 0
    assert sentence_index(text, text.index("Two")) == 1
    assert sentence_index(text, text.index("Three")) == 2


@given(st.text(alphabet="ab .!?\n\"”’)A", max_size=60), st.lists(st.integers(0, 60), max_size=8))
def test_sentence_index_in_one_scan_is_the_plain_count(text: str, offsets: list[int]) -> None:
    index = SentenceIndex(text)
    for offset in [*offsets, len(text)]:
        offset = min(offset, len(text))
        assert index(offset) == sentence_index(text, offset)


# -- with the real pipeline ---------------------------------------------------------------------

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "dyadwatch" / "samples" / "corpus.jsonl"


def _pipeline_filter(coder: object) -> PreFilter:
    from dyadwatch.coder import Coder

    assert isinstance(coder, Coder)
    return PreFilter.for_pipeline(coder.nlp, coder.knowledge, coder.lexicon)


@pytest.mark.model
def test_every_lexicon_lemma_the_parser_finds_is_a_trigger_form(coder: object) -> None:
    """The forms are the lemmatizer's inverse: a token whose lemma has a pattern of its part of
    speech is always a trigger (or a conditional trigger) of the filter."""
    from dyadwatch.coder import Coder

    assert isinstance(coder, Coder)
    f = _pipeline_filter(coder)
    kinds = {"VERB": ("verb", "frame"), "ADJ": ("verb", "frame"), "NOUN": ("noun", "copula")}
    texts = [json.loads(line)["text"] for line in SAMPLES.read_text().splitlines()[:60]]
    missed = []
    for doc in coder.nlp.pipe(texts):
        for token in doc:
            lemma = token.lemma_.lower()
            wanted = kinds.get(token.pos_, ())
            if (
                any(coder.lexicon.candidates(k, lemma) for k in wanted)  # type: ignore[arg-type]
                and token.lower_ not in f.trigger_words
                and token.lower_ not in f.conditional
            ):
                missed.append((token.text, lemma, token.pos_))
    assert not missed


@pytest.mark.model
def test_prefilter_gives_the_same_events_as_a_full_parse(coder: object) -> None:
    from dataclasses import replace

    from dyadwatch.coder import Coder

    assert isinstance(coder, Coder)
    full = Coder(
        replace(coder.settings, prefilter=False, places=False),
        nlp=coder.nlp,
        knowledge=coder.knowledge,
    )
    fast = Coder(
        replace(coder.settings, prefilter=True, places=False),
        nlp=coder.nlp,
        knowledge=coder.knowledge,
    )
    text = (
        "ALGIERS – Algerian President Abdelmadjid Tebboune received the US defence secretary "
        "on Thursday.\nThe weather in the capital was mild for the season and the streets "
        "were quiet.\n\nThe two men discussed security in the Sahel, officials said."
    )
    assert full.code(text, date="2020-10-02") == fast.code(text, date="2020-10-02")
    assert full.code(text, date="2020-10-02")


@pytest.mark.model
def test_same_events_on_the_bundled_corpus(coder: object) -> None:
    """Every article of the sample corpus gives the very same records with the filter (built
    from the pipeline) as with a full parse, places included."""
    from dataclasses import replace
    from datetime import date

    from dyadwatch.coder import Coder
    from dyadwatch.records import Article

    assert isinstance(coder, Coder)
    full = Coder(replace(coder.settings, prefilter=False), nlp=coder.nlp, knowledge=coder.knowledge)
    fast = Coder(replace(coder.settings, prefilter=True), nlp=coder.nlp, knowledge=coder.knowledge)
    fast._prefilter = _pipeline_filter(coder)
    articles = []
    for line in SAMPLES.read_text().splitlines():
        record = json.loads(line)
        articles.append(
            Article(
                id=record["id"],
                text=record["text"],
                title=record.get("title"),
                source=record.get("source"),
                date=date.fromisoformat(record["date"]),
            )
        )
    differing = [
        a.article.id
        for a, b in zip(full.code_articles(articles), fast.code_articles(articles), strict=True)
        if a.events != b.events
    ]
    assert not differing


def test_an_unmatched_quote_mark_is_a_one_character_span() -> None:
    from dyadwatch.events.extract import quote_spans

    text = 'Tebboune said "we agree. He left.'
    assert quote_spans(text) == []
    assert quote_spans(text, unmatched=True) == [(14, 15)]


GROUPS = PreFilter.build(
    names=["Rwanda", "Rwandan", "Mali", "Malian", "Niger", "Nigerien"],
    roles=["rebel", "army", "minister"],
    trigger_lemmas=["attack", "meet"],
    common_names=["Rwanda", "Rwandan", "Mali", "Malian", "Niger", "Nigerien"],
    group_roles=["rebel", "army"],
)


def test_a_bare_group_keeps_its_latest_mention_with_a_country() -> None:
    text = (
        "Nigerien army units are based in the north. The Malian army is short of fuel. "
        "Prices rose. The army attacked a village on Sunday."
    )
    out, _ = GROUPS.apply(text)
    assert "The Malian army is short of fuel." in out  # where "the army" gets its country
    assert "Nigerien" not in out  # an earlier one the resolver would not reach
    assert "Prices rose." not in out
    out, _ = replace(GROUPS, with_context=False).apply(text)
    assert "Malian" not in out


@pytest.mark.parametrize(
    "last",
    [
        "The Malian army attacked a village.",  # a country of its own: nothing to look back for
        "The minister attacked the plan.",  # a title, not a group
        "Rebels attacked a village.",  # no determiner: not a mention of the earlier group
    ],
)
def test_only_a_bare_group_looks_back(last: str) -> None:
    text = f"Rwandan rebels and the Malian army are in the region. Prices rose. {last}"
    out, _ = GROUPS.apply(text)
    assert "Rwandan rebels" not in out and last in out


def test_group_heads_take_the_role_heads_forms() -> None:
    heads = PreFilter.build(names=[], roles=[], group_roles=["rebel fighter", "militia"]).group_nouns
    assert heads["fighters"] == heads["fighter"] == "fighter"
    assert heads["militias"] == "militia" and "rebel" not in heads
    found = bare_groups("The rebel army attacked. These rebels did too.", GROUPS.group_nouns)
    assert found == {"army", "rebel"}
