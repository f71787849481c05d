"""Each feature keeps its state in its own type, one per language build (core/state.py)."""
from __future__ import annotations

from dataclasses import fields

from medvirkning.checklists.state import ChecklistsState
from medvirkning.core.state import Builds, LanguageBuild, Options
from medvirkning.glossary.state import GlossaryState


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
