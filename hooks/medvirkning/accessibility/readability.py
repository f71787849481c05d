"""Readability of running text: LIX and the share of long sentences.

Plain functions only; the accessibility report hook calls them on each built page's text
(`blocks_from_html`), and editors can measure a Markdown file before a build (the CLI below).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.html_tree import Scope, children
from ..core.settings import LIX_MAX, LIX_TARGET  # noqa: F401 - the defaults; mkdocs.yml may set others
from ..core.source import INCLUDE, LINK, without_front_matter

LONG_SENTENCE_WORDS = 20
LIX_EASY_MAX = 33
LIX_MEDIUM_MAX = 44
MIN_WORDS = 50  # below this a LIX says little about a page

# A sentence ends at . ! ? or : before something that does not go on in lower case or
# digits, so "f.eks. møtet" and "19.–20. mars" stay whole.
_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+(?![a-zæøåäöüé0-9–-])")
_WORD = re.compile(r"[0-9A-Za-zÆØÅæøåÉéÜüÖöÄä-]+")
# LIX's words as textstat counts them (its lexicon_count and long_word_count): the text without
# punctuation, split at white space. The build counts them itself: importing textstat loads
# nltk, a third of a second per build, for two counts; tests/test_accessibility.py checks
# that the counts are textstat's on every page of the site.
_PUNCTUATION = re.compile(r"[^\w\s]")
LONG_WORD_LETTERS = 6  # a long word has more letters than this


def lix_words(text: str) -> list[str]:
    """The words LIX counts: the text without punctuation (a hyphenated word is one word)."""
    return _PUNCTUATION.sub("", text).split()


@dataclass(frozen=True)
class Readability:
    lix: float | None  # None when the page has fewer than MIN_WORDS words
    words: int
    sentences: int
    long_sentences: list[str]

    @property
    def long_share(self) -> float:
        return len(self.long_sentences) / self.sentences if self.sentences else 0.0

    @property
    def label(self) -> str | None:
        return None if self.lix is None else lix_label(self.lix)


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


def lix(sentences: list[str], words: int | None = None) -> float:
    """LIX = words per sentence + percentage of words over six letters.

    Words and long words are counted as textstat counts them (lix_words); the sentences are
    ours, because textstat drops sentences of one or two words (headings, short list items)
    and splits at every full stop ("mål 2.1").
    """
    if not sentences:
        return 0.0
    found = lix_words(" ".join(sentences))
    words = len(found) if words is None else words  # measure() has counted them
    if not words:
        return 0.0
    return words / len(sentences) + 100 * sum(len(word) > LONG_WORD_LETTERS for word in found) / words


def long_sentences(sentences: list[str], limit: int = LONG_SENTENCE_WORDS) -> list[str]:
    """The sentences with more than `limit` words."""
    return [s for s in sentences if len(_WORD.findall(s)) > limit]


def long_sentence_share(sentences: list[str], limit: int = LONG_SENTENCE_WORDS) -> float:
    """Share (0–1) of sentences with more than `limit` words."""
    if not sentences:
        return 0.0
    return len(long_sentences(sentences, limit)) / len(sentences)


def lix_label(value: float) -> str:
    """Plain Norwegian label for a LIX value, as shown (rounded)."""
    if round(value) <= LIX_EASY_MAX:
        return "lett"
    if round(value) <= LIX_MEDIUM_MAX:
        return "middels"
    return "vanskelig"


def measure(blocks: list[str]) -> Readability:
    sentences = sentences_from_blocks(blocks)
    words = len(lix_words(" ".join(sentences))) if sentences else 0
    return Readability(
        lix=lix(sentences, words) if words >= MIN_WORDS else None,
        words=words,
        sentences=len(sentences),
        long_sentences=long_sentences(sentences),
    )


# Elements whose text is one block (a sentence at least); text in nested blocks is their own.
HTML_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "caption",
               "figcaption", "summary"}
# Not running text: code, controls, screen-reader-only and print-only text, page furniture.
HTML_SKIP_TAGS = {"pre", "code", "kbd", "script", "style", "svg", "button", "input", "select",
                  "textarea", "nav", "template"}
HTML_SKIP_CLASSES = {"headerlink", "md-content__button", "mv-visually-hidden", "md-source-file",
                     "mv-print-only", "mv-data",  # mv-data: a generated table of data, not sentences
                     "mv-citation"}  # a source's own words, quoted as they are, and their citation


# The classes and hidden elements as one CSS selector, which lexbor matches in C.
_SKIP_SELECTOR = ", ".join([*(f".{name}" for name in sorted(HTML_SKIP_CLASSES)), "[hidden]", '[aria-hidden="true"]'])


def blocks_from_html(element: Scope) -> list[str]:
    """The text blocks of a built page's content (its <article>, or a parsed fragment), one per
    paragraph, list item, heading or table cell; loose text outside such blocks is a block of its own."""
    blocks: list[str] = []
    skipped = {node.mem_id for node in element.css(_SKIP_SELECTOR)}

    def walk(node: Scope, current: list[str] | None) -> None:
        for child in children(node):
            tag = child.tag
            if tag == "-text":
                words = child.text_content or ""
                if current is not None:
                    current.append(words)
                elif words.strip():
                    blocks.append(words)
            elif tag.startswith("-") or tag in HTML_SKIP_TAGS or child.mem_id in skipped:
                continue  # a comment, or no running text
            elif tag == "br" and current is not None:
                current.append(" ")
            elif tag in HTML_BLOCKS:
                inner: list[str] = []
                walk(child, inner)
                blocks.append("".join(inner))
            else:
                walk(child, current)

    walk(element, None)
    return [b for b in blocks if b.strip()]


_MD_NOISE = [
    (re.compile(r"\{[:#.][^}]*\}"), ""),  # attr lists
    (INCLUDE, ""),  # markdown-include markers
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (LINK, r"\1"),
    (re.compile(r"<[^>]+>"), ""),
    (re.compile(r"[*_`]"), ""),
]


def blocks_from_markdown(markdown: str) -> list[str]:
    """Rough text blocks of a Markdown source (for editors' own checks before a build)."""
    markdown = without_front_matter(markdown)
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


if __name__ == "__main__":  # PYTHONPATH=hooks python -m medvirkning.accessibility.readability docs/**/*.md
    import sys

    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            found = sentences_from_blocks(blocks_from_markdown(f.read()))
        value = lix(found)
        print(f"{path}: LIX {value:.0f} ({lix_label(value)}), "
              f"{long_sentence_share(found):.0%} av setningene over {LONG_SENTENCE_WORDS} ord")
