"""Citable sections: the source's own wording under the site's plain headings, with a ready citation."""
