"""Checklists: collected from `!!! sjekkliste "id"` blocks in the content.

Editors write a checklist block under the section it comes from. The hook
- collects every block across the site (once per build, from the source files),
- generates one page per checklist (sjekklister/<id>.md) with real checkboxes,
- fills the overview page that holds the marker `<!-- generert: sjekklister -->`,
- shows each block on its own page with the checklist's title and a link to it.
Titles and introductions live in data/sjekklister.yml.

Markdown itself decides what a block is: each page is read by a Markdown instance set up like
the site's (its extensions and their settings), and a block is an admonition of type
`sjekkliste`, its items the <li> Markdown made. So a block inside a code fence or an HTML
comment is not a checklist, exactly as readers see it. A line that looks like a checklist
marker but is not read as one (a typo, curly quotes from Word, spaces in front, inside a
fence or a comment) stops the build with file and line, as does a tab in a block.
"""
from __future__ import annotations

import hashlib
import pickle
import posixpath
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from pathlib import Path

import markdown as markdown_lib
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import InlineProcessor, Treeprocessor
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from .rules import audience_problems, order_items, too_many_items
from .quality import duplicate_items, is_supported, section_text, unsupported_item
from .state import ChecklistData, ChecklistsState
from ..core import cache
from ..core.data_files import load_text, read_yaml
from ..core.languages import STRINGS_FOLDER, generated_file
from ..markdown_setup import OWN_EXTENSIONS
from ..core.markers import marker
from ..core.slugs import slugify
from ..own_advice.marks import box_titles, html_mark, register
from ..core.source import (FENCE, body_start, docs_path, front_matter_blanked, included_files, link_texts, where,
                           with_front_matter)

log = get_plugin_logger("sjekklister")

DEFINITIONS_FILE = "data/sjekklister.yml"
OUTPUT_FOLDER = "sjekklister"
ITEM_TEMPLATE = "partials/mv-checklist-items.html"
OVERVIEW_MARKER = marker("sjekklister")
BLOCK_TYPE = "sjekkliste"
# The marker exactly as editors write it, and anything that looks like an attempt at one.
BLOCK_START = re.compile(r'^!!! sjekkliste(?: +"([^"]*)")? *$')
LOOKS_LIKE_BLOCK = re.compile(r"^\s*(?:!{2,}|\?{3}\+?) *[“”«\"]?sj", re.I)  # a box whose type begins with "sj"
LINE_CLASS = "mv-linje-"
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
ITEM_LINE = re.compile(r"^( {4}[-*+] +)")  # an item of a block: four spaces and «- »


@dataclass
class Definition:
    id: str
    title: str
    intro: str
    translations: dict = field(default_factory=dict)  # locale -> {"tittel": …, "ingress": …}
    audiences: list[str] = field(default_factory=list)  # «for»
    order: list[str] = field(default_factory=list)  # «rekkefolge»: page#id in task order
    lines: dict = field(default_factory=dict)  # field ("id", "ingress", "nn.ingress", "rekkefolge.0") -> line

    def localized(self, locale: str) -> "Definition":
        other = self.translations.get(locale) or {}
        return Definition(self.id, str(other.get("tittel", self.title)),
                          " ".join(str(other.get("ingress", self.intro)).split()), {}, self.audiences, self.order,
                          self.lines)


@dataclass
class Item:
    text: str
    src_uri: str
    line: int | None
    heading_id: str
    heading_text: str
    page_title: str
    kind: str | None = None  # own_advice.ADVICE or PROPOSAL: the block stands right under such a box

    @property
    def key(self) -> str:
        """Stable per item text, so that a tick survives when other items are added."""
        return hashlib.sha1(self.text.encode("utf-8")).hexdigest()[:10]


@dataclass
class Block:
    checklist_id: str
    start: int | None  # index of the "!!! sjekkliste" line in the file (None: from an include)
    end: int | None  # index after the block's last line
    items: list[Item] = field(default_factory=list)
    kind: str | None = None  # own_advice.ADVICE or PROPOSAL: right under «Vårt råd» or a proposal box


