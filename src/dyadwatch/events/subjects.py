"""Subjects: who does what a trigger says, on the dependency parse.

``Subjects`` owns the doer side of a clause: the subject, the passive agent ("attacked by
gunmen"), the subject of a raising verb ("X is expected to visit"), the controller of an
infinitive ("urged X to withdraw": X), the owner of a plan ("X announced plans to attack": X),
the head a relative pronoun stands for, the first conjunct of a coordinated verb, the addressee
of a request, the speech verb a clause is reported by, who take part in an act an event noun
names (``participants``), and the acts a violent act reported without a doer was part of
(``told_with``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyadwatch.events.participles import bulk_count, by_phrase, described_noun, reduced_relative
from dyadwatch.knowledge.words import (
    ACTIVE_PASSIVES,
    ADVERBIAL_GERUND_PREPS,
    AUTHORING_VERBS,
    CIRCUMSTANCE_MARKS,
    GUILT_WORDS,
    INTENT_NOUNS,
    INVERSE_VERBS,
    MESSAGE_NOUNS,
    OBJECT_CONTROL,
    PARTICIPATING_VERBS,
    RAISING,
    ROLE_ADJECTIVES,
    ROLE_NOUNS,
    SPEECH_VERBS,
    SUBJECTING_VERBS,
    SURVIVING_VERBS,
    THWARTING_VERBS,
    TIME_ENTITIES,
    UNDERGOING_VERBS,
)
from dyadwatch.nlp.tree import children as children_of

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dyadwatch.events.mentions import Mentions


def agents(verb: Token) -> list[Token]:
    """The objects of a passive verb's 'by' agent ("attacked by gunmen": gunmen), not a count
    of those acted on ("deported by the thousands"). Coordinated passives share one agent ("was
    raided and closed BY POLICE", "were arrested by police and charged")."""
    found = _own_agents(verb)
    if found or verb.tag_ != "VBN":
        return found
    partners = [c for c in children_of(verb) if c.dep_ == "conj" and c.tag_ == "VBN"]
    if verb.dep_ == "conj" and verb.head.tag_ == "VBN":
        partners.append(verb.head)
    return next((a for p in partners if (a := _own_agents(p))), [])


def _own_agents(verb: Token) -> list[Token]:
    return [p for a in children_of(verb) if a.dep_ == "agent" for p in children_of(a)
            if p.dep_ == "pobj" and not bulk_count(p)]


def reduced_passive(verb: Token) -> bool:
    """Whether ``verb`` is a participle with its 'by' agent that the parser made the finite verb
    of the noun it describes ("weapons supplied to Ukraine by Germany arrived"): no auxiliary,
    no object, and an agent, which only a passive has."""
    if verb.tag_ not in ("VBN", "VBD") or not agents(verb):
        return False
    return not any(c.dep_ in ("aux", "auxpass", "dobj", "obj") for c in children_of(verb)) and any(
        c.dep_ == "nsubj" for c in children_of(verb))


def stray_agents(head: Token) -> list[Token]:
    """The objects of a 'by' phrase the parser hung on a noun of the head's own prepositional
    phrases rather than on the head ("sanctions were imposed on officials by the Treasury",
    "the destruction of villages by militias", "recognised as a state by X", "accused of
    harbouring rebels by Kenya"): the doer of a passive verb or of an event noun that has no agent of its own. Two
    phrase levels deep at most, never into a clause below the head ("officials appointed by X"
    is another act) other than a gerund that shares the head's subject, and never a date ("by
    Friday")."""
    # an adverb heading a phrase counts as one ("sent back to Niamey by Chad": 'back' -> 'to')
    stack = [(c, 0) for c in children_of(head) if c.dep_ in ("prep", "agent", "appos") or (
        c.dep_ == "advmod" and c.i > head.i and any(g.dep_ == "prep" for g in children_of(c)))]
    while stack:
        tok, level = stack.pop(0)
        if tok.dep_ in ("prep", "agent") and tok.lower_ == "by":
            found = [p for p in children_of(tok) if p.dep_ == "pobj" and p.ent_type_ not in TIME_ENTITIES
                     and not bulk_count(p)]
            if found:
                return found
            continue
        if level >= 2:
            continue
        for c in children_of(tok):
            if (c.dep_ in ("pobj", "appos", "conj") or _active_gerund(c)) and tok.dep_ in ("prep", "appos"):
                stack.append((c, level + 1))
            elif c.dep_ in ("prep", "agent") and tok.dep_ in ("pobj", "appos", "conj", "advmod", "pcomp"):
                stack.append((c, level))
    return []


def _active_gerund(word: Token) -> bool:
    """A gerund after a preposition ("accused OF HARBOURING rebels by Kenya"): its doer is the
    subject it shares with the verb above, so a 'by' phrase the parser hangs on it is that
    verb's agent; a passive gerund ("of being attacked by X") has an agent of its own."""
    return word.dep_ == "pcomp" and word.tag_ == "VBG" and not any(
        c.dep_ == "auxpass" for c in children_of(word))


# Prepositions by which an event noun names its doer when the clause's subject undergoes it:
# "came under fire FROM Y" and, as often, "came under attack BY Y", "drew criticism BY Y".
UNDERGONE_DOER_PREPS = ("from", "by")


def undergoer_verb(noun: Token) -> Token | None:
    """The verb whose subject undergoes the act an event noun names: when the noun names its
    doer with 'from' or 'by' ("X faced criticism FROM Y", "X came under attack BY Y"), the act
    is Y's, done to X; a verb of living through an act ("X SURVIVED an assassination attempt",
    "came under fire") makes its subject the target whether or not the noun names a doer.
    None for any other noun."""
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in SURVIVING_VERBS:
        return head
    under = noun.dep_ == "pobj" and head.lower_ == "under" and head.dep_ == "prep"
    if under and head.head.lemma_.lower() in UNDERGOING_VERBS:
        return head.head  # "came under attack (by Y)", "came under heavy shelling"
    if not any(c.dep_ == "prep" and c.lower_ in UNDERGONE_DOER_PREPS for c in children_of(noun)):
        return None
    if noun.dep_ == "dobj" and head.lemma_.lower() in INVERSE_VERBS:
        return head
    if under:
        verb = head.head
        if verb.lemma_.lower() in SUBJECTING_VERBS and any(c.dep_ == "auxpass" for c in children_of(verb)):
            return verb  # "was placed under sanctions by Y"
    return None


def passive_undergoers(verb: Token) -> list[Token]:
    """Who undergoes the act of a passive undergoer verb ("X and Y were placed under sanctions
    by Z"): its passive subject, each of a coordination; [] for an active verb, whose subject
    the caller finds as any doer's."""
    for c in children_of(verb):
        if c.dep_ == "nsubjpass":
            return [c, *(d for d in c.conjuncts if d.i > c.i)]
    return []


def told_with(verb: Token) -> list[Token]:
    """The triggers of the acts a violent act reported without a doer was part of, nearest
    first: a 'when', 'as' or 'after' clause below it ("two soldiers were killed when rebels
    ambushed their convoy"), the clause it is coordinated with ("rebels attacked the town, and
    two soldiers were killed"; also past the speaker of "..., and residents said a hospital was
    destroyed"), and the act on the place or event a 'where' or 'in which' clause describes
    ("troops raided the camp, where two men were killed"). Whose act each is, the caller asks."""
    out = [c for c in children_of(verb) if c.dep_ == "advcl" and c.pos_ == "VERB" and any(
        m.dep_ in ("mark", "advmod") and m.lower_ in CIRCUMSTANCE_MARKS for m in children_of(c))]
    node = verb
    if node.dep_ == "ccomp" and node.head.lemma_.lower() in SPEECH_VERBS:
        node = node.head
    if node.dep_ == "conj" and node.head.pos_ == "VERB":
        out.append(node.head)
    if verb.dep_ == "relcl" and any(c.lower_ == "where" or (c.dep_ == "prep" and c.lower_ in ("in", "during") and any(
            p.lower_ == "which" for p in children_of(c))) for c in children_of(verb)):
        place = verb.head
        out.append(place)  # "an attack by rebels in which five died": the event noun itself
        if place.dep_ == "dobj":
            out.append(place.head)  # "raided the camp, where ..."
        elif place.dep_ == "pobj" and place.head.dep_ == "prep":
            out.append(place.head.head)  # "fired on a market in the town, where ..."
    return out


def is_to_infinitive(verb: Token) -> bool:
    return ("aux", "to") in {(c.dep_, c.lower_) for c in children_of(verb)}


# What a speaker goes on to do after reporting something: speak again, appeal, warn, blame.
_SPEAKER_ACTS = SPEECH_VERBS | {
    "urge", "ask", "call", "appeal", "press", "demand", "warn", "accuse", "condemn", "deny", "reject",
    "vow", "pledge", "threaten", "promise", "welcome", "praise", "criticise", "criticize", "blame",
}


def _speakers_next_act(verb: Token, head: Token) -> bool:
    """Whether ``verb``, a conjunct of ``head``, continues the clause of the speech verb above
    ``head`` rather than ``head``'s reported clause: a speaking or appealing verb after a comma,
    with no auxiliary of its own and in the speech verb's tense, while the reported clause has
    its own ("said Ukraine HAD violated the truce, and CALLED on Kiev to stop")."""
    speech = head.head
    if head.dep_ != "ccomp" or speech.i == head.i or speech.lemma_.lower() not in SPEECH_VERBS:
        return False
    if verb.lemma_.lower() not in _SPEAKER_ACTS or verb.tag_ != speech.tag_:
        return False
    if any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in children_of(verb)):
        return False
    return any(c.dep_ == "aux" for c in children_of(head)) and any(
        c.text == "," for c in children_of(head) if c.i < verb.i)


