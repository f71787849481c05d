"""What an editor waits for, against a default Material site of the same pages:

- save → page: `mkdocs serve` is running; a bokmål page is saved with a new sentence; how long
  until the served page holds it (the browser's live reload fetches that same page). Several
  saves, the median. Ours as `make serve` runs it (bokmål, unless SPRAK= asks for more).
- cold and warm build: ours from scratch (no .cache/medvirkning) and again with the cache the
  first left; the default Material site of the same pages (every language's files as pages of
  their own, since it has no i18n) built from scratch.

Each in a copy of the project, so the real docs/ are never touched.
"""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import variants

SAVES = 5
PAGE = "veiviser/moter.md"  # the page the issue timed
WAIT_LIMIT = 120  # seconds for one save to show, before the bench gives up


@dataclass
class EditorTimes:
    save_ours: list[float]
    save_default: list[float]
    cold_ours: list[float]
    warm_ours: list[float]
    cold_default: list[float]


def project_copy(folder: Path) -> Path:
    """The project as it is (three languages, git-less), for serving and building."""
    return variants.scaled_project(folder, copies=1, languages=3)


def default_copy(folder: Path, all_pages: bool) -> Path:
    folder = folder.resolve()
    config = variants.default_material(variants.load_config(), folder / "docs")
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(variants.ROOT / "docs", folder / "docs")
    for text in variants.ROOT.glob("*.md"):
        shutil.copy(text, folder / text.name)
    if all_pages:  # the same pages as ours builds: the translations as pages of their own
        config["exclude_docs"] = config["exclude_docs"].replace("*.nn.md\n*.en.md\n", "")
    return variants.write_config(folder, config)


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def save_to_page(config_file: Path, port: int, page_url: str, saves: int = SAVES) -> list[float]:
    """Seconds from saving the page to the served page showing the change, per save."""
    config_file = config_file.resolve()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SPRAK", None)
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--config-file", str(config_file),
                               "--dev-addr", f"127.0.0.1:{port}"], cwd=config_file.parent, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/{page_url}"
    source = config_file.parent / "docs" / PAGE
    original = source.read_text(encoding="utf-8")
    times = []
    try:
        deadline = time.monotonic() + 300
        while "</html>" not in _get(url):  # the first build
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit(f"mkdocs serve for {config_file} kom ikke i gang.")
            time.sleep(0.2)
        time.sleep(2)  # the watcher is ready
        for number in range(1, saves + 1):
            token = f"Lagret {number} {time.time_ns()}"
            source.write_text(original + f"\n{token}.\n", encoding="utf-8")
            started = time.monotonic()
            while token not in _get(url):
                if time.monotonic() - started > WAIT_LIMIT:
                    raise SystemExit(f"Endringen kom ikke fram på {url} på {WAIT_LIMIT} s.")
                time.sleep(0.05)
            times.append(time.monotonic() - started)
            time.sleep(1)
    finally:
        source.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=30)
    return times


def measure(out: Path, build_runs: int = 3) -> EditorTimes:
    ours = project_copy(out / "projects" / "editor-ours")
    default_serve = default_copy(out / "projects" / "editor-default-serve", all_pages=False)
    default_all = default_copy(out / "projects" / "editor-default-all", all_pages=True)
    prefix = "medvirkning/"  # site_url's path: mkdocs serve serves our site below it
    page_url = PAGE.removesuffix(".md") + "/"
    save_ours, save_default = [], []
    for _ in range(2):  # in turn, so that both meet the same load
        save_ours += save_to_page(ours, 8765, prefix + page_url, SAVES // 2 + 1)
        save_default += save_to_page(default_serve, 8766, page_url, SAVES // 2 + 1)
    cold_ours, warm_ours, cold_default = [], [], []
    cache = ours.parent / ".cache"
    for _ in range(build_runs):
        shutil.rmtree(cache, ignore_errors=True)
        cold_ours.append(variants.build(ours, out / "sites" / "editor-ours").built_in)
        warm_ours.append(variants.build(ours, out / "sites" / "editor-ours").built_in)
        cold_default.append(variants.build(default_all, out / "sites" / "editor-default").built_in)
    return EditorTimes(save_ours, save_default, cold_ours, warm_ours, cold_default)


def median(values: list[float]) -> float:
    return statistics.median(values)


def rows(times: EditorTimes) -> list[list[str]]:
    save, save_default = median(times.save_ours), median(times.save_default)
    cold, warm, default = median(times.cold_ours), median(times.warm_ours), median(times.cold_default)
    return [
        ["lagre → side (`make serve`, bokmål)", f"{save:.1f} s", f"{save_default:.1f} s", f"{save / save_default:.2f} ×",
         "≤ 3 s og ≤ 1,5 ×", "ja" if save <= 3 and save <= 1.5 * save_default else "**nei**"],
        ["kaldt bygg (uten .cache)", f"{cold:.1f} s", f"{default:.1f} s", f"{cold / default:.2f} ×", "≤ 1,6 ×",
         "ja" if cold <= 1.6 * default else "**nei**"],
        ["varmt bygg (med .cache)", f"{warm:.1f} s", f"{default:.1f} s", f"{warm / default:.2f} ×", "≤ 1,3 ×",
         "ja" if warm <= 1.3 * default else "**nei**"],
    ]


if __name__ == "__main__":  # python bench/editor.py: this part of the bench alone
    sys.path[:0] = [str(variants.ROOT / "hooks")]
    result = measure(variants.ROOT / "bench" / "out")
    print(result)
    for row in rows(result):
        print(" | ".join(row))
