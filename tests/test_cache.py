"""The cache across builds (core/cache.py): an output is made once per set of inputs, and made
anew when an input or the code that makes it changes (a stale cache is worse than none)."""
from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document

from medvirkning.core import cache
from medvirkning.core.settings import CACHE_DIR
from medvirkning.core.strict_build import run
from helpers import make_project

HOME = "---\ndescription: Forsiden.\n---\n\n# Forside\n\nTekst om utvalget.\n"
TEMPLATE = ("---\ndescription: En mal.\n---\n\n# Mal: Innkalling\n\n<!-- generert: mal -->\n\n"
            "## Saker {#saker}\n\n{tekst}\n")


def test_made_once_per_key_and_anew_for_another(tmp_path, monkeypatch):
    monkeypatch.delenv("MEDVIRKNING_CACHE", raising=False)
    made = []

    def produce(value):
        made.append(value)
        return value

    assert cache.cached_bytes(tmp_path, "prøve", cache.digest("a"), lambda: produce(b"A")) == b"A"
    assert cache.cached_bytes(tmp_path, "prøve", cache.digest("a"), lambda: produce(b"X")) == b"A"
    assert cache.cached_bytes(tmp_path, "prøve", cache.digest("b"), lambda: produce(b"B")) == b"B"
    assert made == [b"A", b"B"]
    monkeypatch.setenv("MEDVIRKNING_CACHE", "0")
    assert cache.cached_bytes(tmp_path, "prøve", cache.digest("a"), lambda: produce(b"C")) == b"C"


def test_digest_tells_the_parts_apart():
    assert cache.digest("ab", "c") != cache.digest("a", "bc")


def test_code_version_follows_the_source(tmp_path):
    source = tmp_path / "lag.py"
    source.write_text("A = 1\n")
    first = cache.code_version([source], ["python-docx"])
    source.write_text("A = 2\n")
    assert cache.code_version([source], ["python-docx"]) != first


def word_text(site, name="mal.docx") -> str:
    document = Document(io.BytesIO((site / name).read_bytes()))
    return "\n".join(p.text for p in document.paragraphs)


def test_a_changed_template_gives_a_new_word_file(tmp_path, monkeypatch):
    monkeypatch.delenv("MEDVIRKNING_CACHE", raising=False)
    config_file = make_project(tmp_path / "project",
                               {"index.md": HOME, "mal.md": TEMPLATE.replace("{tekst}", "Første sak er budsjettet.")})
    assert run(config_file, tmp_path / "site").ok
    assert "Første sak er budsjettet." in word_text(tmp_path / "site")
    kept = sorted((tmp_path / "project" / CACHE_DIR / "word").iterdir())
    assert kept and all(zipfile.is_zipfile(path) for path in kept)

    assert run(config_file, tmp_path / "site").ok  # the same inputs: the kept file, nothing new
    assert sorted((tmp_path / "project" / CACHE_DIR / "word").iterdir()) == kept

    (tmp_path / "project" / "docs" / "mal.md").write_text(
        TEMPLATE.replace("{tekst}", "Første sak er høringen."), encoding="utf-8")
    assert run(config_file, tmp_path / "site").ok
    assert "Første sak er høringen." in word_text(tmp_path / "site")
    assert "budsjettet" not in word_text(tmp_path / "site")


CHECKLIST_PAGE = ("---\ndescription: Møter.\n---\n\n# Møter\n\n## Før møtet\n\n"
                  "Lag saklisten sammen med lederen, og send innkallingen.\n\n"
                  '!!! sjekkliste "mote"\n\n    - {punkt}\n')
MEETING = ("- id: mote\n  tittel: Planlegge et møte\n  ingress: For lederen.\n  for: leder\n"
           "  rekkefolge: [moter.md#for-motet]\n")


def checklist_project(tmp_path, item: str, pages: dict[str, str] | None = None):
    """A project whose page moter.md has one checklist item; returns its mkdocs.yml."""
    return make_project(tmp_path / "project", {"index.md": HOME, "moter.md": CHECKLIST_PAGE.replace("{punkt}", item),
                                               **(pages or {})}, {"sjekklister.yml": MEETING})


