"""Our own advice and proposals keep their mark wherever their text goes.

The sources are the site's authority; what the site adds is marked. Two kinds of marked text:
- our advice (`vart-rad`): a box titled «Vårt råd» (data/sprak: boks_vart_rad), a checklist block
  right under such a box (every item in it), and a template field with the class `.mv-vart-rad`;
- a proposal (`forslag`): a box titled «Et forslag, ikke bestemt» (boks_forslag), a checklist block
  right under it, a template field with `.mv-forslag`, and an årshjul event with `forslag: true`.

Boxes carry their mark in their title. An item or a field gets a mark: on pages a visible
badge and words for screen readers (template partials/mv-merke.html), in Word, Markdown and
calendars the label in brackets, «(Vårt råd)». The steps that write those outputs register
what they mark (`register`), and the checks here stop the build, naming the source's file and
line, when marked text reaches a page or a download without its mark.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from mkdocs.exceptions import PluginError

from ..core.html_tree import classes, elements, shared_tree, text_of
from ..core.languages import load_strings
from .state import OwnAdviceState

ADVICE, PROPOSAL = "vart-rad", "forslag"
KINDS = (ADVICE, PROPOSAL)
FIELD_CLASSES = {"mv-vart-rad": ADVICE, "mv-forslag": PROPOSAL}  # on a template field: { .mv-felt .mv-vart-rad }
MARK_CLASS = "mv-merke"
MARK_TEMPLATE = "partials/mv-merke.html"
# The elements that hold a piece of marked text on a page (the innermost one is checked).
TEXT_HOLDERS = {"li", "p", "label", "td", "th", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6"}
MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
MARKUP = re.compile(r"<[^>]+>|\*\*|__|`|\{[^}]*\}")


class MarkMissing(PluginError):
    pass


@dataclass(frozen=True)
class Marked:
    """A piece of text that is our advice or a proposal, and where it is written."""
    kind: str
    text: str  # as readers see it: no Markdown, spaces collapsed
    where: str  # «docs/…, linje N» or «data/…, linje N»
    # A template field's label is ours in its own template only («Tid:» may be a plain field elsewhere):
    # the page (src_uri) whose page and downloads are checked for it; None: checked everywhere.
    scope: str | None = None


def in_scope(marked_texts: list[Marked], src_uri: str) -> list[Marked]:
    """The marked texts that must carry their mark in this page or its downloads."""
    return [m for m in marked_texts if m.scope is None or m.scope == src_uri]


def key(kind: str) -> str:
    return kind.replace("-", "_")


def label(kind: str, strings: dict) -> str:
    return strings[f"merke_{key(kind)}"]


def box_title(kind: str, strings: dict) -> str:
    return strings[f"boks_{key(kind)}"]


def titles_of(*strings: dict) -> dict[str, str]:
    """Box title -> kind, in the languages of these strings."""
    return {box_title(kind, words): kind for words in strings for kind in KINDS}


_TITLES: dict[int, tuple[object, dict[str, str]]] = {}  # id(build) -> (build, its box titles)


def box_titles(build) -> dict[str, str]:
    """Box title -> kind in this build's language and the default one (a page not yet translated).
    Read once per language build: every page asks."""
    kept = _TITLES.get(id(build))
    if kept is None or kept[0] is not build:
        if len(_TITLES) > 16:
            _TITLES.clear()
        kept = (build, titles_of(load_strings(build.site.root, build.default_locale, build.default_locale), build.strings))
        _TITLES[id(build)] = kept
    return kept[1]


def page_inputs(page, build) -> str:
    """What the written-page check reads besides the page (core/known_good.py): the marked texts
    that must carry their mark on it, and the box titles and marks of this language."""
    return repr((in_scope(build.state(OwnAdviceState).marked, page.file.src_uri), sorted(box_titles(build).items()),
                 sorted((k, v) for k, v in build.strings.items() if k.startswith(("merke_", "boks_")))))


def box_kind(title: str, titles: dict[str, str]) -> str | None:
    """The kind of a box by its title (None for any other box)."""
    return titles.get(" ".join((title or "").split()))


def field_kind(class_names) -> str | None:
    return next((FIELD_CLASSES[name] for name in class_names if name in FIELD_CLASSES), None)


def text_mark(kind: str, strings: dict) -> str:
    """The mark in plain text (Word, Markdown, calendars): «(Vårt råd)»."""
    return f"({label(kind, strings)})"


def html_mark(kind: str, build) -> str:
    """The mark on a page: a visible badge, and words for screen readers."""
    template = build.templates.get_template(MARK_TEMPLATE)
    return template.render(kind=kind, mv=build.strings).strip()


def plain(markdown_text: str) -> str:
    """Text as readers see it: links as their text, no emphasis, tags or attribute lists."""
    return " ".join(MARKUP.sub("", MARKDOWN_LINK.sub(r"\1", markdown_text)).split())


def register(build, kind: str, text: str, where: str, scope: str | None = None) -> None:
    text = plain(text)
    if kind in KINDS and text:
        build.state(OwnAdviceState).marked.append(Marked(kind, text, where, scope))


def missing(marked: Marked, output: str, strings: dict) -> MarkMissing:
    name = label(marked.kind, strings)
    return MarkMissing(
        f"{marked.where}: teksten «{marked.text}» er merket «{name}», men i {output} står den uten merket. "
        f"Skal teksten stå der, må den stå i en boks «{box_title(marked.kind, strings)}» eller i en sjekkliste "
        f"rett under en slik boks. Er det en sjekkliste, en mal eller en kalender som har mistet merket, "
        f"si fra til en utvikler.")


# ---- The checks ----

def unmarked_on_page(tree, marked_texts: list[Marked], titles: dict[str, str]) -> list[Marked]:
    """The marked texts that stand on a page (its <article>) without their mark."""
    article = tree.css_first("article") or tree.root
    if article is None:
        return []
    whole = " ".join(text_of(article).split())
    candidates = [m for m in marked_texts if m.text in whole]
    if not candidates:
        return []
    found = []
    for element in elements(article):
        if element.tag not in TEXT_HOLDERS:
            continue
        text = " ".join(text_of(element).split())
        for marked in candidates:
            if marked.text in text and not _inner_holder_has(element, marked.text) \
                    and not is_marked(element, marked.kind, titles) and marked not in found:
                found.append(marked)
    return found


def _inner_holder_has(element, text: str) -> bool:
    """A holder inside `element` holds the text too (then that one is checked)."""
    for inner in elements(element):
        if inner is not element and inner.mem_id != element.mem_id and inner.tag in TEXT_HOLDERS \
                and text in " ".join(text_of(inner).split()):
            return True
    return False


def is_marked(element, kind: str, titles: dict[str, str]) -> bool:
    """The element has the kind's badge, or stands in a box of that kind."""
    if element.css_first(f".{MARK_CLASS}[data-mv-merke='{kind}']") is not None:
        return True
    node = element.parent
    while node is not None:
        if "admonition" in classes(node) or node.tag == "details":
            title = node.css_first(".admonition-title, summary")
            if title is not None and box_kind(text_of(title), titles) == kind:
                return True
        node = node.parent
    return False


