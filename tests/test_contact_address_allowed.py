"""The site's own contact address (mkdocs.yml's extra, read by MkDocs as a config section, not a
dict) is a role address: the personal-data check lets it stand on every page."""
from __future__ import annotations

from mkdocs.config import load_config

from conftest import ROOT
from medvirkning.security import personal_data


def test_the_contact_address_in_extra_is_allowed():
    config = load_config(str(ROOT / "mkdocs.yml"))
    address = config.extra["medvirkning"]["contact"]["email"]
    assert address.lower() in personal_data.load(ROOT, config.extra).emails
