"""Steg for steg in Chromium on a phone (360×740), light and dark, in every language: a new member
taps from the start page to the first-meeting checklist in three taps or fewer, and a reader
walks a whole journey forward with «Neste» and back with «Forrige», by keyboard only (in the
dark scheme in bokmål in `make test`, in every language with --every-page, as CI runs it)."""
from __future__ import annotations

import pytest
import yaml

from conftest import PHONE, ROOT

LANGUAGES = {"nb": "", "nn": "nn/", "en": "en/"}
JOURNEYS = yaml.safe_load((ROOT / "data" / "reiser.yml").read_text(encoding="utf-8"))
MAX_TABS = 80
WORDS = {locale: yaml.safe_load((ROOT / "data" / "sprak" / f"{locale}.yml").read_text(encoding="utf-8"))
         for locale in LANGUAGES}


@pytest.fixture(params=["light", "dark"])
def phone(browser, request):
    context = browser.new_context(viewport=PHONE, has_touch=True, color_scheme=request.param)
    yield context
    context.close()


def title_of(data: dict, locale: str) -> str:
    return data.get(locale, {}).get("tittel", data["tittel"]) if locale != "nb" else data["tittel"]


@pytest.mark.parametrize("locale", LANGUAGES)
def test_from_the_start_page_to_the_first_meeting_checklist_in_three_taps(phone, site_url, locale):
    page = phone.new_page()
    checklist_url = site_url + LANGUAGES[locale] + "sjekklister/nytt-medlem/"
    journey = JOURNEYS[0]
    # The direct door: the checklist is in the representative's block.
    page.goto(site_url + LANGUAGES[locale])
    block = page.locator("#jeg-er-brukerrepresentant + p + ul, #jeg-er-brukerrepresentant ~ ul").first
    block.locator('a[href="sjekklister/nytt-medlem/"]').tap()
    page.wait_for_url(checklist_url)
    assert page.locator("li.mv-checklist__item").count() > 0
    # Through the journey: the journey (1), its step with the checklist (2).
    page.goto(site_url + LANGUAGES[locale])
    taps = 0
    page.get_by_role("link", name=title_of(journey, locale), exact=True).first.tap()
    taps += 1
    page.wait_for_url(site_url + LANGUAGES[locale] + "steg-for-steg/ny-i-utvalget/")
    page.locator('li.mv-journey__step a[href$="sjekklister/nytt-medlem/"]').tap()
    taps += 1
    page.wait_for_url(checklist_url)
    assert taps <= 3
    assert page.locator("article h1").is_visible()


def tab_to(page, selector: str) -> None:
    """Press Tab until the element matching `selector` has the focus, as a keyboard user would; a
    step that opens at a section (…/#tiltak-2-1-2) starts below the box above the title, so the
    reader goes back up with Shift+Tab."""
    forward, back = ("Tab", MAX_TABS), ("Shift+Tab", 4 * MAX_TABS)
    # A step that opens at a section starts below the box: up first, as the reader would go.
    for turn, (key, presses) in enumerate((back, forward) if "#" in page.url else (forward, back)):
        if turn:
            page.goto(page.url)  # back where the step opened, then the other way
        for _ in range(presses):
            page.keyboard.press(key)
            if page.evaluate(f"document.activeElement && document.activeElement.matches({selector!r})"):
                return
    raise AssertionError(f"{page.url}: {selector} fikk aldri fokus med Tab eller Shift+Tab")


def pytest_generate_tests(metafunc):
    """The whole journeys by keyboard: every journey in every language in the light scheme, and in
    the dark one in bokmål; with --every-page (CI), in the dark scheme in every language too."""
    if metafunc.definition.name == "test_a_whole_journey_by_keyboard_with_next_and_previous":
        every = metafunc.config.getoption("--every-page")
        cases = [pytest.param(scheme, locale, journey, id=f"{scheme}-{journey['id']}-{locale}")
                 for scheme in ("light", "dark") for journey in JOURNEYS for locale in LANGUAGES
                 if every or scheme == "light" or locale == "nb"]
        metafunc.parametrize("scheme, locale, journey", cases)


def test_a_whole_journey_by_keyboard_with_next_and_previous(browser, site_url, scheme, locale, journey):
    phone = browser.new_context(viewport=PHONE, has_touch=True, color_scheme=scheme)
    try:
        walk_journey(phone, site_url, locale, journey)
    finally:
        phone.close()


def walk_journey(phone, site_url, locale, journey):
    page = phone.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    steps = journey["steg"]
    box = f'nav.mv-journey-box[data-journey="{journey["id"]}"]'
    # From the journey page to its first step, by keyboard.
    page.goto(site_url + LANGUAGES[locale] + f"steg-for-steg/{journey['id']}/")
    tab_to(page, "#steg-1 a:not(.headerlink)")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    visited = []
    for number in range(1, len(steps) + 1):
        where = page.locator(f"{box} .mv-journey-box__where")
        expected = WORDS[locale]["reise_steg_av"].format(nummer=number, antall=len(steps))
        assert " ".join(where.inner_text().split()) == f"{expected}: {title_of(journey, locale)}", page.url
        assert where.is_visible()
        visited.append(page.url.partition("#")[0])
        if number < len(steps):
            tab_to(page, f"{box} a[data-journey-next]")
            with page.expect_navigation():
                page.keyboard.press("Enter")
    assert page.locator(f"{box} a[data-journey-next]").count() == 0  # the last step
    # And back to the first step with «Forrige».
    for number in range(len(steps) - 1, 0, -1):
        page.evaluate("window.scrollTo(0, 0); document.activeElement && document.activeElement.blur()")
        tab_to(page, f"{box} a[data-journey-previous]")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url.partition("#")[0] == visited[number - 1]
    assert page.locator(f"{box} a[data-journey-previous]").count() == 0  # the first step
    assert len(set(visited)) == len(steps)
    assert errors == []
