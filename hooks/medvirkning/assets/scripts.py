"""Our own scripts and stylesheets as readers get them: the comments left out.

The scripts in docs/assets/javascripts/ and the stylesheet in docs/assets/stylesheets/ explain
themselves in comments, which a phone on a slow network would download on every first visit
(the stylesheet's comments are almost half of it, compressed). The build writes them without
their comments, as files of its own (as_readers_get_them); the sources keep them.
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
from mkdocs.structure.files import File

from ..core import cache

FOLDER = "assets/javascripts"
STYLES = "assets/stylesheets"
OURS = f"{STYLES}/medvirkning.css"
_COMMENT_LINE = re.compile(r"^[ \t]*//[^\n]*\n", re.M)


def without_comment_lines(script: str) -> str:
    """The script without the lines that hold only a // comment (none of our scripts has a
    string or template literal running over several lines, where such a line would be text)."""
    return _COMMENT_LINE.sub("", script)


_SERIALIZED = cache.Kept(64)  # by the stylesheet's text: the same for every language and every rebuild


def without_comments_css(stylesheet: str) -> str:
    """The stylesheet without its comments (and the blank space between its rules)."""
    return _SERIALIZED.get(stylesheet, lambda: tinycss2.serialize(
        tinycss2.parse_stylesheet(stylesheet, skip_comments=True, skip_whitespace=True)))


def theme_file(config, folder: str, name: str, suffix: str) -> Path:
    """Material's file `name` with the hash it carries (main.57a0d79d.min.css) in the theme's folders."""
    for theme_folder in config.theme.dirs:
        found = sorted(Path(theme_folder, folder).glob(f"{name}.*.min.{suffix}"))
        if found:
            return found[0]
    raise PluginError(f"Fant ikke Materials fil {folder}/{name}.….min.{suffix} i temaet. Er mkdocs-material "
                      "installert (`make build` lager .venv fra requirements.txt)?")


def theme_stylesheet_file(config, name: str) -> Path:
    """Material's stylesheet `name` ("main" or "palette") in the theme's folders."""
    return theme_file(config, STYLES, name, "css")


def search_worker(config) -> str:
    """The name of Material's search worker (search.a7633da7.min.js), which our worker starts."""
    return theme_file(config, f"{FOLDER}/workers", "search", "js").name


def theme_stylesheet(config, name: str) -> str:
    """The same as a path below the site, with the hash Material gives it
    (assets/stylesheets/main.57a0d79d.min.css)."""
    return f"{STYLES}/{theme_stylesheet_file(config, name).name}"


# ---- Step of the build (medvirkning.pipeline calls it in order) ----

def as_readers_get_them(files, build) -> None:
    """Our scripts and stylesheets become files of the build with their comments left out (and
    Material's palette in front of our stylesheet): MkDocs writes them once, as it writes pages,
    so a rebuild (`mkdocs serve --dirty`) never works on a copy that was changed already."""
    for file in list(files):
        uri = file.src_uri
        if file.generated_by or file.abs_src_path is None or uri.endswith((".min.js", ".min.css")):
            continue
        if uri.startswith(FOLDER + "/") and uri.endswith(".js"):
            content = without_comment_lines(file.content_string)
        elif uri.startswith(STYLES + "/") and uri.endswith(".css"):
            text = file.content_string
            if uri == OURS:  # Material's palette first, as the page loaded it before ours
                text = theme_stylesheet_file(build.config, "palette").read_text(encoding="utf-8") + "\n" + text
            content = without_comments_css(text)
        else:
            continue
        files.remove(file)
        files.append(File.generated(build.config, uri, content=content))
