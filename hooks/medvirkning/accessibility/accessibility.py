"""Accessibility: every built page is checked, and the site publishes what the checks found.

On each page of each language, in its final HTML:
- the lang attribute is the page's language (or <article lang>, for a page not translated yet);
- one h1, no skipped heading levels, no empty headings;
- every image has alt text, decorative ones marked role="presentation";
- link texts make sense alone (not «her», «klikk her», «les mer», «lenke»), no href="#", no empty links;
- tables have header cells, and every <abbr> is explained;
- readability: LIX and the share of long sentences of the running text (readability.py).
Once per build: the contrast of the theme's text colours in each colour scheme (contrast.py).

Findings are warnings naming file and line, so the strict build stops. A page above LIX 45
(or a median above 40) is a warning too; a page above the goal of 40 is a notice in the log
and «middels»/«vanskelig» in the report. The page with `<!-- generert: tilgjengelighetsrapport -->`
gets the table of all pages, and the page with `<!-- generert: tilgjengelighetsavvik -->` the
requirements not met. Both need every page, so they are filled in after the build, when
tilgjengelighet.json is also written for CI (in each language's folder). Both pages are
linked from every page's footer, so they need not be in the menu.
"""
from __future__ import annotations

import json
import re
import statistics
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import InclusionLevel
from mkdocs.utils import get_build_datetime, get_relative_url

from ..core.data_files import SAFE_LOADER
from .contrast import WCAG_AA_TEXT, ContrastResult, theme_contrast
from ..core.html_tree import (Scope, attribute, children, classes, hidden_elements, is_hidden, page_languages,
                              parse_html, shared_tree, text_of)
from ..core.languages import page_locale
from ..core.markers import marker
from ..core.page_dates import local_date
from ..assets.scripts import theme_stylesheet_file
from .summaries import summary_lix
from .readability import LIX_MAX, LIX_TARGET, LONG_SENTENCE_WORDS, Readability, blocks_from_html, measure

log = get_plugin_logger("tilgjengelighet")

REPORT_MARKER = marker("tilgjengelighetsrapport")
STATEMENT_MARKER = marker("tilgjengelighetsavvik")
REPORT_TEMPLATE = "partials/mv-accessibility-report.html"
STATEMENT_TEMPLATE = "partials/mv-accessibility-statement.html"
PLACEHOLDER = '<div class="mv-generated" data-mv-generated="{name}"></div>'
JSON_FILE = "tilgjengelighet.json"
AUDIT_FILE = "data/tilgjengelighetsrevisjon.yml"  # written by `make audit` (browser_audit.py)
STYLESHEET = "docs/assets/stylesheets/medvirkning.css"

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


@dataclass(frozen=True)
class Requirement:
    criterion: str  # WCAG success criterion, as the Norwegian statement format names them
    affects: str  # who is hit when it is not met


# What each check protects, for the statement's «krav som ikke er oppfylt», in this order: the
# rule's requirement (the WCAG success criterion) and who is hit when it is not met are reader
# words, in data/sprak/<locale>.yml as krav_<key> and krav_<key>_hvem.
REQUIREMENT_KEYS = {
    "språk": "sprak", "overskrifter": "overskrifter", "tom-overskrift": "tom_overskrift", "alt-tekst": "alt_tekst",
    "lenketekst": "lenketekst", "tabell": "tabell", "forkortelse": "forkortelse", "kontrast": "kontrast",
    "lesbarhet": "lesbarhet",
}


def requirement(rule: str, strings: dict) -> Requirement:
    key = REQUIREMENT_KEYS[rule]
    return Requirement(strings[f"krav_{key}"], strings[f"krav_{key}_hvem"])


@dataclass
class Finding:
    rule: str  # a key of REQUIREMENT_KEYS
    text: str  # what is wrong, in plain Norwegian (also for readers of the statement)
    fix: str = ""  # how an editor fixes it
    needles: tuple = ()  # Markdown text that finds the source line (see source_line)
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


# ---- Checks: plain functions over a page's final HTML ----

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


def source_line(source: str, needles: tuple) -> int | None:
    """The first line of the Markdown source that holds a needle, trying the needles in order.

    A needle is a text, or a tuple of texts that must all be on the line. A text that starts
    with # is a heading: the line must begin with it (so "## A" does not find "### A"), and
    #s alone are an empty heading.
    """
    lines = source.splitlines()
    for needle in needles:
        for number, line in enumerate(lines, start=1):
            if isinstance(needle, tuple):
                found = all(part in line for part in needle)
            elif needle.startswith("#"):
                found = line.rstrip() == needle if needle.strip("#") == "" else line.startswith(needle)
            else:
                found = bool(needle) and needle in line
            if found:
                return number
    return None


