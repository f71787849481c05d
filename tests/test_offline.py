"""The service worker the build writes (medvirkning.offline.service_worker) and our scripts as served
(medvirkning.assets.scripts): the version, the documents and what each page needs offline."""
from __future__ import annotations

import json

from helpers import ROOT
from medvirkning.offline import service_worker as offline
from medvirkning.assets import scripts
from medvirkning.search.index import settings_only


def write(folder, files: dict[str, str]):
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def test_the_version_changes_with_any_file_but_not_with_the_sitemap(tmp_path):
    site = write(tmp_path, {"index.html": "<h1>A</h1>", "sitemap.xml": "2026-11-29", "sw.js": "old"})
    first = offline.site_version(site)
    write(site, {"sitemap.xml": "2026-11-30", "sw.js": "new"})
    assert offline.site_version(site) == first
    write(site, {"assets/x.css": "a{}"})
    second = offline.site_version(site)
    assert second != first
    write(site, {"assets/x.css": "b{}"})  # the same file, the same size: only its content is new
    assert offline.site_version(site) != second


def test_a_page_needs_the_sites_own_files_it_loads_and_not_other_pages_or_sites(tmp_path):
    site = write(tmp_path, {"assets/a.css": "", "assets/b.js": "", "img/c.png": "", "other/index.html": ""})
    html = ('<link rel="stylesheet" href="../../assets/a.css"><script src="../../assets/b.js?v=1"></script>'
            '<img src="../../img/c.png#x"><a href="../../other/">x</a><a href="https://example.org/d.css">y</a>'
            '<a href="#top">z</a><img src="data:image/png;base64,AA"><a href="../../missing.pdf">m</a>')
    assert offline.files_loaded_by(html, "strategi/side/", site) == {"assets/a.css", "assets/b.js", "img/c.png"}


def test_each_document_in_each_language_with_its_pages_files_and_size(tmp_path):
    index = {"config": {"lang": ["no"], "separator": " "}, "docs": []}
    page = '<link href="{up}assets/a.css" rel="stylesheet"><p>Tekst</p>'
    site = write(tmp_path, {
        "assets/a.css": "a{}" * 100,
        "assets/javascripts/workers/lazy-search.js": "//",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js": "s",
        "assets/javascripts/lunr/min/lunr.no.min.js": "n",
        "search/search_index.json": json.dumps(index),
        "search/search_index.full.json": json.dumps(index),
        "strategi/index.html": page.format(up="../"),
        "strategi/mal/index.html": page.format(up="../../"),
        "strategi/gammel/index.html": '<meta http-equiv="refresh" content="0; url=../mal/">',
        "nn/strategi/index.html": page.format(up="../../"),
        "veileder/index.html": page.format(up="../"),
    })
    found = offline.documents(site, ["strategi/"], ["", "nn/"])
    assert set(found) == {"default:strategi/", "nn:strategi/"}
    bokmal = found["default:strategi/"]
    assert bokmal.pages == ["strategi/", "strategi/mal/"]
    assert bokmal.files == ["assets/a.css", "assets/javascripts/lunr/min/lunr.no.min.js",
                            "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
                            "assets/javascripts/workers/lazy-search.js",
                            "search/search_index.full.json", "search/search_index.json"]
    assert 0 < bokmal.bytes < sum(len((site / f).read_bytes()) for f in bokmal.files) + 400
    assert found["nn:strategi/"].pages == ["nn/strategi/"]


def test_the_service_worker_starts_with_the_build_and_has_no_comment_lines():
    text = offline.service_worker("abc", {"default:strategi/": offline.Document(["strategi/"], ["a.css"], 10)})
    first, rest = text.split("\n", 1)
    assert json.loads(first.removeprefix("var BUILD = ").rstrip(";")) == {
        "version": "abc", "documents": {"default:strategi/": {"pages": ["strategi/"], "files": ["a.css"], "bytes": 10}}}
    assert "addEventListener(\"fetch\"" in rest
    assert not [line for line in rest.splitlines() if line.strip().startswith("//")]


def test_comment_lines_are_left_out_and_code_with_slashes_is_kept():
    script = '// about\n  // more\nvar a = "http://x"; // after code\nvar b = 1;\n'
    assert scripts.without_comment_lines(script) == 'var a = "http://x"; // after code\nvar b = 1;\n'


def test_stylesheet_comments_are_left_out_and_strings_and_rules_are_kept():
    css = '/* about */\n.a { content: "/* not a comment */"; /* note */ color: red }\n\n@media print { .b { color: blue } }\n'
    assert scripts.without_comments_css(css) == '.a { content: "/* not a comment */";  color: red }@media print { .b { color: blue } }'


