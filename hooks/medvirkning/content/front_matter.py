"""Front matter: the `---` block at the top of a page must be valid and complete.

MkDocs silently ignores front matter it cannot read and publishes it as text; this hook
stops the build instead, naming the file and line in plain Norwegian.
"""
from __future__ import annotations

import yaml
from mkdocs.exceptions import PluginError

from ..core.data_files import DataFileError, DuplicateKey, convert, load_text, problem_line, schema_messages
from ..core.schemas import FRONT_MATTER
from ..core.source import front_matter

class FrontMatterError(PluginError):
    pass


def check_front_matter(source: str, src_path: str) -> dict:
    """The page's front matter, every value text unless the schema says otherwise; a plain
    FrontMatterError naming file and line if it is broken."""
    if not source.startswith("---"):
        raise FrontMatterError(
            f"{src_path}, linje 1: siden mangler metadata øverst. Start filen med\n"
            "---\ndescription: Én setning om hva siden handler om.\n---")
    block = front_matter(source)
    if block is None:
        raise FrontMatterError(
            f"{src_path}, linje 1: metadata øverst på siden er ikke avsluttet. Legg til en linje med --- etter den.")
    try:
        data, lines = load_text(block.group(1) or "")
    except DuplicateKey as error:  # the block starts on the file's second line
        raise FrontMatterError(
            f"{src_path}, linje {error.line + 1}: «{error.key}» står to ganger i metadata øverst på siden (også på "
            f"linje {error.first + 1}). Slett den ene linjen.") from None
    except yaml.YAMLError as error:
        raise FrontMatterError(  # the block starts on the file's second line
            f"{src_path}{problem_line(error, first_line=2)}: metadata øverst på siden kan ikke leses. "
            "Hver linje skal være «navn: verdi». Har verdien et kolon, sett den i anførselstegn.") from None
    if not isinstance(data, dict):
        raise FrontMatterError(f"{src_path}, linje 2: metadata øverst på siden skal være linjer med «navn: verdi».")
    if not data.get("description"):
        raise FrontMatterError(
            f"{src_path}: metadata øverst på siden mangler «description: …», én setning om hva siden handler om.")
    data = convert(data, FRONT_MATTER)
    messages = schema_messages(data, FRONT_MATTER, lines, src_path, first_line=2)
    if messages:
        raise FrontMatterError("\n".join(f"{m} (metadata øverst på siden)" for m in messages))
    return data


def check(markdown: str, page, build) -> str:
    """Check the front matter, and give the page its values as the schema reads them (so a
    title «NO» stays text, never false)."""
    if page.file.generated_by is None and page.file.abs_src_path:
        try:
            page.meta.update(check_front_matter(page.file.content_string, f"docs/{page.file.src_uri}"))
        except DataFileError as error:
            raise FrontMatterError(str(error)) from None
    return markdown
