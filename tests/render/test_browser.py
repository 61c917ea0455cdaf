"""The site in real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

These tests never skip: CI installs Chromium (see .ci/run); without it they fail.
"""
from __future__ import annotations

import re

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


DS = "forslag/ds-11-forslag-ressourceforloeb.html"
LAB = "love/lab/2016-11-21.html"
LAB15 = "love/lab/2015-07-01.html"
CMP = "sammenligning/lab/2015-07-01_2016-11-21.html"


def _ax_text(page, role: str) -> list[str]:
    """The text a screen reader gets for every node of an ARIA role (Chromium's accessibility tree)."""
    tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")
    nodes = {n["nodeId"]: n for n in tree["nodes"]}

    def text(n):
        out = []
        for c in n.get("childIds", []):
            m = nodes.get(c)
            if m is None:
                continue
            out.append(m.get("name", {}).get("value", "") if m.get("role", {}).get("value") == "StaticText" else text(m))
        return "".join(out)

    return [text(n) for n in tree["nodes"] if n.get("role", {}).get("value") == role]


def test_redline_styles(page, built_site):
    _open(page, built_site, DS)
    ins = page.locator("ins").first
    dels = page.locator("del").first
    assert int(ins.evaluate("e => getComputedStyle(e).fontWeight")) >= 700
    assert ins.evaluate("e => getComputedStyle(e).textDecorationLine") == "none"
    assert "line-through" in dels.evaluate("e => getComputedStyle(e).textDecorationLine")
    # print keeps the cues: bold and struck through without colour
    page.emulate_media(media="print")
    assert int(ins.evaluate("e => getComputedStyle(e).fontWeight")) >= 700
    assert "line-through" in dels.evaluate("e => getComputedStyle(e).textDecorationLine")


def test_each_forslag_marks_only_its_own_changes(page, built_site):
    """Issue 11.1: under forslag 1, § 68 a carries the changes of forslag 2 and 10 as consolidated text."""
    _open(page, built_site, DS)
    for n in range(1, 12):
        section = page.locator(f"#forslag-{n}")
        made = section.locator("ins[data-change], del[data-change], a.ref").evaluate_all(
            "els => els.map(e => e.dataset.change || e.textContent)")
        assert all(m.split(".")[0] == str(n) for m in made), (n, made)
    f1 = page.locator("#forslag-1")
    assert f1.locator("ins").count() >= 1 and f1.locator("del").count() == 0  # forslag 1 only inserts
    others = f1.locator("span.andet")
    assert others.count() >= 5
    assert others.first.evaluate("e => getComputedStyle(e).textDecorationStyle") == "dotted"
    assert "forslag 2 og 10" in f1.locator("p.andre").first.inner_text().replace("\xa0", " ")
    text = f1.locator(".redline").first.inner_text().replace("\xa0", " ")
    assert "har kunnet løses" not in text and "forventes at kunne løses alene" in text  # 2's change, applied
    # forslag 10's own view marks "1-7" -> "1-9" as its change
    f10 = page.locator("#forslag-10")
    assert f10.locator("del", has_text="1-7").count() == 1 and f10.locator("ins", has_text="1-9").count() == 1


def test_cues_are_heard_but_not_copied(page, built_site):
    """Issue 11.3: "indsat:"/"slettet:" reach the accessibility tree, not the clipboard."""
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    _open(page, built_site, DS)
    assert page.locator("text=indsat:").count() == 0  # not in the document's text at all
    heard = _ax_text(page, "insertion") + _ax_text(page, "deletion")
    assert heard and all(t.startswith(("indsat:", "slettet:")) for t in heard), heard[:5]
    assert any(t.startswith("slettet:") for t in heard)
    page.locator("#forslag-10 .redline").first.evaluate(
        "e => { const r = document.createRange(); r.selectNodeContents(e); getSelection().removeAllRanges();"
        " getSelection().addRange(r); }")
    page.keyboard.press("Control+C")
    copied = page.evaluate("navigator.clipboard.readText()").replace("\xa0", " ")
    assert "gælder stk. 1-7 1-9 tilsvarende" in copied  # deletion and insertion apart (11.4)
    assert "indsat:" not in copied and "slettet:" not in copied
    assert "§ 68 a. Personer" in copied or "§ 68 a.\nPersoner" in copied


