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

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url
from selectolax.lexbor import LexborHTMLParser

from ..anchors.ids import heading_lines
from ..core.languages import generated_file
from ..core.source import with_front_matter
from .state import PrintingState

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
    title_id: str | None = None  # the id of the page's title on the print page: the bokmål page's, in every language


def print_src_uri(folder: str) -> str:
    return f"{folder}/{PAGE_NAME}"


def page_markdown(folder: str, strings: dict[str, str]) -> str:
    document = strings[f"utskrift_dokument_{folder}"]
    title = strings["utskrift_tittel"].replace("{dokument}", document)
    return with_front_matter({"description": title, "search": {"exclude": True}}, "\n".join([
        "",
        f"# {title} {{#utskrift}}",
        "",
        f'!!! abstract "{strings["kort_fortalt"]}"',
        "",
        "    " + strings["utskrift_ingress"].replace("{dokument}", document),
        "",
        PLACEHOLDER.format(folder=folder),
        "",
    ]))


def section_id(url: str, folder: str = "") -> str:
    """The id of a page's section on the print page, from its address without the language's
    folder ("nn/"), so that it is the same in every language."""
    path = url.lstrip("/")
    if folder and path.startswith(folder):
        path = path[len(folder):]
    return "side-" + (path.strip("/").replace("/", "-") or "forside")


def title_id(src_uri: str, docs_dir: Path, locales: list[str]) -> str | None:
    """The id of the title (first heading) of the bokmål page that `src_uri` is or translates."""
    for locale in locales:
        src_uri = src_uri.removesuffix(f".{locale}.md") + (".md" if src_uri.endswith(f".{locale}.md") else "")
    path = docs_dir / src_uri
    if not path.exists():
        return None
    return next(iter(heading_lines(path.read_text(encoding="utf-8"))), None)


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


def unique_ids(parts: list[Part], trees: list[LexborHTMLParser], counts: Counter) -> list[dict[str, str]]:
    """Per part, its ids on the print page: kept where unique, else with the page's name in front
    (and a number after, should that too be taken)."""
    used = {anchor for anchor, count in counts.items() if count == 1}
    maps = []
    for part, tree in zip(parts, trees):
        ids = {}
        for tag in tree.css("[id]"):
            anchor = tag.attrs["id"]
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


def renamed(tree: LexborHTMLParser, node, tag: str):
    """The element as `tag`: same attributes, its children moved in (lexbor cannot rename a node)."""
    new = tree.create_node(tag)
    for name, value in node.attrs.items():
        new.attrs[name] = value
    child = node.first_child
    while child is not None:
        following = child.next
        new.insert_child(child, move=True)
        child = following
    node.replace_with(new)
    return new


