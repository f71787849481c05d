"""Shared fixtures: a strict build of the real site, small fixture sites, a local server
and Debian's Chromium driven by Playwright."""
from __future__ import annotations

import copy
import fcntl
import functools
import http.server
import logging
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

import browser_audit

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run",
]
PHONE = {"width": 360, "height": 740}
SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when there
# axe-core and the Nu HTML Checker, pinned in bench/package-lock.json (`npm ci --prefix bench`).
NODE_MODULES = ROOT / "bench" / "node_modules"
DESKTOP = {"width": 1280, "height": 900}


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite the expected files in tests/golden/ from the current output")
    parser.addoption("--every-page", action="store_true",
                     help="the browser tests visit every page of every language (CI: `make test EVERY_PAGE=1`); "
                          "without it, one page of each kind in each language (BROWSER_SAMPLE)")


def pytest_collection_modifyitems(items):
    """Every test in a test_browser_*.py file, and every test that opens the browser elsewhere,
    drives Chromium: `make test-fast` leaves them out."""
    for item in items:
        if item.path.name.startswith("test_browser_") or "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


def run_mkdocs_build(config_file: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """A strict build as editors and CI run it; returns the finished process (log in stderr)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "--config-file", str(config_file), "--site-dir", str(site_dir)],
        capture_output=True, text=True, env=env, cwd=config_file.parent, timeout=300,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built strictly once per test run, in the test process, exactly as
    `make build` and CI build it (medvirkning.core.strict_build).

    The test processes of a run (pytest-xdist) share one build: the first process that needs
    the site builds it under a lock in the run's common temporary folder; the others wait
    for it and read the same files (or the same failure)."""
    from medvirkning.core.strict_build import run

    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # pytest-xdist gives each process a folder below the run's
    site, failed = shared / "built-site", shared / "built-site.failed"
    with open(shared / "built-site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        if not site.is_dir() and not failed.exists():
            result = run(ROOT / "mkdocs.yml", site)
            if not result.ok:
                failed.write_text("\n".join(result.messages), encoding="utf-8")
    assert not failed.exists(), "Strict build failed:\n" + failed.read_text(encoding="utf-8")
    return site


@pytest.fixture
def fixture_site(tmp_path):
    """Build a small site with the project's config, hooks and theme, but the given pages,
    in this process (fast). Call it with {path under docs/: markdown} and optionally
    {path under data/: text} to replace data files; returns the result as a finished process
    would (returncode, and the log in stderr)."""

    def build(pages: dict[str, str], data: dict[str, str] | None = None,
              redirects: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        config = make_project(tmp_path / "project", pages, data, redirects=redirects)
        ok, log = build_in_process(config, tmp_path / "site")
        return subprocess.CompletedProcess(args=["mkdocs", "build"], returncode=0 if ok else 1,
                                           stdout="", stderr="\n".join(log))

    return build


class FixtureLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, keeping !!python/name tags as plain strings."""


FixtureLoader.add_multi_constructor(
    "tag:yaml.org,2002:python/", lambda loader, suffix, node: loader.construct_scalar(node)
)


@functools.lru_cache(maxsize=4)
def _project_config(modified: int) -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=FixtureLoader)


def project_config() -> dict:
    """mkdocs.yml as data, to change for a fixture site: read once per test process (PyYAML's
    pure-Python loader is slow), a fresh copy for each caller."""
    return copy.deepcopy(_project_config((ROOT / "mkdocs.yml").stat().st_mtime_ns))


@pytest.fixture(scope="session")
def site_url(built_site):
    """The built site served on a free loopback port, under the same path as in production
    (site_url in mkdocs.yml), since the 404 page uses absolute addresses."""
    prefix = urlsplit(yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=FixtureLoader)["site_url"]).path
    handler = functools.partial(QuietHandler, directory=str(built_site), prefix=prefix)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    server.shutdown()


def origin(url: str) -> str:
    """scheme://host:port of an address."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


# Serves the site below its production path, and the site's 404.html for what is not found.
QuietHandler = browser_audit.SiteHandler


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Chromium mangler: kjør `apt-get install -y chromium` (se .ci/run)."
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


# The pages the browser tests visit in `make test`: one of each kind the site has in the default
# language, and in every other language the pages whose markup the build makes per language.
# Each kind has its own template or generated part; the header, menu, footer and scripts are
# the same on every page. `--every-page` (CI) visits every page of every language instead.
BROWSER_SAMPLE = [
    "",  # the start page: the doors for each group
    "veileder/",  # a document's first page, with its print link
    "strategi/gode-arenaer/",  # the longest page: tables, measures, checklist blocks
    "veiviser/moter/",  # a guidebook page with «Vårt råd» and glossary links
    "veiviser/arshjul/",  # the annual cycle: figure, month form, calendar files
    "veiviser/maler/mandat/",  # a template to fill in, with downloads
    "sjekklister/",  # the list of checklists
    "sjekklister/mote/",  # a checklist: ticks, «Nullstill», print
    "ordliste/",  # the glossary: letters, terms
    "oversettelser/",  # the translations' status
    "tilgjengelighet/",  # the accessibility statement
    "tilgjengelighet/rapport/",  # the report: wide tables on a phone
    "veileder/utskrift/",  # a whole document to print
    "404.html",  # the page for an address that does not exist
]
BROWSER_SAMPLE_PER_LANGUAGE = ["", "sjekklister/mote/", "ordliste/", "tilgjengelighet/rapport/", "404.html"]


def browser_pages(config, site: Path) -> list[str]:
    """Addresses below the site for the browser tests: every page with --every-page, else the
    samples (a sample page that no longer exists fails the test run)."""
    if config.getoption("--every-page"):
        return browser_audit.site_pages(site)
    folders = sorted(f"{p.parent.name}/" for p in site.glob("*/404.html"))
    pages = BROWSER_SAMPLE + [folder + page for folder in folders for page in BROWSER_SAMPLE_PER_LANGUAGE]
    missing = [page for page in pages if not (site / (page if page.endswith(".html") else page + "index.html")).exists()]
    assert not missing, f"BROWSER_SAMPLE i tests/conftest.py nevner sider som ikke finnes lenger: {missing}"
    return pages


def content_pages(site: Path) -> list[Path]:
    """Every built HTML page except the 404 page and redirect stubs."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        if path.name == "404.html":
            continue
        if 'http-equiv="refresh"' in path.read_text(encoding="utf-8")[:600]:
            continue
        pages.append(path)
    return pages


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.INFO)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(f"{record.levelname:<7} -  {record.getMessage()}")  # as the mkdocs command logs


def build_in_process(config_file: Path, site_dir: Path, strict: bool = True):
    """A build in this process (no interpreter start-up): (succeeded, log messages)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    collect = _Collect()
    loggers = [logging.getLogger(name) for name in ("mkdocs", "properdocs")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(collect)
        logger.setLevel(logging.INFO)
    previous = os.getcwd()
    try:
        os.chdir(config_file.parent)
        build(load_config(str(config_file), site_dir=str(site_dir), strict=strict))
        return True, collect.messages
    except (Abort, MkDocsException) as error:
        collect.messages.append(f"ERROR   -  {error}")
        return False, collect.messages
    finally:
        os.chdir(previous)
        for logger, level in zip(loggers, levels):
            logger.removeHandler(collect)
            logger.setLevel(level)


def make_project(target: Path, pages: dict[str, str], data: dict[str, str] | None = None,
                 languages: list[str] | None = None, redirects: dict[str, str] | None = None) -> Path:
    """A small copy of the project with the given pages (and data files, and extra languages);
    returns the path of its mkdocs.yml."""
    shutil.rmtree(target, ignore_errors=True)
    for name in ("hooks", "overrides", "data"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "docs" / "_includes", target / "docs" / "_includes")
    shutil.copytree(ROOT / "docs" / "assets", target / "docs" / "assets")
    data = {"sjekklister.yml": "[]\n", "ankere.yml": "{}\n", "sokeord.yml": "{}\n",
            "sitater.yml": "dokumenter: {}\nsitater: []\n", **(data or {})}
    for relative, text in {**{f"docs/{k}": v for k, v in pages.items()},
                           **{f"data/{k}": v for k, v in data.items()}}.items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    config = project_config()
    config.pop("nav", None)
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "redirects" in plugin:
            plugin["redirects"]["redirect_maps"] = redirects or {}
        if isinstance(plugin, dict) and "i18n" in plugin:  # the default language, and those asked for
            default = [language for language in plugin["i18n"]["languages"] if language.get("default")]
            plugin["i18n"]["languages"] = default + [{"locale": locale, "name": locale, "build": True}
                                                     for locale in languages or []]
    (target / "mkdocs.yml").write_text(yaml.dump(config, Dumper=SAFE_DUMPER, allow_unicode=True), encoding="utf-8")
    return target / "mkdocs.yml"


@functools.lru_cache(maxsize=512)
def _parsed_page(path: str, modified: int) -> BeautifulSoup:
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "lxml")


@functools.lru_cache(maxsize=1024)
def _lexbor_page(path: str, modified: int):
    from selectolax.lexbor import LexborHTMLParser
    return LexborHTMLParser(Path(path).read_text(encoding="utf-8"))


def read_tree(path: Path):
    """A built page as lexbor's tree (selectolax; CSS selectors run in C), parsed once per test
    session: for the tests that read every page of every language. Read it, never change it."""
    return _lexbor_page(str(path), path.stat().st_mtime_ns)


def read_html(path: Path) -> BeautifulSoup:
    """A built page, parsed by lxml once per test session however many tests read it (the
    parse is kept until the file changes). Shared between tests: read it, never change it."""
    return _parsed_page(str(path), path.stat().st_mtime_ns)


LANGUAGE_FOLDERS = {"": "nb", "nn/": "nn", "en/": "en"}


def language_of_page(site: Path, page: Path) -> str:
    """nb, nn or en: the language folder a built page is in."""
    first = page.relative_to(site).parts[0]
    return first if first in ("nn", "en") else "nb"


def strings(locale: str) -> dict:
    """The reader-facing words of a language, as the build reads them (data/sprak/)."""
    from medvirkning.core.languages import load_strings
    return load_strings(ROOT, locale, "nb")


def language_of_source(path: Path) -> str:
    """nb for page.md, nn for page.nn.md, en for page.en.md."""
    suffixes = path.suffixes
    return suffixes[-2][1:] if len(suffixes) >= 2 and suffixes[-2] in (".nn", ".en") else "nb"


def built_page_of_source(site: Path, docs: Path, source: Path) -> Path:
    """The built page of a Markdown source, in its language's folder."""
    locale = language_of_source(source)
    relative = source.relative_to(docs).as_posix().removesuffix(".md")
    if locale != "nb":
        relative = relative.removesuffix(f".{locale}")
    relative = relative.removesuffix("index")
    return site / ("" if locale == "nb" else f"{locale}/") / relative / "index.html"
