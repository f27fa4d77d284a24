"""Arguments: the tokens that head an event's sources and targets, by the kind of match.

``Arguments`` decides where to look for each kind of trigger: the subject of a verb, the owner
or 'by' phrase of an event noun, the subject of a copula for a reported "X is a partner", the
addressee or the complement's targets of a frame ("urged X to withdraw"), the object an event
noun's light verb takes, and the object a verb shares with the verb coordinated with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyadwatch.actors.resolve import coordinated
from dyadwatch.events.crowds import opposed_by_happening
from dyadwatch.events.culprits import charged_doers, is_accusation
from dyadwatch.events.match import PROTEST_ROOT
from dyadwatch.events.modality import occurring
from dyadwatch.events.objects import for_subject
from dyadwatch.events.pairs import paired_names
from dyadwatch.events.recipients import acted_on_subject, appealed_to
from dyadwatch.events.references import Antecedents
from dyadwatch.events.subjects import UNDERGONE_DOER_PREPS, passive_undergoers, undergoer_verb
from dyadwatch.knowledge.words import (
    INVERSE_VERBS,
    PLACE_NAMED_ROOTS,
    SETTING_NOUN_PREPS,
    THIRD_PARTY,
)

# Codes of taking something by force (CAMEO 171 seize or damage property, 1711 confiscate; 192
# occupy territory): a 'from' phrase names whom it is taken from.
HOST_CODE = "043"  # host a visit: the host is the source, the guests the target
TAKING_CODES = ("171", "192")
# CAMEO's denial (016): a refusal of an accusation, made to whoever accused.
DENIAL = "016"
# Sectors of officials, who report what was done to others rather than to themselves.
OFFICIAL_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "SPY", "LEG"})
# Verbs of asking or telling someone to act, whose passive subject is the one asked ("X was urged
# to ...", "X was told to leave", "X was warned to stop").
PASSIVE_ASKED = frozenset({
    "urge", "press", "ask", "call", "encourage", "request", "pressure", "push", "advise", "invite",
    "warn", "tell", "order", "instruct", "exhort", "implore", "beg", "lobby", "persuade", "appeal",
})

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dyadwatch.actors.resolve import ArticleActors
    from dyadwatch.events.clauses import Clauses
    from dyadwatch.events.match import Match


class Arguments:
    """Source and target heads of the matches of one parsed article."""

    def __init__(self, actors: ArticleActors, clauses: Clauses) -> None:
        self.actors = actors
        self.clauses = clauses
        self.references = Antecedents(actors.doc, clauses.actor, lambda word: self.actors.knowledge.role(word))

    def _parties_of(self, heads: list[Token]) -> list[Token]:
        """Heads with each word for several parties named before replaced by their mentions:
        "the pair met" after "X and Y were in Brussels" (X, standing for X and Y), "urged THEM"
        after "hosted Israeli and Hamas negotiators" (the negotiators, of both). A word for one
        party keeps its place: the mentions stage resolves it where it stands."""
        out: list[Token] = []
        for head in heads:
            kind = self.references.referring(head)
            back = self.references.of(head) if kind in ("pair", "plural") else []
            if kind == "plural" and (head.dep_ in ("nsubj", "nsubjpass") or len(back) != 1
                                     or len(coordinated(back[0])) < 2):
                back = []  # a subject 'they' is the speaker's in reported speech: see Mentions
            out.extend(back or [head])
        return out

    def source_heads(self, match: Match) -> list[Token]:
        return self._parties_of(self._source_heads(match))

    def _source_heads(self, match: Match) -> list[Token]:
        if match.pattern.kind == "noun" and match.noun is None:
            found = self.noun_sources(match)  # "the Minsk agreements", "the Mali coup": places
            if not found:
                found = self._setting_doers(match.trigger)
            return found
        giver = received_from(match)
        if giver is not None:  # "X received a call FROM Y": Y called
            return [giver]
        subjects, _ = self.clauses.subjects(match.trigger)
        if not subjects and event_gerund(match.trigger):
            # "Fighting between the army and rebels killed 12": a gerund that is its clause's
            # subject names an act like an event noun, and takes its parties as a noun does
            return [t for t in self.noun_sources(match) if self.clauses.actor(t, as_source=True) is not None]
        return subjects

    def noun_sources(self, match: Match) -> list[Token]:
        """The parties an event noun (or a gerund standing for one) names: its owner, its 'by'
        or 'between' phrase, or the country names before it; a place named before the noun of
        a meeting or an attack is where it happened ("the Minsk talks"), unless two names joined
        by a hyphen name its two sides ("India-Pakistan clashes")."""
        found = self.clauses.noun_sources(match.trigger) or _between_on_its_verb(match.trigger)
        if match.code[:2] in PLACE_NAMED_ROOTS and not (len(found) == 2 and paired_names(found)):
            found = [t for t in found if not (t.ent_type_ == "GPE" and t.dep_ == "compound")]
        return found

    def target_heads(self, match: Match) -> list[Token]:
        return self._parties_of(self._plain_target_heads(match))

    def _plain_target_heads(self, match: Match) -> list[Token]:
        heads = self._target_heads(match)
        if not heads and match.obj is not None and match.obj.lower_ == "them" and match.obj.dep_ == "dobj":
            heads = [match.obj]  # "beat them with sticks": the pattern looks for its target elsewhere
        if any(h.lower_ == "them" for h in heads):
            speakers = self._reporters(match.trigger)
            if speakers:  # "villagers said the police threatened THEM": the villagers
                heads = [t for h in heads for t in (speakers if h.lower_ == "them" else [h])]
        return heads

    def _reporters(self, trigger: Token) -> list[Token]:
        """Whom 'them' stands for in the reported act ``trigger``: the plural subject of the
        speech verb that reports it ("journalists said soldiers beat THEM", "villagers say the
        militants threatened to burn THEM out"), when the act's own doer is named and is someone
        else; 'them' cannot be the doer (that would be 'themselves'), and a report about others
        names them ("said it would punish them": 'it' is the speaker, so 'them' is not)."""
        speech = self.clauses.speech_head(trigger)
        if speech is None:
            return []
        reporters, _ = self.clauses.subjects(speech)
        doers, _ = self.clauses.subjects(trigger)
        if not reporters or not doers or reporters[0].pos_ == "PRON":
            return []
        if any(d.pos_ == "PRON" or d.i == reporters[0].i for d in doers):
            return []
        plural = reporters[0].tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in reporters[0].children)
        reporter = self.clauses.actor(reporters[0]) if plural else None
        if reporter is None or reporter.kind in ("state", "igo") or reporter.sector in OFFICIAL_SECTORS:
            # "officials said gunmen had held them": officials mostly report what was done to
            # others, named before; witnesses and victims report what was done to them
            return []
        return reporters[:1]

    def _target_heads(self, match: Match) -> list[Token]:
        trigger, pattern = match.trigger, match.pattern
        if pattern.kind == "copula":
            return [c for c in trigger.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if pattern.kind == "frame":
            return self._frame_targets(match)
        if match.noun is not None and pattern.kind == "noun":  # light verb + event noun
            found = self.clauses.noun_targets(match.noun, pattern.preps)
            if found:
                return found
            return self.clauses.targets(trigger, None, pattern.preps, frozenset({"-"}))
        if pattern.kind == "noun":
            verb = undergoer_verb(trigger)
            if verb is not None:  # "X faced criticism from Y", "X came under fire from Y": X
                undergoers = passive_undergoers(verb) or self.clauses.subjects(verb)[0]
                if undergoers:
                    return undergoers
            found = self.clauses.noun_targets(trigger, tuple(
                p for p in pattern.preps if verb is None or p not in UNDERGONE_DOER_PREPS))
            return found or (opposed_by_happening(trigger) if match.code[:2] == PROTEST_ROOT else [])
        if received_from(match) is not None:  # "X received a call from Y": X was called
            return self.clauses.subjects(trigger)[0]
        if match.code[:3] in TAKING_CODES and (losers := self._from_party(trigger, match.obj)):
            return losers
        found = acted_on_subject(match, self.clauses.actor) or self.clauses.targets(
            trigger, match.obj, pattern.preps, pattern.objects)
        if not found and is_accusation(match.code) and "(clause)" in pattern.objects:
            found = charged_doers(trigger)  # "charged that Ethiopian SOLDIERS had executed civilians"
        if not found and match.obj is None and not pattern.objects:
            shared = self.clauses.shared_object(trigger)  # "rammed and boarded X": X for both
            if shared is not None:
                found = self.clauses.targets(trigger, shared, pattern.preps, pattern.objects)
        if not found and match.obj is None:
            for c in trigger.children:  # "attempted to assassinate X": the infinitive's object
                if c.dep_ == "xcomp" and c.lemma_.lower() in pattern.objects:
                    found = self.clauses.targets(c, self.clauses.direct_object(c), ("dobj",), frozenset())
        if not found and match.obj is None and _described_by_doer(trigger):
            # "troops freed schoolgirls ABDUCTED by Boko Haram", "civilians KILLED by soldiers":
            # a participle with its doer describes the noun it was done to
            found = [trigger.head] if self.clauses.actor(trigger.head) is not None else []
        return found

    def _setting_doers(self, noun: Token) -> list[Token]:
        """'X signed the accord after talks with Y', 'X spoke during a visit to Y': an event noun
        that sets the time of its clause and names a counterpart ('with', 'to') is the doing of
        the clause's subject. Without a counterpart the noun may be anyone's ("after the talks",
        "during the attack"), and an 'on' or 'against' act ("vowed revenge after an attack on X")
        is someone else's."""
        prep = noun.head
        if (noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in SETTING_NOUN_PREPS
                or prep.head.pos_ not in ("VERB", "AUX") or prep.head.i == prep.i):
            return []
        if not any(c.dep_ == "prep" and c.lower_ in ("with", "to") for c in noun.children):
            return []
        subjects, passive = self.clauses.subjects(prep.head)
        return [] if passive else subjects

    def _frame_targets(self, match: Match) -> list[Token]:
        frame = match.trigger
        addressee = self.clauses.addressee(frame) or self._asked_subject(frame)
        if match.inner is not None:
            inner_targets = self.target_heads(match.inner)
        else:  # "threatened to cut off electricity to X": the uncoded complement's objects
            inner_targets = [t for c in frame.children if c.dep_ == "xcomp" and _infinitive(c)
                             for t in self.clauses.targets(c, self.clauses.direct_object(c),
                                                           ("to", "against", "on", "with"), frozenset())]
        inner_targets = [t for t in inner_targets if self.clauses.actor(t) is not None]
        owner = self._owner(match.obj) if match.obj is not None and match.pattern.family == "refuse" else []
        if owner and match.inner is not None and match.code == match.base and (
                not inner_targets or match.code == DENIAL):
            # "dismissed X's accusations" (016): X, who made them; whom the accusation names
            # ("X's accusations of supporting MILITANTS", "... against its troops") is the
            # charge or the denier's own side, not whom the denial answers
            return owner
        if match.inner is not None and match.code == match.base:
            # an enacted order: its targets are the act's, else whom the order is given
            if not inner_targets and addressee is not None and self.actors.resolve(addressee):
                return [addressee]
            return inner_targets
        if owner:
            return owner
        if match.code in THIRD_PARTY and inner_targets:
            return inner_targets
        if match.pattern.family in ("appeal", "demand"):
            sent_to = [addressee] if addressee is not None else appealed_to(frame, self.clauses.actor)
            if sent_to:
                return sent_to
            if self._unnamed_asked(frame):
                return []  # "urged allies to send air defences": asked of no one named
            asked = self._from_party(frame, match.obj) or self._asked_to(frame)
            if asked:
                return asked
            clause = match.inner.trigger if match.inner is not None else next(
                (c for c in frame.children if c.dep_ == "ccomp" and _a_clause(c)), None)
            if clause is not None and clause.dep_ == "ccomp":  # "demanded that X withdraw"
                subjects, _ = self.clauses.subjects(clause)
                if clause.pos_ not in ("VERB", "AUX"):  # "that Pakistan HAND over ...": see _a_clause
                    subjects = subjects or _named_before(clause)
                if subjects and self.clauses.actor(subjects[0]) is not None:
                    return subjects
            return inner_targets
        if inner_targets:
            return inner_targets
        return [addressee] if addressee is not None else []

    def _unnamed_asked(self, frame: Token) -> bool:
        """Whether an appeal names whom it asks to act, as no actor: "urged ALLIES to send air
        defence systems", "called on PARTNERS to deliver shells", "appealed to DONORS to send
        helicopters". The target is whom the appeal is made to (the codebook's 02 note), not
        what it asks to be sent, nor where."""
        verbs = [c for c in frame.children if c.dep_ in ("xcomp", "advcl") and _infinitive(c)]
        if not verbs:
            return False
        asked = [c for c in frame.children if c.dep_ == "dobj" and c.i < verbs[0].i] + [
            p for c in frame.children if c.dep_ == "prep" and c.lower_ in ("on", "upon", "to") and c.i < verbs[0].i
            for p in c.children if p.dep_ == "pobj"]
        return any(a.pos_ == "NOUN" and self.clauses.actor(a) is None for a in asked)

    def _asked_subject(self, frame: Token) -> Token | None:
        """Whom a passive request is made of: its subject ("SERBIA was urged by the EU to
        recognise Kosovo": Serbia, not Kosovo), when that is an actor ("restraint was urged" is
        what is asked for)."""
        if frame.lemma_.lower() not in PASSIVE_ASKED:
            return None
        return next((c for c in frame.children if c.dep_ == "nsubjpass" and self.clauses.actor(c) is not None), None)

    def _owner(self, obj: Token) -> list[Token]:
        """Whose offer, request or claim a refusal answers: "rejected an offer FROM X", "a
        request BY X", "X'S accusations" (not "its": the doer's own)."""
        for c in obj.children:
            if c.dep_ == "poss" and c.pos_ != "PRON" and self.clauses.actor(c):
                return [c]
            if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
                found = [p for p in c.children if p.dep_ == "pobj" and self.clauses.actor(p)]
                if found:
                    return found
        return []

    def _from_party(self, verb: Token, obj: Token | None) -> list[Token]:
        """The actors of a 'from' phrase of ``verb`` or its object: whom something is asked of
        ('sought an apology FROM X', 'asked for help FROM X'), and whom a thing or a place is
        taken from ('recaptured the village FROM Russian troops', 'seized weapons FROM the
        rebels'), which is whom the taking acts on, not the place taken."""
        for head in [verb] + ([obj] if obj is not None else []):
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ == "from":
                    found = [p for p in c.children if p.dep_ == "pobj" and self.clauses.actor(p) is not None]
                    if found:
                        return found
        return []

    def _asked_to(self, frame: Token) -> list[Token]:
        """'called for ISRAEL to withdraw', 'pressed for IRAN to return to the talks': the
        subject of a 'for X to do Y' clause is whom the appeal asks to act. A common noun as the
        subject of a passive ("called for troops to be sent") is what is asked for, not whom."""
        for c in frame.children:
            subject = for_subject(c) if c.i > frame.i else None
            if subject is None or (subject.dep_ == "nsubjpass" and subject.pos_ != "PROPN"):
                continue
            if self.clauses.actor(subject) is not None:
                return [subject]
        return []


def received_from(match: Match) -> Token | None:
    """'X RECEIVED a call FROM Y', 'X got a visit from Y': a verb of undergoing whose object is
    the act its pattern names, done by the object's 'from' phrase; the act is Y's, done to the
    subject, as for an event noun (``undergoer_verb``). None for any other match, and for a
    host's guests (043: "Xi received a delegation FROM Ghana"), whose 'from' is where they came
    from."""
    obj = match.obj
    if (match.pattern.kind != "verb" or obj is None or obj.dep_ != "dobj"
            or match.trigger.lemma_.lower() not in INVERSE_VERBS or match.code == HOST_CODE
            or not {obj.lemma_.lower(), obj.lower_} & match.pattern.objects):
        return None
    return next((p for c in obj.children if c.dep_ == "prep" and c.lower_ == "from"
                 for p in c.children if p.dep_ == "pobj"), None)


def _described_by_doer(verb: Token) -> bool:
    """A past participle describing a noun, with its 'by' doer ("hostages held by Hamas")."""
    return (verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") and verb.head.pos_ in ("NOUN", "PROPN")
            and any(c.dep_ == "agent" for c in verb.children))


def _infinitive(token: Token) -> bool:
    """A verb complement: a verb, or a to-infinitive the tagger read as a noun because the word
    is also one ("threatened to JAIL critics", "vowed to SHELL the town", "refused to BAN the
    party"): 'to' as its auxiliary marks it as a verb whatever its tag."""
    return token.pos_ == "VERB" or (token.pos_ == "NOUN" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children))


