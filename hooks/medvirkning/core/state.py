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


class _FeatureStates:
    """Each feature's own dataclass (one of each type) in a build or a language build."""
    _states: dict[type, Any]

    def state(self, kind: type[S]) -> S:
        """The feature's state, made on first use (`kind` is a dataclass with defaults)."""
        found = self._states.get(kind)
        if found is None:
            found = self._states[kind] = kind()
        return found

    def keep(self, state: Any) -> None:
        """A feature's state made elsewhere (SiteData: as read from its data files)."""
        self._states[type(state)] = state


@dataclass
class SiteData(_FeatureStates):
    """What is read once per build, the same for every language: what several features read here,
    each feature's data files in its own type (`site.state(GlossaryData)`, kept by load_site_data)."""
    root: Path
    settings: Any = None  # settings.Settings, from extra.medvirkning in mkdocs.yml
    page_dates: dict[str, str] = field(default_factory=dict)  # src path -> ISO date of its last commit
    contact: Any = None  # contact.Contact: owner and contact address, from mkdocs.yml's extra
    not_found_page: str | None = None  # the default language's 404 page, kept at the site's root
    inputs: Any = None  # known_good.Inputs: digests of the code, data and pages the checks read
    _states: dict[type, Any] = field(default_factory=dict, init=False, repr=False)


@dataclass
class LanguageBuild(_FeatureStates):
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
    # Each feature's own state (glossary.state.GlossaryState …), made on first use: one per
    # language build, so a nested language never sees the default language's.
    _states: dict[type, Any] = field(default_factory=dict, init=False, repr=False)

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
