"""The council's year (årshjul): one data file, shown as a wheel, a month-by-month list and calendars.

data/arshjul.yml lists what happens in a council year, each event with the section that
explains it. The page with `<!-- generert: arshjul -->` gets
- the wheel: an inline SVG of twelve months (role="img", described by the list below it);
- the month-by-month list, the wheel's text alternative, from the same plan;
- links to calendar files (.ics, RFC 5545, written with icalendar), one per meeting pattern;
- a small form (docs/assets/javascripts/arshjul.js) that builds a calendar for the months a
  council chooses from the file with meetings in every month.

The sources say how often things happen, not in which month. The months are the site's own
example, and the page says so. Calendar dates: next calendar year from the build date, one
all-day event on the first Monday of each month an event falls in. An event repeats every year
(RRULE FREQ=YEARLY;BYMONTH=m;BYDAY=1MO, one month per event: Outlook understands that) only
where the data file says who gives the frequency (`gjentas`): a source (`kilde`), a proposal
in the sources (`forslag`) or our own suggestion (`vart-rad`); the last two say so in the
event and carry the mark of own_advice.py. Any other event is in the calendar once.
UIDs are the event's id and month, so they stay the same from build to build.
"""
from __future__ import annotations

import datetime
import math
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from babel.dates import get_month_names
from icalendar import Calendar, Event as CalendarEvent, vRecur
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.utils import get_build_datetime, get_relative_url

from ..core import cache
from ..core.data_files import read_yaml
from ..core.languages import generated_file
from ..core.markers import marker
from ..own_advice.marks import ADVICE, PROPOSAL, check_blocks, html_mark, register, text_mark, titles_of
from ..own_advice.state import OwnAdviceState
from .state import ArshjulData

log = get_plugin_logger("arshjul")

DATA_FILE = "data/arshjul.yml"
MARKER = marker("arshjul")
TEMPLATE = "partials/mv-arshjul.html"
MEETING = "utvalgsmote"  # the council's own meetings: their months come from the patterns
CHOOSES = "utvalget-velger"  # the sources give no month: the council chooses
ALL_MONTHS = "alle-maneder"  # the file the form filters in the browser
EVENT_FIELDS = ("tittel", "hvor_ofte", "beskrivelse", "kilde_navn")
PATTERN_FIELDS = ("navn", "kilde")
ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
# Who gives how often an event happens (`gjentas`), and so that it repeats every year.
REPEATS = {"kilde": None, "forslag": PROPOSAL, "vart-rad": ADVICE}  # -> the mark the event carries

# The wheel: a 360 × 360 drawing, January at the top, clockwise.
SIZE = 360
CENTRE = SIZE / 2
OUTER, INNER, LABEL = 178, 50, 157
BADGE = 12.5  # a badge's radius: room for a number in 17 px type
BADGE_RINGS = (128, 100, 74)  # two badges side by side on each ring


class ArshjulError(PluginError):
    pass


@dataclass
class Event:
    id: str
    source: str  # path under docs/, with #id
    months: list[int] | None  # the months a source gives; None: the council chooses
    example: list[int]  # the site's example months when the sources give none
    proposal: bool
    text: dict[str, dict[str, str]]  # locale -> field -> text
    number: int = 0  # its number in the wheel and the list (1, 2, …)
    repeats: str | None = None  # a key of REPEATS: who gives the frequency; None: it does not repeat

    @property
    def kind(self) -> str | None:
        """The mark the event carries (own_advice): a proposal, or our suggested repetition."""
        return PROPOSAL if self.proposal else REPEATS.get(self.repeats or "kilde")


@dataclass
class Pattern:
    id: str
    months: list[int]
    text: dict[str, dict[str, str]]


@dataclass
class Cycle:
    events: list[Event]
    patterns: list[Pattern] = field(default_factory=list)


# ---- The data ----

