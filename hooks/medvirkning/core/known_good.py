"""Checks that need not run again: a check that passed is kept by a digest of what it read.

The build's checks read a page (or all pages, or the data files) and stop the build when they find
a problem; they change nothing. Once one has passed, the same check of the same inputs passes
again, so core/cache.py keeps the pass (never a failure) and the next build, or `mkdocs serve`'s
next rebuild, skips it. What a key holds:

- every check: the build's own code and its libraries' versions, and the data files, mkdocs.yml,
  the theme overrides and the protected names (`Inputs.code`, `Inputs.data`), read once per build;
- a page check: the language, the page's source and address, its meta and the HTML it checks;
- a check of the whole site or one language: every page of docs/ and the texts it includes
  (`Inputs.docs`).

The pipeline shows which steps are kept this way: `page_check(step)` and `site_check(...)`.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from . import cache

# What every check may read besides the pages: the data files, the settings, the theme and the
# names the privacy check keeps out (tests/vernede-navn.yml).
DATA_INPUTS = ["data", "mkdocs.yml", "overrides", "tests/vernede-navn.yml"]
KIND = "sjekker"


@dataclass(frozen=True)
class Inputs:
    """Digests of what the checks read, made once per build (SiteData.inputs)."""
    code: str
    data: str
    docs: str


def inputs(root: Path, docs_dir: Path) -> Inputs:
    root = Path(root)
    docs = Path(docs_dir)
    return Inputs(code=cache.package_version(),
                  data=cache.folder_digest(root, DATA_INPUTS),
                  docs=cache.digest(cache.folder_digest(docs, ["."], (".md",)),
                                    cache.folder_digest(root, [p.name for p in sorted(root.glob("*.md"))])))


_LAST: list = [None, None, ""]  # the HTML and page digested last, and their digest: the checks of one page share it


def page_digest(html: str, page) -> str:
    """A digest of the page as a check reads it: its source, address, meta and the HTML."""
    if html is not _LAST[0] or page is not _LAST[1]:
        _LAST[:] = [html, page, cache.digest(page.file.src_uri, page.url, page.file.content_string or "", html)]
    return cache.digest(_LAST[2], json.dumps(page.meta, sort_keys=True, default=str, ensure_ascii=False))


def page_check(step: Callable, extra: Callable | None = None) -> Callable:
    """A content or written-page check (it returns the HTML as it got it, or raises), run once per
    distinct page. `extra(page, build)` names anything else the check reads (other pages' results)."""
    @functools.wraps(step)
    def run(html: str, page, build) -> str:
        found = build.site.inputs
        key = cache.digest(step.__module__, step.__qualname__, found.code, found.data, build.locale,
                           page_digest(html, page), extra(page, build) if extra else "")
        cache.check_once(cache.folder(build.site), KIND, key, lambda: step(html, page, build))
        return html
    return run


def site_check(site, name: str, check: Callable[[], object], *parts: str, reads_pages: bool = True) -> None:
    """A check of every page or data file (it raises on a problem), run once per distinct site
    (SiteData, with its inputs). `parts` name what else decides its result (the language, the
    languages built); a check that reads only the data files (`reads_pages=False`) is not run
    again when a page changes."""
    found = site.inputs
    key = cache.digest(name, found.code, found.data, found.docs if reads_pages else "", *parts)
    cache.check_once(cache.folder(site), KIND, key, check)


def language_check(step: Callable, extra: Callable | None = None) -> Callable:
    """A files step that checks every page and data file of one language (it raises on a problem
    and changes nothing), run once per distinct site and language. `extra(build)` names anything
    else the check reads (another feature's results)."""
    @functools.wraps(step)
    def run(files, build) -> None:
        site_check(build.site, f"{step.__module__}.{step.__qualname__}", lambda: step(files, build),
                   build.locale, build.default_locale, *build.locales, extra(build) if extra else "")
    return run
