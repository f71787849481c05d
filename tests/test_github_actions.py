"""The build in GitHub Actions: annotations on the pull request's lines and the job summary.

The build runs as the workflow runs it (`python -m medvirkning build`, strict_build.main) with
GITHUB_ACTIONS=true and $GITHUB_STEP_SUMMARY set.
"""
from __future__ import annotations

import subprocess

from medvirkning.__main__ import main as command
from medvirkning.ci import github as github_actions
from medvirkning.translations.status import stamp
from test_broken_edits import CASES, project_for


def github_env(monkeypatch, tmp_path, **more):
    summary = tmp_path / "summary.md"
    for name, value in {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary), **more}.items():
        monkeypatch.setenv(name, value)
    return summary


def test_annotation_names_file_and_line():
    assert (github_actions.annotation("docs/veiviser/moter.md, linje 9: boksen «x» finnes ikke, se lista.")
            == "::error file=docs/veiviser/moter.md,line=9,title=Bygget::boksen «x» finnes ikke, se lista.")
    assert (github_actions.annotation("data/ordliste.yml, linje 3 og 8: to like ord.\nRett det ene.", "warning")
            == "::warning file=data/ordliste.yml,line=3,title=Bygget::to like ord.%0ARett det ene.")
    assert (github_actions.annotation("tilgjengelighet: docs/om/index.md: 1 setning har over 20 ord.", "warning")
            == "::warning file=docs/om/index.md,title=Bygget::1 setning har over 20 ord.")
    assert github_actions.annotation("Lesbarhet for hele nettstedet: 50 %.").startswith("::error title=Bygget::")


def test_broken_page_is_annotated_on_its_line(tmp_path, monkeypatch, capsys):
    summary = github_env(monkeypatch, tmp_path)
    monkeypatch.delenv("GITHUB_BASE_REF", raising=False)
    config_file = project_for(CASES / "boks-ukjent-type", tmp_path / "project")
    assert command(["build", str(config_file), str(tmp_path / "site")]) == 1
    out = capsys.readouterr().out
    assert "::error file=docs/moter.md,line=9,title=Bygget::boksen «advarsel» finnes ikke." in out
    text = summary.read_text(encoding="utf-8")
    assert "## Bygget av nettstedet" in text
    assert "Bygget stoppet. 1 ting må rettes" in text
    assert "docs/moter.md, linje 9: boksen «advarsel» finnes ikke." in text


def test_nothing_extra_outside_github(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    config_file = project_for(CASES / "boks-ukjent-type", tmp_path / "project")
    assert command(["build", str(config_file), str(tmp_path / "site")]) == 1
    assert "::error" not in capsys.readouterr().out


def git(project, *args):
    subprocess.run(["git", "-C", str(project), *args], check=True, capture_output=True)


def test_summary_lists_changed_pages_lix_ids_and_outdated_translations(tmp_path, monkeypatch, capsys):
    """A pull request that changes a bokmål page: its row, its new and removed ids, its nynorsk
    translation now older than it; the link goes to the pull request's preview."""
    project = tmp_path / "project"
    config_file = project_for(CASES / "boks-ukjent-type", project)
    docs = project / "docs"
    (docs / "moter.md").write_text("---\ndescription: Møter.\n---\n\n# Møter\n\n## Før møtet\n\n"
                                   + "Lederen sender innkallingen. Den kommer en uke før. " * 8 + "\n", encoding="utf-8")
    (docs / "moter.nn.md").write_text("---\ndescription: Møte.\n---\n\n# Møte\n\n## Før møtet\n\n"
                                      "Leiaren sender innkallinga. Ho kjem ei veke før.\n", encoding="utf-8")
    stamp(docs / "moter.nn.md", docs)
    git(project, "init", "-q", "-b", "main")
    git(project, "-c", "user.name=t", "-c", "user.email=t@t", "add", "-A")
    git(project, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base")
    git(project, "checkout", "-q", "-b", "forslag")
    (docs / "moter.md").write_text("---\ndescription: Møter.\n---\n\n# Møter\n\n## Etter møtet\n\n"
                                   + "Lederen leser saken. Alle får si noe. " * 8
                                   + "Etter møtet skriver en av oss ned hva vi sa og hva vi ble enige om, "
                                     "og så får alle se det før vi tar det opp på neste møte.\n",
                                   encoding="utf-8")
    # The translation follows the new section (the build holds its ids to bokmål) but is not stamped.
    translation = (docs / "moter.nn.md").read_text(encoding="utf-8")
    (docs / "moter.nn.md").write_text(translation.replace("## Før møtet", "## Etter møtet"), encoding="utf-8")
    git(project, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "endring")
    summary = github_env(monkeypatch, tmp_path, GITHUB_BASE_REF="main", GITHUB_REF="refs/pull/42/merge")
    command(["build", str(config_file), str(tmp_path / "site")])
    text = summary.read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if line.startswith("| [moter.md]"))
    assert "pr-preview/pr-42/moter/)" in row
    assert "#etter-motet" in row.split("|")[4] and "#for-motet" in row.split("|")[5]
    assert row.split("|")[2].strip().isdigit() and row.split("|")[3].strip().isdigit()
    assert "- docs/moter.nn.md" in text
    warnings = [line for line in capsys.readouterr().out.splitlines() if line.startswith("::warning")]
    # Notes only on the files the pull request changed: the long sentence, the outdated translation.
    assert any("file=docs/moter.md," in line and "setning" in line for line in warnings), warnings
    assert any("file=docs/moter.nn.md," in line and "eldre enn" in line for line in warnings), warnings
    assert all("file=docs/moter.md," in line or "file=docs/moter.nn.md," in line for line in warnings), warnings
    assert len(warnings) == len(set(warnings))  # each once, not once per language


def test_preview_is_built_for_its_own_address(tmp_path, monkeypatch):
    """The workflow's preview job sets MEDVIRKNING_SITE_URL: canonical links and the sitemap
    point into the preview's folder, not at the published site."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    address = "https://navikt.github.io/medvirkning/pr-preview/pr-7/"
    monkeypatch.setenv("MEDVIRKNING_SITE_URL", address)
    config_file = project_for(CASES / "data-nei-er-tekst", tmp_path / "project")
    assert command(["build", str(config_file), str(tmp_path / "site")]) == 0
    assert f"<loc>{address}</loc>" in (tmp_path / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert f'rel="canonical" href="{address}"' in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
