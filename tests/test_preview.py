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

