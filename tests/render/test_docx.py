"""`lawdiff docx`: the .docx read back as XML, independently of the writer.

The oracle for the tracked part is the engine: accepting every tracked change must give the
consolidated act's text of every § `lawdiff apply` lists (and the text `lawdiff apply` prints),
rejecting every one the base act's text, word for word.
"""
from __future__ import annotations

import io
import json
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from lawdiff.cli import main
from lawdiff.engine import run
from lawdiff.errors import LawdiffError
from lawdiff.proposal import load_proposal
from lawdiff.render import docx as rdocx
from lawdiff.render.bilag import bilag
from lawdiff.render.instructions import build_lovforslag
from lawdiff.render.text import unit_lines
from lawdiff.tokendiff import DELETE, INSERT

from ..conftest import ROOT

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
PROPOSALS = sorted((ROOT / "proposals").glob("*.yaml"))
# besides the proposals: one change of every lovteknik template (new first stk., repealed units,
# chapters, headings …) and a real amending act (a new afsnit with §§)
ALL = PROPOSALS + [ROOT / "tests" / "fixtures" / "templates.yaml"] + sorted((ROOT / "amendments").glob("*.yaml"))
DS = ROOT / "proposals" / "ds-11-forslag-ressourceforloeb.yaml"


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


@pytest.fixture(scope="module")
def made(store):
    """proposal path -> (result, docx bytes)."""
    out = {}
    for f in ALL:
        result = run(load_proposal(f), store)
        out[f] = (result, rdocx.render_docx(result))
    return out


def _xml(data: bytes, name: str):
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(name))


# --- reading tracked changes back, the way Word's Accept all / Reject all do ------------

def _para_text(p, side: str) -> str:
    out = []
    for el in p.iter(q("t"), q("delText")):
        inside_ins = any(a.tag == q("ins") for a in el.iterancestors())
        inside_del = any(a.tag == q("del") for a in el.iterancestors())
        if side == "new" and not inside_del and el.tag == q("t"):
            out.append(el.text or "")
        if side == "old" and not inside_ins:
            out.append(el.text or "")
    return "".join(out)


def _mark(p) -> str | None:
    rpr = p.find("w:pPr/w:rPr", NS)
    if rpr is None:
        return None
    if rpr.find("w:ins", NS) is not None:
        return "ins"
    if rpr.find("w:del", NS) is not None:
        return "del"
    return None


def _side_lines(paras, side: str) -> list[str]:
    """Paragraph texts after accepting (new) or rejecting (old) everything: a removed paragraph
    mark joins the paragraph to the next."""
    gone = "del" if side == "new" else "ins"
    out, buf = [], ""
    for p in paras:
        buf += _para_text(p, side)
        if _mark(p) != gone:
            out.append(buf)
            buf = ""
    if buf:
        out.append(buf)
    return out


def _style_id(doc_xml, name: str, styles) -> str:
    for s in styles.findall("w:style", NS):
        if s.find("w:name", NS).get(q("val")) == name:
            return s.get(q("styleId"))
    raise AssertionError(name)


def _tracked_part(data: bytes) -> dict[str, list]:
    """Title paragraph text of each act -> its paragraphs in the part "Lovteksten med ændringerne"."""
    doc = _xml(data, "word/document.xml")
    styles = _xml(data, "word/styles.xml")
    h1 = _style_id(doc, "heading 1", styles)
    law_heading = _style_id(doc, "Lovens titel", styles)
    body = doc.find("w:body", NS)
    parts: dict[str, list] = {}
    inside = False
    current = None
    for p in body.findall("w:p", NS):
        style = p.find("w:pPr/w:pStyle", NS)
        sid = style.get(q("val")) if style is not None else None
        text = "".join(t.text or "" for t in p.iter(q("t")))
        if sid == h1:
            inside = text == "Lovteksten med ændringerne"
            continue
        if not inside:
            continue
        if sid == law_heading:
            current = parts.setdefault(text, [])
        elif current is not None:
            current.append(p)
    return parts


