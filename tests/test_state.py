"""Each feature keeps its state in its own type, one per language build (core/state.py)."""
from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from medvirkning.accessibility.state import AccessibilityData
from medvirkning.anchors.state import AnchorsData
from medvirkning.arshjul.state import ArshjulData
from medvirkning.checklists.state import ChecklistData, ChecklistsState
from medvirkning.citations.state import CitationsData
from medvirkning.core.state import Builds, LanguageBuild, Options, SiteData
from medvirkning.glossary.state import GlossaryData, GlossaryState
from medvirkning.journeys.state import JourneysData
from medvirkning.search.state import SearchData
from medvirkning.security.state import SecurityData

ROOT = Path(__file__).resolve().parent.parent


def language_build(locale: str) -> LanguageBuild:
    return LanguageBuild(config=None, site=None, options=Options(), locale=locale, default_locale="nb",
                         locales=["nb", "nn"], strings={})


def test_a_feature_state_is_made_on_first_use_and_kept():
    build = language_build("nb")
    state = build.state(GlossaryState)
    assert isinstance(state, GlossaryState) and state.abbreviations == {}
    state.url = "ordliste/"
    assert build.state(GlossaryState) is state
    assert build.state(ChecklistsState) is not state


def test_a_nested_language_build_never_sees_the_default_language_state():
    builds = Builds()
    builds.start(language_build("nb"))
    builds.current.state(GlossaryState).url = "ordliste/"
    builds.current.state(ChecklistsState).items["mote"] = ["Lag agendaen."]
    builds.start(language_build("nn"))  # i18n builds nn inside nb's on_post_build
    assert builds.current.state(GlossaryState).url is None
    assert builds.current.state(ChecklistsState).items == {}
    builds.current.state(GlossaryState).url = "nn/ordliste/"
    builds.end()
    assert builds.current.state(GlossaryState).url == "ordliste/"
    assert builds.current.state(ChecklistsState).items == {"mote": ["Lag agendaen."]}


def test_the_language_build_keeps_only_what_every_step_shares():
    # A field for one feature belongs in that feature's state type (its folder's state.py).
    assert {f.name for f in fields(LanguageBuild)} == {
        "config", "site", "options", "locale", "default_locale", "locales", "strings", "templates",
        "material_css", "search_worker", "files", "nav_order", "generated_pages", "content", "written_page",
        "_states"}
    assert {f.name for f in fields(SiteData)} == {"root", "settings", "page_dates", "contact", "not_found_page",
                                                  "inputs", "_states"}


def test_the_site_data_is_read_once_and_shared_by_every_language():
    site = SiteData(root=ROOT)
    site.keep(GlossaryData(entries=["NAV"]))
    nb, nn = language_build("nb"), language_build("nn")
    nb.site = nn.site = site
    assert nn.site.state(GlossaryData) is nb.site.state(GlossaryData)
    assert nn.site.state(GlossaryData).entries == ["NAV"]


def test_every_feature_finds_its_data_files_read():
    from mkdocs.config import load_config

    from medvirkning import pipeline
    config = load_config(str(ROOT / "mkdocs.yml"))
    site = pipeline.load_site_data(config, pipeline.new_site(config))
    assert site.state(GlossaryData).entries and site.state(GlossaryData).allowlist
    assert site.state(ChecklistData).definitions
    assert site.state(AnchorsData).registry
    assert site.state(ArshjulData).cycle is not None
    assert site.state(AccessibilityData).wcag_criteria
    assert site.state(SecurityData).role_addresses is not None
    assert site.state(JourneysData).journeys
    assert site.state(CitationsData).quotes
    assert site.state(SearchData).synonyms
    assert site.settings.documents and site.contact is not None
