"""The year-end report's content for year Y, gathered once into plain dataclasses.

`build_content(report, language)` reads every record the report needs (activities, meetings,
awards, instruments, documents, projects, tasks, narratives) and returns a `ReportContent`
tree of sections, paragraphs and bullets whose text is already worded in the chosen language.
Renderers only walk that tree: `render_pdf.py` turns it into HTML for WeasyPrint; a Word
renderer (python-docx) can walk the same tree later without touching this module or
`sections.py`. Nothing here imports a renderer.
"""

import re
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext as _

from reports import wording

# Sub-headings the secretariat writes as their own paragraph: "1. Về tổ chức...", "2.1. ...".
NUMBERED_HEADING = re.compile(r"^\d+(\.\d+)*\.\s+\S")
BOLD_RUN = re.compile(r"\*\*(.+?)\*\*")
# An unnumbered draft leaves room for the number, as the clerk writes it in by hand.
BLANK_NUMBER = "\u00a0" * 8 + "/BC-ASOEN"
# A numbered line longer than this is a sentence that happens to start with a number.
MAX_HEADING_CHARS = 160


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Block:
    """A paragraph ("p"), a bullet ("bullet") or a run-in sub-heading ("heading")."""

    kind: str
    runs: list[Run]

    @property
    def text(self):
        return "".join(run.text for run in self.runs)


@dataclass
class Section:
    number: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    children: list["Section"] = field(default_factory=list)
    italic_title: bool = False


@dataclass
class AnnexRow:
    date: str
    group: str
    title: str
    place: str


@dataclass
class ReportContent:
    year: int
    language: str
    issuing_body: str
    issuing_unit: str
    number_line: str
    national_name: str
    motto: str
    place_date: str
    title: str
    sections: list[Section]
    signer_title: str
    signer_name: str
    recipients: list[str]
    annex_title: str = ""
    annex_headers: list[str] = field(default_factory=list)
    annex: list[AnnexRow] = field(default_factory=list)
    labels: dict = field(default_factory=dict)


def paragraph(text, kind="p", lead=""):
    """A block from record text, with an optional bold lead-in ("Về giáo dục môi trường:")."""
    runs = [Run(lead + " ", bold=True)] if lead else []
    runs.append(Run(text))
    return Block(kind, runs)


def parse_narrative(text):
    """Blocks from the secretariat's text: blank-line paragraphs, "- " bullets, **bold** runs,
    and numbered sub-headings on a paragraph of their own."""
    blocks = []
    for chunk in re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n").strip()):
        for line in _lines(chunk):
            kind = "p"
            if line.startswith(("- ", "• ")):
                kind, line = "bullet", line[2:].strip()
            elif NUMBERED_HEADING.match(line) and len(line) <= MAX_HEADING_CHARS:
                kind = "heading"
            blocks.append(Block(kind, _runs(line)))
    return [block for block in blocks if block.text.strip()]


def _lines(chunk):
    # Inside one paragraph a new "- " line starts a new bullet; other line breaks are soft.
    lines, current = [], ""
    for raw in chunk.split("\n"):
        line = raw.strip()
        if not line:
            continue
        if line.startswith(("- ", "• ")) and current:
            lines.append(current)
            current = line
        else:
            current = f"{current} {line}".strip()
    if current:
        lines.append(current)
    return lines


def _runs(line):
    runs, pos = [], 0
    for match in BOLD_RUN.finditer(line):
        if match.start() > pos:
            runs.append(Run(line[pos : match.start()]))
        runs.append(Run(match.group(1), bold=True))
        pos = match.end()
    if pos < len(line):
        runs.append(Run(line[pos:]))
    return runs


