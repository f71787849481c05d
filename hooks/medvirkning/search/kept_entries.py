"""Material's search entries of a page, kept by a digest of what they are made from.

Material's search plugin reads every page's HTML with Python's HTML parser, on every build and
on every rebuild under `mkdocs serve`, to cut it into one entry per section. The entries depend
only on the page's HTML, its table of contents, address, title and meta, and on the plugin's
version and settings (in mkdocs.yml). So the entries are kept under a digest of exactly that, in
memory for the next rebuild and in the cache folder (core/cache.py) for the next build, and a
page whose digest is known gets its entries without being read again. The index itself is still
made by Material, from the entries, in the order of the pages.
"""
from __future__ import annotations

import json

from ..core import cache

KIND = "sok"
_KEPT = cache.Kept(2048)


def toc_outline(items) -> list:
    """The table of contents as the entries read it: each heading's id, address and title."""
    return [[item.id, item.url, item.title, toc_outline(item.children)] for item in items]


def entries_key(page, build) -> str:
    found = build.site.inputs
    return cache.digest(found.code, found.data, build.locale, page.url, str(page.title),
                        json.dumps(page.meta, sort_keys=True, default=str, ensure_ascii=False),
                        json.dumps(toc_outline(page.toc), ensure_ascii=False), page.content or "")


def search_plugin(config):
    for name in ("material/search", "search"):
        plugin = config.plugins.get(name)
        if plugin is not None and hasattr(plugin, "search_index"):
            return plugin
    return None


def keep_entries(page, build) -> None:
    """Before Material's search reads the page (on_page_context, ahead of it): its index takes
    the page's entries as kept, or makes them and keeps them."""
    plugin = search_plugin(build.config)
    index = getattr(plugin, "search_index", None)
    if index is None or not cache.enabled() or getattr(index.add_entry_from_context, "medvirkning", False):
        return
    make = index.add_entry_from_context

    def add_entry_from_context(page) -> None:
        def entries() -> bytes:
            before = len(index.entries)
            make(page)
            return json.dumps(index.entries[before:], ensure_ascii=False).encode("utf-8")

        kept = cache.kept_or_made(_KEPT, cache.folder(build.site), KIND, entries_key(page, build), entries)
        if kept is not None:
            index.entries.extend(json.loads(kept))

    add_entry_from_context.medvirkning = True
    index.add_entry_from_context = add_entry_from_context
