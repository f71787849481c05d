"""The JSON Schema (checked with jsonschema) of a page's front matter. The data files' schemas are
files beside them, data/skjema/<name>.json (data_schemas.py).

Every value is read as text (data_files.py); a schema says which fields there are, which are
required, and which are lists, yes/no values or numbers. A field the schema does not know is
an error, so a misspelt field name is caught instead of ignored.
"""
from __future__ import annotations

TEXT = {"type": "string", "minLength": 1}

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
        # The sources a guidebook page builds on: ids in data/kilder.yml (overviews/sources.py).
        "kilder": {"type": "array", "minItems": 1, "items": TEXT},
        # An organisation page's row in the organisations table (overviews/lists.py).
        "organisasjon": {"type": "object", "required": ["hvem", "viktigst"], "additionalProperties": False,
                         "properties": {"hvem": TEXT, "viktigst": TEXT}},
    },
}


def data_schema(root, name: str) -> dict:
    """data/skjema/<name>.json of the project at `root`: the schema of data/<name>.yml (the
    files issue 26 gives a schema each; until every data file is checked by it, read here)."""
    import json  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415
    return json.loads((Path(root) / "data" / "skjema" / f"{name}.json").read_text(encoding="utf-8"))
