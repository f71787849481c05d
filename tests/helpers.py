"""Helpers for the tests: building the real site and small fixture projects in-process, reading
built pages (parsed once per file), the browser's settings and the languages. Tests import
them from here; tests/conftest.py holds only pytest's hooks and fixtures."""
from __future__ import annotations

import copy
import functools
import http.server
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

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


def run_mkdocs_build(config_file: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """A strict build as editors and CI run it; returns the finished process (log in stderr)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "--config-file", str(config_file), "--site-dir", str(site_dir)],
        capture_output=True, text=True, env=env, cwd=config_file.parent, timeout=300,
    )


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


def origin(url: str) -> str:
    """scheme://host:port of an address."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


# Serves the site below its production path, and the site's 404.html for what is not found.
QuietHandler = browser_audit.SiteHandler


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
    "bidra/",  # the editors' guide: code blocks (commands, YAML) and tables on a phone
    "steg-for-steg/ny-i-utvalget/",  # a journey: numbered steps
    "veiviser/slik-gar-et-mote/",  # a step page with its journey box
]
BROWSER_SAMPLE_PER_LANGUAGE = ["", "sjekklister/mote/", "ordliste/", "tilgjengelighet/rapport/", "404.html",
                               "steg-for-steg/ny-i-utvalget/"]


def browser_pages(config, site: Path) -> list[str]:
    """Addresses below the site for the browser tests: every page with --every-page, else the
    samples (a sample page that no longer exists fails the test run)."""
    if config.getoption("--every-page"):
        return browser_audit.site_pages(site)
    folders = sorted(f"{p.parent.name}/" for p in site.glob("*/404.html"))
    pages = BROWSER_SAMPLE + [folder + page for folder in folders for page in BROWSER_SAMPLE_PER_LANGUAGE]
    missing = [page for page in pages if not (site / (page if page.endswith(".html") else page + "index.html")).exists()]
    assert not missing, f"BROWSER_SAMPLE i tests/helpers.py nevner sider som ikke finnes lenger: {missing}"
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


def make_project(target: Path, pages: dict[str, str] | None = None, data: dict[str, str] | None = None,
                 languages: list[str] | None = None, redirects: dict[str, str] | None = None,
                 case: Path | None = None) -> Path:
    """A small copy of the project in `target` (its hooks, templates, data files and shared texts)
    with the given pages, data files (no checklists, ids, journeys, search words or quotes unless
    given) and languages besides the default (as mkdocs.yml has them); returns its mkdocs.yml.

    `case` is a folder of the broken-edits catalogue (tests/broken_edits/<name>): its docs/ and
    data/ files go over the pages and data files as they are (byte for byte), its oppsett.yml is
    merged into mkdocs.yml (`redirects:` into the redirects plugin) and its mkdocs-start.txt is
    put first in mkdocs.yml."""
    shutil.rmtree(target, ignore_errors=True)
    for name in ("hooks", "overrides", "data"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "docs" / "_includes", target / "docs" / "_includes")
    shutil.copytree(ROOT / "docs" / "assets", target / "docs" / "assets")
    data = {"sjekklister.yml": "[]\n", "ankere.yml": "{}\n", "reiser.yml": "[]\n", "sokeord.yml": "{}\n",
            "sitater.yml": "dokumenter: {}\nsitater: []\n", **(data or {})}
    for relative, text in {**{f"docs/{k}": v for k, v in (pages or {}).items()},
                           **{f"data/{k}": v for k, v in data.items()}}.items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for path in sorted(case.rglob("*")) if case is not None else ():
        relative = path.relative_to(case)
        if path.is_file() and relative.parts[0] in ("docs", "data"):
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target / relative)
    config = project_config()
    config.pop("nav", None)
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "redirects" in plugin:
            plugin["redirects"]["redirect_maps"] = redirects or {}
        if isinstance(plugin, dict) and "i18n" in plugin:  # the default language, and those asked for
            known = {language["locale"]: language for language in plugin["i18n"]["languages"]}
            default = [language for language in known.values() if language.get("default")]
            plugin["i18n"]["languages"] = default + [known.get(locale) or {"locale": locale, "name": locale, "build": True}
                                                     for locale in languages or []]
    start = ""
    if case is not None:
        settings = case / "oppsett.yml"
        extra = yaml.safe_load(settings.read_text(encoding="utf-8")) if settings.exists() else {}
        case_redirects = extra.pop("redirects", None)
        for plugin in config["plugins"]:
            if case_redirects is not None and isinstance(plugin, dict) and "redirects" in plugin:
                plugin["redirects"]["redirect_maps"] = case_redirects
        config.update(extra)
        start_file = case / "mkdocs-start.txt"
        start = start_file.read_text(encoding="utf-8") if start_file.exists() else ""
    (target / "mkdocs.yml").write_text(start + yaml.dump(config, Dumper=SAFE_DUMPER, allow_unicode=True),
                                       encoding="utf-8")
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
