"""The `lawdiff` command. Messages for users are Danish; exit status 1 on any error."""
from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: `diff` does not import argparse (build_parser does)
    import argparse

# Only what every command needs is imported here; each command imports the rest itself, so that
# e.g. `lawdiff diff` does not load the proposal reader, YAML and jsonschema (issue 9 §6: module
# imports, with their regular expressions compiled on each start, were most of the command's time).
from .errors import LawdiffError
from .store import Store, plain_date


def count(n: int, one: str, many: str) -> str:
    """validate.count ('1 konflikt', '2 konflikter', '1.000 …'), without importing validate (with
    datetime and unicodedata: ~2.5 ms of `lawdiff diff`'s start); tests/test_cli_diff_args.py
    holds the two equal."""
    return f"{n:,}".replace(",", ".") + " " + (one if n == 1 else many)


def _import_lexdania(store: Store, args) -> int:
    from .gcpause import gc_paused, kept, keeping
    from .importers.lexdania import unique_keys
    from .importers.official import read_official_file

    acts = amendments = failed = 0
    # read everything first, so that a failure leaves no half-written store; each file is parsed
    # once for the act version and the amendment file (importers/official.py)
    results = []
    read = []
    # the collector stays off for the whole loop (reading makes no reference cycles): turned on
    # after each document, it scanned that document's new objects once before kept() froze them
    # (0.2-0.5 s of the corpus import)
    with keeping(), gc_paused():
        for f in args.files:
            try:
                doc = read_official_file(f, law=args.law)
            except LawdiffError as e:
                failed += 1
                print(f"{f}: FEJL: {e}", file=sys.stderr)
                continue
            results.append(doc.result)
            read.append(doc)
            kept()  # what was read stays until the end: the collector need not scan it again
    # two different acts with the same short name and date must not overwrite each other
    for note in unique_keys(results, lambda law, date: store.load(f"{law}@{date}").source
                            if store.path(law, date).is_file() else None):
        print(f"  advarsel: {note}", file=sys.stderr)
    # an existing act version is replaced only with --force (as `apply --save-version`); nothing is
    # written when one would be overwritten
    made: dict[int, bytes] = {}  # id(act) -> its Akoma Ntoso bytes, made for the comparison: saved as they are
    clashes = [res for res in results if not res.amendment and not _may_write(store, res.act, args.force, made)]
    for res in clashes:
        print(f"{res.path}: FEJL: {res.act.key} findes allerede i {store.path(res.act.law, res.act.date)} "
              f"med et andet indhold\n  → brug --force for at erstatte den", file=sys.stderr)
    if clashes:
        print(f"intet importeret: {len(clashes)} eksisterende lovversion{'er' if len(clashes) != 1 else ''} "
              "ville blive overskrevet", file=sys.stderr)
        return 1
    for res, doc in zip(results, read):
        for note in res.repairs:
            print(f"  advarsel: {note}", file=sys.stderr)
        if res.amendment:
            amendments += 1
            failed += _write_amendment(store, res.path, args, doc)
            continue
        act = res.act
        path = store.save(act, made.pop(id(act), None))
        acts += 1
        print(f"{res.path}: {act.key} ({act.source}, {_section_count(act)} §§) → {path}")
        if doc.wants_amending:  # an original act that also amends other acts: its ændringsparagraffer
            failed += _write_amendment(store, res.path, args, doc)
    print(f"{count(acts, 'lov', 'love')} importeret, {count(amendments, 'ændringslov', 'ændringslove')} genkendt, "
          f"{count(failed, 'fejl', 'fejl')}")
    return 1 if failed else 0


def _section_count(act) -> int:
    """sum(1 for _ in act.sections()): every § of the tree, over Act.units' one stack loop instead of
    Unit.walk's nested generators (0.17 against 0.11 s over the corpus's 1,024 act versions, printed
    by `lawdiff import lexdania`)."""
    return sum(1 for u in act.units() if u.kind == "section")


def _write_amendment(store: Store, path: str, args, doc) -> int:
    """An amending act → amendments/lov-YYYY-NNN.yaml (importers/amending.py); 1 on failure.
    `doc`: the document as importers/official.py read it."""
    from .importers import amending

    try:
        if doc.amending_error is not None:
            raise doc.amending_error
        act = doc.amending
        if not act.doc["paragraffer"]:
            print(f"{path}: ingen ændringsparagraffer, der kan læses; ingen fil i amendments/")
            return 0
        notes = amending.link(act.doc, store)
        out = amending.write(act, store.root, force=args.force)
    except LawdiffError as e:
        print(f"{path}: FEJL: {e}", file=sys.stderr)
        return 1
    for w in act.warnings:
        print(f"  advarsel: {w}", file=sys.stderr)
    for r in act.refused:
        print(f"  ikke udført: {r}", file=sys.stderr)
    for n in notes:
        print(f"  {n}")
    print(f"{path}: ændringslov {act.doc['kilde']}: {len(act.doc['paragraffer'])} ændringsparagraffer, "
          f"{act.numre} numre ({len(act.refused)} ikke udført) → {out}")
    return 0


