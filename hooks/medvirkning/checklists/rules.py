"""Checklist rules: task order from the data, one audience named in the intro, at most 12 items.

Plain functions only (no MkDocs imports), so that the build and the tests can use them.

- `order_items` puts a checklist's items in the order of its `rekkefolge` in
  data/sjekklister.yml: a list of sections (page#id), in the order the task is done. The items
  of one section keep the order they are written in. A section with a block that is not in
  the list, or a listed section without a block, is an error naming file and line.
- `too_many_items` says when a list passes MAX_ITEMS.
- `audience_problems` checks the intro's first sentence against the list's `for`: it names
  every audience the list is for, and no other (the words per language are under
  `malgrupper` in data/sprak/<locale>.yml).
"""
from __future__ import annotations

import re

MAX_ITEMS = 12
DEFINITIONS_FILE = "data/sjekklister.yml"
LANGUAGE_SUFFIX = re.compile(r"\.[a-z]{2}\.md$")  # moter.nn.md: the nynorsk page of moter.md


def section_ref(src_uri: str, heading_id: str) -> str:
    """How `rekkefolge` names a section: the page under docs/ (the bokmål name, as the ids are the
    same in every language) and the heading's id."""
    page = LANGUAGE_SUFFIX.sub(".md", src_uri)
    return f"{page}#{heading_id}" if heading_id else page


def where(line: int | None) -> str:
    return DEFINITIONS_FILE + (f", linje {line}" if line else "")


def order_items(checklist_id: str, items: list, order: list[str], order_lines: list[int | None],
                check_missing: bool = True) -> tuple[list, list[str]]:
    """The items in task order, and the problems (one plain message each, with file and line)."""
    position = {ref: index for index, ref in enumerate(order)}
    problems = []
    for item in items:
        ref = section_ref(item.src_uri, item.heading_id)
        if ref not in position:
            place = f"docs/{item.src_uri}" + (f", linje {item.line}" if item.line else "")
            problems.append(
                f"{place}: punktet «{item.text}» står i sjekklisten «{checklist_id}», men avsnittet «{ref}» står ikke "
                f"i «rekkefolge» for «{checklist_id}» i {DEFINITIONS_FILE}. Legg til linjen «- {ref}» der punktet "
                "skal komme i oppgaven.")
            position[ref] = len(position)  # one message per section
    found = {section_ref(item.src_uri, item.heading_id) for item in items}
    if check_missing:
        for ref, line in zip(order, order_lines):
            if ref not in found:
                problems.append(
                    f"{where(line)}: «{ref}» står i «rekkefolge» for sjekklisten «{checklist_id}», men det avsnittet har "
                    f"ingen blokk !!! sjekkliste \"{checklist_id}\". Sjekk siden og id-en, eller ta bort linjen.")
    ordered = sorted(items, key=lambda item: position[section_ref(item.src_uri, item.heading_id)])  # stable
    return ordered, problems


def too_many_items(checklist_id: str, count: int, line: int | None) -> str | None:
    if count <= MAX_ITEMS:
        return None
    return (f"{where(line)}: sjekklisten «{checklist_id}» har {count} punkter. En sjekkliste kan ha høyst {MAX_ITEMS}. "
            "Del den i to, etter hvem punktene er for eller når de gjøres, med hver sin id, tittel og ingress.")


def first_sentence(intro: str) -> str:
    match = re.match(r"(.+?[.!?])(\s|$)", intro.strip())
    return match.group(1) if match else intro.strip()


def named_audiences(sentence: str, vocabulary: dict[str, list[str]]) -> list[str]:
    """The audiences a sentence names, longest words first («ledere i NAV» before «NAV»)."""
    phrases = sorted(((phrase, key) for key, words in vocabulary.items() for phrase in words),
                     key=lambda pair: -len(pair[0]))
    named, rest = [], sentence
    for phrase, key in phrases:
        pattern = re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", re.I)
        if pattern.search(rest):
            rest = pattern.sub(" ", rest)
            if key not in named:
                named.append(key)
    return named


def audience_problems(checklist_id: str, audiences: list[str], intro: str, vocabulary: dict[str, list[str]],
                      locale: str, line: int | None) -> list[str]:
    """The intro's first sentence names each audience of the list, and no other."""
    place = f"{where(line)} (ingressen på «{locale}»)"
    unknown = [a for a in audiences if a not in vocabulary]
    if unknown:
        return [f"{where(line)}: målgruppen {', '.join(f'«{a}»' for a in unknown)} i «for» for sjekklisten "
                f"«{checklist_id}» finnes ikke. Bruk en av: {', '.join(sorted(vocabulary))}."]
    sentence = first_sentence(intro)
    named = named_audiences(sentence, vocabulary)
    problems = []
    for audience in audiences:
        if audience not in named:
            words = " eller ".join(f"«{w}»" for w in vocabulary[audience])
            problems.append(
                f"{place}: sjekklisten «{checklist_id}» er for «{audience}», men første setning i ingressen "
                f"(«{sentence}») nevner ikke {words}. Begynn ingressen med hvem lista er for, for eksempel "
                f"«For {vocabulary[audience][0]}.»")
    for audience in named:
        if audience not in audiences:
            problems.append(
                f"{place}: første setning i ingressen til sjekklisten «{checklist_id}» («{sentence}») nevner "
                f"«{audience}», men lista er bare for {', '.join(f'«{a}»' for a in audiences)}. "
                "En sjekkliste er for én målgruppe: del lista i to, eller legg målgruppen til i «for».")
    return problems
