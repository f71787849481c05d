"""Templates (maler): pages a council prints or downloads and fills in.

Each template is a page under veiviser/maler/ with `<!-- generert: mal -->` under its title.
The marker becomes a notice that this is the site's own template, not an official NAV form,
with links to the same template as a Word file (.docx, written with python-docx) and as
Markdown. Both files are made by the build from the page's own Markdown, in each language's
folder, with every link written out as a full address (the files are read outside the site).

In a template page:
- a paragraph ending in `{ .mv-felt }` is a field to fill in (a writing box on paper and in Word);
  `{ .mv-felt .mv-felt--stort }` is a larger one;
- the paragraph under each `##` heading, ending in `{ .mv-mal-kilde }`, links to the section
  of the guidebook or the strategy that explains it;
- a field that is our own advice or a proposal adds `.mv-vart-rad` or `.mv-forslag`
  (`{ .mv-felt .mv-forslag }`): it gets its mark on the page and in both files (own_advice.py).

Both files say what the page says: a box (`!!! note "Tittel"`) is a titled box in Word (bordered
paragraphs, the title first) and a quote with the title in bold in Markdown; lists are lists;
links are their text with the address. No Word paragraph holds Markdown (`markdown_left`).
"""
from __future__ import annotations

import io
import posixpath
import re
from pathlib import Path

import markdown as python_markdown
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table
from docx.text.paragraph import Paragraph
from mkdocs.exceptions import PluginError

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..core import cache
from ..core.html_tree import attribute, children, classes, parse_html, text_of
from ..core.languages import generated_file
from ..core.markers import marker
from ..own_advice.marks import (box_kind, box_titles, check_blocks, field_kind, html_mark, in_scope, register,
                                text_mark)
from ..own_advice.state import OwnAdviceState
from ..core.source import page_title as source_page_title, without_front_matter

MARKER = marker("mal")
MARKS_SOURCE = Path(__file__).resolve().parent.parent / "own_advice" / "marks.py"  # part of what the Word files are made by
ATTRIBUTES = re.compile(r"^\{:?[ \t]*[.#][^}\n]*\}[ \t]*\n?", re.M)  # attr_list on a line of its own
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)(\{[^}]*\})?")
HEADING_ID = re.compile(r"[ \t]*\{#[^}\n]*\}[ \t]*$", re.M)
FIELD = "mv-felt"
LARGE_FIELD = "mv-felt--stort"
STYLES = ("Title", "Heading 1", "Heading 2", "Heading 3", "Intense Quote", "List Bullet", "List Number")  # Word's own
# A box as editors write it: `!!! type "Title"` (or `???`), then its text indented by four spaces.
BOX = re.compile(r'^(?:!!!|\?\?\?\+?)[ \t]*([\w-]+)(?:[^"\n]*"([^"]*)")?[ \t]*\n((?:[ \t]*\n|(?: {4}|\t).*\n?)*)', re.M)
# A field's text and the attribute list under it: the classes say whether it is ours.
FIELD_LINE = re.compile(r"^(?P<text>[^\n{ ][^\n]*)\n(?P<attrs>\{:?[ \t]*[.#][^}\n]*\})[ \t]*$", re.M)
# Markdown that must never reach a Word paragraph (issue 21): a box, an attribute list, bold, a link, a comment.
MARKDOWN_LEFT = re.compile(r"!!!|\{:?[ \t]*[.#][^}]*\}|\*\*|\[[^\]]*\]\([^)]*\)|<!--")


def template_pages(files) -> list:
    return [f for f in files.documentation_pages() if MARKER.search(f.content_string)]


def download_names(src_uri: str) -> tuple[str, str, str]:
    """(docx src, Markdown src, Markdown dest) beside the page: mandat.md -> mandat.docx, mandat.md."""
    stem = posixpath.splitext(src_uri)[0]
    return f"{stem}.docx", f"{stem}.md.txt", f"{stem}.md"


def absolute_links(markdown: str, src_uri: str, url_of) -> str:
    """Every relative link written out as its published address."""
    def absolute(match: re.Match) -> str:
        label, target = match.group(1), match.group(2)
        if re.match(r"^[a-z]+:", target):
            return f"[{label}]({target})"
        path, _, anchor = target.partition("#")
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path)) if path else src_uri
        return f"[{label}]({url_of(resolved, anchor)})"
    return LINK.sub(absolute, markdown)


