"""The registry of ids, read once per build (`site.state(AnchorsData)`), and the ids of one language
build (`build.state(AnchorsState)`)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class AnchorsState:
    """Every page's ids as built (registry.record_ids, page by page), checked against
    data/ankere.yml once every page is read (registry.check_registry)."""
    built: dict[str, list[str]] = field(default_factory=dict)  # url -> ids
    src_by_url: dict[str, str] = field(default_factory=dict)  # url -> src_uri, for the messages


@dataclass
class AnchorsData:
    """data/ankere.yml, read once per build (`site.state(AnchorsData)`); `make anchors` rewrites it."""
    registry: dict[str, list[str]] = field(default_factory=dict)  # url -> the ids that must stay
