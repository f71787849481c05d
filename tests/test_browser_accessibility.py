"""Accessibility in Chromium, by hand: the keyboard (the skip link, visible focus, the menu and
the search) at desktop and phone size. axe-core and the HTML checker are in test_browser_axe.py.
"""
from __future__ import annotations

import pytest

from helpers import DESKTOP, PHONE

FOCUS_STOPS = 25  # Tab presses checked for a visible focus on each page type

# What has focus, and whether it shows: the ring on it (or, for Material's hidden palette
# radio, on its label), inside the window and not covered by anything.
FOCUSED = """() => {
  let element = document.activeElement;
  if (element.matches('.md-option')) element = element.nextElementSibling;
  const style = getComputedStyle(element), box = element.getBoundingClientRect();
  const x = box.left + box.width / 2, y = box.top + box.height / 2;
  const inWindow = box.width > 0 && box.height > 0 && x >= 0 && y >= 0 && x < innerWidth && y < innerHeight;
  const top = inWindow ? document.elementFromPoint(x, y) : null;
  return {
    tag: element.tagName, text: (element.getAttribute('aria-label') || element.textContent).trim().slice(0, 40),
    ring: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none',
    shown: Boolean(top && (element.contains(top) || top.contains(element))),
    inContent: Boolean(element.closest('.md-content')), inMenu: Boolean(element.closest('.md-nav--primary')),
    href: element.getAttribute('href'), url: element.href || null,
  };
}"""


@pytest.fixture(params=[DESKTOP, PHONE], ids=lambda size: f"{size['width']}px")
def window(request, browser):
    context = browser.new_context(viewport=request.param)
    yield context.new_page()
    context.close()


def focused(page) -> dict:
    return page.evaluate(FOCUSED)


def tab(page, times: int = 1) -> dict:
    for _ in range(times):
        page.keyboard.press("Tab")
    settle(page)
    return focused(page)


SLIDING_OR_FADING = """() => !document.getAnimations().some(a => a.playState === 'running'
  && ['opacity', 'transform', 'visibility'].includes(a.transitionProperty))"""


def settle(page) -> None:
    """Wait until menus and overlays have finished sliding and fading (not for colour changes)."""
    page.wait_for_function(SLIDING_OR_FADING)


def test_skip_link_is_the_first_stop_and_leads_to_the_content(window, site_url):
    window.goto(site_url + "veiviser/moter/")
    first = tab(window)
    assert first["tag"] == "A" and first["text"] == "Gå til innhold", first
    assert first["ring"] and first["shown"]
    window.keyboard.press("Enter")
    assert window.evaluate("location.hash") == "#" + window.locator("article h1").get_attribute("id")
    assert tab(window)["inContent"], "etter «Gå til innhold» skal neste tabulatorstopp være i innholdet"


@pytest.mark.parametrize("address", ["veiviser/moter/", "sjekklister/mote/"])
def test_focus_is_always_visible(window, site_url, address):
    window.goto(site_url + address)
    for stop in range(FOCUS_STOPS):
        now = tab(window)
        if now["tag"] == "BODY":
            break
        assert now["ring"] and now["shown"], f"/{address}, stopp {stop + 1}: {now}"


@pytest.mark.parametrize("key", ["s", "f", "/", "n", ".", "p", ","])
def test_no_shortcut_on_a_single_key(browser, site_url, key):
    """WCAG 2.1.4: a single letter or sign typed on the page (or said by speech input) neither
    opens the search nor changes the page; in the search field it is typed as usual."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(site_url + "veiviser/moter/")
    page.locator("article h1").click()
    page.keyboard.press(key)
    page.wait_for_timeout(300)
    assert page.url == site_url + "veiviser/moter/"
    assert not page.evaluate("document.getElementById('__search').checked")
    page.locator(".md-search__input").focus()
    page.keyboard.type(key + "n")
    assert page.locator(".md-search__input").input_value() == key + "n"
    context.close()


@pytest.mark.parametrize("address", ["veiviser/maler/referat/", "nn/veiviser/moter/"])
def test_nothing_scrolls_sideways_at_320_px(browser, site_url, address):
    """WCAG 1.4.10 (a 1280 px window at 400 %): neither the page nor a part of it but a wide table
    scrolls sideways; the breadcrumbs wrap instead."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(site_url + address)
    sideways = page.evaluate("""() => [document.scrollingElement, ...document.querySelectorAll('body *')]
      .filter(e => e.scrollWidth > e.clientWidth + 1 && !e.closest('.md-typeset__scrollwrap, .md-sidebar, .md-search')
        && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX) || e === document.scrollingElement
        && e.scrollWidth > e.clientWidth + 1)
      .map(e => e.className || e.tagName)""")
    assert sideways == [], f"/{address} ved 320 px: {sideways}"
    context.close()