def test_deletion_and_insertion_apart_in_greyscale_print(page, built_site):
    """Issue 11.4: a struck "1-7" and a bold "1-9" never touch."""
    _open(page, built_site, DS)
    page.emulate_media(media="print")
    pairs = page.locator("#forslag-10 ins.erstatter").evaluate_all(
        "els => els.map(e => { let d = e.previousElementSibling; return [d.getBoundingClientRect().right,"
        " e.getBoundingClientRect().left, d.getBoundingClientRect().top, e.getBoundingClientRect().top]; })")
    assert pairs
    for d_right, i_left, d_top, i_top in pairs:
        assert d_top != i_top or i_left - d_right >= 3, pairs


def test_footnote_markers_in_place(page, built_site):
    """Issue 11.2: "§ 2, nr. 1-3" + marker + ", samt"; the note numbered once; marker links to it."""
    _open(page, built_site, LAB)
    p = page.locator("[id='sec_13__subsec_1'] > p").first
    html = p.inner_html()
    assert "1-3<sup class=\"fn\">" in html and "</sup>, samt" in html
    assert " , samt" not in p.inner_text()
    link = p.locator("sup.fn a")
    target = link.get_attribute("href")
    note = page.locator(f"[id='{target[1:]}']")
    assert note.count() == 1
    assert note.inner_text().startswith("1 Det fremgår")
    assert not note.inner_text().startswith("1. 1")
    link.click()
    assert page.evaluate("location.hash") == target


def test_indledning_not_split_mid_sentence(page, built_site):
    """Issue 11.5: LBK 807/2015 breaks a sentence at a footnote; the page keeps it one paragraph."""
    _open(page, built_site, LAB15)
    paras = page.locator(".indledning > p").all_inner_texts()
    assert not any(p.lstrip().startswith(",") for p in paras)
    first = paras[0].replace("\xa0", " ")
    assert "25. juni 2014" in first and "§ 1 i lov nr. 1486 af 23. december 2014" in first
    assert page.locator(".indledning > p").first.locator("sup.fn a").count() == 1


def test_search_from_disk(page, built_site):
    """Issue 11.6: a client-side index over every act and proposal, loaded from file://."""
    _open(page, built_site, "index.html")
    page.fill("#soeg-felt", "rehabiliteringsteamet afgørelse")
    page.wait_for_selector("#soeg-resultater a")
    hrefs = page.locator("#soeg-resultater a").evaluate_all("els => els.map(e => e.href)")
    assert any("love/organiseringsloven" in h for h in hrefs) and any("forslag/" in h for h in hrefs)
    page.fill("#soeg-felt", "koordinerende sagsbehandler")
    page.wait_for_selector("#soeg-resultater a")
    page.locator("#soeg-resultater a").first.click()
    page.wait_for_load_state("load")
    assert page.url.startswith("file://") and "#" in page.url
    assert page.lawdiff_errors == [] and all(u.startswith("file://") for u in page.lawdiff_requests)


@pytest.mark.parametrize("query, target", [
    ("68 a, stk. 3", "sec_68a__subsec_3"), ("§ 30 a, stk. 3, nr. 2", "sec_30a__subsec_3__para_2"),
    ("68a stk 3", "sec_68a__subsec_3"), ("kapitel 12 a", "part_iv__chp_12a"), ("§ 1", "sec_1")])
def test_go_to_paragraph(page, built_site, query, target):
    _open(page, built_site, LAB)
    page.fill("#gaa-til-felt", query)
    page.press("#gaa-til-felt", "Enter")
    assert page.evaluate("location.hash") == "#" + target
    box = page.locator(f"[id='{target}']").bounding_box()
    assert -2 <= box["y"] < 300


