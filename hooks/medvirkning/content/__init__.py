"""Checks on what editors write: front matter, shared texts (includes), encoding, boxes, embeds,
comments and titles; text pasted from Word; the site's structure (file names, addresses, redirects,
menu titles, page templates, validation levels)."""
