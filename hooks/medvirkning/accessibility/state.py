"""The accessibility checks' state in one language build (`build.state(AccessibilityState)`)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class AccessibilityState:
    """Every page's checks (checks.check_content, page by page), then the report of them all
    (report.summarize, once every page is checked), which the report, statement and JSON are made from."""
    reports: list = field(default_factory=list)  # checks.PageReport
    summary: dict = field(default_factory=dict)  # report.report_data and what summarize adds