def check_written_page(output: str, page, build) -> str:
    """Step: every marked text on the page as written carries its mark."""
    marked_texts = build.state(OwnAdviceState).marked
    if not marked_texts:
        return output
    tree = shared_tree(build.written_page, output)
    for marked in unmarked_on_page(tree, in_scope(marked_texts, page.file.src_uri), box_titles(build)):
        raise missing(marked, f"siden {page.url or '/'} ({page.file.src_uri})", build.strings)
    return output


def unmarked_in_blocks(blocks: list[tuple[str, str]], marked_texts: list[Marked], strings: dict,
                       titles: dict[str, str]) -> list[Marked]:
    """For text outputs as (box title or "", text) blocks: the marked texts that stand in a block
    that neither holds their mark nor is a box of their kind."""
    found = []
    for title, text in blocks:
        text = " ".join(text.split())
        for marked in marked_texts:
            if marked.text in text and text_mark(marked.kind, strings) not in text \
                    and box_kind(title, titles) != marked.kind and marked not in found:
                found.append(marked)
    return found


def check_blocks(blocks: list[tuple[str, str]], marked_texts: list[Marked], strings: dict,
                 titles: dict[str, str], output: str) -> None:
    """Step helper for downloads and calendars: every marked text in them carries its mark."""
    for marked in unmarked_in_blocks(blocks, marked_texts, strings, titles):
        raise missing(marked, output, strings)
