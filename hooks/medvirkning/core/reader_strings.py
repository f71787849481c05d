"""The words readers see (data/sprak/<locale>.yml), checked when they are loaded.

- Every key the templates (overrides/) and the code ask for by name is in bokmål (nb.yml), and a
  key asked for that is missing stops the build naming nb.yml and the key (ReaderStrings), so a
  missing word never renders as nothing.
- nn.yml and en.yml use only keys bokmål has: a misspelt key would never be shown.
- Each text has the placeholders of bokmål ({tittel}), and its braces balance.
- A text missing in nn or en falls back to bokmål: the build notes it, and the page marks it
  lang="nb" where it stands alone in an element or a label (mark_fallbacks).
"""
from __future__ import annotations

import difflib
import html
import re
import string
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from .data_files import decode, load_checked_text

log = get_plugin_logger("tekster")

STRINGS_FOLDER = "data/sprak"
# `mv.key` and `mv["key"]` in a template; `strings[…]` with a quoted key in the code (keys built at run time,
# such as `mv["tema_" ~ scheme] | default(…)`, are left to ReaderStrings).
TEMPLATE_KEY = re.compile(r"\bmv(?:\.(\w+)|\[(['\"])(\w+)\2\])")
CODE_KEY = re.compile(r"\bstrings\[(['\"])(\w+)\1\]")
HOOKS = Path(__file__).resolve().parents[1]  # the medvirkning package, every room of it


class MissingString(PluginError, KeyError):
    """A key the build asks for that bokmål does not have (a KeyError too, so that a template's
    `mv["…" ~ x] | default(…)` still works)."""


class ReaderStrings(dict):
    """A language's words; `fallbacks` are the keys shown in bokmål because this language lacks them."""

    def __init__(self, words: dict, fallbacks: frozenset = frozenset(), default: str = "nb"):
        super().__init__(words)
        self.fallbacks = fallbacks
        self.default = default

    _asked_by_item = None  # the key `mv[…]` just missed (Jinja then asks for an attribute)

    def __missing__(self, key):
        caller = sys._getframe(1).f_code  # Jinja's Environment.getitem (`mv[…]`) asks for the attribute next
        if caller.co_name == "getitem" and "jinja2" in caller.co_filename:
            self._asked_by_item = key
        raise MissingString(missing_message(key, self.default))

    def __getattr__(self, key):
        """Jinja's `mv.key` asks for an attribute first: a missing one stops the build. After a
        missed `mv[…]`, Jinja asks for the attribute too: that one may be undefined (`| default`)."""
        if key.startswith("_") or key == self._asked_by_item:
            self._asked_by_item = None
            raise AttributeError(key)
        if key in self:
            return self[key]
        raise MissingString(missing_message(key, self.default))


def missing_message(key: str, default: str, used_in: str = "") -> str:
    return (f"{STRINGS_FOLDER}/{default}.yml: teksten «{key}» mangler{used_in}, så leserne ville fått et tomt felt. "
            f"Legg den til i {STRINGS_FOLDER}/{default}.yml, og skriv den på de andre språkene i samme mappe.")


