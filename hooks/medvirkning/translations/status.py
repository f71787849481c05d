"""Translation status: which pages exist in which language, and which translations are older
than their bokmål source.

Each translation records in its front matter which version of the bokmål page it translates:
`oversatt_fra: <fingerprint>`, the first 12 hex digits of the SHA-256 of the bokmål file.
`python -m medvirkning oversatt docs/veiviser/moter.nn.md` writes it when a translation is done.
The build then knows, from the files alone (no git needed), for every page and language:
- current: the translation's fingerprint is that of today's bokmål file;
- outdated: the bokmål file has changed since (git tells since when, where it can);
- missing: there is no file for the language, and readers get the bokmål page.
Readers of an outdated translation see a short note with a link to the bokmål page; editors
see every page × language on the page with the marker `<!-- generert: oversettelser -->`.
"""
from __future__ import annotations

import hashlib
import posixpath
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.plugins import get_plugin_logger
from mkdocs.utils import get_relative_url

from . import checks as translation_checks
from ..core.data_files import SAFE_LOADER
from ..core.markers import marker
from ..core.source import front_matter, included_files
from .state import TranslationsData

log = get_plugin_logger("oversettelser")

STATUS_MARKER = marker("oversettelser")
FIELD = "oversatt_fra"
EXCLUDED = ("_includes/",)


def fingerprint(text: str) -> str:
    """The fingerprint of a bokmål file's text (line endings do not count)."""
    normalized = text.replace("\r\n", "\n").replace("\r", "\n")
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:12]


def source_fingerprint(path: Path, docs_dir: Path) -> str:
    """The fingerprint of a bokmål page as readers get it: its text and the text of the files
    it includes (docs/bidra.md is CONTRIBUTING.md, included)."""
    text = path.read_text(encoding="utf-8")
    included = [(docs_dir / name) for name in included_files(text)]
    return fingerprint(text + "".join(p.read_text(encoding="utf-8") for p in included if p.is_file()))


def recorded_fingerprint(text: str) -> str | None:
    """The `oversatt_fra:` of a translation's front matter, or None."""
    block = front_matter(text)
    if not block:
        return None
    try:
        data = yaml.load(block.group(1) or "", Loader=SAFE_LOADER) or {}
    except yaml.YAMLError:
        return None  # the front matter check names the problem
    value = data.get(FIELD) if isinstance(data, dict) else None
    return str(value) if value else None


def translation_path(source: str, locale: str) -> str:
    """"veiviser/moter.md" -> "veiviser/moter.nn.md"."""
    return source[:-3] + f".{locale}.md"


@dataclass(frozen=True)
class Status:
    source: str  # the bokmål file, relative to docs/
    locale: str
    state: str  # "current", "outdated" or "missing"
    since: str | None = None  # ISO date of the first change of the source after the translation

    @property
    def translation(self) -> str:
        return translation_path(self.source, self.locale)


def sources(docs_dir: Path, locales: list[str]) -> list[str]:
    """The bokmål Markdown files (relative to docs/), sorted; translations and includes left out."""
    suffixes = tuple(f".{locale}.md" for locale in locales)
    found = []
    for path in sorted(docs_dir.rglob("*.md")):
        relative = path.relative_to(docs_dir).as_posix()
        if relative.startswith(EXCLUDED) or relative.endswith(suffixes):
            continue
        found.append(relative)
    return found


def statuses(docs_dir: Path, default: str, locales: list[str], since=None) -> list[Status]:
    """The status of every page in every language but the default, page by page."""
    others = [locale for locale in locales if locale != default]
    result = []
    for source in sources(docs_dir, others):
        current = source_fingerprint(docs_dir / source, docs_dir)
        for locale in others:
            path = docs_dir / translation_path(source, locale)
            if not path.exists():
                result.append(Status(source, locale, "missing"))
                continue
            recorded = recorded_fingerprint(path.read_text(encoding="utf-8"))
            if recorded == current:
                result.append(Status(source, locale, "current"))
            else:
                result.append(Status(source, locale, "outdated",
                                     since(docs_dir / source, recorded) if since and recorded else None))
    return result


def changed_since(path: Path, recorded: str) -> str | None:
    """The date of the first commit that changed `path` after the version with fingerprint
    `recorded`, from git; None outside git or when that version is not in the history."""
    try:
        commits = subprocess.run(["git", "-C", str(path.parent), "log", "--format=%H %cs", "--", path.name],
                                 capture_output=True, text=True, check=True, timeout=30).stdout.split("\n")
    except (OSError, subprocess.SubprocessError):
        return None
    later = None  # commits come newest first
    for line in filter(None, commits):
        sha, date = line.split()
        try:
            text = subprocess.run(["git", "-C", str(path.parent), "show", f"{sha}:./{path.name}"],
                                  capture_output=True, text=True, check=True, timeout=30).stdout
        except (OSError, subprocess.SubprocessError):
            return None
        if fingerprint(text) == recorded:
            return later
        later = date
    return None


