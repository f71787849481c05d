"""Text pasted from Word: what Word changes that Markdown then reads otherwise than the editor meant.

Word turns straight quotes into curly ones, lists into lines that start with «1)», «a)» or «•»,
indents with a tab, and keeps its own colours and alignment as HTML. Markdown reads each of
those differently from what the editor saw: a box line with curly quotes is shown as text, a
box whose text is not indented is empty (and the text after it looks like the sources' words,
not our advice), a tab-indented paragraph becomes a code block, and «1)» lines run together
into one paragraph. Each stops the build, naming the file and line and what to write instead.
(An emoji made of several, joined by an invisible joiner, is not such a case: see anchors/ids.py.)
"""
from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

from ..core.html_tree import elements, shared_tree, text_of
from ..core.source import FENCE, FRONT_MATTER, line_with as line_of

CURLY = "“”„‟‘’‚‛"
BOX_START = re.compile(r"^(?P<indent> *)(?P<mark>!!!|\?\?\?\+?)")
# Python-Markdown's admonition and pymdownx's details, as they read a box's first line.
BOX_LINE = re.compile(r'^ *(?:!!!|\?\?\?\+?) ?[\w-]+(?: +[\w-]+)*(?: +"[^"]*")? *$')
BOX_TITLE = re.compile(r'"(?P<title>[^"]*)"')
FAKE_ITEM = re.compile(r"^\s*(?P<mark>\d{1,2}\)|[a-zA-Z]\)|[•·◦▪●■–—])(?:\s|$)")
CONTAINER = re.compile(r"^(?:[-*+] |\d+\. |!!!|\?\?\?|===|: )")
KEY = re.compile(r"^(?P<key>[^:#\s][^:]*?)\s*:(?:\s|$)")
LEFTOVER_LINK = re.compile(r"\]\[|\] \(|\]\(")
PRESENTATIONAL_ELEMENTS = {"font", "center", "big", "basefont", "marquee", "blink"}
PRESENTATIONAL_ATTRIBUTES = {"color", "bgcolor", "align", "valign", "face"}
_CODE = {"code", "pre", "kbd", "samp"}


class PastedTextError(PluginError):
    pass


def body_lines(source: str):
    """(line number, line, inside a fenced code block) of the page, after its front matter."""
    front = FRONT_MATTER.match(source)
    skip = front.group(0).count("\n") if front else 0
    fenced = False
    for number, line in enumerate(source.splitlines(), start=1):
        if number <= skip:
            continue
        if FENCE.match(line):
            fenced = not fenced
            yield number, line, True
            continue
        yield number, line, fenced


def source_problems(source: str, where: str) -> list[str]:
    """What Markdown would read otherwise than Word showed it, line by line."""
    problems = []
    lines = list(body_lines(source))
    last_block_start = ""  # the first line of the last block that starts at the margin
    previous = ""
    for index, (number, line, fenced) in enumerate(lines):
        if fenced:
            previous = line
            continue
        place = f"{where}, linje {number}"
        box = BOX_START.match(line)
        if box and not BOX_LINE.match(line):
            quotes = any(c in line for c in CURLY)
            problems.append(
                f"{place}: linjen «{line.strip()}» skal starte en boks, men blir vist som vanlig tekst"
                + (", fordi tittelen står i krokete anførselstegn (“ ”), slik Word skriver dem" if quotes else "")
                + ". Skriv typen og tittelen i rette anførselstegn, for eksempel !!! tip \"Vårt råd\".")
        elif box:
            following = next((other for _, other, _ in lines[index + 1:] if other.strip()), "")
            inside = len(box.group("indent")) + 4
            indent = len(following) - len(following.lstrip(" ")) + 4 * (len(following) - len(following.lstrip("\t")))
            if not following or indent < inside:
                title = BOX_TITLE.search(line)
                shown = f"«{title.group('title')}»" if title else f"«{line.strip()}»"
                problems.append(
                    f"{place}: boksen {shown} er tom, fordi teksten under den ikke er rykket inn. Da står teksten "
                    "utenfor boksen, som om den var kildenes tekst. Skriv fire mellomrom foran hver linje som skal "
                    "stå i boksen.")
        item = FAKE_ITEM.match(line)
        if item:
            mark = item.group("mark")
            numbered = mark[0].isdigit() or mark[0].isalpha()
            problems.append(
                f"{place}: linjen begynner med «{mark}», som ser ut som et punkt i en liste, men blir vist som "
                "vanlig tekst i samme avsnitt som linjen over. "
                + ("Skriv en nummerert liste med tall og punktum: «1. », «2. » (Markdown har ikke lister med "
                   "bokstaver eller parentes)" if numbered else "Skriv punktene med bindestrek og mellomrom: «- »")
                + ", med en tom linje over lista.")
        if line.startswith("\t") and not previous.strip() and line.strip() and not CONTAINER.match(last_block_start):
            problems.append(
                f"{place}: avsnittet begynner med et tabulatortegn, så det blir vist som kode (en grå boks med "
                "skrivemaskinskrift). Slett tabulatortegnet. Skal teksten stå i en liste eller en boks, skriv fire "
                "mellomrom foran i stedet.")
        if line.strip() and not line[0].isspace():
            if not previous.strip() or CONTAINER.match(line):
                last_block_start = line
        previous = line
    return problems