def message(report: PageReport, finding: Finding) -> str:
    where = report.source_name + (f", linje {finding.line}" if finding.line else "")
    return f"{where}: {finding.text} {finding.fix}".rstrip()


# ---- The report, the statement and the JSON ----

def median_lix(reports: list[PageReport]) -> float | None:
    values = [r.readability.lix for r in reports if r.readability and r.readability.lix is not None]
    return statistics.median(values) if values else None


@dataclass
class Deviation:
    requirement: Requirement
    problems: list[tuple[str, str, str]]  # (page title, url, what is wrong)


def deviations(reports: list[PageReport], contrast: list[ContrastResult], strings: dict) -> list[Deviation]:
    """The requirements not met, each with the pages and problems, in the order of REQUIREMENT_KEYS."""
    found: dict[str, Deviation] = {}  # by criterion: headings and tables are both 1.3.1

    def add(rule: str, title: str, url: str, text: str) -> None:
        met = requirement(rule, strings)
        found.setdefault(met.criterion, Deviation(met, [])).problems.append((title, url, text))

    for report in reports:
        for finding in report.findings:
            add(finding.rule, report.title, report.url, finding.text)
        lix = report.readability.lix if report.readability else None
        if lix is not None and round(lix) > LIX_MAX:
            add("lesbarhet", report.title, report.url, f"LIX {round(lix)}, over grensen {LIX_MAX}.")
    median = median_lix(reports)
    if median is not None and round(median) > LIX_TARGET:
        add("lesbarhet", "Hele nettstedet", "", f"Midtverdien av LIX er {round(median)}, over målet {LIX_TARGET}.")
    for result in contrast:
        if not result.passes:
            add("kontrast", "Hele nettstedet", "", contrast_problem(result))
    criteria = list(dict.fromkeys(requirement(rule, strings).criterion for rule in REQUIREMENT_KEYS))
    return [found[criterion] for criterion in criteria if criterion in found]


def view_name(view: str, strings: dict) -> str:
    """«desktop, dark» from the audit file as the reader says it: «stor skjerm, mørkt tema»."""
    return ", ".join(strings.get(f"revisjon_visning_{part.strip()}", part.strip()) for part in view.split(","))


def browser_deviations(audit: dict | None, reports: list[PageReport], strings: dict,
                       extra_pages: dict[str, str]) -> list[Deviation]:
    """What the browser audit (data/tilgjengelighetsrevisjon.yml) found on this language's pages:
    axe's violations and sideways scrolling as one requirement, invalid HTML as another."""
    if not audit:
        return []
    titles = {r.url: r.title for r in reports} | extra_pages
    axe = Deviation(Requirement(strings["revisjon_krav_axe"], strings["revisjon_krav_axe_hvem"]), [])
    html = Deviation(Requirement(strings["revisjon_krav_html"], strings["revisjon_krav_html_hvem"]), [])
    for page in audit.get("funn") or []:
        url = page["side"]
        if url not in titles:
            continue  # another language's page
        for finding in page.get("axe") or []:
            axe.problems.append((titles[url], url, strings["revisjon_funn_axe"].format(
                hjelp=finding["hjelp"], regel=finding["regel"], antall=finding["antall"],
                visning=view_name(finding["visning"], strings))))
        for view in page.get("for_bred") or []:
            axe.problems.append((titles[url], url, strings["revisjon_funn_bred"].format(
                visning=view_name(view, strings))))
        for error in page.get("vnu") or []:
            html.problems.append((titles[url], url, strings["revisjon_funn_html"].format(**error)))
    return [d for d in (axe, html) if d.problems]


def audit_status(audit: dict | None, page_dates: dict[str, str]) -> dict:
    """The audit's date, tools and whether the content has changed since (the newest git date
    of docs/ is later than the audit)."""
    if not audit:
        return {"date": None, "stale": False, "tools": "", "counts": {}, "views": []}
    newest = max(page_dates.values(), default="")
    date = str(audit["dato"])
    tools = audit.get("verktoy") or {}
    return {"date": date, "stale": bool(newest) and newest > date, "counts": audit.get("antall") or {},
            # The browser's entry already names it («Chromium 156…»); the tools by name and version.
            "tools": ", ".join(version if name == "nettleser" else f"{name} {version}"
                               for name, version in tools.items()),
            "views": audit.get("visninger") or [], "rules": audit.get("regelsett") or []}


