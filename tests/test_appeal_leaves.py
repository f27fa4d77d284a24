"""Appeals and demands take the CAMEO leaf of the act they ask for; on the real pipeline.

CAMEO codes an appeal (021-028) or a demand (101-108) by what it asks: "called for X to
withdraw" is an appeal for de-escalation (0256), "demanded that X stop shelling" a demand for it
(1056). The asked act is coded by the lexicon and moved into the appeal or demand family by
``data/frames.tsv``; what is asked is no event of its own. Every sentence was written for these
tests; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from coding import Coded, country_codes
from dyadwatch.coder import Coder

DATE = "2022-06-01"


def _events(coder: Coder, text: str) -> list[Coded]:
    return country_codes(coder, text, DATE)


# 'for X to do Y': the one named after 'for' is asked to do Y (either parse of the clause)
FOR_CLAUSE = [
    ("The UN called for Israel to withdraw.", "ISR", "0256"),
    ("The Security Council called for Armenia to pull its forces back from the frontier.", "ARM", "0256"),
    ("Egypt's foreign minister called for Ethiopia to withdraw its soldiers from the disputed triangle.",
     "ETH", "0256"),
    ("The European Union called for Venezuela to free the detained opposition leaders.", "VEN", "0253"),
    ("Norway called for Iran to release the two jailed aid workers.", "IRN", "0253"),
    ("Colombia's president called for the ELN rebels to free all hostages.", "COL", "0253"),
    ("Beijing called for Washington to lift the sanctions on Chinese firms.", "USA", "0254"),
    ("The Arab League called for Washington to ease sanctions on Syria.", "USA", "0254"),
    ("Human Rights Watch called for Egypt to lift the travel ban on activists.", "EGY", "0251"),
    ("The Organization of American States called for Nicaragua to allow election observers into the country.",
     "NIC", "0255"),
    ("Pakistan called for India to hold talks on Kashmir.", "IND", "026"),
    ("Ghana called for Togo and Burkina Faso to open talks on their border dispute.", "TGO", "026"),
    ("Kenya's president called for Ethiopia and Eritrea to sign a peace agreement.", "ETH", "027"),
    ("Lebanon's prime minister called for France to provide reconstruction loans.", "FRA", "0231"),
    ("The opposition called for Zimbabwe's president to step down.", "ZWE", "0241"),
    ("Human Rights Watch called for Bahrain to restore the citizenship of stripped activists.", "BHR", "0243"),
    ("Turkey called for Russia and Ukraine to agree a ceasefire.", "RUS", "0256"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "target", "code"), FOR_CLAUSE)
def test_an_appeal_for_a_party_to_act_takes_the_acts_leaf(coder: Coder, text: str, target: str, code: str) -> None:
    found = _events(coder, text)
    assert any(t == target and c == code for _, t, c, _ in found), found
    # what is asked is no hypothetical event of its own
    assert all(c[:2] == "02" for _, _, c, _ in found), found


@pytest.mark.model
@pytest.mark.parametrize(("text", "code"), [
    ("The EU called for sanctions on Iran to be eased.", "0254"),
    ("Washington called for the embargo on Cuba to be lifted.", "0254"),
])
def test_a_for_noun_naming_only_the_root_yields_to_its_verb(coder: Coder, text: str, code: str) -> None:
    # "sanctions" alone would be a bare appeal (020); their easing is what is asked
    assert code in {c for _, _, c, _ in _events(coder, text)}


@pytest.mark.model
@pytest.mark.parametrize(("text", "code"), [
    ("The opposition called for elections to be held in March.", "0244"),
    ("Seoul called for peacekeepers to be deployed along the border.", "0234"),
])
def test_a_for_noun_naming_the_leaf_keeps_it(coder: Coder, text: str, code: str) -> None:
    assert code in {c for _, _, c, _ in _events(coder, text)}


# a halt to force or posturing is a de-escalation (087), and asking for it an appeal (0256) or a
# demand (1056) for de-escalation
HALTS = [
    ("Japan called for China to halt its military exercises around Taiwan.", "CHN", "0256"),
    ("Seoul urged Pyongyang to stop firing ballistic missiles into the sea.", "PRK", "0256"),
    ("Japan called on North Korea to stop missile launches.", "PRK", "0256"),
    ("The rebels demanded that the army stop shelling the town.", None, "1056"),
    ("Russia demanded that Ukraine cease its attacks on Crimea.", "UKR", "1056"),
    ("The UN envoy urged Sudan's warring generals to stop fighting in Khartoum.", "SDN", "0256"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "target", "code"), HALTS)
def test_asking_to_stop_fighting_asks_for_de_escalation(coder: Coder, text: str, target: str | None, code: str) -> None:
    found = _events(coder, text)
    assert any(c == code and (target is None or t == target) for _, t, c, _ in found), found
    assert not any(c[:2] in ("15", "18", "19", "20") for _, _, c, _ in found), found  # the halted act is no event


@pytest.mark.model
def test_stopping_an_attack_is_a_de_escalation_not_the_attack(coder: Coder) -> None:
    found = _events(coder, "The government army stopped shelling the rebel stronghold on Sunday.")
    assert {c for _, _, c, _ in found} == {"087"}, found


@pytest.mark.model
def test_stopping_people_is_no_de_escalation(coder: Coder) -> None:
    found = _events(coder, "Police stopped the marchers outside parliament.")
    assert not any(c[:3] == "087" for _, _, c, _ in found), found


@pytest.mark.model
@pytest.mark.parametrize(("text", "code"), [
    ("The Arab League called for the rival Libyan governments to accept UN mediation.", "028"),
    ("The United Nations called on both sides to accept Qatari mediation.", "028"),
])
def test_asking_to_accept_mediation_is_an_appeal_for_mediation(coder: Coder, text: str, code: str) -> None:
    assert code in {c for _, _, c, _ in _events(coder, text)}


@pytest.mark.model
def test_a_for_phrase_naming_what_is_asked_keeps_its_code(coder: Coder) -> None:
    # the thing appealed for, not the purpose after it, names the appeal
    found = _events(coder, "Nigeria's president appealed for calm to allow the talks to go ahead.")
    assert "0256" in {c for _, _, c, _ in found}, found


def test_asked_commitments_shift_to_the_asked_act() -> None:
    from dyadwatch.knowledge.lexicon import load_shifts
    from dyadwatch.knowledge.ontology import load_ontology

    shifts = load_shifts({c.code for c in load_ontology().cameo_codes()})
    assert shifts.shift("038", "appeal") == "028"
    assert shifts.shift("038", "demand") == "108"
    assert shifts.shift("037", "appeal") == "027"
    assert shifts.shift("036", "demand") == "106"
    assert shifts.shift("030", "appeal") == "020"  # a bare intent still asks for nothing named
