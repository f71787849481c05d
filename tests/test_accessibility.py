"""The accessibility report: its checks (accessibility/checks.py), readability (readability.py),
colour contrast (contrast.py), the builds it stops, and the report and statement pages."""
from __future__ import annotations

import json
import re
from pathlib import Path

import material
import pytest
import textstat
import yaml

from medvirkning.accessibility.checks import PageReport, check_page, page_readability
from medvirkning.accessibility.report import deviations, report_data
from helpers import content_pages, read_html, read_tree, run_mkdocs_build
from medvirkning.accessibility.contrast import (
    composite, contrast_ratio, custom_property_rules, parse_color, selector_match, theme_contrast,
)
from medvirkning.core.html_tree import children, parse_html, text_of
from medvirkning.core.source import find_line
from medvirkning.accessibility.readability import (
    LIX_MAX, LIX_TARGET, blocks_from_html, lix, lix_label, measure, sentences_from_blocks,
)

ROOT = Path(__file__).resolve().parent.parent
FRONT = "---\ndescription: En side.\n---\n\n"
MATERIAL_CSS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
OUR_CSS = ROOT / "docs" / "assets" / "stylesheets" / "medvirkning.css"
INDIGO = {"primary": "indigo", "accent": "indigo"}


def page(body: str, lang: str = "nb") -> str:
    return (f'<!doctype html><html lang="{lang}"><head><title>Side</title></head><body>'
            f'<article class="md-content__inner md-typeset">{body}</article></body></html>')


def found(body: str, locale: str = "nb", lang: str = "nb") -> list[tuple[str, str]]:
    return [(f.rule, f.text) for f in check_page(page(body, lang), locale)]


def rules(body: str, **kwargs) -> list[str]:
    return [rule for rule, _ in found(body, **kwargs)]


# ---- The tree ----

def test_tree_closes_paragraphs_and_list_items_like_a_browser():
    root = parse_html("<ul><li>en<li>to</ul><p>a<p>b</span>c<br>d")
    assert [text_of(li) for li in root.css("li")] == ["en", "to"]
    assert [text_of(p) for p in root.css("p")] == ["a", "bcd"]
    assert list(children(root.css_first("br"))) == []


# ---- The checks ----

def test_a_good_page_has_no_findings():
    body = ('<h1 id="t">Tittel<a class="headerlink" href="#t">#</a></h1><h2 id="a">Møter</h2>'
            '<p>Se <a href="moter/">møtene i utvalget</a> og <abbr title="Arbeids- og velferdsforvaltningen">NAV</abbr>.</p>'
            '<p><img src="a.png" alt="Utvalget rundt et bord"> <img src="pynt.png" alt="" role="presentation"></p>'
            '<table><tr><th>Felt</th></tr><tr><td>Verdi</td></tr></table>')
    assert found(body) == []


@pytest.mark.parametrize("lang, locale, expected", [
    ("nb", "nb", []),
    ("nb-NO", "nb", []),
    ("en", "nb", ["språk"]),
    ("", "nb", ["språk"]),
    ("nn", "nn", []),
])
def test_language_of_the_page(lang, locale, expected):
    assert rules("<h1>Tittel</h1>", lang=lang, locale=locale) == expected


def test_language_of_the_text_on_a_page_not_translated_yet():
    html = page("<h1>Tittel</h1>", lang="nn").replace("<article ", '<article lang="nb" ')
    assert check_page(html, "nb") == []


@pytest.mark.parametrize("headings, expected", [
    ("<h1>A</h1><h2>B</h2><h3>C</h3><h2>D</h2>", []),
    ("<h2>B</h2>", ["overskrifter", "overskrifter"]),
    ("<h1>A</h1><h1>B</h1>", ["overskrifter"]),
    ("<h1>A</h1><h3>C</h3>", ["overskrifter"]),
    ("<h1>A</h1><h2>B</h2><h4>D</h4>", ["overskrifter"]),
    ('<h1>A</h1><h2 id="x"><a class="headerlink" href="#x">#</a></h2>', ["tom-overskrift"]),
    ('<h1>A</h1><div hidden><h3>Skjult</h3></div>', []),
])
def test_headings(headings, expected):
    assert rules(headings) == expected


def test_skipped_level_is_told_plainly():
    [finding] = check_page(page("<h1>Møter</h1><h3>Agenda</h3>"), "nb")
    assert finding.text == "overskriften «Agenda» er på nivå 3 (###), men overskriften over, «Møter», er på nivå 1 (#)."
    assert finding.fix == "Ikke hopp over et nivå: bruk ##."


