"""The glossary: the "Ordliste" page and the explanation of every abbreviation.

Data: data/ordliste.yml (entries) and data/ikke-forkortelser.yml (capitalised words
that are not abbreviations). The page docs/ordliste.md asks for the list with the
marker `<!-- generert: ordliste -->`. On every other page the first use of each
abbreviation links to its entry; every use gets an <abbr> with the full form.
"""
from __future__ import annotations

import html as html_lib
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.utils import get_relative_url

from .data_files import read_yaml
from .html_text import text_runs
from .markers import marker
from .slugs import slugify

log = get_plugin_logger("ordliste")

GLOSSARY_FILE = "data/ordliste.yml"
ALLOWLIST_FILE = "data/ikke-forkortelser.yml"
LETTERS_TEMPLATE = "partials/mv-glossary-letters.html"
MARKER = marker("ordliste")
# An abbreviation-like word: two or more capitals in a row at the start of a word.
ABBREVIATION_LIKE = re.compile(r"(?<![\w-])([A-ZÆØÅ][A-ZÆØÅ0-9]*[A-ZÆØÅ][A-ZÆØÅ0-9]*)(?=s?(?!\w))")
ROMAN_NUMERAL = re.compile(r"^[IVXLCDM]+$")


@dataclass
class Entry:
    term: str
    full: str | None
    explanation: str
    page: str | None = None
    translations: dict = field(default_factory=dict)
    source_term: str | None = None  # the bokmål term: its id is the entry's id in every language

    @property
    def anchor(self) -> str:
        return slugify(self.source_term or self.term)

    @property
    def is_abbreviation(self) -> bool:
        return bool(self.full)

    def localized(self, locale: str) -> "Entry":
        """This entry with the fields of another language where they are filled in (`ord` is the
        term as that language writes it, for example UN for FN; its id stays the bokmål one)."""
        other = self.translations.get(locale) or {}
        return Entry(
            term=other.get("ord") or self.term,
            full=other.get("fullt") or self.full,
            explanation=" ".join(str(other.get("forklaring") or self.explanation).split()),
            page=self.page,
            source_term=self.term,
        )


class GlossaryError(PluginError):
    pass


def load_glossary(path: Path) -> list[Entry]:
    """Read and check the glossary file; errors name the file and the entry in Norwegian."""
    raw = read_yaml(path, [])
    if not isinstance(raw, list):
        raise GlossaryError(f"{path.name}: filen skal være en liste med oppføringer som begynner med «- ord:».")
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for number, item in enumerate(raw, start=1):
        if not isinstance(item, dict) or not item.get("ord") or not item.get("forklaring"):
            raise GlossaryError(
                f"{path.name}: oppføring nr. {number} mangler «ord» eller «forklaring». "
                "Hver oppføring trenger begge.")
        term = str(item["ord"]).strip()
        if slugify(term) in seen:
            raise GlossaryError(f"{path.name}: «{term}» står to ganger (oppføring nr. {seen[slugify(term)]} og {number}).")
        seen[slugify(term)] = number
        if ABBREVIATION_LIKE.fullmatch(term) and not item.get("fullt"):
            raise GlossaryError(f"{path.name}: forkortelsen «{term}» mangler «fullt» (den fulle formen).")
        entries.append(Entry(
            term=term,
            full=(str(item["fullt"]).strip() if item.get("fullt") else None),
            explanation=" ".join(str(item["forklaring"]).split()),
            page=item.get("side"),
            translations={k: v for k, v in item.items() if len(k) == 2 and isinstance(v, dict)},
        ))
    return sorted(entries, key=lambda e: sort_key(e.term))


def load_allowlist(path: Path) -> set[str]:
    return {str(word).strip() for word in read_yaml(path, [])}


_NORWEGIAN_ORDER = {"æ": "{", "ø": "|", "å": "}"}  # after z, in Norwegian order


def sort_key(term: str) -> str:
    return "".join(_NORWEGIAN_ORDER.get(ch, ch) for ch in term.lower())


def initial_letter(term: str) -> str:
    return term[0].upper()


# Æ, Ø and Å need ids of their own: plain transliteration would give Å the id of A.
_LETTER_IDS = {"Æ": "ae", "Ø": "oe", "Å": "aa"}


def letter_anchor(letter: str) -> str:
    return "bokstav-" + _LETTER_IDS.get(letter, slugify(letter))


def render_glossary_markdown(entries: list[Entry], page_titles: dict[str, str], page_dir: str,
                             render_letters, more: str = "Mer om dette:") -> str:
    """The glossary as Markdown: letter links (from a template), an h2 per letter and an h3 per entry."""
    entries = sorted(entries, key=lambda e: sort_key(e.term))
    letters = sorted({initial_letter(e.term) for e in entries}, key=sort_key)
    lines = [render_letters(letters=[{"letter": letter, "anchor": letter_anchor(letter)} for letter in letters]), ""]
    for letter in letters:
        lines += [f"## {letter} {{#{letter_anchor(letter)}}}", ""]
        for entry in (e for e in entries if initial_letter(e.term) == letter):
            lines += [f"### {entry.term} {{#{entry.anchor}}}", ""]
            if entry.full:
                lines += [f"**{entry.full}.** {entry.explanation}", ""]
            else:
                lines += [entry.explanation, ""]
            if entry.page:
                target = entry.page.split("#")[0]
                title = page_titles.get(target, target)
                lines += [f"{more} [{title}]({posixpath.relpath(entry.page, page_dir or '.')})", ""]
    return "\n".join(lines)