class ChecklistError(PluginError):
    pass


def load_definitions(path: Path) -> list[Definition]:
    raw = read_yaml(path, [])  # data/skjema/sjekklister.json
    lines = load_text(path.read_text(encoding="utf-8"))[1] if raw else {}
    definitions = []
    for number, item in enumerate(raw):
        audiences = item["for"] if isinstance(item["for"], list) else [item["for"]]
        where = {".".join(str(p) for p in path[1:]): line for path, line in lines.items() if path[:1] == (number,)}
        definitions.append(Definition(item["id"], item["tittel"], " ".join(item["ingress"].split()),
                                      {k: v for k, v in item.items() if isinstance(v, dict)}, audiences,
                                      list(item["rekkefolge"]), where))
    return definitions


# ---- Reading blocks with Markdown ----

class _NumberBlocks(Preprocessor):
    """First of all: give each marker line its line number as an extra class."""

    def run(self, lines):
        return [BLOCK_START.sub(lambda m: f"!!! {BLOCK_TYPE} {LINE_CLASS}{number}" + (
            f' "{m.group(1)}"' if m.group(1) is not None else ""), line)
            for number, line in enumerate(lines, start=1)]


class _FindBlocks(Treeprocessor):
    """Before inline Markdown: each checklist admonition, its title and its items' source text,
    and the kind of box right above it (our advice, a proposal) if it is one."""

    def __init__(self, md, found, titles):
        super().__init__(md)
        self.found = found
        self.titles = titles  # box title -> own_advice kind

    def run(self, root):
        previous = {}
        for parent in root.iter():
            for before, after in zip(parent, list(parent)[1:]):
                previous[id(after)] = before
        for div in root.iter("div"):
            classes = div.get("class", "").split()
            if classes[:2] != ["admonition", BLOCK_TYPE]:
                continue
            line = next((int(c[len(LINE_CLASS):]) for c in classes if c.startswith(LINE_CLASS)), None)
            entry = {"line": line, "items": [], "other": [], "heading": ("", ""), "title": "",
                     "kind": self.box_kind(previous.get(id(div)))}
            for child in div:
                if "admonition-title" in child.get("class", ""):
                    entry["title"] = child.text or ""
                elif child.tag in ("ul", "ol"):
                    for li in child.findall("li"):
                        paragraph = li.find("p")
                        text = li.text if (li.text or "").strip() or paragraph is None else paragraph.text
                        entry["items"].append(" ".join(part.strip() for part in (text or "").split("\n")).strip())
                else:
                    entry["other"].append("".join(child.itertext()).strip().split("\n")[0])
            div.set("data-mv-blokk", str(len(self.found)))
            self.found.append(entry)

    def box_kind(self, box) -> str | None:
        if box is None or box.tag != "div" or "admonition" not in box.get("class", "").split():
            return None
        title = next((child for child in box if "admonition-title" in child.get("class", "")), None)
        return None if title is None else self.titles.get(" ".join((title.text or "").split()))


class _FindHeadings(Treeprocessor):
    """After toc: the page title and the section (id, text) above each block."""

    def __init__(self, md, found):
        super().__init__(md)
        self.found = found

    def run(self, root):
        heading, title = ("", ""), ""
        for element in root.iter():
            if element.tag in HEADINGS:
                text = "".join(_text_without_permalink(element)).strip()
                if element.tag == "h1":
                    title = title or text
                else:
                    heading = (element.get("id", ""), text)
            index = element.get("data-mv-blokk")
            if index is not None:
                self.found[int(index)]["heading"] = heading
                self.found[int(index)]["page_title"] = title


class _InlineInHeadingsOnly(InlineProcessor):
    """Inline Markdown only where the reader needs it: in headings, for their ids and text.
    (Items are read before inline Markdown, and nothing is written.)"""

    def run(self, tree, ancestors=None):
        headings = etree.Element("div")
        headings.extend(element for element in tree.iter() if element.tag in HEADINGS)
        super().run(headings, ancestors)


