"""Journeys (reiser): a task step by step, after GOV.UK's step-by-step navigation.

data/reiser.yml holds each journey: its title and introduction, and numbered steps. A step
has a title, the page it belongs to (`side`, a page or a section) and more links (`lenker`):
sections, checklists and templates that already say what the step is about (no new facts).
A step that is the site's own advice says so (`vart_rad`) and shows the «Vårt råd» mark.

The build
- checks every link against this language's pages: a missing page or section stops the
  build naming data/reiser.yml and the line;
- adds one page per journey (steg-for-steg/<id>.md) with the numbered steps;
- fills the overview page that holds `<!-- generert: reiser -->`;
- shows a «Steg 2 av 5: Ny i utvalget» box with previous and next above the title of each
  page a step belongs to (a page can belong to several journeys, but to one step of each).
Link texts are the headings of the linked sections in the reader's language. Markup is in
overrides/partials/mv-journey*.html, words in data/sprak/<locale>.yml (keys reise_*).
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError

from ..core.data_files import load_text, read_yaml
from ..core.languages import generated_file
from ..core.markers import marker
from ..core.source import ATTRIBUTES, FENCE, HEADING, link_texts, without_front_matter
from ..core.slugs import heading_id
from .state import JourneysData, JourneysState

DATA_FILE = "data/reiser.yml"
OUTPUT_FOLDER = "steg-for-steg"
PAGE_TEMPLATE = "partials/mv-journey.html"
BOX_TEMPLATE = "partials/mv-journey-box.html"
OVERVIEW_MARKER = marker("reiser")
ATTRIBUTES = re.compile(r"\s*\{[^}]*\}\s*$")
INLINE = re.compile(r"[*_`]|\[([^\]]*)\]\([^)]*\)")
LANGUAGE_SUFFIX = re.compile(r"\.[a-z]{2}\.md$")


class JourneyError(PluginError):
    pass


@dataclass
class Step:
    title: dict[str, str]  # locale -> text («nb» the default language's)
    page: str  # page or page#id under docs/, bokmål name
    links: list[str]
    advice: bool
    line: int
    link_lines: list[int]

    @property
    def page_path(self) -> str:
        return self.page.partition("#")[0]


@dataclass
class Journey:
    id: str
    title: dict[str, str]
    intro: dict[str, str]
    steps: list[Step] = field(default_factory=list)
    line: int = 0


def text_in(values: dict[str, str], locale: str, default: str) -> str:
    return values.get(locale) or values[default]


# ---- The data ----

def parse(raw: list, lines: dict[tuple, int], default: str) -> list[Journey]:
    """The journeys of data/reiser.yml (already checked against schemas.JOURNEYS)."""
    journeys, seen = [], {}
    for number, item in enumerate(raw):
        line = lines.get((number, "id"), 0)
        if item["id"] in seen:
            raise JourneyError(f"{DATA_FILE}, linje {line}: reisen «{item['id']}» står to ganger (også på linje "
                               f"{seen[item['id']]}). Gi den ene en annen id.")
        seen[item["id"]] = line
        title = {default: item["tittel"]} | {k: v["tittel"] for k, v in item.items() if isinstance(v, dict)}
        intro = {default: item["ingress"]} | {k: v["ingress"] for k, v in item.items() if isinstance(v, dict)}
        steps, pages = [], {}
        for index, step in enumerate(item["steg"]):
            step_line = lines.get((number, "steg", index, "tittel"), line)
            titles = {default: step["tittel"]} | {k: v["tittel"] for k, v in step.items() if isinstance(v, dict)}
            links = list(step.get("lenker", []))
            link_lines = [lines.get((number, "steg", index, "lenker", n), step_line) for n in range(len(links))]
            made = Step(titles, step["side"], links, step.get("vart_rad", False) is True,
                        lines.get((number, "steg", index, "side"), step_line), link_lines)
            if made.page_path in pages:
                raise JourneyError(
                    f"{DATA_FILE}, linje {made.line}: steg {index + 1} og steg {pages[made.page_path]} i reisen "
                    f"«{item['id']}» hører til samme side ({made.page_path}). Et steg får sin egen side: "
                    "slå stegene sammen, eller la det ene lenke til siden under «lenker».")
            pages[made.page_path] = index + 1
            steps.append(made)
        journeys.append(Journey(item["id"], title, intro, steps, line))
    return journeys


def load(root: Path, default: str) -> list[Journey]:
    path = root / DATA_FILE
    raw = read_yaml(path, [])
    if not raw:
        return []
    return parse(raw, load_text(path.read_text(encoding="utf-8"))[1], default)


def headings(source: str) -> tuple[str, dict[str, str]]:
    """A page's title (its first # heading) and the text of each heading by its id."""
    title, found, fenced = "", {}, False
    for line in without_front_matter(source).splitlines():
        if FENCE.match(line):
            fenced = not fenced
        match = None if fenced else HEADING.match(line)
        if not match:
            continue
        text = INLINE.sub(lambda m: m.group(1) or "", ATTRIBUTES.sub("", match.group(2))).strip()
        if len(match.group(1)) == 1:
            title = title or text
        found.setdefault(heading_id(match.group(2)), text)
    return title, found


def find_file(files, ref_path: str, locale: str):
    """This language's file for a page named by its bokmål name (moter.md -> moter.nn.md)."""
    stem = ref_path[:-3]
    return files.get_file_from_path(f"{stem}.{locale}.md") or files.get_file_from_path(ref_path)


