"""Who runs the site and how readers reach them: read once, from the project's settings in
mkdocs.yml (core/settings.py, the one place for them):

    extra:
      medvirkning:
        owner: Redaksjonen for Medvirkning     # who owns and runs the site
        contact:
          email: medvirkning@nav.no            # where «Meld fra om feil» sends its e-mail
          github: navikt/medvirkning           # the repository whose issues take reports

The statement, the about page and every page's «Meld fra om feil på denne siden» link
(overrides/partials/mv-report-problem.html) read these values through `site_contact` only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from mkdocs.exceptions import PluginError

from ..core.markers import marker

ADDRESS = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[a-z]{2,}$", re.I)
REPOSITORY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*/[A-Za-z0-9._-]+$")


@dataclass(frozen=True)
class Contact:
    owner: str
    email: str
    github: str  # owner/name

    def mailto(self, subject: str, body: str) -> str:
        return f"mailto:{self.email}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"

    def new_issue(self, title: str, body: str) -> str:
        return (f"https://github.com/{self.github}/issues/new"
                f"?title={quote(title, safe='')}&body={quote(body, safe='')}")


def site_contact(settings) -> Contact:
    """The owner and contact of the settings (`extra: medvirkning:`, a mapping); a missing or wrong
    value stops the build."""
    owner = settings.get("owner")
    contact = settings.get("contact") or {}
    if not isinstance(owner, str) or not owner.strip():
        raise PluginError("mkdocs.yml: «extra: medvirkning: owner:» mangler. Skriv hvem som eier nettstedet, "
                          "for eksempel «owner: Redaksjonen for Medvirkning».")
    email, github = contact.get("email"), contact.get("github")
    if not email and not github:
        raise PluginError("mkdocs.yml: «extra: medvirkning: contact:» mangler. Skriv «email:» og «github:» under den.")
    if not isinstance(email, str) or not ADDRESS.match(email):
        raise PluginError(f"mkdocs.yml: «extra: medvirkning: contact: email:» er «{email}», som ikke er en "
                          "e-postadresse. Skriv adressen som skal få meldinger om feil, for eksempel «navn@nav.no».")
    if not isinstance(github, str) or not REPOSITORY.match(github):
        raise PluginError(f"mkdocs.yml: «extra: medvirkning: contact: github:» er «{github}». Skriv repoet som "
                          "«eier/navn», for eksempel «navikt/medvirkning».")
    return Contact(owner.strip(), email, github)


# ---- The owner and the report links on the statement and the about page ----

OWNER_MARKER = marker("eier")
REPORT_MARKER = marker("meld-fra")
REPORT_TEMPLATE = "partials/mv-report-problem.html"


def page_address(page) -> str:
    """The page's public address (site_url and the page's path), as readers copy it."""
    return page.canonical_url or "/" + page.url


def render_markdown(markdown: str, page, build) -> str:
    """`<!-- generert: eier -->` becomes who owns the site, `<!-- generert: meld-fra -->` the
    page's report links (and the page then shows them there, not again at the bottom)."""
    if OWNER_MARKER.search(markdown):
        sentence = build.strings["eier_setning"].format(eier=build.site.contact.owner)
        markdown = OWNER_MARKER.sub(lambda _: sentence, markdown)
    if REPORT_MARKER.search(markdown):
        block = build.templates.get_template(REPORT_TEMPLATE).render(
            mv=build.strings, mv_kontakt=build.site.contact, report_title=page.title or build.config.site_name,
            report_address=page_address(page))
        page.meta["mv_meld_fra"] = True
        markdown = REPORT_MARKER.sub(lambda _: block, markdown)
    return markdown
