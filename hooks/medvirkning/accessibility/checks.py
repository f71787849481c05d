"""Accessibility checks on every built page, in its final HTML, in each language.

- the lang attribute is the page's language (or <article lang>, for a page not translated yet);
- one h1, no skipped heading levels, no empty headings;
- every image has alt text, decorative ones marked role="presentation";
- link texts make sense alone (not «her», «klikk her», «les mer», «lenke»), no href="#", no empty links;
- tables have header cells, and every <abbr> is explained;
- readability: LIX and the share of long sentences of the running text (readability.py).

Findings are warnings naming file and line, so the strict build stops. A page above LIX 45 is a
warning too; a page above the goal of 40 is a notice in the log and «middels»/«vanskelig» in the
report. What the checks find goes to the report and the statement (report.py).
"""
from __future__ import annotations

import pickle
import re
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.plugins import get_plugin_logger

from ..core import cache
from ..core.html_tree import (Scope, attribute, children, classes, hidden_elements, is_hidden, page_languages,
                              parse_html, shared_tree, text_of)
from ..core.languages import page_locale
from ..core.source import find_line, where
from .readability import LONG_SENTENCE_WORDS, Readability, blocks_from_html, measure
from .summaries import summary_lix
from .state import AccessibilityState
from ..printing.state import PrintingState

log = get_plugin_logger("tilgjengelighet")

# Link texts that say nothing about where the link goes, per language (lower case).
VAGUE_LINK_TEXTS = {
    "nb": {"her", "klikk her", "trykk her", "se her", "les mer", "les mer her", "mer", "mer info",
           "mer informasjon", "info", "se mer", "klikk", "trykk", "lenke", "lenken", "link", "denne lenken",
           "denne siden", "nettside", "nettsiden"},
    "nn": {"her", "klikk her", "trykk her", "sjå her", "les meir", "les meir her", "meir", "meir info",
           "meir informasjon", "info", "sjå meir", "klikk", "trykk", "lenkje", "lenke", "link", "denne lenkja",
           "denne sida", "nettside", "nettsida"},
    "en": {"here", "click here", "read more", "more", "more info", "more information", "info", "see more",
           "click", "link", "this link", "this page", "website"},
}


# A link text that is an address: it says where, not what the reader finds there.
ADDRESS_LINK_TEXT = re.compile(r"^(?:https?://|www\.)\S+$", re.I)


DECORATIVE_ROLES = {"presentation", "none"}


@dataclass
class Finding:
    rule: str  # a key of REQUIREMENT_KEYS
    text: str  # what is wrong, in plain Norwegian (also for readers of the statement)
    fix: str = ""  # how an editor fixes it
    needles: tuple = ()  # Markdown text that finds the source line (core.source.find_line)
    line: int | None = None


@dataclass
class PageReport:
    src_uri: str
    url: str
    title: str
    source_name: str  # how messages name the page: docs/… or the generated page
    findings: list[Finding] = field(default_factory=list)
    readability: Readability | None = None
    summary_lix: float | None = None  # the «Kort fortalt» box's LIX (summaries.py), None without a box


def check_page(html: str, locale: str) -> list[Finding]:
    """Everything wrong with one built page, in the order a reader meets it."""
    tree = parse_html(html)
    return [*language_findings(*page_languages(tree), locale), *check_tree(tree, locale)]


def check_tree(root: Scope, locale: str) -> list[Finding]:
    findings = [
        *check_headings(root),
        *check_images(root),
        *check_links(root, locale),
        *check_tables(root),
        *check_abbreviations(root),
    ]
    unique = {(f.rule, f.text): f for f in reversed(findings)}  # a link in both menus is one problem
    return [f for f in findings if unique[(f.rule, f.text)] is f]


def visible(root: Scope, selector: str) -> list:
    """The elements `selector` finds that are not hidden from everyone (as axe leaves them out)."""
    hidden = hidden_elements(root)
    return [e for e in root.css(selector) if not is_hidden(e, hidden)]


def language_findings(html_lang: str | None, article_lang: str | None, locale: str) -> list[Finding]:
    """The page's language, or its text's: an <article lang> for a page not translated yet is right."""
    lang = (article_lang or html_lang or "").strip()
    if not lang:
        return [Finding("språk", "siden mangler språkkode (lang), så skjermlesere kan lese med feil uttale.",
                        f"Språkkoden skal være «{locale}». Sjekk språket i mkdocs.yml.")]
    if lang.lower().split("-")[0] != locale.lower().split("_")[0]:
        return [Finding("språk", f"siden er merket med språket «{lang}», men teksten er på «{locale}».",
                        "Skjermlesere vil lese med feil uttale. Er siden ikke oversatt ennå, lag den oversatte "
                        f"filen (for eksempel side.{lang}.md). Ellers: sjekk språkene i mkdocs.yml (i18n).")]
    return []


