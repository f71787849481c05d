"""Whole documents to print: one page each for the guide, the strategy and the guidebook."""
