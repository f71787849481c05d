"""Built HTML parsed by lexbor (selectolax), an HTML5 parser, and read in place.

A page's content is parsed once after Markdown, and the written page once after the theme
(`parse_content`, `parse_written_page`, steps in medvirkning.pipeline); every check of that
event reads the same lexbor tree through the helpers here: CSS selectors run in C, and only
the nodes a check asks for become Python objects. The templates' Word files
(templates_docs.py) read their Markdown's HTML through the same helpers.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator, Union

from selectolax.lexbor import LexborHTMLParser, LexborNode

# A parsed page or fragment (its queries cover all of it), or one element of it.
Scope = Union[LexborHTMLParser, LexborNode]


# ---- One lexbor parse per page and event, read in place ----

@dataclass(eq=False)
class SharedParse:
    """One parse of a page's HTML, read by every step of one event (LanguageBuild keeps it).

    `html` is the text as the steps have left it: a step that edits the text edits the tree
    the same way and puts the new text here, so the next step knows the tree is of its text."""
    html: str
    tree: LexborHTMLParser


def parse_html(html: str) -> LexborHTMLParser:
    """A whole page (<!doctype> or <html> first) as a document, anything else as a fragment."""
    if html.lstrip()[:15].lower().startswith(("<!doctype", "<html")):
        return LexborHTMLParser(html)
    return LexborHTMLParser(html, is_fragment=True)


def as_tree(html: "str | LexborHTMLParser") -> LexborHTMLParser:
    return parse_html(html) if isinstance(html, str) else html


def shared_tree(parse: SharedParse | None, html: str) -> LexborHTMLParser:
    """The event's parse, which must be of exactly this text."""
    if parse is None or parse.html is not html:
        raise RuntimeError("the shared parse is not of this page's HTML: a step changed the text "
                           "without changing the parse (see html_tree.SharedParse)")
    return parse.tree


def children(scope: Scope) -> Iterator[LexborNode]:
    """The nodes right inside an element; of a parse, its top-level nodes (a fragment has many)."""
    node = scope.root if isinstance(scope, LexborHTMLParser) else scope.child
    while node is not None:
        yield node
        node = node.next


def elements(scope: Scope) -> Iterator[LexborNode]:
    """Every element of a parse (or an element and those inside it), in document order."""
    start = scope.root if isinstance(scope, LexborHTMLParser) else scope
    if start is None:
        return
    for node in start.traverse(include_text=False):
        if node.is_element_node:
            yield node


def attribute(node: LexborNode, name: str) -> str | None:
    """An attribute's value ("" for one written without a value), None when it is not there."""
    attributes = node.attributes
    if name not in attributes:
        return None
    return attributes[name] or ""


def classes(node: LexborNode) -> list[str]:
    return (node.attributes.get("class") or "").split()


def text_of(node: LexborNode, skip: Callable[[LexborNode], bool] = lambda node: False) -> str:
    """All text inside, with the elements `skip` says yes to left out."""
    parts: list[str] = []
    for child in children(node):
        if child.is_text_node:
            parts.append(child.text_content or "")
        elif child.is_element_node and not skip(child):
            parts.append(text_of(child, skip))
    return "".join(parts)


def hidden_elements(scope: Scope) -> set[int]:
    """The elements hidden from everyone (hidden, aria-hidden="true"), by lexbor's node id."""
    return {node.mem_id for node in scope.css('[hidden], [aria-hidden="true"]')}


def is_hidden(node: LexborNode, hidden: set[int]) -> bool:
    """Inside (or one of) the `hidden_elements`: the checks leave it out, as axe does."""
    if not hidden:
        return False
    while node is not None:
        if node.mem_id in hidden:
            return True
        node = node.parent
    return False


def page_languages(tree: LexborHTMLParser) -> tuple[str | None, str | None]:
    """(lang of <html>, lang of <article>) of a written page."""
    html, article = tree.css_first("html"), tree.css_first("article")
    return (html.attributes.get("lang") if html is not None else None,
            article.attributes.get("lang") if article is not None else None)


# ---- Steps of the build (medvirkning.pipeline calls them in order) ----

def parse_content(html: str, page, build) -> str:
    """The one parse of a page's content that the checks after it read (build.content)."""
    build.content = SharedParse(html, parse_html(html))
    return html


def parse_written_page(output: str, page, build) -> str:
    """The one parse of the page as written that the steps after it read (build.written_page)."""
    build.written_page = SharedParse(output, parse_html(output))
    return output
