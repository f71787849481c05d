"""The real site: its documents, entry points, citable ids and headings."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import content_pages, read_html, read_tree

STRATEGY_MEASURES = {
    "god-kompetanse": {"1-1": 5, "1-2": 4, "1-3": 3},
    "gode-arenaer": {"2-1": 5, "2-2": 3, "2-3": 4, "2-4": 6, "2-5": 5},
    "bedre-tjenester": {"3-1": 4, "3-2": 4, "3-3": 6},
}
ROLE_ENTRY_POINTS = [
    "Jeg er brukerrepresentant",
    "Jeg jobber i NAV",
    "Jeg leder eller er sekretær for et brukerutvalg",
]


def soup(path: Path) -> BeautifulSoup:
    return read_html(path)


def heading_text(heading) -> str:
    """A heading's own words, without its permalink."""
    return "".join(t for t in heading.find_all(string=True) if not t.find_parent("a", class_="headerlink")).strip()


def resolve(page: Path, href: str, site: Path) -> tuple[Path, str]:
    """The built file and fragment a relative link on `page` points to."""
    target, _, fragment = href.partition("#")
    path = (page.parent / target).resolve() if target else page
    if path.is_dir() or target.endswith("/"):
        path = path / "index.html"
    return path, fragment


@pytest.mark.parametrize("folder", ["veileder", "strategi", "veiviser", "om"])
def test_each_document_has_an_index_page(built_site, folder):
    assert (built_site / folder / "index.html").exists()


def test_start_page_has_entry_points_by_role(built_site):
    page = built_site / "index.html"
    html = soup(page)
    headings = [heading_text(h) for h in html.select("article h2")]
    for role in ROLE_ENTRY_POINTS:
        assert role in headings, f"mangler inngang for «{role}»"
        heading = next(h for h in html.select("article h2") if heading_text(h) == role)
        links = []
        for sibling in heading.find_next_siblings():
            if sibling.name == "h2":
                break
            links += [a["href"] for a in sibling.select("a[href]")]
        assert len(links) >= 2, f"«{role}» leder til for få sider: {links}"
        for href in links:
            path, _ = resolve(page, href, built_site)
            assert path.exists(), f"«{role}» lenker til {href}, som ikke finnes"


@pytest.mark.parametrize("page_name, goals", STRATEGY_MEASURES.items())
def test_strategy_measures_have_citable_ids(built_site, page_name, goals):
    html = soup(built_site / "strategi" / page_name / "index.html")
    for goal, count in goals.items():
        goal_heading = html.find(id=f"mal-{goal}")
        assert goal_heading is not None and goal_heading.name == "h2"
        for number in range(1, count + 1):
            measure_id = f"tiltak-{goal}-{number}"
            heading = html.find(id=measure_id)
            assert heading is not None, f"{page_name}: mangler #{measure_id}"
            assert heading.name == "h3"
            label = f"Tiltak {goal.replace('-', '.')}.{number}"
            assert heading_text(heading).startswith(label), f"#{measure_id} heter ikke «{label} …»"
        assert html.find(id=f"tiltak-{goal}-{count + 1}") is None


def test_guidebook_is_linked_from_the_strategy_measure_that_asks_for_it(built_site):
    page = built_site / "strategi" / "gode-arenaer" / "index.html"
    heading = soup(page).find(id="tiltak-2-3-1")
    links = []
    for sibling in heading.find_next_siblings():
        if sibling.name in ("h2", "h3"):
            break
        links += [a["href"] for a in sibling.select("a[href]")]
    assert any(resolve(page, href, built_site)[0] == built_site / "veiviser" / "index.html" for href in links)


def test_every_section_heading_has_an_ascii_id_and_a_permalink(built_site):
    for page in content_pages(built_site):
        for heading in read_tree(page).css("article h2, article h3, article h4"):
            heading_id = heading.attributes.get("id") or ""
            assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", heading_id), f"{page}: id «{heading_id}»"
            permalink = heading.css_first("a.headerlink")
            assert permalink is not None and permalink.attributes["href"] == f"#{heading_id}", f"{page}: #{heading_id}"


def test_norwegian_letters_are_transliterated_in_ids(built_site):
    ids = {h.attributes["id"] for page in content_pages(built_site) for h in read_tree(page).css("article [id]")}
    assert not any(re.search(r"(^|-)(fringer|mte|rshjul)(-|$)", i or "") for i in ids)