def parse(raw, default_locale: str) -> Cycle:
    """The cycle in data/arshjul.yml, checked; every problem names the entry and what to do."""
    if not isinstance(raw, dict) or not isinstance(raw.get("hendelser"), list):
        raise ArshjulError(f"{DATA_FILE}: filen må ha en liste «hendelser».")
    events, seen = [], set()
    for number, item in enumerate(raw["hendelser"], start=1):
        where = f"{DATA_FILE}: hendelse nr. {number}"
        if not isinstance(item, dict) or not ID.fullmatch(str(item.get("id", ""))):
            raise ArshjulError(f"{where} mangler «id» (små bokstaver a–z, tall og bindestrek).")
        event_id = str(item["id"])
        where = f"{DATA_FILE}: hendelsen «{event_id}»"
        if event_id in seen:
            raise ArshjulError(f"{where} står to ganger. Gi den ene en annen id.")
        seen.add(event_id)
        source = str(item.get("kilde", ""))
        if not re.fullmatch(r"[\w./-]+\.md#[\w-]+", source):
            raise ArshjulError(f"{where} mangler «kilde»: siden og avsnittet, for eksempel "
                               "«strategi/gode-arenaer.md#tiltak-2-1-5».")
        month_value = item.get("maned", CHOOSES)
        months = None if month_value == CHOOSES else check_months(month_value, f"{where}, «maned»")
        example = check_months(item.get("eksempel", []), f"{where}, «eksempel»") if item.get("eksempel") else []
        if event_id != MEETING and months is None and not example:
            raise ArshjulError(f"{where}: kildene sier ikke når («{CHOOSES}»), så hendelsen trenger "
                               "eksempelmåneder i «eksempel», for eksempel [3, 9].")
        text = check_text(item.get("tekst"), EVENT_FIELDS, where, default_locale)
        repeats = item.get("gjentas")
        if repeats is not None and repeats not in REPEATS:
            raise ArshjulError(f"{where}: «gjentas: {repeats}» kjennes ikke. Skriv «kilde» når kilden sier hvor ofte, "
                               "«forslag» når et forslag i kildene sier det, eller «vart-rad» når det er vårt forslag. "
                               "Sier ingen hvor ofte, ta linjen bort: da står hendelsen én gang.")
        proposal = str(item.get("forslag", "")).lower() in ("true", "ja", "yes")
        events.append(Event(event_id, source, months, example, proposal, text, number, repeats))
    if MEETING not in seen:
        raise ArshjulError(f"{DATA_FILE}: hendelsen «{MEETING}» (møtene i utvalget) mangler.")
    patterns = []
    for number, item in enumerate(raw.get("monstre") or [], start=1):
        if not isinstance(item, dict) or not ID.fullmatch(str(item.get("id", ""))):
            raise ArshjulError(f"{DATA_FILE}: mønster nr. {number} mangler «id».")
        where = f"{DATA_FILE}: mønsteret «{item['id']}»"
        patterns.append(Pattern(str(item["id"]), check_months(item.get("maneder"), f"{where}, «maneder»"),
                                check_text(item.get("tekst"), PATTERN_FIELDS, where, default_locale)))
    if not patterns:
        raise ArshjulError(f"{DATA_FILE}: listen «monstre» med månedene for møtene i utvalget mangler.")
    return Cycle(events, patterns)


def check_months(value, where: str) -> list[int]:
    # Data files are read as text (data_files.py): "2" is the month 2.
    if isinstance(value, list):
        value = [int(m) if isinstance(m, str) and m.strip().isdigit() else m for m in value]
    if not isinstance(value, list) or not value or not all(isinstance(m, int) and 1 <= m <= 12 for m in value):
        raise ArshjulError(f"{where}: skriv månedene som tall fra 1 (januar) til 12 (desember), "
                           "for eksempel [2, 9].")
    return sorted(set(value))


def check_text(value, fields: tuple[str, ...], where: str, default_locale: str) -> dict[str, dict[str, str]]:
    if not isinstance(value, dict) or not isinstance(value.get(default_locale), dict):
        raise ArshjulError(f"{where} mangler «tekst» på {default_locale}.")
    missing = [f for f in fields if not value[default_locale].get(f)]
    if missing:
        raise ArshjulError(f"{where} mangler {', '.join(f'«{f}»' for f in missing)} under tekst → {default_locale}.")
    return {locale: {k: " ".join(str(v).split()) for k, v in texts.items()}
            for locale, texts in value.items() if isinstance(texts, dict)}


