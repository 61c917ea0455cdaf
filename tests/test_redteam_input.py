"""Red team: careless and hostile values a drafter types into a proposal.

Each case was tried against the loader and the engine; the ones here found a bug (fixed) or pin a
behaviour the principles demand: refuse with file:line:column and a Danish hint, never a wrong law
text with exit 0, never a traceback.
"""
from __future__ import annotations

import pytest

from lawdiff.errors import LawdiffError
from lawdiff.proposal import parse_proposal
from lawdiff.validate import ValueProblem, clean_text
from tests.conftest import PROPOSAL_HEAD

CHANGE = """\
      - i: "§ 68 a, stk. 4"
        ændres: 5 års
        til: "{til}"
"""

# invisible characters that are neither white space nor an invisible of the official texts:
# before the fix each one reached the law text unseen ("3 års" + a tag character applied, exit 0)
HIDDEN = ["\\U000E0041", "\\U000E0020", "\\u3164", "\\u115F", "\\u034F", "\\u2028", "\\u2029", "\\u2062",
          "\\u206A", "\\uFE0F", "\\U000E0100", "\\uFFF9", "\\u180E", "\\u17B4", "\\U0001D173"]


@pytest.mark.parametrize("escape", HIDDEN)
def test_invisible_characters_in_new_words_are_refused_with_line_and_column(escape):
    data = (PROPOSAL_HEAD + CHANGE.format(til=f"3{escape} års")).encode()
    with pytest.raises(LawdiffError) as e:
        parse_proposal(data, "proposals/x.yaml")
    errs = getattr(e.value, "errors", None) or [e.value]
    assert any(x.line == 12 and "usynligt tegn" in x.message for x in errs), [x.message for x in errs]


@pytest.mark.parametrize("ch", ["\U000E0041", "\u3164", "\u2028"])
def test_invisible_characters_are_refused_as_raw_bytes_too_even_in_a_comment(ch):
    data = (PROPOSAL_HEAD.replace("titel: Prøve", f"titel: Prøve  # note{ch}") + CHANGE.format(til="3 års")).encode()
    with pytest.raises(LawdiffError) as e:
        parse_proposal(data, "proposals/x.yaml")
    errs = getattr(e.value, "errors", None) or [e.value]
    assert errs[0].line == 1 and "usynligt tegn" in errs[0].message


@pytest.mark.parametrize("ch", ["\u00ad", "\u200b", "\u2060", "\u00a0", "\u202f", "\u200d"])
def test_the_invisibles_and_spaces_of_official_texts_stay_allowed(ch):
    assert clean_text(f"3{ch}års") == f"3{ch}års"


def test_the_message_names_the_character():
    with pytest.raises(ValueProblem) as e:
        clean_text("ab\U000E0041")
    assert e.value.offset == 2 and "U+E0041 TAG LATIN CAPITAL LETTER A" in e.value.message


# --- file names --------------------------------------------------------------------

@pytest.mark.parametrize("name", ["a#b.yaml", "udkast?.yaml", "50%.yaml", "a%20b.yaml", "a\\b.yaml", "a\x01.yaml",
                                  "javascript:alert(1).yaml", "data:text.yaml"])
def test_a_proposal_named_with_a_character_links_cannot_hold_is_refused(name, tmp_path):
    """Before: `build` wrote forslag/a#b.html and linked it as href="forslag/a#b.html" (the browser
    asks for forslag/a), and `serve` answered 403 for a name with "%"."""
    from lawdiff.proposal import load_proposal

    f = tmp_path / name
    f.write_text(PROPOSAL_HEAD + CHANGE.format(til="3 års"), "utf-8")
    with pytest.raises(LawdiffError) as e:
        load_proposal(f)
    assert (e.value.line, e.value.column) == (1, 1) and "kan ikke stå i webstedets links" in e.value.message
    assert "omdøb filen" in e.value.hint


