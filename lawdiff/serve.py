"""`lawdiff serve`: a live preview of the site for drafters.

The site is rendered into memory (never to disk) with the same page builder as `lawdiff
build`, and served from there: a request can only ever get a page, the stylesheet, or a
proposal's .docx (and with --pdf, a PDF) that the preview made; nothing is read from disk for
a request, so no path, encoded or not, and no symlink can reach outside the site. Paths with
"." or ".." segments, backslashes, NUL or a second level of %-encoding are refused with 403.

A watcher polls the modification times of statutes/, proposals/ and amendments/ (every 0.1 s;
no new dependency) and re-renders only what an edit affects:

    proposals/X.yaml      X's page, the proposals that build on X or failed, and the front page
    statutes/LAW/D.xml    LAW's version and compare pages, the proposals on LAW, the front page
    amendments/Y.yaml     Y is applied to check it; an error shows in a banner on every page

No PDFs (unless --pdf) and no .docx are made until they are asked for. Every page gets a small
script (only here, never in `lawdiff build`) that listens for server-sent events and reloads
the page when its HTML changed. A proposal that cannot be read or applied shows its error
(file:line:column, message, hint) in place of its page, never the old page.
"""
from __future__ import annotations

import json
import re
import sys
import threading
import time
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from markupsafe import escape

from .engine import Result, run
from .errors import LawdiffError
from .proposal import load_proposal
from .render.history import history_path
from .render.publish import Page, Site

EVENTS = "/__lawdiff/events"
POLL = 0.1  # seconds between two looks at the watched folders
SETTLE = 0.05  # a change is rendered once two looks this far apart agree: a file caught mid-save
SETTLE_LOOKS = 20  # (truncated, half written) is not shown as an error; at most this many looks

_SCRIPT = """<script>/* lawdiff serve: reload this page when it changes */
(function () {
  var me = %s, gen = %d;
  var es = new EventSource("%s?gen=" + gen);
  es.addEventListener("reload", function (e) {
    var d = JSON.parse(e.data);
    if (d.paths.indexOf(me) >= 0 || d.paths.indexOf("*") >= 0) { es.close(); location.reload(); }
  });
})();
</script>"""

_BANNER_CSS = ("position:sticky;top:0;z-index:99;margin:0;padding:.5em 1em;background:#fde8e8;"
               "color:#7a0000;border-bottom:2px solid #b00;font:14px/1.4 sans-serif")


def _rel(root: Path, file: str | None) -> str:
    if not file:
        return ""
    try:
        return str(Path(file).resolve().relative_to(root))
    except ValueError:
        return str(file)


def _where(e: LawdiffError, root: Path) -> str:
    return ":".join(str(x) for x in (_rel(root, e.file), e.line, e.column) if x not in (None, ""))


def _all(e: LawdiffError) -> list[LawdiffError]:
    return list(getattr(e, "errors", None) or [e])  # a proposal reports all its errors at once


def error_text(e: LawdiffError, root: Path) -> str:
    """'proposals/x.yaml:12:5: message' (and '  → hint') per error, the way the CLI prints them."""
    out = []
    for x in _all(e):
        where = _where(x, root)
        out.append((f"{where}: {x.message}" if where else x.message) + (f"\n  → {x.hint}" if x.hint else ""))
    return "\n".join(out)


def _error_page(e: LawdiffError, root: Path, title: str) -> str:
    items = []
    for x in _all(e):
        hint = f'<p class="hint">→ {escape(x.hint)}</p>' if x.hint else ""
        items.append(f'<li><p class="where">{escape(_where(x, root))}</p>\n'
                     f'<p class="message">{escape(x.message)}</p>\n{hint}</li>')
    return (f'<!DOCTYPE html>\n<html lang="da">\n<head>\n<meta charset="utf-8">\n<title>Fejl: {escape(title)}'
            f'</title>\n<style>body{{font:16px/1.5 sans-serif;margin:2em auto;max-width:50em;padding:0 1em}}'
            f'.fejl{{border-left:6px solid #b00;padding:.5em 1em;background:#fdf0f0}}'
            f'.fejl ol{{padding-left:1.2em}}.where{{font-family:monospace;font-weight:bold;margin-bottom:0}}'
            f'</style>\n</head>\n<body>\n'
            f'<main class="fejl" role="alert"><h1>Fejl i {escape(title)}</h1>\n<ol>\n' + "\n".join(items)
            + '\n</ol>\n<p>Siden vises igen, så snart filen er rettet og gemt.</p></main>\n</body>\n</html>\n')


