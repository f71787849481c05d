"""The marked texts of one language build (`build.state(OwnAdviceState)`)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class OwnAdviceState:
    """Every text marked as the site's own advice or a proposal, registered as the steps find them
    (marks.register). Read by other rooms to keep the mark where the text goes: the årshjul's
    calendars and the templates' Word and Markdown downloads read `marked`."""
    marked: list = field(default_factory=list)  # own_advice.marks.Marked
