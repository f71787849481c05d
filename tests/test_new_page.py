"""`make ny-side`: a page made with the recipe builds strictly and is in its overview lists at once
(the organisations table and the guidebook's lists are made from the pages and the menu)."""
from __future__ import annotations

import shutil

import pytest

from conftest import ROOT
from medvirkning.core.strict_build import run
from medvirkning.overviews.new_page import NewPageError, add_to_nav, main, make_page

NAV = """site_name: X
nav:
  - Forside: index.md
  - Veiviser for utvalgsarbeid:
      - veiviser/index.md
      - Organisasjonene:
          - veiviser/organisasjonene.md
          - veiviser/organisasjonene-ffo.md
      - Erfaringer:
          - veiviser/forskning.md

strict: true
"""


def test_the_menu_line_goes_last_in_its_section():
    text = add_to_nav(NAV, "Organisasjonene", "veiviser/organisasjonene-ny.md")
    lines = text.splitlines()
    assert lines[lines.index("          - veiviser/organisasjonene-ffo.md") + 1] == "          - veiviser/organisasjonene-ny.md"
    assert add_to_nav(NAV, "Erfaringer", "veiviser/ny.md").splitlines()[10] == "          - veiviser/ny.md"


def test_plain_reasons_when_the_page_cannot_be_made(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "docs" / "veiviser").mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text(NAV, encoding="utf-8")
    with pytest.raises(NewPageError, match="små bokstaver a–z"):
        make_page(tmp_path, "veiviser/Møter i Narvik", "Møter", ["referat-innlandet"], "Erfaringer", False)
    with pytest.raises(NewPageError, match="si hvilke kilder"):
        make_page(tmp_path, "veiviser/narvik", "Narvik", [], "Erfaringer", False)
    with pytest.raises(NewPageError, match="«wiki» finnes ikke i data/kilder.yml"):
        make_page(tmp_path, "veiviser/narvik", "Narvik", ["wiki"], "Erfaringer", False)
    with pytest.raises(NewPageError, match="ingen del som heter «Erfaring»"):
        make_page(tmp_path, "veiviser/narvik", "Narvik", ["referat-innlandet"], "Erfaring", False)
    assert not (tmp_path / "docs" / "veiviser" / "narvik.md").exists()


@pytest.fixture(scope="module")
def site_with_new_pages(tmp_path_factory):
    project = tmp_path_factory.mktemp("ny-side")
    for name in ("docs", "data", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    (project / "hooks").symlink_to(ROOT / "hooks")
    for name in ("mkdocs.yml", "CONTRIBUTING.md"):
        shutil.copyfile(ROOT / name, project / name)
    assert main(["veiviser/organisasjonene-ny-forening", "Ny forening", "--kilder", "ffo", "--organisasjon"],
                root=project) == 0
    assert main(["veiviser/moter-pa-teams", "Møter på Teams", "--kilder", "referat-innlandet",
                 "--meny", "Utvalget i praksis"], root=project) == 0
    result = run(project / "mkdocs.yml", project / "site")
    assert result.ok, "\n".join(result.messages)
    return project / "site"


def test_new_pages_build_strictly_and_are_in_their_lists(site_with_new_pages):
    site = site_with_new_pages
    table = (site / "veiviser" / "organisasjonene" / "index.html").read_text(encoding="utf-8")
    assert 'href="../organisasjonene-ny-forening/"' in table and "Skriv kort hvem organisasjonen er." in table
    index = (site / "veiviser" / "index.html").read_text(encoding="utf-8")
    assert 'href="moter-pa-teams/">Møter på Teams</a>' in index
    assert 'href="organisasjonene-ny-forening/">Ny forening</a>' in index
    for locale in ("nn", "en"):  # readers of the other languages get the bokmål page, in the lists too
        assert "organisasjonene-ny-forening/" in (site / locale / "veiviser" / "organisasjonene" / "index.html").read_text(encoding="utf-8")
