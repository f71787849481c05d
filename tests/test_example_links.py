"""Every example link that editors are shown (CONTRIBUTING.md, the translated guides and the
build's own messages) points to a page and a section that exist, so copying it works."""
from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT
from medvirkning.anchors.ids import heading_lines
from medvirkning.core import build_messages

DOCS = ROOT / "docs"
# A link as an editor would copy it: the target of a Markdown link, `](…md#id)`.
EXAMPLE = re.compile(r"\]\(((?:\.\./)*[a-z0-9][\w/-]*\.md)(?:#([\w-]+))?\)")
HELP_EXAMPLE = re.compile(r"((?:\.\./)*[a-z0-9][\w/-]*\.md)(?:#([\w-]+))?")
SHOWN_TO_EDITORS = [ROOT / "CONTRIBUTING.md", *sorted(DOCS.glob("bidra.*.md"))]
PLACEHOLDERS = {"gammel.md", "ny.md", "side.md"}  # the redirect and file-name examples: no real page


def resolve(link: str) -> Path | None:
    """The docs file an example link means, from any folder an editor may stand in."""
    name = re.sub(r"^(\.\./)+|^docs/", "", link)
    for folder in [DOCS, *sorted(p for p in DOCS.rglob("*") if p.is_dir())]:
        if (folder / name).is_file():
            return folder / name
    return None


def examples() -> list[tuple[Path, int, str, str | None]]:
    found = []
    for path in SHOWN_TO_EDITORS:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for match in EXAMPLE.finditer(line):
                found.append((path, number, match.group(1), match.group(2)))
    for match in HELP_EXAMPLE.finditer(build_messages.LINK_HELP):  # the help in every link message
        found.append((ROOT / "hooks" / "medvirkning" / "core" / "build_messages.py", 0, match.group(1), match.group(2)))
    return found


def test_there_are_examples_to_check():
    assert len(examples()) >= 8  # the link examples of CONTRIBUTING in three languages, and the message help


def test_every_example_link_resolves():
    wrong = []
    for path, number, link, anchor in examples():
        name = link.rsplit("/", 1)[-1]
        if name in {"CONTRIBUTING.md", "README.md", "ARCHITECTURE.md"} | PLACEHOLDERS:
            continue  # files of the repository, and placeholders
        target = resolve(link)
        if target is None:
            wrong.append(f"{path.relative_to(ROOT)}:{number}: {link} finnes ikke under docs/")
        elif anchor and anchor not in heading_lines(target.read_text(encoding="utf-8")):
            wrong.append(f"{path.relative_to(ROOT)}:{number}: {link}#{anchor}: siden har ikke avsnittet")
    assert wrong == [], "\n".join(wrong)
