"""The accessibility report, the statement and tilgjengelighet.json: what the checks found, published.

The page with `<!-- generert: tilgjengelighetsrapport -->` gets the table of all pages (checks.py),
and the page with `<!-- generert: tilgjengelighetsavvik -->` the requirements not met, from the
checks, the contrast of the theme's text colours in each colour scheme (contrast.py, once per
build) and the browser audit (data/tilgjengelighetsrevisjon.yml, `make audit`). Both need every
page, so they are filled in after the build, when tilgjengelighet.json is also written for CI
(in each language's folder). Both pages are linked from every page's footer, so they need not
be in the menu. A median LIX above 40 for the whole site is a warning.
"""
from __future__ import annotations

import json
import pickle
import statistics
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import InclusionLevel
from mkdocs.utils import get_build_datetime, get_relative_url

from ..assets.scripts import theme_stylesheet_file
from ..core import cache
from ..core.data_files import SAFE_LOADER
from ..core.markers import marker
from ..core.page_dates import local_date
from .checks import PageReport
from . import wcag
from .contrast import WCAG_AA_TEXT, ContrastResult, theme_contrast
from .readability import LIX_MAX, LIX_TARGET, LONG_SENTENCE_WORDS
from .state import AccessibilityData, AccessibilityState

log = get_plugin_logger("tilgjengelighet")

REPORT_MARKER = marker("tilgjengelighetsrapport")


STATEMENT_MARKER = marker("tilgjengelighetsavvik")


REPORT_TEMPLATE = "partials/mv-accessibility-report.html"


STATEMENT_TEMPLATE = "partials/mv-accessibility-statement.html"


PLACEHOLDER = '<div class="mv-generated" data-mv-generated="{name}"></div>'


JSON_FILE = "tilgjengelighet.json"


AUDIT_FILE = "data/tilgjengelighetsrevisjon.yml"  # written by `make audit` (browser_audit.py)


STYLESHEET = "docs/assets/stylesheets/medvirkning.css"


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


def median_lix(reports: list[PageReport]) -> float | None:
    values = [r.readability.lix for r in reports if r.readability and r.readability.lix is not None]
    return statistics.median(values) if values else None


@dataclass
class Deviation:
    requirement: Requirement
    problems: list[tuple[str, str, str]]  # (page title, url, what is wrong)


def deviations(reports: list[PageReport], contrast: list[ContrastResult], strings: dict,
               lix_max: int = LIX_MAX, lix_target: int = LIX_TARGET) -> list[Deviation]:
    """The requirements not met, each with the pages and problems, in the order of REQUIREMENT_KEYS."""
    found: dict[str, Deviation] = {}  # by criterion: headings and tables are both 1.3.1

    def add(rule: str, title: str, url: str, text: str) -> None:
        met = requirement(rule, strings)
        found.setdefault(met.criterion, Deviation(met, [])).problems.append((title, url, text))

    # Reader words in the page's language: the findings' own texts are for editors, in Norwegian.
    whole_site = strings["avvik_hele_nettstedet"]
    for report in reports:
        for finding in report.findings:
            add(finding.rule, report.title, report.url, strings[f"avvik_{REQUIREMENT_KEYS[finding.rule]}"])
        lix = report.readability.lix if report.readability else None
        if lix is not None and round(lix) > lix_max:
            add("lesbarhet", report.title, report.url, strings["avvik_lix"].format(lix=round(lix), grense=lix_max))
    median = median_lix(reports)
    if median is not None and round(median) > lix_target:
        add("lesbarhet", whole_site, "", strings["avvik_lix_median"].format(lix=round(median), maal=lix_target))
    for result in contrast:
        if not result.passes:
            add("kontrast", whole_site, "", contrast_problem_for_readers(result, strings))
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


def contrast_problem_for_readers(result: ContrastResult, strings: dict) -> str:
    def ratio(value: float) -> str:
        return format_ratio(value, strings["desimaltegn"])

    return strings["avvik_kontrast"].format(
        **{"del": (strings.get("kontrastpar") or {}).get(result.label, result.label)},
        tema=strings.get(f"tema_{result.scheme}", result.scheme), kontrast=ratio(result.ratio),
        forgrunn=result.foreground, bakgrunn=result.background, krav=ratio(WCAG_AA_TEXT))


def format_ratio(ratio: float, decimal_sign: str = ",") -> str:
    return f"{ratio:.2f}".replace(".", decimal_sign) + ":1"


