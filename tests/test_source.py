"""The one reading of the editors' sources (medvirkning.core.source): front matter, includes,
fences, headings, lines and the place as messages name it."""
from __future__ import annotations

from medvirkning.core.source import (body_start, fenced_lines, front_matter, front_matter_blanked, headings,
                                     included_files, includes, line_number, line_with, where,
                                     without_front_matter)

PAGE = "---\ndescription: Om møter\n---\n\n\n# Møter\n\nTekst.\n"


def test_front_matter_and_where_the_body_starts():
    assert front_matter(PAGE).group(1) == "description: Om møter\n"
    assert without_front_matter(PAGE).startswith("\n\n# Møter")
    assert front_matter_blanked(PAGE).splitlines()[5] == "# Møter"  # line numbers kept
    assert PAGE.splitlines()[body_start(PAGE)] == "# Møter"  # MkDocs strips the blank lines too
    assert body_start("# Uten metadata\n") == 0
    assert front_matter("---\n---\nTom\n") is not None


def test_a_longer_fence_is_not_closed_by_a_shorter_one():
    source = "# A\n````md\n```\n# Ikke en overskrift\n```\n````\n## B\n   ~~~\n# C\n   ~~~\n"
    assert [(line, level, text) for line, level, text in headings(source)] == [(1, 1, "A"), (7, 2, "B")]
    inside = [number for number, _, fence in fenced_lines(source.splitlines()) if fence]
    assert inside == [2, 3, 4, 5, 6, 8, 9, 10]


def test_a_fence_with_an_info_string_does_not_close_one():
    source = "```\n```python\n# Ikke\n```\n# Ja\n"
    assert [text for _, _, text in headings(source)] == ["Ja"]


def test_includes_with_their_lines():
    text = "Tekst\n{!_includes/a.md!}\n\n{! _includes/b.md !lines=1-3}\n"
    assert includes(text) == [(2, "_includes/a.md"), (4, "_includes/b.md")]
    assert included_files(text) == ["_includes/a.md", "_includes/b.md"]


def test_lines_and_places():
    assert line_number("a\nb\nc", 4) == 3
    assert line_with("a\ntitle: NAV\nNAV\n", "title:", "NAV") == 2
    assert line_with("a\n", "") is None
    assert where("docs/a.md", 3) == "docs/a.md, linje 3"
    assert where("docs/a.md") == "docs/a.md"
