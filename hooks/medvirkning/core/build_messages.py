"""MkDocs' own build warnings, told to editors in plain Norwegian with file and line.

MkDocs reports broken links, missing anchors and menu problems in English without a
line number. A logging filter rewrites those messages (same level, so a strict build
still fails) and finds the line in the source file.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path

from .source import docs_path, line_with, line_with_any, where

# MkDocs' loggers, and the same under ProperDocs, the maintained continuation of MkDocs 1.x.
LOGGERS = tuple(f"{tool}.structure.{part}" for tool in ("mkdocs", "properdocs") for part in ("pages", "nav"))
# Read before any hook runs (mkdocs.yml itself) and mkdocs-redirects' own messages.
CONFIG_LOGGERS = tuple(f"{tool}.{part}" for tool in ("mkdocs", "properdocs") for part in ("config", "plugin.redirects"))
LINK_HELP = "Lenker skrives til .md-filen, relativt til siden du står på, for eksempel ../veiviser/moter.md#innkallingen."

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
# Messages about mkdocs.yml: (pattern, Norwegian, the text whose line in mkdocs.yml is named).
CONFIG_PATTERNS = [
    (re.compile(r"redirects plugin: '(?P<name>[^']+)' is not a valid markdown file!"),
     "videresendingen fra «{name}» (redirects → redirect_maps) må gå fra en .md-fil, for eksempel "
     "veiviser/gammel.md: veiviser/ny.md."),
    (re.compile(r"Redirect target '(?P<name>[^']+)' does not exist!"),
     "videresendingen (redirects → redirect_maps) går til «{name}», men den siden finnes ikke. "
     "Skriv filnavnet til siden slik den heter nå, relativt til docs/, for eksempel veiviser/ny.md."),
    (re.compile(r"Config value '(?P<name>[^']+)': (?P<error>.*)", re.S),
     "innstillingen «{name}» er ikke gyldig ({error}). Sjekk stavemåte og innrykk, og sammenlign med "
     "linjene rundt."),
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
        return f"{where(docs_path(src), line)}: {text}"
    return None


def line_of_link(path: Path, link: str) -> int | None:
    """The first line of the file that has the link as a Markdown or HTML link target."""
    if not link or not path.exists():
        return None
    return line_with_any(path.read_text(encoding="utf-8"), (f"]({link}", f"({link})", f'href="{link}"', f"]: {link}"))


def line_in_file(path: Path, text: str) -> int | None:
    """The first line of a file that holds `text`."""
    try:
        return line_with(path.read_text(encoding="utf-8"), text)
    except (OSError, UnicodeDecodeError):
        return None


def translate_config(message: str, config_file: Path | None = None) -> str:
    """A message about mkdocs.yml in Norwegian, with the line where the name stands."""
    for pattern, template in CONFIG_PATTERNS:
        match = pattern.fullmatch(message.strip())
        if match:
            name = config_file.name if config_file else "mkdocs.yml"
            line = line_in_file(config_file, match.group("name")) if config_file else None
            return f"{where(name, line)}: " + template.format(**match.groupdict())
    return message


class NorwegianConfigMessages(logging.Filter):
    def __init__(self, config_file: Path):
        super().__init__()
        self.config_file = config_file

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            message = record.getMessage()
            translated = translate_config(message, self.config_file)
            if translated != message:
                record.msg, record.args = translated, ()
        return True


def install_config_messages(config_file: Path) -> None:
    """Before mkdocs.yml is read: its own messages and mkdocs-redirects', in Norwegian."""
    for name in CONFIG_LOGGERS:
        logger = logging.getLogger(name)
        for existing in [f for f in logger.filters if isinstance(f, NorwegianConfigMessages)]:
            logger.removeFilter(existing)
        logger.addFilter(NorwegianConfigMessages(Path(config_file)))


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
    install_config_messages(Path(config.config_file_path))
    docs_dir = Path(config.docs_dir)
    for name in LOGGERS:
        logger = logging.getLogger(name)
        existing = [f for f in logger.filters if isinstance(f, NorwegianMessages)]
        if existing:
            existing[0].docs_dir = docs_dir
        else:
            logger.addFilter(NorwegianMessages(docs_dir))