def test_go_to_paragraph_that_does_not_exist(page, built_site):
    _open(page, built_site, LAB)
    page.fill("#gaa-til-felt", "§ 999")
    page.press("#gaa-til-felt", "Enter")
    assert "findes ikke" in page.locator("#gaa-til-svar").inner_text()
    assert page.evaluate("location.hash") == ""


def test_navigation_structure(page, built_site):
    """Issue 11.7: skip link, §§ as headings, collapsible chapters, compare pages open with the §§."""
    _open(page, built_site, LAB)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#indhold"
    assert page.locator("#indhold").count() == 1
    assert page.get_by_role("heading", name=re.compile(r"^§\s68\sa\.$")).count() == 1
    assert page.get_by_role("heading", name=re.compile(r"^§")).count() == page.locator(".lovtekst .paragraf").count() > 200
    toc_height = page.locator("nav.toc").bounding_box()["height"]
    assert toc_height < 2 * 900  # 339 lines before; now the chapters, collapsed
    chapter = page.locator("nav.toc li.chapter details").first
    assert chapter.evaluate("e => e.open") is False
    chapter.locator("summary").click(position={"x": 2, "y": 5})
    assert chapter.evaluate("e => e.open") is True
    # the compare page opens with the changed §§, by chapter, each linked to the act page
    _open(page, built_site, CMP)
    first_h2 = page.locator("main h2").first.inner_text()
    assert first_h2 == "Ændrede paragraffer"
    assert page.locator("nav.aendrede h3.kontekst").count() >= 3
    links = page.locator("nav.aendrede a.i-loven")
    assert links.count() == page.locator("main .paragraf").count() - page.locator("main .paragraf .paragraf").count()
    href = links.first.get_attribute("href")
    links.first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("love/lab/2016-11-21.html#" + href.split("#")[1])
    assert page.locator(f"[id='{href.split('#')[1]}']").count() == 1
    # the front page links the compare pages
    _open(page, built_site, "index.html")
    from lawdiff.store import Store

    from tests.conftest import ROOT

    st = Store(ROOT)
    pairs = sum(len(st.versions(law)) - 1 for law in st.laws())  # one per pair of consecutive versions
    assert pairs >= 8  # lab's eight versions (issue 9) and styringsloven's two
    assert page.locator("li.sammenlign a").count() == pairs


def test_every_page_has_a_meaningful_title(page, built_site):
    titles = {}
    for f in sorted(built_site.rglob("*.html")):
        _open(page, built_site, f.relative_to(built_site).as_posix())
        titles[f.name + str(f.parent)] = page.title()
    assert all(len(t) > 10 for t in titles.values()), titles
    assert len(set(titles.values())) == len(titles)
    assert "Lov om en aktiv beskæftigelsesindsats (LBK nr. 1342 af 21/11/2016)" in titles.values()


def test_danish_legal_typography(page, built_site):
    """Issue 11.9: italic "Stk. 2.", bold hanging § label, centred headings, no ¶, no-break spaces."""
    _open(page, built_site, LAB)
    stk2 = page.locator("[id='sec_68a__subsec_2'] > p > .label")
    assert stk2.evaluate("e => getComputedStyle(e).fontStyle") == "italic"
    label = page.locator("[id='sec_68a'] .plabel").first
    assert int(label.evaluate("e => getComputedStyle(e).fontWeight")) >= 700
    assert page.locator("[id='part_iv__chp_12a'] > h3").evaluate("e => getComputedStyle(e).textAlign") == "center"
    # the label hangs: stk. 1 and stk. 2 share one left edge, the label stands left of it
    p1 = page.locator("[id='sec_68a__subsec_1'] > p").bounding_box()
    p2 = page.locator("[id='sec_68a__subsec_2'] > p").bounding_box()
    lb = label.bounding_box()
    assert p1["x"] == p2["x"] and lb["x"] + lb["width"] <= p1["x"]
    assert "¶" not in page.locator("body").inner_text()
    text = page.locator("[id='sec_68b']").inner_text()
    assert "§\xa068\xa0a, stk.\xa03-7" in text and "§\xa02, nr.\xa06" in text
    _open(page, built_site, DS)
    assert "1.\xa0februar\xa02017" in page.locator(".forside").inner_text()
    # on a phone the label runs in: the first line starts with it
    page.set_viewport_size({"width": 390, "height": 844})
    _open(page, built_site, LAB)
    lb = page.locator("[id='sec_68a'] .plabel").first.bounding_box()
    p1 = page.locator("[id='sec_68a__subsec_1'] > p").bounding_box()
    assert abs(lb["x"] - p1["x"]) < 1 and abs(lb["y"] - p1["y"]) < 8


