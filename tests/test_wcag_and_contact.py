"""The accessibility statement's data (data/wcag.yml, medvirkning.wcag) and the site's owner and
contact (mkdocs.yml's extra, medvirkning.contact): what the build accepts, what stops it, and the
«Meld fra om feil på denne siden» links on every page of every language."""
from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from mkdocs.exceptions import PluginError

from conftest import content_pages, language_of_page, read_tree, strings
from medvirkning.accessibility import wcag
from medvirkning.contact.contact import Contact, site_contact

ROOT = Path(__file__).resolve().parent.parent
WCAG_TEXT = (ROOT / "data" / "wcag.yml").read_text(encoding="utf-8")


def load_text(tmp_path: Path, text: str) -> list:
    (tmp_path / "data" / "skjema").mkdir(parents=True, exist_ok=True)
    (tmp_path / "data" / "wcag.yml").write_text(text, encoding="utf-8")
    shutil.copyfile(ROOT / wcag.SCHEMA_FILE, tmp_path / wcag.SCHEMA_FILE)  # the file's schema, as in the project
    return wcag.load(tmp_path)


def test_the_data_file_has_every_criterion_of_wcag_21_and_22_a_and_aa(tmp_path):
    criteria = load_text(tmp_path, WCAG_TEXT)
    assert [c.number for c in criteria] == list(wcag.CRITERIA) and len(criteria) == 56
    assert criteria[0].number == "1.1.1" and criteria[-1].number == "4.1.3"
    assert all(c.names.keys() >= {"nb", "nn", "en"} for c in criteria)
    # Every manual assessment has a date and a note; nothing is claimed without one.
    assert all(c.date and c.note for c in criteria if c.method == "manuell")
    assert {c.method for c in criteria} == {"automatisk", "manuell", "ikke vurdert"}


def without(text: str, number: str) -> str:
    start = text.index(f'  - krav: "{number}"')
    end = text.find("  - krav: ", start + 1)
    return text[:start] + (text[end:] if end != -1 else "")


@pytest.mark.parametrize("change, message", [
    (lambda t: without(t, "1.4.11"), 'data/wcag.yml: kriteriet 1.4.11 mangler. Hvert kriterium skal stå i fila'),
    (lambda t: t + t[t.index('  - krav: "4.1.3"'):], "data/wcag.yml: kriteriet 4.1.3 står to ganger (oppføring nr. 57)"),
    (lambda t: t.replace('krav: "4.1.3"', 'krav: "4.1.4"'), "«4.1.4» i oppføring nr. 56 er ikke et suksesskriterium"),
    (lambda t: t.replace('    resultat: ikke relevant\n    dato: "2026-12-06"\n    merknad: Nettstedet har ingen video.',
                         '    resultat: avvik\n    dato: "2026-12-06"\n    merknad: Nettstedet har ingen video.', 1),
     "«avvik» i kriterier nr. 3 mangler"),
    (lambda t: t.replace('    kilde: revisjon\n', '    kilde: revisjon\n    resultat: samsvar\n', 1),
     "er «automatisk», men har resultat eller dato. Et automatisk kriterium får dem fra testene"),
    (lambda t: t.replace('dato: "2026-12-06"', 'dato: "2999-01-01"', 1), "har datoen 2999-01-01, som er etter i dag"),
    (lambda t: t.replace("metode: manuell", "metode: sjekket", 1), "«sjekket» kan ikke brukes i «metode» i kriterier nr. 1"),
])
def test_a_broken_data_file_stops_the_build_with_a_plain_message(tmp_path, change, message):
    with pytest.raises(PluginError) as error:
        load_text(tmp_path, change(WCAG_TEXT))
    assert message in str(error.value), str(error.value)


def test_status_is_oppfyller_only_when_every_criterion_is_assessed_and_met(tmp_path):
    criteria = load_text(tmp_path, WCAG_TEXT)
    met = [wcag.Criterion(**{**c.__dict__, "method": "manuell", "result": "samsvar", "date": "2026-12-06"})
           for c in criteria]
    assert wcag.status(met, has_deviations=False) == "oppfyller"
    assert wcag.status(met, has_deviations=True) == "delvis"  # the build or the audit found something
    one_open = [*met[:-1], wcag.Criterion(**{**met[-1].__dict__, "method": "ikke vurdert", "result": "ikke vurdert"})]
    assert wcag.status(one_open, has_deviations=False) == "delvis"
    one_failed = [*met[:-1], wcag.Criterion(**{**met[-1].__dict__, "result": "avvik"})]
    assert wcag.status(one_failed, has_deviations=False) == "delvis"
    nothing = [wcag.Criterion(**{**c.__dict__, "result": "ikke vurdert"}) for c in criteria]
    assert wcag.status(nothing, has_deviations=False) == "ikke_testet"


