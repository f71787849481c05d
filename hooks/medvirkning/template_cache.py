"""Jinja's compiled templates, kept for the whole process.

MkDocs makes a new Jinja environment for every build, and mkdocs-static-i18n builds each
language as a build of its own, so Material's templates (about a hundred files) were parsed
and compiled once per language, and again for every fixture site the tests build. Jinja can
keep what it compiled in a bytecode cache; this one lives in memory, for as long as the Python
process. Jinja checks a template's source against its checksum before using the cached code,
so an edited template (under `mkdocs serve`) is compiled anew.
"""
from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._compiled.clear()


CACHE = MemoryBytecodeCache()


def use_cache(env):
    """The environment, with the process's compiled templates."""
    env.bytecode_cache = CACHE
    return env


def environment(config):
    """A Jinja environment of the theme for the hooks' own templates, with the cache."""
    return use_cache(config.theme.get_env())
