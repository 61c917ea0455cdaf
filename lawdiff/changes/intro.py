"""The sentence opening an ændringsparagraf, read into data and worded back (lovteknik §1.2):

    I lov om X, jf. lovbekendtgørelse nr. N af D[, som ændret …], foretages følgende ændringer:
    I lov nr. N af D om X[, som ændret …,] foretages følgende ændring:
    I værgemålsloven, lov nr. N af D[, som ændret …], foretages følgende ændringer:

    {lovtitel, henvisning, som_ændret, som_ændres, ental, form, komma_før_foretages}
`henvisning` is "lovbekendtgørelse nr. …" (or "bekendtgørelse nr. …") after "jf.", or "lov nr. …";
`som_ændret` is the text after "som ændret " ("ved § 1 i lov nr. …", "senest ved …", "bl.a. ved …"),
a list of acts (amended_by reads it); `som_ændres` the text after "og som ændres " / "som ændres ": a
bill the Folketing has passed but that has no number yet ("ved § 22 i det af Folketinget den 16. maj
2013 vedtagne forslag til lov om …"), on which the changes build; `ental` is true for "foretages
følgende ændring:".

The order of title and henvisning follows from the henvisning and the title (the three forms above);
`form` names another order where a ministry wrote one ("I titel, jf. henvisning" with a lov nr.:
"I SCE-loven, jf. lov nr. 454 af 22. maj 2006"; "I titel, henvisning" with a title "lov om …": "I lov
om seniorjob, lov nr. 1543 af 20. december 2006"; "I henvisning, titel": "I lov nr. 567 af 9. juni
2006, lodsloven"). `komma_før_foretages` is there only where the comma before "foretages" is not the
usual one ("I lov nr. 1504 af 27. december 2009 om offentligt hasardspil i turneringsform, foretages
…": the comma is no part of the title).

A sentence that two forms read differently is not read (None), nor one whose title would hold a "som
… ændret" clause, nor any other sentence: the importer keeps it verbatim (refusal() says why, in
Danish), and the ændringsparagraf is linked to no act.
"""
from __future__ import annotations

import re

_DATE = r"\d{1,2}\. (?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december) \d{4}"
_LBK = rf"(?:lov)?bekendtgørelse nr\. \d+ af {_DATE}"
_LOV = rf"lov nr\. \d+ af {_DATE}"
# what follows the act: acts that amended it, a passed bill that amends it, the end
_TAIL = (r"(?:, som ændret (?P<som>.+?))?(?:,(?: og)? som ændres (?P<somes>.+?))?"
         r"(?P<komma>,)? foretages følgende (?P<end>ændringer|ændring):$")
# an act's own title after its number: "om …", "for Grønland om …" (lov nr. 223 af 22. marts 2011)
_OM = r"(?:for (?:Grønland|Færøerne) )?om "

JF = "I titel, jf. henvisning"
NR_OM = "I henvisning titel"
TITEL_NR = "I titel, henvisning"
NR_TITEL = "I henvisning, titel"

_FORMS = (
    (JF, re.compile(rf"^I (?P<titel>.+?), jf\. (?P<ref>{_LBK}|{_LOV}){_TAIL}")),
    (NR_OM, re.compile(rf"^I (?P<ref>{_LOV}) (?P<om>{_OM}.+?){_TAIL}")),
    (TITEL_NR, re.compile(rf"^I (?P<titel>[^,]+?), (?P<ref>{_LOV}){_TAIL}")),
    (NR_TITEL, re.compile(rf"^I (?P<ref>{_LOV}), (?P<titel>[^,]+?){_TAIL}")),
)
_OWN_TITLE = re.compile(rf"^lov {_OM}")
# a title that would hold a "som ændret" clause in another wording ("om sundhedsvæsenets centralstyrelse
# m.v., som senest ændret ved lov nr. 369 af 6. juni 1991," in lov nr. 397 af 10. juni 1987): not read
_AMENDED_IN_TITLE = re.compile(r", som (?:\w+\.? ){0,2}ændre[ts]\b")
# a "title" that is the clause itself ("I lov nr. 520 af 12. juni 2009, som ændret ved § 7 i lov nr. …, foretages …":
# the act named by its number alone): the form "I henvisning, titel" (lodsloven) would read the clause as the title
_CLAUSE_AS_TITLE = re.compile(r"^(?:som |senest |bl\.a\. |og )*ændre[ts]\b|^som\b")
# a "title" that cites another act by its number: two acts in one intro ("I lov nr. 1 af … om X og i lov nr. 2 af … om
# Y foretages …", "I lov nr. 1 af …, lodsloven og lov nr. 2 af …, foretages …"), which no title of a law holds
_ACT_IN_TITLE = re.compile(rf"\b{_LOV}")


def _default_form(d: dict) -> str:
    if not d["henvisning"].startswith("lov nr."):
        return JF
    return NR_OM if _OWN_TITLE.match(d["lovtitel"]) else TITEL_NR


def _default_comma(form: str, d: dict) -> bool:
    return form != NR_OM or bool(d.get("som_ændret") or d.get("som_ændres"))


def read(text: str) -> dict | None:
    readings = []
    for form, rx in _FORMS:
        m = rx.match(text)
        if not m:
            continue
        g = m.groupdict()
        titel = g.get("titel") or ("lov " + g["om"])
        if _AMENDED_IN_TITLE.search(titel) or _CLAUSE_AS_TITLE.match(titel) or _ACT_IN_TITLE.search(titel):
            continue
        out: dict = {"lovtitel": titel, "henvisning": g["ref"]}
        if g["som"]:
            out["som_ændret"] = g["som"]
        if g["somes"]:
            out["som_ændres"] = g["somes"]
        if g["end"] == "ændring":
            out["ental"] = True
        if form != _default_form(out):
            out["form"] = form
        if bool(g["komma"]) != _default_comma(form, out):
            out["komma_før_foretages"] = bool(g["komma"])
        if format(out) == text and out not in readings:
            readings.append(out)
    # two readings of one sentence (title and henvisning split apart differently): not certain
    return readings[0] if len(readings) == 1 else None


