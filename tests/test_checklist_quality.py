"""Checklist quality: no item twice in a checklist, every item backed by its own section."""
from __future__ import annotations

from pathlib import Path

import pytest

from medvirkning.checklists.quality import (
    duplicate_items, is_supported, key_words, normalise, section_text, unsupported_item,
)
from medvirkning.checklists.checklists import find_blocks

DOCS = Path(__file__).resolve().parent.parent / "docs"

PAGE = """# Møter

Innledning før første avsnitt.

## Saklisten

NAV og lederen lager saklisten sammen.

!!! sjekkliste "mote"

    - Lag saklisten sammen med lederen.

### Innspill fra medlemmene

Medlemmene melder inn saker.

## Referatet {#referat}

Sekretariatet skriver referatet.

## Saklisten

En annen seksjon med samme overskrift.

```
## Ikke en overskrift
```
"""


# ---- normalise and key words ----

def test_normalise_ignores_case_spaces_punctuation_and_links():
    assert normalise("Les  [mandatet](mandat.md) grundig!") == normalise("les mandatet grundig")


def test_key_words_skip_short_and_stop_words():
    assert key_words("Gå gjennom mandatet til utvalget.") == ["mandatet"]
    assert key_words("Send innkallingen i god tid.") == ["innkallingen"]
    assert key_words("Ja.") == []


# ---- duplicate_items ----

def test_no_duplicates_in_distinct_items():
    items = [("a:1", "Send innkallingen."), ("a:2", "Skriv et godt referat."), ("b:3", "Godkjenn referatet.")]
    assert duplicate_items(items) == []


def test_exact_repeat_is_found_with_both_places():
    items = [("a:1", "Gå gjennom mandatet."), ("a:2", "Skriv referat."), ("b:9", "gå gjennom  [mandatet](x.md)")]
    assert duplicate_items(items) == [("a:1", "b:9")]


def test_same_key_words_in_another_order_is_a_repeat():
    items = [("a:1", "Les mandatet for utvalget grundig."), ("b:2", "Gå grundig gjennom mandatet til utvalget.")]
    assert duplicate_items(items) == [("a:1", "b:2")]


def test_one_shared_key_word_is_not_a_repeat():
    items = [("a:1", "Send innkallingen."), ("a:2", "Spør om merknader til innkallingen.")]
    assert duplicate_items(items) == []


# ---- section_text ----

def test_section_text_stops_at_same_level_and_keeps_subsections():
    text = section_text(PAGE, "saklisten")
    assert "NAV og lederen lager saklisten sammen." in text
    assert "Medlemmene melder inn saker." in text
    assert "Sekretariatet" not in text


def test_section_text_leaves_out_checklist_blocks():
    assert "Lag saklisten sammen med lederen." not in section_text(PAGE, "saklisten")


def test_section_text_knows_explicit_and_repeated_ids():
    assert "Sekretariatet skriver referatet." in section_text(PAGE, "referat")
    assert "En annen seksjon" in section_text(PAGE, "saklisten_1")
    assert "Ikke en overskrift" in section_text(PAGE, "saklisten_1")
    assert "En annen seksjon" not in section_text(PAGE, "saklisten")


def test_section_text_of_unknown_id_is_empty_and_empty_id_is_the_intro():
    assert section_text(PAGE, "finnes-ikke") == ""
    assert section_text(PAGE, "") == "Innledning før første avsnitt."


# ---- unsupported_item / is_supported ----

def test_supported_item():
    section = section_text(PAGE, "saklisten")
    assert unsupported_item("Lag saklisten sammen med lederen.", section) == []
    assert is_supported("Lag saklisten sammen med lederen.", section)


def test_stem_finds_other_forms_and_compounds():
    assert unsupported_item("Skriv referatene.", "Vi skriver et møtereferat.") == []


def test_unsupported_item_lists_missing_key_words():
    section = section_text(PAGE, "referat")
    assert unsupported_item("Bestill reiseregning og møtegodtgjørelse.", section) == [
        "bestill", "reiseregning", "møtegodtgjørelse"]
    assert not is_supported("Bestill reiseregning og møtegodtgjørelse.", section)


def test_half_of_the_key_words_is_enough():
    assert is_supported("Godkjenn referatet.", "Utvalget leser referatet.")
    assert not is_supported("Godkjenn referatet, signer protokollen.", "Utvalget leser referatet.")


# ---- the real content ----

def real_blocks():
    for path in sorted(DOCS.rglob("*.md")):
        src_uri = path.relative_to(DOCS).as_posix()
        markdown = path.read_text(encoding="utf-8")
        for block in find_blocks(markdown, src_uri):
            yield markdown, block


def test_no_checklist_holds_the_same_item_twice():
    from helpers import language_of_source
    by_checklist: dict[tuple[str, str], list[tuple[str, str]]] = {}  # each language's checklist apart
    for _, block in real_blocks():
        for item in block.items:
            key = (language_of_source(DOCS / item.src_uri), block.checklist_id)
            by_checklist.setdefault(key, []).append((f"docs/{item.src_uri}:{item.line}", item.text))
    repeats = {cid: duplicate_items(items) for cid, items in by_checklist.items()}
    assert not any(repeats.values()), {cid: r for cid, r in repeats.items() if r}


def test_every_item_is_supported_by_the_section_it_links_to():
    unsupported = []
    for markdown, block in real_blocks():
        for item in block.items:
            section = section_text(markdown, item.heading_id)
            assert section, f"docs/{item.src_uri}:{item.line}: fant ikke avsnittet #{item.heading_id}"
            if not is_supported(item.text, section):
                unsupported.append(f"docs/{item.src_uri}:{item.line} #{item.heading_id}: «{item.text}» "
                                   f"mangler {unsupported_item(item.text, section)}")
    assert not unsupported, "\n".join(unsupported)


@pytest.mark.parametrize("checklist_id", ["nytt-medlem", "mote", "rekruttere", "opplaering", "nav-leder"])
def test_real_checklists_have_items(checklist_id):
    assert any(block.checklist_id == checklist_id for _, block in real_blocks())
