"""Building: the event records of one match, from its parties, stance, contexts and date.

``EventBuilder`` drives, with two collaborators. Its ``PartyFinder`` resolves a match's source
and target heads to actors (joint sources, named or unnamed doers, located and 'against'
targets) and pairs sources with targets (coordinated and reciprocal parties yield one event
each, sharing a group). The builder applies the match's stance (``stance.py``) and the code
refinements a clause's PLOVER context or its parties make; its ``EventRecords`` makes the
records, dated by the sentence's date cues.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import date as Date
from typing import TYPE_CHECKING, Final

from dyadwatch.actors.cues import AS_A_PLACE, FOCUS_GUESS, NO_NATIONALITY
from dyadwatch.actors.resolve import coordinated
from dyadwatch.events.blockades import blockade_code, boycott_threat_code
from dyadwatch.events.confidence import CONFIDENCE
from dyadwatch.events.crowds import protesting_crowd
from dyadwatch.events.deadlines import answers_demand
from dyadwatch.events.deeper import asked_from, deeper_targets
from dyadwatch.events.deployment import exercise_partners, force_shown, protective
from dyadwatch.events.duplicates import VIOLENT_ROOTS
from dyadwatch.events.elsewhere import RELEASE_ASKS, held_by
from dyadwatch.events.implied import deporting_state, envoy_targets, implied_state
from dyadwatch.events.laws import curbing_law_code, home_ban_code
from dyadwatch.events.matters import harm_doer, protested_doer
from dyadwatch.events.modality import modality_cue
from dyadwatch.events.nested import demanded_content, verdict
from dyadwatch.events.outcomes import (
    event_sides,
    event_subject,
    left_in_state,
    means_code,
    striking_forces,
    struck_place,
)
from dyadwatch.events.pairs import distinct_pairs, hyphen_partner
from dyadwatch.events.parties import UNNAMED_DOER_ROOTS, listed, placed_group, visited_host
from dyadwatch.events.parties import same as _same
from dyadwatch.events.passage import hosted_forces, passed_place, protest_venue
from dyadwatch.events.protested import suffered
from dyadwatch.events.references import refers_to_earlier
from dyadwatch.events.senses import WARNING_VERBS, benign_deadline, warns_of_own_action
from dyadwatch.events.sides import (
    deep_partner,
    domestic_forces,
    each_other,
    home_place,
    inherit_country,
    mutual_act,
    named_members,
    no_such_act,
    own_forces,
    protest_recipients,
    reciprocal,
    venue,
)
from dyadwatch.events.stance import stance_of
from dyadwatch.events.subjects import undergoer_verb
from dyadwatch.events.targets import purpose_of
from dyadwatch.events.unnamed import PROTEST_ROOT, opposed_party, unnamed_targets
from dyadwatch.knowledge.words import (
    AIMED_CODES,
    AIMED_ROOTS,
    CLAUSE_TARGET_ROOTS,
    ECONOMIC_BLOWS,
    FORECASTING_SECTORS,
    LIGHT_VERBS,
    MUTUAL_OBJECT,
    MUTUAL_WITH,
    RECIPROCAL,
    RECIPROCAL_LEMMAS,
    UNOFFICIAL_INQUIRERS,
    VISITOR_NOUNS,
)
from dyadwatch.nlp.tree import children as children_of
from dyadwatch.read.dates import doc_date_cues, event_date
from dyadwatch.records import Actor, Event, EventDate, Evidence, Modality, Span, unknown_actor

if TYPE_CHECKING:

    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from dyadwatch.context import ArticleContext
    from dyadwatch.events.arguments import Arguments
    from dyadwatch.events.clauses import Clauses
    from dyadwatch.events.match import Match
    from dyadwatch.events.parties import Parties
    from dyadwatch.events.plover import PloverContexts
    from dyadwatch.events.speech import Speakers
    from dyadwatch.knowledge.lexicon import Shifts
    from dyadwatch.knowledge.ontology import Ontology


# The rule's mark of a target dropped as a place the act only passes through ("left the city").
PASSED_PLACE = "+passed-place"


def _aimed(code: str) -> bool:
    """Whether an act is aimed at someone, who may be another country's actor named in its
    clause (``AIMED_ROOTS``, ``AIMED_CODES``)."""
    return code[:2] in AIMED_ROOTS or code[:3] in AIMED_CODES


def event_id(*parts: object) -> str:
    digest = hashlib.sha1("|".join(map(str, parts)).encode("utf-8")).hexdigest()
    return digest[:16]


@dataclass(frozen=True)
class FoundParties:
    """The parties of one match as ``PartyFinder.find`` finds them: its sources and targets,
    what finding them adds to its rule, and whether a target was dropped as a place the act only
    passes through (then the act has no target and still is one: "the troops left the city")."""

    sources: list[Actor]
    targets: list[Actor]
    rule: str
    passed_place: bool = False


# CAMEO root of exhibiting force posture: forces deployed or alerted are their own state's.
POSTURE_ROOT: Final = "15"


class EventBuilder:
    """Event records of the matches of one parsed article: for each match, its parties (found
    and paired by a ``PartyFinder``), the stance and code refinements they and the clause make,
    and the records (made by ``EventRecords``); it keeps which triggers made events, whose
    purpose clauses are then no events of their own."""

    def __init__(
        self, context: ArticleContext, text: str, ontology: Ontology, shifts: Shifts,
        clauses: Clauses, parties: Parties, speakers: Speakers, arguments: Arguments,
        plover: PloverContexts,
    ) -> None:
        self.article_id = context.id
        self.shifts = shifts
        self.clauses = clauses
        self.parties = parties
        self.speakers = speakers
        self.plover = plover
        self.finder = PartyFinder(clauses, parties, arguments)
        self.records = EventRecords(context, text, ontology, plover)
        # Trigger indices (of the doc) of the matches that made events: a purpose clause under
        # one of them is that event's aim (see ``purpose_of``).
        self._made: set[int] = set()

    def build(self, index: int, sent: SpacySpan, match: Match) -> list[Event]:
        """The events of ``match`` in sentence ``index``."""
        trigger, pattern = match.trigger, match.pattern
        aim_of = purpose_of(trigger)
        if aim_of is not None and aim_of.i in self._made:
            # "fired tear gas to disperse the crowd", "met X to discuss Y": the act reported is
            # the main verb's; what it was meant to achieve has not happened and is not a second
            # event (the main event takes its target from it, see Targets.targets)
            return []
        if demanded_content(trigger) is not None:
            # "pressed Israel on allowing aid in": what is asked for has not happened, and is
            # not the act of the one who asks (the appeal is the event)
            return []
        # the violent event a verb of its outcome has as its subject ("the shelling killed ten")
        event = event_subject(match)
        if left_in_state(match) and event is None:
            return []  # "the decision left millions without power": a result, no withdrawal
        speaker = self.speakers.speaker_for(trigger)
        found = self.finder.find(match, speaker, event)
        if found is None:
            return []
        real_sources, real_targets, rule = found.sources, found.targets, found.rule
        # two states' drills ("Egypt and Sudan held drills"), or drills "with China": a joint
        # exercise, military cooperation, so a planned one is no threat (138)
        if match.code == "150" and len({a.country for a in real_sources if a.country}) > 1:
            match = replace(match, code="062", rule=match.rule + "+joint")
        elif partners := exercise_partners(match.code, trigger, match.obj, real_sources, self.clauses.actor):
            match = replace(match, code="062", rule=match.rule + "+partner")
            real_targets = partners
        elif protective(match.code, trigger, real_sources, [t for t in real_targets if t is not None]):
            match = replace(match, code="074", rule=match.rule + "+protective")  # sent to help the host
        stance = stance_of(match, speaker, match.code, match.rule + rule, real_sources, real_targets,
                           self.clauses, self.shifts)
        code, rule = stance.code, stance.rule
        real_sources, real_targets = stance.sources, stance.targets
        judged = verdict(match, code, stance.modality, speaker, real_sources, real_targets, self.clauses)
        if judged is not None:
            # "X said Y's offensive breached the law": X's accusation of Y, not Y's defiance
            # (see nested.py); told with the modality of X's words
            code, rule = judged.code, rule + "+verdict"
            real_sources, real_targets = judged.sources, judged.targets
            speech = self.clauses.speech_head(trigger)
            if speech is not None:
                said, cue = modality_cue(speech)
                stance = replace(stance, modality=said, cue=cue)
            else:
                stance = replace(stance, modality="asserted", cue=None)
        clause_contexts = self.plover.clause_contexts(match)
        code = self.plover.refine(code, clause_contexts)
        if code[:2] not in VIOLENT_ROOTS and event is not None:
            # "strikes on power plants LEFT millions without electricity": no departure but
            # the toll of the strikes, an attack by the means the event names ("drone strikes"
            # 195, "shelling" 194, "a bombing" 183), else by unspecified force (190)
            code, rule = means_code(event), rule + "+event-subject"
        if code[:2] == "09" and real_sources and all(a.sector in UNOFFICIAL_INQUIRERS for a in real_sources):
            return []  # a newspaper's or scientists' investigation is reporting or research
        if code[:2] in ("01", "13") and not real_targets and real_sources and trigger.lemma_.lower() in WARNING_VERBS \
                and all(a.sector in FORECASTING_SECTORS for a in real_sources) and not warns_of_own_action(trigger):
            # scientists or doctors warning of a heatwave or a disease forecast it; nurses who
            # warn that they would strike threaten their own action
            return []
        if benign_deadline(match) and not answers_demand(match):
            # "gave the inspectors three days to visit the plant": no ultimatum; three days to
            # answer the giver's own demand make that demand final
            return []
        if (shown := force_shown(code, trigger, real_sources)) is not None:
            code, rule = shown, rule + "+force-shown"  # "riot police flooded the streets"
        elif code.startswith("141") and real_sources and all(_official(a) for a in real_sources):
            code, rule = "114", rule + "+official"  # a government protests officially
        elif (boycott := boycott_threat_code(code, trigger)) is not None:
            code, rule = boycott, rule + "+boycotted"  # a threat to shun a vote, not goods
        elif (curbing := curbing_law_code(code, match.obj)) is not None:
            code, rule = curbing, rule + "+curbing-law"  # "passed a law banning protests"
        elif (home := home_ban_code(code, trigger, real_sources, real_targets)) is not None:
            code, rule = home, rule + "+own-people"  # "banned women from entering stadiums"
        if (pattern.needs_target or pattern.kind == "copula") and not real_targets and len(real_sources) < 2 \
                and event is None and not found.passed_place:  # "left the city": it went
            return []
        pairs, rule, confidence = self.finder.pairs(match, code, rule, real_sources, real_targets)
        pairs = distinct_pairs(pairs)  # "to Port - au - Prince", four objects of one place: once
        if not pairs or no_such_act(code, real_sources):  # "400 Kenyan police landed in Haiti"
            return []
        if (blockade := blockade_code(code, match.base, real_sources)) is not None:
            # farmers obstruct, a navy imposes; whom the blockade is aimed at was found above
            # for the lexicon's code ("blocked the road, keeping protesters away": protesters)
            code, rule = blockade, rule + "+blockader"
        if code[:2] == "14":  # whom a protest is aimed at, however found
            pairs = _protest_pairs(pairs)
        group = event_id(self.article_id, index, trigger.i) if len(pairs) > 1 else None
        built = [self.records.event(index, sent, match, code, s, t,
                             (stance.modality, stance.cue, _attributed(speaker)), group,
                             rule, confidence, clause_contexts)
                 for s, t in pairs]
        self.parties.recent = (self.parties.recent + built)[-8:]
        self._made.add(trigger.i)
        if match.noun is not None:
            self._made.add(match.noun.i)  # "launched an offensive to retake X": the offensive's aim
        if match.inner is not None:  # "threatened to send troops to fight X": the sending's aim
            self._made.add(match.inner.trigger.i)
        return built


def _protest_pairs(pairs: list[tuple[Actor, Actor | None]]) -> list[tuple[Actor, Actor | None]]:
    """Each protester's pairs with the recipients PLOVER gives a protest (``protest_recipients``):
    a protester left with no one it is aimed at protests once, aimed at no one."""
    out: list[tuple[Actor, Actor | None]] = []
    for s, t in pairs:
        kept = protest_recipients([t], [s]) if t is not None else []
        out.extend((s, k) for k in kept)
    for s, _ in pairs:
        if not any(o is s for o, _ in out):
            out.append((s, None))
    return out


CONSULT_ROOT: Final = "04"


def unnamed_visitor(head: Token, actor: Actor) -> bool:
    """A delegation or visitors the text names no country of ("met a delegation in Moscow",
    "received a visiting delegation"): a visitor is from elsewhere, so neither the place nor
    the article's country is theirs, and the meeting has no named other side."""
    return head.lemma_.lower() in VISITOR_NOUNS and (
        actor.country is None or NO_NATIONALITY in actor.reason or FOCUS_GUESS in actor.reason)


