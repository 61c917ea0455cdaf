"""The Word styles of a lawdiff .docx: Danish language, headings, "§ 1" centred, Stk. labels.

Everything the document shows is formatted through these named styles, never by direct
formatting, so that a drafter can restyle the document in Word (Design → Styles) at once.
"""
from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

LANG = "da-DK"

# paragraph styles (names as Word shows them)
TITLE = "Title"
FRONT = "Forsidedata"
BILL_TITLE = "Lovforslagets titel"
BILL_SUBTITLE = "Lovforslagets undertitel"
PARAGRAF = "Paragraf"  # "§ 1", centred
LAW = "Lovtekst"
NUMMER = "Nummer"  # "1. I § 68 a … ændres …"
QUOTED = "Ny lovtekst"  # the quoted new text of a nummer
NESTED = ("Lovtekst", "Lovtekst nr.", "Lovtekst litra", "Lovtekst litra 2")  # by depth
LAW_HEADING = "Lovens titel"
TABLE_TEXT = ("Bilagtekst", "Bilagtekst indrykket", "Bilagtekst indrykket 2", "Bilagtekst indrykket 3")
TABLE_HEAD = "Bilag kolonneoverskrift"
REMARK = "Bemærkning"
COMMENT_TEXT = "annotation text"
# character styles
SECTION_LABEL = "Paragrafnummer"  # "§ 68 a."
SUBSECTION_LABEL = "Stykkenummer"  # "Stk. 2."
COMMENT_REF = "annotation reference"


def _lang(rpr) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANG)
    lang.set(qn("w:eastAsia"), LANG)


def _para(styles, name: str, base: str = "Normal", **kw):
    s = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    s.base_style = styles[base]
    s.quick_style = True
    pf, font = s.paragraph_format, s.font
    for key, value in kw.items():
        if key in ("bold", "italic", "size"):
            setattr(font, key, value)
        else:
            setattr(pf, key, value)
    return s


def setup(doc) -> None:
    """Danish language on the document defaults, and every style the renderer uses."""
    styles = doc.styles
    root = styles.element
    rpr = root.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
    _lang(rpr)
    normal = styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.1
    for h in ("Heading 1", "Heading 2", "Heading 3", "Title"):
        styles[h].font.name = "Times New Roman"
        styles[h].paragraph_format.keep_with_next = True
    styles["Heading 1"].paragraph_format.page_break_before = True  # every part starts a page
    styles["Footer"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER

    _para(styles, FRONT, space_after=Pt(2))
    _para(styles, BILL_TITLE, alignment=WD_ALIGN_PARAGRAPH.CENTER, bold=True, size=Pt(14), space_after=Pt(2),
          keep_with_next=True)
    _para(styles, BILL_SUBTITLE, alignment=WD_ALIGN_PARAGRAPH.CENTER, space_after=Pt(12))
    _para(styles, PARAGRAF, alignment=WD_ALIGN_PARAGRAPH.CENTER, bold=True, space_before=Pt(12),
          space_after=Pt(6), keep_with_next=True)
    _para(styles, LAW, alignment=WD_ALIGN_PARAGRAPH.JUSTIFY)
    _para(styles, NESTED[1], LAW, left_indent=Cm(0.8))
    _para(styles, NESTED[2], LAW, left_indent=Cm(1.6))
    _para(styles, NESTED[3], LAW, left_indent=Cm(2.4))
    _para(styles, NUMMER, LAW, space_before=Pt(6), keep_with_next=True)
    _para(styles, QUOTED, LAW, left_indent=Cm(0.8))
    _para(styles, LAW_HEADING, "Heading 2")
    _para(styles, TABLE_TEXT[0], size=Pt(9.5), space_after=Pt(3), line_spacing=1.0)
    _para(styles, TABLE_TEXT[1], TABLE_TEXT[0], left_indent=Cm(0.5))
    _para(styles, TABLE_TEXT[2], TABLE_TEXT[0], left_indent=Cm(1.0))
    _para(styles, TABLE_TEXT[3], TABLE_TEXT[0], left_indent=Cm(1.5))
    _para(styles, TABLE_HEAD, TABLE_TEXT[0], bold=True, keep_with_next=True)
    _para(styles, REMARK)
    comment = _para(styles, COMMENT_TEXT, size=Pt(10))
    comment.element.set(qn("w:styleId"), "CommentText")  # the id python-docx gives comment paragraphs

    sec = styles.add_style(SECTION_LABEL, WD_STYLE_TYPE.CHARACTER)
    sec.font.bold = True
    stk = styles.add_style(SUBSECTION_LABEL, WD_STYLE_TYPE.CHARACTER)
    stk.font.italic = True
    ref = styles.add_style(COMMENT_REF, WD_STYLE_TYPE.CHARACTER)
    ref.font.size = Pt(8)
    ref.element.set(qn("w:styleId"), "CommentReference")

    # the document's own language (spell checking, hyphenation) and its theme fonts
    settings = doc.settings.element
    for tag, value in (("w:themeFontLang", LANG), ("w:decimalSymbol", ","), ("w:listSeparator", ";")):
        el = settings.find(qn(tag))
        if el is not None:  # present in python-docx's template; appending would break the schema order
            el.set(qn("w:val"), value)
