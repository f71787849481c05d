"""The glossary's data, read once per build (`site.state(GlossaryData)`), and its state in one language
build (`build.state(GlossaryState)`)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any


@dataclass
class GlossaryState:
    """This language's abbreviations and glossary page, found by the files step (find_glossary).

    Read by other rooms: content checks read `abbreviations` (a title's abbreviations must be
    explained); the termbase check (language.terms) reads `url` (whether there is a glossary page);
    Markdown's tree step (markdown_setup) reads `annotation`, the page in hand's."""
    abbreviations: dict = field(default_factory=dict)  # term -> glossary.Entry in this language
    pattern: re.Pattern | None = None  # every abbreviation, for one search of a text
    url: str | None = None  # this language's glossary page
    annotation: Any = None  # glossary.Annotation of the page Markdown is reading


@dataclass
class GlossaryData:
    """data/ordliste.yml and the words that only look like abbreviations, read once per build
    (`site.state(GlossaryData)`). Content checks read `allowlist` (a title's abbreviations)."""
    entries: list = field(default_factory=list)  # glossary.Entry
    allowlist: set[str] = field(default_factory=set)
