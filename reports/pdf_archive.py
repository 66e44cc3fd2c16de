"""The archival, accessible edition of the PDF: PDF/A-3b with tags, metadata and attachments.

WeasyPrint writes the PDF/A parts itself (XMP with pdfaid, the sRGB OutputIntent, embedded
font subsets, /Lang); with `pdf_tags` it adds the structure tree (headings, paragraphs, lists,
tables) a screen reader walks, and /MarkInfo. PDF/A-3 rather than -2: only -3 may carry
non-PDF attachments, and the report's source data travels with it — the facts as JSON and
the annex as .xlsx (relationship /Source and /Data, ISO 32000-2 7.11.3). Our fonts (Tinos /
Liberation Serif, TrueType) embed fine under both.

The renderer calls `write_archival_pdf(rendered, archive)` with a rendered WeasyPrint document;
`archive_for_document` builds the metadata and attachments of one edition (`Document`).
"""

import io
import json
from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone

from reports.document import Annex, Document

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


def archive_for_document(
    document: Document, *, source_data: dict | None = None, now: datetime | None = None
) -> ArchiveMetadata:
    """Metadata and attachments of one edition of the annual report: `source_data` (the facts,
    heading and narratives the edition was built from, see reports.editions) as JSON, and the
    annex as .xlsx."""
    from django.utils import translation
    from django.utils.translation import gettext as _

    now = now or timezone.now()
    letterhead = document.letterhead
    with translation.override(document.language):
        subject = _("Báo cáo tổng kết công tác năm {year} của {unit}").format(
            year=document.year, unit=letterhead.issuing_unit
        )
        attachments = []
        if source_data is not None:
            attachments.append(
                ArchiveAttachment(
                    filename=f"du-lieu-bao-cao-{document.year}-{document.language}.json",
                    data=json.dumps(
                        source_data, ensure_ascii=False, indent=2, default=str
                    ).encode(),
                    description=_("Dữ liệu nguồn của báo cáo (JSON)"),
                    relationship="Source",
                )
            )
        if document.annex and document.annex.rows:
            attachments.append(
                ArchiveAttachment(
                    filename=f"phu-luc-hoat-dong-{document.year}-{document.language}.xlsx",
                    data=annex_xlsx(document.annex),
                    description=document.annex.title,
                )
            )
    return ArchiveMetadata(
        title=document.title,
        author=letterhead.issuing_body,
        subject=subject,
        language=document.language,
        created=now,
        keywords=("ASOEN", str(document.year)),
        attachments=tuple(attachments),
    )


def annex_xlsx(annex: Annex) -> bytes:
    """The annex table as a one-sheet workbook (openpyxl, imported here: slow to import)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Phụ lục"
    sheet.append([annex.title])
    sheet["A1"].font = Font(bold=True)
    sheet.append([str(header) for header in annex.headers])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in annex.rows:
        sheet.append(list(row))
    for column, width in zip("ABCD", (12, 10, 80, 40), strict=True):
        sheet.column_dimensions[column].width = width
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
