"""Verbs of political acts that, in ordinary news, do none: "released its earnings", "hosted
the World Cup final", "attacked the ball", "captured the title", "launched a new phone". Their
objects (``data/nonevent_objects.tsv``) decide, and the same verbs with people, states, arms
and territory as objects still code. Sentences of our own, written for these tests."""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder
from dyadwatch.errors import DyadwatchError
from dyadwatch.knowledge.discards import NonEventObjects

# Business, sport, culture, science and weather news: no political event.
NOT_POLITICAL = [
    "The ministry released a report on rural poverty on Tuesday.",
    "Apple released its quarterly earnings on Thursday.",
    "The company released a new version of its software.",
    "Netflix released the film in December.",
    "The band released its third album last month.",
    "The agency released data showing inflation slowed in May.",
    "The hotel hosted tourists from across Europe.",
    "Qatar hosted the World Cup final in December.",
    "The museum hosted an exhibition of Dutch paintings.",
    "The city hosted the Olympic Games in 2012.",
    "The party broke ties with the past.",
    "The singer broke ties with her record label.",
    "The club cut ties with its shirt sponsor.",
    "Samsung launched a new phone in Seoul.",
    "The firm launched a marketing campaign in Germany.",
    "NASA launched a weather satellite on Friday.",
    "The striker attacked the ball at the far post.",
    "The club fired the coach after five straight defeats.",
    "The bank fired its chief executive over the losses.",
    "The director shot a film in Morocco last summer.",
    "The storm hit the coast on Sunday.",
    "A hurricane struck Florida overnight.",
    "The earthquake hit the region at dawn.",
    "The team captured the title on Saturday.",
    "Real Madrid signed a new striker from Brazil.",
    "The families of American troops gathered at the base for Christmas.",
    "The hospital released the patient after three days.",
    "The airline cut flights to Spain because of weak demand.",
    "The boxer knocked out his rival in the third round.",
    "Stocks fell sharply on Monday.",
    "The oil company seized the opportunity to expand in Africa.",
    "The company captured a larger share of the market.",
    "The photographer captured the moment on camera.",
    "The team beat Brazil 2-1 in the semi-final.",
    "Germany defeated France in the final.",
    "The tennis star withdrew from the tournament with an injury.",
    "The actor won an award for his role in the film.",
    "The court awarded damages to the plaintiff in the contract dispute.",
    "The retailer cut prices on thousands of products.",
    "Toyota recalled a million cars over a brake defect.",
    "The central bank raised interest rates by half a point.",
    "The team blocked the shot on the goal line.",
    "The goalkeeper blocked the penalty.",
    "Researchers discovered a new species of frog in Peru.",
    "Scientists released a study on sleep and memory.",
    "The hurricane forced thousands of residents to evacuate.",
    "Floods destroyed hundreds of homes in the valley.",
    "The wildfire destroyed a vineyard in California.",
    "The fire destroyed a warehouse in the port.",
    "The company invaded the European market with cheap phones.",
    "The fans invaded the pitch after the final whistle.",
    "The coach attacked the referee's decision in a news conference.",
    "The band toured Japan in the spring.",
    "The airline grounded its fleet after a software glitch.",
    "The orchestra performed Beethoven in Vienna.",
    "The chef opened a new restaurant in Paris.",
    "The carmaker signed a supply deal with a battery maker.",
    "The studio fired the director during filming.",
    "The airline hosted a reception for its frequent flyers.",
    "The festival hosted thousands of music fans.",
    "The stadium hosted a concert by the band.",
    "The company returned the profits to shareholders.",
    "The team returned home after the tournament.",
    "The zoo released the birds into the wild.",
    "The tech giant acquired a start-up for two billion dollars.",
    "The police rescued a cat from a tree.",
    "The storm killed power to thousands of homes.",
    "The drought hit farmers across the plains.",
    "The pitcher threw the ball to first base.",
    "The singer slammed the critics of her album.",
    "The club captured the championship on Sunday.",
    "The company cut 500 jobs at its plant.",
    "The minister's wife launched a cookbook.",
    "The mayor opened a new bridge over the river.",
    "The company seized control of the market.",
    "The hospital hosted a blood drive.",
    "The company attacked the problem with new software.",
    "Militants released a video of the kidnapped journalist.",
    "The rapper released a video for his new single.",
    "Toyota unveiled a new electric model at the Tokyo motor show.",
    "The Australian bowler struck the ball over the rope for six.",
    "The Chinese carmaker captured a record share of sales in Europe.",
    "Kenya's athletes captured three gold medals at the championships.",
    "The museum released photos of the restored painting.",
    "The film crew shot scenes in the old town of Dubrovnik.",
    "Spain hosted the Davis Cup finals in Malaga.",
    "The British golfer shot a birdie on the final hole.",
    "Shares in the bank hit a record high on Friday.",
    "The Japanese firm launched a fundraising campaign for flood victims.",
    "The coach attacked the problem of poor fitness with extra training.",
    "The Swiss company beat analysts' forecasts for the quarter.",
    "The Italian club sacked its head coach after a string of defeats.",
    "The sprinter seized the opportunity to win gold in Tokyo.",
    # mishaps: the subject of a crash or a collapse causes the deaths, no one attacks
    "A bus carrying pilgrims plunged into a river gorge in central Nepal, killing at least 24 passengers.",
    "A truck crashed into a market in Lagos, killing 12 people.",
    "A building collapsed in Lagos, killing ten workers.",
    "A ferry capsized off the coast of Bangladesh, killing 30 passengers.",
    # a side beats as players
    "Morocco's side beat Portugal in the quarter-final.",
    # event nouns with the same objects
    "Apple's release of its quarterly earnings lifted shares on Thursday.",
    "The company's attack on the problem won praise from investors.",
    "The museum's release of the photos drew crowds.",
]

