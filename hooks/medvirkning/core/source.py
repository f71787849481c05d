"""The editors' Markdown sources, read one way everywhere: the front matter, shared texts
(includes), code fences, headings and links, the line where something stands, and the place
as editors read it in a message (`docs/…, linje …`).

Every step that reads a page's source uses these; none writes its own pattern. Line numbers
are those of the file as the editor sees it (1-based, front matter included).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

import yaml

# The `---` block at the top of a page (YAML; it may also end with `...`), as MkDocs reads it.
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*\n", re.S)
# markdown-include's `{!file!}`, optionally with `lines=1-3`; group 1 is the file.
INCLUDE = re.compile(r"\{!\s*(.+?)\s*!((\blines\b)=([0-9 -]+))?\}")
# The start of a fenced code block, indented or not, ``` or ~~~ of any length (group 1).
FENCE = re.compile(r"^\s*(```+|~~~+)")
# The same, also inside a quote (> ```): prose checks leave quoted code out too.
QUOTED_FENCE = re.compile(r"^\s*(?:>\s*)*(```+|~~~+)")
# An ATX heading: its #s (group 1) and its text (group 2), without closing #s.
HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
# An attribute list at the end of a heading ({#id}, {#id .class}), with the space before it.
ATTRIBUTES = re.compile(r"\s*\{[^}\n]*\}\s*$")
# A Markdown link or image link: its text is group 1.
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


# ---- Front matter ----

def front_matter(source: str) -> re.Match | None:
    """The front matter block at the top of the source (group 1 is its YAML), or None."""
    return FRONT_MATTER.match(source)


def with_front_matter(meta: dict, body: str) -> str:
    """A generated page: its meta written by YAML itself (a value with «: » or «#» stays text)."""
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) + "---\n" + body


def without_front_matter(source: str) -> str:
    """The source after its front matter."""
    block = FRONT_MATTER.match(source)
    return source[block.end():] if block else source


def front_matter_blanked(source: str) -> str:
    """The source with its front matter as blank lines, so that line numbers stay those of the file."""
    block = FRONT_MATTER.match(source)
    return source if not block else "\n" * block.group(0).count("\n") + source[block.end():]


def body_start(source: str) -> int:
    """The index of the file's line where the Markdown MkDocs renders begins: after the front
    matter and the blank lines MkDocs strips after it (mkdocs.utils.meta.get_data)."""
    body = without_front_matter(source)
    return source.count("\n", 0, len(source) - len(body.lstrip("\n")))


# ---- Includes, fences, headings ----

def includes(text: str) -> list[tuple[int, str]]:
    """(line, file) of every include in a text, as markdown-include finds them."""
    return [(line_number(text, m.start()), m.group(1)) for m in INCLUDE.finditer(text)]


def included_files(text: str) -> list[str]:
    return [m.group(1) for m in INCLUDE.finditer(text)]


def fenced_lines(lines: Iterable[str]) -> Iterator[tuple[int, str, int | None]]:
    """(line number, line, where the fence it is in began, or None) of each line. A fence is
    closed by the same character repeated at least as often, with nothing after it; the fence
    lines themselves count as inside."""
    opened: tuple[str, int] | None = None  # (fence, line)
    for number, line in enumerate(lines, start=1):
        fence = FENCE.match(line)
        if opened is None:
            if fence:
                opened = (fence.group(1), number)
            yield number, line, opened[1] if opened else None
            continue
        yield number, line, opened[1]
        mark = opened[0]
        if fence and fence.group(1)[0] == mark[0] and len(fence.group(1)) >= len(mark) and \
                not line.strip()[len(fence.group(1)):].strip():
            opened = None


def headings(source: str) -> Iterator[tuple[int, int, str]]:
    """(line, level, text) of every heading outside code blocks."""
    for number, line, fence in fenced_lines(source.splitlines()):
        heading = None if fence else HEADING.match(line)
        if heading:
            yield number, len(heading.group(1)), heading.group(2)


def page_title(source: str) -> tuple[str, int] | None:
    """The page's title, its first level-1 heading outside code and front matter, without its
    attribute list; and its line. None for a page without one."""
    for number, level, text in headings(front_matter_blanked(source)):
        if level == 1:
            return ATTRIBUTES.sub("", text), number
    return None


def link_texts(markdown: str) -> str:
    """The Markdown with each link replaced by its text."""
    return LINK.sub(r"\1", markdown)


# ---- Lines ----

def line_number(text: str, offset: int) -> int:
    """The line (1-based) of the character at `offset`."""
    return text.count("\n", 0, offset) + 1


def first_line(source: str, found: Callable[[str], bool]) -> int | None:
    """The first line of the source for which `found(line)` holds."""
    return next((number for number, line in enumerate(source.splitlines(), start=1) if found(line)), None)


def line_with(source: str, *needles: str) -> int | None:
    """The first line that holds every needle (None if a needle is empty)."""
    if not all(needles):
        return None
    return first_line(source, lambda line: all(needle in line for needle in needles))


def line_with_any(source: str, needles: Iterable[str]) -> int | None:
    """The first line that holds one of the needles."""
    needles = [n for n in needles if n]
    return first_line(source, lambda line: any(needle in line for needle in needles)) if needles else None


def line_matching(source: str, pattern: re.Pattern) -> int | None:
    return first_line(source, lambda line: bool(pattern.search(line)))


def find_line(source: str, needles: tuple) -> int | None:
    """The first line that holds a needle, trying the needles in order.

    A needle is a text, or a tuple of texts that must all be on the line. A text that starts
    with # is a heading: the line must begin with it (so "## A" does not find "### A"), and
    #s alone are an empty heading.
    """
    for needle in needles:
        if isinstance(needle, tuple):
            line = line_with(source, *needle)
        elif needle.startswith("#"):
            line = first_line(source, (lambda text, n=needle: text.rstrip() == n) if needle.strip("#") == ""
                              else (lambda text, n=needle: text.startswith(n)))
        else:
            line = line_with(source, needle)
        if line:
            return line
    return None


# ---- Places in messages ----

def docs_path(src_uri: str) -> str:
    """How a message names a page's file: docs/veiviser/moter.md."""
    return f"docs/{src_uri}"


def where(name: str, line: int | None = None) -> str:
    """The place as a message says it: «docs/veiviser/moter.md, linje 12», or the file alone."""
    return f"{name}, linje {line}" if line else name