@pytest.mark.parametrize("image, expected", [
    ('<img src="bilder/mote.jpg" alt="Utvalget i møte">', []),
    ('<img src="bilder/mote.jpg" alt="" role="presentation">', []),
    ('<img src="bilder/mote.jpg" alt="" role="none">', []),
    ('<img src="bilder/mote.jpg">', ["bildet «mote.jpg» mangler alt-tekst, en tekst som sier hva bildet viser."]),
    ('<img src="bilder/mote.jpg" alt="">', ["bildet «mote.jpg» har tom alt-tekst."]),
    ('<img src="bilder/mote.jpg" alt="  ">', ["bildet «mote.jpg» har tom alt-tekst."]),
])
def test_images(image, expected):
    assert [text for rule, text in found(f"<h1>A</h1><p>{image}</p>")] == expected


@pytest.mark.parametrize("link", [
    '<a href="skjema/">klikk her</a>', '<a href="skjema/">Her</a>', '<a href="skjema/">Les mer</a>',
    '<a href="skjema/">les mer …</a>', '<a href="skjema/">lenke</a>', '<a href="skjema/"> Klikk  her! </a>',
    '<a href="skjema/" aria-label="her">Skjemaet for reiseregning</a>',
])
def test_vague_link_texts(link):
    [(rule, text)] = found(f"<h1>A</h1><p>{link}</p>")
    assert rule == "lenketekst" and "sier ikke hvor lenken går" in text


@pytest.mark.parametrize("link", [
    '<a href="skjema/">Skjema for reiseregning</a>',
    '<a href="skjema/" aria-label="Skjema for reiseregning">her</a>',
    '<a href="skjema/"><img src="s.png" alt="Skjema for reiseregning"></a>',
    '<a href="skjema/">Her finner du skjemaet</a>',
    '<a id="ankeret">her</a>',  # no href: an anchor, not a link
    '<a href="skjema/" hidden>her</a>',
])
def test_clear_link_texts(link):
    assert found(f"<h1>A</h1><p>{link}</p>") == []


@pytest.mark.parametrize("href", ["#", "", "javascript:void(0)"])
def test_placeholder_links(href):
    [(rule, text)] = found(f'<h1>A</h1><p><a href="{href}">Skjemaet</a></p>')
    assert rule == "lenketekst" and text.startswith(f"lenken «Skjemaet» går ikke til noe (href=\"{href}\").")


def test_empty_link():
    [(rule, text)] = found('<h1>A</h1><p><a href="moter/"><span class="icon"></span></a></p>')
    assert text.startswith("en lenke til «moter/» har ingen tekst.")


def test_vague_heading_is_named_as_a_heading_once():
    body = ('<nav><a href="#les-mer">Les mer</a></nav><h1>A</h1><h2 id="les-mer">Les mer</h2>'
            '<nav><a href="#les-mer">Les mer</a></nav>')
    [(rule, text)] = found(body)
    assert text.startswith("overskriften «Les mer» sier ikke hva avsnittet handler om")


@pytest.mark.parametrize("locale, link", [("nn", "les meir"), ("en", "click here")])
def test_vague_link_texts_per_language(locale, link):
    assert rules(f'<h1>A</h1><a href="x/">{link}</a>', locale=locale, lang=locale) == ["lenketekst"]


def test_tables_need_header_cells():
    assert rules("<h1>A</h1><table><tr><td>Navn</td><td>Rolle</td></tr></table>") == ["tabell"]
    assert rules('<h1>A</h1><table><tr><th scope="row">Navn</th><td>Rolle</td></tr></table>') == []


def test_abbreviations_need_an_explanation():
    assert rules('<h1>A</h1><p><abbr>SBU</abbr> og <abbr title="">AU</abbr></p>') == ["forkortelse", "forkortelse"]


@pytest.mark.parametrize("needles, line", [
    (("### Agenda", "Agenda"), 4),  # the heading, not the earlier mention
    (("## Agenda",), None),  # "## Agenda" does not find "### Agenda"
    ((("<img", "mote.jpg"), "mote.jpg"), 6),
    (("[her](#)", ("href=\"#\"", ">her<")), 8),
    (("###",), None),
    (("##",), 10),
])
def test_source_line(needles, line):
    source = "# Møter\n\nOm Agenda og mote.jpg.\n### Agenda\n\n<img src=\"mote.jpg\">\n\nSe <a href=\"#\">her</a>.\n\n##\n"
    assert find_line(source, needles) == line


# ---- Readability ----

def test_list_items_and_headings_count_as_sentences():
    assert sentences_from_blocks(["Møter", "Send innkallingen. Lag agendaen!", "Hva gjør vi nå?"]) == [
        "Møter", "Send innkallingen.", "Lag agendaen!", "Hva gjør vi nå?"]