def notice_markdown(strings: dict[str, str], docx_link: str | None = None, md_link: str | None = None) -> str:
    """The notice under a template's title; with download links on the page itself."""
    # «Kort fortalt» opens every page of the site; here it says whose template this is.
    lines = ['!!! abstract "' + strings["kort_fortalt"] + '"', "", "    " + strings["mal_merknad"]]
    if docx_link and md_link:
        lines += ["", f"    [{strings['mal_last_ned_docx']}]({docx_link}){{ download=\"{posixpath.basename(docx_link)}\" }}"
                      f" · [{strings['mal_last_ned_md']}]({md_link}){{ download=\"{posixpath.basename(md_link)[:-4]}\" }}"]
    return "\n".join(lines)


def mark_fields(markdown: str, mark_of) -> str:
    """Each field of our advice or a proposal with its mark in front (`mark_of(kind)`)."""
    def marked(match: re.Match) -> str:
        kind = field_kind(match.group("attrs").strip("{}: \t").replace(".", " ").split())
        return f"{mark_of(kind)} {match.group(0)}" if kind else match.group(0)
    return FIELD_LINE.sub(marked, markdown)


def marked_fields(source: str) -> list[tuple[str, str, int]]:
    """(kind, text, line) of every field of our advice or a proposal in a template's source."""
    found = []
    for match in FIELD_LINE.finditer(source):
        kind = field_kind(match.group("attrs").strip("{}: \t").replace(".", " ").split())
        if kind:
            found.append((kind, match.group("text"), source.count("\n", 0, match.start()) + 1))
    return found


def marked_boxes(source: str, titles: dict[str, str]) -> list[tuple[str, str, int]]:
    """(kind, first sentence, line) of every box of our advice or a proposal in a template's source."""
    found = []
    for match in BOX.finditer(source):
        kind = box_kind(match.group(2) or "", titles)
        body = " ".join(match.group(3).split())
        if kind and body:
            found.append((kind, body.split(". ")[0], source.count("\n", 0, match.start()) + 1))
    return found


def prepared_markdown(source: str, src_uri: str, strings: dict[str, str], url_of) -> str:
    """The template read outside the site: no front matter, the notice as a box, our own fields
    marked, full addresses."""
    text = without_front_matter(source)
    notice = f'!!! abstract "{strings["mal_merknad_tittel"]}"\n\n    {strings["mal_merknad"]}\n\n'
    text = MARKER.sub(lambda _: notice, text)
    text = mark_fields(text, lambda kind: f"**{text_mark(kind, strings)}**")  # bold in Word and Markdown
    return absolute_links(HEADING_ID.sub("", text), src_uri, url_of)


def box_as_quote(match: re.Match) -> str:
    """A box as plain Markdown shows it: a quote, the title in bold first."""
    title = match.group(2) or match.group(1).replace("-", " ").capitalize()
    body = re.sub(r"^(?: {4}|\t)", "", match.group(3).strip("\n"), flags=re.M).splitlines()
    return "\n".join([f"> **{title}**", ">", *(f"> {line}".rstrip() for line in body)]) + "\n\n"


def download_markdown(prepared: str) -> str:
    """The template as a Markdown file to edit: boxes as quotes with their title, without the
    site's field and source classes."""
    text = BOX.sub(box_as_quote, prepared)
    return re.sub(r"\n{3,}", "\n\n", ATTRIBUTES.sub("", text)).strip() + "\n"


def to_html(markdown_text: str) -> LexborHTMLParser:
    return parse_html(python_markdown.markdown(markdown_text, extensions=["admonition", "attr_list", "sane_lists"]))


def add_runs(paragraph, element: LexborNode, bold: bool = False) -> None:
    """The text of an element, strong as bold and links as «text (address)»."""
    for child in children(element):
        if child.is_text_node:
            if child.text_content:
                paragraph.add_run(child.text_content).bold = bold or None
        elif not child.is_element_node:
            continue
        elif child.tag in ("strong", "b"):
            add_runs(paragraph, child, True)
        elif child.tag == "a":
            add_runs(paragraph, child, bold)
            paragraph.add_run(f" ({attribute(child, 'href') or ''})").italic = True
        else:
            add_runs(paragraph, child, bold)


def borders(tag: str, size: str, space: str):
    """A thin black line on all four sides (Word's w:tblBorders for a table, w:pBdr for a paragraph)."""
    element = OxmlElement(tag)
    for side in ("top", "left", "bottom", "right"):
        border = OxmlElement(f"w:{side}")
        for name, value in (("val", "single"), ("sz", size), ("space", space), ("color", "000000")):
            border.set(qn(f"w:{name}"), value)
        element.append(border)
    return element


