"""Golden files for every kind of page the build generates, read from the real built site: a
checklist page, the glossary, a print page, the årshjul figure and a calendar. A change in what
the build writes fails with a readable diff; when the change is meant (a text or data file was
edited), refresh with `.venv/bin/python -m pytest tests/test_golden_pages.py --update-golden`
and review the diff in git, as a reviewer will."""
from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest

from helpers import read_tree

PAGES = Path(__file__).resolve().parent / "golden" / "pages"


def article(site, address: str) -> str:
    return read_tree(site / address / "index.html").css_first("article").html + "\n"


def arshjul_figure(site) -> str:
    return read_tree(site / "veiviser/arshjul/index.html").css_first("figure.mv-arshjul").html + "\n"


def calendar(site) -> str:
    text = (site / "veiviser/arshjul-fire-moter.ics").read_text(encoding="utf-8")
    text = re.sub(r"DTSTAMP:\d{8}T\d{6}Z", "DTSTAMP:(byggets tid)", text)  # the build's time
    return re.sub(r"\b20\d\d(?=\d{4}\b)", "ÅÅÅÅ", text)  # the calendar's year follows the build's date


CASES = {
    "sjekkliste-mote.html": lambda site: article(site, "sjekklister/mote"),
    "ordliste.html": lambda site: article(site, "ordliste"),
    "utskrift-strategi.html": lambda site: article(site, "strategi/utskrift"),
    "arshjul-figur.html": arshjul_figure,
    "arshjul-fire-moter.ics": calendar,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_generated_page_is_as_expected(built_site, name, request):
    actual = CASES[name](built_site)
    path = PAGES / name
    if request.config.getoption("--update-golden"):
        PAGES.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="")
    with open(path, encoding="utf-8", newline="") as file:  # the calendar's lines end in CRLF
        expected = file.read()
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                            f"golden/pages/{name}", "what the build writes now"))
        pytest.fail(f"The generated page «{name}» changed:\n{diff}\n"
                    "If this is meant, run pytest with --update-golden and review the diff.", pytrace=False)
