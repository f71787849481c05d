"""Section ids that stay put: every heading of a page gets its own readable id.

Python-Markdown gives a repeated id a suffix (_1, _2) and a heading without letters the id
_1: the first heading with a text takes over an id that links in e-mails already point to.
Two explicit {#id} that are the same give two identical ids. Each of these stops the build,
naming both places. An invisible character (a zero-width space pasted with the text) changes
an id without any visible change, so it is named as such, wherever it stands.
"""
from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

from ..core.slugs import heading_id
from ..core.source import HEADING, headings, where as place_of

SUFFIXED = re.compile(r"^(?P<base>.*)_(?P<number>\d+)$")
READABLE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
INVISIBLE = {"\u200b": "nullbreddemellomrom", "\u200c": "nullbredde-ikkeskjøter", "\u200d": "nullbreddeskjøter",
             "\u2060": "ordskjøter", "\ufeff": "byte order mark", "\u00ad": "myk bindestrek",
             "\u200e": "retningsmerke", "\u200f": "retningsmerke"}
# Every format character (Unicode category Cf) of Python's Unicode 14 tables, INVISIBLE among them; one
# regex instead of asking unicodedata about each character (tests/test_invisible_characters.py checks the two agree).
INVISIBLE_CHARACTER = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]")

# The invisible characters that belong to an emoji: a joiner between two pictographs (👩‍💻, each
# perhaps with a skin tone or U+FE0F) and the tag letters of a flag (🏴󠁧󠁢󠁳󠁣󠁴󠁿). They change no id.
_PICTOGRAPH = ("[\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u21aa\u231a-\u23ff\u24c2\u25aa-\u27bf\u2934\u2935"
               "\u2b05-\u2b55\u3030\u303d\u3297\u3299\U0001f000-\U0001faff][\ufe0f\U0001f3fb-\U0001f3ff]*")
EMOJI_SEQUENCE = re.compile(f"{_PICTOGRAPH}(?:\u200d{_PICTOGRAPH})+|\U0001f3f4[\U000e0020-\U000e007e]+\U000e007f")


class IdError(PluginError):
    pass


def heading_lines(source: str) -> dict[str, list[int]]:
    """The id each heading line of the source asks for (its {#id} or its slug) -> line numbers."""
    found: dict[str, list[int]] = {}
    for number, _, text in headings(source):
        found.setdefault(heading_id(text), []).append(number)
    return found


def id_problems(ids: list[str], source: str, where: str) -> list[str]:
    """Plain messages for repeated ids, ids Markdown had to number, and ids that are not words."""
    lines = heading_lines(source)

    def place(anchor: str) -> str:
        found = lines.get(anchor, [])
        if not found:
            return where
        return place_of(where, " og ".join(map(str, found[:2])))

    problems = []
    seen = set()
    for anchor in ids:
        suffixed = SUFFIXED.match(anchor)
        base = suffixed.group("base") if suffixed else None
        if anchor in seen:
            problems.append(
                f"{place(anchor)}: to overskrifter har samme id «{anchor}», så lenker til #{anchor} kan åpne feil "
                "avsnitt. Gi den ene en annen id sist på linjen, for eksempel {#" + anchor + "-2}.")
        elif suffixed and (base == "" or base not in ids) and not lines.get(anchor):
            problems.append(
                f"{place('')}: en overskrift uten bokstaver eller tall får id-en «{anchor}», som ikke sier noe. "
                "Skriv ord i overskriften, eller gi den en id sist på linjen, for eksempel {#sporsmal}.")
        elif suffixed and base in ids and not lines.get(anchor):
            problems.append(
                f"{place(base)}: to overskrifter får samme id «{base}». Den øverste tar id-en, og den andre får "
                f"«{anchor}», så lenker til #{base} kan åpne feil avsnitt. Behold id-en på den gamle overskriften "
                "og gi den nye en egen id sist på linjen, for eksempel {#" + base + "-ny}, eller skriv en annen "
                "overskrift.")
        elif not READABLE.match(anchor) and not suffixed:
            problems.append(
                f"{place(anchor)}: id-en «{anchor}» skal bare ha små bokstaver a–z, tall og bindestrek, "
                "for eksempel {#etter-motet}.")
        seen.add(anchor)
    return problems


def invisible_characters(source: str, where: str) -> list[str]:
    """A message per line with a character readers cannot see."""
    problems = []
    if not INVISIBLE_CHARACTER.search(source):
        return problems
    for number, line in enumerate(source.splitlines(), start=1):
        chars = INVISIBLE_CHARACTER.findall(EMOJI_SEQUENCE.sub("", line))
        if number == 1 and line.startswith("\ufeff"):
            chars = chars[1:]  # a byte order mark first in the file is harmless
        if chars:
            char = chars[0]
            name = INVISIBLE.get(char, "usynlig tegn")
            in_heading = " i overskriften, så id-en og adressen til avsnittet endres" if HEADING.match(line) else ""
            problems.append(
                f"{place_of(where, number)}: det står et usynlig tegn ({name}, U+{ord(char):04X}){in_heading}. "
                "Du ser det ikke, men det er der. Slett ordet rundt det og skriv det på nytt.")
    return problems


# ---- Steps of the build (medvirkning.pipeline calls them in order) ----

def check_invisible(markdown: str, page, build) -> str:
    if page.file.generated_by is None:
        problems = invisible_characters(page.file.content_string, f"docs/{page.file.src_uri}")
        if problems:
            raise IdError("\n".join(problems))
    return markdown


def check_ids(html: str, page, build) -> str:
    """After Markdown: the page's heading ids (page.toc) are unique and readable."""
    if page.file.generated_by is not None:
        return html
    ids = []

    def walk(items):
        for item in items:
            ids.append(item.id)
            walk(item.children)

    walk(page.toc)
    problems = id_problems(ids, page.file.content_string, f"docs/{page.file.src_uri}")
    if problems:
        raise IdError("\n".join(problems))
    return html
