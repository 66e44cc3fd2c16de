"""The Word renderer: `Document` (reports.document) → .docx bytes (python-docx).

The Word edition is the one the secretariat finishes by hand, so it follows the same Decree
30/2020/NĐ-CP, Appendix I layout as the PDF (render_pdf.py and its stylesheet): A4, margins
20/20/30/15 mm, 13-14 pt text, the two-column heading block with its rules, page numbers
centred at the top from page 2, the closing table of recipients and signature. The font is
Times New Roman, the font Word users have (LibreOffice substitutes Liberation Serif / Tinos,
which have its metrics). Like the PDF renderer it lays out and never words: every text, the
draft mark included, comes from the tree; the only characters of its own are the "- " of
list items and recipients, which the PDF's template and stylesheet add too.
"""

import io

from django.utils import timezone

from reports.docx_xml import (
    FONT,
    add_paragraph,
    add_rule,
    add_table,
    add_text,
    cell_paragraph,
    element,
    set_fonts,
)

PAGE_MM = (210, 297)
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
TEXT_WIDTH_MM = PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]
# As in the PDF, the heading block reaches 12 mm into the left margin so that the ministry's
# name and the national name each fit on one line.
HEADING_OVERHANG_MM = 12
HEADING_COLUMNS = (0.42, 0.58)
CLOSING_COLUMNS = (0.45, 0.55)
ANNEX_COLUMNS_MM = (24, 26, 75, 40)
FIRST_LINE_INDENT_MM = 10
DRAFT_COLOUR = "B00020"
LANGUAGE_TAGS = {"vi": "vi-VN", "en": "en-GB"}


def render_docx(document) -> bytes:
    """The .docx bytes of `document`; python-docx is imported here so start-up stays fast."""
    from docx import Document as WordDocument

    word = WordDocument()
    section = word.sections[0]
    _set_up_page(section)
    _set_up_styles(word, LANGUAGE_TAGS.get(document.language, document.language))
    _page_headers(section, document.draft_mark)
    _letterhead(word, document.letterhead)
    _title(word, document.title)
    for part in document.sections:
        _section(word, part, level=1)
    _closing(word, document)
    if document.annex:
        _annex(word, document.annex)
    _properties(word, document)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


# --- page and styles --------------------------------------------------------------------


def _set_up_page(section):
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])
    # The page number sits in the top margin, as in the PDF.
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)
    section.different_first_page_header_footer = True


def _set_up_styles(word, language_tag):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt, RGBColor

    # Every style of the template (Title, Heading 4-9, ...) as well, so that a style the
    # secretariat picks in Word keeps the report's font.
    for fonts in list(word.styles.element.iter(qn("w:rFonts"))):
        set_fonts(fonts.getparent())
    defaults = word.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        for rpr in defaults.iter(qn("w:rPr")):
            set_fonts(rpr, language_tag)
    normal = word.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    set_fonts(normal.element.get_or_add_rPr(), language_tag)
    fmt = normal.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.first_line_indent = Mm(FIRST_LINE_INDENT_MM)
    fmt.space_before, fmt.space_after = Pt(0), Pt(6)
    fmt.line_spacing = 1.15
    fmt.widow_control = True
    # Section headings use Word's own heading styles, so the navigation pane and a table of
    # contents find them; they look like the PDF's h2/h3/h4.
    for level, (indent, italic, before) in enumerate(
        ((0, False, 10), (FIRST_LINE_INDENT_MM, False, 8), (FIRST_LINE_INDENT_MM, True, 6)),
        start=1,
    ):
        style = word.styles[f"Heading {level}"]
        style.font.name = FONT
        style.font.size = Pt(14)
        style.font.bold, style.font.italic = True, italic
        style.font.color.rgb = RGBColor(0, 0, 0)
        set_fonts(style.element.get_or_add_rPr())
        heading = style.paragraph_format
        heading.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        heading.first_line_indent = Mm(indent)
        heading.left_indent = Mm(0)
        heading.space_before, heading.space_after = Pt(before), Pt(6)
        heading.line_spacing = 1.15
        heading.keep_with_next = True


def _page_headers(section, draft_mark):
    """Page numbers (a PAGE field) centred at the top from page 2: page 1 has its own header
    (section.different_first_page_header_footer) holding only the draft mark, if any."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
    from docx.shared import Mm

    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.paragraph_format.first_line_indent = Mm(0)
    stops = paragraph.paragraph_format.tab_stops
    stops.add_tab_stop(Mm(TEXT_WIDTH_MM / 2), WD_TAB_ALIGNMENT.CENTER)
    stops.add_tab_stop(Mm(TEXT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT)
    paragraph.add_run("\t")
    _page_field(paragraph)
    if draft_mark:
        paragraph.add_run("\t")
        _draft_run(paragraph, draft_mark)

    first = section.first_page_header
    first.is_linked_to_previous = False
    paragraph = first.paragraphs[0]
    paragraph.paragraph_format.first_line_indent = Mm(0)
    paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if draft_mark:
        _draft_run(paragraph, draft_mark)


def _page_field(paragraph):
    from docx.shared import Pt

    for part in ("begin", "instr", "separate", "end"):
        run = paragraph.add_run()
        run.font.size = Pt(13)
        if part == "instr":
            instr = element("w:instrText")
            instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            instr.text = " PAGE "
            run._r.append(instr)
        else:
            run._r.append(element("w:fldChar", fldCharType=part))


def _draft_run(paragraph, text):
    """The draft mark: bold, red, boxed, as in the PDF's top-right margin."""
    from docx.shared import Pt, RGBColor

    run = paragraph.add_run(text)
    rpr = run._r.get_or_add_rPr()
    # Appended before python-docx adds its own properties, which it then orders before it.
    rpr.append(element("w:bdr", val="single", sz=8, space=1, color=DRAFT_COLOUR))
    run.bold = True
    run.font.size = Pt(13)
    run.font.color.rgb = RGBColor.from_string(DRAFT_COLOUR)
    return run


