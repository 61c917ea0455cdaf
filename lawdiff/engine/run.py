"""Apply a proposal: its numre in order, each act in its own applier (`apply_proposal`), and first the
proposal it builds on (`run`); `as_version` makes the result a new version of the act."""
from __future__ import annotations

import copy
from dataclasses import dataclass

from ..errors import LawdiffError
from ..model import Act
from ..proposal import Change, Proposal, ProposalError
from .applier import LawResult, _Applier


@dataclass
class Result:
    proposal: Proposal
    laws: dict[str, LawResult]
    base_result: "Result | None" = None

    @property
    def warnings(self) -> list[str]:
        return [w for r in self.laws.values() for w in r.warnings]


def nummer_of(c: Change):
    """The nummer a change belongs to (changes of one nummer share their rykningsklausul)."""
    n = getattr(c, "nummer", None)
    return (getattr(c, "paragraf", None), n) if isinstance(n, str) else n if n is not None else (c.item, c.index)


def apply_proposal(proposal: Proposal, acts: dict[str, Act]) -> dict[str, LawResult]:
    """Apply every change of `proposal` to `acts` (law -> base act). Raises ProposalError.

    The changes of one nummer (`nummer_of`) are applied in order; then the nummer's
    rykningsklausul (`rykning` on the nummer of an imported act, or on one of its changes) is
    checked against the renumbering they made. Changes of an imported act are attributed to it:
    "lov nr. 1380 af 23. december 2012, § 1, nr. 53".
    """
    act_file = getattr(proposal, "act", None)
    ryk: dict = {}
    if act_file is not None:
        for n in getattr(act_file, "numre", []):
            if isinstance(getattr(n, "data", None), dict) and n.data.get("rykning"):
                ryk[(n.paragraf, n.nummer)] = n.data["rykning"]
        source = getattr(act_file, "source", "") or getattr(proposal, "title", "")
        for c in proposal.changes:
            if getattr(c, "paragraf", None) is not None and not getattr(c, "attribution", None):
                c.attribution = f"{source}, § {c.paragraf}, nr. {c.nummer}" + (
                    f", ændring {c.sub}" if getattr(c, "of", 1) > 1 else "")
    appliers = {law: _Applier(law, act) for law, act in acts.items()}
    for law, a in appliers.items():
        a.register([c for c in proposal.changes if c.law == law])
    group: list[Change] = []

    def close() -> None:
        c0 = group[0]
        text = ryk.get((getattr(c0, "paragraf", None), getattr(c0, "nummer", None)))
        appliers[c0.law].check_rykning(group, text)

    for c in proposal.changes:
        if group and (nummer_of(c) != nummer_of(group[0]) or c.law != group[0].law):
            close()
            group = []
        appliers[c.law].apply(c)
        group.append(c)
    if group:
        close()
    for a in appliers.values():
        errors = a.open_rykning()
        if errors:
            raise errors[0]
    return {law: a.finish() for law, a in appliers.items()}


def run(proposal: Proposal, store, loader=None, _chain: tuple = ()) -> Result:
    """Apply a proposal (and first the one it builds on) to its base versions from `store`."""
    from ..proposal import load_proposal

    loader = loader or load_proposal
    base_result = None
    acts: dict[str, Act] = {}
    if proposal.builds_on:
        from pathlib import Path

        from ..paths import UnsafePath, relative_inside

        p = proposal.builds_on_pos
        try:  # only a regular file inside the proposal's own folder (no absolute path, .., symlink out)
            other_path = relative_inside(Path(proposal.path).parent, proposal.builds_on, "»bygger_på«")
        except UnsafePath as e:
            raise ProposalError(e.message, proposal.path, p.line if p else 1, p.col if p else 1, hint=e.hint) from None
        if not other_path.exists():
            raise ProposalError(f"»bygger_på«: {proposal.builds_on} findes ikke", proposal.path,
                                p.line if p else 1, p.col if p else 1,
                                hint="angiv filnavnet på et andet forslag i samme mappe")
        chain = _chain + (Path(proposal.path).resolve(),)
        if other_path.resolve() in chain:  # a cycle (or a proposal building on itself)
            p = proposal.builds_on_pos
            ring = " → ".join(x.name for x in chain[chain.index(other_path.resolve()):] + (other_path.resolve(),))
            raise ProposalError(f"»bygger_på« danner en ring: {ring}", proposal.path, p.line if p else 1,
                                p.col if p else 1, hint="et forslag kan ikke bygge på sig selv; fjern »bygger_på« i et af dem")
        base_result = run(loader(other_path), store, loader, chain)
        for law, lr in base_result.laws.items():
            acts[law] = lr.new
    for law, ref in proposal.laws.items():
        if law in acts:
            continue
        try:
            acts[law] = store.load(ref)
        except LawdiffError as e:
            raise ProposalError(f"»love«: {e.message}", proposal.path, 1, 1, hint=e.hint) from None
        if acts[law].law != law:
            raise ProposalError(f"»love«: {ref} er ikke loven »{law}«", proposal.path, 1, 1)
    laws = apply_proposal(proposal, {law: acts[law] for law in proposal.laws})
    return Result(proposal, laws, base_result)


def as_version(lr: LawResult, date: str, source: str, versions: list[str] | tuple = ()) -> Act:
    """The consolidated act as a new version of the same work: same document, new date and source.
    `versions`: the dates the store holds of the law. A version dated before its base, or after a stored
    version its base does not hold, is refused: "apply --save-version 2010-01-01" on lab@2016-11-21 stored
    2016's text as lab@2010-01-01, which show, diff and consolidate then took for the law of 2010-2011."""
    base = lr.base.date
    if date < base:
        raise LawdiffError(f"--save-version {date} ligger før {lr.base.key}, som ændringerne er udført på; en "
                           "version kan ikke dateres før sit grundlag", hint=f"brug en dato fra {base} og frem")
    between = [v for v in versions if base < v < date]
    if between:
        raise LawdiffError(f"--save-version {date}: {lr.law}@{between[-1]} ligger mellem grundlaget {lr.base.key} og "
                           f"{date}; den nye version ville mangle dens ændringer",
                           hint=f"udfør ændringerne på {lr.law}@{between[-1]} (under »love«), eller vælg en dato før "
                                f"{between[0]}")
    act = copy.copy(lr.new)
    act.__dict__.pop("_section_index", None)
    act.date, act.source = date, source
    return act
