"""«På denne siden»: the page's sections at the top, for phones."""
