"""MkDocs' own build warnings, told to editors in plain Norwegian with file and line.

MkDocs reports broken links, missing anchors and menu problems in English without a
line number. A logging filter rewrites those messages (same level, so a strict build
still fails) and finds the line in the source file.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path

# MkDocs' loggers, and the same under ProperDocs, the maintained continuation of MkDocs 1.x.
LOGGERS = tuple(f"{tool}.structure.{part}" for tool in ("mkdocs", "properdocs") for part in ("pages", "nav"))
LINK_HELP = "Lenker skrives til .md-filen, relativt til siden du står på, for eksempel ../veiviser/moter.md#agenda."

_DOC = r"Doc file '(?P<src>[^']+)' contains"
PATTERNS = [
    (re.compile(_DOC + r" a link '(?P<link>[^']+)', but the target(?: '[^']+')? is not found among documentation files\."),
     "lenken «{link}» peker til en side som ikke finnes. Sjekk mappe og filnavn. " + LINK_HELP),
    (re.compile(_DOC + r" a link '(?P<link>[^']+)', but the doc '(?P<target>[^']+)' does not contain an anchor '#(?P<anchor>[^']+)'\."),
     "lenken «{link}» peker til avsnittet #{anchor} på siden {target}, men siden har ikke noe avsnitt med den id-en. "
     "Sjekk id-en i adressefeltet når du står på avsnittet, eller se data/ankere.yml."),
    (re.compile(_DOC + r" a link '(?P<link>[^']+)', but there is no such anchor on this page\."),
     "lenken «{link}» peker til et avsnitt på samme side som ikke finnes. Sjekk id-en til overskriften."),
    (re.compile(_DOC + r" an absolute link '(?P<link>[^']+)', it was left as is\."),
     "lenken «{link}» begynner med /. Bruk en relativ lenke til .md-filen i stedet. " + LINK_HELP),
    (re.compile(_DOC + r" an unrecognized relative link '(?P<link>[^']+)', it was left as is\."),
     "lenken «{link}» peker ikke til en .md-fil. " + LINK_HELP),
    (re.compile(r"A reference to '(?P<link>[^']+)' is included in the 'nav' configuration, which is not found in the documentation files\."),
     "menyen (nav i mkdocs.yml) viser til {link}, men den filen finnes ikke. Rett filnavnet i mkdocs.yml."),
    (re.compile(r"The following pages exist in the docs directory, but are not included in the \"nav\" configuration:\n(?P<pages>.*)", re.S),
     "disse sidene finnes, men står ikke i menyen (nav i mkdocs.yml). Legg dem til der:\n{pages}"),
]
SUGGESTION = re.compile(r" Did you mean '(?P<suggestion>[^']+)'\?$")


def translate(message: str, docs_dir: Path) -> str | None:
    """The Norwegian message for a known MkDocs warning, or None if it is not one we know."""
    suggestion = SUGGESTION.search(message)
    core = SUGGESTION.sub("", message)
    for pattern, template in PATTERNS:
        match = pattern.fullmatch(core)
        if not match:
            continue
        fields = match.groupdict()
        text = template.format(**fields)
        if suggestion:
            text += f" Mente du «{suggestion.group('suggestion')}»?"
        src = fields.get("src")
        if not src:
            return f"mkdocs.yml: {text}"
        line = line_of_link(docs_dir / src, fields.get("link", ""))
        return f"docs/{src}" + (f", linje {line}" if line else "") + f": {text}"
    return None


def line_of_link(path: Path, link: str) -> int | None:
    """The first line of the file that has the link as a Markdown or HTML link target."""
    if not link or not path.exists():
        return None
    needles = (f"]({link}", f"({link})", f'href="{link}"', f"]: {link}")
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if any(needle in line for needle in needles):
            return number
    return None


class NorwegianMessages(logging.Filter):
    def __init__(self, docs_dir: Path):
        super().__init__()
        self.docs_dir = docs_dir

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            translated = translate(record.getMessage(), self.docs_dir)
            if translated:
                record.msg, record.args = translated, ()
        return True


def install(config) -> None:
    """One filter per logger, also when `mkdocs serve` rebuilds."""
    docs_dir = Path(config.docs_dir)
    for name in LOGGERS:
        logger = logging.getLogger(name)
        existing = [f for f in logger.filters if isinstance(f, NorwegianMessages)]
        if existing:
            existing[0].docs_dir = docs_dir
        else:
            logger.addFilter(NorwegianMessages(docs_dir))
