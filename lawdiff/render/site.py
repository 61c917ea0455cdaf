"""`lawdiff build`: the static site (and PDFs) from statutes/ and proposals/.

Layout of the output folder (every link relative, every asset local, so the site
works opened from disk):

    index.html                         front page: acts with their versions, proposals
    love/<law>/<date>.html (.pdf)      one act version: table of contents, full text, permalinks
    sammenligning/<law>/<a>_<b>.html   a version compared with the previous one
    forslag/<slug>.html (.pdf)         one proposal: bemærkninger, Keeling redlines, the formal
                                       lovforslag, specielle bemærkninger and Bilag 1
    static/lawdiff.css, lawdiff.js      style and the reader's tools (search, "Gå til §", no network)
    static/soeg.js                     the search index (a script, so it loads from file://)

Builds are deterministic (sorted inputs, no clocks; PDF dates come from the sources)
and atomic: everything is written to a temporary folder beside the output, which is
swapped in only when the whole build has succeeded.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
from pathlib import Path

from markupsafe import Markup

from .. import gcpause, redline
from ..diff import compare
from ..engine import Result, run
from ..errors import LawdiffError
from ..model import Act, Line, Unit, ancestry
from ..proposal import load_proposal
from ..store import Store
from . import history, markdown
from .html import Notes, anchor_of, annex_html, env, esc, heading_html, items_in, live_eids, nbsp_html, runit_html, title_html
from .bilag import bilag
from .docx import render_docx
from .instructions import build_lovforslag, long_date
from .publish import Site, write_site

STATUS = {"udkast": "Udkast", "endelig": "Endelig"}
_SECTION_CACHE = 50_000  # §§ kept rendered by one builder at most
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
    def __init__(self, root: Path, pdf: bool = True):
        self.store = Store(root, cache=True)
        self.root = root
        self.pdf = pdf  # without PDFs, no page links to one
        self.site = Site()
        self.search: list[dict] = []  # the client-side search index
        self.env = env()
        self.env.globals.update(long_date=long_date, md=lambda text: nbsp_html(markdown.render(text)),
                                status_name=STATUS)
        self.with_docx = True  # `lawdiff serve` makes the .docx on request instead
        self.docx_link = False  # `lawdiff serve`: link the .docx it makes on request
        self.amendments = history.Amendments(root)  # each amendment file read once, not once per act
        self._sections: dict[tuple[bytes, int], Markup] = {}  # _section_html's renderings

    def render(self, template: str, path: str, **kw) -> str:
        css_href = _rel(path, "static/lawdiff.css")
        home = _rel(path, "index.html")
        return self.env.get_template(template).render(
            css_href=css_href, js_href=_rel(path, "static/lawdiff.js"), index_href=_rel(path, "static/soeg.js"),
            site_root=_rel(path, ".") + "/", home=home, path=path, rel=_rel, pdf=self.pdf, **kw)

    # -- acts --------------------------------------------------------------
    def acts(self, keep: bool = False) -> dict[str, list[Act]]:
        """Every stored version of every act. keep (inside gcpause.keeping()): each version is
        moved out of the cyclic collector's reach once read, so that reading the next one does not
        make the collector scan all earlier ones again (reading pauses the collector; re-enabling
        it after each version cost a full scan of everything read so far: quadratic)."""
        out = {}
        for law in self.store.laws():
            out[law] = []
            for d in self.store.versions(law):
                out[law].append(self.store.load(f"{law}@{d}"))
                if keep:
                    gcpause.kept()
        return out

    def act_page(self, act: Act, previous: Act | None, versions: list[Act]) -> None:
        path = act_path(act)
        notes = Notes({u.wid: u for u in act.walk()}, "fn")
        preamble = _preamble(act.preamble, notes)
        pre_notes = notes.aside()
        body = [self._act_unit(u, notes, 2) for u in act.body]
        title = f"{_cap(act.title)} ({act.source})"
        html = self.render("act.html", path, title=title, act=act, toc=_toc(act.body), body=Markup("\n").join(body),
                           annexes=_annexes(act, notes),
                           preamble=preamble, preamble_notes=pre_notes,
                           previous=previous, versions=versions,
                           compare_href=_rel(path, compare_path(act.law, previous.date, act.date)) if previous else None,
                           version_href=lambda v: _rel(path, act_path(v)),
                           history_href=_rel(path, history.history_path(act.law)))
        self.site.add(path, html, act.date)
        for s in act.sections():
            self.search.append({"t": f"{s.cite()} · {_cap(act.title)}, {act.source}", "u": f"{path}#{s.eid}",
                                "x": " ".join(b.text for u in s.walk() for b in u.intro + u.wrapup)})

    def _act_unit(self, u: Unit, notes: Notes, level: int) -> Markup:
        if u.kind == "section":
            return self._section_html(u, notes, min(level, 6))
        if u.kind in ("book", "part", "chapter", "group"):
            tag = f"h{min(level, 6)}"
            num = Markup('<span class="num">{}</span>').format(esc(u.label.strip())) if u.label else Markup("")
            title = (Markup('<span class="titel">') + notes.line(u.heading) + Markup("</span>")) if u.heading else Markup("")
            head = num + (Markup(" ") if num and title else Markup("")) + title
            out = [Markup('<section class="{}" id="{}"><{}>').format(u.kind, u.eid, tag) + head + Markup(f"</{tag}>")]
            out.append(notes.aside())
            out += [self._act_unit(c, notes, level + 1) for c in u.children]
            out.append(Markup("</section>"))
            return Markup("\n").join(out)
        if u.kind == "ikraft":
            lines = Markup("").join(Markup("<p>") + notes.line(b) + Markup("</p>") for b in u.intro if isinstance(b, Line))
            return Markup('<section class="ikraft" id="{}">').format(u.eid) + lines + Markup("</section>") + notes.aside()
        return Markup("")

    def _section_html(self, u: Unit, notes: Notes, level: int) -> Markup:
        """A § of an act page. The same § stands unchanged in many versions of an act (every
        version page shows the whole act): a § without footnotes is rendered once per content
        and level. The key is the pickle of the unit's whole tree (every field of every unit,
        line and table: equal bytes, equal HTML); a § with a footnote is always rendered, since
        its markers are numbered on the page, and so is one where a unit of the § is not the
        one `notes` finds under its wid (a wid that stands twice in the act)."""
        cacheable = all(notes.units.get(x.wid) is x and not any(
            isinstance(b, Line) and b.notes for b in x.intro + x.wrapup) for x in u.walk())
        key = None
        if cacheable:
            key = (hashlib.sha256(pickle.dumps(u, protocol=pickle.HIGHEST_PROTOCOL)).digest(), level)
            hit = self._sections.get(key)
            if hit is not None:
                return hit
        html = runit_html(_same(u), permalinks=True, notes=notes, level=level) + notes.aside()
        if key is not None:
            if len(self._sections) >= _SECTION_CACHE:  # a long-lived builder (`lawdiff serve`): bounded
                self._sections.clear()
            self._sections[key] = html
        return html

    def compare_page(self, old: Act, new: Act) -> None:
        path = compare_path(new.law, old.date, new.date)
        red = compare(old, new)
        linked = new.consolidation is not None and new.consolidation.base == old.key
        if linked:  # versions linked by consolidation: every change names its act and nummer
            history.attribute(red, new)
        touched = red.touched_sections()
        live = live_eids(red.units)
        notes = Notes({u.wid: u for act in (old, new) for u in act.walk()}, "fn")  # the new version wins
        # the changed §§ with their chapter, each linked to the act page it stands on
        units = {}
        parents: dict[str, Unit | None] = {}
        for act in (old, new):  # the new version wins
            for top in act.body:
                _parents(top, None, parents)
            units.update((u.wid, (u, act)) for u in act.walk())
        groups: list[dict] = []
        for s in touched:
            u, act = units[s.wid]
            chain = ancestry(u, parents)
            chapter = next((a for a in chain if a.kind in ("chapter", "part")), None)
            context = " ".join(x for x in ((chapter.label or "").strip() if chapter else "",
                                           chapter.heading.text if chapter and chapter.heading else "") if x)
            if not groups or groups[-1]["context"] != context:
                groups.append({"context": context, "sections": []})
            status = {"inserted": "ny", "repealed": "ophævet"}.get(s.status, "flyttet" if s.moved_from else "ændret")
            groups[-1]["sections"].append({"r": s, "status": status, "anchor": anchor_of(s, "", live),
                                           "act_href": _rel(path, act_path(act)) + f"#{u.eid}"})
        ref_href = (lambda c: _rel(path, history.history_path(new.law))) if linked else None
        title = f"{_cap(new.title)}: ændringer fra {long_date(old.date)} til {long_date(new.date)}"
        html = self.render("compare.html", path, title=title, old=old, new=new, groups=groups,
                           sections=[runit_html(s, level=3, live=live, notes=notes, ref_href=ref_href) + notes.aside()
                                     for s in touched],
                           old_href=_rel(path, act_path(old)), new_href=_rel(path, act_path(new)),
                           annexes=[{"r": a, "html": annex_html(a, level=3, ref_href=ref_href),
                                     "status": {"inserted": "nyt", "repealed": "ophævet"}.get(a.status, "ændret"),
                                     "act_href": _rel(path, act_path(old if a.status == "repealed" else new))
                                     + f"#{a.wid}"}
                                    for a in red.annexes],
                           annexes_unread=red.annexes_unread)
        self.site.add(path, html)

    def history_page(self, versions: list[Act]) -> None:
        law, path = versions[-1].law, history.history_path(versions[-1].law)
        prev = {v.key: versions[i - 1] for i, v in enumerate(versions) if i}
        html = self.render("history.html", path, title=f"Historik: {_cap(versions[-1].title)}",
            heading=versions[-1].title, entries=history.timeline(
            self.root, law, versions, self.amendments), act_href=lambda v: _rel(path, act_path(v)),
            compare_href=lambda v: _rel(path, compare_path(law, prev[v.key].date, v.date)) if v.key in prev else None)
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

        anchors = {law: _change_anchors(lr) for law, lr in result.laws.items()}
        # the touched §§ of each act once, with the forslag that change each (linear, not items × §§)
        touched = {law: [(s, items_in(s)) for s in _shown_units(red)] for law, red in reds.items()}
        lives = {law: live_eids(red.units) for law, red in reds.items()}
        items = []
        for item in prop.items:
            per_law = []
            for law, red in reds.items():
                secs = [(s, nums) for s, nums in touched[law] if item.number in nums]
                if secs:
                    html = []
                    for s, nums in secs:
                        if s.kind == "title":
                            html.append(title_html(s.heading, item=item.number))
                            continue
                        if s.kind != "section":  # a heading alone (_shown_units)
                            html.append(heading_html(s, item=item.number))
                            continue
                        others = sorted(nums - {item.number})
                        if others:  # the other forslag's changes are consolidated text here, and said so
                            de = "det" if len(others) == 1 else "de"
                            html.append(Markup('<p class="andre">') + esc(
                                f"{s.cite()} vises, som den lyder med {_forslag_list(others)} gennemført: "
                                f"tekst, som {de} indsætter, er understreget med prikker; tekst, som {de} "
                                f"sletter, er udeladt.") + Markup("</p>"))
                        html.append(runit_html(s, f"f{item.number}-", ref_href, item=item.number, level=5,
                                               live=lives[law]))
                    per_law.append({"law": law, "act": result.laws[law].base, "html": Markup("\n").join(html)})
                annexes = [a for a in red.annexes if item.number in items_in(a)]
                if annexes:  # the annexes the forslag changes, after its §§
                    html = [annex_html(a, level=5, ref_href=ref_href, item=item.number, prefix=f"f{item.number}-")
                            for a in annexes]
                    if per_law and per_law[-1]["law"] == law:
                        per_law[-1]["html"] += Markup("\n") + Markup("\n").join(html)
                    else:
                        per_law.append({"law": law, "act": result.laws[law].base, "html": Markup("\n").join(html)})
            links = []
            for c in item.changes:
                target = anchors[c.law].get(id(c))
                if target:
                    links.append({"change": c, "href": f"#f{item.number}-{target}",
                                  "label": c.get("i") or c.get("affattes") or c.get("ophæves")
                                  or c.get("overskrift") or c.get("som") or c.get("efter") or c.get("før")
                                  or ("overalt i loven" if c.get("overalt") else ""), "law": c.law})
            items.append({"item": item, "laws": per_law, "links": links})
            self.search.append({"t": f"Forslag {item.number}. {item.title} · {prop.title}",
                                "u": f"{path}#forslag-{item.number}", "x": item.remarks or ""})
        self.search.append({"t": f"{prop.title} ({prop.organisation})", "u": path, "x": prop.remarks or ""})
        groups: list[list] = []
        for row in rows:  # a § of the act with its sub-rows (one per place a nummer acts on)
            if row.cont and groups:
                groups[-1].append(row)
            else:
                groups.append([row])
        lf_annexes = annex_sections(lf.annexes, Notes({}, "lf-fn"), "lf-", level=3)
        kw = dict(prop=prop, result=result, items=items, lf=lf, lf_annexes=lf_annexes, rows=rows, bilag_groups=groups, specielle=_specielle(lf, prop),
                  base_href=lambda act: _rel(path, act_path(act)) if self.store.path(act.law, act.date).exists() else None,
                  pdf_href=f"{prop.slug}.pdf" if self.pdf else None,
                  docx_href=f"{prop.slug}.docx" if (self.with_docx or self.docx_link) else None)
        # on the site the reader starts with the bemærkninger; the PDF is ordered as a lovforslag
        title = f"{prop.title} – forslag fra {prop.organisation}, {long_date(prop.date)}"
        html = self.render("proposal.html", path, title=title, order=WEB_ORDER, **kw)
        pdf_html = self.render("proposal.html", path, title=title, order=PDF_ORDER, for_pdf=True, **kw)
        docx = render_docx(result, lf, rows, reds) if self.with_docx else None
        self.site.add(path, html, prop.date, pdf_html, docx)

    def index_page(self, acts: dict[str, list[Act]], results: list[Result]) -> None:
        path = "index.html"
        compares = {law: [(a, b, _rel(path, compare_path(law, a.date, b.date))) for a, b in zip(vs, vs[1:])]
                    for law, vs in acts.items()}
        html = self.render("index.html", path, title="Love og lovforslag", acts=acts, results=results,
                           compares=compares, cap=_cap,
                           history_href=lambda law: _rel(path, history.history_path(law)),
                           act_href=lambda a: _rel(path, act_path(a)),
                           proposal_href=lambda r: _rel(path, proposal_path(r.proposal.slug)))
        self.site.add(path, html)

    def static(self) -> None:
        """The reader's script and the search index, as files of the site (no network, no server)."""
        from importlib import resources

        js = (resources.files("lawdiff") / "static" / "lawdiff.js").read_text("utf-8")
        self.site.add("static/lawdiff.js", js)
        data = json.dumps(self.search, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        self.site.add("static/soeg.js", "window.LAWDIFF_SOEG = " + data.replace("</", "<\\/") + ";\n")

    def law_job(self, acts: dict[str, list[Act]], job: tuple) -> tuple[list, list]:
        """One piece of the acts' pages: ("act", law, i) = version i's page and its compare page
        with version i - 1; ("history", law) = the law's history page. Returns (pages, search
        entries) and leaves this builder's own site as it was."""
        site, search = self.site, self.search
        self.site, self.search = Site(), []
        try:
            versions = acts[job[1]]
            if job[0] == "act":
                i = job[2]
                previous = versions[i - 1] if i else None
                self.act_page(versions[i], previous, versions)
                if previous is not None:
                    self.compare_page(previous, versions[i])
            else:
                self.history_page(versions)
            return self.site.pages, self.search
        finally:
            self.site, self.search = site, search

    def build(self) -> Site:
        with gcpause.keeping():
            # every version of every act stays loaded until the end: out of the cyclic collector's
            # reach, which otherwise scanned them all again on full collections while they were
            # read and while the pages were rendered; handed back to it at the end
            acts = self.acts(keep=True)
            with self.amendments.snapshot():
                self._build(acts)
        return self.site

    def _build(self, acts: dict[str, list[Act]]) -> None:
        jobs = [j for law, versions in acts.items()
                for j in [("act", law, i) for i in range(len(versions))] + [("history", law)]]
        for pages, search in _run_jobs(self, acts, jobs):  # in the order of `jobs`: the same site every time
            self.site.pages += pages
            self.search += search
        results = []
        folder = self.root / "proposals"
        for f in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
            results.append(run(load_proposal(f), self.store))
        for r in results:
            self.proposal_page(r)
        self.index_page(acts, results)
        self.static()


_FORKED: tuple | None = None  # (builder, acts) for the workers of _run_jobs, inherited by fork


def _jobs(group: list[tuple]) -> list[tuple[list, list]]:
    builder, acts = _FORKED
    return [builder.law_job(acts, job) for job in group]


def _run_jobs(builder: _Builder, acts: dict[str, list[Act]], jobs: list[tuple]):
    """The acts' pages, on every core where the system can fork (the workers share the loaded
    acts with this process and send back only the pages); else one after the other. Results
    come in the order of `jobs`, so the site is the same either way. A worker takes all the jobs
    of one act at a time, so that its § cache (_section_html) serves every version of the act."""
    global _FORKED
    import multiprocessing

    from .publish import _workers

    workers = _workers(len(jobs))
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods() or sum(
            len(v) for v in acts.values()) < 4:
        return [builder.law_job(acts, j) for j in jobs]
    from concurrent.futures import ProcessPoolExecutor

    _FORKED = (builder, acts)
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            groups: list[list[tuple]] = []
            for j in jobs:  # runs of jobs of one act, in the order of `jobs`
                if groups and groups[-1][0][1] == j[1]:
                    groups[-1].append(j)
                else:
                    groups.append([j])
            return [r for done in pool.map(_jobs, groups) for r in done]
    finally:
        _FORKED = None


def _cap(text: str) -> str:
    """"lov om en aktiv …" -> "Lov om en aktiv …" (str.capitalize would lower the rest)."""
    return text[:1].upper() + text[1:]


def _shown_units(red) -> list:
    """What a forslag's section shows of one act: the title when it changes, then in document order
    every changed § and every changed heading (the heading alone, without the §§ under it)."""
    from ..redline import replace

    out = []
    if red.title is not None:
        out.append(redline.RUnit("", "title", redline.CHANGED, None, None, None, None, "", heading=red.title))
    for u in red.touched_units():
        out.append(u if u.kind == "section" else replace(u, children=[], intro=[], wrapup=[]))
    return out


def _forslag_list(nums: list[int]) -> str:
    strs = [str(n) for n in nums]
    return "forslag " + (strs[0] if len(strs) == 1 else ", ".join(strs[:-1]) + " og " + strs[-1])


def _parents(u: Unit, parent: Unit | None, out: dict) -> None:
    out[u.wid] = parent
    for c in u.children:
        _parents(c, u, out)


def _annexes(act: Act, notes: Notes) -> Markup:
    """The act's annexes (bilag) after the law text: label, heading lines, lines and tables in
    order, each annex's footnotes after it. (A compare page shows the annexes' redline: annexdiff.py.)"""
    return annex_sections(act.annexes, notes)


def annex_sections(annexes: list, notes: Notes, prefix: str = "", level: int = 2) -> Markup:
    """Annexes as sections, each with its id (annexdiff.anchors, as a compare page links to it;
    `prefix` before it: a lovforslag's own annexes, "lf-bilag-1")."""
    from ..annexdiff import anchors

    out = []
    for a, ident in zip(annexes, anchors(annexes)):
        ident = prefix + ident
        parts = [Markup('<section class="bilag" id="{}">').format(ident),
                 Markup("<h{0}>{1}</h{0}>").format(level, a.label or "Bilag")]
        parts += [Markup('<p class="bilag-overskrift">{}</p>').format(notes.line(h)) for h in a.headings]
        for b in a.body:
            if isinstance(b, Line):
                parts.append(Markup("<p>{}</p>").format(notes.line(b)))
                continue
            rows = []
            for row in b.rows:
                cells = []
                for c in row:
                    tag = "th" if c.header else "td"
                    span = (Markup(' colspan="{}"').format(c.colspan) if c.colspan != 1 else Markup("")) + \
                        (Markup(' rowspan="{}"').format(c.rowspan) if c.rowspan != 1 else Markup(""))
                    cells.append(Markup("<{0}{1}>{2}</{0}>").format(Markup(tag), span, c.text))
                rows.append(Markup("<tr>") + Markup("").join(cells) + Markup("</tr>"))
            parts.append(Markup('<table class="bilag-tabel">') + Markup("").join(rows) + Markup("</table>"))
        parts += [notes.aside(), Markup("</section>")]
        out.append(Markup("\n").join(parts))
    return Markup("\n").join(out)


def _preamble(lines: list[Line], notes: Notes) -> list[Markup]:
    """The indledning as paragraphs. Where the source breaks a sentence at a footnote (LBK
    807/2015: "… lov nr. 720 af 25. juni 2014" [note] ", § 1 i lov nr. 1486 …"), the
    importer keeps two lines; they are one paragraph here, the marker in its place."""
    paras: list[Markup] = []
    for ln in lines:
        h = notes.line(ln)
        if paras and re.match(r"^[,.;:)]", ln.text.lstrip()):
            paras[-1] += h
        else:
            paras.append(h)
    return paras


def _nums_text(nums: list[int]) -> str:
    """'2', '2 og 3', '2-4', '2, 3 og 7' for "Til nr. …"."""
    if len(nums) > 2 and nums == list(range(nums[0], nums[-1] + 1)):
        return f"{nums[0]}-{nums[-1]}"
    strs = [str(n) for n in nums]
    return strs[0] if len(strs) == 1 else ", ".join(strs[:-1]) + " og " + strs[-1]


def _specielle(lf, prop) -> list[dict]:
    """Bemærkninger til lovforslagets enkelte bestemmelser: "Til § k", then "Til nr. …" per forslag.

    The forslag's own bemærkninger stand once, under "Forslagene"; here each entry names the
    forslag it carries out and points there, so no text is printed two or three times."""
    out = []
    items = {it.number: it for it in prop.items}
    seen: dict[int, str] = {}
    for para in lf.paragraffer:
        by_item: dict[int, list[int]] = {}
        for nr in para.numre:
            for c in [nr.change, *getattr(nr, "also", [])]:  # a nummer may group changes of several forslag
                if nr.n not in by_item.setdefault(c.item, []):
                    by_item[c.item].append(nr.n)
        entries = []
        for i, ns in sorted(by_item.items(), key=lambda x: x[1][0]):
            entries.append({"nums": _nums_text(ns), "count": len(ns), "item": items[i], "first": i not in seen,
                            "first_ref": seen.get(i)})
            seen.setdefault(i, f"Til § {para.n}, nr. {_nums_text(ns)}")
        out.append({"para": para, "entries": entries})
    return out


def _change_anchors(lr) -> dict[int, str]:
    """id(change) -> the eId (in the result, else in the base) of the unit it acts on, for links
    from the bemærkning. One pass over each act: linear in the size of act and proposal."""
    eids: dict[str, str] = {}
    for act in (lr.base, lr.new):  # the result wins
        eids.update((u.wid, u.eid) for u in act.walk())
    from ..annexdiff import target_wid

    out = {}
    for p in lr.placements:
        if p.what == "annex" and p.targets:  # the annex's redline (annexdiff: its id, "bilag-2")
            out.setdefault(id(p.change), target_wid(p.targets[0]))
            continue
        wid = p.new_wids[0] if p.new_wids else (p.targets[0] if p.targets else None)
        if wid in eids:
            out.setdefault(id(p.change), eids[wid])
    return out


def build_site(root: Path, out: Path, pdf: bool = True, only: list[str] | None = None,
               cache: Path | None = None) -> list[str]:
    """Build the site into `out`; with `only` (proposal files), just those proposals' pages and
    PDFs, keeping every other file of the current site. Returns the files written (a
    publish.Stats, which also counts the PDFs rendered and taken from the cache)."""
    b = _Builder(root, pdf)
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
