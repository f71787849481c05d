"""«Sist oppdatert»: each page's date of last change, from git.

One `git log` per build, not one per page. Outside a git checkout (or for files that
are not committed yet) a page simply has no date.
"""
from __future__ import annotations

import datetime
import subprocess
from pathlib import Path

MONTHS = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
          "september", "oktober", "november", "desember"]


def last_changed(repo_root: Path, folder: str) -> dict[str, str]:
    """{path inside `folder`: ISO date of its last commit}, from one git log."""
    try:
        output = subprocess.run(
            ["git", "-C", str(repo_root), "log", "--format=@%cs", "--name-only", "--", folder],
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


def norwegian_date(iso: str) -> str:
    day = datetime.date.fromisoformat(iso)
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


_state: dict = {}


def on_config(config):
    root = Path(config.config_file_path).parent
    docs = Path(config.docs_dir).resolve().relative_to(root.resolve()).as_posix()
    _state["dates"] = last_changed(root, docs)


def on_page_markdown(markdown, page, config, files):
    iso = _state["dates"].get(page.file.src_uri)
    if iso:
        page.meta["sist_oppdatert"] = {"iso": iso, "tekst": norwegian_date(iso)}
    return markdown
