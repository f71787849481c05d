"""Content security: each page loads only this site's own files and tells other sites nothing.

Every built page gets, right after <meta charset>:
- a Content-Security-Policy meta tag: `default-src 'self'`, with the inline scripts Material
  writes allowed by their SHA-256 hashes (never 'unsafe-inline'), data: images for the icons
  in Material's CSS, and no plugins, frames or foreign form targets;
- a referrer policy, so that a reader who follows a link to another site does not tell it
  which page they came from.
Links to other sites get rel="noopener". Scripts, styles, event handlers and javascript:
addresses written into the content are warnings in the build: the policy would block them,
and a script in the content must never be hashed into the policy as if the theme wrote it.

`mkdocs serve` adds an inline live-reload script with a new timestamp on every request; no
hash can allow it, so the policy is left out while serving.
"""
from __future__ import annotations

import base64
import hashlib
import re

from mkdocs.plugins import get_plugin_logger

from ..core.html_tree import as_tree, elements, shared_tree
from ..core.source import docs_path, first_line, where
from .state import SecurityState

log = get_plugin_logger("sikkerhet")

# Every source of content, directive by directive. Hashes are added to script-src per page.
POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",  # Material's icons are data: SVGs in its CSS
    "font-src": "'self'",
    "connect-src": "'self'",  # the search index
    "worker-src": "'self'",  # the search worker
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}
REFERRER_POLICY = "same-origin"
EXTERNAL_REL = "noopener"

_ATTRIBUTE = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
_JAVASCRIPT_TYPES = {"", "module", "text/javascript", "application/javascript", "text/ecmascript",
                     "application/ecmascript"}
_CHARSET = re.compile(r"<meta\s+charset=[\"']?[\w-]+[\"']?\s*/?>", re.I)
_HEAD = re.compile(r"<head\b[^>]*>", re.I)
_LINK = re.compile(r"<a\s[^>]*//[^>]*>", re.I)  # the start tag of a link with // in it: to another site?
_EXTERNAL = re.compile(r"^(?:https?:)?//", re.I)


def attributes(tag_inside: str) -> dict[str, str]:
    """The attributes of a tag (the text between its name and >), names in lower case."""
    found = {}
    for match in _ATTRIBUTE.finditer(tag_inside):
        value = next((v for v in match.group(2, 3, 4) if v is not None), "")
        found.setdefault(match.group(1).lower(), value)
    return found


def inline_scripts(html) -> list[str]:
    """The text of every inline script the browser runs (not src= scripts, not JSON data), as
    the browser reads it: the page's text or its parse."""
    scripts = []
    for script in as_tree(html).css("script"):
        attrs = script.attributes
        if "src" in attrs or (attrs.get("type") or "").strip().lower() not in _JAVASCRIPT_TYPES:
            continue
        scripts.append(script.text())
    return scripts