def stamp(path: Path, docs_dir: Path) -> str:
    """Write the fingerprint of the bokmål source into a translation's front matter."""
    name = path.name
    locale = name.split(".")[-2]
    source = path.with_name(name[: -len(f".{locale}.md")] + ".md")
    # A translation that lacks a section (or has another id) is never recorded as up to date.
    docs, source_path, translation = docs_dir.resolve(), source.resolve(), path.resolve()
    problems = translation_checks.id_problems(
        translation_checks.headings(source_path, docs), translation_checks.headings(translation, docs),
        f"docs/{translation.relative_to(docs).as_posix()}", len(translation.read_text(encoding="utf-8").splitlines()))
    if problems:
        raise ValueError("\n".join(problems))
    value = source_fingerprint(source, docs_dir)
    text = path.read_text(encoding="utf-8")
    block = front_matter(text)
    if not block:
        raise ValueError(f"{path}: mangler metadata øverst")
    lines = [line for line in (block.group(1) or "").splitlines() if not line.startswith(f"{FIELD}:")]
    lines.append(f"{FIELD}: {value}")
    path.write_text("---\n" + "\n".join(lines) + "\n---\n" + text[block.end():], encoding="utf-8")
    return value


def history_url(config, source: str) -> str:
    """The file's history on GitHub, from the edit address in mkdocs.yml (edit_uri)."""
    return str(config.edit_uri).replace("/edit/", "/commits/", 1) + source


# ---- Steps of the build (medvirkning.pipeline calls them in order) ----

def find(files, build) -> None:
    """Every page's status in every language, read from the files once per build."""
    data = build.site.state(TranslationsData)
    if data.statuses is None:
        data.statuses = [] if len(build.locales) < 2 else statuses(
            Path(build.config.docs_dir), build.default_locale, build.locales, since=changed_since)
    if build.is_default:
        for status in data.statuses:
            if status.state == "outdated":
                log.info(f"docs/{status.translation}: oversettelsen er eldre enn docs/{status.source}"
                         + (f" (endret {status.since})" if status.since else "")
                         + ". Oppdater den, og kjør `make oversatt FIL=docs/"
                         + f"{status.translation}` når den er ferdig.")


def mark_outdated(markdown: str, page, build) -> str:
    """An outdated translation tells its readers, with a link to the bokmål page."""
    if build.is_default or page.file.generated_by is not None:
        return markdown
    source = getattr(page.file, "norm_src_uri", page.file.src_uri)
    status = next((s for s in build.site.state(TranslationsData).statuses if s.source == source and s.locale == build.locale), None)
    if status is not None and status.state == "outdated":
        page.meta["mv_utdatert"] = {"kilde": get_relative_url(page.url.removeprefix(build.folder), page.url)}
    return markdown


def render_overview(markdown: str, page, build) -> str:
    if not STATUS_MARKER.search(markdown):
        return markdown
    words = build.strings
    others = [locale for locale in build.locales if locale != build.default_locale]
    page_dir = posixpath.dirname(page.file.src_uri)
    if not others:
        table = words["oversettelser_ingen"]
    else:
        rows = [f"| {words['oversettelser_side']} | " + " | ".join(others) + " |",
                "|---|" + "---|" * len(others)]
        by_source: dict[str, dict[str, Status]] = {}
        for status in build.site.state(TranslationsData).statuses:
            by_source.setdefault(status.source, {})[status.locale] = status
        for source, per_locale in by_source.items():
            link = posixpath.relpath(source, page_dir or ".")
            cells = []
            for locale in others:
                status = per_locale[locale]
                text = words[f"oversettelser_{status.state}"]
                if status.state == "outdated" and status.since:
                    text += " " + words["oversettelser_siden"].format(dato=status.since)
                if status.state != "missing":
                    text += f" ([{words['oversettelser_endringer']}]({history_url(build.config, source)}))"
                cells.append(text)
            rows.append(f"| [`{source}`]({link}) | " + " | ".join(cells) + " |")
        table = '<div class="mv-data" markdown="block">\n\n' + "\n".join(rows) + "\n\n</div>"
    return STATUS_MARKER.sub(lambda _: table, markdown)
