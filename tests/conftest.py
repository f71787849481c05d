"""Shared fixtures: a strict build of the real site, small fixture sites, a local server
and Debian's Chromium driven by Playwright."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run",
]
PHONE = {"width": 360, "height": 740}
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


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built strictly once per test session."""
    site = tmp_path_factory.mktemp("site")
    result = run_mkdocs_build(ROOT / "mkdocs.yml", site)
    assert result.returncode == 0, f"Strict build failed:\n{result.stderr}"
    return site


@pytest.fixture
def fixture_site(tmp_path):
    """Build a small site with the project's config, hooks and theme, but the given pages.

    Call it with {path under docs/: markdown} and optionally {path under data/: text} to
    replace data files; returns the finished build process.
    """

    def build(pages: dict[str, str], data: dict[str, str] | None = None,
              redirects: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        project = tmp_path / "project"
        shutil.rmtree(project, ignore_errors=True)  # a test may build several versions
        shutil.copytree(ROOT / "hooks", project / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copytree(ROOT / "overrides", project / "overrides")
        if (ROOT / "data").exists():
            shutil.copytree(ROOT / "data", project / "data")
        shutil.copytree(ROOT / "docs" / "_includes", project / "docs" / "_includes")
        shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets")
        # The real glossary; no checklists and no registered ids unless a test gives them.
        data = {"sjekklister.yml": "[]\n", "ankere.yml": "{}\n", **(data or {})}
        files = {**{f"docs/{k}": v for k, v in pages.items()}, **{f"data/{k}": v for k, v in data.items()}}
        for relative, text in files.items():
            path = project / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=FixtureLoader)
        config.pop("nav", None)
        for plugin in config["plugins"]:
            if isinstance(plugin, dict) and "redirects" in plugin:
                plugin["redirects"]["redirect_maps"] = redirects or {}
        (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
        return run_mkdocs_build(project / "mkdocs.yml", tmp_path / "site")

    return build


class FixtureLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, keeping !!python/name tags as plain strings."""


FixtureLoader.add_multi_constructor(
    "tag:yaml.org,2002:python/", lambda loader, suffix, node: loader.construct_scalar(node)
)


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


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site below `prefix`; anything outside it is not found."""

    def __init__(self, *args, prefix: str = "/", **kwargs):
        self.prefix = prefix
        super().__init__(*args, **kwargs)

    def translate_path(self, path):
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "finnes-ikke")
        return super().translate_path("/" + path[len(self.prefix):])

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Chromium mangler: kjør `apt-get install -y chromium` (se .ci/run)."
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


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