def heading_text(heading) -> str:
    """A heading's own words, without its section link."""
    return " ".join(text_of(heading, skip=lambda e: "headerlink" in classes(e)).split())


def check_headings(root: Scope) -> list[Finding]:
    findings: list[Finding] = []
    headings = [(int(h.tag[1]), heading_text(h)) for h in visible(root, "h1, h2, h3, h4, h5, h6")]
    titles = [text for level, text in headings if level == 1]
    if not titles:
        findings.append(Finding("overskrifter", "siden har ingen hovedoverskrift.",
                                "Start siden med én linje som begynner med # og tittelen."))
    elif len(titles) > 1:
        findings.append(Finding(
            "overskrifter", f"siden har {len(titles)} hovedoverskrifter (#): {', '.join(f'«{t}»' for t in titles)}.",
            "En side skal ha nøyaktig én, øverst. Gjør de andre til ## eller ###.", (f"# {titles[1]}", titles[1])))
    if headings and headings[0][0] != 1:
        level, text = headings[0]
        findings.append(Finding(
            "overskrifter", f"den første overskriften, «{text}», er på nivå {level} ({'#' * level}).",
            "Siden skal begynne med hovedoverskriften (#).", (f"{'#' * level} {text}", text)))
    for (before, before_text), (level, text) in zip(headings, headings[1:]):
        if level > before + 1:
            findings.append(Finding(
                "overskrifter",
                f"overskriften «{text}» er på nivå {level} ({'#' * level}), men overskriften over, "
                f"«{before_text}», er på nivå {before} ({'#' * before}).",
                f"Ikke hopp over et nivå: bruk {'#' * (before + 1)}.", (f"{'#' * level} {text}", text)))
    for level, text in headings:
        if not text:
            findings.append(Finding("tom-overskrift", f"en overskrift på nivå {level} ({'#' * level}) er tom.",
                                    "Skriv en tittel, eller ta bort linjen.", ("#" * level, f"<h{level}")))
    return findings


def check_images(root: Scope) -> list[Finding]:
    decorative_hint = 'Er bildet bare pynt, skriv { alt="" role="presentation" } bak det.'
    findings: list[Finding] = []
    for image in visible(root, "img"):
        name = (attribute(image, "src") or "").rsplit("/", 1)[-1]
        alt = attribute(image, "alt")
        if alt is None:
            findings.append(Finding(
                "alt-tekst", f"bildet «{name}» mangler alt-tekst, en tekst som sier hva bildet viser.",
                f"Skriv den i klammene: ![Utvalget sitter rundt et bord]({name}). {decorative_hint}",
                (("<img", name), ("![", name), name)))
        elif not alt.strip() and attribute(image, "role") not in DECORATIVE_ROLES:
            findings.append(Finding(
                "alt-tekst", f"bildet «{name}» har tom alt-tekst.",
                f"Skriv hva bildet viser i klammene. {decorative_hint} Da vet vi at det er med vilje.",
                (("![]", name), ('alt=""', name), name)))
    return findings


def accessible_name(element, by_id: dict) -> str:
    """The name a screen reader gives a link: aria-label, aria-labelledby, its text and image
    alt texts, or its title."""
    label = (attribute(element, "aria-label") or "").strip()
    if label:
        return label
    labelled_by = [by_id.get(i) for i in (attribute(element, "aria-labelledby") or "").split()]
    if any(e is not None for e in labelled_by):
        return " ".join(" ".join(text_of(e).split()) for e in labelled_by if e is not None)
    parts: list[str] = []

    def collect(node) -> None:
        for child in children(node):
            if child.is_text_node:
                parts.append(child.text_content or "")
            elif not child.is_element_node:
                continue
            elif (attributes := child.attributes).get("aria-hidden") == "true" or "hidden" in attributes:
                continue
            elif child.tag == "img":
                parts.append(" " + (attributes.get("alt") or "") + " ")
            else:
                collect(child)

    collect(element)
    name = " ".join("".join(parts).split())
    return name or (attribute(element, "title") or "").strip()


def is_placeholder(href: str) -> bool:
    href = href.strip()
    return href in ("", "#") or href.lower().startswith("javascript:")


