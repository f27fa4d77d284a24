"""A coder factory for the throughput benchmark: the pre-filter without its context sentences.

    .venv/bin/python benchmarks/throughput.py --coder no_context:NoContext
    .venv/bin/python benchmarks/throughput.py --workers 1 --coder no_context:NoContext \\
        --corpus ../shared/eval/dev/geowebnews_dev.jsonl

The pre-filter normally keeps, besides the sentences that can hold an event, those their
actors are resolved from (the names before "he", a quotation's speaker, what the article says
of a person: ``prefilter.context``). This factory's coder drops them, to measure what they cost
in speed and in events: the benchmark's comparison with the run without any pre-filter counts
the articles whose events change. Not a setting: the events it loses are real.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from dyadwatch.coder import Coder
from dyadwatch.settings import Settings


@dataclass(frozen=True)
class NoContext:
    """Builds (in each worker) a Coder whose pre-filter keeps no context sentences."""

    model: str | None = None

    def __call__(self) -> Coder:
        settings = Settings.from_env(model=self.model)
        full = Coder(settings)
        prefilter = replace(full.prefilter, with_context=False)
        return Coder(settings, nlp=full.nlp, knowledge=full.knowledge, prefilter=prefilter)
