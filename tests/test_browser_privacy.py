"""Privacy, security and the phone, in Chromium, over the pages of the built site.

`make test` visits one page of each kind, and in the other languages the pages the build makes
per language (helpers.BROWSER_SAMPLE); CI (`make test EVERY_PAGE=1`) visits every page. One
pass visits each page once on a phone (360 px wide, touch) and records what the tests below
check: requests to other origins, missing files, Content-Security-Policy violations, text size,
touch targets, sideways scrolling at 320 px, and the printed page. Then the copy-link is
tapped, and search and the colour toggle are used, on one page each.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

from helpers import BROWSER_SAMPLE, BROWSER_SAMPLE_PER_LANGUAGE, PHONE, browser_pages, origin

NARROWEST = {"width": 320, "height": 740}
MIN_TEXT_PX = 16
MIN_TARGET_PX = 24
SECTION_PAGE = "strategi/gode-arenaer/"
SECTION_ID = "tiltak-2-1-5"

# Kept in the page across the visit: every securitypolicyviolation event (CDP-injected, so
# the policy does not apply to this script itself).
RECORD_VIOLATIONS = """
window.__mvViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__mvViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
});
"""

# Text in the article smaller than the minimum, and interactive elements smaller than the
# minimum target. Links inside running text are excepted (WCAG 2.5.8, inline exception); a
# checkbox counts with its label, which ticks it too.
PHONE_AUDIT = """([minText, minTarget]) => {
  const describe = (el) => el.tagName.toLowerCase() + [...el.classList].map((c) => "." + c).join("");
  const article = document.querySelector("article.md-content__inner");
  const smallText = new Set();
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || el.closest("code, kbd, sup, sub, [aria-hidden=true], .mv-visually-hidden")) continue;
    if (el.getClientRects().length === 0) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < minText - 0.05) smallText.add(`${describe(el)} ${size} px («${node.textContent.trim().slice(0, 40)}»)`);
  }
  const targets = document.querySelectorAll([
    "article a.md-button", "article button", "article input:not([type=hidden])", "article summary",
    "article .tabbed-labels > label", "a.headerlink", "a.md-content__button", "label.md-header__button",
    "button.md-top", "label.md-nav__link", "label.md-nav__title", "a.md-footer__link",
  ].join(", "));
  const smallTargets = new Set();
  for (const el of targets) {
    const boxes = [el.getBoundingClientRect(), ...[...(el.labels || [])].map((l) => l.getBoundingClientRect())];
    if (boxes[0].width === 0 && boxes[0].height === 0) continue;  // not shown at this width
    const width = Math.max(...boxes.map((b) => b.width)), height = Math.max(...boxes.map((b) => b.height));
    if (width < minTarget - 0.5 || height < minTarget - 0.5) {
      const name = (el.getAttribute("aria-label") || el.textContent || el.getAttribute("for") || "").trim().slice(0, 40);
      smallTargets.add(`${describe(el)} ${width.toFixed(1)}×${height.toFixed(1)} px («${name}»)`);
    }
  }
  return {smallText: [...smallText], smallTargets: [...smallTargets],
          hasPolicy: !!document.querySelector('meta[http-equiv="Content-Security-Policy"]')};
}"""

OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"

# Printed: no navigation, and every link in the text followed by its full address.
PRINT_AUDIT = """() => {
  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const navigation = [".md-header", ".md-tabs", ".md-sidebar", ".md-footer", ".md-top", ".md-search", "a.headerlink",
                      "a.md-content__button"];
  const visibleNavigation = navigation.filter((s) => [...document.querySelectorAll(s)].some(shown));
  const unwritten = [];
  for (const link of document.querySelectorAll("article a[href]")) {
    const href = link.getAttribute("href");
    // Abbreviations linked to the glossary (.mv-term) are left as they are, as the print script does.
    if (href.startsWith("#") || !shown(link) || link.matches(".headerlink, .mv-term")) continue;
    const after = getComputedStyle(link, "::after").content;
    if (!after.includes(link.href)) unwritten.push(`${link.textContent.trim().slice(0, 30)} → ${href}`);
  }
  return {visibleNavigation, unwritten};
}"""


@dataclass
class PageReport:
    path: str
    foreign_requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)  # answered 400 or worse
    violations: list[str] = field(default_factory=list)
    small_text: list[str] = field(default_factory=list)
    small_targets: list[str] = field(default_factory=list)
    has_policy: bool = False
    overflow_at_320: int = 0
    print_navigation: list[str] = field(default_factory=list)
    print_unwritten_links: list[str] = field(default_factory=list)


def is_foreign(url: str, site_url: str) -> bool:
    """A request to any origin but the local server (data: and blob: load nothing)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https", "ws", "wss"):
        return False
    return f"{parts.scheme}://{parts.netloc}" != origin(site_url)


def is_policy_message(text: str) -> bool:
    """Chromium's console message for a CSP violation (or for a policy it cannot read)."""
    return "Content Security Policy" in text or "Content-Security-Policy" in text


