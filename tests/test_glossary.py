"""The glossary hook: finding and wrapping abbreviations, and the build's errors."""
from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from medvirkning.glossary.glossary import (
    Entry, GlossaryError, abbreviation_pattern, annotate_abbreviations, line_of, load_glossary,
    render_glossary_markdown, sort_key, unknown_abbreviations,
)

ROOT = Path(__file__).resolve().parent.parent
ENTRIES = [
    Entry("NAV", "Arbeids- og velferdsforvaltningen", "Etaten."),
    Entry("FFO", "Funksjonshemmedes Fellesorganisasjon", "Paraply."),
    Entry("HiNN", "Høgskolen i Innlandet", "Høgskole."),
    Entry("årshjul", None, "En plan for året."),
]
BY_TERM = {e.term: e for e in ENTRIES if e.is_abbreviation}
PATTERN = abbreviation_pattern(ENTRIES)


def annotate(html, href="../ordliste/"):
    return annotate_abbreviations(html, BY_TERM, PATTERN, href)


def test_first_use_links_to_the_entry_and_later_uses_are_abbr():
    html, found = annotate("<p>NAV og FFO møtes. NAV lytter.</p>")
    assert found == ["NAV", "FFO"]
    assert html == (
        '<p><a class="mv-term" href="../ordliste/#nav" aria-label="NAV, Arbeids- og velferdsforvaltningen">'
        '<abbr title="Arbeids- og velferdsforvaltningen">NAV</abbr></a>'
        ' og <a class="mv-term" href="../ordliste/#ffo" aria-label="FFO, Funksjonshemmedes Fellesorganisasjon">'
        '<abbr title="Funksjonshemmedes Fellesorganisasjon">FFO</abbr></a>'
        ' møtes. <abbr title="Arbeids- og velferdsforvaltningen">NAV</abbr> lytter.</p>'
    )


@pytest.mark.parametrize("text, wrapped", [
    ("NAVs strategi", '<abbr title="Arbeids- og velferdsforvaltningen">NAV</abbr>s strategi'),
    ("FFOs råd", '<abbr title="Funksjonshemmedes Fellesorganisasjon">FFO</abbr>s råd'),
    ("NAV-kontoret", '<abbr title="Arbeids- og velferdsforvaltningen">NAV</abbr>-kontoret'),
    ("forskere fra HiNN.", 'forskere fra <abbr title="Høgskolen i Innlandet">HiNN</abbr>.'),
])
def test_possessives_compounds_and_mixed_case(text, wrapped):
    html, _ = annotate(f"<p>{text}</p>", href=None)
    assert html == f"<p>{wrapped}</p>"


@pytest.mark.parametrize("text", ["NAVIGASJON", "NAVNET", "xNAV", "SNAV", "navn", "FFOX"])
def test_word_boundaries(text):
    html, found = annotate(f"<p>{text}</p>")
    assert found == [] and html == f"<p>{text}</p>"


@pytest.mark.parametrize("html", [
    "<p><code>NAV</code></p>",
    "<pre><code>FFO = 1</code></pre>",
    '<p><a href="nav.md">NAV</a></p>',
    '<p><abbr title="x">NAV</abbr></p>',
])
def test_leaves_code_links_and_existing_abbr_alone(html):
    assert annotate(html) == (html, [])


def test_leaves_attributes_and_ids_alone():
    html = '<h2 id="nav-og-ffo" title="NAV">NAV og FFO<a class="headerlink" href="#nav-og-ffo">¶</a></h2><p data-x="FFO">Tekst</p>'
    out, found = annotate(html)
    assert 'id="nav-og-ffo"' in out and 'title="NAV"' in out and 'data-x="FFO"' in out
    assert found == ["NAV", "FFO"]
    # In a heading the abbreviation is explained but not linked: the first use stays unlinked.
    assert '<h2 id="nav-og-ffo" title="NAV"><abbr title="Arbeids- og velferdsforvaltningen">NAV</abbr>' in out
    assert "mv-term" not in out


