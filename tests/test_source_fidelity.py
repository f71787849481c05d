"""What the pages say holds to the sources (issue 21, point 5) and names no private person (point 6),
in every language: one definition of brukerdrevet tjenesteutvikling, wordings the sources do not
support kept out, citations that name their source exactly."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, content_pages, language_of_page, read_tree

DOCS = ROOT / "docs"
INCLUDES = DOCS / "_includes"
LANGUAGES = {"nb": "", "nn": "nn/", "en": "en/"}
SUFFIX = {"nb": "", "nn": ".nn", "en": ".en"}

# Wordings the reading against the sources found wrong, with what the source says instead.
# None may stand on any built page, in any language, or in the data files.
RETIRED = {
    # brukerdrevet tjenesteutvikling is developed «systematisk sammen med» users (000, 001), not steered by them
    "er med og styrer": "veilederen og strategien: «utvikles på en systematisk måte sammen med»",
    "help steer": "the guide and the strategy: developed systematically together with",
    # the individual level is influence (001: «innflytelse», «påvirke»), not deciding
    "bestemmer over din egen sak": "strategien: «innflytelse», «påvirke»",
    "bestemmer over di eiga sak": "strategien: «innflytelse», «påvirke»",
    "help decide about your own case": "the strategy: influence",
    "er med og bestemmer over hjelp": "strategien: «innflytelse», «påvirke»",
    "take part in deciding on the help": "the strategy: influence",
    # the organisations appoint their representatives (000: «organisasjoner oppnevner representanter»)
    "å utpeke betyr å bestemme": "veilederen: organisasjonene oppnevner representantene",
    "å peike ut betyr å bestemme": "veilederen: organisasjonane oppnemner representantane",
    "to appoint means to decide": "the guide: the organisations appoint the representatives",
    # training «bør» be alike (001), not «skal»
    "skal få opplæring med likt materiell": "strategien: opplæringen «bør være likt»",
    "skal få opplæring med likt materiell.": "strategien: opplæringen «bør være likt»",
    "should get training with the same materials": "the strategy: training should be alike",
    # Målbilde 2025 is past: used as current it misleads
    "målbildet for 2025 skal brukes": "veilederen fra 2023; 2025 er passert",
    "målbiletet for 2025 skal brukast": "rettleiaren frå 2023; 2025 er passert",
    "must use the vision for 2025": "the guide of 2023; 2025 has passed",
    "- bruk ambisjonene i målbildet": "veilederen fra 2023; 2025 er passert",
    "- bruk ambisjonane i målbiletet": "rettleiaren frå 2023; 2025 er passert",
    # research on one council (002), not research in general
    "forskning fant at møtene": "referatet: følgeforskning på ett utvalg",
    "forsking fann at møta": "referatet: følgjeforsking på eitt utval",
    "research found that the meetings": "the minutes: research on one council",
    # «tilgjengelig og transparent» (001), not open to everyone
    "åpen for alle": "strategien: «tilgjengelig og transparent»",
    "open for alle": "strategien: «tilgjengelig og transparent»",
    "open to everyone": "the strategy: available and transparent",
    # the guide was written by a joint working group (000, appendix), not published by one unit
    "utgiver:** nav hjelpemidler": "veilederen: en arbeidsgruppe med NAV og organisasjonene",
    "utgjevar:** nav hjelpemidler": "rettleiaren: ei arbeidsgruppe",
    "publisher:** nav hjelpemidler": "the guide: a joint working group",
    "utgiver: nav hjelpemidler": "veilederen: en arbeidsgruppe med NAV og organisasjonene",
    "utgjevar: nav hjelpemidler": "rettleiaren: ei arbeidsgruppe",
    "publisher: nav hjelpemidler": "the guide: a joint working group",
    "er fra nav hjelpemidler og tilrettelegging": "veilederen: en arbeidsgruppe med NAV og organisasjonene",
    "er frå nav hjelpemidler og tilrettelegging": "rettleiaren: ei arbeidsgruppe",
    "is from nav hjelpemidler og tilrettelegging": "the guide: a joint working group",
    "organisasjoner» fra nav hjelpemidler": "veilederen: en arbeidsgruppe med NAV og organisasjonene",
    "organisasjoner» frå nav hjelpemidler": "rettleiaren: ei arbeidsgruppe",
    # the county status is what one NAV employee said in March 2024 (002), not a present fact
    "alle nav-fylkene har et brukerutvalg": "referatet: status per mars 2024",
    "alle nav-fylka har eit brukarutval": "referatet: status per mars 2024",
    "all nav counties have a user council": "the minutes: status as of March 2024",
    # the leader checklist holds a SAFO item and measures that name no actor
    "tiltakene i strategien som er lederens ansvar": "strategien og SAFO; noen tiltak nevner ingen",
    "tiltaka i strategien som leiaren har ansvaret for": "strategien og SAFO",
    "the measures in the strategy that are the manager's responsibility": "the strategy and SAFO",
}
DEFINITION_TERMS = {"nb": "brukerdrevet tjenesteutvikling", "nn": "brukardriven tenesteutvikling",
                    "en": "user-driven service development"}
DEFINING = re.compile(r"\b(betyr|vil si|means|is when)\b", re.I)


def page(site: Path, locale: str, path: str) -> Path:
    return site / LANGUAGES[locale] / path / "index.html"


def article_text(path: Path) -> str:
    node = read_tree(path).css_first("article")
    return " ".join((node.text(separator="") if node else "").split())


def section_text(path: Path, section_id: str) -> str:
    """The text of a section: its heading and what follows, up to the next heading of its level or above."""
    heading = read_tree(path).css_first(f"article #{section_id}")
    assert heading is not None, f"{path}: fant ikke #{section_id}"
    level, parts, node = int(heading.tag[1]), [heading.text(separator="")], heading.next
    while node is not None:
        if re.fullmatch(r"h[1-6]", node.tag or "") and int(node.tag[1]) <= level:
            break
        parts.append(node.text(separator="") or "")
        node = node.next
    return " ".join(" ".join(parts).split())


def definition(locale: str) -> str:
    return " ".join((INCLUDES / f"definisjon-brukerdrevet-tjenesteutvikling{SUFFIX[locale]}.md")
                    .read_text(encoding="utf-8").split())


def data_texts() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "data").glob("*.yml")}


def test_retired_wordings_stand_nowhere(built_site):
    found = []
    texts = {p.relative_to(built_site).as_posix(): article_text(p) for p in content_pages(built_site)}
    texts.update({f"data/{name}": text for name, text in data_texts().items()})
    texts.update({p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8") for p in DOCS.rglob("*.md")})
    for where, text in texts.items():
        lowered = text.lower()
        found += [f"{where}: «{phrase}» (kilden: {why})" for phrase, why in RETIRED.items() if phrase in lowered]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("locale", LANGUAGES)
def test_brukerdrevet_tjenesteutvikling_is_defined_once_and_included(built_site, locale):
    term, wanted = DEFINITION_TERMS[locale], definition(locale)
    assert "systemati" in wanted.lower() and "styr" not in wanted.lower() and "steer" not in wanted.lower()
    # No page source writes a definition of its own: a sentence that says what the term means is the include's.
    own = []
    for source in DOCS.rglob("*.md"):
        if source.parent == INCLUDES:
            continue
        for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
            if term in line.lower() and DEFINING.search(line.lower().split(term, 1)[1][:40]):
                own.append(f"{source.relative_to(ROOT)}, linje {number}: {line.strip()}")
    assert not own, "skriv definisjonen med {!_includes/definisjon-brukerdrevet-tjenesteutvikling…md!}:\n" + "\n".join(own)
    for path in ("strategi/god-kompetanse", "strategi/bedre-tjenester", "veileder/brukerdrevet-tjenesteutvikling",
                 "veileder"):
        assert wanted in article_text(page(built_site, locale, path)), f"{locale} {path}: definisjonen mangler"
    # The glossary says the same words.
    entry = next(e for e in yaml.safe_load((ROOT / "data" / "ordliste.yml").read_text(encoding="utf-8"))
                 if e["ord"] == "brukerdrevet tjenesteutvikling")
    explanation = " ".join(str(entry["forklaring"] if locale == "nb" else entry[locale]["forklaring"]).split())
    assert explanation.startswith(wanted), f"ordlista ({locale}) sier noe annet enn definisjonen: {explanation}"


@pytest.mark.parametrize("locale", LANGUAGES)
def test_the_guidebook_here_is_not_called_nav_official(built_site, locale):
    sentence = " ".join((INCLUDES / f"veiviseren-er-nettstedets-egen{SUFFIX[locale]}.md")
                        .read_text(encoding="utf-8").split())
    assert "NAV" in sentence
    for path in ("strategi/gode-arenaer", "veiviser", "veiviser/arshjul", "om"):
        assert sentence in article_text(page(built_site, locale, path)), f"{locale} {path}: mangler «{sentence}»"
    assert sentence in section_text(page(built_site, locale, "strategi/gode-arenaer"), "tiltak-2-3-1")


FFO_HEADING = "5 aktive organisasjoner i NAV"


def test_ffo_page_is_cited_by_its_real_heading(built_site):
    loose = []
    for built in content_pages(built_site):
        text = article_text(built)
        loose += [built.relative_to(built_site).as_posix() for m in re.finditer(r"5 aktive organisasjoner", text)
                  if not text[m.start():].startswith(FFO_HEADING)]
    assert not loose, f"FFO-siden heter «{FFO_HEADING}»: {sorted(set(loose))}"
    cited = 0
    for built in sorted(built_site.rglob("veiviser/organisasjonene-*/index.html")):
        if read_tree(built).css_first("article #kilde") is not None:
            assert FFO_HEADING in section_text(built, "kilde"), f"{built}: «Kilde» uten «{FFO_HEADING}»"
            cited += 1
    assert cited >= 15  # five organisation pages with a «Kilde» section, in three languages


PRIVATE_DETAILS = {
    # A companion at the meeting is no guidance, and names a person's need.
    "veiviser/erfaringer-innlandet": ("ledsag", "companion"),
    # A representative's career and an official's past posts identify them without teaching anything.
    "veiviser/erfaringer-lokale-utvalg": ("Åsnes", "Sykehuset Innlandet", "Elverum kommune", "Elverum municipality"),
    "veiviser/sentralt-brukerutvalg": ("ytelsesdirektør", "ytingsdirektør", "director of benefits", "konstituert",
                                        "acting director"),
}


@pytest.mark.parametrize("locale", LANGUAGES)
def test_details_that_identify_a_person_are_gone(built_site, locale):
    for path, words in PRIVATE_DETAILS.items():
        text = article_text(page(built_site, locale, path))
        assert not [w for w in words if w.lower() in text.lower()], f"{locale} {path}: {words}"


SOURCE_GUIDE = {"nb": "hjelpemiddelområdet", "nn": "hjelpemiddelområdet", "en": "assistive technology field"}
GUIDE_SUGGESTS = {"nb": r"\bVeilederen\b[^.]*\bforeslår\b", "nn": r"\bRettleiaren\b[^.]*\bforeslår\b",
                  "en": r"\bThe guide\b[^.]*\bsuggests\b"}


@pytest.mark.parametrize("locale", LANGUAGES)
def test_the_guides_advice_says_it_is_for_the_assistive_technology_field(built_site, locale):
    field = SOURCE_GUIDE[locale]
    for built in content_pages(built_site):
        if language_of_page(built_site, built) != locale or "/veiviser/" not in f"/{built.relative_to(built_site).as_posix()}":
            continue
        for match in re.finditer(GUIDE_SUGGESTS[locale], article_text(built)):
            assert field in match.group(0), f"{built.relative_to(built_site)}: «{match.group(0)}» sier ikke hvor rådet gjelder"
    tips = page(built_site, locale, "veileder/tips-til-tiltak")
    for section in ("opplaering", "arbeidsmoter", "evaluere-utvalget"):  # the «Fra:» line of every checklist item
        assert field in read_tree(tips).css_first(f"article #{section}").text(), f"{locale}: #{section}"


DATED = {
    # county statements: as of March 2024, from one meeting (002)
    ("veiviser/hva-er-et-brukerutvalg", "brukerutvalg-i-fylket"): {"nb": "mars 2024", "nn": "mars 2024", "en": "March 2024"},
    # Lillehammer's theme days: tried as an alternative to a local council (002)
    ("veiviser/arshjul", "samlinger-med-tema"): {"nb": "alternativ", "nn": "alternativ", "en": "alternative"},
    # the papers for a meeting: FFO's points on good case papers (003) are items of the meeting checklist
    ("veiviser/moter", "sakspapirer"): {"nb": "Sjekkliste", "nn": "Sjekkliste", "en": "Checklist"},
}


@pytest.mark.parametrize("locale", LANGUAGES)
def test_statements_carry_their_date_and_scope(built_site, locale):
    for (path, section), words in DATED.items():
        text = section_text(page(built_site, locale, path), section)
        assert words[locale].lower() in text.lower(), f"{locale} {path}#{section}: mangler «{words[locale]}»"


@pytest.mark.parametrize("locale", LANGUAGES)
def test_meeting_checklist_holds_the_case_papers_it_promises(built_site, locale):
    checklist = read_tree(page(built_site, locale, "sjekklister/mote"))
    links = [a.attributes.get("href") or "" for a in checklist.css("article a")]
    assert sum("moter/#sakspapirer" in href for href in links) >= 3, f"{locale}: ingen punkter om sakspapirer"


@pytest.mark.parametrize("locale", LANGUAGES)
def test_templates_say_who_writes_receives_and_when(built_site, locale):
    words = {"nb": ("Hvem", "Når"), "nn": ("Kven", "Når"), "en": ("Who", "When")}[locale]
    for path in ("veiviser/maler/arsrapport", "veiviser/maler/evaluering"):
        tree = read_tree(page(built_site, locale, path))
        labels = [b.text() for b in tree.css("article li strong")]
        assert sum(label.startswith(words[0]) for label in labels) >= 2 and any(label.startswith(words[1]) for label in labels), \
            f"{locale} {path}: mangler hvem og når"
        assert tree.css_first("article .admonition.tip") is not None, f"{locale} {path}: resten er ikke merket som vårt forslag"
