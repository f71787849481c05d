"""`make bench`: how fast the site builds and how heavy it is on a phone, against a default
Material site of the same text, all measured in one run on this machine.

Prints the tables and writes them to bench/RESULTS.md with notes on the machine. Built
sites and Lighthouse reports go to bench/out/ (ignored by git). Not a test: the figures
vary with the machine and its load; the notes say what that was.
"""
from __future__ import annotations

import contextlib
import datetime
import gzip
import importlib.metadata
import json
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(BENCH), str(ROOT / "tests"), str(ROOT / "hooks"), str(ROOT / "tools")]

import editor  # noqa: E402
import variants  # noqa: E402
from helpers import CHROMIUM, CHROMIUM_ARGS, PHONE, content_pages  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from server import PagesServer  # noqa: E402
import browser_audit  # noqa: E402

OUT = BENCH / "out"
RESULTS = BENCH / "RESULTS.md"
NOTES = BENCH / "NOTES.md"  # why the goals are missed, written by hand; ends RESULTS.md
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
BUILD_RUNS = 9  # the machine's speed varies from run to run; the median of nine is steadier
LIGHTHOUSE_RUNS = 5
# (copies of the pages, languages): 1× is the site as it is.
SCALES = [(1, 1), (10, 1), (50, 1), (1, 2), (1, 3), (10, 3)]
PACKAGE = ROOT / "hooks" / "medvirkning"  # the steps of the build, called from pipeline.py
SETTINGS_INDEX = "search/search_index.json"  # what every page loads: the index's settings
FULL_INDEX = "search/search_index.full.json"  # what a reader loads when they open search
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
METRICS = {"first-contentful-paint": "FCP", "largest-contentful-paint": "LCP",
           "total-blocking-time": "TBT", "cumulative-layout-shift": "CLS"}
GOALS = {"hook_overhead": 0.30, "first_load": 0.60, "performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# ---- the machine ----

def machine_notes() -> list[str]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "ukjent")
    memory_kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
    os_name = re.search(r'PRETTY_NAME="([^"]+)"', Path("/etc/os-release").read_text())
    versions = {name: importlib.metadata.version(name) for name in
                ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "playwright")}
    lighthouse = json.loads((BENCH / "node_modules" / "lighthouse" / "package.json").read_text())["version"]
    return [
        f"Prosessor: {cpu}, {os.cpu_count()} kjerner; minne {memory_kb / 1024 / 1024:.1f} GiB; "
        f"{os_name.group(1) if os_name else platform.platform()}",
        f"Python {platform.python_version()}; " + ", ".join(f"{k} {v}" for k, v in versions.items()),
        f"{command_output([CHROMIUM, '--version'])}; Node {command_output(['node', '--version'])}; "
        f"Lighthouse {lighthouse}",
    ]


def command_output(command: list[str]) -> str:
    return subprocess.run(command, capture_output=True, text=True).stdout.strip()


def load_average() -> str:
    return " / ".join(f"{value:.2f}" for value in os.getloadavg())


# ---- build time ----

@dataclass
class BuildTimes:
    ours: list[variants.Build] = field(default_factory=list)
    hooks_off: list[variants.Build] = field(default_factory=list)

    @staticmethod
    def median(builds, attribute) -> float:
        return statistics.median(getattr(b, attribute) for b in builds)


def time_builds(off_config: Path) -> BuildTimes:
    """Ours and hooks-off in turn, so that both meet the same load on the machine."""
    times = BuildTimes()
    for run in range(BUILD_RUNS):
        say(f"  bygg {run + 1}/{BUILD_RUNS}")
        times.ours.append(variants.build(ROOT / "mkdocs.yml", OUT / "sites" / "ours"))
        times.hooks_off.append(variants.build(off_config, OUT / "sites" / "hooks-off"))
    return times


