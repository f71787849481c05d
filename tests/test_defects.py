"""The defects confirmed in issue 25, each with the test that failed before its fix."""
from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest
import yaml
from mkdocs.exceptions import PluginError

from medvirkning.accessibility.checks import Finding, PageReport
from medvirkning.accessibility.contrast import ContrastResult
from medvirkning.accessibility.readability import Readability
from medvirkning.accessibility.report import deviations
from medvirkning.checklists import checklists
from medvirkning.checklists.checklists import Definition, find_blocks, render_checklist_page
from medvirkning.checklists.state import ChecklistData, ChecklistsState
from medvirkning.core.html_text import text_runs
from medvirkning.core.languages import load_strings
from medvirkning.core.markers import no_leftovers
from medvirkning.core.state import LanguageBuild, Options, SiteData
from medvirkning.glossary.glossary import Entry, abbreviation_pattern, annotate_abbreviations

ROOT = Path(__file__).resolve().parent.parent


def page_of(src_uri: str, source: str):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri, content_string=source, generated_by=None))


# markers.py reported the first marker of the file, not the unknown one.
def test_an_unknown_marker_is_named_not_the_first_marker_of_the_file():
    source = ("---\ndescription: x\n---\n\n# Ordliste\n\n<!-- generert: ordliste -->\n\nTekst.\n\n"
              "<!-- generert: ordlist -->\n")
    markdown = source.split("---\n", 2)[2].replace("<!-- generert: ordliste -->", "| Ord | Forklaring |")
    with pytest.raises(PluginError) as error:
        no_leftovers(markdown, page_of("ordliste.md", source), None)
    assert str(error.value).startswith("docs/ordliste.md, linje 11: ukjent markør «<!-- generert: ordlist -->».")


# html_text.py split on <[^>]+>, so a > inside an attribute ended the tag.
def test_a_greater_than_sign_inside_an_attribute_does_not_end_the_tag():
    html = '<span title="a > SBU b">SBU</span> og <a href=\'x\' title=\'1 > 0\'>NAV</a>'
    runs = list(text_runs(html))
    assert "".join(run.source for run in runs) == html
    assert [run.source for run in runs if run.is_text] == ["SBU", " og ", "NAV"]
    entries = {"SBU": Entry("SBU", "Sentralt brukerutvalg", "Utvalget.")}
    annotated, _ = annotate_abbreviations(html, entries, abbreviation_pattern(list(entries.values())), None)
    assert annotated.startswith('<span title="a > SBU b"><abbr title="Sentralt brukerutvalg">SBU</abbr></span>')


# checklists.py found where the body starts with source.find(markdown[:200]): when an earlier
# step changed the top of the page, the blocks were silently left as they were.
CHECKLIST_PAGE = ('---\ndescription: x\n---\n\n# Møter\n\n## Før møtet\n\nLag agendaen.\n\n'
                  '!!! sjekkliste "mote"\n\n    - Lag agendaen.\n')
MEETING = Definition("mote", "Planlegge et møte", "For lederen.")


def checklist_build(source: str):
    strings = load_strings(ROOT, "nb", "nb")
    templates = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"))  # the marks' partial
    site = SiteData(root=ROOT)
    site.keep(ChecklistData([MEETING]))
    build = LanguageBuild(config=None, site=site, options=Options(), locale="nb", default_locale="nb", locales=["nb"],
                          strings=strings, templates=templates)
    build.state(ChecklistsState).blocks = {"moter.md": find_blocks(source, "moter.md")}
    build.state(ChecklistsState).items = {"mote": []}
    return build


def test_checklist_blocks_are_shown_when_an_earlier_step_changed_the_top_of_the_page():
    markdown = CHECKLIST_PAGE.split("---\n", 2)[2].lstrip("\n").replace("# Møter", "# Møter i utvalget")
    shown = checklists.render_markdown(markdown, page_of("moter.md", CHECKLIST_PAGE), checklist_build(CHECKLIST_PAGE))
    assert '!!! sjekkliste "Sjekkliste: Planlegge et møte"' in shown


def test_checklist_blocks_that_an_earlier_step_moved_stop_the_build():
    markdown = "Ny linje.\n" + CHECKLIST_PAGE.split("---\n", 2)[2].lstrip("\n")
    with pytest.raises(PluginError, match="docs/moter.md, linje 11"):
        checklists.render_markdown(markdown, page_of("moter.md", CHECKLIST_PAGE), checklist_build(CHECKLIST_PAGE))


# Generated pages wrote their front matter with f-strings: an introduction with ": " broke it.
def test_a_checklist_introduction_with_a_colon_is_the_page_description():
    definition = Definition("mote", "Planlegge et møte", 'Kort sagt: slik planlegger dere et møte. «Sitat» # ikke kommentar')
    page = render_checklist_page(definition, [], lambda **_: "", load_strings(ROOT, "nb", "nb"))
    meta = yaml.safe_load(page.split("---\n")[1])
    assert meta == {"description": definition.intro}


# The statement's «Hele nettstedet», «lyst tema» and finding texts were Norwegian on nn and en pages.
@pytest.mark.parametrize("locale, bokmal", [
    ("nn", ("Hele nettstedet", "hovedoverskrift", "over grensen")),
    ("en", ("Hele nettstedet", "lyst tema", "hovedoverskrift", "Brødtekst", "over grensen", "Midtverdien")),
])
def test_the_statement_speaks_the_language_of_its_page(locale, bokmal):
    strings = load_strings(ROOT, locale, "nb")
    report = PageReport("a.md", f"{locale}/a/", "A", "docs/a.md",
                        [Finding("overskrifter", "siden har ingen hovedoverskrift.", "Start siden med #.")],
                        Readability(lix=60.0, words=100, sentences=5, long_sentences=[]))
    contrast = [ContrastResult("default", "Brødtekst", "#777777", "#ffffff", 3.0)]
    problems = [problem for deviation in deviations([report], contrast, strings) for problem in deviation.problems]
    text = " ".join(" ".join(part for part in problem if part) for problem in problems)
    for norwegian in bokmal:
        assert norwegian not in text, (locale, norwegian, text)
    assert strings["tema_default"] in text


# content_checks stopped at the first problem (an error), content_security warned about all of them.
def test_content_problems_of_every_page_are_named_before_the_build_stops(fixture_site):
    box = "---\ndescription: x\n---\n\n# {title}\n\n!!! advarsel \"Pass på\"\n\n    Tekst.\n"
    result = fixture_site({"index.md": box.format(title="Forside"), "annen.md": box.format(title="Annen side")})
    assert result.returncode != 0
    assert "docs/index.md, linje 7: boksen «advarsel» finnes ikke." in result.stderr
    assert "docs/annen.md, linje 7: boksen «advarsel» finnes ikke." in result.stderr


# There was no way to see the traceback of an error nobody foresaw.
def test_build_debug_shows_the_traceback(monkeypatch, capsys, tmp_path):
    from medvirkning import __main__ as commands
    from medvirkning.core import strict_build

    def broken_build(config):
        raise RuntimeError("noe helt uventet")

    monkeypatch.setattr(strict_build, "build", broken_build)
    assert commands.main(["build", "--debug", str(ROOT / "mkdocs.yml"), str(tmp_path / "site")]) == 1
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err and "RuntimeError: noe helt uventet" in err
    assert commands.main(["build", str(ROOT / "mkdocs.yml"), str(tmp_path / "site")]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "noe helt uventet" in err