class _Discard(Treeprocessor):
    """Last: everything is read, so Markdown has nothing to write out."""

    def run(self, root):
        root.clear()


def _text_without_permalink(element):
    if element.text:
        yield element.text
    for child in element:
        if "headerlink" not in child.get("class", ""):
            yield from _text_without_permalink(child)
        if child.tail:
            yield child.tail


class ChecklistReader(Extension):
    """Registered on a Markdown instance set up like the site's: reads the checklist blocks."""

    def __init__(self, titles: dict[str, str] | None = None):
        super().__init__()
        self.found: list[dict] = []
        self.titles = titles or {}  # box title -> own_advice kind

    def extendMarkdown(self, md):
        md.preprocessors.register(_NumberBlocks(md), "mv_number_checklists", 200)
        md.treeprocessors.register(_FindBlocks(md, self.found, self.titles), "mv_find_checklists", 25)
        md.treeprocessors.register(_FindHeadings(md, self.found), "mv_checklist_headings", 1)
        # A lighter read than the site's: the same blocks and headings, less work.
        md.treeprocessors.register(_InlineInHeadingsOnly(md), "inline", 20)  # replaces Markdown's own
        md.treeprocessors.deregister("prettify")  # whitespace between elements only
        md.treeprocessors.register(_Discard(md), "mv_discard_tree", -100)


def site_markdown(extensions: list | None = None, configs: dict | None = None,
                  titles: dict[str, str] | None = None) -> tuple:
    """A Markdown instance with the site's extensions (or a plain set for tests) and the reader;
    `titles` are the titles of our advice and proposal boxes (own_advice.box_titles)."""
    if extensions is None:
        extensions = ["admonition", "attr_list", "md_in_html", "toc", "pymdownx.superfences", "pymdownx.details"]
        configs = {"toc": {"slugify": slugify}}
    reader = ChecklistReader(titles)
    return markdown_lib.Markdown(extensions=[*extensions, reader], extension_configs=configs or {}), reader


def block_end(lines: list[str], start: int) -> int:
    """Index after the last line of the block that starts at `start` (indented or blank lines)."""
    end = start + 1
    for index in range(start + 1, len(lines)):
        if lines[index].strip() and not lines[index].startswith(("    ", "\t")):
            break
        if lines[index].strip():
            end = index + 1
    return end


def line_after(lines: list[str], start: int, text: str) -> int | None:
    """The 1-based number of the first line from `start` whose text begins like `text`."""
    first = text.split(" ")[:4]
    for index in range(start, len(lines)):
        words = lines[index].strip().lstrip("-*+ ").split()
        if words[:len(first)] == first or (words and " ".join(words) in text):
            return index + 1
    return None


def surrounding(lines: list[str], index: int) -> tuple[str, int] | None:
    """("kodeblokk"|"kommentar", line) when line `index` is inside an open fence or HTML comment."""
    fence, comment = None, None
    for number, line in enumerate(lines[:index], start=1):
        if comment is None and FENCE.match(line):
            fence = None if fence else number
        elif fence is None:
            if "<!--" in line and "-->" not in line.split("<!--")[-1]:
                comment = number
            elif "-->" in line:
                comment = None
    if fence:
        return "kodeblokk", fence
    if comment:
        return "kommentar", comment
    return None