# What the tagger makes of a name it misreads before its verb: "Turkey blocked access to X" (a
# bare noun of time, like "Monday blocked"), "Zelensky on Monday condemned" (an adverb or an
# interjection).
_MISREAD_SUBJECT_DEPS = frozenset({"npadvmod", "advmod", "intj", "dep"})
# What may stand just before the start of a clause's subject: nothing, a comma, 'and', 'that'.
_CLAUSE_OPENERS = frozenset({"punct", "cc", "mark"})


def misread_subject(verb: Token) -> Token | None:
    """The capitalised word opening a finite verb's clause that the tagger hung on the verb as
    an adverb, a bare noun of time or an interjection, when the verb has no subject of its own:
    the verb's subject all the same ("Turkey blocked access to Wikipedia", "Chad on Tuesday
    blocked Facebook"). Whether it names an actor the caller asks; a date never does."""
    if verb.pos_ not in ("VERB", "AUX") or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    first = next(iter(verb.lefts), None)
    if first is None or first.dep_ not in _MISREAD_SUBJECT_DEPS or not first.text[:1].isupper():
        return None
    if first.ent_type_ in TIME_ENTITIES or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in children_of(verb)):
        return None
    start = first.left_edge
    before = start.nbor(-1) if start.i > start.sent.start else None
    if before is not None and before.dep_ not in _CLAUSE_OPENERS and before.i != verb.head.i:
        return None  # "on Monday Turkey..." is a phrase; a word inside a clause is no opener
    return first