def _import_text(store: Store, args) -> int:
    from .importers.text import read_text_file

    act = read_text_file(args.file, law=args.law, source=args.source, title=args.title)
    if not _may_write(store, act, args.force):
        raise LawdiffError(f"{act.key} findes allerede i {store.path(act.law, act.date)} med et andet indhold",
                           file=args.file, hint="brug --force for at erstatte den")
    path = store.save(act)
    print(f"{args.file}: {act.key} ({act.source}, {_section_count(act)} §§) → {path}")
    return 0


def _may_write(store: Store, act, force: bool, made: dict[int, bytes] | None = None) -> bool:
    """True unless saving `act` would replace a stored version with different content. The act's
    bytes, where they were made for the comparison, go into `made` (by id(act)): `store.save` need
    not make them again (importing a folder again wrote each act version's Akoma Ntoso twice)."""
    from . import akn
    from .paths import read_regular
    from .store import MAX_STATUTE_BYTES

    path = store.path(act.law, act.date)
    if force or not os.path.lexists(path):
        return True
    # read as the store reads a version (a regular file inside statutes/, bounded): a FIFO planted
    # there hung `import`; what cannot be read so is the store's error, naming the file
    old = read_regular(path, MAX_STATUTE_BYTES, inside=store.dir, what="den lagrede version",
                       noun="en lovversion")
    data = akn.to_bytes(act)
    if made is not None:
        made[id(act)] = data
    return old == data


def _show(store: Store, args) -> int:
    from . import address as addr
    from .render.text import render_act, render_unit

    act = store.load(args.law)
    if act.consolidation is not None and act.consolidation.not_executed:  # consolidate --partial
        for s in act.consolidation.not_executed:
            print(f"advarsel: {act.key} er ufuldstændig: {s.act}, {s.nummer} er ikke udført: {s.reason}",
                  file=sys.stderr)
    if not args.address:
        sys.stdout.write(render_act(act))
        return 0
    annex = _annex_at(act, args.address)
    if annex is not None:
        from .render.text import annex_lines

        print("\n".join(annex_lines(annex)))
        return 0
    target = addr.resolve(act, args.address)
    if target.pkt_text is not None:
        print(target.pkt_text)
    else:
        print("\n".join(render_unit(u) for u in target.units))
    return 0


def _annex_at(act, address: str):
    """The annex "bilag N" names in `act` (None when the address is not an annex); an annex the act
    does not have is an error naming those it has."""
    import re

    m = re.fullmatch(r"\s*(?:lovens\s+)?bilag\s+(\S+(?:\s[a-zæøå])?)\s*", address, re.I)
    if not m:
        return None
    want = m.group(1).replace(" ", "").lower()
    for a in act.annexes:
        if a.num is not None and a.num.replace(" ", "").lower() == want:
            return a
    have = ", ".join(a.label for a in act.annexes) or "ingen bilag"
    raise LawdiffError(f"{act.key} har ikke bilag {m.group(1)} (loven har: {have})",
                       hint="vælg et af lovens bilag, eller vis hele loven uden adresse")


def _check(store: Store, args) -> int:
    from .check import check_store
    from .conflicts import check_proposals

    files = store.files()
    problems = check_store(files, store.dir)
    for p in problems:
        print(p)
    status = "fejl" if problems else "ok"
    print(f"{count(len(files), 'lovversion', 'lovversioner')} kontrolleret: "
          f"{count(len(problems), 'problem', 'problemer')} ({status})")
    report = check_proposals(store, Path(args.root) / "proposals")
    for line in report.lines():
        print(line)
    from .proposal import check_amendments
    a_errors, a_notes = check_amendments(Path(args.root) / "amendments")
    for line in a_errors + a_notes:
        print(line)
    if a_errors or a_notes:
        print(f"ændringslove i amendments/: {count(len(a_errors), 'fejl', 'fejl')}, "
              f"{count(len(a_notes), 'nummer', 'numre')} ikke udført")
    return 2 if report.internal else 1 if problems or report.errors or a_errors else 0