# The same verbs in political news: (sentence, the CAMEO code or root it must yield).
POLITICAL = [
    ("The rebels released two hostages on Tuesday.", "0841"),
    ("Iran released three British prisoners.", "0841"),
    ("Iran hosted the Iraqi president in Tehran.", "043"),
    ("Turkey hosted Ukrainian and Russian negotiators in Istanbul.", "043"),
    ("Russia fired missiles at Kyiv overnight.", "19"),
    ("Israeli troops fired on protesters in Gaza.", "17"),
    ("Ethiopia broke ties with Egypt.", "161"),
    ("Bolivia severed relations with Israel.", "161"),
    ("The army launched an offensive against the rebels.", "19"),
    ("Pakistan launched air strikes on militants in Afghanistan.", "195"),
    ("Rebels attacked a police station in the north.", "19"),
    ("Gunmen attacked an army convoy near Kabul.", "19"),
    ("Russia struck a deal with Turkey on grain exports.", "057"),
    ("China signed a trade agreement with Chile.", "057"),
    ("Israeli aircraft hit targets in southern Lebanon.", "195"),
    ("Troops captured the rebel stronghold.", "19"),
    ("Police captured the suspected gang leader.", "173"),
    ("The president fired the army chief.", "0831"),
    ("The prime minister sacked the defence minister.", "0831"),
    ("Police shot dead two protesters in Nairobi.", "17"),
    ("Russian forces shot down a Ukrainian drone.", "19"),
    ("The United States seized an Iranian oil tanker.", "1711"),
    ("Germany hosted the NATO summit.", "044"),
    ("The army released the detained opposition leader.", "0841"),
    ("Japan hosted American troops on Okinawa.", "062"),
    ("Iran captured two American sailors in the Gulf.", "173"),
    ("Russia blocked the resolution at the Security Council.", "12"),
    ("China imposed sanctions on Lithuania.", "163"),
    ("Nigeria deported dozens of migrants to Niger.", "174"),
    ("Hamas announced the release of two hostages.", "0841"),
    ("Taliban fighters carried out an attack on a police post.", "19"),
    ("Hamas released a video of two Israeli hostages and then freed them.", "0841"),
    # shooters who are armed: a team or crew "of gunmen", a "side" of a war, a "shooter"
    ("A team of gunmen shot dead two policemen in Peshawar.", "19"),
    ("The Azerbaijani side shot down an Armenian drone, the defence ministry said.", "19"),
    ("The shooter shot three worshippers at a mosque in Christchurch.", "18"),
    # a car driven into a crowd is an attack, not a mishap
    ("A car crashed into a crowd of protesters in Charlottesville, killing one woman.", "19"),
    # a day after the called party is no predicate: still a telephone call
    ("Biden called Netanyahu Sunday to discuss the hostages.", "041"),
    # a verb the tagger takes for a noun ("sniper shot"), which the parse shows is a verb
    ("A sniper shot a Ukrainian soldier near Bakhmut.", "19"),
]


