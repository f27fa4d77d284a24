"""Constructions that came out with no event or the wrong family: an offer to talk split from
its verb by a date, military craft flown or sent over another's land or sea, access to websites
blocked, a group designated terrorist with no 'as', a visit allowed, an everyday deadline and a
crowd driven back. Sentences of our own (none from an evaluation set); each guard shows the
neighbouring reading a change must not take over.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

DATE = "2023-05-10"

PHRASINGS = [
    # 036: an offer to talk whose infinitive the parser hangs apart after a date
    ("Qatar offered on Sunday to hold talks with Bahrain.", "036"),
    ("Mali's junta offered last month to open negotiations with the rebels.", "036"),
    # 150: military craft over, near or into another's sky or sea
    ("Russian fighter jets flew near the Norwegian coast on Friday.", "150"),
    ("Iranian drones flew over a US warship in the Gulf.", "150"),
    ("Moscow sent two bombers over the Sea of Japan.", "150"),
    ("Chinese warplanes flew into Taiwan's air defence zone.", "150"),
    # 1721: access to websites or platforms blocked
    ("Pakistani authorities blocked access to YouTube.", "1721"),
    ("Access to Twitter was restricted by the Turkish government.", "1721"),
    # 172: a group designated terrorist with no 'as'
    ("Australia designated Hezbollah a terrorist organisation.", "172"),
    # 086: a third party allowed to visit or inspect
    ("Iran allowed IAEA inspectors to visit the plant.", "086"),
    # 175: a crowd driven back
    ("Police drove the protesters back with batons.", "175"),
    ("Demonstrators were pushed back by riot police.", "175"),
    # a pledge with an object keeps it; the infinitive after is its purpose
    ("Japan pledged $500 million to rebuild Gaza.", "0331"),
]

GUARDS = [
    # a leader flown to a capital still visits it; a president flying over a flood shows no force
    ("The Indian prime minister flew into Dhaka on Monday.", "15"),
    # jets handed to a recipient stay military aid
    ("The Netherlands sent fighter jets to Ukraine.", "15"),
    # access to a border crossing closed is no censorship
    ("Israel blocked access to the Rafah crossing.", "1721"),
]

NO_EVENT = [
    "The president flew over the flooded region on Sunday.",
    "The school gave parents until Monday to return the forms.",
    "The bank gave borrowers until March to repay the loans.",
    "The storm blocked access to the island for two days.",
]


@pytest.mark.parametrize(("text", "code"), PHRASINGS)
def test_phrasings_code_as_written(coder: Coder, text: str, code: str) -> None:
    codes = {e.cameo.code for e in coder.code(text, date=DATE)}
    assert code in codes, (text, codes)


@pytest.mark.parametrize(("text", "code"), GUARDS)
def test_guards_keep_the_neighbouring_reading(coder: Coder, text: str, code: str) -> None:
    codes = {e.cameo.code for e in coder.code(text, date=DATE)}
    assert codes and code not in {c[: len(code)] for c in codes}, (text, codes)


@pytest.mark.parametrize("text", NO_EVENT)
def test_no_political_act(coder: Coder, text: str) -> None:
    assert coder.code(text, date=DATE) == [], text
