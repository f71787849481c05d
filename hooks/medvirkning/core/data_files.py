"""Reading the YAML data files that editors change (data/*.yml) and the front matter of pages.

Plain functions only; a broken file stops the build with the file, the line and a plain
Norwegian hint, never a Python traceback.

Every value is read as text (YAML would read NO as false and on/yes as true): the file is
read with PyYAML's BaseLoader, then a JSON Schema (jsonschema) says which fields are lists,
yes/no values or numbers, and which fields a file may have. Each field that breaks the
schema is one message with its line. Each data file's schema is data/skjema/<name>.json
(data_schemas.py); front matter's is in schemas.py.
"""
from __future__ import annotations

import copy
import difflib
import re
from pathlib import Path

import jsonschema
import yaml
from mkdocs.exceptions import PluginError

from .source import where

TRUE, FALSE = {"true", "yes", "ja", "on"}, {"false", "no", "nei", "off"}
# For the YAML the build writes itself (the audit file, the translation records), read as YAML
# types: PyYAML's safe loader, in C (libyaml) when there.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DataFileError(PluginError):
    pass


def problem_line(error: yaml.YAMLError, first_line: int = 1) -> str:
    """«, linje N» for a YAML error, counting the text's first line as `first_line`; "" if unknown."""
    mark = getattr(error, "problem_mark", None)
    return f", linje {mark.line + first_line}" if mark is not None else ""