def scheme_name(scheme: str) -> str:
    return {"default": "lyst tema", "slate": "mørkt tema"}.get(scheme, f"tema «{scheme}»")


def contrast_problem(result: ContrastResult) -> str:
    return (f"{result.label} i {scheme_name(result.scheme)} har kontrast {format_ratio(result.ratio)} "
            f"({result.foreground} på {result.background}); kravet er {format_ratio(WCAG_AA_TEXT)}.")


def format_ratio(ratio: float) -> str:
    return f"{ratio:.2f}".replace(".", ",") + ":1"


def report_data(reports: list[PageReport], contrast: list[ContrastResult], locale: str, date: str) -> dict:
    """The report as plain data, for the JSON file and the templates alike."""
    median = median_lix(reports)
    return {
        "locale": locale,
        "date": date,
        "limits": {"lix_target": LIX_TARGET, "lix_max": LIX_MAX, "long_sentence_words": LONG_SENTENCE_WORDS,
                   "contrast_min": WCAG_AA_TEXT},
        "median_lix": None if median is None else round(median, 1),
        "errors": sum(len(r.findings) for r in reports),
        "pages": [{
            "src": r.src_uri,
            "url": r.url,
            "title": r.title,
            "lix": None if not r.readability or r.readability.lix is None else round(r.readability.lix, 1),
            "lix_label": r.readability.label if r.readability else None,
            "summary_lix": None if r.summary_lix is None else round(r.summary_lix, 1),
            "words": r.readability.words if r.readability else 0,
            "sentences": r.readability.sentences if r.readability else 0,
            "long_sentences": len(r.readability.long_sentences) if r.readability else 0,
            "long_sentence_share": round(r.readability.long_share, 3) if r.readability else 0.0,
            "findings": [{"rule": f.rule, "line": f.line, "text": f.text, "fix": f.fix} for f in r.findings],
        } for r in reports],
        "contrast": [{**asdict(c), "ratio": round(c.ratio, 2), "passes": c.passes,
                      "scheme_name": scheme_name(c.scheme)} for c in contrast],
    }


def theme_stylesheets(config) -> list[str]:
    """Material's stylesheets and ours, in the order the page loads them (the palette's inside
    ours, see scripts.py, but before our own rules)."""
    sheets = [theme_stylesheet_file(config, name).read_text(encoding="utf-8") for name in ("main", "palette")]
    for extra in config.extra_css:
        path = Path(config.docs_dir, str(extra))
        if path.exists():
            sheets.append(path.read_text(encoding="utf-8"))
    return sheets


def palette_schemes(config) -> list[tuple[str, dict[str, str]]]:
    """(scheme, body attributes) of each colour scheme the palette offers, once each (the
    "follow the system" toggle has no scheme of its own)."""
    palette = config.theme.get("palette") or {}
    options = palette if isinstance(palette, list) else [palette]
    schemes: dict[str, dict[str, str]] = {}
    for option in [o for o in options if o.get("scheme")] or [{}]:
        scheme = option.get("scheme", "default")
        schemes.setdefault(scheme, {"scheme": scheme, **{key: option.get(key, "indigo").replace(" ", "-")
                                                         for key in ("primary", "accent")}})
    return list(schemes.items())


def load_audit(root: Path) -> dict | None:
    """The browser audit's result, or None when `make audit` has not been run."""
    path = root / AUDIT_FILE
    if not path.exists():
        return None
    try:
        audit = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except yaml.YAMLError as error:
        raise PluginError(f"{AUDIT_FILE}: fila kan ikke leses ({error}). Den skrives av `make audit`: "
                          "kjør det på nytt i stedet for å rette fila for hånd.") from error
    if not isinstance(audit, dict) or "dato" not in audit:
        raise PluginError(f"{AUDIT_FILE}: fila mangler «dato». Den skrives av `make audit`: kjør det på nytt.")
    return audit


# ---- Steps of the build (medvirkning.pipeline calls them in order) ----

GENERATED = {"tilgjengelighetsrapport": REPORT_MARKER, "tilgjengelighetsavvik": STATEMENT_MARKER}


def keep_generated_pages_out_of_nav(files, build) -> None:
    # Reached from the footer of every page: the menu may list them, but need not.
    for file in files.documentation_pages():
        if any(pattern.search(file.content_string) for pattern in GENERATED.values()):
            if file.inclusion.is_in_nav():
                file.inclusion = InclusionLevel.NOT_IN_NAV


