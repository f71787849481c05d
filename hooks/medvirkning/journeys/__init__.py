"""Steg for steg: journeys through a task (data/reiser.yml), their pages and the step boxes."""
