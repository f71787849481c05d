"""`make serve` is a quick preview: bokmål, and the other languages only when asked (SPRAK=…)."""
from __future__ import annotations

from types import SimpleNamespace

from medvirkning.core.languages import preview_only


def config_with(*locales):
    languages = [SimpleNamespace(locale=locale, default=index == 0, build=True) for index, locale in enumerate(locales)]
    plugin = SimpleNamespace(config=SimpleNamespace(languages=languages))
    return SimpleNamespace(plugins={"i18n": plugin}), languages


def built(languages):
    return [language.locale for language in languages if language.build]


def test_only_bokmal_unless_asked():
    config, languages = config_with("nb", "nn", "en")
    assert preview_only(config, "") == ["nn", "en"]
    assert built(languages) == ["nb"]


def test_the_languages_asked_for():
    config, languages = config_with("nb", "nn", "en")
    assert preview_only(config, "nn") == ["en"]
    assert built(languages) == ["nb", "nn"]
    config, languages = config_with("nb", "nn", "en")
    assert preview_only(config, "alle") == [] and built(languages) == ["nb", "nn", "en"]
    config, languages = config_with("nb", "nn", "en")
    assert preview_only(config, "nn, en") == [] and built(languages) == ["nb", "nn", "en"]



def test_the_preview_of_the_real_site_builds(tmp_path, monkeypatch):
    """`make serve` builds bokmål only; every check must still know a page.en.md is English (the
    termbase once took it for bokmål and the preview stopped on English quotation marks)."""
    from helpers import ROOT
    from medvirkning import pipeline
    from medvirkning.core.strict_build import run

    monkeypatch.delenv("SPRAK", raising=False)
    monkeypatch.setattr(pipeline.OPTIONS, "serving", True)
    result = run(ROOT / "mkdocs.yml", tmp_path / "site")
    assert result.ok, "\n".join(result.messages[:5])
    page = (tmp_path / "site" / "veiviser" / "moter" / "index.html").read_text(encoding="utf-8")
    # The preview writes no service worker, so its pages do not ask for one (a 404 in the editor's log).
    assert '"service_worker": ""' in page and not (tmp_path / "site" / "sw.js").exists()
    assert not (tmp_path / "site" / "en").exists()  # the other languages are left out of the preview
