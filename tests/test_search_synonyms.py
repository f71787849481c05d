"""Search knows everyday words (issue 22, point 7): data/sokeord.yml gives, per language, the words
readers use and the word the site uses; each language's index carries them in its settings, and
mv-search.js adds the site's word to a query that holds an everyday word. A site's word that no
page of its language uses is a notice in the build's log, with file and line, and an error here
for the real site."""
from __future__ import annotations

import json
import re

import pytest

from helpers import ROOT
from medvirkning.search import synonyms

INDEXES = {"nb": "search", "nn": "nn/search", "en": "en/search"}
# The words the issue names, and a page each must lead to.
EVERYDAY = [
    ("nb", "dagsorden", "veiviser/moter/"),
    ("nb", "årsmelding", "veiviser/maler/arsrapport/"),
    ("nn", "dagsorden", "veiviser/moter/"),
    ("nn", "årsmelding", "veiviser/maler/arsrapport/"),
    ("en", "order of business", "veiviser/moter/"),
    ("en", "yearly report", "veiviser/maler/arsrapport/"),
]


def index(site, locale: str) -> dict:
    return json.loads((site / INDEXES[locale] / "search_index.full.json").read_text(encoding="utf-8"))


def stem_words(text: str) -> set[str]:
    return {word[:-1] if len(word) > 4 else word for word in re.findall(r"\w+", text.lower())}


@pytest.mark.parametrize("locale, word, page", EVERYDAY)
def test_an_everyday_word_leads_to_the_page_that_uses_the_sites_word(built_site, locale, word, page):
    own = index(built_site, locale)
    assert own["config"]["synonyms"] == synonyms.load(ROOT)[locale]
    settings = json.loads((built_site / INDEXES[locale] / "search_index.json").read_text(encoding="utf-8"))
    assert settings["config"]["synonyms"] == own["config"]["synonyms"]  # what the worker is set up with
    term = own["config"]["synonyms"][word]
    wanted = stem_words(term)
    hits = [doc["location"] for doc in own["docs"]
            if all(any(found.startswith(w) for found in stem_words(doc["title"] + " " + doc["text"])) for w in wanted)]
    assert any(location.startswith(page) for location in hits), (word, term, hits[:5])


def test_the_worker_adds_the_sites_word_to_the_query():
    worker = (ROOT / "docs" / "assets" / "javascripts" / "workers" / "mv-search.js").read_text(encoding="utf-8")
    assert "synonyms = message.data.config.synonyms || {}" in worker
    assert "stemmed(withSynonyms(message.data))" in worker


@pytest.mark.parametrize("locale", INDEXES)
def test_every_sites_word_is_on_a_page_of_its_language(built_site, locale):
    own = index(built_site, locale)
    assert own["config"]["synonyms"], locale
    assert not synonyms.unused_terms(own["config"]["synonyms"], own)


def test_a_sites_word_that_no_page_uses_is_named_with_file_and_line(fixture_site):
    front = "---\ndescription: En side.\n---\n\n"
    result = fixture_site({"index.md": front + "# Forside\n\nSaklisten kommer før møtet.\n"}, data={
        "sokeord.yml": "nb:\n  - ord: [dagsorden]\n    finner: sakliste\n  - ord: [årsmelding]\n    finner: årsrapport\n"})
    assert ("data/sokeord.yml, linje 5: «årsrapport» (nb) står ikke på noen side på dette språket" in result.stderr), (
        result.stderr)
    assert "«sakliste»" not in result.stderr  # «Saklisten» is a form of it


def test_a_misspelt_field_names_file_and_line(fixture_site):
    front = "---\ndescription: En side.\n---\n\n"
    result = fixture_site({"index.md": front + "# Forside\n\nTekst.\n"},
                          data={"sokeord.yml": "nb:\n  - ord: [dagsorden]\n    finer: sakliste\n"})
    assert result.returncode != 0
    assert "data/sokeord.yml, linje" in result.stderr, result.stderr
