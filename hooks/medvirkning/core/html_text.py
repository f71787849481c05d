"""Walk an HTML fragment as runs of text and tags, knowing which elements enclose each text.

Plain functions only; the glossary uses them on the raw HTML that Markdown sets aside (its
stash), to touch text but never tags, attributes or ids. (The accessibility report reads
whole pages as a tree: html_tree.py.)
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# A tag runs to the first > outside a quoted attribute value (<span title="a > b"> is one tag).
_TAG_TEXT = r"""<(?:[^>"']|"[^"]*"|'[^']*')+>"""
_TOKEN = re.compile(rf"(<!--.*?-->|{_TAG_TEXT})", re.S)
_TAG = re.compile(r"""<\s*(/)?\s*([a-zA-Z][a-zA-Z0-9]*)(?:[^>"'/]|"[^"]*"|'[^']*'|/(?!\s*>))*(/)?\s*>""", re.S)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass(frozen=True)
class TextRun:
    source: str
    is_text: bool
    inside: frozenset  # names of the open elements around this run


def text_runs(html: str, stack: list[str] | None = None):
    """Yield the fragment as TextRun pieces; joining their sources gives the HTML back.
    `stack` holds the elements open before the fragment; tags the fragment leaves open stay on it."""
    stack = [] if stack is None else stack
    for piece in _TOKEN.split(html):
        if not piece:
            continue
        if piece.startswith("<"):
            yield TextRun(piece, False, frozenset(stack))
            tag = _TAG.match(piece)
            if not tag or piece.startswith("<!"):
                continue
            closing, name, self_closing = tag.group(1), tag.group(2).lower(), tag.group(3)
            if closing:
                if name in stack:
                    while stack and stack.pop() != name:
                        pass
            elif name not in VOID and not self_closing:
                stack.append(name)
        else:
            yield TextRun(piece, True, frozenset(stack))
