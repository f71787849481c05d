"""The termbase (data/termer.yml): one term per concept in each language, held by the build.

Each entry gives the preferred term in nb, nn and en and the rejected variants per language.
A rejected variant on a page or in a data file of that language stops the build, naming the
file and the line and suggesting the preferred term. The same scan holds one quotation-mark
system per language (« » in Norwegian, “ ” in English), and the glossary: its headwords in
each language are terms of the termbase and are used on that language's pages.

What is scanned is the prose: code, addresses, HTML tags, {attribute lists}, comments and parts
marked as another language (lang="nb" on an English page) are left out. A line that quotes a
source word for word may end with the comment ESCAPE (`# sitat` in a data file); it is not checked.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

from ..core import cache
from ..core.languages import written_locales
from ..core.data_files import decode, load_text, read_yaml
from ..core.source import INCLUDE, QUOTED_FENCE, page_title as source_page_title
from ..glossary.state import GlossaryState

FILE = "data/termer.yml"
GLOSSARY_FILE = "data/ordliste.yml"
ESCAPE = "<!-- sitat -->"
DATA_ESCAPE = "# sitat"
LANGUAGES = ("nb", "nn", "en")
LANGUAGE_KEY = re.compile(r"^[a-z]{2}$")  # a field named by a language code holds that language's text (nn:, en:)
# Data files that hold no prose of a language: ids, the audit's results, the term lists themselves.
NOT_PROSE = ("data/termer.yml", "data/kildetitler.yml", "data/ankere.yml", "data/tilgjengelighetsrevisjon.yml",
             "data/ikke-forkortelser.yml",
             "data/sokeord.yml")  # the words readers search for: the variants the site does not use, on purpose
# Quotation marks that belong to another language's system, by language: the ones to use instead.
QUOTES = {
    "nb": ("“”„\u201f", "« »"),
    "nn": ("“”„\u201f", "« »"),
    "en": ("«»„", "“ ”"),
}


class TermError(PluginError):
    pass


@dataclass(frozen=True)
class Rule:
    locale: str
    variant: str
    preferred: str
    pattern: re.Pattern
    note: str = ""
    line: int = 0  # of the variant in data/termer.yml


@dataclass
class Termbase:
    concepts: list[dict]  # each: {locale: preferred term} and "avvist": {locale: [variants]}
    rules: list[Rule]

    def preferred(self, locale: str) -> set[str]:
        return {c[locale].lower() for c in self.concepts if c.get(locale)}

    def rules_for(self, locale: str) -> list[Rule]:
        return [rule for rule in self.rules if rule.locale == locale]


def variant_pattern(variant: str) -> re.Pattern:
    """A whole word or phrase; `*` at the end allows any ending; all lower case matches any case."""
    stem = variant.rstrip("*").strip()
    body = r"\s+".join(re.escape(word) for word in stem.split())
    end = r"\w*" if variant.endswith("*") else r"(?!\w)"
    flags = 0 if any(ch.isupper() for ch in stem) else re.IGNORECASE
    return re.compile(r"(?<!\w)" + body + end, flags)


def load(root: Path) -> Termbase:
    """The termbase; entries without a term or with a variant that is also preferred are errors."""
    path = root / FILE
    data = read_yaml(path, [])
    _, lines = load_text(decode(path.read_bytes(), FILE)) if path.exists() else (None, {})
    concepts, rules, problems = [], [], []
    for number, item in enumerate(data):
        where = f"{FILE}, linje {lines.get((number,), '?')}"
        if not any(item.get(locale) for locale in LANGUAGES):
            problems.append(f"{where}: oppføringen har ingen term. Skriv minst én av nb:, nn: og en:.")
            continue
        concepts.append(item)
        for locale, variants in (item.get("avvist") or {}).items():
            for index, variant in enumerate(variants):
                line = lines.get((number, "avvist", locale, index), 0)
                preferred = item.get(locale) or ""
                if variant.rstrip("*").strip().lower() == preferred.lower():
                    problems.append(f"{FILE}, linje {line}: «{variant}» står både som ord vi bruker og som "
                                    "ord vi ikke bruker. Ta det bort fra «avvist».")
                    continue
                rules.append(Rule(locale, variant, preferred, variant_pattern(variant),
                                  " ".join(str(item.get("merknad") or "").split()), line))
    if problems:
        raise TermError("\n".join(problems))
    return Termbase(concepts, rules)


# ---- The prose of a page, line by line ----

LANG_ATTRIBUTE = re.compile(r"""\blang\s*=\s*["']?([a-zA-Z-]+)""")
BLOCK_LANG = re.compile(r"""^\s*(>\s*)*\{:?\s*[^}]*\blang\s*=\s*["']?([a-zA-Z-]+)[^}]*\}\s*$""")
INLINE_LANG = re.compile(r"""<(\w+)\b[^>]*\blang\s*=\s*["']?([a-zA-Z-]+)[^>]*>.*?</\1\s*>""", re.S)
OPEN_CODE = re.compile(r"<(pre|script|style)\b[^>]*>")
OPEN_LANG = re.compile(r"""<(\w+)\b[^>]*\blang\s*=\s*["']?([a-zA-Z-]+)[^>]*>""")
REMOVED = [
    re.compile(r"<!--.*?-->"),  # comments
    re.compile(r"(`+).+?\1"),  # code
    re.compile(r"\]\([^)]*\)"),  # link targets
    re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$"),  # link definitions
    re.compile(r"<(?:https?|mailto):[^>]*>"),  # autolinks
    re.compile(r"\b(?:https?://|mailto:|www\.)\S+"),  # addresses
    re.compile(r"</?[a-zA-Z][^>]*>"),  # HTML tags
    re.compile(r"\{![^}]*!\}"),  # includes
    re.compile(r"\{\s*[:#.][^}]*\}|\{\s*\w+=[^}]*\}"),  # attribute lists ({: .x }, { .x y="z" })
]
# A box: its type and the quotation marks around its title are syntax (the checklists check names curly ones).
BOX = re.compile(r'^(\s*(?:!!!|\?\?\?\+?)\s+[\w-]+\s*["“”«»]?)(.*?)(["“”«»]?\s*)$')


def blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def prose_lines(source: str, locale: str) -> list[tuple[int, str]]:
    """(line number, text) of each line of a Markdown page that is prose in `locale`."""
    lines = source.splitlines()
    keep = [True] * len(lines)
    fenced, comment, other_until = False, False, None
    for index, line in enumerate(lines):
        if ESCAPE in line:
            keep[index] = False
            continue
        if comment:
            keep[index] = False
            comment = "-->" not in line
            continue
        if other_until is not None:  # inside a block marked as another language
            keep[index] = False
            if re.search(rf"</{other_until}\s*>", line):
                other_until = None
            continue
        if QUOTED_FENCE.match(line):
            fenced = not fenced
            keep[index] = False
            continue
        if fenced:
            keep[index] = False
            continue
        if "<!--" in line and "-->" not in line.split("<!--", 1)[1]:
            comment = True
        block = BLOCK_LANG.match(line)
        if block:  # `{ lang="nb" }` under a paragraph: the paragraph above is in that language
            keep[index] = False
            if block.group(2) != locale:
                back = index - 1
                while back >= 0 and re.sub(r"^\s*(>\s*)*", "", lines[back]).strip():
                    keep[back] = False
                    back -= 1
            continue
        opened = OPEN_LANG.search(INLINE_LANG.sub("", line))
        if opened and opened.group(2) != locale:
            other_until = opened.group(1)
            keep[index] = False
        code = OPEN_CODE.search(line)
        if code and not re.search(rf"</{code.group(1)}\s*>", line[code.end():]):  # a code block in HTML
            other_until = code.group(1)
            keep[index] = False
    result = []
    for number, (line, kept) in enumerate(zip(lines, keep), start=1):
        if not kept:
            continue
        text = INLINE_LANG.sub(lambda m: m.group(0) if m.group(2) == locale else blank(m.group(0)), line)
        box = BOX.match(text)
        if box:
            text = blank(box.group(1)) + box.group(2) + blank(box.group(3))
        for pattern in REMOVED:
            text = pattern.sub(lambda m: blank(m.group(0)), text)
        result.append((number, text))
    return result


