"""A built page as a small tree of elements, parsed with the standard library.

Plain functions only; the accessibility report reads headings, images, links and the
running text of each page through it. Lenient like a browser about end tags that are
left out (</p>, </li>) or stray; it never changes the HTML.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Iterator

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Opening one of these closes an open element of the same kind (HTML's implied end tags).
SELF_CLOSING_SIBLINGS = {"p", "li", "dt", "dd", "tr", "td", "th", "option"}


@dataclass(eq=False)
class Element:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list["Element | str"] = field(default_factory=list)
    parent: "Element | None" = None

    def iter(self, *tags: str) -> Iterator["Element"]:
        """This element's descendants in document order, only those named if names are given."""
        for child in self.children:
            if isinstance(child, Element):
                if not tags or child.tag in tags:
                    yield child
                yield from child.iter(*tags)

    def find(self, tag: str) -> "Element | None":
        """The first descendant with this name."""
        return next(self.iter(tag), None)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self, skip=lambda element: False) -> str:
        """All text inside, with the elements `skip` says yes to left out."""
        parts: list[str] = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif not skip(child):
                parts.append(child.text(skip))
        return "".join(parts)

    def ancestors(self) -> Iterator["Element"]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document")
        self.open: list[Element] = [self.root]

    def handle_starttag(self, tag, attrs):
        if tag in SELF_CLOSING_SIBLINGS and self.open[-1].tag == tag:
            self.open.pop()
        element = Element(tag, {name: value or "" for name, value in attrs}, parent=self.open[-1])
        self.open[-1].children.append(element)
        if tag not in VOID:
            self.open.append(element)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.open.pop()

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, 0, -1):
            if self.open[index].tag == tag:
                del self.open[index:]
                return

    def handle_data(self, data):
        self.open[-1].children.append(data)


def parse(html: str) -> Element:
    """The document's root; its children are the top-level elements (usually <html>)."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


_HTML_START = re.compile(r"<html\b[^>]*>", re.I)
_ARTICLE_START = re.compile(r"<article\b[^>]*>", re.I)


def parse_head_and_article(html: str) -> Element:
    """The <html> element with its <article>, their start tags only: enough to read the page's
    language, without parsing the whole written page (the menu is most of it)."""
    return parse("".join(m.group(0) for m in (_HTML_START.search(html), _ARTICLE_START.search(html)) if m))
