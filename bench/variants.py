"""The sites the benchmark builds: ours, ours with the hooks off, a default Material site,
and ours scaled to more pages and languages. Each is a config written to a temporary
project folder; the text is always the real docs/ (or copies of it).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ["index.md", "ordliste.md", "om", "sjekklister", "strategi", "veileder", "veiviser"]
EXTRA_LANGUAGES = [("nn", "Norsk nynorsk"), ("en", "English")]


def load_config() -> dict:
    return yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))


def hooks_off(config: dict, docs: Path) -> dict:
    """Our config without `hooks:`: same theme, overrides, plugins, extensions and pages.

    What the hooks did and the baseline lacks: our slugs (toc's default instead), the
    glossary and checklist pages, the markers replaced, the labelled section links, page
    dates, the CSP meta tag; not strict. markdown-include gets the docs folder that a hook gives it.
    """
    config = {k: v for k, v in config.items() if k not in ("hooks", "watch")}
    config["strict"] = False  # toc's default ids differ from ours, so a few anchors warn
    config["docs_dir"] = str(docs)
    config["theme"] = {**config["theme"], "custom_dir": str(ROOT / "overrides")}
    config["markdown_extensions"] = [_with_include_path(e, docs) for e in config["markdown_extensions"]]
    return config


def default_material(config: dict, docs: Path) -> dict:
    """A default Material site of the same text: `theme: material` with `font: false`, the
    same Markdown extensions (so the text renders the same) and pages, and nothing else of
    ours: no palette, overrides, features, CSS, JavaScript, i18n, hooks; search in English."""
    return {
        "site_name": config["site_name"],
        "site_description": config["site_description"],
        "docs_dir": str(docs),
        "nav": config["nav"],
        "exclude_docs": config["exclude_docs"],
        "theme": {"name": "material", "font": False},
        "markdown_extensions": [_with_include_path(e, docs) for e in config["markdown_extensions"]],
    }


def _with_include_path(extension, docs: Path):
    if extension == "markdown_include.include" or (
            isinstance(extension, dict) and "markdown_include.include" in extension):
        options = extension["markdown_include.include"] if isinstance(extension, dict) else {}
        return {"markdown_include.include": {**(options or {}), "base_path": str(docs)}}
    return extension


def scaled_project(folder: Path, copies: int, languages: int) -> Path:
    """A copy of the project with docs/ repeated `copies` times (kopi-02/ …) and the extra
    languages switched on (all their pages fall back to bokmål). Returns its mkdocs.yml."""
    shutil.rmtree(folder, ignore_errors=True)
    for name in ("hooks", "overrides", "data"):
        shutil.copytree(ROOT / name, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "docs", folder / "docs")
    for number in range(2, copies + 1):
        for name in CONTENT:
            source, target = ROOT / "docs" / name, folder / "docs" / f"kopi-{number:02d}" / name
            if source.is_dir():
                shutil.copytree(source, target)
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(source, target)
    config = load_config()
    config.pop("nav")  # the copies are not in the menu; every page is still built
    config["validation"] = {**config["validation"], "omitted_files": "info",
                            "nav": {**config["validation"]["nav"], "omitted_files": "info"}}
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    for locale, name in EXTRA_LANGUAGES[:languages - 1]:
        i18n["languages"].append({"locale": locale, "name": name, "build": True})
    write_config(folder, config)
    return folder / "mkdocs.yml"


def write_config(folder: Path, config: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


BUILT_IN = re.compile(r"Documentation built in ([0-9.]+) seconds")


def build(config_file: Path, site_dir: Path, strict: bool = True) -> tuple[float, float]:
    """Build once in a fresh process. Returns (wall seconds of the whole command, seconds
    MkDocs reports for the build itself, i.e. without Python start-up and imports)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--config-file", str(config_file),
               "--site-dir", str(site_dir)] + (["--strict"] if strict else [])
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=config_file.parent)
    elapsed = time.perf_counter() - start
    reported = BUILT_IN.findall(result.stderr)
    if result.returncode != 0 or not reported:
        raise SystemExit(f"Bygget av {config_file} feilet:\n{result.stderr}")
    return elapsed, float(reported[-1])
