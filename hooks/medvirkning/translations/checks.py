"""Translations held to their bokmål page, in the build: file names, section ids and shared text.

A translation is `side.nn.md` beside `side.md`. Links in e-mails point to a section id on every
language's page, so each translation must have exactly the section ids of its bokmål page. The
checks read the files in docs/ once per build, before mkdocs-static-i18n sorts them (it would
stop on `side.nb.md` with an English message, and publish `side.NN.md` as a page of its own).
"""
from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

from ..anchors.ids import INVISIBLE_CHARACTER
from ..core import cache
from ..core.source import ATTRIBUTES, FENCE, HEADING, INCLUDE
from ..core.slugs import heading_id

# «side.nn.md», «side.NN.md», «side.nb_NO.md»: a dot and two or three letters before .md.
LANGUAGE_SUFFIX = re.compile(r"^(?P<stem>[^.]+)\.(?P<code>[A-Za-z]{2,3}(?:[_-][A-Za-z]{2})?)\.md$")


class TranslationError(PluginError):
    pass


@dataclass(frozen=True)
class Heading:
    anchor: str
    title: str
    where: str  # docs/… of the file the heading line is in (the page, or a text it includes)
    line: int


def language_names(config) -> dict[str, str]:
    """locale -> its name in mkdocs.yml (i18n's `name:`)."""
    i18n = config.plugins.get("i18n")
    return {} if i18n is None else {lang.locale: lang.name for lang in i18n.config.languages}


def file_problems(docs_dir: Path, default: str, locales: list[str], names: dict[str, str]) -> list[str]:
    """Files whose language code the site does not have, and translations without a bokmål page."""
    others = [locale for locale in locales if locale != default]
    codes = " og ".join(f"{code} ({names[code]})" if code in names else code for code in others)
    problems = []
    for path in sorted(docs_dir.rglob("*.md")):
        relative = path.relative_to(docs_dir).as_posix()
        match = LANGUAGE_SUFFIX.match(path.name)
        if not match or relative.startswith("_includes/"):  # shared texts are named in full where used
            continue
        code, stem = match.group("code"), match.group("stem")
        source = path.with_name(f"{stem}.md")
        shown_source = f"docs/{source.relative_to(docs_dir).as_posix()}"
        choices = " eller ".join(f"{stem}.{other}.md" for other in others)
        if code == default:
            problems.append(
                f"docs/{relative}: bokmål har ingen språkkode i filnavnet. Bokmålssiden heter {shown_source}"
                + (", og den finnes allerede. Er filen en oversettelse, gi den navnet " + choices
                   + ". Er den en kopi, slett den." if source.exists() else f". Gi filen navnet {stem}.md."))
        elif code not in others:
            problems.append(
                f"docs/{relative}: «{code}» er ikke en språkkode nettstedet har. Kodene er {codes}, med små "
                f"bokstaver; bokmål har ingen kode. Gi filen navnet {choices}.")
        elif not source.exists():
            problems.append(
                f"docs/{relative}: oversettelsen har ingen bokmålsside ({shown_source} finnes ikke). En side skrives "
                f"først på bokmål, og oversettelsen heter som bokmålssiden, med .{code}.md sist. Har bokmålssiden "
                "fått et nytt navn, gi oversettelsen det samme navnet. Skal siden bort, slett oversettelsen også.")
    return problems


def headings(path: Path, docs_dir: Path, chain: tuple[Path, ...] = ()) -> list[Heading]:
    """The headings of a page as readers get it: its own and those of the texts it includes."""
    relative = os.path.normpath(path.relative_to(docs_dir).as_posix())
    where = relative[3:] if relative.startswith("../") else f"docs/{relative}"  # {!../CONTRIBUTING.md!}
    found = []
    for number, anchor, title, include in own_lines(path):
        if include is None:
            found.append(Heading(anchor, title, where, number))
            continue
        target = docs_dir / include
        if target.is_file() and target not in chain:  # includes.check_pages names the others
            found.extend(headings(target, docs_dir, (*chain, path)))
    return found


_OWN = cache.Kept()


def own_lines(path: Path) -> list[tuple[int, str, str, str | None]]:
    """A file's own headings (line, id, title, None) and includes (line, "", "", the included path),
    in order; kept for the process by the file's text (`mkdocs serve` rebuilds after each save)."""
    text = path.read_text(encoding="utf-8")

    def scan() -> list[tuple[int, str, str, str | None]]:
        found: list[tuple[int, str, str, str | None]] = []
        fenced = False
        for number, line in enumerate(text.splitlines(), start=1):
            if FENCE.match(line):
                fenced = not fenced
                continue
            if fenced:
                continue
            heading = HEADING.match(INVISIBLE_CHARACTER.sub("", line))  # ids.check_invisible names those
            if heading:
                title = ATTRIBUTES.sub("", heading.group(2))
                found.append((number, heading_id(heading.group(2)), title, None))
            found.extend((number, "", "", include.group(1)) for include in INCLUDE.finditer(line))
        return found

    return _OWN.get((str(path), text), scan)


