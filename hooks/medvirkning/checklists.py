"""Checklists: collected from `!!! sjekkliste "id"` blocks in the content.

Editors write a checklist block under the section it comes from. The hook
- collects every block across the site (once per build, from the source files),
- generates one page per checklist (sjekklister/<id>.md) with real checkboxes,
- fills the overview page that holds the marker `<!-- generert: sjekklister -->`,
- shows each block on its own page with the checklist's title and a link to it.
Titles and introductions live in data/sjekklister.yml.
"""
from __future__ import annotations

import hashlib
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from .checklist_quality import duplicate_items, is_supported, section_text, unsupported_item
from .data_files import read_yaml
from .languages import generated_file
from .markers import marker
from .slugs import heading_id

log = get_plugin_logger("sjekklister")

DEFINITIONS_FILE = "data/sjekklister.yml"
OUTPUT_FOLDER = "sjekklister"
ITEM_TEMPLATE = "partials/mv-checklist-items.html"
OVERVIEW_MARKER = marker("sjekklister")
BLOCK_START = re.compile(r'^!!! sjekkliste(?: "([^"]*)")?\s*$')
HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
FENCE = re.compile(r"^(```|~~~)")
ITEM = re.compile(r"^    [-*+] (.+)$")
CONTINUATION = re.compile(r"^      +(\S.*)$")
MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


@dataclass
class Definition:
    id: str
    title: str
    intro: str
    translations: dict = field(default_factory=dict)  # locale -> {"tittel": …, "ingress": …}

    def localized(self, locale: str) -> "Definition":
        other = self.translations.get(locale) or {}
        return Definition(self.id, str(other.get("tittel", self.title)),
                          " ".join(str(other.get("ingress", self.intro)).split()))


@dataclass
class Item:
    text: str
    src_uri: str
    line: int
    heading_id: str
    heading_text: str
    page_title: str

    @property
    def key(self) -> str:
        """Stable per item text, so that a tick survives when other items are added."""
        return hashlib.sha1(self.text.encode("utf-8")).hexdigest()[:10]


@dataclass
class Block:
    checklist_id: str
    start: int  # index of the "!!! sjekkliste" line
    end: int  # index after the block's last line
    items: list[Item] = field(default_factory=list)


class ChecklistError(PluginError):
    pass


def load_definitions(path: Path) -> list[Definition]:
    raw = read_yaml(path, [])
    definitions = []
    for number, item in enumerate(raw, start=1):
        if not isinstance(item, dict) or not all(item.get(k) for k in ("id", "tittel", "ingress")):
            raise ChecklistError(f"{DEFINITIONS_FILE}: sjekkliste nr. {number} mangler «id», «tittel» eller «ingress».")
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", str(item["id"])):
            raise ChecklistError(
                f"{DEFINITIONS_FILE}: id «{item['id']}» kan bare ha små bokstaver a–z, tall og bindestrek.")
        definitions.append(Definition(str(item["id"]), str(item["tittel"]), " ".join(str(item["ingress"]).split()),
                                      {k: v for k, v in item.items() if isinstance(v, dict)}))
    return definitions


