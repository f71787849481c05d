"""«Meld fra om feil på denne siden» in Chromium: the link works without JavaScript, and with it
the message also names the section the reader is at; the about page, where the link stands in
its own section, has no axe findings."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from conftest import DESKTOP
import browser_audit

# Stop the browser from opening a mail program, after the page's own handlers have run.
KEEP_HERE = """() => document.addEventListener('click', event => {
  if (event.target.closest('a[data-mv-report]')) event.preventDefault();
})"""


def body_of(href: str) -> str:
    return parse_qs(urlsplit(href).query)["body"][0]


def test_the_message_names_the_section_the_reader_is_at(browser, site_url):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(site_url + "veiviser/moter/#saklisten")
    page.evaluate(KEEP_HERE)
    mail = page.locator("a[data-mv-report]").first
    before = body_of(mail.get_attribute("href"))
    mail.click()
    after = body_of(mail.get_attribute("href"))
    assert "#saklisten" not in before and "https://navikt.github.io/medvirkning/veiviser/moter/" in before
    assert "Avsnittet: «Saklisten» " + site_url + "veiviser/moter/#saklisten" in after, after
    # Used again from another section: that section, once.
    page.evaluate("location.hash = '#hvor-ofte-motes-dere'")
    mail.click()
    again = body_of(mail.get_attribute("href"))
    assert again.count("Avsnittet:") == 1 and "#hvor-ofte-motes-dere" in again
    issue = page.locator("a[data-mv-report]").nth(1)
    issue.click()
    assert "#hvor-ofte-motes-dere" in body_of(issue.get_attribute("href"))
    context.close()


def test_the_link_works_without_javascript(browser, site_url):
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "en/veiviser/moter/")
    mail = page.get_by_role("link", name="Report an error on this page")
    assert mail.get_attribute("href").startswith("mailto:medvirkning@nav.no?")
    assert "https://navikt.github.io/medvirkning/en/veiviser/moter/" in body_of(mail.get_attribute("href"))
    context.close()


def test_axe_finds_nothing_on_the_about_page(site_url):
    views, _ = browser_audit.run_axe(site_url, ["om/", "nn/om/", "en/tilgjengelighet/"])
    problems = [f"/{address}: {v['id']} ({view.size}, {view.scheme})" for address, page_views in views.items()
                for view in page_views for v in view.violations]
    assert len(views) == 3 and problems == []
