"""Markers for generated content: `<!-- generert: navn -->` on a line of its own.

The hooks that own a marker replace it first; a marker still in the page after them is
unknown (a typo, or a hook that was removed), and the build stops naming file and line.
"""
from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

from .source import docs_path, line_number, where

# Every marker a step owns; an editor's message lists them.
KNOWN = ("ordliste", "sjekklister", "tilgjengelighetsrapport", "tilgjengelighetsavvik", "oversettelser", "arshjul",
         "mal", "eier", "meld-fra", "organisasjoner", "sider <del av menyen>", "reiser")

MARKER = re.compile(r"^<!--\s*generert:\s*(.*?)\s*-->[ \t]*$", re.M)


def marker(name: str) -> re.Pattern:
    """The pattern of one named marker; the hook that owns the name replaces it."""
    return re.compile(rf"^<!--\s*generert:\s*{re.escape(name)}\s*-->[ \t]*$", re.M)


def leftover_markers(markdown: str) -> list[tuple[int, str]]:
    """(line, name) of every marker left in the Markdown."""
    return [(line_number(markdown, m.start()), m.group(1)) for m in MARKER.finditer(markdown)]


def no_leftovers(markdown: str, page, build) -> str:
    """Last of the Markdown steps: every step that owns a marker has replaced its own."""
    left = [name for _, name in leftover_markers(markdown)]
    if not left:
        return markdown
    # Named with its line in the file as the editor sees it (front matter included), if it is
    # there and not in an included text.
    line = next((line for line, name in leftover_markers(page.file.content_string) if name == left[0]), None)
    raise PluginError(
        f"{where(docs_path(page.file.src_uri), line)}: ukjent markør «<!-- generert: {left[0]} -->». "
        f"Kjente markører er {', '.join(f'«{known}»' for known in KNOWN)}. "
        "Sjekk stavemåten.")