@dataclass
class _State:
    pages: dict[str, Page] = field(default_factory=dict)
    results: dict[str, Result] = field(default_factory=dict)  # proposal file -> applied
    errors: dict[str, str] = field(default_factory=dict)  # source file -> error text
    acts: dict[str, list] = field(default_factory=dict)  # law -> versions (Act)
    changed_at: dict[str, int] = field(default_factory=dict)  # page path (or "*") -> generation


class Preview:
    """The site in memory, kept up to date with the files it is made from."""

    def __init__(self, root: Path, pdf: bool = False):
        from .render.site import _Builder

        self.root = Path(root).resolve()
        self.pdf = pdf
        self.builder = _Builder(self.root, pdf)  # PDF links only when PDFs are served
        self.builder.with_docx = False  # made on request (get), still linked from the page
        self.builder.docx_link = True
        self.search: dict[tuple, list] = {}  # the search index entries each render job made
        self.state = _State()
        self.cond = threading.Condition()
        self.generation = 0
        self.stopping = False
        self.snapshot: dict[str, tuple] = {}
        self._artefacts: dict[tuple, bytes] = {}  # (path, generation) -> docx/pdf bytes
        self.css = (resources.files("lawdiff") / "static" / "lawdiff.css").read_text("utf-8")
        self.last_render = 0.0

    # -- the watched files --
    def scan(self) -> dict[str, tuple]:
        snap = {}
        # the files `check` and `build` read (a proposals/x.yml is none of theirs, and beside an
        # x.yaml it would render to the same page)
        for pattern in ("statutes/*/*.xml", "proposals/*.yaml", "amendments/*.yaml"):
            for p in self.root.glob(pattern):
                try:
                    st = p.stat()
                except OSError:
                    continue
                snap[p.relative_to(self.root).as_posix()] = (st.st_mtime_ns, st.st_size, st.st_ino)
        return snap

    # -- rendering pieces --
    def _pages(self, fn, *args, job: tuple | None = None) -> list[Page]:
        self.builder.site = Site()
        self.builder.search = []
        fn(*args)
        if job is not None:
            self.search.setdefault(job, []).extend(self.builder.search)
        return self.builder.site.pages

    def _render_law(self, law: str, pages: dict[str, Page], errors: dict[str, str]) -> None:
        store = self.builder.store
        for key in [k for k in store._cache if k[0] == law]:  # re-read every version of the law
            store._cache.pop(key, None)
        for path in [p for p in pages if p.startswith((f"love/{law}/", f"sammenligning/{law}/"))
                     or p == history_path(law)]:
            pages[path] = None
        self.search.pop(("law", law), None)
        for f in [f for f in errors if f.startswith(f"statutes/{law}/")]:
            errors.pop(f)
        versions = []
        try:
            dates = store.versions(law)
        except LawdiffError as e:  # a folder in statutes/ named against the rules
            errors[f"statutes/{law}/"] = error_text(e, self.root)
            dates = []
        for date in dates:
            try:
                versions.append(store.load(f"{law}@{date}"))
            except LawdiffError as e:
                file = f"statutes/{law}/{date}.xml"
                errors[file] = error_text(e, self.root)
                path = f"love/{law}/{date}.html"
                pages[path] = Page(path, _error_page(e, self.root, file))
        self.state.acts[law] = versions
        if not versions:
            self.state.acts.pop(law, None)
        for i, act in enumerate(versions):
            previous = versions[i - 1] if i else None
            for p in self._pages(self.builder.act_page, act, previous, versions, job=("law", law)):
                pages[p.path] = p
            if previous is not None:
                for p in self._pages(self.builder.compare_page, previous, act, job=("law", law)):
                    pages[p.path] = p
        self._render_history(law, pages)

    def _render_history(self, law: str, pages: dict[str, Page]) -> None:
        """The law's history page (it reads the versions and the amending acts in amendments/)."""
        versions = self.state.acts.get(law)
        if versions:
            self.search.pop(("history", law), None)
            try:
                for p in self._pages(self.builder.history_page, versions, job=("history", law)):
                    pages[p.path] = p
            except LawdiffError as e:  # an amendment file that does not load (named in the banner too):
                # the page says so, as `build` refuses; a history page without amending acts was untrue
                path = history_path(law)
                pages[path] = Page(path, _error_page(e, self.root, path))

    def _render_static(self, pages: dict[str, Page]) -> None:
        """The reader's script and the search index, from every page's entries in build's order."""
        laws = sorted(self.state.acts)
        props = sorted(self.state.results)
        order = [k for law in laws for k in (("law", law), ("history", law))] + [("proposal", f) for f in props]
        self.builder.site = Site()
        self.builder.search = [e for k in order + [("index",)] for e in self.search.get(k, [])]
        self.builder.static()
        for p in self.builder.site.pages:
            pages[p.path] = p

    def _render_proposal(self, file: str, pages: dict[str, Page], errors: dict[str, str]) -> None:
        from .render.site import proposal_path

        path = proposal_path(Path(file).stem)
        errors.pop(file, None)
        if not (self.root / file).exists():
            pages[path] = None
            self.state.results.pop(file, None)
            return
        self.search.pop(("proposal", file), None)
        try:
            result = run(load_proposal(self.root / file), self.builder.store)
            [page] = self._pages(self.builder.proposal_page, result, job=("proposal", file))
            self.state.results[file] = result
            pages[path] = page
        except LawdiffError as e:
            self.state.results.pop(file, None)
            errors[file] = error_text(e, self.root)
            pages[path] = Page(path, _error_page(e, self.root, file))

    def _check_amendment(self, file: str, errors: dict[str, str]) -> None:
        """An amending act must load (as `lawdiff check` asks); its numre are executed by
        `lawdiff consolidate`, not here."""
        errors.pop(file, None)
        if not (self.root / file).exists():
            return
        try:
            load_proposal(self.root / file)
        except LawdiffError as e:
            errors[file] = error_text(e, self.root)

    def _render_index(self, pages: dict[str, Page]) -> None:
        results = [self.state.results[f] for f in sorted(self.state.results)]
        acts = {law: self.state.acts[law] for law in sorted(self.state.acts)}
        self.search.pop(("index",), None)
        for p in self._pages(self.builder.index_page, acts, results, job=("index",)):
            pages[p.path] = p

    # -- what an edit affects --
    def update(self, changed: set[str], first: bool = False) -> list[str]:
        """Re-render what the changed files affect; returns the page paths whose HTML changed."""
        t = time.perf_counter()
        pages: dict[str, Page | None] = dict(self.state.pages)
        errors = dict(self.state.errors)
        before_errors = dict(errors)
        laws = sorted({f.split("/")[1] for f in changed if f.startswith("statutes/")})
        props = {f for f in changed if f.startswith("proposals/")}
        amendments = {f for f in changed if f.startswith("amendments/")}
        for law in laws:
            self._render_law(law, pages, errors)
        if laws or props:
            known = {f for f in self.snapshot if f.startswith("proposals/")} | set(self.state.results) | props
            for f in sorted(known):
                r = self.state.results.get(f)
                depends = f in props or f in errors or r is None or any(law in r.laws for law in laws) \
                    or (r.proposal.builds_on and f"proposals/{Path(r.proposal.builds_on).name}" in props)
                if depends:
                    self._render_proposal(f, pages, errors)
            amendments |= {f for f in errors if f.startswith("amendments/")}
        for f in sorted(amendments):
            self._check_amendment(f, errors)
        if any(f.startswith("amendments/") for f in changed):  # the history pages list the amending acts
            for law in sorted(set(self.state.acts) - set(laws)):
                self._render_history(law, pages)
        if laws or props:
            self._render_index(pages)
        if laws or props or amendments:
            self._render_static(pages)
        changed_pages = [p for p in set(pages) | set(self.state.pages)
                         if (pages.get(p).html if pages.get(p) else None)
                         != (self.state.pages.get(p).html if self.state.pages.get(p) else None)]
        if errors != before_errors:
            changed_pages.append("*")  # the banner on every page
        with self.cond:
            self.state.pages = {k: v for k, v in pages.items() if v is not None}
            self.state.errors = errors
            if changed_pages or first:
                self.generation += 1
                for p in changed_pages:
                    self.state.changed_at[p] = self.generation
            self.cond.notify_all()
        self.last_render = time.perf_counter() - t
        return sorted(changed_pages)

    def start(self) -> None:
        self.snapshot = self.scan()
        self.update(set(self.snapshot), first=True)

    def poll(self) -> list[str] | None:
        snap = self.scan()
        if snap == self.snapshot:
            return None
        # An editor (or a script) that writes a file in place truncates it first: a look between the
        # truncation and the last write would render an empty or half file and show the drafter a
        # false error ("linje 1") until the next look. Render only what two looks SETTLE apart agree on.
        for _ in range(SETTLE_LOOKS):
            time.sleep(SETTLE)
            again = self.scan()
            if again == snap:
                break
            snap = again
        changed = {f for f in set(snap) | set(self.snapshot) if snap.get(f) != self.snapshot.get(f)}
        self.snapshot = snap
        return self.update(changed)

    def watch(self, report=None) -> None:
        while not self.stopping:
            try:
                changed = self.poll()
            except Exception as e:  # a bug must not stop the preview; say it in one line
                print(f"lawdiff serve: intern fejl under opdatering: {type(e).__name__}: {e}", file=sys.stderr)
                changed = None
            if changed is not None and report:
                report(changed, self.last_render)
            with self.cond:
                self.cond.wait(POLL)

    def stop(self) -> None:
        with self.cond:
            self.stopping = True
            self.cond.notify_all()

    # -- answering requests --
    def decorate(self, path: str, html: str) -> str:
        """The reload script, and a banner naming the files with errors (other than this page's)."""
        with self.cond:
            gen = self.generation
            errors = dict(self.state.errors)
        banner = ""
        own = f"proposals/{Path(path).stem}" if path.startswith("forslag/") else None
        shown = [t for f, t in sorted(errors.items()) if not (own and f.startswith(own + "."))]
        if shown:
            items = "".join(f"<li><code>{escape(t)}</code></li>" for t in shown)
            banner = (f'<div class="lawdiff-serve-fejl" role="alert" style="{_BANNER_CSS}">'
                      f"<strong>Fejl i kildefilerne:</strong><ul style=\"margin:0\">{items}</ul></div>")
        # the page path inside <script>: "<" escaped, so that a proposal named "a<!--<script>.yaml"
        # cannot open an HTML comment in the script and swallow the rest of the page
        script = _SCRIPT % (json.dumps(path).replace("<", "\\u003c"), gen, EVENTS)
        html = html.replace("<body>", "<body>\n" + banner, 1) if banner else html
        return html.replace("</body>", script + "\n</body>", 1) if "</body>" in html else html + script

    def get(self, path: str) -> tuple[bytes, str] | None:
        """(body, content type) of a site path, or None."""
        with self.cond:
            page = self.state.pages.get(path)
            gen = self.generation
            # the watcher replaces results while requests are answered: read a copy (a dict copy
            # is one step under the GIL), never iterate the live dict
            results = dict(self.state.results)
        if page is not None:
            if path.endswith(".html"):
                return self.decorate(path, page.html).encode("utf-8"), "text/html; charset=utf-8"
            ctype = {".js": "text/javascript", ".css": "text/css", ".json": "application/json"}.get(
                Path(path).suffix, "text/plain")
            return page.html.encode("utf-8"), ctype + "; charset=utf-8"
        if path == "static/lawdiff.css":
            return self.css.encode("utf-8"), "text/css; charset=utf-8"
        if path.endswith(".docx") and path.startswith("forslag/"):
            result = next((r for r in results.values() if f"forslag/{r.proposal.slug}.docx" == path), None)
            if result is None:
                return None
            from .render.docx import render_docx

            return self._artefact((path, gen), lambda: render_docx(result)), \
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        if self.pdf and path.endswith(".pdf"):
            page = self.state.pages.get(path[:-4] + ".html")
            if page is None or not page.pdf_date:
                return None
            from .render.pdf import render_pdf

            return self._artefact((path, gen), lambda: render_pdf(page.pdf_html or page.html, page.pdf_date)), \
                "application/pdf"
        return None

    def _artefact(self, key: tuple, make) -> bytes:
        """A .docx or PDF made on request, kept for its generation only: an edit makes every one
        stale, and a preview left running for a day of drafting must not keep every version."""
        with self.cond:
            found = self._artefacts.get(key)
        if found is not None:
            return found
        data = make()
        with self.cond:
            if key[1] == self.generation:
                self._artefacts = {k: v for k, v in self._artefacts.items() if k[1] == key[1]}
                self._artefacts[key] = data
        return data

    def wait_changes(self, seen: int, timeout: float) -> tuple[int, list[str]]:
        """Block until the generation passes `seen` (or timeout); the paths changed since `seen`."""
        with self.cond:
            self.cond.wait_for(lambda: self.generation > seen or self.stopping, timeout)
            gen = self.generation
            paths = sorted(p for p, g in self.state.changed_at.items() if g > seen)
        return gen, paths