# ---- What the build prints: MkDocs' progress lines in Norwegian, and each message once ----

# (pattern, Norwegian text or None to leave the line out: it says nothing an editor can act on).
PROGRESS = [
    (re.compile(r"mkdocs_static_i18n: Building '(?P<locale>[^']+)' documentation to directory: (?P<dir>.*)"),
     "Bygger språket {locale} i {dir}."),
    (re.compile(r"mkdocs_static_i18n: Language '[^']+' is not supported by lunr\.js.*", re.S), None),
    (re.compile(r"mkdocs_static_i18n: Adding '[^']+' to the '[^']+' plugin 'lang' option"), None),
    (re.compile(r"Cleaning site directory"), None),
    (re.compile(r"Building documentation to directory: (?P<dir>.*)"), "Bygger nettstedet i {dir}."),
    (re.compile(r"Documentation built in (?P<seconds>[\d.]+) seconds"), "Nettstedet er bygget på {seconds} sekunder."),
    (re.compile(r"Aborted with \d+ warnings? in strict mode!"), None),  # the messages above say what to fix
    (re.compile(r"Aborted with a BuildError!"), None),
    (re.compile(r"Error (?:reading|building) page '[^']+':"), None),  # our own message is logged on its own
    (re.compile(r"Error (?:reading|building) page '[^']+':\n(?P<rest>.+)", re.S), "{rest}"),
    (re.compile(r"Error (?:reading|building) page '(?P<src>[^']+)': (?P<rest>.+)", re.S),
     "docs/{src}: siden kunne ikke bygges ({rest}). Sjekk den siste endringen på siden."),
    (re.compile(r"Building documentation\.\.\."), "Bygger nettstedet …"),
    (re.compile(r"Serving on (?P<url>\S+)"), "Forhåndsvisningen er på {url}"),
    (re.compile(r"Watching paths for changes: (?P<paths>.*)"), "Følger med på endringer i {paths}."),
    (re.compile(r"Start watching changes"), None),
    (re.compile(r"Start detecting changes"), None),
    (re.compile(r"Detected file changes"), "Filer er endret: bygger på nytt."),
    (re.compile(r"Reloading browsers"), None),
]


def plain_progress(message: str) -> str | None:
    """A progress line of MkDocs or mkdocs-static-i18n in Norwegian; None to leave it out; the
    message itself when it is not one of them."""
    for pattern, template in PROGRESS:
        match = pattern.fullmatch(message)
        if match:
            return None if template is None else template.format(**match.groupdict())
    return message


class EditorOutput(logging.Filter):
    """On the handlers that print: MkDocs' English progress lines in Norwegian (or left out), and a
    message the build has printed already (each language's build checks the same bokmål
    fallback pages again) not printed again."""

    def __init__(self):
        super().__init__()
        self.seen: set[tuple[int, str]] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        plain = plain_progress(message)
        if plain is None:
            return False
        if plain != message:
            record.msg, record.args = plain, ()
        key = (record.levelno, plain)
        if key in self.seen:
            return False
        self.seen.add(key)
        return True


def install_output(loggers=("mkdocs", "properdocs", "")) -> None:
    """On every handler that prints (not MkDocs' counter of warnings, which strict mode reads):
    one EditorOutput each, emptied for a new build (also a rebuild under `mkdocs serve`)."""
    for name in loggers:
        for handler in logging.getLogger(name).handlers:
            if isinstance(handler, logging.NullHandler) or not getattr(handler, "prints", True):
                continue  # mkdocs.utils.CountHandler, and strict_build's collector (it keeps every note)
            existing = [f for f in handler.filters if isinstance(f, EditorOutput)]
            if existing:
                existing[0].seen.clear()
            else:
                handler.addFilter(EditorOutput())
