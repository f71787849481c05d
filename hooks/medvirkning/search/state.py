"""The search's data, read once per build (`site.state(SearchData)`)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class SearchData:
    """data/sokeord.yml: per language, each search word and the term it finds."""
    synonyms: dict = field(default_factory=dict)  # locale -> {word: preferred term}
