"""Our own advice and proposals keep their mark wherever the text goes (issue 21, point 1).

An item of a checklist block right under a «Vårt råd» box is our advice: it carries a visible
badge and words for screen readers on the checklist page, on the content page, on the print
page, in every language. A template field marked `.mv-forslag` carries the mark on its page
and in both downloads. The build stops, naming the file and line, when marked text stands on
a page or in a download without its mark.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, read_tree, strings
from medvirkning.checklists.checklists import collect, find_blocks, load_definitions, site_markdown
from medvirkning.core.html_tree import parse_html, text_of
from medvirkning.core.settings import CACHE_DIR
from medvirkning.own_advice import marks as own_advice
from medvirkning.templates import downloads as templates_docs

LANGUAGES = {"nb": "", "nn": "nn/", "en": "en/"}
# The five items the reading found looking like source items (issue 21), in bokmål.
ISSUE_ITEMS = ["Be medlemmene melde inn saker før møtet.",
               "Spør om merknader til innkallingen og saklisten, og om saker til «Eventuelt».",
               "Godkjenn referatet fra forrige møte.", "Legg referatet ut på nav.no.",
               "Gi brukerundersøkelser og rapporten om klager på service en fast plass i årshjulet."]
TITLES = own_advice.titles_of(*(strings(locale) for locale in LANGUAGES))


def sources(locale: str) -> dict[str, str]:
    """The pages of a language as the build reads them (a page not translated falls back to bokmål)."""
    docs = ROOT / "docs"
    pages = {}
    for path in sorted(docs.rglob("*.md")):
        relative = path.relative_to(docs).as_posix()
        if relative.startswith("_includes/") or relative.count(".") > 1:
            continue
        translated = path.with_name(f"{path.stem}.{locale}.md")
        chosen = translated if locale != "nb" and translated.exists() else path
        pages[relative] = chosen.read_text(encoding="utf-8")
    return pages


def advice_items(locale: str) -> dict[str, list[str]]:
    """Checklist id -> the texts of its items that are our advice, read from the sources."""
    collected = collect(sources(locale), load_definitions(ROOT / "data/sjekklister.yml"),
                        site_markdown(titles=TITLES), docs_dir=ROOT / "docs", cache_folder=ROOT / CACHE_DIR)
    return {cid: [i.text for i in items if i.kind == own_advice.ADVICE] for cid, items in collected.items()}


# ---- Which items are ours ----

def test_a_block_right_under_an_advice_box_is_our_advice_and_only_that_one():
    source = ("# Møter\n\n## Saklisten\n\n"
              '!!! sjekkliste "mote"\n\n    - Lag saklisten sammen.\n\n'
              '!!! tip "Vårt råd"\n\n    Be medlemmene melde inn saker.\n\n'
              '!!! sjekkliste "mote"\n\n    - Be medlemmene melde inn saker.\n\n'
              '!!! tip "Vårt råd"\n\n    Noe annet.\n\nEt avsnitt mellom.\n\n'
              '!!! sjekkliste "mote"\n\n    - Skriv referatet.\n\n'
              '!!! note "Et forslag, ikke bestemt"\n\n    En rapport hvert år.\n\n'
              '!!! sjekkliste "mote"\n\n    - Skriv en rapport hvert år.\n')
    blocks = find_blocks(source, "veiviser/moter.md", site_markdown(titles=TITLES))
    assert [(b.items[0].text, b.kind) for b in blocks] == [
        ("Lag saklisten sammen.", None), ("Be medlemmene melde inn saker.", "vart-rad"),
        ("Skriv referatet.", None), ("Skriv en rapport hvert år.", "forslag")]


def test_the_items_the_reading_found_are_marked_as_our_advice():
    found = advice_items("nb")
    assert sorted(text for texts in found.values() for text in texts) == sorted(ISSUE_ITEMS)


# ---- Where the items go ----

@pytest.mark.parametrize("locale", LANGUAGES)
def test_advice_items_carry_a_badge_and_words_for_screen_readers_on_every_page(built_site, locale):
    words = strings(locale)
    folder = built_site / LANGUAGES[locale]
    found = advice_items(locale)
    assert sum(len(texts) for texts in found.values()) == len(ISSUE_ITEMS)
    for checklist_id, texts in found.items():
        page = read_tree(folder / "sjekklister" / checklist_id / "index.html")
        marked, unmarked = [], []
        for label in page.css("li.mv-checklist__item label"):
            mark = label.css_first(".mv-merke[data-mv-merke='vart-rad']")
            text = " ".join(text_of(label).split())
            if mark is None:
                unmarked.append(text)
                continue
            assert mark.css_first(".mv-merke__tekst").text() == words["merke_vart_rad"]
            assert mark.css_first(".mv-merke__tekst").attributes.get("aria-hidden") == "true"
            assert mark.css_first(".mv-visually-hidden").text().strip() == words["merke_vart_rad_skjermleser"]
            marked.append(text.split(words["merke_vart_rad"], 1)[1].strip())
        assert marked == [own_advice.plain(t) for t in texts], checklist_id
        assert not any(own_advice.plain(t) in text for t in texts for text in unmarked)
    # The blocks on the content pages, and the guidebook's print page, show the same marks.
    for page in (folder / "veiviser/moter/index.html", folder / "veiviser/arshjul/index.html"):
        blocks = read_tree(page).css(".admonition.sjekkliste li .mv-merke[data-mv-merke='vart-rad']")
        assert blocks, page
    printed = read_tree(folder / "veiviser/utskrift/index.html")
    marked_items = {" ".join(text_of(li).split()) for li in printed.css(".admonition.sjekkliste li")
                    if li.css_first(".mv-merke") is not None}
    for texts in found.values():
        for text in texts:
            assert any(own_advice.plain(text) in item for item in marked_items), text


@pytest.mark.parametrize("locale", LANGUAGES)
def test_proposal_fields_are_marked_on_the_page_and_in_both_downloads(built_site, locale):
    words = strings(locale)
    folder = built_site / LANGUAGES[locale] / "veiviser/maler"
    fields = read_tree(folder / "arsrapport/index.html").css("p.mv-felt.mv-forslag")
    assert len(fields) == 2
    for field in fields:
        assert field.css_first(".mv-merke[data-mv-merke='forslag'] .mv-merke__tekst").text() == words["merke_forslag"]
    mark = f"({words['merke_forslag']})"
    stem = "arsrapport" + ("" if locale == "nb" else f".{locale}")  # the downloads keep the source's name
    word_text = [text for _, text in templates_docs.docx_blocks((folder / f"{stem}.docx").read_bytes())]
    markdown = (folder / f"{stem}.md").read_text(encoding="utf-8")
    for field in fields:
        text = " ".join(text_of(field).split()).split(words["merke_forslag"], 1)[1].strip()
        assert f"{mark} {text}" in word_text
        assert f"**{mark}** {text}" in markdown  # in bold, in Word too


# ---- The build stops when a mark is lost ----

MARKED = [own_advice.Marked("vart-rad", "Be medlemmene melde inn saker før møtet.", "docs/veiviser/moter.md, linje 38")]


def test_the_check_finds_marked_text_without_its_mark_on_a_page():
    words = strings("nb")
    badge = '<span class="mv-merke" data-mv-merke="vart-rad">Vårt råd</span>'
    plain = "<article><ol><li><label>Be medlemmene melde inn saker før møtet.</label></li></ol></article>"
    assert own_advice.unmarked_on_page(parse_html(plain), MARKED, TITLES) == MARKED
    with_mark = plain.replace("<label>", f"<label>{badge} ")
    assert own_advice.unmarked_on_page(parse_html(with_mark), MARKED, TITLES) == []
    in_box = ('<article><div class="admonition tip"><p class="admonition-title">Vårt råd</p>'
              "<p>Be medlemmene melde inn saker før møtet. Da kan alle forberede seg.</p></div></article>")
    assert own_advice.unmarked_on_page(parse_html(in_box), MARKED, TITLES) == []
    other_box = in_box.replace("Vårt råd</p>", "Pass på</p>")
    assert own_advice.unmarked_on_page(parse_html(other_box), MARKED, TITLES) == MARKED
    # Word, Markdown and calendars: the mark in brackets, or a box of the same kind.
    assert own_advice.unmarked_in_blocks([("", "Be medlemmene melde inn saker før møtet.")], MARKED, words, TITLES)
    assert not own_advice.unmarked_in_blocks([("", "(Vårt råd) Be medlemmene melde inn saker før møtet.")],
                                             MARKED, words, TITLES)
    assert not own_advice.unmarked_in_blocks([("Vårt råd", "Be medlemmene melde inn saker før møtet.")],
                                             MARKED, words, TITLES)


CHECKLIST_DATA = {"sjekklister.yml": "- id: mote\n  tittel: Møtet\n  ingress: For lederen.\n  for: leder\n"
                                     "  rekkefolge: [index.md#saklisten]\n"}
ADVICE_PAGE = ("---\ndescription: Møter.\n---\n\n# Møter\n\n## Saklisten\n\nMedlemmene kan melde inn saker.\n\n"
               '!!! tip "Vårt råd"\n\n    Be medlemmene melde inn saker før møtet.\n\n'
               '!!! sjekkliste "mote"\n\n    - Be medlemmene melde inn saker før møtet.\n')


def test_advice_copied_into_a_page_without_its_box_stops_the_build_naming_file_and_line(fixture_site):
    result = fixture_site({"index.md": ADVICE_PAGE}, data=CHECKLIST_DATA)
    assert result.returncode == 0, result.stderr
    copied = ("---\ndescription: Annet.\n---\n\n# Annet\n\n"
              "Husk dette: Be medlemmene melde inn saker før møtet.\n")
    result = fixture_site({"index.md": ADVICE_PAGE, "annet.md": copied}, data=CHECKLIST_DATA)
    assert result.returncode != 0
    assert ("docs/index.md, linje 17: teksten «Be medlemmene melde inn saker før møtet.» er merket «Vårt råd», "
            "men i siden annet/ (annet.md) står den uten merket.") in result.stderr


def test_a_marked_field_is_checked_in_its_own_template_only():
    """«Antall møter i året» is our proposal in the yearly report, and a plain field in the mandate."""
    field = own_advice.Marked("vart-rad", "Antall møter i året (minst fire):", "docs/veiviser/maler/arsrapport.md, linje 48",
                              scope="veiviser/maler/arsrapport.md")
    assert own_advice.in_scope([field, *MARKED], "veiviser/maler/arsrapport.md") == [field, *MARKED]
    assert own_advice.in_scope([field, *MARKED], "veiviser/maler/mandat.md") == MARKED
