"""JSON Schemas (checked with jsonschema) for what editors write: the data files and front matter.

Every value is read as text (data_files.py); a schema says which fields there are, which are
required, and which are lists, yes/no values or numbers. A field the schema does not know is
an error, so a misspelt field name is caught instead of ignored.
"""
from __future__ import annotations

TEXT = {"type": "string", "minLength": 1}
OPTIONAL_TEXT = {"type": "string"}
TRANSLATION = {"type": "object", "additionalProperties": False,
               "properties": {"fullt": OPTIONAL_TEXT, "forklaring": OPTIONAL_TEXT}}

GLOSSARY = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["ord", "forklaring"],
        "additionalProperties": False,
        "properties": {"ord": TEXT, "fullt": OPTIONAL_TEXT, "forklaring": TEXT, "side": OPTIONAL_TEXT,
                       "nn": TRANSLATION, "en": TRANSLATION},
    },
}
ALLOWLIST = {"type": "array", "items": TEXT}
ANCHORS = {"type": "object", "additionalProperties": {"type": "array", "items": TEXT}}
STRINGS = {"type": "object", "additionalProperties": OPTIONAL_TEXT}

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
    },
}

BY_FILE = {
    "data/ordliste.yml": GLOSSARY,
    "data/ikke-forkortelser.yml": ALLOWLIST,
    "data/ankere.yml": ANCHORS,
}


def for_file(name: str) -> dict | None:
    """The schema of a data file by its name (data/…), if it has one."""
    if name.startswith("data/sprak/"):
        return STRINGS
    return BY_FILE.get(name)
