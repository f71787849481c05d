"""The journeys, read once per build (`site.state(JourneysData)`), and their state in one language build
(`build.state(JourneysState)`)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class JourneysState:
    """Which pages are steps of which journeys, found by the files step (add_pages) and read
    page by page for the «Steg 2 av 5» boxes (render_markdown)."""
    steps: dict[str, list] = field(default_factory=dict)  # src_uri -> the journey steps it belongs to


@dataclass
class JourneysData:
    """The journeys of data/reiser.yml, read once per build (`site.state(JourneysData)`)."""
    journeys: list = field(default_factory=list)  # journeys.Journey
