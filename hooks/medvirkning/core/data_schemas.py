"""Every data file has a schema, and every data file is checked against it once per build.

The schema of `data/<name>.yml` is `data/skjema/<name>.json` (a JSON Schema, checked with
jsonschema); the files of a folder share one: `data/sprak/*.yml` has `data/skjema/sprak.json`.
A data file without a schema stops the build, so a new data file cannot go unchecked.

Besides JSON Schema's own words, a schema may use these (our own, with the prefix x-):
- `x-sprak: {…}`: the entry's fields in each other language the site has (nn:, en:), as keys;
  `x-alle-sprak: {…}` the same for every language, bokmål too (nb:, nn:, en:).
  Any other language code is an error that names the codes there are.
- `x-unik: "id"` on a list: no two entries have the same `id` (`x-unik: true`: the same value).
- `x-side: true` on a text: a page under docs/ (`veiviser/moter.md`); `x-side: "avsnitt"`: a page
  and a section (`veiviser/moter.md#agenda`). Checked when a page shows the file: the schema's
  `x-vist-av` names the marker of that page (`ordliste` for `<!-- generert: ordliste -->`).
"""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from jsonschema.exceptions import ValidationError

from . import cache
from .data_files import DataFileError, convert, decode, load_checked_text, schema_messages
from .markers import marker

SCHEMA_FOLDER = "skjema"
DATA_SUFFIXES = (".yml", ".yaml")

# Loaded schemas, by (schema file, its mtime, the languages it was expanded for).
_LOADED: dict[tuple, dict] = {}


def data_folder(path: Path) -> Path | None:
    """The `data` folder a data file is in."""
    return next((parent for parent in path.parents if parent.name == "data"), None)


def shown_name(path: Path) -> str:
    """data/… of a file in the data folder, as messages name it."""
    folder = data_folder(path)
    return f"data/{path.relative_to(folder).as_posix()}" if folder else path.name


def schema_file(path: Path) -> Path | None:
    """data/skjema/<name>.json for data/<name>.yml; data/skjema/<folder>.json for data/<folder>/*.yml."""
    folder = data_folder(path)
    if folder is None:
        return None
    parts = path.relative_to(folder).parts
    return folder / SCHEMA_FOLDER / f"{parts[0] if len(parts) > 1 else path.stem}.json"


def expand(node, default: str | None, locales: list[str] | None):
    """The schema with `x-sprak` and `x-alle-sprak` turned into properties per language."""
    if isinstance(node, list):
        return [expand(child, default, locales) for child in node]
    if not isinstance(node, dict):
        return node
    result = {key: expand(value, default, locales) for key, value in node.items()
              if key not in ("x-sprak", "x-alle-sprak")}
    for key, everyone in (("x-sprak", False), ("x-alle-sprak", True)):
        if key not in node:
            continue
        entry = expand(node[key], default, locales)
        if locales is None:  # read without the site's settings: any code, checked in the build
            own = "|".join(sorted(result.get("properties", {})))  # «id» is a field, not a language
            result.setdefault("patternProperties", {})[f"^(?!(?:{own})$)[a-z]{{2}}$"] = entry
            continue
        codes = [locale for locale in locales if everyone or locale != default]
        result.setdefault("properties", {}).update({code: entry for code in codes})
        result["x-sprakkoder"] = codes
    return result


def load_schema(path: Path, default: str | None = None, locales: list[str] | None = None) -> dict | None:
    """The schema of a data file, or None when it has none."""
    file = schema_file(path)
    if file is None or not file.is_file():
        return None
    key = (str(file), file.stat().st_mtime_ns, default, tuple(locales) if locales else None)
    if key not in _LOADED:
        name = shown_name(file)
        try:
            raw = json.loads(file.read_text(encoding="utf-8"))
        except json.JSONDecodeError as error:
            raise DataFileError(f"{name}, linje {error.lineno}: skjemaet kan ikke leses ({error.msg}). "
                                "Sjekk komma, klammer og anførselstegn på linjen og den over.") from None
        try:
            jsonschema.Draft202012Validator.check_schema(raw)
        except jsonschema.SchemaError as error:
            raise DataFileError(f"{name}: skjemaet er ikke et gyldig JSON Schema ({error.message}). "
                                "Sammenlign med de andre skjemaene i mappen.") from None
        _LOADED[key] = expand(raw, default, locales)
    return _LOADED[key]


def section_ids(page: Path, docs_dir: Path) -> set[str]:
    from ..translations.checks import headings  # noqa: PLC0415 - only when a reference is checked
    return {heading.anchor for heading in headings(page, docs_dir)}


