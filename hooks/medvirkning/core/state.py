"""What one build knows, typed: the data files (once per build) and each language's results.

mkdocs-static-i18n builds the other languages inside the default language's on_post_build,
so the builds nest: nb starts, nn runs from start to end inside it, then en, then nb ends.
`Builds` is therefore a stack: a language's build is pushed when it starts and popped when
it ends, and no language ever sees another's results.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from .html_tree import SharedParse

S = TypeVar("S")


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


@dataclass
class LanguageBuild:
    """One language's build: its settings and what every step shares. What one feature finds on
    the way lives in that feature's state type (`build.state(GlossaryState)`), in its own folder."""
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
    # Filled in by the steps, in the order of medvirkning.pipeline; read by several features.
    files: Any = None  # this language's Files, once i18n has sorted them
    nav_order: dict[str, int] = field(default_factory=dict)  # src_uri -> place in the menu (print, report, overviews)
    generated_pages: dict[str, Any] = field(default_factory=dict)  # marker name -> Page
    # The one parse of the page in hand, shared by the steps of one event and reset after it.
    content: SharedParse | None = None  # the page's content, after Markdown
    written_page: SharedParse | None = None  # the whole page, as the theme wrote it
    # Each feature's own state (glossary.state.GlossaryState …), made on first use: see state().
    _states: dict[type, Any] = field(default_factory=dict, init=False, repr=False)

    def state(self, kind: type[S]) -> S:
        """This language's state of one feature, made on first use: one per language build, so a
        nested language never sees the default language's (`kind` is a dataclass with defaults)."""
        found = self._states.get(kind)
        if found is None:
            found = self._states[kind] = kind()
        return found

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
