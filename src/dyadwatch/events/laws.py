"""Laws that curb rights: passing a law is a reform (0832) unless the law is one that bans,
criminalises or restricts what people may do ("passed a law CRIMINALISING dissent", "adopted a
bill THAT BANS face coverings"): CAMEO codes decrees and laws aimed at curbing the rights of
civilians as administrative sanctions (172)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from dyadwatch.knowledge.words import CURBING_VERBS
from dyadwatch.nlp.tree import children as children_of

if TYPE_CHECKING:
    from spacy.tokens import Token

_REFORM: Final = "0832"  # introduce institutional or policy reform
_CURB: Final = "172"  # impose administrative sanctions
_LAW_NOUNS: Final = frozenset({"law", "legislation", "bill", "decree", "measure", "amendment", "ordinance", "act"})


def curbing_law_code(code: str, obj: Token | None) -> str | None:
    """172 for a reform code whose object is a law that curbs ("a law banning X"), else None."""
    if code != _REFORM or obj is None or obj.lemma_.lower() not in _LAW_NOUNS:
        return None
    for clause in children_of(obj):
        if clause.dep_ in ("acl", "relcl") and clause.pos_ == "VERB" and clause.lemma_.lower() in CURBING_VERBS:
            return _CURB
    return None
