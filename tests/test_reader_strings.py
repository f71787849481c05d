"""The words readers see (data/sprak/): checked when loaded, never rendered as nothing, and a
bokmål fallback in another language is marked lang="nb" and noted."""
from __future__ import annotations

import shutil
from pathlib import Path

import jinja2
import pytest

from conftest import ROOT, build_in_process, make_project, read_html
from medvirkning.core.reader_strings import MissingString, ReaderStrings, problems


@pytest.fixture
def root(tmp_path) -> Path:
    shutil.copytree(ROOT / "data" / "sprak", tmp_path / "data" / "sprak")
    return tmp_path


def edit(root: Path, locale: str, old: str, new: str) -> None:
    path = root / "data" / "sprak" / f"{locale}.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_real_strings_have_no_problems():
    assert problems(ROOT, "nb", ["nb", "nn", "en"], ROOT / "overrides") == []


def test_a_misspelt_key_in_nynorsk_is_named_with_the_likely_one(root):
    edit(root, "nn", "\nsist_oppdatert:", "\nsist_oppdatrt:")
    [message] = problems(root, "nb", ["nb", "nn", "en"], ROOT / "overrides")
    assert message.startswith("data/sprak/nn.yml, linje ")
    assert "«sist_oppdatrt» finnes ikke i data/sprak/nb.yml" in message and "Mente du «sist_oppdatert»?" in message


def test_a_translated_placeholder_and_a_lone_brace_are_named(root):
    edit(root, "en", "{tittel}", "{title}")
    edit(root, "nn", "{antall} punkt", "{antall punkt")
    found = problems(root, "nb", ["nb", "nn", "en"], ROOT / "overrides")
    assert any(m.startswith("data/sprak/en.yml, linje ") and "har plassholderne {title}, men bokmål har {tittel}" in m
               for m in found), found
    assert any(m.startswith("data/sprak/nn.yml, linje ") and "klammene { } i teksten «sjekkliste_punkter»" in m
               for m in found), found


def test_a_key_a_template_uses_must_be_in_bokmal(root, tmp_path):
    overrides = tmp_path / "overrides"
    (overrides / "partials").mkdir(parents=True)
    (overrides / "partials" / "ny.html").write_text("<p>{{ mv.helt_ny_tekst }}</p>\n", encoding="utf-8")
    [message] = problems(root, "nb", ["nb", "nn", "en"], overrides)
    assert message.startswith("data/sprak/nb.yml: teksten «helt_ny_tekst» mangler (den brukes i overrides/partials/ny.html, linje 1)")


def test_a_missing_key_stops_instead_of_rendering_as_nothing():
    words = ReaderStrings({"kort_fortalt": "Kort fortalt"})
    with pytest.raises(MissingString, match="data/sprak/nb.yml: teksten «finnes_ikke» mangler"):
        words["finnes_ikke"]
    env = jinja2.Environment(autoescape=True)
    with pytest.raises(MissingString):
        env.from_string("{{ mv.finnes_ikke }}").render(mv=words)
    # A key built at run time may still fall back to a default in the template.
    assert env.from_string('{{ mv["tema_" ~ x] | default("lyst") }}').render(mv=words, x="lys") == "lyst"
    assert env.from_string("{{ mv.kort_fortalt }}").render(mv=words) == "Kort fortalt"


def test_a_fallback_to_bokmal_is_marked_and_noted(tmp_path):
    pages = {"index.md": "---\ndescription: Forsiden.\n---\n\n# Forside\n\nTekst om utvalget.\n",
             "index.nn.md": "---\ndescription: Framsida.\n---\n\n# Framside\n\nTekst om utvalet.\n"}
    config = make_project(tmp_path / "project", pages, {"sprak/nn.yml": "sist_oppdatert: Sist oppdatert\n"},
                          languages=["nn"])
    ok, log = build_in_process(config, tmp_path / "site")
    assert ok, "\n".join(log)
    assert any("data/sprak/nn.yml: " in line and "tekster mangler og vises på bokmål" in line for line in log), log
    page = read_html(tmp_path / "site" / "nn" / "index.html")
    edit_link = page.select_one("a.md-content__button")
    assert edit_link["title"] == "Foreslå en endring av denne siden" and edit_link["lang"] == "nb"
    assert page.find("p", class_="md-copyright__highlight")["lang"] == "nb"
    assert page.find("nav", attrs={"aria-label": "Lenker om nettstedet"}).get("lang") is None
    # bokmål itself is not marked
    assert read_html(tmp_path / "site" / "index.html").select_one("a.md-content__button").get("lang") is None


def test_a_glossary_entry_without_a_translated_explanation_is_marked_and_noted(tmp_path):
    front = "---\ndescription: Ordlista.\n---\n\n# Ordliste\n\n<!-- generert: ordliste -->\n"
    pages = {"index.md": "---\ndescription: Forsiden.\n---\n\n# Forside\n\nTekst om utvalget.\n",
             "ordliste.md": front, "ordliste.nn.md": front}
    glossary = ("- ord: NAV\n  fullt: Arbeids- og velferdsforvaltningen\n  forklaring: Etaten som har brukerutvalg.\n"
                "  nn:\n    fullt: Arbeids- og velferdsforvaltninga\n")
    config = make_project(tmp_path / "project", pages, {"ordliste.yml": glossary}, languages=["nn"])
    ok, log = build_in_process(config, tmp_path / "site")
    assert ok, "\n".join(log)
    assert any("data/ordliste.yml: 1 oppføringer har ingen forklaring på nn" in line for line in log), log
    marked = read_html(tmp_path / "site" / "nn" / "ordliste" / "index.html").find("span", lang="nb")
    assert marked is not None and marked.get_text() == "Etaten som har brukerutvalg."
    assert read_html(tmp_path / "site" / "ordliste" / "index.html").find("span", lang="nb") is None
