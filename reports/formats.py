"""The file formats a report is rendered to: which renderer makes each, its file name
extension and its content type (used by the render job, the download and build_report)."""

from collections.abc import Callable

from reports.models import ReportRender

EXTENSIONS = {ReportRender.Format.PDF: "pdf", ReportRender.Format.DOCX: "docx"}
CONTENT_TYPES = {
    ReportRender.Format.PDF: "application/pdf",
    ReportRender.Format.DOCX: (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    ),
}


def renderer(file_format: str) -> Callable:
    """The function turning a reports.document.Document into the file's bytes; the
    renderers are imported here because WeasyPrint and python-docx are slow to import."""
    if file_format == ReportRender.Format.DOCX:
        from reports.render_docx import render_docx

        return render_docx
    if file_format == ReportRender.Format.PDF:
        from reports.render_pdf import render_pdf

        return render_pdf
    raise ValueError(f"Unknown report format: {file_format!r}")


def extension(file_format: str) -> str:
    return EXTENSIONS[ReportRender.Format(file_format)]


def content_type(file_format: str) -> str:
    return CONTENT_TYPES[ReportRender.Format(file_format)]
