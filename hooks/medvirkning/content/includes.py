"""Shared text: `{!_includes/….md!}` lines, checked before markdown-include reads them.

markdown-include prints a missing file to stdout and leaves the text out, so the strict build
never hears of it, and two files that include each other make it loop until Python gives up.
This step runs first, on every page: each include must exist (and be UTF-8), and no include
may lead back to itself. docs/_includes/ is not published, so a link into it is a dead link.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from ..core.data_files import DataFileError, decode
from ..core.source import INCLUDE, docs_path, fenced_lines, includes, line_number, where

INCLUDES_FOLDER = "_includes/"
LINK_INTO_INCLUDES = re.compile(r"""(?:\]\(|\]:\s*|href=["'])(?:\./|\.\./)*(?P<target>_includes/[^)\s"'#]*)""")


class IncludeError(PluginError):
    pass


def includes_in_code(text: str) -> list[tuple[int, str]]:
    """(line, target) of each include written inside code (`…` or a code block): markdown-include
    sets the text in all the same, so an example of the syntax shows another text to readers."""
    found = []
    for number, line, fence in fenced_lines(text.splitlines()):
        for match in INCLUDE.finditer(line):
            if fence is not None or line[:match.start()].count("`") % 2 == 1:
                found.append((number, match.group(1)))
    return found


def check_includes(text: str, name: str, base: Path, chain: tuple[str, ...] = ()) -> None:
    """Every include in `text` (the file `name`) exists and does not lead back to itself."""
    for line, target in includes_in_code(text):
        raise IncludeError(
            f"{where(name, line)}: «{{!{target}!}}» står i kode (mellom `-tegn eller i en kodeblokk), men teksten "
            f"settes inn likevel, og leserne ser den i stedet for eksempelet. Skal linjen vise hvordan man skriver "
            f"det, skriv <code>{{&#33;{target}!}}</code> uten `-tegn. Skal teksten settes inn, ta bort `-tegnene.")
    for line, target in includes(text):
        path = Path(os.path.normpath(base / os.path.expanduser(target)))
        shown = f"docs/{target}" if not target.startswith("..") else target.replace("../", "", 1)
        if not path.is_file():
            raise IncludeError(
                f"{where(name, line)}: teksten «{{!{target}!}}» skal settes inn her, men filen {shown} finnes "
                f"ikke. Sjekk filnavnet; tekstene som kan settes inn, ligger i docs/{INCLUDES_FOLDER}.")
        if str(path) in chain:
            loop = " → ".join([*(Path(c).name for c in chain[chain.index(str(path)):]), path.name])
            raise IncludeError(
                f"{where(name, line)}: «{{!{target}!}}» setter inn en tekst som setter inn seg selv igjen "
                f"({loop}). Ta bort en av linjene med {{!…!}}, så teksten ikke går i ring.")
        try:
            inner = decode(path.read_bytes(), shown)
        except DataFileError as error:
            raise IncludeError(str(error)) from None
        check_includes(inner, shown, base, (*chain, str(path)))


def links_into_includes(text: str) -> list[tuple[int, str]]:
    """(line, target) of every link to a file in docs/_includes/, which is never published."""
    return [(line_number(text, m.start()), m.group("target")) for m in LINK_INTO_INCLUDES.finditer(text)]


# ---- Steps of the build (medvirkning.pipeline calls them in order) ----

def check_pages(files, build) -> None:
    """Files step, before anything reads a page through Markdown (checklists do)."""
    docs = Path(build.config.docs_dir)
    base = Path(build.config.mdx_configs.get("markdown_include.include", {}).get("base_path", docs))
    for file in files.documentation_pages():
        if file.generated_by is None and file.abs_src_path:
            source = file.content_string
            check_includes(source, docs_path(file.src_uri), base, (os.path.normpath(file.abs_src_path),))


def check_links(markdown: str, page, build) -> str:
    if INCLUDES_FOLDER not in markdown:
        return markdown
    for line, target in links_into_includes(page.file.content_string):
        raise IncludeError(
            f"{where(docs_path(page.file.src_uri), line)}: lenken går til {target}, men tekstene i "
            f"docs/{INCLUDES_FOLDER} publiseres ikke som egne sider, så lenken ville ikke virket. "
            f"Sett inn teksten med {{!{target}!}} på en egen linje, eller lenk til en side der teksten står.")
    return markdown
