"""The sources a page builds on: guidebook and organisation pages name them in their front matter.

    kilder: [referat-innlandet, ffo]

Each name is an `id` in data/kilder.yml, and each source there must be on the about page
(docs/om/index.md), where readers see the sources. A guidebook page without `kilder:`, a name
that is not in the file, and a source the about page does not list stop the build.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

from ..core.source import line_with
from ..core.data_files import decode, load_text, parse
from .state import OverviewsState

SOURCES_FILE = "data/kilder.yml"
ABOUT_PAGE = "om/index.md"
# Guidebook pages (organisation pages among them), not their front page or the templates: the
# pages of this folder in the guidebook's part of the menu (mkdocs.yml's title for it).
NEEDS_SOURCES = re.compile(r"^veiviser/(?!index\.md$)[a-z0-9-]+\.md$")
GUIDEBOOK_SECTION = "Veiviser for utvalgsarbeid"
SCHEMA_FILE = "data/skjema/kilder.json"  # checked with every data file (core/data_schemas.py)


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    line: int  # in data/kilder.yml


def load(root: Path) -> list[Source]:
    path = root / SOURCES_FILE
    if not path.exists():
        return []
    text = decode(path.read_bytes(), SOURCES_FILE)
    entries = parse(text, SOURCES_FILE, json.loads((root / SCHEMA_FILE).read_text(encoding="utf-8"))) or []
    _, lines = load_text(text)
    return [Source(entry["id"], entry["tittel"], lines.get((index,), 1)) for index, entry in enumerate(entries)]


def check_page(markdown: str, page, build) -> str:
    """A bokmål guidebook page names its sources, each one known."""
    src = page.file.src_uri
    if not build.is_default or not NEEDS_SOURCES.match(src) or page.file.generated_by is not None:
        return markdown
    if src not in {p.file.src_uri for p in build.state(OverviewsState).sections.get(GUIDEBOOK_SECTION, [])}:
        return markdown  # not in the guidebook's menu (the menu check names a page left out of it)
    known = load(build.site.root)
    names = page.meta.get("kilder")
    text = page.file.content_string
    if not names:
        raise PluginError(
            f"docs/{src}, linje 1: siden mangler «kilder:» i metadata øverst. Skriv hvilke kilder siden "
            f"bygger på, for eksempel «kilder: [referat-innlandet, ffo]». Kildene står i {SOURCES_FILE}: "
            + ", ".join(s.id for s in known) + ".")
    ids = {s.id for s in known}
    for name in names:
        if name not in ids:
            raise PluginError(
                f"docs/{src}, linje {line_with(text, 'kilder:') or 1}: kilden «{name}» finnes ikke i {SOURCES_FILE}. "
                f"Bruk en av {', '.join(sorted(ids))}, eller legg kilden til i {SOURCES_FILE} og på siden "
                "«Om nettstedet».")
    return markdown


def check_about_page(files, build) -> None:
    """Every source in data/kilder.yml is on the about page (a files step: once per language)."""
    if not build.is_default:
        return
    about = files.get_file_from_path(ABOUT_PAGE)
    if about is None:
        return
    text = about.content_string
    for source in load(build.site.root):
        if source.title not in text:
            raise PluginError(
                f"{SOURCES_FILE}, linje {source.line}: kilden «{source.id}» («{source.title}») står ikke på siden "
                f"«Om nettstedet» (docs/{ABOUT_PAGE}). Legg den til under «Kildene» der, med tittel, "
                "hvem som står bak og dato.")
