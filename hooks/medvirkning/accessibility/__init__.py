"""Accessibility: the checks on every page, colour contrast, readability (LIX), the report
and the statement."""