def build_content(report, language):
    """Everything the renderers need for `report` in `language` ("vi" or "en")."""
    from reports.models import ReportNarrative
    from reports.orientation import orientation_sections
    from reports.results import results_sections
    from reports.selectors import gather_records

    with translation.override(language):
        narratives = _narratives(report, language)
        records = gather_records(report.year)
        year, next_year = report.year, report.year + 1
        section_i = Section(
            "I",
            _("BỐI CẢNH"),
            children=[
                Section(
                    "1",
                    _("Bối cảnh quốc tế và khu vực ASEAN"),
                    narratives.get(ReportNarrative.Section.CONTEXT_INTERNATIONAL, []),
                ),
                Section(
                    "2",
                    _("Bối cảnh trong nước"),
                    narratives.get(ReportNarrative.Section.CONTEXT_DOMESTIC, []),
                ),
            ],
        )
        section_ii = Section(
            "II",
            _("KẾT QUẢ ĐẠT ĐƯỢC NĂM {year}").format(year=year),
            narratives.get(ReportNarrative.Section.RESULTS_INTRO, []),
            results_sections(records),
        )
        orientation_intro = Section(
            "1",
            _("Các định hướng lớn của ASEAN cho năm {year}").format(year=next_year),
            narratives.get(ReportNarrative.Section.ORIENTATION_INTRO, []),
        )
        section_iii = Section(
            "III",
            _("ĐỊNH HƯỚNG CÔNG TÁC NĂM {year}").format(year=next_year),
            children=[orientation_intro, *orientation_sections(records)],
        )
        section_iv = Section(
            "IV",
            _("THUẬN LỢI VÀ KHÓ KHĂN"),
            children=[
                Section(
                    "1", _("Thuận lợi"), narratives.get(ReportNarrative.Section.ADVANTAGES, [])
                ),
                Section(
                    "2", _("Khó khăn"), narratives.get(ReportNarrative.Section.DIFFICULTIES, [])
                ),
            ],
        )
        section_v = Section(
            "V",
            _("ĐỀ XUẤT, KIẾN NGHỊ"),
            narratives.get(ReportNarrative.Section.PROPOSALS, []),
        )
        content = ReportContent(
            year=year,
            language=language,
            issuing_body=_localised(report, "issuing_body", language),
            issuing_unit=_localised(report, "issuing_unit", language),
            number_line=_("Số: {number}").format(
                number=report.number_symbol or "\u00a0" * 8 + "/BC-ASOEN"
            ),
            national_name=_("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            motto=_("Độc lập - Tự do - Hạnh phúc"),
            place_date=wording.place_date_line(
                _localised(report, "place", language), report.report_date
            ),
            title=_(
                "BÁO CÁO TỔNG KẾT CÔNG TÁC NĂM {year}, ĐỊNH HƯỚNG CÔNG TÁC NĂM {next_year} "
                "CỦA ASOEN VIỆT NAM"
            ).format(year=year, next_year=next_year),
            sections=[section_i, section_ii, section_iii, section_iv, section_v],
            signer_title=_localised(report, "signer_title", language),
            signer_name=report.signer_name,
            recipients=[
                line.strip()
                for line in _localised(report, "recipients", language).splitlines()
                if line.strip()
            ],
            labels={
                "recipients": _("Nơi nhận:"),
                "page": _("Trang"),
            },
        )
        if records.annex_activities:
            content.annex_title = _("PHỤ LỤC: DANH MỤC HOẠT ĐỘNG NĂM {year}").format(year=year)
            content.annex_headers = [_("Ngày"), _("Nhóm"), _("Hoạt động"), _("Địa điểm")]
            content.annex = records.annex_rows()
        return content


def _narratives(report, language):
    """Blocks per section in `language`, falling back to the Vietnamese text section by section."""
    texts = {}
    for narrative in report.narratives.all():
        if narrative.text.strip():
            texts.setdefault(narrative.section, {})[narrative.language] = narrative.text
    return {
        section: parse_narrative(by_lang.get(language) or by_lang.get("vi") or "")
        for section, by_lang in texts.items()
    }


def _localised(report, field_name, language):
    """The report's own field in the edition's language, falling back to the Vietnamese."""
    if language == "en":
        return getattr(report, f"{field_name}_en") or getattr(report, field_name)
    return getattr(report, field_name)
