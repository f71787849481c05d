"""Languages: which are built, where each one's pages go, and the words readers see in each.

mkdocs-static-i18n decides the languages (mkdocs.yml) and sorts the documentation files of
each language's build into its folder. Pages the build generates itself (the checklists)
exist only in memory, which i18n cannot sort, so `generated_file` places them the same way:
bokmål at the root, nynorsk under nn/, and so on. The reader-facing words of each language
are data (data/sprak/<locale>.yml), never written into code or templates.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File, InclusionLevel

from .data_files import read_yaml

STRINGS_FOLDER = "data/sprak"


def languages(config) -> tuple[str, list[str]]:
    """(default locale, every built locale with the default first), from mkdocs-static-i18n."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return config.theme["language"], [config.theme["language"]]
    built = [lang for lang in i18n.config.languages if lang.build]
    default = next((lang.locale for lang in built if lang.default), config.theme["language"])
    return default, [default, *(lang.locale for lang in built if lang.locale != default)]


def current_locale(config) -> str:
    """The language of the build in progress (i18n sets the theme's language for each)."""
    return config.theme["language"]


def is_nested_language_build(config) -> bool:
    """True while mkdocs-static-i18n builds another language inside the default one's build."""
    i18n = config.plugins.get("i18n")
    return bool(i18n is not None and getattr(i18n, "building", False))


def preview_only(config, wanted: str) -> list[str]:
    """Under `mkdocs serve`: build the default language and the ones asked for (`SPRAK=nn`,
    `SPRAK=nn,en` or `SPRAK=alle`), not every language on each save. Before i18n reads its
    settings (our on_config runs first). Returns the languages left out."""
    i18n = config.plugins.get("i18n")
    if i18n is None or wanted.strip() == "alle":
        return []
    asked = {code.strip() for code in wanted.split(",") if code.strip()}
    left_out = []
    for language in i18n.config.languages:
        if language.build and not language.default and language.locale not in asked:
            language.build = False
            left_out.append(language.locale)
    return left_out


def page_locale(page, build_locale: str) -> str:
    """The language a page's text is written in: its file's (a bokmål fallback in an nn build
    is "nb"), or the build's for pages without one."""
    return getattr(page.file, "locale", None) or build_locale


def load_strings(root: Path, locale: str, default: str) -> dict:
    """The words readers see, for `locale`; a word missing there falls back to the default
    language's (marked and noted, reader_strings.py), so a new language can be added one string at a time."""
    from .reader_strings import load  # noqa: PLC0415 - reader_strings reads data files as this module does
    return load(root, locale, default, read_yaml)


def own_string(root: Path, locale: str, key: str, default: str) -> str:
    """A value the language's own strings file sets, with no fallback to another language
    (the search language of English is not bokmål's); `default` when the file lacks it."""
    return str(read_yaml(root / STRINGS_FOLDER / f"{locale}.yml", {}).get(key) or default)


def apply_to_config(config, strings: dict) -> None:
    """The site's own words in mkdocs.yml, in this build's language."""
    config.site_description = strings["beskrivelse"]
    config.copyright = strings["opphavsrett"]
    names = {"(prefers-color-scheme)": "tema_folg_system", "(prefers-color-scheme: light)": "tema_lyst",
             "(prefers-color-scheme: dark)": "tema_morkt"}
    for option in config.theme.get("palette") or []:
        if isinstance(option, dict) and option.get("toggle") and option.get("media") in names:
            option["toggle"]["name"] = strings[names[option["media"]]]


def translate_nav(items, titles: dict) -> None:
    """Titles that mkdocs.yml's nav gives (sections, and pages named there such as «Forside»)
    in this build's language; a page without a title in the nav keeps its own heading."""
    for item in items:
        if getattr(item, "is_section", False):
            item.title = titles.get(item.title, item.title)
            translate_nav(item.children, titles)
        elif getattr(item, "is_page", False) and item.title in titles:
            item.title = titles[item.title]


def generated_file(build, src_uri: str, content: str) -> File:
    """A page made by the build, placed in the current language's folder as i18n places pages."""
    file = File.generated(build.config, src_uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
    if not build.is_default:
        file.dest_uri = build.folder + file.dest_uri
    # What mkdocs-static-i18n sets on the files it sorts (the language switcher, the sitemap).
    file.locale = build.locale
    file.localization = None if build.is_default else build.locale
    file.locale_alternate_of = build.locale
    file.norm_src_uri = src_uri
    file.alternates = {build.locale: file}
    return file


def keep_not_found_pages_apart(html: str, template_name: str, build) -> str:
    """Every language build writes the theme's 404.html at the site's root, the last one
    winning. Each language's page goes to its own folder instead (nn/404.html), and the root
    keeps the default language's."""
    if template_name != "404.html":
        return html
    if build.is_default:
        build.site.not_found_page = html
        return html
    target = Path(build.config.site_dir) / build.folder / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")
    return build.site.not_found_page or html
