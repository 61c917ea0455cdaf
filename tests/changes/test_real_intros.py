"""The labelled hold-out set of real ændringsparagraf intros (tests/fixtures/real-intros, README.md
there): every intro read with lawdiff's intro reader (changes/intro.py), compared with the labels —
the amended act's title, the cited document's number, year and kind, and for format2 the "som
ændret" text inside the label — and printed back by the formal-text code (render/instructions.py,
amendment_lines) word for word. Labels found wrong by reading the sentence are corrected in
label-corrections.csv. Figures are printed for all lines and for the hold-out (intros not among the
corpus's <Exitus> texts).
"""
import collections
import csv
import io
import re
from pathlib import Path

import pytest
from lxml import etree

from lawdiff.changes import intro
from lawdiff.render.instructions import amendment_lines
from lawdiff.text import norm

FIXTURES = Path(__file__).parent.parent / "fixtures" / "real-intros"
_REF = re.compile(r"^(lovbekendtgørelse|bekendtgørelse|lov) nr\. (\d+) af \d{1,2}\. [a-z]+ (\d{4})$")
FIELDS = ("titel", "nummer", "år", "art", "som ændret")


def rows() -> list[tuple[str, list[str]]]:
    """(file name, [intro, number, year, title, kind]) for every data line, in file order."""
    out = []
    for path in sorted(FIXTURES.glob("20*.csv")):
        lines = path.read_text(encoding="utf-8").split("\n")
        assert lines[0].startswith("#TYPE ") and lines[1].startswith('"'), path
        for r in csv.reader(io.StringIO("\n".join(lines[2:])), delimiter=";"):
            if r:
                assert len(r) == 5, (path.name, r)
                out.append((path.name, r))
    return out


def corrections() -> dict[tuple[str, str, str], str]:
    """(file, intro, field) -> the corrected label (label-corrections.csv: each with the reason)."""
    with open(FIXTURES / "label-corrections.csv", encoding="utf-8") as f:
        return {(r["file"], r["intro"], r["field"]): r["corrected"] for r in csv.DictReader(f, delimiter=";")}


def labels(name: str, r: list[str]) -> dict[str, str | None]:
    """The labels of a line as field -> value; format2's titles of 2015 and 2016 run on to the colon
    ("om X, som ændret …, foretages følgende ændringer"): the title is the text before ", som ændret"
    or "[,] foretages", the som ændret text what lies between (README.md)."""
    text, number, year, title, kind = r
    som = None
    if "format2" in name and not title.startswith("Lov "):
        m = re.match(r"^(.*?)(?:, som ændret (.*?))?,? foretages følgende ændring(?:er)?$", title)
        assert m, (name, title)
        title, som = "lov " + m.group(1), m.group(2)
    elif "format2" in name:
        title = "l" + title[1:]  # 2012-format2, 2017-format2: "Lov om offentlighed i forvaltningen"
    out = {"titel": title, "nummer": number, "år": year, "art": kind}
    if "format2" in name and not r[3].startswith("Lov "):
        out["som ændret"] = som
    fixed = corrections()
    for field in FIELDS:
        key = (name, text, field)
        if key in fixed:
            out[field] = fixed[key] or None
    return out


def reading(d: dict) -> dict[str, str | None]:
    m = _REF.match(d["henvisning"])
    assert m, d["henvisning"]
    return {"titel": d["lovtitel"], "nummer": m.group(2), "år": m.group(3), "art": m.group(1),
            "som ændret": d.get("som_ændret")}


def printed(d: dict) -> str:
    """The intro as the formal text of an imported act prints it (render/instructions.amendment_lines)."""
    lines = amendment_lines({"titel": "Lov om ændring af …", "paragraffer": [{"nummer": "1", **d, "numre": []}]})
    return lines[lines.index("§ 1") + 2]


def corpus_intros(corpus_files) -> set[str]:
    out = set()
    for f in corpus_files:
        root = etree.parse(str(f)).getroot()
        out.update(norm("".join(ex.itertext())) for ex in root.iter("Exitus"))
    return out


@pytest.mark.corpus
def test_real_intros(corpus_files):
    seen = corpus_intros(corpus_files)
    figures = {"all": collections.Counter(), "hold-out": collections.Counter()}
    differing: list[str] = []
    for name, r in rows():
        text = r[0]
        groups = ["all"] + ([] if norm(text) in seen else ["hold-out"])
        try:
            d = intro.read(text)
        except Exception as e:  # a crash is counted and fails the test below
            for g in groups:
                figures[g]["crashes"] += 1
            differing.append(f"{name}: CRASH {type(e).__name__}: {e}: {text}")
            continue
        if d is None:
            for g in groups:
                figures[g]["refused"] += 1
            print(f"refused ({name}): {text}\n  {intro.refusal(text)}")
            continue
        got, want = reading(d), labels(name, r)
        bad = [f for f in FIELDS if f in want and got[f] != want[f]]
        if printed(d) != text:
            bad.append("printed back")
        for g in groups:
            figures[g]["read"] += 1
            figures[g]["read, agreeing" if not bad else "read, differing"] += 1
            for f in bad:
                figures[g][f"differing: {f}"] += 1
        if bad:
            differing.append(f"{name}: {', '.join(f'{f}: {got.get(f)!r} (label {want.get(f)!r})' for f in bad)}"
                             f"\n  {text}")
        if d.get("som_ændret"):  # the som ændret text is a list of acts, every act of the text in it
            acts = intro.amended_by(d["som_ændret"])
            if acts is None:  # refused: "ved § 1 i lov nr. 624 af 8. juni af 2016 og …" (a typo in the source)
                figures["all"]["som ændret, not read as a list of acts"] += 1
                print(f"som ændret not read as a list of acts ({name}): {d['som_ændret']}")
            elif len(acts) != len(re.findall(r"lov nr\. \d+ af", d["som_ændret"])):
                differing.append(f"{name}: som ændret read as {acts}: {d['som_ændret']}")
    print(f"\nlabels corrected by reading the sentence (label-corrections.csv): {len(corrections())}")
    for g, c in figures.items():
        total = sum(c[k] for k in ("read", "refused", "crashes"))
        print(f"\nreal intros ({g}): {total} lines: {c['read']} read ({c['read, agreeing']} agreeing with the "
              f"labels, {c['read, differing']} differing), {c['refused']} refused, {c['crashes']} crashes")
        for k in sorted(k for k in c if k.startswith("differing:") or k.startswith("som ")):
            print(f"  {k}: {c[k]}")
    print("\n".join(differing))
    assert figures["all"]["read"] + figures["all"]["refused"] == len(rows()) == 577
    assert figures["hold-out"]["read"] + figures["hold-out"]["refused"] >= 198
    assert not differing
    assert figures["all"]["refused"] == 0
    assert figures["all"]["som ændret, not read as a list of acts"] <= 1
