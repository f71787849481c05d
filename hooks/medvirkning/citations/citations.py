"""The strategy's and the guide's own wording under the site's plain headings, with a citation.

data/sitater.yml holds, for each measure of the strategy and each principle of the guide, the
source's words (verbatim; tests/test_citations.py checks them against the sources). Under the
heading with that id, on the page in every language, the build writes the quote (lang="nb" on
the other languages' pages) and a ready citation: the document's title, the number marked as
the site's own, and the section's clean address. The citation is text, so it is there without
JavaScript; medvirkning.js adds the «Kopier henvisning» button's work.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

from ..core.data_files import read_yaml
from ..core.schemas import data_schema
from .state import CitationsData

DATA_FILE = "data/sitater.yml"
TEMPLATE = "partials/mv-citation.html"
QUOTE_LANGUAGE = "nb"  # the sources are in bokmål


@dataclass(frozen=True)
class Quote:
    document: str
    title: str
    kind: str  # "tiltak" or "prinsipp"
    source: str
    page: str  # the bokmål page under docs/
    section: str  # the heading's id
    number: str
    text: str


def load(root: Path) -> list[Quote]:
    data = read_yaml(root / DATA_FILE, {"dokumenter": {}, "sitater": []}, schema=data_schema(root, "sitater"))
    documents = data["dokumenter"]
    quotes = []
    for entry in data["sitater"]:
        document = documents.get(entry["dokument"])
        if document is None:
            raise PluginError(f"{DATA_FILE}: sitatet til «{entry['avsnitt']}» viser til dokumentet "
                              f"«{entry['dokument']}», som ikke står under dokumenter. "
                              f"Skriv en av disse: {', '.join(sorted(documents))}.")
        quotes.append(Quote(entry["dokument"], document["tittel"], document["slag"], document["kilde"],
                            entry["side"], entry["avsnitt"], entry["nummer"], " ".join(entry["tekst"].split())))
    return quotes


def bokmal_source(src_uri: str) -> str:
    """strategi/god-kompetanse.md for strategi/god-kompetanse.nn.md (the i18n suffix)."""
    return re.sub(r"\.[a-z]{2}\.md$", ".md", src_uri)


def heading_pattern(section: str) -> re.Pattern:
    return re.compile(rf'<h([1-6]) id="{re.escape(section)}"[^>]*>.*?</h\1>', re.S)


def citation_text(quote: Quote, address: str, strings: dict) -> str:
    return strings["henvisning_mal"].format(tittel=quote.title, del_=part_name(quote, strings),
                                            merknad=strings[f"henvisning_merknad_{quote.document}"], adresse=address)


def part_name(quote: Quote, strings: dict) -> str:
    """«tiltak 1.1.1», «prinsipp 2» in the page's language."""
    return strings[f"henvisning_{quote.kind}"].format(nummer=quote.number)


def section_address(site_url: str, page_url: str, section: str) -> str:
    """The section's clean address: the site's address, the page's, the section's id; no query."""
    return f"{site_url.rstrip('/')}/{page_url.lstrip('/')}#{section}"


def add_quotes(html: str, quotes: list[Quote], render, page_url: str, site_url: str, strings: dict,
               locale: str) -> tuple[str, list[str]]:
    """The content with each quote after its heading, and the sections not found on the page."""
    missing = []
    for quote in quotes:
        found = heading_pattern(quote.section).search(html)
        if found is None:
            missing.append(quote.section)
            continue
        address = section_address(site_url, page_url, quote.section)
        block = render(quote=quote, citation=citation_text(quote, address, strings), part=part_name(quote, strings),
                       lang=QUOTE_LANGUAGE if locale != QUOTE_LANGUAGE else None)
        html = html[:found.end()] + "\n" + block + html[found.end():]
    return html, missing


# ---- Step of the build (medvirkning.pipeline calls it) ----

def render_quotes(html: str, page, build) -> str:
    quotes = [q for q in build.site.state(CitationsData).quotes if q.page == bokmal_source(page.file.src_uri)]
    if not quotes:
        return html
    template = build.templates.get_template(TEMPLATE)
    html, missing = add_quotes(html, quotes, lambda **values: template.render(mv=build.strings, **values),
                               page.url, build.config.site_url or "/", build.strings, build.locale)
    if missing:
        raise PluginError(f"{DATA_FILE}: docs/{page.file.src_uri} har ingen overskrift med id "
                          f"{', '.join('«' + s + '»' for s in missing)}. Rett id-en i {DATA_FILE}, "
                          "eller gi overskriften id-en igjen med {#…} på slutten av linjen.")
    return html
