"""Clauses: the arguments of an event trigger on the dependency parse.

Sources come from the subject, the passive agent ("attacked by gunmen"), the subject of a raising
verb ("X is expected to visit"), the controller of an infinitive ("urged X to withdraw": X), the
head a relative pronoun stands for, and the first conjunct of a coordinated verb. Targets come
from the direct object, the pattern's preposition ("met with", "sanctions on"), indirect objects
and, failing those, the first object of with/to/against/on. A mention that is no actor itself
may govern one ("a group of Liberians", "doctors from American aid groups", "Palestinian riots").
Pronouns in reported speech ("Egypt said it would ...") stand for the speaker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyadwatch.actors.resolve import ArticleActors
from dyadwatch.records import ActorKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from dyadwatch.records import Actor

SPEECH_VERBS = {
    "say", "add", "state", "tell", "note", "declare", "announce", "stress", "affirm", "insist",
    "explain", "write", "reiterate", "emphasize", "emphasise", "underline", "express", "indicate",
    "report", "claim", "confirm", "quote", "remark", "assert", "argue", "maintain", "point",
}
OBJECT_CONTROL = {"urge", "ask", "call", "allow", "force", "tell", "invite", "encourage",
                  "persuade", "press", "permit", "help", "request", "pressure", "push", "order",
                  "appeal", "implore", "beg", "instruct", "compel", "oblige", "convince", "want"}
# Passive verbs whose subject is the subject of their infinitive: "X is expected to visit".
RAISING = {"expect", "set", "schedule", "slate", "due", "suppose", "poise", "plan", "believe",
           "say", "report", "understand", "think", "likely", "certain", "sure", "reckon"}
DEFAULT_TARGET_PREPS = ("with", "to", "against", "on", "toward", "towards", "for")
CRISIS_NOUNS = {"crisis", "conflict", "war", "fighting", "standoff", "dispute", "unrest"}
# Words for the parts of a whole: "a group of Liberians" names the Liberians.
_GOVERNING_PREPS = ("of", "from", "at", "by")
# ... and for a target, also where and with whom: "official contact WITH the US", "targets IN X".
_TARGET_PREPS = (*_GOVERNING_PREPS, "with", "in")
_PRONOUN_FOR_SPEAKER = {"it", "they", "we", "us", "itself", "themselves"}
_REFLEXIVE = {"itself", "themselves", "himself", "herself", "oneself"}
_UNLISTED_KINDS: dict[str, ActorKind] = {"GPE": "state", "ORG": "organisation"}
_TIMES = frozenset({"DATE", "TIME"})  # entity types of a preposition that heads a date
# Adjectives whose gerund has the subject of 'be': "X is guilty of violating the truce".
GUILT_WORDS = {"guilty", "responsible", "culpable", "liable"}
# Passive verbs whose subject is the doer: "forces were engaged in ethnic cleansing".
ACTIVE_PASSIVES = {"engage", "involve", "implicate"}


class Clauses:
    """Argument finding for one parsed article."""

    def __init__(self, doc: Doc, actors: ArticleActors) -> None:
        self.doc = doc
        self.actors = actors
        # actor() results: a pure function of its arguments, asked again for every event
        self._actors: dict[tuple[int, Actor | None, bool, bool], Actor | None] = {}
        self._objects: dict[int, Token | None] = {}  # see direct_object

    # -- subjects -------------------------------------------------------------------------------

    def subjects(self, verb: Token, depth: int = 0) -> tuple[list[Token], bool]:
        """(subject heads, passive) of a verb, following conjunction, raising and control."""
        for c in verb.children:
            if c.dep_ in ("nsubj", "csubj"):
                return self._relative(c), False
        for c in verb.children:
            if c.dep_ == "nsubjpass":
                agents = self._agents(verb)
                if agents:
                    return agents, True
                if verb.lemma_.lower() in ACTIVE_PASSIVES:
                    return self._relative(c), False
                if verb.lemma_.lower() in RAISING and any(x.dep_ == "xcomp" for x in verb.children):
                    return self._relative(c), False
                return [], True
        if depth > 3:
            return [], False
        head = verb.head
        if verb.dep_ == "conj":
            # "X visited Mali since the army overthrew Y, and also paid a trip to Niger": after
            # ", and" the conjunct belongs with the main clause, not with the 'since' clause
            if head.dep_ == "advcl" and any(c.dep_ == "mark" for c in head.children) and any(
                c.text == "," for c in head.children if c.i < verb.i
            ):
                return self.subjects(head.head, depth + 1)
            own_passive = any(c.dep_ == "auxpass" for c in verb.children) or (verb.tag_ == "VBN" and any(
                c.dep_ == "auxpass" for c in head.children))
            patients = [c for c in head.children if c.dep_ == "nsubjpass"]
            if patients and not own_passive:
                return self._relative(patients[0]), False  # "X was indicted and will resign"
            return self.subjects(head, depth + 1)
        if verb.tag_ == "VBN" and verb.dep_ in ("advcl", "xcomp", "acl") and not any(
            c.dep_ in ("aux", "auxpass") for c in verb.children
        ):
            return self._agents(verb), True  # "civilians threatened with starvation": no subject
        if verb.dep_ in ("xcomp", "advcl", "acomp") and head.pos_ in ("VERB", "AUX", "ADJ"):
            if head.lemma_.lower() in OBJECT_CONTROL and verb.dep_ == "xcomp":
                controller = self.addressee(head)
                if controller is not None:
                    return [controller], False
            return self.subjects(head, depth + 1)
        if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.lemma_.lower() in GUILT_WORDS:
            return self.subjects(head.head.head, depth + 1)  # "X is guilty of violating": X
        if verb.dep_ == "relcl" and verb.tag_ == "VBN":
            return self._agents(verb), True
        if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN") and self.is_to_infinitive(verb):
            # "called on X to withdraw" parsed with the infinitive under X: X is its subject
            return [head], False
        return [], False

    def _agents(self, verb: Token) -> list[Token]:
        return [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]

    @staticmethod
    def is_to_infinitive(verb: Token) -> bool:
        return ("aux", "to") in {(c.dep_, c.lower_) for c in verb.children}

    @staticmethod
    def _relative(token: Token) -> list[Token]:
        """'countries that signed': the relative pronoun stands for the noun it modifies."""
        if token.lower_ in ("that", "which", "who") and token.head.dep_ == "relcl":
            return [token.head.head]
        return [token]

    def addressee(self, verb: Token) -> Token | None:
        """Whom a request is made of: 'urged X', 'called on X', 'appealed to X', 'pressed X'."""
        for c in verb.children:
            if c.dep_ in ("dobj", "dative") and (c.pos_ in ("PROPN", "PRON") or self.actor(c)):
                return c
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in ("on", "upon", "to"):
                for p in c.children:
                    if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME"):
                        return p
        return None

    # -- objects --------------------------------------------------------------------------------

    def direct_object(self, token: Token) -> Token | None:
        """The direct object of a verb (or what stands for it); asked of a verb again and again
        by the matcher and the argument finders, and found once."""
        if token.i not in self._objects:
            self._objects[token.i] = self._direct_object(token)
        return self._objects[token.i]

    @staticmethod
    def _direct_object(token: Token) -> Token | None:
        children = list(token.children)  # with their dependencies, read once
        deps = [c.dep_ for c in children]
        for c, dep in zip(children, deps, strict=True):
            if dep in ("dobj", "obj"):
                return c
        # "paid a trip", "expressed that": the prepositional object of a light particle verb
        if "prt" in deps:
            for d, dep in zip(children, deps, strict=True):
                if dep == "prep":
                    for e in d.children:
                        if e.dep_ == "pobj":
                            return e
        if "nsubjpass" in deps and token.tag_ == "VBN":
            return children[deps.index("nsubjpass")]  # "sanctions were imposed": the passive subject
        return None

    def shared_object(self, verb: Token) -> Token | None:
        """The object a verb shares with the next verb of its coordination ("rammed and boarded
        the boats"), when that one has no subject of its own."""
        for c in verb.children:
            if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > verb.i and not any(
                d.dep_ in ("nsubj", "nsubjpass") for d in c.children
            ):
                obj = self.direct_object(c)
                return obj if obj is not None and obj.dep_ in ("dobj", "obj") else None
        return None

    @staticmethod
    def particles(token: Token) -> tuple[set[str], set[str]]:
        """(particles, prepositions after the verb): a pattern's particle may be either
        ('carry out', 'call on', 'call for'); prepositions heading a date do not count."""
        children = [(c.dep_, c) for c in token.children]  # read once: asked of every verb
        prt = {c.lower_ for dep, c in children if dep == "prt"}
        preps = {
            c.lower_ for dep, c in children
            if dep == "prep" and c.i > token.i and _TIMES.isdisjoint({p.ent_type_ for p in c.children})
        }
        return prt, preps

    @staticmethod
    def noun_lemmas(noun: Token) -> set[str]:
        """A noun's lemma, its 'modifier noun' forms and what it quantifies ('kg of medicine')."""
        heads = {noun.lemma_.lower(), noun.lower_}
        out = set(heads)
        if noun.pos_ == "PROPN":  # "Ambassador Terry Branstad": the title is what he is
            out |= {c.lemma_.lower() for c in noun.children if c.dep_ == "compound" and c.pos_ != "PROPN"}
            out |= {c.lower_ for c in noun.children if c.dep_ == "compound"}
        for c in noun.children:
            if c.dep_ in ("compound", "amod") and c.i < noun.i:
                out |= {f"{m} {h}" for m in (c.lemma_.lower(), c.lower_) for h in heads}
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    if p.dep_ == "pobj":
                        out.add(p.lemma_.lower())
                        out |= {f"{m.lemma_.lower()} {p.lemma_.lower()}" for m in p.children
                                if m.dep_ in ("compound", "amod")}
        return out

    def object_lemmas(self, token: Token) -> set[str]:
        """What a pattern's 'object' column can match: the direct object (with its modifiers and
        what it quantifies), the verb of a to-infinitive complement ('decline to comment'), the
        objects of the verb's prepositions ('call for a ceasefire') and a reflexive pronoun."""
        out: set[str] = set()
        obj = self.direct_object(token)
        if obj is not None:
            out |= self.noun_lemmas(obj)
        for c in token.children:
            if c.dep_ == "ccomp":
                out.add("(clause)")
            if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX"):
                out.add(c.lemma_.lower())
                out |= {f"{c.lemma_.lower()} {p.lower_}" for p in c.children if p.dep_ == "prt"}
            if c.dep_ == "prep":
                for p in c.children:
                    if p.dep_ == "pobj":
                        out |= self.noun_lemmas(p)
        return out

    # -- targets --------------------------------------------------------------------------------

    def targets(self, verb: Token, obj: Token | None, preps: tuple[str, ...],
                objects: frozenset[str]) -> list[Token]:
        """Target heads of a verb event: the pattern's preposition, then the direct object."""
        heads = [verb] + ([obj] if obj is not None else [])
        wanted = [p for p in preps if p != "dobj"]
        found: list[Token] = []
        for head in heads if wanted else []:
            for c in head.children:
                if c.dep_ in ("prep", "dative", "agent") and c.lower_ in wanted and not found:
                    found.extend(self.actor_inside(p) for p in c.children if p.dep_ == "pobj"
                                 and self.actor(self.actor_inside(p)) is not None)
        # "met with X, Y and Z": the parser may hang the last of a list on the verb
        if (
            obj is not None
            and "~dobj" not in preps  # "discussed Libya": the object is the topic
            and obj.dep_ != "nsubjpass"
            and (not objects or "dobj" in preps)
            and (not found or ("dobj" in preps and self.actor(obj) is not None))
        ):
            found.append(self.actor_inside(obj))
        if obj is not None and obj.dep_ == "nsubjpass" and not objects:
            found.append(self.actor_inside(obj))  # "the embassy was attacked": the target
        if found:
            return found
        if obj is None and (not objects or "dobj" in preps):
            for c in verb.children:  # "allow X to land", "force X to leave": X
                if c.dep_ == "ccomp":
                    subj = [s for s in c.children if s.dep_ == "nsubj"]
                    if subj and self.actor(self.actor_inside(subj[0])) is not None:
                        return [self.actor_inside(subj[0])]
        for c in verb.children:
            if c.dep_ == "dative":
                return [c]
        if obj is not None and objects:  # "the blockade of Serbia", "a ban by General X"
            for c in obj.children:
                if c.dep_ == "nmod" and self.actors.resolve(c) is not None:
                    return [c]  # "gave the Ivory Coast 5 million dollars" parsed as a modifier
                if c.dep_ == "prep" and c.lower_ in ("of", "by", "from", "against"):
                    for p in c.children:
                        if p.dep_ == "pobj" and self.actor(self.actor_inside(p)) is not None:
                            return [self.actor_inside(p)]
        for head in heads:
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ in DEFAULT_TARGET_PREPS:
                    pobjs = [p for p in c.children if p.dep_ == "pobj"]
                    if pobjs and self.actor(self.actor_inside(pobjs[0])) is not None:
                        return [self.actor_inside(pobjs[0])]
        return []

    def noun_targets(self, noun: Token, preps: tuple[str, ...]) -> list[Token]:
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                return [self.actor_inside(p) for p in c.children if p.dep_ == "pobj"]
        for c in noun.children:  # "a suspension of air links WITH X"
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    for d in p.children:
                        if d.dep_ == "prep" and d.lower_ in preps:
                            return [self.actor_inside(x) for x in d.children if x.dep_ == "pobj"]
        return []

    def noun_sources(self, noun: Token) -> list[Token]:
        """'X's visit', 'a visit by X', 'talks between X and Y', 'Palestinian riots'."""
        for c in noun.children:
            if c.dep_ == "poss":
                return [c]
            if c.dep_ == "prep" and c.lower_ == "by":
                return [p for p in c.children if p.dep_ == "pobj"]
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in ("between", "among"):
                pobjs = [p for p in c.children if p.dep_ == "pobj"]
                if pobjs:
                    return pobjs
        for c in noun.children:
            if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG") and c.i < noun.i:
                return [c]
        return []

    # -- actors ---------------------------------------------------------------------------------

    def actor(
        self, token: Token, speaker: Actor | None = None, for_speaker: bool = True, as_source: bool = False
    ) -> Actor | None:
        """The actor a mention refers to, looking inside mentions that are no actor themselves;
        in reported speech, 'it' and 'they' stand for the speaker (unless ``for_speaker`` is off).
        A source is looked for more narrowly ("insecurity IN Algeria" does nothing)."""
        key = (token.i, speaker, for_speaker, as_source)
        if key not in self._actors:
            self._actors[key] = self._actor(token, speaker, for_speaker, as_source)
        return self._actors[key]

    def _actor(
        self, token: Token, speaker: Actor | None, for_speaker: bool, as_source: bool
    ) -> Actor | None:
        if token.lower_ in _REFLEXIVE:
            return None
        found = self.actors.resolve(token, speaker=speaker)
        if found is not None:
            return found
        if for_speaker and speaker is not None and token.lower_ in _PRONOUN_FOR_SPEAKER and speaker.kind != "person":
            from dataclasses import replace

            return replace(speaker, text=token.text, start=token.idx, end=token.idx + len(token))
        inner = self._governed(token, _GOVERNING_PREPS if as_source else _TARGET_PREPS)
        if inner is not None:
            return self.actors.resolve(inner, speaker=speaker)
        return self._unlisted(token)

    def _unlisted(self, token: Token) -> Actor | None:
        """A named state or organisation missing from our lists ("Yugoslavia", "Oxfam"): an actor
        without country or sector, so the event is still recorded."""
        label = token.ent_type_
        if label not in _UNLISTED_KINDS or token.pos_ not in ("PROPN", "NOUN"):
            return None
        from dyadwatch.records import Actor

        span = self.actors.phrase(token)
        return Actor(
            text=span.text, start=span.start_char, end=span.end_char, name=span.text,
            country=None, sector=None, cameo_code="UNK", kind=_UNLISTED_KINDS[label],
            reason=f"{label} entity '{span.text}' not in dyadwatch's actor lists",
        )

    def _governed(self, token: Token, preps: tuple[str, ...], depth: int = 0) -> Token | None:
        """An actor inside a mention: 'a group OF Liberians', 'doctors FROM aid groups',
        'journalists AT Sudan's newspaper', 'Palestinian riots', 'Israeli tanks'."""
        if token.pos_ not in ("NOUN", "PROPN", "NUM") or depth > 2:
            return None
        for c in token.children:
            if c.dep_ == "poss" and self.actors.resolve(c) is not None:
                return c
        for c in token.children:
            if (c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE") and c.i < token.i
                    and self.actors.resolve(c) is not None):
                return c
        for c in token.children:
            if c.dep_ == "prep" and c.lower_ in preps and c.i > token.i:
                for p in c.children:
                    if p.dep_ != "pobj":
                        continue
                    if self.actors.resolve(p) is not None:
                        return p
                    deeper = self._governed(p, preps, depth + 1)
                    if deeper is not None:
                        return deeper
        return None

    def actor_inside(self, token: Token) -> Token:
        """'the growing role of ECOWAS': when a noun is no actor, the actor it governs."""
        if self.actors.resolve(token) is not None:
            return token
        if token.lemma_.lower() in CRISIS_NOUNS:
            place = self.crisis_country(token)
            if place is not None:
                return place
        for c in token.children:
            if c.dep_ == "poss" and self.actors.resolve(c) is not None:
                return c
            if c.dep_ == "prep" and c.lower_ in ("of", "by", "from", "for"):
                for p in c.children:
                    if p.dep_ == "pobj" and self.actors.resolve(p) is not None:
                        return p
            if c.dep_ == "acl" and c.tag_ == "VBN":  # "crimes committed by Croat forces"
                for p in self._agents(c):
                    if self.actors.resolve(p) is not None:
                        return p
        for c in token.children:
            if (c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG") and c.i < token.i
                    and self.actors.resolve(c) is not None):
                return c
        return token

    def crisis_country(self, token: Token) -> Token | None:
        """'mediating the crisis' after 'the conflict in Libya': a crisis noun stands for the
        country named with the nearest crisis noun before it (or in its own phrase)."""
        def country_of(noun: Token) -> Token | None:
            for c in noun.children:
                if c.dep_ in ("compound", "poss", "amod") and c.ent_type_ in ("GPE", "NORP"):
                    return c
                if c.dep_ == "prep" and c.lower_ in ("in", "of", "over"):
                    for p in c.children:
                        if p.dep_ == "pobj" and p.ent_type_ == "GPE":
                            return p
            # "resolve the conflict in Libya": the parser often hangs "in Libya" on the verb
            after = self.doc[noun.i + 1 : noun.i + 3]
            if len(after) == 2 and after[0].lower_ in ("in", "over") and after[1].ent_type_ == "GPE":
                return after[1]
            return None

        own = country_of(token)
        if own is not None:
            return own
        start = max(0, token.i - 80)
        for t in reversed(self.doc[start:token.i]):
            if t.lemma_.lower() in CRISIS_NOUNS:
                found = country_of(t)
                if found is not None:
                    return found
        return None

    def located_target(self, trigger: Token, obj: Token | None, country_only: bool = False) -> Token | None:
        """'lifted a curfew IN Montenegro', 'suspended aid deliveries IN Baghdad': the place
        where a measure applies, for coercive and violent events (for protests, a country)."""
        for head in [trigger] + ([obj] if obj is not None else []):
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "inside", "across"):
                    for p in c.children:
                        place = self.actor_inside(p) if p.dep_ == "pobj" else None
                        if place is None or place.ent_type_ != "GPE":
                            continue
                        actor = self.actor(place)
                        if actor is not None and (not country_only or (actor.kind == "state" and actor.sector is None)):
                            return place
        return None

    def against_target(self, trigger: Token) -> Token | None:
        """'mobilized reservists for a possible war AGAINST Iraq': an 'against' actor in the
        trigger's own phrase (not in a clause below it)."""
        stack = [c for c in trigger.children if c.dep_ not in ("ccomp", "advcl", "relcl", "nsubj", "nsubjpass", "conj")]
        while stack:
            tok = stack.pop(0)
            if tok.dep_ == "prep" and (tok.lower_ == "against" or (
                tok.lower_ == "with" and tok.head.lemma_.lower() in CRISIS_NOUNS)):  # "war with X"
                for p in tok.children:
                    if p.dep_ == "pobj" and self.actor(self.actor_inside(p)) is not None:
                        return self.actor_inside(p)
            stack.extend(c for c in tok.children if c.dep_ not in ("ccomp", "advcl", "relcl"))
        return None

    def clause_target(self, trigger: Token, source: Actor, same_country: bool = False) -> Actor | None:
        """No target where the pattern puts it: an actor of another country named in the clause
        ("expressed hope ... in front of the American delegation"); with ``same_country``, any
        other actor ("staged a hunger strike to demand the resignation of President X")."""
        for tok in trigger.subtree:
            if source.start <= tok.idx < source.end:
                continue  # the source's own words ("Palestinians of the Israeli-occupied ...")
            if tok.lemma_.lower() in CRISIS_NOUNS and tok.i > trigger.i:
                place = self.crisis_country(tok)
                actor = self.actors.resolve(place) if place is not None else None
                if actor is not None and actor.country and actor.country != source.country:
                    return actor
            if same_country and tok.i > trigger.i and tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in (
                "pobj", "dobj", "poss", "nsubj"
            ) and not (tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at", "near", "across")):
                actor = self.actors.resolve(tok)
                if actor is not None and actor.country == source.country and (
                    actor.sector, actor.kind) != (source.sector, source.kind):
                    return actor
            if tok.ent_iob_ != "B" or tok.ent_type_ not in ("GPE", "ORG", "NORP"):
                continue
            if tok.ent_type_ == "GPE" and _is_place(tok):
                continue  # "agreed ... in Minsk": where, not whom
            end = tok.i + 1
            while end < len(self.doc) and self.doc[end].ent_iob_ == "I":
                end += 1
            root = self.doc[tok.i:end].root
            if root.dep_ in ("amod", "compound", "poss") and root.head.pos_ in ("NOUN", "PROPN"):
                root = root.head
            actor = self.actors.resolve(root)
            if actor is not None and actor.country and actor.country != source.country:
                return actor
        return None

    # -- speech ---------------------------------------------------------------------------------

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


def _is_place(token: Token) -> bool:
    """A place name used as a location ("in Minsk", "at the Russia-Africa summit")."""
    node = token
    while node.dep_ in ("compound", "amod") and node.head.i != node.i:
        node = node.head
    return node.dep_ == "pobj" and node.head.lower_ in ("in", "at", "near", "from", "outside", "inside")
