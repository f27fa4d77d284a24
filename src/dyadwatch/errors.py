"""dyadwatch's exceptions: one small hierarchy, so callers catch ``DyadwatchError`` and the CLI
turns each into a clear message.

Each class has a ``code``: a short string that never changes once published, so a program can
tell errors apart without parsing messages (``dyadwatch code --format jsonl`` writes it beside
each error). ``docs/errors.md`` lists them all.
"""

from __future__ import annotations

from typing import ClassVar


class DyadwatchError(Exception):
    """Base of every error dyadwatch raises on purpose."""

    code: ClassVar[str] = "DW-ERROR"


class ModelNotFoundError(DyadwatchError):
    """No usable spaCy pipeline is installed under the configured name."""

    code = "DW-MODEL"


class InputError(DyadwatchError):
    """An input file or record cannot be read as an article (names the file or record)."""

    code = "DW-INPUT"

    def __init__(self, where: str, problem: str, record_id: str | None = None) -> None:
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem
        # The record's own id when it could be read (a JSONL line with a bad date, say).
        self.record_id = record_id


class InvalidArgument(DyadwatchError, ValueError):
    """A library function was given a value it cannot use; names the parameter (the CLI
    puts its option name in front, see ``dyadwatch.cli.errors_to_messages``)."""

    code = "DW-ARGUMENT"

    def __init__(self, parameter: str, problem: str) -> None:
        super().__init__(f"{parameter}: {problem}")
        self.parameter = parameter
        self.problem = problem


class SettingsError(DyadwatchError):
    """A setting's value (an environment variable ``DYADWATCH_*``) cannot be used; names the
    variable."""

    code = "DW-SETTING"

    def __init__(self, variable: str, problem: str) -> None:
        super().__init__(f"{variable}: {problem}")
        self.variable = variable
        self.problem = problem


class OutputError(DyadwatchError):
    """An output file (report, plot, export) cannot be written; names the file."""

    code = "DW-OUTPUT"

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem


class KnowledgeError(DyadwatchError):
    """A knowledge file (ontology, lexicon, actor list) is invalid; names the file and line."""

    code = "DW-KNOWLEDGE"

    def __init__(self, path: str, line: int | None, problem: str) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {problem}")
        self.path = path
        self.line = line
        self.problem = problem


class DataFileError(KnowledgeError):
    """A data table (a TSV file of ``dyadwatch/data``, or one given in its place) does not have
    the table shape: version line, column header, cell counts (``tables.py``); names
    the file and line."""

    code = "DW-DATA"


class StoreError(DyadwatchError):
    """The event database cannot be opened, migrated or written."""

    code = "DW-STORE"


class CoderError(DyadwatchError):
    """The coder failed on an article in a way it did not foresee (the article is reported as
    failed; the others are coded)."""

    code = "DW-CODER"


class MissingExtra(DyadwatchError):
    """A feature needs an optional package that is not installed; names the extra that
    installs it (``pip install 'dyadwatch[plot]'``)."""

    code = "DW-EXTRA"

    def __init__(self, feature: str, extra: str, package: str) -> None:
        super().__init__(f"{feature} needs {package}: pip install 'dyadwatch[{extra}]'")
        self.feature = feature
        self.extra = extra
        self.package = package


class WorkerError(DyadwatchError):
    """A coding worker died or the cluster failed (articles stored so far are kept)."""

    code = "DW-WORKER"


class NotFound(DyadwatchError):
    """An event, article or other record asked for by id is not in the store."""

    code = "DW-NOTFOUND"