@pytest.fixture(scope="module")
def reports(request, browser, built_site, site_url) -> dict[str, PageReport]:
    context = browser.new_context(viewport=PHONE, has_touch=True)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    found: dict[str, PageReport] = {}
    current: list[PageReport] = []

    context.on("request", lambda request: current[-1].foreign_requests.append(request.url)
               if current and is_foreign(request.url, site_url) else None)
    context.on("response", lambda response: current[-1].failed_requests.append(f"{response.status} {response.url}")
               if current and response.status >= 400 else None)
    page.on("console", lambda message: current[-1].violations.append(f"konsoll: {message.text}")
            if is_policy_message(message.text) else None)
    for path in browser_pages(request.config, built_site):
        report = PageReport(path)
        current.append(report)
        found[path] = report
        # networkidle: the search worker has fetched its index and language scripts too.
        page.goto(site_url + path, wait_until="networkidle")
        audit = page.evaluate(PHONE_AUDIT, [MIN_TEXT_PX, MIN_TARGET_PX])
        report.small_text, report.small_targets, report.has_policy = (
            audit["smallText"], audit["smallTargets"], audit["hasPolicy"])
        page.set_viewport_size(NARROWEST)
        report.overflow_at_320 = page.evaluate(OVERFLOW)
        page.set_viewport_size(PHONE)
        if not path.endswith("404.html"):
            page.emulate_media(media="print")
            printed = page.evaluate(PRINT_AUDIT)
            page.emulate_media(media="screen")
            report.print_navigation, report.print_unwritten_links = printed["visibleNavigation"], printed["unwritten"]
        report.violations.extend(page.evaluate("window.__mvViolations"))
    context.close()
    return found


def failures(reports: dict[str, PageReport], attribute: str) -> str:
    """One line per page that has the problem, empty when no page has it."""
    lines = []
    for path, report in reports.items():
        found = getattr(report, attribute)
        if found:
            lines.append(f"/{path}: " + ("; ".join(found) if isinstance(found, list) else f"{found} px for bred"))
    return "\n".join(lines)


def test_every_page_was_visited(request, reports, built_site):
    assert list(reports) == browser_pages(request.config, built_site)
    assert len(reports) >= len(BROWSER_SAMPLE) + 2 * len(BROWSER_SAMPLE_PER_LANGUAGE)


def test_every_page_has_a_content_security_policy(reports):
    assert [path for path, r in reports.items() if not r.has_policy] == []


def test_no_request_to_any_other_origin(reports):
    assert not failures(reports, "foreign_requests"), failures(reports, "foreign_requests")


def test_nothing_a_page_asks_for_is_missing(reports):
    """Every file a page loads by itself exists: no 404 (Material's script once asked for a
    sitemap.xml below each language version of the page, three missing files per page)."""
    assert not failures(reports, "failed_requests"), failures(reports, "failed_requests")


def test_no_content_security_policy_violation(reports):
    assert not failures(reports, "violations"), failures(reports, "violations")


def test_body_text_is_at_least_16_px_on_a_phone(reports):
    assert not failures(reports, "small_text"), failures(reports, "small_text")


def test_touch_targets_are_at_least_24_px(reports):
    assert not failures(reports, "small_targets"), failures(reports, "small_targets")


def test_no_sideways_scrolling_at_320_px(reports):
    assert not failures(reports, "overflow_at_320"), failures(reports, "overflow_at_320")


def test_print_hides_navigation(reports):
    assert not failures(reports, "print_navigation"), failures(reports, "print_navigation")


def test_print_writes_links_out(reports):
    assert not failures(reports, "print_unwritten_links"), failures(reports, "print_unwritten_links")


@pytest.fixture
def phone(browser, site_url):
    context = browser.new_context(viewport=PHONE, has_touch=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin(site_url))
    context.add_init_script(RECORD_VIOLATIONS)
    yield context
    context.close()


def test_copy_link_by_tapping(phone, site_url):
    page = phone.new_page()
    page.goto(site_url + SECTION_PAGE)
    link = page.locator(f"#{SECTION_ID} a.headerlink")
    box = link.bounding_box()
    assert box["width"] >= MIN_TARGET_PX and box["height"] >= MIN_TARGET_PX
    link.tap()
    # Predicates as functions: a string predicate is eval'ed, which the policy rightly forbids.
    page.wait_for_function("() => document.getElementById('mv-link-status')?.textContent.length > 0")
    assert page.evaluate("navigator.clipboard.readText()") == f"{site_url}{SECTION_PAGE}#{SECTION_ID}"
    assert page.evaluate("window.__mvViolations") == []


def test_search_and_colour_toggle_work_under_the_policy(phone, site_url):
    page = phone.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url, wait_until="networkidle")
    page.locator('button[data-mv-toggle="__search"]').tap()
    page.locator("input.md-search__input").press_sequentially("møte")
    page.locator(".md-search-result__item").first.wait_for()
    page.keyboard.press("Escape")
    # System → light → dark: each state's label points at the next state's radio button.
    # (Clicked, not tapped: a synthetic tap on these swapping labels now and then lands twice.)
    for option, media in ((1, "(prefers-color-scheme: light)"), (2, "(prefers-color-scheme: dark)")):
        page.locator(f'form[data-md-component=palette] label[for="__palette_{option}"]').click()
        page.wait_for_function("(media) => document.body.getAttribute('data-md-color-media') === media", arg=media)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    assert page.evaluate("window.__mvViolations") == []
    assert [url for url in requests if is_foreign(url, site_url)] == []