def hook_profile() -> tuple[float, dict[str, float]]:
    """(seconds of the whole build, {module of hooks/medvirkning: seconds in its steps}) from
    one build under cProfile: the time of every function pipeline.py calls, by its module.
    The profiler slows everything down, so the shares are what counts."""
    profile = OUT / "hooks.prof"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "mkdocs", "build", "--no-strict",
                    "--config-file", str(ROOT / "mkdocs.yml"), "--site-dir", str(OUT / "sites" / "profiled")],
                   check=True, capture_output=True, env=env, cwd=ROOT)
    stats = pstats.Stats(str(profile))
    per_hook: dict[str, float] = {}
    total = 0.0
    for (filename, _, function), (_, _, _, cumulative, callers) in stats.stats.items():
        path = Path(filename)
        if function == "build" and path.match("mkdocs/commands/build.py"):
            total = max(total, cumulative)
        if PACKAGE not in path.parents or path.name == "pipeline.py":
            continue
        from_pipeline = sum(times[3] for (caller, _, _), times in callers.items()
                            if Path(caller) == PACKAGE / "pipeline.py")
        if from_pipeline:
            name = f"hooks/medvirkning/{path.relative_to(PACKAGE).as_posix()}"
            per_hook[name] = per_hook.get(name, 0.0) + from_pipeline
    return total, dict(sorted(per_hook.items(), key=lambda item: -item[1]))


# ---- scaling ----

@dataclass
class ScaledBuild:
    copies: int
    languages: int
    pages: int
    seconds: float
    warnings: int
    index_bytes: int  # the search index a bokmål reader loads when they open search, gzip
    settings_bytes: int  # what every bokmål page loads of it, gzip


def scale(copies: int, languages: int) -> ScaledBuild:
    name = f"scaled-{copies}x-{languages}"
    config = variants.scaled_project(OUT / "projects" / name, copies, languages)
    site = OUT / "sites" / name
    result = variants.build(config, site)
    return ScaledBuild(copies, languages, len(content_pages(site)), result.built_in, result.warnings,
                       gzipped_size(site / FULL_INDEX), gzipped_size(site / SETTINGS_INDEX))


def gzipped_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)) if path.exists() else 0


# ---- first load in Chromium ----

@dataclass
class FirstLoad:
    requests: int
    bytes: int
    by_kind: dict[str, int]


def kind_of(url: str) -> str:
    path = url.split("?")[0]
    if path.endswith(".json") and "/search/" in path:
        return "søkeindeks"
    if "/workers/" in path or "/lunr/" in path:
        return "søkemotor (worker, lunr)"
    if path.endswith(".css"):
        return "CSS"
    if path.endswith(".js"):
        return "JavaScript"
    if path.endswith((".png", ".svg", ".ico", ".jpg", ".webp")):
        return "bilder"
    return "HTML"


def first_load(browser, url: str, open_search: bool = False) -> FirstLoad:
    """Everything a first visit downloads (empty cache) until the network is quiet,
    counted as sent: gzip-compressed bodies, as GitHub Pages sends them. With open_search,
    the reader then opens search and searches, and that is counted too."""
    context = browser.new_context(viewport=PHONE, has_touch=True)
    sizes: dict[str, int] = {}
    context.on("response", lambda r: sizes.__setitem__(r.url, int(r.headers.get("content-length", 0))))
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    if open_search:
        # Our script makes the header's search label a button; the default site keeps the label.
        ours = page.locator('button[data-mv-toggle="__search"]')
        (ours if ours.count() else page.locator('label.md-header__button[for="__search"]')).tap()
        page.locator("input.md-search__input").press_sequentially("møte")
        page.locator(".md-search-result__item").first.wait_for()
        page.wait_for_load_state("networkidle")
    context.close()
    by_kind: dict[str, int] = {}
    for address, size in sizes.items():
        by_kind[kind_of(address)] = by_kind.get(kind_of(address), 0) + size
    return FirstLoad(len(sizes), sum(sizes.values()), by_kind)


# ---- Lighthouse ----

@dataclass
class LighthouseResult:
    scores: dict[str, float]
    metrics: dict[str, float]
    failing: set[str]