def site_path(raw: str) -> str | None:
    """The site path a request names, or None when it must be refused (403)."""
    path = urlsplit(raw).path
    if "\\" in path or "\x00" in path or not path.startswith("/"):
        return None
    decoded = unquote(path)
    if "%" in decoded or "\\" in decoded or "\x00" in decoded:  # encoded twice: never a site path
        return None
    parts = decoded.split("/")[1:]
    if any(p in (".", "..") for p in parts) or any(p.startswith("~") for p in parts):
        return None
    rel = "/".join(parts)
    if rel == "" or rel.endswith("/"):
        rel += "index.html"
    return rel


def _is_loopback(name: str) -> bool:
    """localhost, 127.0.0.0/8 or ::1."""
    import ipaddress

    if name.rstrip(".") == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


_HOST = re.compile(r"(?:\[([0-9a-f:.]+)\]|([^\[\]:]*))(?::[0-9]{1,5})?")


def host_allowed(header: str | None, bound: str) -> bool:
    """Whether a request's Host header may be answered (DNS rebinding).

    A web page on another site can point its own host name at 127.0.0.1 and then read the
    preview with the browser's permission (the drafts, the bemærkninger). When the preview
    listens on a loopback address only, a request must name a loopback host (localhost,
    127.0.0.1, [::1], with any port); with --host on another address the user has chosen to be
    reached by other names, and every Host is answered. A request without Host (HTTP/1.0, no
    browser) is answered: a rebinding browser always sends one."""
    if not _is_loopback(bound.strip("[]")):
        return True
    if header is None:
        return True
    m = _HOST.fullmatch(header.strip().lower())
    return m is not None and _is_loopback(m[1] or m[2] or "")


