"""Spell checking of the content in every language with hunspell (Debian's hunspell-no and
hunspell-en-gb): bokmål pages (page.md) with nb_NO, nynorsk (page.nn.md) with nn_NO, English
(page.en.md) with en_GB. Each language names its dictionary in data/sprak/<locale>.yml
(`stavekontroll_ordbok`), so a new language is data, not code.

Run `make spell` (or `python tests/spelling.py`) to see every finding with file and
line; tests/test_spelling.py fails `make test` when there is one. Words that are right
but unknown to the dictionary go in the language's word list, one per line:
data/stavekontroll.txt for bokmål, data/stavekontroll.nn.txt, data/stavekontroll.en.txt, …
"""
from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))  # `make spell` runs this file on its own
from medvirkning.core.source import front_matter  # noqa: E402

DEFAULT = "nb"


def word_list(language: str) -> Path:
    name = "stavekontroll.txt" if language == DEFAULT else f"stavekontroll.{language}.txt"
    return ROOT / "data" / name


def dictionaries() -> dict[str, str]:
    """{locale: hunspell dictionary} of every language that has a strings file naming one."""
    found = {}
    for path in sorted((ROOT / "data" / "sprak").glob("*.yml")):
        match = re.search(r"^stavekontroll_ordbok:\s*(\S+)", path.read_text(encoding="utf-8"), re.M)
        if match:
            found[path.stem] = match.group(1)
    return found

_NOISE = [
    re.compile(r"`[^`]*`"),  # inline code
    re.compile(r"<code>.*?</code>"),  # inline code written as HTML ({&#33;…!}, which markdown-include leaves alone)
    re.compile(r"\]\([^)]*\)"),  # link targets
    re.compile(r"<[^>]+>"),  # HTML tags
    re.compile(r"\{\s*[:#.!][^}]*\}"),  # attribute lists and include markers
    re.compile(r'^\s*!!! sjekkliste "[^"]*"'),  # a checklist's id, not a word
    re.compile(r'^\s*(!!!|\?\?\?\+?)\s*\w+'),  # admonition type (its title is checked)
    re.compile(r"\b[\w.-]+\.(no|com|org|net)\b"),  # web addresses named in the text
    re.compile(r"\b[\w/.-]+\.(md|yml|txt|py)\b"),  # file names
    re.compile(r"https?://\S+"),
]
_WORD = re.compile(r"[A-Za-zÆØÅæøåÉéÜüÖöÄä]+(?:-[A-Za-zÆØÅæøåÉéÜüÖöÄä]+)*")


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    word: str

    def __str__(self) -> str:
        language = language_of(ROOT / self.path) or DEFAULT
        return (f"{self.path}, linje {self.line}: «{self.word}» finnes ikke i ordboka. "
                f"Rett skrivefeilen, eller legg ordet til i data/{word_list(language).name} hvis det er riktig.")


_OTHER_LANGUAGE = re.compile(r'<(\w+)[^>]*\blang="[a-z]{2}"[^>]*>.*?</\1>')  # text marked as another language
_QUOTED_TITLE = re.compile(r"«[^»]*»")  # a bokmål title or a quote, named in a translation


def words_by_line(markdown: str, language: str = DEFAULT) -> list[tuple[int, str]]:
    """(line, word) for the running text of a Markdown page; code and link targets are skipped.

    In a translation, what stays in bokmål is skipped too: quotes kept in the original words
    (a `>` quote marked { lang="nb" }), text in an element marked with another lang, and
    titles in «». Their bokmål is checked on the bokmål page."""
    offset = 0
    front = front_matter(markdown)
    if front:
        offset = front.group(0).count("\n")
        markdown = markdown[front.end():]
    found: list[tuple[int, str]] = []
    in_fence = False
    lines = markdown.splitlines()
    quoted_in_original = set()
    if language != DEFAULT:  # a quote block whose paragraph is marked lang="nb" (or another)
        start = None
        for index, line in enumerate(lines + [""]):
            if line.lstrip().startswith(">"):
                start = index if start is None else start
                if re.search(r'\{[^}]*lang="[a-z]{2}"[^}]*\}', line):
                    quoted_in_original.update(range(start, index + 1))
                if not line.strip(" >"):
                    start = None  # a new paragraph inside the quote
            else:
                start = None
    for index, line in enumerate(lines):
        number = offset + 1 + index
        if line.strip().startswith(("```", "~~~")) or "<pre" in line or "</pre>" in line:
            in_fence = ("<pre" in line and "</pre>" not in line) if ("<pre" in line or "</pre>" in line) \
                else not in_fence
            continue
        if in_fence or index in quoted_in_original:
            continue
        if language != DEFAULT:
            line = _QUOTED_TITLE.sub(" ", _OTHER_LANGUAGE.sub(" ", line))
        for pattern in _NOISE:
            line = pattern.sub(" ", line)
        for word in _WORD.findall(line):
            for part in word.split("-"):
                # Abbreviations and their possessives (NAVs) belong to the glossary check.
                if len(part) > 1 and not part.removesuffix("s").isupper():
                    found.append((number, part))
    return found


def unknown_words(words: set[str], language: str) -> set[str]:
    """The words hunspell does not know, with the project word list added."""
    if not words:
        return set()
    words_file = word_list(language)
    personal = ["-p", str(words_file)] if words_file.exists() else []
    result = subprocess.run(
        ["hunspell", "-l", "-i", "utf-8", "-d", dictionaries()[language], *personal],
        input="\n".join(sorted(words)), capture_output=True, text=True, check=True, timeout=120,
    )
    return set(result.stdout.split())


def language_of(path: Path) -> str | None:
    """nb for plain .md files, the suffix language for page.nn.md; None for a language with no
    dictionary named in its strings file."""
    suffixes = path.suffixes
    if len(suffixes) >= 2 and re.fullmatch(r"\.[a-z]{2}", suffixes[-2]):
        language = suffixes[-2][1:]
        return language if language in dictionaries() else None
    return DEFAULT


def check(paths: list[Path]) -> list[Finding]:
    """Every misspelling in the given Markdown files, with file and line."""
    findings: list[Finding] = []
    by_language: dict[str, list[tuple[Path, list[tuple[int, str]]]]] = {}
    for path in paths:
        language = language_of(path)
        if language:
            by_language.setdefault(language, []).append((path, words_by_line(path.read_text(encoding="utf-8"),
                                                                             language)))
    for language, files in by_language.items():
        unknown = unknown_words({w for _, words in files for _, w in words}, language)
        for path, words in files:
            reported: set[str] = set()
            for line, word in words:
                if word in unknown and word not in reported:
                    reported.add(word)
                    findings.append(Finding(path.relative_to(ROOT).as_posix(), line, word))
    return findings


def content_files() -> list[Path]:
    return sorted([*(ROOT / "docs").rglob("*.md"), ROOT / "CONTRIBUTING.md"])  # CONTRIBUTING is on the site


if __name__ == "__main__":
    results = check([Path(a).resolve() for a in sys.argv[1:]] or content_files())
    for finding in results:
        print(finding)
    print(f"{len(results)} mulige skrivefeil.")
    sys.exit(1 if results else 0)