def front_matter_end(source: str) -> int:
    """The number of the front matter's closing line (0 if none)."""
    if not source.startswith("---"):
        return 0
    for number, line in enumerate(source.splitlines()[1:], start=2):
        if line.strip() == "---":
            return number
    return 0


# ---- What is wrong in a text ----

def suggestion(found: str, preferred: str) -> str:
    if preferred and found[:1].isupper() and preferred[:1].islower():
        return preferred[:1].upper() + preferred[1:]
    return preferred


def term_messages(lines: list[tuple[int, str]], rules: list[Rule], where: str) -> list[str]:
    messages = []
    whole = "\n".join(text for _, text in lines)
    rules = [rule for rule in rules if rule.pattern.search(whole)]  # most rules are not in a file: one look
    for number, text in lines:
        for rule in rules:
            for match in rule.pattern.finditer(text):
                found = match.group(0)
                advice = (f"Skriv «{suggestion(found, rule.preferred)}»" if rule.preferred
                          else "Skriv det på en annen måte")
                note = f" ({rule.note})" if rule.note else ""
                messages.append(
                    f"{where}, linje {number}: «{found}» er et ord vi ikke bruker{note}. {advice}, som termlista "
                    f"({FILE}) sier. Siterer du en kilde ordrett, skriv {ESCAPE} sist på linjen.")
    return messages


# A straight quotation in prose: "words", not an attribute's value (href="…") or what is left of a tag.
STRAIGHT_QUOTE = re.compile(r'(?<![=\w])"[^"<>=\n]+"(?![\w>])')


def quote_messages(lines: list[tuple[int, str]], locale: str, where: str, straight: bool = False) -> list[str]:
    """Quotation marks of another language's system; with `straight` (a page's prose, where a
    straight " is never syntax once code, tags and attributes are removed) also straight ones."""
    wrong, right = QUOTES.get(locale, ("", ""))
    messages = []
    for number, text in lines:
        marks = sorted({ch for ch in text if ch in wrong})
        if marks:
            messages.append(
                f"{where}, linje {number}: anførselstegnet {' '.join(marks)} hører til et annet språk. "
                f"På denne siden bruker vi {right}. Bytt tegnene ut.")
        if straight and STRAIGHT_QUOTE.search(text):
            messages.append(
                f"{where}, linje {number}: rette anførselstegn (\") hører ikke hjemme i teksten. "
                f"På denne siden bruker vi {right}. Bytt tegnene ut.")
    return messages


# ---- The files of a language ----

def page_locale(relative: str, default: str, locales: list[str]) -> str:
    for locale in locales:
        if relative.endswith(f".{locale}.md"):
            return locale
    return default


def pages_of(docs_dir: Path, locale: str, default: str, locales: list[str]) -> list[Path]:
    return [path for path in sorted(docs_dir.rglob("*.md"))
            if page_locale(path.relative_to(docs_dir).as_posix(), default, locales) == locale]


def included_from_outside(docs_dir: Path, locale: str, default: str, locales: list[str]) -> list[Path]:
    """Files outside docs/ that this language's pages include ({!../CONTRIBUTING.md!}): their text is the page's."""
    inside = docs_dir.resolve()
    found: list[Path] = []
    for page in pages_of(docs_dir, locale, default, locales):
        for include in (match.group(1) for match in INCLUDE.finditer(page.read_text(encoding="utf-8"))):
            path = (docs_dir / include).resolve()
            if path.exists() and inside not in path.parents and path not in found:
                found.append(path)
    return found


def data_values(root: Path, locale: str, default: str, locales: list[str]) -> list[tuple[str, list[tuple[int, str]]]]:
    """Per data file (data/…yml) with prose, the (line, text) of each value in `locale`."""
    found = []
    for path in sorted((root / "data").rglob("*.yml")):
        name = path.relative_to(root).as_posix()
        if name in NOT_PROSE:
            continue
        text = decode(path.read_bytes(), name)
        file_locale = path.stem if path.parent.name == "sprak" else default
        values = kept_data_values(text, locale, file_locale)
        if values:
            found.append((name, values))
    return found


_DATA = cache.Kept()