def _apply(store: Store, args) -> int:
    import json

    from . import redline
    from .engine import run
    from .proposal import load_proposal
    from .render.redline_text import render

    prop = load_proposal(args.proposal)
    if args.nummer:  # an imported act: execute only these numre, e.g. "§ 2, nr. 4"
        import re as _re
        from .proposal import select
        m = _re.match(r"^§\s*(\S+),\s*nr\.\s*(.+)$", args.nummer.strip())
        if not m:
            raise LawdiffError(f"--nummer {args.nummer!r} kan ikke læses", hint='skriv fx --nummer "§ 2, nr. 4"')
        prop = select(prop, m.group(1), [n.strip() for n in _re.split(r",|\bog\b", m.group(2)) if n.strip()])
    result = run(prop, store)
    laws = [args.law] if args.law else list(result.laws)
    for law in laws:
        if law not in result.laws:
            raise LawdiffError(f"forslaget ændrer ikke loven »{law}«", hint=f"love: {', '.join(result.laws)}")
    for w in result.warnings:
        print(w, file=sys.stderr)
    if args.save_version:
        return _save_version(store, result, laws, args)
    rls = {law: redline.build(result.laws[law].base, result.laws[law].new, result.laws[law]) for law in laws}
    if args.format == "json":
        out = {"proposal": result.proposal.path, "warnings": result.warnings,
               "laws": {law: {"base": rl.base, "sections": [s.to_dict() for s in rl.touched_sections()],
                              "headings": [u.heading_dict() for u in rl.touched_units() if u.kind != "section"],
                              **({"title": rl.to_dict()["title"]} if rl.title is not None else {}),
                              **({"annexes": [a.to_dict() for a in rl.annexes]} if rl.annexes else {})}
                        for law, rl in rls.items()}}
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    color = sys.stdout.isatty()
    for law, rl in rls.items():
        base = result.laws[law].base
        sys.stdout.write(render(rl, f"{law}: {base.title} ({base.source}) med {result.proposal.title}", color))
    return 0


def _instructions(store: Store, args) -> int:
    from .engine import run
    from .proposal import load_proposal, load_raw
    from .render.bilag import bilag, bilag_text
    from .render.instructions import build_lovforslag

    prop = load_proposal(args.proposal)
    if prop.act is not None:  # an imported act: printed from its own data, with or without the store
        from .render.instructions import amendment_lines
        if args.bilag:
            raise LawdiffError("--bilag findes kun for forslag", hint="udelad --bilag for en vedtaget ændringslov")
        sys.stdout.write("\n".join(amendment_lines(load_raw(args.proposal))) + "\n")
        return 0
    result = run(prop, store)
    lf = build_lovforslag(result)
    sys.stdout.write(bilag_text(bilag(lf, result)) if args.bilag else lf.text())
    return 0


def _check_docx_out(out: Path, root: Path | None = None) -> None:
    """`docx --out`: a .docx file in a folder that exists. `--out proposals/x.yaml` (the proposal's
    own name, a tab completion away) replaced the proposal with the Word file, and a mistyped
    folder was created with all its parents. Never inside the project's statutes/, amendments/ or
    .git/ (under --root): `check` then found a stray file in the store."""
    if out.suffix.lower() != ".docx":
        raise LawdiffError(f"--out {out}: filen skal hedde ….docx; lawdiff erstatter ikke andre filer med et "
                           "Word-dokument", hint=f"skriv fx --out {out.with_suffix('.docx').name}")
    if out.is_dir():
        raise LawdiffError(f"--out {out}: er en mappe", hint=f"skriv et filnavn i mappen, fx --out {out / 'forslag.docx'}")
    if not out.parent.is_dir():
        raise LawdiffError(f"--out {out}: mappen {out.parent} findes ikke", hint="opret mappen først, eller ret stien")
    if root is not None:  # the folders lawdiff and git keep: a Word file there is a stray file in the store
        real, r = os.path.realpath(out.parent), os.path.realpath(root)
        for name in ("statutes", "amendments", ".git"):
            folder = os.path.join(r, name)
            if os.path.commonpath([real, folder]) == folder:
                raise LawdiffError(f"--out {out}: ligger i {name}/; der skriver lawdiff ikke et Word-dokument",
                                   hint=f"skriv fx --out {out.name}")


def _docx(store: Store, args) -> int:
    from .engine import run
    from .proposal import load_proposal
    from .render.docx import render_docx
    from .store import atomic_write

    if args.out:  # checked before any work: a slip of the shell must not replace the proposal itself
        _check_docx_out(Path(args.out), store.root)
    result = run(load_proposal(args.proposal), store)
    data = render_docx(result)
    out = Path(args.out) if args.out else Path(f"{result.proposal.slug}.docx")
    atomic_write(out, data)
    print(f"{args.proposal} → {out} ({len(data) // 1024} kB)")
    return 0


