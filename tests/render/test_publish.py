"""Writing the site: no request outside the site (browser) or the project (PDF), incremental and
content-addressed PDFs, `build --only`."""
from __future__ import annotations

import http.server
import os
import re
import shutil
import threading
from pathlib import Path

import pytest

from lawdiff.cli import main
from lawdiff.render import pdf, publish
from lawdiff.render.site import build_site
from tests.conftest import ROOT

HOSTILE_MD = """Et kort ![kort](https://evil.example/kort.png) og ![lokal]({local}/lokal.png),
![protokol-relativ](//evil.example/p.png), ![ud](../../../../etc/hostname),
![fil](file:///etc/passwd), ![data](data:image/png;base64,iVBORw0KGgo=),
<img src="{local}/raw.png"> <iframe src="{local}/frame"></iframe>
<link rel="stylesheet" href="{local}/x.css"> <style>body {{ background: url({local}/bg.png) }}</style>
[et link]({local}/link) <{local}/autolink> [titel](https://evil.example/ "![x]({local}/t.png)")

| billede |
|---|
| ![celle]({local}/celle.png) |
"""


class _Counter(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802
        type(self).hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()
        self.wfile.write(b"\x89PNG\r\n\x1a\n")

    def log_message(self, *a):
        pass


@pytest.fixture
def server():
    _Counter.hits = []
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}", _Counter.hits
    srv.shutdown()


def _hostile_project(tmp_path: Path, local: str) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    shutil.copytree(ROOT / "statutes", root / "statutes")
    (root / "proposals").mkdir()
    md = HOSTILE_MD.format(local=local)
    indent = lambda n: "\n".join(" " * n + ln for ln in md.splitlines())  # noqa: E731
    (root / "proposals" / "fjendtlig.yaml").write_text(f"""titel: 'Billeder <img src="{local}/titel.png">'
organisation: Test
dato: "2020-12-11"
status: udkast
love:
  lab: lab@2016-11-21
bemærkninger: |
{indent(2)}
forslag:
  - titel: Forslag med billeder
    bemærkninger: |
{indent(6)}
    ændringer:
      - i: "§ 68 a, stk. 4"
        ændres: 5 års
        til: 3 års
""", encoding="utf-8")
    return root


def test_markdown_never_emits_a_loading_element(server):
    from lawdiff.render import markdown

    local, _ = server
    html = str(markdown.render(HOSTILE_MD.format(local=local)))
    # escaped text (&lt;img …) is fine; an element that loads something is not
    assert re.search(r"<(img|iframe|link|style|object|embed|source|video|audio|svg|script)\b", html) is None, html
    assert "srcset" not in html
    assert '<a class="billede" href="https://evil.example/kort.png">[billede: kort]</a>' in html


def test_browser_makes_no_request_outside_the_site(tmp_path, server):
    from playwright.sync_api import sync_playwright

    from tests.render.test_browser import ARGS, CHROMIUM

    local, hits = server
    root = _hostile_project(tmp_path, local)
    site = tmp_path / "site"
    build_site(root, site, pdf=False)
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 8
    inside = site.resolve().as_uri() + "/"
    requests: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        ctx = browser.new_context()
        # anything that is not a file of the site is recorded and then blocked (no network in tests)
        ctx.route("**/*", lambda route: route.continue_() if route.request.url.startswith(inside)
                  else route.abort())
        page = ctx.new_page()
        page.on("request", lambda r: requests.append(r.url))
        for f in pages:
            page.goto(f.as_uri())
            page.wait_for_load_state("load")
        # the hostile proposal's page shows its images as links, and has none
        page.goto((site / "forslag/fjendtlig.html").as_uri())
        assert page.locator("img").count() == 0
        assert page.locator("a.billede").count() >= 6
        browser.close()
    assert requests, "no page was loaded"
    outside = [u for u in requests if not u.startswith(inside)]
    assert outside == []
    assert hits == []


