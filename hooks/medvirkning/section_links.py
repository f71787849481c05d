"""Section links: every h2–h4 permalink gets a Norwegian label for screen readers.

The copy-to-clipboard behaviour is added in the browser by assets/javascripts/medvirkning.js;
without JavaScript the permalink still leads to the section.
"""
from __future__ import annotations

import re

_H1_PERMALINK = re.compile(r'(<h1[^>]*>.*?)<a class="headerlink" href="#[^"]+" title="[^"]*">(?:¶|&para;)</a>(</h1>)', re.S)
_PERMALINK = re.compile(r'<a class="headerlink" href="#([^"]+)" title="[^"]*">(?:¶|&para;)</a>')


def label_permalinks(html: str, label: str) -> str:
    """Replace toc's ¶ permalinks with labelled links (the # sign is hidden from screen readers).

    The page title (h1) gets none: the page's own address is its link.
    """
    html = _H1_PERMALINK.sub(r"\1\2", html)
    return _PERMALINK.sub(
        lambda m: (f'<a class="headerlink" href="#{m.group(1)}" aria-label="{label}" data-mv-copy-link>'
                   '<span aria-hidden="true">#</span></a>'),
        html,
    )


def label(html: str, page, build) -> str:
    return label_permalinks(html, build.strings["permalenke"])