def test_a_changed_checklist_item_reaches_the_checklist_page(tmp_path, monkeypatch):
    """The pages' checklist blocks are kept between builds: a changed item must not be the old one."""
    monkeypatch.delenv("MEDVIRKNING_CACHE", raising=False)
    config_file = checklist_project(tmp_path, "Lag saklisten sammen.")
    checklist = tmp_path / "site" / "sjekklister" / "mote" / "index.html"
    assert run(config_file, tmp_path / "site").ok
    assert "Lag saklisten sammen." in checklist.read_text(encoding="utf-8")
    assert list((tmp_path / "project" / CACHE_DIR / "sjekklister").iterdir())
    (tmp_path / "project" / "docs" / "moter.md").write_text(
        CHECKLIST_PAGE.replace("{punkt}", "Send innkallingen i god tid."), encoding="utf-8")
    assert run(config_file, tmp_path / "site").ok
    text = checklist.read_text(encoding="utf-8")
    assert "Send innkallingen i god tid." in text and "Lag saklisten sammen." not in text


def test_the_cache_folder_is_a_setting(tmp_path, monkeypatch):
    """`cache_dir` under `extra: medvirkning:` in mkdocs.yml: the Word files, the checklist blocks and the
    checks that passed go there."""
    monkeypatch.delenv("MEDVIRKNING_CACHE", raising=False)
    config_file = checklist_project(tmp_path, "Lag saklisten sammen.",
                                    {"mal.md": TEMPLATE.replace("{tekst}", "Første sak er budsjettet.")})
    text = config_file.read_text(encoding="utf-8")
    assert text.count("\n  medvirkning:\n") == 1
    config_file.write_text(text.replace("\n  medvirkning:\n", "\n  medvirkning:\n    cache_dir: buffer/bygg\n"),
                           encoding="utf-8")
    assert run(config_file, tmp_path / "site").ok
    for kind in ("word", "sjekklister", "bestatt"):
        assert list((tmp_path / "project" / "buffer" / "bygg" / kind).iterdir()), kind
    assert not (tmp_path / "project" / CACHE_DIR).exists()


# ---- Checks that passed are kept (core/known_good.py) ----

ROLE_PAGE = ("---\ndescription: Kontakt.\n---\n\n# Kontakt\n\nSkriv til postmottak@eksempel.no om utvalget.\n")


def passes_kept(project):
    folder = project / CACHE_DIR / "bestatt" / "sjekker"
    return sorted(path.name for path in folder.iterdir()) if folder.is_dir() else []


def test_a_page_check_that_passed_is_run_again_when_the_data_it_reads_changes(tmp_path, monkeypatch):
    """The privacy check passes a role address listed in data/rolleadresser.yml. Once the address is
    taken off the list, the same page must stop the build: the kept pass must not hide it."""
    from helpers import build_in_process
    monkeypatch.delenv("MEDVIRKNING_CACHE", raising=False)
    config_file = make_project(tmp_path / "project", {"index.md": ROLE_PAGE},
                               data={"rolleadresser.yml": "e-post:\n  - postmottak@eksempel.no\ntelefon: []\n"})
    ok, messages = build_in_process(config_file, tmp_path / "site")
    assert ok, messages
    kept = passes_kept(tmp_path / "project")
    assert kept
    ok, messages = build_in_process(config_file, tmp_path / "site")  # the same inputs: nothing new to keep
    assert ok, messages
    assert passes_kept(tmp_path / "project") == kept
    (tmp_path / "project" / "data" / "rolleadresser.yml").write_text("e-post: []\ntelefon: []\n", encoding="utf-8")
    ok, messages = build_in_process(config_file, tmp_path / "site")
    assert not ok
    assert any("docs/index.md, linje 7" in m and "e-postadresse som ikke er en rolleadresse" in m for m in messages)


