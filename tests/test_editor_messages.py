"""Every build error an editor can cause says what is wrong, where, and how to fix it."""
from __future__ import annotations

import pytest

from conftest import ROOT
from medvirkning.core.build_messages import translate
from medvirkning.content.front_matter import FrontMatterError, check_front_matter

FRONT = "---\ndescription: En side.\n---\n\n"


def test_translate_missing_target_with_line(tmp_path):
    (tmp_path / "veiviser").mkdir()
    (tmp_path / "veiviser" / "moter.md").write_text("# Møter\n\nSe [mandatet](mandat.md).\n", encoding="utf-8")
    message = translate("Doc file 'veiviser/moter.md' contains a link 'mandat.md', but the target "
                        "'veiviser/mandat.md' is not found among documentation files.", tmp_path)
    assert message.startswith("docs/veiviser/moter.md, linje 3: lenken «mandat.md» peker til en side som ikke finnes.")


def test_translate_missing_anchor_and_suggestion(tmp_path):
    message = translate("Doc file 'a.md' contains a link 'b.md#x', but the doc 'b.md' does not contain an anchor '#x'.", tmp_path)
    assert message.startswith("docs/a.md: lenken «b.md#x» peker til avsnittet #x på siden b.md, men siden har ikke")
    message = translate("Doc file 'a.md' contains an unrecognized relative link 'b/', it was left as is. Did you mean 'b.md'?", tmp_path)
    assert message.endswith("Mente du «b.md»?")


def test_translate_leaves_other_messages_alone(tmp_path):
    assert translate("Something else entirely.", tmp_path) is None


@pytest.mark.parametrize("source, message", [
    ("# Uten metadata\n", "linje 1: siden mangler metadata øverst"),
    ("---\ndescription: x\n# Tittel\n", "linje 1: metadata øverst på siden er ikke avsluttet"),
    ("---\ndescription: Mål: bedre\n---\n", "linje 2: metadata øverst på siden kan ikke leses"),
    ("---\ntitle: x\n---\n", "mangler «description: …»"),
    ("---\ndescription: x\nforfatter: y\n---\n", "linje 3: ukjent felt «forfatter»"),
    ("---\ndescription: x\ntitle: [a, b]\n---\n", "linje 3: «title» skal være tekst, men er en liste"),
    ("---\ndescription: x\nsearch: exclude\n---\n", "linje 3: «search» skal være linjer med «navn: verdi»"),
    ("---\n- a\n- b\n---\n", "linje 2: metadata øverst på siden skal være linjer"),
])
def test_front_matter_errors(source, message):
    with pytest.raises(FrontMatterError, match=message):
        check_front_matter(source, "docs/x.md")


def test_good_front_matter_passes():
    check_front_matter(FRONT + "# Tittel\n", "docs/x.md")


def test_front_matter_values_are_text_unless_the_schema_says_otherwise():
    data = check_front_matter("---\ndescription: x\ntitle: NO\nsearch:\n  exclude: true\n---\n", "docs/x.md")
    assert data == {"description": "x", "title": "NO", "search": {"exclude": True}}


def test_build_names_file_and_line_of_a_broken_link_in_norwegian(fixture_site):
    result = fixture_site({
        "index.md": FRONT + "# Forside\n\nTekst.\n\nSe [møtene](veiviser/moter.md).\n",
    })
    assert result.returncode != 0
    assert "docs/index.md, linje 9: lenken «veiviser/moter.md» peker til en side som ikke finnes." in result.stderr


def test_build_names_a_missing_anchor(fixture_site):
    result = fixture_site({
        "index.md": FRONT + "# Forside\n\nSe [agenda](moter.md#agendaen).\n",
        "moter.md": FRONT + "# Møter\n\n## Agenda\n\nTekst.\n",
    })
    assert result.returncode != 0
    assert "docs/index.md, linje 7: lenken «moter.md#agendaen» peker til avsnittet #agendaen på siden moter.md" in result.stderr


def test_build_stops_on_malformed_front_matter(fixture_site):
    result = fixture_site({"index.md": "---\ndescription: Mål: bedre\n---\n\n# Forside\n"})
    assert result.returncode != 0
    assert "docs/index.md, linje 2: metadata øverst på siden kan ikke leses." in result.stderr


def test_build_stops_on_unknown_marker(fixture_site):
    result = fixture_site({"index.md": FRONT + "# Forside\n\n<!-- generert: ordlist -->\n"})
    assert result.returncode != 0
    assert "docs/index.md, linje 7: ukjent markør «<!-- generert: ordlist -->»" in result.stderr


def test_a_data_file_read_twice_gives_each_reader_its_own_copy_and_errors_every_time():
    """data_files.parse keeps what it read for the process (the tests' fixture builds and
    `mkdocs serve` read the same files again): each caller gets a copy, a changed text is read
    anew, and a broken text is an error each time it is read."""
    from medvirkning.core import data_files, data_schemas

    schema = data_schemas.load_schema(ROOT / "data" / "ordliste.yml")

    text = "- ord: NAV\n  fullt: Arbeids- og velferdsforvaltningen\n  forklaring: Etaten.\n"
    for _ in range(3):  # read, then twice from what was kept
        data = data_files.parse(text, "data/ordliste.yml", schema)
        assert data[0]["ord"] == "NAV"
        data[0]["ord"] = "Endret"  # a reader that changes its copy changes nobody else's
    assert data_files.parse(text.replace("NAV", "BPA"), "data/ordliste.yml",
                            schema)[0]["ord"] == "BPA"
    for _ in range(2):
        with pytest.raises(data_files.DataFileError, match="linje"):
            data_files.parse("- ord: [\n", "data/ordliste.yml", schema)
