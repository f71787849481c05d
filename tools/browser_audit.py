"""The browser audit: axe-core and the Nu HTML Checker over the built site.

axe-core (pinned in bench/package-lock.json) runs on every page of every language in Chromium,
at desktop size (1280 px) and phone size (360×740), each in the light and the dark colour
scheme, and once more at phone size before any of the site's scripts has run (the page a reader
on a slow network, or with scripts off, gets: Material's script changes the page, for example
making sideways-scrolling code reachable by keyboard, and a view after it hides what it fixes),
with the WCAG 2.0, 2.1 and 2.2 A/AA tags and best practice, and no rule turned off.
The Nu HTML Checker (vnu-jar, pinned there too) reads every page.

`make audit` (python -m medvirkning audit) builds the site, runs both and writes what they
found to data/tilgjengelighetsrevisjon.yml; the accessibility statement and report are built
from that file (hooks/medvirkning/accessibility/report.py). tests/test_browser_axe.py runs the same audit
and wants it clean.

Fast enough for three languages: several pages are checked at once, each in its own browser
context; each page is loaded once per window size and checked in both colour schemes by
switching the emulated scheme (Material's palette follows the system) without reloading;
axe reports violations only.

The pages forbid inline scripts (Content-Security-Policy), so axe is not added as a script
tag: its source is run through the browser's DevTools connection, which the policy does not
govern, and the policy stays on for everything the page itself does.
"""
from __future__ import annotations

import asyncio
import contextlib
import datetime
import functools
import http.server
import json
import re
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "bench" / "node_modules"
AXE_FILE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_FILE = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AUDIT_FILE = ROOT / "data" / "tilgjengelighetsrevisjon.yml"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 360, "height": 740}}
SCHEMES = {"light": "default", "dark": "slate"}  # the emulated scheme -> Material's scheme
NO_SCRIPTS = "uten skript"  # the scheme name of the view with the site's scripts held back
RUN_AXE = "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
WORKERS = 3  # pages checked at once (the test machine has two cores; a third hides the waits)


def axe_source() -> str:
    if not AXE_FILE.exists():
        raise FileNotFoundError("axe-core mangler: kjør `npm ci --prefix bench` (eller `make test`).")
    return AXE_FILE.read_text(encoding="utf-8") + "\n;0"


def pinned_versions() -> dict[str, str]:
    """The versions of axe-core and vnu-jar in bench/package-lock.json."""
    lock = json.loads((ROOT / "bench" / "package-lock.json").read_text(encoding="utf-8"))
    return {name: lock["packages"][f"node_modules/{name}"]["version"] for name in ("axe-core", "vnu-jar")}


def site_pages(site: Path) -> list[str]:
    """Every page of every language, as addresses below the site (redirect stubs left out),
    and the 404 page."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        if path.name == "404.html" or 'http-equiv="refresh"' in path.read_text(encoding="utf-8")[:600]:
            continue
        pages.append(path.relative_to(site).as_posix().removesuffix("index.html"))
    return pages + ["404.html"]


def site_prefix(config_file: Path = ROOT / "mkdocs.yml") -> str:
    """The path of the site in production (site_url), under which it is served."""
    text = config_file.read_text(encoding="utf-8")
    url = re.search(r"^site_url:\s*(\S+)", text, re.M)
    return urlsplit(url.group(1)).path if url else "/"


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site below `prefix`; anything outside it is not found, and an address that is
    not found gets the site's 404.html, as GitHub Pages does."""

    def __init__(self, *args, prefix: str = "/", **kwargs):
        self.prefix = prefix
        super().__init__(*args, **kwargs)

    def translate_path(self, path):
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "finnes-ikke")
        return super().translate_path("/" + path[len(self.prefix):])

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(site: Path, prefix: str):
    """The built site on a free loopback port, under its production path; yields its address."""
    handler = functools.partial(SiteHandler, directory=str(site), prefix=prefix)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class View:
    """What axe found on one page in one window size and colour scheme."""
    size: str  # a key of SIZES
    scheme: str  # a key of SCHEMES
    material_scheme: str  # the scheme Material showed (data-md-color-scheme)
    width: int  # the page's scroll width
    violations: list[dict] = field(default_factory=list)


async def check_page(page, base_url: str, address: str, source: str) -> list[View]:
    """One page: loaded once per window size, checked in each colour scheme."""
    views = []
    for size_name, size in SIZES.items():
        await page.set_viewport_size(size)
        await page.emulate_media(color_scheme="light")
        await page.goto(base_url + address)
        await page.evaluate(source)
        for scheme, material in SCHEMES.items():
            await page.emulate_media(color_scheme=scheme)
            await page.wait_for_function("s => document.body.dataset.mdColorScheme === s", arg=material)
            result = await page.evaluate(RUN_AXE, AXE_TAGS)
            views.append(View(size_name, scheme, await page.evaluate("document.body.dataset.mdColorScheme"),
                              await page.evaluate("document.documentElement.scrollWidth"),
                              [compact(v) for v in result["violations"]]))
    return views


async def check_page_without_scripts(page, base_url: str, address: str, source: str) -> View:
    """One page at phone size as it is before the site's scripts run (its context blocks them)."""
    await page.goto(base_url + address)
    await page.evaluate(source)
    result = await page.evaluate(RUN_AXE, AXE_TAGS)
    return View("phone", NO_SCRIPTS, await page.evaluate("document.body.dataset.mdColorScheme || ''"),
                await page.evaluate("document.documentElement.scrollWidth"),
                [compact(v) for v in result["violations"]])