def near_miss(lines: list[str], index: int, src_uri: str) -> str:
    """Why the marker on line `index` is not read as a checklist, in words an editor can act on."""
    line = lines[index]
    place = f"{where(docs_path(src_uri), index + 1)}: «{line.strip()}» ser ut som en sjekkliste, men blir ikke lest som en."
    inside = surrounding(lines, index)
    if inside and inside[0] == "kodeblokk":
        return (f"{place} Den står inne i en kodeblokk som begynner på linje {inside[1]} (```). "
                "Lukk kodeblokken med ``` på en egen linje, eller ta sjekklisten ut av den.")
    if inside:
        return (f"{place} Den står inne i en kommentar (<!-- … -->) som begynner på linje {inside[1]}. "
                "Ta hele blokken bort hvis den ikke skal med, eller ta den ut av kommentaren.")
    if re.search(r"[“”«»„‘’]", line):
        return (f"{place} Anførselstegnene må være rette (\"), ikke “ ” eller « ». "
                'Skriv for eksempel !!! sjekkliste "mote". (Tekst limt inn fra Word får krokete anførselstegn.)')
    if line[:1].isspace():
        return f"{place} Slett mellomrommene foran, så linjen begynner helt til venstre."
    if "\t" in line:
        return f"{place} Bruk mellomrom, ikke tabulator, på linjen."
    return f'{place} Skriv den nøyaktig slik: !!! sjekkliste "navn" (med rette anførselstegn og små bokstaver).'


def find_blocks(source: str, src_uri: str, md_and_reader: tuple | None = None) -> list[Block]:
    """Every checklist block in a page's source, as Markdown reads it, with its items and the
    heading above it; a line that looks like a marker but is not read as one is an error."""
    lines = source.splitlines()
    for index, line in enumerate(lines):
        start = BLOCK_START.match(line)
        if start and start.group(1) is None:
            raise ChecklistError(
                f'{where(docs_path(src_uri), index + 1)}: sjekklisten mangler navn. Skriv for eksempel !!! sjekkliste "mote".')
    md, reader = md_and_reader or site_markdown()
    md.reset()
    reader.found.clear()
    md.convert(front_matter_blanked(source))
    real = {entry["line"] for entry in reader.found}
    for index, line in enumerate(lines):
        if LOOKS_LIKE_BLOCK.match(line) and index + 1 not in real:
            raise ChecklistError(near_miss(lines, index, src_uri))
    blocks = []
    for entry in reader.found:
        start = entry["line"] - 1 if entry["line"] else None
        end = block_end(lines, start) if start is not None else None
        place = where(docs_path(src_uri), start + 1 if start is not None else None)
        if start is not None:
            for index in range(start + 1, end):
                if "\t" in lines[index][:len(lines[index]) - len(lines[index].lstrip())]:
                    raise ChecklistError(
                        f"{where(docs_path(src_uri), index + 1)}: det står et tabulatortegn foran punktet i sjekklisten. "
                        "Bruk fire mellomrom foran «- », som på de andre punktene.")
        if entry["other"]:
            other = line_after(lines, start + 1, entry["other"][0]) if start is not None else None
            raise ChecklistError(
                f"{where(docs_path(src_uri), other)}: i en sjekkliste skal hver linje "
                "være et punkt som begynner med «- » og fire mellomrom foran. Skriv «- » foran teksten, eller flytt "
                "den over sjekklisten, helt til venstre.")
        if not entry["items"]:
            raise ChecklistError(f"{place}: sjekklisten «{entry['title']}» har ingen punkter. Skriv punktene på "
                                 "linjene under, hvert med fire mellomrom og «- » foran, eller slett linjen.")
        heading_id, heading_text = entry["heading"]
        block = Block(entry["title"], start, end, kind=entry["kind"])
        position = start + 1 if start is not None else None
        for text in entry["items"]:
            line = line_after(lines, position, text) if position is not None else None
            position = line if line is not None else position  # the next item stands below this one
            block.items.append(Item(text, src_uri, line, heading_id, heading_text, entry.get("page_title", ""),
                                    entry["kind"]))
        blocks.append(block)
    return blocks


def looks_like_it_has_blocks(source: str, docs_dir: Path | None = None) -> bool:
    """Whether a page (or a file it includes) has a line that looks like a checklist marker:
    only such pages need reading with Markdown (which decides whether it is one)."""
    if any(LOOKS_LIKE_BLOCK.match(line) for line in source.splitlines()):
        return True
    for name in included_files(source):
        path = (docs_dir / name) if docs_dir else None
        if path is None or not path.is_file():
            return True  # let Markdown (and the include check) decide
        if looks_like_it_has_blocks(path.read_text(encoding="utf-8"), None):
            return True
    return False


