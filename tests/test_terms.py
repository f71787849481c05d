"""The termbase (data/termer.yml) held by the build: a rejected variant on a page or in a data file of
its language stops the build naming file and line and the preferred term; one quotation-mark system
per language; the glossary's headwords are terms and are used on the pages; bokmål titles on nn and
en pages carry lang="nb" (language_parts)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import ROOT, build_in_process, make_project
from medvirkning.core import data_schemas, data_files, schemas
from medvirkning.language import terms

FRONT = "---\ndescription: En side.\n---\n\n"
TERMBASE = """\
- nb: sakliste
  nn: sakliste
  en: agenda
  avvist:
    nb: [saksliste, dagsorden]
    nn: [saksliste]
- en: county user council
  avvist:
    en: [county council*]
- nn: lenke
  avvist:
    nn: [lenkje]
- en: Directorate of Labour and Welfare
  avvist:
    en: [Labour and Welfare Directorate]
"""


def project(tmp_path: Path, pages: dict[str, str], termbase: str = TERMBASE, data: dict[str, str] | None = None) -> Path:
    for name, text in {"data/termer.yml": termbase, **{f"docs/{k}": v for k, v in pages.items()},
                       **{f"data/{k}": v for k, v in (data or {}).items()}}.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def messages(root: Path, locale: str, with_glossary: bool = False) -> list[str]:
    return terms.check_language(root, root / "docs", terms.load(root), locale, "nb", ["nb", "nn", "en"],
                                with_glossary=with_glossary)


# ---- Rejected variants ----

def test_a_rejected_variant_names_file_line_and_the_preferred_term(tmp_path):
    root = project(tmp_path, {"moter.md": FRONT + "# Møter\n\nLag saksliste i god tid.\n"})
    assert messages(root, "nb") == [
        "docs/moter.md, linje 7: «saksliste» er et ord vi ikke bruker. Skriv «sakliste», som termlista "
        "(data/termer.yml) sier. Siterer du en kilde ordrett, skriv <!-- sitat --> sist på linjen."]


def test_case_is_kept_in_the_suggestion_and_a_capitalised_variant_matches_only_as_written(tmp_path):
    root = project(tmp_path, {"a.en.md": FRONT + "# A\n\nCounty councils meet.\nThe labour and welfare directorate.\n"})
    found = messages(root, "en")
    assert len(found) == 1
    assert "docs/a.en.md, linje 7: «County councils»" in found[0] and "Skriv «County user council»" in found[0]


def test_words_in_code_addresses_other_languages_and_quotes_are_not_checked(tmp_path):
    page = FRONT + "\n".join([
        "# Møter",
        "",
        "Skriv `saksliste` i feltet, og se [møtet](https://example.org/saksliste).",
        "Adressen er https://example.org/dagsorden og id-en {#saksliste}.",
        "Kilden kaller det <span lang=\"nn\">saksliste</span>.",
        "«Vi setter opp dagsorden» <!-- sitat -->",
        "",
        "> Dagsorden og saksliste.",
        "> { lang=\"da\" }",
        "",
        "```",
        "saksliste",
        "```",
    ]) + "\n"
    assert messages(project(tmp_path, {"moter.md": page}), "nb") == []


def test_only_the_language_of_the_variant_is_checked(tmp_path):
    root = project(tmp_path, {"a.md": FRONT + "# A\n\nEi lenkje.\n", "a.nn.md": FRONT + "# A\n\nEi lenke.\n"})
    assert messages(root, "nb") == [] and messages(root, "nn") == []
    (root / "docs/a.nn.md").write_text(FRONT + "# A\n\nEi lenkje.\n", encoding="utf-8")
    assert [m.split(":")[0] for m in messages(root, "nn")] == ["docs/a.nn.md, linje 7"]


def test_a_rejected_variant_in_a_data_file_names_the_file_and_line(tmp_path):
    glossary = "- ord: AU\n  fullt: Arbeidsutvalg\n  forklaring: Lager saklisten.\n  en:\n    fullt: Working committee\n" \
               "    forklaring: It reports to the Labour and Welfare Directorate.\n"
    root = project(tmp_path, {}, data={"ordliste.yml": glossary})
    found = messages(root, "en")
    assert len(found) == 1 and found[0].startswith("data/ordliste.yml, linje 6: «Labour and Welfare Directorate»")
    assert messages(root, "nb") == []


def test_a_variant_that_is_also_the_preferred_term_is_an_error(tmp_path):
    root = project(tmp_path, {}, termbase="- nb: sakliste\n  avvist:\n    nb: [Sakliste]\n")
    with pytest.raises(terms.TermError, match=r"data/termer.yml, linje 3: «Sakliste» står både"):
        terms.load(root)


def test_the_termbase_has_a_schema_that_names_a_misspelt_field():
    with pytest.raises(data_files.DataFileError, match=r"data/termer.yml, linje 2: ukjent felt «avist»"):
        data_files.parse("- nb: sakliste\n  avist:\n    nb: [saksliste]\n", "data/termer.yml",
                         data_schemas.load_schema(ROOT / "data" / "termer.yml"))


def test_the_real_termbase_holds_the_decisions_of_the_issue():
    base = terms.load(ROOT)
    def rejected(locale: str, variant: str) -> str:
        return next(r.preferred for r in base.rules_for(locale) if r.pattern.fullmatch(variant))
    assert rejected("nb", "saksliste") == rejected("nn", "saksliste") == "sakliste"
    assert rejected("nb", "dagsorden") == "sakliste"
    assert rejected("en", "county councils") == "county user council"
    assert rejected("en", "Norwegian Labour and Welfare Directorate") == "Directorate of Labour and Welfare"
    assert rejected("en", "shall") == "should"
    assert rejected("nn", "lenkje") == "lenke" and rejected("nn", "også") == "òg"


# ---- Quotation marks ----

def test_quotation_marks_of_another_language_are_errors(tmp_path):
    root = project(tmp_path, {"a.md": FRONT + "# A\n\nDet heter “møtet”.\n",
                              "a.en.md": FRONT + "# A\n\nIt is called «the meeting».\nGood: “the meeting”.\n"})
    assert messages(root, "nb") == ["docs/a.md, linje 7: anførselstegnet “ ” hører til et annet språk. "
                                    "På denne siden bruker vi « ». Bytt tegnene ut."]
    assert [m.split(":")[0] for m in messages(root, "en")] == ["docs/a.en.md, linje 7"]


def test_a_norwegian_title_marked_as_bokmal_keeps_its_quotation_marks_on_an_english_page(tmp_path):
    root = project(tmp_path, {"a.en.md": FRONT + "# A\n\n<cite lang=\"nb\">Departementet, «Brukermedvirkning»</cite>\n"})
    assert messages(root, "en") == []


# ---- The glossary's headwords ----

GLOSSARY = """\
- ord: sakliste
  forklaring: Lista over saker.
  en:
    ord: agenda
    forklaring: The list of items.