def test_every_page_has_one_h1_and_no_skipped_levels(built_site):
    for page in content_pages(built_site):
        levels = [int(h.tag[1]) for h in read_tree(page).css("article h1, article h2, article h3, article h4, article h5, article h6")]
        assert levels.count(1) == 1, f"{page}: {levels.count(1)} h1"
        for before, after in zip(levels, levels[1:]):
            assert after <= before + 1, f"{page}: h{before} følges av h{after}"


def test_content_pages_open_with_kort_fortalt(built_site):
    from conftest import language_of_page, strings
    for page in content_pages(built_site):
        relative = page.relative_to(built_site).as_posix()
        within = relative.removeprefix("nn/").removeprefix("en/")
        if within in ("index.html", "search.html") or within.startswith(("sjekklister/", "ordliste/", "tilgjengelighet")):
            continue
        words = strings(language_of_page(built_site, page))["kort_fortalt"]
        first_block = read_tree(page).css_first("article h1 ~ *")
        assert first_block is not None and words in first_block.text(), f"{relative}: mangler «{words}» øverst"


def test_shared_definition_is_written_once_and_included(built_site):
    sources = Path(__file__).resolve().parent.parent / "docs"
    quote = "får innflytelse på beslutningsprosesser"
    written = [p for p in sources.rglob("*.md") if quote in p.read_text(encoding="utf-8")]
    # Once per language: the official wording stands in the include (the nynorsk and English
    # includes quote it too, beside their translation); no page writes it out itself.
    assert written and all(p.parent.name == "_includes" and p.name.startswith("definisjon-brukermedvirkning.")
                           for p in written), written
    shown = [p for p in content_pages(built_site) if quote in p.read_text(encoding="utf-8")]
    assert len(shown) >= 3


# The minutes (seed 002) name many private persons; the site names roles instead.
# The list of names is built from the minutes themselves, so that no name can be missed.
# Decision (see om/index.md): no person named in the minutes is named on the site, researchers
# included; only the authors of the published definition (Olsson og Vågan, 2016) are named,
# in its citation.
SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
NAME_WORD = r"[A-ZÆØÅ][a-zæøåé]+(?:-[A-ZÆØÅ][a-zæøåé]+)?"
CAPITALISED_RUN = re.compile(rf"\b{NAME_WORD}(?:[ \t]+{NAME_WORD}){{1,3}}\b")
# Capitalised words in the minutes that are places, organisations or titles, not names.
NOT_NAMES = {
    "Gjøvik", "Teams", "Quality", "Strand", "Hotell", "Hjelpemiddelsentral", "Nordland",
    "Sentralt", "Brukerutvalg", "Sykehuset", "Innlandet", "Koordinator", "Utvalgets", "Referat",
}


def names_in_minutes(text: str) -> set[str]:
    """Personal names in the minutes: runs of two to four capitalised words, such as
    "Kari Nordmann" in the list of participants or "Kari Nordmann (FFO)" later, with
    places, organisations and titles stripped from either end."""
    names = set()
    for match in CAPITALISED_RUN.finditer(text):
        words = match.group(0).split()
        while words and words[0] in NOT_NAMES:
            words.pop(0)
        while words and words[-1] in NOT_NAMES:
            words.pop()
        if len(words) >= 2:
            names.add(" ".join(words))
    return names


def minutes_text() -> str:
    files = sorted(SEEDS.glob("002_*.txt"))
    assert files, (f"Fant ikke referatet (002_*.txt) i {SEEDS}. "
                   "Testen trenger mappen shared/seeds ved siden av repoet.")
    return files[0].read_text(encoding="utf-8")