class Subjects:
    """The doers of the clauses of one parsed article."""

    def __init__(self, mentions: Mentions) -> None:
        self.mentions = mentions

    def subjects(self, verb: Token, depth: int = 0) -> tuple[list[Token], bool]:
        """(subject heads, passive) of a verb, following conjunction, raising and control.

        The doer of the event, for its source actor. events/violence.py keeps its own
        ``_subject`` on purpose: it picks a violent code from the word in the verb's own subject
        slot (a weapon, an attacker, the police), reading the parse alone, while this walks the
        sentence to whoever does the act and asks the article's actors on the way."""
        if reduced_relative(verb):
            # "sent back soldiers captured in the fighting": the soldiers were captured, by
            # whoever 'by' names, else by no one the sentence names
            return agents(verb) or by_phrase(verb), True
        if reduced_passive(verb):
            # "weapons supplied to Ukraine by Germany arrived", the participle parsed as the
            # subject's finite verb: the 'by' agent is the doer, the subject what it acted on
            return agents(verb), True
        for c in children_of(verb):
            if c.dep_ in ("nsubj", "csubj"):
                described = described_noun(verb, ("csubj",)) if c.dep_ == "csubj" else None
                return self._relative(described or c), False  # "soldiers captured in X fled"
        for c in children_of(verb):
            if c.dep_ == "nsubjpass":
                return self._passive(verb, c)
        if (described := described_noun(verb, ("csubjpass",))) is not None:
            return self._passive(verb, described)  # "soldiers captured in X were freed by Y"
        if (misread := misread_subject(verb)) is not None and self.mentions.actor(misread, as_source=True):
            return [misread], False
        if depth > 3:
            return [], False
        head = verb.head
        if verb.dep_ == "conj":
            return self._conjunct(verb, head, depth)
        if (verb.tag_ == "VBN" or (verb.dep_ == "acl" and agents(verb))) and verb.dep_ in ("advcl", "xcomp", "acl") and not any(
            c.dep_ in ("aux", "auxpass") for c in children_of(verb)
        ):
            doers = agents(verb) or [p for p in stray_agents(verb) if self.mentions.actor(p, as_source=True)]
            if not doers and verb.dep_ == "acl":
                # "the truce agreed between Israel and Hamas": its parties agreed it
                doers = [p for c in children_of(verb) if c.dep_ == "prep" and c.lower_ == "between"
                         for p in children_of(c) if p.dep_ == "pobj"]
            return doers, True  # "civilians threatened with starvation": no subject
        if verb.dep_ in ("xcomp", "advcl", "acomp") and head.pos_ in ("VERB", "AUX", "ADJ"):
            if head.lemma_.lower() in OBJECT_CONTROL and verb.dep_ == "xcomp":
                controller = self.addressee(head)
                if controller is not None:
                    return [controller], False
                if any(c.dep_ in ("dobj", "dative") for c in children_of(head)):
                    # "urged both sides to stop fighting": the addressee does the act even when
                    # no actor is resolved for it; the urger never does
                    return [], False
            return self.subjects(head, depth + 1)
        if verb.dep_ == "pcomp":
            return self._gerund(verb, head, depth)
        if verb.dep_ == "relcl" and verb.tag_ == "VBN":
            return agents(verb), True
        if verb.dep_ == "acl":
            return self._clause_of_noun(verb, head, depth)
        return [], False

    def _passive(self, verb: Token, patient: Token) -> tuple[list[Token], bool]:
        """A passive verb's doers: its agent, a stray 'by' phrase naming an actor, or the patient
        itself for a verb whose passive is active in sense or a raising verb."""
        doers = agents(verb)
        if doers:
            return doers, True
        stray = [p for p in stray_agents(verb) if self.mentions.actor(p, as_source=True) is not None]
        if stray:
            return stray, True
        if verb.lemma_.lower() in ACTIVE_PASSIVES:
            return self._relative(patient), False
        if verb.lemma_.lower() in RAISING and any(x.dep_ == "xcomp" for x in children_of(verb)):
            return self._relative(patient), False
        return [], True

    def _conjunct(self, verb: Token, head: Token, depth: int) -> tuple[list[Token], bool]:
        """A coordinated verb without a subject of its own: the subject of the verb it is
        coordinated with, or of the clause it continues."""
        # "X visited Mali since the army overthrew Y, and also paid a trip to Niger": after
        # ", and" the conjunct belongs with the main clause, not with the 'since' clause
        if head.dep_ == "advcl" and any(c.dep_ == "mark" for c in children_of(head)) and any(
            c.text == "," for c in children_of(head) if c.i < verb.i
        ):
            return self.subjects(head.head, depth + 1)
        if _speakers_next_act(verb, head):
            # "X said Y had violated the truce, and called on Z to ...": the second act, in
            # the speech verb's tense and after a comma, is the speaker's, not Y's
            return self.subjects(head.head, depth + 1)
        own_passive = any(c.dep_ == "auxpass" for c in children_of(verb)) or (verb.tag_ == "VBN" and any(
            c.dep_ == "auxpass" for c in children_of(head)))
        patients = [c for c in children_of(head) if c.dep_ == "nsubjpass"]
        if not patients and reduced_passive(head):
            # "weapons supplied by Germany arrived": what the participle's subject did next
            patients = [c for c in children_of(head) if c.dep_ == "nsubj"]
        if patients and not own_passive:
            return self._relative(patients[0]), False  # "X was indicted and will resign"
        return self.subjects(head, depth + 1)

    def _gerund(self, verb: Token, head: Token, depth: int) -> tuple[list[Token], bool]:
        """The subject of a verb that is a preposition's complement, mostly a gerund: that of the
        clause or the role the preposition belongs to."""
        if head.dep_ == "prep" and head.head.lemma_.lower() in GUILT_WORDS:
            return self.subjects(head.head.head, depth + 1)  # "X is guilty of violating": X
        if (verb.tag_ == "VBG" and head.dep_ == "prep"
                and head.lower_ in ADVERBIAL_GERUND_PREPS and head.head.pos_ in ("VERB", "AUX")):
            # "X signed the deal after meeting Y": the clause's subject does the gerund too
            return self.subjects(head.head, depth + 1)
        if verb.tag_ == "VBG" and head.dep_ == "prep" and head.lower_ == "in":
            role = head.head  # "X played a key role in brokering", "X was instrumental in mediating"
            if role.lemma_.lower() in ROLE_NOUNS and role.pos_ == "NOUN":
                owner = next((c for c in children_of(role) if c.dep_ == "poss"), None)
                if owner is not None:
                    return [owner], False
                if role.dep_ == "dobj" and role.head.pos_ in ("VERB", "AUX"):
                    return self.subjects(role.head, depth + 1)
            if role.lower_ in ROLE_ADJECTIVES and role.dep_ == "acomp" and role.head.pos_ in ("VERB", "AUX"):
                return self.subjects(role.head, depth + 1)
        return [], False

    def _clause_of_noun(self, verb: Token, head: Token, depth: int) -> tuple[list[Token], bool]:
        """The subject of a clause that modifies a noun (not a bare participle, which
        ``subjects`` reads as a passive): a message's author, the actor a headline's participle
        describes, the owner of a plan, or the noun an infinitive hangs on."""
        if (head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() in MESSAGE_NOUNS
                and self.mentions.actor(head) is None and (verb.tag_ == "VBG" or is_to_infinitive(verb))):
            # "issued a statement calling for talks", "said in a letter urging X to withdraw"
            return self._author(head, depth)
        if (verb.tag_ == "VBG" and head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN")
                and self.mentions.actor(head) is not None):
            # a headline fragment, "Kenyan troops battling al Shabaab near Kismayo": the
            # participle is the report, done by the actor it modifies
            return [head], False
        if head.pos_ in ("NOUN", "PROPN") and is_to_infinitive(verb):
            if head.lemma_.lower() in INTENT_NOUNS and self.mentions.actor(head) is None:
                # "rebels announced plans to attack", "Iran's bid to enrich": the one whose plan
                # it is (the possessor, else the subject of the verb that has the plan)
                owner = next((c for c in children_of(head) if c.dep_ == "poss"), None)
                if owner is not None:
                    return [owner], False
                # "foiled a Russian plot to kill X": a nationality before the noun owns it
                owner = next((c for c in children_of(head) if c.dep_ in ("amod", "compound") and c.i < head.i
                              and c.ent_type_ in ("NORP", "GPE") and self.mentions.actor(c, as_source=True)), None)
                if owner is not None:
                    return [owner], False
                if head.dep_ == "dobj" and head.head.i != head.i and head.head.lemma_.lower() not in THWARTING_VERBS:
                    return self.subjects(head.head, depth + 1)
                return [], False  # "police foiled a plot to bomb X": whoever foils it did not plot it
            # "called on X to withdraw" parsed with the infinitive under X: X is its subject
            return [head], False
        return [], False


    def participants(self, noun: Token) -> list[Token]:
        """Who take part in the act an event noun names: the subjects of "took part in",
        "participated in", "engaged in", "were involved in" ("Egyptian troops took part in the
        assault": the troops). Not of a taking part that is denied, refused or only to come
        ("did not take part", "refused to take part", "will take part"): that is no report that
        the act was theirs."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.dep_ != "prep":
            return []
        verb = prep.head
        if verb.lemma_.lower() == "part" and verb.dep_ == "dobj":
            verb = verb.head  # "took part | in", the phrase hung on 'part'
        lemma = verb.lemma_.lower()
        if not (lemma in PARTICIPATING_VERBS or (lemma == "take" and any(
                c.dep_ == "dobj" and c.lemma_.lower() == "part" for c in children_of(verb)))):
            return []
        if verb.dep_ == "xcomp" or any(c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") for c in children_of(verb)):
            return []
        subjects, _ = self.subjects(verb)
        return subjects

    def _author(self, message: Token, depth: int) -> tuple[list[Token], bool]:
        """Who a message is by: its possessor ("Iran's statement"), its 'by' or 'from' phrase
        ("a letter from X"), else the subject of the verb that has it, as its object ("X issued
        a statement") or through a preposition ("X said in a letter")."""
        for c in children_of(message):
            if c.dep_ == "poss":
                return [c], False
        for c in children_of(message):
            if c.dep_ == "prep" and c.lower_ in ("by", "from"):
                found = [p for p in children_of(c) if p.dep_ == "pobj"]
                if found:
                    return found, False
        verb = message.head
        if message.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in ("in", "through", "via"):
            verb = verb.head  # "X said in a statement", "X wrote in a letter"
        elif message.dep_ not in ("dobj", "nsubjpass") or verb.lemma_.lower() not in AUTHORING_VERBS:
            # "X rejected a statement accusing it": whoever reacts to a message did not write it
            return [], False
        if verb.i == message.i or verb.pos_ not in ("VERB", "AUX"):
            return [], False
        if message.dep_ == "nsubjpass":  # "a statement was issued by X"
            return agents(verb), False
        return self.subjects(verb, depth + 1)

    @staticmethod
    def _relative(token: Token) -> list[Token]:
        """'countries that signed': the relative pronoun stands for the noun it modifies."""
        if token.lower_ in ("that", "which", "who") and token.head.dep_ == "relcl":
            return [token.head.head]
        return [token]

    def addressee(self, verb: Token) -> Token | None:
        """Whom a request is made of: 'urged X', 'called on X', 'appealed to X', 'pressed X'."""
        for c in children_of(verb):
            if c.dep_ in ("dobj", "dative") and (c.pos_ in ("PROPN", "PRON") or self.mentions.actor(c)):
                return c
        for c in children_of(verb):
            if c.dep_ == "prep" and c.lower_ in ("on", "upon", "to"):
                for p in children_of(c):
                    if p.dep_ == "pobj" and p.ent_type_ not in TIME_ENTITIES:
                        return p
        return None

    def speech_head(self, token: Token) -> Token | None:
        """The speech verb whose complement holds ``token`` ('X said [it would ...]')."""
        node = token
        for _ in range(10):
            if node.head.i == node.i:
                return None
            if node.dep_ in ("ccomp", "parataxis") and node.head.lemma_.lower() in SPEECH_VERBS:
                return node.head
            if node.dep_ not in ("conj", "xcomp", "ccomp", "advcl", "parataxis", "aux", "neg",
                                 "dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr", "acomp"):
                return None
            node = node.head
        return None