def _build(store: Store, args) -> int:
    import time

    from .render.site import build_site

    t = time.perf_counter()
    out = Path(args.out) if args.out else Path(args.root) / "site"
    written = build_site(Path(args.root), out, pdf=not args.no_pdf, only=args.only)
    pdfs = sum(1 for w in written if w.endswith(".pdf"))
    cached = f", {written.pdf_cached} uændrede fra cachen" if getattr(written, "pdf_cached", 0) else ""
    print(f"{count(len(written), 'fil', 'filer')} skrevet til {out} ({pdfs} PDF{cached}) på {time.perf_counter() - t:.1f} s")
    return 0


def _serve(store: Store, args) -> int:
    import signal

    from .serve import serve

    def stop(signum, frame):  # SIGTERM stops as cleanly as Ctrl-C
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        return serve(Path(args.root), host=args.host, port=args.port, pdf=args.pdf)
    except KeyboardInterrupt:  # Ctrl-C before the server was up
        print("lawdiff serve: stoppet", flush=True)
        return 0


def _version(store: Store, spec: str):
    """An act version: 'lab@2016-11-21', 'lab', or a proposal's result 'proposals/x.yaml:lab'."""
    path, _, law = spec.rpartition(":") if spec.count(":") and (".yaml" in spec or ".yml" in spec) else ("", "", "")
    if not path and (spec.endswith(".yaml") or spec.endswith(".yml")):
        path = spec
    if not path:
        act = store.load(spec)
        return act, act.key
    from .engine import run
    from .proposal import load_proposal

    result = run(load_proposal(path), store)
    if not law:
        if len(result.laws) != 1:
            raise LawdiffError(f"{path} ændrer flere love; skriv {path}:LOV",
                               hint=f"love: {', '.join(result.laws)}")
        law = next(iter(result.laws))
    if law not in result.laws:
        raise LawdiffError(f"{path} ændrer ikke loven »{law}«", hint=f"love: {', '.join(result.laws)}")
    return result.laws[law].new, f"{law} med {path}"


def _is_proposal(spec: str) -> bool:
    """As _version decides: a proposal's result ('x.yaml', 'x.yaml:lab'), else a stored version."""
    path = spec.rpartition(":")[0] if spec.count(":") and (".yaml" in spec or ".yml" in spec) else ""
    return bool(path) or spec.endswith((".yaml", ".yml"))


def _diff(store: Store, args) -> int:
    from .gcpause import gc_paused

    # the comparison makes tens of thousands of small objects and no reference cycles: the cyclic
    # collector's passes over them (and over every module) were ~15 % of the command's time
    with gc_paused():
        return _diff_run(store, args)


