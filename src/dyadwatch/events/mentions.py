"""Mentions: the actor a word of a clause stands for, looking inside mentions that are none.

``Mentions`` owns the step from a token to an actor: the actor resolver's answer, the speaker a
pronoun stands for in reported speech (or in a claim its subject denies, unless the claim is
its maker's boast), the subject of the sentence before that a sentence's opening 'they' or 'it'
stands for, the actor governed by a mention that is no actor itself
("a group of Liberians", "doctors from American aid groups", "Palestinian riots") or named in its
apposition ("the suspects, members of a criminal gang"), the country a
crisis noun stands for, and named states or organisations missing from our lists.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from dyadwatch.actors.cues import NO_NATIONALITY, flag_name, named_cause
from dyadwatch.actors.resolve import mentioned_at
from dyadwatch.events.references import DESCRIPTION_KINDS, Antecedents
from dyadwatch.events.speech import claim_denier, claim_owner, claims_ground
from dyadwatch.events.subjects import agents
from dyadwatch.knowledge.words import (
    CRISIS_NOUNS,
    EMPTY_IT_VERBS,
    GATHERING_NOUNS,
    GO_BETWEEN_PARTICIPLES,
    GOVERNING_PREPS,
    OWN_POSSESSIVES,
    OWN_STATE_NOUNS,
    PERSON_PRONOUNS_FOR_SPEAKER,
    PRONOUNS_FOR_SPEAKER,
    REFLEXIVES,
    TARGET_GOVERNING_PREPS,
)
from dyadwatch.nlp.tree import children as children_of
from dyadwatch.records import Actor, ActorKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from dyadwatch.actors.resolve import ArticleActors

# Object pronouns resolved by what they refer back to before any name-only look-up.
_OBJECT_PRONOUNS = frozenset({"him", "her", "them"})
# Descriptions of an armed or political group ("the militants", "the group").
_GROUP_WORDS = frozenset(w for w, kinds in DESCRIPTION_KINDS.items() if kinds == {"group"})
# The kind of actor a named entity missing from our lists is taken for.
_UNLISTED_KINDS: dict[str, ActorKind] = {"GPE": "state", "ORG": "organisation"}


# Verbs of coming over from a country, whose 'from' phrase in a clause on a noun says where
# those it names are from ("militants who CROSSED from Afghanistan").
_COMING = frozenset({"cross", "come", "infiltrate", "arrive", "sneak"})
# Verbs of meeting people, which come from nowhere themselves: the 'from' phrase the parser
# hangs on them belongs to whom they meet ("met a delegation FROM China").
_GREETING = frozenset({"meet", "host", "welcome", "greet", "brief", "invite"})


def _sent_from(actors: ArticleActors, token: Token, found: Actor) -> Actor:
    """'a delegation FROM Laos', 'envoys from Sudan', 'militants who crossed from Afghanistan':
    a body with no country of its own (a role noun alone, or one given the scene's or the
    story's country by default) that a 'from' phrase sends or brings from a state is that
    state's, with the role's sector; sent from an international organisation ("inspectors from
    the IAEA") it is that organisation, as "IAEA inspectors" is; any other actor as found."""
    guessed = found.country is None or NO_NATIONALITY in found.reason
    if not guessed or found.sector is None or found.kind == "person":
        return found
    heads = [token, *(c for c in children_of(token) if c.dep_ in ("relcl", "acl") and c.lemma_.lower() in _COMING)]
    if token.dep_ == "dobj" and token.head.lemma_.lower() in _GREETING:
        heads.append(token.head)
    for p in (q for h in heads for c in children_of(h) if c.dep_ == "prep" and c.lower_ == "from"
              for q in children_of(c) if q.dep_ == "pobj"):
        state = actors.resolve(p)
        if state is not None and state.kind == "state" and state.country:
            return replace(found, country=state.country, cameo_code=state.country + found.sector,
                           reason=found.reason + f"; sent from '{p.text}' -> {state.country}")
        if state is not None and state.kind == "igo":  # "a delegation from the IAEA": its staff
            return replace(state, text=found.text, start=found.start, end=found.end,
                           reason=found.reason + f"; sent from '{p.text}': {state.name}'s staff act as it")
    return found


class Mentions:
    """Actor look-ups for the mentions of one parsed article."""

    def __init__(self, doc: Doc, actors: ArticleActors) -> None:
        self.doc = doc
        self.actors = actors
        # actor() results: a pure function of its arguments, asked again for every event
        self._actors: dict[tuple[int, Actor | None, bool, bool], Actor | None] = {}
        self.references = Antecedents(doc, self.actor, lambda word: self.actors.knowledge.role(word))

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
        if token.lower_ in REFLEXIVES:
            return None
        denier = claim_denier(token)
        answering = self.actors.resolve(denier) if denier is not None else None
        if answering is not None:  # "Russia dismissed U.S. claims that it had ...": Russia
            claimant = self._boaster(token, answering)
            if claimant is not None:  # "Ukraine denied Russian claims that it had captured the town"
                return mentioned_at(claimant, token, f"; '{token.text}' in a claim of its maker's own deed")
            return mentioned_at(answering, token, f"; '{token.text}' in the claim it denies")
        if token.lower_ in _OBJECT_PRONOUNS and token.dep_ not in ("nsubj", "nsubjpass") and speaker is None:
            # "arrested 40 protesters and charged THEM", "the French leader praised HIM": an
            # object pronoun is never its own clause's subject, which a name-only look-up misses
            # (in reported speech the speaker comes first: see below)
            back = self._referred(token, speaker)
            if back is not None:
                return back
        found = self.actors.resolve(token, speaker=speaker)
        found = _sent_from(self.actors, token, found) if found is not None else None
        if found is not None and NO_NATIONALITY in found.reason and self.references.referring(token) in _GROUP_WORDS:
            # "Hezbollah ... The militants fired": the group named before, not a guess from the scene
            back = self._referred(token, speaker)
            if back is not None and back.kind == "group":
                return back
        if found is not None and found.sector == "CVL" and (found.country is None or NO_NATIONALITY in found.reason):
            named = self._apposed(token, GOVERNING_PREPS if as_source else TARGET_GOVERNING_PREPS)
            if named is not None:  # "two men, both Iranian nationals,": the apposition says who
                return self.actors.resolve(named, speaker=speaker) or found
        if found is not None:
            return found
        if for_speaker and speaker is not None and token.lower_ in PRONOUNS_FOR_SPEAKER and speaker.kind != "person" \
                and (speaker.sector != "JRN" or token.dep_ in ("nsubj", "nsubjpass")):
            # a news outlet that reports others' acts is their subject only in its own words
            # ("Al Jazeera said IT had been banned"), not an object ("seized a tanker, accusing
            # IT of smuggling, state television reported")
            return mentioned_at(speaker, token)
        if for_speaker and speaker is not None and _a_person(self.actors, speaker) and (
            token.lower_ in PERSON_PRONOUNS_FOR_SPEAKER or (
                token.lemma_.lower() in OWN_STATE_NOUNS
                and any(c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for c in children_of(token)))
        ):
            # "the president said he condemned it", "the minister said his country would not
            # negotiate": in a person's reported speech, the speaker or the state they speak for
            return mentioned_at(speaker, token)
        body = self.actors.spoken_for(token, speaker) if for_speaker and speaker is not None \
            and _a_person(self.actors, speaker) else None
        if body is not None:
            return body
        antecedent = self._previous_subject(token) or self._referred(token, speaker)
        if antecedent is not None:
            return antecedent
        preps = GOVERNING_PREPS if as_source else TARGET_GOVERNING_PREPS
        inner = self._governed(token, preps)
        if inner is not None:
            return self.actors.resolve(inner, speaker=speaker)
        named = self._apposed(token, preps)
        if named is not None:
            return self.actors.resolve(named, speaker=speaker)
        body = _named_body(self.actors, token)
        if body is not None:
            return body
        return self._unlisted(token, as_source and token.dep_ == "nsubj")

    def _referred(self, token: Token, speaker: Actor | None) -> Actor | None:
        """The actor of the mention a referring word stands for ("them", "the kingdom", "the
        pair": the first of the two), as that word mentions it."""
        back = self.references.of(token)
        found = self.actor(back[0], speaker=speaker) if back else None
        if found is None:
            return None
        return mentioned_at(found, token, f"; '{token.text}' refers back to '{back[0].text}'")

    def _apposed(self, token: Token, preps: tuple[str, ...]) -> Token | None:
        """"the suspects, members of a criminal gang,": a common noun that is no actor stands for
        the actor its apposition after it names, itself or through a governing preposition."""
        if token.pos_ != "NOUN":
            return None
        for c in children_of(token):
            if c.dep_ != "appos" or c.i <= token.i:
                continue
            named = c if self.actors.resolve(c) is not None else self._governed(c, preps)
            if named is not None:
                return named
        return None

    def _boaster(self, pronoun: Token, denier: Actor) -> Actor | None:
        """The maker of a denied claim, when the claim is its word about its own deed rather
        than an accusation: the deed takes ground ("claims that it had captured the town"), or
        it is done to what the text makes the denier's own ("Israel rejected Hamas claims that
        it had shot down an Israeli drone"), which the denier would not do to itself. A maker
        of the denier's own country is no other party."""
        owner = claim_owner(pronoun)
        maker = self.actors.resolve(owner) if owner is not None else None
        if maker is None or maker.country is None or maker.country == denier.country:
            return None
        if claims_ground(pronoun):
            return maker
        for c in children_of(pronoun.head):
            acted_on = self.actors.resolve(c) if c.dep_ == "dobj" else None
            if (acted_on is not None and acted_on.country == denier.country
                    and NO_NATIONALITY not in acted_on.reason):  # not a country guessed from the story
                return maker
        return None

    def _previous_subject(self, pronoun: Token) -> Actor | None:
        """'Rebels seized the town on Tuesday. They later attacked an army post': 'they' or 'it'
        opening a sentence, as its first subject, stands for the subject of the main clause of
        the sentence just before, when that agrees in number ('it': one state, body or group,
        never a person, nor a passive's). Not an 'it' of 'be', 'seem' or
        'remain' ("it is unclear who ..."), and not across a blanked stretch of the text (the
        pre-filter's)."""
        if pronoun.lower_ not in ("it", "they") or pronoun.dep_ not in ("nsubj", "nsubjpass"):
            return None
        if pronoun.dep_ == "nsubjpass" and pronoun.lower_ == "it":
            return None  # a passive's 'it' is as often the thing acted on ("It was lifted")
        if pronoun.head.lemma_.lower() in EMPTY_IT_VERBS:
            return None
        sent = pronoun.sent
        if any(t.dep_ in ("nsubj", "nsubjpass") for t in self.doc[sent.start:pronoun.i]):
            return None
        i = sent.start - 1
        while i >= 0 and self.doc[i].is_space:
            i -= 1
        if i < 0 or sent.start_char - (self.doc[i].idx + len(self.doc[i])) > 3:
            return None
        root = self.doc[i].sent.root
        subject = next((c for c in children_of(root) if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.pos_ == "PRON":
            return None
        plural = subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in children_of(subject))
        if (pronoun.lower_ == "they") != plural:
            return None
        found = self.actors.resolve(subject)
        if found is None or (pronoun.lower_ == "it" and found.kind == "person"):
            return None
        return mentioned_at(found, pronoun, f"; '{pronoun.text}' stands for the subject of the sentence before")

    def _unlisted(self, token: Token, doer: bool = False) -> Actor | None:
        """A named state or organisation missing from our lists ("Yugoslavia", "Oxfam"): an actor
        without country or sector, so the event is still recorded. A named region as the
        subject that acts ("Europe imposed sanctions", "the West urged Iran") stands for the
        states in it, a group of states."""
        label = token.ent_type_
        # a named place acted on ("shelled Kherson", the tagger's LOC for many towns) is an
        # actor too: the places stage gives it its country
        if label == "LOC" and (doer or token.dep_ == "dobj") and token.pos_ == "PROPN":
            label = "GPE"
        if label not in _UNLISTED_KINDS or token.pos_ not in ("PROPN", "NOUN") or named_cause(token) \
                or not token.text[:1].isupper():  # (a name has a capital: "accused X of FRAUD")
            return None  # (a storm by its name, "Hurricane Ian", is no organisation)
        span = self.actors.phrase(token)
        return Actor(
            text=span.text, start=span.start_char, end=span.end_char, name=span.text,
            country=None, sector=None, cameo_code="UNK", kind=_UNLISTED_KINDS[label],
            reason=f"{token.ent_type_} entity '{span.text}' not in dyadwatch's actor lists",
        )

    def _governed(self, token: Token, preps: tuple[str, ...], depth: int = 0) -> Token | None:
        """An actor inside a mention: 'a group OF Liberians', 'doctors FROM aid groups',
        'journalists AT Sudan's newspaper', 'Palestinian riots', 'Israeli tanks'."""
        if token.pos_ not in ("NOUN", "PROPN", "NUM") or depth > 2:
            return None
        for c in children_of(token):
            if c.dep_ == "poss" and self.actors.resolve(c) is not None:
                return c
        for c in children_of(token):
            if (c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE") and c.i < token.i
                    and self.actors.resolve(c) is not None):
                return c
        flag = flag_name(token)  # "a British-flagged tanker": Britain's, as "a British tanker"
        if flag is not None and self.actors.resolve(flag) is not None:
            return flag
        # "talks IN Geneva", "a summit AT a villa": where a meeting is held is no party to it
        venue = token.lemma_.lower() in GATHERING_NOUNS or token.lower_ in GATHERING_NOUNS
        for c in children_of(token):
            if c.dep_ == "prep" and c.lower_ in preps and c.i > token.i and not (venue and c.lower_ in ("in", "at")):
                for p in children_of(c):
                    if p.dep_ != "pobj":
                        continue
                    if self.actors.resolve(p) is not None:
                        return p
                    back = self.references.of(p) if p.pos_ == "PRON" else []
                    if back:  # "arrested dozens of THEM": of the students named before
                        return back[0]
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
        for c in children_of(token):
            if c.dep_ == "poss" and self.actors.resolve(c) is not None:
                return c
            if c.dep_ == "prep" and c.lower_ in ("of", "by", "from", "for"):
                for p in children_of(c):
                    if p.dep_ == "pobj" and self.actors.resolve(p) is not None:
                        return p
            if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() not in GO_BETWEEN_PARTICIPLES:
                for p in agents(c):  # "crimes committed by X"; a deal's broker stands apart from it
                    if self.actors.resolve(p) is not None:
                        return p
        named = owner_name(token, self.actors)
        if named is not None:
            return named
        flag = flag_name(token)
        return flag if flag is not None and self.actors.resolve(flag) is not None else token

    def crisis_country(self, token: Token) -> Token | None:
        """'mediating the crisis' after 'the conflict in Libya': a crisis noun stands for the
        country named with the nearest crisis noun before it (or in its own phrase)."""
        own = _crisis_country(self.doc, token)
        if own is not None:
            return own
        start = max(0, token.i - 80)
        for t in reversed(self.doc[start:token.i]):
            if t.lemma_.lower() in CRISIS_NOUNS:
                found = _crisis_country(self.doc, t)
                if found is not None:
                    return found
        return None


def owner_name(token: Token, actors: ArticleActors) -> Token | None:
    """The name before a noun that says whose it is ("TURKISH offensive", "US bases"); also a
    name the parser hangs as nmod apart from the adjective after it ("struck HOUTHI military
    targets"), and one a common noun further in, hung on the noun before the head ("EU
    migration quotas", "CHINESE coast guard rules"). None when there is none."""
    found = _name_before(token, ("amod", "compound", "nmod"), actors)
    if found is not None:
        return found
    for c in children_of(token):
        if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < token.i and c.ent_type_ == "":
            found = _name_before(c, ("amod", "compound"), actors)
            if found is not None:
                return found
    return None


def _name_before(noun: Token, deps: tuple[str, ...], actors: ArticleActors) -> Token | None:
    """The first modifier of ``noun`` (by ``deps``) before it that names an actor."""
    return next((c for c in children_of(noun) if c.dep_ in deps and c.ent_type_ in ("NORP", "GPE", "ORG")
                 and c.i < noun.i and actors.resolve(c) is not None), None)


def _crisis_country(doc: Doc, noun: Token) -> Token | None:
    """The country a crisis noun names: "the Libyan conflict", "the crisis in Libya"."""
    for c in children_of(noun):
        if c.dep_ in ("compound", "poss", "amod") and c.ent_type_ in ("GPE", "NORP"):
            return c
        if c.dep_ == "prep" and c.lower_ in ("in", "of", "over"):
            for p in children_of(c):
                if p.dep_ == "pobj" and p.ent_type_ == "GPE":
                    return p
    # "resolve the conflict in Libya": the parser often hangs "in Libya" on the verb
    after = doc[noun.i + 1 : noun.i + 3]
    if len(after) == 2 and after[0].lower_ in ("in", "over") and after[1].ent_type_ == "GPE":
        return after[1]
    return None


def _named_body(actors: ArticleActors, token: Token) -> Actor | None:
    """'the UN human rights chief said': a subject whose organisation is named before it, which the
    parser hangs on the subject past its own modifiers, stands for that body."""
    if token.pos_ != "NOUN" or token.dep_ not in ("nsubj", "nsubjpass", "appos"):
        return None
    for c in children_of(token):
        if c.dep_ == "nmod" and c.i < token.i and c.ent_type_ == "ORG":
            found = actors.resolve(c)
            if found is not None:
                return mentioned_at(found, token, f"; the body of '{token.text}'")
    return None


def _a_person(actors: ArticleActors, speaker: Actor) -> bool:
    """A person, named ("Barack Obama") or by a title ("Egypt's president"), not a body."""
    if speaker.kind == "person":
        return True
    if speaker.kind != "organisation":
        return False
    found = actors.knowledge.roles_in(speaker.text.lower())
    return bool(found) and found[-1][2].kind == "title" and not speaker.text.lower().endswith("s")
