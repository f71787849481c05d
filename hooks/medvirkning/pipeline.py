"""The build, step by step: what runs at each MkDocs event, in order. The one place to read it.

hooks/medvirkning_hook.py is the only hook in mkdocs.yml; it hands every event to the
functions here, which call the steps of the other modules in the order of the lists below.

Where we stand relative to mkdocs-static-i18n (`i18n`, priority -100 on its events):
- on_config runs before i18n's (priority 100): i18n copies the Markdown settings per language.
- on_files runs after i18n's (priority -110): i18n has sorted this language's files into its
  folder, so the glossary is found in this language and generated pages go beside the others.
- on_post_build runs after i18n's (priority -110): for the default language, i18n has then
  built every other language (each a whole nested build with its own state, see state.py)
  and written the merged search index, which we split per language.
- on_post_page runs last of all (priority -200): the content security policy hashes the
  scripts exactly as the page is written.
"""
from __future__ import annotations

import os
from pathlib import Path

from mkdocs.plugins import event_priority, get_plugin_logger

from . import markdown_setup
from .accessibility import checks as accessibility_checks, report as accessibility_report, summaries, theme_fixes, wcag
from .anchors import ids, registry as anchors
from .arshjul import arshjul
from .assets import scripts
from .checklists import checklists
from .citations import citations
from .contact import contact
from .contents import page_contents
from .content import checks as content_checks, front_matter, includes, pasted_text, site_structure
from .core import (build_messages, cache, data_schemas, html_tree, kept_render, known_good, markers, page_dates,
                   reader_strings, settings, template_cache)
from .overviews import lists as overviews, sources
from .core.languages import (apply_to_config, current_locale, is_nested_language_build, keep_not_found_pages_apart,
                             preview_only,
                             languages, load_strings, translate_nav)
from .core.state import Builds, LanguageBuild, Options, SiteData
from .glossary import glossary
from .journeys import journeys
from .language import parts as language_parts, terms
from .offline import service_worker as offline
from .own_advice import marks as own_advice
from .printing import print_pages
from .search import index as search_index, kept_entries, synonyms as search_synonyms
from .security import content_security, html_allowlist, personal_data
from .templates import downloads as templates_docs
from .translations import checks as translation_checks, status as translations

# Each feature's data files, read once per build (load_site_data).
from .accessibility.state import AccessibilityData
from .anchors.state import AnchorsData
from .arshjul.state import ArshjulData
from .checklists.state import ChecklistData
from .citations.state import CitationsData
from .glossary.state import GlossaryData
from .journeys.state import JourneysData
from .search.state import SearchData
from .security.state import SecurityData

