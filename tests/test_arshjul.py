"""The council's year: the data file, the wheel and its text alternative, and the calendar files.

The calendars are read back with vobject, a different iCalendar parser from icalendar, which
writes them: a file only the writing library understands would not help a council secretary.
"""
from __future__ import annotations

import datetime
import functools
import json
import re
from pathlib import Path

import pytest
import vobject
import yaml
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

from helpers import read_html, read_tree, PHONE, ROOT
from medvirkning.arshjul import arshjul

STRINGS = yaml.safe_load((ROOT / "data/sprak/nb.yml").read_text(encoding="utf-8"))
CYCLE = arshjul.load(ROOT, "nb")
PAGE = "veiviser/arshjul/"
SITE_URL = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:")[0])["site_url"]
UID = re.compile(r"arshjul-([a-z0-9-]+)-m(\d\d)@navikt\.github\.io")


@functools.lru_cache(maxsize=None)
def built_page(path: Path) -> BeautifulSoup:
    return read_html(path)


def parse_calendar(data: bytes | str):
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    return vobject.readOne(text)


def events_of(calendar) -> list:
    return list(calendar.contents.get("vevent", []))


def expected_uids(meeting_months: list[int]) -> set[tuple[str, int]]:
    return {(e.id, m) for e in CYCLE.events for m in arshjul.months_of(e, meeting_months)}


def make_calendar(meeting_months: list[int], year: int = 2027) -> bytes:
    return arshjul.calendar(
        CYCLE, meeting_months, year=year, locale="nb", default="nb", strings=STRINGS,
        url_of=lambda src: "https://example.invalid/" + src, host="navikt.github.io",
        stamp=datetime.datetime(2026, 11, 29, tzinfo=datetime.timezone.utc))


# ---- The data ----

def test_project_data_has_the_events_the_issue_asks_for():
    ids = {e.id for e in CYCLE.events}
    assert {"utvalgsmote", "halvarsmote", "ledermote", "opplaering", "evaluering", "arsrapport",
            "brukerundersokelse", "klagerapport"} <= ids
    assert next(e for e in CYCLE.events if e.id == "arsrapport").proposal  # Innlandet's proposal
    # No source gives a month: every event says the council chooses.
    assert all(e.months is None for e in CYCLE.events)
    assert all(len(p.months) >= 4 for p in CYCLE.patterns)  # at least four meetings (Tiltak 2.1.5)


@pytest.mark.parametrize("raw, message", [
    ({"hendelser": [{"kilde": "a.md#b"}]}, "hendelse nr. 1 mangler «id»"),
    ({"hendelser": [{"id": "x", "kilde": "a.md"}]}, "hendelsen «x» mangler «kilde»"),
    ({"hendelser": [{"id": "utvalgsmote", "kilde": "a.md#b", "tekst": {"nb": {"tittel": "T"}}}]},
     "mangler «hvor_ofte», «beskrivelse», «kilde_navn» under tekst → nb"),
    ({"hendelser": [{"id": "x", "kilde": "a.md#b", "eksempel": [13]}]}, "«eksempel»: skriv månedene som tall"),
    ({"hendelser": [{"id": "x", "kilde": "a.md#b"}]}, "trenger eksempelmåneder"),
])
def test_broken_data_is_a_plain_message_naming_the_file(raw, message):
    with pytest.raises(PluginError) as error:
        arshjul.parse(raw, "nb")
    assert "data/arshjul.yml" in str(error.value) and message in str(error.value)


def test_untranslated_events_are_listed_as_missing():
    assert arshjul.missing_translations(CYCLE, "nb") == []
    assert arshjul.missing_translations(CYCLE, "nn") == [] and arshjul.missing_translations(CYCLE, "en") == []
    assert arshjul.missing_translations(CYCLE, "sv") == [*(e.id for e in CYCLE.events), *(p.id for p in CYCLE.patterns)]
    nn = arshjul.parse({"hendelser": [{"id": "utvalgsmote", "kilde": "a.md#b", "tekst": {
        "nb": {"tittel": "Møte", "hvor_ofte": "Ofte", "beskrivelse": "B", "kilde_navn": "K"},
        "nn": {"tittel": "Møte i utvalet"}}}], "monstre": [{"id": "fire", "maneder": [2, 4, 9, 11], "tekst": {
        "nb": {"navn": "Fire", "kilde": "K"}}}]}, "nb")
    assert arshjul.missing_translations(nn, "nn") == ["fire"]
    # A field not translated yet is shown in bokmål.
    assert arshjul.text(nn.events[0], "nn", "nb") == {"tittel": "Møte i utvalet", "hvor_ofte": "Ofte",
                                                       "beskrivelse": "B", "kilde_navn": "K"}