def decode(data: bytes, name: str) -> str:
    """The text of a file, or a plain error naming the line where it is not UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise DataFileError(
            f"{where(name, line)}: filen er ikke lagret som UTF-8, så æ, ø og å blir feil. "
            "Lagre filen som UTF-8 (i Notisblokk: «Lagre som» → Koding: UTF-8), eller skriv "
            "endringen i GitHub i nettleseren.") from None


class DuplicateKey(yaml.YAMLError):
    def __init__(self, key: str, line: int, first: int):
        super().__init__(key)
        self.key, self.line, self.first = key, line, first


def load_text(text: str) -> tuple[object, dict[tuple, int]]:
    """The YAML data with every value as text, and the line (from 1) of each value by its path."""
    lines: dict[tuple, int] = {}

    def construct(node, path):
        lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            result = {}
            for key, value in node.value:
                name = key.value if isinstance(key, yaml.ScalarNode) else str(key.value)
                if name in result:  # YAML would keep the last one silently
                    raise DuplicateKey(name, key.start_mark.line + 1, lines[(*path, name)])
                lines[(*path, name)] = key.start_mark.line + 1
                result[name] = construct(value, (*path, name))
                lines[(*path, name)] = key.start_mark.line + 1
            return result
        if isinstance(node, yaml.SequenceNode):
            return [construct(child, (*path, number)) for number, child in enumerate(node.value)]
        return node.value

    node = yaml.compose(text, Loader=getattr(yaml, "CBaseLoader", yaml.BaseLoader))  # libyaml when there
    return (None if node is None else construct(node, ())), lines


def load_checked_text(text: str, name: str, first_line: int = 1) -> tuple[object, dict[tuple, int]]:
    """As load_text; a text YAML cannot read is a plain error naming the file and line."""
    try:
        return load_text(text)
    except DuplicateKey as error:
        raise DataFileError(
            f"{name}, linje {error.line + first_line - 1}: «{error.key}» står to ganger (også på linje "
            f"{error.first + first_line - 1}), og bare den siste ville blitt brukt. Slett den ene, eller slå dem sammen.") from None
    except yaml.YAMLError as error:
        raise DataFileError(
            f"{name}{problem_line(error, first_line)}: filen kan ikke leses. Sjekk innrykk, bindestreker og kolon. "
            "Har en verdi et kolon, sett den i anførselstegn.") from None


def convert(value, schema: dict):
    """Text turned into what the schema asks for: yes/no values and numbers; the rest stays text."""
    kind = schema.get("type")
    if "anyOf" in schema:  # the first alternative the value fits once converted
        for alternative in schema["anyOf"]:
            converted = convert(value, alternative)
            if jsonschema.Draft202012Validator(alternative).is_valid(converted):
                return converted
        return value
    if isinstance(value, str):
        word = value.strip().lower()
        if kind == "boolean" and word in TRUE | FALSE:
            return word in TRUE
        if kind in ("integer", "number"):
            try:
                return int(word) if kind == "integer" else float(word)
            except ValueError:
                return value
        if kind == "array" and not value.strip():
            return []
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        return {k: convert(v, properties.get(k, schema.get("additionalProperties") or {})) for k, v in value.items()}
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        return [convert(v, schema["items"]) for v in value]
    return value


LANGUAGE_KEY = re.compile(r"[A-Za-z]{2,3}(?:[_-][A-Za-z]{2})?")
KINDS = {"string": "tekst", "array": "en liste (linjer som begynner med «- »)", "boolean": "ja eller nei (true/false)",
         "integer": "et heltall", "number": "et tall", "object": "linjer med «navn: verdi»"}


def describe(value) -> str:
    if isinstance(value, list):
        return "en liste"
    if isinstance(value, dict):
        return "linjer med «navn: verdi»"
    return f"«{value}»"


def entry_of(path: tuple) -> str:
    """« i oppføring nr. 2» (a top-level list), « i hendelser nr. 2» (a named list), or ""."""
    last = max((i for i, p in enumerate(path) if isinstance(p, int)), default=None)
    if last is None:
        return ""
    container = path[last - 1] if last and isinstance(path[last - 1], str) else "oppføring"
    return f" i {container} nr. {path[last] + 1}"


def field_name(path: tuple) -> str:
    last = max((i for i, p in enumerate(path) if isinstance(p, int)), default=-1)
    names = [p for p in path[last + 1:] if isinstance(p, str)]
    if last > 0 and not names:  # an item of a list of values («hide»): the list's name
        return field_name(path[:last])
    text = f"«{'.'.join(names)}»" if names else "verdien"
    return text + entry_of(path)


def likely(unknown: list[str], known: list[str]) -> str:
    """« Mente du «tittel»?» for a misspelt name, or ""."""
    for name in unknown:
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        if close:
            return f" Mente du «{close[0]}»?"
    return ""


def explain(error: jsonschema.ValidationError) -> str:
    """One schema error in plain Norwegian (without the place)."""
    path = tuple(error.absolute_path)
    name = field_name(path)
    kind = error.validator
    if kind == "type":
        wanted = error.validator_value if isinstance(error.validator_value, str) else error.validator_value[0]
        hint = {"string": " Sett teksten i anførselstegn.",
                "object": " Skriv hvert felt på en egen linje under, med to mellomrom foran: «navn: verdi».",
                "array": " Skriv hvert punkt på en egen linje under, med «- » foran.",
                "boolean": " Skriv true eller false."}.get(wanted, " Rett verdien på linjen.")
        return f"{name} skal være {KINDS.get(wanted, wanted)}, men er {describe(error.instance)}.{hint}"
    if kind == "required":
        missing = error.message.split("'")[1]
        return f"{field_name((*path, missing))} mangler."
    if kind in ("x-unik", "x-side"):  # our own words (data_schemas.py): the message is written there
        return f"{name} {error.message}" if kind == "x-side" else f"{name}: {error.message}"
    if kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        unknown = sorted(set(error.instance) - set(allowed))
        codes = error.schema.get("x-sprakkoder")
        if codes and all(LANGUAGE_KEY.fullmatch(u) for u in unknown):
            return (f"{', '.join(f'«{u}»' for u in unknown)}"
                    + entry_of(path)
                    + f" er ikke et språk nettstedet har. Språkkodene er {' og '.join(codes)}, med små bokstaver. "
                    "Rett koden, eller ta bort teksten.")
        fields = [name for name in allowed if name not in (codes or ())]
        return (f"ukjent felt {', '.join(f'«{u}»' for u in unknown)}" + entry_of(path)
                + f". Kjente felt er {', '.join(fields)}"
                + (f" (og språkene {', '.join(codes)})" if codes else "") + "."
                + (likely(unknown, fields) or " Rett stavemåten, eller ta bort linjen."))
    if kind == "enum":
        return f"{describe(error.instance)} kan ikke brukes i {name}. Bruk en av: {', '.join(map(str, error.validator_value))}."
    if kind == "minLength":
        return f"{name} er tom. Skriv en tekst."
    if kind == "minItems":
        return f"{name} er en tom liste."
    if kind == "pattern":
        return f"{describe(error.instance)} i {name} kan bare ha små bokstaver a–z, tall og bindestrek."
    if kind in ("minimum", "maximum"):
        return (f"{describe(error.instance)} i {name} er for {'lite' if kind == 'minimum' else 'stort'}: "
                f"{'det minste' if kind == 'minimum' else 'det største'} som kan brukes, er {error.validator_value}. "
                "Rett tallet.")
    if kind == "anyOf":
        choices = [", ".join(f"«{v}»" for v in alternative["enum"]) if "enum" in alternative
                   else KINDS.get(alternative.get("type"), str(alternative.get("type"))) for alternative in error.validator_value]
        return f"{describe(error.instance)} kan ikke brukes i {name}. Skriv {' eller '.join(choices)}."
    # Any other rule of the schema (anyOf, maxLength, …): the value, and where to read what fits.
    return (f"{describe(error.instance)} i {name} kan ikke brukes her. Sjekk verdien mot forklaringen øverst i "
            "filen, og skriv den slik de andre oppføringene gjør.")


def schema_messages(data, schema: dict, lines: dict[tuple, int], name: str, first_line: int = 1,
                    validator=jsonschema.Draft202012Validator) -> list[str]:
    """One message per field that breaks the schema, in file order, each with its line."""
    messages = []
    validator = validator(schema)
    for error in sorted(validator.iter_errors(data), key=lambda e: lines.get(tuple(e.absolute_path), 0)):
        if error.validator == "required" and isinstance(error.instance, dict):
            missing = error.message.split("'")[1]
            unknown = set(error.instance) - set(error.schema.get("properties", {}))
            if difflib.get_close_matches(missing, list(unknown), n=1, cutoff=0.6):
                continue  # the misspelt field's message names it («Mente du …?»)
        line = lines.get(tuple(error.absolute_path))
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            unknown = sorted(set(error.instance) - set(error.schema.get("properties", {})))
            line = lines.get((*error.absolute_path, unknown[0]), line) if unknown else line
        text = explain(error)
        first = getattr(error, "first_path", None)  # x-unik: where the value stood first
        if first is not None:
            parent = tuple(error.absolute_path)[:-len(first)]
            text = text.replace("{linje}", str(lines.get((*parent, *first), 0) + first_line - 1))
        messages.append(f"{where(name, line + first_line - 1 if line else None)}: {text}")
    return messages


# What parse() made of a text, kept for the process (`mkdocs serve` rebuilds, the tests' many
# fixture builds read the same data files): (text, name, first line) -> (schema, data). Kept with
# its schema, which is compared by identity; a copy goes to each caller.
_PARSED: dict[tuple[str, str, int], tuple[object, object]] = {}
_PARSED_MAX = 1024


def parse(text: str, name: str, schema: dict | None = None, first_line: int = 1):
    """Text as data: every value text unless `schema` says otherwise; errors name file and line."""
    kept = _PARSED.get((text, name, first_line))
    if kept is not None and kept[0] is schema:
        return copy.deepcopy(kept[1])
    data = _parse(text, name, schema, first_line)
    if len(_PARSED) >= _PARSED_MAX:
        _PARSED.clear()
    _PARSED[(text, name, first_line)] = (schema, data)
    return copy.deepcopy(data)


def _parse(text: str, name: str, schema: dict | None, first_line: int):
    data, lines = load_checked_text(text, name, first_line)
    if schema is None or data is None:
        return data
    data = convert(data, schema)
    messages = schema_messages(data, schema, lines, name, first_line)
    if messages:
        raise DataFileError("\n".join(messages))
    return data


def read_yaml(path: Path, default, schema: dict | None = None):
    """The data in `path` (every value text), or `default` when the file is missing or empty.
    A file is checked against its schema in data/skjema/ (or the one given)."""
    if not path.exists():
        return default
    from .data_schemas import load_schema, shown_name  # noqa: PLC0415 - data_schemas reads this module first
    name = shown_name(path)
    data = parse(decode(path.read_bytes(), name), name, schema or load_schema(path))
    return default if data is None else data