def find_blocks(markdown: str, src_uri: str) -> list[Block]:
    """Every checklist block in a page's Markdown, with its items and the heading above it."""
    lines = markdown.splitlines()
    page_title = ""
    current_heading = ("", "")
    seen_ids: dict[str, int] = {}
    blocks: list[Block] = []
    in_fence = False
    index = 0
    while index < len(lines):
        line = lines[index]
        if FENCE.match(line.strip()):
            in_fence = not in_fence
        heading = None if in_fence else HEADING.match(line)
        if heading:
            level, text = len(heading.group(1)), heading.group(2)
            anchor = unique_id(heading_id(text), seen_ids)
            plain = re.sub(r"\s*\{[^}]*\}\s*$", "", text)
            if level == 1:
                page_title = plain
            else:
                current_heading = (anchor, plain)
        start = None if in_fence else BLOCK_START.match(line)
        if not start:
            index += 1
            continue
        checklist_id = start.group(1)
        if not checklist_id:
            raise ChecklistError(
                f'docs/{src_uri}, linje {index + 1}: sjekklisten mangler navn. Skriv for eksempel !!! sjekkliste "mote".')
        block = Block(checklist_id, index, index + 1)
        index += 1
        while index < len(lines) and (not lines[index].strip() or lines[index].startswith("    ")):
            item = ITEM.match(lines[index])
            continuation = CONTINUATION.match(lines[index])
            if item:
                block.items.append(Item(item.group(1).strip(), src_uri, index + 1, *current_heading, page_title))
            elif continuation and block.items:
                block.items[-1].text += " " + continuation.group(1).strip()
            elif lines[index].strip():
                raise ChecklistError(
                    f"docs/{src_uri}, linje {index + 1}: i en sjekkliste skal hver linje være et punkt "
                    "som begynner med «- » og fire mellomrom foran.")
            index += 1
            if lines[index - 1].strip():
                block.end = index
        if not block.items:
            raise ChecklistError(f"docs/{src_uri}, linje {block.start + 1}: sjekklisten «{checklist_id}» har ingen punkter.")
        blocks.append(block)
    return blocks


def unique_id(anchor: str, seen: dict[str, int]) -> str:
    """The id toc gives a heading, with _1, _2 … after a repeated id, as Python-Markdown does."""
    if anchor not in seen:
        seen[anchor] = 0
        return anchor
    seen[anchor] += 1
    return f"{anchor}_{seen[anchor]}"


def collect(pages: dict[str, str], definitions: list[Definition]) -> dict[str, list[Item]]:
    """Items per checklist id, in page order; an unknown id is an error naming file and line."""
    known = {d.id for d in definitions}
    collected: dict[str, list[Item]] = {d.id: [] for d in definitions}
    for src_uri, markdown in pages.items():
        for block in find_blocks(markdown, src_uri):
            if block.checklist_id not in known:
                raise ChecklistError(
                    f"docs/{src_uri}, linje {block.start + 1}: det finnes ingen sjekkliste som heter "
                    f"«{block.checklist_id}». Bruk en av disse: {', '.join(sorted(known))}, "
                    f"eller legg den til i {DEFINITIONS_FILE}.")
            collected[block.checklist_id].extend(block.items)
    return collected


def checklist_src_uri(checklist_id: str) -> str:
    return f"{OUTPUT_FOLDER}/{checklist_id}.md"


def render_checklist_page(definition: Definition, items: list[Item], render_items, words: dict) -> str:
    """The Markdown of a generated checklist page; the item markup comes from a template."""
    page_dir = OUTPUT_FOLDER
    rows = [{
        "key": item.key,
        "text": MARKDOWN_LINK.sub(r"\1", item.text),
        "source_link": posixpath.relpath(item.src_uri, page_dir) + (f"#{item.heading_id}" if item.heading_id else ""),
        "source_title": " – ".join(t for t in (item.page_title, item.heading_text) if t),
    } for item in items]
    return "\n".join([
        "---",
        f"description: {definition.intro}",
        "---",
        "",
        f"# {definition.title}",
        "",
        f'!!! abstract "{words["kort_fortalt"]}"',
        "",
        f"    {definition.intro}",
        f"    {words['sjekkliste_slik']}",
        f"    {words['sjekkliste_kilder']}",
        "",
        render_items(checklist_id=definition.id, title=definition.title, items=rows, mv=words),
        "",
    ])


def render_overview(definitions: list[Definition], collected: dict[str, list[Item]], page_dir: str,
                    words: dict) -> str:
    lines = []
    for definition in definitions:
        link = posixpath.relpath(checklist_src_uri(definition.id), page_dir or ".")
        count = words["sjekkliste_punkter"].format(antall=len(collected[definition.id]))
        lines.append(f"- **[{definition.title}]({link})** ({count}). {definition.intro}")
    return "\n".join(lines)


