"""Who runs the site and how readers reach them: the owner and contact of mkdocs.yml, and the
«Meld fra om feil på denne siden» links."""
