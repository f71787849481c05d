"""Whole documents to print: one page each for the guide, the strategy and the guidebook.

Representatives bring paper to meetings. Each document gets a generated page (<folder>/utskrift.md)
with every page of the document in the menu's order, a table of contents, and links that still
work: a link to another page of the same document goes to that section of the print page, other
links are rewritten for the print page's address. Section ids stay as they are where they are
unique in the document (so #tiltak-2-5-5 works on the print page too); an id used on two pages
gets the page's name in front. Each page's headings move one level down under the document's title.

The pages are filled in after every page is rendered (on_env), like the accessibility report.
They are left out of search and of the accessibility report's page count (their text is the
other pages' text), and they are not in the menu: each document's first page links to its own.
"""
from __future__ import annotations

import posixpath
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from .languages import generated_file

DOCUMENTS = ("veileder", "strategi", "veiviser")  # the menu's three documents, by folder
PAGE_NAME = "utskrift.md"
PLACEHOLDER = '<div class="mv-utskrift" data-mv-utskrift="{folder}"></div>'
ONLINE_ONLY = "mv-bare-pa-nett"  # forms and the like: of no use on paper
ID_REFERENCES = ("for", "aria-labelledby", "aria-describedby", "aria-controls", "headers")
BASE = "http://side.invalid/"  # resolves relative addresses; never written out


@dataclass
class Part:
    url: str
    title: str
    section_id: str
    content: str


def print_src_uri(folder: str) -> str:
    return f"{folder}/{PAGE_NAME}"


def page_markdown(folder: str, strings: dict[str, str]) -> str:
    document = strings[f"utskrift_dokument_{folder}"]
    title = strings["utskrift_tittel"].replace("{dokument}", document)
    return "\n".join([
        "---",
        f"description: {title}",
        "search:",
        "  exclude: true",
        "---",
        "",
        f"# {title} {{#utskrift}}",
        "",
        f'!!! abstract "{strings["kort_fortalt"]}"',
        "",
        "    " + strings["utskrift_ingress"].replace("{dokument}", document),
        "",
        PLACEHOLDER.format(folder=folder),
        "",
    ])


def section_id(url: str) -> str:
    return "side-" + (url.strip("/").replace("/", "-") or "forside")


def resolve(href: str, page_url: str) -> tuple[str, str] | None:
    """(site path, fragment) of a link on the page at page_url; None for other sites and mail."""
    parts = urlsplit(urljoin(BASE + page_url, href))
    if f"{parts.scheme}://{parts.netloc}/" != BASE:
        return None
    return parts.path.lstrip("/"), parts.fragment


def permalink(anchor: str, strings: dict[str, str]) -> str:
    """The section link every heading on the site has (see section_links.py)."""
    return (f'<a class="headerlink" href="#{anchor}" aria-label="{strings["permalenke"]}" data-mv-copy-link>'
            '<span aria-hidden="true">#</span></a>')


def unique_ids(parts: list[Part], soups: list, counts: Counter) -> list[dict[str, str]]:
    """Per part, its ids on the print page: kept where unique, else with the page's name in front
    (and a number after, should that too be taken)."""
    used = {anchor for anchor, count in counts.items() if count == 1}
    maps = []
    for part, soup in zip(parts, soups):
        ids = {}
        for tag in soup.find_all(id=True):
            anchor = tag["id"]
            if counts[anchor] == 1 or anchor in ids:
                ids.setdefault(anchor, anchor)
                continue
            candidate, number = f"{part.section_id}-{anchor}", 1
            while candidate in used:
                number += 1
                candidate = f"{part.section_id}-{anchor}-{number}"
            used.add(candidate)
            ids[anchor] = candidate
        maps.append(ids)
    return maps


