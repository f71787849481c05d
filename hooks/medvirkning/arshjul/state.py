"""The årshjul's data, read once per build (`site.state(ArshjulData)`)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class ArshjulData:
    """data/arshjul.yml as an arshjul.Cycle."""
    cycle: Any = None
