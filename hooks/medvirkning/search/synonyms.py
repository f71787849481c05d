"""Everyday words in search: «dagsorden» finds the pages that say «sakliste».

data/sokeord.yml lists, per language, the words readers may search for and the word the site
uses for the same thing. The words go into each language's search index, in its settings
(`synonyms`: word -> the site's word); docs/assets/javascripts/workers/mv-search.js adds the
site's word to a query that holds one of them. A site's word found on no page of its language
is an error: the everyday word would lead nowhere.
"""
from __future__ import annotations

import re
from pathlib import Path

from mkdocs.plugins import get_plugin_logger

from ..core.data_files import read_yaml
from ..core.schemas import data_schema
from .state import SearchData

DATA_FILE = "data/sokeord.yml"
log = get_plugin_logger("sok")


def load(root: Path) -> dict[str, dict[str, str]]:
    """{locale: {everyday word (lower case): the site's word}}."""
    data = read_yaml(root / DATA_FILE, {}, schema=data_schema(root, "sokeord"))
    return {locale: {" ".join(word.lower().split()): " ".join(entry["finner"].split())
                     for entry in entries for word in entry["ord"]}
            for locale, entries in data.items()}


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def unused_terms(synonyms: dict[str, str], index: dict) -> list[str]:
    """The site's words that no entry of the index holds (each word of a term, in some form)."""
    found = set()
    for doc in index["docs"]:
        found.update(_words(doc.get("title", "")))
        found.update(_words(re.sub(r"<[^>]+>", " ", doc.get("text", ""))))
    return sorted({term for term in synonyms.values()
                   if not all(any(word.startswith(stem(part)) for word in found) for part in _words(term))})


def stem(word: str) -> str:
    """The word without its last letter, so that its forms count ("sakliste": "saklista", "saklister"),
    as the search's stemmer finds them."""
    return word[:-1] if len(word) > 4 else word


def line_of(root: Path, locale: str, term: str) -> int | None:
    """The line of `finner: term` in the language's part of the data file."""
    inside = False
    for number, line in enumerate((root / DATA_FILE).read_text(encoding="utf-8").splitlines(), start=1):
        if re.match(r"^[a-z]{2}:", line):
            inside = line.startswith(f"{locale}:")
        elif inside and re.match(rf"^\s*finner:\s*[\"']?{re.escape(term)}[\"']?\s*$", line):
            return number
    return None


def attach(index: dict, locale: str, build) -> dict:
    """The index with its language's synonyms in its settings; a notice for a word that leads nowhere."""
    synonyms = build.site.state(SearchData).synonyms.get(locale, {})
    for term in unused_terms(synonyms, index):
        log.info(f"{DATA_FILE}, linje {line_of(build.site.root, locale, term) or '?'}: «{term}» ({locale}) står "
                 "ikke på noen side på dette språket, så søkeordene som skal finne det, finner ingenting. "
                 "Skriv ordet slik sidene skriver det, eller fjern oppføringen.")
    index["config"]["synonyms"] = synonyms
    return index