def combine(parts: list[Part], print_url: str, strings: dict[str, str]) -> str:
    """The body of a print page: the table of contents, then each part as a section."""
    soups = [BeautifulSoup(part.content, "html.parser") for part in parts]
    counts = Counter(tag["id"] for soup in soups for tag in soup.find_all(id=True))
    counts.update(["utskrift", "utskrift-innhold"] + [part.section_id for part in parts])
    id_maps = unique_ids(parts, soups, counts)
    by_url = {part.url: index for index, part in enumerate(parts)}

    def target(path: str, fragment: str) -> str | None:
        index = by_url.get(path)
        if index is None:
            return None
        if not fragment:
            return "#" + parts[index].section_id
        return "#" + id_maps[index].get(fragment, fragment)

    sections = []
    for part, soup, ids in zip(parts, soups, id_maps):
        for tag in soup.find_all(class_=ONLINE_ONLY):
            tag.decompose()
        for tag in soup.find_all(id=True):
            tag["id"] = ids[tag["id"]]
        for name in ID_REFERENCES:
            for tag in soup.find_all(attrs={name: True}):
                value = tag[name] if isinstance(tag[name], str) else " ".join(tag[name])
                tag[name] = " ".join(ids.get(v, v) for v in value.split())
        for tag, attribute in [(t, "href") for t in soup.find_all("a", href=True)] + \
                              [(t, "src") for t in soup.find_all(["img", "source"], src=True)]:
            resolved = resolve(tag[attribute], part.url)
            if resolved is None:
                continue
            path, fragment = resolved
            inside = target(path, fragment) if attribute == "href" else None
            tag[attribute] = inside or (get_relative_url(path, print_url) + (f"#{fragment}" if fragment else ""))
        for heading in soup.find_all(["h1", "h2", "h3", "h4", "h5"]):
            heading.name = f"h{int(heading.name[1]) + 1}"
        first = soup.find("h2")
        if first is not None and first.get("id") and first.find("a", class_="headerlink") is None:
            first.append(BeautifulSoup(permalink(first["id"], strings), "html.parser"))
        labelled = f' aria-labelledby="{first["id"]}"' if first is not None and first.get("id") else ""
        sections.append(f'<section class="mv-utskrift-del" id="{part.section_id}"{labelled}>\n{soup}\n</section>')
    contents = "\n".join(f'<li><a href="#{part.section_id}">{part.title}</a></li>' for part in parts)
    toc = (f'<nav class="mv-utskrift-innhold" aria-labelledby="utskrift-innhold">\n'
           f'<h2 id="utskrift-innhold">{strings["utskrift_innhold"]}{permalink("utskrift-innhold", strings)}</h2>\n'
           f'<ol>\n{contents}\n</ol>\n</nav>')
    return toc + "\n" + "\n".join(sections)


# ---- Steps of the build (medvirkning.pipeline calls them in order) ----

def add_pages(files, build) -> None:
    """One print page per document that has pages in this language."""
    for folder in DOCUMENTS:
        if not any(f.src_uri.startswith(folder + "/") for f in files.documentation_pages()):
            continue
        src = print_src_uri(folder)
        files.append(generated_file(build, src, page_markdown(folder, build.strings)))
        build.print_pages[src] = folder


def fill(build) -> None:
    """Every page of each document is rendered: put them together on its print page."""
    pages = {f.src_uri: f.page for f in build.files.documentation_pages() if f.page is not None}
    for src, folder in build.print_pages.items():
        page = pages[src]
        in_order = sorted((s for s in build.nav_order if s.startswith(folder + "/") and s in pages),
                          key=build.nav_order.get)
        parts = [Part(pages[s].url, pages[s].title or s, section_id(pages[s].url), pages[s].content or "")
                 for s in in_order]
        placeholder = PLACEHOLDER.format(folder=folder)
        if placeholder not in (page.content or ""):
            raise PluginError(f"{src} (laget av bygget): fant ikke plassen for dokumentet på utskriftssiden.")
        page.content = page.content.replace(placeholder, combine(parts, page.url, build.strings), 1)
