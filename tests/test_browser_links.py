"""«Kopier lenke» in Chromium: keyboard, the copied address, and the announcement."""
from __future__ import annotations

from helpers import DESKTOP, PHONE, origin

PAGE = "strategi/gode-arenaer/"


def test_copy_link_with_the_keyboard(browser, site_url):
    context = browser.new_context(viewport=DESKTOP)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin(site_url))
    page = context.new_page()
    page.goto(site_url + PAGE)
    link = page.locator('#tiltak-2-1-5 a.headerlink')
    assert link.get_attribute("aria-label").startswith("Kopier lenke til denne delen: Tiltak 2.1.5")
    link.focus()
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#tiltak-2-1-5"
    page.keyboard.press("Enter")
    # A function, not a string: the site's Content-Security-Policy forbids eval of strings.
    page.wait_for_function("() => document.getElementById('mv-link-status')?.textContent.length > 0")
    expected = site_url + PAGE + "#tiltak-2-1-5"
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert page.locator("#mv-link-status").text_content() == f"Lenken er kopiert: {expected}"
    assert page.url == expected
    context.close()


def test_section_link_without_javascript_leads_to_the_section(browser, site_url):
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + PAGE)
    link = page.locator('#mal-2-3 a.headerlink')
    assert link.get_attribute("aria-label") == "Lenke til denne delen"
    link.click()
    assert page.url.endswith("#mal-2-3")
    context.close()


def test_menu_button_opens_with_the_space_bar(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + PAGE)
    menu = page.get_by_role("button", name="Navigasjon")
    menu.focus()
    page.keyboard.press("Space")
    assert page.evaluate("document.getElementById('__drawer').checked")
    context.close()


def test_copied_link_is_clean_after_arriving_from_a_search(browser, site_url):
    """A reader who came from a search has ?h=… in the address (the highlights); the copied link
    is the page and the section only, so nobody who opens it gets the highlights."""
    context = browser.new_context(viewport=PHONE, has_touch=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin(site_url))
    page = context.new_page()
    page.goto(site_url + PAGE + "?h=mandat#tiltak-2-1-5")
    heading = page.locator("#tiltak-2-3-3")
    box_before = heading.bounding_box()
    heading.locator("a.headerlink").tap()
    page.wait_for_function("() => document.getElementById('mv-link-status')?.textContent.length > 0")
    expected = site_url + PAGE + "#tiltak-2-3-3"
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert page.url == expected
    # The confirmation is shown beside the link, and the heading does not move or wrap.
    link = heading.locator("a.headerlink")
    assert "mv-copied" in link.get_attribute("class")
    assert link.evaluate("a => getComputedStyle(a, '::after').content") == '"Lenken er kopiert"'
    assert heading.bounding_box()["height"] == box_before["height"]
    context.close()
