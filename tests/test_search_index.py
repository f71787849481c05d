"""One search index per language (hooks/search_index.py): a new language never makes the
index that bokmål readers load any bigger."""
from __future__ import annotations

import json
import posixpath
from types import SimpleNamespace

import pytest

from helpers import build_in_process, make_project, read_tree
from medvirkning.search.index import dump, indexes_to_write, exclude_generated, split_index

CONFIG = {"lang": ["no", "en"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"], "fields": {}}
NB = [{"location": "", "title": "Forside", "text": "Velkommen"},
      {"location": "veileder/#mal", "title": "Mål", "text": "Mål og føringer"}]
NN = [{"location": "nn/", "title": "Framside", "text": "Velkomen"},
      {"location": "nn/veileder/#mal", "title": "Mål", "text": "Mål og føringar"}]
EN = [{"location": "en/", "title": "Home", "text": "Welcome"}]


def test_split_gives_each_language_its_entries_relative_to_its_root():
    split = split_index({"config": CONFIG, "docs": NB + NN + EN}, "nb", ["nn", "en"])
    assert split["nb"]["docs"] == NB
    assert [d["location"] for d in split["nn"]["docs"]] == ["", "veileder/#mal"]
    assert [d["location"] for d in split["en"]["docs"]] == [""]
    assert (split["nb"]["config"]["lang"], split["nn"]["config"]["lang"], split["en"]["config"]["lang"]) == (
        ["no"], ["no"], ["en"])
    assert split["nb"]["config"]["separator"] == CONFIG["separator"]


def test_a_language_whose_name_starts_like_a_folder_is_not_confused_with_it():
    docs = [{"location": "nnn/", "title": "x", "text": ""}]
    assert list(split_index({"config": CONFIG, "docs": docs}, "nb", ["nn"])) == ["nb"]


def test_after_another_languages_own_build_its_index_goes_to_its_folder():
    written = indexes_to_write({"config": CONFIG, "docs": NN}, "nb", ["nn", "en"])
    assert list(written) == ["nn"]
    assert [d["location"] for d in written["nn"]["docs"]] == ["", "veileder/#mal"]


def test_the_merged_index_only_replaces_the_default_languages_index():
    written = indexes_to_write({"config": CONFIG, "docs": NB + NN + EN}, "nb", ["nn", "en"])
    assert list(written) == [""]
    assert written[""]["docs"] == NB


def test_a_site_in_one_language_keeps_its_index():
    assert indexes_to_write({"config": CONFIG, "docs": NB}, "nb", [])[""]["docs"] == NB


def test_the_index_is_written_as_compact_utf8():
    assert dump({"config": {}, "docs": [{"text": "Mål"}]}) == '{"config":{},"docs":[{"text":"Mål"}]}'


def test_generated_pages_are_left_out_of_search():
    generated = SimpleNamespace(file=SimpleNamespace(generated_by="checklists"), meta={})
    written = SimpleNamespace(file=SimpleNamespace(generated_by=None), meta={"search": {"boost": 2}})
    exclude_generated("", generated, None)
    exclude_generated("", written, None)
    assert generated.meta["search"] == {"exclude": True}
    assert written.meta["search"] == {"boost": 2}


FRONT = "---\ndescription: {}\n---\n\n"
PAGES = {
    "index.md": FRONT.format("Forsiden.") + "# Forside\n\nHer står det om møter i utvalget og om hvordan vi jobber.\n",
    "moter.md": FRONT.format("Om møter.") + "# Møter\n\nUtvalget har fire møter i året. Vi skriver referat etter hvert møte.\n",
    "index.nn.md": FRONT.format("Framsida.") + "# Framside\n\nHer står det om møte i utvalet og om korleis vi arbeider.\n",
    "moter.nn.md": FRONT.format("Om møte.") + "# Møte\n\nUtvalet har fire møte i året. Vi skriv referat etter kvart møte.\n",
    "index.en.md": FRONT.format("The front page.") + "# Home\n\nThis is about the meetings of the board and how we work.\n",
    "moter.en.md": FRONT.format("About meetings.") + "# Meetings\n\nThe board meets four times a year. We write minutes after each meeting.\n",
}


def build_in_languages(tmp_path, locales: list[str]):
    """Build PAGES with the project's hooks, in bokmål plus the given languages."""
    project = tmp_path / "-".join(["nb", *locales])
    config = make_project(project, PAGES, languages=locales)
    site = project / "site"
    ok, log = build_in_process(config, site)
    assert ok, "\n".join(log)
    return site


def read_index(path):
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("sprak")
    return build_in_languages(tmp_path, []), build_in_languages(tmp_path, ["nn", "en"])


def test_more_languages_leave_the_bokmal_index_as_it_was(sites):
    one, three = sites
    only_bokmal = read_index(one / "search/search_index.full.json")
    assert {d["title"] for d in only_bokmal["docs"]} == {"Forside", "Møter"}
    assert read_index(three / "search/search_index.full.json") == only_bokmal
    assert all(not d["location"].startswith(("nn/", "en/")) for d in read_index(three / "search/search_index.full.json")["docs"])


def test_every_page_loads_only_the_settings_and_where_its_languages_whole_index_is(sites):
    _, three = sites
    for folder in ("", "nn/", "en/"):
        settings = read_index(three / folder / "search/search_index.json")
        assert settings["docs"] == []
        assert settings["config"]["full_index"] == f"{folder}search/search_index.full.json"


def test_each_language_has_its_own_complete_index(sites):
    _, three = sites
    nn = read_index(three / "nn/search/search_index.full.json")
    en = read_index(three / "en/search/search_index.full.json")
    assert {d["title"] for d in nn["docs"]} == {"Framside", "Møte"}
    assert {d["title"] for d in en["docs"]} == {"Home", "Meetings"}
    assert {d["location"].split("#")[0] for d in nn["docs"]} == {"", "moter/"}
    assert nn["config"]["lang"] == ["no"] and en["config"]["lang"] == ["en"]


def test_every_page_of_each_language_points_search_at_its_own_root(sites):
    """What the browser test below sees, read from the pages: Material looks for the index at
    its config's `base`, which must be the page's language root (nn/ for nynorsk)."""
    _, three = sites
    pages = {folder: sorted((three / folder).rglob("index.html")) for folder in ("nn", "en")}
    for folder, found in pages.items():
        found = [p for p in found if p.relative_to(three / folder).parts[:1] != ("search",)]
        assert found, folder
        for page in found:
            config = read_tree(page).css_first("script#__config")
            base = json.loads(config.text())["base"]
            where = page.parent.relative_to(three).as_posix()
            assert posixpath.normpath(posixpath.join(where, base)) == folder, (page, base)


def test_the_not_found_page_of_each_language_points_search_at_its_own_root(sites):
    # A 404 page is shown at any address, so its base is a path from the site's root.
    _, three = sites

    def base(page):
        return json.loads(read_tree(page).css_first("script#__config").text())["base"]
    root = base(three / "404.html")
    assert root.startswith("/") and root.endswith("/")
    for folder in ("nn", "en"):
        assert base(three / folder / "404.html") == f"{root}{folder}/"


@pytest.mark.browser
def test_pages_of_each_language_load_their_own_index(sites, browser):
    _, three = sites
    import functools
    import http.server
    import threading

    from helpers import PHONE, QuietHandler

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(three)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    context = browser.new_context(viewport=PHONE)
    try:
        for prefix in ("", "nn/"):
            page = context.new_page()
            with page.expect_response(lambda r: r.url.endswith("search_index.json")) as index:
                page.goto(f"{url}{prefix}moter/")
            assert index.value.url == f"{url}{prefix}search/search_index.json"
            with page.expect_response(lambda r: r.url.endswith("search_index.full.json")) as whole:
                page.locator('button[data-mv-toggle="__search"]').click()
            assert whole.value.url == f"{url}{prefix}search/search_index.full.json"
            page.locator("input.md-search__input").press_sequentially("møte")
            first = page.locator(".md-search-result__item a").first
            first.wait_for()
            assert first.get_attribute("href").startswith(f"{url}{prefix}moter/")
            page.close()
    finally:
        context.close()
        server.shutdown()