def remember_nav_order(nav, build) -> None:
    build.nav_order = {page.file.src_uri: index for index, page in enumerate(nav.pages)}


def place_markers(markdown: str, page, build) -> str:
    """Swap the report's and statement's markers for placeholders, filled in before the page is
    rendered (they need every other page's checks)."""
    for name, pattern in GENERATED.items():
        if not pattern.search(markdown):
            continue
        other = build.generated_pages.setdefault(name, page)
        if other is not page:
            raise PluginError(f"docs/{page.file.src_uri}: markøren «<!-- generert: {name} -->» står også på "
                              f"docs/{other.file.src_uri}. Den kan bare stå på én side.")
        markdown = pattern.sub(lambda _: PLACEHOLDER.format(name=name), markdown)
    return markdown


def check_content(html: str, page, build) -> str:
    """Check the page's own content (the article, as Markdown and the other steps made it)."""
    if page is build.generated_pages.get("tilgjengelighetsrapport") or page.file.src_uri in build.print_pages:
        return html  # the report's table is about the other pages; a print page is the other pages
    root = shared_tree(build.content, html)
    report = PageReport(
        src_uri=page.file.src_uri, url=page.url, title=page.title or page.file.src_uri,
        source_name=(f"docs/{page.file.src_uri}" if page.file.abs_src_path
                     else f"{page.file.src_uri} (laget av bygget)"),
        findings=check_tree(root, page_locale(page, build.locale)),
        readability=measure(blocks_from_html(root)),
        summary_lix=summary_lix(root, build.strings["kort_fortalt"]))
    for finding in report.findings:
        finding.line = source_line(page.file.content_string, finding.needles)
        log.warning(message(report, finding))
    lix = report.readability.lix
    if lix is not None and round(lix) > LIX_MAX:
        log.warning(f"{report.source_name}: teksten er for tung å lese (LIX {round(lix)}, grensen er {LIX_MAX}). "
                    "Skriv kortere setninger og bytt ut lange ord. "
                    "Se «Lesbarhet (LIX)» på siden «Slik endrer du innholdet».")
    elif lix is not None and round(lix) > LIX_TARGET:
        log.info(f"{report.source_name}: LIX {round(lix)} ({report.readability.label}). "
                 f"Målet er {LIX_TARGET} eller lavere.")
    long = report.readability.long_sentences
    if long:
        log.info(f"{report.source_name}: {len(long)} setning{'er' if len(long) > 1 else ''} har over "
                 f"{LONG_SENTENCE_WORDS} ord. {'Den første' if len(long) > 1 else 'Den'}: «{long[0]}»")
    build.reports.append(report)
    return html


def check_language_of_output(output: str, page, build) -> str:
    """The written page says its language: <html lang>, or <article lang> for a page that falls
    back to the default language's text."""
    languages = page_languages(shared_tree(build.written_page, output))
    for finding in language_findings(*languages, page_locale(page, build.locale)):
        log.warning(f"docs/{page.file.src_uri}: {finding.text} {finding.fix}")
    return output


# Material's menu and search toggles (base.html, outside any block) carry autocomplete="off", which
# HTML allows on text fields only (the Nu HTML Checker's error); medvirkning.js closes them when
# the browser brings a page back instead, which is what the attribute was for. The tags as
# base.html writes them, so that the text is changed exactly there.
_TOGGLES = {name: f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}" autocomplete="off">'
            for name in ("drawer", "search")}


def valid_toggles(output: str, tree) -> str:
    """The page without autocomplete on the two toggles, in its text and its parse (`tree`)."""
    for toggle in tree.css("input.md-toggle[autocomplete]"):
        written = _TOGGLES.get(toggle.attributes.get("data-md-toggle") or "")
        if written and written in output:
            output = output.replace(written, written.replace(' autocomplete="off"', ""), 1)
            del toggle.attrs["autocomplete"]
    return output


def valid_toggles_of_page(output: str, page, build) -> str:
    output = valid_toggles(output, shared_tree(build.written_page, output))
    build.written_page.html = output
    return output


