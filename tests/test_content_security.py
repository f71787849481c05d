"""The Content-Security-Policy, the referrer policy and rel="noopener" (hooks/content_security.py)."""
from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from medvirkning.security import content_security
from medvirkning.security.content_security import (add_policy, blocked_by_policy, content_security_policy, inline_scripts,
                              is_external, mark_external_links, script_hash)
from helpers import content_pages, read_tree
from medvirkning.content.checks import strip_comments
from medvirkning.core.html_tree import parse_content, parse_html, shared_tree

FRONT = "---\ndescription: En side.\n---\n\n"
PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>x</title>
<script>var a = 1;</script><script src="b.js"></script>
<script id="__config" type="application/json">{"base": "."}</script>
</head><body><script type="module">import "./c.js";</script></body></html>"""


def test_the_hash_is_the_one_in_the_csp_specification():
    # The example in the CSP Level 3 specification, section "Hash usage for script elements".
    assert script_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"


def test_the_hash_is_taken_with_newlines_as_the_browser_reads_them():
    assert script_hash("a();\r\nb();\rc();") == script_hash("a();\nb();\nc();")


def test_only_scripts_the_browser_runs_are_hashed():
    assert inline_scripts(PAGE) == ["var a = 1;", 'import "./c.js";']


def test_policy_allows_own_files_and_the_hashed_scripts_only():
    policy = content_security_policy(PAGE)
    directives = dict(d.split(" ", 1) for d in policy.split("; "))
    assert directives["default-src"] == "'self'"
    hashes = [script_hash("var a = 1;"), script_hash('import "./c.js";')]
    assert directives["script-src"] == " ".join(["'self'", *hashes])
    assert directives["object-src"] == "'none'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "http" not in policy  # no other origin anywhere


def test_scripts_written_into_the_content_are_not_allowed():
    content_script = script_hash('import "./c.js";')
    policy = content_security_policy(PAGE, frozenset({content_script}))
    assert content_script not in policy and script_hash("var a = 1;") in policy


def test_a_script_used_twice_is_hashed_once():
    page = "<head><meta charset='utf-8'></head><script>x()</script><script>x()</script>"
    assert content_security_policy(page).count("sha256-") == 1


def test_policy_comes_right_after_charset_before_any_script():
    secured = add_policy(PAGE)
    head = secured[:secured.index("<script")]
    assert re.search(r'<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="[^"]+">'
                     r'<meta name="referrer" content="same-origin">', head)


def test_a_page_without_charset_gets_the_policy_first_in_head():
    assert add_policy("<html><head><title>x</title></head></html>").startswith(
        '<html><head><meta http-equiv="Content-Security-Policy"')


@pytest.mark.parametrize("href, site_url, external", [
    ("https://github.com/navikt/medvirkning", None, True),
    ("//cdn.example.org/x.js", None, True),
    ("http://example.org", "https://navikt.github.io/medvirkning/", True),
    ("https://navikt.github.io/medvirkning/veileder/", "https://navikt.github.io/medvirkning/", False),
    ("https://navikt.github.io/medvirkning", "https://navikt.github.io/medvirkning/", False),
    ("https://navikt.github.io/medvirkning-gammel/", "https://navikt.github.io/medvirkning/", True),
    ("../veileder/", None, False),
    ("#mal-1-1", None, False),
    ("mailto:post@example.org", None, False),
])
def test_external_links(href, site_url, external):
    assert is_external(href, site_url) is external


def test_external_links_get_noopener_added_to_their_rel():
    html = ('<a href="https://example.org">a</a> <a rel="edit" href="https://github.com/x">b</a> '
            '<a href="../x/">c</a> <a href="https://example.org" rel="noopener">d</a>')
    assert mark_external_links(html) == (
        '<a rel="noopener" href="https://example.org">a</a> <a rel="edit noopener" href="https://github.com/x">b</a> '
        '<a href="../x/">c</a> <a href="https://example.org" rel="noopener">d</a>')


@pytest.mark.parametrize("content, problem", [
    ('<p><span style="color: red">rødt</span></p>', "et style-attributt på <span>"),
    ("<style>p { color: red }</style>", "et <style>-element"),
    ('<button onclick="go()">Gå</button>', "et onclick-attributt på <button>"),
    ('<a href="javascript:go()">Gå</a>', "en javascript:-adresse på <a>"),
    ("<script>go()</script>", "et <script>-element"),
])
def test_what_the_policy_would_block_in_content(content, problem):
    assert blocked_by_policy(content) == [problem]


def test_ordinary_content_is_not_blocked():
    content = ('<h2 id="a">Om «style» og onclick=</h2><p title="online = på nett">Tekst med <a href="#a">lenke</a>, '
               '<abbr title="Arbeids- og velferdsetaten">NAV</abbr> og <code>&lt;script&gt;</code>.</p>')
    assert blocked_by_policy(content) == []


def test_no_policy_while_serving_because_of_the_live_reload_script():
    def build(serving):
        return SimpleNamespace(config=SimpleNamespace(site_url=None), options=SimpleNamespace(serving=serving))
    assert "Content-Security-Policy" not in content_security.secure(PAGE, build(True))
    assert "Content-Security-Policy" in content_security.secure(PAGE, build(False))


def test_inline_style_in_content_fails_the_build_with_a_plain_message(fixture_site):
    result = fixture_site({"index.md": FRONT + '# Forside\n\nTekst i <span style="color: red">rødt</span>.\n'})
    assert result.returncode != 0
    assert ("docs/index.md, linje 7: siden har et style-attributt på <span>. Nettstedet kjører bare skript og stiler "
            "fra egne filer, så nettleseren ville blokkert det.") in result.stderr


def test_every_built_page_has_the_policy_before_its_first_script(built_site):
    for path in [*content_pages(built_site), built_site / "404.html"]:
        html = path.read_text(encoding="utf-8")
        policy = html.find('http-equiv="Content-Security-Policy"')
        assert 0 < policy < html.find("<script"), f"{path.relative_to(built_site)}: mangler policy før skriptene"
        meta = read_tree(path).css_first('meta[http-equiv="Content-Security-Policy"]')
        for script in inline_scripts(html):
            assert script_hash(script) in meta.attributes["content"]


def test_every_link_to_another_site_has_noopener(built_site):
    for path in content_pages(built_site):
        for link in read_tree(path).css("a[href]"):
            if is_external(link.attributes["href"], None):
                assert "noopener" in (link.attributes.get("rel") or "").split(), \
                    f"{path.relative_to(built_site)}: {link.attributes['href']}"


def test_a_script_inside_a_comment_is_not_hashed():
    # The browser never runs it; the page's parse knows it is a comment.
    page = '<head><meta charset="utf-8"></head><!-- <script>x()</script> --><script>y()</script>'
    assert inline_scripts(page) == ["y()"]


def test_comments_are_taken_out_of_the_text_and_the_parse_alike():
    html = '<p>Tekst<!-- notat: ring Kari --> videre.</p><!--\nflere linjer\n--><p>Mer <code>&lt;!-- kode --&gt;</code></p>'
    tree = parse_html(html)
    assert strip_comments(html, tree) == '<p>Tekst videre.</p><p>Mer <code>&lt;!-- kode --&gt;</code></p>'
    assert "<!--" not in tree.html


def test_an_unclosed_comment_is_taken_out_by_writing_the_page_from_its_parse():
    html = "<p>Tekst</p><!-- uten slutt"
    assert strip_comments(html, parse_html(html)) == "<p>Tekst</p>"


def test_a_step_that_changes_the_text_but_not_the_parse_stops_the_build():
    build = SimpleNamespace(content=None)
    html = parse_content("<p>a</p>", None, build)
    assert shared_tree(build.content, html) is build.content.tree
    with pytest.raises(RuntimeError, match="shared parse"):
        shared_tree(build.content, html.replace("a", "b"))


def test_comments_are_not_in_the_published_pages(fixture_site, tmp_path):
    result = fixture_site({"index.md": FRONT + "# Forside\n\nTekst.\n\n<!-- Notat til redaktøren: ring Kari -->\n"})
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "Tekst." in page and "ring Kari" not in page


def test_the_hash_is_of_the_script_exactly_as_written():
    # Spaces, newlines and what looks like an entity are the script's own: the browser hashes them.
    script = "\n  if (a &lt; b && c > d) go('</p>');\n"
    page = f'<head><meta charset="utf-8"></head><body><script>{script}</script></body>'
    assert inline_scripts(page) == [script]
    assert script_hash(script) in content_security_policy(page)