def test_plan_places_each_event_in_its_months():
    months = arshjul.plan(CYCLE, [2, 4, 9, 11])
    assert list(months) == list(range(1, 13))
    meeting = [m for m, events in months.items() if any(e.id == "utvalgsmote" for e in events)]
    assert meeting == [2, 4, 9, 11]
    halfyear = [m for m, events in months.items() if any(e.id == "halvarsmote" for e in events)]
    assert len(halfyear) == 2 and halfyear[0] <= 6 < halfyear[1]  # one in each half of the year


def test_a_month_with_too_many_events_is_an_editor_message():
    crowded = {1: CYCLE.events[:7], **{m: [] for m in range(2, 13)}}
    with pytest.raises(PluginError, match="plass til 6"):
        arshjul.wheel(crowded, {m: str(m) for m in range(1, 13)})


def test_first_monday():
    assert arshjul.first_monday(2027, 2) == datetime.date(2027, 2, 1)
    assert arshjul.first_monday(2027, 1) == datetime.date(2027, 1, 4)
    assert arshjul.first_monday(2027, 8) == datetime.date(2027, 8, 2)


# ---- The calendar, read by a second parser ----

def test_calendar_holds_every_event_once_per_month_with_valid_uids_and_dates():
    calendar = parse_calendar(make_calendar([3, 6, 9, 12]))
    events = events_of(calendar)
    found = set()
    for event in events:
        match = UID.fullmatch(event.uid.value)
        assert match, event.uid.value
        found.add((match.group(1), int(match.group(2))))
        start = event.dtstart.value
        assert isinstance(start, datetime.date) and not isinstance(start, datetime.datetime)  # all day
        assert start.year == 2027 and start.month == int(match.group(2)) and start.weekday() == 0
        assert event.dtend.value == start + datetime.timedelta(days=1)
        if next(e for e in CYCLE.events if e.id == match.group(1)).repeats:
            assert event.rrule.value == f"FREQ=YEARLY;BYDAY=1MO;BYMONTH={start.month}"
        else:
            assert "rrule" not in event.contents
        assert event.summary.value and event.url.value in event.description.value
    assert len(found) == len(events)  # UIDs are unique
    assert found == expected_uids([3, 6, 9, 12])


# Who gives the frequency, read in the sources (../shared/seeds): Tiltak 2.1.5 «minst fire ganger i året»,
# 2.1.4 «faste halvårlige møter», 2.1.3 «minst en gang i året»; Innlandet's yearly report was a proposal.
# Training, user surveys, the complaints report and the evaluation happen when something happens
# (the guide: «avklare hvor ofte evaluering skal gjennomføres»).
SOURCE_GIVES_FREQUENCY = {"utvalgsmote": "kilde", "halvarsmote": "kilde", "ledermote": "kilde", "arsrapport": "forslag"}


def test_only_events_whose_frequency_a_source_gives_repeat():
    assert {e.id: e.repeats for e in CYCLE.events if e.repeats} == SOURCE_GIVES_FREQUENCY
    for language in ("nb", "nn", "en"):
        strings = yaml.safe_load((ROOT / f"data/sprak/{language}.yml").read_text(encoding="utf-8"))
        calendar = arshjul.calendar(CYCLE, [2, 4, 9, 11], year=2027, locale=language, default="nb", strings=strings,
                                    url_of=lambda src: "https://example.invalid/" + src, host="navikt.github.io",
                                    stamp=datetime.datetime(2026, 11, 29, tzinfo=datetime.timezone.utc))
        for event in events_of(parse_calendar(calendar)):
            event_id = UID.fullmatch(event.uid.value).group(1)
            repeats = "rrule" in event.contents
            assert repeats == (event_id in SOURCE_GIVES_FREQUENCY), (language, event_id)
            if event_id in ("opplaering", "brukerundersokelse", "klagerapport", "evaluering"):
                assert strings["arshjul_gjentas_ikke"] in event.description.value, (language, event_id)
            if event_id == "arsrapport":  # a proposal: the mark first, and that the repetition is proposed
                assert event.description.value.startswith(f"({strings['merke_forslag']}) ")
                assert strings["arshjul_gjentas_forslag"] in event.description.value


