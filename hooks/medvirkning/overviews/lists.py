"""Lists made from the pages themselves, so that a new page cannot be left out:

- `<!-- generert: organisasjoner -->`: a table of every page in this language whose front matter
  has `organisasjon: {hvem: …, viktigst: …}`, in the order of the menu;
- `<!-- generert: sider Grunnlaget -->`: a list of the pages of a section of the menu
  (the section's title as mkdocs.yml writes it), in the order of the menu, with their titles in
  this language.
"""
from __future__ import annotations

import posixpath
import re

from mkdocs.exceptions import PluginError

from ..core.data_files import load_text
from ..core import source
from ..core.markers import marker
from ..core.source import ATTRIBUTES
from .state import OverviewsState

ORGANISATIONS_MARKER = marker("organisasjoner")
SECTION_MARKER = re.compile(r"^<!--\s*generert:\s*sider\s+(?P<section>.+?)\s*-->[ \t]*$", re.M)


def remember_sections(nav, build) -> None:
    """The pages of each section of the menu, by the section's title in mkdocs.yml (before the
    menu is translated): an on_nav step."""
    sections = build.state(OverviewsState).sections = {}

    def walk(items) -> list:
        pages = []
        for item in items:
            if getattr(item, "is_section", False):
                children = walk(item.children)
                sections[item.title] = children
                pages += children
            elif getattr(item, "is_page", False):
                pages.append(item)
        return pages

    walk(nav.items)


def front_matter(text: str) -> dict:
    block = source.front_matter(text)
    if not block:
        return {}
    data, _ = load_text(block.group(1) or "")
    return data if isinstance(data, dict) else {}


def title_of(nav_page) -> str:
    """The title a reader sees: the menu's, the front matter's, or the page's first heading."""
    if nav_page.title:
        return nav_page.title
    text = nav_page.file.content_string
    meta_title = front_matter(text).get("title")
    if meta_title:
        return meta_title
    first = next((heading for _, level, heading in source.headings(source.without_front_matter(text)) if level == 1),
                 None)
    return ATTRIBUTES.sub("", first) if first else nav_page.file.name


def link(from_src: str, to_src: str) -> str:
    """A Markdown link target from one page to another, by their bokmål file names (i18n finds
    the page in the reader's language)."""
    def bokmal(src: str) -> str:
        return re.sub(r"\.[a-z]{2}\.md$", ".md", src)
    return posixpath.relpath(bokmal(to_src), posixpath.dirname(bokmal(from_src)) or ".")


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def render_markdown(markdown: str, page, build) -> str:
    if ORGANISATIONS_MARKER.search(markdown):
        markdown = ORGANISATIONS_MARKER.sub(lambda _: organisations_table(page, build), markdown)
    if SECTION_MARKER.search(markdown):
        markdown = SECTION_MARKER.sub(lambda m: section_list(m, page, build), markdown)
    return markdown


def organisations_table(page, build) -> str:
    strings = build.strings
    rows = []
    for nav_page in sorted_pages(build):
        entry = front_matter(nav_page.file.content_string).get("organisasjon")
        if isinstance(entry, dict):
            rows.append(f"| [{_cell(title_of(nav_page))}]({link(page.file.src_uri, nav_page.file.src_uri)}) | "
                        f"{_cell(entry.get('hvem', ''))} | {_cell(entry.get('viktigst', ''))} |")
    if not rows:
        raise PluginError(f"docs/{page.file.src_uri}: ingen sider har «organisasjon:» i metadata øverst, så tabellen "
                          "over organisasjonene blir tom. Se «Legge til en side» i CONTRIBUTING.md.")
    header = (f"| {strings['organisasjoner_navn']} | {strings['organisasjoner_hvem']} | "
              f"{strings['organisasjoner_viktigst']} |\n|---|---|---|\n")
    return header + "\n".join(rows)


def sorted_pages(build) -> list:
    pages = [p for pages in build.state(OverviewsState).sections.values() for p in pages]
    unique = {p.file.src_uri: p for p in pages}
    return sorted(unique.values(), key=lambda p: build.nav_order.get(p.file.src_uri, 10**6))


def section_list(match: re.Match, page, build) -> str:
    section = match.group("section")
    sections = build.state(OverviewsState).sections
    if section not in sections:
        line = page.file.content_string[:page.file.content_string.find(match.group(0))].count("\n") + 1 \
            if match.group(0) in page.file.content_string else 1
        raise PluginError(
            f"docs/{page.file.src_uri}, linje {line}: menyen (nav i mkdocs.yml) har ingen del som heter «{section}». "
            "Skriv navnet på delen slik det står i mkdocs.yml. "
            + (f"Delene heter {', '.join(f'«{name}»' for name in sections)}." if sections else
               "Menyen har ingen deler; skriv delen i nav i mkdocs.yml først."))
    return "\n".join(f"- [{title_of(p)}]({link(page.file.src_uri, p.file.src_uri)})"
                     for p in sections[section] if p.file.src_uri != page.file.src_uri)
