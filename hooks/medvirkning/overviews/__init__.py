"""Overviews that must name every page of a kind, made from the pages so that they cannot drift
(the organisations table, the guidebook's lists of pages), and the sources a guidebook page names
in its front matter (`kilder:`), checked against data/kilder.yml and the about page."""
