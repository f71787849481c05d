"""Links that keep working: a registry of published section ids per page.

data/ankere.yml lists, per published address, the ids of its sections. A build where a
registered page or id has disappeared fails with a message that tells the editor how
to keep it. `make anchors` (python -m medvirkning anchors) rewrites the registry from the
current build when a removal is intended.
"""
from __future__ import annotations

import difflib
from pathlib import Path

import yaml
from mkdocs.plugins import get_plugin_logger

from ..core.data_files import load_text, read_yaml
from ..core.html_tree import attribute, shared_tree
from ..core.source import docs_path, where
from .ids import heading_lines
from .state import AnchorsData, AnchorsState

log = get_plugin_logger("ankere")

REGISTRY_FILE = "data/ankere.yml"
HEADER = (
    "# Publiserte adresser og avsnitts-id-er. Lenker til disse står i e-poster og saksdokumenter,\n"
    "# så de må fortsette å virke. Ikke rediger for hånd: kjør `make anchors` når en fjerning er ment.\n"
)


def load_registry(path: Path) -> dict[str, list[str]]:
    return read_yaml(path, {})


def dump_registry(registry: dict[str, list[str]]) -> str:
    ordered = {url: sorted(set(ids)) for url, ids in sorted(registry.items())}
    return HEADER + yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False, default_flow_style=False)


def toc_ids(toc) -> list[str]:
    """Every heading id in a page's table of contents, depth first."""
    ids: list[str] = []
    for item in toc:
        ids.append(item.id)
        ids.extend(toc_ids(item.children))
    return ids


def missing_anchors(registry: dict[str, list[str]], built: dict[str, list[str]],
                    redirected: dict[str, str]) -> list[tuple[str, str | None]]:
    """(url, id) pairs in the registry that the build lacks; id None means the whole page.

    A moved page (in `redirected`, old address -> new) keeps its registered ids: the reader
    is sent on to the new page, and each id must be there."""
    missing: list[tuple[str, str | None]] = []
    for url, ids in registry.items():
        if url not in built:
            if url not in redirected:
                missing.append((url, None))
                continue
            target = built.get(redirected[url], [])
            missing.extend((url, anchor) for anchor in ids if anchor not in target)
            continue
        missing.extend((url, anchor) for anchor in ids if anchor not in built[url])
    return missing


def explain(url: str, anchor: str | None, src_by_url: dict[str, str], registry_line: int | None = None,
            heading: tuple[str, int] | None = None, redirected: dict[str, str] | None = None) -> str:
    """What to do, also for an editor in GitHub's web editor (no terminal): keep the id with
    {#id}, add a redirect, or delete the id's line in data/ankere.yml (a maintainer approves)."""
    in_registry = where(REGISTRY_FILE, registry_line)
    if anchor is None:
        return (f"Siden /{url} er publisert, men finnes ikke lenger. Lenker til den vil slutte å virke. "
                f"Legg inn en videresending i mkdocs.yml under redirects → redirect_maps "
                f"(gammel fil: ny fil). Skal siden bort for godt, slett linjen «{url}:» og id-ene under den i "
                f"{in_registry} (det kan du gjøre i nettleseren), og skriv i forslaget hvorfor.")
    if redirected and url in redirected:
        target = redirected[url]
        source = src_by_url.get(target, target)
        return (f"{docs_path(source)}: siden /{url} videresendes hit, men avsnittet med id «{anchor}» finnes ikke her "
                f"(adressen /{url}#{anchor}). Gi avsnittet id-en ved å skrive {{#{anchor}}} sist på overskriften, "
                "eller { #" + anchor + " } på linjen under et avsnitt.")
    source = src_by_url.get(url, url)
    place = where(docs_path(source), heading[1] if heading else None)
    changed = (f"Overskriften på linje {heading[1]} har nå id-en «{heading[0]}». " if heading else "")
    return (f"{place}: avsnittet med id «{anchor}» finnes ikke lenger (adressen /{url}#{anchor}). "
            f"Lenker dit fra e-poster og saksdokumenter vil slutte å virke. {changed}Har du endret overskriften? "
            f"Behold id-en ved å skrive {{#{anchor}}} sist på den nye overskriften. "
            f"Skal avsnittet bort for godt, slett linjen «- {anchor}» i {in_registry} (det kan du gjøre i "
            f"nettleseren), og skriv i forslaget hvorfor; en redaktør godkjenner det. (Med terminal: `make anchors`.)")


