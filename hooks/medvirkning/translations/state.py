"""The translations' data, found once per build (`site.state(TranslationsData)`)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class TranslationsData:
    """Every page's translation status in every language, found by the first language's files step
    (status.find), read by the outdated notice and the status table in every language."""
    statuses: list | None = None  # status.Status; None until found
