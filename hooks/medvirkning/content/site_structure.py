"""The site's structure: file names, addresses, redirects, menu titles, page templates, checks.

MkDocs lets each of these pass in silence: a redirect over a page that still exists replaces
the page; of `maler.md` and `maler/index.md`, which get the same address, one is dropped; a
file name with a space or æ gives an address readers cannot type or read aloud; a menu
section without a title in nn.yml shows bokmål in the nynorsk menu; a redirect without a
target and an unknown page template end in a Python error. And `validation:` in mkdocs.yml
can turn link checks off, so broken links would reach readers. Each is a build error naming
the file and line, except the validation levels, which the build keeps at «warn», as it
keeps `strict`.
"""
from __future__ import annotations

import logging
import os
import re
from pathlib import Path

from jinja2 import TemplateNotFound
from mkdocs.exceptions import PluginError

from ..core.build_messages import line_in_file
from ..core.data_files import read_yaml
from ..core.languages import STRINGS_FOLDER
from ..core.slugs import slugify
from ..core.source import line_with as line_of

NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FOLDERS_OF_OUR_OWN = {"_includes"}  # not published: shared text (exclude_docs)
INDEX_NAMES = ("index", "README")
# The link checks in mkdocs.yml's validation: (a level written at its top goes into both groups),
# each kept at least at «warn» (strict then stops).
VALIDATION = {"nav": ("omitted_files", "not_found", "absolute_links"),
              "links": ("not_found", "anchors", "absolute_links", "unrecognized_links")}


class StructureError(PluginError):
    pass


def name_problems(part: str) -> list[str]:
    """What in one file or folder name (before its first dot) is not a–z, 0–9 and -."""
    problems = []
    if " " in part:
        problems.append("mellomrom")
    if any(c in "æøåÆØÅ" for c in part):
        problems.append("æ, ø eller å")
    if any(c.isupper() for c in part):
        problems.append("store bokstaver")
    if not problems and not NAME.match(part):
        problems.append("tegn som ikke er a–z, 0–9 eller bindestrek")
    return problems


def bad_names(docs_dir: Path) -> list[str]:
    """A message per file or folder under docs/ whose name is not a–z, 0–9 and -."""
    messages = []
    for folder, folders, files in os.walk(docs_dir):
        folders.sort()
        relative = Path(folder).relative_to(docs_dir)
        for name in [*(f for f in folders if f not in FOLDERS_OF_OUR_OWN), *sorted(files)]:
            if name.startswith("."):
                continue
            stem, dot, rest = name.partition(".")
            problems = name_problems(stem)
            if problems:
                better = (slugify(stem) or "side") + dot + rest
                messages.append(
                    f"docs/{(relative / name).as_posix().removeprefix('./')}: navnet «{name}» har tegn som ikke kan stå "
                    f"i en adresse ({'; '.join(problems)}). Navnet blir en del av adressen til siden, så det skal bare "
                    f"ha små bokstaver a–z, tall og bindestrek. Gi filen eller mappen et nytt navn, for eksempel «{better}», "
                    "og rett lenkene og menyen (nav i mkdocs.yml) som viser til den.")
        folders[:] = [f for f in folders if f not in FOLDERS_OF_OUR_OWN and not name_problems(f.partition(".")[0])]
    return messages


def address(src_uri: str, locales: list[str]) -> tuple[str, str]:
    """(language code or "", the page's address) of a Markdown file, as MkDocs and i18n place it."""
    path = src_uri.removesuffix(".md")
    locale = ""
    stem, dot, suffix = path.rpartition(".")
    if dot and suffix in locales:
        path, locale = stem, suffix
    folder, _, name = path.rpartition("/")
    if name in INDEX_NAMES:
        return locale, f"{folder}/" if folder else ""
    return locale, f"{path}/"


def pages_by_address(docs_dir: Path, locales: list[str]) -> dict[tuple[str, str], list[str]]:
    """Every Markdown page under docs/ (not the shared texts) by its (language, address)."""
    found: dict[tuple[str, str], list[str]] = {}
    for path in sorted(docs_dir.rglob("*.md"), key=lambda p: p.as_posix()):
        src_uri = path.relative_to(docs_dir).as_posix()
        if src_uri.split("/", 1)[0] in FOLDERS_OF_OUR_OWN:
            continue
        found.setdefault(address(src_uri, locales), []).append(src_uri)
    return found


def same_address(pages: dict[tuple[str, str], list[str]]) -> list[str]:
    messages = []
    for (_, shown), sources in pages.items():
        if len(sources) > 1:
            files = " og ".join(f"docs/{s}" for s in sources)
            messages.append(
                f"{files} får samme adresse, /{shown}. Bare den ene ville blitt publisert. Flytt teksten inn i den "
                "ene filen og slett den andre, eller gi den ene et annet navn.")
    return messages


