"""Accessibility in Chromium: axe-core on every page at desktop and phone size, in light and
dark colour scheme, no sideways scrolling on a phone, and the keyboard: the skip link, visible
focus, the menu and the search.

axe-core is the version pinned in bench/package-lock.json (`npm ci --prefix bench`), so that
updating it is one line. It runs with the WCAG 2.0, 2.1 and 2.2 A/AA tags and best practice,
and no rule turned off. The pages forbid inline scripts (Content-Security-Policy), so add_script_tag cannot put
axe into them; its source is run through the browser's DevTools connection instead, which
the policy does not govern, and the policy stays on for everything the page itself does.
"""
from __future__ import annotations

import json

import pytest

from conftest import DESKTOP, NODE_MODULES, PHONE, ROOT, content_pages

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
SCHEMES = ["light", "dark"]
RUN_AXE = "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
FOCUS_STOPS = 25  # Tab presses checked for a visible focus on each page type

# What has focus, and whether it shows: the ring on it (or, for Material's hidden palette
# radio, on its label), inside the window and not covered by anything.
FOCUSED = """() => {
  let element = document.activeElement;
  if (element.matches('.md-option')) element = element.nextElementSibling;
  const style = getComputedStyle(element), box = element.getBoundingClientRect();
  const x = box.left + box.width / 2, y = box.top + box.height / 2;
  const inWindow = box.width > 0 && box.height > 0 && x >= 0 && y >= 0 && x < innerWidth && y < innerHeight;
  const top = inWindow ? document.elementFromPoint(x, y) : null;
  return {
    tag: element.tagName, text: (element.getAttribute('aria-label') || element.textContent).trim().slice(0, 40),
    ring: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none',
    shown: Boolean(top && (element.contains(top) || top.contains(element))),
    inContent: Boolean(element.closest('.md-content')), inMenu: Boolean(element.closest('.md-nav--primary')),
    href: element.getAttribute('href'), url: element.href || null,
  };
}"""


def axe_source() -> str:
    path = NODE_MODULES / "axe-core" / "axe.min.js"
    assert path.exists(), "axe-core mangler: kjør `npm ci --prefix bench` (eller `make test`)."
    return path.read_text(encoding="utf-8") + "\n;0"


def pinned_axe_version() -> str:
    lock = json.loads((ROOT / "bench" / "package-lock.json").read_text(encoding="utf-8"))
    return lock["packages"]["node_modules/axe-core"]["version"]


def addresses(site) -> list[str]:
    """Every page of every language, as addresses below the site, and the 404 page."""
    pages = [p.relative_to(site).as_posix().removesuffix("index.html") for p in content_pages(site)]
    return pages + ["404.html"]


def run_axe(page) -> list[dict]:
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(axe_source())
    return page.evaluate(RUN_AXE, AXE_TAGS)["violations"]


def describe(address: str, violations: list[dict]) -> list[str]:
    return [f"/{address}: {v['id']} ({v['help']}): {[n['target'] for n in v['nodes']][:3]}" for v in violations]


@pytest.fixture(scope="module")
def every_page(browser, built_site, site_url):
    """axe's violations and the page width of every page, for each colour scheme and window size.
    One page loads each address once and is checked four times: wide and light, wide and dark,
    then narrowed to a phone, dark and light (Material follows the system's scheme as it changes)."""
    results = {}
    context = browser.new_context(viewport=DESKTOP, color_scheme="light")
    page = context.new_page()
    steps = [(DESKTOP, "light"), (DESKTOP, "dark"), (PHONE, "dark"), (PHONE, "light")]
    for address in addresses(built_site):
        page.set_viewport_size(DESKTOP)
        page.emulate_media(color_scheme="light")
        page.goto(site_url + address)
        for size, scheme in steps:
            if page.viewport_size != size:
                page.set_viewport_size(size)
                page.wait_for_function("w => innerWidth === w", arg=size["width"])
            page.emulate_media(color_scheme=scheme)
            page.wait_for_function("s => document.body.dataset.mdColorScheme === s",
                                   arg="default" if scheme == "light" else "slate")
            results.setdefault((scheme, size["width"]), {})[address] = {
                "violations": run_axe(page),
                "width": page.evaluate("document.documentElement.scrollWidth"),
                "scheme": page.evaluate("document.body.dataset.mdColorScheme"),
            }
    context.close()
    return results


def test_axe_is_the_pinned_version(browser, site_url):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(site_url)
    run_axe(page)
    assert page.evaluate("axe.version") == pinned_axe_version()
    context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=lambda size: f"{size['width']}px")
def test_axe_finds_nothing_on_any_page(every_page, scheme, size):
    results = every_page[(scheme, size["width"])]
    assert len(results) >= 10
    assert {r["scheme"] for r in results.values()} == {"default" if scheme == "light" else "slate"}
    problems = [line for address, result in results.items() for line in describe(address, result["violations"])]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=lambda size: f"{size['width']}px")
def test_no_sideways_scrolling(every_page, size):
    for scheme in SCHEMES:
        results = every_page[(scheme, size["width"])]
        too_wide = {address: r["width"] for address, r in results.items() if r["width"] > size["width"]}
        assert too_wide == {}, scheme


@pytest.fixture(params=[DESKTOP, PHONE], ids=lambda size: f"{size['width']}px")
def window(request, browser):
    context = browser.new_context(viewport=request.param)
    yield context.new_page()
    context.close()


def focused(page) -> dict:
    return page.evaluate(FOCUSED)


def tab(page, times: int = 1) -> dict:
    for _ in range(times):
        page.keyboard.press("Tab")
    settle(page)
    return focused(page)


SLIDING_OR_FADING = """() => !document.getAnimations().some(a => a.playState === 'running'
  && ['opacity', 'transform', 'visibility'].includes(a.transitionProperty))"""


