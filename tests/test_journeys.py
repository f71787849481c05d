"""Steg for steg (medvirkning/journeys/journeys.py, data/reiser.yml): the journey pages, the «Steg 2 av 5» box
with previous and next on each page a step belongs to, the checked links, the start page's doors
and the page on how a meeting runs."""
from __future__ import annotations

import posixpath

import pytest
import yaml

from conftest import ROOT, read_html

LANGUAGES = {"": "nb", "nn/": "nn", "en/": "en"}
JOURNEYS = yaml.safe_load((ROOT / "data" / "reiser.yml").read_text(encoding="utf-8"))
STRINGS = {locale: yaml.safe_load((ROOT / "data" / "sprak" / f"{locale}.yml").read_text(encoding="utf-8"))
           for locale in LANGUAGES.values()}
FRONT = "---\ndescription: Side.\n---\n\n"
PAGES = {
    "index.md": FRONT + "# Forside\n\nVelkommen.\n",
    "moter.md": FRONT + "# Møter\n\nOm møtene.\n\n## Agenda\n\nLederen lager agendaen.\n",
    "referat.md": FRONT + "# Referat\n\nOm referatet.\n",
}


def journey_data(*steps: str, extra: str = "") -> dict[str, str]:
    lines = ["- id: prove", "  tittel: Prøve", "  ingress: For deg som er nytt medlem.", "  steg:"]
    for step in steps:
        lines += [f"    - tittel: Gå til {step}", f"      side: {step}"]
    return {"reiser.yml": "\n".join(lines) + "\n" + extra}


def page_of(site, href: str, page):
    """The built file a relative link on `page` leads to."""
    path = href.partition("#")[0]
    target = (page.parent / path).resolve()
    return target / "index.html" if target.is_dir() else target


# ---- The real site ----

def test_the_journeys_the_issue_asks_for_are_there():
    ids = [journey["id"] for journey in JOURNEYS]
    assert ids[:3] == ["ny-i-utvalget", "lederens-ar", "starte-utvalg"]
    assert all(journey.get("nn") and journey.get("en") for journey in JOURNEYS)
    assert all(step.get("nn") and step.get("en") for journey in JOURNEYS for step in journey["steg"])


@pytest.mark.parametrize("folder", LANGUAGES)
def test_each_journey_page_numbers_its_steps_and_every_link_leads_to_a_section(built_site, folder):
    words = STRINGS[LANGUAGES[folder]]
    for journey in JOURNEYS:
        page = built_site / folder / "steg-for-steg" / journey["id"] / "index.html"
        html = read_html(page)
        steps = html.select("article ol.mv-journey > li.mv-journey__step")
        assert len(steps) == len(journey["steg"]), journey["id"]
        for number, (step, data) in enumerate(zip(steps, journey["steg"]), start=1):
            title = data.get(LANGUAGES[folder], {}).get("tittel", data["tittel"]) if folder else data["tittel"]
            assert step.select_one("h2").get_text(" ", strip=True).startswith(
                words["reise_steg_nummer"].format(nummer=number) + " " + title)
            links = step.select("a[href]:not(.headerlink)")
            assert len(links) == 1 + len(data.get("lenker", [])), (journey["id"], number)
            for link in links:
                target = page_of(built_site, link["href"], page)
                assert target.exists(), (journey["id"], link["href"])
                anchor = link["href"].partition("#")[2]
                assert not anchor or read_html(target).find(id=anchor) is not None, (journey["id"], link["href"])
        # The page is listed on the overview.
        overview = read_html(built_site / folder / "steg-for-steg" / "index.html")
        assert overview.select_one(f'article a[href="{journey["id"]}/"]') is not None


@pytest.mark.parametrize("folder", LANGUAGES)
def test_each_step_page_has_the_box_with_previous_and_next(built_site, folder):
    words = STRINGS[LANGUAGES[folder]]
    for journey in JOURNEYS:
        title = journey.get(LANGUAGES[folder], {}).get("tittel", journey["tittel"]) if folder else journey["tittel"]
        pages = []
        for number, step in enumerate(journey["steg"], start=1):
            path = step["side"].partition("#")[0][:-3]
            path = path[:-len("index")] if path.endswith("index") else path + "/"
            page = built_site / folder / path / "index.html"
            box = read_html(page).select_one(f'article nav.mv-journey-box[data-journey="{journey["id"]}"]')
            assert box is not None, (journey["id"], number, path)
            assert box["aria-label"] == words["reise_boks_navn"].format(reise=title)
            where = words["reise_steg_av"].format(nummer=number, antall=len(journey["steg"])) + f": {title}"
            assert box.select_one(".mv-journey-box__where").get_text(" ", strip=True) == where
            previous, following = box.select_one("a[rel=prev]"), box.select_one("a[rel=next]")
            assert (previous is None) == (number == 1) and (following is None) == (number == len(journey["steg"]))
            pages.append((page, previous, following))
        for index, (page, previous, following) in enumerate(pages):
            if following is not None:
                assert page_of(built_site, following["href"], page) == pages[index + 1][0]
            if previous is not None:
                assert page_of(built_site, previous["href"], page) == pages[index - 1][0]


def test_a_page_in_two_journeys_has_a_box_for_each(built_site):
    boxes = read_html(built_site / "veiviser" / "moter" / "index.html").select("nav.mv-journey-box")
    assert sorted(box["data-journey"] for box in boxes) == ["lederens-ar", "ny-i-utvalget"]
    # Above the title, so that the title and «Kort fortalt» stay together.
    assert read_html(built_site / "veiviser" / "moter" / "index.html").select_one("article h1 + .admonition.abstract")


