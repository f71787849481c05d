"""The journeys' state in one language build (`build.state(JourneysState)`)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class JourneysState:
    """Which pages are steps of which journeys, found by the files step (add_pages) and read
    page by page for the «Steg 2 av 5» boxes (render_markdown)."""
    steps: dict[str, list] = field(default_factory=dict)  # src_uri -> the journey steps it belongs to