def kept_data_values(text: str, locale: str, file_locale: str) -> list[tuple[int, str]]:
    """data_values of one file's text, kept for the process (the data files rarely change between rebuilds)."""
    return list(_DATA.get((text, locale, file_locale), lambda: file_data_values(text, locale, file_locale)))


def file_data_values(text: str, locale: str, file_locale: str) -> list[tuple[int, str]]:
    """The (line, text) of each value of one data file in `locale`."""
    raw = text.splitlines()
    data, lines = load_text(text)
    values: list[tuple[int, str]] = []

    def walk(value, route, language):
        if isinstance(value, dict):
            for key, child in value.items():
                walk(child, (*route, key), key if LANGUAGE_KEY.match(key) else language)
        elif isinstance(value, list):
            for index, child in enumerate(value):
                walk(child, (*route, index), language)
        elif isinstance(value, str) and language == locale and route:
            start = lines.get(route, 1)
            if DATA_ESCAPE in raw[start - 1]:
                return
            prose = prose_lines(" ".join(value.split()), locale)
            values.append((start, prose[0][1] if prose else ""))

    walk(data, (), file_locale)
    return values


def check_language(root: Path, docs_dir: Path, termbase: Termbase, locale: str, default: str,
                   locales: list[str], with_glossary: bool = True) -> list[str]:
    """Every message about the pages and data files of one language."""
    rules = termbase.rules_for(locale)
    rules_key = repr(rules)  # every field of every rule: the messages name them
    messages = []
    page_texts = []
    for path in pages_of(docs_dir, locale, default, locales) + included_from_outside(docs_dir, locale, default, locales):
        where = path.resolve().relative_to(root.resolve()).as_posix()
        source = decode(path.read_bytes(), where)
        found, lines = file_messages(source, where, locale, rules, rules_key)
        messages += found
        page_texts.append((where, lines))
    for where, lines in data_values(root, locale, default, locales):
        messages += term_messages(lines, rules, where)
        messages += quote_messages(lines, locale, where)
    # A page not translated is read in the default language (the reader gets that page).
    translated = {where.replace(f".{locale}.md", ".md") for where, _ in page_texts}
    for path in pages_of(docs_dir, default, default, locales) if locale != default else []:
        where = f"docs/{path.relative_to(docs_dir).as_posix()}"
        if where not in translated:
            page_texts.append((where, kept_prose_lines(decode(path.read_bytes(), where), default)))
    messages += page_name_messages(root, docs_dir, locale, default, locales)
    if with_glossary:
        messages += glossary_messages(root, termbase, locale, default, page_texts)
    return messages


# What one page gave, kept for the process: `mkdocs serve` rebuilds after each save, and only the
# saved page has changed. Keyed by the page's text and the rules, so a changed rule reads every page anew.
_FILES = cache.Kept()
_LINES = cache.Kept()


def kept_prose_lines(source: str, locale: str) -> list[tuple[int, str]]:
    return _LINES.get((source, locale), lambda: prose_lines(source, locale))


def file_messages(source: str, where: str, locale: str, rules: list[Rule],
                  rules_key: str) -> tuple[list[str], list[tuple[int, str]]]:
    """The termbase's and the quotation marks' messages about one page, and its prose lines."""
    def read() -> tuple[list[str], list[tuple[int, str]]]:
        lines = kept_prose_lines(source, locale)
        messages = term_messages(lines, rules, where)
        # Quotation marks in the front matter are YAML's: the front matter check names curly ones there.
        end = front_matter_end(source)
        messages += quote_messages([(n, text) for n, text in lines if n > end], locale, where, straight=True)
        return messages, lines

    messages, lines = _FILES.get((source, where, locale, rules_key), read)
    return list(messages), lines


def headword_pattern(word: str) -> re.Pattern:
    """A headword in running text, inflected: a long last word may change its last two letters
    (bilsenter, bilsentrene; gruppe, grupper)."""
    words = word.split()
    last = words[-1]
    stem = re.escape(last[:-2]) + r"\w{0,5}" if len(last) >= 6 else re.escape(last) + r"\w{0,3}"
    return re.compile(r"(?<!\w)" + r"\s+".join([*map(re.escape, words[:-1]), stem]) + r"(?!\w)", re.IGNORECASE)


