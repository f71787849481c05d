"""A built page as a small tree of elements, parsed by lexbor (selectolax), an HTML5 parser.

Plain functions only; the accessibility checks read headings, images, links and the
running text of each page through it. It never changes the HTML.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Iterator

from selectolax.lexbor import LexborHTMLParser


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


def _build(first, parent: Element) -> None:
    """Copy lexbor's node `first`, its siblings after it and everything below them into our
    small elements (text as str, no comments)."""
    child = first
    while child is not None:
        if child.tag == "-text":
            parent.children.append(child.text_content or "")
        elif not child.tag.startswith("-") and child.tag != "!doctype":
            element = Element(child.tag, {k: v or "" for k, v in child.attributes.items()}, parent=parent)
            parent.children.append(element)
            _build(child.child, element)
        child = child.next


@functools.lru_cache(maxsize=2)
def parse(html: str) -> Element:
    """The document's root; a fragment's elements are its children, a whole page's is <html>.

    Cached: the checks of one page share one parse. The tree is read, never changed."""
    root = Element("#document")
    if html.lstrip()[:15].lower().startswith(("<!doctype", "<html")):
        tree = LexborHTMLParser(html)
        page = Element("html", {k: v or "" for k, v in tree.root.attributes.items()}, parent=root)
        root.children.append(page)
        _build(tree.root.child, page)
    else:
        _build(LexborHTMLParser(html, is_fragment=True).root, root)
    return root


def page_languages(html: str) -> tuple[str | None, str | None]:
    """(lang of <html>, lang of <article>) of a written page."""
    tree = LexborHTMLParser(html)
    article = tree.css_first("article")
    return tree.root.attributes.get("lang"), article.attributes.get("lang") if article is not None else None
