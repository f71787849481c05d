"""Two tasks of issue 22 on a 360×740 phone, in Chromium, in bokmål, nynorsk and English: copy a
measure's citation with the keyboard (the clipboard holds the citation written beside the button),
and find the meetings page by searching an everyday word the site does not use («dagsorden»)."""
from __future__ import annotations

import pytest

from helpers import PHONE

LANGUAGES = {"nb": "", "nn": "nn/", "en": "en/"}
# (language, query, the page it must find): the words of the issue, and the site's word is elsewhere.
SEARCHES = [
    ("nb", "dagsorden", "veiviser/moter/"),
    ("nn", "dagsorden", "veiviser/moter/"),
    ("en", "agenda", "veiviser/moter/"),
    ("en", "order of business", "veiviser/moter/"),
    ("nb", "årsmelding", "veiviser/maler/arsrapport/"),
    ("nn", "årsmelding", "veiviser/maler/arsrapport/"),
    ("en", "annual report", "veiviser/maler/arsrapport/"),
]


@pytest.fixture(scope="module")
def phone(browser, site_url):
    context = browser.new_context(viewport=PHONE, permissions=["clipboard-read", "clipboard-write"])
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.split("/medvirkning")[0])
    yield context
    context.close()


@pytest.mark.parametrize("locale", LANGUAGES)
def test_copy_a_measures_citation_with_the_keyboard(phone, site_url, locale):
    page = phone.new_page()
    page.goto(f"{site_url}{LANGUAGES[locale]}strategi/god-kompetanse/#tiltak-1-1-2")
    box = page.locator("#tiltak-1-1-2 + .mv-citation")
    button = box.locator("button.mv-citation__copy")
    assert button.is_visible()
    box_width = button.bounding_box()["width"]
    assert 0 < box_width <= PHONE["width"]
    button.focus()
    page.keyboard.press("Enter")
    citation = " ".join(box.locator(".mv-citation__text").inner_text().split())
    page.wait_for_function("text => document.getElementById('mv-link-status')?.textContent.includes(text)", arg=citation)
    assert page.evaluate("navigator.clipboard.readText()") == citation
    assert citation.endswith(f"{LANGUAGES[locale]}strategi/god-kompetanse/#tiltak-1-1-2")
    assert "1.1.2" in citation
    page.close()


@pytest.mark.parametrize("locale, query, target", SEARCHES)
def test_an_everyday_word_finds_the_page(phone, site_url, locale, query, target):
    page = phone.new_page()
    page.goto(f"{site_url}{LANGUAGES[locale]}")
    page.locator('.md-header [data-mv-toggle="__search"]').first.click()
    field = page.locator(".md-search__input")
    field.click()
    page.keyboard.type(query)
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return m && /\\d|(Ingen|No) /.test(m.textContent) && !/…/.test(m.textContent) }")
    page.wait_for_timeout(300)  # the last keystroke's results
    hrefs = page.locator(".md-search-result__item > a").evaluate_all("links => links.map(a => a.href)")
    assert any(f"{LANGUAGES[locale]}{target}" in href.split("/medvirkning/", 1)[1] for href in hrefs), (query, hrefs[:8])
    page.close()
