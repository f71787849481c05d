"""Links that keep working: the id registry, redirects, section permalinks and page dates."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import markdown
import yaml

from medvirkning.anchors.registry import dump_registry, explain, missing_anchors
from medvirkning.core.page_dates import last_changed, local_date
from medvirkning.anchors.section_links import SectionLinks
from medvirkning.core.slugs import slugify

FRONT = "---\ndescription: En side.\n---\n\n"
ROOT = Path(__file__).resolve().parent.parent


def test_missing_anchors_finds_removed_ids_and_pages():
    registry = {"veiviser/moter/": ["agenda", "referat"], "gammel/": ["x"], "flyttet/": ["y", "z"]}
    built = {"veiviser/moter/": ["agenda", "innkalling"], "ny/": ["y"]}
    assert missing_anchors(registry, built, redirected={"flyttet/": "ny/"}) == [
        ("veiviser/moter/", "referat"), ("gammel/", None), ("flyttet/", "z")]


def test_explanation_tells_the_editor_how_to_keep_the_id():
    text = explain("veiviser/moter/", "referat", {"veiviser/moter/": "veiviser/moter.md"})
    assert text.startswith("docs/veiviser/moter.md: avsnittet med id «referat» finnes ikke lenger")
    assert "{#referat}" in text and "make anchors" in text
    assert "redirect_maps" in explain("gammel/", None, {})


def test_registry_is_sorted_and_commented():
    text = dump_registry({"b/": ["z", "a", "a"], "a/": ["k"]})
    assert text.startswith("# Publiserte adresser")
    assert yaml.safe_load(text) == {"a/": ["k"], "b/": ["a", "z"]}


def render_with_section_links(markdown_text: str, label: str = "Lenke til denne delen") -> str:
    return markdown.markdown(markdown_text, extensions=["toc", SectionLinks(lambda: label)],
                             extension_configs={"toc": {"permalink": True, "slugify": slugify}})


def test_permalinks_get_a_label_in_the_language_of_the_build():
    assert render_with_section_links("# Møter\n\n## Agenda") == (
        '<h1 id="moter">Møter</h1>\n'
        '<h2 id="agenda"><span class="mv-nowrap">Agenda<a aria-label="Lenke til denne delen" class="headerlink" '
        'data-mv-copy-link="" href="#agenda"><span aria-hidden="true">#</span></a></span></h2>')
    # The # stays with the heading's last word, also after an abbreviation or code.
    assert render_with_section_links("## Møter i SBU") .endswith(
        '<h2 id="moter-i-sbu">Møter i <span class="mv-nowrap">SBU<a aria-label="Lenke til denne delen" '
        'class="headerlink" data-mv-copy-link="" href="#moter-i-sbu"><span aria-hidden="true">#</span></a></span></h2>')
    assert '<span class="mv-nowrap"><code>x</code><a' in render_with_section_links("## Kode `x`")
    assert 'aria-label="Link to this section"' in render_with_section_links("## Agenda", "Link to this section")


def test_page_title_gets_no_permalink():
    assert render_with_section_links("# Møter") == '<h1 id="moter">Møter</h1>'


def test_dates_are_written_in_the_language_of_the_page():
    assert local_date("2026-11-03", "nb") == "3. november 2026"
    assert local_date("2026-11-03", "nn") == "3. november 2026"
    assert local_date("2026-11-03", "en") == "November 3, 2026"


def test_last_changed_reads_git(tmp_path):
    def git(*args):
        subprocess.run(["git", "-C", str(tmp_path), *args], check=True, capture_output=True)
    git("init", "-q")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("x", encoding="utf-8")
    git("add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x", "--date", "2024-05-06T12:00:00")
    dates = last_changed(tmp_path, "docs")
    assert list(dates) == ["a.md"]
    assert last_changed(tmp_path / "finnes-ikke", "docs") == {}


PAGE = FRONT + "# Møter\n\n## Agenda\n\nTekst.\n\n## Referat\n\nTekst.\n"


def test_renamed_registered_heading_fails_the_build(fixture_site):
    registry = "veiviser/moter/:\n- agenda\n- referat\n"
    ok = fixture_site({"index.md": FRONT + "# Forside\n", "veiviser/moter.md": PAGE}, data={"ankere.yml": registry})
    assert ok.returncode == 0, ok.stderr
    renamed = PAGE.replace("## Referat", "## Referatet fra møtet")
    result = fixture_site({"index.md": FRONT + "# Forside\n", "veiviser/moter.md": renamed}, data={"ankere.yml": registry})
    assert result.returncode != 0
    assert "docs/veiviser/moter.md, linje 11: avsnittet med id «referat» finnes ikke lenger" in result.stderr
    kept = PAGE.replace("## Referat", "## Referatet fra møtet {#referat}")
    result = fixture_site({"index.md": FRONT + "# Forside\n", "veiviser/moter.md": kept}, data={"ankere.yml": registry})
    assert result.returncode == 0, result.stderr


def test_removed_page_needs_a_redirect(fixture_site):
    registry = "veiviser/moter/:\n- agenda\n"
    result = fixture_site({"index.md": FRONT + "# Forside\n", "veiviser/motene.md": PAGE}, data={"ankere.yml": registry})
    assert result.returncode != 0
    assert "Siden /veiviser/moter/ er publisert, men finnes ikke lenger" in result.stderr


def test_moved_page_keeps_its_old_address_through_a_redirect(fixture_site, tmp_path):
    registry = "veiviser/moter/:\n- agenda\n"
    result = fixture_site({"index.md": FRONT + "# Forside\n", "veiviser/motene.md": PAGE},
                          data={"ankere.yml": registry}, redirects={"veiviser/moter.md": "veiviser/motene.md"})
    assert result.returncode == 0, result.stderr
    stub = (tmp_path / "site" / "veiviser" / "moter" / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh"' in stub and "../motene/" in stub


def test_a_moved_page_keeps_its_section_ids_on_the_new_page(fixture_site):
    registry = "veiviser/moter/:\n- agenda\n- suksess\n"
    pages = {"index.md": FRONT + "# Forside\n", "veiviser/motene.md": PAGE + "\nTekst om suksess.\n{ #suksess }\n"}
    result = fixture_site(pages, data={"ankere.yml": registry}, redirects={"veiviser/moter.md": "veiviser/motene.md"})
    assert result.returncode == 0, result.stderr  # a paragraph's { #id } keeps a section id too
    result = fixture_site({**pages, "veiviser/motene.md": PAGE}, data={"ankere.yml": registry},
                          redirects={"veiviser/moter.md": "veiviser/motene.md"})
    assert result.returncode != 0
    assert ("docs/veiviser/motene.md: siden /veiviser/moter/ videresendes hit, men avsnittet med id «suksess» "
            "finnes ikke her") in result.stderr


def test_every_registered_address_is_published_or_redirected(built_site):
    """Each page in the registry is built with all its registered ids, or is a redirect stub
    that mkdocs.yml asks for: a link in an e-mail never ends in a 404."""
    registry = yaml.safe_load((ROOT / "data" / "ankere.yml").read_text(encoding="utf-8"))
    assert "strategi/gode-arenaer/" in registry and "tiltak-2-3-1" in registry["strategi/gode-arenaer/"]
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python/name:", ""))
    redirects = next(p["redirects"] for p in config["plugins"] if isinstance(p, dict) and "redirects" in p)
    redirected = {old.removesuffix(".md").removesuffix("index").rstrip("/") for old in redirects["redirect_maps"]}
    assert len(registry) > 40
    for url, ids in registry.items():
        page = built_site / url / "index.html"
        assert page.exists(), f"/{url} er registrert, men finnes ikke"
        html = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html[:600]:
            assert url.rstrip("/") in redirected, f"/{url} videresendes, men ikke fra mkdocs.yml"
            continue
        missing = [anchor for anchor in ids if f'id="{anchor}"' not in html]
        assert not missing, f"/{url} mangler {missing}"


AUDIT = ROOT / "data" / "tilgjengelighetsrevisjon.yml"


def test_every_page_shows_its_date_of_last_change_from_git(built_site):
    dated = 0
    for source in sorted((ROOT / "docs").rglob("*.md")):
        relative = source.relative_to(ROOT / "docs").as_posix()
        if relative.startswith("_includes/"):
            continue
        iso = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%cs", "--", f"docs/{relative}"],
                             capture_output=True, text=True).stdout.strip()
        if not iso:
            continue  # not committed yet: no date
        from helpers import built_page_of_source
        html = built_page_of_source(built_site, ROOT / "docs", source).read_text(encoding="utf-8")
        if relative.startswith("tilgjengelighet/index."):  # the latest of it, the audit and the assessments
            if AUDIT.exists():
                iso = max(iso, str(yaml.safe_load(AUDIT.read_text(encoding="utf-8"))["dato"]))
            iso = max(iso, *re.findall(r'dato: "([\d-]+)"', (ROOT / "data" / "wcag.yml").read_text(encoding="utf-8")))
        assert f'<time datetime="{iso}">' in html, relative
        dated += 1
    assert dated > 40