def id_problems(source: list[Heading], translation: list[Heading], translation_name: str,
                translation_lines: int) -> list[str]:
    """The sections whose ids differ from bokmål, each naming both places and the id to write."""
    # The page title's id may differ: it is the page's address, not a section's.
    source, translation = source[1:], translation[1:]
    problems = []
    matcher = difflib.SequenceMatcher(a=[h.anchor for h in source], b=[h.anchor for h in translation],
                                      autojunk=False)
    for kind, a1, a2, b1, b2 in matcher.get_opcodes():
        if kind == "equal":
            continue
        paired = min(a2 - a1, b2 - b1) if kind == "replace" else 0
        for bokmal, translated in zip(source[a1:a1 + paired], translation[b1:b1 + paired]):
            problems.append(
                f"{translated.where}, linje {translated.line}: overskriften «{translated.title}» har id-en "
                f"«{translated.anchor}», men avsnittet har id-en «{bokmal.anchor}» på bokmål ({bokmal.where}, "
                f"linje {bokmal.line}). Skriv id-en sist på linjen: {{#{bokmal.anchor}}}.")
        for bokmal in source[a1 + paired:a2]:
            after = translation[b1 + paired] if b1 + paired < len(translation) else None
            line = after.line if after and after.where == translation_name else translation_lines
            problems.append(
                f"{translation_name}, linje {line}: avsnittet «{bokmal.title}» (id «{bokmal.anchor}», "
                f"{bokmal.where}, linje {bokmal.line}) mangler i oversettelsen. Oversett avsnittet og skriv "
                f"{{#{bokmal.anchor}}} sist på overskriften.")
        for translated in translation[b1 + paired:b2]:
            problems.append(
                f"{translated.where}, linje {translated.line}: avsnittet «{translated.title}» (id "
                f"«{translated.anchor}») finnes ikke på bokmålssiden. Skriv avsnittet på bokmål først, eller gi "
                "overskriften id-en til avsnittet den oversetter, med {#id} sist på linjen.")
    return problems


def include_problems(path: Path, docs_dir: Path, locale: str, others: list[str]) -> list[str]:
    """A translation that includes the bokmål shared text (or another language's) where a
    translated one exists."""
    problems = []
    name = f"docs/{path.relative_to(docs_dir).as_posix()}"
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        for include in INCLUDE.finditer(line):
            target = include.group(1)
            match = LANGUAGE_SUFFIX.match(Path(target).name)
            code = match.group("code") if match and match.group("code") in others else None
            if code == locale:
                continue
            stem = target[: -len(f".{code}.md")] if code else target[:-3]
            own = f"{stem}.{locale}.md"
            if (docs_dir / own).is_file():
                problems.append(
                    f"{name}, linje {number}: siden setter inn {'bokmålsteksten' if code is None else 'teksten'} "
                    f"docs/{target}, men teksten finnes på dette språket. Skriv {{!{own}!}} i stedet.")
    return problems


def translation_problems(docs_dir: Path, default: str, locales: list[str]) -> list[str]:
    """Every translation's section ids against its bokmål page, and its shared texts."""
    others = [locale for locale in locales if locale != default]
    problems = []
    for path in sorted(docs_dir.rglob("*.md")):
        match = LANGUAGE_SUFFIX.match(path.name)
        if not match or match.group("code") not in others:
            continue
        source = path.with_name(f"{match.group('stem')}.md")
        if not source.exists():
            continue
        problems.extend(include_problems(path, docs_dir, match.group("code"), others))
        if path.relative_to(docs_dir).parts[0] == "_includes":
            continue  # a shared text is checked in the pages that include it
        name = f"docs/{path.relative_to(docs_dir).as_posix()}"
        lines = len(path.read_text(encoding="utf-8").splitlines())
        problems.extend(id_problems(headings(source, docs_dir), headings(path, docs_dir), name, lines))
    return problems


def check(config, default: str, locales: list[str]) -> None:  # noqa: ARG001 - the pipeline's signature
    """Stop the build on every problem at once: the files' names first, then their sections."""
    names = language_names(config)
    if not names:  # one language, no translations
        return
    from ..core.data_schemas import site_languages  # noqa: PLC0415 - one definition of the site's languages
    root = Path(config.config_file_path).parent
    configured = site_languages(root, [default, *(locale for locale in names if locale != default)])
    docs_dir = Path(config.docs_dir)
    problems = file_problems(docs_dir, default, configured, names)
    if not problems:
        problems = translation_problems(docs_dir, default, configured)
    if problems:
        raise TranslationError("\n".join(problems))
