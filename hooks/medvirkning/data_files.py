"""Reading the YAML data files that editors change (data/*.yml).

Plain functions only; a broken file stops the build with the file, the line and a plain
Norwegian hint, never a Python traceback.
"""
from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError


def problem_line(error: yaml.YAMLError, first_line: int = 1) -> str:
    """«, linje N» for a YAML error, counting the text's first line as `first_line`; "" if unknown."""
    mark = getattr(error, "problem_mark", None)
    return f", linje {mark.line + first_line}" if mark is not None else ""


def read_yaml(path: Path, default):
    """The data in `path`, or `default` when the file is missing or empty."""
    if not path.exists():
        return default
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise PluginError(
            f"data/{path.name}{problem_line(error)}: filen kan ikke leses. Sjekk innrykk, bindestreker og kolon. "
            "Har en verdi et kolon, sett den i anførselstegn.") from None
    return default if data is None else data