def report_data(reports: list[PageReport], contrast: list[ContrastResult], locale: str, date: str,
                lix_max: int = LIX_MAX, lix_target: int = LIX_TARGET) -> dict:
    """The report as plain data, for the JSON file and the templates alike."""
    median = median_lix(reports)
    return {
        "locale": locale,
        "date": date,
        "limits": {"lix_target": lix_target, "lix_max": lix_max, "long_sentence_words": LONG_SENTENCE_WORDS,
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


_CONTRAST = cache.Kept(16)


def palette_contrast(build) -> list[ContrastResult]:
    """The contrast of every colour scheme, kept by the stylesheets and schemes it is measured from."""
    sheets, schemes = theme_stylesheets(build.config), palette_schemes(build.config)

    def measure() -> bytes:
        return pickle.dumps([result for scheme, attributes in schemes
                             for result in theme_contrast(sheets, scheme, attributes)])

    key = cache.digest(build.site.inputs.code, json.dumps(schemes), *sheets)
    return pickle.loads(cache.remembered(_CONTRAST, cache.folder(build.site), "kontrast", key, measure))


def summarize(build) -> None:
    """Once per language, when every page is checked: site-wide warnings and the report data
    (AccessibilityState.summary)."""
    order = build.nav_order  # the menu's order; pages outside it last, by address
    reports = sorted(build.state(AccessibilityState).reports, key=lambda r: (order.get(r.src_uri, len(order)), r.url))
    contrast = palette_contrast(build)
    for result in contrast:
        if not result.passes:
            log.warning(f"{STYLESHEET}: for svak fargekontrast. {contrast_problem(result)} "
                        "Velg en mørkere eller lysere farge.")
    median = median_lix(reports)
    settings = build.site.settings
    if median is not None and round(median) > settings.lix_target:
        log.warning(f"Lesbarhet for hele nettstedet: midtverdien (medianen) av LIX er {round(median)}, "
                    f"over målet {settings.lix_target}. Gjør de tyngste sidene lettere; se siden «Tilgjengelighetsrapport».")
    data = report_data(reports, contrast, build.locale, get_build_datetime().date().isoformat(),
                       settings.lix_max, settings.lix_target)
    audit = build.site.state(AccessibilityData).browser_audit
    data["deviations"] = deviations(reports, contrast, build.strings, settings.lix_max, settings.lix_target) + \
        browser_deviations(audit, reports, build.strings, {"404.html": "404"} if build.is_default else {})
    data["audit"] = audit_status(audit, build.site.page_dates)
    data["audit_pages"] = audit_views(audit, build.folder, build.locales)
    # Every WCAG criterion (data/wcag.yml), the automatic ones with what the checks found.
    failed = {wcag.criterion_number(d.requirement.criterion) for d in data["deviations"]}
    data["wcag"] = wcag.with_automatic_results(build.site.state(AccessibilityData).wcag_criteria, failed, data["date"], data["audit"]["date"])
    data["status"] = wcag.status(data["wcag"], bool(data["deviations"]))
    build.state(AccessibilityState).summary = data


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
    data = build.state(AccessibilityState).summary
    env = build.templates
    date = local_date(data["date"], build.locale)
    audit = data["audit"]
    audit_date = local_date(audit["date"], build.locale) if audit["date"] else None
    checked = (build.strings["revisjon_sjekket"].format(bygget=date, revisjon=audit_date, verktoy=audit["tools"])
               if audit_date else build.strings["revisjon_mangler"])
    stale = build.strings["revisjon_utdatert"].format(revisjon=audit_date) if audit["stale"] else None
    criteria = [(c, c.name(build.locale), local_date(c.date, build.locale) if c.date else "") for c in data["wcag"]]
    if name == "tilgjengelighetsrapport":
        content = env.get_template(REPORT_TEMPLATE).render(
            report=data, date=date, mv=build.strings, checked=checked, stale=stale, criteria=criteria,
            note_lang=None if build.locale == build.default_locale else build.default_locale,
            views=[(view_name(v["view"], build.strings), v["findings"]) for v in data["audit_pages"]],
            rows=[(row, get_relative_url(row["url"], page.url)) for row in data["pages"]],
            json_url=get_relative_url(build.folder + JSON_FILE, page.url))
    else:
        content = env.get_template(STATEMENT_TEMPLATE).render(
            mv=build.strings, checked=checked, stale=stale, status=data["status"], locale=build.locale,
            counts=wcag_counts(data["wcag"]),
            not_assessed=[(c, n) for c, n, _ in criteria if c.result == wcag.NOT_ASSESSED],
            not_met=[(c, n) for c, n, _ in criteria if c.result == "avvik" and c.deviation],
            deviations=[(deviation, [(title, get_relative_url(url, page.url) if url else None, text)
                                     for title, url, text in deviation.problems])
                        for deviation in data["deviations"]])
        # One date on the statement: the footer's «Sist oppdatert», the latest of the page's own
        # change, the browser audit and the assessments (data/wcag.yml) its status comes from.
        assessed = max((c.date for c in data["wcag"] if c.method == "manuell"), default=None)
        dates = [d for d in (build.site.page_dates.get(page.file.src_uri), audit["date"], assessed) if d]
        if dates:
            page.meta["sist_oppdatert"] = {"iso": max(dates), "tekst": local_date(max(dates), build.locale)}
    placeholder = PLACEHOLDER.format(name=name)
    if placeholder not in page.content:
        raise PluginError(f"docs/{page.file.src_uri}: fant ikke plassen for «{name}» på siden. "
                          "Markøren må stå alene på en linje, med en tom linje over og under.")
    page.content = page.content.replace(placeholder, content, 1)


def wcag_counts(criteria: list) -> dict[str, int]:
    """How many criteria there are, and how many have each result, for the statement's summary."""
    return {"alle": len(criteria), "vurdert": sum(c.result != wcag.NOT_ASSESSED for c in criteria),
            **{result.replace(" ", "_"): sum(c.result == result for c in criteria) for result in wcag.RESULTS}}


def write_json(build) -> None:
    data = {k: v for k, v in build.state(AccessibilityState).summary.items() if k not in ("deviations", "audit_pages")}
    data["wcag"] = [asdict(c) for c in data["wcag"]]
    json_path = Path(build.config.site_dir, build.folder, JSON_FILE)
    json_path.parent.mkdir(parents=True, exist_ok=True)
    json_path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
