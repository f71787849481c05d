"""Checklists in task order, for one audience named in the intro, with at most 12 items
(medvirkning/checklists/rules.py): the rules on the real data and the build's messages."""
from __future__ import annotations

import yaml

from conftest import ROOT, read_html

from medvirkning.checklists.rules import MAX_ITEMS, audience_problems, named_audiences
from medvirkning.checklists.checklists import load_definitions

VOCABULARY = yaml.safe_load((ROOT / "data" / "sprak" / "nb.yml").read_text(encoding="utf-8"))["malgrupper"]
FRONT = "---\ndescription: Møter.\n---\n\n"
PAGE = (FRONT + "# Møter\n\n## Agenda\n\nLederen lager agendaen.\n\n"
        '!!! sjekkliste "mote"\n\n    - Lag agendaen.\n\n'
        "## Referatet\n\nSekretariatet skriver referatet.\n\n"
        '!!! sjekkliste "mote"\n\n    - Skriv referatet.\n')


def data(intro: str = "For lederen. Møtet.", order: str = "[index.md#agenda, index.md#referatet]",
         audience: str = "leder") -> dict[str, str]:
    return {"sjekklister.yml": f"- id: mote\n  tittel: Møtet\n  ingress: {intro}\n  for: {audience}\n"
                               f"  rekkefolge: {order}\n"}


# ---- The real data ----

def test_no_checklist_has_more_than_twelve_items(built_site):
    for page in sorted(built_site.glob("**/sjekklister/*/index.html")):
        items = read_html(page).select("li.mv-checklist__item")
        assert 0 < len(items) <= MAX_ITEMS, f"{page.relative_to(built_site)}: {len(items)} punkter"


def test_every_checklist_names_one_audience_in_every_language():
    definitions = load_definitions(ROOT / "data" / "sjekklister.yml")
    for locale in ("nb", "nn", "en"):
        words = yaml.safe_load((ROOT / "data" / "sprak" / f"{locale}.yml").read_text(encoding="utf-8"))["malgrupper"]
        for definition in definitions:
            intro = definition.localized(locale).intro
            assert audience_problems(definition.id, definition.audiences, intro, words, locale, None) == [], \
                f"{definition.id} ({locale})"


def test_the_new_member_list_starts_with_the_mandate_and_ends_with_the_tour(built_site):
    items = [item.select_one("label").get_text(" ", strip=True)
             for item in read_html(built_site / "sjekklister" / "nytt-medlem" / "index.html").select(
                 "li.mv-checklist__item")]
    assert items[0].startswith("Les mandatet")
    assert items[-1].startswith("Lær om de ulike fagområdene")
    project = [item.select_one("label").get_text(" ", strip=True)
               for item in read_html(built_site / "sjekklister" / "utviklingsprosjekt" / "index.html").select(
                   "li.mv-checklist__item")]
    assert project.index("Ta med organisasjonene helt fra starten.") < 6


# ---- The rules, as plain functions ----

def test_the_longest_words_are_read_first():
    assert named_audiences("For ledere i NAV.", VOCABULARY) == ["nav-leder"]
    assert named_audiences("For lederen og sekretariatet.", VOCABULARY) == ["sekretariat", "leder"]
    assert named_audiences("For NAV-kontoret.", VOCABULARY) == ["nav"]
    assert named_audiences("Slik ser dere tilbake.", VOCABULARY) == []


def test_an_intro_that_names_another_audience_mixes_audiences():
    problems = audience_problems("mote", ["leder"], "For lederen og sekretariatet. Møtet.", VOCABULARY, "nb", 3)
    assert problems == [
        "data/sjekklister.yml, linje 3 (ingressen på «nb»): første setning i ingressen til sjekklisten «mote» "
        "(«For lederen og sekretariatet.») nevner «sekretariat», men lista er bare for «leder». En sjekkliste er for "
        "én målgruppe: del lista i to, eller legg målgruppen til i «for»."]


# ---- The build ----