class PartyFinder:
    """Who does and who undergoes the act of a match (joint, named, unnamed or implied doers;
    located, owned, 'against' and clause targets), and how sources and targets pair into the
    events of the match (coordinated, reciprocal and mutual parties)."""

    def __init__(self, clauses: Clauses, parties: Parties, arguments: Arguments) -> None:
        self.clauses = clauses
        self.parties = parties
        self.arguments = arguments

    def find(self, match: Match, speaker: Actor | None, event: Token | None) -> FoundParties | None:
        """The parties of a match, or None when it has no event: no doer, or an unnamed doer
        and no victim. ``event`` is the violent event noun the trigger has as its subject
        (``event_subject``), whose parties are the doers."""
        trigger, pattern = match.trigger, match.pattern
        rule, code, through = "", match.code, False
        source_actors: list[Actor | None] = []
        if pattern.kind == "copula":
            source_actors = [speaker]
        source_heads = self.arguments.source_heads(match) if pattern.kind != "copula" else []
        if not source_heads and pattern.kind == "noun" and match.noun is None:
            source_heads = self.clauses.participants(trigger)  # "X took part in the assault"
        obj = match.obj
        if (not source_heads and pattern.kind == "verb" and obj is not None and obj.dep_ == "nsubjpass"
                and trigger.lemma_.lower() in LIGHT_VERBS and self.parties.actors.knowledge.role(obj.lemma_.lower()) is None):
            # "talks between X and Y were held": a light verb's passive object names its parties;
            # people as that object ("Russian DIPLOMATS were ordered out") are the ones acted on
            source_heads = self.clauses.noun_sources(obj)
        if (not source_heads and pattern.kind == "noun" and match.noun is not None and match.noun.dep_ == "nsubjpass"
                and match.noun.head.i == trigger.i):
            # "the arrest of three nationals BY PHILIPPINE POLICE was announced": the event noun,
            # subject of the passive verb that reports it, names its own doer
            source_heads = self.clauses.noun_sources(match.noun)
        if not source_heads and pattern.kind == "verb" and match.code[:2] == POSTURE_ROOT:
            # "(thousands of) Indian troops were deployed along the border": forces shown are
            # their own state's
            shown = next((c for c in children_of(trigger) if c.dep_ == "nsubjpass"), None)
            source_heads = self.clauses.noun_sources(self.clauses.actor_inside(shown)) if shown is not None else []
        sides: list[Token] = []
        if event is not None:
            # "Russia's strikes killed ...", "an attack by X left ...": the event's doer did it;
            # "fighting between X and Y killed 12": either side may have, so no one is named
            sides = event_sides(self.clauses, event)
            if len(sides) == 1:
                source_heads = sides
            elif len(sides) > 1 or event.pos_ == "VERB":
                source_heads = []
        for head in source_heads:
            if code[:2] in VIOLENT_ROOTS and pattern.kind == "verb" and listed(head.lemma_.lower(), ECONOMIC_BLOWS):
                continue  # "US tariffs hit Chinese exports": a measure's owner harms no one by it
            source_actors.extend(self.parties.source_actors(head, speaker))
        real_sources = [placed_group(self.parties, a, match) for a in source_actors if a is not None]
        if event is not None and len(sides) == 1:  # "a U.S. drone strike killed ...": its military
            real_sources = striking_forces(real_sources, sides[0], event)
        unnamed, implied = False, None
        if speaker is not None and not real_sources and not source_heads and _speaker_did(self.clauses, match, speaker):
            # "Kenya said the curfew had been lifted": an official speaker reporting a measure
            # done without a named doer reports its own act
            real_sources = [speaker]
            rule += "+speaker-passive"
        if not real_sources:
            # no named doer: a violent or coercive act still is an event, of an unknown actor
            # ("civilians were killed", "a roadside bomb killed ..."), when it has victims
            implied = implied_state(match, self.clauses.actor) or deporting_state(match, self.clauses.actor)
            doer = implied or self.parties.unnamed_doer(match, source_heads)
            if event is not None and (doer is None or not source_heads):
                doer = unknown_actor(trigger.idx, f"event '{event.text}' names no single doer")
            if doer is None:
                return None
            crowd = protesting_crowd(self.parties, match) if doer.unknown else None  # "protests erupted"
            real_sources, unnamed = [crowd or doer], crowd is None and doer.unknown
            rule += "+crowd" if crowd else "+unknown-source" if doer.unknown else "+led-by"
        targets: list[Actor | None] = []
        for head in self.arguments.target_heads(match):  # "it is a partner": 'it' is not the speaker
            for t in coordinated(head):
                if venue(t, code, trigger) or (code[:2] == PROTEST_ROOT and protest_venue(t, self.parties.actors.knowledge)):
                    continue  # (where a protest is held: "staged a strike IN LAGOS")
                actor = self.clauses.actor(t, speaker=speaker, for_speaker=pattern.kind != "copula")
                if actor is not None and code[:2] == CONSULT_ROOT and unnamed_visitor(t, actor):
                    continue  # "Putin met a delegation in Moscow": whose, the text does not say
                passed, instead = passed_place(t, actor, real_sources, match, self.parties.actors.knowledge)
                rule += PASSED_PLACE if passed else ""
                through = through or passed
                targets.append(instead if passed else None if actor is not None
                               and home_place(t, actor, real_sources, code) else actor)
                if actor is not None:  # "met the leaders of Armenia and Azerbaijan": one each
                    targets.extend(self.parties.plural_of(t, actor))
                    partner = hyphen_partner(t, actor.start, actor.end)
                    if partner is not None:  # "condemned the U.S.-South Korean drills": both
                        targets.append(self.clauses.actor(partner, speaker=speaker))
        real_targets = named_members([a for a in inherit_country([a for a in targets if a is not None])
                                       if not own_forces(match, a, real_sources)])
        if code[:2] == PROTEST_ROOT:  # "against the arrest of a cleric": for the cleric, not at him
            real_targets = [t for t in real_targets if not suffered(trigger.doc, t)]
            if not protest_recipients(real_targets, real_sources):  # "boycotted the courts to protest X's ..."
                doer = protested_doer(match, self.clauses.actor, lambda t: self.clauses.actors.resolve(t) is not None,
                                      real_sources)
                real_targets = [doer] if doer is not None else real_targets
        if code[:2] == PROTEST_ROOT and real_targets and all(
                t.country == s.country for t in real_targets for s in real_sources):
            # "staged ANTI-AMERICAN protests in Karachi": the name the protest is against says
            # whom it is aimed at, not the town at home it is held in
            opposed = opposed_party(self.clauses, match, real_sources, speaker, protesters=False)
            real_targets = [opposed] if opposed is not None else real_targets
        if implied is not None:  # "the Swedish envoy was summoned to the ministry": the envoy
            real_targets = envoy_targets(match, self.clauses.actor) or real_targets
        if unnamed and len(sides) > 1:
            # "fighting between X and Y killed 20 civilians": the deaths are the toll of that
            # fight, which its noun reports as the sides' reciprocal event; a second event by
            # an unknown doer would count one act twice. Only a fight naming no side ("the
            # clashes killed 12") leaves its victims to an unknown doer.
            return None
        if code[:2] in VIOLENT_ROOTS and real_targets:
            real_targets = struck_place(self.clauses, match, event, real_targets)
        real_targets = hosted_forces(match.trigger, code, self.clauses.actor) or real_targets
        if code[:4] in RELEASE_ASKS:  # "demanded the release of X held in Y": asked of Y
            real_targets = held_by(match.trigger, self.clauses.actor, real_sources) or real_targets
        real_targets = asked_from(match, code, self.clauses.actor, real_sources) or real_targets  # "extradition FROM Y"
        if not real_targets and not unnamed and pattern.kind == "noun" and code[:2] in UNNAMED_DOER_ROOTS:
            # "three policemen died in a Taliban ambush": the dead are its victims, before the place
            real_targets = self.parties.the_dead(trigger)
        if not real_targets and pattern.kind != "copula":
            real_targets = unnamed_targets(self.clauses, self.arguments.references.owner, match, speaker, real_sources) \
                or visited_host(self.parties.recent, match) or deep_partner(match, code, self.clauses.actor, real_sources) \
                or deeper_targets(match, code, self.clauses.actor, real_sources)
        if (doer := harm_doer(match, self.clauses.actor, real_targets, real_sources)) is not None:
            real_targets = [doer]  # "condemned the killing of protesters by police": the police
        if unnamed:
            real_targets = self.parties.victims(match, [t for t in real_targets if not _same(t, real_sources[0])])
            if not real_targets and not source_heads and not self.parties.acted_on(trigger):
                # a bare event noun with no doer and no victim ("a shootout"), or a passive whose
                # subject is a measure ("markets were hammered"): too little to tell an act from
                # a figure of speech. A subject that did it ("gunmen opened fire", "hundreds
                # protested") or a thing acted on ("shots were fired", "a mosque was torched")
                # is reported with its target unknown.
                return None
        # a target found where the pattern finds none may still be the forces it moves; and a
        # posture's doer is never its target ("were placed on alert by Armenia": the 'by' hung
        # under 'alert' is the agent); one span of two ("the two leaders") may be
        posture = code[:2] == POSTURE_ROOT
        real_targets = [a for a in real_targets if not own_forces(match, a, real_sources) and not (posture and any(
            (a.start, a.end, a.country) == (s.start, s.end, s.country) for s in real_sources))]
        if code[:2] == "17" and len(real_targets) == 1:
            real_sources = [domestic_forces(a, real_targets[0]) for a in real_sources]
        if code[:2] == "19" and len(real_sources) >= 2 and trigger.lemma_.lower() in RECIPROCAL_LEMMAS:
            # "the army and the RSF fought in Khartoum": the town is where they fought
            real_targets = [t for t in real_targets if AS_A_PLACE not in t.reason]
        return FoundParties(real_sources, real_targets, rule, through)

    def pairs(
        self, match: Match, code: str, rule: str, real_sources: list[Actor], real_targets: list[Actor]
    ) -> tuple[list[tuple[Actor, Actor | None]], str, float]:
        """The (source, target) pairs of a match, the rule with how they were paired, and the
        confidence (lower when the target is merely named in the clause)."""
        trigger, pattern, confidence = match.trigger, match.pattern, match.confidence
        pairs: list[tuple[Actor, Actor | None]] = []
        # "drew criticism from X and Y": each criticised, not each other
        inverse = pattern.kind == "noun" and undergoer_verb(trigger) is not None
        # "U.S. and Russian officials held talks on MOSCOW'S build-up": a target that is one of
        # the sides again (or the government of one) is a topic, not a third party; the sides
        # act with each other. A place is no side ("Israel and Hamas declared a truce in Gaza")
        if len(real_sources) >= 2 and all(any(t.cameo_code == s.cameo_code or (
                t.kind == "state" and t.sector == "GOV" and t.country == s.country) for s in real_sources)
                for t in real_targets):
            real_targets = []
        if pattern.kind == "noun" and match.noun is None and not real_targets and len(real_sources) >= 2 and not inverse:
            pairs = reciprocal(real_sources)
            rule += "+between"
        elif len(real_sources) >= 2 and not inverse and (
            each_other(trigger) or mutual_act(trigger) or (not real_targets and (
                code[:3] in RECIPROCAL or code[:2] == "03" or trigger.lemma_.lower() in RECIPROCAL_LEMMAS
                or (match.base or "")[:3] in RECIPROCAL))  # "X and Y seek to deepen their partnership"
        ):
            # "accused each other of shelling villages": the villages are the charge, the sides
            # each other's targets
            pairs = reciprocal(real_sources)
            rule += "+reciprocal"
        else:
            clause_target = False
            mutual = (trigger.lemma_.lower() in MUTUAL_WITH and any(
                c.dep_ == "prep" and c.lower_ == "with" for c in children_of(trigger))) or (
                # "rebels fought the army": two-sided fighting, whose object fights back
                code[:2] == "19" and trigger.lemma_.lower() in MUTUAL_OBJECT
                and any(c.dep_ == "dobj" for c in children_of(trigger)))
            for s in real_sources:
                if real_targets:
                    pairs.extend((s, t) for t in real_targets if not _same(s, t))
                    if mutual:
                        pairs.extend((t, s) for t in real_targets if not _same(s, t))
                elif code[:2] not in CLAUSE_TARGET_ROOTS and not _aimed(code):
                    pairs.append((s, None))
                else:
                    fallback = self.clauses.clause_target(trigger, s, same_country=code[:2] == "14",
                                                          after=_aimed(code))
                    clause_target = clause_target or fallback is not None
                    pairs.append((s, fallback))
            if clause_target:
                rule += "+clause-target"
                confidence -= CONFIDENCE.clause_target_penalty
        return pairs, rule, confidence


