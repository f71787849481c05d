"""Abbreviations in Chromium: the first use on a page explains itself by touch, keyboard and
screen reader (a link to the glossary entry whose name says the full form); the later uses
look like plain text, so nothing seems tappable that does nothing."""
from __future__ import annotations

from helpers import PHONE

PAGE = "veiviser/hva-er-et-brukerutvalg/"


def first_term(page):
    return page.locator("article a.mv-term").first


def test_a_screen_reader_hears_the_full_form(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + PAGE)
    term = first_term(page)
    short = term.inner_text().strip()
    full = term.locator("abbr").get_attribute("title")
    assert page.get_by_role("link", name=f"{short}, {full}").count() >= 1
    context.close()


def test_tap_opens_the_glossary_entry(browser, site_url):
    context = browser.new_context(viewport=PHONE, has_touch=True)
    page = context.new_page()
    page.goto(site_url + PAGE)
    term = first_term(page)
    anchor = term.get_attribute("href").partition("#")[2]
    term.tap()
    page.wait_for_url(f"**/ordliste/#{anchor}")
    assert page.locator(f"[id='{anchor}']").is_visible()
    context.close()


def test_keyboard_reaches_and_follows_it(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + PAGE)
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('a.mv-term')"):
            break
    assert page.evaluate("document.activeElement.matches('a.mv-term')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/ordliste/#*")
    context.close()


def test_later_uses_look_like_plain_text(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + PAGE)
    styles = page.evaluate("""() => [...document.querySelectorAll('article abbr')].map(a => ({
        linked: Boolean(a.closest('a')), line: getComputedStyle(a).textDecorationLine,
        border: getComputedStyle(a).borderBottomStyle}))""")
    later = [s for s in styles if not s["linked"]]
    linked = [s for s in styles if s["linked"]]
    assert later and linked
    assert all(s["line"] == "none" and s["border"] == "none" for s in later), later
    assert all(s["line"] == "underline" for s in linked), linked
    context.close()
