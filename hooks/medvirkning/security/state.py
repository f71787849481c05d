"""What contact details may be published, read once per build (`site.state(SecurityData)`), and the
content security policy's state in one language build (`build.state(SecurityState)`)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class SecurityState:
    """The inline scripts of each page's content, hashed as Markdown made them (check_content):
    when the page is written (secure_page), its policy allows none of them."""
    content_scripts: dict[str, frozenset] = field(default_factory=dict)  # url -> script hashes


@dataclass
class SecurityData:
    """What contact details may be published (personal_data.RoleAddresses), read once per build
    (`site.state(SecurityData)`)."""
    role_addresses: Any = None