def test_glossary_page_itself_gets_abbr_without_links():
    out, _ = annotate("<p>NAV</p>", href=None)
    assert out == '<p><abbr title="Arbeids- og velferdsforvaltningen">NAV</abbr></p>'


def test_unknown_abbreviations_are_found_in_text_but_not_in_code_or_attributes():
    html = ('<p>QXZV og NAV og II og FN-konvensjonen.</p><p><code>ABC</code></p>'
            '<a href="#" title="ZZZ">KLM</a><img alt="Bilde" src="XYZ.png">')
    assert unknown_abbreviations(html, {"NAV"}, set()) == ["QXZV", "FN", "KLM"]
    assert unknown_abbreviations(html, {"NAV", "FN"}, {"QXZV", "KLM"}) == []


def test_line_of_names_the_source_line():
    assert line_of("# Tittel\n\nTekst om NAV.\nOg QXZVs plan.\n", "QXZV") == 4
    assert line_of("Ingen her", "QXZV") is None


def test_rendered_glossary_has_letters_anchors_and_page_links():
    entries = ENTRIES + [Entry("mandat", None, "Oppdraget.", page="veiviser/mandat.md")]
    entries.append(Entry("Åpenhet", None, "Å være åpen."))
    markdown = render_glossary_markdown(sorted(entries, key=lambda e: sort_key(e.term)),
                                        {"veiviser/mandat.md": "Mandatet"}, "",
                                        lambda letters: " ".join(f"{l['letter']}={l['anchor']}" for l in letters))
    assert markdown.startswith("F=bokstav-f H=bokstav-h M=bokstav-m N=bokstav-n Å=bokstav-aa\n")
    assert "## F {#bokstav-f}" in markdown and "## Å {#bokstav-aa}" in markdown
    assert "### FFO {#ffo}" in markdown and "**Funksjonshemmedes Fellesorganisasjon.** Paraply." in markdown
    assert "### årshjul {#arshjul}" in markdown
    assert "Mer om dette: [Mandatet](veiviser/mandat.md)" in markdown


def test_project_glossary_covers_every_abbreviation_in_the_sources():
    entries = {e.term for e in load_glossary(ROOT / "data" / "ordliste.yml")}
    sources = [
        "NAV", "SBU", "FFO", "SAFO", "AAP", "IPS", "BPA", "AU", "KS", "NOU", "HiNN", "Fafo",
        "CRPD", "RIO", "FN", "NHO", "LO", "EU", "UiT", "BU",
    ]
    assert not [term for term in sources if term not in entries]
    for word in ["brukermedvirkning", "brukerutvalg", "individnivå", "tjenestenivå", "systemnivå",
                 "brukerdrevet tjenesteutvikling", "samskaping", "erfaringskonsulent", "mandat",
                 "sekretariat", "årshjul", "ungdomsråd", "premissleverandør"]:
        assert word in entries