def registry_lines(path: Path) -> dict[tuple, int]:
    """The line of each (url, position) in the registry file."""
    if not path.exists():
        return {}
    try:
        return load_text(path.read_text(encoding="utf-8"))[1]
    except (yaml.YAMLError, UnicodeDecodeError):
        return {}


def nearest_heading(anchor: str, page) -> tuple[str, int] | None:
    """(id, line) of the page's heading whose id is most like the lost one (the changed heading)."""
    if page is None or page.file.abs_src_path is None:
        return None
    lines = heading_lines(page.file.content_string)
    close = difflib.get_close_matches(anchor, list(lines), n=1, cutoff=0.5)
    return (close[0], lines[close[0]][0]) if close else None


# ---- Steps of the build (medvirkning.pipeline calls them in order) ----

def load(root: Path) -> dict[str, list[str]]:
    return load_registry(root / REGISTRY_FILE)


def record_ids(html: str, page, build) -> str:
    if page.file.generated_by is None:  # generated pages have no ids to keep
        headings = toc_ids(page.toc)
        ids = (attribute(e, "id") for e in shared_tree(build.content, html).css("[id]"))
        others = [anchor for anchor in ids if anchor and anchor not in headings]
        state = build.state(AnchorsState)
        state.built[page.url] = headings + others  # a section can be a paragraph with { #id }
        state.src_by_url[page.url] = page.file.src_uri
    return html


def check_registry(build) -> None:
    """After every page has been read: each registered id of this language still exists, or,
    with `make anchors`, the registry is rewritten from this build."""
    registry = build.site.state(AnchorsData).registry
    state = build.state(AnchorsState)
    ours = {url: ids for url, ids in registry.items() if belongs_to_this_build(url, build)}
    redirected = redirected_urls(build.config)
    if build.options.update_anchors:
        # Other languages' pages and moved pages keep their entries; this build's pages are read anew.
        kept = {url: ids for url, ids in registry.items() if url not in ours or url in redirected}
        registry.clear()
        registry.update({**kept, **state.built})
        (build.site.root / REGISTRY_FILE).write_text(dump_registry(registry), encoding="utf-8")
        log.info(f"{REGISTRY_FILE} er oppdatert med {len(state.built)} sider.")
        return
    lines = registry_lines(build.site.root / REGISTRY_FILE)
    pages = {f.page.url: f.page for f in build.files.documentation_pages() if f.page is not None} if build.files else {}
    for url, anchor in missing_anchors(ours, state.built, redirected):
        line = lines.get((url,)) if anchor is None else lines.get((url, registry[url].index(anchor)))
        heading = nearest_heading(anchor, pages.get(url)) if anchor else None
        log.warning(explain(url, anchor, state.src_by_url, line, heading, redirected))


def redirected_urls(config) -> dict[str, str]:
    """{published address of an old page: address of the page it is sent on to}, from
    mkdocs-redirects' redirect_maps."""
    plugin = config.plugins.get("redirects")
    old_pages = plugin.config.get("redirect_maps", {}) if plugin else {}
    return {page_url(old): page_url(new) for old, new in old_pages.items()}


def page_url(src: str) -> str:
    path = src.split("#")[0].removesuffix(".md")
    return "" if path == "index" else path.removesuffix("/index") + "/"


def belongs_to_this_build(url: str, build) -> bool:
    """Registry keys are published addresses; those of other languages start with their code."""
    if build.is_default:
        return not any(url.startswith(f"{locale}/") for locale in build.locales if locale != build.locale)
    return url.startswith(build.folder)