def test_pdf_build_fetches_nothing_outside_the_project(tmp_path, server, monkeypatch):
    local, hits = server
    root = _hostile_project(tmp_path, local)
    asked: list[tuple[str, bool]] = []
    real = pdf.fetch_local

    def recording(url):
        try:
            r = real(url)
        except pdf.RefusedURL:
            asked.append((url, False))
            raise
        asked.append((url, True))
        return r

    monkeypatch.setattr(pdf, "fetch_local", recording)
    monkeypatch.setattr(publish, "_workers", lambda n: 1)  # in this process, so the recorder sees it
    out = tmp_path / "site"
    stats = build_site(root, out, pdf=True, only=["proposals/fjendtlig.yaml"], cache=tmp_path / "cache")
    assert stats.pdf_rendered == 1 and (out / "forslag/fjendtlig.pdf").stat().st_size > 1000
    assert hits == [] and [u for u, ok in asked if ok] == []

    # the fetcher itself, given HTML that asks for everything a page could ask for
    html = f"""<!DOCTYPE html><html><head><link rel="stylesheet" href="{local}/a.css">
<style>@import url("{local}/b.css"); body {{ background: url({local}/c.png) }}
@font-face {{ font-family: X; src: url({local}/f.woff) }}</style></head>
<body style="font-family: X"><img src="{local}/d.png"><img src="file:///etc/hostname">
<img src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E">
<object data="{local}/e"></object><embed src="{local}/g"><iframe src="{local}/h"></iframe>
<svg><image href="{local}/i.png"/></svg><p>x</p></body></html>"""
    data = pdf.render_pdf(html, "2020-01-01")
    assert data.startswith(b"%PDF")
    assert hits == []
    refused = {u for u, ok in asked if not ok}
    assert any("d.png" in u for u in refused) and any(u.startswith("file:") for u in refused)
    assert any(u.startswith("data:") for u in refused)
    assert [u for u, ok in asked if ok] == []


def test_url_fetcher_allows_only_lawdiffs_static_files(tmp_path):
    css = Path(pdf._static_dir()) / "lawdiff.css"
    assert pdf.fetch_local(css.as_uri())[0] == css.read_bytes()
    assert pdf.url_fetcher(css.as_uri())["string"] == css.read_bytes()
    outside = tmp_path / "x.css"
    outside.write_text("body{}")
    link = Path(pdf._static_dir()).parent / "static" / ".." / "__init__.py"
    for url in (outside.as_uri(), link.as_uri(), "file:///etc/passwd", "http://127.0.0.1/", "https://a.dk/x.png",
                "ftp://a.dk/x", "data:text/css,body{}", "file://host/etc/passwd", "//a.dk/x"):
        with pytest.raises(pdf.RefusedURL):
            pdf.fetch_local(url)


def test_pdfs_are_content_addressed_and_build_only_builds_one_proposal(tmp_path, capsys):
    root = tmp_path / "repo"
    root.mkdir()
    for d in ("statutes", "proposals"):
        shutil.copytree(ROOT / d, root / d)
    out = root / "site"
    assert main(["--root", str(root), "build", "--no-pdf"]) == 0
    before = publish.digest(out)
    aftale = "proposals/aftale-2020-ressourceforloeb.yaml"

    stats = build_site(root, out, pdf=True, only=[aftale])
    assert stats.pdf_rendered == 1 and stats.pdf_cached == 0
    after = publish.digest(out)
    assert set(after) - set(before) == {"forslag/aftale-2020-ressourceforloeb.pdf"}
    page = "forslag/aftale-2020-ressourceforloeb.html"  # now with its PDF link (a --no-pdf page has none)
    assert {k: v for k, v in after.items() if k in before and k != page} == \
        {k: v for k, v in before.items() if k != page}  # the rest kept as it was
    assert 'href="aftale-2020-ressourceforloeb.pdf"' in (out / page).read_text(encoding="utf-8")
    cached = list((root / ".lawdiff-cache" / "pdf").glob("*.pdf"))
    assert len(cached) == 1 and (root / ".lawdiff-cache" / ".gitignore").read_text() == "*\n"

    # nothing changed: taken from the cache, byte for byte
    stats = build_site(root, out, pdf=True, only=[aftale])
    assert stats.pdf_rendered == 0 and stats.pdf_cached == 1
    assert publish.digest(out) == after

    # an edited proposal is rendered again; the command runs from the project folder, too
    p = root / aftale
    p.write_text(p.read_text(encoding="utf-8").replace("Varigheden nedsættes", "Varigheden skal nedsættes"),
                 encoding="utf-8")
    assert main(["--root", str(root), "build", "--only", aftale]) == 0
    assert "1 PDF" in capsys.readouterr().out
    assert publish.digest(out)["forslag/aftale-2020-ressourceforloeb.pdf"] != after["forslag/aftale-2020-ressourceforloeb.pdf"]

    # --only names a file outside proposals/: refused
    rc = main(["--root", str(root), "build", "--only", str(ROOT / "amendments/lov-2012-1380-styringsloven.yaml")])
    assert rc == 1 and "ikke et forslag i" in capsys.readouterr().err