def normalized_link_text(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def check_links(root: Scope, locale: str) -> list[Finding]:
    vague = VAGUE_LINK_TEXTS.get(locale.split("_")[0]) or set().union(*VAGUE_LINK_TEXTS.values())
    by_id = {attribute(e, "id"): e for e in root.css("[id]")}
    headings = {i: e for i, e in by_id.items() if e.tag in ("h1", "h2", "h3", "h4", "h5", "h6")}
    findings: list[Finding] = []
    for link in visible(root, "a[href]"):  # an <a> without href is an anchor, not a link
        href = attribute(link, "href")
        name = accessible_name(link, by_id)
        words = normalized_link_text(name)
        if is_placeholder(href):
            findings.append(Finding(
                "lenketekst", f"lenken «{name or href}» går ikke til noe (href=\"{href}\").",
                "Lenk til en side eller et avsnitt, eller skriv teksten uten lenke.",
                (f"[{name}]({href})", (f'href="{href}"', f">{name}<"), f"]({href})", f'href="{href}"')))
        if not name:
            findings.append(Finding(
                "lenketekst", f"en lenke til «{href}» har ingen tekst.", "Skriv hva leseren finner der, i klammene.",
                (f"[]({href}", (f'href="{href}"', "></a>"), "[](")))
        elif words in vague and href.startswith("#") and href[1:] in headings:
            level = int(headings[href[1:]].tag[1])
            findings.append(Finding(
                "lenketekst", f"overskriften «{name}» sier ikke hva avsnittet handler om, og den blir en lenke i "
                              "innholdslista.",
                "Skriv hva avsnittet handler om, for eksempel «Mer om opplæring».", (f"{'#' * level} {name}", name)))
        elif not words and "headerlink" not in classes(link):  # not the section's own link
            findings.append(Finding(
                "lenketekst", f"lenketeksten «{name}» er bare tegn (en pil, et symbol eller en emoji), så den sier "
                              "ikke hvor lenken går. Skjermlesere leser den opp som tegnet eller ingenting.",
                "Skriv med ord hva leseren finner, for eksempel «[Møter i brukerutvalget](../veiviser/moter.md)».",
                (f"[{name}]", f">{name}<", name)))
        elif ADDRESS_LINK_TEXT.match(name.strip()):
            findings.append(Finding(
                "lenketekst", f"lenketeksten er en nettadresse, «{name}». Den sier ikke hva leseren finner, og "
                              "skjermlesere leser den opp tegn for tegn.",
                "Skriv hva leseren finner i klammene, for eksempel «[Regjeringens side om brukermedvirkning](…)».",
                (f"[{name}]", f"<{name}>", f">{name}<", name)))
        elif words in vague:
            findings.append(Finding(
                "lenketekst", f"lenketeksten «{name}» sier ikke hvor lenken går.",
                "Skriv hva leseren finner, for eksempel «[Møter i brukerutvalget](../veiviser/moter.md)», "
                "ikke «her» eller «les mer».", (f"[{name}]", f">{name}<", name)))
    return findings


TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")


def check_tables(root: Scope) -> list[Finding]:
    findings: list[Finding] = []
    for paragraph in visible(root, "p"):
        words = paragraph.text()  # lexbor's, in C: every text inside, as text_of() joins it
        if "|" not in words:
            continue
        rows = [line for line in words.splitlines() if line.strip()]
        if len(rows) >= 2 and all(TABLE_ROW.match(row) for row in rows):
            first = rows[0].strip()
            findings.append(Finding(
                "tabell", f"teksten «{first}» ser ut som en tabell, men blir vist som tekst med streker, fordi "
                          "linjen med bindestreker under overskriftsraden mangler.",
                f"Legg til en linje som |---|---| (én |---| per kolonne) rett under «{first}».",
                (first, first.strip("| ").split("|")[0].strip())))
    for table in visible(root, "table"):
        headers = [" ".join(text_of(th).split()) for th in table.css("th")]
        if headers and not all(headers):
            column = headers.index("") + 1
            named = next((h for h in headers if h), "")
            findings.append(Finding(
                "tabell", f"tabellen{f' med kolonnen «{named}»' if named else ''} har en tom celle i første rad "
                          f"(kolonne {column}). Skjermlesere kan ikke si hva den kolonnen gjelder.",
                "Skriv en overskrift i cellen i første rad, for eksempel «Rolle».",
                (("|", named, "|") if named else ("|",))))
        if table.css_first("th") is None:
            first_cell = table.css_first("td")
            words = " ".join(text_of(first_cell).split())[:40] if first_cell is not None else ""
            findings.append(Finding(
                "tabell", f"tabellen{f' som begynner med «{words}»' if words else ''} har ingen overskriftsceller.",
                "Gi den en første rad med overskrifter (i Markdown: raden over |---|).",
                ("<table", words) if words else ("<table",)))
    return findings


def check_abbreviations(root: Scope) -> list[Finding]:
    findings: list[Finding] = []
    for abbreviation in visible(root, "abbr"):
        if not (attribute(abbreviation, "title") or "").strip():
            term = " ".join(text_of(abbreviation).split())
            findings.append(Finding("forkortelse", f"forkortelsen «{term}» er ikke forklart.",
                                    f"Legg «{term}» til i data/ordliste.yml med full form.", (f"<abbr>{term}", term)))
    return findings


def page_readability(root: Scope) -> Readability:
    """LIX and long sentences of the page's running text (its <article>)."""
    article = root.css_first("article")
    return measure(blocks_from_html(root if article is None else article))


def message(report: PageReport, finding: Finding) -> str:
    return f"{where(report.source_name, finding.line)}: {finding.text} {finding.fix}".rstrip()


# What the checks and the readability measure found in a page's HTML, kept by its digest: in memory
# for `mkdocs serve` (only the saved page has new HTML) and in the cache folder for the next build.
# The messages are said anew from it every build.
_MEASURED = cache.Kept(2048)


def measured(html: str, locale: str, summary_title: str, tree, cache_folder: Path,
             code: str) -> tuple[list[Finding], Readability, float | None]:
    """(findings, readability, the «Kort fortalt» box's LIX) of the content; `tree()` gives its parse.
    Kept in `cache_folder`, with `code` (a digest of the build's code) in the key."""
    def measure_tree() -> bytes:
        root = tree()
        return pickle.dumps((check_tree(root, locale), measure(blocks_from_html(root)),
                             summary_lix(root, summary_title)))

    key = cache.digest(code, locale, summary_title, html)
    return pickle.loads(cache.remembered(_MEASURED, cache_folder, "tilgjengelighet", key, measure_tree))


# ---- Steps of the build (medvirkning.pipeline calls them in order) ----

def check_content(html: str, page, build) -> str:
    """Check the page's own content (the article, as Markdown and the other steps made it)."""
    if page is build.generated_pages.get("tilgjengelighetsrapport") or page.file.src_uri in build.state(PrintingState).pages:
        return html  # the report's table is about the other pages; a print page is the other pages
    findings, readability, box_lix = measured(html, page_locale(page, build.locale), build.strings["kort_fortalt"],
                                              lambda: shared_tree(build.content, html), cache.folder(build.site),
                                              build.site.inputs.code)
    report = PageReport(
        src_uri=page.file.src_uri, url=page.url, title=page.title or page.file.src_uri,
        source_name=(f"docs/{page.file.src_uri}" if page.file.abs_src_path
                     else f"{page.file.src_uri} (laget av bygget)"),
        findings=findings, readability=readability, summary_lix=box_lix)
    for finding in report.findings:
        finding.line = find_line(page.file.content_string, finding.needles)
        log.warning(message(report, finding))
    lix = report.readability.lix
    lix_max, lix_target = build.site.settings.lix_max, build.site.settings.lix_target
    if lix is not None and round(lix) > lix_max:
        log.warning(f"{report.source_name}: teksten er for tung å lese (LIX {round(lix)}, grensen er {lix_max}). "
                    "Skriv kortere setninger og bytt ut lange ord. "
                    "Se «Lesbarhet (LIX)» på siden «Slik endrer du innholdet».")
    elif lix is not None and round(lix) > lix_target:
        log.info(f"{report.source_name}: LIX {round(lix)} ({report.readability.label}). "
                 f"Målet er {lix_target} eller lavere.")
    long = report.readability.long_sentences
    if long:
        log.info(f"{report.source_name}: {len(long)} setning{'er' if len(long) > 1 else ''} har over "
                 f"{LONG_SENTENCE_WORDS} ord. {'Den første' if len(long) > 1 else 'Den'}: «{long[0]}»")
    build.state(AccessibilityState).reports.append(report)
    return html


def check_language_of_output(output: str, page, build) -> str:
    """The written page says its language: <html lang>, or <article lang> for a page that falls
    back to the default language's text."""
    languages = page_languages(shared_tree(build.written_page, output))
    for finding in language_findings(*languages, page_locale(page, build.locale)):
        log.warning(f"docs/{page.file.src_uri}: {finding.text} {finding.fix}")
    return output
