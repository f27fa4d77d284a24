"""Whose side an appeal for backing is on: CAMEO's 053 or an appeal (02x).

An appeal framing praise, endorsement or approval shifts to 053 (rally support on behalf of
another) in the shift table. CAMEO's 053 is support rallied FOR ANOTHER ACTOR: "Poland sought
Germany's support for Ukraine's bid" rallies Germany behind Ukraine. When what is to be backed
is the appealer's own ("sought Washington's approval for long-range strikes", "for its bid"),
the appealer asks the addressee for policy support: an appeal for diplomatic cooperation (022).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from dyadwatch.nlp.tree import children as children_of

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dyadwatch.events.clauses import Clauses
    from dyadwatch.events.match import Match

ON_BEHALF: Final = "053"
POLICY_SUPPORT: Final = "022"
# where the backed party or deed stands after the backing noun or verb: "approval FOR strikes",
# "the endorsement OF Ukraine's bid", "backing FROM" is the addressee and is left out
_BACKED_PREPS: Final = frozenset({"for", "of"})


def own_backing(clauses: Clauses, frame: Token, inner: Match) -> bool:
    """Whether an appeal for backing (``inner``, framed by ``frame``) backs no actor other
    than the appealer: nothing backed names a party, or each party named is the appealer."""
    act = inner.noun if inner.noun is not None else inner.trigger
    backed = [p for c in children_of(act) if c.dep_ == "prep" and c.lower_ in _BACKED_PREPS
              for p in children_of(c) if p.dep_ == "pobj"]
    backed += [c for c in children_of(act) if c.dep_ == "dobj"]
    subjects, _ = clauses.subjects(frame)
    appealers = {a.country for a in (clauses.actor(s) for s in subjects) if a is not None}
    for noun in backed:
        # the deed's owner ("Ukraine's bid") or the noun itself ("support for Ukraine"); a
        # possessive pronoun ("its bid") is the appealer's own
        owners = [c for c in children_of(noun) if c.dep_ == "poss" and c.pos_ != "PRON"] or [noun]
        for owner in owners:
            found = clauses.actor(owner)
            if found is not None and found.country not in appealers:
                return False
    return True