def show_blocks_on_page(markdown: str, src_uri: str, definitions: dict[str, Definition], words: dict) -> str:
    """Give each block on a content page the checklist's title and a link to the checklist page."""
    blocks = find_blocks(markdown, src_uri)
    if not blocks:
        return markdown
    lines = markdown.splitlines()
    for block in reversed(blocks):
        definition = definitions[block.checklist_id]
        link = posixpath.relpath(checklist_src_uri(block.checklist_id), posixpath.dirname(src_uri) or ".")
        title = words["sjekkliste_tittel"].format(tittel=definition.title)
        lines[block.start] = f'!!! sjekkliste "{title}"'
        lines[block.end:block.end] = ["", f"    [{words['sjekkliste_apne'].format(tittel=definition.title)}]({link})"]
    return "\n".join(lines) + "\n"


# ---- Steps of the build (medvirkning.pipeline calls them in order) ----

def load(root: Path) -> list[Definition]:
    return load_definitions(root / DEFINITIONS_FILE)


def check_items(checklist_id: str, items: list[Item], sources: dict[str, str]) -> None:
    """No item twice in a checklist (an error naming both places), and each item under the
    section whose text supports it (a warning naming the item's line)."""
    places = [(f"docs/{item.src_uri}, linje {item.line}", item.text) for item in items]
    for first, repeat in duplicate_items(places):
        raise ChecklistError(
            f"{repeat}: punktet sier det samme som et punkt som allerede står i sjekklisten «{checklist_id}» "
            f"({first}). Ta bort det ene, eller skriv dem slik at de sier hver sin ting.")
    for item in items:
        section = section_text(sources[item.src_uri], item.heading_id)
        if not is_supported(item.text, section):
            missing = ", ".join(f"«{word}»" for word in unsupported_item(item.text, section))
            log.warning(
                f"docs/{item.src_uri}, linje {item.line}: punktet «{item.text}» lenker til avsnittet "
                f"«{item.heading_text or item.page_title}», men teksten der nevner ikke {missing}. "
                "Flytt punktet under avsnittet det bygger på, eller bruk ordene fra teksten.")


def localized_definitions(build) -> list[Definition]:
    """The checklists' titles and introductions in this build's language."""
    return [d.localized(build.locale) for d in build.site.checklist_definitions]


def add_pages(files, build) -> None:
    """Collect every block of this language's pages and add one generated page per checklist."""
    sources = {f.src_uri: f.content_string for f in files.documentation_pages() if not f.generated_by}
    build.checklists = collect(sources, build.site.checklist_definitions)
    for checklist_id, items in build.checklists.items():
        check_items(checklist_id, items, sources)
    template = build.config.theme.get_env().get_template(ITEM_TEMPLATE)
    for definition in localized_definitions(build):
        if not build.checklists[definition.id]:
            log.warning(f"Sjekklisten «{definition.id}» i {DEFINITIONS_FILE} har ingen punkter i innholdet ennå.")
        content = render_checklist_page(definition, build.checklists[definition.id], template.render, build.strings)
        # Reached from the overview page, not listed one by one in the menu.
        files.append(generated_file(build, checklist_src_uri(definition.id), content))


def render_markdown(markdown: str, page, build) -> str:
    if OVERVIEW_MARKER.search(markdown):
        overview = render_overview(localized_definitions(build), build.checklists, posixpath.dirname(page.file.src_uri),
                                   build.strings)
        markdown = OVERVIEW_MARKER.sub(lambda _: overview, markdown)
    if page.file.generated_by is not None:
        return markdown
    return show_blocks_on_page(markdown, page.file.src_uri, {d.id: d for d in localized_definitions(build)}, build.strings)
