"""Section links: every h2–h6 permalink says what it is to screen readers, in the page's language.

A small Markdown extension, run right after toc has added its ¶ permalinks: each becomes a
link with a label, and a # sign hidden from screen readers; the page title (h1) gets none,
since the page's own address is its link. The copy-to-clipboard behaviour is added in the
browser by assets/javascripts/medvirkning.js; without JavaScript the link leads to the section.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Callable

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def label_permalinks(root: etree.Element, label: str) -> None:
    """Relabel toc's permalinks in a page's element tree (in place)."""
    for heading in root.iter():
        if heading.tag not in HEADINGS:
            continue
        for link in [child for child in heading if child.tag == "a" and child.get("class") == "headerlink"]:
            if heading.tag == "h1":
                heading.remove(link)
                continue
            href = link.get("href")
            link.attrib.clear()
            link.set("class", "headerlink")
            link.set("href", href)
            link.set("aria-label", label)
            link.set("data-mv-copy-link", "")
            link.text = None
            sign = etree.SubElement(link, "span", {"aria-hidden": "true"})
            sign.text = "#"
            keep_with_last_word(heading, link)


def keep_with_last_word(heading: etree.Element, link: etree.Element) -> None:
    """Put the heading's last word and its link in one unbreakable span, so that on a narrow
    screen the # never goes onto a line of its own."""
    children = list(heading)
    index = children.index(link)
    before = children[index - 1] if index else None
    text = (before.tail if before is not None else heading.text) or ""
    head, _, word = text.rstrip().rpartition(" ")
    keep = etree.Element("span", {"class": "mv-nowrap"})
    heading.remove(link)
    if word:  # the last word is text: it moves into the span
        if before is not None:
            before.tail = head + " " if head else ""
        else:
            heading.text = head + " " if head else ""
        keep.text = word
    elif before is not None:  # the heading ends with an element (an abbreviation, code): it moves
        heading.remove(before)
        before.tail = None
        keep.append(before)
        index -= 1
    keep.append(link)
    heading.insert(index, keep)


class _Relabel(Treeprocessor):
    def __init__(self, md, label: Callable[[], str]):
        super().__init__(md)
        self.label = label

    def run(self, root):
        label_permalinks(root, self.label())


class SectionLinks(Extension):
    """`label` gives the words of the language being built (it is asked for every page)."""

    def __init__(self, label: Callable[[], str]):
        super().__init__()
        self.label = label

    def extendMarkdown(self, md):
        md.treeprocessors.register(_Relabel(md, self.label), "medvirkning_section_links", 4)  # toc is 5
