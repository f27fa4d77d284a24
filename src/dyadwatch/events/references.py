"""References: to an earlier event inside the report of a new one, and to actors named before.

"China sanctioned US firms in retaliation for American sanctions on Chinese officials" reports
China's sanctions; the American sanctions are an earlier event the sentence names as the cause.
Coded as a new event on the article's date they would be counted twice (the store has the
original report) or invented on the wrong day. ``refers_to_earlier`` recognises the nominal
trigger of such a cause; the extractor then codes it with modality ``historical``, and the
store attaches it to the earlier event when it has it (store/merge.py).

Wire copy names an actor once and then refers back to it: by a pronoun ("police arrested 40
protesters and charged THEM"), by a word for two parties ("the pair", "the neighbours", "the
allies"), or by a definite description ("the kingdom", "the bloc", "the group", "the
militants"). :class:`Antecedents` finds the mention such a word stands for: the nearest
compatible one in its own sentence or the one before it, looking first at subjects for a
subject, and never at the subject of its own clause for an object ("the French leader praised
HIM": not the leader). A word inside a direct quotation is left to the speaker's frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyadwatch.events.speech import quote_spans
from dyadwatch.knowledge.words import ANSWER_NOUNS, CAUSE_PREPS, SPEECH_VERBS
from dyadwatch.nlp.tree import children as children_of

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Token

    from dyadwatch.knowledge.load import Role
    from dyadwatch.records import Actor


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


# Pronouns that refer back to one person, and to several parties.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
PLURAL_PRONOUNS = frozenset({"they", "them"})
# Possessive pronouns and the kind of mention each stands for ("seized THEIR equipment").
_POSSESSIVE_KINDS = {"their": "plural", "his": "person"}
# Nouns that, after 'the' and with no name of their own, stand for the two parties named just
# before ("the pair met", "the neighbours exchanged fire", "condemned the allies").
PAIR_NOUNS = frozenset({"pair", "duo", "neighbour", "neighbor", "ally", "rival", "foe", "adversary"})
_STATE = frozenset({"state"})
# Nouns of one person in office named by another's office ("his Egyptian COUNTERPART"), which no
# role list holds as a title, yet 'him' or 'her' may stand for.
_PEER_NOUNS = frozenset({"counterpart"})
# Nouns that stand for an actor of a kind named before, with the kinds of actor each may be:
# an armed or political group ("the group", "the militants"), an international organisation
# ("the bloc", "the alliance"), a state ("the kingdom", "the island nation").
DESCRIPTION_KINDS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("group", "movement", "militia", "faction", "outfit", "militant", "insurgent",
                     "jihadist", "rebel"), frozenset({"group"})),
    **dict.fromkeys(("bloc", "alliance", "union", "grouping"), frozenset({"igo"})),
    **dict.fromkeys(("organisation", "organization", "body"), frozenset({"igo", "organisation"})),
    **dict.fromkeys(("kingdom", "republic", "nation", "country", "state", "emirate", "sultanate",
                     "monarchy", "island", "archipelago", "principality", "city-state"), _STATE),
}


def _codes(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words of a description that narrow the states it may stand for (general knowledge of how
# wire copy describes countries): "the kingdom" is a monarchy that calls itself one, "the
# island nation" an island state, "the Islamic republic" one with that name.
DESCRIBED_STATES: dict[str, frozenset[str]] = {
    "kingdom": _codes("SAU JOR MAR BHR THA ESP GBR NLD BEL SWE NOR DNK BTN KHM SWZ LSO TON"),
    "islamic": _codes("IRN PAK AFG MRT"),
    "island": _codes("CUB TWN LKA JPN PHL IDN MDV MDG MLT CYP ISL IRL NZL SGP HTI DOM JAM FJI PNG BHR "
                     "MUS SYC COM CPV STP TLS BRB TTO BHS VUT SLB WSM TON KIR MHL FSM PLW NRU TUV "
                     "GRD LCA VCT KNA ATG DMA"),
    "archipelago": _codes("PHL IDN MDV BHS FJI CPV"),
    "gulf": _codes("SAU ARE QAT KWT BHR OMN"),
    "city-state": _codes("SGP VAT MCO"),
    "emirate": _codes("QAT KWT ARE"),
    "sultanate": _codes("OMN BRN"),
    "principality": _codes("MCO LIE AND"),
    "jewish": _codes("ISR"),
    "reclusive": _codes("PRK"),
    "hermit": _codes("PRK"),
    "himalayan": _codes("NPL BTN"),
    "baltic": _codes("EST LVA LTU"),
    "balkan": _codes("ALB BIH BGR HRV XKX MNE MKD SRB SVN"),
}
# The words of a sentence whose actor may be named in the sentence before (for the pre-filter,
# which keeps that sentence): the pronouns and nouns above, singular and plural.
REFERRING_WORDS = PLURAL_PRONOUNS | frozenset(
    form for w in PAIR_NOUNS | set(DESCRIPTION_KINDS)
    for form in (w, w + "s", w[:-1] + "ies" if w.endswith("y") else w + "es"))
# Words for a state that refer back only when described ("the island nation", "the Gulf state",
# "the Islamic republic"); bare, they are as often a place or the speaker's own country.
_BARE_STATE_NOUNS = frozenset({"nation", "country", "state", "republic"})
# Of those, the ones that as the active subject of a clause are the state named before ("the
# country cut ties with X"); not 'state' (a federal state, or the state as against its people).
_ACTING_STATE_NOUNS = frozenset({"nation", "country"})
# Prepositions of a scene: "in Cairo", "near Goma" say where, not a party referred back to.
_SCENE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "along", "into"})
_SUBJECTS = ("nsubj", "nsubjpass")


def _scene(token: Token) -> bool:
    """'in Brussels', 'near Goma': a name that says where (not "fired at students")."""
    return (token.dep_ == "pobj" and token.head.lower_ in _SCENE_PREPS
            and (token.pos_ == "PROPN" or token.ent_type_ in ("GPE", "LOC", "FAC")))


def shared_object(pronoun: Token) -> Token | None:
    """'accused India of backing the attack and warned IT': an 'it' that is the object of a
    verb coordinated with one before it, their subject shared, stands for that verb's object
    (a single mention); None otherwise. Wire copy turns on the same party so; an 'it' elsewhere
    is as often a thing ("signed the deal and ratified it") and is left alone."""
    verb = pronoun.head
    if pronoun.dep_ != "dobj" or verb.dep_ != "conj" or verb.pos_ != "VERB" or verb.head.pos_ != "VERB":
        return None
    if any(c.dep_ in _SUBJECTS for c in children_of(verb)):
        return None  # "X criticised Y and Z warned it": a new subject, a new story
    first = next((c for c in children_of(verb.head) if c.dep_ == "dobj"), None)
    if first is None or first.pos_ == "PRON" or first.tag_ in ("NNS", "NNPS") \
            or any(c.dep_ == "conj" for c in children_of(first)):
        return None
    return first


class Antecedents:
    """The mentions that referring words of one parsed article stand for. ``resolve`` is the
    article's actor look-up for a mention; ``role`` the role a word names, if any (a title is a
    person's)."""

    def __init__(self, doc: Doc, resolve: Callable[[Token], Actor | None],
                 role: Callable[[str], Role | None]) -> None:
        self.doc = doc
        self.resolve = resolve
        self.role = role
        self._quotes: list[tuple[int, int]] | None = None
        self._found: dict[int, list[Token]] = {}

    def of(self, token: Token) -> list[Token]:
        """The mentions ``token`` refers back to: one, or two for a word of two parties
        ("the pair"; a coordination "X and Y" is given as its first conjunct); [] when
        ``token`` is no referring word or nothing before it fits."""
        if token.i not in self._found:
            self._found[token.i] = []  # asked again while being found: nothing (no loop)
            self._found[token.i] = self._of(token)
        return self._found[token.i]

    def owner(self, token: Token) -> list[Token]:
        """The mention a possessive pronoun stands for ("arrested the journalists and seized THEIR
        equipment": the journalists), never the subject of its own clause (whose own things are
        no one else's); [] for any other word or when nothing before it fits."""
        kind = _POSSESSIVE_KINDS.get(token.lower_)
        if kind is None or token.pos_ != "PRON" or self._quoted(token):
            return []
        return next(([c] for c in self._candidates(token, False) if self._fits(token, kind, c)), [])

    def referring(self, token: Token) -> str | None:
        """What kind of referring word ``token`` is: 'person', 'plural', 'pair', or the noun of
        a description ('kingdom', 'group', ...); None for any other word."""
        lower = token.lower_
        if token.pos_ == "PRON":
            if lower in PERSON_PRONOUNS:
                return "person"
            if lower == "it" and shared_object(token) is not None:
                return "shared"
            return "plural" if lower in PLURAL_PRONOUNS else None
        if token.pos_ != "NOUN" or token.ent_type_:
            return None
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in children_of(token)):
            return None
        if any(c.dep_ in ("poss", "nummod", "appos", "relcl", "acl") or (c.dep_ == "prep" and c.lower_ == "of")
               or (c.ent_type_ in ("NORP", "GPE") and c.lower_ not in DESCRIBED_STATES) for c in children_of(token)):
            return None  # "the rebel group's leader", "the group of experts", "the Syrian rebels"
        lemma = token.lemma_.lower()
        if lemma in PAIR_NOUNS and (token.tag_ == "NNS" or lemma in ("pair", "duo")):
            return "pair"
        if lemma in _BARE_STATE_NOUNS and not any(c.dep_ in ("amod", "compound") for c in token.lefts) and not (
                lemma in _ACTING_STATE_NOUNS and token.dep_ == "nsubj"):
            # "leave the country", "across the nation": a place, or the speaker's own; but
            # "... and the country broke off relations": the doer of a clause is a party
            return None
        if lemma in DESCRIPTION_KINDS:
            return lemma
        return None

    def _of(self, token: Token) -> list[Token]:
        kind = self.referring(token)
        if kind is None or self._quoted(token):
            return []
        if kind == "shared":
            first = shared_object(token)
            actor = self.resolve(first) if first is not None else None
            # one state or body, not a person ('him'/'her'), nor a thing
            return [first] if first is not None and actor is not None and actor.kind != "person" \
                and not actor.unknown else []
        subject = token.dep_ in _SUBJECTS
        candidates = self._candidates(token, subject)
        if kind == "pair":
            return self._pair(candidates)
        for c in candidates:
            if self._fits(token, kind, c):
                return [c]
        return []

    def _fits(self, token: Token, kind: str, c: Token) -> bool:
        actor = self.resolve(c)
        if actor is None or actor.unknown or (_scene(c) and DESCRIPTION_KINDS.get(kind) != _STATE):
            return False  # "in Cairo" is where, not who; a state described may be named so
        plural = c.tag_ in ("NNS", "NNPS") or any(d.dep_ == "conj" for d in children_of(c))
        if kind == "person":
            role = self.role(c.lemma_.lower()) if c.pos_ == "NOUN" else None
            return not plural and (actor.kind == "person" or (role is not None and role.kind == "title")
                                   or c.lemma_.lower() in _PEER_NOUNS)
        if kind == "plural":
            return plural and actor.kind != "state"
        allowed = DESCRIPTION_KINDS[kind]
        if actor.kind not in allowed:
            return False
        if allowed != _STATE:
            return True
        words = {kind} | {w.lower_ for w in token.lefts} | {w.lemma_.lower() for w in token.lefts}
        for word in sorted(words & set(DESCRIBED_STATES)):
            if actor.country not in DESCRIBED_STATES[word]:
                return False
        return True

    def _pair(self, candidates: list[Token]) -> list[Token]:
        """'the pair', 'the neighbours': the nearest two parties coordinated ("X and Y"),
        else the two nearest actors of two countries."""
        named: list[tuple[Token, Actor]] = []
        for c in candidates:
            actor = self.resolve(c)
            if actor is not None and not actor.unknown and actor.country is not None and not _scene(c):
                named.append((c, actor))
        for c, actor in named:
            first = self.resolve(c.head) if c.dep_ == "conj" else None
            if first is not None and first.country not in (None, actor.country):
                return [c.head]
        found: list[tuple[Token, Actor]] = []
        for c, actor in named:
            if all(a.country != actor.country for _, a in found):
                found.append((c, actor))
            if len(found) == 2:
                return sorted((t for t, _ in found), key=lambda t: t.i)
        return []

    def _candidates(self, token: Token, subject: bool) -> list[Token]:
        """Mentions before ``token`` in its sentence and the one before, nearest first, the
        subjects first for a subject (the previous sentence's main subject before its others);
        never the subject of ``token``'s own clause, nor a pronoun."""
        sent = token.sent
        before = self._previous_start(token)
        start = sent.start if before is None else before
        own = self._own_subjects(token) | {t.i for t in token.ancestors}  # not "dozens" of "dozens of them"
        if not subject:
            # nor whoever reports the clause: "officials said gunmen had kidnapped THEM" is about
            # others (a witness's own report is the arguments stage's, see Arguments._reporters);
            # the subject of a clause the act only happens in may own what it hits ("four
            # soldiers died when jihadists attacked THEIR base")
            own |= {s.i for verb in token.ancestors if verb.lemma_.lower() in SPEECH_VERBS
                    for c in children_of(verb) if c.dep_ in _SUBJECTS for s in (c, *c.conjuncts)}
        pool = [t for t in reversed(self.doc[start:token.i])
                if t.pos_ in ("NOUN", "PROPN", "NUM") and t.dep_ not in ("compound", "amod", "nummod", "det")
                and t.i not in own]
        if not subject:
            return pool
        here = [t for t in pool if t.i >= sent.start and t.dep_ in _SUBJECTS]
        there = [t for t in pool if t.i < sent.start and t.dep_ in _SUBJECTS]
        there.sort(key=lambda t: t.head.dep_ != "ROOT")
        chosen = {t.i for t in here + there}
        return here + there + [t for t in pool if t.i not in chosen]

    def _previous_start(self, token: Token) -> int | None:
        """Where the sentence before ``token``'s starts, unless a blanked stretch (the
        pre-filter's) lies between them."""
        i = token.sent.start - 1
        while i >= 0 and self.doc[i].is_space:
            i -= 1
        if i < 0 or token.sent.start_char - (self.doc[i].idx + len(self.doc[i])) > 3:
            return None
        return int(self.doc[i].sent.start)

    @staticmethod
    def _own_subjects(token: Token) -> set[int]:
        """The subjects of the clause ``token`` is an argument of (a shared subject of
        coordinated and participial verbs included), and the mentions coordinated with them."""
        verb = token.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        own: set[int] = set()
        for _ in range(3):
            subjects = [c for c in children_of(verb) if c.dep_ in _SUBJECTS]
            if subjects:
                for s in subjects:
                    own.add(s.i)
                    own.update(c.i for c in s.conjuncts)
                break
            if verb.dep_ not in ("conj", "advcl", "xcomp") or verb.head.i == verb.i:
                break
            verb = verb.head
        return own

    def _quoted(self, token: Token) -> bool:
        if self._quotes is None:
            self._quotes = quote_spans(self.doc.text)
        return any(start <= token.idx < end for start, end in self._quotes)
