"""Safety net for import optimisations: hash what `lawdiff import lexdania` writes for every
corpus document, and compare with an earlier run.

Run: python benchmarks/import_hashes.py OUT.json [--against EARLIER.json] [--corpus DIR] [--limit N]
Writes {file: {"akn": sha256, "yaml": sha256, "linked": sha256, "repairs": sha256, …}} for every
document: the Akoma Ntoso bytes of each act version (after `unique_keys`, as the store would get
them), the amendment YAML of each amending act (and of each original act holding ændringsnumre)
as read ("yaml") and after linking it to a temporary store holding every act version ("linked",
with the link notes), the reader's warnings and refused numre, and the repair warnings. With --against, lists every document whose output differs and
exits 1 if any does. Keep the JSON files outside the repository (e.g. /tmp).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path

from lawdiff import akn
from lawdiff.errors import LawdiffError
from lawdiff.importers import amending
from lawdiff.importers.lexdania import read_lexdania, unique_keys
from lawdiff.store import Store


def _h(b: bytes | str) -> str:
    return hashlib.sha256(b.encode() if isinstance(b, str) else b).hexdigest()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--against")
    ap.add_argument("--corpus", default=str(Path(__file__).resolve().parents[2] / "shared/corpus/lexdania"))
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    files = sorted(Path(args.corpus).glob("*/*.xml"))
    if args.limit:
        files = files[:args.limit]
    out: dict[str, dict[str, str]] = {}
    results = []
    amending_acts = []
    for f in files:
        data = f.read_bytes()
        name = str(f.relative_to(args.corpus))
        entry: dict[str, str] = {}
        try:
            res = read_lexdania(data, str(f))
            entry["repairs"] = _h("\n".join(res.repairs) + repr(res.dropped))
            results.append((name, res))
        except LawdiffError as e:
            entry["error"] = _h(str(e))
        if b"<AendringsNummer" in data or b"<DocumentType>LOV \xc3\x86" in data:
            try:
                act = amending.read_amending(data, str(f))
                entry["yaml"] = _h(amending.dump(act.doc))
                entry["amending_notes"] = _h("\n".join(act.warnings + ["--"] + act.refused) + f"\n{act.numre}")
                amending_acts.append((name, act))
            except LawdiffError as e:
                entry["yaml_error"] = _h(str(e))
        out[name] = entry
    unique_keys([r for _, r in results], lambda law, date: None)
    for name, res in results:
        if res.act is not None:
            out[name]["akn"] = _h(akn.to_bytes(res.act))
            out[name]["key"] = res.act.key
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(tmp)
        for _, res in results:
            if res.act is not None:
                store.save(res.act)
        for name, act in amending_acts:
            notes = amending.link(act.doc, store)
            out[name]["linked"] = _h(amending.dump(act.doc) + "\n".join(notes))
    Path(args.out).write_text(json.dumps(out, indent=0, sort_keys=True))
    print(f"{len(out)} documents: {sum('akn' in e for e in out.values())} AKN, "
          f"{sum('yaml' in e for e in out.values())} YAML, {sum('error' in e for e in out.values())} errors")
    if args.against:
        old = json.loads(Path(args.against).read_text())
        diff = sorted(k for k in set(old) | set(out) if old.get(k) != out.get(k))
        for k in diff:
            print(f"DIFFERS: {k}: {old.get(k)} != {out.get(k)}")
        print(f"{len(diff)} of {len(out)} documents differ from {args.against}")
        return 1 if diff else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
