"""Whole documents to print: every page of the guide, the strategy and the guidebook, in the
menu's order, with a table of contents, unique ids and links that still work."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import read_html, DESKTOP, PHONE, ROOT, FixtureLoader, project_config
from medvirkning.core.settings import load as load_settings
from medvirkning.printing import print_pages

DOCUMENTS = tuple(load_settings(project_config()["extra"], str(ROOT / "mkdocs.yml")).documents)


def soup(path: Path) -> BeautifulSoup:
    return read_html(path)


def nav_pages(nav) -> list[str]:
    pages = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            pages.extend(nav_pages(value))
        else:
            pages.append(value)
    return pages


def document_urls(folder: str) -> list[str]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=FixtureLoader)
    paths = [p for p in nav_pages(config["nav"]) if p.startswith(folder + "/")]
    return [p.removesuffix(".md").removesuffix("index").rstrip("/") + "/" for p in paths]


@pytest.fixture(scope="module")
def printed(built_site):
    return {folder: soup(built_site / folder / "utskrift" / "index.html") for folder in DOCUMENTS}


@pytest.mark.parametrize("folder", DOCUMENTS)
def test_print_page_holds_every_page_of_its_document_in_menu_order(built_site, printed, folder):
    urls = document_urls(folder)
    assert len(urls) >= 4
    article = printed[folder].find("article")
    sections = article.select("section.mv-utskrift-del")
    assert [s["id"] for s in sections] == [print_pages.section_id(u) for u in urls]
    contents = [a["href"] for a in article.select("nav.mv-utskrift-innhold ol a")]
    assert contents == [f"#{s['id']}" for s in sections]
    for url, section in zip(urls, sections):
        original = soup(built_site / url / "index.html").find("article")
        assert section.find("h2").get_text().rstrip("#").strip() == original.find("h1").get_text().strip()
        # Every section of the page is there, one level down.
        own = [h.get_text().rstrip("#").strip() for h in original.find_all(["h2", "h3", "h4"])]
        there = [h.get_text().rstrip("#").strip() for h in section.find_all(["h3", "h4", "h5"])]
        assert there == own, url


@pytest.mark.parametrize("folder", DOCUMENTS)
def test_ids_are_unique_and_every_link_resolves(built_site, printed, folder):
    page = printed[folder]
    ids = [tag["id"] for tag in page.find_all(id=True)]
    assert len(ids) == len(set(ids))
    page_dir = built_site / folder / "utskrift"
    for link in page.find("article").find_all("a", href=True):
        href = link["href"]
        if href.startswith(("http:", "https:", "mailto:")):
            continue
        address, _, anchor = href.partition("#")
        if not address:
            assert anchor in ids, href
            continue
        target = (page_dir / address).resolve()
        target = target / "index.html" if target.is_dir() else target
        assert target.exists(), href
        if anchor:
            assert soup(target).find(id=anchor) is not None, href


def test_measure_ids_keep_working_on_the_strategy_print_page(printed):
    page = printed["strategi"]
    for anchor in ("tiltak-2-5-5", "tiltak-2-1-5", "mal-3-1"):
        assert page.find(id=anchor) is not None
    # A link from one strategy page to another goes to the section on the print page.
    assert page.select_one('a[href="#tiltak-2-3-1"]') is not None or page.select_one('a[href="#tiltak-2-1-5"]')


def test_every_id_of_each_page_is_on_the_print_page(built_site, printed):
    for folder in DOCUMENTS:
        ids = {tag["id"] for tag in printed[folder].find_all(id=True)}
        for url in document_urls(folder):
            section = print_pages.section_id(url)
            for tag in soup(built_site / url / "index.html").find("article").find_all(id=True):
                if any("mv-bare-pa-nett" in p.get("class", []) for p in [tag, *tag.parents]):
                    continue  # forms: of no use on paper, left out of the print page
                assert tag["id"] in ids or f"{section}-{tag['id']}" in ids, f"{url}#{tag['id']}"


def test_print_pages_are_out_of_search_and_the_report(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d for d in index["docs"] if "/utskrift/" in "/" + d["location"]]
    report = json.loads((built_site / "tilgjengelighet.json").read_text(encoding="utf-8"))
    assert not [p for p in report["pages"] if p["url"].endswith("utskrift/")]


def test_each_document_links_to_its_print_page(built_site):
    for folder in DOCUMENTS:
        assert soup(built_site / folder / "index.html").select_one('article a[href="utskrift/"]'), folder


@pytest.mark.parametrize("folder", DOCUMENTS)
def test_print_page_prints(browser, site_url, folder):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(site_url + f"{folder}/utskrift/")
    page.emulate_media(media="print")
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator("form").first.is_visible()
    breaks = page.evaluate("getComputedStyle(document.querySelector('.mv-utskrift-del')).breakBefore")
    assert breaks == "page"
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") >= 4
    context.close()


def test_print_page_on_a_phone_has_no_sideways_scrolling(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + "strategi/utskrift/")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()


@pytest.mark.parametrize("folder", DOCUMENTS)
def test_print_page_has_the_same_ids_in_every_language(built_site, folder):
    """A link to a section of a print page works in every language: the same ids, in the same
    order, and none made from a language's folder (side-nn-…)."""
    def ids(language_folder: str) -> list[str]:
        page = soup(built_site / language_folder / folder / "utskrift" / "index.html")
        return [tag["id"] for tag in page.find("article").find_all(id=True)]

    bokmal = ids("")
    assert len(bokmal) > 20
    for language_folder in ("nn/", "en/"):
        other = ids(language_folder)
        assert not [i for i in other if i.startswith(("side-nn-", "side-en-"))], language_folder
        assert other == bokmal, (language_folder, [i for i in other if i not in bokmal][:5])


def test_section_ids_carry_no_language_folder():
    assert print_pages.section_id("nn/strategi/bedre-tjenester/", "nn/") == "side-strategi-bedre-tjenester"
    assert print_pages.section_id("strategi/bedre-tjenester/") == "side-strategi-bedre-tjenester"
    assert print_pages.section_id("en/", "en/") == "side-forside"
