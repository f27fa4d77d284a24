"""A plain text extractor for HTML that trafilatura gives up on.

lxml, under trafilatura, stops building the tree at 255 levels of nesting, so a page nested
deeper loses its text. The standard library's tokenizer keeps no tree, so it has no such limit:
this module keeps the text outside scripts, styles and other non-content elements, with block
elements as line breaks, and the ``<title>``.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "math", "head", "iframe",
                   "object", "canvas", "nav", "footer"})
_BLOCK = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
                    "article", "blockquote", "pre", "table", "ul", "ol", "header", "main"})
_SPACES = re.compile(r"[ \t\f\v]+")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.skipping = 0
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        elif tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skipping:
            self.parts.append(data)


def html_text(html: str) -> tuple[str, str | None]:
    """(the page's text, its title or None); the text has one paragraph per line."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parser.parts).split("\n"))
    title = _SPACES.sub(" ", "".join(parser.title)).strip() or None
    return "\n".join(line for line in lines if line), title
