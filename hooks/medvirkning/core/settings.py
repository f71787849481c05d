"""The project's own settings, under `extra: medvirkning:` in mkdocs.yml, checked by MkDocs'
config_options like a plugin's: a mistyped name or a wrong value stops the build with the
line in mkdocs.yml, in plain Norwegian.

`extra:` is where MkDocs allows settings of one's own (an unknown name at the top level is a
warning of MkDocs itself); the hook reads `extra.medvirkning` here and nowhere else.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config import base, config_options as c
from mkdocs.exceptions import PluginError

from .source import line_with, where

SECTION = "medvirkning"  # extra.medvirkning
LIX_TARGET = 40  # the goal for every page, and the most the median page may have
LIX_MAX = 45  # no page above this: the build stops
CACHE_DIR = ".cache/medvirkning"  # beside mkdocs.yml, not in git (core/cache.py)


class Folder(c.Type):
    """A folder, relative to mkdocs.yml's folder or absolute, with a Norwegian message when it is not one."""

    def __init__(self, default: str):
        super().__init__(str, default=default)

    def run_validation(self, value):
        if not isinstance(value, str) or not value.strip():
            raise base.ValidationError(f"skriv navnet på en mappe, for eksempel {CACHE_DIR}")
        return value


class Contact(base.Config):
    """Who readers and editors can write to (the statement, the about page, the footer)."""
    email = c.Optional(c.Type(str))  # where «Meld fra om feil» sends its e-mail
    github = c.Optional(c.Type(str))  # the repository on GitHub as owner/name, for issues


class Settings(base.Config):
    # The menu's documents, by folder under docs/: each gets a print page and can be saved for
    # reading offline (the button at the end of its pages).
    documents = c.ListOfItems(c.Type(str), default=["veileder", "strategi", "veiviser"])
    lix_target = c.Type(int, default=LIX_TARGET)
    lix_max = c.Type(int, default=LIX_MAX)
    owner = c.Optional(c.Type(str))  # who owns and answers for the site (eier)
    contact = c.SubConfig(Contact)
    cache_dir = Folder(default=CACHE_DIR)  # what the build keeps between builds (core/cache.py)


class SettingsError(PluginError):
    pass


def load(extra: dict, config_file: str | None) -> Settings:
    """The settings of `extra.medvirkning`, defaults filled in; a SettingsError naming the line."""
    raw = extra.get(SECTION) or {}
    source = Path(config_file).read_text(encoding="utf-8") if config_file and Path(config_file).exists() else ""
    name = Path(config_file).name if config_file else "mkdocs.yml"
    if not isinstance(raw, dict):
        raise SettingsError(f"{where(name, line_with(source, f'{SECTION}:'))}: «extra: {SECTION}:» skal være "
                            "linjer med «navn: verdi».")
    settings = Settings(config_file_path=config_file)
    settings.load_dict(raw)
    errors, warnings = settings.validate()
    problems = [(key, str(error)) for key, error in errors]
    problems += [(key, "ukjent innstilling") for key, warning in warnings if "Unrecognised" in str(warning)]
    if problems:
        known = ", ".join(f"«{key}»" for key, _ in Settings._schema)
        raise SettingsError("\n".join(
            f"{where(name, line_with(source, f'{key}:'))}: innstillingen «{key}» under «extra: {SECTION}:» "
            f"er feil ({problem}). Kjente innstillinger er {known}; se ARCHITECTURE.md." for key, problem in problems))
    if settings.lix_target > settings.lix_max:
        raise SettingsError(f"{where(name, line_with(source, 'lix_target:'))}: «lix_target» ({settings.lix_target}) "
                            f"kan ikke være større enn «lix_max» ({settings.lix_max}).")
    return settings