def collect(pages: dict[str, str], definitions: list[Definition], md_and_reader: tuple | None = None,
            blocks_by_page: dict[str, list[Block]] | None = None, docs_dir: Path | None = None,
            cache_folder: Path | None = None) -> dict[str, list[Item]]:
    """Items per checklist id, in page order; an unknown id is an error naming file and line.
    Only pages that mention a checklist (or include text) are read with Markdown."""
    known = {d.id for d in definitions}
    collected: dict[str, list[Item]] = {d.id: [] for d in definitions}
    md_and_reader = md_and_reader or site_markdown()
    for src_uri, source in pages.items():
        if not looks_like_it_has_blocks(source, docs_dir):
            continue
        blocks = kept_blocks(source, src_uri, md_and_reader, docs_dir, cache_folder)
        if blocks_by_page is not None:
            blocks_by_page[src_uri] = blocks
        for block in blocks:
            if block.checklist_id not in known:
                raise ChecklistError(
                    f"{where(docs_path(src_uri), block.start + 1 if block.start is not None else None)}: det finnes ingen sjekkliste som heter "
                    f"«{block.checklist_id}». Bruk en av disse: {', '.join(sorted(known))}, "
                    f"eller legg den til i {DEFINITIONS_FILE}.")
            collected[block.checklist_id].extend(block.items)
    return collected


def kept_blocks(source: str, src_uri: str, md_and_reader: tuple, docs_dir: Path | None,
                cache_folder: Path | None) -> list[Block]:
    """find_blocks, kept between builds in `cache_folder` (core/cache.py) by the page's text, the texts
    it includes and the code and Markdown libraries that read it; a page with an error is never kept."""
    if docs_dir is None or cache_folder is None:
        return find_blocks(source, src_uri, md_and_reader)
    included = [(docs_dir / name) for name in included_files(source)]
    key = cache.digest(source, src_uri, *(p.read_text(encoding="utf-8") if p.is_file() else "" for p in included),
                       cache.code_version([__file__, Path(__file__).parent.parent / "markdown_setup.py"],
                                          ["markdown", "pymdown-extensions", "markdown-include"]))
    kept = cache.cached_bytes(cache_folder, "sjekklister", key,
                              lambda: pickle.dumps(find_blocks(source, src_uri, md_and_reader)))
    return pickle.loads(kept)  # noqa: S301 - our own cache folder, written by this function


def checklist_src_uri(checklist_id: str) -> str:
    return f"{OUTPUT_FOLDER}/{checklist_id}.md"


def render_checklist_page(definition: Definition, items: list[Item], render_items, words: dict,
                          marks: dict[str, str] | None = None) -> str:
    """The Markdown of a generated checklist page; the item markup comes from a template, and an
    item of our advice or a proposal gets its mark (`marks`: kind -> markup, own_advice.html_mark)."""
    page_dir = OUTPUT_FOLDER
    rows = [{
        "key": item.key,
        "mark": (marks or {}).get(item.kind, "") if item.kind else "",
        "text": link_texts(item.text),
        "source_link": posixpath.relpath(item.src_uri, page_dir) + (f"#{item.heading_id}" if item.heading_id else ""),
        "source_title": " – ".join(t for t in (item.page_title, item.heading_text) if t),
    } for item in items]
    return with_front_matter({"description": definition.intro}, "\n".join([
        "",
        f"# {definition.title}",
        "",
        f'!!! abstract "{words["kort_fortalt"]}"',
        "",
        f"    {definition.intro}",
        f"    {words['sjekkliste_kilder']}",
        "",
        render_items(checklist_id=definition.id, title=definition.title, items=rows, mv=words),
        "",
    ]))


