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