def summarize(build) -> dict:
    """Once per language, when every page is checked: site-wide warnings and the report data."""
    order = build.nav_order  # the menu's order; pages outside it last, by address
    reports = sorted(build.reports, key=lambda r: (order.get(r.src_uri, len(order)), r.url))
    contrast = [result for scheme, attributes in palette_schemes(build.config)
                for result in theme_contrast(theme_stylesheets(build.config), scheme, attributes)]
    for result in contrast:
        if not result.passes:
            log.warning(f"{STYLESHEET}: for svak fargekontrast. {contrast_problem(result)} "
                        "Velg en mørkere eller lysere farge.")
    median = median_lix(reports)
    if median is not None and round(median) > LIX_TARGET:
        log.warning(f"Lesbarhet for hele nettstedet: midtverdien (medianen) av LIX er {round(median)}, "
                    f"over målet {LIX_TARGET}. Gjør de tyngste sidene lettere; se siden «Tilgjengelighetsrapport».")
    data = report_data(reports, contrast, build.locale, get_build_datetime().date().isoformat())
    audit = build.site.browser_audit
    data["deviations"] = deviations(reports, contrast, build.strings) + browser_deviations(
        audit, reports, build.strings, {"404.html": "404"} if build.is_default else {})
    data["audit"] = audit_status(audit, build.site.page_dates)
    data["audit_pages"] = audit_views(audit, build.folder, build.locales)
    return data


def audit_views(audit: dict | None, folder: str, locales: list[str]) -> list[dict]:
    """For the report: per window size and scheme, how many of this language's pages were tested
    and how many of axe's findings there were."""
    if not audit:
        return []
    others = [f"{locale}/" for locale in locales if f"{locale}/" != folder]

    def ours(address: str) -> bool:
        return address.startswith(folder) and not any(address.startswith(o) for o in others if o.startswith(folder))

    views: dict[str, dict] = {}
    for size in ("desktop", "phone"):
        for scheme in ("light", "dark"):
            views[f"{size}, {scheme}"] = {"view": f"{size}, {scheme}", "findings": 0}
    for page in audit.get("funn") or []:
        if ours(page["side"]):
            for finding in page.get("axe") or []:
                views.setdefault(finding["visning"], {"view": finding["visning"], "findings": 0})["findings"] += 1
    return list(views.values())


def fill_generated_pages(page, build) -> None:
    """Give the report and the statement their content before the theme renders them."""
    name = next((n for n, p in build.generated_pages.items() if p is page), None)
    if name is None:
        return
    data = build.report_data
    env = build.templates
    date = local_date(data["date"], build.locale)
    audit = data["audit"]
    audit_date = local_date(audit["date"], build.locale) if audit["date"] else None
    checked = (build.strings["revisjon_sjekket"].format(bygget=date, revisjon=audit_date, verktoy=audit["tools"])
               if audit_date else build.strings["revisjon_mangler"])
    stale = build.strings["revisjon_utdatert"].format(revisjon=audit_date) if audit["stale"] else None
    if name == "tilgjengelighetsrapport":
        content = env.get_template(REPORT_TEMPLATE).render(
            report=data, date=date, mv=build.strings, checked=checked, stale=stale,
            views=[(view_name(v["view"], build.strings), v["findings"]) for v in data["audit_pages"]],
            rows=[(row, get_relative_url(row["url"], page.url)) for row in data["pages"]],
            json_url=get_relative_url(build.folder + JSON_FILE, page.url))
    else:
        content = env.get_template(STATEMENT_TEMPLATE).render(
            mv=build.strings, checked=checked, stale=stale, tested=bool(audit_date),
            deviations=[(deviation, [(title, get_relative_url(url, page.url) if url else None, text)
                                     for title, url, text in deviation.problems])
                        for deviation in data["deviations"]])
        # One date on the statement: the footer's «Sist oppdatert», the later of the page's own
        # change and the browser audit its status comes from.
        dates = [d for d in (build.site.page_dates.get(page.file.src_uri), audit["date"]) if d]
        if dates:
            page.meta["sist_oppdatert"] = {"iso": max(dates), "tekst": local_date(max(dates), build.locale)}
    placeholder = PLACEHOLDER.format(name=name)
    if placeholder not in page.content:
        raise PluginError(f"docs/{page.file.src_uri}: fant ikke plassen for «{name}» på siden. "
                          "Markøren må stå alene på en linje, med en tom linje over og under.")
    page.content = page.content.replace(placeholder, content, 1)


def write_json(build) -> None:
    data = {k: v for k, v in build.report_data.items() if k not in ("deviations", "audit_pages")}
    json_path = Path(build.config.site_dir, build.folder, JSON_FILE)
    json_path.parent.mkdir(parents=True, exist_ok=True)
    json_path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
