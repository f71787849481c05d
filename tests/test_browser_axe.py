"""Accessibility in Chromium, measured: axe-core at desktop and phone size, in the light and the
dark colour scheme, and at phone size before the site's scripts run; no sideways scrolling, and
the Nu HTML Checker; on one page of each kind
(helpers.BROWSER_SAMPLE), or on every page of every language with --every-page, as CI runs it
(`make test EVERY_PAGE=1`).

axe-core and the Nu HTML Checker are the versions pinned in bench/package-lock.json
(`npm ci --prefix bench`). The axe run is tools/browser_audit.py, the same as `make audit`:
WCAG 2.0, 2.1 and 2.2 A/AA and best practice, no rule turned off.
"""
from __future__ import annotations

import time

import pytest

from helpers import BROWSER_SAMPLE, BROWSER_SAMPLE_PER_LANGUAGE, DESKTOP, PHONE, browser_pages
import browser_audit

SIZES = {"desktop": DESKTOP["width"], "phone": PHONE["width"]}
SCHEMES = ["light", "dark"]


def describe(address: str, violations: list[dict]) -> list[str]:
    return [f"/{address}: {v['id']} ({v['help']}): {v['targets'][:3]}" for v in violations]


@pytest.fixture(scope="module")
def every_page(request, built_site, site_url):
    """axe's findings and the page width of each page the browser tests visit (one of each kind
    in every language; every page with --every-page), for each colour scheme and window size:
    the audit of `make audit` (tools/browser_audit.py), several pages at once, each loaded
    once per window size and checked in the light and the dark scheme."""
    started = time.monotonic()
    views, _ = browser_audit.run_axe(site_url, browser_pages(request.config, built_site))
    print(f"axe: {len(views)} sider på {time.monotonic() - started:.0f} s")
    results = {}
    for address, page_views in views.items():
        for view in page_views:
            results.setdefault((view.scheme, SIZES[view.size]), {})[address] = view
    return results


def test_axe_is_the_pinned_version(browser, site_url):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(site_url)
    page.evaluate(browser_audit.axe_source())
    assert page.evaluate("axe.version") == browser_audit.pinned_versions()["axe-core"]
    context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=lambda size: f"{size['width']}px")
def test_axe_finds_nothing_on_any_page(every_page, scheme, size):
    results = every_page[(scheme, size["width"])]
    assert len(results) >= len(BROWSER_SAMPLE) + 2 * len(BROWSER_SAMPLE_PER_LANGUAGE)
    assert {r.material_scheme for r in results.values()} == {"default" if scheme == "light" else "slate"}
    problems = [line for address, result in results.items() for line in describe(address, result.violations)]
    assert problems == [], "\n".join(problems)


def test_axe_finds_nothing_before_the_scripts_run(every_page):
    """At phone size with the site's scripts held back, as a reader on a slow network or with
    scripts off first gets the page (Material's script would hide, for one, code that scrolls
    sideways without being reachable by keyboard)."""
    results = every_page[(browser_audit.NO_SCRIPTS, PHONE["width"])]
    assert len(results) >= len(BROWSER_SAMPLE) + 2 * len(BROWSER_SAMPLE_PER_LANGUAGE)
    problems = [line for address, result in results.items() for line in describe(address, result.violations)]
    assert problems == [], "\n".join(problems)
    too_wide = {address: r.width for address, r in results.items() if r.width > PHONE["width"]}
    assert too_wide == {}


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=lambda size: f"{size['width']}px")
def test_no_sideways_scrolling(every_page, size):
    for scheme in SCHEMES:
        results = every_page[(scheme, size["width"])]
        too_wide = {address: r.width for address, r in results.items() if r.width > size["width"]}
        assert too_wide == {}, scheme


def test_every_page_is_valid_html(request, built_site):
    """The Nu HTML Checker (vnu-jar, pinned in bench/package-lock.json) finds no error on the
    pages the browser tests visit (every page with --every-page, and in `make audit`)."""
    if request.config.getoption("--every-page"):
        assert len(list(built_site.rglob("*.html"))) >= 50
        assert browser_audit.run_vnu(built_site) == {}
    else:
        assert browser_audit.run_vnu(built_site, browser_pages(request.config, built_site)) == {}
