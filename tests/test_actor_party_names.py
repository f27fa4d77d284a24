"""A party named as the actor is PLOVER's PTY: the manual's note on PTY keeps GOV and OPP as
further codes that tell a governing party from an opposing one, so the side is given only where
the text gives it ("the ruling ZANU-PF", "the opposition Congress party"), and then even against
our dates. Those who act for a party (its supporters, its head) keep the side our dates give
it. A former official the text calls the opposition's leader leads the opposition (OPP), not
the elite of the out of office (ELI). Sentences are our own."""

from __future__ import annotations

from datetime import date

import pytest

from coding import resolve_mention
from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

# (date, sentence, mention, country + sector)
CASES = [
    # a party named "... Congress" is no US Congress
    ("2019-03-01", "The National Democratic Congress accused Ghana's electoral commission of bias.",
     "The National Democratic Congress", "GHAPTY"),
    # a party named by name: PTY whether our dates have it in government or out
    ("2019-03-01", "The BJP accused the Congress party of insulting the armed forces.", "The BJP", "INDPTY"),
    ("2019-03-01", "The BJP accused the Congress party of insulting the armed forces.", "the Congress party",
     "INDPTY"),
    ("2021-03-01", "FRELIMO accused RENAMO of attacking a bus in Sofala province.", "FRELIMO", "MOZPTY"),
    # the words before the name, or a noun it restates, give the side
    ("2019-03-01", "India's ruling BJP accused the opposition Congress party of insulting the armed forces.",
     "India's ruling BJP", "INDGOV"),
    ("2019-03-01", "India's ruling BJP accused the opposition Congress party of insulting the armed forces.",
     "the opposition Congress party", "INDOPP"),
    ("2018-07-31", "Zimbabwe's main opposition party, the Movement for Democratic Change, accused the ruling "
     "ZANU-PF of rigging the election.", "the Movement for Democratic Change", "ZWEOPP"),
    # the text's side outranks our dates, which end in 2025
    ("2026-05-04", "Hungary's opposition Fidesz party accused the new government of political revenge.",
     "Hungary's opposition Fidesz party", "HUNOPP"),
    # ... but a side that is past gives none
    ("2019-03-01", "The former ruling Awami League accused the army of rigging the vote.",
     "The former ruling Awami League", "BGDPTY"),
    # 'party' after the name restates it: the party's, not the person's before it
    ("2023-12-22", "Election officials rejected a petition by Imran Khan's Pakistan Tehreek-e-Insaf party.",
     "Imran Khan's Pakistan Tehreek-e-Insaf party", "PAKPTY"),
    # those who act for a party keep its dated side, or the one the words give
    ("2019-03-01", "Police arrested PTI supporters in Lahore.", "PTI supporters", "PAKGOV"),
    ("2024-02-12", "The head of Hungary's ruling Fidesz party met Slovak Prime Minister Robert Fico.",
     "The head of Hungary's ruling Fidesz party", "HUNGOV"),
    # a former office holder who leads the opposition now is the opposition ...
    ("2024-02-10", "Pakistan's former prime minister Imran Khan, the main opposition leader, accused the army "
     "of rigging the election.", "Pakistan's former prime minister Imran Khan", "PAKOPP"),
    # ... one who is not, or led it once, is the elite
    ("2024-02-10", "Pakistan's former prime minister Imran Khan accused the army of rigging the election.",
     "Pakistan's former prime minister Imran Khan", "PAKELI"),
    ("2024-02-10", "Former prime minister Nawaz Sharif, a former opposition leader, accused the army of "
     "rigging the election.", "Former prime minister Nawaz Sharif", "PAKELI"),
]


@pytest.mark.parametrize(("day", "text", "mention", "code"), CASES)
def test_party_named_and_side_given(coder: Coder, day: str, text: str, mention: str, code: str) -> None:
    actor = resolve_mention(coder, text, mention, date.fromisoformat(day))
    assert actor is not None, mention
    assert f"{actor.country}{actor.sector}" == code, actor.reason