def text(item: Event | Pattern, locale: str, default: str) -> dict[str, str]:
    """The item's texts in `locale`, each field falling back to the default language's."""
    return {**item.text[default], **item.text.get(locale, {})}


def missing_translations(cycle: Cycle, locale: str) -> list[str]:
    """The ids of the events and patterns with no text in `locale` yet (shown in the default language)."""
    return [item.id for item in [*cycle.events, *cycle.patterns] if locale not in item.text]


def months_of(event: Event, meeting_months: list[int]) -> list[int]:
    if event.id == MEETING:
        return meeting_months
    return event.months or event.example


def plan(cycle: Cycle, meeting_months: list[int]) -> dict[int, list[Event]]:
    """{month: events} for all twelve months, in the data file's order within a month."""
    return {month: [e for e in cycle.events if month in months_of(e, meeting_months)] for month in range(1, 13)}


# ---- The wheel ----

def point(radius: float, degrees: float) -> tuple[float, float]:
    angle = math.radians(degrees - 90)  # 0 degrees at the top
    return round(CENTRE + radius * math.cos(angle), 2), round(CENTRE + radius * math.sin(angle), 2)


def sector_path(month: int) -> str:
    start, end = (month - 1) * 30, month * 30
    (x1, y1), (x2, y2) = point(OUTER, start), point(OUTER, end)
    (x3, y3), (x4, y4) = point(INNER, end), point(INNER, start)
    return (f"M{x1} {y1}A{OUTER} {OUTER} 0 0 1 {x2} {y2}"
            f"L{x3} {y3}A{INNER} {INNER} 0 0 0 {x4} {y4}Z")


def spread(radius: float) -> float:
    """Degrees either side of a month's middle for two badges side by side on a ring, 2 units apart."""
    return math.degrees(math.asin((BADGE + 1) / radius))


def wheel(months: dict[int, list[Event]], labels: dict[int, str]) -> list[dict]:
    """Per month: its sector, label position and the positions of its events' badges."""
    capacity = 2 * len(BADGE_RINGS)
    drawn = []
    for month, events in months.items():
        if len(events) > capacity:
            raise ArshjulError(f"{DATA_FILE}: {labels[month]} har {len(events)} hendelser, men årshjulet har "
                               f"plass til {capacity} i en måned. Flytt en hendelse til en annen måned.")
        middle = (month - 0.5) * 30
        badges = []
        for index, event in enumerate(events):
            ring, place = divmod(index, 2)
            shares = index + 1 < len(events) if place == 0 else True
            degrees = middle + (spread(BADGE_RINGS[ring]) * (1 if place else -1) if shares else 0)
            x, y = point(BADGE_RINGS[ring], degrees)
            badges.append({"x": x, "y": y, "number": event.number, "proposal": event.proposal})
        x, y = point(LABEL, middle)
        drawn.append({"month": month, "path": sector_path(month), "label": labels[month],
                      "label_x": x, "label_y": y, "badges": badges})
    return drawn


# ---- The calendar ----

def first_monday(year: int, month: int) -> datetime.date:
    first = datetime.date(year, month, 1)
    return first + datetime.timedelta(days=(7 - first.weekday()) % 7)


def calendar_year(today: datetime.date) -> int:
    """The calendar is for the next calendar year from the build date."""
    return today.year + 1


def uid(event_id: str, month: int, host: str) -> str:
    return f"arshjul-{event_id}-m{month:02d}@{host}"


def description(event: Event, words: dict[str, str], strings: dict[str, str], link: str) -> str:
    """An event's text in the calendar: the mark first if it has one, how often and who says so, the link."""
    repeats = {None: strings["arshjul_gjentas_ikke"], "kilde": "", "forslag": strings["arshjul_gjentas_forslag"],
               "vart-rad": strings["arshjul_gjentas_vart_rad"]}[event.repeats]
    parts = [
        (f"{text_mark(event.kind, strings)} " if event.kind else "") + words["beskrivelse"],
        f"{strings['arshjul_hvor_ofte']}: {words['hvor_ofte']}.",
        repeats,
        strings["arshjul_kalender_dato"] if event.months is None else "",
        f"{strings['arshjul_kilde']}: {words['kilde_navn']}. {link}",
    ]
    return "\n\n".join(part for part in parts if part)


