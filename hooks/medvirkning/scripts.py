"""Our own scripts as readers get them: the comment lines left out.

The scripts in docs/assets/javascripts/ explain themselves in comments, which a phone on a
slow network would download on every first visit. The build removes the lines that are only
a comment (`// …`) from the copies it writes; the sources keep them. Nothing else is changed,
so the scripts stay readable in the browser. Material's files (*.min.js) are left alone.
"""
from __future__ import annotations

import re
from pathlib import Path

FOLDER = "assets/javascripts"
_COMMENT_LINE = re.compile(r"^[ \t]*//[^\n]*\n", re.M)


def without_comment_lines(script: str) -> str:
    """The script without the lines that hold only a // comment (none of our scripts has a
    string or template literal running over several lines, where such a line would be text)."""
    return _COMMENT_LINE.sub("", script)


def our_scripts(site: Path) -> list[Path]:
    return sorted(p for p in (site / FOLDER).rglob("*.js") if not p.name.endswith(".min.js"))


# ---- Step of the build (medvirkning.pipeline calls it after the last language) ----

def strip_comments(build) -> None:
    if not build.is_default:
        return
    for path in our_scripts(Path(build.config.site_dir)):
        path.write_text(without_comment_lines(path.read_text(encoding="utf-8")), encoding="utf-8")
