"""Reading without a network: the service worker the build writes to the site's root.

The worker's code is service_worker.js beside this file. The build puts two things in front
of it, as `BUILD`: a version, which is a hash of every file of the site (so each changed
build installs a new worker, whose caches replace the old ones, and readers are told a
newer version exists), and the documents a reader can save for reading offline, each with
its pages, the files those pages load (styles, scripts, search) and the size of the download.

The documents are the folders listed under `extra.medvirkning.documents` in mkdocs.yml, in every
language the site is built in. The worker is written once, after the last language, and not
under `mkdocs serve`, where it would keep pages the editor is changing.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from selectolax.lexbor import LexborHTMLParser

from ..assets.scripts import without_comment_lines
from ..core import cache

SERVICE_WORKER = "sw.js"
SOURCE = Path(__file__).with_name("service_worker.js")
# sitemap.xml carries the build date: a rebuild of the same pages is not a new version.
NOT_IN_VERSION = {SERVICE_WORKER, "sitemap.xml", "sitemap.xml.gz"}
SEARCH_FILES = ("search/search_index.json", "search/search_index.full.json")
WORKERS = "assets/javascripts/workers"
LUNR = "assets/javascripts/lunr/min"
ELSEWHERE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#)", re.I)  # another scheme or site, or this page


@dataclass
class Document:
    pages: list[str] = field(default_factory=list)  # addresses relative to the site's root
    files: list[str] = field(default_factory=list)
    bytes: int = 0  # the download, compressed as the server sends it


def site_version(site: Path) -> str:
    """A short hash of every file of the built site (names and contents)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        name = path.relative_to(site).as_posix()
        if name in NOT_IN_VERSION:
            continue
        digest.update(name.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def page_address(site: Path, page: Path) -> str:
    folder = page.parent.relative_to(site).as_posix()
    return "" if folder == "." else folder + "/"


def own_files(tree: LexborHTMLParser, page_url: str, is_file: Callable[[str], bool]) -> set[str]:
    """The site's own files (not pages) the parsed page refers to with src= or href=."""
    found = set()
    for node in tree.css("[src], [href]"):
        for reference in (node.attrs.get("src"), node.attrs.get("href")):
            if not reference or reference.endswith("/") or ELSEWHERE.match(reference):
                continue
            path = posixpath.normpath(posixpath.join(page_url, reference.split("#")[0].split("?")[0]))
            if not path.startswith("..") and not path.endswith(".html") and is_file(path):
                found.add(path)
    return found


def files_loaded_by(html: str, page_url: str, site: Path) -> set[str]:
    """The site's own files (not pages) a page refers to with src= or href=."""
    return own_files(LexborHTMLParser(html), page_url, lambda path: (site / path).is_file())


def is_redirect(tree: LexborHTMLParser) -> bool:
    return tree.css_first('meta[http-equiv="refresh"]') is not None


def search_files(site: Path, folder: str) -> set[str]:
    """What search needs offline in one language: its index, the workers and the stemmers."""
    files = {folder + name for name in SEARCH_FILES if (site / folder / name).is_file()}
    files |= {f"{WORKERS}/{p.name}" for p in (site / WORKERS).glob("*.js")}
    settings = site / folder / SEARCH_FILES[0]
    if settings.is_file():
        languages = [lang for lang in json.loads(settings.read_text(encoding="utf-8"))["config"]["lang"] if lang != "en"]
        if languages:
            files.add(f"{LUNR}/lunr.stemmer.support.min.js")
            files |= {f"{LUNR}/lunr.{lang}.min.js" for lang in languages}
            if len(languages) > 1:
                files.add(f"{LUNR}/lunr.multi.min.js")
    return {name for name in files if (site / name).is_file()}


_SIZES = cache.Kept(4096)  # compressed sizes by content, for `mkdocs serve`


def compressed_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def documents(site: Path, folders: list[str], language_folders: list[str],
              cache_folder: Path | None = None) -> dict[str, Document]:
    """{"nb:veileder/": Document, "nn:veileder/": …} for every document folder in every language
    (language_folders: "" for the default language, "nn/" and so on for the others). A file's
    compressed size is kept by its content in `cache_folder` (core/cache.py), when given."""
    found: dict[str, Document] = {}
    sizes: dict[str, int] = {}  # each file read and compressed once, however many documents load it
    exists: dict[str, bool] = {}

    def compressed(data: bytes) -> int:
        if cache_folder is None:
            return compressed_size(data)
        return int(cache.remembered(_SIZES, cache_folder, "gzip", cache.digest(data),
                                    lambda: str(compressed_size(data)).encode()))

    def size(name: str) -> int:
        if name not in sizes:
            sizes[name] = compressed((site / name).read_bytes())
        return sizes[name]

    def is_file(name: str) -> bool:
        if name not in exists:
            exists[name] = (site / name).is_file()
        return exists[name]

    for language in language_folders:
        search = search_files(site, language)
        for folder in folders:
            root = site / language / folder
            if not root.is_dir():
                continue
            document = Document()
            loaded: set[str] = set(search)
            for page in sorted(root.rglob("index.html")):
                data = page.read_bytes()
                tree = LexborHTMLParser(data.decode("utf-8"))
                if is_redirect(tree):
                    continue
                address = page_address(site, page)
                document.pages.append(address)
                sizes[address] = compressed(data)
                loaded |= own_files(tree, address, is_file)
            document.files = sorted(loaded)
            document.bytes = sum(sizes[p] for p in document.pages) + sum(size(f) for f in document.files)
            found[f"{language.rstrip('/') or 'default'}:{folder}"] = document
    return found


def service_worker(version: str, found: dict[str, Document]) -> str:
    build = {"version": version,
             "documents": {key: {"pages": d.pages, "files": d.files, "bytes": d.bytes} for key, d in found.items()}}
    return ("var BUILD = " + json.dumps(build, ensure_ascii=False, separators=(",", ":")) + ";\n"
            + without_comment_lines(SOURCE.read_text(encoding="utf-8")))


# ---- Step of the build (medvirkning.pipeline calls it after the last language) ----

def write_service_worker(build) -> None:
    if build.options.serving or not build.is_default:
        return
    site = Path(build.config.site_dir)
    folders = [f"{folder}/" for folder in build.site.settings.documents]  # extra.medvirkning.documents
    language_folders = ["" if locale == build.default_locale else f"{locale}/" for locale in build.locales]
    text = service_worker(site_version(site), documents(site, folders, language_folders, cache.folder(build.site)))
    (site / SERVICE_WORKER).write_text(text, encoding="utf-8")
