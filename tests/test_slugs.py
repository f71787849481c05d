import pytest

from medvirkning.core.slugs import heading_id, slugify


@pytest.mark.parametrize("text, expected", [
    ("Sentrale føringer og mål", "sentrale-foringer-og-mal"),
    ("Brukerutvalg – råd", "brukerutvalg-rad"),
    ("Æ, Ø og Å", "ae-o-og-a"),
    ("Årshjul for utvalget", "arshjul-for-utvalget"),
    ("Hva er viktig?  For brukeren!", "hva-er-viktig-for-brukeren"),
    ("Mål 2.1: Ledelse", "mal-2-1-ledelse"),
    ("CRPD artikkel 4.3", "crpd-artikkel-4-3"),
    ("Ung   medvirkning", "ung-medvirkning"),
    ("Brukerdrevet—tjenesteutvikling -- samskaping", "brukerdrevet-tjenesteutvikling-samskaping"),
    ("«Kort fortalt»", "kort-fortalt"),
    ("Café og idé", "cafe-og-ide"),
    ("Målbilde 2025", "malbilde-2025"),
    ("  – ", ""),
])
def test_slugify(text, expected):
    assert slugify(text) == expected


def test_slugify_only_ascii():
    slug = slugify("Øvre Årdal – Bærum, Tromsø og Ålesund")
    assert slug == "ovre-ardal-baerum-tromso-og-alesund"
    assert slug.isascii()


def test_slugify_separator():
    assert slugify("Gode arenaer", "_") == "gode_arenaer"


@pytest.mark.parametrize("line, expected", [
    ("Tiltak 2.1.5: Møter {#tiltak-2-1-5}", "tiltak-2-1-5"),
    ("Gode arenaer { #gode-arenaer .klasse }", "gode-arenaer"),
    ("**Viktig** om [mandatet](mandat.md)", "viktig-om-mandatet"),
    ("Før første møte", "for-forste-mote"),
])
def test_heading_id(line, expected):
    assert heading_id(line) == expected