def redirect_line(config_file: Path, source: str) -> int | None:
    """The line of `source:` under redirect_maps in mkdocs.yml."""
    try:
        lines = config_file.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    start = next((n for n, line in enumerate(lines) if "redirect_maps" in line), 0)
    return next((n + 1 for n, line in enumerate(lines[start:], start=start)
                 if line.strip().startswith((f"{source}:", f"'{source}':", f'"{source}":'))), None)


def redirect_problems(redirects: dict, pages: dict[tuple[str, str], list[str]], config_file: Path) -> list[str]:
    messages = []
    for source, target in redirects.items():
        line = redirect_line(config_file, str(source))
        where = config_file.name + (f", linje {line}" if line else "")
        if target is None or not str(target).strip():
            messages.append(
                f"{where}: videresendingen fra «{source}» (redirects) sier ikke hvor leserne skal sendes. Skriv "
                f"siden den skal gå til etter kolonet, for eksempel «{source}: veiviser/ny.md», eller slett linjen.")
            continue
        existing = pages.get(("", address(str(source), [])[1]))
        if existing:
            messages.append(
                f"{where}: videresendingen fra «{source}» (redirects) går fra en side som finnes, "
                f"docs/{existing[0]}. Leserne ville blitt sendt videre og aldri sett den siden. Er siden flyttet, "
                "slett den gamle filen. Skal siden bli der den er, slett linjen i redirects.")
    return messages


def menu_titles(nav) -> list[str]:
    """The titles mkdocs.yml's nav gives (sections, and pages named there), in order."""
    titles = []
    for item in nav or []:
        if isinstance(item, dict):
            for title, value in item.items():
                titles.append(str(title))
                if isinstance(value, list):
                    titles.extend(menu_titles(value))
    return titles


def untranslated_menu_titles(nav, root: Path, default: str, locales: list[str], config_file: Path) -> list[str]:
    messages = []
    menus = {locale: read_yaml(root / STRINGS_FOLDER / f"{locale}.yml", {}).get("meny") or {}
             for locale in locales if locale != default}
    for title in dict.fromkeys(menu_titles(nav)):
        missing = [locale for locale, menu in menus.items() if title not in menu]
        if missing:
            line = line_in_file(config_file, f"{title}:")
            files = " og ".join(f"{STRINGS_FOLDER}/{locale}.yml" for locale in missing)
            messages.append(
                f"{config_file.name}" + (f", linje {line}" if line else "") + f": menypunktet «{title}» har ingen "
                f"tittel i {files}, så menyen ville vist bokmål der. Legg til linjen «  {title}: …» med tittelen "
                f"på det språket under «meny:» i {files}.")
    return messages


def keep_validation(config) -> None:
    """Link checks stay on: a level below «warn» in mkdocs.yml is raised to «warn», as strict is kept."""
    for group, names in VALIDATION.items():
        options = config.validation[group]
        for name in names:
            level = options[name]
            if level is not None and level < logging.WARNING:  # relative_to_docs (-1) too: links are relative
                options[name] = logging.WARNING


# ---- Steps of the build (medvirkning.pipeline calls them in order) ----

def check_files(files, build) -> None:
    """Once per build (the default language's): names, addresses, redirects and menu titles."""
    if not build.is_default:
        return
    config = build.config
    config_file = Path(config.config_file_path)
    docs_dir = Path(config.docs_dir)
    pages = pages_by_address(docs_dir, build.locales)
    redirects = config.plugins.get("redirects")
    messages = [*bad_names(docs_dir), *same_address(pages),
                *redirect_problems(dict(redirects.config["redirect_maps"]) if redirects else {}, pages, config_file),
                *untranslated_menu_titles(config.nav, build.site.root, build.default_locale, build.locales,
                                          config_file)]
    if messages:
        raise StructureError("\n".join(messages))


def check_template(markdown: str, page, build) -> str:
    """A page template (template: in the front matter) must be one the theme has."""
    name = page.meta.get("template")
    if page.file.generated_by is None and isinstance(name, str):
        try:
            build.templates.get_template(name)
        except TemplateNotFound:
            line = line_of(page.file.content_string, "template:")
            raise StructureError(
                f"docs/{page.file.src_uri}" + (f", linje {line}" if line else "") + f": malen «{name}» (template:) "
                "finnes ikke. Slett linjen, så får siden den vanlige malen. Malene nettstedet har, ligger i "
                "overrides/.") from None
    return markdown
