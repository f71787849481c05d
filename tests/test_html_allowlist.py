"""Content HTML by allowlist (medvirkning/html_allowlist.py, nh3): what Markdown and the build write
passes; what nh3 would take out is found, also when written to get past a blocklist."""
from __future__ import annotations

import markdown
import pytest

from medvirkning.security.content_security import blocked_by_policy
from medvirkning.security.html_allowlist import outside_allowlist, written_by_editor


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["admonition", "attr_list", "md_in_html", "tables", "abbr", "def_list",
                                               "pymdownx.details", "pymdownx.superfences", "pymdownx.tabbed",
                                               "pymdownx.tasklist"],
                             extension_configs={"pymdownx.tasklist": {"custom_checkbox": True},
                                                "pymdownx.tabbed": {"alternate_style": True}})


@pytest.mark.parametrize("text", [
    "- [ ] Lag agendaen\n- [x] Send innkallingen",  # task list: <input type="checkbox" disabled>
    '=== "Bokmål"\n\n    Tekst.\n\n=== "Nynorsk"\n\n    Tekst.',  # tabs: <input type="radio">
    '!!! tip "Vårt råd"\n\n    Tekst.',
    '??? note "Mer"\n\n    Tekst.',
    "| Hva | Når |\n|---|---|\n| Møte | Mars |",
    "Term\n:   Forklaring",
    "![Utvalget i møte](bilde.jpg){ loading=lazy }",
    '[Nettsidene til NAV](https://www.nav.no/){ hreflang="nb" }',
    "*[NAV]: Arbeids- og velferdsforvaltningen\n\nNAV hjelper.",
    '<abbr title="Sentralt brukerutvalg">SBU</abbr> og <span lang="en">user council</span>',
    '<svg viewBox="0 0 10 10" role="img" aria-labelledby="t"><title id="t">Hjul</title><circle cx="5" cy="5" r="4"/>'
    '<use href="#del"/></svg>',
    '<details><summary>Mer</summary><p>Tekst</p></details>',
    '<a href="mailto:postmottak@example.no">Postmottaket</a> og <a href="../moter.md#agenda">agendaen</a>',
])
def test_what_the_site_writes_passes(text):
    assert outside_allowlist(render(text)) == []


@pytest.mark.parametrize("html, found", [
    ('<meta http-equiv="refresh" content="0; url=https://example.com/">', ("meta", None, "")),
    ('<base href="https://example.com/">', ("base", None, "")),
    ('<link rel="prefetch" href="https://example.com/">', ("link", None, "")),
    ('<iframe srcdoc="&lt;p&gt;Hei&lt;/p&gt;"></iframe>', ("iframe", None, "")),
    ('<iframe src="../moter/"></iframe>', ("iframe", None, "")),  # also a frame of our own
    ('<a href="https://www.nav.no/" ping="https://example.com/">NAV</a>', ("a", "ping", "https://example.com/")),
    ('<a href="jav&#x09;ascript:alert(1)">Plan</a>', ("a", "href", "jav\tascript:alert(1)")),
    ('<a href="data:text/html,hei">Plan</a>', ("a", "href", "data:text/html,hei")),
    ('<svg><image href="https://example.com/a.png"/></svg>', ("image", "href", "https://example.com/a.png")),
    ('<svg><use href="https://example.com/a.svg#x"/></svg>', ("use", "href", "https://example.com/a.svg#x")),
    ('<textarea>Hei</textarea>', ("textarea", None, "")),
    ('<object data="a.pdf"></object>', ("object", None, "")),
])
def test_what_is_outside_is_found(html, found):
    assert found in outside_allowlist(html)


def test_forms_and_inputs_count_only_when_the_editor_wrote_them():
    assert written_by_editor("input", ["Tekst\n\n<INPUT name=x>"])
    assert not written_by_editor("input", ["- [ ] Lag agendaen"])


@pytest.mark.parametrize("html", ['<a href="&#x20;JaVaScRiPt&colon;alert(1)">Plan</a>', "<script>alert(1)</script>",
                                  '<span style="color: red">Rød</span>', '<p onclick="alert(1)">Trykk</p>'])
def test_what_the_policy_names_is_left_to_it(html):
    """Named once, in content_security's words (a warning, which fails the strict build)."""
    assert outside_allowlist(html) == [] and blocked_by_policy(html)
