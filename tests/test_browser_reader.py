"""What a reader finds in Chromium: where a page belongs (breadcrumbs), the page for an address
that does not exist, the start page's doors for each group, the report's tables on a phone,
200 % text in a narrow window, the section link on a phone, checklists on paper and the menu
without JavaScript."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from helpers import DESKTOP, PHONE


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


def test_a_reader_landing_on_a_page_sees_what_it_is_part_of(phone, site_url):
    phone.goto(site_url + "strategi/gode-arenaer/")
    path = phone.get_by_role("navigation", name="Du er her")
    assert path.is_visible()
    assert path.get_by_role("link").all_inner_texts() == ["Forside", "Strategien"]
    box = path.bounding_box()
    assert box["y"] < phone.locator("article h1").bounding_box()["y"], "stien skal stå over tittelen"
    path.get_by_role("link", name="Strategien").click()
    phone.wait_for_url(site_url + "strategi/")
    # Every navigation landmark has a name of its own.
    names = phone.locator("nav[aria-label]").evaluate_all("navs => navs.map(n => n.getAttribute('aria-label'))")
    assert len(names) == len(set(names)), names


def test_an_address_that_does_not_exist_says_so_and_shows_the_way_on(phone, site_url):
    response = phone.goto(site_url + "veiviser/finnes-ikke/")
    assert response.status == 404
    assert phone.locator("article h1").inner_text() == "Fant ikke siden"
    assert phone.locator("html").get_attribute("lang") == "nb"
    report = phone.get_by_role("link", name="Slik sier du ifra om feil")
    assert report.get_attribute("href").endswith("/om/#send-oss-en-melding-om-feil-eller-forslag")
    phone.get_by_role("button", name="Søk").click()
    phone.keyboard.type("brukerutvalg")
    phone.wait_for_selector(".md-search-result__item a", state="visible")
    phone.keyboard.press("Escape")
    phone.get_by_role("link", name="Gå til forsiden av Medvirkning").click()
    # The test server serves the site under its production path; the link is absolute.
    assert phone.url.endswith("/medvirkning/")


DOORS = {
    "Jeg er brukerrepresentant": ["Nytt medlem i brukerutvalget", "Sjekklister", "Ordliste"],
    "Jeg vil rette eller skrive tekst": ["Slik endrer du innholdet"],
}


@pytest.mark.parametrize("group", DOORS)
def test_the_start_page_gives_each_group_its_doors(phone, site_url, group):
    phone.goto(site_url)
    doors = phone.get_by_role("heading", name=group).locator("xpath=following-sibling::ul[1]")
    links = doors.get_by_role("link").all_inner_texts()
    for title in DOORS[group]:
        assert title in links, (group, links)
        phone.goto(site_url)
        phone.get_by_role("heading", name=group).locator("xpath=following-sibling::ul[1]").get_by_role(
            "link", name=title, exact=True).click()
        phone.wait_for_load_state()
        assert phone.locator("article h1").inner_text().strip() == title


def test_report_tables_read_on_a_phone_without_sideways_scrolling(phone, site_url):
    phone.goto(site_url + "tilgjengelighet/rapport/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    tables = phone.locator("article table")
    assert tables.count() >= 2
    for table in tables.all():
        wrapper = table.locator("xpath=..")
        assert wrapper.evaluate("w => w.scrollWidth <= w.clientWidth"), "tabellen må rulles sideveis"
        caption = table.locator("caption")
        box = caption.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        assert caption.evaluate("c => c.scrollWidth <= c.clientWidth"), "tabellteksten er kuttet"
        labels = table.locator("td").evaluate_all(
            "cells => cells.map(c => getComputedStyle(c, '::before').content)")
        assert labels and all(label not in ("none", "normal", "") for label in labels), labels


def test_the_note_that_ticks_stay_on_this_device_is_not_printed(phone, site_url):
    phone.goto(site_url + "sjekklister/nytt-medlem/")
    note = phone.get_by_text("Avkryssingen lagres bare på denne enheten")
    assert note.is_visible()
    phone.emulate_media(media="print")
    assert not note.is_visible()
    assert phone.locator(".mv-checklist__items").is_visible()


@pytest.mark.parametrize("address", ["", "veiviser/moter/", "tilgjengelighet/rapport/"])
def test_text_at_200_percent_in_a_320_px_window_is_not_cut_off(browser, site_url, address):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(site_url + address)
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    for name in ("Navigasjon", "Søk"):
        box = page.get_by_role("button", name=name).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 320, (name, box)
    assert page.locator("html").get_attribute("lang") == "nb"
    assert page.locator("article p").first.evaluate("p => getComputedStyle(p).hyphens") == "auto"
    context.close()


def test_the_section_link_stays_beside_its_heading_and_says_what_it_does(phone, site_url):
    phone.goto(site_url + "veileder/")
    heading = phone.get_by_role("heading", name="Hva slags dokument er dette?")
    link = heading.locator("a.headerlink")
    word = heading.locator(".mv-nowrap")
    # The # is on the same line as the heading's last word.
    assert abs(link.bounding_box()["y"] - word.bounding_box()["y"]) < 4
    assert word.evaluate("w => w.getClientRects().length") == 1
    assert link.get_attribute("aria-label") == "Kopier lenke til denne delen: Hva slags dokument er dette?"
    link.focus()
    assert link.evaluate("a => getComputedStyle(a, '::after').content") == '"Kopier lenke til denne delen"'
    link.click()
    phone.wait_for_function("() => document.querySelector('#mv-link-status')?.textContent.includes('kopiert')")
    assert phone.url.endswith("veileder/#hva-slags-dokument-er-dette")


def test_the_menu_works_without_javascript(browser, site_url):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "veileder/")
    assert page.locator("label[data-mv-toggle]").count() > 5 and page.locator("button[data-mv-toggle]").count() == 0
    page.goto(site_url)
    drawer = page.locator("#__drawer")
    assert not drawer.is_checked()
    page.locator('label.md-header__button[for="__drawer"]').click()
    assert drawer.is_checked()
    menu = page.locator(".md-sidebar--primary")
    expect(menu).to_be_visible()  # the menu slides in
    page.locator('label.md-nav__link[data-mv-toggle]', has_text="Veiviser for utvalgsarbeid").click()
    grunnlaget = page.locator('label.md-nav__link[data-mv-toggle]', has_text="Grunnlaget")
    expect(grunnlaget).to_be_visible()
    grunnlaget.click()
    target = page.locator(".md-nav--primary a", has_text="Hva er brukermedvirkning").first
    expect(target).to_be_visible()
    target.click()
    page.wait_for_url("**/veiviser/hva-er-brukermedvirkning/")
    context.close()


def test_with_javascript_the_menu_toggles_are_buttons(phone, site_url):
    phone.goto(site_url + "veileder/")
    assert phone.locator("label[data-mv-toggle]").count() == 0
    assert phone.get_by_role("button", name="Navigasjon").get_attribute("aria-expanded") == "false"
    assert phone.get_by_role("button", name="Søk").is_visible()
