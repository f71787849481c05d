"""The private-names guard: no person the minutes name may reach the site, in any file.

The minutes (seed 002) name many private persons; the site names roles instead. The names
themselves must not be in the repository, so tests/vernede-navn.yml keeps only salted hashes
(keyed BLAKE2b) of each protected name and of its surname alone. The tests hash every run of
one to four capitalised words of a text and look the hash up: they need no sources beside the
repository. First names alone are not protected: they are common and also belong to public
people the sources name.

Refresh the hashes from the minutes (when the sources change, or a name is added):

    .venv/bin/python tests/private_names.py ../shared/seeds
    .venv/bin/python tests/private_names.py --legg-til "Fornavn Etternavn"
"""
from __future__ import annotations

import hashlib
import html
import json
import re
import secrets
import sys
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

HASH_FILE = Path(__file__).resolve().parent / "vernede-navn.yml"
NAME_WORD = r"[A-ZÆØÅ][a-zæøåé]+(?:-[A-ZÆØÅ][a-zæøåé]+)?"
CAPITALISED_RUN = re.compile(rf"\b{NAME_WORD}(?:[ \t]+{NAME_WORD}){{1,3}}\b")
# Words of any text, as the hashes are made of them: a hyphenated name is one word.
WORD = re.compile(r"[A-Za-zÆØÅæøåÉé]+(?:-[A-Za-zÆØÅæøåÉé]+)*")
LONGEST_NAME = 4  # words
# Capitalised words in the minutes that are places, organisations or titles, not names.
NOT_NAMES = {
    "Gjøvik", "Teams", "Quality", "Strand", "Hotell", "Hjelpemiddelsentral", "Nordland",
    "Sentralt", "Brukerutvalg", "Sykehuset", "Innlandet", "Koordinator", "Utvalgets", "Referat",
}
# What the site writes and a reader can download: the pages, the search index and the downloads.
SITE_SUFFIXES = {".html", ".json", ".md", ".ics", ".docx", ".txt", ".xml"}


def names_in_minutes(text: str) -> set[str]:
    """Personal names in the minutes: runs of two to four capitalised words, such as
    "Kari Nordmann" in the list of participants or "Kari Nordmann (FFO)" later, with
    places, organisations and titles stripped from either end."""
    names = set()
    for match in CAPITALISED_RUN.finditer(text):
        words = match.group(0).split()
        while words and words[0] in NOT_NAMES:
            words.pop(0)
        while words and words[-1] in NOT_NAMES:
            words.pop()
        if len(words) >= 2:
            names.add(" ".join(words))
    return names


def protected_forms(names: set[str]) -> set[str]:
    """A full name, or a surname alone ("Nordmann sa …")."""
    return names | {name.split()[-1] for name in names}


def digest(salt: bytes, text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), key=salt, digest_size=16).hexdigest()


@dataclass(frozen=True)
class Guard:
    salt: bytes
    hashes: frozenset[str]

    def found(self, text: str) -> list[str]:
        """The protected names in a text, as written there: every run of one to four words
        that begins with a capital letter and is made of capitalised words."""
        words = WORD.findall(text)
        hits = []
        for start, word in enumerate(words):
            if not word[0].isupper():
                continue
            for length in range(1, LONGEST_NAME + 1):
                run = words[start:start + length]
                if len(run) < length or not run[-1][0].isupper():
                    break
                phrase = " ".join(run)
                if digest(self.salt, phrase) in self.hashes:
                    hits.append(phrase)
        return hits


@cache
def load_guard(path: Path = HASH_FILE) -> Guard:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Guard(bytes.fromhex(data["salt"]), frozenset(data["hashes"]))


def write_hashes(forms: set[str], path: Path = HASH_FILE, keep: Guard | None = None) -> None:
    """The hashes of the given names (with `keep`'s salt and hashes, or a new salt), in an order
    that says nothing about them."""
    salt = keep.salt if keep else secrets.token_bytes(16)
    hashes = sorted({digest(salt, form) for form in forms} | (keep.hashes if keep else set()))
    header = ("# Saltede hasher av navnene på private personer i referatet (kilde 002), og av etternavnene\n"
              "# alene. Navnene selv står ikke i repoet. Testene (tests/private_names.py) stopper\n"
              "# hvis et av dem står på en side, i søket, i data/ eller i en nedlasting.\n"
              "# Lages av: .venv/bin/python tests/private_names.py ../shared/seeds\n")
    path.write_text(header + yaml.safe_dump({"salt": salt.hex(), "hashes": hashes}, sort_keys=False),
                    encoding="utf-8")


def docx_text(path: Path) -> str:
    """The words of a Word file, a line per paragraph (a name split over runs is joined)."""
    with zipfile.ZipFile(path) as archive:
        parts = [archive.read(n).decode("utf-8") for n in archive.namelist()
                 if n.startswith(("word/", "docProps/")) and n.endswith(".xml")]
    text = "\n".join(parts).replace("</w:p>", "\n")
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def json_text(value) -> str:
    """Every string in a JSON document (the search index: titles and text)."""
    if isinstance(value, str):
        return value + "\n"
    if isinstance(value, dict):
        return "".join(json_text(k) + json_text(v) for k, v in value.items())
    if isinstance(value, list):
        return "".join(json_text(v) for v in value)
    return ""


def texts_of_file(path: Path) -> list[str]:
    """What a reader (or a screen reader) can get from a file: for a page its text and, for its
    attributes (alt, title, description), its source with entities decoded."""
    if path.suffix == ".docx":
        return [docx_text(path)]
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        from selectolax.lexbor import LexborHTMLParser
        body = LexborHTMLParser(raw).body
        return [html.unescape(raw), body.text(separator="") if body is not None else ""]
    if path.suffix == ".json":
        return [json_text(json.loads(raw))]
    return [raw.replace("\r\n ", "")]  # .ics folds long lines with a line break and a space


def names_in_files(paths: list[Path], root: Path, guard: Guard | None = None) -> list[str]:
    """«file: names» for every file that holds a protected name."""
    guard = guard or load_guard()
    problems = []
    for path in paths:
        found = sorted({name for text in texts_of_file(path) for name in guard.found(text)})
        if found:
            problems.append(f"{path.relative_to(root).as_posix()}: personnavn fra referatet {found}")
    return problems


def site_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.is_file() and p.suffix in SITE_SUFFIXES)


def main(arguments: list[str]) -> int:
    if arguments[:1] == ["--legg-til"] and len(arguments) == 2:
        write_hashes(protected_forms({arguments[1]}), keep=load_guard())
        print(f"{HASH_FILE.name}: «{arguments[1]}» og etternavnet er lagt til (som hasher).")
        return 0
    if len(arguments) != 1:
        print(__doc__)
        return 2
    minutes = sorted(Path(arguments[0]).glob("002_*.txt"))
    if not minutes:
        print(f"Fant ikke referatet (002_*.txt) i {arguments[0]}.")
        return 1
    names = names_in_minutes(minutes[0].read_text(encoding="utf-8"))
    write_hashes(protected_forms(names))
    print(f"{HASH_FILE.name}: {len(names)} navn ({len(protected_forms(names))} former) fra {minutes[0].name}.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