class EventRecords:
    """The event records of one article: a match's code and PLOVER contexts as ontology records,
    its evidence, its date (from the sentence's date cues) and the modality the date makes
    historical, and a stable id."""

    def __init__(self, context: ArticleContext, text: str, ontology: Ontology, plover: PloverContexts) -> None:
        self.context = context
        self.article_id = context.id
        self.published = context.published
        self.ontology = ontology
        self.plover = plover
        self._doc_text = text
        # Dates by trigger index (a trigger's events share it); the doc's date cues, found in
        # one pass when the first event is dated.
        self._dates: dict[int, EventDate] = {}
        self._date_cues: list[tuple[int, int, Token, str]] | None = None

    def _date(self, sent: SpacySpan, trigger: Token) -> EventDate:
        if trigger.i not in self._dates:
            if self._date_cues is None:
                self._date_cues = doc_date_cues(self.context.doc, self.context.entities)
            cues = [(tok, text) for start, end, tok, text in self._date_cues
                    if start >= sent.start and end <= sent.end]
            self._dates[trigger.i] = event_date(sent, trigger, self.published, cues)
        return self._dates[trigger.i]

    def event(
        self, index: int, sent: SpacySpan, match: Match, code: str, source: Actor,
        target: Actor | None, stance: tuple[Modality, Token | None, Actor | None], group: str | None,
        rule: str, confidence: float, clause_contexts: list[str],
    ) -> Event:
        """One event record; ``stance`` is its modality, the word that set it, and the speaker
        whose words report it (if any)."""
        modality, cue, speaker = stance
        trigger = match.noun if match.pattern.kind == "noun" and match.noun is not None else match.trigger
        cameo, plover = self.ontology.records_for(code, self.plover.of_event(clause_contexts, source, target))
        date = self._date(sent, match.trigger)
        if modality == "asserted" and _long_ago(date, self.published):
            modality, cue = "historical", None  # the date decides, not a word
        if modality == "asserted" and refers_to_earlier(trigger):  # "in retaliation for X"
            modality = "historical"
        evidence = Evidence(
            sentence=self._doc_text[sent.start_char:sent.end_char],  # sent.text, cheaper
            sentence_start=sent.start_char,
            trigger=Span(trigger.text, trigger.idx, trigger.idx + len(trigger.text)),
            rule=rule,
            modality_cue=Span(cue.text, cue.idx, cue.idx + len(cue.text)) if cue is not None else None,
            attributed_to=speaker,
        )
        # one span for both parties ("the two leaders signed"): their codes tell the events apart
        shared = target is not None and (source.start, source.end) == (target.start, target.end)
        eid = event_id(self.article_id, index, trigger.idx, source.start,
                        target.start if target else "", cameo.code,
                        *((source.cameo_code, target.cameo_code) if shared and target else ()))
        return Event(
            id=eid, article_id=self.article_id, sentence=index, source=source, target=target,
            cameo=cameo, plover=plover, modality=modality, evidence=evidence, group=group,
            date=date, confidence=round(max(confidence, CONFIDENCE.floor), 2),
        )



