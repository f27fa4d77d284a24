"""Reading and validating dyadwatch's word lists: ``data/words.yaml``, the short closed lists of
words and codes the stages test tokens against (``knowledge/words.py`` gives each its name).

Line 1 of the file is the version line every data table has (``# dyadwatch word lists v1
(<date>)``, see :mod:`dyadwatch.tables`); the rest is a YAML mapping from each list's key, the
lowercase name of its attribute in ``words.py``, to an entry::

    speech_verbs:
      why: >-
        Verbs that introduce reported speech ...
      words: [say, add, state]

An entry has ``why`` (what the list is for) and one field of items, whose name says what the
items are and which value the list becomes:

=========  ================================================  ===========
field      items                                             value
=========  ================================================  ===========
words      lowercase words or phrases                        frozenset
ordered    lowercase words, in an order that is kept         tuple
stems      lowercase beginnings of words                     tuple
roots      two-digit CAMEO roots ("14")                      frozenset
codes      CAMEO event codes of three or four digits         frozenset
labels     spaCy labels ("DATE")                             frozenset
sectors    PLOVER actor sectors ("GOV")                      frozenset
code_of    lowercase words, each with a CAMEO event code     dict
=========  ================================================  ===========

An entry may also name lists above it in ``extends``: their items come first (a set of words may
extend a ``code_of`` list, whose words it takes), less those its ``except`` names; its own field
may then be left out. Items are read as written: YAML's ``on`` or ``03`` stays text.

Every problem raises :class:`dyadwatch.errors.KnowledgeError` naming the file, the line and the
list's key: a missing or unknown field, an empty list, an item twice or of the wrong form, a
value of the wrong type; a key no module reads (:meth:`WordLists.check_all_read`) or a key a
module reads that the file lacks.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import yaml

from dyadwatch.errors import KnowledgeError
from dyadwatch.knowledge.load import SECTORS
from dyadwatch.tables import packaged, parse_version, read_text

TABLE = "word lists"
VERSIONS = (1,)
FILE = "words.yaml"


def _word(item: str) -> bool:
    return bool(item) and item == item.lower() and item == " ".join(item.split())


_ROOT = re.compile(r"(0[1-9]|1\d|20)")
_CODE = re.compile(r"(0[1-9]|1\d|20)\d{1,2}")
_LABEL = re.compile(r"[A-Z][A-Z_]*")
# What each field's items must be, and how that reads in an error.
_FORMS: dict[str, tuple[Callable[[str], bool], str]] = {
    "words": (_word, "a lowercase word or phrase"),
    "ordered": (_word, "a lowercase word or phrase"),
    "stems": (_word, "a lowercase word beginning"),
    "roots": (lambda item: bool(_ROOT.fullmatch(item)), "a two-digit CAMEO root 01-20"),
    "codes": (lambda item: bool(_CODE.fullmatch(item)), "a CAMEO event code of 3 or 4 digits"),
    "labels": (lambda item: bool(_LABEL.fullmatch(item)), "an uppercase label"),
    "sectors": (lambda item: item in SECTORS, f"a sector ({' '.join(SECTORS)})"),
    "code_of": (_word, "a lowercase word"),
}
_SEQUENCES = ("ordered", "stems")  # fields whose value is a tuple
_OTHER_KEYS = ("why", "extends", "except")
_STR = "tag:yaml.org,2002:str"


@dataclass(frozen=True)
class WordList:
    """One list of the file: its key, field, reason, and items (for ``code_of``, the words, with
    their codes in ``codes``) with those of the lists it extends, in file order."""

    key: str
    field: str
    why: str
    items: tuple[str, ...]
    codes: tuple[str, ...] = ()
    extends: tuple[str, ...] = ()
    line: int = 0


class WordLists:
    """The lists of one file, handed out by key as the value their field says. It records which
    keys were read, so the module that reads them all can check that none is left over."""

    def __init__(self, path: str, version: str, lists: dict[str, WordList]) -> None:
        self.path = path
        self.version = version
        self.lists = lists
        self._read: set[str] = set()

    def _get(self, key: str, fields: tuple[str, ...]) -> WordList:
        found = self.lists.get(key)
        if found is None:
            raise KnowledgeError(self.path, None, f"{key}: no such list (a module reads it)")
        if found.field not in fields:
            raise KnowledgeError(self.path, found.line,
                                 f"{key}: a list of {found.field}, expected one of {', '.join(fields)}")
        self._read.add(key)
        return found

    def words(self, key: str) -> frozenset[str]:
        """A set: of words, roots, codes, labels or sectors."""
        return frozenset(self._get(key, ("words", "roots", "codes", "labels", "sectors")).items)

    def ordered(self, key: str) -> tuple[str, ...]:
        """A tuple: words in order, or word beginnings."""
        return self._get(key, _SEQUENCES).items

    def code_of(self, key: str) -> dict[str, str]:
        """A mapping of words to CAMEO codes, in file order."""
        found = self._get(key, ("code_of",))
        return dict(zip(found.items, found.codes, strict=True))

    def check_all_read(self) -> None:
        """Raise for the first list no module has read: a key the code does not know."""
        for key, found in self.lists.items():
            if key not in self._read:
                raise KnowledgeError(self.path, found.line, f"{key}: unknown list (no module reads it)")


def parse_word_lists(text: str, path: str) -> WordLists:
    """Check and read the word lists in ``text``, read from ``path`` (see the module's docstring)."""
    version = parse_version(text.split("\n", 1)[0], path, name=TABLE, versions=VERSIONS)
    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise KnowledgeError(path, line, f"invalid YAML: {getattr(exc, 'problem', exc)}") from exc
    if not isinstance(root, yaml.MappingNode):
        line = root.start_mark.line + 1 if root is not None else None
        raise KnowledgeError(path, line, "expected a mapping of list keys to lists")
    lists: dict[str, WordList] = {}
    for key_node, entry in root.value:
        key = _scalar(path, key_node, "a list key")
        if not re.fullmatch(r"[a-z][a-z0-9_]*", key):
            raise KnowledgeError(path, _line(key_node), f"{key!r}: a list key is a lowercase name")
        if key in lists:
            raise KnowledgeError(path, _line(key_node), f"{key}: listed twice (first on line {lists[key].line})")
        lists[key] = _entry(path, key, _line(key_node), entry, lists)
    return WordLists(path, str(version), lists)


def load_word_lists() -> WordLists:
    """The word lists shipped in ``dyadwatch/data/words.yaml``."""
    entry, where = packaged(FILE)
    return parse_word_lists(read_text(entry, where), where)


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _scalar(path: str, node: yaml.Node, what: str) -> str:
    """A plain or quoted scalar's text as written; a list, a mapping or an empty value is an error."""
    if not isinstance(node, yaml.ScalarNode) or (node.tag != _STR and not node.value):
        raise KnowledgeError(path, _line(node), f"expected {what}, found {_kind(node)}")
    return str(node.value)


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    return "nothing" if not node.value else f"{node.value!r}"


def _items(path: str, key: str, node: yaml.Node, field: str) -> list[tuple[yaml.Node, str]]:
    if not isinstance(node, yaml.SequenceNode):
        raise KnowledgeError(path, _line(node), f"{key}: {field} must be a list, found {_kind(node)}")
    return [(item, _scalar(path, item, f"{key}: an item of {field}")) for item in node.value]


def _entry(path: str, key: str, line: int, node: yaml.Node, done: dict[str, WordList]) -> WordList:
    if not isinstance(node, yaml.MappingNode):
        raise KnowledgeError(path, _line(node), f"{key}: expected a mapping with why and a list, found {_kind(node)}")
    fields: dict[str, yaml.Node] = {}
    for name_node, value in node.value:
        name = _scalar(path, name_node, f"{key}: a field name")
        if name not in _FORMS and name not in _OTHER_KEYS:
            raise KnowledgeError(path, _line(name_node), f"{key}: unknown field {name!r}; use why, "
                                 f"extends, except and one of {', '.join(_FORMS)}")
        if name in fields:
            raise KnowledgeError(path, _line(name_node), f"{key}: field {name} given twice")
        fields[name] = value
    if "why" not in fields:
        raise KnowledgeError(path, line, f"{key}: no why (what the list is for)")
    why = " ".join(_scalar(path, fields["why"], f"{key}: why, a text").split())
    if not why:
        raise KnowledgeError(path, _line(fields["why"]), f"{key}: why is empty")
    own = [name for name in fields if name in _FORMS]
    parents = _parents(path, key, fields, done)
    if len(own) > 1 or (not own and not parents):
        raise KnowledgeError(path, line, f"{key}: give exactly one of {', '.join(_FORMS)}")
    field = own[0] if own else done[parents[0].key].field
    inherited, inherited_codes = _inherited(path, key, field, fields, parents, line)
    items, codes = list(inherited), list(inherited_codes)
    check, form = _FORMS[field]
    if own:
        node = fields[field]
        pairs = _code_pairs(path, key, node) if field == "code_of" else [
            (item_node, item, "") for item_node, item in _items(path, key, node, field)]
        if not pairs:
            raise KnowledgeError(path, _line(node), f"{key}: {field} is empty")
        for item_node, item, code in pairs:
            if not check(item):
                raise KnowledgeError(path, _line(item_node), f"{key}: {item!r} is not {form}")
            if item in items:
                raise KnowledgeError(path, _line(item_node), f"{key}: {item!r} is listed twice")
            items.append(item)
            if field == "code_of":
                codes.append(code)
    if not items:
        raise KnowledgeError(path, line, f"{key}: the list is empty")
    return WordList(key, field, why, tuple(items), tuple(codes), tuple(p.key for p in parents), line)


def _parents(path: str, key: str, fields: dict[str, yaml.Node], done: dict[str, WordList]) -> list[WordList]:
    if "extends" not in fields:
        if "except" in fields:
            raise KnowledgeError(path, _line(fields["except"]), f"{key}: except needs extends")
        return []
    out: list[WordList] = []
    for item_node, name in _items(path, key, fields["extends"], "extends"):
        if name not in done:
            raise KnowledgeError(path, _line(item_node), f"{key}: extends {name!r}, which is no list above it")
        out.append(done[name])
    if not out:
        raise KnowledgeError(path, _line(fields["extends"]), f"{key}: extends is empty")
    return out


def _inherited(
    path: str, key: str, field: str, fields: dict[str, yaml.Node], parents: list[WordList], line: int
) -> tuple[list[str], list[str]]:
    """The items (and codes) that ``key`` takes from the lists it extends, less its exceptions."""
    items: list[str] = []
    codes: list[str] = []
    for parent in parents:
        if parent.field != field and not (field == "words" and parent.field == "code_of"):
            raise KnowledgeError(path, line, f"{key}: a list of {field} cannot extend {parent.key}, "
                                 f"a list of {parent.field}")
        for n, item in enumerate(parent.items):
            if item in items:
                raise KnowledgeError(path, line, f"{key}: {item!r} is in more than one list it extends")
            items.append(item)
            if field == "code_of":
                codes.append(parent.codes[n])
    if "except" in fields:
        for item_node, item in _items(path, key, fields["except"], "except"):
            if item not in items:
                raise KnowledgeError(path, _line(item_node), f"{key}: except {item!r}, which no list it extends has")
            at = items.index(item)
            del items[at]
            if codes:
                del codes[at]
    return items, codes


def _code_pairs(path: str, key: str, node: yaml.Node) -> list[tuple[yaml.Node, str, str]]:
    """The (word's node, word, code) of a ``code_of`` mapping, in file order."""
    if not isinstance(node, yaml.MappingNode):
        raise KnowledgeError(path, _line(node), f"{key}: code_of must be a mapping of words to codes, "
                             f"found {_kind(node)}")
    check, form = _FORMS["codes"]
    out: list[tuple[yaml.Node, str, str]] = []
    for word, value in node.value:
        code = _scalar(path, value, f"{key}: a CAMEO code")
        if not check(code):
            raise KnowledgeError(path, _line(value), f"{key}: {code!r} is not {form}")
        out.append((word, _scalar(path, word, f"{key}: a word"), code))
    return out