def event_gerund(verb: Token) -> bool:
    """A gerund that is the subject of its clause and has no subject of its own: it names an act
    the way an event noun does ("FIGHTING between X and Y killed 12", "SHELLING of the town
    left ten dead")."""
    return verb.tag_ == "VBG" and verb.dep_ in ("nsubj", "nsubjpass", "csubj") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj", "aux") for c in verb.children)


def _between_on_its_verb(noun: Token) -> list[Token]:
    """"Fighting broke out BETWEEN X and Y", "clashes erupted between X and Y": the parser
    hangs the sides on the verb of taking place whose subject the event noun is."""
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or verb.i == noun.i or not occurring(verb):
        return []
    return [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "between"
            for p in c.children if p.dep_ == "pobj"]  # fmt: skip


def _a_clause(token: Token) -> bool:
    """A verb, or a that-clause whose verb the tagger took for a noun ("demanded that Pakistan
    HAND over the suspects", "that Venezuela free jailed FIGURES": parsed as noun phrases)."""
    return token.pos_ in ("VERB", "AUX") or any(c.dep_ in ("nsubj", "mark") for c in token.children)


def _named_before(clause: Token) -> list[Token]:
    """The name a misparsed that-clause opens with, its subject ("that PAKISTAN hand over")."""
    first = min(clause.subtree, key=lambda t: t.i)
    words = [t for t in clause.subtree if t.i > first.i and t.dep_ != "det"]
    return [words[0]] if first.dep_ == "mark" and words and words[0].pos_ == "PROPN" else []
