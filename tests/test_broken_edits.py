"""The catalogue of broken edits: each folder under tests/broken_edits/ is one edit an editor
might make. Each is built strictly, in-process, exactly as `python -m medvirkning build` (CI and
`make build`) builds the site, and must

- stop the build with the Norwegian message in `melding.txt` (file, line, what to do), word for
  word, and no Python traceback; or
- without it: build (the edit is right, or the build cleans it), and with `ikke-publisert.txt`
  no built page may contain that text, and with `publisert.txt` a checklist page must hold it.

A case folder holds `docs/…` (put over a one-page site), optionally `data/…` (over the real data
files, with no checklists, registered ids, journeys, search words or quotes unless given),
`oppsett.yml` (merged into mkdocs.yml) and `mkdocs-start.txt` (raw lines put first in mkdocs.yml):
the project fixture of every test, helpers.make_project, puts them together.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import make_project
from medvirkning.core.strict_build import run

CASES = Path(__file__).parent / "broken_edits"
BASE_PAGE = "---\ndescription: Forsiden.\n---\n\n# Forside\n\nTekst om utvalget.\n"


def case_names() -> list[str]:
    return sorted(p.name for p in CASES.iterdir() if p.is_dir())


def project_for(case: Path, target: Path) -> Path:
    """The one-page site with the case's files and settings over it (helpers.make_project)."""
    return make_project(target, {"index.md": BASE_PAGE}, languages=["nn", "en"], case=case)


@pytest.mark.parametrize("name", case_names())
def test_broken_edit(name, tmp_path, capsys):
    case = CASES / name
    config_file = project_for(case, tmp_path / "project")
    result = run(config_file, tmp_path / "site")
    output = capsys.readouterr()
    everything = "\n".join(result.messages) + output.out + output.err
    assert "Traceback" not in everything
    if name.startswith("oversettelse-"):  # a translation is never a page of its own in the menu
        assert "står ikke i menyen" not in everything, everything
    expected_file = case / "melding.txt"
    if expected_file.exists():
        expected = expected_file.read_text(encoding="utf-8").strip()
        # «{linje:tekst}»: the line of the written mkdocs.yml that holds the text (its layout
        # follows the project's mkdocs.yml, so the number is looked up, not written down).
        config_lines = config_file.read_text(encoding="utf-8").splitlines()
        expected = re.sub(r"\{linje:([^}]+)\}", lambda m: str(next(
            n for n, line in enumerate(config_lines, start=1) if m.group(1) in line)), expected)
        assert not result.ok, f"{name}: bygget gikk gjennom, men skulle stoppe med:\n{expected}"
        lines = [line.strip() for m in result.messages for line in (m, *m.splitlines())]
        assert expected in lines, (
            f"{name}: fikk ikke meldingen\n{expected}\n\nMeldingene var:\n" + "\n".join(result.messages))
    else:  # an edit that is right, or that the build cleans
        assert result.ok, f"{name}: bygget stoppet:\n" + "\n".join(result.messages)
        hidden_file = case / "ikke-publisert.txt"
        hidden = hidden_file.read_text(encoding="utf-8").strip() if hidden_file.exists() else None
        for page in (tmp_path / "site").rglob("*.html") if hidden else ():
            assert hidden not in page.read_text(encoding="utf-8"), f"{name}: «{hidden}» er publisert i {page}"
        shown_file = case / "publisert.txt"
        if shown_file.exists():  # e.g. a checklist item readers see must be on its checklist page
            shown = shown_file.read_text(encoding="utf-8").strip()
            checklist_pages = list((tmp_path / "site" / "sjekklister").rglob("index.html"))
            assert any(shown in p.read_text(encoding="utf-8") for p in checklist_pages), f"{name}: «{shown}» mangler"


def test_catalogue_covers_every_class():
    """At least one broken edit per class of the issue (the folder name starts with the class)."""
    classes = {name.split("-")[0] for name in case_names()}
    assert {"sjekkliste", "include", "id", "metadata", "innhold", "lenketekst", "tabell", "forkortelse",
            "boks", "tegnsett", "data", "oppsett", "videresending", "anker", "usynlig",
            "lim", "struktur", "html", "personopplysning", "oversettelse", "tekst", "melding"} <= classes


# What an editor is told to do: an instruction (or «Mente du …?»), not only what is wrong.
INSTRUCTION = re.compile(
    r"\b(skriv|legg|sjekk|bruk|ta|gi|rett|slett|lagre|flytt|kjør|sett|lag|del|bytt|behold|oversett|lenk|velg|"
    r"lukk|endre|mente du)\b", re.I)


@pytest.mark.parametrize("name", [n for n in case_names() if (CASES / n / "melding.txt").exists()])
def test_every_message_says_what_to_do(name):
    message = (CASES / name / "melding.txt").read_text(encoding="utf-8").strip()
    what_is_wrong = message.split(": ", 1)[-1]  # after the file and line
    assert INSTRUCTION.search(what_is_wrong), f"{name}: meldingen sier ikke hva redaktøren skal gjøre:\n{message}"
