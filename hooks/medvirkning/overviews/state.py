"""The menu's sections as the overviews read them, in one language build (`build.state(OverviewsState)`)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class OverviewsState:
    """The pages of each section of the menu, by the section's title in mkdocs.yml (lists.remember_sections,
    on_nav). Read by the section lists (lists) and the guidebook's source check (sources)."""
    sections: dict[str, list] = field(default_factory=dict)  # menu section (mkdocs.yml's title) -> pages
