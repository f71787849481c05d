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
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
NOT_CONTENT = {"_includes", "assets"}
GENERATED_MARKER = re.compile(r"^<!--\s*generert:.*?-->\s*$", re.M)
# A checklist block (`!!! sjekkliste "id"` and its indented lines).
CHECKLIST_BLOCK = re.compile(r'^!!! sjekkliste "[^"]*"[^\n]*\n(?:[ \t]*\n|[ \t]+[^\n]*\n)*', re.M)


def load_config() -> dict:
    return yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))


def hooks_off(config: dict, docs: Path) -> dict:
    """Our config without `hooks:`: same theme, plugins, extensions and pages.

    What the hooks did and the baseline lacks: our slugs (toc's default instead), the
    glossary and checklist pages, the markers replaced, the labelled section links, page
    dates, the CSP meta tag, the build checks (accessibility, abbreviations, anchors).
    markdown-include gets the docs folder that a hook gives it.
    """
    config = {k: v for k, v in config.items() if k not in ("hooks", "watch")}
    config["strict"] = False
    config["docs_dir"] = str(docs)
    # Our templates read what the hooks give them (`mv`), so the baseline has Material's own.
    config["theme"] = {k: v for k, v in config["theme"].items() if k != "custom_dir"}
    config["markdown_extensions"] = [_with_include_path(e, docs) for e in config["markdown_extensions"]]
    return config


def default_material(config: dict, docs: Path) -> dict:
    """A default Material site of the same text: `theme: material` with `font: false`, the
    same Markdown extensions (so the text renders the same) and bokmål pages, and nothing else of
    ours: no palette, overrides, features, CSS, JavaScript, i18n, hooks; search in English."""
    return {
        "site_name": config["site_name"],
        "site_description": config["site_description"],
        "docs_dir": str(docs),
        "nav": config["nav"],
        # The bokmål pages only: without mkdocs-static-i18n, side.nn.md and side.en.md would be
        # pages of their own, and the default site's search index three times the bokmål text.
        "exclude_docs": config["exclude_docs"] + "*.nn.md\n*.en.md\n",
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
    """A copy of the project with its pages repeated `copies` times (kopi-02/ …, without the
    markers for generated lists) in the first `languages` languages of mkdocs.yml, each with its
    real translations (the other languages' files are left out). Returns its mkdocs.yml."""
    shutil.rmtree(folder, ignore_errors=True)
    for name in ("hooks", "overrides", "data"):
        shutil.copytree(ROOT / name, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
    for text in ROOT.glob("*.md"):  # included into pages (CONTRIBUTING.md)
        shutil.copy(text, folder / text.name)
    shutil.copytree(ROOT / "docs", folder / "docs")
    config = load_config()
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    left_out = {f".{language['locale']}.md" for language in i18n["languages"][languages:]}
    i18n["languages"] = i18n["languages"][:languages]
    for page in list((folder / "docs").rglob("*.md")):
        if "".join(page.suffixes[-2:]) in left_out:
            page.unlink()
    originals = pages(folder / "docs")  # before the copies are added
    for number in range(2, copies + 1):
        for source in originals:
            target = folder / "docs" / f"kopi-{number:02d}" / source.relative_to(folder / "docs")
            target.parent.mkdir(parents=True, exist_ok=True)
            # Generated lists (glossary, checklists, reports) stay one per site, as they would; a
            # copy has no checklist blocks: an item twice in a checklist stops the build, and our own
            # advice in a checklist is marked by the checklist (own_advice), which a plain box is not.
            text = GENERATED_MARKER.sub("", source.read_text(encoding="utf-8"))
            target.write_text(CHECKLIST_BLOCK.sub("", text), encoding="utf-8")
    # The copies are built but kept out of the menu: Material writes the whole menu into
    # every page, so a menu 50 times longer would measure the theme, not the hooks.
    config["not_in_nav"] = "/kopi-*/"
    write_config(folder, config)
    return folder / "mkdocs.yml"


def pages(docs: Path) -> list[Path]:
    """The Markdown pages in a docs folder, every language (side.md, side.nn.md …)."""
    return [p for p in docs.rglob("*.md") if not NOT_CONTENT & set(p.relative_to(docs).parts)]


def write_config(folder: Path, config: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


# MkDocs' closing line, as MkDocs writes it or as our build says it in Norwegian (core/build_messages.py).
BUILT_IN = re.compile(r"(?:Documentation built in|Nettstedet er bygget på) ([0-9.]+) (?:seconds|sekunder)")


@dataclass
class Build:
    wall: float  # seconds for the whole `mkdocs build` command, Python start-up included
    built_in: float  # seconds MkDocs reports for the build itself
    warnings: int


def build(config_file: Path, site_dir: Path) -> Build:
    """Build once in a fresh process, as `make build` does but not strict: a benchmark
    measures the site as it is, and counts the warnings instead of stopping at them."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--no-strict", "--config-file", str(config_file),
               "--site-dir", str(site_dir)]
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=config_file.parent)
    elapsed = time.perf_counter() - start
    reported = BUILT_IN.findall(result.stderr)
    if result.returncode != 0 or not reported:
        raise SystemExit(f"Bygget av {config_file} feilet:\n{result.stderr}")
    return Build(elapsed, float(reported[-1]), result.stderr.count("WARNING -"))
