"""Fixes to the markup Material writes outside any template block, so that every page is valid HTML."""
from __future__ import annotations

from ..core.html_tree import shared_tree

# Material's menu and search toggles (base.html, outside any block) carry autocomplete="off", which
# HTML allows on text fields only (the Nu HTML Checker's error); medvirkning.js closes them when
# the browser brings a page back instead, which is what the attribute was for. The tags as
# base.html writes them, so that the text is changed exactly there.
_TOGGLES = {name: f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}" autocomplete="off">'
            for name in ("drawer", "search")}


def valid_toggles(output: str, tree) -> str:
    """The page without autocomplete on the two toggles, in its text and its parse (`tree`)."""
    for toggle in tree.css("input.md-toggle[autocomplete]"):
        written = _TOGGLES.get(toggle.attributes.get("data-md-toggle") or "")
        if written and written in output:
            output = output.replace(written, written.replace(' autocomplete="off"', ""), 1)
            del toggle.attrs["autocomplete"]
    return output


def valid_toggles_of_page(output: str, page, build) -> str:
    output = valid_toggles(output, shared_tree(build.written_page, output))
    build.written_page.html = output
    return output