def lighthouse(url: str, report: Path) -> LighthouseResult:
    """One Lighthouse run with its default mobile settings (simulated slow 4G, 4× CPU)."""
    flags = " ".join(CHROMIUM_ARGS)
    subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
                    f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}"],
                   check=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True)
    data = json.loads(report.read_text(encoding="utf-8"))
    failing = {f"{category}: {ref['id']}" for category in CATEGORIES
               for ref in data["categories"][category]["auditRefs"]
               if ref["weight"] > 0 and (data["audits"][ref["id"]]["score"] or 0) < 1
               and data["audits"][ref["id"]]["scoreDisplayMode"] in ("binary", "numeric", "metricSavings")}
    return LighthouseResult({c: data["categories"][c]["score"] for c in CATEGORIES},
                            {m: data["audits"][m]["numericValue"] for m in METRICS}, failing)


def lighthouse_medians(urls: dict[tuple[str, str], str]) -> dict[tuple[str, str], LighthouseResult]:
    """Median of LIGHTHOUSE_RUNS runs per (site, page), taken in turn so that each meets the
    same load on the machine. Failing audits are those below 1 in any run."""
    runs: dict[tuple[str, str], list[LighthouseResult]] = {key: [] for key in urls}
    for run in range(LIGHTHOUSE_RUNS):
        for (site, page), url in urls.items():
            say(f"  lighthouse {run + 1}/{LIGHTHOUSE_RUNS}: {site}, {page}")
            slug = re.sub(r"[^a-z0-9]+", "-", f"{site}-{page}".lower()).strip("-")
            runs[site, page].append(lighthouse(url, OUT / "lighthouse" / f"{slug}-{run + 1}.json"))
    return {key: LighthouseResult({c: statistics.median(r.scores[c] for r in results) for c in CATEGORIES},
                                  {m: statistics.median(r.metrics[m] for r in results) for m in METRICS},
                                  set().union(*(r.failing for r in results)))
            for key, results in runs.items()}


# ---- the report ----

def kb(size: int) -> str:
    return f"{size / 1024:.1f} KiB"


def percent(ratio: float) -> str:
    return f"{ratio * 100:+.0f} %"


def metric(name: str, value: float) -> str:
    if name == "cumulative-layout-shift":
        return f"{value:.3f}"
    if name == "total-blocking-time":
        return f"{value:.0f} ms"
    return f"{value / 1000:.1f} s"


def table(headings: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headings) + " |", "|" + "|".join("---" for _ in headings) + "|"]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])


def main() -> None:
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse mangler: kjør `npm ci --prefix bench` (eller `make bench`).")
    started, load_before = time.perf_counter(), load_average()
    shutil.rmtree(OUT / "sites", ignore_errors=True)
    (OUT / "lighthouse").mkdir(parents=True, exist_ok=True)
    config = variants.load_config()

    say("Byggetid: vårt nettsted og det samme uten hooks")
    off_config = variants.write_config(OUT / "projects" / "hooks-off", variants.hooks_off(config, ROOT / "docs"))
    default_config = variants.write_config(OUT / "projects" / "default",
                                           variants.default_material(config, ROOT / "docs"))
    times = time_builds(off_config)
    profiled = hook_profile()
    variants.build(default_config, OUT / "sites" / "default")
    sites = {"Medvirkning": OUT / "sites" / "ours", "Standard Material": OUT / "sites" / "default"}
    # Each site under the path it is built for: ours below site_url's path, as on GitHub Pages.
    prefixes = {"Medvirkning": browser_audit.site_prefix(), "Standard Material": "/"}

    say("Redaktøren: lagre → side under mkdocs serve, kaldt og varmt bygg")
    editor_times = editor.measure(OUT)

    say("Skalering: flere sider og flere språk")
    scaled = [scale(copies, languages) for copies, languages in SCALES]

    longest = longest_page()
    pages = {"Forsiden": "", f"Lengste side ({longest})": longest}
    say("Første lasting i Chromium og Lighthouse")
    loads: dict[tuple[str, str], FirstLoad] = {}
    searched: dict[str, FirstLoad] = {}  # the start page, then search opened and used
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for site_name, site in sites.items():
            with PagesServer(site, prefixes[site_name]) as url:
                for page_name, path in pages.items():
                    loads[site_name, page_name] = first_load(browser, url + path)
                searched[site_name] = first_load(browser, url, open_search=True)
        browser.close()
    with contextlib.ExitStack() as servers:  # Lighthouse for ours and the default, not the proposed variant
        roots = {name: servers.enter_context(PagesServer(site, prefixes[name])) for name, site in list(sites.items())[:2]}
        scores = lighthouse_medians({(name, page): root + path for name, root in roots.items()
                                     for page, path in pages.items()})

    report = render(times, profiled, scaled, loads, searched, scores, pages, sites, machine_notes(), load_before,
                    load_average(), time.perf_counter() - started, editor_times)
    RESULTS.write_text(report, encoding="utf-8")
    print(report)