def name_pattern() -> re.Pattern:
    names = names_in_minutes(minutes_text())
    # A full name, or a surname alone ("Nordmann sa …"). First names alone are not
    # checked: they are common and also belong to public people the sources name.
    words = names | {name.split()[-1] for name in names}
    return re.compile(r"\b(" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\b")


def test_names_are_found_in_the_minutes():
    names = names_in_minutes(minutes_text())
    assert len(names) >= 25, sorted(names)
    assert not any(word in NOT_NAMES for name in names for word in name.split())
    sample = "- Kari Nordmann, FFO\nKoordinator Ola Hansen fra SAFO. Per Olsen (NAV Sel) deltok på Teams."
    assert names_in_minutes(sample) == {"Kari Nordmann", "Ola Hansen", "Per Olsen"}


def test_no_personal_names_from_the_minutes_in_the_sources():
    pattern = name_pattern()
    sources = Path(__file__).resolve().parent.parent / "docs"
    for path in sorted(sources.rglob("*.md")):
        found = pattern.findall(path.read_text(encoding="utf-8"))
        assert not found, f"{path.relative_to(sources)}: personnavn fra referatet {found}"


def test_no_personal_names_from_the_minutes(built_site):
    pattern = name_pattern()
    for page in content_pages(built_site):
        found = pattern.findall(read_tree(page).root.text())
        assert not found, f"{page.relative_to(built_site)}: personnavn fra referatet {found}"


# ---- Index pages: link texts are the target's title, and the guidebook's index follows the menu ----

DOCS = Path(__file__).resolve().parent.parent / "docs"
LIST_LINK = re.compile(r"^\s*[-*] \[([^\]]+)\]\(([^)#\s]+\.md)\)")


def page_title(path: Path) -> str:
    """A page's h1 in its Markdown source, without an attribute list."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return re.sub(r"\s*\{[^}]*\}\s*$", "", line[2:]).strip()
    raise AssertionError(f"{path}: har ingen overskrift med #")


def built_title(site: Path, source: Path) -> str:
    """The h1 of a page the build makes (a checklist page) or whose title is included."""
    relative = source.relative_to(DOCS).with_suffix("")
    page = site / ("index.html" if relative.name == "index" else relative / "index.html")
    return " ".join(soup(page).select_one("article h1").get_text(" ", strip=True).split())


def index_pages() -> list[Path]:
    return [DOCS / "index.md", *sorted(DOCS.glob("*/index.md"))]


def test_link_texts_on_index_pages_are_the_titles_of_the_pages(built_site):
    wrong = []
    for index in index_pages():
        for number, line in enumerate(index.read_text(encoding="utf-8").splitlines(), start=1):
            link = LIST_LINK.match(line)
            if not link:
                continue
            text, target = link.groups()
            source = (index.parent / target).resolve()
            has_title = source.exists() and any(line.startswith("# ") for line in source.read_text().splitlines())
            title = page_title(source) if has_title else built_title(built_site, source)
            if text != title:
                wrong.append(f"docs/{index.relative_to(DOCS)}:{number}: «{text}», men siden heter «{title}»")
    assert not wrong, "\n".join(wrong)
    # The built start page shows the same texts.
    start = soup(built_site / "index.html").select_one("article")
    assert "Møtene i utvalget" in start.get_text()


def test_guidebook_index_lists_every_page_of_the_menu(built_site):
    """The guidebook's front page lists the pages of each part of the menu, made from the menu
    (<!-- generert: sider … -->), so a new page is listed in every language."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # !ENV and python tags
    config = yaml.load((DOCS.parent / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    guidebook = next(entry for entry in config["nav"] if "Veiviser for utvalgsarbeid" in entry)
    menu = [(title, [p.removeprefix("veiviser/") for p in pages])
            for entry in guidebook["Veiviser for utvalgsarbeid"] if isinstance(entry, dict)
            for title, pages in entry.items()]
    for suffix, folder in (("", ""), (".nn", "nn/"), (".en", "en/")):
        source = (DOCS / "veiviser" / f"index{suffix}.md").read_text(encoding="utf-8")
        assert re.findall(r"^<!-- generert: sider (.+?) -->$", source, re.M) == [title for title, _ in menu]
        html = (built_site / folder / "veiviser" / "index.html").read_text(encoding="utf-8")
        for _, pages in menu:
            for page in pages:
                address = page.removesuffix(".md").removesuffix("index").removesuffix("/")
                assert f'href="{address}/"' in html, (folder, page)


def test_our_own_advice_has_one_marker_explained_on_the_about_page(built_site):
    """Advice no source gives stands in a «Vårt råd» box, and only there; om/ says what it means."""
    from conftest import language_of_source
    ours = {"nb": "Vårt råd", "nn": "Vårt råd", "en": "Our advice"}  # the box's title in each language
    tip = re.compile(r'^!!! (\w+)(?: "([^"]*)")?', re.M)
    for path in sorted(DOCS.rglob("*.md")):
        mark = ours[language_of_source(path)]
        for kind, title in tip.findall(path.read_text(encoding="utf-8")):
            if kind == "tip" or title in ours.values():
                assert (kind, title) == ("tip", mark), f"docs/{path.relative_to(DOCS)}: !!! {kind} \"{title}\""
    about = soup(built_site / "om" / "index.html").select_one("article").get_text()
    assert "Vårt råd" in about and "Vi har ikke lagt til nye fakta eller råd" not in about