"""


def test_a_glossary_headword_no_page_of_its_language_uses_is_an_error(tmp_path):
    root = project(tmp_path, {"a.md": FRONT + "# A\n\nSaklisten kommer.\n", "a.en.md": FRONT + "# A\n\nThe list comes.\n"},
                   data={"ordliste.yml": GLOSSARY})
    assert messages(root, "nb", with_glossary=True) == []
    assert messages(root, "en", with_glossary=True) == [
        "data/ordliste.yml, linje 4: «agenda» står i ordlista (en), men ingen side på dette språket bruker ordet. "
        "Bruk det samme ordet på sidene og i ordlista, eller ta oppføringen bort."]


def test_a_glossary_headword_must_be_a_term_of_the_termbase(tmp_path):
    glossary = GLOSSARY.replace("ord: agenda", "ord: list of items")
    root = project(tmp_path, {"a.en.md": FRONT + "# A\n\nThe list of items comes.\n"}, data={"ordliste.yml": glossary})
    assert messages(root, "en", with_glossary=True) == [
        "data/ordliste.yml, linje 4: «list of items» står i ordlista (en), men ikke i termlista. Legg det til i "
        "data/termer.yml med en: list of items, eller bruk ordet som står der."]


# ---- In the strict build ----

def test_the_strict_build_stops_on_a_rejected_variant(tmp_path):
    config = make_project(tmp_path / "project", {"index.md": FRONT + "# Forside\n\nLag en saksliste.\n"})
    ok, log = build_in_process(config, tmp_path / "site")
    assert not ok
    assert any("docs/index.md, linje 7: «saksliste» er et ord vi ikke bruker" in line and "Skriv «sakliste»" in line
               for line in log)


def test_the_strict_build_stops_on_an_unmarked_bokmal_title_on_a_translated_page(tmp_path):
    title = "Strategi for brukermedvirkning i NAV på system- og tjenestenivå"
    pages = {"index.md": FRONT + f"# Forside\n\nStrategien heter «{title}».\n",
             "index.en.md": FRONT + f"# Home\n\nThe strategy is called *{title}*.\n",
             "index.nn.md": FRONT + f"# Framside\n\nStrategien heiter «<span lang=\"nb\">{title}</span>».\n"}
    config = make_project(tmp_path / "project", pages, languages=["nn", "en"])
    ok, log = build_in_process(config, tmp_path / "site")
    assert not ok
    text = "\n".join(log)
    assert f"docs/index.en.md, linje 7: «{title}» er på bokmål, men står uten språkmerke" in text
    marked = [line for line in log if "men står uten språkmerke" in line]
    assert marked and all("docs/index.en.md" in line and "index.nn.md" not in line for line in marked)

    pages["index.en.md"] = FRONT + f"# Home\n\nThe strategy is called *<span lang=\"nb\">{title}</span>*.\n"
    config = make_project(tmp_path / "project", pages, languages=["nn", "en"])
    ok, log = build_in_process(config, tmp_path / "site2")
    assert ok, "\n".join(log)


def test_the_sources_titles_are_data_with_a_schema():
    titles = yaml.safe_load((ROOT / "data" / "kildetitler.yml").read_text(encoding="utf-8"))
    assert "Veileder – tjenesteutvikling i samarbeid med funksjonshemmedes organisasjoner" in [t["tittel"] for t in titles]
    assert data_schemas.load_schema(ROOT / "data" / "kildetitler.yml")["items"]["required"] == ["tittel"]


def test_a_page_has_one_name_in_the_menu_and_as_its_title(tmp_path):
    pages = {"om/index.md": FRONT + "# Om nettstedet\n", "om/index.en.md": FRONT + "# About the site\n"}
    root = project(tmp_path, pages, data={"sprak/en.yml": "meny:\n  Om nettstedet: About this site\n"})
    assert messages(root, "en") == [
        "data/sprak/en.yml, linje 2: menyen kaller siden «Om nettstedet» for «About this site», men siden heter "
        "«About the site» (docs/om/index.en.md, linje 5). En side har ett navn: bruk det samme begge steder."]
    (root / "docs/om/index.en.md").write_text(FRONT + "# About this site\n", encoding="utf-8")
    assert messages(root, "en") == []
