"""The strict build as editors and CI run it (`python -m medvirkning build`, `make build`).

`mkdocs build --strict` reads mkdocs.yml before any hook is loaded, so its own errors
(a tab in the menu, a broken value) reach the editor in English, and an error nobody
foresaw reaches them as a Python traceback. This runs the same build in-process and
turns every one of those into a plain Norwegian message naming the file and line.
The messages go to stderr; `run` also returns them, for the catalogue of broken edits.
MEDVIRKNING_SITE_URL, when set, is the site's address instead of mkdocs.yml's (a pull request's preview).
"""
from __future__ import annotations

import logging
import os
import re
import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException

from . import build_messages
from .source import where as place_of

_YAML_PLACE = re.compile(r'in "(?P<file>[^"]+)", line (?P<line>\d+), column (?P<column>\d+)')
# MkDocs' closing lines: the messages before them already said what is wrong.
_SUMMARIES = re.compile(r"^Aborted with .*$")
_PAGE_ERROR = re.compile(r"Error (?:reading|building) page '(?P<src>[^']+)':(?P<rest>.*)", re.S)
UNEXPECTED = ("bygget stoppet på en feil vi ikke har en forklaring på ({kind}: {error}). "
              "Sjekk den siste endringen din. Finner du ikke feilen, skriv en kommentar i forslaget, "
              "så hjelper en redaktør deg.")


@dataclass
class Result:
    ok: bool
    messages: list[str] = field(default_factory=list)  # warnings and errors, as the editor reads them
    notes: list[str] = field(default_factory=list)  # our steps' notes (info): an outdated translation …
    config: object = None  # the loaded MkDocsConfig, once mkdocs.yml could be read


class _Collect(logging.Handler):
    prints = False  # build_messages.install_output leaves it as it is: it keeps, the handlers that print show
    def __init__(self, messages: list[str], notes: list[str]):
        super().__init__(logging.INFO)
        self.messages = messages
        self.notes = notes

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if record.levelno < logging.WARNING:
            if record.name.startswith("mkdocs.plugins."):  # our steps' notes, not MkDocs' progress lines
                self.notes.append(message)
            return
        page = _PAGE_ERROR.match(message)
        if page and page.group("rest").startswith("\n"):
            message = page.group("rest").strip()  # our own message follows MkDocs' English line
        elif page and not page.group("rest").strip():
            return  # the message itself was logged on its own
        elif page:
            message = f"docs/{page.group('src')}: siden kunne ikke bygges ({page.group('rest').strip()})."
        if not _SUMMARIES.match(message) and message not in self.messages:  # once, not once per language
            self.messages.append(message)


def config_error(error: Exception, config_file: Path) -> str:
    """A Norwegian message for mkdocs.yml that cannot be read or is not valid."""
    text = str(error)
    place = _YAML_PLACE.search(text)
    where = place_of(config_file.name, place.group('line') if place else None)
    if "'\\t'" in text:
        return f"{where}: linjen har et tabulatortegn. Bruk mellomrom til innrykk (to per nivå), ikke tabulator."
    if isinstance(error, UnicodeDecodeError):
        return f"{where}: filen er ikke lagret som UTF-8. Lagre filen som UTF-8."
    if place:
        return (f"{where}: filen kan ikke leses. Sjekk innrykk, bindestreker og kolon på linjen og den over. "
                "Har en verdi et kolon, sett den i anførselstegn.")
    return f"{where}: {build_messages.translate_config(text)}"


def run(config_file: str | Path = "mkdocs.yml", site_dir: str | Path | None = None, debug: bool = False) -> Result:
    """Build strictly; every problem is a Norwegian message in the result, never an exception.
    With `debug`, the traceback of an error is printed too (for developers, `build --debug`)."""
    config_file = Path(config_file)
    messages: list[str] = []
    notes: list[str] = []
    handler = _Collect(messages, notes)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    level = logger.level
    logger.setLevel(logging.INFO)  # our steps' notes are collected whoever called (tests, serve)
    build_messages.install_config_messages(config_file)
    try:
        try:
            overrides = {"site_url": os.environ["MEDVIRKNING_SITE_URL"]} if os.environ.get("MEDVIRKNING_SITE_URL") else {}
            config = load_config(str(config_file), site_dir=str(site_dir) if site_dir else None, strict=True,
                                 **overrides)
        except (ConfigurationError, yaml.YAMLError, UnicodeDecodeError) as error:
            messages.append(config_error(error, config_file))
            return Result(False, messages, notes)
        except Abort:
            return Result(False, messages, notes)
        try:
            build(config)
        except Abort:
            return Result(False, messages, notes, config)
        except MkDocsException as error:
            show_traceback(error, debug)
            messages.append(str(error))
            return Result(False, messages, notes, config)
        except Exception as error:  # noqa: BLE001 - the one place that turns anything into a message
            show_traceback(error, debug)
            messages.append(UNEXPECTED.format(kind=type(error).__name__, error=error))
            return Result(False, messages, notes, config)
        return Result(not messages, messages, notes, config)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def show_traceback(error: BaseException, debug: bool) -> None:
    if debug:
        traceback.print_exception(error, file=sys.stderr)


def main(config_file: str = "mkdocs.yml", site_dir: str | None = None, debug: bool = False, report=None) -> int:
    """`report(result, config_file)`, if given, tells the result elsewhere too (ci.github)."""
    if not logging.getLogger().handlers and not logging.getLogger("mkdocs").handlers:
        logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stdout)
    build_messages.install_output()  # MkDocs' first lines come before the hooks are loaded
    result = run(config_file, site_dir, debug)
    if report is not None:
        report(result, Path(config_file))
    if result.ok:
        return 0
    print(f"\nBygget stoppet. {len(result.messages)} ting må rettes:", file=sys.stderr)
    for message in result.messages:
        print(f"- {message}", file=sys.stderr)
    return 1
