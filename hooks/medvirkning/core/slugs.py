"""Readable ASCII ids for headings, with the Norwegian letters transliterated.

Plain functions only: the heading hook and the checklist hook both use `slugify`,
so that an id is computed the same way everywhere.
"""
from __future__ import annotations

import re
import unicodedata

from .source import LINK

# Letters NFKD cannot decompose into ASCII.
_TRANSLITERATION = str.maketrans({
    "æ": "ae", "ø": "o", "å": "a", "ß": "ss", "đ": "d", "ł": "l", "þ": "th", "ð": "d",
})
_NOT_ALPHANUMERIC = re.compile(r"[^a-z0-9]+")


def slugify(text: str, separator: str = "-") -> str:
    """Make a heading id: "Sentrale føringer og mål" -> "sentrale-foringer-og-mal"."""
    text = text.lower().translate(_TRANSLITERATION)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _NOT_ALPHANUMERIC.sub(separator, text).strip(separator)


_EXPLICIT_ID = re.compile(r"\s*\{[^}]*#([A-Za-z0-9_:.-]+)[^}]*\}\s*$")
_ATTR_LIST = re.compile(r"\s*\{:?[^}]*\}\s*$")
_INLINE_MARKUP = re.compile(r"[*_`]|" + LINK.pattern)  # a link counts by its text


def heading_id(heading_text: str) -> str:
    """The id a Markdown heading line's text gets: its explicit `{#id}` or its slug."""
    explicit = _EXPLICIT_ID.search(heading_text)
    if explicit:
        return explicit.group(1)
    text = _ATTR_LIST.sub("", heading_text)
    text = _INLINE_MARKUP.sub(lambda m: m.group(1) or "", text)
    return slugify(text.strip().rstrip("#").strip())