def _diff_run(store: Store, args) -> int:
    from .diff import compare

    if store.use_cache and not (_is_proposal(args.a) or _is_proposal(args.b)):
        # two stored versions: their outlines, compared reading only the §§ that differ
        old, new = store.load_outline(args.a), store.load_outline(args.b)
        old_name, new_name = old.key, new.key
    else:
        old, old_name = _version(store, args.a)
        new, new_name = _version(store, args.b)
    if old.law != new.law:
        raise LawdiffError(f"{old_name} og {new_name} er ikke samme lov")
    # only the changed §§ and headings are printed: unchanged units need not be built
    red = compare(old, new, touched_only=True)
    if red.annexes_unread:  # outlines hold the annexes' digest only: the two versions' annexes are read
        from .annexdiff import add

        red.annexes_unread = False
        add(red, old, new, load=store.load)
    touched = red.touched_sections()
    counts = {k: sum(1 for s in touched if s.status == k) for k in ("changed", "inserted", "repealed")}
    counts["changed"] += sum(1 for s in touched if s.status == "unchanged")  # a § whose stk./nr. changed
    moved = sum(1 for s in touched if s.moved_from)
    summary = (f"{count(len(touched), 'paragraf', 'paragraffer')} ændret: {count(counts['changed'], 'ændret', 'ændrede')}, "
               f"{count(counts['inserted'], 'ny', 'nye')}, {count(counts['repealed'], 'ophævet', 'ophævede')}"
               + (f", {count(moved, 'flyttet', 'flyttede')}" if moved else ""))
    if red.annexes:
        a = {k: sum(1 for r in red.annexes if r.status == k) for k in ("changed", "inserted", "repealed")}
        a["changed"] += sum(1 for r in red.annexes if r.status == "unchanged")  # renumbered only
        summary += (f"; {count(len(red.annexes), 'bilag', 'bilag')} ændret: {count(a['changed'], 'ændret', 'ændrede')}, "
                    f"{count(a['inserted'], 'nyt', 'nye')}, {count(a['repealed'], 'ophævet', 'ophævede')}")
    title = f"{old_name} → {new_name}"
    if args.format == "json":
        import json

        json.dump({"old": old_name, "new": new_name, "summary": summary,
                   "sections": [s.to_dict() for s in touched],
                   **({"annexes": [a.to_dict() for a in red.annexes]} if red.annexes else {})},
                  sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    elif args.format == "html":
        from importlib import resources

        from .render.html import env

        css = (resources.files("lawdiff") / "static" / "lawdiff.css").read_text("utf-8")
        sys.stdout.write(env().get_template("diff.html").render(title=title, summary=summary, sections=touched,
                                                                annexes=red.annexes, css=css, css_href=None))
    else:
        from .render.redline_text import render

        sys.stdout.write(render(red, f"{title}\n{summary}", sys.stdout.isatty()))
    return 0


def _save_version(store: Store, result, laws: list[str], args) -> int:
    """Store the consolidated act as a new version (for executed amending acts)."""
    import re

    from .engine import as_version

    if len(laws) != 1 or not args.source:
        raise LawdiffError("--save-version kræver --law (én lov) og --source",
                           hint='fx --law styringsloven --save-version 2012-12-23 --source "LBK nr. 731 af …"')
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", args.save_version):
        raise LawdiffError(f"--save-version {args.save_version!r} er ikke en dato", hint="skriv ÅÅÅÅ-MM-DD")
    act = as_version(result.laws[laws[0]], args.save_version, args.source, store.versions(laws[0]))
    if store.path(act.law, act.date).exists() and not args.force:
        raise LawdiffError(f"{act.key} findes allerede", hint="brug --force for at erstatte den")
    print(f"{act.key} ({act.source}) → {store.save(act)}")
    return 0


def _consolidate(store: Store, args) -> int:
    from .consolidate import consolidate, save

    act, plan = consolidate(store, args.law, args.at, args.include or [], args.partial, Path(args.root))
    rec = act.consolidation
    for w in plan.warnings:
        print(w, file=sys.stderr)
    for s in rec.pending:
        print(f"afventer: {s.act}, {s.nummer}: {s.reason}")
    for s in rec.not_executed:
        print(f"advarsel: ikke udført: {s.act}, {s.nummer}: {s.reason}", file=sys.stderr)
    n = sum(len(st[2]) for st in plan.steps) - len(rec.not_executed)
    if not plan.steps:
        print(f"{args.law}: intet at udføre efter {plan.base.key} til {args.at}; ingen ny version gemt")
        return 0
    print(f"{act.key} ({act.source}): {n} {'nummer' if n == 1 else 'numre'} udført fra {plan.base.key} → "
          f"{save(store, act)}")
    return 0


def _blame(store: Store, args) -> int:
    from .blame import blame

    for line in blame(store, args.law, args.address):
        print(line)
    return 0


class _Sub:
    """Subparsers that all inherit the common options (--root)."""

    def __init__(self, action, common: argparse.ArgumentParser) -> None:
        self.action, self.common = action, common

    def add_parser(self, name: str, **kw) -> argparse.ArgumentParser:
        return self.action.add_parser(name, parents=[self.common], **kw)


_DIFF_FORMATS = ("text", "html", "json")


class _Args:
    """What build_parser().parse_args gives for a `diff` command line (_diff_args)."""

    def __init__(self, **kw) -> None:
        vars(self).update(kw)


def _diff_args(argv: list[str]) -> _Args | None:
    """The arguments of a plain `diff` command line, read without argparse (importing it and
    building every command's parser was ~6 ms of `lawdiff diff`'s ~65, issue 9 §6); None for
    anything else, which build_parser reads as before (with its help, errors and abbreviations).
    Read here: `[--root DIR] diff A B` with `--root DIR` and `--format F` (F one of its choices)
    anywhere after `diff`, options spelled out in full, each followed by its value, and no
    argument beginning with "-" otherwise: for these argparse's result is the same (the last
    --root wins, one given after `diff` over one given before; the last --format wins)."""
    root, sub_root, fmt, positional = ".", None, "text", []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in ("--root", "--format"):
            if i + 1 == len(argv) or argv[i + 1].startswith("-") or (arg == "--format" and not positional):
                return None  # no value, or --format before the command: argparse's error
            value = argv[i + 1]
            if arg == "--format":
                if value not in _DIFF_FORMATS:
                    return None
                fmt = value
            elif positional:
                sub_root = value
            else:
                root = value
            i += 2
            continue
        if arg.startswith("-"):
            return None
        positional.append(arg)
        i += 1
    if len(positional) != 3 or positional[0] != "diff":
        return None
    return _Args(root=root if sub_root is None else sub_root, command="diff", a=positional[1],
                 b=positional[2], format=fmt, func=_diff)


def build_parser() -> argparse.ArgumentParser:
    import argparse

    p = argparse.ArgumentParser(prog="lawdiff", description="Danske love som Akoma Ntoso, ændringsforslag og redlines.")
    p.add_argument("--root", default=".", help="mappen med statutes/ og proposals/ (standard: .)")
    # --root may also follow the subcommand (lawdiff check --root DIR); it then overrides the global one
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", default=argparse.SUPPRESS, help="mappen med statutes/ og proposals/ (standard: .)")
    sub = _Sub(p.add_subparsers(dest="command", required=True), common)

    imp = sub.add_parser("import", help="importér love")
    isub = _Sub(imp.add_subparsers(dest="format", required=True), common)
    lx = isub.add_parser("lexdania", help="officiel XML fra retsinformation.dk (LexDania 2.1)")
    lx.add_argument("files", nargs="+", metavar="FILE")
    lx.add_argument("--law", help="kortnavn (fx lab); standard: udledt af titlen")
    lx.add_argument("--force", action="store_true",
                    help="erstat eksisterende lovversioner og filer i amendments/")
    lx.set_defaults(func=_import_lexdania)
    tx = isub.add_parser("text", help="tekst kopieret fra retsinformation.dk")
    tx.add_argument("file", metavar="FILE")
    tx.add_argument("--law", required=True, help="kortnavn, fx lab")
    tx.add_argument("--source", required=True, help='fx "LBK nr. 1342 af 21/11/2016"')
    tx.add_argument("--title", help="lovens titel, fx »lov om en aktiv beskæftigelsesindsats«")
    tx.add_argument("--force", action="store_true", help="erstat en eksisterende lovversion")
    tx.set_defaults(func=_import_text)

    sh = sub.add_parser("show", help="vis en lov eller en enhed: lawdiff show lab@2016-11-21 '§ 68 a, stk. 1'")
    sh.add_argument("law", metavar="LAW[@YYYY-MM-DD]")
    sh.add_argument("address", nargs="?", metavar="ADDRESS")
    sh.set_defaults(func=_show)

    ck = sub.add_parser("check", help="kontrollér de lagrede love og forslagene i proposals/")
    ck.set_defaults(func=_check)

    bd = sub.add_parser("build", help="byg det statiske websted (og PDF'er)")
    bd.add_argument("--out", help="mappe (standard: site/ under --root)")
    bd.add_argument("--no-pdf", action="store_true", help="spring PDF'erne over")
    bd.add_argument("--only", action="append", metavar="PROPOSAL",
                    help="byg kun dette forslags side og PDF (resten af webstedet beholdes); kan gentages")
    bd.set_defaults(func=_build)

    sv = sub.add_parser("serve", help="vis webstedet lokalt og opdatér det, mens du retter i filerne")
    sv.add_argument("--port", type=int, default=8000, help="standard: 8000 (0: en ledig port)")
    sv.add_argument("--host", default="127.0.0.1", help="standard: 127.0.0.1 (kun denne maskine)")
    sv.add_argument("--pdf", action="store_true", help="lav også PDF'erne (når de hentes)")
    sv.set_defaults(func=_serve)

    ins = sub.add_parser("instructions", help="lovforslagets ændringsbestemmelser (eller --bilag: Bilag 1)")
    ins.add_argument("proposal", metavar="PROPOSAL")
    ins.add_argument("--bilag", action="store_true", help="»Lovforslaget sammenholdt med gældende lov« som tekst")
    ins.set_defaults(func=_instructions)

    dx = sub.add_parser("docx", help="forslaget som Word-dokument med ændringerne som sporede ændringer")
    dx.add_argument("proposal", metavar="PROPOSAL")
    dx.add_argument("--out", metavar="FILE", help="filen (standard: FORSLAG.docx i den aktuelle mappe)")
    dx.set_defaults(func=_docx)

    df = sub.add_parser("diff", help="sammenlign to versioner: lawdiff diff lab@2015-07-01 lab@2016-11-21")
    df.add_argument("a", metavar="A", help="LOV@DATO, LOV eller FORSLAG.yaml:LOV")
    df.add_argument("b", metavar="B")
    df.add_argument("--format", choices=("text", "html", "json"), default="text")
    df.set_defaults(func=_diff)

    ap = sub.add_parser("apply", help="vis et forslags konsoliderede tekst med [+indsat+] og [-slettet-]")
    ap.add_argument("proposal", metavar="PROPOSAL")
    ap.add_argument("--law", help="kun denne lov (kortnavn)")
    ap.add_argument("--format", choices=("text", "json"), default="text")
    ap.add_argument("--save-version", metavar="YYYY-MM-DD",
                    help="gem resultatet som en ny version af loven (til gennemførte ændringslove)")
    ap.add_argument("--source", help="kildeangivelse for den gemte version")
    ap.add_argument("--force", action="store_true", help="erstat en eksisterende version")
    ap.add_argument("--nummer", help='kun disse numre af en vedtaget ændringslov, fx "§ 2, nr. 4"')
    ap.set_defaults(func=_apply)
    co = sub.add_parser("consolidate", help="udfør ændringslovene i amendments/ på en lov: "
                                            "lawdiff consolidate lab --at 2017-01-01")
    co.add_argument("law", metavar="LAW")
    co.add_argument("--at", required=True, metavar="YYYY-MM-DD", help="konsolidér til denne dato")
    co.add_argument("--include", nargs="+", action="extend", metavar="ACT[:NUMRE]",
                    help="udfør også denne lov (lov-ÅÅÅÅ-NNN) eller kun disse numre af den "
                         "(\"lov-2012-1380:§ 1, nr. 1-3\") uanset datoer og ministerens ikrafttræden")
    co.add_argument("--partial", action="store_true",
                    help="gem versionen, selv om nogle numre ikke kan udføres (de listes)")
    co.set_defaults(func=_consolidate)

    bl = sub.add_parser("blame", help="hvilken lov og hvilket nummer ændrede teksten sidst: "
                                      "lawdiff blame lab '§ 68 a, stk. 1'")
    bl.add_argument("law", metavar="LAW[@YYYY-MM-DD]")
    bl.add_argument("address", metavar="ADDRESS")
    bl.set_defaults(func=_blame)
    return p


# options whose value is a date (today's and future ones: --at, --date, …)
_DATE_OPTIONS = ("save_version", "at", "date", "dato")
# arguments that are text (an address, a title, a source), not file names
_TEXT_ARGS = ("address", "title", "source", "law", "save_version", "nummer")
# commands that read stored versions through the cache of read versions (akncache)
_CACHED = ("diff", "show", "build", "serve")
# commands that need no statute store (import may create it); every other command reads it
_NO_STATUTES = ("import",)


def _plain_values(args) -> bool:
    """Whether _check_args's checks of the values would pass without a change: no value is text
    that reaches the law (_TEXT_ARGS), a date option or a source, and every LAW@DATE holds a date
    store.plain_date accepts (which iso_date accepts). The diff command's values mostly are:
    then validate (and datetime) need not be imported. Otherwise the checks run as they always did."""
    for name, value in vars(args).items():
        if not isinstance(value, str):
            continue
        if name in _TEXT_ARGS or name in _DATE_OPTIONS or name == "source":
            return False
        if _law_at(value) and not plain_date(value.rpartition("@")[2]):
            return False
    return True


_LAW_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")


def _law_at(value: str) -> bool:
    """re.fullmatch(r"[a-z0-9][a-z0-9-]*@.*", value), without compiling it (`lawdiff diff`'s start):
    a short name ("-" not first) before the first "@", and no newline after it (what "." refuses).
    tests/test_cli_diff_args.py holds it to the pattern."""
    law, at, rest = value.partition("@")
    return bool(at) and bool(law) and law[0] != "-" and _LAW_CHARS.issuperset(law) and "\n" not in rest


def _check_args(args) -> None:
    """Refuse impossible dates and a --root that is not a project folder, before anything runs."""
    if not _plain_values(args):
        _check_values(args)
    _check_root(args)


def _check_values(args) -> None:
    from .validate import ValueProblem, clean_text, iso_date, source_dates

    for name, value in sorted(vars(args).items()):
        if not isinstance(value, str):
            continue
        opt = "--" + name.replace("_", "-")
        try:
            if name in _TEXT_ARGS:  # text that reaches the law or an address: NFC, no odd characters
                value = clean_text(value)
                setattr(args, name, value)
            if name in _DATE_OPTIONS:
                iso_date(value)
            elif name == "source":
                source_dates(value)
            elif _law_at(value):
                iso_date(value.rpartition("@")[2])  # LAW@YYYY-MM-DD
        except ValueProblem as e:
            shown = opt if name in _DATE_OPTIONS or name in ("source", "title") else value
            raise LawdiffError(f"{shown}: {e.message}", hint=e.hint) from None


def _check_root(args) -> None:
    root = Path(args.root)
    if not root.exists():
        raise LawdiffError(f"--root {root}: mappen findes ikke",
                           hint="angiv projektmappen (den med statutes/ og proposals/), eller udelad --root")
    if not root.is_dir():
        raise LawdiffError(f"--root {root}: er en fil, ikke en mappe",
                           hint="angiv projektmappen (den med statutes/ og proposals/)")
    statutes = root / "statutes"
    if args.command not in _NO_STATUTES:
        if not statutes.is_dir():
            raise LawdiffError(f"--root {root}: der er ingen statutes/-mappe med love",
                               hint="kør lawdiff i projektmappen eller angiv den med --root; "
                                    "en ny samling begynder med lawdiff import lexdania FIL")
        if args.command in ("check", "build") and not any(statutes.glob("*/*.xml")):
            raise LawdiffError(f"{statutes}: der er ingen love (statutes/LOV/ÅÅÅÅ-MM-DD.xml)",
                               hint="importér love med lawdiff import lexdania FIL")


_OS_ERRORS = {
    errno.EACCES: ("ingen adgang til {p}", "tjek rettighederne til filen eller mappen, eller vælg en anden"),
    errno.EPERM: ("ingen tilladelse til at ændre {p}", "tjek rettighederne til filen eller mappen"),
    errno.EROFS: ("{p} ligger på et skrivebeskyttet drev", "vælg en mappe, der kan skrives i"),
    errno.ENOSPC: ("der er ikke mere plads på disken ({p})", "frigør plads, og kør kommandoen igen"),
    errno.EDQUOT: ("din diskkvote er brugt op ({p})", "frigør plads, og kør kommandoen igen"),
    errno.ENOENT: ("{p} findes ikke", "tjek stien"),
    errno.ENOTDIR: ("{p}: en del af stien er en fil, ikke en mappe", "tjek stien"),
    errno.EISDIR: ("{p} er en mappe, ikke en fil", "angiv en fil"),
    errno.EEXIST: ("{p} findes allerede", "vælg et andet navn, eller flyt den eksisterende"),
    errno.ENAMETOOLONG: ("stien er for lang: {p}", "brug et kortere navn"),
    errno.EMFILE: ("for mange åbne filer ({p})", "luk andre programmer, og kør kommandoen igen"),
    errno.EIO: ("læse- eller skrivefejl på disken ({p})", "tjek disken, og kør kommandoen igen"),
}


def os_error_message(e: OSError) -> tuple[str, str]:
    """A Danish one-line message and a hint for an OSError from reading or writing a file."""
    p = e.filename if e.filename is not None else "filen"
    if e.filename2 is not None:
        p = f"{p} → {e.filename2}"
    msg, hint = _OS_ERRORS.get(e.errno, (f"{{p}}: systemfejl {errno.errorcode.get(e.errno, e.errno)} "
                                         f"({e.strerror or e})", "tjek filen og disken, og kør kommandoen igen"))
    return msg.format(p=p), hint


def _skip_last_collection() -> None:
    """gc.freeze, as an atexit hook of `lawdiff diff` run as the program (see main)."""
    import gc

    gc.freeze()


def _diff_program() -> None:
    """`lawdiff diff` run as the program (main() reading sys.argv) ends when main returns, and
    makes no reference cycles that need collecting (gcpause.py): the cyclic collector stays off
    from here to the end (re-enabled after the comparison, it scanned what the comparison had made
    once more), and its last pass at exit, over the objects of every module imported, is skipped
    (an atexit hook moves everything alive to the permanent generation, gc.freeze, which that
    pass leaves alone). Together ~5-7 ms of the command's ~40 (issue 9 §6, interleaved runs).
    The output is written and flushed as always, and memory goes back to the system at exit; only
    objects in reference cycles are not finalised one by one. Never when main is called with
    arguments (tests, other programs): their process goes on."""
    import atexit
    import gc

    gc.disable()
    atexit.register(_skip_last_collection)  # after the output (and everything else) is done


def main(argv: list[str] | None = None) -> int:
    args = _diff_args(sys.argv[1:] if argv is None else list(argv))
    if args is None:
        args = build_parser().parse_args(argv)
    if argv is None and args.command == "diff":
        _diff_program()
    try:
        _check_args(args)
        store = Store(Path(args.root), cache=args.command in _CACHED)
        return args.func(store, args)
    except LawdiffError as e:
        for x in getattr(e, "errors", [e]):  # a proposal reports all its errors at once
            print(f"fejl: {x}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # e.g. `lawdiff show lab | head`
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("afbrudt", file=sys.stderr)
        return 130
    except OSError as e:  # a read-only or full disk, a folder that vanished: one line, never a traceback
        msg, hint = os_error_message(e)
        print(f"fejl: {msg}\n  → {hint}", file=sys.stderr)
        return 1
    except Exception as e:  # a bug in lawdiff: one line and how to report it (LAWDIFF_DEBUG=1 shows the traceback)
        if os.environ.get("LAWDIFF_DEBUG"):
            raise
        where = ""
        tb = e.__traceback__
        while tb is not None and tb.tb_next is not None:
            tb = tb.tb_next
        if tb is not None:
            where = f" ({Path(tb.tb_frame.f_code.co_filename).name}:{tb.tb_lineno})"
        print(f"fejl: intern fejl i lawdiff: {type(e).__name__}: {str(e)[:200]}{where}\n"
              f"  → det er en fejl i lawdiff, ikke i dine filer; rapportér den med kommandoen og filerne, "
              f"gerne med udskriften fra LAWDIFF_DEBUG=1 lawdiff …", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