def test_sentences_do_not_end_inside_abbreviations_dates_and_numbers():
    assert sentences_from_blocks(["Ta med f.eks. referatet. Møtet var 19.–20. mars. Se mål 2.1 i strategien."]) == [
        "Ta med f.eks. referatet.", "Møtet var 19.–20. mars.", "Se mål 2.1 i strategien."]


def test_lix_is_textstats_lix_for_ordinary_prose():
    text = ("Utvalget møtes fire ganger i året. Lederen lager saklisten sammen med sekretariatet. "
            "Representantene leser sakspapirene før møtet. Alle får si sin mening.")
    assert lix(sentences_from_blocks([text])) == pytest.approx(textstat.lix(text), abs=0.01)


def test_the_words_lix_counts_are_textstats_on_every_page(built_site):
    """The build counts LIX's words and long words itself (readability.lix_words); on the text of
    every page of every language the counts are textstat's (lexicon_count, long_word_count)."""
    from medvirkning.accessibility.readability import LONG_WORD_LETTERS, blocks_from_html, lix_words

    checked = 0
    for path in content_pages(built_site):
        article = read_tree(path).css_first("article")
        text = " ".join(sentences_from_blocks(blocks_from_html(article))) if article else ""
        if not text:
            continue
        words = lix_words(text)
        assert len(words) == textstat.lexicon_count(text), path
        assert sum(len(w) > LONG_WORD_LETTERS for w in words) == textstat.long_word_count(text), path
        checked += 1
    assert checked > 150


def test_lix_counts_a_short_heading_as_a_sentence_where_textstat_does_not():
    text = ["Møter", "Utvalget møtes fire ganger i året. Lederen lager saklisten sammen med sekretariatet."]
    sentences = sentences_from_blocks(text)
    assert len(sentences) == 3
    assert lix(sentences) < textstat.lix(" ".join(s + "." for s in text))


def test_running_text_leaves_out_code_links_to_sections_and_hidden_text():
    article = parse_html('<article><h1 id="t">Møter</h1><p>Kjør <code>make test</code> nå.<a class="headerlink" href="#t">#</a></p>'
                    '<a class="md-content__button" href="e"><span class="mv-visually-hidden">Rediger siden</span></a>'
                    '<pre><code>kode her</code></pre><ul><li>Punkt <strong>en</strong><ul><li>Under</li></ul></li></ul></article>')
    assert blocks_from_html(article) == ["Møter", "Kjør  nå.", "Under", "Punkt en"]


@pytest.mark.parametrize("value, label", [(20, "lett"), (33.4, "lett"), (33.6, "middels"), (44, "middels"), (44.6, "vanskelig")])
def test_lix_labels(value, label):
    assert lix_label(value) == label


def test_short_pages_get_no_lix():
    assert measure(["Kort side med lite tekst."]).lix is None
    assert measure(["Dette er en side med nok ord til å måle."] * 6).lix is not None


def test_page_readability_reads_the_article_only():
    html = page("<h1>Tittel</h1>" + "<p>Vi møtes i dag. Alle er med.</p>" * 10)
    html = html.replace("<body>", "<body><nav><a href='x'>Organisasjonene samarbeider</a></nav>")
    readability = page_readability(parse_html(html))
    assert readability.sentences == 21 and readability.long_sentences == []


# ---- Contrast ----

@pytest.mark.parametrize("text, rgba", [
    ("#fff", (1, 1, 1, 1)),
    ("#000000de", (0, 0, 0, 0xde / 255)),
    ("rgba(255, 0, 0, 0.5)", (1, 0, 0, 0.5)),
    ("hsla(0deg, 0%, 100%, 1)", (1, 1, 1, 1)),
    ("hsl(225, 15%, 14%)", (0.119, 0.130, 0.161, 1)),
])
def test_parse_color(text, rgba):
    assert parse_color(text) == pytest.approx(rgba, abs=0.002)


def test_contrast_ratio_and_compositing_as_the_browser_reports_it():
    assert contrast_ratio(parse_color("#000"), parse_color("#fff")) == pytest.approx(21)
    grey = composite(parse_color("#0000008a"), parse_color("#f5f5f5"))
    assert round(grey[0] * 255) == 113  # axe-core sees #717171, 4.47:1
    assert contrast_ratio(grey, parse_color("#f5f5f5")) < 4.5


