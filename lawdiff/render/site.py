"""`lawdiff build`: the static site (and PDFs) from statutes/ and proposals/.

Layout of the output folder (every link relative, every asset local, so the site
works opened from disk):

    index.html                         front page: acts with their versions, proposals
    love/<law>/<date>.html (.pdf)      one act version: table of contents, full text, permalinks
    sammenligning/<law>/<a>_<b>.html   a version compared with the previous one
    forslag/<slug>.html (.pdf)         one proposal: bemærkninger, Keeling redlines, the formal
                                       lovforslag, specielle bemærkninger and Bilag 1
    static/lawdiff.css

Builds are deterministic (sorted inputs, no clocks; PDF dates come from the sources)
and atomic: everything is written to a temporary folder beside the output, which is
swapped in only when the whole build has succeeded.
"""
from __future__ import annotations

import os
from pathlib import Path

from markupsafe import Markup

from .. import redline
from ..diff import compare
from ..engine import Result, run
from ..errors import LawdiffError
from ..model import Act, Line, Unit
from ..proposal import load_proposal
from ..store import Store
from . import markdown
from .html import env, runit_html
from .bilag import bilag
from .instructions import build_lovforslag, long_date
from .publish import Site, write_site

STATUS = {"udkast": "Udkast", "endelig": "Endelig"}
WEB_ORDER = ("almindelige", "forslagene", "lovforslag", "specielle", "bilag1")
PDF_ORDER = ("lovforslag", "almindelige", "forslagene", "specielle", "bilag1")


def _rel(from_path: str, to_path: str) -> str:
    return os.path.relpath(to_path, os.path.dirname(from_path) or ".").replace(os.sep, "/")


def act_path(act: Act) -> str:
    return f"love/{act.law}/{act.date}.html"


def compare_path(law: str, a: str, b: str) -> str:
    return f"sammenligning/{law}/{a}_{b}.html"


def proposal_path(slug: str) -> str:
    return f"forslag/{slug}.html"


def _same(unit: Unit) -> redline.RUnit:
    """A unit as a redline with nothing changed (for the act pages)."""
    return redline.build_unit(unit, unit, None)


def _toc(units: list[Unit]) -> list[dict]:
    """Containers with headings, and their §§, for the table of contents."""
    out = []
    for u in units:
        if u.kind in ("book", "part", "chapter", "group"):
            out.append({"unit": u, "children": _toc(u.children)})
        elif u.kind == "section":
            out.append({"unit": u, "children": []})
    return out


class _Builder:
    def __init__(self, root: Path):
        self.store = Store(root)
        self.root = root
        self.site = Site()
        self.env = env()
        self.env.globals.update(long_date=long_date, md=markdown.render, status_name=STATUS)

    def render(self, template: str, path: str, **kw) -> str:
        css_href = _rel(path, "static/lawdiff.css")
        home = _rel(path, "index.html")
        return self.env.get_template(template).render(css_href=css_href, home=home, path=path, rel=_rel, **kw)

    # -- acts --------------------------------------------------------------
    def acts(self) -> dict[str, list[Act]]:
        out = {}
        for law in self.store.laws():
            out[law] = [self.store.load(f"{law}@{d}") for d in self.store.versions(law)]
        return out

    def act_page(self, act: Act, previous: Act | None, versions: list[Act]) -> None:
        path = act_path(act)
        body = []
        for u in act.body:
            body.append(self._act_unit(u))
        html = self.render("act.html", path, act=act, toc=_toc(act.body), body=Markup("\n").join(body),
                           previous=previous, versions=versions,
                           compare_href=_rel(path, compare_path(act.law, previous.date, act.date)) if previous else None,
                           version_href=lambda v: _rel(path, act_path(v)))
        self.site.add(path, html, act.date)

    def _act_unit(self, u: Unit) -> Markup:
        if u.kind == "section":
            html = runit_html(_same(u), permalinks=True)
            notes = u.notes()
            if notes:
                items = Markup("").join(Markup("<li><span class=\"marker\">{}</span> {}</li>")
                                        .format(n.marker, " ".join(n.lines)) for n in notes)
                html += Markup('<aside class="noter"><ol>') + items + Markup("</ol></aside>")
            return html
        if u.kind in ("book", "part", "chapter", "group"):
            tag = {"book": "h2", "part": "h2", "chapter": "h3", "group": "h4"}[u.kind]
            head = Markup(" ").join(Markup('<span class="num">{}</span>').format(x) for x in
                                    ([u.label.strip()] if u.label else []))
            title = Markup('<span class="titel">{}</span>').format(u.heading.text) if u.heading else Markup("")
            out = [Markup('<section class="{}" id="{}"><{}>').format(u.kind, u.eid, tag) + head + title
                   + Markup(f"</{tag}>")]
            out += [self._act_unit(c) for c in u.children]
            out.append(Markup("</section>"))
            return Markup("\n").join(out)
        if u.kind == "ikraft":
            lines = Markup("").join(Markup("<p>{}</p>").format(b.text) for b in u.intro if isinstance(b, Line))
            return Markup('<section class="ikraft" id="{}">').format(u.eid) + lines + Markup("</section>")
        return Markup("")

    def compare_page(self, old: Act, new: Act) -> None:
        path = compare_path(new.law, old.date, new.date)
        red = compare(old, new)
        touched = red.touched_sections()
        html = self.render("compare.html", path, old=old, new=new, sections=touched,
                           old_href=_rel(path, act_path(old)), new_href=_rel(path, act_path(new)))
        self.site.add(path, html)

    # -- proposals ----------------------------------------------------------
    def proposal_page(self, result: Result) -> None:
        prop = result.proposal
        path = proposal_path(prop.slug)
        lf = build_lovforslag(result)
        rows = bilag(lf, result)
        reds = {law: redline.build(lr.base, lr.new, lr) for law, lr in result.laws.items()}

        def ref_href(change_id: str) -> str:
            return f"#forslag-{change_id.split('.')[0]}"

        items = []
        for item in prop.items:
            per_law = []
            for law, red in reds.items():
                secs = [s for s in red.touched_sections() if _items_in(s) & {item.number}]
                if secs:
                    per_law.append({
                        "law": law, "act": result.laws[law].base,
                        "html": Markup("\n").join(runit_html(s, f"f{item.number}-", ref_href) for s in secs)})
            links = []
            for c in item.changes:
                target = _change_anchor(result.laws[c.law], c)
                if target:
                    links.append({"change": c, "href": f"#f{item.number}-{target}",
                                  "label": c.get("i") or c.get("affattes") or c.get("ophæves")
                                  or c.get("overskrift") or c.get("efter") or "", "law": c.law})
            items.append({"item": item, "laws": per_law, "links": links})
        kw = dict(prop=prop, result=result, items=items, lf=lf, rows=rows, specielle=_specielle(lf, prop),
                  base_href=lambda act: _rel(path, act_path(act)) if self.store.path(act.law, act.date).exists() else None,
                  pdf_href=f"{prop.slug}.pdf")
        # on the site the reader starts with the bemærkninger; the PDF is ordered as a lovforslag
        html = self.render("proposal.html", path, order=WEB_ORDER, **kw)
        pdf_html = self.render("proposal.html", path, order=PDF_ORDER, **kw)
        self.site.add(path, html, prop.date, pdf_html)

    def index_page(self, acts: dict[str, list[Act]], results: list[Result]) -> None:
        path = "index.html"
        html = self.render("index.html", path, acts=acts, results=results,
                           act_href=lambda a: _rel(path, act_path(a)),
                           proposal_href=lambda r: _rel(path, proposal_path(r.proposal.slug)))
        self.site.add(path, html)

    def build(self) -> Site:
        acts = self.acts()
        for versions in acts.values():
            for i, act in enumerate(versions):
                previous = versions[i - 1] if i else None
                self.act_page(act, previous, versions)
                if previous is not None:
                    self.compare_page(previous, act)
        results = []
        folder = self.root / "proposals"
        for f in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
            results.append(run(load_proposal(f), self.store))
        for r in results:
            self.proposal_page(r)
        self.index_page(acts, results)
        return self.site