# The steps of each event, in the order they run. Each takes the event's value first and
# returns it (changed or not), then the page where there is one, then the language build.
FILES_STEPS = (
    content_checks.check_encoding,  # first: every other step reads the pages as UTF-8
    site_structure.check_files,  # names, addresses, redirects, menu titles: before any page is read
    includes.check_pages,  # before anything reads a page through Markdown (markdown-include)
    scripts.as_readers_get_them,  # our scripts and stylesheet as files of the build, comments left out
    translations.find,
    accessibility_report.keep_generated_pages_out_of_nav,
    glossary.find_glossary,
    known_good.language_check(terms.check, terms.check_inputs),  # this language's pages and data files against data/termer.yml; after the glossary is found
    checklists.add_pages,  # reads this language's pages, so after i18n has sorted them
    arshjul.add_calendars,  # links to the sources of this language's pages
    templates_docs.add_downloads,  # links to the sections of this language's pages
    print_pages.add_pages,  # one per document that has pages in this language
    sources.check_about_page,  # every source in data/kilder.yml is on the about page
    journeys.add_pages,  # last: links to checklists and templates, so after the pages made above
)
MARKDOWN_STEPS = (
    pasted_text.check_front_matter,  # first: Word's curly quotes named before the front matter is read
    front_matter.check,  # a broken page stops here, before anything reads it
    sources.check_page,  # a guidebook page names its sources (front matter `kilder:`)
    site_structure.check_template,
    ids.check_invisible,
    includes.check_links,
    content_checks.check_title,
    checklists.render_markdown,
    pasted_text.check_source,  # after the checklists, which say in their own words what is wrong with them
    journeys.render_markdown,  # the step box above the title, and the overview
    glossary.render_markdown,
    arshjul.render_markdown,
    templates_docs.render_markdown,
    contact.render_markdown,
    overviews.render_markdown,  # the organisations table and the menu sections' lists
    accessibility_report.place_markers,
    translations.render_overview,
    translations.mark_outdated,
    page_dates.set_date,
    search_index.exclude_generated,
    glossary.prepare_annotation,  # Markdown's tree step then explains the abbreviations (glossary.Annotation)
    markers.no_leftovers,  # every step that owns a marker has replaced it
    kept_render.keep_render(glossary.current_annotation),  # last: Markdown's HTML as before for the same inputs
)
CONTENT_STEPS = (
    glossary.report_unknown,  # the words Markdown's tree step found unexplained
    citations.render_quotes,  # before the parse: the checks below check the quotes too
    page_contents.render_contents,  # «På denne siden», under «Kort fortalt»
    html_tree.parse_content,  # the one parse (build.content) that every step below reads
    ids.check_ids,
    anchors.record_ids,
    content_checks.check_content,
    known_good.page_check(language_parts.check_content),  # bokmål titles on nn and en pages carry lang="nb"
    content_checks.remove_comments,  # from the text and the parse alike
    pasted_text.check_content,  # before the policy and the allowlist, with words for what Word writes
    content_security.check_content,
    known_good.page_check(html_allowlist.check_content),  # after the policy's own words on scripts and styles
    known_good.page_check(personal_data.check_content),  # after the comments are out: they are not published
    summaries.check_summary,  # the LIX of «Kort fortalt»
    accessibility_checks.check_content,  # last: it checks the page as readers get it
)
POST_PAGE_STEPS = (
    html_tree.parse_written_page,  # the one parse (build.written_page) that every step below reads
    reader_strings.mark_fallbacks,  # before the language check reads the page's lang attributes
    known_good.page_check(own_advice.check_written_page, own_advice.page_inputs),  # pages, checklists and print pages: our advice keeps its mark
    accessibility_checks.check_language_of_output,
    theme_fixes.valid_toggles_of_page,
    content_security.secure_page,  # last: hashes the scripts exactly as written
)
# The theme's pages that are no page of the site (404.html): as POST_PAGE_STEPS, with page None.
TEMPLATE_STEPS = (
    html_tree.parse_written_page,
    reader_strings.mark_fallbacks,
    theme_fixes.valid_toggles_of_page,
    content_security.secure_page,
)

log = get_plugin_logger("forhandsvisning")

OPTIONS = Options()
BUILDS = Builds()


def on_startup(command, dirty):
    OPTIONS.serving = command == "serve"


@event_priority(100)
def on_config(config):
    if not is_nested_language_build(config):
        BUILDS.reset()  # a new build, or a rebuild under `mkdocs serve`
        build_messages.install_output()  # each message once, in Norwegian, for this build
        if OPTIONS.serving:  # a quick preview: bokmål, and the languages SPRAK names (make serve SPRAK=alle)
            left_out = preview_only(config, os.environ.get("SPRAK", ""))
            if left_out:
                log.info(f"Forhåndsvisningen bygger bare {current_locale(config)} (og det SPRAK= ber om); "
                         f"{', '.join(left_out)} er utelatt. Alle språk: make serve SPRAK=alle.")
    markdown_setup.configure_markdown(config.mdx_configs, config.markdown_extensions, config.docs_dir,
                                      permalink_label=lambda: BUILDS.current.strings["permalenke"],
                                      glossary_annotation=lambda: glossary.current_annotation(BUILDS.current))
    build_messages.install(config)
    site_structure.keep_validation(config)  # link checks stay on, as strict does
    template_cache.install(config)  # before MkDocs and Material make their Jinja environments
    return config


def on_pre_build(config):
    """Start this language's build, after every plugin's on_config (i18n has set the language)."""
    default, locales = languages(config)
    if BUILDS.site is None:  # once per build, not once per language
        site = new_site(config)  # first: the settings say where checks that passed are kept (cache_dir)
        site.inputs = known_good.inputs(site.root, Path(config.docs_dir))  # what the checks read
        template_cache.keep_on_disk(cache.folder(site) / "jinja" if cache.enabled() else None)
        for name, check, reads_pages in (
                ("oversettelser", translation_checks.check, True),  # before i18n sorts the files (its on_files)
                ("datafiler", data_schemas.check, True),  # every data file, before any step reads one
                ("tekster", reader_strings.check, False)):  # the words of every language, before any is used
            known_good.site_check(site, name, lambda check=check: check(config, default, locales),
                                  default, *locales, reads_pages=reads_pages)
        BUILDS.site = load_site_data(config, site)
    locale = current_locale(config)
    strings = load_strings(BUILDS.site.root, locale, default)
    reader_strings.note_fallbacks(strings, locale)
    apply_to_config(config, strings)
    BUILDS.start(LanguageBuild(config=config, site=BUILDS.site, options=OPTIONS, locale=locale,
                               default_locale=default, locales=locales, strings=strings,
                               templates=template_cache.environment(config),
                               material_css=scripts.theme_stylesheet(config, "main"),
                               search_worker=scripts.search_worker(config)))


