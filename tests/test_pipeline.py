"""The order of the build's steps (medvirkning.pipeline) and where they stand beside
mkdocs-static-i18n: a step moved to the wrong place fails here, before it fails a reader."""
from __future__ import annotations

import importlib.util
from pathlib import Path

from material.plugins.search.plugin import SearchPlugin
from mkdocs_static_i18n.plugin import I18n

from helpers import project_config

from medvirkning import pipeline
from medvirkning.accessibility import checks as accessibility_checks, report as accessibility_report
from medvirkning.anchors import registry as anchors
from medvirkning.checklists import checklists
from medvirkning.content import front_matter, pasted_text
from medvirkning.core import kept_render, markers
from medvirkning.glossary import glossary
from medvirkning.security import content_security

ROOT = Path(__file__).resolve().parent.parent


def priority(function) -> float:
    return getattr(function, "mkdocs_priority", 0)


def test_the_hook_is_the_pipeline_and_nothing_else():
    spec = importlib.util.spec_from_file_location("hook_under_test", ROOT / "hooks" / "medvirkning_hook.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    events = {name for name in dir(hook) if name.startswith("on_")}
    assert events == {name for name in dir(pipeline) if name.startswith("on_")}
    # Each event forwards to the pipeline's, at the pipeline's priority (MkDocs reads it on the hook).
    assert all(priority(getattr(hook, name)) == priority(getattr(pipeline, name)) for name in events)
    assert hook._loaded["pipeline"] is pipeline
    config = project_config()
    assert config["hooks"] == ["hooks/medvirkning_hook.py"]


def test_markdown_steps_check_first_and_catch_leftover_markers_last():
    steps = pipeline.MARKDOWN_STEPS
    # Word's curly quotes in the front matter are named first, then the front matter is read.
    assert steps[:2] == (pasted_text.check_front_matter, front_matter.check)
    assert steps[-2] is markers.no_leftovers
    # The very last sets up the kept render: the Markdown it keys on is the page as every step left it.
    assert steps[-1].__qualname__ == "keep_render" and steps[-1].__module__ == kept_render.__name__
    # Every step that owns a marker runs before the leftover check.
    for owner in (checklists.render_markdown, glossary.render_markdown, accessibility_report.place_markers):
        assert steps.index(owner) < steps.index(markers.no_leftovers)


def test_content_is_checked_as_readers_get_it():
    steps = pipeline.CONTENT_STEPS
    assert steps[-1] is accessibility_checks.check_content
    # <abbr> are explained while Markdown reads the page, before any content step.
    assert glossary.prepare_annotation in pipeline.MARKDOWN_STEPS and steps[0] is glossary.report_unknown
    assert anchors.record_ids in steps and content_security.check_content in steps


def test_the_security_policy_is_the_last_thing_written():
    assert pipeline.POST_PAGE_STEPS[-1] is content_security.secure_page
    assert priority(pipeline.on_post_page) < min(priority(getattr(I18n, "on_post_page")), 0)


def test_files_are_handled_after_i18n_has_sorted_them_per_language():
    assert priority(pipeline.on_files) < priority(I18n.on_files)
    assert pipeline.FILES_STEPS.index(glossary.find_glossary) < pipeline.FILES_STEPS.index(checklists.add_pages)


def test_markdown_is_set_up_before_i18n_copies_the_config():
    assert priority(pipeline.on_config) > priority(I18n.on_config)


def test_search_indexes_are_split_after_i18n_has_built_every_language():
    assert priority(pipeline.on_post_build) < priority(I18n.on_post_build)


def test_an_edited_template_is_compiled_anew_in_the_same_process(tmp_path):
    """Compiled templates are kept for the process (template_cache); a template changed between
    two builds, as under `mkdocs serve`, must show its new text, not the cached one."""
    from helpers import build_in_process, make_project

    config = make_project(tmp_path / "project", {"index.md": "---\ndescription: Forsiden.\n---\n\n# Forside\n\nTekst.\n"})
    partial = tmp_path / "project" / "overrides" / "partials" / "copyright.html"
    page = tmp_path / "site" / "index.html"
    assert build_in_process(config, tmp_path / "site")[0]
    assert "mv-endret-mal" not in page.read_text(encoding="utf-8")
    partial.write_text(partial.read_text(encoding="utf-8") + '\n<p class="mv-endret-mal">Ny tekst</p>\n',
                       encoding="utf-8")
    assert build_in_process(config, tmp_path / "site")[0]
    assert "mv-endret-mal" in page.read_text(encoding="utf-8")


def test_the_quicker_theme_listing_gives_mkdocs_the_same_files_to_copy():
    """template_cache lists the theme's folders without Material's 14,000 icons in `.icons/`;
    MkDocs must copy exactly the files it copied from the full listing."""
    from jinja2 import FileSystemLoader
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    from medvirkning.core import template_cache

    config = load_config(str(ROOT / "mkdocs.yml"))
    plain, quick = Files([]), Files([])
    plain.add_files_from_theme(config.theme.get_env(), config)
    template_cache.install(config)
    env = config.theme.get_env()
    assert len(FileSystemLoader.list_templates(env.loader)) > 10 * len(env.list_templates())  # the icons are skipped
    quick.add_files_from_theme(env, config)
    assert [f.src_uri for f in quick] == [f.src_uri for f in plain] and len(plain) > 20


def test_a_changed_hook_package_is_loaded_anew_under_serve(tmp_path):
    """MkDocs keeps a hook loaded for the process: under `mkdocs serve`, the next build after a
    change in hooks/ runs the changed code (in a process of its own, with a copy of hooks/)."""
    import shutil
    import subprocess
    import sys

    shutil.copytree(ROOT / "hooks", tmp_path / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    script = f"""
import importlib.util, os, sys, time
spec = importlib.util.spec_from_file_location("medvirkning_hook", {str(tmp_path / "hooks" / "medvirkning_hook.py")!r})
hook = importlib.util.module_from_spec(spec); spec.loader.exec_module(hook)
first = hook.reload_if_changed()
assert first is hook._loaded["pipeline"]          # not serving: nothing is looked at
first.OPTIONS.serving = True
assert hook.reload_if_changed() is first          # serving: the files are noted
assert hook.reload_if_changed() is first          # unchanged: the same code
path = {str(tmp_path / "hooks" / "medvirkning" / "pipeline.py")!r}
with open(path, "a") as f:
    f.write("\\nCHANGED_FOR_TEST = True\\n")
os.utime(path, ns=(time.time_ns() + 10**9, time.time_ns() + 10**9))
second = hook.reload_if_changed()
assert second is not first and second.CHANGED_FOR_TEST and second.OPTIONS.serving
assert hook._loaded["pipeline"] is second
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(tmp_path / "hooks"), "PATH": "/usr/bin:/bin"})
    assert done.stdout.strip() == "ok", done.stderr


def test_search_entries_are_kept_before_materials_search_reads_the_page():
    """kept_entries puts itself in front of Material's search index in on_page_context: so ours runs
    before the search plugin's, and after i18n's, which sets the page's language."""
    assert priority(SearchPlugin.on_page_context) < priority(pipeline.on_page_context) < priority(I18n.on_page_context)