def compact(violation: dict) -> dict:
    return {"id": violation["id"], "impact": violation.get("impact"), "help": violation["help"],
            "targets": [" ".join(map(str, node["target"])) for node in violation["nodes"]]}


async def check_pages(base_url: str, addresses: list[str], workers: int) -> tuple[dict[str, list[View]], str]:
    from playwright.async_api import async_playwright

    source = axe_source()
    queue: asyncio.Queue[str] = asyncio.Queue()
    for address in addresses:
        queue.put_nowait(address)
    results: dict[str, list[View]] = {}
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

        async def worker() -> None:
            context = await browser.new_context(color_scheme="light")
            page = await context.new_page()
            bare = await browser.new_context(color_scheme="light", viewport=SIZES["phone"])
            await bare.route("**/*.js", lambda route: route.abort())  # the site's scripts, not axe's
            bare_page = await bare.new_page()
            while not queue.empty():
                address = queue.get_nowait()
                results[address] = [*await check_page(page, base_url, address, source),
                                    await check_page_without_scripts(bare_page, base_url, address, source)]
            await context.close()
            await bare.close()

        await asyncio.gather(*(worker() for _ in range(min(workers, len(addresses)))))
        version = browser.version
        await browser.close()
    return {address: results[address] for address in addresses}, version


def run_axe(base_url: str, addresses: list[str], workers: int = WORKERS) -> tuple[dict[str, list[View]], str]:
    """axe's findings on each page, in each window size and scheme; and Chromium's version.
    Runs in a thread of its own, so that it works beside Playwright's synchronous API too."""
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["value"] = asyncio.run(check_pages(base_url, addresses, workers))
        except BaseException as error:  # handed to the caller below
            outcome["error"] = error

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def run_vnu(site: Path, addresses: list[str] | None = None) -> dict[str, list[dict]]:
    """The Nu HTML Checker's errors, by address below the site (pages without errors left out):
    every page, or the pages at the addresses given (as site_pages gives them)."""
    if not VNU_FILE.exists():
        raise FileNotFoundError("vnu-jar mangler: kjør `npm ci --prefix bench` (eller `make test`).")
    targets = [str(site)] if addresses is None else [
        str(site / (address if address.endswith(".html") else address + "index.html")) for address in addresses]
    result = subprocess.run(["java", "-jar", str(VNU_FILE), "--errors-only", "--skip-non-html", "--format", "json",
                             *targets], capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    found: dict[str, list[dict]] = {}
    base = site.resolve().as_posix().rstrip("/") + "/"
    for message in messages:
        url = message.get("url", "")
        path = urlsplit(url).path  # vnu writes file:/… for the files it is given
        address = path[len(base):] if path.startswith(base) else url
        found.setdefault(address.removesuffix("index.html"), []).append(
            {"linje": message.get("lastLine"), "melding": message.get("message", "")})
    if result.returncode != 0 and not found:
        raise RuntimeError(f"vnu stoppet uten å si hva som var galt: {result.stderr[:500]}")
    return found


def audit(site: Path, prefix: str | None = None, workers: int = WORKERS) -> dict:
    """Run axe and vnu over the built site; the result as data/tilgjengelighetsrevisjon.yml holds it."""
    addresses = site_pages(site)
    started = time.monotonic()
    with serve(site, prefix or site_prefix()) as base_url:
        axe, chromium = run_axe(base_url, addresses, workers)
    axe_seconds = time.monotonic() - started
    vnu = run_vnu(site)
    versions = pinned_versions()
    pages = []
    for address in addresses:
        findings = [{"regel": v["id"], "hjelp": v["help"], "visning": f"{view.size}, {view.scheme}",
                     "antall": len(v["targets"]), "hvor": v["targets"][:3]}
                    for view in axe[address] for v in view.violations]
        too_wide = [f"{view.size}, {view.scheme}" for view in axe[address]
                    if view.width > SIZES[view.size]["width"]]
        if findings or too_wide or vnu.get(address):
            pages.append({"side": address, "axe": findings, "for_bred": too_wide, "vnu": vnu.get(address, [])})
    return {
        "dato": datetime.date.today().isoformat(),
        "verktoy": {"axe-core": versions["axe-core"], "vnu": versions["vnu-jar"], "nettleser": f"Chromium {chromium}"},
        "regelsett": AXE_TAGS,
        "visninger": [f"{size} ({SIZES[size]['width']}×{SIZES[size]['height']}), {scheme}"
                      for size in SIZES for scheme in SCHEMES]
                     + [f"phone ({SIZES['phone']['width']}×{SIZES['phone']['height']}), {NO_SCRIPTS}"],
        "sider": len(addresses),
        "antall": {"axe": sum(len(p["axe"]) for p in pages), "vnu": sum(len(p["vnu"]) for p in pages),
                   "for_bred": sum(len(p["for_bred"]) for p in pages)},
        "sekunder_axe": round(axe_seconds),
        "funn": pages,
    }


HEADER = """\
# Nettleserrevisjonen: hva axe-core og Nu HTML Checker fant på nettstedet.
# Skrevet av `make audit`; ikke rediger for hånd. Tilgjengelighetserklæringen og -rapporten
# bygges fra denne fila (hooks/medvirkning/accessibility/report.py).
"""


def write(data: dict, path: Path = AUDIT_FILE) -> None:
    path.write_text(HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110), encoding="utf-8")


def load(path: Path = AUDIT_FILE) -> dict | None:
    if not path.exists():
        return None
    return yaml.safe_load(path.read_text(encoding="utf-8"))