def settle(page) -> None:
    """Wait until menus and overlays have finished sliding and fading (not for colour changes)."""
    page.wait_for_function(SLIDING_OR_FADING)


def test_skip_link_is_the_first_stop_and_leads_to_the_content(window, site_url):
    window.goto(site_url + "veiviser/moter/")
    first = tab(window)
    assert first["tag"] == "A" and first["text"] == "Gå til innhold", first
    assert first["ring"] and first["shown"]
    window.keyboard.press("Enter")
    assert window.evaluate("location.hash") == "#" + window.locator("article h1").get_attribute("id")
    assert tab(window)["inContent"], "etter «Gå til innhold» skal neste tabulatorstopp være i innholdet"


@pytest.mark.parametrize("address", ["veiviser/moter/", "sjekklister/mote/"])
def test_focus_is_always_visible(window, site_url, address):
    window.goto(site_url + address)
    for stop in range(FOCUS_STOPS):
        now = tab(window)
        if now["tag"] == "BODY":
            break
        assert now["ring"] and now["shown"], f"/{address}, stopp {stop + 1}: {now}"


def search_results(page) -> list[str]:
    page.wait_for_selector(".md-search-result__item a", state="visible")
    return page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")


def test_search_with_the_keyboard_on_a_wide_screen(browser, site_url):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(site_url + "strategi/")
    for _ in range(10):
        if page.evaluate("document.activeElement.matches('.md-search__input')"):
            break
        tab(page)
    assert focused(page)["ring"]
    page.keyboard.type("brukerutvalg")
    results = search_results(page)
    page.keyboard.press("ArrowDown")
    first = focused(page)
    assert first["ring"] and first["shown"] and first["href"]
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url != site_url + "strategi/")
    assert page.url.split("#")[0] in [r.split("#")[0] for r in results]
    context.close()


def test_search_with_the_keyboard_on_a_phone(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + "strategi/")
    for _ in range(10):
        if tab(page)["text"] == "Søk":
            break
    assert focused(page)["ring"] and focused(page)["shown"]
    page.keyboard.press("Enter")  # opens the search; what is typed goes into the search field
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.type("brukerutvalg")
    assert page.evaluate("[document.activeElement.matches('.md-search__input'), document.activeElement.value]") == [
        True, "brukerutvalg"]
    search_results(page)
    page.keyboard.press("ArrowDown")
    first = focused(page)
    assert first["shown"] and first["href"], first
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url != site_url + "strategi/")
    context.close()


def test_menu_with_the_keyboard_on_a_phone(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + "veileder/")
    drawer_open = "document.getElementById('__drawer').checked"
    for _ in range(5):
        if tab(page)["text"] == "Navigasjon":
            break
    menu_button = focused(page)
    assert menu_button["tag"] == "BUTTON" and menu_button["ring"] and menu_button["shown"]
    assert not page.evaluate(drawer_open)
    button = page.get_by_role("button", name="Navigasjon")
    assert button.get_attribute("aria-expanded") == "false"

    page.keyboard.press("Enter")
    assert page.evaluate(drawer_open)
    assert button.get_attribute("aria-expanded") == "true"
    menu_links = []
    for stop in range(30):  # every stop in the open menu can be seen; then the page behind is skipped
        now = tab(page)
        if now["tag"] == "BODY" or now["text"] == "Gå til innhold":
            break
        assert not now["inContent"], f"stopp {stop + 1} er i siden bak menyen: {now}"
        assert now["ring"] and now["shown"], f"stopp {stop + 1}: {now}"
        if now["inMenu"] and now["href"]:
            menu_links.append(now)
    assert len(menu_links) >= 5

    page.keyboard.press("Shift+Tab")  # back to the last link, and follow it
    target = focused(page)
    page.keyboard.press("Enter")
    page.wait_for_url(target["url"])
    context.close()


def test_menu_closes_with_the_keyboard(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + "veileder/")
    tab(page, 2)
    assert focused(page)["text"] == "Navigasjon"
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('__drawer').checked")
    assert focused(page)["shown"], "menyknappen skal kunne ses også når menyen er åpen"
    page.keyboard.press("Enter")
    assert not page.evaluate("document.getElementById('__drawer').checked")
    context.close()


def test_menu_sections_are_buttons_that_say_whether_they_are_open(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url)
    page.get_by_role("button", name="Navigasjon").click()
    settle(page)
    page.locator(".md-nav__container > button.mv-toggle", has_text="Veiviser for utvalgsarbeid").click()
    settle(page)
    section = page.locator("button.md-nav__link[data-mv-toggle]", has_text="Grunnlaget")
    assert section.get_attribute("aria-expanded") == "false"
    section.focus()
    page.keyboard.press("Enter")
    settle(page)
    assert section.get_attribute("aria-expanded") == "true"
    back = page.locator("button.md-nav__title[data-mv-back]", has_text="Grunnlaget")
    back.focus()
    assert focused(page)["shown"]
    page.keyboard.press("Space")
    settle(page)
    assert section.get_attribute("aria-expanded") == "false"
    context.close()


def test_every_page_is_valid_html(built_site):
    """The Nu HTML Checker (vnu-jar, pinned in bench/package-lock.json) finds no error on any page."""
    import subprocess

    vnu = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
    assert vnu.exists(), "vnu-jar mangler: kjør `npm ci --prefix bench` (eller `make test`)."
    result = subprocess.run(["java", "-jar", str(vnu), "--errors-only", "--skip-non-html", str(built_site)],
                            capture_output=True, text=True, timeout=120)
    assert len(list(built_site.rglob("*.html"))) >= 50
    assert (result.returncode, result.stderr.replace(str(built_site), "")) == (0, "")
