"""The build's messages where a pull request's editor reads them, when it runs in GitHub Actions.

- Every message that stops the build also goes out as a workflow annotation with its file and
  line (`::error file=…,line=…::…`), so GitHub shows it on that line of the pull request; the
  build's notes (a LIX above the goal, a long sentence, an outdated translation) go out as
  `::warning`, for the files the pull request changed only: GitHub shows ten of each kind per
  step, and notes on untouched pages would hide the editor's own.
- The job summary ($GITHUB_STEP_SUMMARY, Markdown) lists, in Norwegian, the pages the pull
  request changed with links to its preview, their LIX before and after, the translations that
  are now older than their bokmål page, and the section ids added or removed.

The base of the comparison is the pull request's target branch (GITHUB_BASE_REF, fetched by
actions/checkout with fetch-depth 0), or the previous commit on a push.
"""
from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from ..anchors.ids import heading_lines
from ..accessibility.readability import blocks_from_markdown, measure
from ..translations.status import statuses

# "docs/veiviser/moter.md, linje 12: …", "mkdocs.yml, linje 3 og 7: …", "data/ordliste.yml: …",
# after the name of the step's logger where it logged it ("tilgjengelighet: docs/…").
_PLACE = re.compile(r"^(?:[\w-]+: )?(?P<file>[\w./-]+\.(?:md|ya?ml|txt|css|js|html|json))(?:, linje (?P<line>\d+)[^:]*)?: (?P<text>.+)",
                    re.S)
_PULL_REQUEST = re.compile(r"^refs/pull/(?P<number>\d+)/")


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(message: str, level: str = "error") -> str:
    """One workflow command: on the file and line the message names, or on the run if none."""
    place = _PLACE.match(message)
    if not place:
        return f"::{level} title={_property('Bygget')}::{_data(message)}"
    properties = f"file={_property(place.group('file'))}"
    if place.group("line"):
        properties += f",line={place.group('line')}"
    return f"::{level} {properties},title={_property('Bygget')}::{_data(place.group('text'))}"


@dataclass
class PageChange:
    path: str  # relative to docs/
    address: str
    lix_before: float | None
    lix_after: float | None
    ids_added: list[str] = field(default_factory=list)
    ids_removed: list[str] = field(default_factory=list)


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def base_commit(root: Path, env) -> str | None:
    """The commit to compare with: where the pull request's branch left its target, or HEAD^."""
    target = env.get("GITHUB_BASE_REF")
    for candidate in ([f"origin/{target}", target] if target else []):
        found = _git(root, "merge-base", "HEAD", candidate)
        if found:
            return found.strip()
    found = _git(root, "rev-parse", "--verify", "--quiet", "HEAD^")
    return found.strip() if found else None


def page_address(path: str, locales: list[str], default: str) -> str:
    """"veiviser/moter.nn.md" -> "nn/veiviser/moter/" (the site's address below site_url)."""
    stem, locale = path[:-3], default
    for candidate in locales:
        if stem.endswith(f".{candidate}"):
            stem, locale = stem[: -len(candidate) - 1], candidate
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
    else:
        stem += "/"
    return ("" if locale == default else f"{locale}/") + stem


def _lix(text: str | None) -> float | None:
    return measure(blocks_from_markdown(text)).lix if text else None


def changed_pages(root: Path, docs: str, base: str, locales: list[str], default: str) -> list[PageChange]:
    names = _git(root, "diff", "--name-only", base, "--", docs) or ""
    changes = []
    for name in sorted(filter(None, names.splitlines())):
        relative = name[len(docs) + 1:]
        if not name.endswith(".md") or relative.startswith("_includes/"):
            continue
        after_path = root / name
        after = after_path.read_text(encoding="utf-8") if after_path.exists() else None
        before = _git(root, "show", f"{base}:{name}")
        ids_before = set(heading_lines(before)) if before else set()
        ids_after = set(heading_lines(after)) if after else set()
        changes.append(PageChange(relative, page_address(relative, locales, default), _lix(before), _lix(after),
                                  sorted(ids_after - ids_before), sorted(ids_before - ids_after)))
    return changes


