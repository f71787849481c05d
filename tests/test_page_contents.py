"""«På denne siden» on phones (issue 22, point 6): a page with four or more sections lists them
under «Kort fortalt», in every language, as plain links (no JavaScript); the stylesheet hides the
list where Material's sidebar shows the same (60em), so it is never there twice."""
from __future__ import annotations

import re

import pytest

from helpers import ROOT, content_pages, read_tree, strings

LANGUAGES = {"": "nb", "nn/": "nn", "en/": "en"}


def language_of(site, page) -> str:
    relative = page.relative_to(site).as_posix()
    return next((locale for folder, locale in LANGUAGES.items() if folder and relative.startswith(folder)), "nb")


def test_long_pages_list_their_sections_under_the_summary(built_site):
    checked = {"nb": 0, "nn": 0, "en": 0}
    for page in content_pages(built_site):
        tree = read_tree(page)
        article = tree.css_first("article")
        if article is None or any(part in page.as_posix() for part in ("sjekklister/", "steg-for-steg/", "/utskrift/")):
            continue  # checklists and journeys are made by the build; a print page holds the other pages, lists and all
        sections = [h for h in article.css("h2[id]") if not h.parent or "mv-page-contents" not in (h.parent.attributes.get("class") or "")]
        lists = article.css("nav.mv-page-contents")
        if len(sections) < 4:
            assert not lists, page
            continue
        locale = language_of(built_site, page)
        assert len(lists) == 1, page
        nav = lists[0]
        assert nav.attributes.get("aria-label") == strings(locale)["pa_denne_siden"]
        links = [a.attributes.get("href") for a in nav.css("a")]
        assert links == [f"#{h.attributes['id']}" for h in sections], page
        box = article.css_first("div.admonition.abstract")
        if box is not None:
            following = box.next
            while following is not None and following.tag == "-text":
                following = following.next
            assert following is not None and following.tag == "nav", page
        checked[locale] += 1
    assert all(count >= 10 for count in checked.values()), checked


def test_the_list_is_hidden_where_the_sidebar_shows_it():
    css = (ROOT / "docs" / "assets" / "stylesheets" / "medvirkning.css").read_text(encoding="utf-8")
    rule = re.search(r"@media screen and \(min-width: 60em\) \{\s*\.md-typeset \.mv-page-contents \{\s*display: none;", css)
    assert rule, "medvirkning.css skjuler ikke «På denne siden» fra 60em, der Material viser innholdslista i sidefeltet"


def test_a_page_with_three_sections_gets_no_list(fixture_site, tmp_path):
    front = "---\ndescription: En side.\n---\n\n"
    box = '!!! abstract "Kort fortalt"\n\n    Vi møtes. Alle er med.\n\n'
    result = fixture_site({
        "index.md": front + "# Forside\n\n" + box + "".join(f"## Del {n}\n\nTekst.\n\n" for n in range(3)),
        "lang.md": front + "# Lang\n\n" + box + "".join(f"## Del {n}\n\nTekst.\n\n" for n in range(4)),
    })
    assert result.returncode == 0, result.stderr
    assert "mv-page-contents" not in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    long = (tmp_path / "site" / "lang" / "index.html").read_text(encoding="utf-8")
    assert long.count('<nav class="mv-page-contents ') == 1
    assert long.index("Vi møtes") < long.index("mv-page-contents") < long.index('id="del-0"')