_END = re.compile(r",? foretages følgende ændring(?:er)?:$")
_CITED = re.compile(rf"(?:jf\. {_LBK}|{_LOV})")


def refusal(text: str) -> str:
    """Why read(text) is None, in Danish, for the drafter (after "indledningen kan ikke læses som data: "):
    what was found and what it should be."""
    if not text.startswith("I ") or not _END.search(text):
        return ("den har ikke formen »I … foretages følgende ændring:« (eller »ændringer:«); "
                "den ændrede lov kan ikke bestemmes")
    if not _CITED.search(re.split(r", som ændre", text)[0]):
        return ("den nævner ikke loven med »jf. lovbekendtgørelse nr. N af D« eller »lov nr. N af D« "
                "(nummer og fuld dato); den ændrede lov kan ikke bestemmes sikkert")
    m = re.match(rf"I {_LOV}, (.*)", text)
    if m and _CLAUSE_AS_TITLE.match(m.group(1)):
        return ("lovens titel står ikke efter »lov nr. N af D« (der følger en »som … ændret«-sætning); skriv »I lov nr. "
                "N af D om X, som ændret …«, så loven kan bestemmes sikkert")
    readings = 0
    for _form, rx in _FORMS:
        m = rx.match(text)
        t = (m.groupdict().get("titel") or m.groupdict().get("om") or "") if m else ""
        if _ACT_IN_TITLE.search(t) and not _AMENDED_IN_TITLE.search(t):
            return ("titlen ville nævne endnu en lov ved sit nummer (»lov nr. N af D«); skriv én ændringsparagraf for "
                    "hver lov, så den ændrede lov kan bestemmes sikkert")
        if m and _AMENDED_IN_TITLE.search(m.groupdict().get("titel") or m.groupdict().get("om") or ""):
            return ("lovens titel ville indeholde en »som … ændret«-sætning; skriv »som ændret ved …« lige efter "
                    "titlen og henvisningen, så titlen kan adskilles sikkert")
        readings += bool(m)
    if readings > 1:
        return "den kan læses på flere måder (titel og henvisning deles forskelligt); den ændrede lov " \
               "kan ikke bestemmes sikkert"
    return ("den har ikke en kendt form (»I lov om X, jf. lovbekendtgørelse nr. N af D[, som ændret …], "
            "foretages …«, »I lov nr. N af D om X …«, »I X-loven, lov nr. N af D …«); den ændrede lov kan ikke "
            "bestemmes sikkert")


def format(d: dict) -> str:
    end = "ændring:" if d.get("ental") else "ændringer:"
    form = d.get("form") or _default_form(d)
    som = f", som ændret {d['som_ændret']}" if d.get("som_ændret") else ""
    if d.get("som_ændres"):
        som += f", {'og ' if som else ''}som ændres {d['som_ændres']}"
    komma = d.get("komma_før_foretages", _default_comma(form, d))
    tail = f"{som}{',' if komma else ''} foretages følgende {end}"
    ref, titel = d["henvisning"], d["lovtitel"]
    if form == NR_OM:
        return f"I {ref} {titel[4:]}{tail}"
    if form == TITEL_NR:
        return f"I {titel}, {ref}{tail}"
    if form == NR_TITEL:
        return f"I {ref}, {titel}{tail}"
    return f"I {titel}, jf. {ref}{tail}"


_ITEM = re.compile(rf"(?:§ (?P<paragraf>\d+(?: [a-z])?) i )?(?P<lov>{_LOV})")
_LIST = re.compile(r"^(?:bl\.a\. |senest )?ved X(?:(?:, | og )X)*(?: og senest ved X)?$")


def amended_by(som: str) -> list[dict] | None:
    """The acts a `som_ændret` text names, in its order: [{"paragraf": "1", "lov": "lov nr. 1522 af
    27. december 2014"}, {"lov": "lov nr. 511 af 27. maj 2013"}] (a whole act has no paragraf). None
    for a text that is not such a list of acts ("ved § 1, nr. 1, 3, 6 og 10-13, i lov nr. 629 …")."""
    items = [{k: v for k, v in m.groupdict().items() if v} for m in _ITEM.finditer(som)]
    return items if items and _LIST.match(_ITEM.sub("X", som)) else None


def act_names(title: str, popular: str = "") -> set[str]:
    """The names an intro may give the act titled `title` (the law's title, as the store holds it): the
    title itself, the title without a parenthesised short name, that short name where it is one ("lov om
    integration af udlændinge i Danmark (integrationsloven)" -> "integrationsloven"; a subtitle such as
    "(Nedsættelse af dagpengeperioden)" names no act), and the official popular title of the LexDania
    metadata ("Retsplejeloven" for "lov om rettens pleje"). Lower case, white space normalised."""
    t = " ".join(title.split()).lower()
    out = {t} if t else set()
    m = re.fullmatch(r"(.*?)\s*\(([^()]*)\)", t)
    if m:
        out.add(m.group(1))
        if re.fullmatch(r"[\wæøå-]+loven", m.group(2)):
            out.add(m.group(2))
    p = " ".join(popular.split()).lower()
    if p:
        out.add(p)
    return out
