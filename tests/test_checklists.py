"""Collecting checklists from the content, and the generated pages."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import read_html, read_tree

from medvirkning.checklists.checklists import (
    ChecklistError, Definition, collect, find_blocks, load_definitions, render_overview,
    show_blocks_on_page,
)
from medvirkning.core.languages import load_strings
from medvirkning.core.markers import leftover_markers

WORDS = load_strings(Path(__file__).resolve().parent.parent, "nb", "nb")

ROOT = Path(__file__).resolve().parent.parent
DEFINITIONS = [Definition("mote", "Planlegge et møte", "For lederen."),
               Definition("nytt-medlem", "Nytt medlem", "For nye.")]

PAGE = """---
description: x
---

# Møter

## Før møtet

Tekst.

!!! sjekkliste "mote"

    - Lag agendaen sammen.
    - Send innkalling og
      sakspapirer i god tid.

## Etter møtet {#etter}

!!! sjekkliste "mote"

    - Skriv [referat](referat.md).

## Før møtet

!!! sjekkliste "nytt-medlem"
    - Les mandatet.

```
!!! sjekkliste "ikke-en-liste"
```
"""


def test_find_blocks_collects_items_with_their_section():
    blocks = find_blocks(PAGE.replace('```\n!!! sjekkliste "ikke-en-liste"\n```\n', ""), "veiviser/moter.md")
    assert [b.checklist_id for b in blocks] == ["mote", "mote", "nytt-medlem"]
    first = blocks[0].items
    assert [i.text for i in first] == ["Lag agendaen sammen.", "Send innkalling og sakspapirer i god tid."]
    assert (first[0].heading_id, first[0].heading_text, first[0].page_title) == ("for-motet", "Før møtet", "Møter")
    assert first[0].line == 13
    assert blocks[1].items[0].heading_id == "etter"
    # A repeated heading gets the id Python-Markdown gives it.
    assert blocks[2].items[0].heading_id == "for-motet_1"


def test_collect_groups_items_by_checklist_across_pages():
    collected = collect({"a.md": PAGE.replace('```\n!!! sjekkliste "ikke-en-liste"\n```\n', ""), "b.md": '# B\n\n## Del\n\n!!! sjekkliste "mote"\n\n    - Punkt B.\n'}, DEFINITIONS)
    assert [i.text for i in collected["mote"]] == [
        "Lag agendaen sammen.", "Send innkalling og sakspapirer i god tid.", "Skriv [referat](referat.md).", "Punkt B."]
    assert [i.src_uri for i in collected["mote"]][-1] == "b.md"


def test_unknown_checklist_names_file_and_line():
    with pytest.raises(ChecklistError, match=r"docs/x\.md, linje 3: det finnes ingen sjekkliste som heter «motet»"):
        collect({"x.md": '# X\n\n!!! sjekkliste "motet"\n\n    - Punkt.\n'}, DEFINITIONS)


@pytest.mark.parametrize("source, message", [
    ('# X\n\n!!! sjekkliste "mote"\n\n    Bare tekst.\n', "linje 5: i en sjekkliste skal hver linje være et punkt"),
    ('# X\n\n!!! sjekklist "mote"\n\n    - Punkt.\n', "linje 3: «!!! sjekklist \"mote\"» ser ut som en sjekkliste"),
    ('# X\n\n!!! sjekkliste “mote”\n\n    - Punkt.\n', "linje 3: .* Anførselstegnene må være rette"),
    ('# X\n\n```\n!!! sjekkliste "mote"\n\n    - Punkt.\n```\n', "linje 4: .* inne i en kodeblokk som begynner på linje 3"),
    ('# X\n\n<!--\n!!! sjekkliste "mote"\n\n    - Punkt.\n-->\n', "linje 4: .* inne i en kommentar"),
    ('# X\n\n!!! sjekkliste "mote"\n\n    - Punkt.\n\t- Punkt to.\n', "linje 6: det står et tabulatortegn"),
    ('# X\n\n!!! sjekkliste "mote"\n\nTekst etterpå.\n', "linje 3: sjekklisten «mote» har ingen punkter"),
    ("# X\n\n!!! sjekkliste\n\n    - Punkt.\n", "linje 3: sjekklisten mangler navn"),
])
def test_malformed_blocks_are_plain_errors(source, message):
    with pytest.raises(ChecklistError, match=message):
        find_blocks(source, "x.md")


def test_items_are_what_markdown_reads():
    """Markdown decides: an unclosed fence is no fence, so the block below it is read (as readers see it)."""
    blocks = find_blocks('# X\n\n```\nTekst.\n\n!!! sjekkliste "mote"\n\n    - En.\n    -   To\n        fortsatt.\n', "x.md")
    assert [i.text for i in blocks[0].items] == ["En.", "To fortsatt."]


def test_section_of_a_block_is_named_as_the_site_names_it_with_inline_markdown():
    blocks = find_blocks('# Møter i *utvalget*\n\n## Før `møtet` med [NAV](nav.md)\n\n'
                         '!!! sjekkliste "mote"\n\n    - Send sakslisten.\n', "x.md")
    item = blocks[0].items[0]
    assert (item.heading_id, item.heading_text, item.page_title) == (
        "for-motet-med-nav", "Før møtet med NAV", "Møter i utvalget")


def test_block_on_content_page_gets_title_and_link():
    page = PAGE.replace('```\n!!! sjekkliste "ikke-en-liste"\n```\n', "")
    blocks = find_blocks(page, "veiviser/moter.md")
    markdown = page.split("---\n", 2)[2]
    shown = show_blocks_on_page(markdown, "veiviser/moter.md", {d.id: d for d in DEFINITIONS}, blocks, WORDS,
                                first_line=page.count("\n") - markdown.count("\n"))
    assert '!!! sjekkliste "Sjekkliste: Planlegge et møte"' in shown
    assert "    - Send innkalling og\n      sakspapirer i god tid.\n\n    [Åpne sjekklisten «Planlegge et møte»](../sjekklister/mote.md)\n" in shown


def test_overview_lists_every_checklist_with_count():
    collected = collect({"a.md": PAGE.replace('```\n!!! sjekkliste "ikke-en-liste"\n```\n', "")}, DEFINITIONS)
    overview = render_overview(DEFINITIONS, collected, "sjekklister", WORDS)
    assert "- **[Planlegge et møte](mote.md)** (3 punkter). For lederen." in overview


def test_project_definitions_include_the_required_checklists():
    ids = {d.id for d in load_definitions(ROOT / "data" / "sjekklister.yml")}
    assert {"nytt-medlem", "mote", "utviklingsprosjekt", "evaluere-utvalget", "evaluere-prosjekt",
            "nav-leder", "rekruttere", "arshjul"} <= ids


def test_leftover_markers():
    assert leftover_markers("# A\n\n<!-- generert: ordlist -->\n") == [(3, "ordlist")]
    assert leftover_markers("# A\n\nIngen markør.\n") == []


def test_generated_checklist_pages_link_back_to_existing_sections(built_site):
    definitions = load_definitions(ROOT / "data" / "sjekklister.yml")
    overview = read_html(built_site / "sjekklister" / "index.html")
    for definition in definitions:
        page = built_site / "sjekklister" / definition.id / "index.html"
        assert page.exists(), f"mangler sjekklisten {definition.id}"
        assert overview.select_one(f'article a[href="{definition.id}/"]'), f"oversikten mangler {definition.id}"
        html = read_html(page)
        assert html.select_one("article h1").get_text(" ", strip=True).startswith(definition.title)
        items = html.select("li.mv-checklist__item")
        assert items, f"{definition.id}: ingen punkter"
        for item in items:
            box = item.select_one('input[type="checkbox"]')
            label = item.find("label", attrs={"for": box["id"]})
            assert label is not None and label.get_text(strip=True), f"{definition.id}: avkryssingsboks uten tekst"
            href = item.select_one(".mv-checklist__source a")["href"]
            target, _, fragment = href.partition("#")
            target_file = (page.parent / target / "index.html").resolve()
            assert target_file.exists(), f"{definition.id}: {href} finnes ikke"
            target_tree = read_tree(target_file)
            assert fragment and target_tree.css_first(f'[id="{fragment}"]') is not None, \
                f"{definition.id}: #{fragment} finnes ikke i {target}"


def test_every_block_on_a_content_page_shows_its_title_and_links_to_its_checklist(built_site):
    root = Path(__file__).resolve().parent.parent
    definitions = {d.id: d for d in load_definitions(root / "data" / "sjekklister.yml")}
    shown = 0
    for source in sorted((root / "docs").rglob("*.md")):
        ids = re.findall(r'^!!! sjekkliste "([^"]+)"', source.read_text(encoding="utf-8"), re.M)
        if not ids:
            continue
        from helpers import built_page_of_source, language_of_source, strings
        locale, relative = language_of_source(source), source.relative_to(root / "docs").as_posix()
        words = strings(locale)
        page = read_html(built_page_of_source(built_site, root / "docs", source))
        blocks = page.select("article .admonition.sjekkliste")
        assert len(blocks) == len(ids), relative
        for block, checklist_id in zip(blocks, ids):
            title = definitions[checklist_id].localized(locale).title
            assert block.select_one(".admonition-title").get_text(" ", strip=True) == words["sjekkliste_tittel"].format(
                tittel=title)
            # Compared as read aloud: a title with an abbreviation (NAV) holds an <abbr>.
            link = next((a for a in block.find_all("a") if " ".join(a.get_text().split())
                         == words["sjekkliste_apne"].format(tittel=title)), None)
            assert link is not None and link["href"].endswith(f"sjekklister/{checklist_id}/"), relative
            shown += 1
    assert shown >= 9


CHECKLIST_DATA = {"sjekklister.yml": "- id: mote\n  tittel: Møtet\n  ingress: For lederen.\n  for: leder\n"
                                     "  rekkefolge: [index.md#agenda]\n"}
MEETING = ("---\ndescription: Møter.\n---\n\n# Møter\n\n## Agenda\n\nLederen og sekretæren lager agendaen sammen.\n\n"
           '!!! sjekkliste "mote"\n\n    - Lag agendaen sammen med sekretæren.\n')


def test_the_same_item_twice_in_a_checklist_stops_the_build_naming_both_places(fixture_site):
    twice = MEETING + "    - Lag agendaen sammen med sekretæren.\n"
    result = fixture_site({"index.md": twice}, data=CHECKLIST_DATA)
    assert result.returncode != 0
    assert ("docs/index.md, linje 14: punktet sier det samme som et punkt som allerede står i sjekklisten «mote» "
            "(docs/index.md, linje 13)") in result.stderr


def test_an_item_under_a_section_that_does_not_support_it_is_named(fixture_site):
    result = fixture_site({"index.md": MEETING}, data=CHECKLIST_DATA)
    assert result.returncode == 0, result.stderr
    wrong = MEETING.replace("    - Lag agendaen", "    - Bestill reiseregning og møtegodtgjørelse.\n    - Lag agendaen")
    result = fixture_site({"index.md": wrong}, data=CHECKLIST_DATA)
    assert result.returncode != 0
    assert ("docs/index.md, linje 13: punktet «Bestill reiseregning og møtegodtgjørelse.» lenker til avsnittet "
            "«Agenda», men teksten der nevner ikke") in result.stderr
