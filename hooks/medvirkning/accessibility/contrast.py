"""Colour contrast of the theme's text, from the CSS variables as the browser computes them.

Plain functions only; the accessibility report calls `theme_contrast` once per build with
Material's stylesheets and ours, for each colour scheme in the palette. The cascade is
modelled as far as the palette needs it: custom properties on :root (the <html> element)
and on the attribute selectors Material sets on <body>, by specificity and source order.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import tinycss2
from coloraide import Color

WCAG_AA_TEXT = 4.5

# (what the reader sees, text colour, background layers from the bottom up)
PAIRS = [
    ("Brødtekst", "--md-typeset-color", ["--md-default-bg-color"]),
    ("Lenker", "--md-typeset-a-color", ["--md-default-bg-color"]),
    ("Lenker under pekeren og i fokus", "--md-accent-fg-color", ["--md-default-bg-color"]),
    ("Dempet tekst (menyen, datoer)", "--md-default-fg-color--light", ["--md-default-bg-color"]),
    ("Kode", "--md-code-fg-color", ["--md-default-bg-color", "--md-code-bg-color"]),
    ("Kode, kommentarer og tegn", "--md-code-hl-comment-color", ["--md-default-bg-color", "--md-code-bg-color"]),
    ("Kode, uthevet", "--md-code-hl-generic-color", ["--md-default-bg-color", "--md-code-bg-color"]),
    ("Toppfeltet, med knappene for meny og søk og deres fokusring", "--md-primary-bg-color",
     ["--md-primary-fg-color"]),
    ("Knapper (som «Nullstill»)", "--mv-button-fg-color", ["--md-default-bg-color"]),
    ("Knapper under pekeren og i fokus", "--md-accent-bg-color", ["--md-default-bg-color", "--md-accent-fg-color"]),
    ("Fokusring og knappene i menyen under pekeren", "--md-accent-fg-color", ["--md-default-bg-color"]),
    ("Knappene i menyen", "--md-default-fg-color--light", ["--md-default-bg-color"]),
    ("Bunnfeltet", "--md-footer-fg-color", ["--md-default-bg-color", "--md-footer-bg-color"]),
    ("Bunnfeltet, nederste del", "--md-footer-fg-color",
     ["--md-default-bg-color", "--md-footer-bg-color", "--md-footer-bg-color--dark"]),
]

SCREEN_MEDIA = re.compile(r"@media\s+(screen|all)", re.I)
_VAR = re.compile(r"var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*))?\)")
# A compound selector of :root, html, body and [data-md-color-…] attributes, maybe negated.
_SIMPLE = re.compile(r":root|html|body|:not\(\[data-md-color-([\w-]+)=[\"']?([\w-]+)[\"']?\]\)"
                     r"|\[data-md-color-([\w-]+)=[\"']?([\w-]+)[\"']?\]")


@dataclass(frozen=True)
class Rule:
    selector: str
    declarations: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class ContrastResult:
    scheme: str
    label: str
    foreground: str  # the composited colour as #rrggbb
    background: str
    ratio: float

    @property
    def passes(self) -> bool:
        return self.ratio >= WCAG_AA_TEXT


@functools.lru_cache(maxsize=8)
def custom_property_rules(css: str) -> list[Rule]:
    """Rules that set custom properties, in source order, also inside `@media screen` blocks.

    The stylesheet is parsed by tinycss2. Other at-rules (print, widths) are left out: the
    palette does not depend on them.
    """
    return _rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))


def _rules(nodes) -> list[Rule]:
    rules: list[Rule] = []
    for node in nodes:
        if node.type == "at-rule":
            prelude = "@" + node.at_keyword + tinycss2.serialize(node.prelude).rstrip()
            if node.lower_at_keyword == "media" and node.content is not None and \
                    SCREEN_MEDIA.fullmatch(" ".join(prelude.split())):
                rules.extend(_rules(tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True)))
        elif node.type == "qualified-rule":
            declarations = tuple(
                (d.name, tinycss2.serialize(d.value).strip())
                for d in tinycss2.parse_declaration_list(node.content, skip_comments=True, skip_whitespace=True)
                if d.type == "declaration" and d.name.startswith("--"))
            if declarations:
                selectors = tinycss2.serialize(node.prelude)
                rules.extend(Rule(s.strip(), declarations) for s in selectors.split(","))
    return rules


def selector_match(selector: str, element: str, attributes: dict[str, str]) -> tuple[int, int] | None:
    """(specificity, 0) if the selector selects <html> ("html") or <body> ("body"), else None."""
    position, specificity, matches_root = 0, 0, False
    attributes = attributes if element == "body" else {}  # Material sets them on <body> only
    while position < len(selector):
        simple = _SIMPLE.match(selector, position)
        if simple is None:
            return None  # descendants, classes, pseudo-elements: not the palette
        text = simple.group(0)
        if text in (":root", "html"):
            matches_root = True
            specificity += 10 if text == ":root" else 1
        elif text == "body":
            if element != "body":
                return None
            specificity += 1
        elif text.startswith(":not"):
            if attributes.get(simple.group(1)) == simple.group(2):
                return None
            specificity += 10
        else:
            if attributes.get(simple.group(3)) != simple.group(4):
                return None
            specificity += 10
        position = simple.end()
    if matches_root != (element == "html"):
        return None
    return specificity, 0


def declared_on(rules: list[Rule], element: str, attributes: dict[str, str]) -> dict[str, str]:
    """The custom properties the cascade gives one element: highest specificity, then last."""
    ranked = []
    for order, rule in enumerate(rules):
        match = selector_match(rule.selector, element, attributes)
        if match is not None:
            ranked.append((match[0], order, rule))
    declared: dict[str, str] = {}
    for _, _, rule in sorted(ranked, key=lambda item: (item[0], item[1])):
        declared.update(rule.declarations)
    return declared


def compute(declared: dict[str, str], inherited: dict[str, str]) -> dict[str, str]:
    """Substitute var() as the browser does: with this element's values, else the parent's."""
    computed = dict(inherited)

    def resolve(name: str, seen: frozenset) -> str | None:
        if name not in declared:
            return inherited.get(name)
        if name in seen:
            return None  # a cycle makes the property invalid
        return substitute(declared[name], seen | {name})

    def substitute(value: str, seen: frozenset) -> str | None:
        while True:
            found = _VAR.search(value)
            if found is None:
                return value
            replacement = resolve(found.group(1), seen)
            if replacement is None:
                replacement = found.group(2)
            if replacement is None:
                return None
            value = value[:found.start()] + replacement.strip() + value[found.end():]

    for name in declared:
        value = resolve(name, frozenset())
        if value is None:
            computed.pop(name, None)
        else:
            computed[name] = value
    return computed


def body_variables(css_texts: list[str], attributes: dict[str, str]) -> dict[str, str]:
    """The custom properties on <body> for the palette attributes Material sets there."""
    rules = [rule for css in css_texts for rule in custom_property_rules(css)]
    on_html = compute(declared_on(rules, "html", attributes), {})
    return compute(declared_on(rules, "body", attributes), on_html)


def parse_color(text: str) -> tuple[float, float, float, float]:
    """(r, g, b, alpha) in 0–1 of any CSS colour (coloraide, CSS Color 4); ValueError otherwise."""
    try:
        color = Color(text.strip()).convert("srgb")
    except ValueError:
        raise ValueError(text) from None
    red, green, blue = color.coords(nans=False)
    return red, green, blue, color.alpha(nans=False)


def composite(top: tuple[float, ...], bottom: tuple[float, ...]) -> tuple[float, float, float, float]:
    """`top` painted over an opaque `bottom`, in 8-bit channels as the browser reports them.

    Alpha is rounded to two decimals as getComputedStyle (and so axe-core) has it; near the
    limit this decides: #0000008a on #f5f5f5 is 4.47:1, not 4.52:1.
    """
    alpha = round(top[3], 2)
    return (*(round((alpha * t + (1 - alpha) * b) * 255) / 255 for t, b in zip(top[:3], bottom[:3])), 1.0)


def contrast_ratio(first: tuple[float, ...], second: tuple[float, ...]) -> float:
    """WCAG 2.1 contrast of two opaque colours, computed by coloraide."""
    return Color("srgb", list(first[:3])).contrast(Color("srgb", list(second[:3])), method="wcag21")


def to_hex(color: tuple[float, ...]) -> str:
    return "#" + "".join(f"{round(c * 255):02x}" for c in color[:3])


def theme_contrast(css_texts: list[str], scheme_name: str, attributes: dict[str, str]) -> list[ContrastResult]:
    """Each pair in PAIRS for one colour scheme, on a white page canvas."""
    variables = body_variables(css_texts, attributes)
    results = []
    for label, foreground_name, layers in PAIRS:
        background = (1.0, 1.0, 1.0, 1.0)
        for layer in layers:
            background = composite(parse_color(_value(variables, layer)), background)
        foreground = composite(parse_color(_value(variables, foreground_name)), background)
        results.append(ContrastResult(scheme_name, label, to_hex(foreground), to_hex(background),
                                      contrast_ratio(foreground, background)))
    return results


def _value(variables: dict[str, str], name: str) -> str:
    if name not in variables:
        raise ValueError(f"{name} er ikke satt")
    return variables[name]