def abbreviation_pattern(entries: list[Entry]) -> re.Pattern | None:
    terms = sorted((e.term for e in entries if e.is_abbreviation), key=len, reverse=True)
    if not terms:
        return None
    return re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, terms)) + r")(?=s?(?!\w))")


# Inside these elements text is left alone (code, links, existing abbreviations, scripts).
SKIP_INSIDE = {"a", "abbr", "code", "pre", "kbd", "samp", "script", "style", "svg", "button", "textarea", "title"}
# Here the abbreviation is explained but not linked: a link inside a heading or a
# checkbox label would compete with the heading's own link or the checkbox.
NO_LINK_INSIDE = {"h1", "h2", "h3", "h4", "h5", "h6", "label"}


def annotate_abbreviations(html: str, entries: dict[str, Entry], pattern: re.Pattern | None,
                           glossary_href: str | None) -> tuple[str, list[str]]:
    """Wrap each known abbreviation in <abbr>; link the first use outside headings to the glossary,
    with the full form in the link's name (the later uses are styled as plain text).

    Returns the new HTML and the terms found, in order of first use.
    """
    if pattern is None:
        return html, []
    linked: set[str] = set()
    found: list[str] = []
    out: list[str] = []
    for run in text_runs(html):
        if not run.is_text or run.inside & SKIP_INSIDE:
            out.append(run.source)
            continue
        no_link = bool(run.inside & NO_LINK_INSIDE)

        def wrap(match: re.Match) -> str:
            term = match.group(1)
            entry = entries[term]
            if term not in found:
                found.append(term)
            abbr = f'<abbr title="{html_lib.escape(entry.full, quote=True)}">{term}</abbr>'
            if glossary_href is None or no_link or term in linked:
                return abbr
            linked.add(term)
            # The link's name says the full form: a screen reader reads no title, and a phone shows none.
            name = html_lib.escape(f"{term}, {entry.full}", quote=True)
            return f'<a class="mv-term" href="{glossary_href}#{entry.anchor}" aria-label="{name}">{abbr}</a>'

        out.append(pattern.sub(wrap, run.source))
    return "".join(out), found


def unknown_abbreviations(html: str, known: set[str], allowlist: set[str]) -> list[str]:
    """Abbreviation-like words in the page's text that neither file explains, in order."""
    unknown: list[str] = []
    for run in text_runs(html):
        if not run.is_text or run.inside & (SKIP_INSIDE - {"a"}):
            continue
        for word in ABBREVIATION_LIKE.findall(html_lib.unescape(run.source)):
            if word in known or word in allowlist or ROMAN_NUMERAL.match(word) or word in unknown:
                continue
            unknown.append(word)
    return unknown


def line_of(markdown: str, word: str) -> int | None:
    """The first line of the Markdown source where `word` stands as a word."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?=s?(?!\w))")
    for number, line in enumerate(markdown.splitlines(), start=1):
        if pattern.search(line):
            return number
    return None


def first_heading(markdown: str) -> str | None:
    for line in markdown.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return None


# ---- Steps of the build (medvirkning.pipeline calls them in order) ----

def load(root: Path) -> tuple[list[Entry], set[str]]:
    return load_glossary(root / GLOSSARY_FILE), load_allowlist(root / ALLOWLIST_FILE)


def find_glossary(files, build) -> None:
    """This language's abbreviations, and where this language's glossary page is."""
    abbreviations = {e.term: e.localized(build.locale) for e in build.site.glossary_entries if e.is_abbreviation}
    build.abbreviations = abbreviations
    build.abbreviation_pattern = abbreviation_pattern(list(abbreviations.values()))
    build.glossary_url = next((f.url for f in files.documentation_pages() if MARKER.search(f.content_string)), None)


def render_markdown(markdown: str, page, build) -> str:
    if not MARKER.search(markdown):
        return markdown
    titles = {}
    for entry in build.site.glossary_entries:
        if entry.page:
            target = build.files.get_file_from_path(entry.page.split("#")[0])
            if target is None:
                raise GlossaryError(
                    f"{GLOSSARY_FILE}: «{entry.term}» har side: {entry.page}, men den siden finnes ikke.")
            titles[entry.page.split("#")[0]] = first_heading(target.content_string) or target.src_uri
    entries = [e.localized(build.locale) for e in build.site.glossary_entries]
    letters_template = build.templates.get_template(LETTERS_TEMPLATE)
    rendered = render_glossary_markdown(
        entries, titles, posixpath.dirname(page.file.src_uri),
        lambda **context: letters_template.render(mv=build.strings, **context), build.strings["ordliste_mer"])
    return MARKER.sub(lambda _: rendered, markdown)


def annotate(html: str, page, build) -> str:
    """Warn about unknown abbreviations; explain every known one, linking the first use."""
    for word in unknown_abbreviations(html, set(build.abbreviations), build.site.glossary_allowlist):
        line = line_of(page.file.content_string, word)  # with front matter, as the editor sees the file
        where = f"docs/{page.file.src_uri}" + (f", linje {line}" if line else "")
        log.warning(
            f"{where}: «{word}» ser ut som en forkortelse, men står ikke i ordlista. "
            f"Legg den til i {GLOSSARY_FILE} med full form og forklaring, "
            f"eller i {ALLOWLIST_FILE} hvis det ikke er en forkortelse.")
    glossary_href = None
    if build.glossary_url is not None and page.url != build.glossary_url:
        glossary_href = get_relative_url(build.glossary_url, page.url)
    annotated, _ = annotate_abbreviations(html, build.abbreviations, build.abbreviation_pattern, glossary_href)
    return annotated
