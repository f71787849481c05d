"""Configures the Markdown extensions from the project itself.

One concern: the toc extension gets our slug function, and markdown-include gets an
absolute base path, so that builds work from any working directory (tests build in
temporary folders).
"""
from __future__ import annotations

import os

from .slugs import slugify


def configure_markdown(mdx_configs: dict, extensions: list, docs_dir: str) -> None:
    """Point toc at our slugify and markdown-include at the docs folder."""
    mdx_configs.setdefault("toc", {})["slugify"] = slugify
    if "markdown_include.include" in extensions:
        mdx_configs.setdefault("markdown_include.include", {})["base_path"] = os.path.abspath(docs_dir)