def test_the_built_stylesheet_has_the_palettes_rules_then_ours_and_no_comment(built_site):
    """Our stylesheet as served: Material's palette stylesheet, then ours, without comments."""
    import tinycss2

    def rules(css: str) -> list[str]:
        return [tinycss2.serialize([rule]).replace(" ", "").replace("\n", "")
                for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)]
    source = (ROOT / "docs" / scripts.OURS).read_text(encoding="utf-8")
    palette = next((built_site / scripts.STYLES).glob("palette.*.min.css")).read_text(encoding="utf-8")
    built = (built_site / scripts.OURS).read_text(encoding="utf-8")
    assert "/*" in source and "/*" not in built
    assert rules(built) == rules(palette) + rules(source) and len(rules(source)) > 50 and len(rules(palette)) > 20


def test_every_page_waits_for_two_stylesheets_material_s_and_ours(built_site):
    """The palette comes inside our stylesheet: no page links it, each links Material's main
    stylesheet and ours, in that order."""
    from helpers import read_tree

    pages = sorted(built_site.rglob("*.html"))
    for page in pages:
        tree = read_tree(page)
        if tree.css_first('meta[http-equiv="refresh"]'):
            continue  # a redirect stub
        links = [node.attrs["href"].rsplit("/", 1)[-1] for node in tree.css('link[rel="stylesheet"]')]
        assert len(links) == 2 and links[0].startswith("main.") and links[1] == "medvirkning.css", (page, links)
    assert len(pages) > 150


def test_pages_load_only_the_settings_of_the_index_and_where_the_whole_is():
    index = {"config": {"lang": ["no"], "separator": " "}, "docs": [{"location": "", "title": "A", "text": "b"}]}
    assert settings_only(index, "nn/search/search_index.full.json") == {
        "config": {"lang": ["no"], "separator": " ", "full_index": "nn/search/search_index.full.json"}, "docs": []}


def test_the_built_site_offers_its_three_documents_with_files_that_exist(built_site):
    first = (built_site / offline.SERVICE_WORKER).read_text(encoding="utf-8").split("\n", 1)[0]
    build = json.loads(first.removeprefix("var BUILD = ").rstrip(";"))
    # Each document in each language: the reader keeps the one in the language they read.
    assert set(build["documents"]) == {f"{language}:{document}/" for language in ("default", "nn", "en")
                                       for document in ("veileder", "strategi", "veiviser")}
    for key, document in build["documents"].items():
        language = key.split(":", 1)[0]
        language_folder = "" if language == "default" else f"{language}/"
        folder = language_folder + key.split(":", 1)[1]
        assert document["pages"] and all(page.startswith(folder) for page in document["pages"])
        assert all((built_site / page / "index.html").is_file() for page in document["pages"])
        assert all((built_site / name).is_file() for name in document["files"])
        assert f"{language_folder}search/search_index.full.json" in document["files"]


def test_a_dirty_rebuild_writes_the_same_stylesheet_and_scripts(tmp_path, monkeypatch):
    """`mkdocs serve --dirty` rebuilds into the same folder and copies only changed files: the
    stylesheet and scripts are files of the build, so a rebuild never changes a changed copy."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from helpers import make_project

    config_file = make_project(tmp_path / "project", {"index.md": "---\ndescription: Forsiden.\n---\n\n# Forside\n\nTekst.\n"})
    site = tmp_path / "site"
    monkeypatch.chdir(config_file.parent)  # as the tests' builds run (helpers.build_in_process)
    served = [scripts.OURS, f"{scripts.FOLDER}/medvirkning.js"]
    build(load_config(str(config_file), site_dir=str(site)))
    first = {name: (site / name).read_bytes() for name in served}
    build(load_config(str(config_file), site_dir=str(site), strict=False), dirty=True)  # as `serve --dirty`
    assert {name: (site / name).read_bytes() for name in served} == first
    assert first[scripts.OURS].count(b"--md-primary-fg-color") >= 1 and b"/*" not in first[scripts.OURS]


def test_pages_start_the_search_worker_the_theme_has(built_site):
    """The worker's name carries Material's hash; it is found in the theme, as the stylesheets are."""
    from mkdocs.config import load_config

    name = scripts.search_worker(load_config(str(ROOT / "mkdocs.yml")))
    assert (built_site / scripts.FOLDER / "workers" / name).is_file()
    config = (built_site / "index.html").read_text(encoding="utf-8")
    assert f"#mv-search.js?worker={name}" in config