def test_our_suggested_repetition_says_so_in_the_event():
    raw = {"hendelser": [
        {"id": "utvalgsmote", "kilde": "a.md#b", "gjentas": "kilde", "tekst": {
            "nb": {"tittel": "Møte", "hvor_ofte": "Fire ganger", "beskrivelse": "Utvalget møtes.", "kilde_navn": "K"}}},
        {"id": "evaluering", "kilde": "a.md#c", "eksempel": [12], "gjentas": "vart-rad", "tekst": {
            "nb": {"tittel": "Evaluering", "hvor_ofte": "Utvalget avtaler", "beskrivelse": "Se tilbake.",
                   "kilde_navn": "K"}}}],
        "monstre": [{"id": "fire", "maneder": [2, 4, 9, 11], "tekst": {"nb": {"navn": "Fire", "kilde": "K"}}}]}
    cycle = arshjul.parse(raw, "nb")
    calendar = arshjul.calendar(cycle, [2], year=2027, locale="nb", default="nb", strings=STRINGS,
                                url_of=lambda src: "https://example.invalid/" + src, host="h.invalid",
                                stamp=datetime.datetime(2026, 11, 29, tzinfo=datetime.timezone.utc))
    evaluation = next(e for e in events_of(parse_calendar(calendar)) if "evaluering" in e.uid.value)
    assert "rrule" in evaluation.contents
    assert evaluation.description.value.startswith("(Vårt råd) Se tilbake.")
    assert STRINGS["arshjul_gjentas_vart_rad"] in evaluation.description.value
    with pytest.raises(PluginError, match="«gjentas: hvert-ar» kjennes ikke"):
        arshjul.parse({**raw, "hendelser": [{**raw["hendelser"][1], "gjentas": "hvert-ar"}, raw["hendelser"][0]]}, "nb")


def test_calendar_repeats_every_year_on_the_first_monday():
    event = next(e for e in events_of(parse_calendar(make_calendar([2, 4, 9, 11]))) if "utvalgsmote-m09" in e.uid.value)
    dates = list(event.getrruleset())[:3]
    assert [d.date() for d in dates] == [datetime.date(2027, 9, 6), datetime.date(2028, 9, 4), datetime.date(2029, 9, 3)]


def test_uids_are_stable_across_builds_and_years():
    first = {e.uid.value for e in events_of(parse_calendar(make_calendar([2, 4, 9, 11], 2027)))}
    second = {e.uid.value for e in events_of(parse_calendar(make_calendar([2, 4, 9, 11], 2028)))}
    assert first == second


def test_description_is_plain_language_with_the_link_back():
    event = next(e for e in events_of(parse_calendar(make_calendar([2, 4, 9, 11]))) if "halvarsmote" in e.uid.value)
    assert "direktøren eller NAV-lederen" in event.description.value
    assert "https://example.invalid/strategi/gode-arenaer.md#tiltak-2-1-4" in event.description.value
    assert "Datoen er bare et forslag" in event.description.value


# ---- The built page and files ----

@pytest.fixture(scope="module")
def page(built_site):
    return read_html(built_site / PAGE / "index.html")


@pytest.mark.parametrize("pattern", [p.id for p in CYCLE.patterns])
def test_built_calendars_parse_and_hold_every_event(built_site, page, pattern):
    path = built_site / "veiviser" / f"arshjul-{pattern}.ics"
    calendar = parse_calendar(path.read_bytes())
    months = next(p.months for p in CYCLE.patterns if p.id == pattern)
    found = {(m.group(1), int(m.group(2))) for m in (UID.fullmatch(e.uid.value) for e in events_of(calendar))}
    assert found == expected_uids(months)
    # The build's own date (UTC, as MkDocs counts it), not this machine's local date now.
    built_on = datetime.date.fromisoformat(json.loads((built_site / "tilgjengelighet.json").read_text())["date"])
    year = arshjul.calendar_year(built_on)
    assert {e.dtstart.value.year for e in events_of(calendar)} == {year}
    # Each event links to a section that exists on the site.
    for event in events_of(calendar):
        url = event.url.value
        assert url.startswith(SITE_URL)
        address, _, anchor = url[len(SITE_URL):].partition("#")
        assert built_page(built_site / address / "index.html").find(id=anchor) is not None, url
    # The page offers the file, and says which year and how dates are chosen.
    assert page.select_one(f'a[href="../arshjul-{pattern}.ics"][download]') is not None
    assert f"begynner i {year}" in page.get_text() and "første mandagen" in page.get_text()