def validator_class(docs_dir: Path | None):
    """JSON Schema (2020-12) with our words x-unik and x-side."""

    def unique(validator, field, instance, schema):
        if not isinstance(instance, list):
            return
        seen: dict[str, int] = {}
        for index, item in enumerate(instance):
            value = item if field is True else (item.get(field) if isinstance(item, dict) else None)
            if not isinstance(value, str) or not value.strip():
                continue
            if value.strip() in seen:
                error = ValidationError(
                    f"«{value.strip()}» står to ganger (også på linje {{linje}}). "
                    + ("Gi den ene en annen id. En id som er publisert, skal ikke endres." if field == "id"
                       else "Slett den ene, eller slå dem sammen."),
                    path=[index] if field is True else [index, field], validator="x-unik")
                error.first_path = (seen[value.strip()],) if field is True else (seen[value.strip()], field)
                yield error
            else:
                seen[value.strip()] = index

    def page(validator, kind, instance, schema):
        if docs_dir is None or not isinstance(instance, str) or not instance.strip():
            return
        target, _, anchor = instance.strip().partition("#")
        path = docs_dir / target
        if not target.endswith(".md") or not path.is_file():
            yield ValidationError(
                f"viser til siden «{target}», men den finnes ikke under docs/. Skriv stien til .md-filen "
                "under docs/ slik den heter nå, for eksempel veiviser/moter.md" + ("#agenda." if kind == "avsnitt" else "."),
                validator="x-side")
        elif kind == "avsnitt" and not anchor:
            yield ValidationError(f"«{instance}» mangler avsnittet. Skriv # og id-en til avsnittet etter filnavnet, "
                                  f"for eksempel {target}#agenda.", validator="x-side")
        elif anchor and anchor not in section_ids(path, docs_dir):
            yield ValidationError(
                f"viser til avsnittet #{anchor} på siden {target}, men siden har ikke noe avsnitt med den id-en. "
                f"Sjekk id-en: `python -m medvirkning ids docs/{target}` viser id-ene på siden.", validator="x-side")

    return jsonschema.validators.extend(jsonschema.Draft202012Validator, {"x-unik": unique, "x-side": page})


def is_shown(schema: dict, docs_dir: Path) -> bool:
    """True when a page shows the data file (its schema's x-vist-av marker is on a page)."""
    name = schema.get("x-vist-av")
    if not name:
        return True
    pattern = marker(name)
    return any(pattern.search(page.read_text(encoding="utf-8", errors="replace")) for page in docs_dir.rglob("*.md"))


def data_files(root: Path) -> list[Path]:
    """Every YAML file under data/, the schemas' own folder left out."""
    folder = root / "data"
    return sorted(path for path in folder.rglob("*") if path.suffix in DATA_SUFFIXES
                  and SCHEMA_FOLDER not in path.relative_to(folder).parts[:1])


def problems(root: Path, docs_dir: Path, default: str, locales: list[str]) -> list[str]:
    """A message for each data file without a schema, each empty one, and each field that breaks
    its schema (with the file's line)."""
    found = []
    pages = page_sections(docs_dir) if docs_dir.is_dir() else ()
    for path in data_files(root):
        name = shown_name(path)
        schema_path = schema_file(path)
        schema = load_schema(path, default, locales)
        if schema is None:
            found.append(
                f"{name}: datafilen har ikke noe skjema, så bygget kan ikke sjekke den. Lag skjemaet "
                f"{shown_name(schema_path)} (se data/skjema/ og CONTRIBUTING.md), eller flytt filen ut av data/ "
                "hvis den ikke er en datafil.")
            continue
        text = decode(path.read_bytes(), name)
        shown = is_shown(schema, docs_dir)
        def check(text=text, name=name, schema=schema, shown=shown) -> list[str]:
            return file_problems(text, name, schema, docs_dir if shown else None)
        # A schema is kept for the process (load_schema), so its id names it.
        found.extend(check() if pages is None else _CHECKED.get((name, text, id(schema), shown, pages if shown else None),
                                                              check))
    return found


# A data file's messages, kept for the process (`mkdocs serve` rebuilds after each save): by its
# text, its schema and, for the files that name pages and sections, every page's sections.
_CHECKED = cache.Kept(1024)


def page_sections(docs_dir: Path) -> tuple | None:
    """Every page under docs/ and its section ids: what a data file's x-side references can name.
    None when a page cannot be read (not UTF-8: the files step names it); nothing is then kept."""
    try:
        return tuple((path.relative_to(docs_dir).as_posix(), tuple(sorted(section_ids(path, docs_dir))))
                     for path in sorted(docs_dir.rglob("*.md")))
    except (OSError, UnicodeDecodeError):
        return None


def file_problems(text: str, name: str, schema: dict, docs_dir: Path | None) -> list[str]:
    data, lines = load_checked_text(text, name)
    if data is None:
        empty = "[]" if schema.get("type") == "array" else "{}"
        return [f"{name}, linje 1: filen er tom. Skriv innholdet, eller skriv {empty} hvis den skal være tom med vilje."]
    return schema_messages(convert(data, schema), schema, lines, name, validator=validator_class(docs_dir))


def site_languages(root: Path, locales: list[str]) -> list[str]:
    """The languages the site has: those mkdocs.yml builds and those with reader strings in
    data/sprak/ (a language not built in this build, such as a bokmål-only preview, still counts)."""
    own = sorted(path.stem for path in (root / "data" / "sprak").glob("*.yml"))
    return [*locales, *(code for code in own if code not in locales)]


def check(config, default: str, locales: list[str]) -> None:
    """Stop the build on every data file problem at once."""
    root = Path(config.config_file_path).parent
    locales = site_languages(root, locales)
    found = problems(root, Path(config.docs_dir), default, locales)
    if found:
        raise DataFileError("\n".join(found))
