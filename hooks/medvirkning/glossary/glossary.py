"""The glossary: the "Ordliste" page and the explanation of every abbreviation.

Data: data/ordliste.yml (entries) and data/ikke-forkortelser.yml (capitalised words
that are not abbreviations). The page docs/ordliste.md asks for the list with the
marker `<!-- generert: ordliste -->`. On every other page the first use of each
abbreviation links to its entry; every use gets an <abbr> with the full form. This is done
while Markdown reads the page (GlossaryAnnotation, a step on Markdown's element tree), so the
page's HTML is not read again.
"""
from __future__ import annotations

import html as html_lib
import posixpath
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.utils import get_relative_url

from ..core.data_files import read_yaml
from ..core.html_text import text_runs
from ..core.markers import marker
from ..core.slugs import slugify
from ..core.source import docs_path, line_matching, where
from .state import GlossaryData, GlossaryState

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
    explained_in: str | None = None  # the language of the explanation when it is not the page's (bokmål's)

    @property
    def anchor(self) -> str:
        return slugify(self.source_term or self.term)

    @property
    def is_abbreviation(self) -> bool:
        return bool(self.full)

    def localized(self, locale: str, default: str = "nb") -> "Entry":
        """This entry with the fields of another language where they are filled in (`ord` is the
        term as that language writes it, for example UN for FN; its id stays the bokmål one)."""
        other = self.translations.get(locale) or {}
        return Entry(
            term=other.get("ord") or self.term,
            full=other.get("fullt") or self.full,
            explanation=" ".join(str(other.get("forklaring") or self.explanation).split()),
            page=self.page,
            source_term=self.term,
            explained_in=default if locale != default and not other.get("forklaring") else None,
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
            explanation = (f'<span lang="{entry.explained_in}">{entry.explanation}</span>' if entry.explained_in
                           else entry.explanation)
            if entry.full:
                lines += [f"**{entry.full}.** {explanation}", ""]
            else:
                lines += [explanation, ""]
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
# Words in a link's text are checked all the same: a reader sees them.
NOT_CHECKED_INSIDE = SKIP_INSIDE - {"a"}
# Where Markdown has set raw HTML aside (its stash) until the page is written.
PLACEHOLDER = re.compile(HTML_PLACEHOLDER % r"([0-9]+)")


class Annotation:
    """One page's explanations, in the order of the page: each known abbreviation gets an <abbr>
    with the full form, its first use outside headings and labels links to the glossary (with the
    full form in the link's name; a screen reader reads no title, and a phone shows none), and
    abbreviation-like words that neither file explains are collected for a warning.

    Works on Markdown's element tree (`tree`) and on HTML text (`html`: the raw HTML Markdown
    keeps aside, and tests)."""

    def __init__(self, entries: dict[str, Entry], pattern: re.Pattern | None, glossary_href: str | None,
                 allowlist: set[str] = frozenset(), known: set[str] | None = None):
        self.entries = entries
        self.pattern = pattern
        self.glossary_href = glossary_href
        self.allowlist = allowlist
        self.known = set(entries) if known is None else known
        self.linked: set[str] = set()
        self.found: list[str] = []  # known terms, in order of first use
        self.unknown: list[str] = []
        self.open_raw: list[str] = []  # elements that raw HTML has opened and not closed yet
        self._stash = None  # Markdown's raw HTML, while the tree is annotated
        self._is_block_level: Callable[[str], bool] = lambda html: False
        # Text with none of these is left as it is: most of a page's text.
        self._worth_a_look = re.compile("|".join(
            [ABBREVIATION_LIKE.pattern, "\x02"] + ([pattern.pattern] if pattern is not None else [])))

    def _use(self, term: str, no_link: bool) -> tuple[Entry, bool]:
        """The entry of a use of `term`, and whether this use is the one that links."""
        if term not in self.found:
            self.found.append(term)
        link = not (self.glossary_href is None or no_link or term in self.linked)
        if link:
            self.linked.add(term)
        return self.entries[term], link

    def _check(self, text: str) -> None:
        for word in ABBREVIATION_LIKE.findall(text):
            if word in self.known or word in self.allowlist or ROMAN_NUMERAL.match(word) or word in self.unknown:
                continue
            self.unknown.append(word)

    # ---- HTML text ----

    def html(self, source: str, ancestors: frozenset = frozenset()) -> str:
        """The HTML with its text annotated; tags, attributes and comments stay as they are.
        `ancestors`: the elements of Markdown's tree around it."""
        out: list[str] = []
        for run in text_runs(source, self.open_raw):
            if not run.is_text:
                out.append(run.source)
                continue
            parts = PLACEHOLDER.split(run.source) if self._stash is not None else [run.source]
            for index, part in enumerate(parts):
                if index % 2:  # raw HTML set aside inside this raw HTML
                    self._raw(int(part), ancestors)
                    out.append(HTML_PLACEHOLDER % part)
                elif part:
                    out.append(self._html_text(part, ancestors.union(self.open_raw)))
        return "".join(out)

    def _html_text(self, text: str, inside: frozenset) -> str:
        if not inside & NOT_CHECKED_INSIDE:
            self._check(html_lib.unescape(text))
        if self.pattern is None or inside & SKIP_INSIDE:
            return text
        no_link = bool(inside & NO_LINK_INSIDE)
        return self.pattern.sub(lambda match: self._markup(match.group(1), no_link), text)

    # ---- Markdown's element tree ----

    def tree(self, root: etree.Element, stash, is_block_level: Callable[[str], bool]) -> None:
        """Annotate the page's tree in place (after every other tree step of Markdown), and the raw
        HTML of its stash where the tree refers to it."""
        self._stash, self._is_block_level = stash, is_block_level
        self._walk(root, ())  # the root is Markdown's wrapper, not part of the page

    def _walk(self, element: etree.Element, ancestors: tuple) -> None:
        open_before = len(self.open_raw)
        if element.text:
            element.text = self._tree_text(element.text, ancestors)
        for child in element:
            if isinstance(child.tag, str):
                self._walk(child, ancestors + (child.tag,))
            if child.tail:
                child.tail = self._tree_text(child.tail, ancestors)
        # Its end tag closes what raw HTML opened inside it, unless it is only the paragraph
        # Markdown put around a raw HTML block (that paragraph is not written).
        if not self._is_raw_block_paragraph(element):
            del self.open_raw[open_before:]

    def _is_raw_block_paragraph(self, element: etree.Element) -> bool:
        if element.tag != "p" or len(element) or not element.text:
            return False
        whole = PLACEHOLDER.fullmatch(element.text)
        return bool(whole) and self._is_block_level(self._raw_block(int(whole.group(1))) or "")

    def _raw_block(self, index: int) -> str | None:
        blocks = self._stash.rawHtmlBlocks
        return blocks[index] if index < len(blocks) and isinstance(blocks[index], str) else None

    def _raw(self, index: int, ancestors: frozenset) -> None:
        block = self._raw_block(index)
        if block is not None:
            self._stash.rawHtmlBlocks[index] = self.html(block, ancestors)

    def _tree_text(self, text: str, ancestors: tuple) -> str:
        """The text with each abbreviation's markup set aside in the stash, as Markdown does with
        inline HTML (so it is written exactly as in HTML text, attributes in our order)."""
        if not self._worth_a_look.search(text):
            return text
        tree_ancestors = frozenset(ancestors)
        out: list[str] = []
        for index, part in enumerate(PLACEHOLDER.split(text)):
            if index % 2:
                self._raw(int(part), tree_ancestors)
                out.append(HTML_PLACEHOLDER % part)
            elif part:
                inside = tree_ancestors.union(self.open_raw)
                if not inside & NOT_CHECKED_INSIDE:
                    self._check(part)
                if self.pattern is None or inside & SKIP_INSIDE:
                    out.append(part)
                else:
                    no_link = bool(inside & NO_LINK_INSIDE)
                    out.append(self.pattern.sub(lambda match: self._stash.store(self._markup(match.group(1), no_link)),
                                                part))
        return "".join(out)

    def _markup(self, term: str, no_link: bool) -> str:
        """<abbr> with the full form, in a link to the glossary entry on the use that links."""
        entry, link = self._use(term, no_link)
        abbr = f'<abbr title="{html_lib.escape(entry.full, quote=True)}">{term}</abbr>'
        if not link:
            return abbr
        name = html_lib.escape(f"{term}, {entry.full}", quote=True)
        return f'<a class="mv-term" href="{self.glossary_href}#{entry.anchor}" aria-label="{name}">{abbr}</a>'


def annotate_abbreviations(html: str, entries: dict[str, Entry], pattern: re.Pattern | None,
                           glossary_href: str | None) -> tuple[str, list[str]]:
    """Annotate HTML text (see Annotation); returns the new HTML and the terms found, in order of first use."""
    annotation = Annotation(entries, pattern, glossary_href)
    return annotation.html(html), annotation.found


def unknown_abbreviations(html: str, known: set[str], allowlist: set[str]) -> list[str]:
    """Abbreviation-like words in the HTML's text that neither file explains, in order."""
    annotation = Annotation({}, None, None, allowlist, known)
    annotation.html(html)
    return annotation.unknown


class _Annotate(Treeprocessor):
    """Markdown's tree step for the glossary: the page's Annotation does the work."""

    def __init__(self, md, annotation: Callable[[], Annotation | None]):
        super().__init__(md)
        self.annotation = annotation

    def run(self, root):
        annotation = self.annotation()
        if annotation is not None:
            annotation.tree(root, self.md.htmlStash, self.md.postprocessors["raw_html"].isblocklevel)


class GlossaryAnnotation(Extension):
    """Explains the abbreviations while Markdown reads the page. `annotation` gives the page's
    Annotation (glossary.prepare_annotation makes one per page), or None: then nothing is done."""

    def __init__(self, annotation: Callable[[], Annotation | None]):
        super().__init__()
        self.annotation = annotation

    def extendMarkdown(self, md):
        # Last of the tree steps: toc, section links and MkDocs's links (relpath, 0) have run,
        # so the tree is the page as written, apart from the raw HTML it refers to.
        md.treeprocessors.register(_Annotate(md, self.annotation), "medvirkning_glossary", -10)


def line_of(markdown: str, word: str) -> int | None:
    """The first line of the Markdown source where `word` stands as a word."""
    return line_matching(markdown, re.compile(rf"(?<![\w-]){re.escape(word)}(?=s?(?!\w))"))


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
    # By the term as this language writes it (UN for FN in English): the one the pages use.
    abbreviations = {local.term: local for local in (e.localized(build.locale, build.default_locale)
                                                     for e in build.site.state(GlossaryData).entries if e.is_abbreviation)}
    state = build.state(GlossaryState)
    state.abbreviations = abbreviations
    state.pattern = abbreviation_pattern(list(abbreviations.values()))
    state.url = next((f.url for f in files.documentation_pages() if MARKER.search(f.content_string)), None)


def render_markdown(markdown: str, page, build) -> str:
    if not MARKER.search(markdown):
        return markdown
    titles = {}
    for entry in build.site.state(GlossaryData).entries:
        if entry.page:
            target = build.files.get_file_from_path(entry.page.split("#")[0])
            if target is None:
                raise GlossaryError(
                    f"{GLOSSARY_FILE}: «{entry.term}» har side: {entry.page}, men den siden finnes ikke.")
            titles[entry.page.split("#")[0]] = first_heading(target.content_string) or target.src_uri
    entries = [e.localized(build.locale, build.default_locale) for e in build.site.state(GlossaryData).entries]
    fallbacks = [e.term for e in entries if e.explained_in]
    if fallbacks:  # shown in bokmål, marked so (render_glossary_markdown)
        log.info(f"{GLOSSARY_FILE}: {len(fallbacks)} oppføringer har ingen forklaring på {build.locale} og vises på "
                 f"bokmål, merket lang=\"{build.default_locale}\": {', '.join(fallbacks[:8])}"
                 f"{' …' if len(fallbacks) > 8 else ''}. Skriv forklaringen under {build.locale}: i oppføringen.")
    letters_template = build.templates.get_template(LETTERS_TEMPLATE)
    rendered = render_glossary_markdown(
        entries, titles, posixpath.dirname(page.file.src_uri),
        lambda **context: letters_template.render(mv=build.strings, **context), build.strings["ordliste_mer"])
    return MARKER.sub(lambda _: rendered, markdown)


def prepare_annotation(markdown: str, page, build) -> str:
    """The page's Annotation, for Markdown's tree step (GlossaryAnnotation) to fill in."""
    state = build.state(GlossaryState)
    glossary_href = None
    if state.url is not None and page.url != state.url:
        glossary_href = get_relative_url(state.url, page.url)
    state.annotation = Annotation(state.abbreviations, state.pattern, glossary_href, build.site.state(GlossaryData).allowlist)
    return markdown


def current_annotation(build) -> Annotation | None:
    """The page in hand's Annotation, for Markdown's tree step (markdown_setup)."""
    return build.state(GlossaryState).annotation


def report_unknown(html: str, page, build) -> str:
    """Warn about the abbreviation-like words Markdown's tree step found unexplained on the page."""
    state = build.state(GlossaryState)
    annotation, state.annotation = state.annotation, None
    for word in annotation.unknown if annotation is not None else []:
        line = line_of(page.file.content_string, word)  # with front matter, as the editor sees the file
        log.warning(
            f"{where(docs_path(page.file.src_uri), line)}: «{word}» ser ut som en forkortelse, men står ikke i ordlista. "
            f"Legg den til i {GLOSSARY_FILE} med full form og forklaring, "
            f"eller i {ALLOWLIST_FILE} hvis det ikke er en forkortelse.")
    return html
