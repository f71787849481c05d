"""Front matter: the `---` block at the top of a page must be valid and complete.

MkDocs silently ignores front matter it cannot read and publishes it as text; this hook
stops the build instead, naming the file and line in plain Norwegian.
"""
from __future__ import annotations

import re

import yaml
from mkdocs.exceptions import PluginError

from .data_files import problem_line

REQUIRED = ("description",)
KNOWN = {"description", "title", "hide", "template", "search", "status", "icon", "oversatt_fra"}
_BLOCK = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*\n", re.S)


class FrontMatterError(PluginError):
    pass


def check_front_matter(source: str, src_path: str) -> None:
    """Raise FrontMatterError with a plain message if the page's front matter is broken."""
    if not source.startswith("---"):
        raise FrontMatterError(
            f"{src_path}, linje 1: siden mangler metadata øverst. Start filen med\n"
            "---\ndescription: Én setning om hva siden handler om.\n---")
    block = _BLOCK.match(source)
    if block is None:
        raise FrontMatterError(
            f"{src_path}, linje 1: metadata øverst på siden er ikke avsluttet. Legg til en linje med --- etter den.")
    try:
        data = yaml.safe_load(block.group(1) or "")
    except yaml.YAMLError as error:
        raise FrontMatterError(  # the block starts on the file's second line
            f"{src_path}{problem_line(error, first_line=2)}: metadata øverst på siden kan ikke leses. "
            "Hver linje skal være «navn: verdi». Har verdien et kolon, sett den i anførselstegn.") from None
    if not isinstance(data, dict):
        raise FrontMatterError(f"{src_path}, linje 2: metadata øverst på siden skal være linjer med «navn: verdi».")
    for key in REQUIRED:
        if not data.get(key):
            raise FrontMatterError(
                f"{src_path}: metadata øverst på siden mangler «{key}: …», én setning om hva siden handler om.")
    unknown = sorted(set(data) - KNOWN)
    if unknown:
        raise FrontMatterError(
            f"{src_path}: ukjent felt i metadata: {', '.join(unknown)}. Kjente felt er {', '.join(sorted(KNOWN))}.")


def check(markdown: str, page, build) -> str:
    if page.file.generated_by is None and page.file.abs_src_path:
        check_front_matter(page.file.content_string, f"docs/{page.file.src_uri}")
    return markdown
