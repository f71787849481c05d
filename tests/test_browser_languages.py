"""The language switcher in Chromium: from a deep section, bokmål → nynorsk → English, the
reader stays on the page and the section; without JavaScript, on the page."""
from __future__ import annotations

from helpers import PHONE

SECTION = "strategi/gode-arenaer/#tiltak-2-5-5"


def switch_to(page, language_name: str) -> None:
    page.locator(".md-header .md-select button").first.click()
    page.get_by_role("link", name=language_name).click()
    page.wait_for_load_state("domcontentloaded")


def test_switching_language_keeps_page_and_section(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url + SECTION)
    for name, folder, lang in (("Norsk nynorsk", "nn/", "nn"), ("English", "en/", "en"),
                               ("Norsk bokmål", "", "nb")):
        switch_to(page, name)
        assert page.url == site_url + folder + SECTION, page.url
        assert page.locator("html").get_attribute("lang") == lang
        assert page.locator("#tiltak-2-5-5").count() == 1
        assert page.evaluate("document.getElementById('tiltak-2-5-5').getBoundingClientRect().top") < 300
    context.close()


def test_without_javascript_the_switcher_leads_to_the_same_page(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + SECTION)
    links = {a.get_attribute("hreflang"): a.get_attribute("href") for a in page.locator("a.md-select__link").all()}
    assert links == {"nb": "./", "nn": "../../nn/strategi/gode-arenaer/", "en": "../../en/strategi/gode-arenaer/"}, links
    context.close()
