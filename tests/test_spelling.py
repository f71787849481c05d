"""Spelling of the content (hunspell with Debian's nb/nn dictionaries and our word list)."""
from __future__ import annotations

import shutil

from spelling import Finding, check, content_files, dictionaries, unknown_words, words_by_line

# A word every dictionary must know, per dictionary: proof that it is installed and is the right one.
KNOWN_WORDS = {"nb_NO": "brukerutvalget", "nn_NO": "ikkje", "en_GB": "organisation"}


def test_hunspell_and_the_norwegian_dictionaries_are_installed():
    assert shutil.which("hunspell"), "hunspell mangler: kjør `apt-get install -y hunspell hunspell-no` (se .ci/run)."
    assert unknown_words({"møtet", "brukerutvalget"}, "nb") == set()


def test_every_language_has_its_dictionary_installed():
    found = dictionaries()
    assert found["nb"] == "nb_NO"
    for language, dictionary in found.items():
        assert unknown_words({KNOWN_WORDS[dictionary]}, language) == set(), (
            f"hunspell-ordboka {dictionary} mangler: kjør `apt-get install -y hunspell-no hunspell-en-gb`.")


def test_words_by_line_skips_code_links_and_abbreviations():
    source = ("---\ndescription: Om møtet.\n---\n\n# Møtet\n\nSe [referatet](moter.md#x) og `kode`.\n"
              "NAV og FFOs råd. Les på nav.no.\n\n!!! sjekkliste \"arshjul\"\n\n    - Send innkalingen.\n")
    words = words_by_line(source)
    assert (5, "Møtet") in words and (7, "referatet") in words
    assert not {w for _, w in words} & {"moter", "md", "kode", "NAV", "FFOs", "no", "arshjul", "description"}
    assert (12, "innkalingen") in words


def test_misspelling_is_found_with_file_and_line(tmp_path, monkeypatch):
    import spelling

    monkeypatch.setattr(spelling, "ROOT", tmp_path)
    (tmp_path / "data" / "sprak").mkdir(parents=True)
    (tmp_path / "data" / "sprak" / "nb.yml").write_text("stavekontroll_ordbok: nb_NO\n", encoding="utf-8")
    page = tmp_path / "docs" / "side.md"
    page.parent.mkdir()
    page.write_text("---\ndescription: x\n---\n\n# Side\n\nVi sender innkalingen i god tid.\n", encoding="utf-8")
    findings = check([page])
    assert findings == [Finding("docs/side.md", 7, "innkalingen")]
    assert str(findings[0]).startswith("docs/side.md, linje 7: «innkalingen» finnes ikke i ordboka.")


def test_content_has_no_misspellings():
    findings = check(content_files())
    assert not findings, "\n".join(map(str, findings))
