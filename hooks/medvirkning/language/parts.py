"""Language of parts (WCAG 3.1.2): a bokmål title, cite line or slogan on an nn or en page is marked lang="nb".

The sources' titles are data (data/kildetitler.yml). On a page in another language than
bokmål, each place one of them stands must be inside an element whose nearest lang is "nb":
`<span lang="nb">…</span>`, `<cite lang="nb">…</cite>` or a quote with `{ lang="nb" }`. Else a
screen reader reads the Norwegian words with English or nynorsk pronunciation, and the build stops.
"""
from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from ..core.data_files import read_yaml
from ..core.html_tree import children, elements, shared_tree, text_of
from ..core.languages import page_locale
from ..core.source import INCLUDE
from .state import LanguageData

FILE = "data/kildetitler.yml"
BOKMAL = "nb"


class LanguagePartError(PluginError):
    pass


def load(root: Path) -> list[str]:
    return [" ".join(item["tittel"].split()) for item in read_yaml(root / FILE, [])]


def title_pattern(title: str) -> re.Pattern:
    return re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, title.split())) + r"(?!\w)")


def language_of(node) -> str | None:
    """The nearest lang attribute at or above the element (None when the page's own)."""
    while node is not None:
        if node.is_element_node and "lang" in node.attributes:
            return (node.attributes.get("lang") or "").split("-")[0].lower()
        node = node.parent
    return None


def unmarked(tree, titles: list[str]) -> list[str]:
    """The titles that stand in the content outside a part marked lang="nb", once per place."""
    found = []
    whole = " ".join(text_of(node) if node.is_element_node else (node.text_content or "") for node in children(tree))
    for title in titles:
        pattern = title_pattern(title)
        if not pattern.search(whole):  # most pages hold no title: one look at the whole text
            continue
        for node in elements(tree):
            if node.tag in ("code", "pre", "script", "style") or not pattern.search(text_of(node)):
                continue
            # The innermost element that holds the whole title: a child holding it is checked in its turn.
            if any(pattern.search(text_of(child)) for child in elements(node) if child is not node
                   and child.parent is not None and child.parent.mem_id == node.mem_id):
                continue
            if language_of(node) != BOKMAL:
                found.extend([title] * len(pattern.findall(text_of(node))))
    return found


def source_line(page, docs_dir: Path, title: str) -> tuple[str, int | None]:
    """The file (the page or a text it includes) and line where the title stands."""
    source = page.file.content_string
    pattern = title_pattern(title.split()[0] + " " + title.split()[1]) if len(title.split()) > 1 else title_pattern(title)
    for number, line in enumerate(source.splitlines(), start=1):
        if pattern.search(line):
            return f"docs/{page.file.src_uri}", number
    for include in (match.group(1) for match in INCLUDE.finditer(source)):
        path = docs_dir / include
        if path.exists():
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if pattern.search(line):
                    return f"docs/{include}", number
    return f"docs/{page.file.src_uri}", None


# ---- Step of the build (medvirkning.pipeline calls it) ----

def check_content(html: str, page, build) -> str:
    """Content step: on a page not in bokmål, every known bokmål title is marked lang="nb"."""
    if page.file.generated_by is not None or page_locale(page, build.locale) == BOKMAL:
        return html
    data = build.site.state(LanguageData)
    if data.bokmal_titles is None:
        data.bokmal_titles = load(build.site.root)
    titles = data.bokmal_titles
    problems = []
    for title in dict.fromkeys(unmarked(shared_tree(build.content, html), titles)):
        where, line = source_line(page, Path(build.config.docs_dir), title)
        problems.append(
            f"{where}" + (f", linje {line}" if line else "") + f": «{title}» er på bokmål, men står uten "
            f"språkmerke på en side på et annet språk. Da leser skjermlesere det med feil uttale. Skriv "
            f"<span lang=\"nb\">{title}</span>, eller <cite lang=\"nb\"> i en kildelinje. Titlene står i {FILE}.")
    if problems:
        raise LanguagePartError("\n".join(problems))
    return html
