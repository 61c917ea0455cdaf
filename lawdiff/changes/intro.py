"""The sentence opening an ændringsparagraf, read into data and worded back (lovteknik §1.2):

    I lov om X, jf. lovbekendtgørelse nr. N af D[, som ændret …], foretages følgende ændringer:
    I lov nr. N af D om X[, som ændret …] foretages følgende ændring:
    I værgemålsloven, lov nr. N af D[, som ændret …], foretages følgende ændringer:

    {lovtitel, henvisning, som_ændret, ental}
`henvisning` is "lovbekendtgørelse nr. …" (or "bekendtgørelse nr. …") after "jf.", or "lov nr. …";
`som_ændret` is the text after "som ændret " ("ved § 1 i lov nr. …", "senest ved …", "bl.a. ved …");
`ental` is true for "foretages følgende ændring:".
"""
from __future__ import annotations

import re

_DATE = r"\d{1,2}\. (?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december) \d{4}"
_JF = re.compile(rf"^I (?P<titel>.+?), jf\. (?P<ref>(?:lov)?bekendtgørelse nr\. \d+ af {_DATE})"
                 r"(?:, som ændret (?P<som>.+?))?, foretages følgende (?P<end>ændringer|ændring):$")
_LOVNR = re.compile(rf"^I (?P<ref>lov nr\. \d+ af {_DATE}) (?P<om>om .+?)"
                    r"(?:, som ændret (?P<som>.+?),)? foretages følgende (?P<end>ændringer|ændring):$")
_POP = re.compile(rf"^I (?P<titel>[^,]+?), (?P<ref>lov nr\. \d+ af {_DATE})"
                  r"(?:, som ændret (?P<som>.+?))?, foretages følgende (?P<end>ændringer|ændring):$")


def read(text: str) -> dict | None:
    for rx in (_JF, _LOVNR, _POP):
        m = rx.match(text)
        if not m:
            continue
        g = m.groupdict()
        titel = g.get("titel") or ("lov " + g["om"])
        out = {"lovtitel": titel, "henvisning": g["ref"]}
        if g.get("som"):
            out["som_ændret"] = g["som"]
        if g["end"] == "ændring":
            out["ental"] = True
        if format(out) == text:
            return out
    return None


def format(d: dict) -> str:
    end = "ændring:" if d.get("ental") else "ændringer:"
    som = f", som ændret {d['som_ændret']}" if d.get("som_ændret") else ""
    ref = d["henvisning"]
    if ref.startswith("lov nr.") and d["lovtitel"].startswith("lov om "):
        return f"I {ref} {d['lovtitel'][4:]}{som}{',' if som else ''} foretages følgende {end}"
    if ref.startswith("lov nr."):
        return f"I {d['lovtitel']}, {ref}{som}, foretages følgende {end}"
    return f"I {d['lovtitel']}, jf. {ref}{som}, foretages følgende {end}"