def calendar(cycle: Cycle, meeting_months: list[int], *, year: int, locale: str, default: str,
             strings: dict[str, str], url_of, host: str, stamp: datetime.datetime) -> bytes:
    """The .ics of one plan: one all-day event per event and month, repeated every year where
    someone gives how often (`Event.repeats`)."""
    cal = Calendar()
    cal.add("prodid", f"-//Medvirkning//{strings['arshjul_kalender_navn']}//{locale.upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", strings["arshjul_kalender_navn"])
    cal.add("x-wr-timezone", "Europe/Oslo")
    for event in cycle.events:
        words = text(event, locale, default)
        link = url_of(event.source)
        for month in months_of(event, meeting_months):
            start = first_monday(year, month)
            item = CalendarEvent()
            item.add("uid", uid(event.id, month, host))
            item.add("dtstamp", stamp)
            item.add("dtstart", start)
            item.add("dtend", start + datetime.timedelta(days=1))
            if event.repeats:
                item.add("rrule", vRecur(freq="YEARLY", bymonth=month, byday="1MO"))
            item.add("summary", words["tittel"])
            item.add("description", description(event, words, strings, link))
            item.add("url", link)
            item.add("transp", "TRANSPARENT")  # an all-day reminder, not a busy day
            cal.add_component(item)
    return cal.to_ical()


def calendar_src_uri(page_src_uri: str, pattern_id: str) -> str:
    folder = posixpath.dirname(page_src_uri)
    stem = posixpath.splitext(posixpath.basename(page_src_uri))[0]
    return posixpath.join(folder, f"{stem}-{pattern_id}.ics")


# ---- The block on the page ----

def calendar_blocks(data: bytes) -> list[tuple[str, str]]:
    """A calendar read back as ("", title and description) per event, for own_advice's check."""
    return [("", f"{e.get('summary', '')} {e.get('description', '')}") for e in Calendar.from_ical(data).walk("VEVENT")]


def render_block(cycle: Cycle, *, page_src_uri: str, page_url: str, locale: str, default: str,
                 strings: dict[str, str], year: int, render, calendar_url_of, mark_of=lambda kind: "") -> str:
    """The Markdown (with the wheel as raw HTML) that replaces the marker."""
    page_dir = posixpath.dirname(page_src_uri) or "."
    wide = dict(get_month_names("wide", context="stand-alone", locale=locale))
    short = dict(get_month_names("abbreviated", context="stand-alone", locale=locale))
    shown = cycle.patterns[0]
    months = plan(cycle, shown.months)
    events = [{"number": e.number, "proposal": e.proposal, "chooses": e.months is None,
               "mark": mark_of(e.kind) if e.kind else "",
               "link": posixpath.relpath(e.source.split("#")[0], page_dir) + "#" + e.source.split("#")[1],
               **text(e, locale, default)} for e in cycle.events]
    by_number = {e["number"]: e for e in events}
    return render(
        t=strings, year=year, size=SIZE, centre=CENTRE, inner=INNER, badge_radius=BADGE,
        wheel=wheel(months, short), events=events, shown=text(shown, locale, default),
        months=[(wide[m], [by_number[e.number] for e in evs]) for m, evs in months.items()],
        patterns=[{"id": p.id, "file": posixpath.basename(calendar_src_uri(page_src_uri, p.id)),
                   **text(p, locale, default)} for p in cycle.patterns],
        all_months_url=calendar_url_of(ALL_MONTHS, page_url),
        month_names=[(m, wide[m]) for m in range(1, 13)], meeting=MEETING,
        minimum=min(len(p.months) for p in cycle.patterns))


# ---- Steps of the build (medvirkning.pipeline calls them in order) ----

def load(root: Path, default_locale: str) -> Cycle | None:
    raw = read_yaml(root / DATA_FILE, None)
    return None if raw is None else parse(raw, default_locale)


def marker_pages(files) -> list:
    return [f for f in files.documentation_pages() if MARKER.search(f.content_string)]