def test_a_page_check_that_passed_is_run_again_when_the_page_changes(tmp_path, monkeypatch):
    from helpers import build_in_process
    monkeypatch.delenv("MEDVIRKNING_CACHE", raising=False)
    config_file = make_project(tmp_path / "project", {"index.md": ROLE_PAGE.replace("postmottak@eksempel.no", "NAV")})
    assert build_in_process(config_file, tmp_path / "site")[0]
    (tmp_path / "project" / "docs" / "index.md").write_text(ROLE_PAGE, encoding="utf-8")
    ok, messages = build_in_process(config_file, tmp_path / "site")
    assert not ok
    assert any("docs/index.md, linje 7" in m for m in messages)


def test_the_termbase_check_is_run_again_when_the_termbase_changes(tmp_path, monkeypatch):
    """The language check of every page is kept by a digest of the pages and data files together."""
    from helpers import build_in_process
    monkeypatch.delenv("MEDVIRKNING_CACHE", raising=False)
    page = "---\ndescription: Om møtene.\n---\n\n# Møtene\n\nUtvalget møtes i kantina.\n"
    config_file = make_project(tmp_path / "project", {"index.md": page})
    assert build_in_process(config_file, tmp_path / "site")[0]
    termbase = tmp_path / "project" / "data" / "termer.yml"
    termbase.write_text(termbase.read_text(encoding="utf-8") + "- nb: spiserom\n  avvist:\n    nb: [kantina]\n",
                        encoding="utf-8")
    ok, messages = build_in_process(config_file, tmp_path / "site")
    assert not ok
    assert any("docs/index.md, linje 7" in m and "spiserom" in m for m in messages)


def test_the_inputs_follow_code_data_and_pages(tmp_path, monkeypatch):
    from medvirkning.core import known_good
    (tmp_path / "docs").mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# A\n")
    (tmp_path / "data" / "termer.yml").write_text("[]\n")
    first = known_good.inputs(tmp_path, tmp_path / "docs")
    (tmp_path / "docs" / "index.md").write_text("# B\n")
    second = known_good.inputs(tmp_path, tmp_path / "docs")
    assert second.docs != first.docs and second.data == first.data
    (tmp_path / "data" / "termer.yml").write_text("- nb: a\n")
    third = known_good.inputs(tmp_path, tmp_path / "docs")
    assert third.data != second.data
    code = tmp_path / "kode.py"
    code.write_text("A = 1\n")
    monkeypatch.setattr(cache, "package_files", lambda: [code])
    before = cache.package_version()
    code.write_text("A = 2\n")
    assert cache.package_version() != before


def test_a_changed_event_reaches_the_kept_calendar(tmp_path, monkeypatch):
    """Calendars are kept between builds (core/cache.py): a changed event title must reach the .ics."""
    import shutil

    import yaml

    from helpers import ROOT, SAFE_DUMPER, FixtureLoader, build_in_process, project_config
    monkeypatch.delenv("MEDVIRKNING_CACHE", raising=False)
    project = tmp_path / "project"
    # The real pages and data files, in bokmål only (the calendars are made the same in every language).
    pages = {path.relative_to(ROOT / "docs").as_posix(): path.read_text(encoding="utf-8")
             for path in (ROOT / "docs").rglob("*.md")
             if not path.name.endswith((".nn.md", ".en.md")) and "_includes" not in path.parts}
    make_project(project, pages, languages=[],
                 data={name: (ROOT / "data" / name).read_text(encoding="utf-8")
                       for name in ("sjekklister.yml", "ankere.yml", "reiser.yml", "sokeord.yml", "sitater.yml")})
    for text in ROOT.glob("*.md"):  # included into pages (CONTRIBUTING.md)
        shutil.copy(text, project / text.name)
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=FixtureLoader)
    config["nav"] = project_config()["nav"]  # the menu's sections, which the overview lists name
    (project / "mkdocs.yml").write_text(yaml.dump(config, Dumper=SAFE_DUMPER, allow_unicode=True), encoding="utf-8")
    calendar = tmp_path / "site" / "veiviser" / "arshjul-fire-moter.ics"
    ok, messages = build_in_process(project / "mkdocs.yml", tmp_path / "site", strict=False)
    assert ok, messages
    assert "SUMMARY:Møte i utvalget" in calendar.read_text(encoding="utf-8")
    assert list((project / CACHE_DIR / "kalender").iterdir())
    data = project / "data" / "arshjul.yml"
    data.write_text(data.read_text(encoding="utf-8").replace("tittel: Møte i utvalget", "tittel: Utvalgsmøte", 1),
                    encoding="utf-8")
    ok, messages = build_in_process(project / "mkdocs.yml", tmp_path / "site", strict=False)
    assert ok, messages
    text = calendar.read_text(encoding="utf-8")
    assert "SUMMARY:Utvalgsmøte" in text and "SUMMARY:Møte i utvalget" not in text


