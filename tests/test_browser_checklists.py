"""Checklists in Chromium: ticks survive a reload on the device, «Nullstill» clears them,
corrupt stored state never breaks the page, and the page works without JavaScript."""
from __future__ import annotations

import pytest

from helpers import PHONE

CHECKLIST = "sjekklister/mote/"
STORAGE_KEY = "medvirkning:sjekkliste:mote"


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, has_touch=True)
    yield context
    context.close()


def boxes(page):
    return page.locator("input.mv-checklist__box")


def test_tick_survives_reload_and_nullstill_clears(phone, site_url):
    page = phone.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    page.goto(site_url + CHECKLIST)
    first, second = boxes(page).nth(0), boxes(page).nth(1)
    assert not first.is_checked()
    # Tap the label, as a person on a phone would.
    label = page.locator(f'label[for="{first.get_attribute("id")}"]')
    label.tap()
    assert first.is_checked()
    page.keyboard.press("Tab")  # keyboard: the next box, ticked with the space bar
    second.focus()
    page.keyboard.press("Space")
    assert second.is_checked()

    page.reload()
    assert boxes(page).nth(0).is_checked() and boxes(page).nth(1).is_checked()
    assert not boxes(page).nth(2).is_checked()

    reset = page.get_by_role("button", name="Nullstill sjekklisten")
    assert reset.is_visible()
    reset.tap()
    assert boxes(page).evaluate_all("els => els.filter(e => e.checked).length") == 0
    assert "fjernet" in page.locator(".mv-checklist__status").inner_text()
    page.reload()
    assert boxes(page).evaluate_all("els => els.filter(e => e.checked).length") == 0
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") is None
    assert errors == []


@pytest.mark.parametrize("stored", ['{"not json', "[1,2,3]", "null", '"tekst"', '{"ukjent-punkt": true}'])
def test_corrupt_stored_state_does_not_break_the_page(phone, site_url, stored):
    page = phone.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    page.goto(site_url + CHECKLIST)
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [STORAGE_KEY, stored])
    page.reload()
    assert boxes(page).evaluate_all("els => els.filter(e => e.checked).length") == 0
    boxes(page).nth(0).check()
    page.reload()
    assert boxes(page).nth(0).is_checked()
    assert errors == []


def test_labels_and_touch_targets(phone, site_url):
    page = phone.new_page()
    page.goto(site_url + CHECKLIST)
    count = boxes(page).count()
    assert count >= 3
    for index in range(count):
        box = boxes(page).nth(index)
        size = box.bounding_box()
        assert size["width"] >= 24 and size["height"] >= 24, f"boks {index}: {size}"
        name = page.locator(f'label[for="{box.get_attribute("id")}"]').inner_text().strip()
        assert name, f"boks {index} har ingen tekst"


def test_without_javascript_the_list_reads_as_a_list(browser, site_url):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + CHECKLIST)
    assert page.locator("ol.mv-checklist__items > li").count() >= 3
    assert not page.get_by_role("button", name="Nullstill sjekklisten").is_visible()
    context.close()


def test_print_is_a_clean_form(browser, site_url):
    context = browser.new_context(viewport={"width": 800, "height": 1100})
    page = context.new_page()
    page.goto(site_url + CHECKLIST)
    page.emulate_media(media="print")
    for hidden in [".md-header", ".md-sidebar--primary", ".md-footer", "[data-checklist-reset]"]:
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator(".mv-checklist__date").is_visible()
    assert page.locator("h1").is_visible() and boxes(page).nth(0).is_visible()
    written_out = page.locator(".mv-checklist__source a").first.evaluate(
        "a => getComputedStyle(a, '::after').content")
    assert site_url in written_out
    pdf = page.pdf(format="A4")
    assert pdf[:4] == b"%PDF"
    context.close()


def test_nullstill_can_be_undone(phone, site_url):
    page = phone.new_page()
    page.goto(site_url + CHECKLIST)
    boxes(page).nth(0).check()
    boxes(page).nth(2).check()
    page.get_by_role("button", name="Nullstill sjekklisten").tap()
    assert boxes(page).evaluate_all("els => els.filter(e => e.checked).length") == 0
    undo = page.get_by_role("button", name="Angre")
    assert undo.is_visible()
    assert page.evaluate("document.activeElement.textContent") == "Angre"
    undo.tap()
    assert boxes(page).nth(0).is_checked() and boxes(page).nth(2).is_checked()
    assert not undo.is_visible()
    assert "tilbake" in page.locator(".mv-checklist__status").inner_text()
    page.reload()
    assert boxes(page).nth(0).is_checked() and boxes(page).nth(2).is_checked()
