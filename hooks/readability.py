"""Readability of running text: LIX and the share of long sentences.

Plain functions only; the accessibility report hook calls them on each built page.
"""
from __future__ import annotations

import re

import textstat

LONG_SENTENCE_WORDS = 20
LIX_EASY_MAX = 33
LIX_MEDIUM_MAX = 44

_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+")
_WORD = re.compile(r"[0-9A-Za-zÆØÅæøåÉéÜüÖöÄä-]+")


def sentences_from_blocks(blocks: list[str]) -> list[str]:
    """Split text blocks (paragraphs, list items, headings) into sentences.

    Each block ends a sentence even without punctuation, so that list items and
    headings count as sentences.
    """
    sentences: list[str] = []
    for block in blocks:
        block = " ".join(block.split())
        if not block:
            continue
        sentences.extend(part for part in _SENTENCE_END.split(block) if _WORD.search(part))
    return sentences


def lix(sentences: list[str]) -> float:
    """LIX of the given sentences, computed with textstat on text with one sentence per item."""
    if not sentences:
        return 0.0
    text = " ".join(s if s[-1] in ".!?" else s + "." for s in (s.rstrip(" :") for s in sentences))
    return float(textstat.lix(text))


def long_sentence_share(sentences: list[str], limit: int = LONG_SENTENCE_WORDS) -> float:
    """Share (0–1) of sentences with more than `limit` words."""
    if not sentences:
        return 0.0
    long = sum(1 for s in sentences if len(_WORD.findall(s)) > limit)
    return long / len(sentences)


def lix_label(value: float) -> str:
    """Plain Norwegian label for a LIX value."""
    if value <= LIX_EASY_MAX:
        return "lett"
    if value <= LIX_MEDIUM_MAX:
        return "middels"
    return "vanskelig"


_MD_NOISE = [
    (re.compile(r"^---\n.*?\n---\n", re.S), ""),  # front matter
    (re.compile(r"\{[:#.][^}]*\}"), ""),  # attr lists
    (re.compile(r"\{![^!]*!\}"), ""),  # markdown-include markers
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"<[^>]+>"), ""),
    (re.compile(r"[*_`]"), ""),
]


def blocks_from_markdown(markdown: str) -> list[str]:
    """Rough text blocks of a Markdown source (for editors' own checks before a build)."""
    for pattern, repl in _MD_NOISE:
        markdown = pattern.sub(repl, markdown)
    blocks: list[str] = []
    current: list[str] = []
    for line in markdown.splitlines():
        stripped = line.strip()
        starts_block = re.match(r"^(#+|[-*+]|\d+\.|>|!!!|\?\?\?)\s*", stripped)
        if not stripped or starts_block:
            if current:
                blocks.append(" ".join(current))
            current = []
            if starts_block:
                stripped = stripped[starts_block.end():]
                if stripped.startswith(("abstract", "info", "note", "tip", "warning", "sjekkliste")):
                    stripped = ""
        if stripped:
            current.append(stripped)
    if current:
        blocks.append(" ".join(current))
    return blocks


if __name__ == "__main__":  # python hooks/readability.py docs/**/*.md
    import sys

    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            found = sentences_from_blocks(blocks_from_markdown(f.read()))
        value = lix(found)
        print(f"{path}: LIX {value:.0f} ({lix_label(value)}), "
              f"{long_sentence_share(found):.0%} av setningene over {LONG_SENTENCE_WORDS} ord")