def test_automatic_criteria_take_their_result_and_date_from_the_checks(tmp_path):
    criteria = {c.number: c for c in load_text(tmp_path, WCAG_TEXT)}
    automatic = [criteria["2.4.4"], criteria["4.1.1"]]  # bygget, revisjon
    done = wcag.with_automatic_results(automatic, failed={"4.1.1"}, build_date="2026-12-06", audit_date="2026-11-29")
    assert [(c.result, c.date) for c in done] == [("samsvar", "2026-12-06"), ("avvik", "2026-11-29")]
    no_audit = wcag.with_automatic_results(automatic, failed=set(), build_date="2026-12-06", audit_date=None)
    assert [(c.result, c.date) for c in no_audit] == [("samsvar", "2026-12-06"), ("ikke vurdert", None)]
    assert wcag.criterion_number("4.1.1 Parsing (ugyldig HTML)") == "4.1.1"


# ---- Owner and contact: one place, in mkdocs.yml ----

GOOD = {"owner": "Redaksjonen for Medvirkning", "contact": {"email": "medvirkning@nav.no", "github": "navikt/medvirkning"}}


def test_owner_and_contact_are_read_from_mkdocs_yml():
    from conftest import project_config
    assert site_contact(project_config()["extra"]["medvirkning"]) == Contact("Redaksjonen for Medvirkning", "medvirkning@nav.no",
                                                              "navikt/medvirkning")


@pytest.mark.parametrize("extra, message", [
    ({**GOOD, "owner": ""}, "mkdocs.yml: «extra: medvirkning: owner:» mangler."),
    ({"owner": "X"}, "mkdocs.yml: «extra: medvirkning: contact:» mangler."),
    ({**GOOD, "contact": {"email": "redaksjonen", "github": "navikt/medvirkning"}},
     "«extra: medvirkning: contact: email:» er «redaksjonen», som ikke er en e-postadresse."),
    ({**GOOD, "contact": {"email": "a@nav.no", "github": "https://github.com/navikt/medvirkning"}},
     "Skriv repoet som «eier/navn»"),
])
def test_a_missing_or_wrong_contact_stops_the_build(extra, message):
    with pytest.raises(PluginError) as error:
        site_contact(extra)
    assert message in str(error.value)


def test_every_page_in_every_language_has_a_prefilled_report_link(built_site):
    """«Meld fra om feil på denne siden»: an e-mail to the address in mkdocs.yml with the page's
    title and address in it (no account and no JavaScript needed), and a GitHub issue."""
    pages = content_pages(built_site)
    assert len(pages) > 150
    for page in pages:
        locale = language_of_page(built_site, page)
        words = strings(locale)
        tree = read_tree(page)
        canonical = tree.css_first('link[rel="canonical"]').attributes["href"]
        links = tree.css("article .mv-report-problem a[data-mv-report]")
        assert len(links) == 2, page
        mail, issue = (link.attributes["href"] for link in links)
        assert links[0].text(strip=True) == words["meld_feil"], page
        assert mail.startswith("mailto:medvirkning@nav.no?"), page
        fields = parse_qs(urlsplit(mail).query)
        assert canonical in fields["body"][0] and fields["subject"][0].startswith(words["meld_feil_emne"][:8]), page
        assert issue.startswith("https://github.com/navikt/medvirkning/issues/new?"), page
        assert canonical in unquote(issue), page


@pytest.mark.parametrize("locale, owner", [("nb", "Nettstedet eies og drives av Redaksjonen for Medvirkning."),
                                           ("nn", "Nettstaden er eigd og driven av Redaksjonen for Medvirkning."),
                                           ("en", "The site is owned and run by Redaksjonen for Medvirkning.")])
def test_the_about_page_names_the_owner_and_offers_the_report_link(built_site, locale, owner):
    folder = "" if locale == "nb" else f"{locale}/"
    article = read_tree(built_site / folder / "om" / "index.html").css_first("article")
    assert owner in article.text()
    section = article.css_first("#send-oss-en-melding-om-feil-eller-forslag")
    report = article.css("a[data-mv-report]")
    assert section is not None and len(report) == 2 and report[0].attributes["href"].startswith("mailto:")