def test_bilag_rows_beside_their_text(page, built_site):
    """Issue 11.11: each nummer beside the text it changes; the rest elided."""
    _open(page, built_site, DS)
    rows = page.locator("#bilag1 tbody tr").evaluate_all(
        "rs => rs.map(r => [r.cells[0].innerText.replace(/\\u00a0/g, ' '), r.cells[1].innerText.replace(/\\u00a0/g, ' ')])")
    def row_of(nummer):
        return next(left for left, right in rows if right.startswith(nummer))
    assert row_of("7. I § 68 a, stk. 9").startswith("Stk. 9. For personer over 40 år")
    assert row_of("3. I § 68 a, stk. 1, nr. 1").startswith("1) har modtaget")
    assert row_of("1. I § 30 a, stk. 3, nr. 2").startswith("2) en beskrivelse")
    left = " ".join(l for l, _ in rows)
    assert "3) at kommunen vurderer" not in left and "3) – – –" in left  # untouched nr. elided
    assert page.locator("#bilag1 thead th").all_inner_texts() == ["Gældende formulering", "Lovforslaget"]


@pytest.mark.parametrize("path", ["index.html", DS, "forslag/aftale-2020-ressourceforloeb.html", LAB, CMP,
                                  "love/serviceloven/2016-10-24.html", "love/sundhedsloven/2016-09-24.html"])
def test_phone_no_sideways_scrolling_and_touch_targets(browser, built_site, path):
    """Issue 11.14: 390 px wide, nothing scrolls sideways; change references are 24 px targets."""
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    pg = ctx.new_page()
    pg.goto((built_site / path).as_uri())
    assert pg.evaluate("document.documentElement.scrollWidth") <= 390
    wide = pg.evaluate("Array.from(document.querySelectorAll('main *')).filter(e => e.getBoundingClientRect().right > 391)"
                       ".map(e => e.tagName + '.' + e.className).slice(0, 5)")
    assert wide == []
    boxes = pg.locator("a.ref, sup.fn a, a.til-bem, p.toc-paragraffer a").evaluate_all(
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.width, r.height, e.textContent]; })")
    small = [b for b in boxes if b[0] < 24 or b[1] < 24]
    assert small == []
    ctx.close()


def test_no_duplicate_ids(page, built_site):
    for f in sorted(built_site.rglob("*.html")):
        _open(page, built_site, f.relative_to(built_site).as_posix())
        dup = page.evaluate("(() => { const s = new Set(), d = []; document.querySelectorAll('[id]').forEach(e => "
                            "{ if (s.has(e.id)) d.push(e.id); s.add(e.id); }); return d; })()")
        assert dup == [], (f, dup)


def test_no_pdf_links_without_pdfs(page, tmp_path):
    from lawdiff.render.site import build_site
    from tests.conftest import ROOT

    out = tmp_path / "site"
    build_site(ROOT, out, pdf=False)
    for f in sorted(out.rglob("*.html")):
        _open(page, out, f.relative_to(out).as_posix())
        pdfs = page.locator("a[href$='.pdf']").count()
        assert pdfs == 0, f
    _open(page, out, "index.html")
    assert "sundhedsloven (sundhedsloven)" not in page.locator("main").inner_text()


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
    assert len(hrefs) > 800
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