def render_overview(definitions: list[Definition], collected: dict[str, list[Item]], page_dir: str,
                    words: dict) -> str:
    lines = []
    for definition in definitions:
        link = posixpath.relpath(checklist_src_uri(definition.id), page_dir or ".")
        count = words["sjekkliste_punkter"].format(antall=len(collected[definition.id]))
        lines.append(f"- **[{definition.title}]({link})** ({count}). {definition.intro}")
    return "\n".join(lines)


def show_blocks_on_page(markdown: str, src_uri: str, definitions: dict[str, Definition], blocks: list[Block],
                        words: dict, first_line: int = 0, marks: dict[str, str] | None = None) -> str:
    """Give each block on a content page the checklist's title and a link to the checklist page,
    and each item of a block of our advice or a proposal its mark (`marks`: kind -> markup).
    `first_line` is the file's line index where `markdown` begins (after the front matter)."""
    blocks = [b for b in blocks if b.start is not None and b.start >= first_line]
    if not blocks:
        return markdown
    lines = markdown.splitlines()
    for block in reversed(blocks):
        found = block.start - first_line
        start = BLOCK_START.match(lines[found]) if found < len(lines) else None
        if start is None or start.group(1) != block.checklist_id:
            raise ChecklistError(
                f"{where(docs_path(src_uri), block.start + 1)}: sjekklisten «{block.checklist_id}» står ikke lenger "
                "på linjen der bygget fant den, fordi et steg før har endret linjene på siden. Det er en feil i "
                "bygget, ikke i teksten: meld fra til dem som utvikler nettstedet.")
        block = Block(block.checklist_id, found, block.end - first_line, kind=block.kind)
        definition = definitions[block.checklist_id]
        mark = (marks or {}).get(block.kind) if block.kind else None
        if block.kind and not mark:
            raise ChecklistError(f"docs/{src_uri}, linje {block.start + first_line + 1}: sjekklisten står under en "
                                 "boks med vårt råd eller et forslag, men merket mangler.")
        for index in range(block.start + 1, block.end):
            item = ITEM_LINE.match(lines[index])
            if mark and item:
                lines[index] = item.group(1) + mark + " " + lines[index][item.end():]
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
    places = [(where(docs_path(item.src_uri), item.line), item.text) for item in items]
    for first, repeat in duplicate_items(places):
        raise ChecklistError(
            f"{repeat}: punktet sier det samme som et punkt som allerede står i sjekklisten «{checklist_id}» "
            f"({first}). Ta bort det ene, eller skriv dem slik at de sier hver sin ting.")
    sections: dict[tuple[str, str], str] = {}  # the items of a block share their section
    for item in items:
        place = (item.src_uri, item.heading_id)
        if place not in sections:
            sections[place] = section_text(sources[item.src_uri], item.heading_id)
        section = sections[place]
        if not is_supported(item.text, section):
            missing = ", ".join(f"«{word}»" for word in unsupported_item(item.text, section))
            log.warning(
                f"{where(docs_path(item.src_uri), item.line)}: punktet «{item.text}» lenker til avsnittet "
                f"«{item.heading_text or item.page_title}», men teksten der nevner ikke {missing}. "
                "Flytt punktet under avsnittet det bygger på, eller bruk ordene fra teksten.")


def audience_words(root: Path, locale: str) -> dict[str, list[str]]:
    """The audiences and the words for them in a language's own strings file (no fallback)."""
    path = root / STRINGS_FOLDER / f"{locale}.yml"
    words = read_yaml(path, {}).get("malgrupper")
    if not words:
        raise ChecklistError(f"{STRINGS_FOLDER}/{locale}.yml: «malgrupper» mangler. Sjekklistene har ingress på "
                             f"«{locale}», så ordene for hver målgruppe må stå der (se {STRINGS_FOLDER}/nb.yml).")
    return words