def search_results(page) -> list[str]:
    page.wait_for_selector(".md-search-result__item a", state="visible")
    return page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")


def test_search_with_the_keyboard_on_a_wide_screen(browser, site_url):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(site_url + "strategi/")
    for _ in range(10):
        if page.evaluate("document.activeElement.matches('.md-search__input')"):
            break
        tab(page)
    assert focused(page)["ring"]
    page.keyboard.type("brukerutvalg")
    results = search_results(page)
    page.keyboard.press("ArrowDown")
    first = focused(page)
    assert first["ring"] and first["shown"] and first["href"]
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url != site_url + "strategi/")
    assert page.url.split("#")[0] in [r.split("#")[0] for r in results]
    context.close()


def test_search_with_the_keyboard_on_a_phone(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + "strategi/")
    for _ in range(10):
        if tab(page)["text"] == "Søk":
            break
    assert focused(page)["ring"] and focused(page)["shown"]
    page.keyboard.press("Enter")  # opens the search; what is typed goes into the search field
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.type("brukerutvalg")
    assert page.evaluate("[document.activeElement.matches('.md-search__input'), document.activeElement.value]") == [
        True, "brukerutvalg"]
    search_results(page)
    page.keyboard.press("ArrowDown")
    first = focused(page)
    assert first["shown"] and first["href"], first
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url != site_url + "strategi/")
    context.close()


def test_menu_with_the_keyboard_on_a_phone(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + "veileder/")
    drawer_open = "document.getElementById('__drawer').checked"
    for _ in range(5):
        if tab(page)["text"] == "Navigasjon":
            break
    menu_button = focused(page)
    assert menu_button["tag"] == "BUTTON" and menu_button["ring"] and menu_button["shown"]
    assert not page.evaluate(drawer_open)
    button = page.get_by_role("button", name="Navigasjon")
    assert button.get_attribute("aria-expanded") == "false"

    page.keyboard.press("Enter")
    assert page.evaluate(drawer_open)
    assert button.get_attribute("aria-expanded") == "true"
    menu_links = []
    for stop in range(30):  # every stop in the open menu can be seen; then the page behind is skipped
        now = tab(page)
        if now["tag"] == "BODY" or now["text"] == "Gå til innhold":
            break
        assert not now["inContent"], f"stopp {stop + 1} er i siden bak menyen: {now}"
        assert now["ring"] and now["shown"], f"stopp {stop + 1}: {now}"
        if now["inMenu"] and now["href"]:
            menu_links.append(now)
    assert len(menu_links) >= 5

    page.keyboard.press("Shift+Tab")  # back to the last link, and follow it
    target = focused(page)
    page.keyboard.press("Enter")
    page.wait_for_url(target["url"])
    context.close()


def test_menu_closes_with_the_keyboard(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + "veileder/")
    tab(page, 2)
    assert focused(page)["text"] == "Navigasjon"
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('__drawer').checked")
    assert focused(page)["shown"], "menyknappen skal kunne ses også når menyen er åpen"
    page.keyboard.press("Enter")
    assert not page.evaluate("document.getElementById('__drawer').checked")
    context.close()


def test_menu_sections_are_buttons_that_say_whether_they_are_open(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url)
    page.get_by_role("button", name="Navigasjon").click()
    settle(page)
    page.locator(".md-nav__container > button.mv-toggle", has_text="Veiviser for utvalgsarbeid").click()
    settle(page)
    section = page.locator("button.md-nav__link[data-mv-toggle]", has_text="Grunnlaget")
    assert section.get_attribute("aria-expanded") == "false"
    section.focus()
    page.keyboard.press("Enter")
    settle(page)
    assert section.get_attribute("aria-expanded") == "true"
    back = page.locator("button.md-nav__title[data-mv-back]", has_text="Grunnlaget")
    back.focus()
    assert focused(page)["shown"]
    page.keyboard.press("Space")
    settle(page)
    assert section.get_attribute("aria-expanded") == "false"
    context.close()
