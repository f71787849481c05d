"""Personal data (medvirkning/personal_data.py): what is found, what is let through, and that
no message repeats the number or address."""
from __future__ import annotations

import pytest

from medvirkning.security.personal_data import RoleAddresses, findings, is_birth_number, load

NO_ROLES = RoleAddresses(set(), set())
SYNTHETIC = "15878512399"  # a synthetic test number (month + 80): both check digits right


def kinds(text: str, roles: RoleAddresses = NO_ROLES) -> list[str]:
    return [kind for kind, _ in findings(text, roles)]


def test_both_check_digits_must_hold():
    assert is_birth_number(SYNTHETIC)
    assert not is_birth_number(SYNTHETIC[:10] + str((int(SYNTHETIC[10]) + 1) % 10))  # second wrong
    assert not is_birth_number(SYNTHETIC[:9] + str((int(SYNTHETIC[9]) + 1) % 10) + SYNTHETIC[10])  # first wrong


@pytest.mark.parametrize("text", [f"Nr. {SYNTHETIC}.", f"Nr. {SYNTHETIC[:6]} {SYNTHETIC[6:]}"])
def test_birth_number_found(text):
    assert kinds(text) == ["fødselsnummer"]


@pytest.mark.parametrize("text", ["Ring 912 34 567.", "Ring 91234567.", "Ring 91 23 45 67.", "Ring +47 912 34 567.",
                                  "tel:+4722334455"])
def test_phone_found(text):
    assert kinds(text) == ["telefon"]


@pytest.mark.parametrize("text", ["I 2024 og 2025 møttes utvalget.", "Budsjettet var 12 500 000 kroner.",
                                  "Tallene 10 20 30 40 50 i tabellen.", "Kontonummer 1234.56.78903.",
                                  "Mål 2.1.3 og 4.5.6.", "Saksnummer 2024/12345678."])
def test_ordinary_numbers_pass(text):
    assert kinds(text) == []


def test_role_addresses_pass():
    roles = RoleAddresses({"postmottak@nav.no"}, {"55553333"})
    assert kinds("Skriv til Postmottak@nav.no eller ring 55 55 33 33.", roles) == []
    assert kinds("Skriv til ola@nav.no.", roles) == ["e-post"]


def test_contact_address_in_extra_is_a_role_address(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "rolleadresser.yml").write_text("e-post:\n  - sekretariat@example.no\n", encoding="utf-8")
    roles = load(tmp_path, {"kontakt": {"e_post": "Medvirkning@Example.no"}, "offline_documents": ["veileder/"]})
    assert roles.emails == {"sekretariat@example.no", "medvirkning@example.no"}
    assert kinds("Meld fra til medvirkning@example.no.", roles) == []


@pytest.mark.parametrize("text", [f"Nr. {SYNTHETIC[:6]} {SYNTHETIC[6:]}.", "Ring 912 34 567.", "Skriv til ola@example.no."])
def test_the_message_names_the_line_never_the_number_or_address(text):
    from pathlib import Path
    from types import SimpleNamespace

    from medvirkning.core.html_tree import SharedParse, parse_html
    from medvirkning.core.state import SiteData
    from medvirkning.security.personal_data import PersonalDataError, check_content
    from medvirkning.security.state import SecurityData
    html = f"<p>{text}</p>"
    page = SimpleNamespace(meta={}, file=SimpleNamespace(generated_by=None, src_uri="moter.md",
                                                         content_string=f"---\ndescription: x\n---\n\n{text}\n"))
    site = SiteData(root=Path("."))
    site.keep(SecurityData(NO_ROLES))
    build = SimpleNamespace(content=SharedParse(html, parse_html(html)), site=site)
    with pytest.raises(PersonalDataError) as error:
        check_content(html, page, build)
    message = str(error.value)
    assert message.startswith("docs/moter.md, linje 5: ")
    assert not any(part in message for part in ("ola@", "912 34", "34 567", SYNTHETIC[:6], SYNTHETIC[6:]))
