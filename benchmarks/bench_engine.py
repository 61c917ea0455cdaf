"""Benchmark: apply N changes to a synthetic act of M §§, beside bare string replacements.

Run: python benchmarks/bench_engine.py
The baseline does the same replacements with str.replace on the same lines and
nothing else. Also prints how the time grows with the number of changes and the
size of the act (aim: 1,000 changes over 2,000 §§ under 2 s, growth ~linear).
"""
from __future__ import annotations

import time

import yaml

from lawdiff import redline
from lawdiff.engine import apply_proposal
from lawdiff.model import Act, Line, Unit, assign_eids, assign_wids
from lawdiff.proposal import parse_proposal


def synthetic_act(n_sections: int) -> Act:
    act = Act(law="syn", title="lov om syntetiske tests", doc_title="Lov om syntetiske tests", doc_type="lov",
              year="2020", number="1", date="2020-01-01", source="LOV nr. 1 af 01/01/2020")
    chapter = Unit("chapter", num="1", label="Kapitel 1", heading=Line("Alt"))
    for i in range(1, n_sections + 1):
        sec = Unit("section", num=str(i), label=f"§ {i}.")
        for s in range(1, 4):
            stk = Unit("subsection", num=str(s), label=None if s == 1 else f"Stk. {s}.",
                       intro=[Line(f"Kommunen yder hjælp nr. {i}-{s} efter reglerne i denne lov. "
                                   f"Beløbet udgør {100 + s} kr. om måneden.")])
            sec.children.append(stk)
        chapter.children.append(sec)
    act.body = [chapter]
    assign_eids(act)
    assign_wids(act)
    return act


def proposal(n_changes: int, n_sections: int):
    step = max(1, n_sections // n_changes)
    changes = [{"i": f"§ {1 + (k * step) % n_sections}, stk. 2", "ændres": "102 kr.", "til": "205 kr."}
               for k in range(n_changes)]
    data = {"titel": "B", "organisation": "B", "dato": "2020-01-01", "status": "udkast",
            "love": {"syn": "syn@2020-01-01"}, "forslag": [{"titel": "x", "ændringer": changes}]}
    return parse_proposal(yaml.safe_dump(data, allow_unicode=True).encode(), "bench.yaml")


def baseline(act: Act, n_changes: int, n_sections: int) -> float:
    step = max(1, n_sections // n_changes)
    secs = list(act.sections())
    t = time.perf_counter()
    for k in range(n_changes):
        stk = secs[(k * step) % n_sections].children[1]
        stk.intro[0] = Line(stk.intro[0].text.replace("102 kr.", "205 kr.", 1))
    return time.perf_counter() - t


def measure(n_changes: int, n_sections: int) -> tuple[float, float, float]:
    act = synthetic_act(n_sections)
    prop = proposal(n_changes, n_sections)
    t = time.perf_counter()
    results = apply_proposal(prop, {"syn": act})
    t_apply = time.perf_counter() - t
    t = time.perf_counter()
    lr = results["syn"]
    redline.build(lr.base, lr.new, lr)
    t_red = time.perf_counter() - t
    return t_apply, t_red, baseline(synthetic_act(n_sections), n_changes, n_sections)


if __name__ == "__main__":
    print(f"{'changes':>8} {'§§':>6} {'apply s':>9} {'redline s':>10} {'baseline s':>11}")
    for n_changes, n_sections in [(250, 2000), (500, 2000), (1000, 2000), (1000, 1000), (1000, 4000)]:
        a, r, b = measure(n_changes, n_sections)
        print(f"{n_changes:>8} {n_sections:>6} {a:>9.3f} {r:>10.3f} {b:>11.4f}")
    a, r, b = measure(1000, 2000)
    print(f"1,000 changes over 2,000 §§: apply + redline {a + r:.2f} s (aim < 2 s); "
          f"bare str.replace {b * 1000:.1f} ms")
