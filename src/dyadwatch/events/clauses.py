"""Clauses: the arguments of an event trigger on the dependency parse, from four collaborators.

Sources come from :class:`~dyadwatch.events.subjects.Subjects` (the subject, the passive agent,
raising and control, relative pronouns, coordinated verbs), objects and the words a pattern tests
from :class:`~dyadwatch.events.objects.Objects`, targets from
:class:`~dyadwatch.events.targets.Targets` (the pattern's preposition, the direct object, indirect
objects, then the first object of with/to/against/on) and
:class:`~dyadwatch.events.elsewhere.ElsewhereTargets` (a place acted on, an 'against' actor, an
actor merely named in the clause), and the actor a word stands for from
:class:`~dyadwatch.events.mentions.Mentions` (a mention that is no actor itself may govern one:
"a group of Liberians"; in reported speech "it" and "they" stand for the speaker).

``Clauses`` builds the four for one article and offers their answers under one name, which is
what the trigger matcher, the event builder and ``parties.py`` call.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from dyadwatch.events.elsewhere import ElsewhereTargets
from dyadwatch.events.mentions import Mentions
from dyadwatch.events.objects import Objects, sequence_lemmas
from dyadwatch.events.owners import Owners
from dyadwatch.events.subjects import Subjects
from dyadwatch.events.targets import Targets

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from dyadwatch.actors.resolve import ArticleActors


class Clauses:
    """Argument finding for one parsed article."""

    def __init__(self, doc: Doc, actors: ArticleActors) -> None:
        self.doc = doc
        self.actors = actors
        mentions = Mentions(doc, actors)
        objects = Objects()
        subjects = Subjects(mentions)
        targets = Targets(doc, actors, mentions)
        elsewhere = ElsewhereTargets(doc, actors, mentions, targets.inside)
        # the answers callers ask for, bound once (each is asked many times per article)
        self.subjects = subjects.subjects
        self.addressee = subjects.addressee
        self.participants = subjects.participants
        self.speech_head = subjects.speech_head
        self.direct_object = objects.direct_object
        self.shared_object = objects.shared_object
        self.particles = objects.particles
        self.noun_lemmas = objects.noun_lemmas
        self.stopped_lemmas = objects.stopped_lemmas
        self.object_lemmas = objects.object_lemmas
        self.carried_lemmas = objects.carried_lemmas
        self.sequence_lemmas = partial(sequence_lemmas, noun_lemmas=objects.noun_lemmas)
        self.targets = Owners(targets, mentions).targets
        self.noun_targets = targets.noun_targets
        self.noun_sources = targets.noun_sources
        self.located_target = elsewhere.located_target
        self.against_target = elsewhere.against_target
        self.clause_target = elsewhere.clause_target
        self.actor = mentions.actor
        self.actor_inside = mentions.actor_inside
        self.crisis_country = mentions.crisis_country
