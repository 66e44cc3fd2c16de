"""The archival, accessible edition of the PDF: PDF/A-3b with tags, metadata and attachments.

WeasyPrint writes the PDF/A parts itself (XMP with pdfaid, the sRGB OutputIntent, embedded
font subsets, /Lang); with `pdf_tags` it adds the structure tree (headings, paragraphs, lists,
tables) a screen reader walks, and /MarkInfo. PDF/A-3 rather than -2: only -3 may carry
non-PDF attachments, and the report's source data travels with it — the facts as JSON and
the annex as .xlsx (relationship /Source and /Data, ISO 32000-2 7.11.3). Our fonts (Tinos /
Liberation Serif, TrueType) embed fine under both.

The renderer calls `write_archival_pdf(document, archive)` with a rendered WeasyPrint
Document; `archive_for_content` builds the metadata and attachments of today's
`ReportContent` (after the facts → tree rewrite, build them from the facts instead).
"""

import dataclasses
import io
import json
from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone

PDF_VARIANT = "pdf/a-3b"


@dataclass(frozen=True)
class ArchiveAttachment:
    filename: str
    data: bytes
    description: str
    relationship: str = "Data"  # "Source" for the data the document was made from


@dataclass(frozen=True)
class ArchiveMetadata:
    title: str
    author: str  # the issuing body
    subject: str
    language: str
    created: datetime  # written in Asia/Ho_Chi_Minh time
    keywords: tuple[str, ...] = ()
    attachments: tuple[ArchiveAttachment, ...] = field(default_factory=tuple)


def write_archival_pdf(document, archive: ArchiveMetadata | None) -> bytes:
    """PDF/A-3b bytes of a rendered WeasyPrint `document`, tagged, with `archive`'s metadata
    and attachments. Without `archive` (benchmarks of the bare layout) a plain tagged PDF."""
    if archive is None:
        return document.write_pdf(pdf_tags=True)
    from weasyprint import Attachment

    metadata = document.metadata
    metadata.title = archive.title
    metadata.authors = [archive.author]
    metadata.description = archive.subject
    metadata.keywords = list(archive.keywords)
    metadata.lang = archive.language
    metadata.generator = "Cổng thông tin ASOEN Việt Nam"
    created = timezone.localtime(archive.created).replace(microsecond=0).isoformat()
    metadata.created = metadata.modified = created
    attachments = [
        Attachment(
            string=item.data,
            name=item.filename,
            description=item.description,
            relationship=item.relationship,
            created=archive.created,
            modified=archive.created,
        )
        for item in archive.attachments
    ]
    return document.write_pdf(
        pdf_variant=PDF_VARIANT, pdf_tags=True, attachments=attachments or None
    )


def archive_for_content(content, *, now: datetime | None = None) -> ArchiveMetadata:
    """Metadata and attachments of one edition of the annual report (`ReportContent`)."""
    from django.utils import translation
    from django.utils.translation import gettext as _

    now = now or timezone.now()
    with translation.override(content.language):
        subject = _("Báo cáo tổng kết công tác năm {year} của {unit}").format(
            year=content.year, unit=content.issuing_unit
        )
        attachments = [
            ArchiveAttachment(
                filename=f"du-lieu-bao-cao-{content.year}-{content.language}.json",
                data=facts_json(content),
                description=_("Dữ liệu nguồn của báo cáo (JSON)"),
                relationship="Source",
            )
        ]
        if content.annex:
            attachments.append(
                ArchiveAttachment(
                    filename=f"phu-luc-hoat-dong-{content.year}-{content.language}.xlsx",
                    data=annex_xlsx(content.annex_title, content.annex_headers, content.annex),
                    description=content.annex_title,
                )
            )
    return ArchiveMetadata(
        title=content.title,
        author=content.issuing_body,
        subject=subject,
        language=content.language,
        created=now,
        keywords=("ASOEN", str(content.year)),
        attachments=tuple(attachments),
    )


def facts_json(content) -> bytes:
    """The edition's content as JSON, keys as the dataclasses name them."""
    data = dataclasses.asdict(content)
    return json.dumps(data, ensure_ascii=False, indent=2, default=str).encode("utf-8")


def annex_xlsx(title: str, headers: list[str], rows) -> bytes:
    """The annex table as a one-sheet workbook (openpyxl, imported here: slow to import)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Phụ lục"
    sheet.append([title])
    sheet["A1"].font = Font(bold=True)
    sheet.append([str(header) for header in headers])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([row.date, row.group, row.title, row.place])
    for column, width in zip("ABCD", (12, 10, 80, 40), strict=True):
        sheet.column_dimensions[column].width = width
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