def combine(parts: list[Part], print_url: str, strings: dict[str, str]) -> str:
    """The body of a print page: the table of contents, then each part as a section."""
    # lexbor, an HTML5 parser (selectolax), each page's content as a fragment of a <div>.
    trees = [LexborHTMLParser(part.content, is_fragment=True) for part in parts]
    for part, tree in zip(parts, trees):
        title = tree.css_first("h1")
        if part.title_id and title is not None and title.attrs.get("id") != part.title_id:
            before = title.attrs.get("id")
            title.attrs["id"] = part.title_id
            for link in tree.css(f'a[href="#{before}"]'):  # the title's own section link
                link.attrs["href"] = f"#{part.title_id}"
    counts = Counter(tag.attrs["id"] for tree in trees for tag in tree.css("[id]"))
    counts.update(["utskrift", "utskrift-innhold"] + [part.section_id for part in parts])
    id_maps = unique_ids(parts, trees, counts)
    by_url = {part.url: index for index, part in enumerate(parts)}

    def target(path: str, fragment: str) -> str | None:
        index = by_url.get(path)
        if index is None:
            return None
        if not fragment:
            return "#" + parts[index].section_id
        return "#" + id_maps[index].get(fragment, fragment)

    sections = []
    for part, tree, ids in zip(parts, trees, id_maps):
        while (online := tree.css_first(f".{ONLINE_ONLY}")) is not None:
            online.decompose()  # the outermost first: nothing removed twice
        for tag in tree.css("[id]"):
            tag.attrs["id"] = ids[tag.attrs["id"]]
        for name in ID_REFERENCES:
            for tag in tree.css(f"[{name}]"):
                tag.attrs[name] = " ".join(ids.get(v, v) for v in (tag.attrs[name] or "").split())
        for tag in tree.css("a[href], img[src], source[src]"):
            attribute = "href" if tag.tag == "a" else "src"
            resolved = resolve(tag.attrs[attribute] or "", part.url)
            if resolved is None:
                continue
            path, fragment = resolved
            inside = target(path, fragment) if attribute == "href" else None
            tag.attrs[attribute] = inside or (get_relative_url(path, print_url) + (f"#{fragment}" if fragment else ""))
        for heading in tree.css("h1, h2, h3, h4, h5"):
            renamed(tree, heading, f"h{int(heading.tag[1]) + 1}")
        first = tree.css_first("h2")
        anchor = first.attrs.get("id") if first is not None else None
        if anchor and first.css_first("a.headerlink") is None:
            first.insert_child(LexborHTMLParser(permalink(anchor, strings), is_fragment=True).css_first("a"))
        labelled = f' aria-labelledby="{anchor}"' if anchor else ""
        sections.append(f'<section class="mv-utskrift-del" id="{part.section_id}"{labelled}>\n{tree.html or ""}\n</section>')
    contents = "\n".join(f'<li><a href="#{part.section_id}">{part.title}</a></li>' for part in parts)
    toc = (f'<nav class="mv-utskrift-innhold" aria-labelledby="utskrift-innhold">\n'
           f'<h2 id="utskrift-innhold">{strings["utskrift_innhold"]}{permalink("utskrift-innhold", strings)}</h2>\n'
           f'<ol>\n{contents}\n</ol>\n</nav>')
    return toc + "\n" + "\n".join(sections)


# ---- Steps of the build (medvirkning.pipeline calls them in order) ----

def add_pages(files, build) -> None:
    """One print page per document that has pages in this language."""
    for folder in build.site.settings.documents:  # extra.medvirkning.documents in mkdocs.yml
        if not any(f.src_uri.startswith(folder + "/") for f in files.documentation_pages()):
            continue
        src = print_src_uri(folder)
        files.append(generated_file(build, src, page_markdown(folder, build.strings)))
        build.state(PrintingState).pages[src] = folder


def fill(build) -> None:
    """Every page of each document is rendered: put them together on its print page."""
    pages = {f.src_uri: f.page for f in build.files.documentation_pages() if f.page is not None}
    for src, folder in build.state(PrintingState).pages.items():
        page = pages[src]
        in_order = sorted((s for s in build.nav_order if s.startswith(folder + "/") and s in pages),
                          key=build.nav_order.get)
        docs_dir = Path(build.config.docs_dir)
        parts = [Part(pages[s].url, pages[s].title or s, section_id(pages[s].url, build.folder), pages[s].content or "",
                      title_id(pages[s].file.src_uri, docs_dir, build.locales))
                 for s in in_order]
        placeholder = PLACEHOLDER.format(folder=folder)
        if placeholder not in (page.content or ""):
            raise PluginError(f"{src} (laget av bygget): fant ikke plassen for dokumentet på utskriftssiden.")
        page.content = page.content.replace(placeholder, combine(parts, page.url, build.strings), 1)


def remember_nav_order(nav, build) -> None:
    """The menu's order of the pages (on_nav): print pages follow it, and so does the accessibility report."""
    build.nav_order = {page.file.src_uri: index for index, page in enumerate(nav.pages)}