@pytest.mark.parametrize("name", ["ds-11-forslag.yaml", "Mit forslag (udkast 2).yaml", "forslag_æøå.yaml"])
def test_ordinary_file_names_load(name, tmp_path):
    from lawdiff.proposal import load_proposal

    f = tmp_path / name
    f.write_text(PROPOSAL_HEAD + CHANGE.format(til="3 års"), "utf-8")
    assert load_proposal(f).slug == name[:-5]


def test_serve_watches_the_files_check_and_build_read(tmp_path):
    """Before: serve also rendered proposals/x.yml (which check and build never read), and an x.yml
    beside an x.yaml went to the same page."""
    from lawdiff.serve import Preview

    for d in ("statutes", "proposals", "amendments"):
        (tmp_path / d).mkdir()
    (tmp_path / "proposals" / "a.yaml").write_text("titel: a\n")
    (tmp_path / "proposals" / "a.yml").write_text("titel: b\n")
    (tmp_path / "amendments" / "lov-2020-1.yml").write_text("x: 1\n")
    assert sorted(Preview(tmp_path).scan()) == ["proposals/a.yaml"]


# --- careless YAML ----------------------------------------------------------------

@pytest.mark.parametrize("body, line, col, words", [
    ('      - i: "§ 68 a, stk. 4"\n\tændres: 5 års\n        til: 3 års\n', 11, 1, "tabulatortegn (tab)"),
    ('      - i: "§ 68 a, stk. 4"\n        ændres: 5\tårs\n        til: 3 års\n', 11, 18, "tabulatortegn (tab)"),
    ('      - i: "§ 68 a, stk. 4"\n        ændres: @5 års\n        til: 3 års\n', 11, 17, "tegnet '@', som ikke kan"),
    ('      - i: "§ 68 a, stk. 4"\n        ændres: `5 års`\n        til: 3 års\n', 11, 17, "tegnet '`', som ikke kan"),
])
def test_pyyaml_character_errors_are_danish(body, line, col, words):
    """Before: "ugyldig YAML: found character '\\t' that cannot start any token" (English: the Danish
    table looked for the message without the character PyYAML puts inside it)."""
    with pytest.raises(LawdiffError) as e:
        parse_proposal((PROPOSAL_HEAD + body).encode(), "proposals/x.yaml")
    assert (e.value.line, e.value.column) == (line, col)
    assert words in e.value.message and "found character" not in e.value.message


@pytest.mark.parametrize("variant", ["bom", "crlf", "bom+crlf", "trailing spaces", "nbsp in words", "double spaces"])
def test_harmless_variants_give_the_same_change(variant):
    """A BOM, Windows line ends, trailing spaces, a no-break space or a double space in the words
    read as the plain file (the engine matches the law's words either way)."""
    plain = PROPOSAL_HEAD + CHANGE.format(til="3 års")
    text = {"bom": "\ufeff" + plain, "crlf": plain.replace("\n", "\r\n"),
            "bom+crlf": "\ufeff" + plain.replace("\n", "\r\n"),
            "trailing spaces": plain.replace("\n", "   \n"),
            "nbsp in words": plain.replace("5 års", "5\u00a0års"),
            "double spaces": plain.replace("til: \"3 års\"", "til: \"3  års \"")}[variant]
    a = parse_proposal(plain.encode(), "proposals/x.yaml").changes[0].data
    b = parse_proposal(text.encode(), "proposals/x.yaml").changes[0].data
    norm = {k: " ".join(str(v).replace("\u00a0", " ").split()) for k, v in b.items()}
    assert norm == {k: str(v) for k, v in a.items()}


# --- careless changes ----------------------------------------------------------------

@pytest.mark.parametrize("old, new", [("5 års", "5 års"), ("5 års", "5\u00a0års"), ("5 års", " 5  års ")])
def test_a_change_of_words_into_the_same_words_is_refused(old, new):
    """Before: exit 0 and "1. I § 68 a, stk. 4, ændres »5 års« til: »5 års«." in the lovforslag."""
    data = (PROPOSAL_HEAD + f'      - i: "§ 68 a, stk. 4"\n        ændres: "{old}"\n        til: "{new}"\n').encode()
    with pytest.raises(LawdiffError) as e:
        parse_proposal(data, "proposals/x.yaml")
    assert e.value.line == 12 and "ændringen ændrer intet" in e.value.message