def script_hash(text: str) -> str:
    """The CSP source for one inline script; the browser hashes it with newlines as \\n."""
    normalized = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(normalized.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(html, not_allowed: frozenset[str] = frozenset()) -> str:
    """The policy for one page: POLICY with the hashes of the page's inline scripts, except
    those `not_allowed` (the ones written into the content)."""
    hashes = [h for h in dict.fromkeys(script_hash(s) for s in inline_scripts(html)) if h not in not_allowed]
    directives = {**POLICY, "script-src": " ".join([POLICY["script-src"], *hashes])}
    return "; ".join(f"{name} {sources}" for name, sources in directives.items())


def add_policy(html: str, not_allowed: frozenset[str] = frozenset(), tree=None) -> str:
    """The page with the policy and referrer meta tags first in <head>, after <meta charset>.

    The scripts are read from `tree`, the page's parse, if given. The tags go in as text, found by
    the first <meta charset> (or <head>) tag near the top: writing the page anew from a parse
    would change every other tag's spelling."""
    policy = content_security_policy(html if tree is None else tree, not_allowed)
    tags = (f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
            f'<meta name="referrer" content="{REFERRER_POLICY}">')
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        raise ValueError("the page has no <head>")
    return html[:anchor.end()] + tags + html[anchor.end():]


def is_external(href: str, site_url: str | None) -> bool:
    """A link to another site: absolute http(s) or protocol-relative, outside site_url."""
    href = href.strip()
    if not _EXTERNAL.match(href):
        return False
    if site_url:
        ours = site_url.split("//", 1)[-1].rstrip("/") + "/"
        if (href.split("//", 1)[-1].rstrip("/") + "/").startswith(ours):
            return False
    return True


def mark_external_links(html: str, site_url: str | None = None, tree=None) -> str:
    """Every link to another site with rel="noopener" added to the rel it already has.

    The page's parse (`tree`, or one made here) says whether any link needs it, and gets it. The
    text is then edited at the start tags of links with // in them: lexbor gives no place in the
    text, and writing the page anew from the parse would respell every other tag (SVG paths,
    boolean attributes), so the written page would no longer be the theme's."""
    if not links_without_noopener(as_tree(html) if tree is None else tree, site_url):
        return html

    def mark(match: re.Match) -> str:
        tag = match.group(0)
        attrs = attributes(tag[2:-1])
        if not is_external(attrs.get("href", ""), site_url):
            return tag
        rel = attrs.get("rel", "").split()
        if EXTERNAL_REL in rel:
            return tag
        if "rel" in attrs:
            return re.sub(r"""\srel\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""",
                          lambda _: f' rel="{" ".join([*rel, EXTERNAL_REL])}"', tag, count=1, flags=re.I)
        return tag[:2] + f' rel="{EXTERNAL_REL}"' + tag[2:]

    return _LINK.sub(mark, html)


def links_without_noopener(tree, site_url: str | None) -> list:
    """The links to other sites that lack rel="noopener"; the parse gets it on each."""
    found = []
    for link in tree.css('a[href*="//"]'):  # an address to another site has //
        attrs = link.attributes
        if not is_external(attrs.get("href") or "", site_url):
            continue
        rel = (attrs.get("rel") or "").split()
        if EXTERNAL_REL not in rel:
            link.attrs["rel"] = " ".join([*rel, EXTERNAL_REL])
            found.append(link)
    return found


def blocked_by_policy(html) -> list[str]:
    """Plain descriptions of what in a page's content (its text or its parse) the policy blocks or
    must not allow."""
    problems = []
    for element in elements(as_tree(html)):
        name = element.tag
        if name in ("script", "style"):
            problems.append(f"et <{name}>-element")
        attrs = element.attributes
        if not attrs:
            continue
        if "style" in attrs:
            problems.append(f'et style-attributt på <{name}>')
        for attribute in attrs:
            if attribute.startswith("on"):
                problems.append(f"et {attribute}-attributt på <{name}>")
        for attribute in ("href", "src", "action"):
            address = attrs.get(attribute)
            if address and address.strip().lower().startswith("javascript:"):
                problems.append(f"en javascript:-adresse på <{name}>")
                break
    return list(dict.fromkeys(problems))


def source_line_of(source: str, problem: str) -> int | None:
    """The first line of the page's source with what `problem` describes (an element or attribute)."""
    element = re.search(r"<(\w+)>", problem)
    attribute = re.match(r"et (\S+)-attributt", problem)
    needles = ([f"{attribute.group(1)}="] if attribute else []) + ([f"<{element.group(1)}"] if element else [])
    if "javascript:" in problem:
        needles = ["javascript:"]
    return first_line(source, lambda line: needles[0].lower() in line.lower()) if needles else None


# ---- Steps of the build (medvirkning.pipeline calls them in order) ----

def check_content(html: str, page, build) -> str:
    tree = shared_tree(build.content, html)
    build.state(SecurityState).content_scripts[page.url] = frozenset(script_hash(s) for s in inline_scripts(tree))
    source = page.file.content_string if page.file.generated_by is None else ""
    for problem in blocked_by_policy(tree):
        line = source_line_of(source, problem)
        log.warning(
            f"{where(docs_path(page.file.src_uri), line)}: siden har {problem}. Nettstedet kjører bare skript og stiler fra "
            "egne filer, så nettleseren ville blokkert det. Ta det bort fra teksten, og bruk en klasse i "
            "docs/assets/stylesheets/medvirkning.css eller et skript i docs/assets/javascripts/ i stedet.")
    return html


def secure_page(output: str, page, build) -> str:
    """Last of all: the hashes must be those of the scripts exactly as the page is written.
    (`page` is None for the theme's 404 page.)"""
    tree = shared_tree(build.written_page, output)
    scripts = build.state(SecurityState).content_scripts.get(page.url, frozenset()) if page else frozenset()
    secured = secure(output, build, scripts, tree)
    build.written_page.html = secured
    return secured


def secure(html: str, build, not_allowed: frozenset[str] = frozenset(), tree=None) -> str:
    """Links to other sites get rel="noopener", and the page its policy (not while serving).
    `tree` is the page's parse, if there is one; it gets the links' rel too."""
    tree = as_tree(html) if tree is None else tree
    html = mark_external_links(html, build.config.site_url, tree)
    return html if build.options.serving else add_policy(html, not_allowed, tree)