def test_bad_glossary_file_is_a_plain_error(tmp_path):
    (tmp_path / "data").mkdir()
    path = tmp_path / "data" / "ordliste.yml"
    path.write_text("- ord: QXZV\n  forklaring: Noe.\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="forkortelsen «QXZV» mangler «fullt»"):
        load_glossary(path)
    path.write_text("- ord: NAV\n  fullt: x\n forklaring: [\n", encoding="utf-8")
    with pytest.raises(PluginError, match=r"data/ordliste\.yml, linje 3: filen kan ikke leses"):
        load_glossary(path)


SMALL_GLOSSARY = """
- ord: NAV
  fullt: Arbeids- og velferdsforvaltningen
  forklaring: Etaten.
"""


def test_build_fails_on_unknown_abbreviation_naming_file_and_line(fixture_site):
    result = fixture_site({
        "index.md": "---\ndescription: x\n---\n\n# Forside\n\nNAV er her.\n",
        "om.md": "---\ndescription: x\n---\n\n# Om\n\nTekst.\n\nHer står QXZV uten forklaring.\n",
        "ordliste.md": "---\ndescription: x\n---\n\n# Ordliste\n\n<!-- generert: ordliste -->\n",
    }, data={"ordliste.yml": SMALL_GLOSSARY})
    assert result.returncode != 0
    assert "docs/om.md, linje 9: «QXZV» ser ut som en forkortelse, men står ikke i ordlista." in result.stderr
    assert "Legg den til i data/ordliste.yml" in result.stderr


def test_build_explains_known_abbreviations(fixture_site, tmp_path):
    result = fixture_site({
        "index.md": "---\ndescription: x\n---\n\n# Forside\n\nNAV er her. NAVs kontor.\n",
        "ordliste.md": "---\ndescription: x\n---\n\n# Ordliste\n\n<!-- generert: ordliste -->\n",
    }, data={"ordliste.yml": SMALL_GLOSSARY})
    assert result.returncode == 0, result.stderr
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert ('<a class="mv-term" href="ordliste/#nav" aria-label="NAV, Arbeids- og velferdsforvaltningen">'
            '<abbr title="Arbeids- og velferdsforvaltningen">NAV</abbr></a> er her.') in index
    glossary = (tmp_path / "site" / "ordliste" / "index.html").read_text(encoding="utf-8")
    assert 'id="nav"' in glossary


def read_with_glossary(text, href="../ordliste/", allowlist=frozenset()):
    """Markdown with the glossary's tree step, as the site reads a page: the HTML and the Annotation."""
    import markdown

    from medvirkning.glossary.glossary import Annotation, GlossaryAnnotation
    annotation = Annotation(BY_TERM, PATTERN, href, allowlist)
    html = markdown.markdown(text, extensions=["attr_list", "md_in_html", GlossaryAnnotation(lambda: annotation)])
    return html, annotation


def test_markdown_tree_links_the_first_use_in_page_order_across_raw_html():
    html, annotation = read_with_glossary(
        '<div class="mv-boks">\n<p>Kontakt FFO i dag.</p>\n</div>\n\n'
        "FFO og NAV. Trykk <kbd>NAV</kbd>, så NAV igjen.\n\n"
        '<div markdown>\nNAV i en blokk med Markdown, og FFO.\n</div>\n')
    assert html == (
        '<div class="mv-boks">\n<p>Kontakt <a class="mv-term" href="../ordliste/#ffo" '
        'aria-label="FFO, Funksjonshemmedes Fellesorganisasjon"><abbr title="Funksjonshemmedes Fellesorganisasjon">'
        "FFO</abbr></a> i dag.</p>\n</div>\n\n"
        '<p><abbr title="Funksjonshemmedes Fellesorganisasjon">FFO</abbr> og <a class="mv-term" '
        'href="../ordliste/#nav" aria-label="NAV, Arbeids- og velferdsforvaltningen"><abbr '
        'title="Arbeids- og velferdsforvaltningen">NAV</abbr></a>. Trykk <kbd>NAV</kbd>, så '
        '<abbr title="Arbeids- og velferdsforvaltningen">NAV</abbr> igjen.</p>\n'
        '<div>\n<p><abbr title="Arbeids- og velferdsforvaltningen">NAV</abbr> i en blokk med Markdown, og '
        '<abbr title="Funksjonshemmedes Fellesorganisasjon">FFO</abbr>.</p>\n</div>')
    assert annotation.found == ["FFO", "NAV"]


def test_markdown_tree_explains_but_does_not_link_in_headings_and_leaves_code_and_links():
    html, _ = read_with_glossary("# Om NAV\n\nSe [NAV sin side](nav.md) og `FFO`.\n")
    assert html == ('<h1>Om <abbr title="Arbeids- og velferdsforvaltningen">NAV</abbr></h1>\n'
                    '<p>Se <a href="nav.md">NAV sin side</a> og <code>FFO</code>.</p>')


def test_markdown_tree_collects_unknown_words_in_text_links_and_raw_html_not_in_code():
    _, annotation = read_with_glossary(
        "QXZV og NAV og II og FN-konvensjonen. `ABC` og [KLM](#).\n\n<p>Rå tekst om ZYX.</p>\n\n"
        "    KODE\n", allowlist={"KLM"})
    assert annotation.unknown == ["QXZV", "FN", "ZYX"]