def test_parallel_rendering_gives_the_same_bytes_as_serial():
    site_pages = [("<!DOCTYPE html><html><head></head><body><p>side %d</p></body></html>" % i, "2020-01-0%d" % (i + 1))
                  for i in range(3)]
    jobs = {pdf.pdf_key(h, d): (h, d) for h, d in site_pages}
    parallel = publish.render_pdfs(jobs)
    serial = {k: pdf.render_pdf(*jobs[k]) for k in jobs}
    assert parallel == serial


@pytest.mark.parametrize("rel", ["../x.html", "/etc/x.html", "a/../../x.html", "a//b.html", "./x.html", "a\\..\\x.html"])
def test_a_page_path_outside_the_site_is_refused(tmp_path, rel):
    site = publish.Site()
    site.add("index.html", "<p>x</p>")
    site.add(rel, "<p>x</p>")
    out = tmp_path / "a" / "site"
    with pytest.raises(publish.SiteError, match="uden for webstedets mappe"):
        publish.write_site(site, out, pdf=False)
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a"]  # nothing written, no temporaries left


def test_the_cache_keeps_what_was_used_lately_and_drops_the_rest(tmp_path):
    import time

    cache = publish.PdfCache(tmp_path / "pdf")
    a, b, c = ("a" * 64, "b" * 64, "c" * 64)  # keys as pdf.pdf_key gives them (sha256, hex)
    for k in (a, b, c):
        cache.put(k, b"%PDF-" + k.encode())
    week_ago = time.time() - 8 * 86400
    os.utime(tmp_path / "pdf" / f"{b}.pdf", (week_ago, week_ago))
    os.utime(tmp_path / "pdf" / f"{c}.pdf", (week_ago, week_ago))
    assert cache.get(c) is not None  # used again: fresh
    cache.prune({a})
    assert sorted(p.name for p in (tmp_path / "pdf").iterdir()) == [f"{a}.pdf", f"{c}.pdf"]


def test_the_cache_prunes_only_its_own_entries_in_a_folder_the_caller_gave(tmp_path):
    """`cache=` may be a folder of the caller's: a user's old PDF, a link, a folder named *.pdf
    and a lawdiff-looking name in capitals are never removed; only a stale entry of the cache."""
    import time

    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "rapport.pdf").write_bytes(b"%PDF- precious")
    (folder / ("A" * 64 + ".pdf")).write_bytes(b"%PDF- also the user's")
    (folder / "dir.pdf").mkdir()
    outside = tmp_path / "outside.pdf"
    outside.write_bytes(b"%PDF- outside")
    (folder / ("d" * 64 + ".pdf")).symlink_to(outside)
    cache = publish.PdfCache(folder)
    cache.put("e" * 64, b"%PDF- stale entry")
    week_ago = time.time() - 8 * 86400
    for p in folder.iterdir():
        os.utime(p, (week_ago, week_ago), follow_symlinks=False)
    cache.prune(set())
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["rapport.pdf", "A" * 64 + ".pdf", "dir.pdf", "d" * 64 + ".pdf"])
    assert outside.read_bytes() == b"%PDF- outside"


def test_a_pdf_cache_write_that_fails_leaves_no_temporary_file(tmp_path, monkeypatch):
    """A full disk at the rename: no entry, no error, and no `.tmp-*` file left in the cache."""
    folder = tmp_path / "cache"
    folder.mkdir()
    cache = publish.PdfCache(folder)

    def refuse(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(publish.os, "replace", refuse)
    assert cache.put("a" * 64, b"%PDF-1.4\n") is None
    assert list(folder.iterdir()) == []
