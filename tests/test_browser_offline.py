"""Reading without a network, in Chromium with the network switched off (the browser set
offline and the server answering nothing): pages read before open again, a saved document opens whole and can be removed,
checklist ticks keep working, and a rebuilt site says that a newer version exists. Also that
search loads its index and engine only when the reader opens it."""
from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import threading

import pytest
import yaml
from helpers import PHONE, ROOT, QuietHandler
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from medvirkning.offline import service_worker as offline

WORDS = yaml.safe_load((ROOT / "data" / "sprak" / "nb.yml").read_text(encoding="utf-8"))
IN_CACHE = """async (url) => {
  for (const name of await caches.keys()) {
    if (await (await caches.open(name)).match(url)) return true;
  }
  return false;
}"""


def under_service_worker(page, url: str) -> None:
    """Open a page and wait until the service worker is in charge and has kept it."""
    page.goto(url)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    page.wait_for_function(IN_CACHE, arg=url)


def opens(page, url: str) -> bool:
    page.goto("about:blank")  # not from an error page, which Chromium may still be showing
    try:
        response = page.goto(url)
    except PlaywrightError:
        return False
    return response is not None and response.ok


class SwitchedHandler(QuietHandler):
    """Serves the site while the network is on; with it off, closes every connection unanswered."""

    def __init__(self, *args, network: dict, **kwargs):
        self.network = network
        super().__init__(*args, **kwargs)

    def handle_one_request(self):
        if self.network["on"]:
            return super().handle_one_request()
        self.raw_requestline = self.rfile.readline(65537)
        self.close_connection = True


class ServedSite:
    """A copy of the built site on its own server, whose network can be switched off: the
    browser is set offline and the server answers nothing (Chromium's offline mode alone
    does not always reach a service worker that is already running)."""

    def __init__(self, built_site, folder):
        self.folder = folder
        shutil.copytree(built_site, folder)
        self.network = {"on": True}
        handler = functools.partial(SwitchedHandler, directory=str(folder), prefix="/medvirkning/", network=self.network)
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/medvirkning/"

    def switch(self, context, on: bool) -> None:
        self.network["on"] = on
        context.set_offline(not on)

    def rebuild(self) -> None:
        """Change a page and write sw.js with the new version, as a new build would."""
        page = self.folder / "veiviser" / "moter" / "index.html"
        page.write_text(page.read_text(encoding="utf-8").replace("</h1>", " (ny)</h1>", 1), encoding="utf-8")
        worker = self.folder / offline.SERVICE_WORKER
        text = worker.read_text(encoding="utf-8")
        old = json.loads(text.split("\n", 1)[0].removeprefix("var BUILD = ").rstrip(";"))["version"]
        new = offline.site_version(self.folder)
        assert new != old
        worker.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def site(built_site, tmp_path):
    served = ServedSite(built_site, tmp_path / "site")
    yield served
    served.server.shutdown()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, has_touch=True)
    yield context
    context.close()


# First in the file: a search run earlier in the same test process (the test below) hid that the
# search worker lost the "#" naming its engine when it came from the saved copy.
def test_a_saved_document_opens_whole_without_a_network_and_can_be_removed(phone, site):
    site_url = site.url
    page = phone.new_page()
    under_service_worker(page, site_url + "strategi/")
    button = page.locator(".mv-offline__button")
    expect(button).to_have_text(WORDS["uten_nett_lagre"])
    about = page.locator(".mv-offline__about")
    expect(about).to_contain_text(" sider, om lag ")
    expect(about).to_contain_text(" MB")
    button.click()
    expect(page.locator(".mv-offline__status")).to_have_text(WORDS["uten_nett_ferdig"])
    expect(button).to_have_text(WORDS["uten_nett_fjern"])

    site.switch(phone, on=False)
    assert opens(page, site_url + "strategi/god-kompetanse/")  # never read, but saved
    # The search worker, from the saved copy, keeps the "#" that names its engine (service_worker.js,
    # asAskedFor): without it the worker loaded itself again and search failed offline.
    page.wait_for_function("() => performance.getEntriesByType('resource').some(e => e.name.includes('lazy-search.js#'))")
    hashes = [worker.evaluate("self.location.hash") for worker in page.workers if "lazy-search.js" in worker.url]
    assert hashes and all(h.startswith("#mv-search.js?worker=") for h in hashes), hashes
    page.locator('button[data-mv-toggle="__search"]').tap()
    page.locator("input.md-search__input").press_sequentially("kompetanse")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15000)

    site.switch(phone, on=True)
    page.goto(site_url + "strategi/")
    expect(button).to_have_text(WORDS["uten_nett_fjern"])
    button.click()
    expect(page.locator(".mv-offline__status")).to_have_text(WORDS["uten_nett_fjernet"])
    expect(button).to_have_text(WORDS["uten_nett_lagre"])
    # Gone from the service worker's caches (the browser's own HTTP cache may still hold it a while).
    assert not page.evaluate(IN_CACHE, site_url + "strategi/bedre-tjenester/")
    site.switch(phone, on=False)
    assert opens(page, site_url + "strategi/")  # read pages are kept


