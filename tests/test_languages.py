"""The pipeline with three languages: every generated page exists in each language's folder,
says its language, links within it, and bokmål reads exactly as in a bokmål-only build.

The nynorsk and English texts here are stand-ins; the point is the pipeline, not the words.
"""
from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from helpers import read_html, build_in_process, make_project
from medvirkning.translations.status import fingerprint

FRONT = "---\ndescription: {}\n---\n\n"
CHECKLIST = 'Bli kjent med mandatet.\n\n!!! sjekkliste "nytt-medlem"\n\n    - {}\n'
PAGES = {
    "index.md": FRONT.format("Forsiden.") + "# Forside\n\nNAV har brukerutvalg. Se [møtene](moter.md#agenda).\n",
    "moter.md": FRONT.format("Om møter.") + "# Møter\n\n## Agenda\n\nLag agendaen i NAV.\n\n"
                + CHECKLIST.format("Les mandatet før første møte."),
    "ordliste.md": FRONT.format("Ordliste.") + "# Ordliste\n\n<!-- generert: ordliste -->\n",
    "sjekklister/index.md": FRONT.format("Sjekklister.") + "# Sjekklister\n\n<!-- generert: sjekklister -->\n",
    "tilgjengelighet/index.md": FRONT.format("Erklæring.") + "# Erklæring\n\n<!-- generert: tilgjengelighetsavvik -->\n",
    "tilgjengelighet/rapport.md": FRONT.format("Rapport.") + "# Rapport\n\n<!-- generert: tilgjengelighetsrapport -->\n",
    "oversettelser.md": FRONT.format("Oversettelser.") + "# Oversettelser\n\n<!-- generert: oversettelser -->\n",
    # Nynorsk: two pages translated (one of them from an older bokmål text); the others fall back.
    "index.nn.md": "---\ndescription: Framsida.\noversatt_fra: {index}\n---\n\n"
                   "# Framside\n\nNAV har brukarutval. Sjå [møta](moter.md#agenda).\n",
    "moter.nn.md": "---\ndescription: Om møte.\noversatt_fra: 0123456789ab\n---\n\n"
                   "# Møte\n\n## Agenda {#agenda}\n\nLag agendaen i NAV.\n\n"
                   + CHECKLIST.format("Les mandatet før første møtet."),
    # English: only the start page.
    "index.en.md": FRONT.format("Home.") + "# Home\n\nNAV has user councils. See [the meetings](moter.md#agenda).\n",
}
PAGES["index.nn.md"] = PAGES["index.nn.md"].replace("{index}", fingerprint(PAGES["index.md"]))
DATA = {
    "ordliste.yml": ("- ord: NAV\n  fullt: Arbeids- og velferdsforvaltningen\n  forklaring: Etaten.\n  side: moter.md\n"
                     "  en: {fullt: Norwegian Labour and Welfare Administration, forklaring: The agency.}\n"),
    "sjekklister.yml": ("- id: nytt-medlem\n  tittel: Nytt medlem\n  ingress: For deg som er nytt medlem.\n"
                        "  for: medlem\n  rekkefolge: [moter.md#agenda]\n"
                        "  nn: {tittel: Nytt medlem (nn), ingress: For deg som er nytt medlem.}\n"
                        "  en: {tittel: New member, ingress: For you as a new member.}\n"),
    "sprak/nn.yml": ("sist_oppdatert: Sist oppdatert\nbare_pa_standardspraket: Denne sida finst berre på bokmål.\n"
                     "malgrupper: {medlem: [nytt medlem]}\n"),
    "sprak/en.yml": ("sist_oppdatert: Last updated\nbare_pa_standardspraket: This page is only in Norwegian Bokmål.\n"
                     "sjekkliste_fra: 'From:'\nmalgrupper: {medlem: [new member]}\n"),
}
GENERATED = ["sjekklister/nytt-medlem/index.html", "ordliste/index.html", "tilgjengelighet/index.html",
             "tilgjengelighet/rapport/index.html", "tilgjengelighet.json", "search/search_index.json"]


BUILD_LOG: list[str] = []


