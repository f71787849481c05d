"""The accessibility checks' data, read once per build (`site.state(AccessibilityData)`), and their
state in one language build (`build.state(AccessibilityState)`)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class AccessibilityState:
    """Every page's checks (checks.check_content, page by page), then the report of them all
    (report.summarize, once every page is checked), which the report, statement and JSON are made from."""
    reports: list = field(default_factory=list)  # checks.PageReport
    summary: dict = field(default_factory=dict)  # report.report_data and what summarize adds


@dataclass
class AccessibilityData:
    """Read once per build (`site.state(AccessibilityData)`): the browser audit, if `make audit`
    wrote one (data/tilgjengelighetsrevisjon.yml), and WCAG's criteria (data/wcag.yml)."""
    browser_audit: dict | None = None
    wcag_criteria: list = field(default_factory=list)  # wcag.Criterion, in WCAG's order
