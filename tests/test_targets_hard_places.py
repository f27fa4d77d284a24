"""Whom an event acts on where the recipient sits in a hard place for the parser: the object of a
preposition read as the subject of a participle after it; on the real pipeline.

Each shape is tested with the rule firing and with a neighbour it must leave alone. Every
sentence was written for these tests; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

DATE = "2022-05-02"


def _targets(coder: Coder, text: str, root: str) -> list[tuple[str | None, str | None]]:
    """(text, sector) of the target of each event of ``text`` under CAMEO ``root``."""
    return [(e.target.text if e.target else None, e.target.sector if e.target else None)
            for e in coder.code(text, date=DATE) if e.cameo.root == root]


# -- "fired tear gas at PROTESTERS marching on X": the participle's subject is the one fired at --


@pytest.mark.parametrize(("text", "target", "sector"), [
    ("Police in Kampala fired tear gas at opposition supporters marching toward parliament.",
     "opposition supporters", "OPP"),
    ("Police in Caracas fired tear gas at opposition supporters marching toward the Supreme Court.",
     "opposition supporters", "OPP"),
])
def test_the_subject_of_a_participle_after_at_is_the_target(coder: Coder, text: str, target: str,
                                                            sector: str) -> None:
    # the parser reads "supporters marching ..." as a clause under 'at', with no object
    assert (target, sector) in _targets(coder, text, "17") + _targets(coder, text, "18")


def test_a_plain_object_of_at_is_still_the_target(coder: Coder) -> None:
    text = "Police in Lagos fired tear gas at striking teachers on Monday."
    assert ("striking teachers", "EDU") in _targets(coder, text, "17") + _targets(coder, text, "18")


# -- "welcomed the COURT'S ruling": another body of the subject's own country owns the act -------


def test_a_body_of_the_same_country_owning_the_act_is_the_target(coder: Coder) -> None:
    text = "Kenya's opposition welcomed the Supreme Court's ruling on the election."
    assert ("Supreme Court's", "JUD") in _targets(coder, text, "05")


def test_a_state_owning_its_own_leader_s_act_is_no_other_party(coder: Coder) -> None:
    # the state named bare is its executive: "confirmed Kenya's commitment" is its own
    text = "Kenya's president confirmed Kenya's commitment to the peace deal."
    assert ("Kenya's", None) not in _targets(coder, text, "05")


# -- "banned all rallies BY THE OPPOSITION": 'by' on an active verb names the object's doers -----


def test_a_by_phrase_on_an_active_verb_names_whose_act_is_banned(coder: Coder) -> None:
    assert ("opposition", "OPP") in _targets(coder, "The junta banned all rallies by the opposition alliance.", "17")


def test_the_by_phrase_of_a_passive_is_still_its_doer(coder: Coder) -> None:
    events = [e for e in coder.code("All rallies by students were banned by the junta.", date=DATE)
              if e.cameo.root == "17"]
    assert events and all(e.source is not None and e.source.text == "junta" for e in events)
    assert all(e.target is None or e.target.text != "junta" for e in events)


# -- "laid the blame for the attack on a police station in X ON Y": the phrase closing the clause -


def test_the_blamed_party_hung_inside_the_reason_phrase_is_the_target(coder: Coder) -> None:
    text = "Kenya's interior ministry laid the blame for the attack on a police station in Mandera on Somali militants."
    assert ("Somali militants", "REB") in _targets(coder, text, "11")


def test_a_phrase_on_the_reason_s_own_noun_names_whom_that_act_hit(coder: Coder) -> None:
    # 'on protesters' belongs to the crackdown: the sanctioned party is not named
    text = "The EU imposed sanctions over the crackdown on protesters."
    assert all(t != "protesters" for t, _ in _targets(coder, text, "16"))


# -- "deployed riot units ACROSS NAIROBI": forces posted at home face no one ----------------------


def test_forces_posted_in_a_town_of_their_own_country_have_no_target(coder: Coder) -> None:
    text = "Kenyan police deployed riot units across Nairobi on Monday."
    assert _targets(coder, text, "15") == [(None, None)]


def test_forces_massed_near_a_town_abroad_face_its_country(coder: Coder) -> None:
    events = [e for e in coder.code("Russia massed troops near Kharkiv.", date="2022-02-02") if e.cameo.root == "15"]
    assert [e.target.country if e.target else None for e in events] == ["UKR"]