def _speaker_did(clauses: Clauses, match: Match, speaker: Actor | None) -> bool:
    """Whether a passive act without an agent, in the reported speech of an official speaker
    (a state, an international body, or a government, army, police or court), is the
    speaker's own: a measure (not violence, which may be anyone's) done to others than the
    speaker ('Kenya said two suspects were arrested', 'the UN said aid was delivered')."""
    trigger = match.trigger
    if speaker is None or match.pattern.kind != "verb" or match.code[:2] in VIOLENT_ROOTS:
        return False
    if not (speaker.kind in ("state", "igo") or speaker.sector in ("GOV", "MIL", "COP", "JUD")):
        return False
    if speaker.kind == "igo" and match.code[:2] in ("15", "17"):
        return False  # an international body reports others' arrests and deployments
    patients = [c for c in children_of(trigger) if c.dep_ == "nsubjpass"]
    if not patients or any(c.dep_ == "agent" for c in children_of(trigger)):
        return False
    if clauses.speech_head(trigger) is None:
        return False
    for p in patients:
        if match.obj is not None and p.i == match.obj.i and match.pattern.objects:
            continue  # "the curfew was lifted": the thing the measure is about
        if p.pos_ == "PRON" or any(t.dep_ == "poss" and t.pos_ == "PRON" for t in p.subtree):
            return False  # "two of its citizens were detained", "it was invited"
        actor = clauses.actor(p, speaker=speaker)
        if actor is not None and (_same(actor, speaker) or actor.country == speaker.country):
            return False
    return True


def _long_ago(date: EventDate, published: Date | None) -> bool:
    """Background events: dated more than a year before the article ("an accord signed in 2015")."""
    if date.value is None or published is None or date.precision in ("day", "week", "unknown"):
        return False
    return (published - date.value).days > 365


def _attributed(speaker: Actor | None) -> Actor | None:
    """The speaker an event is attributed to, with only what the text says of them: a nationality
    guessed from the article's focus ("the official said", no country named) is left out, since
    the focus is a guess from the article's other sentences, not from the speaker's words."""
    if speaker is None or FOCUS_GUESS not in speaker.reason:
        return speaker
    said = speaker.reason.split(FOCUS_GUESS)[0]
    return replace(speaker, name=speaker.text, country=None, cameo_code=speaker.sector or "UNK", reason=said)


def _official(actor: Actor) -> bool:
    """A government, army, IGO or state: who protests officially rather than in the street."""
    return actor.kind in ("state", "igo") or actor.sector in ("GOV", "MIL", "LEG", "JUD")
