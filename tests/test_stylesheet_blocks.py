"""Our stylesheet's rules each close where they should: a missing «}» (an easy slip when two edits
meet) swallows every rule after it, and nothing else would say so."""
from __future__ import annotations

import tinycss2

from helpers import ROOT

STYLESHEET = ROOT / "docs" / "assets" / "stylesheets" / "medvirkning.css"


def test_no_rule_holds_another_rule():
    rules = tinycss2.parse_stylesheet(STYLESHEET.read_text(encoding="utf-8"), skip_comments=True, skip_whitespace=True)
    nested = [tinycss2.serialize(rule.prelude).strip() for rule in rules if rule.type == "qualified-rule"
              and any(token.type == "{} block" for token in rule.content)]
    assert nested == [], f"en regel mangler «}}» og tar med seg reglene etter seg: {nested}"
    assert not [rule for rule in rules if rule.type == "error"]
