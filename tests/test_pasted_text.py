"""Word-pasted text (medvirkning/pasted_text.py): what Markdown reads otherwise is found; what is
written right, and looks alike, passes."""
from __future__ import annotations

import pytest

from medvirkning.core.html_tree import parse_html
from medvirkning.anchors.ids import invisible_characters
from medvirkning.content.pasted_text import content_problems, front_matter_problems, source_problems

FRONT = "---\ndescription: En side.\n---\n\n# Side\n\n"


@pytest.mark.parametrize("body", [
    '!!! tip "Vårt råd"\n\n    Send sakene i god tid.\n',
    '- Første punkt\n\n\tMer om det første punktet.\n',  # a tab inside a list item is no code block
    '!!! note "Merk"\n\n\tTeksten i boksen.\n',
    '1. Lag agendaen.\n2. Send innkallingen.\n',
    '```text\n1) i en kodeblokk\n\tmed tabulator\n!!! tip “x”\n```\n',
    'Tittel på avsnittet\n===================\n',  # a setext heading, not a box
    'Beløpet er 1) ikke oppgitt i teksten.\n',  # «1)» inside a line
    '- Punkt\n    - Underpunkt\n',
    '    !!! tip "Inni en liste"\n\n        Tekst.\n',
])
def test_right_markdown_passes(body):
    assert source_problems(FRONT + body, "docs/x.md") == []


@pytest.mark.parametrize("body, words", [
    ('!!! tip “Vårt råd”\n\n    Tekst.\n', "krokete anførselstegn"),
    ("!!! tip 'Vårt råd'\n\n    Tekst.\n", "blir vist som vanlig tekst"),
    ('!!! tip "Vårt råd"\n\nTekst.\n', "er tom"),
    ('!!! tip "Vårt råd"\n', "er tom"),
    ('1) Lag agendaen.\n', "«1)»"),
    ('b) Send innkallingen.\n', "«b)»"),
    ('• Lag agendaen.\n', "«•»"),
    ('– Lag agendaen.\n', "«–»"),
    ('\tInnrykket med tabulator.\n', "tabulatortegn"),
])
def test_pasted_text_is_found(body, words):
    problems = source_problems(FRONT + body, "docs/x.md")
    assert len(problems) == 1 and words in problems[0] and "docs/x.md, linje 7" in problems[0]


def test_curly_quotes_in_front_matter():
    assert "linje 3" in front_matter_problems("---\ndescription: En side.\n“title”: Møter\n---\n", "x")[0]
    assert "linje 2" in front_matter_problems("---\ndescription: “Mål 2.1: ledelse”\n---\n", "x")[0]
    assert front_matter_problems('---\ndescription: «Mål» og «Vårt råd»\ntitle: "Mål: 2"\nhide:\n  - toc\n---\n',
                                 "x") == []


@pytest.mark.parametrize("html, words", [
    ("<p>Les [veilederen][1] nå.</p>", "«][»"),
    ("<p>Les [veilederen] (https://www.nav.no/) nå.</p>", "«] (»"),
    ('<p><font color="red">Viktig</font></p>', "<font>"),
    ("<center>Viktig</center>", "<center>"),
    ('<p align="center">Viktig</p>', "align= på <p>"),
    ('<h2 id="pause">— <a class="headerlink" href="#pause">¶</a></h2>', "ingen bokstaver eller tall"),
])
def test_rendered_leftovers_are_found(html, words):
    problems = content_problems(parse_html(html), "", "docs/x.md")
    assert len(problems) == 1 and words in problems[0]


def test_code_and_headings_with_words_pass():
    html = ('<h2 id="a">Før møtet <a class="headerlink" href="#a">¶</a></h2><p><code>[a][b]</code></p>'
            '<pre><code>[tekst] (adresse)</code></pre><h3 id="b">2026</h3>')
    assert content_problems(parse_html(html), "", "docs/x.md") == []


@pytest.mark.parametrize("emoji", ["👩‍💻", "👩🏽‍💻", "❤️‍🔥", "🏳️‍🌈", "🧑🏽‍🤝‍🧑🏻", "🏴󠁧󠁢󠁳󠁣󠁴󠁿"])
def test_an_emoji_joiner_is_no_invisible_character(emoji):
    assert invisible_characters(f"Vi jobber sammen {emoji} i utvalget.", "x") == []


@pytest.mark.parametrize("text", ["Sam\u200dmen", "👩\u200d og", "Sam\u200bmen 👩‍💻"])
def test_a_joiner_outside_an_emoji_is_still_found(text):
    assert len(invisible_characters(text, "x")) == 1
