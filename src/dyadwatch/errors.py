"""dyadwatch's exceptions: one small hierarchy, so callers catch ``DyadwatchError`` and the CLI
turns each into a clear message."""

from __future__ import annotations


class DyadwatchError(Exception):
    """Base of every error dyadwatch raises on purpose."""


class ModelNotFoundError(DyadwatchError):
    """No usable spaCy pipeline is installed under the configured name."""


class InputError(DyadwatchError):
    """An input file or record cannot be read as an article (names the file or record)."""

    def __init__(self, where: str, problem: str, record_id: str | None = None) -> None:
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem
        # The record's own id when it could be read (a JSONL line with a bad date, say).
        self.record_id = record_id


class KnowledgeError(DyadwatchError):
    """A knowledge file (ontology, lexicon, actor list) is invalid; names the file and line."""

    def __init__(self, path: str, line: int | None, problem: str) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {problem}")
        self.path = path
        self.line = line
        self.problem = problem


class StoreError(DyadwatchError):
    """The event database cannot be opened, migrated or written."""


class InvalidArgument(DyadwatchError):
    """A query parameter is malformed, unknown or impossible; ``parameter`` names it (the HTTP
    API answers 400 with it, the CLI prints it)."""

    def __init__(self, parameter: str, problem: str) -> None:
        super().__init__(f"{parameter}: {problem}")
        self.parameter = parameter
        self.problem = problem


class NotFound(DyadwatchError):
    """An event, article or other record asked for by id is not in the store."""
