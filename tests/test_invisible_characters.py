"""Invisible characters: the one regex of ids.py names exactly the characters Unicode calls format characters."""
from __future__ import annotations

import sys
import unicodedata

from medvirkning.anchors.ids import INVISIBLE, INVISIBLE_CHARACTER, invisible_characters


def test_the_regex_is_every_format_character_and_nothing_else():
    format_characters = {chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"}
    in_regex = set(INVISIBLE_CHARACTER.findall("".join(map(chr, range(sys.maxunicode + 1)))))
    assert in_regex == format_characters | set(INVISIBLE), (
        "Python's Unicode tables have changed: rebuild INVISIBLE_CHARACTER from unicodedata.category == 'Cf'.")


def test_each_line_names_its_first_invisible_character():
    source = "\ufeff# Tittel\n\nEn linje\u200b med\u00ad to.\n## Om\u2060 oss\nRen linje.\n"
    assert invisible_characters(source, "docs/om.md") == [
        "docs/om.md, linje 3: det står et usynlig tegn (nullbreddemellomrom, U+200B). "
        "Du ser det ikke, men det er der. Slett ordet rundt det og skriv det på nytt.",
        "docs/om.md, linje 4: det står et usynlig tegn (ordskjøter, U+2060) i overskriften, så id-en og "
        "adressen til avsnittet endres. Du ser det ikke, men det er der. Slett ordet rundt det og skriv det på nytt.",
    ]
    assert invisible_characters("Ingen her.\n", "docs/om.md") == []