def preview_url(site_url: str, env) -> str:
    """The pull request's preview (the workflow's job «forhandsvisning»), or the site itself."""
    pull = _PULL_REQUEST.match(env.get("GITHUB_REF", ""))
    base = site_url if site_url.endswith("/") else site_url + "/"
    return f"{base}pr-preview/pr-{pull.group('number')}/" if pull else base


def _number(value: float | None) -> str:
    return "–" if value is None else str(round(value))


def summary(ok: bool, messages: list[str], changes: list[PageChange], outdated: list[str], url: str) -> str:
    lines = ["## Bygget av nettstedet", ""]
    if ok:
        lines.append("Bygget er grønt: ingen feil.")
    else:
        lines.append(f"Bygget stoppet. {len(messages)} ting må rettes (de står også på linjene i forslaget):")
        lines += [""] + [f"- {message}" for message in messages]
    lines += ["", "### Sider som er endret", ""]
    if not changes:
        lines.append("Ingen sider under docs/ er endret.")
    else:
        lines += ["| Side | LIX før | LIX etter | Nye id-er | Fjernede id-er |", "|---|---|---|---|---|"]
        for change in changes:
            link = f"[{change.path}]({url}{change.address})" if change.lix_after is not None or change.ids_added else \
                change.path + " (slettet)"
            lines.append(f"| {link} | {_number(change.lix_before)} | {_number(change.lix_after)} | "
                         f"{', '.join('#' + i for i in change.ids_added) or '–'} | "
                         f"{', '.join('#' + i for i in change.ids_removed) or '–'} |")
        lines += ["", "LIX måler hvor tung teksten er å lese (under 40 er middels). Tallene regnes ut fra Markdown-teksten."]
    if any(change.ids_removed for change in changes):
        lines += ["", "En fjernet id kan bryte lenker som andre har sendt. Behold den gamle id-en med `{#id}` "
                      "hvis avsnittet finnes ennå (se CONTRIBUTING.md)."]
    lines += ["", "### Oversettelser som nå er eldre enn bokmålssiden", ""]
    lines += [f"- docs/{name}" for name in outdated] or ["Ingen."]
    return "\n".join(lines) + "\n"


def report(result, config_file: Path, env=None, out=None) -> None:
    """Annotations on stdout and the job summary, when the build runs in GitHub Actions
    (`result` is core.strict_build.Result)."""
    env = os.environ if env is None else env
    ok, messages, notes, config = result.ok, result.messages, result.notes, result.config
    if env.get("GITHUB_ACTIONS") != "true":
        return
    out = out if out is not None else print
    root = Path(config_file).resolve().parent
    base = base_commit(root, env)
    changed_files = set((_git(root, "diff", "--name-only", base) or "").splitlines()) if base else None
    for message in messages:
        out(annotation(message, "error"))
    for note in dict.fromkeys(notes):  # each language's build notes a bokmål fallback page again
        place = _PLACE.match(note)
        if place and (changed_files is None or place.group("file") in changed_files):
            out(annotation(note, "warning"))
    summary_file = env.get("GITHUB_STEP_SUMMARY")
    if not summary_file:
        return
    changes, outdated = [], []
    if config is not None and base:
        docs_dir = Path(config.docs_dir)
        docs = docs_dir.relative_to(root).as_posix()
        from ..core.languages import languages
        default, locales = languages(config)
        changes = changed_pages(root, docs, base, locales, default)
        changed = {change.path for change in changes}
        outdated = [status.translation for status in statuses(docs_dir, default, locales)
                    if status.state == "outdated" and status.source in changed]
    url = preview_url(config.site_url if config is not None else "", env)
    with open(summary_file, "a", encoding="utf-8") as f:
        f.write(summary(ok, messages, changes, outdated, url))