def test_selectors_of_the_palette():
    slate = {"scheme": "slate", "primary": "indigo", "accent": "indigo"}
    assert selector_match(":root", "html", slate) is not None
    assert selector_match(":root", "body", slate) is None
    assert selector_match("[data-md-color-scheme=slate]", "body", slate) is not None
    assert selector_match('[data-md-color-scheme="default"]', "body", slate) is None
    assert selector_match("[data-md-color-primary=indigo]:not([data-md-color-scheme=slate])", "body", slate) is None
    assert selector_match(".md-footer [data-md-color-scheme=slate]", "body", slate) is None
    rules = custom_property_rules("@media screen{[data-md-color-scheme=slate]{--a:#fff}}@media print{:root{--b:#000}}")
    assert [(r.selector, r.declarations) for r in rules] == [("[data-md-color-scheme=slate]", (("--a", "#fff"),))]


def material_css() -> list[str]:
    return [next(MATERIAL_CSS.glob(f"{name}.*.min.css")).read_text(encoding="utf-8") for name in ("main", "palette")]


# Material's buttons take the primary colour; ours name it in a variable of their own.
MATERIAL_BUTTONS = ":root{--mv-button-fg-color:var(--md-primary-fg-color)}"


@pytest.mark.parametrize("scheme, expected", [
    ("default", {"Lenker under pekeren og i fokus", "Knapper under pekeren og i fokus",
                 "Fokusring og knappene i menyen under pekeren", "Kode, kommentarer og tegn", "Kode, uthevet"}),
    ("slate", {"Lenker under pekeren og i fokus", "Knapper (som «Nullstill»)", "Knapper under pekeren og i fokus",
               "Fokusring og knappene i menyen under pekeren"}),
])
def test_materials_own_indigo_fails_for_hover_focus_and_code(scheme, expected):
    failing = {r.label for r in theme_contrast([*material_css(), MATERIAL_BUTTONS], scheme, {"scheme": scheme, **INDIGO})
               if not r.passes}
    assert failing == expected


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_our_colours_pass_in_light_and_dark(scheme):
    results = theme_contrast([*material_css(), OUR_CSS.read_text(encoding="utf-8")], scheme, {"scheme": scheme, **INDIGO})
    assert len(results) >= 10
    assert [(r.label, round(r.ratio, 2)) for r in results if not r.passes] == []


# ---- Report data and the statement's requirements not met ----

def test_deviations_group_problems_by_requirement():
    reports = [
        PageReport("a.md", "a/", "Side A", "docs/a.md", check_page(page("<h1>A</h1><h3>C</h3>"), "nb")),
        PageReport("b.md", "b/", "Side B", "docs/b.md", check_page(page("<h1>B</h1><table><tr><td>x</td></tr></table>"), "nb")),
    ]
    [deviation] = deviations(reports, [], yaml.safe_load((ROOT / "data/sprak/nb.yml").read_text(encoding="utf-8")))
    assert deviation.requirement.criterion == "1.3.1 Informasjon og relasjoner"
    english = yaml.safe_load((ROOT / "data/sprak/en.yml").read_text(encoding="utf-8"))
    assert [d.requirement.criterion for d in deviations(reports, [], english)] == ["1.3.1 Info and Relationships"]
    assert [(title, url) for title, url, _ in deviation.problems] == [("Side A", "a/"), ("Side B", "b/")]
    data = report_data(reports, [], "nb", "2024-04-05")
    assert data["errors"] == 2 and [p["title"] for p in data["pages"]] == ["Side A", "Side B"]
    json.dumps(data)


# ---- Builds: errors stop the strict build and name file and line ----

@pytest.mark.parametrize("problem, source, expected", [
    ("image without alt text", '<img src="bilde.png">',
     "docs/veiviser/moter.md, linje 9: bildet «bilde.png» mangler alt-tekst"),
    ("image with empty alt text", "![](bilde.png)",
     "docs/veiviser/moter.md, linje 9: bildet «bilde.png» har tom alt-tekst"),
    ("skipped heading level", "### Agenda",
     "docs/veiviser/moter.md, linje 9: overskriften «Agenda» er på nivå 3 (###), men overskriften over, "
     "«Møter», er på nivå 1 (#). Ikke hopp over et nivå: bruk ##."),
    ("vague link text", "Skjemaet finner du [klikk her](../index.md).",
     "docs/veiviser/moter.md, linje 9: lenketeksten «klikk her» sier ikke hvor lenken går."),
    ("placeholder link", "Fyll ut [skjemaet](#).",
     'docs/veiviser/moter.md, linje 9: lenken «skjemaet» går ikke til noe (href="#").'),
])
def test_strict_build_fails_naming_file_and_line(fixture_site, problem, source, expected):
    result = fixture_site({
        "index.md": FRONT + "# Forside\n\nVelkommen.\n",
        "veiviser/moter.md": FRONT + "# Møter\n\nVi møtes fire ganger i året.\n\n" + source + "\n",
        "veiviser/bilde.png": "(bilde)",
    })
    assert result.returncode != 0, problem
    assert expected in result.stderr, result.stderr


