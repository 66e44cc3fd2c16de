"""python-docx helpers of the Word renderer (render_docx.py): the OOXML pieces python-docx has
no API for (borders, field codes, non-breaking hyphens, table indents) and the paragraph and
table shapes the report repeats. Layout only: no text of its own."""

FONT = "Times New Roman"


def element(tag, **attributes):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), str(value))
    return element


def insert_before(parent, child, successors):
    """Insert `child` before the first of `successors` present: Word rejects a file whose
    property elements are out of the schema's order (LibreOffice is more forgiving)."""
    from docx.oxml.ns import qn

    for tag in successors:
        found = parent.find(qn(tag))
        if found is not None:
            found.addprevious(child)
            return child
    parent.append(child)
    return child


def twips(mm):
    return round(mm * 1440 / 25.4)


def add_text(paragraph, text, *, bold=False, italic=False, size=None, caps=False):
    """A run of `text`; a line break in the tree's text is a line break in Word."""
    from docx.shared import Pt

    run = paragraph.add_run()
    for number, line in enumerate(text.split("\n")):
        if number:
            run.add_break()
        add_codes_whole(run, line)
    run.bold = bold or None
    run.italic = italic or None
    if caps:
        run.font.all_caps = True
    if size:
        run.font.size = Pt(size)
    return run


def add_codes_whole(run, text):
    """The text, with the hyphens of codes ("SEA-MaP", "276/NQ-CP") non-breaking, as the PDF
    keeps them whole: a reader would take "NQ-" + "CP" on the next line for a hyphenated word."""
    from reports.templatetags.report_pdf import CODE

    start = 0
    for match in CODE.finditer(text):
        if match.start() > start:
            run._r.add_t(text[start : match.start()])
        for number, part in enumerate(match.group(0).split("-")):
            if number:
                run._r.append(element("w:noBreakHyphen"))
            if part:
                run._r.add_t(part)
        start = match.end()
    if start < len(text) or not text:
        run._r.add_t(text[start:])


def add_paragraph(container, *, align=None, before=0, after=0, indent_mm=None, style=None):
    from docx.shared import Mm, Pt

    paragraph = container.add_paragraph(style=style)
    fmt = paragraph.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    if align is not None:
        fmt.alignment = align
    if indent_mm is not None:
        fmt.first_line_indent = Mm(indent_mm)
    return paragraph


def set_fonts(rpr, language_tag=None):
    """Times New Roman for every script slot, without the theme fonts (which win over a named
    font in Word), and the proofing language."""
    from docx.oxml.ns import qn

    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = insert_before(rpr, element("w:rFonts"), ("w:b", "w:i", "w:color", "w:sz"))
    for name in list(fonts.attrib):
        if name.lower().endswith("theme"):  # asciiTheme, hAnsiTheme, eastAsiaTheme, cstheme
            del fonts.attrib[name]
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{slot}"), FONT)
    if language_tag:
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = insert_before(rpr, element("w:lang"), ("w:eastAsianLayout", "w:specVanish"))
        lang.set(qn("w:val"), language_tag)


def add_table(word, widths_mm, *, indent_mm=0, style=None, flush=False):
    from docx.shared import Mm

    table = word.add_table(rows=1, cols=len(widths_mm))
    if style:
        table.style = style
    if indent_mm:
        insert_before(
            table._tbl.tblPr,
            element("w:tblInd", w=twips(indent_mm), type="dxa"),
            ("w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook"),
        )
    if flush:
        # No cell padding, as the PDF's heading table has none: the names fit on one line.
        margins = element("w:tblCellMar")
        for side in ("left", "right"):
            margins.append(element(f"w:{side}", w=0, type="dxa"))
        insert_before(table._tbl.tblPr, margins, ("w:tblLook",))
    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    for cell, width in zip(table.rows[0].cells, widths_mm, strict=True):
        cell.width = Mm(width)
    return table


def cell_paragraph(cell, *, align, before=0, after=0):
    """A new paragraph in the cell (its first, still empty one the first time): aligned,
    unindented, single-spaced."""
    from docx.shared import Mm, Pt

    paragraphs = cell.paragraphs
    fresh = len(paragraphs) == 1 and not paragraphs[0].runs and paragraphs[0]._p.pPr is None
    paragraph = paragraphs[0] if fresh else cell.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    fmt.first_line_indent = Mm(0)
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    fmt.line_spacing = 1.0
    return paragraph


# Elements that follow w:pBdr in a paragraph's properties (ECMA-376 order).
AFTER_PARAGRAPH_BORDER = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:jc",
    "w:rPr",
)


def add_rule(cell, width_mm, cell_width_mm):
    """A short horizontal rule centred in the cell: the bottom border of an empty paragraph
    whose text is 1 pt high, so the rule sits just under the line above."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    paragraph = cell_paragraph(cell, align=WD_ALIGN_PARAGRAPH.CENTER, after=6)
    side = (cell_width_mm - width_mm) / 2
    paragraph.paragraph_format.left_indent = Mm(side)
    paragraph.paragraph_format.right_indent = Mm(side)
    ppr = paragraph._p.get_or_add_pPr()
    border = element("w:pBdr")
    border.append(element("w:bottom", val="single", sz=6, space=1, color="000000"))
    insert_before(ppr, border, AFTER_PARAGRAPH_BORDER)
    # The paragraph mark's size sets the empty line's height.
    mark = element("w:rPr")
    mark.append(element("w:sz", val=2))
    ppr.append(mark)
    paragraph.add_run().font.size = Pt(1)