@pytest.mark.parametrize("folder", LANGUAGES)
def test_the_start_page_leads_each_reader_to_a_journey_checklists_and_templates(built_site, folder):
    start = read_html(built_site / folder / "index.html")
    blocks = {"jeg-er-brukerrepresentant": "ny-i-utvalget", "jeg-jobber-i-nav": "starte-utvalg",
              "jeg-leder-eller-er-sekretaer-for-et-brukerutvalg": "lederens-ar"}
    for heading_id, journey in blocks.items():
        heading = start.find(id=heading_id)
        links = [a["href"] for a in heading.find_next("ul").select("a[href]")]
        assert links[0] == f"steg-for-steg/{journey}/", (folder, heading_id, links)
        assert any(href.startswith("sjekklister/") and href != "sjekklister/" for href in links), (folder, heading_id)
        if heading_id.startswith("jeg-leder"):
            assert "veiviser/maler/" in links, folder
    representative = [a["href"] for a in start.find(id="jeg-er-brukerrepresentant").find_next("ul").select("a")]
    assert "sjekklister/nytt-medlem/" in representative[:2]


@pytest.mark.parametrize("folder", LANGUAGES)
def test_the_meeting_page_is_in_the_menu_and_links_the_details(built_site, folder):
    page = read_html(built_site / folder / "veiviser" / "slik-gar-et-mote" / "index.html")
    menu = [a.get("href") for a in page.select("nav.md-nav--primary a")]
    assert any(href.rstrip("/").endswith("slik-gar-et-mote") or href in ("./", "") for href in menu)
    assert [h2["id"] for h2 in page.select("article h2")] == ["for-motet", "i-motet", "etter-motet"]
    details = {a["href"] for a in page.select("article a[href]")}
    for section in ("saklisten", "innkallingen", "sakspapirer", "i-motet", "referatet"):
        assert f"../moter/#{section}" in details, (folder, section)
    assert {"../maler/innkalling/", "../maler/referat/"} <= details
    # The order of the meeting: five points, from the opening to the closing.
    assert len(page.select_one("#i-motet").find_next("ol").find_all("li", recursive=False)) == 5


# ---- The build's checks ----

def test_a_journey_page_and_the_boxes_are_built(fixture_site, tmp_path):
    result = fixture_site(PAGES, data=journey_data("moter.md#agenda", "referat.md"))
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    journey = read_html(site / "steg-for-steg" / "prove" / "index.html")
    assert [a["href"] for a in journey.select("li.mv-journey__step a[href]:not(.headerlink)")] == [
        "../../moter/#agenda", "../../referat/"]
    box = read_html(site / "moter" / "index.html").select_one("nav.mv-journey-box")
    assert box.select_one("a[rel=next]")["href"] == "../referat/"
    assert posixpath.normpath(box.select_one(".mv-journey-box__where a")["href"]) == "../steg-for-steg/prove"


def test_a_broken_section_reference_names_the_data_file_and_line(fixture_site):
    result = fixture_site(PAGES, data=journey_data("moter.md#agendaen", "referat.md"))
    assert result.returncode != 0
    assert ("data/reiser.yml, linje 6: lenken «moter.md#agendaen» i reisen «prove» peker til avsnittet #agendaen "
            "på siden moter.md, men siden har ikke noe avsnitt med den id-en.") in result.stderr


def test_a_missing_page_names_the_data_file_and_line(fixture_site):
    result = fixture_site(PAGES, data=journey_data("moter.md", "referatet.md"))
    assert result.returncode != 0
    assert ("data/reiser.yml, linje 8: lenken «referatet.md» i reisen «prove» peker til en side som ikke finnes."
            in result.stderr)


def test_two_steps_on_one_page_are_refused(fixture_site):
    result = fixture_site(PAGES, data=journey_data("moter.md", "moter.md#agenda"))
    assert result.returncode != 0
    assert "data/reiser.yml, linje 8: steg 2 og steg 1 i reisen «prove» hører til samme side (moter.md)." \
        in result.stderr


def test_a_step_that_is_our_advice_is_marked(fixture_site, tmp_path):
    data = journey_data("moter.md", "referat.md")
    data["reiser.yml"] = data["reiser.yml"].replace("      side: referat.md\n",
                                                    "      side: referat.md\n      vart_rad: ja\n")
    result = fixture_site(PAGES, data=data)
    assert result.returncode == 0, result.stderr
    steps = read_html(tmp_path / "site" / "steg-for-steg" / "prove" / "index.html").select("li.mv-journey__step")
    assert steps[0].select_one(".mv-journey__advice") is None
    assert steps[1].select_one(".mv-journey__advice").get_text(strip=True) == STRINGS["nb"]["reise_vart_rad"]


def test_a_misspelt_field_is_named_with_its_line(fixture_site):
    data = journey_data("moter.md", "referat.md")
    data["reiser.yml"] = data["reiser.yml"].replace("      side: referat.md\n", "      sider: referat.md\n")
    result = fixture_site(PAGES, data=data)
    assert result.returncode != 0
    assert "data/reiser.yml, linje 8: ukjent felt «sider»" in result.stderr


def test_the_print_pages_leave_the_journey_boxes_out(built_site):
    """A box is navigation between pages; on a print page (one page for a whole document) several
    boxes would be landmarks with the same name (axe: landmark-unique) and of no use on paper."""
    for folder in ("", "nn/", "en/"):
        assert "mv-journey-box" not in (built_site / folder / "veiviser" / "utskrift" / "index.html").read_text(encoding="utf-8")