def longest_page() -> str:
    """The address of the page with the most words as written (the same text in both sites)."""
    docs = ROOT / "docs"
    sources = [p for p in docs.rglob("*.md") if "_includes" not in p.parts and len(p.suffixes) == 1]  # bokmål
    source = max(sources, key=lambda p: len(re.findall(r"\w+", p.read_text(encoding="utf-8"))))
    path = source.relative_to(docs).with_suffix("").as_posix()
    return path.removesuffix("index") if path.endswith("index") else path + "/"


def render(times: BuildTimes, profiled, scaled: list[ScaledBuild], loads, searched, scores, pages, sites, machine, load_before,
           load_after, seconds, editor_times) -> str:
    ours_wall, off_wall = BuildTimes.median(times.ours, "wall"), BuildTimes.median(times.hooks_off, "wall")
    ours_built, off_built = BuildTimes.median(times.ours, "built_in"), BuildTimes.median(times.hooks_off, "built_in")
    overhead = ours_built / off_built - 1
    site_names = list(sites)
    out = [
        "# Ytelse: Medvirkning mot et standard Material-nettsted",
        "",
        f"Målt med `make bench` {datetime.date.today().isoformat()} på én maskin, i én kjøring "
        f"({seconds / 60:.1f} minutter). Tallene varierer med maskinen og hva annet den gjør; se merknadene nederst.",
        "",
        "## Byggetid",
        "",
        f"Median av {BUILD_RUNS} bygg av hver, vekselvis. «MkDocs» er tiden MkDocs selv oppgir for bygget; "
        "«hele kommandoen» tar med oppstart av Python og import av MkDocs. Vårt bygg bruker hurtigbufferen "
        "bygget før la igjen (et varmt bygg, som hvert bygg etter det første på en maskin); det kalde bygget "
        "står i tabellen «Redaktøren» nedenfor.",
        "",
        table(["bygg", "MkDocs", "hele kommandoen", "advarsler"], [
            ["Medvirkning (alle hooks, varmt)", f"{ours_built:.2f} s", f"{ours_wall:.2f} s", str(times.ours[-1].warnings)],
            ["samme oppsett uten hooks", f"{off_built:.2f} s", f"{off_wall:.2f} s", str(times.hooks_off[-1].warnings)],
            ["hooks legger til", percent(overhead), percent(ours_wall / off_wall - 1), ""],
        ]),
        "",
        f"Mål: hooks legger til høyst {GOALS['hook_overhead'] * 100:.0f} %. "
        + ("**Nådd.**" if overhead <= GOALS["hook_overhead"] else
           f"**Ikke nådd**: {percent(overhead)} ({(overhead - GOALS['hook_overhead']) * 100:.0f} prosentpoeng over)."),
        "",
        "Hvor tiden går, per modul i hooks/medvirkning/ (stegene pipeline.py kaller; ett bygg under cProfile, "
        "som gjør alt tregere; andelene er det som teller):",
        "",
        table(["modul", "andel av bygget"], [[f"`{hook}`", f"{seconds / profiled[0] * 100:.0f} %"]
                                             for hook, seconds in profiled[1].items() if seconds / profiled[0] >= 0.005]),
        "",
        "## Skalering med sider og språk",
        "",
        "Kopier av alle sidene (kopi-02/, kopi-03/ …) og ekstra språk (nn, en) med en stand-in-oversettelse av "
        "hver side. Tiden er MkDocs' egen. «Søkeindeks ved søk» er den en bokmålsleser laster når hen åpner "
        "søket; «ved hver side» er det hver bokmålsside laster av den (innstillingene). Begge gzip.",
        "",
        table(["sider", "språk", "sider bygd", "tid", "ms per side", "søkeindeks ved søk", "ved hver side"], [
            [f"{s.copies}×", str(s.languages), str(s.pages), f"{s.seconds:.1f} s",
             f"{s.seconds / s.pages * 1000:.0f}", kb(s.index_bytes), kb(s.settings_bytes)]
            for s in scaled
        ]),
        "",
        "## Første lasting",
        "",
        "Chromium, 360 × 740 px, tomt hurtiglager, til nettet er stille (alt siden laster av seg selv, også "
        "service workeren vår). Serveren komprimerer med gzip og sender Cache-Control: max-age=600, som "
        "GitHub Pages. Bytes er det som går over nettet (komprimert innhold). Mål: høyst "
        f"{GOALS['first_load']:.1f} × standard Material på hver side.",
        "",
        table(["side", "nettsted", "forespørsler", "bytes", "av dem søkeindeks", "mot standard"], [
            [page, site, str(loads[site, page].requests), kb(loads[site, page].bytes),
             kb(loads[site, page].by_kind.get("søkeindeks", 0)),
             f"{loads[site, page].bytes / loads['Standard Material', page].bytes:.2f} ×"]
            for page in pages for site in site_names
        ]),
        "",
        "Når leseren åpner søket og søker (forsiden, så «møte»), til nettet er stille; alt fra første lasting er med:",
        "",
        table(["nettsted", "forespørsler", "bytes", "av dem søkeindeks", "søkemotor (worker, lunr)"], [
            [site, str(searched[site].requests), kb(searched[site].bytes),
             kb(searched[site].by_kind.get("søkeindeks", 0)), kb(searched[site].by_kind.get("søkemotor (worker, lunr)", 0))]
            for site in site_names
        ]),
        "",
        "Fordelt på slag (forsiden):",
        "",
        table(["slag", *site_names], [
            [kind, *(kb(loads[site, "Forsiden"].by_kind.get(kind, 0)) for site in site_names)]
            for kind in sorted({k for load in loads.values() for k in load.by_kind})
        ]),
        "",
        "## Lighthouse, mobil",
        "",
        f"Median av {LIGHTHOUSE_RUNS} kjøringer med Lighthouse' standardoppsett for mobil (simulert treg 4G "
        "og 4 × tregere prosessor), samme server.",
        "",
        table(["side", "nettsted", "ytelse", "tilgjengelighet", "beste praksis", "SEO", *METRICS.values()], [
            [page, site, *(f"{scores[site, page].scores[c]:.2f}" for c in CATEGORIES),
             *(metric(m, scores[site, page].metrics[m]) for m in METRICS)]
            for page in pages for site in site_names[:2]
        ]),
        "",
    ]
    failing = sorted(set().union(*(scores["Medvirkning", page].failing for page in pages)))
    if failing:
        out += ["Revisjoner under 1 i minst én kjøring på vårt nettsted: " + ", ".join(f"`{f}`" for f in failing) + ".", ""]
    out += [
        "## Redaktøren: forhåndsvisning og bygg",
        "",
        f"Lagre → side: `mkdocs serve` kjører, {editor.PAGE} lagres med en ny setning, og tiden måles til siden "
        "som serveres har den (medianen av flere lagringer, vår og standard Material annenhver gang). Vår er "
        "`make serve` slik den er: bokmål, med hurtigbufferen. Kaldt bygg: uten `.cache/medvirkning`; varmt: "
        "med hurtigbufferen det kalde bygget la igjen. Standard Material bygger de samme sidene (alle språkenes "
        "filer som egne sider, siden den ikke har i18n).",
        "",
        table(["hva", "vår", "standard Material", "forhold", "mål", "nådd"], editor.rows(editor_times)),
        "",
        "Enkeltmålinger (s): lagre vår " + ", ".join(f"{t:.1f}" for t in editor_times.save_ours)
        + "; lagre standard " + ", ".join(f"{t:.1f}" for t in editor_times.save_default)
        + "; kaldt " + ", ".join(f"{t:.1f}" for t in editor_times.cold_ours)
        + "; varmt " + ", ".join(f"{t:.1f}" for t in editor_times.warm_ours)
        + "; standard " + ", ".join(f"{t:.1f}" for t in editor_times.cold_default) + ".",
        "",
    ]
    out += goals(overhead, loads, scores, scaled, pages) + [
        "",
        "## Merknader",
        "",
        "- Maskin: " + machine[0] + ".",
        "- Programvare: " + machine[1] + "; " + machine[2] + ".",
        f"- Belastning (load average 1/5/15 min) før: {load_before}, etter: {load_after}. "
        "Lighthouse simulerer en treg telefon ut fra det den måler her, så en travel maskin gir lavere ytelsestall.",
        "- «Samme oppsett uten hooks»: mkdocs.yml uten `hooks:` (og uten `watch:`), ellers likt: tema, "
        "overrides, palett, plugins, Markdown-utvidelser og sidene i docs/. Det mangler det hookene gjør: "
        "våre id-er (toc sine i stedet), ordlista og sjekklistesidene, markørene, merkede avsnittslenker, datoer, "
        "CSP og byggekontrollene (tilgjengelighet, forkortelser, ankere). Ikke strengt, fordi noen id-er blir "
        "andre uten vår slugify.",
        "- «Standard Material»: `theme: {name: material, font: false}` med samme sider, meny og Markdown-"
        "utvidelser (så teksten blir den samme), og ellers ingenting av vårt: ingen palett, overrides, "
        "features, CSS, JavaScript, i18n eller hooks; søk på engelsk (ingen norsk ordstamme-fil).",
        "- Skalering: kopier av prosjektet uten git (ingen «Sist oppdatert»), uten meny for kopiene og uten "
        "markørene for genererte lister i kopiene (ordlista, sjekklistene og rapportene finnes én gang per "
        "nettsted), ikke strengt (advarsler telles). Stand-in-oversettelsen er bokmålsteksten med «(nn)» eller "
        "«(en)» etter hver tekstlinje: like lang som en oversettelse, og ulik bokmål, så mkdocs-static-i18n "
        "ikke fjerner den fra søket som en kopi.",
    ]
    if NOTES.exists():
        out += ["", NOTES.read_text(encoding="utf-8").rstrip()]
    return "\n".join(out) + "\n"