def front_matter_problems(source: str, where: str) -> list[str]:
    """Curly quotes around a field's name or value, as Word writes them."""
    front = FRONT_MATTER.match(source)
    if not front:
        return []
    problems = []
    for number, line in enumerate((front.group(1) or "").splitlines(), start=2):
        key = KEY.match(line)
        name = key.group("key") if key else line.split(":", 1)[0]
        value = line.split(":", 1)[1].strip() if ":" in line else ""
        if any(c in name for c in CURLY):
            plain = name.strip(CURLY + " ")
            problems.append(
                f"{where}, linje {number}: navnet «{name}» har krokete anførselstegn, slik Word skriver dem. Skriv "
                f"navnet uten anførselstegn: «{plain}: …».")
        elif len(value) > 1 and value[0] in CURLY and value[-1] in CURLY:
            problems.append(
                f"{where}, linje {number}: verdien står i krokete anførselstegn (“ ”), slik Word skriver dem. Da kan "
                "metadata ikke leses, eller anførselstegnene blir vist som en del av teksten. Skriv rette anførselstegn (\" \") rundt verdien, eller ingen.")
    return problems


def content_problems(tree, source: str, where: str) -> list[str]:
    """In the page as Markdown made it: leftover link syntax, Word's own HTML, headings without words."""
    problems = []
    for element in elements(tree):
        name = element.tag
        if name in PRESENTATIONAL_ELEMENTS or PRESENTATIONAL_ATTRIBUTES & set(element.attributes):
            what = f"<{name}>" if name in PRESENTATIONAL_ELEMENTS else \
                f"{sorted(PRESENTATIONAL_ATTRIBUTES & set(element.attributes))[0]}= på <{name}>"
            needle = f"<{name}" if name in PRESENTATIONAL_ELEMENTS else what.split("=")[0] + "="
            line = line_of(source.lower(), needle)
            problems.append(
                f"{where}" + (f", linje {line}" if line else "") + f": siden har {what}, som Word bruker til farge, "
                "skrift og plassering. Nettstedet bestemmer utseendet selv, og skjermlesere hopper over det. Ta det "
                "bort og behold teksten. Skal noe fremheves, bruk **fet** eller en boks.")
        elif name in ("h1", "h2", "h3", "h4", "h5", "h6"):
            text = text_of(element, lambda node: "headerlink" in (node.attributes.get("class") or ""))
            if text.strip() and not any(c.isalnum() for c in text):
                line = line_of(source, "#", text.strip()[:10])
                problems.append(
                    f"{where}" + (f", linje {line}" if line else "") + f": overskriften «{text.strip()}» har ingen "
                    "bokstaver eller tall, så skjermlesere leser den som ingenting, og den sier ikke hva avsnittet "
                    "handler om. Skriv hva avsnittet handler om, eller ta bort #-tegnene hvis det ikke er en "
                    "overskrift.")
    for node in (tree.root.traverse(include_text=True) if tree.root is not None else ()):
        if not node.is_text_node or not LEFTOVER_LINK.search(node.text_content or ""):
            continue
        parent = node.parent
        if parent is not None and (parent.tag in _CODE or (parent.parent is not None and parent.parent.tag in _CODE)):
            continue
        leftover = LEFTOVER_LINK.search(node.text_content).group(0)
        line = line_of(source, leftover)
        problems.append(
            f"{where}" + (f", linje {line}" if line else "") + f": det står «{leftover}» i teksten, en rest av en "
            "lenke som ikke ble en lenke. Skriv lenken slik: [tekst](adresse), uten mellomrom mellom ] og (, og "
            "med adressen i runde parenteser.")
    return problems


# ---- Steps of the build (medvirkning.pipeline calls them in order) ----

def check_front_matter(markdown: str, page, build) -> str:
    """Before the front matter is read: curly quotes there give a message of their own."""
    if page.file.generated_by is None and page.file.abs_src_path:
        problems = front_matter_problems(page.file.content_string, f"docs/{page.file.src_uri}")
        if problems:
            raise PastedTextError("\n".join(problems))
    return markdown


def check_source(markdown: str, page, build) -> str:
    if page.file.generated_by is None and page.file.abs_src_path:
        problems = source_problems(page.file.content_string, f"docs/{page.file.src_uri}")
        if problems:
            raise PastedTextError("\n".join(problems))
    return markdown


def check_content(html: str, page, build) -> str:
    if page.file.generated_by is None:
        problems = content_problems(shared_tree(build.content, html), page.file.content_string,
                                    f"docs/{page.file.src_uri}")
        if problems:
            raise PastedTextError("\n".join(problems))
    return html
