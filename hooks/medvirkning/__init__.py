"""Medvirkning's build steps: plain functions that the one hook, hooks/medvirkning_hook.py,
runs in the order written down in medvirkning.pipeline."""