def is_used(word: str, text: str, lowered: str) -> bool:
    """The headword stands in the text. The pattern is tried only where the first letters of its
    first word stand (`lowered` is text.lower()); a word not found so is looked for in the whole text."""
    pattern = headword_pattern(word)
    probe = word.split()[0][:3].lower()
    if len(lowered) == len(text):  # lower() kept every position
        start = lowered.find(probe)
        while start != -1:
            if pattern.match(text, start):
                return True
            start = lowered.find(probe, start + 1)
    return pattern.search(text) is not None


def page_title(path: Path) -> tuple[str, int] | None:
    """The page's title (its # heading) and its line."""
    return source_page_title(path.read_text(encoding="utf-8"))


def page_name_messages(root: Path, docs_dir: Path, locale: str, default: str, locales: list[str]) -> list[str]:
    """One name per page: where the menu names a section after a page (Om nettstedet), this
    language's menu word is that page's title in this language."""
    if locale == default:
        return []
    strings = root / "data" / "sprak" / f"{locale}.yml"
    if not strings.exists():
        return []
    data, lines = load_text(decode(strings.read_bytes(), f"data/sprak/{locale}.yml"))
    menu = (data or {}).get("meny") or {}
    by_title = {}
    for path in pages_of(docs_dir, default, default, locales):
        found = page_title(path)
        if found:
            by_title.setdefault(found[0], path)
    messages = []
    for name, translated in menu.items():
        source = by_title.get(name)
        translation = source.with_name(source.name[:-3] + f".{locale}.md") if source else None
        found = page_title(translation) if translation and translation.exists() else None
        if found and found[0] != translated:
            where = translation.relative_to(root).as_posix()
            messages.append(
                f"data/sprak/{locale}.yml, linje {lines.get(('meny', name), '?')}: menyen kaller siden «{name}» "
                f"for «{translated}», men siden heter «{found[0]}» ({where}, linje {found[1]}). En side har ett navn: "
                "bruk det samme begge steder.")
    return messages


def glossary_messages(root: Path, termbase: Termbase, locale: str, default: str,
                      page_texts: list[tuple[str, list[tuple[int, str]]]]) -> list[str]:
    """Each headword of the glossary in this language is a term of the termbase (the words; an
    abbreviation is its own term) and is used on a page of this language other than the glossary."""
    path = root / GLOSSARY_FILE
    if not path.exists():
        return []
    data, lines = load_text(decode(path.read_bytes(), GLOSSARY_FILE))
    preferred = termbase.preferred(locale)
    text = "\n".join(line for where, found in page_texts if not where.startswith("docs/ordliste.")
                     for _, line in found)
    lowered = text.lower()
    messages = []
    for number, item in enumerate(data or []):
        other = item.get(locale) if locale != default and isinstance(item.get(locale), dict) else {}
        word = (other or {}).get("ord") or item.get("ord")
        route = (number, locale, "ord") if (other or {}).get("ord") else (number, "ord")
        where = f"{GLOSSARY_FILE}, linje {lines.get(route, '?')}"
        if not word:
            continue
        if not item.get("fullt") and word.lower() not in preferred:
            messages.append(f"{where}: «{word}» står i ordlista ({locale}), men ikke i termlista. "
                            f"Legg det til i {FILE} med {locale}: {word}, eller bruk ordet som står der.")
        if not is_used(word, text, lowered):
            messages.append(f"{where}: «{word}» står i ordlista ({locale}), men ingen side på dette språket "
                            "bruker ordet. Bruk det samme ordet på sidene og i ordlista, eller ta oppføringen bort.")
    return messages


# ---- Step of the build (medvirkning.pipeline calls it) ----

def check_inputs(build) -> str:
    """What else decides check's result: whether this language has a glossary page."""
    return str(build.state(GlossaryState).url)


def check(files, build) -> None:
    """Files step: this language's pages and data files against the termbase and its quotation marks."""
    root = build.site.root
    termbase = load(root)
    # The glossary's words must be used where the language has a glossary page to list them.
    messages = check_language(root, Path(build.config.docs_dir), termbase, build.locale, build.default_locale,
                              written_locales(build.config), with_glossary=build.state(GlossaryState).url is not None)
    if messages:
        raise TermError("\n".join(messages))
