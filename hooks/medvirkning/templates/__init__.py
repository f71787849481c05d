"""Templates (maler): the pages a council fills in, as Word and Markdown downloads."""
