"""The documentation and the command line agree: every command is documented; every
``dyadwatch ...`` command line in the README's and docs/*.md's code blocks and in the commands'
own help parses (the command exists, its options exist, choices and numbers are valid, its
arguments are there); every ``dyadwatch CMD --option`` named in the prose names a real command
and option; and the cheap ones run: ``--help`` of every command named."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from dyadwatch.cli import main

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_FENCE = re.compile(r"^```[\w-]*\n(.*?)^```", re.M | re.S)
_INLINE = re.compile(r"`(dyadwatch [^`\n]+)`")
# Where a shell line stops being arguments of dyadwatch.
_SHELL = {"|", ">", ">>", "<", "2>", "&&", "||", ";", "&"}


def _examples() -> list[tuple[str, str]]:
    """(where, command line) of every whole ``dyadwatch`` command line shown to users."""
    found: list[tuple[str, str]] = []
    for path in DOCS:
        for block in _FENCE.findall(path.read_text(encoding="utf-8")):
            for line in block.splitlines():
                line = line.strip().removeprefix("$ ").removeprefix(".venv/bin/")
                if line.startswith("dyadwatch "):
                    found.append((path.name, line))
    for name, command in main.commands.items():
        for line in (command.help or "").splitlines():
            if line.strip().startswith("dyadwatch "):
                found.append((f"dyadwatch {name} --help", line.strip()))
    return found


def _words(line: str) -> list[str]:
    words = []
    for word in shlex.split(line, comments=True)[1:]:
        if word in _SHELL:
            break
        words.append(word)
    return words


def _mentions() -> list[tuple[str, str]]:
    """(where, text) of the ``dyadwatch CMD ...`` spans in the prose: parts of command lines."""
    return [
        (path.name, span)
        for path in DOCS
        for span in _INLINE.findall(_FENCE.sub("", path.read_text(encoding="utf-8")))
    ]


EXAMPLES = _examples()
MENTIONS = _mentions()


def test_there_are_examples_to_check() -> None:
    assert len(EXAMPLES) >= 20
    assert {where for where, _ in EXAMPLES} >= {"README.md", "store.md", "dyadwatch code --help"}


def test_every_command_is_documented() -> None:
    text = "\n".join(path.read_text(encoding="utf-8") for path in DOCS)
    missing = [name for name in main.commands if f"dyadwatch {name}" not in text]
    assert not missing, f"commands no document shows: {missing}"


@pytest.mark.parametrize(("where", "line"), EXAMPLES, ids=[f"{w}: {x}" for w, x in EXAMPLES])
def test_the_example_parses(where: str, line: str) -> None:
    words = _words(line)
    assert words, f"{where}: no command in {line!r}"
    name, args = words[0], words[1:]
    command = main.commands.get(name)
    assert command is not None, f"{where}: no command {name!r}"
    try:
        with command.make_context(name, list(args)):
            pass
    except click.BadParameter as exc:
        # An input file that must exist (``--actors FILE``) is the reader's own: fine here.
        kind = exc.param.type if exc.param is not None else None
        if not (isinstance(kind, click.Path) and kind.exists):
            pytest.fail(f"{where}: {line!r}: {exc.format_message()}")
    except click.UsageError as exc:
        pytest.fail(f"{where}: {line!r}: {exc.format_message()}")


@pytest.mark.parametrize(("where", "span"), MENTIONS, ids=[f"{w}: {x}" for w, x in MENTIONS])
def test_the_commands_and_options_named_in_the_prose_exist(where: str, span: str) -> None:
    name, *rest = span.split()[1:] or [""]
    command = main.commands.get(name)
    assert command is not None, f"{where}: `{span}` names no command"
    options = {opt for param in command.params for opt in (*param.opts, *param.secondary_opts)}
    named = {re.sub(r"[^\w-].*", "", word) for word in rest if word.startswith("--")}
    assert named <= options | {"--help"}, f"{where}: `{span}`: no option {named - options}"


@pytest.mark.parametrize("name", sorted({_words(line)[0] for _, line in EXAMPLES}))
def test_the_help_of_every_command_shown_runs(name: str) -> None:
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert f"Usage: main {name}" in result.output or f"Usage: dyadwatch {name}" in result.output
