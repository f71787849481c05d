"""The site's structure (medvirkning/site_structure.py): names, addresses, redirects, menu titles
and the validation levels, read as MkDocs and mkdocs-static-i18n place the pages."""
from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.config import load_config

from conftest import ROOT
from medvirkning.content.site_structure import (address, bad_names, keep_validation, pages_by_address, redirect_problems,
                                        same_address, untranslated_menu_titles)

LOCALES = ["nb", "nn", "en"]


@pytest.mark.parametrize("src, expected", [
    ("index.md", ("", "")), ("veiviser/index.md", ("", "veiviser/")), ("veiviser/moter.md", ("", "veiviser/moter/")),
    ("veiviser/moter.nn.md", ("nn", "veiviser/moter/")), ("maler/index.en.md", ("en", "maler/")),
    ("maler/README.md", ("", "maler/")), ("moter.xx.md", ("", "moter.xx/")),
])
def test_address_as_mkdocs_and_i18n_place_it(src, expected):
    assert address(src, LOCALES) == expected


def write(docs: Path, *names: str) -> Path:
    for name in names:
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text("# x\n", encoding="utf-8")
    return docs


def test_two_files_with_one_address(tmp_path):
    docs = write(tmp_path, "maler.md", "maler/index.md", "maler.nn.md", "moter.md", "moter.nn.md", "_includes/a.md")
    assert same_address(pages_by_address(docs, LOCALES)) == [
        "docs/maler.md og docs/maler/index.md får samme adresse, /maler/. Bare den ene ville blitt publisert. Flytt "
        "teksten inn i den ene filen og slett den andre, eller gi den ene et annet navn."]


def test_names_outside_a_z_0_9_and_dash(tmp_path):
    docs = write(tmp_path, "god-side.nn.md", "Ny mappe/side.md", "bilder/Møte 1.PNG", "_includes/tekst.md",
                 "bilder/ok-2.png", "under_strek.md")
    found = bad_names(docs)
    assert sorted(m.split(":")[0] for m in found) == ["docs/Ny mappe", "docs/bilder/Møte 1.PNG", "docs/under_strek.md"]
    assert any("«mote-1.PNG»" in m for m in found)


def test_the_real_site_has_clean_names_and_addresses():
    docs = ROOT / "docs"
    assert bad_names(docs) == [] and same_address(pages_by_address(docs, LOCALES)) == []


def test_redirects(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("nav:\n  - moter.md\nplugins:\n  - redirects:\n      redirect_maps:\n"
                                         "        moter.md: ny.md\n        gammel.md:\n        flyttet.md: ny.md\n",
                                         encoding="utf-8")
    pages = pages_by_address(write(tmp_path / "docs", "moter.md", "ny.md"), LOCALES)
    problems = redirect_problems({"moter.md": "ny.md", "gammel.md": None, "flyttet.md": "ny.md"}, pages,
                                 tmp_path / "mkdocs.yml")
    assert [p.split(":")[0] for p in problems] == ["mkdocs.yml, linje 6", "mkdocs.yml, linje 7"]
    assert "går fra en side som finnes, docs/moter.md" in problems[0] and "sier ikke hvor" in problems[1]


def test_menu_titles_in_every_language(tmp_path):
    (tmp_path / "data" / "sprak").mkdir(parents=True)
    (tmp_path / "data" / "sprak" / "nn.yml").write_text("meny:\n  Forside: Framside\n  Maler: Malar\n", "utf-8")
    (tmp_path / "data" / "sprak" / "en.yml").write_text("meny:\n  Forside: Home\n", "utf-8")
    (tmp_path / "mkdocs.yml").write_text("nav:\n  - Forside: index.md\n  - Maler:\n      - maler.md\n", "utf-8")
    nav = [{"Forside": "index.md"}, {"Maler": ["maler.md"]}]
    assert untranslated_menu_titles(nav, tmp_path, "nb", LOCALES, tmp_path / "mkdocs.yml") == [
        "mkdocs.yml, linje 3: menypunktet «Maler» har ingen tittel i data/sprak/en.yml, så menyen ville vist bokmål "
        "der. Legg til linjen «  Maler: …» med tittelen på det språket under «meny:» i data/sprak/en.yml."]


def test_the_real_menu_has_every_title():
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert untranslated_menu_titles(config.nav, ROOT, "nb", LOCALES, ROOT / "mkdocs.yml") == []


def test_validation_levels_are_kept_at_warn(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nvalidation:\n  anchors: ignore\n  links:\n    not_found: info\n    absolute_links: "
        "relative_to_docs\n  nav:\n    omitted_files: ignore\n", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    keep_validation(config)
    for group in ("nav", "links"):
        for name, level in config.validation[group].items():
            assert level >= logging.WARNING, (group, name)
