"""Knowledge: the versioned data tables (ontology, lexicon, actors) and their one loader.

Stage modules import the submodule they need (``dyadwatch.knowledge.base``); the names below are
kept for code written against the former ``dyadwatch.knowledge`` module.
"""

from dyadwatch.knowledge.base import Knowledge, load_knowledge
from dyadwatch.knowledge.ontology import Ontology, load_ontology

__all__ = ["Knowledge", "Ontology", "load_knowledge", "load_ontology"]
