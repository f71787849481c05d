"""Commands: `python -m medvirkning build` (what `make build` and CI run),
`python -m medvirkning anchors` (what `make anchors` runs) and
`python -m medvirkning oversatt FILE…` (what `make oversatt FIL=…` runs) and
`python -m medvirkning ids FILE…` (each heading's id, for translators and editors) and
`python -m medvirkning audit` (what `make audit` runs).

audit: build the site, run axe-core and the Nu HTML Checker over it in the browser
(browser_audit.py) and write data/tilgjengelighetsrevisjon.yml, which the accessibility
statement and report are built from.

build: the strict build, with every problem told in Norwegian with file and line (core/strict_build.py);
`--debug` prints the traceback of an error too, for developers.

oversatt: record in a finished translation which version of the bokmål page it translates.

anchors: build the site once and rewrite data/ankere.yml from it, for when a section or a
page is removed on purpose. The build is the normal strict build; only the registry check
is replaced by the rewrite.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from medvirkning.anchors.ids import heading_lines
from medvirkning.pipeline import OPTIONS
from medvirkning.translations.status import stamp


def update_anchors(config_file: str = "mkdocs.yml") -> None:
    OPTIONS.update_anchors = True
    with tempfile.TemporaryDirectory() as site_dir:
        build(load_config(config_file, site_dir=site_dir, strict=True))


def run_audit(config_file: str = "mkdocs.yml") -> int:
    # A developer tool (Chromium, Java): it lives in tools/, outside the build's import path.
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
    import browser_audit  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as site_dir:
        build(load_config(config_file, site_dir=site_dir, strict=True))
        data = browser_audit.audit(Path(site_dir))
    browser_audit.write(data)
    counts = data["antall"]
    print(f"{browser_audit.AUDIT_FILE.relative_to(browser_audit.ROOT)}: {data['sider']} sider, "
          f"{counts['axe']} funn fra axe, {counts['for_bred']} for brede, {counts['vnu']} HTML-feil "
          f"(axe brukte {data['sekunder_axe']} s).")
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["build"]:
        from medvirkning.ci.github import report
        from medvirkning.core.strict_build import main as strict_build
        arguments = [a for a in argv[1:] if a != "--debug"]
        return strict_build(*arguments[:2], debug="--debug" in argv[1:], report=report)
    if argv[:1] == ["ny-side"]:
        from medvirkning.overviews.new_page import main as new_page
        return new_page(argv[1:])
    if argv[:1] == ["anchors"]:
        update_anchors(*argv[1:2])
        return 0
    if argv[:1] == ["audit"]:
        return run_audit(*argv[1:2])
    if argv[:1] == ["ids"] and len(argv) > 1:
        for name in argv[1:]:
            for anchor, lines in heading_lines(Path(name).read_text(encoding="utf-8")).items():
                print(f"{name}:{lines[0]}: #{anchor}")
        return 0
    if argv[:1] == ["oversatt"] and len(argv) > 1:
        for name in argv[1:]:
            try:
                value = stamp(Path(name), Path("docs"))
            except ValueError as error:  # not up to date: it lacks a section, or has another id
                print(f"{error}\n{name} er ikke merket som oppdatert.", file=sys.stderr)
                return 1
            print(f"{name}: oversatt fra bokmålsversjonen {value}.")
        return 0
    print("Bruk: python -m medvirkning build [--debug] [mkdocs.yml] [nettstedmappe]\n"
          "     python -m medvirkning anchors [mkdocs.yml]\n"
          "     python -m medvirkning oversatt docs/side.nn.md [flere filer]\n"
          "     python -m medvirkning ids docs/side.md [flere filer]\n"
          "     python -m medvirkning ny-side veiviser/navn \"Tittel\" --kilder id,id [--meny \"Del\"] [--organisasjon]\n"
          "     python -m medvirkning audit [mkdocs.yml]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
