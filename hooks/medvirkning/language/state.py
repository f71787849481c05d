"""The language room's data, read once per build (`site.state(LanguageData)`)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class LanguageData:
    """data/kildetitler.yml, read when the first page not in bokmål asks (parts)."""
    bokmal_titles: list | None = None
