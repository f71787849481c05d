"""Shared fixtures: a strict build of the real site, small fixture sites, a local server
and Debian's Chromium driven by Playwright."""
from __future__ import annotations

import fcntl
import functools
import http.server
import os
import subprocess
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from helpers import (  # noqa: F401 - the fixtures' helpers; tests import them from helpers
    ROOT, MKDOCS, CHROMIUM, CHROMIUM_ARGS, PHONE, SAFE_DUMPER, NODE_MODULES, DESKTOP, run_mkdocs_build,
    FixtureLoader, project_config, origin, QuietHandler, BROWSER_SAMPLE, BROWSER_SAMPLE_PER_LANGUAGE,
    browser_pages, content_pages, build_in_process, make_project, read_tree, read_html, LANGUAGE_FOLDERS,
    language_of_page, strings, language_of_source, built_page_of_source)


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


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Chromium mangler: kjør `apt-get install -y chromium` (se .ci/run)."
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