@pytest.fixture(scope="module")
def three(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("tre-sprak")
    config = make_project(root / "project", PAGES, DATA, languages=["nn", "en"])
    ok, log = build_in_process(config, root / "site")
    assert ok, "\n".join(log)
    BUILD_LOG[:] = log
    return root / "site"


@pytest.fixture(scope="module")
def bokmal_only(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("bare-bokmal")
    pages = {k: v for k, v in PAGES.items() if not re.search(r"\.(nn|en)\.md$", k)}
    config = make_project(root / "project", pages, DATA)
    ok, log = build_in_process(config, root / "site")
    assert ok, "\n".join(log)
    return root / "site"


def read(path: Path) -> BeautifulSoup:
    return read_html(path)


@pytest.mark.parametrize("folder", ["", "nn/", "en/"])
def test_every_generated_page_exists_in_each_language(three, folder):
    for name in GENERATED:
        assert (three / folder / name).exists(), f"{folder}{name} mangler"


@pytest.mark.parametrize("folder, locale", [("", "nb"), ("nn/", "nn"), ("en/", "en")])
def test_every_page_says_its_language(three, folder, locale):
    pages = [p for p in (three / folder).rglob("index.html")
             if folder or not p.relative_to(three).parts[0] in ("nn", "en")]
    assert len(pages) >= 7
    for page in pages:
        html = read(page).find("html")
        assert html["lang"] == locale, page


def test_a_page_not_translated_says_so_and_carries_its_text_language(three):
    page = read(three / "en" / "moter" / "index.html")
    assert page.find("article")["lang"] == "nb"
    assert "This page is only in Norwegian Bokmål." in page.find(class_="mv-fallback-notice").get_text()
    translated = read(three / "nn" / "index.html")
    assert not translated.find("article").has_attr("lang") and translated.find(class_="mv-fallback-notice") is None


@pytest.mark.parametrize("folder", ["nn/", "en/"])
def test_links_stay_within_the_language(three, folder):
    """Every link in the content and the footer of another language's page leads into its folder."""
    for page in (three / folder).rglob("index.html"):
        url_dir = PurePosixPath("/", page.parent.relative_to(three).as_posix())
        soup = read(page)
        links = [a for area in (soup.find("article"), soup.find(class_="md-copyright")) if area
                 for a in area.find_all("a", href=True)]
        for link in links:
            href = link["href"]
            if urlsplit(href).scheme or href.startswith("#"):
                continue
            target = PurePosixPath(re.sub(r"/+", "/", str(url_dir / urlsplit(href).path)))
            resolved = PurePosixPath(*[p for p in target.parts])
            normalized = str(resolved).replace("/./", "/")
            parts: list[str] = []
            for part in normalized.split("/"):
                if part == "..":
                    parts.pop()
                elif part and part != ".":
                    parts.append(part)
            assert parts[:1] == [folder.strip("/")], f"{page}: «{href}» går ut av {folder}"


def test_checklist_in_each_language_comes_from_that_languages_page(three):
    bokmal = read(three / "sjekklister" / "nytt-medlem" / "index.html")
    nynorsk = read(three / "nn" / "sjekklister" / "nytt-medlem" / "index.html")
    english = read(three / "en" / "sjekklister" / "nytt-medlem" / "index.html")
    assert [li.label.get_text() for li in bokmal.select(".mv-checklist__item")] == ["Les mandatet før første møte."]
    assert [li.label.get_text() for li in nynorsk.select(".mv-checklist__item")] == ["Les mandatet før første møtet."]
    assert nynorsk.find("h1").get_text() == "Nytt medlem (nn)" and english.find("h1").get_text() == "New member"
    # English has no translation of the page, so its items are the bokmål ones, in English furniture.
    assert "From:" in english.select_one(".mv-checklist__source").get_text()


def test_glossary_links_lead_to_the_glossary_of_the_same_language(three):
    for folder in ("", "nn/", "en/"):
        start = read(three / folder / "index.html")
        term = start.select_one("a.mv-term")
        assert term is not None and term["href"].startswith("ordliste/#"), (folder, term)


def test_each_language_has_its_own_report_of_its_own_pages(three):
    import json
    for folder, locale in (("", "nb"), ("nn/", "nn"), ("en/", "en")):
        report = json.loads((three / folder / "tilgjengelighet.json").read_text(encoding="utf-8"))
        assert report["locale"] == locale
        assert all(page["url"].startswith(folder) for page in report["pages"])
        assert report["errors"] == 0


def test_bokmal_reads_as_in_a_bokmal_only_build(three, bokmal_only):
    """Only the language switcher and the alternates are new: every article is identical. The
    editors' overview of translations has something to say only with more languages, and so
    the report's row for it: those two are compared apart from that row."""
    import json
    alone, beside = (json.loads((site / "tilgjengelighet.json").read_text(encoding="utf-8"))
                     for site in (bokmal_only, three))
    other_rows = [[row for row in report["pages"] if row["src"] != "oversettelser.md"] for report in (alone, beside)]
    assert other_rows[0] == other_rows[1] and len(other_rows[0]) == len(alone["pages"]) - 1
    for page in bokmal_only.rglob("index.html"):
        relative = page.relative_to(bokmal_only)
        if relative.parts[0] == "oversettelser" or relative.as_posix() == "tilgjengelighet/rapport/index.html":
            continue
        alone, beside = read(page).find("article"), read(three / relative).find("article")
        assert beside is not None, relative
        assert str(beside) == str(alone), relative


def test_an_outdated_translation_is_told_to_readers_and_editors(three):
    outdated = read(three / "nn" / "moter" / "index.html").find(class_="mv-fallback-notice")
    assert outdated is not None and outdated.a["href"] == "../../moter/" and outdated.a["hreflang"] == "nb"
    assert read(three / "nn" / "index.html").find(class_="mv-fallback-notice") is None  # up to date
    assert any("docs/moter.nn.md: oversettelsen er eldre enn docs/moter.md" in line for line in BUILD_LOG)
    rows = {row.find("code").get_text(): [td.get_text(" ", strip=True) for td in row.find_all("td")[1:]]
            for row in read(three / "oversettelser" / "index.html").select("article table tbody tr")}
    assert rows["index.md"][0].startswith("oppdatert") and rows["moter.md"][0].startswith("utdatert")
    assert rows["ordliste.md"] == ["mangler", "mangler"] and rows["index.md"][1].startswith("oppdatert") is False


def test_a_fourth_language_is_data_not_code(tmp_path):
    """A stand-in fourth language: only the language list (mkdocs.yml) and a strings file are new."""
    data = {**DATA, "sprak/sv.yml": ("sist_oppdatert: Senast uppdaterad\nbare_pa_standardspraket: "
                                     "Den här sidan finns bara på norskt bokmål.\nsok_sprak: sv\nog_locale: sv_SE\n")}
    config = make_project(tmp_path / "project", PAGES, data, languages=["nn", "en", "sv"])
    ok, log = build_in_process(config, tmp_path / "site")
    assert ok, "\n".join(log)
    site = tmp_path / "site" / "sv"
    for name in GENERATED:
        assert (site / name).exists(), f"sv/{name} mangler"
    page = read(site / "moter" / "index.html")
    assert page.find("html")["lang"] == "sv" and page.find("article")["lang"] == "nb"
    assert "Den här sidan finns bara på norskt bokmål." in page.find(class_="mv-fallback-notice").get_text()
    import json
    assert json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["lang"] == ["sv"]


def test_every_page_names_its_versions_in_every_language(three):
    """The address of each page in every language (hreflang) is in sitemap.xml, for each of the
    page's addresses; <head> has no alternates, because Material's script fetches a sitemap.xml
    below each one it finds (files that do not exist: three failed requests on every page)."""
    import xml.etree.ElementTree as ElementTree
    names = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    sitemap = ElementTree.parse(three / "sitemap.xml").getroot()
    versions = {entry.findtext("s:loc", namespaces=names): {link.get("hreflang"): link.get("href")
                                                           for link in entry.findall("x:link", names)}
                for entry in sitemap.findall("s:url", names)}
    expected = {"nb": "https://navikt.github.io/medvirkning/moter/",
                "nn": "https://navikt.github.io/medvirkning/nn/moter/",
                "en": "https://navikt.github.io/medvirkning/en/moter/"}
    for folder in ("", "nn/", "en/"):
        assert versions[f"https://navikt.github.io/medvirkning/{folder}moter/"] == expected, folder
        page = read(three / folder / "moter" / "index.html")
        assert page.select('head link[rel="alternate"]') == [], folder
        assert page.find("meta", property="og:locale")["content"]


# ---- The real site: every page in every language, with the same section ids ----

ROOT = Path(__file__).resolve().parent.parent


def real_languages() -> list[str]:
    from helpers import project_config
    config = project_config()
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    return [language["locale"] for language in i18n["languages"] if not language.get("default")]


def test_every_bokmal_page_has_every_translation_with_the_same_section_ids():
    from medvirkning.anchors.ids import heading_lines
    from medvirkning.translations.status import sources, translation_path
    docs = ROOT / "docs"
    languages = real_languages()
    assert languages == ["nn", "en"]
    def expanded(path: Path) -> str:  # a page as readers get it, with its includes
        return re.sub(r"\{!\s*(.+?)\s*!\}", lambda m: (docs / m.group(1)).read_text(encoding="utf-8"),
                      path.read_text(encoding="utf-8"))

    for source in sources(docs, languages):
        bokmal = list(heading_lines(expanded(docs / source)))[1:]  # the page title's id may differ
        for locale in languages:
            translation = docs / translation_path(source, locale)
            assert translation.exists(), f"{translation_path(source, locale)} mangler"
            ids = list(heading_lines(expanded(translation)))[1:]
            assert ids == bokmal, f"{translation_path(source, locale)}: id-ene er ikke de samme som på bokmål"


def test_no_translation_is_outdated_or_missing():
    from medvirkning.translations.status import statuses
    found = statuses(ROOT / "docs", "nb", ["nb", *real_languages()])
    assert found and [(s.translation, s.state) for s in found if s.state != "current"] == []


def test_an_outdated_translation_is_found_when_its_source_changes(tmp_path):
    from medvirkning.translations.status import statuses, stamp
    (tmp_path / "side.md").write_text(PAGES["moter.md"], encoding="utf-8")
    (tmp_path / "side.nn.md").write_text(PAGES["moter.nn.md"], encoding="utf-8")
    stamp(tmp_path / "side.nn.md", tmp_path)
    assert [s.state for s in statuses(tmp_path, "nb", ["nb", "nn"])] == ["current"]
    (tmp_path / "side.md").write_text(PAGES["moter.md"] + "\nNy setning.\n", encoding="utf-8")
    assert [s.state for s in statuses(tmp_path, "nb", ["nb", "nn"])] == ["outdated"]


def test_each_language_has_its_own_not_found_page_and_the_root_keeps_bokmal(three):
    for folder, locale in (("", "nb"), ("nn/", "nn"), ("en/", "en")):
        assert read(three / folder / "404.html").find("html")["lang"] == locale, folder
