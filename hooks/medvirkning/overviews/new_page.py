"""`make ny-side`: a new page in the right place, with what the build asks of it, in the menu.

    python -m medvirkning ny-side veiviser/navn "Tittel" --kilder referat-innlandet,ffo [--meny "Utvalget i praksis"] [--organisasjon]

The page gets front matter (description, sources, and for an organisation its row in the
organisations table), a «Kort fortalt» box and a source section from data/ny-side.md, and a line
in mkdocs.yml's menu under the section named. The overview lists are made from the menu and the
pages' front matter, so the page is in them at once. What is left for the editor is printed.
"""
from __future__ import annotations

import argparse
import re
from pathlib import Path

from ..core.source import with_front_matter
from .sources import NEEDS_SOURCES, SOURCES_FILE, load

TEMPLATE = "data/ny-side.md"
NAME = re.compile(r"^[a-z0-9-]+(/[a-z0-9-]+)*$")
ORGANISATIONS_SECTION = "Organisasjonene"


class NewPageError(Exception):
    """A plain Norwegian reason the page was not made."""


def nav_sections(config_text: str) -> dict[str, tuple[int, int | None]]:
    """Each menu section in mkdocs.yml: (its line index, the indent of its items)."""
    lines = config_text.splitlines()
    found = {}
    in_nav = False
    for index, line in enumerate(lines):
        if line.startswith("nav:"):
            in_nav = True
            continue
        if in_nav and line and not line.startswith(" "):
            break
        section = re.match(r"^(\s*)- ([^:]+):\s*$", line) if in_nav else None
        if section:
            child = next((len(x) - len(x.lstrip()) for x in lines[index + 1:] if x.strip()), None)
            found[section.group(2).strip()] = (index, child)
    return found


def add_to_nav(config_text: str, section: str, entry: str) -> str:
    """mkdocs.yml with `- entry` as the last item of the menu section `section`."""
    sections = nav_sections(config_text)
    if section not in sections:
        raise NewPageError(f"menyen i mkdocs.yml har ingen del som heter «{section}». "
                           f"Delene heter {', '.join(f'«{name}»' for name in sections)}.")
    lines = config_text.splitlines(keepends=True)
    start, indent = sections[section]
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) >= indent):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    lines.insert(end, " " * indent + f"- {entry}\n")
    return "".join(lines)


def make_page(root: Path, name: str, title: str, sources: list[str], section: str | None,
              organisation: bool) -> list[str]:
    """Write the page and its menu line; return what the editor still has to do."""
    name = name.removeprefix("docs/").removesuffix(".md")
    if not NAME.match(name):
        raise NewPageError(f"«{name}» kan ikke brukes som filnavn. Bruk små bokstaver a–z, tall og bindestrek, "
                           "uten æ, ø, å og mellomrom, for eksempel veiviser/ny-side.")
    path = root / "docs" / f"{name}.md"
    if path.exists():
        raise NewPageError(f"docs/{name}.md finnes fra før. Velg et annet navn.")
    if not path.parent.is_dir():
        raise NewPageError(f"mappen docs/{Path(name).parent.as_posix()} finnes ikke. Sider ligger i veileder/, "
                           "strategi/ eller veiviser/.")
    known = {source.id for source in load(root)}
    if NEEDS_SOURCES.match(f"{name}.md") and not sources:
        raise NewPageError(f"si hvilke kilder siden bygger på med --kilder (make ny-side … KILDER=…). "
                           f"Kildene i {SOURCES_FILE}: {', '.join(sorted(known))}.")
    unknown = [source for source in sources if source not in known]
    if unknown:
        raise NewPageError(f"kilden «{unknown[0]}» finnes ikke i {SOURCES_FILE}. Bruk en av "
                           f"{', '.join(sorted(known))}.")
    section = ORGANISATIONS_SECTION if organisation and not section else section
    if not section:
        raise NewPageError("si hvor i menyen siden skal stå med --meny (make ny-side … MENY=\"Utvalget i praksis\").")
    meta: dict = {"description": "Skriv én setning om hva siden handler om. Den vises i søkeresultater."}
    if sources:
        meta["kilder"] = sources
    if organisation:
        meta["organisasjon"] = {"hvem": "Skriv kort hvem organisasjonen er.",
                                "viktigst": "Skriv hva som er viktigst for dem i brukermedvirkning."}
    body = (root / TEMPLATE).read_text(encoding="utf-8").replace("{tittel}", title)
    config = root / "mkdocs.yml"
    new_config = add_to_nav(config.read_text(encoding="utf-8"), section, f"{name}.md")
    path.write_text(with_front_matter(meta, "\n" + body), encoding="utf-8")
    config.write_text(new_config, encoding="utf-8")
    todo = [f"docs/{name}.md er laget, og siden står i menyen under «{section}» i mkdocs.yml.",
            "Skriv teksten: bytt ut alle «Skriv …» i filen, også «description» øverst."]
    if organisation:
        todo.append("Fyll inn «hvem» og «viktigst» under «organisasjon»: det er raden i tabellen over organisasjonene.")
    todo += [f"Oversettelser: lag docs/{name}.nn.md og docs/{name}.en.md når teksten er klar, og kjør "
             f"`make oversatt FIL=docs/{name}.nn.md` (og .en.md) når de er ferdige. Til da får leserne bokmålssiden.",
             "Se siden med `make serve`, og send endringen som et forslag."]
    return todo


def main(argv: list[str], root: Path = Path(".")) -> int:
    parser = argparse.ArgumentParser(prog="python -m medvirkning ny-side")
    parser.add_argument("side")
    parser.add_argument("tittel")
    parser.add_argument("--kilder", default="")
    parser.add_argument("--meny")
    parser.add_argument("--organisasjon", action="store_true")
    args = parser.parse_args(argv)
    try:
        todo = make_page(root, args.side, args.tittel, [s for s in args.kilder.replace(" ", "").split(",") if s],
                         args.meny, args.organisasjon)
    except NewPageError as error:
        print(f"Siden ble ikke laget: {error}")
        return 1
    print("\n".join(f"- {line}" for line in todo))
    return 0
