"""Laws that curb rights: passing a law is a reform (0832) unless the law is one that bans,
criminalises or restricts what people may do ("passed a law CRIMINALISING dissent", "adopted a
bill THAT BANS face coverings"): CAMEO codes decrees and laws aimed at curbing the rights of
civilians as administrative sanctions (172).

Bans on one's own people: CAMEO's 1245 refuses access to international actors (observers, aid
agencies, peacekeepers, who are its targets); a state barring its own people from a place
("Iran banned women from entering stadiums") curbs civilians' rights, 172."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from dyadwatch.knowledge.words import CURBING_VERBS
from dyadwatch.nlp.tree import children as children_of

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Token

    from dyadwatch.records import Actor

_REFORM: Final = "0832"  # introduce institutional or policy reform
_CURB: Final = "172"  # impose administrative sanctions
_REFUSED_ACCESS: Final = "1245"  # refuse to allow international involvement
_LAW_NOUNS: Final = frozenset({"law", "legislation", "bill", "decree", "measure", "amendment", "ordinance", "act"})


def curbing_law_code(code: str, obj: Token | None) -> str | None:
    """172 for a reform code whose object is a law that curbs ("a law banning X"), else None."""
    if code != _REFORM or obj is None or obj.lemma_.lower() not in _LAW_NOUNS:
        return None
    for clause in children_of(obj):
        if clause.dep_ in ("acl", "relcl") and clause.pos_ == "VERB" and clause.lemma_.lower() in CURBING_VERBS:
            return _CURB
    return None


def home_ban_code(code: str, verb: Token, sources: Sequence[Actor], targets: Sequence[Actor | None]) -> str | None:
    """172 for a ban on access (1245 by a verb that curbs: "banned", "barred") whose every
    target is the doer's own people or body, no international actor ("banned women from entering
    stadiums"), else None. Refusing what one's own people ask ("rejected calls for an inquiry")
    stays a refusal."""
    named = [t for t in targets if t is not None]
    if code != _REFUSED_ACCESS or verb.lemma_.lower() not in CURBING_VERBS or not named or not sources:
        return None
    own = {s.country for s in sources if s.country}
    if all(t.kind not in ("igo", "ngo") and t.country in own for t in named):
        return _CURB
    return None