@pytest.mark.model
@pytest.mark.parametrize("text", NOT_POLITICAL)
def test_ordinary_news_yields_no_event(coder: Coder, text: str) -> None:
    events = coder.code(text, date="2024-05-14")
    assert not events, (text, [(e.cameo.code, e.evidence.rule) for e in events])


@pytest.mark.model
@pytest.mark.parametrize(("text", "code"), POLITICAL)
def test_the_same_verbs_in_political_news_still_code(coder: Coder, text: str, code: str) -> None:
    codes = {e.cameo.code for e in coder.code(text, date="2024-05-14")}
    assert any(c.startswith(code) for c in codes), (text, code, codes)


def test_the_shipped_lists_name_the_verbs_we_guard() -> None:
    table = NonEventObjects.default()
    for verb, obj in [("release", "earnings"), ("host", "tourists"), ("launch", "phone"),
                      ("attack", "ball"), ("capture", "title"), ("shoot", "film"), ("seize", "opportunity")]:
        assert obj in table.by_verb[verb], (verb, obj)
    # objects of political acts are never listed for the verbs that act on them
    assert not {"hostage", "prisoner", "detainee"} & table.by_verb["release"]
    assert not {"president", "minister", "delegation", "troops"} & table.by_verb["host"]
    assert not {"town", "city", "village", "soldier", "rebel"} & table.by_verb["capture"]


def test_a_listed_object_drops_only_what_it_outweighs() -> None:
    table = NonEventObjects.parse(
        "# dyadwatch non-event objects v1 (2026-12-06)\nlemma\tobject\tnote\n"
        "launch|release\tphone|advertising campaign|video\tproducts\n",
        "test.tsv",
    )
    # a pattern that names no object: any listed form drops the verb
    assert table.drops("launch", {"phone"}, {"phone", "new phone"}, frozenset(), 0)
    assert table.drops("Launch", {"phone"}, {"phone"}, frozenset(), 0)
    # a two-word form outweighs a pattern that matched one word ("campaign")
    assert table.drops("launch", {"campaign"}, {"campaign", "advertising campaign"},
                       frozenset({"campaign"}), 1)
    assert not table.drops("launch", {"campaign"}, {"campaign", "military campaign"},
                           frozenset({"campaign"}), 1)
    # a listed head the pattern matched past: the video shows the hostages, frees no one
    assert table.drops("release", {"video"}, {"video", "hostage"}, frozenset({"hostage"}), 1)
    assert not table.drops("release", {"hostage"}, {"hostage", "video"}, frozenset({"hostage"}), 1)
    # verbs without a row are left alone
    assert not table.drops("attack", {"phone"}, {"phone"}, frozenset(), 0)


@pytest.mark.parametrize("row", ["launch\t\tnothing listed\n", "\tphone\tno verb\n"])
def test_a_bad_row_names_the_file_and_line(row: str) -> None:
    text = "# dyadwatch non-event objects v1 (2026-12-06)\nlemma\tobject\tnote\n" + row
    with pytest.raises(DyadwatchError, match=r"bad\.tsv:3"):
        NonEventObjects.parse(text, "bad.tsv")


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Netanyahu rejected Hamas's terms for a ceasefire, calling them delusional.",
    "Hungary rejected mandatory quotas for asylum seekers, calling them unacceptable.",
])
def test_calling_something_a_name_is_no_telephone_call(coder: Coder, text: str) -> None:
    codes = {e.cameo.code for e in coder.code(text, date="2024-05-14")}
    assert "041" not in codes and any(c.startswith("12") for c in codes), codes