def new_site(config) -> SiteData:
    """The build's SiteData with the project's folder and settings (extra.medvirkning in mkdocs.yml)."""
    return SiteData(root=Path(config.config_file_path).parent,
                    settings=settings.load(config.extra, config.config_file_path))


def load_site_data(config, site: SiteData) -> SiteData:
    """The data files, once per build, in this order (the first that cannot be read stops the build);
    each feature's in its own type (core/state.py)."""
    root = site.root
    default = languages(config)[0]
    site.keep(GlossaryData(*glossary.load(root)))
    site.keep(ChecklistData(checklists.load(root)))
    site.keep(AnchorsData(anchors.load(root)))
    site.page_dates = page_dates.load(config)
    site.keep(ArshjulData(arshjul.load(root, default)))
    site.keep(AccessibilityData(browser_audit=accessibility_report.load_audit(root)))
    site.keep(SecurityData(personal_data.load(root, config.extra)))
    site.contact = contact.site_contact(site.settings)
    site.state(AccessibilityData).wcag_criteria = wcag.load(root)
    site.keep(JourneysData(journeys.load(root, default)))
    site.keep(CitationsData(citations.load(root)))
    site.keep(SearchData(search_synonyms.load(root)))
    return site


@event_priority(-110)
def on_files(files, config):
    build = BUILDS.current
    build.files = files
    for step in FILES_STEPS:
        step(files, build)
    return files


def on_nav(nav, config, files):
    build = BUILDS.current
    overviews.remember_sections(nav, build)  # by the titles mkdocs.yml gives, before they are translated
    translate_nav(nav.items, build.strings["meny"])
    print_pages.remember_nav_order(nav, build)
    return nav


def on_page_markdown(markdown, page, config, files):
    build = BUILDS.current
    for step in MARKDOWN_STEPS:
        markdown = step(markdown, page, build)
    return markdown


def on_page_content(html, page, config, files):
    build = BUILDS.current
    try:
        for step in CONTENT_STEPS:
            html = step(html, page, build)
    finally:
        build.content = None  # read by this page's steps only
    return html


@event_priority(-50)
def on_env(env, config, files):
    """Every page has been read and none written yet: the checks that need all pages."""
    build = BUILDS.current
    anchors.check_registry(build)
    accessibility_report.summarize(build)
    accessibility_report.write_json(build)
    for page in build.generated_pages.values():
        accessibility_report.fill_generated_pages(page, build)
    print_pages.fill(build)  # the other pages' content, as checked and rendered
    return env


@event_priority(10)
def on_page_context(context, page, config, nav):
    """After i18n (50) has set the page's language, before Material's search (0) reads the page."""
    kept_entries.keep_entries(page, BUILDS.current)  # its search entries as before for the same page
    return add_strings(context)


def on_template_context(context, template_name, config):
    return add_strings(context)


def add_strings(context):
    """Templates get this language's words as `mv`, its folder as `mv_folder` ("" or "nn/"),
    the default language as `mv_default_locale`, Material's main stylesheet as `mv_material_css` and
    its search worker as `mv_search_worker`, the site's owner and contact (contact.Contact) as
    `mv_kontakt`, and whether this is `make serve`'s preview as `mv_preview`."""
    build = BUILDS.current
    context.update(mv=build.strings, mv_folder=build.folder, mv_default_locale=build.default_locale,
                   mv_material_css=build.material_css, mv_search_worker=build.search_worker,
                   mv_preview=build.options.serving,
                   mv_kontakt=build.site.contact)
    return context


@event_priority(-200)
def on_post_page(output, page, config):
    build = BUILDS.current
    try:
        for step in POST_PAGE_STEPS:
            output = step(output, page, build)
    finally:
        build.written_page = None  # read by this page's steps only
    return output


def on_post_template(output_content, template_name, config):
    if not template_name.endswith(".html"):  # sitemap.xml
        return output_content
    build = BUILDS.current
    try:
        for step in TEMPLATE_STEPS:
            output_content = step(output_content, None, build)
    finally:
        build.written_page = None
    return keep_not_found_pages_apart(output_content, template_name, build)


@event_priority(-110)
def on_post_build(config):
    build = BUILDS.end()
    search_index.write_indexes(build)
    offline.write_service_worker(build)  # last: its version is a hash of every file written


def on_build_error(error):
    if BUILDS.in_progress:
        BUILDS.end()