def writing_box(document, lines: int) -> None:
    """A one-cell table with borders: room to write, on paper and in Word."""
    table = document.add_table(rows=1, cols=1)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table._tbl.tblPr.append(borders("w:tblBorders", size="6", space="0"))
    cell = table.cell(0, 0)
    cell.paragraphs[0].add_run("")
    for _ in range(lines - 1):
        cell.add_paragraph("")
    document.add_paragraph("")


def in_box(paragraph) -> None:
    """A border and a light background: consecutive such paragraphs are one box in Word."""
    properties = paragraph._p.get_or_add_pPr()
    box_borders = borders("w:pBdr", size="8", space="4")
    shading = OxmlElement("w:shd")
    for name, value in (("val", "clear"), ("color", "auto"), ("fill", "F2F2F2")):
        shading.set(qn(f"w:{name}"), value)
    # The schema's order: pBdr and shd before spacing, indentation and the rest.
    later = ("w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:contextualSpacing", "w:jc", "w:rPr")
    properties.insert_element_before(box_borders, "w:shd", *later)
    properties.insert_element_before(shading, *later)


def is_in_box(paragraph) -> bool:
    properties = paragraph._p.pPr
    return properties is not None and properties.find(qn("w:pBdr")) is not None


def add_box(document, style_ids: dict[str, str], element: LexborNode) -> None:
    """A box (admonition) as bordered paragraphs: its title in bold, then its text and lists."""
    title = element.css_first(".admonition-title")
    heading = document.add_paragraph()
    heading.add_run(" ".join(text_of(title).split()) if title is not None else "").bold = True
    heading.paragraph_format.keep_with_next = True
    in_box(heading)
    for child in children(element):
        if not child.is_element_node or "admonition-title" in classes(child):
            continue
        for paragraph in add_block(document, style_ids, child):
            in_box(paragraph)
    document.add_paragraph("")  # room after the box, and two boxes in a row stay two


def add_block(document, style_ids: dict[str, str], element: LexborNode) -> list:
    """A paragraph, a list or a quote as Word paragraphs; returns them."""
    if element.tag == "p":
        paragraph = document.add_paragraph()
        add_runs(paragraph, element)
        return [paragraph]
    if element.tag in ("ul", "ol"):
        style = "List Bullet" if element.tag == "ul" else "List Number"
        made = []
        for item in (c for c in children(element) if c.is_element_node and c.tag == "li"):
            paragraph = styled_paragraph(document, style_ids, style)
            add_runs(paragraph, item)
            made.append(paragraph)
        return made
    if element.tag == "blockquote":
        made = []
        for inner in element.css("p"):
            paragraph = styled_paragraph(document, style_ids, "Intense Quote")
            add_runs(paragraph, inner)
            made.append(paragraph)
        return made
    return []


def styled_paragraph(document, style_ids: dict[str, str], name: str):
    """A paragraph in the style `name`, set by the style's id (looked up once per file)."""
    paragraph = document.add_paragraph()
    # python-docx's add_paragraph(style=name) reads through every style of the template each time.
    paragraph._p.style = style_ids[name]
    return paragraph


def docx_bytes(markdown_text: str, title: str) -> bytes:
    """The downloadable Markdown of a template as a Word document."""
    document = Document()
    document.core_properties.title = title
    document.styles["Normal"].font.size = Pt(12)
    style_ids = {name: document.styles[name].style_id for name in STYLES}
    for element in children(to_html(markdown_text)):
        if not element.is_element_node:
            continue
        if element.tag in ("h1", "h2", "h3", "h4"):
            level = int(element.tag[1]) - 1
            heading = styled_paragraph(document, style_ids, f"Heading {level}" if level else "Title")
            add_runs(heading, element)
        elif element.tag == "div" and "admonition" in classes(element):
            add_box(document, style_ids, element)
        else:
            add_block(document, style_ids, element)
        if element.tag == "p" and FIELD in classes(element):
            writing_box(document, 6 if LARGE_FIELD in classes(element) else 2)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_blocks(data: bytes) -> list[tuple[str, str]]:
    """A Word file read back as (box title or "", text) per paragraph, the fields' cells included."""
    document = Document(io.BytesIO(data))
    blocks, title, previous_in_box = [], "", False
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            paragraph = Paragraph(element, document._body)
            boxed = is_in_box(paragraph)
            if boxed and not previous_in_box:
                title = paragraph.text
            blocks.append((title if boxed else "", paragraph.text))
            previous_in_box = boxed
        elif element.tag == qn("w:tbl"):
            previous_in_box = False
            blocks.extend(("", cell_paragraph.text) for row in Table(element, document._body).rows
                          for cell in row.cells for cell_paragraph in cell.paragraphs)
    return blocks


