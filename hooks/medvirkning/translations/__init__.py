"""Translation status: which pages exist in which language, and which are outdated."""
