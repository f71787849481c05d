"""Personal data never reaches readers: fødselsnumre, phone numbers and personal e-mail addresses.

Editors copy from minutes and e-mails. Each page's content (as readers get it, comments taken
out), its links and its title and description are read for
- an 11-digit number whose two check digits are those of a fødselsnummer or D-number (mod 11);
- a Norwegian phone number (8 digits from 2 to 9, with or without +47 and spaces);
- an e-mail address (in the text or a mailto: link) that is not a role address.
Role addresses and role numbers (a council's or an office's, never a person's) are listed in
data/rolleadresser.yml; the site's own contact address in mkdocs.yml (extra) is one too.
A finding stops the build with the file and line, and never repeats the number or address:
build logs are kept, and may be public.
"""
from __future__ import annotations

from collections.abc import Mapping

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

from ..core.data_files import read_yaml
from ..core.html_tree import shared_tree
from .state import SecurityData

ROLE_FILE = "data/rolleadresser.yml"

# Eleven digits, or six and five with a space (as a fødselsnummer is often written), not inside a longer number.
BIRTH_NUMBER = re.compile(r"(?<![\d.,])(\d{6}) ?(\d{5})(?![\d])")
_WEIGHTS_1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_WEIGHTS_2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
# Eight digits from 2 to 9 first, written together or as 3-2-3 or 2-2-2-2, with +47 or 0047 before it or not;
# never part of a longer row of numbers (a table's figures, an amount).
PHONE = re.compile(r"(?<![\d.,/-])(?<!\d )(?:(?:\+|00)47 ?)?"
                   r"(?P<number>[2-9]\d{7}|[2-9]\d{2} \d{2} \d{3}|[2-9]\d \d{2} \d{2} \d{2})(?![\d,]| \d)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)


class PersonalDataError(PluginError):
    pass


@dataclass
class RoleAddresses:
    """What may be published: role e-mail addresses (lower case) and role phone numbers (8 digits)."""
    emails: set[str]
    phones: set[str]


def load(root: Path, extra: dict | None = None) -> RoleAddresses:
    """data/rolleadresser.yml, with every e-mail address written in mkdocs.yml's extra (the contact address)."""
    data = read_yaml(root / ROLE_FILE, {})  # data/skjema/rolleadresser.json
    emails = {address.strip().lower() for address in data.get("e-post", [])}
    emails |= {address.lower() for text in strings_in(extra or {}) for address in EMAIL.findall(text)}
    phones = {digits(number)[-8:] for number in data.get("telefon", [])}
    return RoleAddresses(emails, phones)


def strings_in(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, Mapping):  # a dict, or MkDocs' config section (extra is a LegacyConfig)
        return [s for v in value.values() for s in strings_in(v)]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in strings_in(v)]
    return []


def digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def is_birth_number(number: str) -> bool:
    """Both check digits of an 11-digit number are right (mod 11), as in a fødselsnummer or D-number."""
    if len(number) != 11 or not number.isdigit():
        return False
    values = [int(c) for c in number]
    for weights, check in ((_WEIGHTS_1, values[9]), (_WEIGHTS_2, values[10])):
        remainder = 11 - sum(w * v for w, v in zip(weights, values)) % 11
        if (0 if remainder == 11 else remainder) != check:
            return False
    return True


def findings(text: str, roles: RoleAddresses) -> list[tuple[str, str]]:
    """(kind, what was found) in a text: kind is "fødselsnummer", "telefon" or "e-post"."""
    found = []
    for match in BIRTH_NUMBER.finditer(text):
        if is_birth_number(match.group(1) + match.group(2)):
            found.append(("fødselsnummer", match.group(0)))
    for match in PHONE.finditer(text):
        if digits(match.group("number")) not in roles.phones:
            found.append(("telefon", match.group(0)))
    for address in EMAIL.findall(text):
        if address.lower().rstrip(".") not in roles.emails:
            found.append(("e-post", address))
    return found


MESSAGES = {
    "fødselsnummer": (
        "det står et tall med 11 sifre som har gyldige kontrollsifre for et fødselsnummer eller D-nummer. "
        "Et fødselsnummer er en personopplysning og skal aldri stå på nettstedet. Ta tallet bort. "
        "(Tallet står ikke i denne meldingen, så det ikke havner i loggen.)"),
    "telefon": (
        "det står et norsk telefonnummer. Telefonnumre til personer skal ikke stå på nettstedet; skriv rollen "
        "i stedet, for eksempel «sekretæren i utvalget». Er det nummeret til et kontor eller en rolle, ikke en "
        f"person, legg det til under «telefon:» i {ROLE_FILE}. (Nummeret står ikke i denne meldingen.)"),
    "e-post": (
        "det står en e-postadresse som ikke er en rolleadresse. Adresser til personer skal ikke stå på "
        "nettstedet; skriv rollen i stedet. Er det adressen til et kontor eller en rolle (for eksempel "
        f"postmottak@…), legg den til under «e-post:» i {ROLE_FILE}. (Adressen står ikke i denne meldingen.)"),
}


def line_of_finding(source: str, kind: str, found: str) -> int | None:
    """The first line of the source with the same number (its digits) or address."""
    for number, line in enumerate(source.splitlines(), start=1):
        if kind == "e-post" and found.lower() in line.lower():
            return number
        if kind != "e-post" and digits(found)[-8:] in digits(line):
            return number
    return None


# ---- Steps of the build (medvirkning.pipeline calls them in order) ----

def check_content(html: str, page, build) -> str:
    """After the comments are out: the text, the links, the title and the description."""
    tree = shared_tree(build.content, html)
    roles = build.site.state(SecurityData).role_addresses
    texts = [node.text_content or "" for node in tree.root.traverse(include_text=True)
             if node.is_text_node] if tree.root is not None else []
    texts += [(link.attributes.get("href") or "").split("?", 1)[0] for link in tree.css("a[href]")]
    texts += [value for value in (page.meta.get("title"), page.meta.get("description")) if isinstance(value, str)]
    found = [f for text in texts for f in findings(text, roles)]
    if not found:
        return html
    source = page.file.content_string if page.file.generated_by is None else ""
    where = f"docs/{page.file.src_uri}"
    problems = []
    for kind, what in found:
        line = line_of_finding(source, kind, what)
        problem = f"{where}" + (f", linje {line}" if line else "") + f": {MESSAGES[kind]}"
        if problem not in problems:
            problems.append(problem)
    raise PersonalDataError("\n".join(problems))
