"""The search index: one per language, with the text editors wrote and nothing twice.

Material loads the whole search index on every first visit. mkdocs-static-i18n merges the
entries of every language into the one search/search_index.json that all pages load, so
each new language would make every reader's first visit heavier. This hook gives each
language its own index instead: bokmål in search/, nynorsk in nn/search/ and so on; each page's
config (`"base"`, written by overrides/main.html) points at its language's root, where its
index is. Pages the build generates from other pages' text (the checklists) are left out: their
items are found on the pages they come from.
The index is written as compact UTF-8, not with \\u escapes.

Search starts only when a reader opens it: Material fetches search/search_index.json on every
page load, so that file holds only the index's settings (which the highlighting of search
words needs) and the address of the whole index, search/search_index.full.json, which
assets/javascripts/workers/lazy-search.js fetches when the reader opens search.
"""
from __future__ import annotations

import json
import posixpath
from pathlib import Path

from ..core.languages import own_string
from . import synonyms

INDEX_FILE = "search/search_index.json"  # what Material loads with every page: the settings only
FULL_INDEX_FILE = "search/search_index.full.json"  # loaded when the reader opens search
# Each language's lunr.js language is data: `sok_sprak` in data/sprak/<locale>.yml (lunr has
# one Norwegian stemmer, "no", which nynorsk uses too). This is the fallback for tests.
SEARCH_LANGUAGE = {"nb": "no", "nn": "no", "en": "en"}
# lunr's steps for each search language. Material's default for a language without its own
# (bokmål, nynorsk) is English's, which has no stemmer: "møtene" would then not find "møter".
# The query side of the stemmer is in docs/assets/javascripts/workers/mv-search.js.
SEARCH_PIPELINE = {"no": ["stemmer", "stopWordFilter", "trimmer"]}


def locale_of(location: str, others: list[str]) -> str | None:
    """The other language a search entry belongs to, or None for the default language."""
    return next((locale for locale in others if location.startswith(f"{locale}/")), None)


def split_index(index: dict, default: str, others: list[str],
                search_languages: dict[str, str] | None = None) -> dict[str, dict]:
    """{locale: index} with each language's entries, their addresses relative to its root."""
    search_languages = search_languages or SEARCH_LANGUAGE
    split: dict[str, dict] = {}
    for doc in index["docs"]:
        locale = locale_of(doc["location"], others)
        location = doc["location"][len(locale) + 1:] if locale else doc["location"]
        language = locale or default
        if language not in split:
            lang = [search_languages[language]] if language in search_languages else index["config"]["lang"]
            pipeline = SEARCH_PIPELINE.get(lang[0], index["config"]["pipeline"]) if len(lang) == 1 else (
                index["config"]["pipeline"])
            split[language] = {"config": {**index["config"], "lang": lang, "pipeline": pipeline}, "docs": []}
        split[language]["docs"].append({**doc, "location": location})
    return split


def indexes_to_write(index: dict, default: str, others: list[str],
                     search_languages: dict[str, str] | None = None) -> dict[str, dict]:
    """{folder under the site: index} to write after one language's build.

    A language's own build writes only its entries: that index is complete (untranslated
    pages included) and is written to its folder. The merged index mkdocs-static-i18n
    writes last is only used for the default language; the others are already written.
    """
    split = split_index(index, default, others, search_languages)
    if default in split or not split:
        return {"": split.get(default, {"config": index["config"], "docs": []})}
    if len(split) == 1:
        (locale, own), = split.items()
        return {locale: own}
    return {}


def settings_only(index: dict, full_index: str) -> dict:
    """The index Material loads on every page: its settings, no entries, and where the whole
    index is (relative to the site's root)."""
    return {"config": {**index["config"], "full_index": full_index}, "docs": []}


def dump(index: dict) -> str:
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


# ---- Steps of the build (medvirkning.pipeline calls them in order) ----

def exclude_generated(markdown: str, page, build) -> str:
    if page.file.generated_by is not None:
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return markdown


def write_indexes(build) -> None:
    """After mkdocs-static-i18n has written the merged index of this build (and, for the default
    language, built the others): split it into one index per language."""
    path = Path(build.config.site_dir) / INDEX_FILE
    if not path.exists():
        return
    others = [locale for locale in build.locales if locale != build.default_locale]
    index = json.loads(path.read_text(encoding="utf-8"))
    search_languages = {locale: own_string(build.site.root, locale, "sok_sprak", locale) for locale in build.locales}
    for folder, own in indexes_to_write(index, build.default_locale, others, search_languages).items():
        own = synonyms.attach(own, folder or build.default_locale, build)
        full = posixpath.join(folder, FULL_INDEX_FILE)
        target = Path(build.config.site_dir) / folder / INDEX_FILE
        target.parent.mkdir(parents=True, exist_ok=True)
        (Path(build.config.site_dir) / full).write_text(dump(own), encoding="utf-8")
        target.write_text(dump(settings_only(own, full)), encoding="utf-8")