def make_handler(preview: Preview, bound: str = "127.0.0.1"):
    class Handler(BaseHTTPRequestHandler):
        server_version = "lawdiff"
        sys_version = ""
        protocol_version = "HTTP/1.1"

        def log_message(self, format, *args):  # noqa: A002 - quiet: the terminal shows rebuilds
            pass

        def _send(self, status: int, body: bytes, ctype: str = "text/plain; charset=utf-8") -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def do_HEAD(self):  # noqa: N802
            self.do_GET()

        def do_GET(self):  # noqa: N802
            try:
                if not host_allowed(self.headers.get("Host"), bound):
                    return self._send(HTTPStatus.FORBIDDEN, "Ikke tilladt: ukendt værtsnavn (brug "
                                      "http://127.0.0.1 eller http://localhost)\n".encode())
                if urlsplit(self.path).path == EVENTS:
                    return self._events()
                path = site_path(self.path)
                if path is None:
                    return self._send(HTTPStatus.FORBIDDEN, "Ikke tilladt: uden for webstedet\n".encode())
                found = preview.get(path)
                if found is None:
                    return self._send(HTTPStatus.NOT_FOUND, "Findes ikke\n".encode())
                self._send(HTTPStatus.OK, *found)
            except (BrokenPipeError, ConnectionResetError):
                pass
            except LawdiffError as e:
                self._send(HTTPStatus.INTERNAL_SERVER_ERROR, error_text(e, preview.root).encode())

        def _events(self) -> None:
            query = parse_qs(urlsplit(self.path).query)
            try:
                seen = int(query.get("gen", ["0"])[0])
            except ValueError:
                seen = 0
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            if self.command == "HEAD":  # the headers only: a HEAD never holds a thread open
                return
            try:
                self.wfile.write(b"retry: 500\n\n")
                self.wfile.flush()
                while not preview.stopping:
                    gen, paths = preview.wait_changes(seen, 15)
                    if preview.stopping:
                        break
                    if gen > seen:
                        seen = gen
                        data = json.dumps({"generation": gen, "paths": paths})
                        self.wfile.write(f"event: reload\ndata: {data}\n\n".encode())
                    else:
                        self.wfile.write(b": ping\n\n")
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError, OSError):
                pass

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):  # no tracebacks on a dropped connection
        pass