def test_kept_values_are_made_once_per_key_and_start_again_when_full():
    made = []
    kept = cache.Kept(size=2)

    def produce(value):
        made.append(value)
        return value

    assert kept.get(("a", "nb"), lambda: produce("A")) == "A"
    assert kept.get(("a", "nb"), lambda: produce("X")) == "A"  # the same text: what it gave before
    assert kept.get(("b", "nb"), lambda: produce("B")) == "B"
    assert kept.get(("c", "nb"), lambda: produce("C")) == "C"  # full: starts again
    assert kept.get(("a", "nb"), lambda: produce("A2")) == "A2"
    assert made == ["A", "B", "C", "A2"]


# ---- Markdown's HTML and the search entries, kept by what they are made from ----

def kept(project, kind):
    folder = project / CACHE_DIR / kind
    return sorted(path.name for path in folder.iterdir()) if folder.is_dir() else []


def test_a_kept_render_gives_the_same_site(tmp_path, monkeypatch):
    """A second build takes every page's HTML and search entries from the cache; the site it writes
    is the one the first build wrote (contents, headings, ids, title, search)."""
    from helpers import build_in_process
    monkeypatch.delenv("MEDVIRKNING_CACHE", raising=False)
    pages = {"index.md": HOME, "moter.md": "---\ndescription: Møter.\n---\n\n# Møter\n\n## Før møtet {#for-motet}\n\n"
             "Send innkallingen. Se [forsiden](index.md).\n"}
    config_file = make_project(tmp_path / "project", pages)
    assert build_in_process(config_file, tmp_path / "first")[0]
    assert kept(tmp_path / "project", "markdown") and kept(tmp_path / "project", "sok")
    renders = kept(tmp_path / "project", "markdown")
    assert build_in_process(config_file, tmp_path / "second")[0]
    assert kept(tmp_path / "project", "markdown") == renders  # nothing rendered anew
    for name in ("moter/index.html", "index.html", "search/search_index.full.json"):
        assert (tmp_path / "second" / name).read_bytes() == (tmp_path / "first" / name).read_bytes(), name


def test_a_changed_included_text_reaches_the_page(tmp_path, monkeypatch):
    """The page is the same, the text it includes is not: the kept render must not be used."""
    from helpers import build_in_process
    monkeypatch.delenv("MEDVIRKNING_CACHE", raising=False)
    page = "---\ndescription: Møter.\n---\n\n# Møter\n\n{!_includes/prove.md!}\n"
    config_file = make_project(tmp_path / "project", {"index.md": HOME, "moter.md": page})
    shared = tmp_path / "project" / "docs" / "_includes" / "prove.md"
    shared.write_text("Utvalget møtes fire ganger i året.\n", encoding="utf-8")
    assert build_in_process(config_file, tmp_path / "site")[0]
    shared.write_text("Utvalget møtes seks ganger i året.\n", encoding="utf-8")
    assert build_in_process(config_file, tmp_path / "site")[0]
    text = (tmp_path / "site" / "moter" / "index.html").read_text(encoding="utf-8")
    assert "seks ganger" in text and "fire ganger" not in text


