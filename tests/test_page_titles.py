"""Every page's title (the tab, the menu, search) is its heading, in every language: never a name
made from the file («Moter», «Arshjul»), which MkDocs falls back to when a page does not begin
with its heading (a journey's box stands above it)."""
from __future__ import annotations

import re

from helpers import content_pages, read_html


def test_the_title_of_every_page_is_its_heading(built_site):
    wrong = []
    for page in content_pages(built_site):
        if page.relative_to(built_site).as_posix() in ("index.html", "nn/index.html", "en/index.html"):
            continue  # the start page: the menu calls it «Forside», its heading is the site's name
        html = read_html(page)
        heading = html.select_one("article h1") or html.select_one("h1")
        if heading is None or html.title is None:
            continue
        text = " ".join(heading.get_text().replace("¶", "").split())
        title = html.title.get_text().rsplit(" - ", 1)[0].strip()
        if text and title and not text.startswith(title):
            wrong.append(f"{page.relative_to(built_site)}: tittel «{title}», overskrift «{text}»")
    assert wrong == [], "\n".join(wrong[:20])


def test_the_menu_never_shows_a_name_made_from_a_file(built_site):
    html = (built_site / "veiviser" / "moter" / "index.html").read_text(encoding="utf-8")
    titles = re.findall(r'<span class="md-ellipsis">\s*(.*?)\s*</span>', html)
    assert not {"Moter", "Arshjul", "Opplaering", "Slik gar et mote"} & set(titles)
