"""The theme's Jinja environments, made cheaper to create: compiled templates kept for the
whole process, and the theme's files listed without Material's icons.

MkDocs makes a new Jinja environment for every build (and Material's search plugin another
one), and mkdocs-static-i18n builds each language as a build of its own, so:
- Material's templates (about a hundred files) were parsed and compiled once per language,
  and again for every fixture site the tests build. Jinja can keep what it compiled in a
  bytecode cache; this one lives in memory, for as long as the Python process, and in the
  cache folder (`jinja/`, Jinja's own FileSystemBytecodeCache) for the next build. Jinja checks
  a template's source against its checksum, and the code against its own and Python's version,
  before using the cached code, so an edited template (under `mkdocs serve`) is compiled anew.
- MkDocs lists every file of the theme's folders to find the static files it copies
  (`Files.add_files_from_theme`), which took a tenth of a second per language: Material's
  folder holds 14,000 icons in `.icons/`. MkDocs never copies what is in a folder whose name
  starts with a dot (its own filter leaves out `.*`), so the listing skips those folders
  instead of walking them. Templates are still found there (`{% include ".icons/…" %}` reads
  the file; it does not use the listing).
"""
from __future__ import annotations

import os
from pathlib import Path

from jinja2 import BytecodeCache, FileSystemBytecodeCache, FileSystemLoader
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}
        self.disk: FileSystemBytecodeCache | None = None  # set per build (keep_on_disk)

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)
        elif self.disk is not None:
            self.disk.load_bytecode(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()
        if self.disk is not None:
            self.disk.dump_bytecode(bucket)

    def clear(self) -> None:
        self._compiled.clear()


CACHE = MemoryBytecodeCache()


def keep_on_disk(folder: Path | None) -> None:
    """Compiled templates also in `folder` (the build's cache folder), or in memory only (None)."""
    if folder is None:
        CACHE.disk = None
        return
    folder.mkdir(parents=True, exist_ok=True)
    CACHE.disk = FileSystemBytecodeCache(str(folder))


def use_cache(env):
    """The environment, with the process's compiled templates."""
    env.bytecode_cache = CACHE
    return env


def theme_files(loader: FileSystemLoader) -> list[str]:
    """What FileSystemLoader.list_templates gives, less the files below a folder whose name
    starts with a dot at the top of a search path (which MkDocs' filter drops anyway)."""
    found = set()
    for searchpath in loader.searchpath:
        for folder, subfolders, names in os.walk(searchpath, followlinks=loader.followlinks):
            if folder == searchpath:
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
            relative = os.path.relpath(folder, searchpath).replace(os.path.sep, "/")
            found.update(name if relative == "." else f"{relative}/{name}" for name in names)
    return sorted(found)


def install(config) -> None:
    """Every Jinja environment of this config's theme is made as MkDocs makes it, then given the
    process's compiled templates and the listing above."""
    theme = config.theme
    if getattr(theme.get_env, "medvirkning", False):
        return
    make = theme.get_env

    def get_env():
        env = use_cache(make())
        if isinstance(env.loader, FileSystemLoader):
            loader = env.loader
            loader.list_templates = lambda: theme_files(loader)
        return env

    get_env.medvirkning = True
    theme.get_env = get_env


def environment(config):
    """A Jinja environment of the theme for the hooks' own templates, with the cache (install
    again here is a no-op after on_config, and covers a config that did not pass through it)."""
    install(config)
    return config.theme.get_env()