def test_a_change_of_case_is_a_change():
    data = (PROPOSAL_HEAD + '      - overalt: true\n        ændres: jobplan\n        til: Jobplan\n').encode()
    assert parse_proposal(data, "proposals/x.yaml").changes[0].data["til"] == "Jobplan"


def _run(body: str):
    from lawdiff.engine import run
    from lawdiff.store import Store
    from tests.conftest import ROOT

    return run(parse_proposal((PROPOSAL_HEAD + body).encode(), "proposals/x.yaml"), Store(ROOT))


@pytest.mark.parametrize("body", [
    '      - ny: stk\n        i: "§ 68 a"\n        efter: stk. 3\n        tekst: "Stk. 7. Det er en betingelse."\n',
    '      - affattes: "§ 68 a, stk. 2"\n        tekst: "Stk. 3. Personer, hvor noget."\n',
    '      - ny: nr\n        i: "§ 68 a, stk. 1"\n        efter: nr. 1\n        tekst: "5) har noget."\n',
])
def test_a_label_that_does_not_fit_the_place_is_refused(body):
    """Before: 'Stk. 7.' inserted as stk. 4, 'Stk. 3.' rewriting stk. 2 and '5)' inserted as nr. 2
    were relabelled silently, exit 0."""
    with pytest.raises(LawdiffError) as e:
        _run(body)
    assert "teksten begynder med" in e.value.message


def test_a_proposal_file_name_never_becomes_a_script_link(tmp_path):
    """Before: proposals/javascript:alert(1).yaml built a page whose Word link was
    <a href="javascript:alert(1).docx">, which runs alert(1) when clicked."""
    import shutil

    from lawdiff.render.site import build_site
    from tests.conftest import ROOT

    (tmp_path / "statutes").mkdir()
    shutil.copytree(ROOT / "statutes" / "lab", tmp_path / "statutes" / "lab")
    (tmp_path / "proposals").mkdir()
    (tmp_path / "proposals" / "javascript:alert(1).yaml").write_text(PROPOSAL_HEAD + CHANGE.format(til="3 års"))
    with pytest.raises(LawdiffError) as e:
        build_site(tmp_path, tmp_path / "site", pdf=False)
    assert "tegnet »:«" in e.value.message
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("target", ["outside", "/etc/passwd"])
def test_a_proposal_that_is_a_symlink_out_of_its_folder_is_never_read(target, tmp_path, monkeypatch):
    """Before: proposals/x.yaml linking to /etc/passwd or to a file outside the project was read,
    and its content reached the error messages ("mangler »organisation«" about the outside file)."""
    import builtins

    from lawdiff.proposal import load_proposal

    outside = tmp_path / "outside.yaml"
    outside.write_text("titel: hemmelig\n")
    (tmp_path / "proposals").mkdir()
    link = tmp_path / "proposals" / "x.yaml"
    link.symlink_to(outside if target == "outside" else target)
    opened = []
    real_open = __import__("os").open
    monkeypatch.setattr("os.open", lambda p, *a, **k: opened.append(str(p)) or real_open(p, *a, **k))
    monkeypatch.setattr(builtins, "open", lambda p, *a, **k: (_ for _ in ()).throw(AssertionError(p)))
    with pytest.raises(LawdiffError) as e:
        load_proposal(link)
    assert "symbolsk link ud af" in e.value.message and "hemmelig" not in str(e.value)
    assert opened == []


