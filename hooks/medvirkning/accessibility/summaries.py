"""«Kort fortalt»: the box every reader meets first must be easy to read (LIX at most SUMMARY_LIX_MAX).

In bokmål and nynorsk, each page's «Kort fortalt» box is measured on its own; a box above the
limit stops the build with the file and line of the box. The accessibility report lists each
box's LIX (the page's report gets `summary_lix`). English has no LIX limit: LIX is a measure
of Scandinavian text.
"""
from __future__ import annotations

from mkdocs.plugins import get_plugin_logger

from ..core.html_tree import Scope, shared_tree, text_of
from ..core.source import docs_path, first_line, where as place
from .readability import blocks_from_html, lix, sentences_from_blocks

log = get_plugin_logger("tilgjengelighet")

SUMMARY_LIX_MAX = 30
MEASURED_LOCALES = ("nb", "nn")
BOX_START = '!!! abstract "'


def summary_box(root: Scope, title: str):
    """The first «Kort fortalt» box (an abstract admonition with that title), or None."""
    for box in root.css("div.admonition.abstract"):
        heading = box.css_first("p.admonition-title")
        if heading is not None and " ".join(text_of(heading).split()) == title:
            return box
    return None


def summary_lix(root: Scope, title: str) -> float | None:
    """The LIX of the box's text (its title left out), or None when the page has no box."""
    box = summary_box(root, title)
    if box is None:
        return None
    heading = box.css_first("p.admonition-title")
    blocks = blocks_from_html(box)
    if heading is not None and blocks and " ".join(blocks[0].split()) == title:
        blocks = blocks[1:]
    return lix(sentences_from_blocks(blocks))


def box_line(source: str | None) -> int | None:
    return first_line(source or "", lambda line: line.startswith(BOX_START))


# ---- Step of the build (medvirkning.pipeline calls it; accessibility.check_content puts the
# box's LIX in the page's report) ----

def check_summary(html: str, page, build) -> str:
    value = summary_lix(shared_tree(build.content, html), build.strings["kort_fortalt"])
    if value is None or build.locale not in MEASURED_LOCALES or round(value) <= SUMMARY_LIX_MAX:
        return html
    log.warning(f"{where(page, build)}: «{build.strings['kort_fortalt']}» er for tung å lese "
                f"(LIX {round(value)}, grensen er {SUMMARY_LIX_MAX}). Skriv kortere setninger, og bytt ut lange ord "
                "(over seks bokstaver) med korte, uten å endre hva boksen sier.")
    return html


def where(page, build) -> str:
    """The file (and line) an editor changes: the page, or for a page the build makes, the data it is made from."""
    if page.file.abs_src_path:
        return place(docs_path(page.file.src_uri), box_line(page.file.content_string))
    made = f"{page.file.src_uri} (laget av bygget"
    if page.file.src_uri.startswith("sjekklister/"):
        checklist = page.file.src_uri.split("/")[-1].removesuffix(".md")
        data = build.site.root / "data" / "sjekklister.yml"
        line = first_line(data.read_text(encoding="utf-8") if data.exists() else "",
                          lambda text: text.strip() == f"- id: {checklist}")
        return f"{place(made + ' fra data/sjekklister.yml', line)}: ingress)"
    if page.file.src_uri.startswith("steg-for-steg/"):
        return f"{made} fra data/reiser.yml: ingress)"
    return f"{made}: teksten står i data/sprak/{build.locale}.yml)"
