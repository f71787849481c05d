"""The quotes' data, read once per build (`site.state(CitationsData)`)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class CitationsData:
    """The quotes of data/sitater.yml (citations.Quote)."""
    quotes: list = field(default_factory=list)