def absolute_url(build, src_path: str) -> str:
    """The published address of a page's section, for calendars read outside the site."""
    path, _, anchor = src_path.partition("#")
    file = build.files.get_file_from_path(path)
    if file is None:
        raise ArshjulError(f"{DATA_FILE}: kilden «{src_path}» finnes ikke. Sjekk stien under docs/.")
    url = file.url if file.url.startswith(build.folder) else build.folder + file.url
    return build.config.site_url.rstrip("/") + "/" + url + (f"#{anchor}" if anchor else "")


def add_calendars(files, build) -> None:
    """One calendar per meeting pattern, and one with meetings in every month for the form."""
    cycle = build.site.state(ArshjulData).cycle
    pages = marker_pages(files)
    if cycle is None or not pages:
        return
    if len(pages) > 1:
        raise ArshjulError(f"Markøren «<!-- generert: arshjul -->» står på flere sider "
                           f"({', '.join('docs/' + p.src_uri for p in pages)}). Den kan bare stå på én.")
    page_src = pages[0].src_uri
    missing = missing_translations(cycle, build.locale)
    if missing:  # the translation status: shown in the default language until translated
        log.info(f"{DATA_FILE}: {len(missing)} hendelser og mønstre mangler tekst på «{build.locale}» "
                 f"({', '.join(missing)}). Teksten på «{build.default_locale}» vises til de er oversatt.")
    today = get_build_datetime().date()
    stamp = datetime.datetime.combine(today, datetime.time(), tzinfo=datetime.timezone.utc)
    host = urlsplit(build.config.site_url or "https://medvirkning.invalid/").hostname
    plans = {p.id: p.months for p in cycle.patterns} | {ALL_MONTHS: list(range(1, 13))}
    source_lines = (build.site.root / DATA_FILE).read_text(encoding="utf-8").splitlines()
    for event in cycle.events:
        if event.kind:
            line = next((n for n, text in enumerate(source_lines, 1) if re.fullmatch(rf"\s*- id: *{event.id}\s*", text)), None)
            register(build, event.kind, text(event, build.locale, build.default_locale)["tittel"],
                     DATA_FILE + (f", linje {line}" if line else f": hendelsen «{event.id}»"))
    urls = {event.source: absolute_url(build, event.source) for event in cycle.events}
    year = calendar_year(today)
    inputs = (build.site.inputs.code, "\n".join(source_lines), year, build.locale, build.default_locale,
              repr(sorted(build.strings.items())), repr(sorted(urls.items())), host, stamp.isoformat())
    kept, marked = cache.folder(build.site), build.state(OwnAdviceState).marked
    for pattern_id, months in plans.items():
        # Kept between builds by everything a calendar is made from (core/cache.py); so is its check.
        content = cache.cached_bytes(kept, "kalender", cache.digest(*map(str, inputs), repr(months)),
                                     lambda months=months: calendar(
                                         cycle, months, year=year, locale=build.locale, default=build.default_locale,
                                         strings=build.strings, url_of=urls.__getitem__, host=host, stamp=stamp))
        src_uri = calendar_src_uri(page_src, pattern_id)
        cache.check_once(kept, "sjekker",
                         cache.digest("kalender", build.site.inputs.code, content, repr(marked),
                                      repr(sorted(build.strings.items())), build.folder, src_uri),
                         lambda content=content, src_uri=src_uri: check_blocks(
                             calendar_blocks(content), marked, build.strings, titles_of(build.strings),
                             f"kalenderfilen {build.folder}{src_uri}"))
        files.append(generated_file(build, src_uri, content))


def render_markdown(markdown: str, page, build) -> str:
    if not MARKER.search(markdown):
        return markdown
    template = build.templates.get_template(TEMPLATE)

    def calendar_url_of(pattern_id: str, page_url: str) -> str:
        file = build.files.get_file_from_path(calendar_src_uri(page.file.src_uri, pattern_id))
        return get_relative_url(file.url, page_url)

    block = render_block(build.site.state(ArshjulData).cycle, page_src_uri=page.file.src_uri, page_url=page.url,
                         locale=build.locale, default=build.default_locale, strings=build.strings,
                         year=calendar_year(get_build_datetime().date()), render=template.render,
                         calendar_url_of=calendar_url_of, mark_of=lambda kind: html_mark(kind, build))
    page.meta["mv_arshjul"] = True  # main.html loads the form's script on this page only
    return MARKER.sub(lambda _: block, markdown)
