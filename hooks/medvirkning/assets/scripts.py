"""Our own scripts and stylesheets as readers get them: the comments left out.

The scripts in docs/assets/javascripts/ and the stylesheet in docs/assets/stylesheets/ explain
themselves in comments, which a phone on a slow network would download on every first visit
(the stylesheet's comments are almost half of it, compressed). The build removes them from the
copies it writes; the sources keep them.
- Scripts: the lines that are only a comment (`// …`). Nothing else is changed, so the
  scripts stay readable in the browser.
- Stylesheets: every comment, through tinycss2's own CSS tokenizer (the library the contrast
  check reads the CSS with), which knows a comment from a string or a URL; the rules are
  written back as tinycss2 read them.
Material's files (*.min.js, *.min.css) are left alone.

Our stylesheet also carries Material's palette stylesheet in front of its own rules: the page
then waits for two stylesheets before it is first shown (Material's main one and ours), not
three. overrides/main.html links Material's main stylesheet (theme_stylesheet) and leaves out
the palette's own link. The palette file keeps its name with Material's hash, which promises
that its content never changes, so it is copied in, never changed in place.
"""
from __future__ import annotations

import re
from pathlib import Path

import tinycss2
from mkdocs.exceptions import PluginError

FOLDER = "assets/javascripts"
STYLES = "assets/stylesheets"
OURS = f"{STYLES}/medvirkning.css"
_COMMENT_LINE = re.compile(r"^[ \t]*//[^\n]*\n", re.M)


def without_comment_lines(script: str) -> str:
    """The script without the lines that hold only a // comment (none of our scripts has a
    string or template literal running over several lines, where such a line would be text)."""
    return _COMMENT_LINE.sub("", script)


def without_comments_css(stylesheet: str) -> str:
    """The stylesheet without its comments (and the blank space between its rules)."""
    return tinycss2.serialize(tinycss2.parse_stylesheet(stylesheet, skip_comments=True, skip_whitespace=True))


def theme_stylesheet_file(config, name: str) -> Path:
    """Material's stylesheet `name` ("main" or "palette") in the theme's folders."""
    for folder in config.theme.dirs:
        found = sorted(Path(folder, STYLES).glob(f"{name}.*.min.css"))
        if found:
            return found[0]
    raise PluginError(f"Fant ikke Materials stilark {STYLES}/{name}.….min.css i temaet. Er mkdocs-material installert "
                      "(`make build` lager .venv fra requirements.txt)?")


def theme_stylesheet(config, name: str) -> str:
    """The same as a path below the site, with the hash Material gives it
    (assets/stylesheets/main.57a0d79d.min.css)."""
    return f"{STYLES}/{theme_stylesheet_file(config, name).name}"


def our_scripts(site: Path) -> list[Path]:
    return sorted(p for p in (site / FOLDER).rglob("*.js") if not p.name.endswith(".min.js"))


def our_stylesheets(site: Path) -> list[Path]:
    return sorted(p for p in (site / STYLES).rglob("*.css") if not p.name.endswith(".min.css"))


# ---- Step of the build (medvirkning.pipeline calls it after the last language) ----

def strip_comments(build) -> None:
    if not build.is_default:
        return
    site = Path(build.config.site_dir)
    for path in our_scripts(site):
        path.write_text(without_comment_lines(path.read_text(encoding="utf-8")), encoding="utf-8")
    for path in our_stylesheets(site):
        text = path.read_text(encoding="utf-8")
        if path == site / OURS:  # Material's palette first, as the page loaded it before ours
            text = (site / theme_stylesheet(build.config, "palette")).read_text(encoding="utf-8") + "\n" + text
        path.write_text(without_comments_css(text), encoding="utf-8")
