"""Golden files: the exact output of the steps that rewrite a page, beside their input.

Each case is a folder in tests/golden/ with an input and the expected output. A change in
the output fails with a readable diff; when the change is meant, refresh the files with
`.venv/bin/python -m pytest tests/test_golden.py --update-golden` and review the diff in git.
"""
from __future__ import annotations

import difflib
import io
from pathlib import Path

import docx

import markdown
import pytest

from medvirkning.checklists.checklists import Definition, find_blocks, show_blocks_on_page
from medvirkning.security.content_security import add_policy
from medvirkning.glossary.glossary import Annotation, Entry, GlossaryAnnotation, abbreviation_pattern
from medvirkning.core.languages import load_strings
from medvirkning.anchors.section_links import SectionLinks
from medvirkning.core.slugs import slugify
from medvirkning.templates.downloads import docx_bytes, is_in_box, page_title, prepared_markdown

GOLDEN = Path(__file__).resolve().parent / "golden"
WORDS = load_strings(GOLDEN.parent.parent, "nb", "nb")
GLOSSARY = [Entry("NAV", "Arbeids- og velferdsforvaltningen", "Etaten."),
            Entry("SBU", "Sentralt brukerutvalg", "Utvalget for hele NAV."),
            Entry("FFO", "Funksjonshemmedes Fellesorganisasjon", "En paraplyorganisasjon.")]


def glossary(text: str) -> str:
    """Markdown with the glossary's tree step, as the site reads a page."""
    annotation = Annotation({e.term: e for e in GLOSSARY}, abbreviation_pattern(GLOSSARY), "../ordliste/")
    return markdown.markdown(text, extensions=["toc", "attr_list", GlossaryAnnotation(lambda: annotation)],
                             extension_configs={"toc": {"slugify": slugify}}) + "\n"


def section_links(text: str) -> str:
    return markdown.markdown(text, extensions=["toc", "attr_list", SectionLinks(lambda: WORDS["permalenke"])],
                             extension_configs={"toc": {"permalink": True, "slugify": slugify}})


def checklist_blocks(text: str) -> str:
    definitions = {"mote": Definition("mote", "Planlegge et møte", "For lederen.")}
    return show_blocks_on_page(text, "veiviser/moter.md", definitions, find_blocks(text, "veiviser/moter.md"), WORDS)


def security_policy(text: str) -> str:
    return add_policy(text)


def template_docx(text: str) -> str:
    """A template's whole Word file, paragraph by paragraph: its style, «| » for a line in a box,
    (fet) and (kursiv) for runs, a writing field as its number of lines."""
    prepared = prepared_markdown(text, "veiviser/maler/arsrapport.md", WORDS,
                                 lambda path, anchor: f"https://medvirkning.invalid/{path}" + (f"#{anchor}" if anchor else ""))
    document = docx.Document(io.BytesIO(docx_bytes(prepared, page_title(text))))
    lines = [f"Tittel i egenskapene: {document.core_properties.title}", ""]
    for element in document.element.body.iterchildren():
        if element.tag.endswith("}p"):
            paragraph = docx.text.paragraph.Paragraph(element, document._body)
            runs = "".join(f"({'fet' if r.bold else 'kursiv'}: {r.text})" if r.bold or r.italic else r.text
                           for r in paragraph.runs)
            style = paragraph.style.name
            lines.append(("| " if is_in_box(paragraph) else "") + (f"[{style}] " if style != "Normal" else "") + runs)
        elif element.tag.endswith("}tbl"):
            table = docx.table.Table(element, document._body)
            lines.append(f"[skrivefelt: {len(table.cell(0, 0).paragraphs)} linjer]")
    return "\n".join(line.rstrip() for line in lines) + "\n"


CASES = {
    "glossary": (glossary, "input.md", "expected.html"),
    "section-links": (section_links, "input.md", "expected.html"),
    "checklist-blocks": (checklist_blocks, "input.md", "expected.md"),
    "security-policy": (security_policy, "input.html", "expected.html"),
    "template-docx": (template_docx, "input.md", "expected.txt"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_output_is_as_expected(case, request):
    render, input_name, expected_name = CASES[case]
    folder = GOLDEN / case
    actual = render((folder / input_name).read_text(encoding="utf-8"))
    expected_path = folder / expected_name
    if request.config.getoption("--update-golden"):
        expected_path.write_text(actual, encoding="utf-8")
    expected = expected_path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                            f"{case}/{expected_name}", "what the step gives now"))
        pytest.fail(f"The output of «{case}» changed:\n{diff}\n"
                    "If this is meant, run pytest with --update-golden and review the diff.", pytrace=False)
