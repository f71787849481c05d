"""«På denne siden»: a page's sections listed under «Kort fortalt», for narrow screens.

On a phone, Material hides the page's table of contents in the menu drawer. A page with
MIN_SECTIONS sections or more (h2) gets the list in its content, under the «Kort fortalt» box
(or under the title when it has none). The stylesheet hides it where Material's sidebar shows
the same list (60em and wider), so it is never there twice. Plain HTML and CSS: no JavaScript.
"""
from __future__ import annotations

import re

TEMPLATE = "partials/mv-page-contents.html"
MIN_SECTIONS = 4
# The first «Kort fortalt» box (an abstract admonition holds only paragraphs and lists), or the title.
_SUMMARY_BOX = re.compile(r'<div class="admonition abstract">.*?</div>', re.S)
_TITLE = re.compile(r"<h1[^>]*>.*?</h1>", re.S)


def sections(toc) -> list:
    """The page's sections: the h2 entries of its table of contents (under the h1, if there is one)."""
    items = list(toc)
    if len(items) == 1 and items[0].level == 1:
        items = list(items[0].children)
    return [item for item in items if item.level == 2]


def add_contents(html: str, items: list, render) -> str:
    """The content with the list of sections under the summary box, or under the title."""
    if len(items) < MIN_SECTIONS:
        return html
    place = _SUMMARY_BOX.search(html) or _TITLE.search(html)
    block = render(items=items)
    if place is None:
        return block + "\n" + html
    return html[:place.end()] + "\n" + block + html[place.end():]


# ---- Step of the build (medvirkning.pipeline calls it) ----

def render_contents(html: str, page, build) -> str:
    if page.file.generated_by is not None or "toc" in (page.meta.get("hide") or []):
        return html
    template = build.templates.get_template(TEMPLATE)
    return add_contents(html, sections(page.toc), lambda **values: template.render(mv=build.strings, **values))
