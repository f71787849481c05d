"""Templates: pages that print as clean forms, with Word and Markdown files made from the same text.

Every heading links to the section that explains it, every link resolves, each template says
it is the site's own and not an official NAV form, and the downloads hold the same headings.
"""
from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import markdown as python_markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import read_html, strings, DESKTOP, PHONE, ROOT
from medvirkning.templates import downloads as templates_docs

TEMPLATES = ["mandat", "innkalling", "referat", "arsrapport", "evaluering"]
FOLDER = "veiviser/maler"
STRINGS = yaml.safe_load((ROOT / "data/sprak/nb.yml").read_text(encoding="utf-8"))
SITE_URL = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:")[0])["site_url"]
# Where each template is explained: the page links to it.
EXPLAINED_ON = {"mandat": "veiviser/mandat", "innkalling": "veiviser/moter", "referat": "veiviser/moter",
                "arsrapport": "veiviser/arshjul", "evaluering": "veiviser/arshjul"}


def soup(path: Path) -> BeautifulSoup:
    return read_html(path)


def resolves(site: Path, page_dir: Path, href: str) -> bool:
    """A relative link of a built page leads to a file, and to its id if it has one."""
    address, _, anchor = href.partition("#")
    target = (page_dir / address).resolve() if address else page_dir.resolve()
    if target.is_dir():
        target = target / "index.html"
    if not target.exists() or not str(target).startswith(str(site.resolve())):
        return False
    return not anchor or soup(target).find(id=anchor) is not None


def resolves_published(site: Path, url: str) -> bool:
    assert url.startswith(SITE_URL), url
    address = url[len(SITE_URL):]
    return resolves(site, site, address)


@pytest.mark.parametrize("name", TEMPLATES)
def test_every_heading_links_to_an_existing_section(built_site, name):
    page_dir = built_site / FOLDER / name
    article = soup(page_dir / "index.html").find("article")
    headings = article.find_all("h2")
    assert len(headings) >= 3
    for heading in headings:
        source = heading.find_next_sibling()
        assert source is not None and "mv-mal-kilde" in source.get("class", []), heading.get_text()
        links = source.find_all("a", href=True)
        assert links, heading.get_text()
        for link in links:
            assert resolves(built_site, page_dir, link["href"]), f"{name}: {link['href']}"


@pytest.mark.parametrize("name", TEMPLATES)
def test_template_says_it_is_ours_not_an_official_nav_form(built_site, name):
    notice = soup(built_site / FOLDER / name / "index.html").select_one("article h1 + .admonition.abstract")
    assert notice is not None and "ikke et offisielt skjema fra NAV" in notice.get_text()
    assert notice.select_one(f'a[href="../{name}.docx"][download]') is not None
    assert notice.select_one(f'a[href="../{name}.md"][download]') is not None


@pytest.mark.parametrize("name", TEMPLATES)
def test_word_file_has_the_headings_and_a_box_per_field(built_site, name):
    article = soup(built_site / FOLDER / name / "index.html").find("article")
    document = docx.Document(str(built_site / FOLDER / f"{name}.docx"))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [h.get_text().rstrip("#").strip() for h in article.find_all("h2")]
    assert len(document.tables) == len(article.select("p.mv-felt"))
    text = "\n".join(p.text for p in document.paragraphs)
    assert STRINGS["mal_merknad"] in text
    for url in re.findall(r"\((https?://[^)\s]+)\)", text):
        assert resolves_published(built_site, url), url


@pytest.mark.parametrize("name", TEMPLATES)
def test_markdown_file_is_clean_and_its_links_resolve(built_site, name):
    text = (built_site / FOLDER / f"{name}.md").read_text(encoding="utf-8")
    assert not re.search(r"\{[:.#]", text) and "<!--" not in text and not text.startswith("---")
    assert STRINGS["mal_merknad"] in text
    links = re.findall(r"\]\(([^)]+)\)", text)
    assert links
    for url in links:
        assert resolves_published(built_site, url), url
    html = BeautifulSoup(python_markdown.markdown(text), "html.parser")
    article = soup(built_site / FOLDER / name / "index.html").find("article")
    assert [h.get_text() for h in html.find_all("h2")] == \
        [h.get_text().rstrip("#").strip() for h in article.find_all("h2")]


