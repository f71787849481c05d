"""Outputs kept between builds, keyed by a digest of everything they are made from, as Material's
social plugin keeps its cards (a folder of files named by the digest of their inputs).

A stale cache is worse than none, so the key holds the inputs, the source of the code that makes
the output and the versions of the libraries it uses: change any of them and the output is made
anew. The folder is `cache_dir` under `extra: medvirkning:` in mkdocs.yml (core/settings.py), by
default .cache/medvirkning/ beside mkdocs.yml (not in git); MEDVIRKNING_CACHE=0 turns the cache off, and deleting the folder is always safe.
"""
from __future__ import annotations

import hashlib
import os
from importlib import metadata
from pathlib import Path
from typing import Callable

_CODE: dict[tuple, str] = {}  # (files, their mtimes, libraries) -> digest, for the process


def enabled() -> bool:
    return os.environ.get("MEDVIRKNING_CACHE", "1") != "0"


def digest(*parts: str | bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else str(part).encode("utf-8")
        h.update(len(data).to_bytes(8, "big") + data)
    return h.hexdigest()


def code_version(files: list[str | Path], libraries: list[str]) -> str:
    """A digest of the code that makes an output: its source files and its libraries' versions."""
    paths = [Path(f) for f in files]
    key = (tuple(map(str, paths)), tuple(p.stat().st_mtime_ns for p in paths), tuple(libraries))
    if key not in _CODE:
        _CODE[key] = digest(*(p.read_bytes() for p in paths), *(f"{name}=={metadata.version(name)}" for name in libraries))
    return _CODE[key]


def folder(site) -> Path:
    """The cache folder of the build (SiteData): the setting `cache_dir`, beside mkdocs.yml unless absolute."""
    return Path(site.root) / site.settings.cache_dir


def cached_bytes(cache_folder: Path, kind: str, key: str, produce: Callable[[], bytes]) -> bytes:
    """The output kept under `key` in `cache_folder` (folder()), or `produce()`'s, kept for the next build."""
    if not enabled():
        return produce()
    path = Path(cache_folder) / kind / f"{key}.bin"
    try:
        return path.read_bytes()
    except OSError:
        pass
    data = produce()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    partial.write_bytes(data)
    partial.replace(path)  # whole or not at all, also when two builds run at once
    return data


# ---- What a text gave, kept for the process ----

class Kept:
    """Values kept in memory for the process by a key that holds everything they are made from
    (a page's text, a data file's text): `mkdocs serve` rebuilds after each save, and only the saved
    file has changed. At most `size` values; when full, it starts again."""

    def __init__(self, size: int = 4096) -> None:
        self._values: dict = {}
        self._size = size

    def get(self, key, produce: Callable[[], object]):
        if key not in self._values:
            if len(self._values) >= self._size:
                self._values.clear()
            self._values[key] = produce()
        return self._values[key]


def remembered(memo: Kept, cache_folder: Path, kind: str, key: str, produce: Callable[[], bytes]) -> bytes:
    """`produce()`'s bytes for `key`: from the process's memory (`mkdocs serve`), else from the cache
    folder (the last build), else made now and kept in both."""
    if not enabled():
        return produce()
    return memo.get(key, lambda: cached_bytes(cache_folder, kind, key, produce))


def kept_or_made(memo: Kept, cache_folder: Path, kind: str, key: str, make: Callable[[], bytes]) -> bytes | None:
    """As `remembered`, for a `make()` that also leaves its result in place (on the page, in an index):
    the kept bytes, or None when `make()` ran just now and there is nothing to put back."""
    made: list[bool] = []

    def produce() -> bytes:
        made.append(True)
        return make()

    data = remembered(memo, cache_folder, kind, key, produce)
    return None if made else data


# ---- Checks that passed: kept by the digest of what they read ----
#
# A check that finds nothing leaves nothing behind but the fact that it passed. That fact is kept
# (an empty file named by the key, and in memory for `mkdocs serve`'s next rebuild), so the same
# check of the same inputs is not run again. A check that fails is never kept: it runs every build
# and says what is wrong. The key holds the build's own code, so a changed rule runs every check anew.

_PASSED: set[str] = set()  # keys of checks that passed, in this process
LIBRARIES = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "markdown", "pymdown-extensions",
             "selectolax", "nh3", "jsonschema", "pyyaml", "icalendar", "babel", "python-docx")


def package_files() -> list[Path]:
    """The build's own code: every Python file of the medvirkning package."""
    return sorted(Path(__file__).resolve().parent.parent.rglob("*.py"))


def package_version() -> str:
    """A digest of the build's code and the versions of the libraries its checks read with."""
    return code_version(package_files(), list(LIBRARIES))


def folder_digest(root: Path, names: list[str], suffixes: tuple[str, ...] = ()) -> str:
    """A digest of the files under these folders and files of the project (names and contents)."""
    parts: list[str | bytes] = []
    for name in names:
        path = Path(root) / name
        found = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path] if path.is_file() else []
        for file in found:
            if suffixes and file.suffix not in suffixes:
                continue
            parts += [file.relative_to(root).as_posix(), file.read_bytes()]
    return digest(*parts)


def check_once(cache_folder: Path, kind: str, key: str, check: Callable[[], object]) -> None:
    """Run `check` (it raises when it finds a problem) unless it passed before with the same key
    (kept in `cache_folder`, folder())."""
    if not enabled():
        check()
        return
    marker = Path(cache_folder) / "bestatt" / kind / key
    if key in _PASSED or marker.exists():
        _PASSED.add(key)
        return
    check()
    _PASSED.add(key)
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.touch()