def serve(root: Path, host: str = "127.0.0.1", port: int = 8000, pdf: bool = False) -> int:
    import signal

    if threading.current_thread() is threading.main_thread():
        # Ctrl-C stops the preview even when it was started with SIGINT ignored (a background job
        # of a non-interactive shell inherits SIG_IGN, and Python then never raises KeyboardInterrupt)
        signal.signal(signal.SIGINT, signal.default_int_handler)
    t = time.perf_counter()
    preview = Preview(root, pdf=pdf)
    preview.start()
    try:
        server = _Server((host, port), make_handler(preview, host))
    except OSError as e:
        raise LawdiffError(f"kan ikke lytte på {host}:{port}: {e.strerror}",
                           hint="vælg en anden port med --port") from None
    actual = server.server_address[1]
    n = len(preview.state.pages)
    print(f"lawdiff serve: http://{host}:{actual}/ ({n} sider på {time.perf_counter() - t:.1f} s; "
          f"ser efter ændringer i statutes/, proposals/ og amendments/; Ctrl-C stopper)", flush=True)
    if host not in ("127.0.0.1", "localhost", "::1"):
        print(f"advarsel: --host {host}: forhåndsvisningen kan ses fra andre maskiner på netværket",
              file=sys.stderr, flush=True)
    for text in preview.state.errors.values():
        print(f"fejl: {text}", file=sys.stderr, flush=True)

    def report(changed: list[str], seconds: float) -> None:
        if changed:
            print(f"opdateret på {seconds * 1000:.0f} ms: {', '.join(changed[:6])}"
                  + (f" (+{len(changed) - 6})" if len(changed) > 6 else ""), flush=True)
        for text in preview.state.errors.values():
            print(f"fejl: {text}", file=sys.stderr, flush=True)

    watcher = threading.Thread(target=preview.watch, args=(report,), daemon=True, name="lawdiff-watch")
    watcher.start()
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        preview.stop()
        server.server_close()
    print("lawdiff serve: stoppet", flush=True)
    return 0