def test_the_wheel_is_described_by_the_month_list_in_month_order(page):
    svg = page.select_one("figure.mv-arshjul svg")
    assert svg["role"] == "img" and page.find(id=svg["aria-labelledby"]).name == "title"
    alternative = page.find(id=svg["aria-describedby"])
    assert alternative is not None
    months = alternative.select(":scope > ul > li")
    names = [li.find("strong").get_text() for li in months]
    assert names == ["Januar", "Februar", "Mars", "April", "Mai", "Juni", "Juli", "August", "September",
                     "Oktober", "November", "Desember"]
    plan = arshjul.plan(CYCLE, CYCLE.patterns[0].months)
    for (month, events), item in zip(plan.items(), months):
        listed = [a.get_text() for a in item.select("li a")]
        assert listed == [e.text["nb"]["tittel"] for e in events], names[month - 1]
    # The wheel draws the same plan: twelve months, and a numbered badge per event and month.
    assert len(svg.select("path.mv-arshjul__maned")) == 12
    badges = sorted(int(t.get_text()) for t in svg.select("text.mv-arshjul__tall"))
    assert badges == sorted(e.number for events in plan.values() for e in events)


def test_the_month_list_links_to_the_sources(page, built_site):
    for link in page.select("#mv-arshjul-tekst a[href]"):
        address, _, anchor = link["href"].partition("#")
        target = (built_site / PAGE / address / "index.html").resolve()
        assert built_page(target).find(id=anchor), link["href"]


def test_only_the_arshjul_page_loads_the_form_script(built_site):
    """Every reader pays for the scripts of their first page: the form's script is loaded where
    the form is, in every language, and nowhere else."""
    loading = sorted(str(page.relative_to(built_site)) for page in built_site.rglob("*.html")
                     if read_tree(page).css_first('script[src*="arshjul.js"]'))
    assert loading == sorted(f"{folder}{PAGE}index.html" for folder in ("", "en/", "nn/"))


# ---- In the browser ----

@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, has_touch=True, accept_downloads=True)
    yield context
    context.close()


def test_choose_meeting_months_and_download_a_calendar(phone, site_url):
    page = phone.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    page.goto(site_url + PAGE)
    form = page.locator("form.mv-arshjul-skjema")
    assert form.is_visible()
    assert not page.locator(".mv-arshjul-uten-skript").is_visible()
    for month in ("januar", "mai", "oktober"):
        page.get_by_label(month, exact=True).check()
    with page.expect_download() as download:
        form.get_by_role("button").click()
    text = open(download.value.path(), encoding="utf-8").read()
    assert download.value.suggested_filename.endswith(".ics")
    found = {(m.group(1), int(m.group(2)))
             for m in (UID.fullmatch(e.uid.value) for e in events_of(parse_calendar(text)))}
    assert found == expected_uids([1, 5, 10])
    status = page.locator(".mv-arshjul-skjema__melding")
    assert "minst fire" in status.text_content()  # three months: the page says what the strategy asks
    assert not errors


def test_without_javascript_the_ready_made_files_remain(browser, site_url):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + PAGE)
    assert not page.locator("form.mv-arshjul-skjema").is_visible()
    assert page.locator(".mv-arshjul-uten-skript").is_visible()
    assert page.locator('a[href$=".ics"][download]').count() == len(CYCLE.patterns)
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_wheel_fits_and_is_readable_on_a_phone(browser, site_url, tmp_path, scheme):
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + PAGE)
    wheel = page.locator("figure.mv-arshjul svg")
    wheel.scroll_into_view_if_needed()
    box = wheel.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # Month names and numbers at least 16 px on screen, as all text on the site.
    for text in ("text.mv-arshjul__navn", "text.mv-arshjul__tall"):
        assert page.locator(text).first.bounding_box()["height"] >= 16, text
    # The text stands out from the month behind it.
    fill = page.evaluate("getComputedStyle(document.querySelector('text.mv-arshjul__navn')).fill")
    background = page.evaluate("getComputedStyle(document.querySelector('path.mv-arshjul__maned--oddetall')).fill")
    assert fill != background
    wheel.screenshot(path=str(tmp_path / f"arshjul-{scheme}.png"))
    context.close()