def apply_rules(build) -> None:
    """Task order, at most MAX_ITEMS items, and the audience named in the intro (checklists/rules.py)."""
    problems, words = [], {}
    state = build.state(ChecklistsState)
    for definition in build.site.state(ChecklistData).definitions:
        local = definition.localized(build.locale)
        # The intro is checked with the words of the language it is written in (a list not
        # translated yet shows the default language's intro).
        written_in = build.locale if build.locale in definition.translations else build.default_locale
        if written_in not in words:
            words[written_in] = audience_words(build.site.root, written_in)
        vocabulary = words[written_in]
        order_lines = [definition.lines.get(f"rekkefolge.{n}") for n in range(len(definition.order))]
        items, found = order_items(definition.id, state.items[definition.id], definition.order, order_lines)
        state.items[definition.id] = items
        problems += found
        problem = too_many_items(definition.id, len(items), definition.lines.get("id"))
        problems += [problem] if problem else []
        intro_line = definition.lines.get("ingress" if build.is_default else f"{build.locale}.ingress",
                                          definition.lines.get("ingress"))
        problems += audience_problems(definition.id, definition.audiences, local.intro, vocabulary, build.locale,
                                      intro_line)
    if problems:
        raise ChecklistError("\n".join(dict.fromkeys(problems)))


def localized_definitions(build) -> list[Definition]:
    """The checklists' titles and introductions in this build's language."""
    return [d.localized(build.locale) for d in build.site.state(ChecklistData).definitions]


def add_pages(files, build) -> None:
    """Collect every block of this language's pages and add one generated page per checklist."""
    sources = {f.src_uri: f.content_string for f in files.documentation_pages() if not f.generated_by}
    extensions = [e for e in build.config.markdown_extensions if not isinstance(e, OWN_EXTENSIONS)]
    md_and_reader = site_markdown(extensions, dict(build.config.mdx_configs), box_titles(build))
    state = build.state(ChecklistsState)
    state.blocks = {}
    state.items = collect(sources, build.site.state(ChecklistData).definitions, md_and_reader, state.blocks,
                          Path(build.config.docs_dir), cache.folder(build.site))
    for checklist_id, items in state.items.items():
        check_items(checklist_id, items, sources)
        for item in items:
            if item.kind:
                register(build, item.kind, item.text, f"docs/{item.src_uri}" + (f", linje {item.line}" if item.line else ""))
    apply_rules(build)
    template = build.templates.get_template(ITEM_TEMPLATE)
    marks = item_marks(build)
    for definition in localized_definitions(build):
        if not state.items[definition.id]:
            log.warning(f"Sjekklisten «{definition.id}» i {DEFINITIONS_FILE} har ingen punkter i innholdet ennå. "
                        f"Skriv punkter med !!! sjekkliste \"{definition.id}\" på en side, eller ta den ut av "
                        f"{DEFINITIONS_FILE}.")
        content = render_checklist_page(definition, state.items[definition.id], template.render, build.strings, marks)
        # Reached from the overview page, not listed one by one in the menu.
        files.append(generated_file(build, checklist_src_uri(definition.id), content))


def item_marks(build) -> dict[str, str]:
    """The mark of each kind of marked item, as markup in this build's language."""
    return {kind: html_mark(kind, build) for kind in set(box_titles(build).values())}


def render_markdown(markdown: str, page, build) -> str:
    state = build.state(ChecklistsState)
    blocks = state.blocks.get(page.file.src_uri)
    if blocks and page.file.generated_by is None:
        # The page's Markdown begins in its file where MkDocs has taken the front matter off.
        markdown = show_blocks_on_page(markdown, page.file.src_uri,
                                       {d.id: d for d in localized_definitions(build)}, blocks, build.strings,
                                       body_start(page.file.content_string), item_marks(build))
    if OVERVIEW_MARKER.search(markdown):
        overview = render_overview(localized_definitions(build), state.items, posixpath.dirname(page.file.src_uri),
                                   build.strings)
        markdown = OVERVIEW_MARKER.sub(lambda _: overview, markdown)
    return markdown
