"""What an editor reads when the build stops (`make build`, CI): Norwegian lines only, each
message once however many languages are built, then the list of what to fix."""
from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT
from medvirkning.core.build_messages import plain_progress
from test_broken_edits import CASES, project_for

ENGLISH = ("Building", "Cleaning site directory", "lunr.js", "Error reading page", "Error building page",
           "Aborted with", "Documentation built", "documentation to directory")


def test_the_build_prints_each_message_once_and_no_english_line(tmp_path):
    case = CASES / "melding-en-gang-for-alle-sprak"
    config = project_for(case, tmp_path / "project")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "medvirkning", "build", str(config), str(tmp_path / "site")],
                            capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 1
    expected = (case / "melding.txt").read_text(encoding="utf-8").strip()
    printed = result.stdout.splitlines()
    assert sum(expected in line for line in printed) == 1, result.stdout  # nb and nn both read the page
    summary = result.stderr.splitlines()
    assert summary[-2:] == ["Bygget stoppet. 1 ting må rettes:", f"- {expected}"], result.stderr
    for line in printed + summary:
        assert not any(english in line for english in ENGLISH), line
    assert "Bygger språket nn i" in result.stdout  # the progress lines are there, in Norwegian


def test_progress_lines_are_told_in_norwegian_or_left_out():
    assert plain_progress("Building documentation to directory: /tmp/site") == "Bygger nettstedet i /tmp/site."
    assert plain_progress("mkdocs_static_i18n: Building 'nn' documentation to directory: /tmp/site/nn") == (
        "Bygger språket nn i /tmp/site/nn.")
    assert plain_progress("Cleaning site directory") is None
    assert plain_progress("Error reading page 'moter.md':\ndocs/moter.md, linje 1: feil.") == "docs/moter.md, linje 1: feil."
    assert plain_progress("docs/moter.md, linje 1: feil.") == "docs/moter.md, linje 1: feil."
