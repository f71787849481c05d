"""«Kort fortalt» is easy to read (issue 22, point 8): every box at LIX 30 or less in bokmål and
nynorsk; a heavier box stops the build with its file and line; the report lists each box's LIX."""
from __future__ import annotations

import json
import re

import pytest

from helpers import read_tree
from medvirkning.accessibility.summaries import SUMMARY_LIX_MAX, summary_lix
from medvirkning.core.html_tree import parse_html

FRONT = "---\ndescription: En side.\n---\n\n"


@pytest.mark.parametrize("folder", ["", "nn/"])
def test_every_box_is_easy_to_read_and_in_the_report(built_site, folder):
    report = json.loads((built_site / folder / "tilgjengelighet.json").read_text(encoding="utf-8"))
    boxes = [page for page in report["pages"] if page["summary_lix"] is not None]
    assert len(boxes) >= 40
    heavy = [(page["url"], page["summary_lix"]) for page in boxes if round(page["summary_lix"]) > SUMMARY_LIX_MAX]
    assert not heavy
    table = read_tree(built_site / folder / "tilgjengelighet" / "rapport" / "index.html").css_first("table")
    assert "«Kort fortalt»" in table.css_first("thead").text()


def test_the_box_is_measured_without_its_title():
    html = ('<div class="admonition abstract"><p class="admonition-title">Kort fortalt</p>'
            "<p>Vi møtes fire ganger i året. Alle kan si hva de mener.</p></div><p>Organisasjonene samarbeider.</p>")
    assert summary_lix(parse_html(html), "Kort fortalt") == 12 / 2  # 12 words, 2 sentences, no long words
    assert summary_lix(parse_html("<p>Ingen boks.</p>"), "Kort fortalt") is None


def test_a_heavy_box_stops_the_build_with_file_and_line(fixture_site):
    heavy = ('!!! abstract "Kort fortalt"\n\n'
             "    Brukermedvirkningsarbeidet forutsetter organisasjonenes systematiske deltakelse i tjenesteutviklingen.\n\n")
    result = fixture_site({"index.md": FRONT + "# Forside\n\n" + heavy + "Vi møtes. " * 10 + "\n"})
    assert result.returncode != 0
    assert re.search(r"docs/index\.md, linje 7: «Kort fortalt» er for tung å lese \(LIX \d+, grensen er 30\)\.",
                     result.stderr), result.stderr


def test_an_easy_box_passes(fixture_site):
    easy = '!!! abstract "Kort fortalt"\n\n    Vi møtes fire ganger i året. Alle kan si hva de mener.\n\n'
    result = fixture_site({"index.md": FRONT + "# Forside\n\n" + easy + "Vi møtes. " * 10 + "\n"})
    assert result.returncode == 0, result.stderr