def test_a_symlink_within_the_folder_is_read(tmp_path):
    from lawdiff.proposal import load_proposal

    (tmp_path / "proposals").mkdir()
    (tmp_path / "proposals" / "v3.yaml").write_text(PROPOSAL_HEAD + CHANGE.format(til="3 års"), "utf-8")
    (tmp_path / "proposals" / "gældende.yaml").symlink_to("v3.yaml")
    assert load_proposal(tmp_path / "proposals" / "gældende.yaml").changes[0].data["til"] == "3 års"


@pytest.mark.parametrize("body", [
    '      - i: "§ 68 a, stk. 4"\n        udgår: "Ressourceforløbet skal være af mindst 1 og højst 5 års varighed."\n',
    '      - i: "§ 68 a, stk. 1, nr. 1"\n        udgår: "har modtaget længerevarende offentlig forsørgelse"\n',
])
def test_deleting_every_word_of_a_unit_is_refused(body):
    """Before: 'Stk. 4.' alone and '1) ,' with exit 0."""
    with pytest.raises(LawdiffError) as e:
        _run(body)
    assert "uden tekst" in e.value.message and "ophæves" in e.value.hint


# --- line breaks in words, several new units in one tekst ------------------------------------

def test_a_block_value_for_words_loses_its_final_line_break():
    """Before: `til: |` gave »3 års\\n« in the lovforslag (the engine itself folded it)."""
    body = '      - i: "§ 68 a, stk. 4"\n        ændres: 5 års\n        til: |\n          3 års\n'
    result = _run(body)
    from lawdiff.render.instructions import build_lovforslag

    assert "ændres »5 års« til: »3 års«." in build_lovforslag(result).text()


@pytest.mark.parametrize("key, body", [
    ("til", '      - i: "§ 68 a, stk. 4"\n        ændres: 5 års\n        til: |\n          3\n          års\n'),
    ("til", '      - i: "§ 68 a, stk. 4"\n        ændres: 5 års\n        til: "3\\nStk. 5. Noget nyt"\n'),
    ("ændres", '      - i: "§ 68 a, stk. 4"\n        ændres: "5\\nårs"\n        til: 3 års\n'),
    ("tekst", '      - i: "§ 68 a, stk. 4"\n        indsættes_efter: varighed\n        tekst: "x\\ny"\n'),
])
def test_a_line_break_inside_words_is_refused(key, body):
    """Before: exit 0; the law read "3 års" (or "3 Stk. 5. Noget nyt") and the lovforslag »3\\nårs\\n«."""
    with pytest.raises(LawdiffError) as e:
        parse_proposal((PROPOSAL_HEAD + body).encode(), "proposals/x.yaml")
    assert f"»{key}« står på flere linjer" in e.value.message


def test_a_new_text_of_two_labelled_stk_is_quoted_whole_in_the_lovforslag():
    """Before: the engine inserted stk. 4 and 5 and the rykning said "Stk. 4-9 bliver herefter
    stk. 6-11", but the lovforslag quoted only »Stk. 4. …« "som nyt stykke": Bilag 1 and the
    formal text left out a stk. the redline showed."""
    from lawdiff.render.bilag import bilag, bilag_text
    from lawdiff.render.instructions import build_lovforslag

    body = ('      - ny: stk\n        i: "§ 68 a"\n        efter: stk. 3\n'
            '        tekst: "Det er en betingelse.\\nStk. 5. Mere."\n')
    result = _run(body)
    lf = build_lovforslag(result)
    text = lf.text()
    assert ("I § 68 a indsættes efter stk. 3 som nye stykker:\n»Stk. 4. Det er en betingelse.\nStk. 5. Mere.«\n"
            "Stk. 4-9 bliver herefter stk. 6-11.") in text
    assert "Stk. 5. Mere.«" in bilag_text(bilag(lf, result))


def test_two_new_stk_at_the_end_are_numbered_both():
    from lawdiff.render.instructions import build_lovforslag

    body = '      - ny: stk\n        i: "§ 68 a"\n        tekst: "Stk. 10. En.\\nStk. 11. To."\n'
    assert "I § 68 a indsættes som stk. 10 og 11:\n»Stk. 10. En.\nStk. 11. To.«" in build_lovforslag(_run(body)).text()


