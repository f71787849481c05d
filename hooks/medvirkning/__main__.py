"""Commands: `python -m medvirkning build` (what `make build` and CI run) and
`python -m medvirkning anchors` (what `make anchors` runs).

build: the strict build, with every problem told in Norwegian with file and line (strict_build.py).

anchors: build the site once and rewrite data/ankere.yml from it, for when a section or a
page is removed on purpose. The build is the normal strict build; only the registry check
is replaced by the rewrite.
"""
from __future__ import annotations

import sys
import tempfile

from mkdocs.commands.build import build
from mkdocs.config import load_config

from medvirkning.pipeline import OPTIONS


def update_anchors(config_file: str = "mkdocs.yml") -> None:
    OPTIONS.update_anchors = True
    with tempfile.TemporaryDirectory() as site_dir:
        build(load_config(config_file, site_dir=site_dir, strict=True))


def main(argv: list[str]) -> int:
    if argv[:1] == ["build"]:
        from medvirkning.strict_build import main as strict_build
        return strict_build(*argv[1:3])
    if argv[:1] == ["anchors"]:
        update_anchors(*argv[1:2])
        return 0
    print("Bruk: python -m medvirkning build [mkdocs.yml] [nettstedmappe] | anchors [mkdocs.yml]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