# --- the document's parts ---------------------------------------------------------------


def _letterhead(word, letterhead):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    centre = WD_ALIGN_PARAGRAPH.CENTER
    total = TEXT_WIDTH_MM + HEADING_OVERHANG_MM
    widths = [round(total * share, 1) for share in HEADING_COLUMNS]
    table = add_table(word, widths, indent_mm=-HEADING_OVERHANG_MM, flush=True)
    agency, nation = table.rows[0].cells

    add_text(cell_paragraph(agency, align=centre), letterhead.issuing_body, size=12.5, caps=True)
    add_text(
        cell_paragraph(agency, align=centre),
        letterhead.issuing_unit,
        bold=True,
        size=12.5,
        caps=True,
    )
    add_rule(agency, widths[0] * 0.3, widths[0])
    add_text(cell_paragraph(agency, align=centre), letterhead.number_line, size=13)

    add_text(cell_paragraph(nation, align=centre), letterhead.national_name, bold=True, size=12)
    # Decree 30: the motto is underlined by a rule as long as the motto itself.
    motto = add_text(cell_paragraph(nation, align=centre), letterhead.motto, bold=True, size=13.5)
    motto.underline = True
    add_text(
        cell_paragraph(nation, align=centre, before=8),
        letterhead.place_date,
        italic=True,
        size=14,
    )


def _title(word, title):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = add_paragraph(
        word, align=WD_ALIGN_PARAGRAPH.CENTER, before=18, after=12, indent_mm=0
    )
    paragraph.paragraph_format.keep_with_next = True
    add_text(paragraph, title, bold=True)


def _section(word, section, *, level):
    heading = word.add_paragraph(style=f"Heading {min(level, 3)}")
    add_text(heading, f"{section.number}. {section.title}")
    for block in section.blocks:
        _block(word, block)
    for child in section.children:
        _section(word, child, level=level + 1)


def _block(word, block):
    paragraph = word.add_paragraph()
    if block.kind == "bullet":
        paragraph.add_run("- ")
    strong = block.kind == "heading"
    if strong:
        paragraph.paragraph_format.keep_with_next = True
    for run in block.runs:
        add_text(paragraph, run.text, bold=run.bold or strong, italic=run.italic)


def _closing(word, document):
    """Recipients (left) and signature (right), one row that never splits across pages."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    widths = [round(TEXT_WIDTH_MM * share, 1) for share in CLOSING_COLUMNS]
    spacer = add_paragraph(word, after=6, indent_mm=0)
    spacer.paragraph_format.keep_with_next = True
    table = add_table(word, widths)
    row = table.rows[0]
    row._tr.get_or_add_trPr().append(element("w:cantSplit"))
    recipients, signature = row.cells

    left = WD_ALIGN_PARAGRAPH.LEFT
    add_text(
        cell_paragraph(recipients, align=left),
        document.recipients_label,
        bold=True,
        italic=True,
        size=12,
    )
    for recipient in document.recipients:
        add_text(cell_paragraph(recipients, align=left), f"- {recipient}", size=11)

    centre = WD_ALIGN_PARAGRAPH.CENTER
    for line in document.signature.position_lines:
        add_text(cell_paragraph(signature, align=centre), line, bold=True, caps=True)
    name = cell_paragraph(signature, align=centre)
    # Room for the handwritten or digital signature and the seal, as the PDF leaves.
    name.paragraph_format.space_before = Mm(28)
    add_text(name, document.signature.name, bold=True)


def _annex(word, annex):
    import copy

    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    title = word.add_paragraph(style="Heading 1")
    title.paragraph_format.page_break_before = True
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_text(title, annex.title)

    table = add_table(word, ANNEX_COLUMNS_MM, style="Table Grid")
    header = table.rows[0]
    # The header row repeats at the top of every page the table runs onto.
    header._tr.get_or_add_trPr().append(element("w:tblHeader"))
    for cell, text in zip(header.cells, annex.headers, strict=True):
        add_text(cell_paragraph(cell, align=WD_ALIGN_PARAGRAPH.CENTER), text, bold=True, size=11)
    if not annex.rows:
        return
    # Thousands of rows (a year with 2,000 activities): one row is laid out, then copied, and
    # the cells take their look from one paragraph style rather than each its own properties.
    style = _annex_cell_style(word)
    template = table.add_row()
    for cell in template.cells:
        cell.paragraphs[0].style = style
    template_tr = template._tr
    rows = [template_tr] + [copy.deepcopy(template_tr) for _ in annex.rows[1:]]
    anchor = template_tr
    for tr in rows[1:]:
        anchor.addnext(tr)
        anchor = tr
    for tr, values in zip(rows, annex.rows, strict=True):
        for p, text in zip(tr.iter(qn("w:p")), values, strict=True):
            add_text(Paragraph(p, table), text)


def _annex_cell_style(word):
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    style = word.styles.add_style("Annex Table Text", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = word.styles["Normal"]
    style.font.size = Pt(11)
    fmt = style.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.LEFT
    fmt.first_line_indent = Mm(0)
    fmt.space_before, fmt.space_after = Pt(0), Pt(0)
    fmt.line_spacing = 1.0
    return style


def _properties(word, document):
    props = word.core_properties
    props.title = document.title
    props.author = document.letterhead.issuing_body
    props.last_modified_by = document.letterhead.issuing_unit
    props.language = LANGUAGE_TAGS.get(document.language, document.language)
    props.comments = ""
    props.keywords = ""
    props.subject = ""
    props.revision = 1
    now = timezone.now()
    props.created = props.modified = now