def _apply_json(capsys, path: Path) -> dict:
    assert main(["--root", str(ROOT), "apply", str(path), "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def _units(act) -> dict:
    return {u.wid: u for u in act.walk()}


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_accept_all_gives_the_consolidated_text_and_reject_all_the_law_in_force(path, made, capsys):
    result, data = made[path]
    model = _apply_json(capsys, path)
    parts = _tracked_part(data)
    assert len(parts) == len([law for law, v in model["laws"].items() if v["sections"]])
    checked = 0
    for law, info in model["laws"].items():
        lr = result.laws[law]
        title = f"{lr.base.title[:1].upper()}{lr.base.title[1:]} ({lr.base.source})"
        paras = parts[title]
        old_units, new_units = _units(lr.base), _units(lr.new)
        want_old, want_new = [], []
        for s in info["sections"]:
            if s["status"] != "inserted":
                want_old += [ln.strip() for ln in unit_lines(old_units[s["wid"]])]
            if s["status"] != "repealed":
                want_new += [ln.strip() for ln in unit_lines(new_units[s["wid"]])]
            checked += 1
        assert _side_lines(paras, "new") == want_new, law
        assert _side_lines(paras, "old") == want_old, law
        # and tracked changes there are: every inserted and deleted segment of the model
        ins = "".join(t.text or "" for p in paras for t in p.iterfind(".//w:ins/w:r/w:t", NS))
        dels = "".join(t.text or "" for p in paras for t in p.iterfind(".//w:del/w:r/w:delText", NS))
        for s in info["sections"]:
            for seg in _segments(s):
                if seg["op"] == "insert":
                    assert seg["text"] in ins
                elif seg["op"] == "delete":
                    assert seg["text"] in dels
    print(f"\n{path.stem}: {checked} §§ checked, accept-all = consolidated text, reject-all = law in force")
    assert checked


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_accept_all_equals_what_lawdiff_apply_prints(path, made, capsys):
    """The text output of `lawdiff apply` with its insertions kept and deletions dropped."""
    result, data = made[path]
    assert main(["--root", str(ROOT), "apply", str(path)]) == 0
    printed = capsys.readouterr().out
    parts = _tracked_part(data)
    blocks: dict[str, list[str]] = {}
    current: list[str] = []
    for ln in printed.split("\n"):
        head = ln.split(":")[0]
        if head in result.laws and ln.startswith(f"{head}: {result.laws[head].base.title} ("):
            current = blocks.setdefault(head, [])
        else:
            current.append(ln)
    for law, lr in result.laws.items():
        lines = blocks[law]
        new = []
        for ln in lines:
            ln = re.sub(r"\[-.*?-\]", "", ln)
            ln = re.sub(r"\+\] \((ny|ophævet)\)", "+]", ln)
            ln = re.sub(r"\[\+(.*?)\+\]", r"\1", ln).strip()
            if ln:
                new.append(ln)
        title = f"{lr.base.title[:1].upper()}{lr.base.title[1:]} ({lr.base.source})"
        assert _side_lines(parts[title], "new") == new, law


def _segments(runit: dict):
    for key in ("heading",):
        yield from runit.get(key) or []
    for b in runit.get("intro", []) + runit.get("wrapup", []):
        yield from b
    for c in runit.get("children", []):
        yield from _segments(c)


def test_every_forslag_bemaerkninger_are_comments_on_its_changes(made, capsys):
    result, data = made[DS]
    model = _apply_json(capsys, DS)
    comments = _xml(data, "word/comments.xml")
    text_of = {c.get(q("id")): " ".join("".join(t.text or "" for t in p.iter(q("t")))
                                        for p in c.findall("w:p", NS))
               for c in comments.findall("w:comment", NS)}
    for c in comments.findall("w:comment", NS):
        assert c.get(q("author")) == "Dansk Socialrådgiverforening"
        assert c.get(q("date")).startswith("2017-02-01T00:00:00")
    # which comments are open around each tracked change, in document order
    doc = _xml(data, "word/document.xml")
    open_ids: set[str] = set()
    tracked: list[tuple[str, str, frozenset]] = []
    for el in doc.iter(q("commentRangeStart"), q("commentRangeEnd"), q("ins"), q("del")):
        if el.tag == q("commentRangeStart"):
            open_ids.add(el.get(q("id")))
        elif el.tag == q("commentRangeEnd"):
            open_ids.discard(el.get(q("id")))
        elif el.getparent().tag != q("rPr"):  # not a paragraph mark
            text = "".join(t.text or "" for t in el.iter(q("t"), q("delText")))
            tracked.append((el.tag, text, frozenset(open_ids)))
    refs = {r.get(q("id")) for r in doc.iter(q("commentReference"))}
    assert refs == set(text_of)
    items = {it.number: it for it in result.proposal.items}
    seen_items = set()
    n = 0
    for info in model["laws"].values():
        for s in info["sections"]:
            for seg in _segments(s):
                if seg["op"] == "equal" or not seg.get("change"):
                    continue
                item = items[int(seg["change"].split(".")[0])]
                first_words = " ".join(item.remarks.replace("*", "").split())[:60]
                tag = q("ins") if seg["op"] == "insert" else q("del")
                hits = [ids for t, text, ids in tracked if t == tag and text == seg["text"]
                        and any(text_of[i].startswith(f"Forslag {item.number}. {item.title}")
                                and first_words in text_of[i] for i in ids)]
                assert hits, (seg, item.number)
                seen_items.add(item.number)
                n += 1
    with_changes = {it.number for it in result.proposal.items if it.changes}
    assert seen_items == with_changes
    print(f"\n{n} tracked segments inside a comment holding their forslag's bemærkninger; "
          f"{len(text_of)} comments for forslag {sorted(with_changes)}")


def test_tracked_changes_carry_author_and_date(made):
    result, data = made[DS]
    doc = _xml(data, "word/document.xml")
    revs = list(doc.iter(q("ins"), q("del")))
    assert len(revs) > 20
    assert {r.get(q("author")) for r in revs} == {"Dansk Socialrådgiverforening"}
    assert {r.get(q("date")) for r in revs} == {"2017-02-01T00:00:00Z"}
    ids = [r.get(q("id")) for r in revs]
    assert len(ids) == len(set(ids))


def test_python_docx_opens_it_with_styles_language_and_footer(made):
    import docx

    result, data = made[DS]
    d = docx.Document(io.BytesIO(data))
    texts = [p.text for p in d.paragraphs]
    lf = build_lovforslag(result)
    assert "Forslag" in texts and lf.title in texts
    sect = [p for p in d.paragraphs if p.text == "§ 1"]
    assert sect and sect[0].style.name == "Paragraf"
    assert sect[0].style.paragraph_format.alignment == 1  # centred by the style, not directly
    assert sect[0].paragraph_format.alignment is None
    assert len(list(d.comments)) >= 7
    assert d.core_properties.created.isoformat().startswith("2017-02-01")
    assert d.core_properties.author == "Dansk Socialrådgiverforening"
    styles = _xml(data, "word/styles.xml")
    lang = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(q("val")) == "da-DK"
    labels = _xml(data, "word/document.xml").findall(".//w:rStyle", NS)
    assert {"Stykkenummer", "Paragrafnummer"} <= {el.get(q("val")) for el in labels}
    footer = [n for n in zipfile.ZipFile(io.BytesIO(data)).namelist() if n.startswith("word/footer")]
    fx = _xml(data, footer[0])
    assert "".join(t.text for t in fx.iter(q("t"))).startswith("Side 1 af 1")
    assert [t.text.strip() for t in fx.iter(q("instrText"))] == ["PAGE", "NUMPAGES"]


def test_bilag_1_is_a_two_column_table(made):
    import docx

    result, data = made[DS]
    rows = bilag(build_lovforslag(result), result)
    d = docx.Document(io.BytesIO(data))
    [table] = d.tables
    assert len(table.columns) == 2
    assert [c.text for c in table.rows[0].cells] == ["Gældende formulering", "Lovforslaget"]
    assert len(table.rows) == len(rows) + 1
    for row, want in zip(table.rows[1:], rows):
        left, right = row.cells
        assert [p.text for p in left.paragraphs] == ([ln.strip() for ln in want.left] or [""])
        assert [p.text for p in right.paragraphs] == want.right


def test_same_proposal_same_bytes(made, store):
    result, data = made[DS]
    assert rdocx.render_docx(result) == data
    for info in zipfile.ZipFile(io.BytesIO(data)).infolist():
        assert info.date_time == (2017, 2, 1, 0, 0, 0)


def test_the_check_refuses_tracked_text_that_would_not_give_the_law(made):
    """The writer's own check can fail: a dropped deletion is caught before anything is written."""
    from lawdiff import redline

    result, _ = made[DS]
    lr = result.laws["lab"]
    red = redline.build(lr.base, lr.new, lr)
    sec = next(s for s in red.touched_sections()
               if any(p.op == DELETE for para in rdocx.section_paras(s) for p in para.pieces))
    paras = rdocx.section_paras(sec)
    units_old, units_new = _units(lr.base), _units(lr.new)
    rdocx._verify(paras, sec, units_old, units_new, "lab", "x.yaml")  # as written: fine
    victim = next(p for para in paras for p in para.pieces if p.op == DELETE)
    victim.op = INSERT
    with pytest.raises(LawdiffError, match="sporede ændringer giver ikke"):
        rdocx._verify(paras, sec, units_old, units_new, "lab", "x.yaml")


def test_cli_docx_writes_the_file(tmp_path, capsys):
    out = tmp_path / "ds.docx"
    assert main(["--root", str(ROOT), "docx", str(DS), "--out", str(out)]) == 0
    assert zipfile.is_zipfile(out)
    assert main(["--root", str(ROOT), "docx", str(tmp_path / "nope.yaml")]) == 1
    assert "nope.yaml:1:1: kan ikke læse" in capsys.readouterr().err


def _norm(s: str) -> str:
    return " ".join(s.replace("\u00ad", "").split())


def test_libreoffice_converts_it_and_the_pdf_holds_the_lovforslag_and_bilag_1(made, tmp_path):
    result, data = made[DS]
    src = tmp_path / "ds.docx"
    src.write_bytes(data)
    proc = subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--headless",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
                          capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    pdf = tmp_path / "ds.pdf"
    assert pdf.exists(), proc.stdout + proc.stderr
    text = _norm(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
    lf = build_lovforslag(result)
    assert _norm(f"Forslag til {lf.title}") in text
    for para in lf.paragraffer:
        assert _norm(para.intro) in text
        for nr in para.numre:
            assert _norm(f"{nr.n}. {nr.head}")[:50] in text
    assert _norm(lf.ikraft or "") in text
    assert "Bilag 1 Lovforslaget sammenholdt med gældende lov Gældende formulering Lovforslaget" in text
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    n = int(re.search(r"Pages:\s+(\d+)", pages).group(1))
    assert f"Side {n} af {n}" in text
    print(f"\nLibreOffice: {n} pages, lovforslag and Bilag 1 found in the PDF text")


def test_build_writes_the_docx_beside_each_proposals_pdf_and_links_it(built_site, made):
    for path in PROPOSALS:
        page = built_site / "forslag" / f"{path.stem}.html"
        docx_file = page.with_suffix(".docx")
        assert page.with_suffix(".pdf").exists() and docx_file.exists()
        assert f'href="{path.stem}.docx"' in page.read_text("utf-8")
        assert docx_file.read_bytes() == made[path][1]  # the same bytes as `lawdiff docx`