def _nums_text(nums: list[int]) -> str:
    """'2', '2 og 3', '2-4', '2, 3 og 7' for "Til nr. …"."""
    if len(nums) > 2 and nums == list(range(nums[0], nums[-1] + 1)):
        return f"{nums[0]}-{nums[-1]}"
    strs = [str(n) for n in nums]
    return strs[0] if len(strs) == 1 else ", ".join(strs[:-1]) + " og " + strs[-1]


def _specielle(lf, prop) -> list[dict]:
    """Bemærkninger til lovforslagets enkelte bestemmelser: "Til § k", then "Til nr. …" per forslag."""
    out = []
    items = {it.number: it for it in prop.items}
    for para in lf.paragraffer:
        by_item: dict[int, list[int]] = {}
        for nr in para.numre:
            for c in [nr.change, *getattr(nr, "also", [])]:  # a nummer may group changes of several forslag
                if nr.n not in by_item.setdefault(c.item, []):
                    by_item[c.item].append(nr.n)
        entries = [{"nums": _nums_text(ns), "item": items[i]} for i, ns in sorted(by_item.items(), key=lambda x: x[1][0])]
        out.append({"para": para, "entries": entries})
    return out


def _items_in(r: redline.RUnit) -> set[int]:
    ids = set()
    for u in r.walk():
        ids.update(u.changes)
        for b in u.intro + u.wrapup + ([u.heading] if u.heading else []):
            ids.update(s.change for s in b if s.change)
    return {int(i.split(".")[0]) for i in ids if i}


def _change_anchor(lr, c) -> str | None:
    """The eId (in the result) of the unit a change acts on, for links from the bemærkning."""
    for p in lr.placements:
        if p.change is c:
            wid = p.new_wids[0] if p.new_wids else (p.targets[0] if p.targets else None)
            for act in (lr.new, lr.base):
                for u in act.walk():
                    if u.wid == wid:
                        return u.eid
    return None


def build_site(root: Path, out: Path, pdf: bool = True, only: list[str] | None = None,
               cache: Path | None = None) -> list[str]:
    """Build the site into `out`; with `only` (proposal files), just those proposals' pages and
    PDFs, keeping every other file of the current site. Returns the files written (a
    publish.Stats, which also counts the PDFs rendered and taken from the cache)."""
    b = _Builder(root)
    if only:
        for f in only:
            b.proposal_page(run(load_proposal(_own_proposal(root, f)), b.store))
        site = b.site
    else:
        site = b.build()
    if not site.pages:
        raise LawdiffError("intet at bygge: ingen love i statutes/ og ingen forslag i proposals/")
    return write_site(site, out, pdf, root=root, cache=cache, keep=bool(only))


def _own_proposal(root: Path, name: str) -> Path:
    """A proposal named by `build --only`: a file in <root>/proposals/ (as given, or relative to root)."""
    folder = os.path.realpath(root / "proposals")
    for cand in (Path(name), root / name):
        real = os.path.realpath(cand)
        if os.path.isfile(real) and os.path.commonpath([real, folder]) == folder:
            return cand
    raise LawdiffError(f"--only {name}: ikke et forslag i {root / 'proposals'}",
                       hint="angiv en fil i proposals/, fx --only proposals/ds-11-forslag-ressourceforloeb.yaml")
