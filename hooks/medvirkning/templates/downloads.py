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
  of the guidebook or the strategy that explains it.
"""
from __future__ import annotations

import io
import posixpath
import re

import markdown as python_markdown
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from mkdocs.exceptions import PluginError

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..core.html_tree import attribute, children, classes, parse_html
from ..core.languages import generated_file
from ..core.markers import marker

MARKER = marker("mal")
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
ATTRIBUTES = re.compile(r"^\{:?[ \t]*[.#][^}\n]*\}[ \t]*\n?", re.M)  # attr_list on a line of its own
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)(\{[^}]*\})?")
HEADING_ID = re.compile(r"[ \t]*\{#[^}\n]*\}[ \t]*$", re.M)
FIELD = "mv-felt"
LARGE_FIELD = "mv-felt--stort"
STYLES = ("Title", "Heading 1", "Heading 2", "Heading 3", "Intense Quote", "List Bullet", "List Number")  # Word's own


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


def prepared_markdown(source: str, src_uri: str, strings: dict[str, str], url_of) -> str:
    """The template read outside the site: no front matter, the notice as a quote, full addresses."""
    text = FRONT_MATTER.sub("", source)
    text = MARKER.sub(lambda _: f"> {strings['mal_merknad_tittel']}. {strings['mal_merknad']}\n\n", text)
    return absolute_links(HEADING_ID.sub("", text), src_uri, url_of)


def download_markdown(prepared: str) -> str:
    """The template as a Markdown file to edit: without the site's field and source classes."""
    return re.sub(r"\n{3,}", "\n\n", ATTRIBUTES.sub("", prepared)).strip() + "\n"


def to_html(markdown_text: str) -> LexborHTMLParser:
    return parse_html(python_markdown.markdown(markdown_text, extensions=["attr_list", "sane_lists"]))


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


def writing_box(document, lines: int) -> None:
    """A one-cell table with borders: room to write, on paper and in Word."""
    table = document.add_table(rows=1, cols=1)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right"):
        border = OxmlElement(f"w:{side}")
        for name, value in (("val", "single"), ("sz", "6"), ("space", "0"), ("color", "000000")):
            border.set(qn(f"w:{name}"), value)
        borders.append(border)
    table._tbl.tblPr.append(borders)
    cell = table.cell(0, 0)
    cell.paragraphs[0].add_run("")
    for _ in range(lines - 1):
        cell.add_paragraph("")
    document.add_paragraph("")


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
        elif element.tag == "p":
            paragraph = document.add_paragraph()
            add_runs(paragraph, element)
        elif element.tag == "blockquote":
            for inner in element.css("p"):
                paragraph = styled_paragraph(document, style_ids, "Intense Quote")
                add_runs(paragraph, inner)
        elif element.tag in ("ul", "ol"):
            style = "List Bullet" if element.tag == "ul" else "List Number"
            for item in (c for c in children(element) if c.is_element_node and c.tag == "li"):
                add_runs(styled_paragraph(document, style_ids, style), item)
        if element.tag == "p" and FIELD in classes(element):
            writing_box(document, 6 if LARGE_FIELD in classes(element) else 2)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def page_title(source: str) -> str:
    match = re.search(r"^# (.+?)\s*$", FRONT_MATTER.sub("", source), re.M)
    return HEADING_ID.sub("", match.group(1)) if match else ""


# ---- Steps of the build (medvirkning.pipeline calls them in order) ----

def add_downloads(files, build) -> None:
    """A Word file and a Markdown file beside each template page, in this language's folder."""
    def url_of(src_path: str, anchor: str) -> str:
        file = files.get_file_from_path(src_path)
        if file is None:
            raise PluginError(f"docs/{src}: lenken til «{src_path}» peker ikke på en side som finnes.")
        url = file.url if file.url.startswith(build.folder) else build.folder + file.url
        return build.config.site_url.rstrip("/") + "/" + url + (f"#{anchor}" if anchor else "")

    for page_file in template_pages(files):
        src = page_file.src_uri
        prepared = prepared_markdown(page_file.content_string, src, build.strings, url_of)
        docx_src, md_src, md_dest = download_names(src)
        files.append(generated_file(build, docx_src, docx_bytes(prepared, page_title(page_file.content_string))))
        download = generated_file(build, md_src, download_markdown(prepared).encode("utf-8"))
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
    return MARKER.sub(lambda _: notice, markdown)
