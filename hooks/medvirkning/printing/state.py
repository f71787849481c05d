"""The print pages of one language build (`build.state(PrintingState)`)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PrintingState:
    """The print pages added by the files step (add_pages) and filled once every page is rendered
    (fill). Read by the accessibility checks (`pages`), which leave print pages out: a print page
    is the other pages."""
    pages: dict[str, str] = field(default_factory=dict)  # print page src -> its document's folder
