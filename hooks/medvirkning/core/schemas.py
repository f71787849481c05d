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
        # The checklists' audiences and the words an intro names each by (checklists/rules.py).
        "malgrupper": {"type": "object", "additionalProperties": {"type": "array", "minItems": 1, "items": TEXT}},
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

# data/reiser.yml (medvirkning/journeys/journeys.py): journeys, each with numbered steps.
JOURNEY_TRANSLATION = {"type": "object", "additionalProperties": False, "required": ["tittel", "ingress"],
                       "properties": {"tittel": TEXT, "ingress": TEXT}}
STEP_TRANSLATION = {"type": "object", "additionalProperties": False, "required": ["tittel"],
                    "properties": {"tittel": TEXT}}
SECTION_REF = {"type": "string", "pattern": r"^[\w./-]+\.md(#[\w-]+)?$"}
JOURNEYS = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["id", "tittel", "ingress", "steg"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
            "tittel": TEXT,
            "ingress": TEXT,
            "steg": {"type": "array", "minItems": 2, "items": {
                "type": "object",
                "required": ["tittel", "side"],
                "additionalProperties": False,
                "properties": {"tittel": TEXT, "side": SECTION_REF, "lenker": {"type": "array", "items": SECTION_REF},
                               "vart_rad": {"type": "boolean"}},
                "patternProperties": {"^[a-z]{2}$": STEP_TRANSLATION},
            }},
        },
        "patternProperties": {"^(?!id$)[a-z]{2}$": JOURNEY_TRANSLATION},
    },
}

BY_FILE = {
    "data/ordliste.yml": GLOSSARY,
    "data/ikke-forkortelser.yml": ALLOWLIST,
    "data/ankere.yml": ANCHORS,
    "data/rolleadresser.yml": ROLE_ADDRESSES,
    "data/reiser.yml": JOURNEYS,
}


def for_file(name: str) -> dict | None:
    """The schema of a data file by its name (data/…), if it has one."""
    if name.startswith("data/sprak/"):
        return STRINGS
    return BY_FILE.get(name)
