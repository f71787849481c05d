"""Checklists: collected from the content, one page each, and their quality checks."""
