"""The checklists' definitions, read once per build (`site.state(ChecklistData)`), and their state in
one language build (`build.state(ChecklistsState)`)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ChecklistsState:
    """This language's checklist items and the blocks they came from, found by the files step
    (add_pages). The overview of every checklist (render_markdown) reads `items`."""
    items: dict[str, list] = field(default_factory=dict)  # checklist id -> checklists.Item, in task order
    blocks: dict[str, list] = field(default_factory=dict)  # src_uri -> checklists.Block on that page


@dataclass
class ChecklistData:
    """The checklists of data/sjekklister.yml, read once per build (`site.state(ChecklistData)`)."""
    definitions: list = field(default_factory=list)  # checklists.Definition
