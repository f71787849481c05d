"""Checklist quality: no item twice in one checklist, and every item backed by its section.

Plain functions only (no MkDocs imports), so that the build and the tests can use them.

- `duplicate_items` finds items that say the same thing twice in one checklist.
- `section_text` gives the text of the section a checklist item links to.
- `unsupported_item` lists the key words of an item that its section does not contain;
  `is_supported` says whether enough of them are there.

Key words are crude on purpose: words of five letters or more, minus a short list of
Norwegian stop words and of words that stand in almost every section of this site
(utvalget, brukermedvirkning …). Words are compared by their first six letters (their
"stem"), and a stem counts as found when it occurs anywhere in the section's text, so
that «møtet» finds «møtene» and «referat» finds «møtereferatet».

An item is supported when at least half of its key words are found in the section
(SUPPORTED_SHARE). An item without key words is supported.
"""
from __future__ import annotations

import re

from ..core.slugs import heading_id
from ..core.source import ATTRIBUTES, HEADING, fenced_lines, link_texts

SUPPORTED_SHARE = 0.5
STEM_LENGTH = 6
MIN_WORD_LENGTH = 5

STOP_WORDS = {
    # Common Norwegian function words of five letters or more.
    "aldri", "alltid", "andre", "annen", "annet", "bare", "blant", "blitt", "både", "deres",
    "dette", "disse", "eller", "etter", "flere", "fordi", "foran", "fører", "første", "gjennom",
    "gjøre", "hadde", "hvert", "hvilke", "hvilken", "hvordan", "ingen", "kanskje", "kunne",
    "mellom", "mange", "noen", "sammen", "samme", "selve", "siden", "skulle", "slik", "under",
    "uten", "utenfor", "vårt", "være", "vært", "ellers", "egen", "egne", "eget", "deg", "selv",
    "hvert", "hver", "hvis", "innen", "mener", "også", "særlig", "fast", "faste",
    # Words that stand in nearly every section of this site, and so prove nothing.
    "utvalget", "utvalgets", "utvalg", "utvalgene", "brukerutvalget", "brukerutvalg",
    "brukerutvalgene", "brukermedvirkning", "brukermedvirkningen",
}

WORD = re.compile(r"[a-zæøåéèü]+(?:-[a-zæøåéèü]+)*")
CHECKLIST_START = re.compile(r'^!!! sjekkliste\b')


def normalise(text: str) -> str:
    """Text for comparing items: link text only, lower case, no punctuation, single spaces."""
    text = link_texts(text).lower()
    return " ".join(WORD.findall(text))


def stem(word: str) -> str:
    return word[:STEM_LENGTH]


def key_words(text: str) -> list[str]:
    """An item's content words: five letters or more, no stop words, each once, in order."""
    seen: set[str] = set()
    words = []
    for word in normalise(text).split():
        if len(word) < MIN_WORD_LENGTH or word in STOP_WORDS or stem(word) in seen:
            continue
        seen.add(stem(word))
        words.append(word)
    return words


def duplicate_items(items: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Items of one checklist that say the same thing twice.

    `items` are (place, text) pairs, where place says where the item stands (for example
    "docs/veiviser/moter.md:88"). Two items are the same when their normalised texts are
    equal (case, spaces, punctuation and Markdown links ignored), or when they have the
    same two or more key words (by stem), such as «Les mandatet grundig.» and «Gå grundig
    gjennom mandatet.».
    Returns (place of the first, place of the repeat) for every repeat.
    """
    first_by_text: dict[str, str] = {}
    first_by_words: dict[frozenset[str], str] = {}
    repeats: list[tuple[str, str]] = []
    for place, text in items:
        by_text = normalise(text)
        by_words = frozenset(stem(w) for w in key_words(text))
        earlier = first_by_text.get(by_text) or (first_by_words.get(by_words) if len(by_words) >= 2 else None)
        if earlier is not None:
            repeats.append((earlier, place))
            continue
        first_by_text[by_text] = place
        if len(by_words) >= 2:
            first_by_words[by_words] = place
    return repeats


def section_text(markdown: str, wanted_id: str) -> str:
    """The text of the section whose heading has the id `wanted_id`, up to the next heading
    of the same or a higher level; checklist blocks in it are left out (an item cannot
    support itself). Ids are computed as the site computes them, with _1, _2 … after a
    repeated id. An empty id means the text before the first section heading.
    Returns "" when no heading has that id."""
    seen: dict[str, int] = {}
    collecting = wanted_id == ""
    level = 1 if collecting else 0
    in_checklist = False
    out: list[str] = []
    for _, line, fence in fenced_lines(markdown.splitlines()):
        heading = None if fence else HEADING.match(line)
        if heading:
            this_level = len(heading.group(1))
            anchor = heading_id(heading.group(2))
            if anchor in seen:
                seen[anchor] += 1
                anchor = f"{anchor}_{seen[anchor]}"
            else:
                seen[anchor] = 0
            if collecting and (this_level > 1 if wanted_id == "" else this_level <= level):
                break
            if not collecting and this_level > 1 and anchor == wanted_id:
                collecting, level = True, this_level
                out.append(ATTRIBUTES.sub("", heading.group(2)))
            continue
        if not collecting:
            continue
        if CHECKLIST_START.match(line):
            in_checklist = True
            continue
        if in_checklist:
            if not line.strip() or line.startswith("    "):
                continue
            in_checklist = False
        out.append(line)
    return "\n".join(out).strip()


def unsupported_item(item_text: str, section_text: str) -> list[str]:
    """The item's key words whose stem does not occur in the section's text."""
    section = normalise(section_text)
    return [word for word in key_words(item_text) if stem(word) not in section]


def is_supported(item_text: str, section_text: str, share: float = SUPPORTED_SHARE) -> bool:
    """True when at least `share` of the item's key words occur in the section."""
    words = key_words(item_text)
    if not words:
        return True
    missing = unsupported_item(item_text, section_text)
    return (len(words) - len(missing)) / len(words) >= share