def goals(overhead, loads, scores, scaled, pages) -> list[str]:
    rows = [["hooks legger til høyst 30 % byggetid (varmt bygg)", percent(overhead), yes(overhead <= GOALS["hook_overhead"])]]
    for page in pages:
        ours, default = loads["Medvirkning", page].bytes, loads["Standard Material", page].bytes
        rows.append([f"første lasting ≤ {GOALS['first_load']:.1f} × standard Material ({page})",
                     f"{kb(ours)} mot {kb(default)} ({ours / default:.2f} ×)", yes(ours <= default * GOALS["first_load"])])
    for category in CATEGORIES:
        worst = min(scores["Medvirkning", page].scores[category] for page in pages)
        rows.append([f"Lighthouse {category} ≥ {GOALS[category]:.2f}", f"{worst:.2f} (laveste median)",
                     yes(worst >= GOALS[category])])
    for page in pages:
        ours, default = (scores[site, page].scores["performance"] for site in ("Medvirkning", "Standard Material"))
        rows.append([f"Lighthouse performance ≥ standard Material ({page})", f"{ours:.2f} mot {default:.2f}",
                     yes(ours >= default)])
    one = next(s for s in scaled if (s.copies, s.languages) == (1, 1))
    for s in scaled:
        if s.copies == 1 and s.languages == 3:
            rows.append(["søkeindeksen vokser ikke med språk", f"{kb(one.index_bytes)} med 1 språk, {kb(s.index_bytes)} med 3",
                         yes(s.index_bytes <= one.index_bytes * 1.01)])
    rows.append(["telefon og utskrift (24 px, 16 px, 320 px, kopier lenke, utskrift)",
                 "testes i tests/test_browser_privacy.py (et utvalg i `make test`, hver side i CI)", "se `make test`"])
    return ["## Mål", "", table(["mål", "resultat", "nådd"], rows)]


def yes(met: bool) -> str:
    return "ja" if met else "**nei**"


if __name__ == "__main__":
    main()