@pytest.mark.parametrize("target, tekst, words", [
    ("§ 68 a, stk. 2", "Stk. 2. En ny tekst.\\nStk. 3. Endnu en.", "nyaffatter ét stk."),
    ("§ 68 a, stk. 1, nr. 1", "1) har noget,\\n2) har mere,", "nyaffatter ét nr."),
    ("§ 68 b", "§ 68 b. En ny tekst.\\n§ 68 bb. Endnu en.", "nyaffatter ét §"),
])
def test_a_rewrite_of_one_unit_with_the_text_of_two_is_refused(target, tekst, words):
    """Before: exit 0. Stk. 2 was rewritten and a stk. 3 inserted (3-9 became 4-10) while the
    lovforslag said "§ 68 a, stk. 2, affattes således: »Stk. 2. En ny tekst.«"; a second § line
    became words of the rewritten §."""
    body = f'      - affattes: "{target}"\n        tekst: "{tekst}"\n'
    with pytest.raises(LawdiffError) as e:
        parse_proposal((PROPOSAL_HEAD + body).encode(), "proposals/x.yaml")
    assert words in e.value.message and "ophæves" in e.value.hint


@pytest.mark.parametrize("target, tekst", [
    ("§ 68 a", "§ 68 a. Første.\\nStk. 2. Andet."),  # a § with its stk.
    ("§ 68 a, stk. 2", "Stk. 2. Personer, jf. stk. 3."),
    ("§ 68 a, stk. 1", "Første linje\\n1) et nummer,\\n2) et andet."),  # a stk. with its nr.
])
def test_a_rewrite_with_the_units_below_it_is_fine(target, tekst):
    body = f'      - affattes: "{target}"\n        tekst: "{tekst}"\n'
    assert parse_proposal((PROPOSAL_HEAD + body).encode(), "proposals/x.yaml").changes[0].verb == "affattes"


@pytest.mark.parametrize("tekst, head", [
    ("Første nye.", "indsættes som 2. pkt.:"),
    ("Første nye. Anden nye.", "indsættes som 2. og 3. pkt.:"),
    ("En. To. Tre.", "indsættes som 2., 3. og 4. pkt.:"),
])
def test_new_punktummer_at_the_end_are_numbered_as_they_will_stand(tekst, head):
    """Before: »Første nye. Anden nye.« after stk. 4's one punktum was "indsættes som 3. pkt." (the
    count after the change), though the first new punktum is the 2."""
    from lawdiff.render.instructions import build_lovforslag

    body = f'      - ny: pkt\n        i: "§ 68 a, stk. 4"\n        tekst: "{tekst}"\n'
    assert f"1. I § 68 a, stk. 4, {head}\n»{tekst}«" in build_lovforslag(_run(body)).text()


@pytest.mark.parametrize("til", ["3 års\\u00a0", "\\u00a03 års", "3 års\\u202f", "3 års \\u00a0", "\\u30003 års"])
def test_white_space_at_the_ends_of_words_never_reaches_the_law(til):
    """Found by tests/test_redteam_render.py: `til: "… \\u00a0"` (a no-break space copied from Word)
    gave »3 års \\u00a0« in the lovforslag and the law; only plain spaces were folded."""
    from lawdiff.render.instructions import build_lovforslag

    body = f'      - i: "§ 68 a, stk. 4"\n        ændres: "5 års\\u00a0"\n        til: "{til}"\n'
    assert "ændres »5 års« til: »3 års«." in build_lovforslag(_run(body)).text()


def test_a_missing_section_is_named_once():
    """Before: '§ 68 A findes ikke i lab@2016-11-21 (i lab@2016-11-21)'."""
    with pytest.raises(LawdiffError) as e:
        _run('      - i: "§ 68 A, stk. 4"\n        udgår: "5 års"\n')
    assert e.value.message.count("lab@2016-11-21") == 1