def test_search_loads_its_index_and_engine_only_when_the_reader_opens_it(browser, site_url):
    # No service worker here: the requests must be the page's and the search worker's own.
    context = browser.new_context(viewport=PHONE, has_touch=True, service_workers="block")
    held = []
    context.route("**/search_index.full.json", lambda route: held.append(route))  # held back until the text is seen
    requested = []
    context.on("request", lambda r: requested.append(r.url))
    page = context.new_page()
    try:
        page.goto(site_url + "strategi/")
        page.wait_for_load_state("networkidle")  # all the page loads by itself
        assert not held, "the whole index was loaded before the reader opened search"
        assert any(u.endswith("/search/search_index.json") for u in requested)
        assert not [u for u in requested if re.search(r"search_index\.full\.json|/workers/search\.|/lunr/", u)]
        with page.expect_request(lambda request: request.url.endswith("/search_index.full.json")):
            page.locator('button[data-mv-toggle="__search"]').tap()
            expect(page.locator(".md-search-result__meta")).to_have_text(WORDS["sok_laster"])
        assert held, "opening search did not ask for the whole index"
        held[0].continue_()
        page.locator("input.md-search__input").press_sequentially("møte")
        expect(page.locator(".md-search-result__item").first).to_be_visible()
        assert any(re.search(r"/workers/search\.[0-9a-f]+\.min\.js$", u) for u in requested)
    finally:
        context.close()


def test_a_page_read_opens_without_a_network_and_an_unread_one_does_not(phone, site):
    site_url = site.url
    page = phone.new_page()
    under_service_worker(page, site_url + "veiviser/moter/")  # the first visit
    under_service_worker(page, site_url + "veiviser/roller/")  # read with the worker in charge
    site.switch(phone, on=False)
    for path, heading in (("veiviser/moter/", "Møtene"), ("veiviser/roller/", "Roller")):
        assert opens(page, site_url + path)
        expect(page.locator("article h1")).to_contain_text(heading)
    assert not opens(page, site_url + "veiviser/mandat/")


def test_pages_outside_the_documents_offer_no_saving(phone, site_url):
    page = phone.new_page()
    under_service_worker(page, site_url + "ordliste/")
    page.wait_for_load_state("networkidle")  # offline.js has run and asked for what it needs
    expect(page.locator(".mv-offline")).to_be_hidden()


def test_checklist_ticks_work_without_a_network(phone, site, built_site):
    site_url = site.url
    path = next(p for p in sorted(built_site.glob("sjekklister/*/index.html")) if "data-checklist=" in p.read_text())
    url = site_url + path.parent.relative_to(built_site).as_posix() + "/"
    page = phone.new_page()
    under_service_worker(page, url)
    site.switch(phone, on=False)
    assert opens(page, url)
    box = page.locator("input.mv-checklist__box").first
    box.check()
    page.reload()
    expect(page.locator("input.mv-checklist__box").first).to_be_checked()


def test_a_rebuilt_site_says_a_newer_version_exists_and_keeps_saved_documents(phone, site):
    url = site.url
    page = phone.new_page()
    under_service_worker(page, url + "strategi/")
    page.locator(".mv-offline__button").click()
    expect(page.locator(".mv-offline__status")).to_have_text(WORDS["uten_nett_ferdig"])
    under_service_worker(page, url + "veiviser/moter/")
    expect(page.locator(".mv-update")).to_be_hidden()

    site.rebuild()
    page.goto(url + "veiviser/moter/")  # the browser looks for a new sw.js on every visit
    notice = page.locator(".mv-update")
    expect(notice).to_be_visible(timeout=15000)
    expect(notice).to_contain_text(WORDS["ny_versjon"])
    with page.expect_event("load"):
        notice.locator("button").click()  # the new version takes over; the page is read again
    expect(page.locator("article h1")).to_contain_text("(ny)")
    expect(page.locator(".mv-update")).to_be_hidden()

    site.switch(phone, on=False)
    assert opens(page, url + "strategi/god-kompetanse/")  # the saved document came along
    assert opens(page, url + "veiviser/moter/")
    expect(page.locator("article h1")).to_contain_text("(ny)")