def test_a_kept_render_still_stops_the_build_on_a_broken_link(tmp_path, monkeypatch):
    """MkDocs checks links while it renders. A kept render says its messages again, and a page whose
    link target is gone is rendered anew (the files are in the key): both still stop a strict build."""
    from helpers import build_in_process
    monkeypatch.delenv("MEDVIRKNING_CACHE", raising=False)
    page = "---\ndescription: Møter.\n---\n\n# Møter\n\nSe [saklisten](saker.md#sakliste).\n"
    target = "---\ndescription: Saker.\n---\n\n# Saker\n\n## Sakliste {#sakliste}\n\nTekst.\n"
    config_file = make_project(tmp_path / "project", {"index.md": HOME, "moter.md": page, "saker.md": target})
    assert build_in_process(config_file, tmp_path / "site")[0]
    saker = tmp_path / "project" / "docs" / "saker.md"
    saker.write_text(target.replace("{#sakliste}", "{#sakene}"), encoding="utf-8")  # moter.md's render is kept
    for _ in range(2):  # and the failing build is the same the second time
        ok, messages = build_in_process(config_file, tmp_path / "site")
        assert not ok
        assert any("moter.md" in m and "sakliste" in m for m in messages), messages
    saker.unlink()
    ok, messages = build_in_process(config_file, tmp_path / "site")
    assert not ok
    assert any("moter.md" in m and "saker.md" in m for m in messages), messages


@pytest.mark.parametrize("text, said", [
    # A link to a page that does not exist: MkDocs finds it while Markdown renders.
    ("Se [saklisten](finnes-ikke.md).", ["finnes-ikke.md"]),
    # A word the glossary does not know: its step inside Markdown finds it.
    ("Utvalget i XQZV møtes.", ["docs/moter.md, linje 7", "XQZV"]),
])
def test_a_kept_render_stops_the_build_again(tmp_path, monkeypatch, text, said):
    """What Markdown's rendering found on a page is found again when its render is kept: the second
    build of the same page stops as the first did."""
    from helpers import build_in_process
    monkeypatch.delenv("MEDVIRKNING_CACHE", raising=False)
    page = f"---\ndescription: Møter.\n---\n\n# Møter\n\n{text}\n"
    config_file = make_project(tmp_path / "project", {"index.md": HOME, "moter.md": page})
    for _ in range(2):
        ok, messages = build_in_process(config_file, tmp_path / "site")
        assert not ok
        assert any(all(part in m for part in said) for m in messages), messages
    assert kept(tmp_path / "project", "markdown")


def test_a_moved_page_has_its_new_address_in_the_search_index(tmp_path, monkeypatch):
    """The same text at another address: the same HTML, but the search entries must point to the new place."""
    from helpers import build_in_process
    monkeypatch.delenv("MEDVIRKNING_CACHE", raising=False)
    page = "---\ndescription: Møter.\n---\n\n# Møter\n\n## Før møtet {#for-motet}\n\nSend innkallingen.\n"
    config_file = make_project(tmp_path / "project", {"index.md": HOME, "moter.md": page})
    index = tmp_path / "site" / "search" / "search_index.full.json"
    assert build_in_process(config_file, tmp_path / "site")[0]
    assert '"moter/#for-motet"' in index.read_text(encoding="utf-8")
    (tmp_path / "project" / "docs" / "moter.md").rename(tmp_path / "project" / "docs" / "motene.md")
    assert build_in_process(config_file, tmp_path / "site")[0]
    text = index.read_text(encoding="utf-8")
    assert '"motene/#for-motet"' in text and '"moter/#for-motet"' not in text


def test_kept_or_made_gives_back_only_what_was_not_made_just_now(tmp_path, monkeypatch):
    monkeypatch.delenv("MEDVIRKNING_CACHE", raising=False)
    made = []

    def make():
        made.append("A")
        return b"A"

    key = cache.digest("kept-or-made")
    assert cache.kept_or_made(cache.Kept(), tmp_path, "prove", key, make) is None  # made now: in place already
    assert cache.kept_or_made(cache.Kept(), tmp_path, "prove", key, make) == b"A"  # from the folder
    memo = cache.Kept()
    memo.get(cache.digest("i minnet"), lambda: b"B")
    assert cache.kept_or_made(memo, tmp_path, "prove", cache.digest("i minnet"), make) == b"B"  # from memory
    assert made == ["A"]
