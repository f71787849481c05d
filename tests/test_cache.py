"""The cache across builds (core/cache.py): an output is made once per set of inputs, and made
anew when an input or the code that makes it changes (a stale cache is worse than none)."""
from __future__ import annotations

import io
import zipfile

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
    """`cache_dir` under `extra: medvirkning:` in mkdocs.yml: the Word files and the checklist blocks go there."""
    monkeypatch.delenv("MEDVIRKNING_CACHE", raising=False)
    config_file = checklist_project(tmp_path, "Lag saklisten sammen.",
                                    {"mal.md": TEMPLATE.replace("{tekst}", "Første sak er budsjettet.")})
    text = config_file.read_text(encoding="utf-8")
    assert text.count("\n  medvirkning:\n") == 1
    config_file.write_text(text.replace("\n  medvirkning:\n", "\n  medvirkning:\n    cache_dir: buffer/bygg\n"),
                           encoding="utf-8")
    assert run(config_file, tmp_path / "site").ok
    for kind in ("word", "sjekklister"):
        assert list((tmp_path / "project" / "buffer" / "bygg" / kind).iterdir()), kind
    assert not (tmp_path / "project" / CACHE_DIR).exists()
