"""ProperDocs, the maintained continuation of MkDocs 1.x, builds the site with the same
Norwegian messages: its loggers are named properdocs.*, and build_messages listens to both."""
from __future__ import annotations

import os
import subprocess
import sys

from helpers import make_project

FRONT = "---\ndescription: En side.\n---\n\n"
PAGES = {
    "index.md": FRONT + "# Forside\n\nTekst.\n\nSe [møtene](veiviser/moter.md).\n",
    "agenda.md": FRONT + "# Agenda\n\nSe [agenda](moter.md#agendaen).\n",
    "moter.md": FRONT + "# Møter\n\n## Agenda\n\nVi møtes ofte.\n",
}


def test_properdocs_gives_the_same_norwegian_messages_with_lines(tmp_path):
    config = make_project(tmp_path / "project", PAGES)
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "--config-file", str(config),
         "--site-dir", str(tmp_path / "site")],
        capture_output=True, text=True, cwd=config.parent, timeout=120,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode != 0
    assert "docs/index.md, linje 9: lenken «veiviser/moter.md» peker til en side som ikke finnes." in result.stderr
    assert ("docs/agenda.md, linje 7: lenken «moter.md#agendaen» peker til avsnittet #agendaen på siden moter.md"
            in result.stderr)
    assert "Doc file" not in result.stderr  # nothing left in English


def test_properdocs_builds_a_good_site(tmp_path):
    config = make_project(tmp_path / "project", {**PAGES, "index.md": FRONT + "# Forside\n\nSe [møtene](moter.md).\n",
                                                 "agenda.md": FRONT + "# Agenda\n\nSe [agenda](moter.md#agenda).\n"})
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "--config-file", str(config),
         "--site-dir", str(tmp_path / "site")],
        capture_output=True, text=True, cwd=config.parent, timeout=120,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "agenda" / "index.html").read_text(encoding="utf-8")
    assert 'content="mkdocs-ProperDocs' in page and "Content-Security-Policy" in page
