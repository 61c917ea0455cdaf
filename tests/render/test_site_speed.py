"""Speed work on the site build (issue 9, item 6) changes no byte: the act pages with the § cache
are the pages without it, and the acts' pages come out in the same order with any job grouping."""
from __future__ import annotations

from lawdiff.render.site import _Builder
from lawdiff.store import Store
from tests.conftest import ROOT


class _NoCache(dict):
    def __setitem__(self, key, value):  # nothing is ever kept: every § rendered
        pass


def _pages(builder, acts):
    builder.site.pages = []
    for i, act in enumerate(acts):
        builder.act_page(act, acts[i - 1] if i else None, acts)
    return [(p.path, p.html) for p in builder.site.pages]


def test_section_cache_gives_the_same_pages():
    store = Store(ROOT)
    acts = [store.load(f"lab@{d}") for d in store.versions("lab")]
    cached = _Builder(ROOT, pdf=False)
    plain = _Builder(ROOT, pdf=False)
    plain._sections = _NoCache()
    assert _pages(cached, acts) == _pages(plain, acts)
    sections = sum(1 for a in acts for _ in a.sections())
    # the cache was used: LAB's versions share most of their §§
    assert 0 < len(cached._sections) < sections / 2, (len(cached._sections), sections)
    # a § with a footnote is never taken from the cache (its marker is numbered on its page)
    noted = [s for a in acts for s in a.sections()
             if any(b.notes for u in s.walk() for b in u.intro + u.wrapup if hasattr(b, "notes"))]
    assert noted, "LAB has §§ with footnotes: the test needs one"


def test_forked_workers_give_the_pages_of_one_process(monkeypatch):
    import multiprocessing

    import pytest

    from lawdiff.render import publish, site

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork on this system: the build runs in one process")
    b = _Builder(ROOT, pdf=False)
    acts = b.acts()
    jobs = [j for law, versions in acts.items()
            for j in [("act", law, i) for i in range(len(versions))] + [("history", law)]]
    assert len(acts) >= 2 and len(jobs) >= 8
    results = {}
    for workers in (1, 2):
        monkeypatch.setattr(publish, "_workers", lambda n, w=workers: min(w, n))
        results[workers] = [([(p.path, p.html) for p in pages], search)
                            for pages, search in site._run_jobs(b, acts, jobs)]
    assert results[1] == results[2]
    assert [p for pages, _ in results[2] for p, _ in pages][:2] == ["love/lab/" + acts["lab"][0].date + ".html",
                                                                    "love/lab/" + acts["lab"][1].date + ".html"]


def test_amendments_read_once_per_build(tmp_path, monkeypatch):
    import shutil

    from lawdiff.render import history

    root = tmp_path
    shutil.copytree(ROOT / "amendments", root / "amendments")
    a = history.Amendments(root)
    calls = []
    real = history.Amendments._list
    monkeypatch.setattr(history.Amendments, "_list", lambda self: calls.append(1) or real(self))
    laws = ["lab", "serviceloven", "lab"]
    plain = [sorted(a.acts(law)) for law in laws]
    assert len(calls) == 3  # outside a build: the folder as it is at each call
    calls.clear()
    with a.snapshot():
        snap = [sorted(a.acts(law)) for law in laws]
    assert len(calls) == 1 and snap == plain and plain[0]
    # after the build, an edited folder is seen again
    gone = plain[0][0]
    (root / "amendments" / f"{gone}.yaml").unlink()
    assert gone not in a.acts("lab")
