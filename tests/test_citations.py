"""Citable measures and principles (issue 22, point 5): under each measure's and principle's plain
heading, the source's own words (verbatim, lang="nb" in the translations) and a ready citation that
is text without JavaScript; the «Kopier henvisning» button is a labelled <button> that the script
shows (hooks/medvirkning/citations/, data/sitater.yml)."""
from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import pytest
import yaml

from helpers import ROOT, read_tree, strings
from medvirkning.citations import citations

SEEDS = ROOT.parent / "shared" / "seeds"
LANGUAGES = {"": "nb", "nn/": "nn", "en/": "en"}
SITE_URL = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\ntheme:")[0])["site_url"]


def flat(text: str) -> str:
    """The text as one line, without the extraction's Markdown bold marks."""
    return " ".join(text.replace("*", "").split())


def quotes() -> list[citations.Quote]:
    return citations.load(ROOT)


# What was checked against the sources: a digest of each quote's words, so that a clone of the
# repository alone (no shared/seeds beside it) still fails when a quote is changed unchecked.
# Written anew with the sources present: PYTHONPATH=hooks:tests:tools .venv/bin/python tests/test_citations.py
CHECKED = ROOT / "tests" / "sitater-kontrollert.yml"


def digest(text: str) -> str:
    return hashlib.sha256(flat(text).encode("utf-8")).hexdigest()[:16]


@pytest.mark.parametrize("quote", quotes(), ids=lambda q: q.section)
def test_each_quote_is_the_sources_own_words(quote):
    if SEEDS.exists():
        source = SEEDS / quote.source
        assert flat(quote.text) in flat(source.read_text(encoding="utf-8")), (
            f"data/sitater.yml: sitatet til «{quote.section}» står ikke ordrett i {quote.source}.")
    checked = yaml.safe_load(CHECKED.read_text(encoding="utf-8")) or {}
    assert checked.get(f"{quote.page}#{quote.section}") == digest(quote.text), (
        f"data/sitater.yml: sitatet til «{quote.section}» er ikke sjekket mot kilden. Kjør "
        "`PYTHONPATH=hooks:tests:tools .venv/bin/python tests/test_citations.py` med kildene (shared/seeds) ved siden av repoet.")


def headings(page: Path, pattern: str) -> list[str]:
    return re.findall(rf"^#{{2,3}} .*\{{#({pattern})\}}\s*$", page.read_text(encoding="utf-8"), re.M)


def test_every_measure_and_principle_has_a_quote():
    quoted = {(q.page, q.section) for q in quotes()}
    wanted = {(f"strategi/{page.name}", section) for page in sorted((ROOT / "docs" / "strategi").glob("*.md"))
              if page.name.count(".") == 1 for section in headings(page, r"tiltak-[0-9-]+")}
    wanted |= {("veileder/prinsippene.md", section)
               for section in headings(ROOT / "docs" / "veileder" / "prinsippene.md", r"[a-z-]+")
               if section in {"start-til-mal", "erfaringskompetanse", "kultur"}}
    assert len(wanted) == 49 + 3
    assert wanted <= quoted, sorted(wanted - quoted)


@pytest.mark.parametrize("folder", LANGUAGES)
def test_quote_and_citation_under_each_heading_in_every_language(built_site, folder):
    locale = LANGUAGES[folder]
    words = strings(locale)
    by_page: dict[str, list[citations.Quote]] = {}
    for quote in quotes():
        by_page.setdefault(quote.page, []).append(quote)
    for page, page_quotes in by_page.items():
        url = f"{folder}{page.removesuffix('.md')}/"
        tree = read_tree(built_site / url / "index.html")
        for quote in page_quotes:
            heading = tree.css_first(f"#{quote.section}")
            box = heading.next
            while box is not None and box.tag == "-text":
                box = box.next
            assert box is not None and "mv-citation" in (box.attributes.get("class") or ""), (url, quote.section)
            blockquote = box.css_first("blockquote")
            assert " ".join(blockquote.text().split()) == quote.text
            assert blockquote.attributes.get("lang") == (None if locale == "nb" else "nb")
            citation = " ".join(box.css_first(".mv-citation__text").text().split())
            address = f"{SITE_URL}{url}#{quote.section}"
            part = words[f"henvisning_{quote.kind}"].format(nummer=quote.number)
            assert quote.title in citation and part in citation and citation.endswith(address), citation
            assert words[f"henvisning_merknad_{quote.document}"] in citation  # the site's own number, marked
            assert "?" not in address
            button = box.css_first("button")
            assert button.attributes.get("type") == "button" and "hidden" in button.attributes
            assert " ".join(button.text().split()) == f"{words['henvisning_kopier']} ({part})"


def test_a_quote_whose_heading_is_gone_stops_the_build(fixture_site):
    front = "---\ndescription: En side.\n---\n\n"
    result = fixture_site({
        "index.md": front + "# Forside\n\nVelkommen.\n",
        "strategi/god-kompetanse.md": front + "# God kompetanse\n\n## Mål 1.1 {#mal-1-1}\n\nTekst.\n",
    }, data={"sitater.yml": (ROOT / "data" / "sitater.yml").read_text(encoding="utf-8")})
    assert result.returncode != 0
    assert re.search(r"data/sitater\.yml: docs/strategi/god-kompetanse\.md har ingen overskrift med id "
                     r"«tiltak-1-1-1», «tiltak-1-1-2»", result.stderr), result.stderr


def test_the_script_copies_the_citation_beside_the_button():
    script = (ROOT / "docs" / "assets" / "javascripts" / "medvirkning.js").read_text(encoding="utf-8")
    assert 'querySelectorAll("button[data-mv-copy-citation]")' in script
    assert ".mv-citation__text" in script and "button.hidden = false" in script


if __name__ == "__main__":  # write tests/sitater-kontrollert.yml, after checking every quote against the sources
    sys.path[:0] = [str(ROOT / "hooks")]
    record = {}
    for quote in quotes():
        text = flat((SEEDS / quote.source).read_text(encoding="utf-8"))
        if flat(quote.text) not in text:
            raise SystemExit(f"data/sitater.yml: sitatet til «{quote.section}» står ikke ordrett i {quote.source}.")
        record[f"{quote.page}#{quote.section}"] = digest(quote.text)
    CHECKED.write_text("# Skrevet av tests/test_citations.py etter at hvert sitat er sjekket ordrett mot kilden.\n"
                       + yaml.safe_dump(record, allow_unicode=True, sort_keys=True), encoding="utf-8")
    print(f"{CHECKED.relative_to(ROOT)}: {len(record)} sitater sjekket mot kildene.")
