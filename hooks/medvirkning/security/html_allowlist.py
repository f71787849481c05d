"""Content HTML by allowlist: every element and attribute of a page's content must be one the
site uses, as nh3 (ammonia, a maintained sanitiser) reads it.

A blocklist misses what nobody thought of (a <meta http-equiv="refresh"> sends every reader to
another site, and the content security policy does not cover it). So each page's content goes
through nh3 with the allowlist below; whatever nh3 would take out is an error naming file and
line. nh3 parses as browsers do and reads addresses as browsers do before it checks the scheme
(`jav&#x09;ascript:` is javascript:). Scripts, styles, event handlers and javascript: written
plainly are left to content_security.py, which says so in its own words.

Forms, inputs and buttons are on the site only where the build writes them (checklists, the
årshjul form, Markdown's task lists and tabs): written as HTML by an editor they stop the build.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import nh3
from mkdocs.exceptions import PluginError

from ..core.source import line_with as line_of
from ..core.source import INCLUDE
from ..core.html_tree import as_tree, elements, shared_tree

# Everywhere: the attributes of text and structure (aria-* and data-* by prefix, below).
GLOBAL_ATTRIBUTES = {"id", "class", "lang", "dir", "title", "role", "hidden", "tabindex"}
# Element -> its own attributes, beyond GLOBAL_ATTRIBUTES.
ELEMENTS: dict[str, set[str]] = {
    **{name: set() for name in (
        "p", "div", "span", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "b", "i", "u", "s",
        "small", "sub", "sup", "mark", "kbd", "code", "samp", "var", "pre", "cite", "dfn", "abbr", "bdi",
        "ul", "dl", "dt", "dd", "li", "figure", "figcaption", "article", "aside", "section", "header",
        "footer", "nav", "main", "caption", "thead", "tbody", "tfoot", "tr", "summary", "wbr", "ruby", "rt",
        "rp", "legend", "fieldset")},
    "a": {"href", "hreflang", "download", "rel", "target", "type"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"},
    "ol": {"start", "reversed", "type"},
    "blockquote": {"cite"}, "q": {"cite"}, "del": {"cite", "datetime"}, "ins": {"cite", "datetime"},
    "time": {"datetime"}, "data": {"value"}, "bdo": set(),
    "table": set(), "col": {"span"}, "colgroup": {"span"},
    "th": {"colspan", "rowspan", "scope", "headers", "abbr"}, "td": {"colspan", "rowspan", "headers"},
    "details": {"open"},
    "label": {"for"},
    # Inline SVG as the årshjul draws it; <use>/<image> only with an address on the page (#…).
    "svg": {"viewBox", "focusable", "xmlns", "width", "height", "aria-labelledby", "aria-describedby"},
    "g": {"transform"}, "title": set(), "desc": set(),
    "path": {"d", "transform"}, "circle": {"cx", "cy", "r"}, "ellipse": {"cx", "cy", "rx", "ry"},
    "rect": {"x", "y", "width", "height", "rx", "ry"}, "line": {"x1", "y1", "x2", "y2"},
    "polyline": {"points"}, "polygon": {"points"},
    "text": {"x", "y", "dx", "dy", "text-anchor", "dominant-baseline"}, "tspan": {"x", "y", "dx", "dy"},
    "use": {"href"}, "image": {"href", "width", "height"},
    # Written by the build only (an editor who writes them as HTML is told; see check_content).
    "form": set(), "input": {"type", "name", "value", "checked", "disabled"}, "button": {"type"},
}
# Elements the build writes but an editor may not write as HTML.
ATTRIBUTE_PREFIXES = {"aria-", "data-"}
SCHEMES = {"http", "https", "mailto"}  # and addresses on this site (relative ones)
_PAGE_ADDRESS_ONLY = {"use", "image"}  # an SVG that draws from another file or site

# What the elements and attributes readers get no good from are, in words, and what to do.
ADVICE = {
    "meta": ("en <meta>-linje. Den kan sende leserne videre til et annet nettsted eller endre siden uten at "
             "det synes. Ta den bort. Er siden flyttet, legg inn en videresending under redirects i mkdocs.yml"),
    "base": "en <base>-linje, som ville fått alle lenkene på siden til å gå et annet sted. Ta den bort",
    "link": "en <link>-linje, som henter noe fra en annen fil eller et annet nettsted. Ta den bort",
    "iframe": ("en innebygd ramme (<iframe>). Den viser en annen side inne i denne. Skriv en vanlig lenke til "
               "innholdet i stedet, for eksempel «[Filmen om brukerutvalg](https://…)»"),
    "form": ("et skjema (<form>). Skjemaer på nettstedet lages av bygget, ikke i teksten. Ta det bort, og skriv "
             "heller hvor leseren sender svaret, for eksempel en lenke til skjemaet"),
    "input": "et skjemafelt (<input>). Ta det bort. Skriv en sjekkliste i stedet (se CONTRIBUTING.md)",
    "button": "en knapp (<button>). Ta den bort. Skriv en lenke med ord i stedet",
    "ping": ("et ping-attributt på en lenke, som sier fra til et annet nettsted når noen klikker. Ta det bort, "
             "og skriv bare [tekst](adresse)"),
    "address": ("en adresse som ikke er en vanlig nettadresse ({scheme}). Skriv en lenke som begynner med "
                "https://, eller lenk til en .md-fil"),
    "svg": ("et SVG-bilde som henter {element} fra et annet sted ({value}). Lagre bildet som fil i docs/ og vis "
            "det med ![tekst](bilde.svg)"),
}


class AllowlistError(PluginError):
    pass


def _attribute_filter(element: str, attribute: str, value: str) -> str | None:
    if element in _PAGE_ADDRESS_ONLY and attribute == "href" and not value.startswith("#"):
        return None
    return value


def clean(html: str) -> str:
    """The content as nh3 leaves it under the allowlist (comments are kept: another step takes them)."""
    return nh3.clean(html, tags=set(ELEMENTS),
                     attributes={"*": GLOBAL_ATTRIBUTES, **ELEMENTS},
                     generic_attribute_prefixes=ATTRIBUTE_PREFIXES, url_schemes=SCHEMES,
                     attribute_filter=_attribute_filter, link_rel=None, strip_comments=False,
                     clean_content_tags={"script", "style"})


def _inventory(tree) -> tuple[Counter, Counter]:
    """(element names, (element, attribute, value)) of a parse, counted."""
    names, attributes = Counter(), Counter()
    for element in elements(tree):
        names[element.tag] += 1
        for name, value in element.attributes.items():
            attributes[(element.tag, name.lower(), value or "")] += 1
    return names, attributes


def _left_to_policy(element: str, attribute: str | None, value: str) -> bool:
    """What content_security.blocked_by_policy already names (in its own words)."""
    if attribute is None:
        return element in ("script", "style")
    return (attribute == "style" or attribute.startswith("on")
            or (attribute in ("href", "src", "action") and value.strip().lower().startswith("javascript:")))


def outside_allowlist(html) -> list[tuple[str, str | None, str]]:
    """(element, attribute or None, value) of every element and attribute nh3 would take out of the
    content (its text, or its parse and text), in the order they are written, once each."""
    tree = as_tree(html)
    text = html if isinstance(html, str) else tree.html
    cleaned_names, cleaned_attributes = _inventory(as_tree(clean(text)))
    found = []
    for element in elements(tree):
        if cleaned_names[element.tag] > 0:
            cleaned_names[element.tag] -= 1
        elif not _left_to_policy(element.tag, None, ""):
            found.append((element.tag, None, ""))
        for name, value in element.attributes.items():
            key = (element.tag, name.lower(), value or "")
            if cleaned_attributes[key] > 0:
                cleaned_attributes[key] -= 1
            elif cleaned_names.get(element.tag) is not None and not _left_to_policy(*key):
                found.append(key)
    return list(dict.fromkeys(found))


def written_by_editor(element: str, sources: list[str]) -> bool:
    return any(f"<{element}" in source.lower() for source in sources)


def describe(element: str, attribute: str | None, value: str) -> str:
    """What was found, in plain words, and what to do."""
    if attribute is None:
        if element in ADVICE:
            return ADVICE[element]
        return (f"elementet <{element}>, som nettstedet ikke bruker i teksten. Ta det bort, og skriv det med "
                "Markdown i stedet")
    if attribute == "ping":
        return ADVICE["ping"]
    if element in _PAGE_ADDRESS_ONLY and attribute == "href":
        return ADVICE["svg"].format(element=f"<{element}>", value=value)
    if attribute in ("href", "src", "cite"):
        scheme = value.split(":", 1)[0].strip() + ":" if ":" in value else value
        return ADVICE["address"].format(scheme="".join(c for c in scheme if c.isprintable() and not c.isspace()))
    return (f"attributtet {attribute} på <{element}>, som nettstedet ikke bruker. Ta det bort, og bruk "
            "Markdown eller en klasse i docs/assets/stylesheets/medvirkning.css i stedet")


def needle_of(element: str, attribute: str | None, value: str) -> list[str]:
    """Texts that find the line in the source, best first."""
    if attribute is None:
        return [f"<{element}"]
    needles = [f"{attribute}="]
    if value and attribute in ("href", "src"):
        needles.insert(0, value[:20])
    return needles


# ---- Steps of the build (medvirkning.pipeline calls them in order) ----

def check_content(html: str, page, build) -> str:
    """After the comments are out: nothing in the content that the allowlist leaves out."""
    tree = shared_tree(build.content, html)
    generated = page.file.generated_by is not None
    source = "" if generated else page.file.content_string
    sources = [source, *included_texts(source, build)]
    written = [tag for tag in ("form", "input", "button")
               if not generated and tree.css_first(tag) is not None and written_by_editor(tag, sources)]
    found = [(tag, None, "") for tag in written]  # what is on such an element goes with it
    found += [problem for problem in outside_allowlist(tree) if problem[0] not in written]
    if not found:
        return html
    where = f"docs/{page.file.src_uri}"
    problems = []
    for element, attribute, value in dict.fromkeys(found):
        line = next((n for needle in needle_of(element, attribute, value)
                     for n in [line_of(source.lower(), needle.lower())] if n), None)
        problems.append(f"{where}" + (f", linje {line}" if line else "") + f": siden har {describe(element, attribute, value)}.")
    raise AllowlistError("\n".join(problems))


def included_texts(source: str, build) -> list[str]:
    """The shared texts ({!_includes/…!}) a page's source sets in."""
    texts = []
    docs = Path(build.config.docs_dir)
    for match in INCLUDE.finditer(source):
        path = docs / match.group(1)
        if path.is_file():
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
    return texts