# What must never reach a paragraph of a Word file (issue 21): Markdown the reader would see as is.
MARKDOWN_IN_WORD = {"!!!": r"!!!", "{ .klasse }": r"\{:?\s*[.#][^}]*\}", "**": r"\*\*",
                    "[tekst](adresse)": r"\[[^\]]*\]\([^)]*\)", "<!--": r"<!--"}
LANGUAGE_FOLDERS = {"nb": "", "nn": "nn/", "en": "en/"}


def word_paragraphs(document) -> list:
    """Every paragraph of a Word file: the body's and those in tables."""
    return [*document.paragraphs, *(p for table in document.tables for row in table.rows for cell in row.cells
                                    for p in cell.paragraphs)]


def template_boxes(article) -> list:
    """The boxes the template's text has: not the notice with the download links, not the offline box."""
    return [box for box in article.select(".admonition:not(h1 + .admonition)") if box.find_parent(class_="mv-offline") is None]


def test_every_word_file_in_every_language_has_no_markdown_and_shows_the_pages_boxes(built_site):
    files = sorted(built_site.rglob("*.docx"))
    assert len(files) == len(TEMPLATES) * len(LANGUAGE_FOLDERS)
    for path in files:
        document = docx.Document(str(path))
        paragraphs = word_paragraphs(document)
        for paragraph in paragraphs:
            for name, pattern in MARKDOWN_IN_WORD.items():
                assert not re.search(pattern, paragraph.text), f"{path.name}: {name} in «{paragraph.text}»"
        # Each box of the page (but the page's own notice with the download links) is a titled box:
        # a bold title in a bordered paragraph, then its text in bordered paragraphs.
        page = soup(path.parent / path.name.split(".")[0] / "index.html").find("article")
        body = document.paragraphs
        for box in template_boxes(page):
            title = box.select_one(".admonition-title").get_text(strip=True)
            first = " ".join(box.select_one(".admonition-title ~ p").get_text().split())[:40]
            at = next((i for i, p in enumerate(body) if p.text == title), None)
            assert at is not None, f"{path.name}: no box «{title}»"
            assert all(run.bold for run in body[at].runs) and templates_docs.is_in_box(body[at])
            assert templates_docs.is_in_box(body[at + 1]) and body[at + 1].text.startswith(first), path.name
        # The notice that the template is the site's own is the first box, with its title.
        words = strings(path.relative_to(built_site).parts[0] if path.relative_to(built_site).parts[0] in ("nn", "en")
                        else "nb")
        notice = next(i for i, p in enumerate(body) if templates_docs.is_in_box(p))
        assert body[notice].text == words["mal_merknad_tittel"] and body[notice + 1].text == words["mal_merknad"]


def test_word_file_shows_lists_as_lists_and_links_as_text_with_the_address():
    markdown = ("# Mal\n\n!!! note \"Slik bruker du malen\"\n\n    - Fyll ut **feltene**.\n"
                "    - Les [møtene](https://e.invalid/moter/).\n\nTekst med [lenke](https://e.invalid/a/#b).\n\n"
                "1. Først\n2. Så\n")
    document = docx.Document(io.BytesIO(templates_docs.docx_bytes(markdown, "Mal")))
    rows = [(p.style.name, p.text, templates_docs.is_in_box(p)) for p in document.paragraphs if p.text]
    assert rows == [("Title", "Mal", False), ("Normal", "Slik bruker du malen", True),
                    ("List Bullet", "Fyll ut feltene.", True),
                    ("List Bullet", "Les møtene (https://e.invalid/moter/).", True),
                    ("Normal", "Tekst med lenke (https://e.invalid/a/#b).", False),
                    ("List Number", "Først", False), ("List Number", "Så", False)]
    assert [r.text for r in document.paragraphs[2].runs if r.bold] == ["feltene"]


