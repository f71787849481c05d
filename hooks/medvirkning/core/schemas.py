"""JSON Schemas (checked with jsonschema) for what editors write: the data files and front matter.

Every value is read as text (data_files.py); a schema says which fields there are, which are
required, and which are lists, yes/no values or numbers. A field the schema does not know is
an error, so a misspelt field name is caught instead of ignored.
"""
from __future__ import annotations

TEXT = {"type": "string", "minLength": 1}
OPTIONAL_TEXT = {"type": "string"}
TRANSLATION = {"type": "object", "additionalProperties": False,
               "properties": {"ord": OPTIONAL_TEXT, "fullt": OPTIONAL_TEXT, "forklaring": OPTIONAL_TEXT}}

GLOSSARY = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["ord", "forklaring"],
        "additionalProperties": False,
        "properties": {"ord": TEXT, "fullt": OPTIONAL_TEXT, "forklaring": TEXT, "side": OPTIONAL_TEXT},
        # The entry in other languages, by language code: nn: {ord: …, fullt: …, forklaring: …}.
        "patternProperties": {"^[a-z]{2}$": TRANSLATION},
    },
}
ALLOWLIST = {"type": "array", "items": TEXT}
ANCHORS = {"type": "object", "additionalProperties": {"type": "array", "items": TEXT}}
# The words readers see (data/sprak/<locale>.yml): text, except the footer links and the menu's
# section titles.
STRINGS = {
    "type": "object",
    "additionalProperties": OPTIONAL_TEXT,
    "properties": {
        "bunnlenker": {"type": "array", "items": {"type": "object", "required": ["tittel", "url"],
                                                  "additionalProperties": False,
                                                  "properties": {"tittel": TEXT, "url": OPTIONAL_TEXT}}},
        "meny": {"type": "object", "additionalProperties": TEXT},
        "kontrastpar": {"type": "object", "additionalProperties": TEXT},
    },
}

# Material's and our own front matter fields (https://squidfunk.github.io/mkdocs-material/reference/).
FRONT_MATTER = {
    "type": "object",
    "required": ["description"],
    "additionalProperties": False,
    "properties": {
        "description": TEXT,
        "title": TEXT,
        "hide": {"type": "array", "items": {"enum": ["navigation", "toc", "footer", "path", "tags", "feedback"]}},
        "template": TEXT,
        "search": {"type": "object", "additionalProperties": False,
                   "properties": {"exclude": {"type": "boolean"}, "boost": {"type": "number"}}},
        "status": {"enum": ["new", "deprecated"]},
        "icon": TEXT,
        # A translation's fingerprint of the bokmål text it translates (medvirkning/translations.py).
        "oversatt_fra": {"type": "string", "pattern": "^[0-9a-f]{12}$"},
    },
}

# Role e-mail addresses and phone numbers that may be published (medvirkning/security/personal_data.py).
ROLE_ADDRESSES = {"type": "object", "additionalProperties": False,
                  "properties": {"e-post": {"type": "array", "items": TEXT}, "telefon": {"type": "array", "items": TEXT}}}

BY_FILE = {
    "data/ordliste.yml": GLOSSARY,
    "data/ikke-forkortelser.yml": ALLOWLIST,
    "data/ankere.yml": ANCHORS,
    "data/rolleadresser.yml": ROLE_ADDRESSES,
}


def for_file(name: str) -> dict | None:
    """The schema of a data file by its name (data/…), if it has one."""
    if name.startswith("data/sprak/"):
        return STRINGS
    return BY_FILE.get(name)


def data_schema(root, name: str) -> dict:
    """data/skjema/<name>.json of the project at `root`: the schema of data/<name>.yml (the
    files issue 26 gives a schema each; until every data file is checked by it, read here)."""
    import json  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415
    return json.loads((Path(root) / "data" / "skjema" / f"{name}.json").read_text(encoding="utf-8"))