def placeholders(text: str) -> set[str] | None:
    """The {names} of a text, or None when its braces do not balance."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return None


def read(path: Path) -> tuple[dict, dict]:
    name = f"{STRINGS_FOLDER}/{path.name}"
    data, lines = load_checked_text(decode(path.read_bytes(), name), name)
    return (data if isinstance(data, dict) else {}), lines


def used_keys(overrides: Path | None, hooks: Path = HOOKS) -> dict[str, str]:
    """key -> «file, linje N» of its first use, in the templates and the code."""
    found: dict[str, str] = {}
    sources = [(p, TEMPLATE_KEY, 3) for p in sorted(overrides.rglob("*.html"))] if overrides else []
    sources += [(p, CODE_KEY, 2) for p in sorted(hooks.rglob("*.py"))]
    for path, pattern, _ in sources:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for match in pattern.finditer(line):
                key = match.group(1) if pattern is TEMPLATE_KEY and match.group(1) else match.groups()[-1]
                where = path.relative_to(hooks.parent if path.is_relative_to(hooks) else overrides.parent)
                found.setdefault(key, f"{where.as_posix()}, linje {number}")
    return found


def problems(root: Path, default: str, locales: list[str], overrides: Path | None) -> list[str]:
    """Every problem of the strings files, each naming the file, the key and the line."""
    folder = root / STRINGS_FOLDER
    base_path = folder / f"{default}.yml"
    if not base_path.exists():
        return [f"{STRINGS_FOLDER}/{default}.yml: filen med ordene leserne ser, mangler. Lag den."]
    base, base_lines = read(base_path)
    used = used_keys(overrides)
    found = [missing_message(key, default, f" (den brukes i {where})") for key, where in used.items() if key not in base]
    base_fields = {}
    for key, value in base.items():
        if isinstance(value, str):
            base_fields[key] = placeholders(value)
            if base_fields[key] is None:
                found.append(braces_message(f"{STRINGS_FOLDER}/{default}.yml", base_lines.get((key,)), key))
    for locale in locales:
        path = folder / f"{locale}.yml"
        if locale == default or not path.exists():
            continue
        own, lines = read(path)
        name = f"{STRINGS_FOLDER}/{locale}.yml"
        for key, value in own.items():
            where = f"{name}, linje {lines.get((key,), 1)}"
            if key not in base and key in used:
                continue  # missing in bokmål: named above
            if key not in base:
                close = difflib.get_close_matches(key, list(base), n=1, cutoff=0.6)
                found.append(f"{where}: teksten «{key}» finnes ikke i {STRINGS_FOLDER}/{default}.yml, så den blir aldri "
                             "vist." + (f" Mente du «{close[0]}»?" if close else " Bruk nøkkelen fra bokmålsfilen.")
                             + " Nøkkelen (før kolon) er den samme på alle språk; bare teksten etter kolon oversettes.")
                continue
            if not isinstance(value, str) or base_fields.get(key) is None:
                continue
            fields = placeholders(value)
            if fields is None:
                found.append(braces_message(name, lines.get((key,)), key))
            elif fields != base_fields[key]:
                wanted = ", ".join(f"{{{f}}}" for f in sorted(base_fields[key])) or "ingen"
                has = ", ".join(f"{{{f}}}" for f in sorted(fields)) or "ingen"
                found.append(f"{where}: teksten «{key}» har plassholderne {has}, men bokmål har {wanted}. Skriv de "
                             "samme plassholderne som på bokmål: ordet mellom klammene oversettes ikke.")
    return found


def braces_message(name: str, line: int | None, key: str) -> str:
    return (f"{name}, linje {line or 1}: klammene {{ }} i teksten «{key}» går ikke opp. En plassholder skrives "
            "med begge klammene, for eksempel {tittel}; ta bort en klamme som står alene.")


def check(config, default: str, locales: list[str]) -> None:
    """Once per build, before any language uses its words."""
    from .data_schemas import site_languages  # noqa: PLC0415 - one definition of the site's languages
    root = Path(config.config_file_path).parent
    locales = site_languages(root, locales)
    custom = config.theme.custom_dir
    found = problems(root, default, locales, Path(custom) if custom else None)
    if found:
        raise PluginError("\n".join(found))


def load(root: Path, locale: str, default: str, read_yaml) -> ReaderStrings:
    """The words of `locale`, bokmål's where it has none (noted, and marked on the pages)."""
    base = read_yaml(root / STRINGS_FOLDER / f"{default}.yml", {})
    own = read_yaml(root / STRINGS_FOLDER / f"{locale}.yml", {}) if locale != default else {}
    fallbacks = frozenset(key for key, value in base.items() if key not in own and isinstance(value, str)
                          and value.strip()) if locale != default else frozenset()
    return ReaderStrings({**base, **own}, fallbacks, default)


def note_fallbacks(strings: ReaderStrings, locale: str) -> None:
    if strings.fallbacks:
        keys = sorted(strings.fallbacks)
        log.info(f"{STRINGS_FOLDER}/{locale}.yml: {len(keys)} tekster mangler og vises på bokmål, merket "
                 f"lang=\"{strings.default}\": {', '.join(keys[:8])}{' …' if len(keys) > 8 else ''}. "
                 f"Skriv dem i {STRINGS_FOLDER}/{locale}.yml.")


# ---- Step of the build (medvirkning.pipeline calls it after the page is written) ----

def fallback_pattern(strings: ReaderStrings) -> re.Pattern | None:
    """One pattern for every fallback text standing alone: an element's whole text, or its label."""
    values = sorted({strings[key] for key in strings.fallbacks if "{" not in strings[key] and len(strings[key]) > 1},
                    key=len, reverse=True)
    if not values:
        return None
    texts = "|".join(re.escape(html.escape(value, quote=False)) for value in values)
    labels = "|".join(re.escape(html.escape(value, quote=True)) for value in values)
    return re.compile(
        rf"<(?P<tag>[a-z][a-z0-9-]*)(?P<attrs>[^<>]*)>\s*(?:{texts})\s*</(?P=tag)>"
        # A label marks only controls and links, never an element that holds others (a <nav>).
        rf"|<(?P<tag2>input|button|label|a|img|textarea|select)(?P<attrs2>[^<>]*\s(?:aria-label|title|placeholder)=\"(?:{labels})\"[^<>]*)>")


def mark_fallbacks(output: str, page, build) -> str:
    """Each bokmål fallback that is an element's whole text, or its label, gets lang="nb"."""
    strings = build.strings
    if not getattr(strings, "fallbacks", None):
        return output
    if getattr(strings, "_pattern", False) is False:
        strings._pattern = fallback_pattern(strings)
    if strings._pattern is None:
        return output

    def add_lang(match: re.Match) -> str:
        tag, attrs = (match.group("tag"), match.group("attrs")) if match.group("tag") else (
            match.group("tag2"), match.group("attrs2"))
        if re.search(r"\slang=", attrs or ""):
            return match.group(0)
        return match.group(0).replace(f"<{tag}", f'<{tag} lang="{build.default_locale}"', 1)

    marked = strings._pattern.sub(add_lang, output)
    if marked != output and build.written_page is not None:
        from .html_tree import SharedParse, parse_html  # noqa: PLC0415 - only when a page changed
        build.written_page = SharedParse(marked, parse_html(marked))
    return marked
