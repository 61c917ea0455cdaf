"""Red team: `lawdiff serve` against a hostile browser and a long drafting session.

- DNS rebinding: a page on another site points its own name at 127.0.0.1 and reads the preview
  with the browser's permission. The preview listens on loopback only, so it must answer only a
  request that names a loopback host.
- The .docx (and PDF) made on request are kept for the current generation only; a preview left
  running through a day of edits must not keep one of each for every save.
- Requests answered while the watcher replaces the results never fail (no dict iterated while
  another thread changes it).
"""
from __future__ import annotations

import http.client
import threading

import pytest

from lawdiff.serve import Preview, _Server, host_allowed, make_handler


@pytest.mark.parametrize("host, ok", [
    ("127.0.0.1:8000", True), ("localhost:8000", True), ("LOCALHOST", True), ("[::1]:8000", True),
    ("127.0.0.1", True), ("localhost.", True), (None, True),
    ("evil.example", False), ("evil.example:8000", False), ("127.0.0.1.evil.example", False),
    ("localhost.evil.example", False), ("", False), ("[::1", False), ("127.0.0.1:abc", False),
    ("0.0.0.0:8000", False), ("10.0.0.1", False), ("localhost:8000@evil.example", False),
])
def test_host_header_must_name_loopback_when_bound_to_loopback(host, ok):
    assert host_allowed(host, "127.0.0.1") is ok
    assert host_allowed(host, "::1") is ok
    assert host_allowed(host, "localhost") is ok


def test_every_host_is_answered_when_the_user_chose_another_address():
    assert host_allowed("evil.example", "0.0.0.0") and host_allowed("fileserver.lan", "192.168.1.5")


class _Stub:
    """The part of Preview the handler uses, answering every site path with one page."""
    root = None
    stopping = False

    def get(self, path):
        return b"<p>udkast</p>", "text/html; charset=utf-8"


def _request(port: int, host: str | None) -> tuple[int, bytes]:
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    c.putrequest("GET", "/index.html", skip_host=True, skip_accept_encoding=True)
    if host is not None:
        c.putheader("Host", host)
    c.endheaders()
    r = c.getresponse()
    body = r.read()
    c.close()
    return r.status, body


def test_a_rebound_host_name_is_refused_by_the_server():
    server = _Server(("127.0.0.1", 0), make_handler(_Stub(), "127.0.0.1"))
    t = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    t.start()
    try:
        port = server.server_address[1]
        assert _request(port, f"127.0.0.1:{port}") == (200, b"<p>udkast</p>")
        assert _request(port, f"localhost:{port}")[0] == 200
        status, body = _request(port, f"attacker.example:{port}")
        assert status == 403 and b"udkast" not in body
        assert "ukendt værtsnavn" in body.decode()
    finally:
        server.shutdown()
        server.server_close()


class _Result:
    def __init__(self, slug):
        self.proposal = type("P", (), {"slug": slug})()


def test_artefacts_are_kept_for_the_current_generation_only(monkeypatch, tmp_path):
    import lawdiff.render.docx as docx

    made = []
    monkeypatch.setattr(docx, "render_docx", lambda result: made.append(result) or b"PK" + bytes(100_000))
    p = Preview(tmp_path)
    p.state.results = {"proposals/a.yaml": _Result("a")}
    for gen in range(50):  # fifty saves, the .docx fetched after each
        p.generation = gen
        assert p.get("forslag/a.docx")[0][:2] == b"PK"
        assert p.get("forslag/a.docx")[0][:2] == b"PK"  # the second request is served from memory
    assert len(made) == 50
    assert len(p._artefacts) == 1


def test_requests_while_the_watcher_replaces_results_never_fail(monkeypatch, tmp_path):
    import lawdiff.render.docx as docx

    monkeypatch.setattr(docx, "render_docx", lambda result: b"PK")
    p = Preview(tmp_path)
    p.state.results = {f"proposals/{i}.yaml": _Result(str(i)) for i in range(200)}
    stop = threading.Event()
    errors = []

    def churn():  # what update() does to the results: entries removed and added
        i = 0
        while not stop.is_set():
            p.state.results.pop(f"proposals/{i % 200}.yaml", None)
            p.state.results[f"proposals/{i % 200}.yaml"] = _Result(str(i % 200))
            i += 1

    t = threading.Thread(target=churn)
    t.start()
    try:
        for _ in range(3000):
            try:
                p.get("forslag/199.docx")
            except Exception as e:  # noqa: BLE001 - the point of the test
                errors.append(repr(e))
                break
    finally:
        stop.set()
        t.join()
    assert errors == []


def test_the_reload_script_cannot_be_broken_by_a_page_name(tmp_path):
    """A proposal named "a<!--<script>.yaml" (a legal file name) put "<!--<script>" inside the
    reload script: the HTML parser then reads the script's own </script> as text and swallows the
    rest of the page."""
    import json

    p = Preview(tmp_path)
    path = "forslag/a<!--<script>.html"
    html = p.decorate(path, "<html><body><p>x</p></body></html>")
    script = html[html.index("<script>") + len("<script>"):html.index("</script>")]
    assert "<" not in script
    assert json.loads(script.split("var me = ")[1].split(", gen")[0]) == path


def test_a_head_request_for_the_events_gets_headers_and_ends():
    """Before: a HEAD of the live-reload stream streamed like a GET and held a thread until the
    preview stopped."""
    stub = _Stub()
    waited = []

    def wait_changes(seen, timeout):
        waited.append(seen)
        stub.stopping = True  # one round at most
        return seen, []

    stub.wait_changes = wait_changes
    server = _Server(("127.0.0.1", 0), make_handler(stub, "127.0.0.1"))
    t = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    t.start()
    try:
        port = server.server_address[1]
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        c.request("HEAD", "/__lawdiff/events?gen=0")
        r = c.getresponse()
        assert r.status == 200 and r.getheader("Content-Type") == "text/event-stream"
        assert r.read() == b""
        c.close()
        assert waited == []  # the stream was never started
    finally:
        server.shutdown()
        server.server_close()
