"""Configures the Markdown extensions from the project itself.

The toc extension gets our slug function and our section links (section_links.py), the
glossary explains abbreviations in the tree (glossary.GlossaryAnnotation), and
markdown-include gets an absolute base path, so that builds work from any working directory
(tests build in temporary folders).
"""
from __future__ import annotations

import os

from .glossary.glossary import GlossaryAnnotation
from .anchors.section_links import SectionLinks
from .core.slugs import slugify

# Our own extensions: they act on the page being built, so a Markdown instance that only reads
# pages (checklists.site_markdown) leaves them out.
OWN_EXTENSIONS = (SectionLinks, GlossaryAnnotation)


def configure_markdown(mdx_configs: dict, extensions: list, docs_dir: str, permalink_label,
                       glossary_annotation) -> None:
    """Point toc at our slugify and markdown-include at the docs folder; label section links;
    explain abbreviations."""
    mdx_configs.setdefault("toc", {})["slugify"] = slugify
    if not any(isinstance(e, SectionLinks) for e in extensions):
        extensions.append(SectionLinks(permalink_label))
    if not any(isinstance(e, GlossaryAnnotation) for e in extensions):
        extensions.append(GlossaryAnnotation(glossary_annotation))
    if "markdown_include.include" in extensions:
        mdx_configs.setdefault("markdown_include.include", {})["base_path"] = os.path.abspath(docs_dir)
