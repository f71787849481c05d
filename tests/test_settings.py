"""The project's settings in mkdocs.yml (extra.medvirkning), checked like a plugin's config."""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers import project_config
from medvirkning.core.settings import SettingsError, load

ROOT = Path(__file__).resolve().parent.parent


def settings_file(tmp_path: Path, block: str) -> str:
    path = tmp_path / "mkdocs.yml"
    path.write_text("site_name: Test\nextra:\n  generator: false\n  medvirkning:\n" + block, encoding="utf-8")
    return str(path)


def test_the_real_settings_are_valid_and_complete():
    settings = load(project_config()["extra"], str(ROOT / "mkdocs.yml"))
    assert settings.documents == ["veileder", "strategi", "veiviser"]
    assert (settings.lix_target, settings.lix_max) == (40, 45)


def test_defaults_when_mkdocs_yml_says_nothing():
    settings = load({}, None)
    assert settings.documents == ["veileder", "strategi", "veiviser"] and settings.owner is None
    assert settings.contact.email is None
    assert settings.cache_dir == ".cache/medvirkning"


@pytest.mark.parametrize("block, message", [
    ("    dokuments: [veileder]\n", "mkdocs.yml, linje 5: innstillingen «dokuments» under «extra: medvirkning:» er feil "
                                   "(ukjent innstilling)"),
    ("    lix_max: høy\n", "mkdocs.yml, linje 5: innstillingen «lix_max» under «extra: medvirkning:» er feil"),
    ("    lix_target: 50\n    lix_max: 45\n", "mkdocs.yml, linje 5: «lix_target» (50) kan ikke være større enn «lix_max» (45)."),
    ("    contact:\n      githb: navikt/medvirkning\n", "mkdocs.yml, linje 5: innstillingen «contact»"),
    ("    cache_dir: [.cache]\n", "mkdocs.yml, linje 5: innstillingen «cache_dir» under «extra: medvirkning:» er feil "
                                 "(skriv navnet på en mappe, for eksempel .cache/medvirkning)"),
    ("    cache_dir: ''\n", "mkdocs.yml, linje 5: innstillingen «cache_dir» under «extra: medvirkning:» er feil "
                           "(skriv navnet på en mappe"),
])
def test_a_mistyped_setting_stops_the_build_naming_the_line(tmp_path, block, message):
    import yaml
    path = settings_file(tmp_path, block)
    with pytest.raises(SettingsError) as error:
        load(yaml.safe_load(Path(path).read_text(encoding="utf-8"))["extra"], path)
    assert str(error.value).startswith(message), str(error.value)


def test_owner_and_contact(tmp_path):
    import yaml
    path = settings_file(tmp_path, "    owner: NAV\n    contact:\n      email: brukermedvirkning@nav.no\n"
                                   "      github: https://github.com/navikt/medvirkning\n")
    settings = load(yaml.safe_load(Path(path).read_text(encoding="utf-8"))["extra"], path)
    assert (settings.owner, settings.contact.email, settings.contact.github) == (
        "NAV", "brukermedvirkning@nav.no", "https://github.com/navikt/medvirkning")
