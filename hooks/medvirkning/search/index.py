"""The search index: one per language, with the text editors wrote and nothing twice.

Material loads the whole search index on every first visit. mkdocs-static-i18n merges the
entries of every language into the one search/search_index.json that all pages load, so
each new language would make every reader's first visit heavier. This hook gives each
language its own index instead: bokmål in search/, nynorsk in nn/search/ and so on, and
points the pages of each language at theirs. Pages the build generates from other pages'
text (the checklists) are left out: their items are found on the pages they come from.
The index is written as compact UTF-8, not with \\u escapes.

Search starts only when a reader opens it: Material fetches search/search_index.json on every
page load, so that file holds only the index's settings (which the highlighting of search
words needs) and the address of the whole index, search/search_index.full.json, which
assets/javascripts/workers/lazy-search.js fetches when the reader opens search.
"""
from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

from mkdocs.utils import get_relative_url

from ..core.html_tree import parse_html, shared_tree
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
_CONFIG_BASE = re.compile(r'("base":\s*")([^"]*)(")')  # in the text of Material's <script id="__config">


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


def point_search_at_language_root(html: str, page_url: str, locale: str, tree=None) -> str:
    """The page with Material's config `base` at its language's root, where its index is.

    The config is found in the page's parse (`tree`, or one made here) and changed where it is
    written, in the text and in the parse."""
    config = (parse_html(html) if tree is None else tree).css_first("script#__config")
    if config is None or config.child is None:
        return html
    written = config.child.text_content or ""
    root = get_relative_url(f"{locale}/", page_url) or "."
    pointed = _CONFIG_BASE.sub(lambda m: m.group(1) + root + m.group(3), written, count=1)
    if pointed == written or written not in html:
        return html
    config.child.replace_with(pointed)
    return html.replace(written, pointed, 1)


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


def point_page_at_its_index(output: str, page, build) -> str:
    if not build.is_default and page.url.startswith(build.folder):
        output = point_search_at_language_root(output, page.url, build.locale,
                                               shared_tree(build.written_page, output))
        build.written_page.html = output
    return output


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
