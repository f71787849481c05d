"""What one build knows, typed: the data files (once per build) and each language's results.

mkdocs-static-i18n builds the other languages inside the default language's on_post_build,
so the builds nest: nb starts, nn runs from start to end inside it, then en, then nb ends.
`Builds` is therefore a stack: a language's build is pushed when it starts and popped when
it ends, and no language ever sees another's results.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .html_tree import SharedParse


@dataclass
class Options:
    """How the build was asked for: by the command line (serve/build) or `make anchors`."""
    serving: bool = False
    update_anchors: bool = False


@dataclass
class SiteData:
    """The editors' data files and git dates: read once per build, the same for every language."""
    root: Path
    checklist_definitions: list  # checklists.Definition
    glossary_entries: list  # glossary.Entry
    glossary_allowlist: set[str]
    anchor_registry: dict[str, list[str]]
    page_dates: dict[str, str]  # src path -> ISO date of its last commit
    arshjul: Any = None  # arshjul.Cycle, from data/arshjul.yml
    translations: list | None = None  # translations.Status of every page and language, once found
    not_found_page: str | None = None  # the default language's 404 page, kept at the site's root
    journeys: list | None = None  # journeys.Journey, from data/reiser.yml
    browser_audit: dict | None = None  # data/tilgjengelighetsrevisjon.yml (`make audit`), if there is one
    bokmal_titles: list | None = None  # data/kildetitler.yml, once a page not in bokmål asks (language.parts)
    citations: list = field(default_factory=list)  # citations.Quote, from data/sitater.yml
    synonyms: dict = field(default_factory=dict)  # locale -> {word: preferred term}, from data/sokeord.yml
    role_addresses: Any = None  # security.personal_data.RoleAddresses: what contact details may be published
    contact: Any = None  # contact.Contact: owner and contact address, from mkdocs.yml's extra
    wcag_criteria: list = field(default_factory=list)  # wcag.Criterion of data/wcag.yml, in WCAG's order
    settings: Any = None  # settings.Settings, from extra.medvirkning in mkdocs.yml
    inputs: Any = None  # known_good.Inputs: digests of the code, data and pages the checks read


@dataclass
class LanguageBuild:
    """One language's build: its settings and what its steps find on the way."""
    config: Any  # MkDocsConfig
    site: SiteData
    options: Options
    locale: str
    default_locale: str
    locales: list[str]  # every language that is built, the default first
    strings: dict[str, str]  # the reader-facing words of this language (data/sprak/<locale>.yml)
    templates: Any = None  # the theme's Jinja environment for the hooks' own templates (template_cache)
    material_css: str = ""  # Material's main stylesheet below the site (scripts.theme_stylesheet)
    search_worker: str = ""  # Material's search worker, by the name it has in this version (scripts.search_worker)
    # Filled in by the steps, in the order of medvirkning.pipeline.
    files: Any = None  # this language's Files, once i18n has sorted them
    translations: list = field(default_factory=list)  # translations.Status, every page and language
    checklists: dict[str, list] = field(default_factory=dict)  # checklist id -> items
    checklist_blocks: dict[str, list] = field(default_factory=dict)  # src_uri -> checklists.Block
    marked_texts: list = field(default_factory=list)  # own_advice.Marked: our advice and proposals, to keep marked
    journey_steps: dict[str, list] = field(default_factory=dict)  # src_uri -> the journey steps it belongs to
    abbreviations: dict = field(default_factory=dict)  # term -> glossary.Entry in this language
    abbreviation_pattern: re.Pattern | None = None
    glossary_url: str | None = None
    glossary_annotation: Any = None  # glossary.Annotation of the page Markdown is reading
    nav_order: dict[str, int] = field(default_factory=dict)
    nav_sections: dict[str, list] = field(default_factory=dict)  # menu section (mkdocs.yml's title) -> pages
    reports: list = field(default_factory=list)  # accessibility.PageReport
    report_data: dict = field(default_factory=dict)  # the report of every page, once all are checked
    generated_pages: dict[str, Any] = field(default_factory=dict)  # marker name -> Page
    print_pages: dict[str, str] = field(default_factory=dict)  # print page src -> its document's folder
    anchors_built: dict[str, list[str]] = field(default_factory=dict)  # url -> ids
    anchors_src_by_url: dict[str, str] = field(default_factory=dict)
    content_scripts: dict[str, frozenset] = field(default_factory=dict)  # url -> script hashes
    # The one parse of the page in hand, shared by the steps of one event and reset after it.
    content: SharedParse | None = None  # the page's content, after Markdown
    written_page: SharedParse | None = None  # the whole page, as the theme wrote it

    @property
    def is_default(self) -> bool:
        return self.locale == self.default_locale

    @property
    def folder(self) -> str:
        """"" for the default language, "nn/" and so on for the others (the site's folders)."""
        return "" if self.is_default else f"{self.locale}/"


class Builds:
    """The stack of language builds in progress; the innermost is the current one."""

    def __init__(self) -> None:
        self._stack: list[LanguageBuild] = []
        self.site: SiteData | None = None

    def start(self, build: LanguageBuild) -> None:
        self._stack.append(build)

    def end(self) -> LanguageBuild:
        return self._stack.pop()

    @property
    def current(self) -> LanguageBuild:
        if not self._stack:
            raise RuntimeError("no language build is in progress")
        return self._stack[-1]

    @property
    def in_progress(self) -> bool:
        return bool(self._stack)

    def reset(self) -> None:
        """Forget everything: a new `mkdocs build` or a rebuild under `mkdocs serve`."""
        self._stack.clear()
        self.site = None
