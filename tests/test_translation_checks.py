"""Translations held to their bokmål page: a translation that lacks a section is never recorded
as up to date (`make oversatt`), and the real pages have no problem."""
from __future__ import annotations

import pytest

from conftest import ROOT
from medvirkning.translations.checks import file_problems, translation_problems
from medvirkning.translations.status import stamp, statuses

BOKMAL = "---\ndescription: Om møter.\n---\n\n# Møter\n\n## Agenda\n\nLag agendaen.\n\n## Referat\n\nSkriv referatet.\n"
NYNORSK = "---\ndescription: Om møte.\n---\n\n# Møte\n\n## Agenda {#agenda}\n\nLag agendaen.\n"


def test_a_translation_that_lacks_a_section_is_never_marked_up_to_date(tmp_path):
    (tmp_path / "moter.md").write_text(BOKMAL, encoding="utf-8")
    (tmp_path / "moter.nn.md").write_text(NYNORSK, encoding="utf-8")
    with pytest.raises(ValueError, match=r"docs/moter.nn.md, linje 9: avsnittet «Referat» \(id «referat», "
                                         r"docs/moter.md, linje 11\) mangler i oversettelsen"):
        stamp(tmp_path / "moter.nn.md", tmp_path)
    assert [s.state for s in statuses(tmp_path, "nb", ["nb", "nn"])] == ["outdated"]
    (tmp_path / "moter.nn.md").write_text(NYNORSK + "\n## Referat {#referat}\n\nSkriv referatet.\n", encoding="utf-8")
    stamp(tmp_path / "moter.nn.md", tmp_path)
    assert [s.state for s in statuses(tmp_path, "nb", ["nb", "nn"])] == ["current"]


def test_the_real_pages_and_their_translations_agree():
    docs = ROOT / "docs"
    assert file_problems(docs, "nb", ["nb", "nn", "en"], {}) == []
    assert translation_problems(docs, "nb", ["nb", "nn", "en"]) == []