def markdown_blocks(text: str) -> list[tuple[str, str]]:
    """A Markdown file as (box title or "", text) per block: a quote whose first line is a bold title is a box."""
    blocks = []
    for block in re.split(r"\n[ \t]*\n", text):
        title = re.match(r"^> \*\*(.+?)\*\*\s*$", block.split("\n")[0])
        blocks.append((title.group(1) if title else "", block))
    return blocks


def markdown_left(data: bytes) -> list[str]:
    """The paragraphs of a Word file that still hold Markdown syntax."""
    return [text for _, text in docx_blocks(data) if MARKDOWN_LEFT.search(text)]


def page_title(source: str) -> str:
    found = source_page_title(source)
    return found[0] if found else ""


# ---- Steps of the build (medvirkning.pipeline calls them in order) ----

def add_downloads(files, build) -> None:
    """A Word file and a Markdown file beside each template page, in this language's folder."""
    def url_of(src_path: str, anchor: str) -> str:
        file = files.get_file_from_path(src_path)
        if file is None:
            raise PluginError(f"docs/{src}: lenken til «{src_path}» peker ikke på en side som finnes.")
        url = file.url if file.url.startswith(build.folder) else build.folder + file.url
        return build.config.site_url.rstrip("/") + "/" + url + (f"#{anchor}" if anchor else "")

    titles = box_titles(build)
    pages = template_pages(files)
    for page_file in pages:  # first what is marked in every template, then each template's files
        for kind, text, line in marked_fields(page_file.content_string):
            register(build, kind, text, f"docs/{page_file.src_uri}, linje {line}", scope=page_file.src_uri)
        for kind, text, line in marked_boxes(page_file.content_string, titles):
            register(build, kind, text, f"docs/{page_file.src_uri}, linje {line}")
    for page_file in pages:
        src = page_file.src_uri
        source = page_file.content_string
        prepared = prepared_markdown(source, src, build.strings, url_of)
        docx_src, md_src, md_dest = download_names(src)
        title = page_title(source)
        key = cache.digest(prepared, title, cache.code_version([__file__, MARKS_SOURCE], ["python-docx"]))
        word = cache.cached_bytes(cache.folder(build.site), "word", key, lambda: docx_bytes(prepared, title))
        markdown_file = download_markdown(prepared)
        marked = in_scope(build.state(OwnAdviceState).marked, src)

        def check_files(word=word, markdown_file=markdown_file, marked=marked, src=src, docx_src=docx_src,
                        md_dest=md_dest):
            left = markdown_left(word)
            if left:
                raise PluginError(f"docs/{src}: Word-filen til malen har Markdown som ikke ble gjort om: «{left[0]}». "
                                  "Skriv teksten som vanlig tekst, en liste eller en boks (!!! note \"Tittel\"), "
                                  "eller si fra til en utvikler.")
            check_blocks(docx_blocks(word), marked, build.strings, titles, f"Word-filen {build.folder}{docx_src}")
            check_blocks(markdown_blocks(markdown_file), marked, build.strings, titles,
                         f"Markdown-filen {build.folder}{md_dest}")
        # Reading a Word file back takes time: files that passed these checks are kept (core/known_good.py).
        cache.check_once(cache.folder(build.site), "sjekker", cache.digest(
            "nedlastinger", build.site.inputs.code, word, markdown_file, repr(marked), repr(sorted(titles.items())),
            build.folder, repr(sorted(build.strings.items()))), check_files)
        files.append(generated_file(build, docx_src, word))
        download = generated_file(build, md_src, markdown_file.encode("utf-8"))
        download.dest_uri = build.folder + md_dest  # a .md name, but a file to download, not a page
        for cached in ("url", "abs_dest_path"):
            download.__dict__.pop(cached, None)
        files.append(download)


def render_markdown(markdown: str, page, build) -> str:
    if not MARKER.search(markdown):
        return markdown
    docx_src, md_src, _ = download_names(page.file.src_uri)
    folder = posixpath.dirname(page.file.src_uri)
    notice = notice_markdown(build.strings, posixpath.relpath(docx_src, folder), posixpath.relpath(md_src, folder))
    return mark_fields(MARKER.sub(lambda _: notice, markdown), lambda kind: html_mark(kind, build))