def resolve(files, ref: str, locale: str, line: int, journey_id: str) -> tuple[object, str, str]:
    """(file, anchor, link text) of a link in the data; a missing page or section is an error."""
    path, _, anchor = ref.partition("#")
    file = find_file(files, path, locale)
    if file is None:
        raise JourneyError(f"{DATA_FILE}, linje {line}: lenken «{ref}» i reisen «{journey_id}» peker til en side som "
                           "ikke finnes. Skriv stien under docs/, for eksempel «veiviser/moter.md#saklisten».")
    title, found = headings(file.content_string)
    if anchor and anchor not in found:
        raise JourneyError(f"{DATA_FILE}, linje {line}: lenken «{ref}» i reisen «{journey_id}» peker til avsnittet "
                           f"#{anchor} på siden {path}, men siden har ikke noe avsnitt med den id-en. Sjekk id-en: "
                           "gå til avsnittet på nettstedet og se adressen etter #.")
    return file, anchor, (found[anchor] if anchor else title) or path


def journey_src_uri(journey_id: str) -> str:
    return f"{OUTPUT_FOLDER}/{journey_id}.md"


def link_to(target_src: str, anchor: str, from_src: str) -> str:
    return posixpath.relpath(target_src, posixpath.dirname(from_src) or ".") + (f"#{anchor}" if anchor else "")


# ---- Steps of the build (medvirkning.pipeline calls them in order) ----

def add_pages(files, build) -> None:
    """Check every link, add a page per journey, and note which pages belong to which steps."""
    journeys = build.site.state(JourneysData).journeys
    on_pages = build.state(JourneysState).steps = {}
    template = build.templates.get_template(PAGE_TEMPLATE) if journeys else None
    for journey in journeys:
        src = journey_src_uri(journey.id)
        resolved = []
        for step in journey.steps:
            page_file, page_anchor, page_text = resolve(files, step.page, build.locale, step.line, journey.id)
            links = [{"text": page_text, "href": link_to(page_file.src_uri, page_anchor, src)}]
            for ref, line in zip(step.links, step.link_lines):
                file, anchor, text = resolve(files, ref, build.locale, line, journey.id)
                links.append({"text": text, "href": link_to(file.src_uri, anchor, src)})
            resolved.append((step, page_file, page_anchor, page_text, links))
        title = text_in(journey.title, build.locale, build.default_locale)
        intro = text_in(journey.intro, build.locale, build.default_locale)
        steps = [{"number": n, "title": text_in(s.title, build.locale, build.default_locale), "advice": s.advice,
                  "links": links} for n, (s, _, _, _, links) in enumerate(resolved, start=1)]
        content = "\n".join(["---", f"description: {intro}", "---", "", f"# {title}", "",
                             f'!!! abstract "{build.strings["kort_fortalt"]}"', "", f"    {intro}",
                             f"    {build.strings['reise_kort_fortalt']}", "",
                             template.render(journey_id=journey.id, steps=steps, mv=build.strings), ""])
        files.append(generated_file(build, src, content))
        for number, (step, page_file, page_anchor, page_text, _) in enumerate(resolved, start=1):
            on_pages.setdefault(page_file.src_uri, []).append({
                "journey": journey, "title": title, "number": number, "total": len(resolved),
                "neighbours": [(r[1].src_uri, r[2], text_in(r[0].title, build.locale, build.default_locale))
                               for r in resolved], "src": src})


def box_markdown(page_src: str, entries: list[dict], render, words: dict) -> str:
    """The «Steg 2 av 5: Ny i utvalget» boxes of one page, previous and next as Markdown links."""
    boxes = []
    for entry in entries:
        number, neighbours = entry["number"], entry["neighbours"]

        def step_link(index):
            if not 0 <= index < len(neighbours):
                return None
            target, anchor, text = neighbours[index]
            return {"href": link_to(target, anchor, page_src), "text": text, "number": index + 1}
        boxes.append(render(journey_id=entry["journey"].id, title=entry["title"], number=number,
                            total=entry["total"], overview=link_to(entry["src"], "", page_src),
                            previous=step_link(number - 2), next=step_link(number), mv=words))
    return "\n".join(boxes)


def render_markdown(markdown: str, page, build) -> str:
    entries = build.state(JourneysState).steps.get(page.file.src_uri)
    if entries:
        box = box_markdown(page.file.src_uri, entries, build.templates.get_template(BOX_TEMPLATE).render,
                           build.strings)
        # Above the title, as GOV.UK does («Part of …»): the title and «Kort fortalt» stay together.
        lines = markdown.split("\n")
        title = next((i for i, line in enumerate(lines) if line.startswith("# ")), 0)
        if lines[title].startswith("# "):  # MkDocs takes the title from a first line that is the heading
            page.meta.setdefault("title", link_texts(ATTRIBUTES.sub("", lines[title][2:])).strip())
        lines[title:title] = [box, ""]
        markdown = "\n".join(lines)
    if OVERVIEW_MARKER.search(markdown):
        folder = posixpath.dirname(page.file.src_uri)
        overview = "\n".join(
            f"- **[{text_in(j.title, build.locale, build.default_locale)}]"
            f"({posixpath.relpath(journey_src_uri(j.id), folder or '.')})**: "
            f"{text_in(j.intro, build.locale, build.default_locale)}" for j in build.site.state(JourneysData).journeys)
        markdown = OVERVIEW_MARKER.sub(lambda _: overview, markdown)
    return markdown