@pytest.mark.parametrize("language", LANGUAGE_FOLDERS)
def test_markdown_download_keeps_each_box_as_a_quote_with_its_title(built_site, language):
    folder = built_site / LANGUAGE_FOLDERS[language] / FOLDER
    suffix = "" if language == "nb" else f".{language}"
    text = (folder / f"arsrapport{suffix}.md").read_text(encoding="utf-8")
    assert "!!!" not in text and "\n    " not in text  # no box syntax, no text that would show as code
    html = BeautifulSoup(python_markdown.markdown(text), "html.parser")
    page = soup(folder / "arsrapport" / "index.html").find("article")
    quotes = {" ".join(q.get_text().split()) for q in html.find_all("blockquote")}
    boxes = template_boxes(page)
    assert boxes
    for box in boxes:
        title = box.select_one(".admonition-title").get_text(strip=True)
        first = " ".join(box.select_one(".admonition-title ~ p").get_text().split())[:40]
        assert any(f"{title} {first}" in q for q in quotes), (title, quotes)
        assert html.find("strong", string=title) is not None


def test_templates_are_linked_from_the_pages_that_explain_them(built_site):
    for name, explained in EXPLAINED_ON.items():
        page = soup(built_site / explained / "index.html")
        assert page.select_one(f'article a[href$="maler/{name}/"]') is not None, f"{explained} → {name}"


def test_agenda_follows_the_order_of_the_minutes():
    """Opening, approval of the last minutes, the cases, «Diverse», closing (minutes of March 2024)."""
    source = (ROOT / "docs" / FOLDER / "innkalling.md").read_text(encoding="utf-8")
    order = [source.index(s) for s in ("Åpning", "Godkjenning av referatet", "Sakene til behandling",
                                       "Diverse", "Avslutning")]
    assert order == sorted(order)


def test_download_markdown_strips_site_markup():
    source = ("---\ndescription: x\n---\n\n# Mal {#mal}\n\n<!-- generert: mal -->\n\nNavn:\n{ .mv-felt }\n\n"
              "## Del {#del}\n\nSe: [Møter](../moter.md#saklisten)\n{ .mv-mal-kilde }\n")
    prepared = templates_docs.prepared_markdown(source, "veiviser/maler/x.md", STRINGS,
                                                lambda path, anchor: f"https://e.invalid/{path}#{anchor}")
    text = templates_docs.download_markdown(prepared)
    assert text.startswith("# Mal\n\n> ")
    assert "Navn:\n\n## Del\n\nSe: [Møter](https://e.invalid/veiviser/moter.md#saklisten)\n" in text
    assert "{" not in text


# ---- Print ----

@pytest.fixture
def printed(browser, site_url):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("name", TEMPLATES)
def test_template_prints_as_a_clean_form(printed, site_url, name):
    printed.goto(site_url + f"{FOLDER}/{name}/")
    printed.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", "a[download]"):
        assert not printed.locator(hidden).first.is_visible(), hidden
    assert printed.get_by_text("ikke et offisielt skjema fra NAV").is_visible()
    # Each field has a box to write in: the label's ::after has a border and room.
    box = printed.evaluate("""() => {
        const style = getComputedStyle(document.querySelector('p.mv-felt'), '::after');
        return [style.borderTopStyle, parseFloat(style.minHeight), style.borderTopColor];
    }""")
    assert box[0] == "solid" and box[1] >= 30 and box[2] == "rgb(0, 0, 0)"
    pdf = printed.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


def test_template_on_a_phone_has_no_sideways_scrolling(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + f"{FOLDER}/mandat/")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()