def test_items_come_in_the_order_the_data_gives(fixture_site, tmp_path):
    result = fixture_site({"index.md": PAGE}, data=data(order="[index.md#referatet, index.md#agenda]"))
    assert result.returncode == 0, result.stderr
    page = tmp_path / "site" / "sjekklister" / "mote" / "index.html"
    labels = [label.get_text(strip=True) for label in read_html(page).select("li.mv-checklist__item label")]
    assert labels == ["Skriv referatet.", "Lag agendaen."]


def test_a_section_missing_from_the_order_names_the_page_and_line(fixture_site):
    result = fixture_site({"index.md": PAGE}, data=data(order="[index.md#agenda]"))
    assert result.returncode != 0
    assert ("docs/index.md, linje 21: punktet «Skriv referatet.» står i sjekklisten «mote», men avsnittet "
            "«index.md#referatet» står ikke i «rekkefolge» for «mote» i data/sjekklister.yml. Legg til linjen "
            "«- index.md#referatet» der punktet skal komme i oppgaven.") in result.stderr


def test_a_listed_section_without_a_block_names_the_data_line(fixture_site):
    order = "\n    - index.md#agenda\n    - index.md#referatet\n    - index.md#motet"
    result = fixture_site({"index.md": PAGE}, data=data(order=order))
    assert result.returncode != 0
    assert ("data/sjekklister.yml, linje 8: «index.md#motet» står i «rekkefolge» for sjekklisten «mote», men det "
            'avsnittet har ingen blokk !!! sjekkliste "mote".') in result.stderr


def test_thirteen_items_stop_the_build(fixture_site):
    things = ["tavla", "kaffen", "lysene", "stolene", "vinduet", "døren", "maten", "pennene", "papiret",
              "skjermen", "kabelen", "nøkkelen"]
    items = "".join(f"    - Ta med {thing}.\n" for thing in things)
    page = PAGE.replace("    - Lag agendaen.\n", "    - Lag agendaen.\n" + items).replace(
        "Lederen lager agendaen.", "Lederen lager agendaen og tar med " + ", ".join(things) + ".")
    result = fixture_site({"index.md": page}, data=data())
    assert result.returncode != 0
    assert ("data/sjekklister.yml, linje 1: sjekklisten «mote» har 14 punkter. En sjekkliste kan ha høyst 12. "
            "Del den i to") in result.stderr
    twelve = page.replace("    - Ta med tavla.\n    - Ta med kaffen.\n", "")
    assert fixture_site({"index.md": twelve}, data=data()).returncode == 0


def test_an_intro_that_does_not_name_the_audience_stops_the_build(fixture_site):
    result = fixture_site({"index.md": PAGE}, data=data(intro="Slik holder dere møtet."))
    assert result.returncode != 0
    assert ("data/sjekklister.yml, linje 3 (ingressen på «nb»): sjekklisten «mote» er for «leder», men første "
            "setning i ingressen («Slik holder dere møtet.») nevner ikke «lederen». Begynn ingressen med hvem lista "
            "er for, for eksempel «For lederen.»") in result.stderr


def test_a_list_for_two_audiences_its_intro_names_builds(fixture_site):
    mixed = fixture_site({"index.md": PAGE}, data=data(intro="For lederen og sekretariatet. Møtet."))
    assert mixed.returncode != 0 and "nevner «sekretariat», men lista er bare for «leder»" in mixed.stderr
    named = fixture_site({"index.md": PAGE}, data=data(intro="For lederen og sekretariatet. Møtet.",
                                                       audience="[leder, sekretariat]"))
    assert named.returncode == 0, named.stderr


def test_an_unknown_audience_lists_the_known_ones(fixture_site):
    result = fixture_site({"index.md": PAGE}, data=data(audience="ledere"))
    assert result.returncode != 0
    assert "målgruppen «ledere» i «for» for sjekklisten «mote» finnes ikke. Bruk en av: leder, medlem" in result.stderr
