"""The site's own search in Chromium, typed into the search box as a reader would: Norwegian word
forms find the same pages (lunr's Norwegian stemmer, hooks/medvirkning/search/index.py and
docs/assets/javascripts/workers/mv-search.js), a typo still finds something, and every result
opens the section it names."""
from __future__ import annotations

import pytest

from helpers import DESKTOP


@pytest.fixture(scope="module")
def search(browser, site_url):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(site_url)

    def run(query: str) -> list[dict]:
        field = page.locator(".md-search__input")
        field.fill("")
        field.click()
        page.keyboard.type(query)
        # Until the engine has answered, the line says it is loading or waiting for a word;
        # then it says how many hits («12 treff», «Ingen treff»).
        page.wait_for_function(
            "() => { const m = document.querySelector('.md-search-result__meta');"
            " return m && /treff/.test(m.textContent) }")
        # The last keystroke's results: the list is the same at two checks in a row.
        page.wait_for_function(
            "() => { const list = document.querySelector('.md-search-result__list');"
            " const now = list ? list.innerHTML : ''; const same = now === window.mvLastResults;"
            " window.mvLastResults = now; return same }", polling=150)
        return page.locator(".md-search-result__item > a").evaluate_all(
            "links => links.map(a => ({href: a.href, title: a.querySelector('h1, h2').textContent.trim()}))")

    yield run
    context.close()


@pytest.mark.parametrize("query, first", [
    ("møtene", "Møtene i utvalget"),
    ("møter", "Møtene i utvalget"),
    ("opplæringen", "Opplæring for begge sider"),
    ("SBU", "Sentralt brukerutvalg"),
])
def test_the_page_about_it_comes_first(search, query, first):
    results = search(query)
    assert results and results[0]["title"] == first, results[:3]


def test_word_forms_find_the_same_pages(search):
    pages = [{r["href"].split("?")[0] for r in search(word)} for word in ("møtene", "møter", "møte")]
    assert pages[0] == pages[1] == pages[2] and len(pages[0]) > 5


def test_one_wrong_letter_still_finds_the_page(search):
    results = search("rekrutteting")
    assert any(r["title"].startswith("Rekruttering") for r in results), results[:3]


def test_every_result_opens_the_section_it_names(browser, site_url, search):
    results = search("mandat")
    assert len(results) >= 3
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    for result in results[:8]:
        page.goto(result["href"])
        fragment = result["href"].partition("#")[2]
        heading = page.locator(f"[id='{fragment}']" if fragment else "article h1")
        assert heading.count() == 1, result
        assert " ".join(heading.inner_text().replace("#", "").split()) == result["title"], result
    context.close()