def hard_text(long_words: int, sentences: int = 6) -> str:
    """Sentences of 12 words, `long_words` of them over six letters: LIX = 12 + 100 * long / 12."""
    sentence = " ".join(["organisasjonene"] * long_words + ["vi", "og"] * ((12 - long_words) // 2)) + "."
    return " ".join([sentence.capitalize()] * sentences)


def test_text_above_lix_45_stops_the_build(fixture_site):
    result = fixture_site({"index.md": FRONT + "# Forside\n\n" + hard_text(8) + "\n"})
    assert result.returncode != 0
    assert re.search(r"docs/index\.md: teksten er for tung å lese \(LIX 7\d, grensen er 45\)\.", result.stderr)
    assert re.search(r"Lesbarhet for hele nettstedet: midtverdien \(medianen\) av LIX er 7\d, over målet 40\.",
                     result.stderr)


def test_text_above_the_goal_of_40_is_a_notice(fixture_site):
    easy = FRONT + "# Enkel\n\n" + "Vi møtes i dag. Alle er med. Vi tar en pause. " * 6 + "\n"
    result = fixture_site({"index.md": easy, "a.md": easy, "middels.md": FRONT + "# Middels\n\n" + hard_text(4) + "\n"})
    assert result.returncode == 0, result.stderr
    assert "INFO    -  tilgjengelighet: docs/middels.md: LIX 45 (vanskelig). Målet er 40 eller lavere." in result.stderr


REPORT_PAGES = {
    "tilgjengelighet/index.md": FRONT + "# Erklæring\n\nStatus:\n\n<!-- generert: tilgjengelighetsavvik -->\n",
    "tilgjengelighet/rapport.md": FRONT + "# Rapport\n\nSidene:\n\n<!-- generert: tilgjengelighetsrapport -->\n",
}


CLEAN_AUDIT = """dato: 2026-11-20
verktoy: {axe-core: 4.14.1, vnu: 26.9.27, nettleser: Chromium 1}
sider: 3
antall: {axe: 0, vnu: 0, for_bred: 0}
funn: []
"""


# data/wcag.yml with every criterion assessed: the only way to «oppfyller».
WCAG_FILE = Path(__file__).resolve().parent.parent / "data" / "wcag.yml"
ALL_ASSESSED = WCAG_FILE.read_text(encoding="utf-8").replace(
    "    metode: ikke vurdert\n", '    metode: manuell\n    resultat: samsvar\n    dato: "2026-12-01"\n')


def with_criterion(text: str, number: str, fields: str) -> str:
    """data/wcag.yml's text with one criterion's method, source, result, date and deviation
    replaced by `fields` (YAML lines, indented as in the file)."""
    blocks = re.split(r"(?m)^(?=  - krav: )", text)
    for index, block in enumerate(blocks):
        if block.startswith(f'  - krav: "{number}"'):
            lines = [line for line in block.splitlines()
                     if not re.match(r"    (metode|kilde|resultat|dato|avvik):", line)]
            lines[2:2] = fields.strip("\n").splitlines()
            blocks[index] = "\n".join(lines) + "\n"
    return "".join(blocks)


def test_report_statement_and_json_are_filled_in(fixture_site, tmp_path):
    result = fixture_site({**REPORT_PAGES, "index.md": FRONT + "# Forside\n\n" + "Vi møtes i dag. Alle er med. " * 10 + "\n",
                           "veiviser/moter.md": FRONT + "# Møter\n\nVi møtes fire ganger i året.\n"},
                          data={"tilgjengelighetsrevisjon.yml": CLEAN_AUDIT, "wcag.yml": ALL_ASSESSED})
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    data = json.loads((site / "tilgjengelighet.json").read_text(encoding="utf-8"))
    assert data["locale"] == "nb" and data["errors"] == 0
    assert {p["src"] for p in data["pages"]} == {"index.md", "veiviser/moter.md", "tilgjengelighet/index.md"}
    assert all(c["passes"] for c in data["contrast"]) and {c["scheme"] for c in data["contrast"]} == {"default", "slate"}
    report = read_html(site / "tilgjengelighet" / "rapport" / "index.html")
    rows = report.select("article table")[0].select("tbody tr")
    assert [row.th.get_text(strip=True) for row in rows] == ["Forside", "Møter", "Erklæring"]
    assert rows[0].find("a")["href"] == "../.."
    assert "data-mv-generated" not in str(report)
    statement = (site / "tilgjengelighet" / "index.html").read_text(encoding="utf-8")
    assert "Nettstedet oppfyller kravene." in statement and "data-mv-generated" not in statement
    assert "testet i nettleseren 20. november 2026, med axe-core 4.14.1, vnu 26.9.27" in statement
    assert statement.count("Sist oppdatert") == 1  # the statement has one date
    assert "testet i nettleseren 20. november 2026" in report.get_text(" ")
    assert "56 av 56 krav er vurdert." in statement and "ikke vurdert ennå" not in statement
    # The last table: every criterion, with method, result and date.
    criteria = report.select("article table")[-1].select("tbody tr")
    assert len(criteria) == 56 and criteria[0].th.get_text(strip=True) == "1.1.1 Ikke-tekstlig innhold"
    assert [td.get_text(strip=True) for td in criteria[0].select("td")][:4] == [
        "A", "Manuell test", "Oppfylt", "6. desember 2026"]
    assert "Nettstedet har ingen <img>." in criteria[0].get_text()  # a note is text, never markup


def test_statement_is_partly_met_until_every_criterion_is_assessed_and_met(fixture_site, tmp_path):
    """As in Digdir's statement form: one criterion not assessed, or one not met, is «delvis»,
    with the criterion listed, though the automatic checks found nothing."""
    wcag = with_criterion(ALL_ASSESSED, "1.4.11", "    metode: ikke vurdert")
    wcag = with_criterion(wcag, "2.1.1", """    metode: manuell
    resultat: avvik
    dato: "2026-12-01"
    avvik: {nb: Menyen kan ikke åpnes med tastaturet., nn: Menyen kan ikkje opnast med tastaturet., en: No menu.}""")
    result = fixture_site({**REPORT_PAGES, "index.md": FRONT + "# Forside\n\nVi møtes i dag.\n"},
                          data={"tilgjengelighetsrevisjon.yml": CLEAN_AUDIT, "wcag.yml": wcag})
    assert result.returncode == 0, result.stderr
    statement = read_html(tmp_path / "site" / "tilgjengelighet" / "index.html").select_one("article")
    text = statement.get_text(" ", strip=True)
    assert "Nettstedet oppfyller kravene delvis." in text and "Nettstedet oppfyller kravene." not in text
    assert "55 av 56 krav er vurdert." in text and "1 er ikke oppfylt" in text
    assert "2.1.1 Tastatur. Menyen kan ikke åpnes med tastaturet." in text
    assert [li.get_text(strip=True) for li in statement.select(".mv-not-assessed li")] == [
        "1.4.11 Kontrast for ikke-tekstlig innhold"]


def test_statement_is_not_tested_without_any_assessment(fixture_site, tmp_path):
    """Nothing assessed, by hand or by a test: «ikke ferdig testet», not «delvis»."""
    wcag = re.sub(r'(?m)^    metode: (manuell\n    resultat: [a-z ]+\n    dato: "[\d-]+"|automatisk\n    kilde: [a-z]+)\n',
                  "    metode: ikke vurdert\n", ALL_ASSESSED)
    result = fixture_site({**REPORT_PAGES, "index.md": FRONT + "# Forside\n\nVi møtes i dag.\n"}, data={"wcag.yml": wcag})
    assert result.returncode == 0, result.stderr
    text = read_html(tmp_path / "site" / "tilgjengelighet" / "index.html").select_one("article").get_text(" ", strip=True)
    assert "Nettstedet er ikke ferdig testet." in text and "0 av 56 krav er vurdert." in text


@pytest.mark.parametrize("locale, status, heading, criterion", [
    ("nb", "Nettstedet oppfyller kravene delvis.", "kravene er ikke vurdert ennå", "1.4.11 Kontrast for ikke-tekstlig innhold"),
    ("nn", "Nettstaden oppfyller krava delvis.", "krava er ikkje vurderte enno", "1.4.11 Kontrast for ikkje-tekstleg innhald"),
    ("en", "The site partly meets the requirements.", "requirements have not been assessed yet", "1.4.11 Non-text Contrast"),
])
def test_the_published_statement_says_what_is_not_assessed_in_every_language(built_site, locale, status, heading,
                                                                             criterion):
    folder = "" if locale == "nb" else f"{locale}/"
    article = read_html(built_site / folder / "tilgjengelighet" / "index.html").select_one("article")
    text = article.get_text(" ", strip=True)
    assert status in text and heading in text
    assert criterion in [li.get_text(strip=True) for li in article.select(".mv-not-assessed li")]
    assert "på vegne av" not in text and "on behalf of" not in text and "på vegner av" not in text


def test_statement_lists_what_the_browser_audit_found(fixture_site, tmp_path):
    audit = CLEAN_AUDIT.replace("funn: []", """funn:
- side: veiviser/moter/
  axe:
  - {regel: color-contrast, hjelp: Elements must meet minimum color contrast ratio thresholds, visning: 'phone, dark', antall: 2, hvor: [.md-button]}
  for_bred: []
  vnu: [{linje: 12, melding: Stray end tag div.}]""")
    result = fixture_site({**REPORT_PAGES, "index.md": FRONT + "# Forside\n\nVi møtes i dag.\n",
                           "veiviser/moter.md": FRONT + "# Møter\n\nVi møtes fire ganger i året.\n"},
                          data={"tilgjengelighetsrevisjon.yml": audit})
    assert result.returncode == 0, result.stderr
    statement = read_html(tmp_path / "site" / "tilgjengelighet" / "index.html").select_one("article").get_text(" ", strip=True)
    assert "Nettstedet oppfyller kravene delvis." in statement
    assert ("Møter : Elements must meet minimum color contrast ratio thresholds (regelen «color-contrast» i axe, "
            "mobil, mørkt tema, 2 sted)") in statement
    assert "Møter : Linje 12: Stray end tag div." in statement
    report = read_html(tmp_path / "site" / "tilgjengelighet" / "rapport" / "index.html")
    cells = {row.th.get_text(strip=True): row.td.get_text(strip=True) for row in report.select("article table")[1].select("tbody tr")}
    assert cells == {"Stor skjerm, lyst tema": "Ingen", "Stor skjerm, mørkt tema": "Ingen",
                     "Mobil, lyst tema": "Ingen", "Mobil, mørkt tema": "1"}


def test_the_statement_says_when_the_audit_is_older_than_the_content():
    from medvirkning.accessibility.report import audit_status

    audit = {"dato": "2026-11-20", "verktoy": {"axe-core": "4.14.1"}}
    assert audit_status(audit, {"index.md": "2026-11-21"})["stale"]
    assert not audit_status(audit, {"index.md": "2026-11-20", "a.md": "2026-10-01"})["stale"]
    assert audit_status(None, {"index.md": "2026-11-21"})["date"] is None


def test_statement_lists_what_a_build_found(fixture_site, tmp_path):
    result = fixture_site({**REPORT_PAGES, "index.md": FRONT + "# Forside\n\nSe [her](veiviser/moter.md).\n",
                           "veiviser/moter.md": FRONT + "# Møter\n\nTekst.\n"})
    assert result.returncode != 0  # the strict build stops, after writing the site
    statement = read_html(tmp_path / "site" / "tilgjengelighet" / "index.html").select_one("article").get_text(" ", strip=True)
    assert "Nettstedet oppfyller kravene delvis." in statement
    assert "2.4.4 Formål med lenke (i kontekst)." in statement
    # The statement says it in the reader's words; the editor's message (and its fix) is in the log.
    assert "En lenketekst sier ikke hvor lenken går." in statement and "Skriv hva leseren" not in statement


def test_each_language_gets_its_own_report(fixture_site, tmp_path):
    """mkdocs-static-i18n builds the site once more for each language: state is per build."""
    fixture_site({**REPORT_PAGES, "index.md": FRONT + "# Forside\n\nVi møtes i dag.\n",
                  "index.nn.md": FRONT + "# Framside\n\nVi møtest i dag. Sjå [her](moter.md).\n",
                  "moter.md": FRONT + "# Møter\n\nTekst.\n", "moter.nn.md": FRONT + "# Møte\n\nTekst.\n"})
    project = tmp_path / "project"  # the fixture's project; add nynorsk to its config and build again
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    i18n["languages"].append({"locale": "nn", "name": "Norsk nynorsk", "build": True})
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    result = run_mkdocs_build(project / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert "docs/index.nn.md, linje 7: lenketeksten «her» sier ikke hvor lenken går." in result.stderr
    # Pages not translated yet are shown in bokmål under /nn/, their article marked lang="nb": not an error.
    assert "siden er merket med språket" not in result.stderr
    fallback = (tmp_path / "site" / "nn" / "tilgjengelighet" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nn"' in fallback and '<article class="md-content__inner md-typeset" lang="nb">' in fallback
    bokmal = json.loads((tmp_path / "site" / "tilgjengelighet.json").read_text(encoding="utf-8"))
    nynorsk = json.loads((tmp_path / "site" / "nn" / "tilgjengelighet.json").read_text(encoding="utf-8"))
    assert (bokmal["locale"], nynorsk["locale"]) == ("nb", "nn")
    assert [p["url"] for p in bokmal["pages"]] == ["", "moter/", "tilgjengelighet/"] and bokmal["errors"] == 0
    assert [p["url"] for p in nynorsk["pages"]] == ["nn/", "nn/moter/", "nn/tilgjengelighet/"]
    assert "data-mv-generated" not in (tmp_path / "site" / "nn" / "tilgjengelighet" / "rapport" / "index.html").read_text()


def test_a_marker_belongs_on_one_page(fixture_site):
    marker = "<!-- generert: tilgjengelighetsrapport -->"
    result = fixture_site({"index.md": FRONT + f"# A\n\n{marker}\n", "b.md": FRONT + f"# B\n\n{marker}\n"})
    assert result.returncode != 0
    assert "står også på docs/index.md. Den kan bare stå på én side." in result.stderr


# ---- The real site ----

@pytest.fixture(scope="module")
def site_report(built_site) -> dict:
    return json.loads((built_site / "tilgjengelighet.json").read_text(encoding="utf-8"))


def test_the_site_has_no_findings_and_reads_easily(site_report):
    assert site_report["errors"] == 0
    assert site_report["median_lix"] <= LIX_TARGET
    too_hard = [(p["src"], p["lix"]) for p in site_report["pages"] if p["lix"] is not None and round(p["lix"]) > LIX_MAX]
    assert too_hard == []
    assert all(c["passes"] for c in site_report["contrast"])


@pytest.mark.parametrize("folder", ["", "nn/", "en/"])
def test_the_report_of_each_language_has_a_row_for_every_page_of_that_language(built_site, folder):
    own = json.loads((built_site / folder / "tilgjengelighet.json").read_text(encoding="utf-8"))
    checked = {p["url"] for p in own["pages"]}
    others = ("nn/", "en/")
    built = {url for url in ((page.relative_to(built_site).parent.as_posix() + "/").removeprefix("./")
                             for page in content_pages(built_site))
             if (url.startswith(folder) if folder else not url.startswith(others))}
    # The report is about the others; a print page is the other pages put together.
    assert built - checked == {f"{folder}{url}" for url in ("tilgjengelighet/rapport/", "veileder/utskrift/",
                                                            "strategi/utskrift/", "veiviser/utskrift/")}
    report = read_html(built_site / folder / "tilgjengelighet" / "rapport" / "index.html")
    assert len(report.select("article table")[0].select("tbody tr")) == len(own["pages"])


def test_statement_has_the_fields_of_the_norwegian_format(built_site):
    article = read_html(built_site / "tilgjengelighet" / "index.html").select_one("article")
    text = article.get_text(" ", strip=True)
    for field in ["Medvirkning", "Redaksjonen for Medvirkning", "Sist oppdatert:", "Status:", "WCAG 2.1",
                  "Diskrimineringsnemnda", "Tilsynet for universell utforming av ikt"]:
        assert field in text, field
    assert "Nettstedet eies og drives av Redaksjonen for Medvirkning." in text  # mkdocs.yml's extra.medvirkning.owner
    # «Si ifra om feil» is the page's «Meld fra om feil» (an e-mail with its address, or an issue).
    report = article.select_one("#si-ifra-om-feil ~ .mv-report-problem")
    assert report is not None and report.find_previous("h2")["id"] == "si-ifra-om-feil"
    assert len(article.select(".mv-report-problem")) == 1  # there, and not again at the bottom
    hrefs = [a["href"] for a in article.select("a[href]:not(.md-content__button)")]  # not the edit button
    assert not [h for h in hrefs if h.startswith(("http:", "//", "tel:")) or h.startswith(("https:", "mailto:"))
                and not h.startswith(("mailto:medvirkning@nav.no?", "https://github.com/navikt/medvirkning/issues/new?"))]


def test_every_page_links_to_the_statement_in_its_footer(built_site):
    from helpers import language_of_page, strings
    statement = {locale: next(link["tittel"] for link in strings(locale)["bunnlenker"]
                              if link["url"] == "tilgjengelighet/") for locale in ("nb", "nn", "en")}
    assert statement["nb"] == "Tilgjengelighetserklæring" and statement["en"] == "Accessibility statement"
    for path in content_pages(built_site):
        footer = read_tree(path).css_first("footer")
        titles = [a.text(strip=True) for a in footer.css(".md-copyright a")]
        assert statement[language_of_page(built_site, path)] in titles, path
