"""Markdown's HTML of a page, kept by a digest of everything it is made from.

MkDocs converts every page with Markdown on every build, and under `mkdocs serve` on every save,
though only the saved page has changed. What Markdown makes of a page depends only on:
- the page's Markdown as our steps leave it (on_page_markdown: the generated lists are in it),
  and the texts it includes (markdown-include, followed to the end);
- where the page is and which files the language has (links are checked and rewritten against
  them);
- the language, the glossary link of the page (glossary.Annotation), and the build's code, its
  libraries, the data files and mkdocs.yml with its Markdown extensions (`Inputs.code`, `.data`).

So the page's render is kept under a digest of exactly that: in memory for `mkdocs serve`'s next
rebuild, and in the cache folder (core/cache.py) for the next build. What is kept is everything
`Page.render` leaves on the page (content, table of contents, title, anchor ids, links to other
pages' anchors), what the glossary's tree step found, and every message logged while it ran; a
kept render says those messages again, so a broken link still stops a strict build every time.
"""
from __future__ import annotations

import logging
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import cache
from .source import included_files

KIND = "markdown"
_KEPT = cache.Kept(2048)  # for `mkdocs serve`: what this process rendered or read


@dataclass
class Rendered:
    """What Page.render leaves on a page, and what was said while it ran."""
    content: str
    toc: object
    title: str | None
    anchor_ids: set[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None  # by the linked file's src_uri
    glossary_found: list[str]
    glossary_unknown: list[str]
    glossary_linked: set[str]
    messages: list[tuple[str, int, str]] = field(default_factory=list)  # logger, level, text


@dataclass
class RenderState:
    """One language build's digest of its files (links are resolved against them)."""
    files: str = ""


class _Said(logging.Handler):
    """Every message of INFO or above logged while a page is rendered, once each."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if not any(record is seen for seen in self.records):
            self.records.append(record)


def files_digest(files) -> str:
    return cache.digest(*sorted(f"{f.src_uri}\0{f.dest_uri}\0{f.url}\0{f.inclusion}" for f in files))


def includes_digest(markdown: str, base: Path) -> str:
    """A digest of every text the page includes, and the texts they include, by name and content."""
    parts: list[str | bytes] = []
    seen: set[str] = set()
    waiting = list(included_files(markdown))
    while waiting:
        target = waiting.pop(0)
        if target in seen:
            continue
        seen.add(target)
        path = Path(os.path.normpath(base / os.path.expanduser(target)))
        try:
            data = path.read_bytes()
        except OSError:
            data = b"\0missing"  # includes.check_pages stops the build before this
        parts += [target, data]
        waiting += included_files(data.decode("utf-8", "replace"))
    return cache.digest(*parts)


def render_key(markdown: str, page, build, annotation) -> str:
    """The digest of everything Markdown's HTML of the page is made from (the module docstring)."""
    config = build.config
    base = Path(config.mdx_configs.get("markdown_include.include", {}).get("base_path", config.docs_dir))
    state = build.state(RenderState)
    if not state.files:
        state.files = files_digest(build.files)
    found = build.site.inputs
    return cache.digest(found.code, found.data, type(page).__module__, build.locale,
                        page.file.src_uri, page.file.dest_uri, page.url, state.files,
                        includes_digest(markdown, base), markdown, getattr(annotation, "glossary_href", None) or "")


def taken_from(page, annotation, said: _Said) -> Rendered:
    links = getattr(page, "links_to_anchors", None)
    return Rendered(
        content=page.content, toc=page.toc, title=getattr(page, "_title_from_render", None),
        anchor_ids=getattr(page, "present_anchor_ids", None),
        links_to_anchors=None if links is None else {f.src_uri: dict(found) for f, found in links.items()},
        glossary_found=list(annotation.found) if annotation else [],
        glossary_unknown=list(annotation.unknown) if annotation else [],
        glossary_linked=set(annotation.linked) if annotation else set(),
        messages=[(r.name, r.levelno, r.getMessage()) for r in said.records])


def put_on(page, rendered: Rendered, files, annotation) -> None:
    """A kept render on the page, as if Markdown had just made it; its messages said again."""
    page.content = rendered.content
    page.toc = rendered.toc
    page._title_from_render = rendered.title
    page.present_anchor_ids = rendered.anchor_ids
    if rendered.links_to_anchors is not None:
        page.links_to_anchors = {files.get_file_from_path(src): dict(found)
                                 for src, found in rendered.links_to_anchors.items()}
    if annotation is not None:
        annotation.found[:] = rendered.glossary_found
        annotation.unknown[:] = rendered.glossary_unknown
        annotation.linked.clear()
        annotation.linked.update(rendered.glossary_linked)
    for name, level, text in rendered.messages:
        logging.getLogger(name).log(level, text)


def render(page, config, files, original, build, annotation) -> None:
    """Page.render, or what it gave before for the same inputs."""
    if not cache.enabled() or logging.getLogger("mkdocs").getEffectiveLevel() <= logging.DEBUG:
        original(config, files)
        return
    key = render_key(page.markdown, page, build, annotation)

    def make() -> bytes:
        said = _Said()
        loggers = [logging.getLogger(), logging.getLogger("mkdocs"), logging.getLogger("properdocs")]
        for logger in loggers:
            logger.addHandler(said)
        try:
            original(config, files)
        finally:
            for logger in loggers:
                logger.removeHandler(said)
        return pickle.dumps(taken_from(page, annotation, said), protocol=pickle.HIGHEST_PROTOCOL)

    kept = cache.kept_or_made(_KEPT, cache.folder(build.site), KIND, key, make)
    if kept is not None:
        put_on(page, pickle.loads(kept), files, annotation)


# ---- Step of the build (medvirkning.pipeline runs it last in on_page_markdown) ----

def keep_render(annotation_of: Callable) -> Callable:
    """The Markdown step that has MkDocs's next call, page.render, go through `render` above.
    `annotation_of(build)` gives the page's glossary Annotation (glossary.current_annotation)."""
    def step(markdown: str, page, build) -> str:
        original = type(page).render.__get__(page)
        page.render = lambda config, files: render(page, config, files, original, build, annotation_of(build))
        return markdown
    step.__name__ = step.__qualname__ = "keep_render"
    return step
