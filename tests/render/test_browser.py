"""The site in real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

These tests never skip: CI installs Chromium (see .ci/run); without it they fail.
"""
from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1100, "height": 900})
    pg = ctx.new_page()
    pg.lawdiff_errors = []
    pg.lawdiff_requests = []
    pg.on("console", lambda m: pg.lawdiff_errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.lawdiff_errors.append(str(e)))
    pg.on("request", lambda r: pg.lawdiff_requests.append(r.url))
    yield pg
    ctx.close()


def _open(page, site, path):
    page.goto((site / path).as_uri())
    page.wait_for_load_state("load")


def test_redline_styles(page, built_site):
    _open(page, built_site, "forslag/ds-11-forslag-ressourceforloeb.html")
    ins = page.locator("ins").first
    dels = page.locator("del").first
    assert int(ins.evaluate("e => getComputedStyle(e).fontWeight")) >= 700
    assert ins.evaluate("e => getComputedStyle(e).textDecorationLine") == "none"
    assert "line-through" in dels.evaluate("e => getComputedStyle(e).textDecorationLine")
    # the screen-reader cue is in the text but not visible
    cue = page.locator("ins .sr").first
    assert cue.text_content() == "indsat: "
    assert cue.evaluate("e => e.getBoundingClientRect().width") <= 1
    # print keeps the cues: bold and struck through without colour
    page.emulate_media(media="print")
    assert int(ins.evaluate("e => getComputedStyle(e).fontWeight")) >= 700
    assert "line-through" in dels.evaluate("e => getComputedStyle(e).textDecorationLine")


def test_change_links_land_on_their_targets_both_ways(page, built_site):
    _open(page, built_site, "forslag/ds-11-forslag-ressourceforloeb.html")
    refs = page.locator("a.ref, a.change-link, a.til-bem")
    hrefs = sorted(set(refs.evaluate_all("els => els.map(e => e.getAttribute('href'))")))
    assert len(hrefs) >= 15
    for href in hrefs:
        assert href.startswith("#")
        target = page.locator(f"[id='{href[1:]}']")
        assert target.count() == 1, href
    # follow links: from a change to its bemærkning, and from the bemærkning to the change
    for selector in ("a.ref", "a.change-link"):
        links = page.locator(selector)
        for i in range(0, links.count(), max(1, links.count() // 8)):
            link = links.nth(i)
            href = link.get_attribute("href")
            link.click()
            assert page.evaluate("location.hash") == href
            box = page.locator(f"[id='{href[1:]}']").bounding_box()
            assert box is not None and -2 <= box["y"] < 900, href  # scrolled into view


def test_no_outside_requests_and_no_console_errors(page, built_site):
    for path in ("index.html", "forslag/ds-11-forslag-ressourceforloeb.html", "love/lab/2016-11-21.html",
                 "sammenligning/lab/2015-07-01_2016-11-21.html"):
        _open(page, built_site, path)
    assert page.lawdiff_requests and all(u.startswith("file://") for u in page.lawdiff_requests), \
        [u for u in page.lawdiff_requests if not u.startswith("file://")]
    assert page.lawdiff_errors == []


def test_act_permalinks_resolve(page, built_site):
    _open(page, built_site, "love/lab/2016-11-21.html")
    hrefs = page.locator("a.permalink").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert len(hrefs) > 1000
    ids = set(page.evaluate("Array.from(document.querySelectorAll('[id]')).map(e => e.id)"))
    assert all(h[1:] in ids for h in hrefs)
    page.locator("a.permalink[href='#sec_68a__subsec_1__para_2']").click()
    assert page.evaluate("location.hash") == "#sec_68a__subsec_1__para_2"
    toc = page.locator("nav.toc a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert all(h[1:] in ids for h in toc)


def test_site_navigation_links_resolve(page, built_site):
    _open(page, built_site, "index.html")
    page.locator("a", has_text="LBK nr. 1342 af 21/11/2016").click()
    assert page.url.endswith("love/lab/2016-11-21.html")
    page.locator("a.compare").click()
    assert page.url.endswith("sammenligning/lab/2015-07-01_2016-11-21.html")
    assert page.locator("ins").count() > 10
