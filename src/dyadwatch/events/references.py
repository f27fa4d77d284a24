"""References to an earlier event inside the report of a new one.

"China sanctioned US firms in retaliation for American sanctions on Chinese officials" reports
China's sanctions; the American sanctions are an earlier event the sentence names as the cause.
Coded as a new event on the article's date they would be counted twice (the store has the
original report) or invented on the wrong day. ``refers_to_earlier`` recognises the nominal
trigger of such a cause; the extractor then codes it with modality ``historical``, and the
store attaches it to the earlier event when it has it (store/merge.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyadwatch.knowledge.words import ANSWER_NOUNS, CAUSE_PREPS

if TYPE_CHECKING:
    from spacy.tokens import Token


def refers_to_earlier(trigger: Token) -> bool:
    """Whether a nominal event trigger names an earlier event the clause answers or follows:
    "in retaliation for [the sanctions]", "in response to [the attack]", "after [the talks]".
    A verb trigger never does (its clause reports the event itself)."""
    if trigger.pos_ not in {"NOUN", "PROPN"} or trigger.dep_ != "pobj":
        return False
    prep = trigger.head
    if prep.lower_ in CAUSE_PREPS:
        return True
    if prep.lower_ not in {"for", "to", "against"}:
        return False
    answer = prep.head
    return answer.lemma_.lower() in ANSWER_NOUNS or answer.lower_ in ANSWER_NOUNS
