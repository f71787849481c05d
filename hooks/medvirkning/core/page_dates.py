"""«Sist oppdatert»: each page's date of last change, from git.

One `git log` per build, not one per page. Outside a git checkout (or for files that
are not committed yet) a page simply has no date.
"""
from __future__ import annotations

import datetime
import subprocess
from pathlib import Path

from babel.dates import format_date


def last_changed(repo_root: Path, folder: str) -> dict[str, str]:
    """{path inside `folder`: ISO date of its last commit}, from one git log."""
    try:
        output = subprocess.run(
            # --cc: a merge that resolved a file differently from every parent changed it (as `git log -1 -- file`)
            ["git", "-C", str(repo_root), "log", "--format=@%cs", "--name-only", "--cc", "--", folder],
            capture_output=True, text=True, check=True, timeout=60,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[str, str] = {}
    current = None
    prefix = folder.rstrip("/") + "/"
    for line in output.splitlines():
        if line.startswith("@"):
            current = line[1:]
        elif line.startswith(prefix) and current:
            dates.setdefault(line[len(prefix):], current)
    return dates


def local_date(iso: str, locale: str) -> str:
    """The date as readers of `locale` write it: «3. november 2026», «November 3, 2026»."""
    return format_date(datetime.date.fromisoformat(iso), format="long", locale=locale)


# ---- Steps of the build (medvirkning.pipeline calls them in order) ----

def load(config) -> dict[str, str]:
    root = Path(config.config_file_path).parent
    docs = Path(config.docs_dir).resolve().relative_to(root.resolve()).as_posix()
    return last_changed(root, docs)


def set_date(markdown: str, page, build) -> str:
    iso = build.site.page_dates.get(page.file.src_uri)
    if iso:
        page.meta["sist_oppdatert"] = {"iso": iso, "tekst": local_date(iso, build.locale)}
    return markdown
