"""`lawdiff apply` and `lawdiff check` on the repository's own proposals (the acceptance of issue 2)."""
import json

from lawdiff.cli import main
from tests.conftest import ROOT

DS = str(ROOT / "proposals/ds-11-forslag-ressourceforloeb.yaml")


def test_ds_proposal_on_lab(capsys):
    assert main(["--root", str(ROOT), "apply", DS, "--law", "lab"]) == 0
    out = capsys.readouterr().out
    assert ("herunder dokumentation for den forudgående indsats på disse områder"
            "[+ samt anbefaling til borgerens videre forløb+], og") in out
    # § 68 a: the new stk. 3 and 5 (forslag 10 and 1) and the followers renumbered
    assert "[+Stk. 3.+] [+Personer, der har været på kontanthjælp" in out
    assert "[-Stk. 3.-][+Stk. 4.+] Forud for visitation" in out
    assert "[+Stk. 5.+] [+Det er en betingelse for at tilbyde et ressourceforløb" in out
    assert "[-Stk. 9.-][+Stk. 11.+] For personer over 40 år gælder stk. [-1-7-][+1-9+] tilsvarende" in out
    assert "\x1b[" not in out  # no colours when not on a terminal


def test_ds_proposal_covers_all_11_forslag_and_4_laws(capsys):
    assert main(["--root", str(ROOT), "apply", DS, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data["laws"]) == {"lab", "organiseringsloven", "serviceloven", "sundhedsloven"}
    assert data["warnings"] == []
    changes = {c for law in data["laws"].values() for s in law["sections"] for c in _changes(s)}
    assert {c.split(".")[0] for c in changes} == {"1", "2", "3", "4", "7", "8", "10"}
    new = [s for s in data["laws"]["serviceloven"]["sections"] if s["status"] == "inserted"]
    assert [s["new"]["num"] for s in new] == ["141 a", "141 b"]


def _changes(u):
    yield from u.get("changes", [])
    for part in ("intro", "wrapup"):
        for block in u.get(part, []):
            for seg in block:
                if "change" in seg:
                    yield seg["change"]
    for c in u.get("children", []):
        yield from _changes(c)


def test_check_reports_the_conflict_and_passes(capsys):
    assert main(["--root", str(ROOT), "check"]) == 0
    out = capsys.readouterr().out
    assert "2 forslag kontrolleret: 0 fejl, 0 advarsler, 1 konflikt mellem forslag" in out
    assert "konflikt: lab@2016-11-21 § 68 a, stk. 4 berøres af både" in out
    assert "aftale-2020-ressourceforloeb.yaml" in out and "ds-11-forslag-ressourceforloeb.yaml" in out


def test_builds_on_applies_on_top(tmp_path, capsys):
    import shutil

    shutil.copytree(ROOT / "statutes", tmp_path / "statutes")
    props = tmp_path / "proposals"
    props.mkdir()
    shutil.copy(ROOT / "proposals/aftale-2020-ressourceforloeb.yaml", props / "a.yaml")
    (props / "b.yaml").write_text(
        'titel: B\norganisation: B\ndato: "2021-01-01"\nstatus: udkast\nbygger_på: a.yaml\n'
        'love:\n  lab: lab@2016-11-21\nforslag:\n  - titel: Endnu kortere\n    ændringer:\n'
        '      - i: "§ 68 a, stk. 4"\n        ændres: "3 års"\n        til: "2 års"\n', encoding="utf-8")
    assert main(["--root", str(tmp_path), "apply", str(props / "b.yaml")]) == 0
    out = capsys.readouterr().out
    assert "[-3 års-][+2 års+]" in out
    assert main(["--root", str(tmp_path), "check"]) == 0
    assert "0 konflikter" in capsys.readouterr().out  # b builds on a: no conflict


def test_apply_shows_heading_changes(tmp_path, capsys):
    """`apply` printed only §§: a rewritten chapter heading was executed but not shown (issue 8 §4)."""
    (tmp_path / "h.yaml").write_text(
        'titel: H\norganisation: H\ndato: "2021-01-01"\nstatus: udkast\n'
        'love:\n  lab: lab@2016-11-21\nforslag:\n  - titel: Ny overskrift\n    ændringer:\n'
        '      - overskrift: kapitel 12 a\n        tekst: Ressourceforløb og rehabilitering\n', encoding="utf-8")
    assert main(["--root", str(ROOT), "apply", str(tmp_path / "h.yaml")]) == 0
    out = capsys.readouterr().out
    assert "Kapitel 12 a Ressourceforløb[+ og rehabilitering+]" in out
    assert main(["--root", str(ROOT), "apply", str(tmp_path / "h.yaml"), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)["laws"]["lab"]
    assert data["sections"] == []
    (head,) = data["headings"]
    assert head["kind"] == "chapter" and head["new"]["num"] == "12 a" and head["changes"] == ["1.1"]
    assert {"op": "insert", "text": " og rehabilitering", "change": "1.1"} in head["heading"]
