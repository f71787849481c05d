"""Medvirkning's build steps: plain functions that the one hook, hooks/medvirkning_hook.py,
runs in the order written down in medvirkning.pipeline. core/ holds what every feature stands
on; each other folder is one feature; developer tools live in tools/, outside this package."""
