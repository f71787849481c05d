"""Checks on what editors write: front matter, shared texts (includes), encoding, boxes, embeds,
comments and titles."""
