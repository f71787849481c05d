"""The content security policy's state in one language build (`build.state(SecurityState)`)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class SecurityState:
    """The inline scripts of each page's content, hashed as Markdown made them (check_content):
    when the page is written (secure_page), its policy allows none of them."""
    content_scripts: dict[str, frozenset] = field(default_factory=dict)  # url -> script hashes
