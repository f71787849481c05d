"""What readers would not get: content the site's own rules would block or hide.

- Every page and shared text is UTF-8 (a file saved as Windows-1252 from Word or Notepad is
  named, with its line, instead of a Python traceback).
- An <iframe>, image, video or sound from another site is blocked by the content security
  policy (readers see an empty frame or a broken image): the build names the address.
- HTML comments are taken out of the published page (the source is public on GitHub, but the
  page's source in the browser need not carry notes, names or numbers).
- A box (!!! type) must be one of the theme's types; «!!! advarsel» would show as a plain note.
- The page title in the front matter goes into the menu and the tab, so its abbreviations must
  be in the glossary like those in the text.
"""
from __future__ import annotations

import re

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from ..security.content_security import is_external
from ..core.data_files import DataFileError, decode
from ..glossary.glossary import ALLOWLIST_FILE, GLOSSARY_FILE, unknown_abbreviations
from ..glossary.state import GlossaryData, GlossaryState
from ..core.html_tree import as_tree, shared_tree
from ..core.source import docs_path, line_with, where

log = get_plugin_logger("innhold")

EMBEDS = {"iframe": "src", "img": "src", "video": "src", "audio": "src", "source": "src", "embed": "src",
          "object": "data", "track": "src"}
_EMBED_SELECTOR = ", ".join(EMBEDS)
# A box is <div class="admonition TYPE"> (!!!) or <details class="TYPE"> (???); its type is the class.
_BOX_SELECTOR = 'div[class^="admonition"], details[class]'
_BOX_TYPE = re.compile(r"\s*(?P<type>[\w-]+)")  # on the class attribute's value
# Material's admonition types (and their aliases), and ours.
BOX_TYPES = {"note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success", "check",
             "done", "question", "help", "faq", "warning", "caution", "attention", "failure", "fail", "missing",
             "danger", "error", "bug", "example", "quote", "cite", "sjekkliste"}


class ContentError(PluginError):
    pass


def foreign_embeds(html, site_url: str | None) -> list[tuple[str, str]]:
    """(element, address) of everything the page (its text or its parse) would load from another site."""
    found = []
    for element in as_tree(html).css(_EMBED_SELECTOR):
        name, attrs = element.tag, element.attributes
        address = (attrs.get(EMBEDS[name]) or "").strip()
        if address and is_external(address, site_url):
            found.append((name, address))
        for candidate in (attrs.get("srcset") or "").split(","):
            address = candidate.strip().split(" ")[0]
            if address and is_external(address, site_url):
                found.append((name, address))
    return found


def box_types(tree) -> list[str]:
    """The type of every box (admonition) on the page, in order."""
    types = []
    for box in tree.css(_BOX_SELECTOR):
        value = box.attributes.get("class") or ""
        match = _BOX_TYPE.match(value.removeprefix("admonition") if box.tag == "div" else value)
        if match:
            types.append(match.group("type"))
    return types


def strip_comments(html: str, tree) -> str:
    """The text without the comments lexbor found in it, each taken out where it is written; the
    tree loses them too. A comment the text does not hold as <!--…--> (an unclosed one) means
    the text is written anew from the tree."""
    nodes = tree.root.traverse(include_text=False) if tree.root is not None else ()
    comments = [node for node in nodes if node.is_comment_node]
    exact = True
    for comment in comments:
        written = f"<!--{comment.comment_content}-->"
        if written in html:
            html = html.replace(written, "", 1)
        else:
            exact = False
        comment.decompose()
    return html if exact else tree.html


# ---- Steps of the build (medvirkning.pipeline calls them in order) ----

def check_encoding(files, build) -> None:
    """First files step: every page and shared text can be read as UTF-8."""
    for file in files:
        if file.generated_by is None and file.abs_src_path and file.src_uri.endswith(".md"):
            try:
                decode(file.content_bytes, f"docs/{file.src_uri}")
            except DataFileError as error:
                raise ContentError(str(error)) from None


def check_title(markdown: str, page, build) -> str:
    """The front matter's title: its abbreviations must be explained, like the text's."""
    title = page.meta.get("title")
    if page.file.generated_by is None and isinstance(title, str):
        import html as html_lib  # noqa: PLC0415
        for word in unknown_abbreviations(html_lib.escape(title), set(build.state(GlossaryState).abbreviations),
                                          build.site.state(GlossaryData).allowlist):
            line = line_with(page.file.content_string, "title:", word)
            log.warning(
                f"{where(docs_path(page.file.src_uri), line)}: «{word}» i tittelen "
                f"(title:) ser ut som en forkortelse, men står ikke i ordlista. Tittelen vises i menyen og i "
                f"fanen i nettleseren. Legg forkortelsen til i {GLOSSARY_FILE}, skriv den helt ut i tittelen, "
                f"eller legg ordet i {ALLOWLIST_FILE} hvis det ikke er en forkortelse.")
    return markdown


def check_content(html: str, page, build) -> str:
    """Content that readers would not get: foreign frames and images, unknown box types."""
    tree = shared_tree(build.content, html)
    source = page.file.content_string if page.file.generated_by is None else ""
    page_name = docs_path(page.file.src_uri)
    problems = []
    for name, address in dict.fromkeys(foreign_embeds(tree, build.config.site_url)):
        line = line_with(source, address)
        what = {"iframe": "en innebygd ramme (<iframe>)", "img": "et bilde", "video": "en video",
                "audio": "et lydklipp"}.get(name, f"et <{name}>-element")
        problems.append(
            f"{where(page_name, line)}: siden viser {what} fra et annet nettsted "
            f"({address}). Nettstedet henter ingenting fra andre nettsteder, så leserne ville sett et tomt felt. "
            + ("Lagre bildet i docs/ og vis det derfra, eller skriv en vanlig lenke til det."
               if name == "img" else "Skriv en vanlig lenke til innholdet i stedet, for eksempel «[Filmen om "
               "brukerutvalg](https://…)»."))
    for box in box_types(tree):
        if box not in BOX_TYPES:
            line = line_with(source, f"!!! {box}") or line_with(source, f"??? {box}") or line_with(source, box)
            problems.append(
                f"{where(page_name, line)}: boksen «{box}» finnes ikke. Bruk en av "
                "note, abstract, info, tip, success, question, warning, failure, danger, bug, example, quote "
                "(for eksempel !!! warning \"Pass på\"), eller sjekkliste.")
    for problem in problems:  # warnings, as every page's content problems are (CONTRIBUTING.md, error policy)
        log.warning(problem)
    return html


def remove_comments(html: str, page, build) -> str:
    """HTML comments are notes for editors, never for readers: out of the published page."""
    html = strip_comments(html, shared_tree(build.content, html))
    build.content.html = html
    return html
